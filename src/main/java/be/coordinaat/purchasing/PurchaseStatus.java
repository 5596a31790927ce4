package be.coordinaat.purchasing;

/**
 * Where a purchase request stands, as the requester sees it: requested → advised → approved / rejected / changes
 * requested → ordered → (partly) delivered → invoiced → closed. After ordering, the request follows its order.
 */
public enum PurchaseStatus {
    REQUESTED, ADVISED, APPROVED, REJECTED, CHANGES_REQUESTED, ORDERED, PARTLY_DELIVERED, DELIVERED, INVOICED, CLOSED;

    /** The requester (or a manager) may still change the request. */
    public boolean editable() {
        return this == REQUESTED || this == CHANGES_REQUESTED;
    }

    /** The coordinator may (re)advise, and the director decide. */
    public boolean open() {
        return this == REQUESTED || this == ADVISED;
    }

    /** Quotes may be added while the request is not rejected and not yet ordered. */
    public boolean acceptsQuotes() {
        return this == REQUESTED || this == ADVISED || this == APPROVED || this == CHANGES_REQUESTED;
    }
}
