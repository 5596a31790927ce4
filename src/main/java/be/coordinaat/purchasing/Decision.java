package be.coordinaat.purchasing;

/** The director's decision on a purchase request. */
public enum Decision {
    APPROVE, REJECT, REQUEST_CHANGES
}
