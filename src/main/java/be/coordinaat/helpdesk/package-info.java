/**
 * The first-line ICT helpdesk (function description A.4: "staat in voor de technische (eerstelijns) ICT-helpdesk"):
 * tickets per school (incidents, requests, questions) with a category tree, a priority from impact × urgency, a status
 * flow checked on the server, replies and internal notes, attachments, links and merging, full-text search
 * ({@link be.coordinaat.helpdesk.Tickets}); "my tickets" for everyone who may report; escalation to an external
 * organisation (second line) whose accounts then see and work only those tickets; categories, canned replies and SLA
 * targets ({@link be.coordinaat.helpdesk.HelpdeskSettings}); dashboards; and the public problem report behind the QR
 * code on an asset label ({@link be.coordinaat.helpdesk.PublicReports}).
 *
 * <p>Scope: staff with TICKETS_READ or TICKETS_WORK in a school see all its tickets; everyone sees the tickets they
 * reported; an external account (of an organisation) with TICKETS_WORK sees only the tickets of its schools that are
 * or were escalated to its organisation. Anything else answers 404.
 *
 * <p>Depends on {@code access} (scope, accounts), {@code school} (rooms), {@code inventory} (assets), {@code calendar}
 * (business hours and holidays for the SLA due times, through {@link be.coordinaat.helpdesk.SlaClock}),
 * {@code people} (persons, organisations) and {@code shared}. Like {@code licences}, its list queries join asset
 * tags, room and organisation names read-only in SQL; the public report and external technicians read an asset's
 * basic details from the {@code asset} table directly (the inventory facade answers only INVENTORY_READ holders).
 * Publishes {@link be.coordinaat.helpdesk.TicketCreated}, {@link be.coordinaat.helpdesk.TicketReplied},
 * {@link be.coordinaat.helpdesk.TicketStatusChanged}, {@link be.coordinaat.helpdesk.TicketAssigned} and
 * {@link be.coordinaat.helpdesk.TicketEscalated}.
 *
 * <p>Ties to other modules (they never depend on the helpdesk): {@code mail} — the {@code helpdesk} channel of the
 * school mailboxes turns mail into tickets and replies, and the requester and assignee are mailed through
 * {@link be.coordinaat.mail.Mailer} (HelpdeskMail; it reads {@code mail_settings.base_url} read-only for links);
 * {@code knowledge} — suggested and linked articles ({@link be.coordinaat.helpdesk.TicketArticles});
 * {@code maintenance} — a ticket for every {@link be.coordinaat.maintenance.MaintenanceCheckFailed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Helpdesk")
package be.coordinaat.helpdesk;
