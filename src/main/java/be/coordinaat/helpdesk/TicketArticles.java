package be.coordinaat.helpdesk;

import be.coordinaat.helpdesk.Views.TicketView;
import be.coordinaat.knowledge.ArticleRef;
import be.coordinaat.knowledge.KnowledgeBase;
import be.coordinaat.mail.MailProperties;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.RecordChanged;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base at work on a ticket: suggested articles for the staff who work it (ranked against its title and
 * description), a reply that hands the requester an article (its title, summary and link), and articles linked to
 * the ticket. Only articles the current user may read are suggested, linked or shown.
 */
@Service
public class TicketArticles {

    public static final int SUGGESTIONS = 5;

    /** An article linked to a ticket, as the current user may read it. */
    public record LinkedArticle(long articleId, String title, String summary, String url, Instant linkedAt) {}

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final KnowledgeBase knowledge;
    private final MessageSource messages;
    private final MailProperties mailProperties;

    TicketArticles(JdbcClient jdbc, Tickets tickets, KnowledgeBase knowledge, MessageSource messages, MailProperties mailProperties) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.knowledge = knowledge;
        this.messages = messages;
        this.mailProperties = mailProperties;
    }

    /** The top articles for a ticket the current user works as staff; empty for anyone else. */
    @Transactional(readOnly = true)
    public List<ArticleRef> suggestions(long ticketId) {
        TicketView t = tickets.ticket(ticketId);
        if (!tickets.staffWorker(t.schoolId())) {
            return List.of();
        }
        return knowledge.suggest(t.schoolId(), t.title() + " " + t.description(), SUGGESTIONS);
    }

    /**
     * The text of a reply that hands the requester an article: its title, summary and (absolute) link, in the
     * requester's language. 404 for a ticket the user cannot see; 400 on {@code articleId} for an article they may not read.
     */
    @Transactional(readOnly = true)
    public String replyText(long ticketId, long articleId) {
        TicketView t = tickets.ticket(ticketId);
        requireWork(t);
        ArticleRef a = readable(articleId);
        String summary = a.summary() == null || a.summary().isBlank() ? excerpt(a.plainText()) : a.summary().strip();
        return messages.getMessage("ticket.kb.replyText", new Object[] {a.title(), summary, absolute(t, a.url())}, locale(t));
    }

    /** The articles linked to a ticket the user can see, those they may read. */
    @Transactional(readOnly = true)
    public List<LinkedArticle> linked(long ticketId) {
        tickets.ticket(ticketId);
        record Row(long article, Instant at) {}
        return jdbc.sql("SELECT article_id, linked_at FROM ticket_article WHERE ticket_id = ? ORDER BY linked_at, article_id")
                .param(ticketId).query((rs, n) -> new Row(rs.getLong(1), rs.getTimestamp(2).toInstant())).list().stream()
                .flatMap(r -> knowledge.readable(r.article()).map(a -> new LinkedArticle(a.id(), a.title(), a.summary(), a.url(), r.at())).stream())
                .toList();
    }

    /** Links an article the user may read to a ticket they work (as staff or the escalated organisation). */
    @Transactional
    public void link(long ticketId, Long articleId) {
        TicketView t = tickets.ticket(ticketId);
        requireWork(t);
        if (articleId == null) {
            throw InvalidInputException.of("articleId", "error.required", "is required");
        }
        ArticleRef a = readable(articleId);
        int n = jdbc.sql("""
                INSERT INTO ticket_article (ticket_id, article_id, school_id, linked_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (ticket_id, article_id) DO NOTHING""")
                .params(t.id(), a.id(), t.schoolId(), tickets.currentUserId()).update();
        if (n > 0) {
            publish(t, Map.of(), Map.of("article", a.title()));
        }
    }

    /** Removes a linked article; 404 when it was not linked. */
    @Transactional
    public void unlink(long ticketId, long articleId) {
        TicketView t = tickets.ticket(ticketId);
        requireWork(t);
        int n = jdbc.sql("DELETE FROM ticket_article WHERE ticket_id = ? AND article_id = ?").params(t.id(), articleId).update();
        if (n == 0) {
            throw new NotFoundException("ticket article", articleId);
        }
        String title = knowledge.readable(articleId).map(ArticleRef::title).orElse("#" + articleId);
        publish(t, Map.of("article", title), Map.of());
    }

    private void requireWork(TicketView t) {
        if (!tickets.accessTo(t).work()) {
            throw new AccessDeniedException("may not work ticket " + t.id());
        }
    }

    private ArticleRef readable(long articleId) {
        return knowledge.readable(articleId).orElseThrow(() -> InvalidInputException.of("articleId", "ticket.error.article",
                "the article does not exist or you may not read it"));
    }

    private void publish(TicketView t, Map<String, ?> before, Map<String, ?> after) {
        long board = jdbc.sql("SELECT board_id FROM ticket WHERE id = ?").param(t.id()).query(Long.class).single();
        java.util.Map<String, Object> b = new java.util.LinkedHashMap<>(before);
        java.util.Map<String, Object> a = new java.util.LinkedHashMap<>(after);
        b.putIfAbsent("article", null);
        a.putIfAbsent("article", null);
        tickets.publishChange(t.id(), board, t.schoolId(), t.label(), b, a);
    }

    private Locale locale(TicketView t) {
        String tag = t.requesterUserId() == null ? null : jdbc.sql("SELECT locale FROM app_user WHERE id = ?")
                .param(t.requesterUserId()).query(String.class).optional().orElse(null);
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : MaintenanceTickets.SCHOOL_LOCALE;
    }

    private String absolute(TicketView t, String url) {
        Optional<String> base = jdbc.sql("SELECT s.base_url FROM mail_settings s JOIN ticket t ON t.board_id = s.board_id WHERE t.id = ?")
                .param(t.id()).query(String.class).optional().filter(s -> s != null && !s.isBlank())
                .or(() -> Optional.ofNullable(mailProperties.baseUrl()).filter(s -> !s.isBlank()));
        return base.map(b -> b.replaceAll("/+$", "") + url).orElse(url);
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String s = text.strip().replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
