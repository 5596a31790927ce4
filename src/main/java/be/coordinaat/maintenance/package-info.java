/**
 * Maintenance of the digital means (function description A.4: "zorgt voor het onderhoud van de digitale middelen zoals
 * hardware en netwerken"; C: works with the municipal ICT and technical services): preventive maintenance plans per
 * school ({@link be.coordinaat.maintenance.MaintenancePlans}) with their schedule
 * ({@link be.coordinaat.maintenance.Schedule}), checklist and assignee (an account of the school or an external
 * organisation such as the municipal ICT service); carrying them out per target asset; the maintenance log of every
 * asset ({@link be.coordinaat.maintenance.MaintenanceLogs}); and the network documentation of the schools
 * ({@link be.coordinaat.maintenance.Network}): VLANs, subnets, Wi-Fi, network devices and internet lines.
 *
 * <p>Publishes {@link be.coordinaat.maintenance.MaintenanceCheckFailed} for every failed check, in the transaction that
 * completes the occurrence, so that the helpdesk can open a ticket; and {@code RecordChanged} for the history.
 *
 * <p>Scope: MAINTENANCE_READ / MAINTENANCE_MANAGE per school. Accounts of an external organisation see and work only
 * the plans assigned to their organisation and the assets those plans apply to; they do not change plans and do not
 * see the network documentation.
 *
 * <p>Depends on {@code access} (scope, roles), {@code school} (rooms, through {@link be.coordinaat.school.Schools}),
 * {@code inventory} (asset kinds) and {@code shared}. Read-only joins cross the border where a facade call per row
 * would cost a query per row, or where the facade's own permission does not apply: the matching assets of a plan,
 * their tags and rooms are read from the inventory's {@code asset}, {@code asset_model} and {@code manufacturer}
 * tables (an external account of the municipal ICT service has no INVENTORY_READ, yet must see the assets it
 * maintains); the assignee's name from {@code app_user} and {@code organisation}; an internet provider's contacts from
 * the people module's {@code contact}. Writes to those tables never happen here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Maintenance")
package be.coordinaat.maintenance;
