/**
 * Privacy with the DPO (function description C: "werkt samen met de DPO"; GDPR art. 28, 30, 33-35): the processing
 * register ({@link be.coordinaat.privacy.ProcessingRegister}), processor agreements with their document and the list
 * of tools in use without a signed agreement ({@link be.coordinaat.privacy.ProcessorAgreements}), DPIAs with the
 * screening on the EDPB criteria, risks and the decision ({@link be.coordinaat.privacy.Dpias}), the data-breach register
 * with the 72-hour clock ({@link be.coordinaat.privacy.Breaches}), and comments, advice and sign-offs by the DPO
 * ({@link be.coordinaat.privacy.Reviews}).
 *
 * <p>Scope: a record belongs to one school (PRIVACY_READ / PRIVACY_MANAGE in that school) or to the whole board
 * (school empty: read by every PRIVACY_READ holder of the board, changed with PRIVACY_MANAGE board-wide). The DPO holds
 * the privacy permissions board-wide and so sees every school's records. Anyone with BREACHES_REPORT reports a breach
 * in their school and follows their own reports; the DPOs of the board are mailed at once.
 *
 * <p>Implements the catalogue's {@link be.coordinaat.licences.ToolPrivacyChecks}. Depends on {@code access},
 * {@code licences} (tool names), {@code people} (organisations as processors and vendors), {@code mail} (the outbox)
 * and {@code shared}. It reads {@code software_school} (which school uses which tool) and {@code app_user} /
 * {@code role_grant} (who is a DPO) read-only in SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package be.coordinaat.privacy;
