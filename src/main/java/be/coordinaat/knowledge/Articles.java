package be.coordinaat.knowledge;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.CurrentUser;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.knowledge.Forms.ArticleForm;
import be.coordinaat.knowledge.Forms.FeedbackForm;
import be.coordinaat.knowledge.Views.ArticleRow;
import be.coordinaat.knowledge.Views.ArticleStats;
import be.coordinaat.knowledge.Views.ArticleView;
import be.coordinaat.knowledge.Views.AttachmentFile;
import be.coordinaat.knowledge.Views.AttachmentView;
import be.coordinaat.knowledge.Views.FeedbackComment;
import be.coordinaat.knowledge.Views.FeedbackSummary;
import be.coordinaat.knowledge.Views.Insights;
import be.coordinaat.knowledge.Views.RevisionRow;
import be.coordinaat.knowledge.Views.RevisionView;
import be.coordinaat.knowledge.domain.LineDiff;
import be.coordinaat.knowledge.domain.MarkdownRenderer;
import be.coordinaat.knowledge.domain.MarkdownRenderer.Rendered;
import be.coordinaat.knowledge.domain.SearchText;
import be.coordinaat.knowledge.domain.Slugs;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.web.Formats;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's articles: search and lists, reading, writing with a saved revision per change, the life cycle
 * (draft → published → archived), images, votes, view counts and the managers' overview.
 *
 * <p>Who sees what is decided in one SQL condition ({@link #VISIBLE}): the managers of the article's school see it in
 * every status; others only once published, and then the readers of its school, of any school of the same school
 * community when it is shared with the community (not external accounts), and everyone of the board when it is
 * public. An article the user may not see is 404, whatever id they try.
 */
@Service
@Transactional(readOnly = true)
public class Articles {

    /** Largest image in an article. */
    public static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
    /** Most images per article. */
    public static final int MAX_IMAGES = 50;
    /** Similarity from which a title counts as a typo-tolerant match of the search words. */
    static final String TITLE_SIMILARITY = "0.4";
    static final String HEADLINE = "StartSel=\"" + MarkdownRenderer.MARK_START + "\", StopSel=\"" + MarkdownRenderer.MARK_END
            + "\", MaxWords=28, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    /** The current user may see article {@code a}: parameters board, read, manage, external. */
    static final String VISIBLE = """
            a.board_id = :board AND (a.school_id = ANY(:manage) OR (a.status = 'PUBLISHED' AND (
                a.school_id = ANY(:read) OR a.audience = 'PUBLIC'
                OR (a.audience = 'COMMUNITY' AND NOT :external AND a.school_id IN (
                    SELECT src.id FROM school src JOIN school own ON own.community_id = src.community_id
                    WHERE own.id = ANY(:read))))))""";

    /** Sort keys to columns of the list query's output (the same names inside and outside the paging subquery). */
    private static final Map<String, String> SORTS = Map.of(
            "updated", "updated_at", "title", "lower(title)", "relevance", "rank", "status", "status");

    private static final String SELECT_ONE = """
            SELECT a.*, s.name AS school_name, c.name AS category_name
            FROM kb_article a JOIN school s ON s.id = a.school_id LEFT JOIN kb_category c ON c.id = a.category_id""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final ApplicationEventPublisher events;

    Articles(JdbcClient jdbc, AccessControl access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    // ---- reads ----

    /**
     * One page of the articles the user may see. With words in {@code q}: the matches of all words (as prefixes,
     * accents ignored) in title, tags, summary and text, plus titles that look like the words (typos), ranked, with a
     * highlighted snippet; sort "relevance" (default with words), "updated" (default without), "title" or "status".
     */
    public Page<ArticleRow> list(ArticleFilter filter, PageQuery query) {
        access.requireAnywhere(Permission.KNOWLEDGE_READ);
        Map<String, Object> params = scope();
        StringBuilder where = new StringBuilder(" WHERE ").append(VISIBLE);
        filters(filter, where, params);
        String tsq = SearchText.allPrefixes(query.q());
        long total;
        if (tsq == null) {
            total = jdbc.sql("SELECT count(*) FROM kb_article a" + where).params(params).query(Long.class).single();
        } else {
            params.put("tsq", tsq);
            params.put("qtext", query.q());
            total = textMatches(jdbc, where, params);
        }
        String rank = tsq == null ? "0::real"
                : "ts_rank_cd(a.search, to_tsquery('kb', kb_fold(:tsq))) + word_similarity(kb_fold(:qtext), kb_fold(a.title))";
        String order;
        if (query.sort() == null || !SORTS.containsKey(query.sort()) || (query.sort().equals("relevance") && tsq == null)) {
            order = tsq == null ? " ORDER BY updated_at DESC, id DESC" : " ORDER BY rank DESC, updated_at DESC, id DESC";
        } else {
            String dir = query.descending() ? " DESC" : " ASC";
            order = " ORDER BY " + SORTS.get(query.sort()) + dir + ", id" + dir;
        }
        String snippet = tsq == null ? "NULL" : "ts_headline('kb', x.body_text, to_tsquery('kb', kb_fold(:tsqAny)), :headline)";
        if (tsq != null) {
            // the snippet marks every word found in the text, also when another word matched only the title
            params.put("headline", HEADLINE);
            params.put("tsqAny", SearchText.anyPrefix(query.q()));
        }
        params.put("limit", query.size());
        params.put("offset", query.offset());
        // the inner query pages; the snippet is made for the rows of the page only
        List<ArticleRow> items = jdbc.sql("""
                SELECT x.*, %s AS snippet FROM (
                  SELECT a.id, a.slug, a.title, a.summary, a.body_text, a.school_id, s.name AS school_name, a.category_id,
                         c.name AS category_name, a.tags, a.audience, a.status, a.updated_at,
                         a.school_id = ANY(:manage) AS manageable, %s AS rank
                  FROM kb_article a JOIN school s ON s.id = a.school_id LEFT JOIN kb_category c ON c.id = a.category_id
                  %s %s LIMIT :limit OFFSET :offset) x
                %s""".formatted(snippet, rank, where, order, order))
                .params(params)
                .query((rs, n) -> new ArticleRow(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("summary"), MarkdownRenderer.snippet(rs.getString("snippet")), rs.getLong("school_id"),
                        rs.getString("school_name"), (Long) rs.getObject("category_id"), rs.getString("category_name"),
                        tags(rs.getArray("tags")), Audience.valueOf(rs.getString("audience")),
                        ArticleStatus.valueOf(rs.getString("status")), instant(rs, "updated_at"), rs.getBoolean("manageable")))
                .list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /**
     * Narrows {@code where} to the articles holding all words ({@code :tsq}); when none does, to those whose title
     * looks like the words (a typo), through the trigram index with a threshold that tolerates one wrong letter in a
     * word. Returns how many match.
     */
    static long textMatches(JdbcClient jdbc, StringBuilder where, Map<String, Object> params) {
        String words = where + " AND a.search @@ to_tsquery('kb', kb_fold(:tsq))";
        long total = jdbc.sql("SELECT count(*) FROM kb_article a" + words).params(params).query(Long.class).single();
        if (total > 0) {
            where.setLength(0);
            where.append(words);
            return total;
        }
        jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', ?, true)").param(TITLE_SIMILARITY)
                .query(String.class).single();
        where.append(" AND kb_fold(a.title) %> kb_fold(:qtext)");
        return jdbc.sql("SELECT count(*) FROM kb_article a" + where).params(params).query(Long.class).single();
    }

    private void filters(ArticleFilter filter, StringBuilder where, Map<String, Object> params) {
        if (filter == null) {
            return;
        }
        if (filter.category() != null) {
            where.append("""
                     AND a.category_id IN (WITH RECURSIVE t AS (SELECT id FROM kb_category WHERE id = :category
                       UNION ALL SELECT c.id FROM kb_category c JOIN t ON c.parent_id = t.id) SELECT id FROM t)""");
            params.put("category", filter.category());
        }
        if (filter.school() != null) {
            where.append(" AND a.school_id = :school");
            params.put("school", filter.school());
        }
        if (filter.status() != null) {
            where.append(" AND a.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.audience() != null) {
            where.append(" AND a.audience = :audience");
            params.put("audience", filter.audience().name());
        }
        String tag = normalizeTag(filter.tag());
        if (tag != null) {
            where.append(" AND a.tags @> ARRAY[CAST(:tag AS text)]");
            params.put("tag", tag);
        }
    }

    /** An article the user may see (404 otherwise), rendered. */
    public ArticleView article(long id) {
        access.requireAnywhere(Permission.KNOWLEDGE_READ);
        Map<String, Object> params = scope();
        params.put("id", id);
        return jdbc.sql(SELECT_ONE + " WHERE a.id = :id AND " + VISIBLE).params(params).query(this::view).optional()
                .orElseThrow(() -> new NotFoundException("article", id));
    }

    /** Whether the current user may change the article: KNOWLEDGE_MANAGE in its school. */
    public boolean canManage(ArticleView a) {
        return access.can(Permission.KNOWLEDGE_MANAGE, a.schoolId());
    }

    public boolean canCreate() {
        return access.canAnywhere(Permission.KNOWLEDGE_MANAGE);
    }

    /** The schools the user may write articles for. */
    public List<SchoolRef> manageableSchools() {
        return access.visibleSchools(Permission.KNOWLEDGE_MANAGE);
    }

    /** The article, when the user may change it: 404 when they cannot see it, 403 when they can only read it. */
    public ArticleView manageable(long id) {
        ArticleView a = article(id);
        if (!canManage(a)) {
            throw new AccessDeniedException("no KNOWLEDGE_MANAGE in the school of article " + id);
        }
        return a;
    }

    /** The tags in use in the articles the user may see, most used first. */
    public List<String> tagsInUse(int limit) {
        access.requireAnywhere(Permission.KNOWLEDGE_READ);
        Map<String, Object> params = scope();
        params.put("limit", limit);
        return jdbc.sql("SELECT t FROM kb_article a, unnest(a.tags) t WHERE " + VISIBLE
                + " GROUP BY t ORDER BY count(*) DESC, t LIMIT :limit").params(params).query(String.class).list();
    }

    // ---- writes ----

    /** Creates a draft in a school where the user holds KNOWLEDGE_MANAGE. */
    @Transactional
    public long create(ArticleForm form) {
        access.requireAnywhere(Permission.KNOWLEDGE_MANAGE);
        CurrentUser user = access.current();
        Checked c = check(form, null);
        return insert(user.boardId(), c, form, ArticleStatus.DRAFT, user.id(), user.displayName());
    }

    /** Stores a checked article with its first revision; also for the demo data, before anyone signs in. */
    long insert(long boardId, Checked c, ArticleForm form, ArticleStatus status, Long authorId, String authorName) {
        boolean published = status == ArticleStatus.PUBLISHED;
        long id = jdbc.sql("""
                INSERT INTO kb_article (board_id, school_id, category_id, slug, title, summary, body, body_text, tags, audience,
                                        status, author_id, author_name, review_months, published_at, last_reviewed_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(boardId, c.schoolId(), c.categoryId(), Slugs.of(c.title()), c.title(), c.summary(), c.body(),
                        c.rendered().text(), c.tags().toArray(String[]::new), form.audience().name(), status.name(),
                        authorId, authorName, c.reviewMonths(), published ? Timestamp.from(Instant.now()) : null,
                        published ? today() : null)
                .query(Long.class).single();
        saveRevision(id, c.schoolId(), 1, c, blank(form.note()), authorId, authorName);
        publish(id, boardId, c.schoolId(), RecordChanged.CREATED, c.title(), Map.of(), snapshot(c, form.audience(), status, 1));
        return id;
    }

    /**
     * Changes an article. A change of title, summary, text or tags is saved as a new revision; the owning school
     * cannot change. 409 when someone else saved it since {@code version}.
     */
    @Transactional
    public void update(long id, ArticleForm form) {
        ArticleView before = manageable(id);
        if (form.schoolId() != null && form.schoolId() != before.schoolId()) {
            throw InvalidInputException.of("schoolId", "kb.error.school.fixed", "cannot change once the article exists");
        }
        Checked c = check(form, before.schoolId());
        boolean contentChanged = !c.title().equals(before.title()) || !Objects.equals(c.summary(), before.summary())
                || !c.body().equals(before.body()) || !c.tags().equals(before.tags());
        int revision = contentChanged ? before.revision() + 1 : before.revision();
        int n = jdbc.sql("""
                UPDATE kb_article SET category_id = ?, slug = ?, title = ?, summary = ?, body = ?, body_text = ?, tags = ?,
                       audience = ?, review_months = ?, revision = ?, version = version + 1, updated_at = now()
                WHERE id = ? AND version = ?""")
                .params(c.categoryId(), Slugs.of(c.title()), c.title(), c.summary(), c.body(), c.rendered().text(),
                        c.tags().toArray(String[]::new), form.audience().name(), c.reviewMonths(), revision, id,
                        form.version() == null ? before.version() : form.version())
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion("article", id);
        }
        if (contentChanged) {
            CurrentUser user = access.current();
            saveRevision(id, before.schoolId(), revision, c, blank(form.note()), user.id(), user.displayName());
        }
        publish(id, before.boardId(), before.schoolId(), RecordChanged.UPDATED, c.title(), snapshot(before),
                snapshot(c, form.audience(), before.status(), revision));
    }

    /** Publishes a draft or an archived article for its audience; the review cycle starts today if it never did. */
    @Transactional
    public void publish(long id) {
        changeStatus(id, ArticleStatus.PUBLISHED, Set.of(ArticleStatus.DRAFT, ArticleStatus.ARCHIVED));
    }

    /** Archives an article: no longer shown to readers, kept with its versions for its managers. */
    @Transactional
    public void archive(long id) {
        changeStatus(id, ArticleStatus.ARCHIVED, Set.of(ArticleStatus.DRAFT, ArticleStatus.PUBLISHED));
    }

    private void changeStatus(long id, ArticleStatus to, Set<ArticleStatus> from) {
        ArticleView before = manageable(id);
        if (!from.contains(before.status())) {
            throw new ConflictException("kb.error.status", "the article is " + before.status() + "; it cannot become " + to);
        }
        jdbc.sql("""
                UPDATE kb_article SET status = ?, version = version + 1, updated_at = now(),
                       published_at = CASE WHEN ? = 'PUBLISHED' THEN coalesce(published_at, now()) ELSE published_at END,
                       last_reviewed_on = CASE WHEN ? = 'PUBLISHED' THEN coalesce(last_reviewed_on, ?) ELSE last_reviewed_on END
                WHERE id = ?""").params(to.name(), to.name(), to.name(), today(), id).update();
        events.publishEvent(new RecordChanged("article", id, before.boardId(), before.schoolId(), RecordChanged.UPDATED,
                before.title(), Map.of("status", new RecordChanged.Change(before.status().name(), to.name()))));
    }

    /** Records that the article was checked and is still right today: the next review is due in its review period. */
    @Transactional
    public void markReviewed(long id) {
        ArticleView before = manageable(id);
        LocalDate today = today();
        jdbc.sql("UPDATE kb_article SET last_reviewed_on = ?, version = version + 1, updated_at = now() WHERE id = ?")
                .params(today, id).update();
        events.publishEvent(new RecordChanged("article", id, before.boardId(), before.schoolId(), RecordChanged.UPDATED,
                before.title(), RecordChanged.diff(mapOf("lastReviewedOn", before.lastReviewedOn()), mapOf("lastReviewedOn", today))));
    }

    /** Deletes a draft or archived article with its versions and images (409 while it is published). */
    @Transactional
    public void delete(long id) {
        ArticleView before = manageable(id);
        if (before.status() == ArticleStatus.PUBLISHED) {
            throw new ConflictException("kb.error.deletePublished", "archive the article before deleting it");
        }
        jdbc.sql("DELETE FROM kb_article WHERE id = ?").param(id).update();
        publish(id, before.boardId(), before.schoolId(), RecordChanged.DELETED, before.title(), snapshot(before), Map.of());
    }

    // ---- versions ----

    /** Every saved version, newest first (managers of the article's school). */
    public List<RevisionRow> revisions(long id) {
        manageable(id);
        return jdbc.sql("""
                SELECT revision, title, note, saved_by_name, saved_at, length(body) FROM kb_article_revision
                WHERE article_id = ? ORDER BY revision DESC""").param(id)
                .query((rs, n) -> new RevisionRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, "saved_at"), rs.getInt(6)))
                .list();
    }

    /** An old version, rendered, with the line changes from it to the current text. */
    public RevisionView revision(long id, int revision) {
        ArticleView current = manageable(id);
        Set<Long> images = imageIds(id);
        return jdbc.sql("""
                SELECT revision, title, summary, body, tags, note, saved_by_name, saved_at FROM kb_article_revision
                WHERE article_id = ? AND revision = ?""").params(id, revision)
                .query((rs, n) -> {
                    String body = rs.getString("body");
                    return new RevisionView(id, rs.getInt("revision"), rs.getString("title"), rs.getString("summary"), body,
                            MarkdownRenderer.render(body, a -> images.contains(a) ? imageUrl(id, a) : null).html(),
                            tags(rs.getArray("tags")), rs.getString("note"), rs.getString("saved_by_name"),
                            instant(rs, "saved_at"), LineDiff.diff(body, current.body()));
                })
                .optional().orElseThrow(() -> new NotFoundException("revision", revision));
    }

    /**
     * Makes an old version the current text again (title, summary, text, tags), as a new version; category, audience
     * and status stay. 409 when the article changed since {@code version}.
     */
    @Transactional
    public void restore(long id, int revision, Integer version) {
        ArticleView current = manageable(id);
        RevisionView old = revision(id, revision);
        update(id, new ArticleForm(current.schoolId(), current.categoryId(), old.title(), old.summary(), old.body(),
                old.tags(), current.audience(), current.reviewMonths(), "↺ " + revision,
                version == null ? current.version() : version));
    }

    // ---- images ----

    public List<AttachmentView> attachments(long id) {
        article(id);
        return jdbc.sql(ATTACHMENT_SELECT + " WHERE article_id = ? ORDER BY uploaded_at, id").param(id)
                .query(this::attachment).list();
    }

    public AttachmentView attachmentInfo(long id, long attachmentId) {
        article(id);
        return jdbc.sql(ATTACHMENT_SELECT + " WHERE article_id = ? AND id = ?").params(id, attachmentId)
                .query(this::attachment).optional().orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    /**
     * Adds an image (JPEG, PNG, WebP or GIF, judged by its content, at most 5 MB) to an article; shown in the text
     * with {@code ![text](attachment:ID)}.
     */
    @Transactional
    public long addAttachment(long id, String fileName, byte[] bytes) {
        ArticleView a = manageable(id);
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "kb.error.file.empty", "is empty");
        }
        if (bytes.length > MAX_IMAGE_BYTES) {
            throw InvalidInputException.of("file", "kb.error.file.tooLarge", "is larger than 5 MB", 5);
        }
        String type = be.coordinaat.shared.FileTypes.detect(bytes, be.coordinaat.shared.FileTypes.IMAGES).orElseThrow(() -> InvalidInputException.of("file", "kb.error.file.type",
                "is not a JPEG, PNG, WebP or GIF image (judged by its content, not its name)"));
        if (jdbc.sql("SELECT count(*) FROM kb_attachment WHERE article_id = ?").param(id).query(Long.class).single() >= MAX_IMAGES) {
            throw InvalidInputException.of("file", "kb.error.file.tooMany", "the article has the maximum of 50 images", MAX_IMAGES);
        }
        String name = be.coordinaat.shared.FileTypes.safeName(MarkdownRenderer.clean(fileName) == null ? null
                : MarkdownRenderer.clean(fileName).replaceAll("[\\[\\]()]", ""), type, "afbeelding", 200);
        CurrentUser user = access.current();
        long attachmentId = jdbc.sql("""
                INSERT INTO kb_attachment (article_id, school_id, file_name, content_type, size_bytes, sha256, bytes,
                                           uploaded_by, uploaded_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(id, a.schoolId(), name, type, bytes.length, sha256(bytes), bytes, user.id(), user.displayName())
                .query(Long.class).single();
        publish(id, a.boardId(), a.schoolId(), RecordChanged.UPDATED, a.title(), Map.of(), mapOf("image", name));
        return attachmentId;
    }

    public AttachmentFile image(long id, long attachmentId) {
        article(id);
        return file(id, attachmentId);
    }

    AttachmentFile file(long id, long attachmentId) {
        return jdbc.sql("SELECT file_name, content_type, bytes FROM kb_attachment WHERE article_id = ? AND id = ?")
                .params(id, attachmentId)
                .query((rs, n) -> new AttachmentFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    @Transactional
    public void deleteAttachment(long id, long attachmentId) {
        ArticleView a = manageable(id);
        AttachmentView att = attachmentInfo(id, attachmentId);
        jdbc.sql("DELETE FROM kb_attachment WHERE id = ?").param(attachmentId).update();
        publish(id, a.boardId(), a.schoolId(), RecordChanged.UPDATED, a.title(), mapOf("image", att.fileName()), Map.of());
    }

    // ---- feedback and views ----

    /** "Was this helpful?": one vote per account, which a new vote replaces. Published articles only. */
    @Transactional
    public void vote(long id, FeedbackForm form) {
        ArticleView a = article(id);
        if (a.status() != ArticleStatus.PUBLISHED) {
            throw new ConflictException("kb.error.feedback.notPublished", "only published articles take feedback");
        }
        jdbc.sql("""
                INSERT INTO kb_feedback (article_id, user_id, school_id, helpful, comment) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (article_id, user_id) DO UPDATE SET helpful = EXCLUDED.helpful, comment = EXCLUDED.comment,
                                                               updated_at = now()""")
                .params(id, access.current().id(), a.schoolId(), form.helpful(), blank(MarkdownRenderer.clean(form.comment())))
                .update();
    }

    public FeedbackSummary feedback(long id) {
        article(id);
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE helpful), count(*) FILTER (WHERE NOT helpful),
                       bool_or(helpful) FILTER (WHERE user_id = :user), max(comment) FILTER (WHERE user_id = :user)
                FROM kb_feedback WHERE article_id = :id""").param("id", id).param("user", access.current().id())
                .query((rs, n) -> new FeedbackSummary(rs.getLong(1), rs.getLong(2), (Boolean) rs.getObject(3), rs.getString(4)))
                .single();
    }

    /** The remarks left with votes, newest first, for the article's managers. */
    public List<FeedbackComment> comments(long id) {
        manageable(id);
        return jdbc.sql("""
                SELECT f.helpful, f.comment, u.display_name, f.updated_at FROM kb_feedback f JOIN app_user u ON u.id = f.user_id
                WHERE f.article_id = ? AND f.comment IS NOT NULL ORDER BY f.updated_at DESC LIMIT 100""").param(id)
                .query((rs, n) -> new FeedbackComment(rs.getBoolean(1), rs.getString(2), rs.getString(3), instant(rs, "updated_at")))
                .list();
    }

    /** Counts one view of an article (one statement, never touching the article itself). */
    @Transactional
    public void countView(long id, long schoolId) {
        jdbc.sql("""
                INSERT INTO kb_article_views (article_id, school_id, views, last_viewed_at) VALUES (?, ?, 1, now())
                ON CONFLICT (article_id) DO UPDATE SET views = kb_article_views.views + 1, last_viewed_at = now()""")
                .params(id, schoolId).update();
    }

    /** How often the article was read, for its managers. */
    public long views(long id) {
        manageable(id);
        return jdbc.sql("SELECT coalesce(max(views), 0) FROM kb_article_views WHERE article_id = ?").param(id)
                .query(Long.class).single();
    }

    /**
     * The managers' overview of their schools' articles: most read, least helpful (at least one "no"), and those due
     * for review (published, review date passed).
     */
    public Insights insights(int limit) {
        access.requireAnywhere(Permission.KNOWLEDGE_MANAGE);
        Long[] schools = access.schoolArray(Permission.KNOWLEDGE_MANAGE);
        String stats = """
                SELECT a.id, a.slug, a.title, s.name AS school_name, a.status, coalesce(v.views, 0) AS views,
                       coalesce(f.helpful, 0) AS helpful, coalesce(f.not_helpful, 0) AS not_helpful,
                       (a.last_reviewed_on + make_interval(months => a.review_months))::date AS review_due
                FROM kb_article a JOIN school s ON s.id = a.school_id
                LEFT JOIN kb_article_views v ON v.article_id = a.id
                LEFT JOIN (SELECT article_id, count(*) FILTER (WHERE helpful) AS helpful,
                                  count(*) FILTER (WHERE NOT helpful) AS not_helpful
                           FROM kb_feedback WHERE school_id = ANY(:schools) GROUP BY article_id) f ON f.article_id = a.id
                WHERE a.school_id = ANY(:schools)""";
        var mapper = (org.springframework.jdbc.core.RowMapper<ArticleStats>) (rs, n) -> new ArticleStats(rs.getLong("id"),
                rs.getString("slug"), rs.getString("title"), rs.getString("school_name"),
                ArticleStatus.valueOf(rs.getString("status")), rs.getLong("views"), rs.getLong("helpful"),
                rs.getLong("not_helpful"), rs.getObject("review_due", LocalDate.class));
        List<ArticleStats> viewed = jdbc.sql(stats + " AND a.status = 'PUBLISHED' AND v.views > 0 ORDER BY views DESC, a.id LIMIT :limit")
                .param("schools", schools).param("limit", limit).query(mapper).list();
        List<ArticleStats> unhelpful = jdbc.sql(stats + """
                 AND f.not_helpful > 0
                ORDER BY f.helpful::float / (f.helpful + f.not_helpful), f.not_helpful DESC, a.id LIMIT :limit""")
                .param("schools", schools).param("limit", limit).query(mapper).list();
        List<ArticleStats> due = jdbc.sql(stats + """
                 AND a.status = 'PUBLISHED' AND (a.last_reviewed_on + make_interval(months => a.review_months))::date <= :today
                ORDER BY review_due, a.id LIMIT :limit""")
                .param("schools", schools).param("limit", limit).param("today", today()).query(mapper).list();
        return new Insights(viewed, unhelpful, due);
    }

    // ---- rules ----

    /** An article's input after the rules: trimmed text, normalised tags, the rendered body. */
    record Checked(long schoolId, Long categoryId, String title, String summary, String body, List<String> tags,
            int reviewMonths, Rendered rendered) {}

    /**
     * The rules bean validation cannot see: a school where the user may write (at creation), a category of the board
     * or of that school, tags, and a body that renders. Every problem is reported per field; nothing is stored.
     */
    private Checked check(ArticleForm form, Long fixedSchool) {
        List<FieldProblem> problems = new ArrayList<>();
        Long schoolId = fixedSchool != null ? fixedSchool : form.schoolId();
        if (schoolId == null) {
            problems.add(new FieldProblem("schoolId", "error.required", "is required"));
        } else if (fixedSchool == null && !access.can(Permission.KNOWLEDGE_MANAGE, schoolId)) {
            // a school of another board, or one the user may not write for: "does not exist" reveals nothing
            problems.add(new FieldProblem("schoolId", "error.reference", "does not exist"));
        }
        Checked c = checked(form, schoolId == null ? 0 : schoolId, access.current().boardId(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return c;
    }

    /** The rules that need no signed-in user (also for the demo data). */
    Checked checked(ArticleForm form, long schoolId, long boardId, List<FieldProblem> problems) {
        String title = MarkdownRenderer.clean(form.title() == null ? "" : form.title()).replaceAll("\\s+", " ").strip();
        if (title.isEmpty()) {
            problems.add(new FieldProblem("title", "error.required", "is required"));
        }
        if (form.categoryId() != null && jdbc.sql("""
                SELECT count(*) FROM kb_category WHERE id = ? AND board_id = ? AND (school_id IS NULL OR school_id = ?)""")
                .params(form.categoryId(), boardId, schoolId).query(Long.class).single() == 0) {
            problems.add(new FieldProblem("categoryId", "error.reference", "does not exist"));
        }
        List<String> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : form.tags() == null ? List.<String>of() : form.tags()) {
            String tag = normalizeTag(raw);
            if (tag != null && seen.add(tag)) {
                tags.add(tag);
            }
        }
        Rendered rendered = null;
        String body = MarkdownRenderer.clean(form.body() == null ? "" : form.body()).stripTrailing();
        try {
            rendered = MarkdownRenderer.render(body, a -> "#");
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("body", "kb.error.body.render", "nests too deeply to be shown; simplify the text"));
        }
        if (form.audience() == null) {
            problems.add(new FieldProblem("audience", "error.required", "is required"));
        }
        String summary = blank(MarkdownRenderer.clean(form.summary()));
        return new Checked(schoolId, form.categoryId(), title, summary == null ? null : summary.replaceAll("\\s+", " "),
                body, List.copyOf(tags), form.reviewMonths() == null ? 12 : form.reviewMonths(), rendered);
    }

    /** A tag as stored: lower case, single spaces, no commas, at most 40 characters; null when nothing is left. */
    static String normalizeTag(String raw) {
        if (raw == null) {
            return null;
        }
        String t = MarkdownRenderer.clean(raw).replace(",", " ").replace("#", "").replaceAll("\\s+", " ").strip()
                .toLowerCase(Locale.ROOT);
        if (t.length() > 40) {
            t = t.substring(0, 40).strip();
        }
        return t.isEmpty() ? null : t;
    }

    private void saveRevision(long id, long schoolId, int revision, Checked c, String note, Long userId, String userName) {
        jdbc.sql("""
                INSERT INTO kb_article_revision (article_id, school_id, revision, title, summary, body, tags, note, saved_by,
                                                 saved_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, schoolId, revision, c.title(), c.summary(), c.body(), c.tags().toArray(String[]::new),
                        note == null ? null : note.length() > 200 ? note.substring(0, 200) : note, userId, userName)
                .update();
    }

    private void publish(long id, long boardId, long schoolId, String action, String label, Map<String, ?> before,
            Map<String, ?> after) {
        events.publishEvent(new RecordChanged("article", id, boardId, schoolId, action, label, RecordChanged.diff(before, after)));
    }

    private Map<String, Object> snapshot(Checked c, Audience audience, ArticleStatus status, int revision) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        m.put("summary", c.summary());
        m.put("category", categoryName(c.categoryId()));
        m.put("tags", String.join(", ", c.tags()));
        m.put("audience", audience);
        m.put("status", status);
        m.put("reviewMonths", c.reviewMonths());
        // the text itself is in the versions; the history says which version and how long it is
        m.put("text", "v" + revision + " (" + c.body().length() + ")");
        return m;
    }

    private Map<String, Object> snapshot(ArticleView a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", a.title());
        m.put("summary", a.summary());
        m.put("category", a.categoryName());
        m.put("tags", String.join(", ", a.tags()));
        m.put("audience", a.audience());
        m.put("status", a.status());
        m.put("reviewMonths", a.reviewMonths());
        m.put("text", "v" + a.revision() + " (" + a.body().length() + ")");
        return m;
    }

    private String categoryName(Long id) {
        return id == null ? null : jdbc.sql("SELECT name FROM kb_category WHERE id = ?").param(id).query(String.class)
                .optional().orElse(null);
    }

    // ---- helpers ----

    /** The visibility parameters of the current user. */
    Map<String, Object> scope() {
        CurrentUser user = access.current();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("board", user.boardId());
        params.put("read", access.schoolArray(Permission.KNOWLEDGE_READ));
        params.put("manage", access.schoolArray(Permission.KNOWLEDGE_MANAGE));
        params.put("external", user.external());
        return params;
    }

    Set<Long> imageIds(long articleId) {
        return new HashSet<>(jdbc.sql("SELECT id FROM kb_attachment WHERE article_id = ?").param(articleId)
                .query(Long.class).list());
    }

    static String imageUrl(long articleId, long attachmentId) {
        return "/knowledge/articles/" + articleId + "/images/" + attachmentId;
    }

    private ArticleView view(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        String body = rs.getString("body");
        Set<Long> images = imageIds(id);
        Rendered rendered = render(body, a -> images.contains(a) ? imageUrl(id, a) : null);
        LocalDate reviewed = rs.getObject("last_reviewed_on", LocalDate.class);
        int months = rs.getInt("review_months");
        LocalDate due = reviewed == null ? null : reviewed.plusMonths(months);
        ArticleStatus status = ArticleStatus.valueOf(rs.getString("status"));
        return new ArticleView(id, rs.getLong("board_id"), rs.getLong("school_id"), rs.getString("school_name"),
                (Long) rs.getObject("category_id"), rs.getString("category_name"), rs.getString("slug"),
                rs.getString("title"), rs.getString("summary"), body, rendered.html(), rendered.text(),
                tags(rs.getArray("tags")), Audience.valueOf(rs.getString("audience")), status, rs.getString("author_name"),
                months, reviewed, due, status == ArticleStatus.PUBLISHED && due != null && !due.isAfter(today()),
                instantOrNull(rs, "published_at"), rs.getInt("revision"), rs.getInt("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    /** Renders a stored body; one that cannot be rendered any more shows as escaped text rather than failing the page. */
    static Rendered render(String body, java.util.function.LongFunction<String> images) {
        try {
            return MarkdownRenderer.render(body, images);
        } catch (IllegalArgumentException e) {
            String text = org.jsoup.nodes.Entities.escape(body);
            return new Rendered("<pre>" + text + "</pre>", body);
        }
    }

    private static final String ATTACHMENT_SELECT =
            "SELECT id, article_id, file_name, content_type, size_bytes, uploaded_by_name, uploaded_at FROM kb_attachment";

    private AttachmentView attachment(ResultSet rs, int n) throws SQLException {
        return new AttachmentView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), instant(rs, "uploaded_at"));
    }

    static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static LocalDate today() {
        return LocalDate.now(Formats.ZONE);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<Long> set(Long[] ids) {
        return new LinkedHashSet<>(List.of(ids));
    }
}
