package be.coordinaat.privacy;

import be.coordinaat.privacy.Kinds.AgreementState;
import be.coordinaat.privacy.Kinds.AgreementStatus;
import be.coordinaat.privacy.Kinds.BreachRisk;
import be.coordinaat.privacy.Kinds.DpiaCriterion;
import be.coordinaat.privacy.Kinds.DpiaDecision;
import be.coordinaat.privacy.Kinds.LegalBasis;
import be.coordinaat.privacy.Kinds.ModelAgreement;
import be.coordinaat.privacy.Kinds.NotificationState;
import be.coordinaat.privacy.Kinds.ProcessingStatus;
import be.coordinaat.privacy.Kinds.ReviewKind;
import be.coordinaat.privacy.Kinds.SubjectCategory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the privacy module shows: read models. {@code schoolId} null means the whole board. */
public final class Views {
    private Views() {}

    /** The latest sign-off of a record; {@code current} is false when the record changed after it. */
    public record SignOff(String by, Instant at, boolean current) {}

    /** One line of the register. */
    public record ProcessingRow(long id, Long schoolId, String schoolName, String name, LegalBasis legalBasis,
            List<SubjectCategory> subjectCategories, boolean specialCategories, String softwareName,
            ProcessingStatus status, LocalDate reviewDate, boolean reviewDue, SignOff signOff) {}

    /** A processing activity with everything about it. */
    public record ProcessingView(long id, Long schoolId, String schoolName, String name, String purpose,
            LegalBasis legalBasis, List<SubjectCategory> subjectCategories, String dataCategories,
            boolean specialCategories, String specialCategoriesDetail, String recipients, Long processorOrganisationId,
            String processorOrganisationName, String processorName, boolean transfersOutsideEu,
            String transferSafeguards, String retention, String securityMeasures, Long softwareId, String softwareName,
            String owner, ProcessingStatus status, LocalDate reviewDate, boolean reviewDue, SignOff signOff,
            int version, Instant createdAt, Instant updatedAt) {

        /** The processor to show: the organisation's name or the free text. */
        public String processor() {
            return processorOrganisationName != null ? processorOrganisationName : processorName;
        }
    }

    /** A processor agreement; {@code state} is EXPIRED for a signed agreement whose end date has passed. */
    public record AgreementView(long id, Long schoolId, String schoolName, Long softwareId, String softwareName,
            Long vendorOrganisationId, String vendorOrganisationName, String vendorName, AgreementStatus status,
            AgreementState state, ModelAgreement model, LocalDate requestedOn, LocalDate signedOn, LocalDate endDate,
            String reference, String notes, DocumentView document, SignOff signOff, int version, Instant createdAt,
            Instant updatedAt) {

        /** Who it is with: the organisation, the free text, or the tool's name. */
        public String vendor() {
            return vendorOrganisationName != null ? vendorOrganisationName : vendorName != null ? vendorName : softwareName;
        }

        /** "Smartschool – Smartbit bv", or just one of both. */
        public String title() {
            String v = vendorOrganisationName != null ? vendorOrganisationName : vendorName;
            return softwareName == null ? v : v == null ? softwareName : softwareName + " – " + v;
        }
    }

    /** The agreement's document (a PDF). */
    public record DocumentView(String fileName, String contentType, long size, String uploadedBy, Instant uploadedAt) {}

    /** A document's content, for download. */
    public record DocumentFile(String fileName, String contentType, byte[] bytes) {}

    /**
     * A tool a school uses without a signed, valid processor agreement for that school or the board: {@code state}
     * is the best agreement there is (NONE when there is none at all).
     */
    public record AgreementWarning(long schoolId, String schoolName, long softwareId, String softwareName,
            AgreementState state, Long agreementId) {}

    /** One line of the DPIA list. */
    public record DpiaRow(long id, Long schoolId, String schoolName, String title, String softwareName, int criteria,
            boolean needed, int risks, int highRisks, DpiaDecision decision, SignOff signOff, Instant createdAt) {}

    /** A DPIA with its screening, risks and decision. */
    public record DpiaView(long id, Long schoolId, String schoolName, String title, Long softwareId, String softwareName,
            Long processingId, String processingName, List<DpiaCriterion> criteria, boolean needed, String description,
            String necessity, List<RiskView> risks, DpiaDecision decision, String decisionNote, Instant decidedAt,
            String decidedBy, SignOff signOff, int version, Instant createdAt, Instant updatedAt) {}

    /** A risk: score = likelihood × impact (1–16); LOW up to 3, MEDIUM up to 7, HIGH from 8. */
    public record RiskView(long id, String description, int likelihood, int impact, String measures) {
        public int score() {
            return likelihood * impact;
        }

        public String level() {
            int s = score();
            return s >= 8 ? "HIGH" : s >= 4 ? "MEDIUM" : "LOW";
        }
    }

    /**
     * One line of the breach register. {@code deadline} is 72 hours after discovery; {@code state} says where the
     * notification stands.
     */
    public record BreachRow(long id, Long schoolId, String schoolName, String title, Instant discoveredAt,
            Instant deadline, BreachRisk risk, NotificationState state, Integer peopleAffected, boolean closed,
            SignOff signOff) {}

    /** A breach with its assessment and notification. */
    public record BreachView(long id, Long schoolId, String schoolName, String title, String description,
            Instant occurredAt, Instant discoveredAt, Instant deadline, String reportedBy, Long reportedById,
            List<SubjectCategory> subjectCategories, String dataCategories, boolean specialCategories,
            Integer peopleAffected, Integer recordsAffected, BreachRisk risk, String riskAssessment,
            Instant authorityNotifiedAt, String authorityReference, String delayReason, String notNotifiedReason,
            Instant peopleInformedAt, String measures, Instant closedAt, NotificationState state, SignOff signOff,
            int version, Instant createdAt, Instant updatedAt) {

        public boolean closed() {
            return closedAt != null;
        }

        /** Time left until the deadline (negative when it passed). */
        public Duration remaining() {
            return Duration.between(Instant.now(), deadline);
        }

        /** Notified after the 72 hours. */
        public boolean notifiedLate() {
            return authorityNotifiedAt != null && authorityNotifiedAt.isAfter(deadline);
        }

        /** The people must be told (high risk) and have not been yet. */
        public boolean peopleToInform() {
            return risk == BreachRisk.HIGH && peopleInformedAt == null;
        }
    }

    /** A comment, advice or sign-off on a record. */
    public record ReviewView(long id, ReviewKind kind, String body, String authorName, Instant createdAt) {}

    /** The privacy overview of the schools in scope: what needs attention. */
    public record Overview(long processing, long processingReviewDue, long agreementWarnings, long dpiasPending,
            long breachesOpen, List<BreachRow> clockRunning) {}

    /** A choice in a form: id and name. */
    public record Choice(long id, String name) {}
}
