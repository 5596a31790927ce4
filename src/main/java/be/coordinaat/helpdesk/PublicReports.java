package be.coordinaat.helpdesk;

import be.coordinaat.helpdesk.Forms.PublicReplyForm;
import be.coordinaat.helpdesk.Forms.PublicReportForm;
import be.coordinaat.helpdesk.Views.PublicReceipt;
import be.coordinaat.helpdesk.Views.PublicTicketView;
import be.coordinaat.helpdesk.Views.TicketView;
import be.coordinaat.helpdesk.domain.RateLimiter;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem report for people without an account, behind the QR code on an asset label, and the follow page of
 * such a report. Reveals nothing about assets or other records: the form is the same for every tag, the asset is
 * resolved only when the report is stored (an unknown tag gives a ticket without asset, flagged with the tag), and
 * the follow page shows only the reporter's own ticket and its public replies, found by an unguessable token.
 * Guarded by a honeypot field, a minimum fill time and rate limits per client address and per label.
 */
@Service
public class PublicReports {

    /** Why a public submission was refused, for the page to say so (never which record exists). */
    public enum Refusal { TOO_FAST, BOT, RATE_LIMITED, UNKNOWN_SCHOOL }

    /** Thrown when a submission is refused as a whole. */
    public static class RefusedException extends RuntimeException {
        private final Refusal reason;

        public RefusedException(Refusal reason) {
            super(reason.name());
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    public static final int MAX_DESCRIPTION = 4000;
    public static final int MIN_DESCRIPTION = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final HelpdeskMail mail;
    private final Duration minFillTime;
    private final RateLimiter perAddress;
    private final RateLimiter perLabel;
    private final RateLimiter repliesPerAddress;

    PublicReports(JdbcClient jdbc, Tickets tickets, HelpdeskMail mail,
            @Value("${coordinaat.helpdesk.public.min-fill-seconds:2}") int minFillSeconds,
            @Value("${coordinaat.helpdesk.public.reports-per-address:10}") int perAddress,
            @Value("${coordinaat.helpdesk.public.reports-per-label:5}") int perLabel) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.mail = mail;
        this.minFillTime = Duration.ofSeconds(minFillSeconds);
        this.perAddress = new RateLimiter(perAddress, Duration.ofMinutes(10), Clock.systemUTC());
        this.perLabel = new RateLimiter(perLabel, Duration.ofHours(1), Clock.systemUTC());
        this.repliesPerAddress = new RateLimiter(perAddress * 2, Duration.ofMinutes(10), Clock.systemUTC());
    }

    /** Forgets the rate limits (tests, and an admin after a false alarm). */
    void resetLimits() {
        perAddress.clear();
        perLabel.clear();
        repliesPerAddress.clear();
    }

    /**
     * Stores a problem report for the label {@code schoolId}/{@code tag}. {@code shownAt} is when the form was shown
     * to this visitor (null when never: a bot posting directly).
     */
    @Transactional
    public PublicReceipt report(long schoolId, String tag, PublicReportForm form, String photoName, byte[] photo,
            String clientAddress, Instant shownAt) {
        guard(form.website(), shownAt);
        String cleanTag = tag == null ? "" : PageQuery.cleanText(tag) == null ? "" : PageQuery.cleanText(tag);
        cleanTag = cleanTag.length() > 60 ? cleanTag.substring(0, 60) : cleanTag;
        List<FieldProblem> problems = new ArrayList<>();
        String description = check(form.description(), problems, "description");
        String email = Tickets.blank(form.email());
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            problems.add(new FieldProblem("email", "report.error.email", "is not an e-mail address"));
        }
        String name = Tickets.blank(form.name());
        if (name != null && name.length() > 150) {
            problems.add(new FieldProblem("name", "report.error.tooLong", "is too long"));
        }
        if (photo != null && photo.length > 0) {
            try {
                Tickets.checkFile(photo);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems().stream().map(p -> new FieldProblem("photo", p.messageKey(), p.defaultMessage(),
                        p.args())).toList());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!perAddress.tryAcquire(clientAddress) || !perLabel.tryAcquire(schoolId + "/" + cleanTag.toLowerCase(Locale.ROOT))) {
            throw new RefusedException(Refusal.RATE_LIMITED);
        }
        Long board = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(schoolId).query(Long.class).optional()
                .orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_SCHOOL));
        record Found(long id, Long room, String tag) {}
        Optional<Found> asset = jdbc.sql("SELECT id, room_id, tag FROM asset WHERE school_id = ? AND lower(tag) = lower(?)")
                .params(schoolId, cleanTag).query((rs, n) -> new Found(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3)))
                .optional();
        String token = token();
        String firstLine = description.lines().findFirst().orElse(description).strip();
        String title = (asset.map(Found::tag).orElse(cleanTag.isEmpty() ? "?" : cleanTag) + ": "
                + (firstLine.length() > 120 ? firstLine.substring(0, 120) + "…" : firstLine));
        long id = tickets.insert(new Tickets.NewTicket(board, schoolId, TicketKind.INCIDENT, title, description, null,
                Level.MEDIUM, Level.MEDIUM, TicketSource.PUBLIC, null, null, name, email == null ? null : email.toLowerCase(Locale.ROOT),
                asset.map(Found::id).orElse(null), asset.map(Found::room).orElse(null),
                asset.isPresent() ? null : (cleanTag.isEmpty() ? "?" : cleanTag), null, Tickets.sha256(token.getBytes(StandardCharsets.UTF_8)),
                Instant.now()), new Tickets.Refs(null, asset.map(Found::tag).orElse(null), null, null));
        TicketView t = tickets.ticketUnchecked(id);
        if (photo != null && photo.length > 0) {
            tickets.addPublicAttachment(t, null, photoName, photo, name == null ? "QR" : name);
        }
        if (t.requesterEmail() != null) {
            mail.confirmPublic(id, token);
        }
        return new PublicReceipt(t.number(), token);
    }

    /** The reporter's ticket by its follow token; 404 for any other token. */
    @Transactional(readOnly = true)
    public PublicTicketView follow(String token) {
        TicketView t = byToken(token);
        return new PublicTicketView(t.number(), t.title(), t.description(), t.status(), t.createdAt(),
                tickets.publicReplies(t.id()));
    }

    /** A reply of the reporter on the follow page (takes a ticket waiting for them, or solved, back in progress). */
    @Transactional
    public void reply(String token, PublicReplyForm form, String clientAddress, Instant shownAt) {
        TicketView t = byToken(token);
        guard(form.website(), shownAt);
        List<FieldProblem> problems = new ArrayList<>();
        String body = check(form.body(), problems, "body");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (t.status() == TicketStatus.CLOSED) {
            throw InvalidInputException.of("body", "ticket.error.closed", "the ticket is closed");
        }
        if (!repliesPerAddress.tryAcquire(clientAddress)) {
            throw new RefusedException(Refusal.RATE_LIMITED);
        }
        tickets.addPublicReply(t, body, t.requesterName() != null ? t.requesterName() : "QR");
    }

    private TicketView byToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            throw new NotFoundException("ticket", "token");
        }
        Long id = jdbc.sql("SELECT id FROM ticket WHERE follow_token_hash = ?")
                .param(Tickets.sha256(token.getBytes(StandardCharsets.UTF_8))).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("ticket", "token"));
        return tickets.ticketUnchecked(id);
    }

    private void guard(String honeypot, Instant shownAt) {
        if (honeypot != null && !honeypot.isEmpty()) {
            throw new RefusedException(Refusal.BOT);
        }
        if (shownAt == null || Duration.between(shownAt, Instant.now()).compareTo(minFillTime) < 0) {
            throw new RefusedException(Refusal.TOO_FAST);
        }
    }

    private static String check(String text, List<FieldProblem> problems, String field) {
        String t = text == null ? null : PageQuery.cleanText(text.replace("\r\n", "\n").replace('\n', '\u2029'));
        t = t == null ? null : t.replace('\u2029', '\n').strip();
        if (t == null || t.length() < MIN_DESCRIPTION) {
            problems.add(new FieldProblem(field, "report.error.describe", "say in a few words what is wrong", MIN_DESCRIPTION));
            return null;
        }
        if (t.length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem(field, "report.error.tooLong", "is too long", MAX_DESCRIPTION));
        }
        return t;
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
