package be.coordinaat.privacy;

import be.coordinaat.privacy.Kinds.AgreementStatus;
import be.coordinaat.privacy.Kinds.BreachRisk;
import be.coordinaat.privacy.Kinds.DpiaCriterion;
import be.coordinaat.privacy.Kinds.DpiaDecision;
import be.coordinaat.privacy.Kinds.LegalBasis;
import be.coordinaat.privacy.Kinds.ModelAgreement;
import be.coordinaat.privacy.Kinds.ProcessingStatus;
import be.coordinaat.privacy.Kinds.ReviewKind;
import be.coordinaat.privacy.Kinds.SubjectCategory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms (and JSON bodies) of the privacy module. {@code schoolId} empty means the whole board (PRIVACY_MANAGE
 * board-wide); it is fixed at creation and ignored on updates. {@code version} is the optimistic-lock version read.
 * Times without a zone ({@code discoveredAt}, ...) are local times in Europe/Brussels, as the schools read them.
 */
public final class Forms {
    private Forms() {}

    static final String LOCAL_TIME = "yyyy-MM-dd'T'HH:mm";

    /** A processing activity of the register (GDPR art. 30). */
    public record ProcessingForm(
            Long schoolId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 4000) String purpose,
            @NotNull LegalBasis legalBasis,
            @Size(max = 4) List<@NotNull SubjectCategory> subjectCategories,
            @Size(max = 4000) String dataCategories,
            Boolean specialCategories,
            @Size(max = 2000) String specialCategoriesDetail,
            @Size(max = 2000) String recipients,
            Long processorOrganisationId,
            @Size(max = 200) String processorName,
            Boolean transfersOutsideEu,
            @Size(max = 2000) String transferSafeguards,
            @NotBlank @Size(max = 1000) String retention,
            @Size(max = 4000) String securityMeasures,
            Long softwareId,
            @Size(max = 200) String owner,
            @NotNull ProcessingStatus status,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewDate,
            Integer version) {}

    /**
     * A processor agreement with a vendor, for a tool of the catalogue or not. The vendor is an organisation of the
     * people module or free text (never both); with neither, the tool's name stands for it.
     */
    public record AgreementForm(
            Long schoolId,
            Long softwareId,
            Long vendorOrganisationId,
            @Size(max = 200) String vendorName,
            @NotNull AgreementStatus status,
            @NotNull ModelAgreement model,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
            @Size(max = 100) String reference,
            @Size(max = 4000) String notes,
            Integer version) {}

    /** A DPIA: what is processed, the screening on the EDPB criteria, necessity and proportionality. */
    public record DpiaForm(
            Long schoolId,
            @NotBlank @Size(max = 200) String title,
            Long softwareId,
            Long processingId,
            @Size(max = 9) List<@NotNull DpiaCriterion> criteria,
            @Size(max = 8000) String description,
            @Size(max = 8000) String necessity,
            Integer version) {}

    /** One risk of a DPIA: likelihood and impact from 1 (low) to 4 (high), and the measures against it. */
    public record RiskForm(
            @NotBlank @Size(max = 2000) String description,
            @NotNull @Min(1) @Max(4) Integer likelihood,
            @NotNull @Min(1) @Max(4) Integer impact,
            @Size(max = 4000) String measures) {}

    /** The decision on a DPIA. */
    public record DecisionForm(@NotNull DpiaDecision decision, @Size(max = 4000) String note, Integer version) {}

    /**
     * A data breach. Whoever reports one fills in what happened, when it was discovered and what and who is
     * affected; the assessment part (risk, notification, measures, closing) is kept by PRIVACY_MANAGE holders and is
     * ignored in a report by anyone else.
     */
    public record BreachForm(
            Long schoolId,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 8000) String description,
            @DateTimeFormat(pattern = LOCAL_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime occurredAt,
            @NotNull @DateTimeFormat(pattern = LOCAL_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime discoveredAt,
            @Size(max = 4) List<@NotNull SubjectCategory> subjectCategories,
            @Size(max = 4000) String dataCategories,
            Boolean specialCategories,
            @Min(0) @Max(10_000_000) Integer peopleAffected,
            @Min(0) @Max(100_000_000) Integer recordsAffected,
            BreachRisk risk,
            @Size(max = 4000) String riskAssessment,
            @DateTimeFormat(pattern = LOCAL_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime authorityNotifiedAt,
            @Size(max = 100) String authorityReference,
            @Size(max = 2000) String delayReason,
            @Size(max = 2000) String notNotifiedReason,
            @DateTimeFormat(pattern = LOCAL_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime peopleInformedAt,
            @Size(max = 4000) String measures,
            Boolean closed,
            Integer version) {}

    /** A comment on a privacy record, the DPO's advice, or a sign-off (with an optional remark). */
    public record ReviewForm(@NotNull ReviewKind kind, @Size(max = 4000) String body) {}
}
