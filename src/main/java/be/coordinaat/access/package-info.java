/**
 * Sign-in, accounts, roles per school and personal API tokens. Answers one question for every other module:
 * may the current user do this, in which schools? ({@link be.coordinaat.access.AccessControl}).
 * Depends only on {@code shared}; learns which schools a board has through {@link be.coordinaat.access.SchoolDirectory},
 * which the school module implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package be.coordinaat.access;
