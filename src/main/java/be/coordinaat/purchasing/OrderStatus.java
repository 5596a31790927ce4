package be.coordinaat.purchasing;

/** Where an order stands: ordered → partly delivered → delivered → invoiced → closed. */
public enum OrderStatus {
    ORDERED, PARTLY_DELIVERED, DELIVERED, INVOICED, CLOSED;

    PurchaseStatus asRequestStatus() {
        return PurchaseStatus.valueOf(name());
    }
}
