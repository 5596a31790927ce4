/**
 * Licence policy (function description A.4: "staat in voor een goed licentiebeleid"; "beheert de digitale middelen
 * waaronder de administratieve software en de elektronische leeromgeving"): the board's catalogue of software and
 * digital tools with the schools that use them ({@link be.coordinaat.licences.SoftwareCatalogue}), and the licences
 * of a school or of the whole board with their seats, cost, renewal dates, proof of purchase and assignment to
 * assets, people or whole schools ({@link be.coordinaat.licences.Licences}): seats used against seats owned,
 * renewals due, and a compliance view per school. The same catalogue holds the life of a digital tool in each school
 * (function description A.2 and A.3, {@link be.coordinaat.licences.DigitalTools}): proposed by staff, evaluated with
 * a rubric by invited teachers, adopted, piloted, rejected or retired by the coordinator or director; before adoption
 * every {@link be.coordinaat.licences.ToolPrivacyChecks} implementation (the privacy module) is asked for open checks.
 *
 * <p>Scope: the catalogue is shared by the board (every holder of LICENCES_READ sees it, so a tool is registered
 * once); a change to an entry needs LICENCES_MANAGE in every school that uses it. A licence belongs to one school
 * (LICENCES_READ / LICENCES_MANAGE in that school) or to the board (read by every LICENCES_READ holder, changed by
 * board admins only); assignments of a board-wide licence are shown only for the targets in the reader's schools.
 *
 * <p>Depends on {@code access} (scope, accounts as administrators), {@code inventory} (assets, through
 * {@link be.coordinaat.inventory.Inventory}), {@code people} (persons and organisations, through their facades) and
 * {@code shared}. Its list queries join asset tags and person names in SQL, and the seats a whole-school assignment
 * covers are counted in SQL from the inventory's {@code asset} and the people module's {@code person_school} tables
 * ({@code licence_seats_used} in {@code V20__licences.sql}), so a page costs one query and one count.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Licences")
package be.coordinaat.licences;
