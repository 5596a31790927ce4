package be.coordinaat.knowledge;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.CurrentUser;
import be.coordinaat.access.Permission;
import be.coordinaat.knowledge.domain.SearchText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules (the helpdesk) ask of the knowledge base: articles that may answer a ticket, and an article to
 * link to or quote, each only as far as the asker may read it.
 */
@Service
@Transactional(readOnly = true)
public class KnowledgeBase {

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Articles articles;

    KnowledgeBase(JdbcClient jdbc, AccessControl access, Articles articles) {
        this.jdbc = jdbc;
        this.access = access;
        this.articles = articles;
    }

    /**
     * Published articles a staff member of school {@code schoolId} may read (the school's own, those shared with its
     * school community, the board's public ones), ranked against {@code text} (a ticket's subject and description):
     * the more of its words an article holds, and the more weight they have there (title and tags most), the higher.
     *
     * <p>Who asks matters: a signed-in user gets suggestions only for a school where they hold KNOWLEDGE_READ or work
     * tickets (otherwise none), an external account never gets what other schools share with the community, and
     * without a signed-in user (a public problem report) only public articles come back.
     *
     * @param limit at most this many (1–50)
     */
    public List<ArticleRef> suggest(long schoolId, String text, int limit) {
        String tsq = SearchText.anyWord(text, 40);
        if (tsq == null || limit <= 0) {
            return List.of();
        }
        Optional<CurrentUser> user = access.currentUser();
        boolean publicOnly = user.isEmpty();
        if (user.isPresent() && !(access.can(Permission.KNOWLEDGE_READ, schoolId) || access.can(Permission.TICKETS_READ, schoolId)
                || access.can(Permission.TICKETS_WORK, schoolId))) {
            return List.of();
        }
        boolean external = user.map(CurrentUser::external).orElse(false);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("school", schoolId);
        params.put("tsq", tsq);
        params.put("publicOnly", publicOnly);
        params.put("external", external);
        params.put("limit", Math.min(limit, 50));
        return jdbc.sql("""
                SELECT a.id, a.slug, a.title, a.summary, a.body_text, a.audience
                FROM kb_article a, to_tsquery('kb', kb_fold(:tsq)) q
                WHERE a.status = 'PUBLISHED' AND a.board_id = (SELECT board_id FROM school WHERE id = :school)
                  AND a.search @@ q
                  AND (a.audience = 'PUBLIC' OR (NOT :publicOnly AND (a.school_id = :school
                       OR (a.audience = 'COMMUNITY' AND NOT :external AND a.school_id IN (
                           SELECT src.id FROM school src JOIN school own ON own.community_id = src.community_id
                           WHERE own.id = :school)))))
                ORDER BY ts_rank_cd(a.search, q) DESC, a.updated_at DESC, a.id DESC
                LIMIT :limit""").params(params).query(KnowledgeBase::ref).list();
    }

    /**
     * A published article the current user may read (without a signed-in user: a public one); empty otherwise, also
     * for drafts and archived articles.
     */
    public Optional<ArticleRef> readable(long articleId) {
        Optional<CurrentUser> user = access.currentUser();
        if (user.isEmpty() || !access.canAnywhere(Permission.KNOWLEDGE_READ)) {
            return jdbc.sql("""
                    SELECT a.id, a.slug, a.title, a.summary, a.body_text, a.audience FROM kb_article a
                    WHERE a.id = ? AND a.status = 'PUBLISHED' AND a.audience = 'PUBLIC'""").param(articleId)
                    .query(KnowledgeBase::ref).optional();
        }
        Map<String, Object> params = articles.scope();
        params.put("id", articleId);
        return jdbc.sql("SELECT a.id, a.slug, a.title, a.summary, a.body_text, a.audience FROM kb_article a WHERE a.id = :id "
                + "AND a.status = 'PUBLISHED' AND " + Articles.VISIBLE).params(params).query(KnowledgeBase::ref).optional();
    }

    private static ArticleRef ref(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long id = rs.getLong("id");
        String slug = rs.getString("slug");
        String url = Audience.PUBLIC.name().equals(rs.getString("audience")) ? "/public/kb/" + id + "/" + slug
                : "/knowledge/articles/" + id + "/" + slug;
        return new ArticleRef(id, rs.getString("title"), rs.getString("summary"), url, rs.getString("body_text"));
    }
}
