/**
 * Purchasing (function description A.1: "adviseert bij de aankoop van digitale middelen" and "plant de aankopen
 * binnen het ICT-budget en volgt de aankopen op"): a staff member asks for a purchase, the coordinator advises (the
 * recommended option, alternatives, what it replaces, the budget line), the director approves, rejects or asks for
 * changes, quotes are compared against the board's thresholds, the order (also a joint order split over the schools
 * of the school community) is placed, deliveries put the assets and licences into the inventory, and invoices turn
 * commitments into spending.
 *
 * <p>{@link be.coordinaat.purchasing.Purchases} handles requests, advice, decisions and quotes;
 * {@link be.coordinaat.purchasing.PurchaseOrders} orders, deliveries and invoices. Budget amounts are booked only
 * through {@code budget.BudgetLedger}; assets and licences are created only through {@code inventory.Procurement} and
 * {@code licences.Licences}, so their rules, tags and history apply. Lists join school, room, asset and licence
 * names in SQL (read-only).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Purchasing")
package be.coordinaat.purchasing;
