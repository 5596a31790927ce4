/**
 * E-mail in and out, for the other modules (the helpdesk, reminders): nothing in here knows about tickets.
 *
 * <p><b>Out</b>: {@link be.coordinaat.mail.Mailer#queue} renders a mail in the recipient's language (Thymeleaf
 * template under {@code templates/mail/}, or a subject and body rendered by the caller) and writes it to the outbox
 * in the caller's transaction, so a rolled-back change sends nothing and an acknowledged one loses nothing. A
 * scheduled sender delivers it over the board's SMTP server with retries and backoff; every mail carries a
 * Message-ID in our own domain, {@code Auto-Submitted: auto-generated} and {@code X-Coordinaat-Mail}.
 *
 * <p><b>In</b>: a poller per mailbox (IMAP, per school) parses unseen mails robustly, drops auto-replies, bulk mail,
 * bounces and our own mails (loop protection), rate-limits each sender, de-duplicates by Message-ID and hands each
 * mail to the {@link be.coordinaat.mail.InboundMailHandler} beans of the mailbox's channel. The mail is marked
 * seen only after the handler's transaction committed; a handler that fails gets the mail again on the next poll.
 *
 * <p><b>Settings</b> ({@link be.coordinaat.mail.MailSettings}, {@link be.coordinaat.mail.Mailboxes}): the board's
 * SMTP server and the outbox are the board admin's (BOARD_MANAGE board-wide); a school's mailboxes are configured
 * with HELPDESK_CONFIGURE in that school. Passwords are stored but never shown back and never in the history.
 *
 * <p>Also: the weekly inventory digest to each school's coordinators, built from
 * {@link be.coordinaat.inventory.Reminders#dueItems}. Depends on {@code access}, {@code inventory} and
 * {@code shared}; it reads {@code app_user}/{@code role_grant} (who gets the digest) and {@code school} (names,
 * board of a school) read-only in SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package be.coordinaat.mail;
