/**
 * The start page after sign-in: where to go next, by the role's groups of work.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home")
package be.coordinaat.home;
