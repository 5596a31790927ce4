package be.coordinaat.mail.api;

import be.coordinaat.mail.Forms.MailboxForm;
import be.coordinaat.mail.Forms.SettingsForm;
import be.coordinaat.mail.Forms.TestMailForm;
import be.coordinaat.mail.Mailboxes;
import be.coordinaat.mail.MailSettings;
import be.coordinaat.mail.Outbox;
import be.coordinaat.mail.Views.CheckResult;
import be.coordinaat.mail.Views.InboundRow;
import be.coordinaat.mail.Views.MailboxView;
import be.coordinaat.mail.Views.OutboxCounts;
import be.coordinaat.mail.Views.OutboxMailView;
import be.coordinaat.mail.Views.OutboxRow;
import be.coordinaat.mail.Views.PollResult;
import be.coordinaat.mail.Views.SettingsView;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the mail settings: the board's SMTP server, digest and outbox (board admins only), and the schools'
 * inbound mailboxes (HELPDESK_CONFIGURE in the mailbox's school; other schools' mailboxes answer 404). Passwords are
 * accepted but never returned: {@code passwordSet} says whether one is stored.
 */
@RestController
@RequestMapping("/api/v1/mail")
@Tag(name = "Mail")
class MailApiController {

    private final MailSettings settings;
    private final Mailboxes mailboxes;
    private final Outbox outbox;

    MailApiController(MailSettings settings, Mailboxes mailboxes, Outbox outbox) {
        this.settings = settings;
        this.mailboxes = mailboxes;
        this.outbox = outbox;
    }

    @GetMapping("/settings")
    @Operation(summary = "The board's outgoing mail settings (board admin); the password is never returned")
    SettingsView settings() {
        return settings.settings();
    }

    @PutMapping("/settings")
    @Operation(summary = "Change the outgoing mail settings: send the version you read; an absent or empty smtpPassword "
            + "keeps the stored one, clearPassword=true removes it")
    SettingsView update(@Valid @RequestBody SettingsForm form) {
        settings.update(form);
        return settings.settings();
    }

    @PostMapping("/settings/test-connection")
    @Operation(summary = "Connect and sign in to the SMTP server in effect, without sending")
    CheckResult testConnection() {
        return settings.testConnection();
    }

    @PostMapping("/settings/test-mail")
    @Operation(summary = "Queue a test mail to the address and send it at once; ok=false with the server's error otherwise")
    CheckResult testMail(@Valid @RequestBody TestMailForm form) {
        return settings.sendTestMail(form.to());
    }

    @GetMapping("/outbox")
    @Operation(summary = "The board's outbox, newest first (board admin); status PENDING, SENT or FAILED; q searches "
            + "recipient, subject and thread reference")
    Page<OutboxRow> outbox(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return outbox.list(status, PageQuery.of(page, size, null, q));
    }

    @GetMapping("/outbox/counts")
    OutboxCounts outboxCounts() {
        return outbox.counts();
    }

    @GetMapping("/outbox/{id}")
    OutboxMailView outboxMail(@PathVariable long id) {
        return outbox.mail(id);
    }

    @PostMapping("/outbox/{id}/retry")
    @Operation(summary = "Put a failed mail back in the queue with a fresh count of attempts")
    OutboxMailView retry(@PathVariable long id) {
        outbox.retry(id);
        return outbox.mail(id);
    }

    @GetMapping("/mailboxes")
    @Operation(summary = "The inbound mailboxes of the schools you configure the helpdesk of, with their polling status")
    List<MailboxView> mailboxes() {
        return mailboxes.list();
    }

    @GetMapping("/mailboxes/{id}")
    MailboxView mailbox(@PathVariable long id) {
        return mailboxes.mailbox(id);
    }

    @PostMapping("/mailboxes")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<MailboxView> create(@Valid @RequestBody MailboxForm form) {
        long id = mailboxes.create(form);
        return ResponseEntity.created(URI.create("/api/v1/mail/mailboxes/" + id)).body(mailboxes.mailbox(id));
    }

    @PutMapping("/mailboxes/{id}")
    @Operation(summary = "Change a mailbox: send the version you read; an absent or empty password keeps the stored one")
    MailboxView update(@PathVariable long id, @Valid @RequestBody MailboxForm form) {
        mailboxes.update(id, form);
        return mailboxes.mailbox(id);
    }

    @DeleteMapping("/mailboxes/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        mailboxes.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/mailboxes/{id}/test-connection")
    @Operation(summary = "Connect to the mailbox and open its folder; detail gives 'messages / unseen' or the error")
    CheckResult test(@PathVariable long id) {
        return mailboxes.testConnection(id);
    }

    @PostMapping("/mailboxes/{id}/poll")
    @Operation(summary = "Poll the mailbox now (also when disabled)")
    PollResult poll(@PathVariable long id) {
        return mailboxes.pollNow(id);
    }

    @GetMapping("/mailboxes/{id}/received")
    @Operation(summary = "The mails the mailbox received, newest first: HANDLED, IGNORED (with the reason), FAILED "
            + "(with the handler's error; offered again on the next poll) or GAVE_UP")
    Page<InboundRow> received(@PathVariable long id, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        String s = status != null && List.of("HANDLED", "IGNORED", "FAILED", "GAVE_UP").contains(status) ? status : null;
        return mailboxes.received(id, s, PageQuery.of(page, size, null, null));
    }
}
