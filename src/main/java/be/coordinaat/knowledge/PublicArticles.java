package be.coordinaat.knowledge;

import be.coordinaat.knowledge.Views.AttachmentFile;
import be.coordinaat.knowledge.Views.PublicArticle;
import be.coordinaat.knowledge.Views.PublicRow;
import be.coordinaat.knowledge.domain.MarkdownRenderer;
import be.coordinaat.knowledge.domain.SearchText;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base for everyone, without an account: only published articles whose audience is
 * {@link Audience#PUBLIC}. Nothing else is read here, so nothing else can leak: no drafts, no internal titles, no
 * authors, no counts of other articles.
 */
@Service
@Transactional(readOnly = true)
public class PublicArticles {

    private static final String PUBLIC = "a.status = 'PUBLISHED' AND a.audience = 'PUBLIC'";

    private final JdbcClient jdbc;
    private final Articles articles;

    PublicArticles(JdbcClient jdbc, Articles articles) {
        this.jdbc = jdbc;
        this.articles = articles;
    }

    /** Public articles, newest first, or those matching the words of {@code q}, best first, with a snippet. */
    public Page<PublicRow> list(PageQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(PUBLIC);
        String tsq = SearchText.allPrefixes(query.q());
        long total;
        if (tsq != null) {
            params.put("tsq", tsq);
            params.put("qtext", query.q());
            total = Articles.textMatches(jdbc, where, params);
            params.put("headline", Articles.HEADLINE);
            params.put("tsqAny", SearchText.anyPrefix(query.q()));
        } else {
            total = jdbc.sql("SELECT count(*) FROM kb_article a" + where).params(params).query(Long.class).single();
        }
        String rank = tsq == null ? "0::real"
                : "ts_rank_cd(a.search, to_tsquery('kb', kb_fold(:tsq))) + word_similarity(kb_fold(:qtext), kb_fold(a.title))";
        String order = tsq == null ? " ORDER BY updated_at DESC, id DESC" : " ORDER BY rank DESC, updated_at DESC, id DESC";
        String snippet = tsq == null ? "NULL" : "ts_headline('kb', x.body_text, to_tsquery('kb', kb_fold(:tsqAny)), :headline)";
        params.put("limit", query.size());
        params.put("offset", query.offset());
        List<PublicRow> items = jdbc.sql("""
                SELECT x.*, %s AS snippet FROM (
                  SELECT a.id, a.slug, a.title, a.summary, a.body_text, s.name AS school_name, a.updated_at, %s AS rank
                  FROM kb_article a JOIN school s ON s.id = a.school_id
                  %s %s LIMIT :limit OFFSET :offset) x
                %s""".formatted(snippet, rank, where, order, order))
                .params(params)
                .query((rs, n) -> new PublicRow(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("summary"), MarkdownRenderer.snippet(rs.getString("snippet")), rs.getString("school_name"),
                        Articles.instant(rs, "updated_at")))
                .list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** A public article; 404 for every other id, whatever exists behind it. */
    public PublicArticle article(long id) {
        Set<Long> images = articles.imageIds(id);
        return jdbc.sql("""
                SELECT a.id, a.slug, a.title, a.summary, a.body, a.school_id, s.name AS school_name, a.updated_at
                FROM kb_article a JOIN school s ON s.id = a.school_id WHERE a.id = ?""" + " AND " + PUBLIC).param(id)
                .query((rs, n) -> new PublicArticle(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("summary"),
                        Articles.render(rs.getString("body"), a -> images.contains(a) ? imageUrl(id, a) : null).html(),
                        rs.getString("school_name"), Articles.instant(rs, "updated_at")))
                .optional().orElseThrow(() -> new NotFoundException("article", id));
    }

    /** The school of a public article, for counting its views. */
    public long schoolOf(long id) {
        return jdbc.sql("SELECT school_id FROM kb_article a WHERE a.id = ? AND " + PUBLIC).param(id).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("article", id));
    }

    /** An image of a public article. */
    public AttachmentFile image(long id, long attachmentId) {
        schoolOf(id);
        return articles.file(id, attachmentId);
    }

    @Transactional
    public void countView(long id) {
        articles.countView(id, schoolOf(id));
    }

    static String imageUrl(long articleId, long attachmentId) {
        return "/public/kb/" + articleId + "/images/" + attachmentId;
    }
}
