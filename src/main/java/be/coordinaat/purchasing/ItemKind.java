package be.coordinaat.purchasing;

/** What an order line buys: what a delivery creates for it (an asset per unit, one licence, or nothing). */
public enum ItemKind {
    ASSET, LICENCE, CONSUMABLE, SERVICE
}
