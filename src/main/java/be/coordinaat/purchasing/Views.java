package be.coordinaat.purchasing;

import be.coordinaat.inventory.AssetKind;
import be.coordinaat.licences.LicenceType;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What purchasing shows: lists return rows, detail pages views. */
public final class Views {
    private Views() {}

    public record RequestRow(long id, long schoolId, String schoolName, String title, String forWhom, int quantity,
            BigDecimal estimatedCost, LocalDate wishedDate, PurchaseStatus status, String requesterName, int quoteCount,
            Instant createdAt) {}

    /** How many quotes the board's rules ask for this amount; {@code procedure} when a formal procedure is needed. */
    public record QuoteRule(int required, boolean procedure) {}

    public record ReplacedItem(String kind, long id, String label) {}

    public record QuoteView(long id, Long supplierOrganisationId, String supplierName, BigDecimal amount, LocalDate quoteDate,
            String reference, String notes, String fileName, String contentType, Long size, String createdBy,
            Instant createdAt) {

        public boolean hasFile() {
            return fileName != null;
        }
    }

    public record QuoteFile(String fileName, String contentType, byte[] bytes) {}

    public record RequestView(long id, long schoolId, String schoolName, String title, String reason, String forWhom,
            Long roomId, String roomName, int quantity, BigDecimal estimatedCost, LocalDate wishedDate,
            PurchaseStatus status, Long requesterId, String requesterName, String recommendation, String alternatives,
            Long budgetLineId, String budgetLineLabel, String advisedBy, Instant advisedAt, String decisionComment,
            String decidedBy, Instant decidedAt, Long chosenQuoteId, String choiceReason, Long orderId, int version,
            Instant createdAt, Instant updatedAt, List<ReplacedItem> replaces, List<QuoteView> quotes, QuoteRule rule) {

        /** Fewer quotes than the board's rules ask for this amount. */
        @JsonProperty("quotesMissing")
        public boolean quotesMissing() {
            return quotes.size() < rule.required();
        }
    }

    public record RequestPermissions(boolean edit, boolean advise, boolean decide, boolean quotes, boolean order) {}

    public record OrderRow(long id, String number, LocalDate orderDate, String supplierName, OrderStatus status,
            BigDecimal totalGross, String schools, Long requestId, boolean joint) {}

    public record OrderLineView(long id, int lineNo, long schoolId, String schoolName, String description, int quantity,
            BigDecimal unitPrice, BigDecimal vatRate, BigDecimal net, BigDecimal vat, BigDecimal gross, ItemKind itemKind,
            AssetKind assetKind, Long assetModelId, String modelName, Long softwareId, String softwareName,
            LicenceType licenceType, Long budgetLineId, String budgetLineLabel, int received) {

        @JsonProperty("remaining")
        public int remaining() {
            return quantity - received;
        }
    }

    public record DeliveredUnit(int unitNo, String serial, Long assetId, String assetTag) {}

    public record DeliveredLine(long orderLineId, int lineNo, String description, int quantity, Long licenceId,
            List<DeliveredUnit> units) {}

    public record DeliveryView(long id, String submissionKey, LocalDate deliveredOn, String note, String receivedBy,
            Instant createdAt, List<DeliveredLine> lines) {}

    public record InvoiceView(long id, String number, BigDecimal amount, LocalDate invoiceDate, LocalDate paidOn,
            String createdBy, Instant createdAt) {}

    public record OrderView(long id, long schoolId, String schoolName, List<Long> schoolIds, String number,
            LocalDate orderDate, Long supplierOrganisationId, String supplierName, OrderStatus status, String notes,
            BigDecimal totalNet, BigDecimal totalVat, BigDecimal totalGross, Long requestId, String requestTitle,
            String createdBy, int version, Instant createdAt, List<OrderLineView> lines, List<DeliveryView> deliveries,
            List<InvoiceView> invoices) {

        @JsonProperty("invoiced")
        public BigDecimal invoiced() {
            return Amounts.sum(invoices.stream().map(InvoiceView::amount).toList());
        }

        @JsonProperty("joint")
        public boolean joint() {
            return schoolIds.size() > 1;
        }

        public boolean fullyDelivered() {
            return lines.stream().allMatch(l -> l.remaining() == 0);
        }
    }

    public record SettingsView(BigDecimal singleQuoteBelow, BigDecimal procedureFrom, int quotesRequired, int version) {

        public QuoteRule rule(BigDecimal amount) {
            if (amount == null || amount.compareTo(singleQuoteBelow) < 0) {
                return new QuoteRule(1, false);
            }
            return new QuoteRule(quotesRequired, amount.compareTo(procedureFrom) >= 0);
        }
    }

    /** One delivery's result: the delivery and whether it was new (false for a replayed submission). */
    public record DeliveryResult(long deliveryId, boolean created) {}
}
