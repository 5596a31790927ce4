package be.coordinaat.privacy;

/** The fixed choices of the privacy module. */
public final class Kinds {
    private Kinds() {}

    /** The six lawful bases of GDPR art. 6(1). */
    public enum LegalBasis { CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS, PUBLIC_TASK, LEGITIMATE_INTERESTS }

    /** Whose personal data it is. */
    public enum SubjectCategory { PUPILS, PARENTS, STAFF, OTHER }

    /** Where a register entry stands. */
    public enum ProcessingStatus { DRAFT, ACTIVE, UNDER_REVIEW, RETIRED }

    /** A processor agreement as stored; {@link AgreementState} adds EXPIRED. */
    public enum AgreementStatus { NONE, REQUESTED, SIGNED }

    /** A processor agreement as shown: SIGNED with an end date in the past is EXPIRED. */
    public enum AgreementState { NONE, REQUESTED, SIGNED, EXPIRED }

    /** Which text the agreement follows. */
    public enum ModelAgreement {
        /** The model processor agreement of the Flemish education umbrella organisations ("modelverwerkersovereenkomst"). */
        FLEMISH_EDUCATION,
        /** The vendor's own data processing agreement. */
        VENDOR,
        /** The board's own model. */
        OWN,
        OTHER
    }

    /**
     * The nine criteria of the EDPB guidelines on DPIA (WP248 rev.01): two or more mean a DPIA is needed.
     */
    public enum DpiaCriterion {
        EVALUATION_SCORING, AUTOMATED_DECISIONS, SYSTEMATIC_MONITORING, SENSITIVE_DATA, LARGE_SCALE,
        MATCHING_DATASETS, VULNERABLE_SUBJECTS, INNOVATIVE_TECHNOLOGY, PREVENTS_RIGHTS
    }

    /** The outcome of a DPIA. */
    public enum DpiaDecision { PENDING, PROCEED, PROCEED_WITH_MEASURES, DO_NOT_PROCEED }

    /**
     * The risk of a breach to the people concerned: NONE and LOW need no notification (the breach is logged all the
     * same), RISK is notified to the authority within 72 hours, HIGH also to the people themselves.
     */
    public enum BreachRisk {
        NONE, LOW, RISK, HIGH;

        public boolean notifyAuthority() {
            return this == RISK || this == HIGH;
        }

        public boolean informPeople() {
            return this == HIGH;
        }
    }

    /** Where a breach's notification stands, computed from the risk, the clock and what was done. */
    public enum NotificationState {
        /** Not assessed yet: the clock runs. */
        ASSESS,
        /** Notifiable and not notified yet, within the 72 hours. */
        DUE,
        /** Notifiable, not notified, and the 72 hours have passed. */
        OVERDUE,
        NOTIFIED,
        /** Assessed as no or low risk: logged only. */
        NOT_REQUIRED
    }

    /** A comment, the DPO's advice, or a sign-off. */
    public enum ReviewKind { COMMENT, ADVICE, SIGN_OFF }
}
