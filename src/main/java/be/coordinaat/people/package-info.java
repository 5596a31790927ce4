/**
 * The people a coordinator works with: staff and pupils of the board's schools (pupils with minimal data: name,
 * class, one school) and the external organisations around the schools — municipal ICT and technical services,
 * the data protection officer, suppliers — with their contacts. Read through {@link be.coordinaat.people.People}
 * and {@link be.coordinaat.people.Organisations}; every read is limited to the current user's schools.
 * Depends on {@code access} (who may see which school) and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People")
package be.coordinaat.people;
