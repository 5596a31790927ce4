package be.coordinaat.helpdesk;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.CurrentUser;
import be.coordinaat.helpdesk.Views.TicketView;
import be.coordinaat.mail.InboundMail;
import be.coordinaat.mail.InboundMailHandler;
import be.coordinaat.mail.MailProperties;
import be.coordinaat.mail.Mailboxes;
import be.coordinaat.mail.Mailer;
import be.coordinaat.mail.OutgoingMail;
import be.coordinaat.mail.Views.QueuedMail;
import be.coordinaat.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The helpdesk's e-mail: the {@code helpdesk} channel of the school mailboxes (a mail with a ticket number in its
 * subject, or answering a mail of a ticket, becomes a reply; anything else a new ticket), and the notifications of a
 * ticket's requester and assignee, in their own language, threaded per ticket, with the school's helpdesk mailbox as
 * Reply-To so that answering the mail answers the ticket. All in the transaction of the change: a change that rolls
 * back sends nothing. Nobody is mailed about a change they made themselves.
 */
@Component
class HelpdeskMail implements InboundMailHandler {

    static final String CHANNEL = "helpdesk";
    static final String TEMPLATE = "helpdesk-ticket";
    private static final Pattern NUMBER_IN_SUBJECT = Pattern.compile("(?i)\\[\\s*(T-\\d{4}-\\d{1,9})\\s*\\]");
    private static final Logger log = LoggerFactory.getLogger(HelpdeskMail.class);
    /** The sender of the mail being handled on this thread: they made the change, they get no mail about it. */
    private static final ThreadLocal<InboundMail> INBOUND = new ThreadLocal<>();
    /** Set while demo data is written: no mail about it. */
    private static final ThreadLocal<Boolean> QUIET = new ThreadLocal<>();

    /** Runs {@code work} without mailing anybody about the tickets it changes (demo data). */
    static void quietly(Runnable work) {
        QUIET.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            QUIET.remove();
        }
    }

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final Mailer mailer;
    private final Mailboxes mailboxes;
    private final AccessControl access;
    private final MailProperties properties;

    HelpdeskMail(JdbcClient jdbc, Tickets tickets, Mailer mailer, Mailboxes mailboxes, AccessControl access,
            MailProperties properties) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.mailer = mailer;
        this.mailboxes = mailboxes;
        this.access = access;
        this.properties = properties;
    }

    // ---- in ----

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    @Transactional
    public void handle(InboundMail mail) {
        if (mail.from() == null || !mail.from().matches("[^@\\s]+@[^@\\s]+")) {
            // nobody to answer: kept in the mailbox's list of received mails, no ticket
            log.info("Helpdesk mail {} without a usable sender ignored", mail.messageId());
            return;
        }
        List<InboundAttachment> files = mail.attachments().stream()
                .map(a -> new InboundAttachment(a.fileName(), a.content())).toList();
        String body = mail.text() == null || mail.text().isBlank() ? "(" + Objects.toString(mail.subject(), "-") + ")" : mail.text();
        INBOUND.set(mail);
        try {
            for (String number : candidates(mail)) {
                Optional<Long> reply = tickets.addInboundReply(number, mail.from(), body, files);
                if (reply.isPresent()) {
                    long ticketId = jdbc.sql("SELECT ticket_id FROM ticket_reply WHERE id = ?").param(reply.get())
                            .query(Long.class).single();
                    remember(ticketId, mail.messageId(), false);
                    return;
                }
            }
            // its Message-ID is remembered by created(), before the confirmation answers it
            tickets.createFromMail(mail.schoolId(), mail.from(), mail.fromName(), stripPrefixes(mail.subject()), body, files);
        } finally {
            INBOUND.remove();
        }
    }

    /** The ticket numbers a mail may answer: the one in its subject, then those of the mails it refers to. */
    List<String> candidates(InboundMail mail) {
        List<String> numbers = new ArrayList<>();
        if (mail.subject() != null) {
            Matcher m = NUMBER_IN_SUBJECT.matcher(mail.subject());
            while (m.find()) {
                numbers.add(m.group(1).toUpperCase(Locale.ROOT));
            }
        }
        List<String> ids = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        List<String> refs = new ArrayList<>(mail.references());
        java.util.Collections.reverse(refs);
        ids.addAll(refs);
        if (!ids.isEmpty()) {
            numbers.addAll(jdbc.sql("""
                    SELECT t.number FROM ticket_mail m JOIN ticket t ON t.id = m.ticket_id
                    WHERE m.message_id = ANY(CAST(:ids AS text[])) AND t.board_id = :board
                    ORDER BY m.created_at DESC, m.id DESC""")
                    .param("ids", ids.stream().map(HelpdeskMail::bare).toArray(String[]::new)).param("board", mail.boardId())
                    .query(String.class).list());
        }
        return numbers.stream().distinct().toList();
    }

    private static String stripPrefixes(String subject) {
        if (subject == null) {
            return null;
        }
        return subject.replaceFirst("(?i)^((re|fw|fwd|aw|antw|tr|wg)\\s*:\\s*)+", "").strip();
    }

    private static String bare(String messageId) {
        String s = messageId.strip();
        if (s.startsWith("<")) {
            s = s.substring(1);
        }
        return s.endsWith(">") ? s.substring(0, s.length() - 1) : s;
    }

    private void remember(long ticketId, String messageId, boolean outgoing) {
        if (messageId == null || messageId.isBlank() || messageId.length() > 500) {
            return;
        }
        jdbc.sql("INSERT INTO ticket_mail (ticket_id, school_id, message_id, outgoing) SELECT id, school_id, ?, ? FROM ticket WHERE id = ?")
                .params(bare(messageId), outgoing, ticketId).update();
    }

    // ---- out ----

    @EventListener
    void created(TicketCreated e) {
        TicketView t = tickets.ticketUnchecked(e.ticketId());
        if (t.source() == TicketSource.PUBLIC) {
            return; // the public report confirms itself, with the follow link only it knows (confirmPublic)
        }
        InboundMail mail = INBOUND.get();
        if (mail != null) {
            remember(t.id(), mail.messageId(), false);
        }
        // the confirmation goes also to the sender of the mail that opened the ticket
        toRequester(t, "created", null, null, link(t), mail == null);
    }

    /** The confirmation of a public problem report, with its follow link. */
    void confirmPublic(long ticketId, String followToken) {
        TicketView t = tickets.ticketUnchecked(ticketId);
        String base = baseUrl(t.id());
        toRequester(t, "created", null, null, base == null ? null : base + "/report/t/" + followToken, false);
    }

    @EventListener
    void replied(TicketReplied e) {
        TicketView t = tickets.ticketUnchecked(e.ticketId());
        var reply = jdbc.sql("SELECT body, author_name FROM ticket_reply WHERE id = ? AND NOT internal").param(e.replyId())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
        if (reply.isEmpty()) {
            return;
        }
        if (e.fromStaff()) {
            toRequester(t, "reply", reply.get()[1], reply.get()[0], link(t), true);
        } else if (t.assigneeId() != null) {
            toAccount(t, t.assigneeId(), "requesterReply", reply.get()[1], reply.get()[0]);
        }
    }

    @EventListener
    void statusChanged(TicketStatusChanged e) {
        if (e.to() == TicketStatus.SOLVED) {
            TicketView t = tickets.ticketUnchecked(e.ticketId());
            toRequester(t, "solved", null, null, link(t), true);
        }
    }

    @EventListener
    void assigned(TicketAssigned e) {
        if (e.assigneeId() != null) {
            TicketView t = tickets.ticketUnchecked(e.ticketId());
            toAccount(t, e.assigneeId(), "assigned", null, t.description());
        }
    }

    /** The requester: their account's address and language, or the address they wrote from (the school's language). */
    private void toRequester(TicketView t, String event, String author, String body, String link, boolean skipSender) {
        Recipient r = null;
        if (t.requesterUserId() != null) {
            r = account(t.requesterUserId()).orElse(null);
        }
        if (r == null || r.email() == null) {
            if (t.requesterEmail() == null) {
                return;
            }
            r = new Recipient(t.requesterUserId(), t.requesterEmail(), t.requesterName(), "nl-BE");
        }
        send(t, r, event, author, body, link, skipSender);
    }

    private void toAccount(TicketView t, long userId, String event, String author, String body) {
        account(userId).filter(r -> r.email() != null).ifPresent(r -> send(t, r, event, author, body, staffLink(t), true));
    }

    private record Recipient(Long userId, String email, String name, String locale) {}

    private Optional<Recipient> account(long userId) {
        return jdbc.sql("SELECT id, email, display_name, locale FROM app_user WHERE id = ? AND enabled").param(userId)
                .query((rs, n) -> new Recipient(rs.getLong(1), blankToNull(rs.getString(2)), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Whether the recipient made the change themselves (signed in, or the sender of the mail being handled). */
    private boolean isActor(Recipient r, boolean skipSender) {
        InboundMail mail = INBOUND.get();
        if (skipSender && mail != null && mail.from() != null && mail.from().equalsIgnoreCase(r.email())) {
            return true;
        }
        Optional<CurrentUser> me = access.currentUser();
        if (me.isEmpty()) {
            return false;
        }
        if (r.userId() != null && r.userId() == me.get().id()) {
            return true;
        }
        String myEmail = jdbc.sql("SELECT email FROM app_user WHERE id = ?").param(me.get().id()).query(String.class)
                .optional().orElse(null);
        return myEmail != null && myEmail.equalsIgnoreCase(r.email());
    }

    private void send(TicketView t, Recipient r, String event, String author, String body, String link, boolean skipSender) {
        if (QUIET.get() != null || isActor(r, skipSender)) {
            return;
        }
        List<String> thread = jdbc.sql("SELECT message_id FROM ticket_mail WHERE ticket_id = ? ORDER BY created_at, id")
                .param(t.id()).query(String.class).list();
        List<String> references = thread.size() > 20 ? thread.subList(thread.size() - 20, thread.size()) : thread;
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("event", event);
        model.put("number", t.number());
        model.put("title", t.title());
        model.put("name", r.name());
        model.put("author", author);
        model.put("body", body);
        model.put("link", link);
        model.put("schoolName", t.schoolName());
        OutgoingMail.Builder mail = OutgoingMail.to(r.email(), r.locale()).school(t.schoolId()).name(r.name())
                .template(TEMPLATE, model).thread("ticket:" + t.id()).references(references);
        if (!thread.isEmpty()) {
            mail.inReplyTo(thread.get(thread.size() - 1));
        }
        mailboxes.replyAddress(t.schoolId(), CHANNEL).ifPresent(mail::replyTo);
        try {
            QueuedMail q = mailer.queue(mail.build());
            remember(t.id(), q.messageId(), true);
        } catch (InvalidInputException e) {
            log.info("No helpdesk mail for ticket {} to an invalid address", t.number());
        }
    }

    private String link(TicketView t) {
        return t.requesterUserId() == null ? null : staffLink(t);
    }

    private String staffLink(TicketView t) {
        String base = baseUrl(t.id());
        return base == null ? null : base + "/helpdesk/tickets/" + t.id();
    }

    private String baseUrl(long ticketId) {
        return jdbc.sql("SELECT s.base_url FROM mail_settings s JOIN ticket t ON t.board_id = s.board_id WHERE t.id = ?")
                .param(ticketId).query(String.class).optional().filter(s -> s != null && !s.isBlank())
                .or(() -> Optional.ofNullable(blankToNull(properties.baseUrl()))).map(s -> s.replaceAll("/+$", ""))
                .orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
