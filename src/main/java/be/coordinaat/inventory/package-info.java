/**
 * The inventory of the digital means of the schools (function description A.4): assets with a tag that is stable
 * and unique per school, their life cycle ({@link be.coordinaat.inventory.AssetStatus}), assignment to a room or a
 * person of the same school, custom fields per kind, photos and invoices; the board-wide catalogue of manufacturers,
 * models and custom fields ({@link be.coordinaat.inventory.AssetCatalog}); the filtered asset list with saved
 * filters and the counts per school ({@link be.coordinaat.inventory.Inventory}).
 *
 * <p>Depends on {@code access} (who may do what in which school), {@code school} (rooms, through
 * {@link be.coordinaat.school.Schools}) and {@code shared}. Its list queries join the names of schools, rooms,
 * buildings and persons in SQL, so a page costs one query and one count. Whether a person belongs to a school is
 * read from the people module's {@code person_school} table, and the assignment chooser reads {@code person}: the
 * people module has no facade for these questions yet; when it has, these two reads move behind it.
 *
 * <p>Built on top of it later: loans ({@link be.coordinaat.inventory.Inventory#lendOut},
 * {@link be.coordinaat.inventory.Inventory#returnFromLoan} are the only way in and out of ON_LOAN), QR labels (the
 * tag), stocktake ({@link be.coordinaat.inventory.Inventory#markAudited}, {@code last_audit_at}), consumables and
 * imports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package be.coordinaat.inventory;
