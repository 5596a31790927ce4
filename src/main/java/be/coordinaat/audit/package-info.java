/**
 * The history of every change: who, when, what changed (old and new values), and sign-ins. Listens to
 * {@link be.coordinaat.shared.RecordChanged} events of all modules and writes them in the same transaction as
 * the change itself, so no acknowledged change is ever missing from the history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package be.coordinaat.audit;
