package be.coordinaat.knowledge;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.knowledge.Forms.CategoryForm;
import be.coordinaat.knowledge.Views.CategoryView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.RecordChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's categories: a tree per school, and the board's shared categories (no school) that every
 * school uses. Readers see the board's categories and those of the schools whose articles they may read; a school's
 * categories are changed with KNOWLEDGE_MANAGE in that school, the board's by board admins.
 */
@Service
@Transactional(readOnly = true)
public class Categories {

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Articles articles;
    private final ApplicationEventPublisher events;

    Categories(JdbcClient jdbc, AccessControl access, Articles articles, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.articles = articles;
        this.events = events;
    }

    /**
     * The categories the user may see, as a tree in reading order (each parent before its children, siblings by
     * position and name), with the number of articles the user may see in each.
     */
    public List<CategoryView> tree() {
        access.requireAnywhere(Permission.KNOWLEDGE_READ);
        Map<String, Object> params = articles.scope();
        List<CategoryView> flat = jdbc.sql("""
                SELECT k.id, k.school_id, s.name AS school_name, k.parent_id, k.name, k.description, k.position, k.version,
                       (SELECT count(*) FROM kb_article a WHERE a.category_id = k.id AND %s) AS articles
                FROM kb_category k LEFT JOIN school s ON s.id = k.school_id
                WHERE k.board_id = :board AND (k.school_id IS NULL OR k.school_id = ANY(:read) OR k.school_id = ANY(:manage))
                ORDER BY k.school_id NULLS FIRST, k.position, lower(k.name), k.id""".formatted(Articles.VISIBLE))
                .params(params).query((rs, n) -> view(rs, 0)).list();
        return ordered(flat);
    }

    /** The categories an article of {@code schoolId} may be filed under: the board's and that school's. */
    public List<CategoryView> choicesFor(long schoolId) {
        return tree().stream().filter(c -> c.schoolId() == null || c.schoolId() == schoolId).toList();
    }

    public CategoryView category(long id) {
        return tree().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("category", id));
    }

    public boolean canManage(Long schoolId) {
        return schoolId == null ? access.canForBoard(Permission.KNOWLEDGE_MANAGE)
                : access.can(Permission.KNOWLEDGE_MANAGE, schoolId);
    }

    @Transactional
    public long create(CategoryForm form) {
        access.requireAnywhere(Permission.KNOWLEDGE_MANAGE);
        check(form, null);
        long board = access.current().boardId();
        return insert(board, form);
    }

    /** Stores a checked category; also for the demo data. */
    long insert(long boardId, CategoryForm form) {
        long id = unique(() -> jdbc.sql("""
                INSERT INTO kb_category (board_id, school_id, parent_id, name, description, position)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(boardId, form.schoolId(), form.parentId(), form.name().strip(), Articles.blank(form.description()),
                        form.position() == null ? 0 : form.position())
                .query(Long.class).single());
        events.publishEvent(new RecordChanged("kb_category", id, boardId, form.schoolId(), RecordChanged.CREATED,
                form.name().strip(), RecordChanged.diff(Map.of(), snapshot(form))));
        return id;
    }

    @Transactional
    public void update(long id, CategoryForm form) {
        CategoryView before = category(id);
        requireManage(before.schoolId());
        if (!Objects.equals(form.schoolId(), before.schoolId())) {
            throw InvalidInputException.of("schoolId", "kb.error.school.fixed", "cannot change once the category exists");
        }
        check(form, id);
        int n = unique(() -> jdbc.sql("""
                UPDATE kb_category SET parent_id = ?, name = ?, description = ?, position = ?, version = version + 1,
                       updated_at = now()
                WHERE id = ? AND version = ?""")
                .params(form.parentId(), form.name().strip(), Articles.blank(form.description()),
                        form.position() == null ? 0 : form.position(), id,
                        form.version() == null ? before.version() : form.version())
                .update());
        if (n == 0) {
            throw ConflictException.staleVersion("category", id);
        }
        events.publishEvent(new RecordChanged("kb_category", id, access.current().boardId(), before.schoolId(),
                RecordChanged.UPDATED, form.name().strip(), RecordChanged.diff(snapshot(before), snapshot(form))));
    }

    /** Deletes an empty category: 409 while it has sub-categories or articles (of any status, of any reader). */
    @Transactional
    public void delete(long id) {
        CategoryView before = category(id);
        requireManage(before.schoolId());
        long used = jdbc.sql("""
                SELECT (SELECT count(*) FROM kb_category WHERE parent_id = ?) + (SELECT count(*) FROM kb_article WHERE category_id = ?)""")
                .params(id, id).query(Long.class).single();
        if (used > 0) {
            throw new ConflictException("kb.error.category.inUse", "the category still has sub-categories or articles");
        }
        jdbc.sql("DELETE FROM kb_category WHERE id = ?").param(id).update();
        events.publishEvent(new RecordChanged("kb_category", id, access.current().boardId(), before.schoolId(),
                RecordChanged.DELETED, before.name(), RecordChanged.diff(snapshot(before), Map.of())));
    }

    private void requireManage(Long schoolId) {
        if (!canManage(schoolId)) {
            throw new AccessDeniedException("no KNOWLEDGE_MANAGE for the category's school");
        }
    }

    /** A school where the user may manage (or the board, for board admins), and a parent in the same tree, no cycle. */
    private void check(CategoryForm form, Long id) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.schoolId() == null) {
            if (!access.canForBoard(Permission.KNOWLEDGE_MANAGE)) {
                problems.add(new FieldProblem("schoolId", "kb.error.category.school",
                        "choose a school (categories of the whole board are made by a board admin)"));
            }
        } else if (!access.can(Permission.KNOWLEDGE_MANAGE, form.schoolId())) {
            problems.add(new FieldProblem("schoolId", "error.reference", "does not exist"));
        }
        if (form.parentId() != null) {
            boolean sameTree = jdbc.sql("""
                    SELECT count(*) FROM kb_category WHERE id = ? AND board_id = ? AND school_id IS NOT DISTINCT FROM ?""")
                    .params(form.parentId(), access.current().boardId(), form.schoolId()).query(Long.class).single() > 0;
            if (!sameTree) {
                problems.add(new FieldProblem("parentId", "error.reference", "does not exist"));
            } else if (id != null && jdbc.sql("""
                    WITH RECURSIVE up AS (SELECT id, parent_id FROM kb_category WHERE id = ?
                      UNION ALL SELECT k.id, k.parent_id FROM kb_category k JOIN up ON k.id = up.parent_id)
                    SELECT count(*) FROM up WHERE id = ?""").params(form.parentId(), id).query(Long.class).single() > 0) {
                problems.add(new FieldProblem("parentId", "kb.error.category.cycle", "cannot be the category itself or one under it"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Parents before children, depth filled in; categories whose parent is not visible start at the top. */
    static List<CategoryView> ordered(List<CategoryView> flat) {
        Map<Long, List<CategoryView>> children = new LinkedHashMap<>();
        Map<Long, CategoryView> byId = new LinkedHashMap<>();
        flat.forEach(c -> byId.put(c.id(), c));
        List<CategoryView> roots = new ArrayList<>();
        for (CategoryView c : flat) {
            if (c.parentId() != null && byId.containsKey(c.parentId())) {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            } else {
                roots.add(c);
            }
        }
        List<CategoryView> out = new ArrayList<>();
        for (CategoryView r : roots) {
            add(r, 0, children, out, 0);
        }
        return out;
    }

    private static void add(CategoryView c, int depth, Map<Long, List<CategoryView>> children, List<CategoryView> out, int guard) {
        if (guard > 50) {
            return;
        }
        out.add(new CategoryView(c.id(), c.schoolId(), c.schoolName(), c.parentId(), c.name(), c.description(),
                c.position(), depth, c.articles(), c.version()));
        for (CategoryView child : children.getOrDefault(c.id(), List.of())) {
            add(child, depth + 1, children, out, guard + 1);
        }
    }

    private static Map<String, Object> snapshot(CategoryForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name() == null ? null : f.name().strip());
        m.put("description", Articles.blank(f.description()));
        m.put("parentId", f.parentId());
        m.put("position", f.position() == null ? 0 : f.position());
        return m;
    }

    private static Map<String, Object> snapshot(CategoryView c) {
        return snapshot(new CategoryForm(c.schoolId(), c.parentId(), c.name(), c.description(), c.position(), null));
    }

    private static <T> T unique(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("name", "kb.error.category.taken", "a category with this name exists already here");
        }
    }

    private static CategoryView view(ResultSet rs, int depth) throws SQLException {
        return new CategoryView(rs.getLong("id"), (Long) rs.getObject("school_id"), rs.getString("school_name"),
                (Long) rs.getObject("parent_id"), rs.getString("name"), rs.getString("description"), rs.getInt("position"),
                depth, rs.getLong("articles"), rs.getInt("version"));
    }
}
