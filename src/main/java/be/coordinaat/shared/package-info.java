/**
 * Small building blocks every module may use: paging and sorting, problem reporting, the history event,
 * the embedded PostgreSQL start-up and web infrastructure. Holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package be.coordinaat.shared;
