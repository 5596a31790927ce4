package be.coordinaat.policy;

/** Where a vision version or a policy plan stands in the approval by the director. */
public enum ApprovalStatus {
    DRAFT, SUBMITTED, APPROVED, RETURNED
}
