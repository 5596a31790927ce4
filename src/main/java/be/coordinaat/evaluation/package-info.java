/**
 * The ICT coordinator's function description: the board's model of it (sections and task lines, edited by the
 * board admin), the assignment of a coordinator in a school with a first and second evaluator and whether they
 * hold a proof of pedagogical competence, and the generated document — numbered, immutable versions, printable
 * and as PDF. Section A.3 (and any section flagged likewise) appears only when the proof is recorded.
 * <p>
 * Depends on {@code access} (who may see and change what; the accounts that are coordinator and evaluators) and on
 * the open {@code shared} module. Schools and accounts are referred to by id; their names are read with the lists.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation")
package be.coordinaat.evaluation;
