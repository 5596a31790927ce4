package be.coordinaat.purchasing;

import be.coordinaat.inventory.AssetKind;
import be.coordinaat.licences.LicenceType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms (and JSON bodies) of purchasing. {@code version} is the optimistic-lock version read. Rules the
 * annotations cannot express (references in the right school, amounts, states) are checked by {@link Purchases} and
 * {@link PurchaseOrders} and reported per field.
 */
public final class Forms {
    private Forms() {}

    /** A purchase request: what, why, for whom or which room, how many, the estimated cost (incl. VAT), wished date. */
    public record RequestForm(
            Long schoolId,
            @Size(max = 200) String title,
            @Size(max = 4000) String reason,
            @Size(max = 200) String forWhom,
            Long roomId,
            Integer quantity,
            BigDecimal estimatedCost,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate wishedDate,
            Integer version) {}

    /**
     * The coordinator's advice: the recommended option, alternatives, what the purchase replaces (assets and
     * licences of the same school) and the budget line to book it on.
     */
    public record AdviceForm(
            @Size(max = 4000) String recommendation,
            @Size(max = 4000) String alternatives,
            Long budgetLineId,
            @Size(max = 100) List<@NotNull Long> replacesAssetIds,
            @Size(max = 100) List<@NotNull Long> replacesLicenceIds,
            Integer version) {}

    /**
     * The director's decision. Approving books the estimated cost as committed on the budget line (the advice's, or
     * {@code budgetLineId}); when that exceeds what remains, {@code confirmOverBudget} must be true.
     */
    public record DecisionForm(
            @NotNull Decision decision,
            @Size(max = 4000) String comment,
            Long budgetLineId,
            Boolean confirmOverBudget,
            Integer version) {}

    /** A quote: the supplier is an organisation of the people module or a free name. */
    public record QuoteForm(
            Long supplierOrganisationId,
            @Size(max = 200) String supplierName,
            BigDecimal amount,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quoteDate,
            @Size(max = 100) String reference,
            @Size(max = 2000) String notes) {}

    /** The quote chosen, and why (required when it is not the cheapest). */
    public record ChoiceForm(@NotNull Long quoteId, @Size(max = 2000) String reason, Integer version) {}

    /**
     * An order, from an approved request ({@code requestId}) or on its own (a joint purchase for several schools of
     * the school community). Each line names its school and budget line.
     */
    public record OrderForm(
            Long schoolId,
            Long requestId,
            @Size(max = 50) String number,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate orderDate,
            Long supplierOrganisationId,
            @Size(max = 200) String supplierName,
            @Size(max = 4000) String notes,
            @Size(max = 200) List<@Valid OrderLineForm> lines,
            Boolean confirmOverBudget) {}

    /** One order line; unit price excl. VAT; VAT rate 0, 6, 12 or 21. */
    public record OrderLineForm(
            Long schoolId,
            @Size(max = 300) String description,
            Integer quantity,
            BigDecimal unitPrice,
            BigDecimal vatRate,
            ItemKind itemKind,
            AssetKind assetKind,
            Long assetModelId,
            Long softwareId,
            LicenceType licenceType,
            Long budgetLineId) {}

    /**
     * A delivery. {@code submissionKey} identifies this submission: sending the same key again returns the first
     * delivery and creates nothing.
     */
    public record DeliveryForm(
            @Size(max = 64) String submissionKey,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn,
            @Size(max = 2000) String note,
            @Size(max = 200) List<@Valid DeliveryLineForm> lines) {}

    /** Units received of one order line, with their serial numbers (typed or scanned; optional, at most one per unit). */
    public record DeliveryLineForm(Long orderLineId, Integer quantity, @Size(max = 10000) List<@Size(max = 100) String> serials) {}

    public record InvoiceForm(
            @Size(max = 60) String number,
            BigDecimal amount,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate invoiceDate,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn) {}

    /** Marks an invoice paid. */
    public record PaidForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn) {}

    /** The board's quote thresholds. */
    public record SettingsForm(BigDecimal singleQuoteBelow, BigDecimal procedureFrom, Integer quotesRequired,
            Integer version) {}
}
