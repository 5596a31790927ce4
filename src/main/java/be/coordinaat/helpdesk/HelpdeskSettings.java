package be.coordinaat.helpdesk;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.helpdesk.Forms.CannedReplyForm;
import be.coordinaat.helpdesk.Forms.CategoryForm;
import be.coordinaat.helpdesk.Forms.SlaTargetForm;
import be.coordinaat.helpdesk.Views.CannedReplyView;
import be.coordinaat.helpdesk.Views.CategoryView;
import be.coordinaat.helpdesk.Views.SlaTargetView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.RecordChanged;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The helpdesk's configuration per school, with board defaults: the category tree, canned replies and SLA targets
 * per priority. Read by everyone who reports or works tickets in the school; changed with HELPDESK_CONFIGURE in the
 * school, the board defaults (no school) by board admins only.
 */
@Service
@Transactional(readOnly = true)
public class HelpdeskSettings {

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final ApplicationEventPublisher events;

    HelpdeskSettings(JdbcClient jdbc, AccessControl access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    /** The schools whose settings the user reads: where they report, work or configure. */
    private Long[] readable() {
        Set<Long> ids = new LinkedHashSet<>(access.schools(Permission.TICKETS_REPORT));
        ids.addAll(access.schools(Permission.TICKETS_WORK));
        ids.addAll(access.schools(Permission.HELPDESK_CONFIGURE));
        return ids.toArray(Long[]::new);
    }

    public List<SchoolRef> configurableSchools() {
        return access.visibleSchools(Permission.HELPDESK_CONFIGURE);
    }

    public boolean canConfigureBoard() {
        return access.canForBoard(Permission.HELPDESK_CONFIGURE);
    }

    public boolean canConfigure(Long schoolId) {
        return schoolId == null ? canConfigureBoard() : access.can(Permission.HELPDESK_CONFIGURE, schoolId);
    }

    private void requireConfigure(Long schoolId, String field) {
        if (schoolId != null && !access.can(Permission.SCHOOL_READ, schoolId)) {
            throw InvalidInputException.of(field, "error.reference", "does not exist");
        }
        if (!canConfigure(schoolId)) {
            throw new AccessDeniedException("no HELPDESK_CONFIGURE for " + (schoolId == null ? "the board" : "school " + schoolId));
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "error.required", "is required");
        }
    }

    // ---- categories ----

    /**
     * The category tree in display order: the board defaults and, for {@code schoolId}, that school's own (null: every
     * school the user reads). Inactive categories only when asked (for the configuration page).
     */
    public List<CategoryView> categories(Long schoolId, boolean withInactive) {
        Long[] schools = schoolId == null ? readable() : new Long[] {schoolId};
        if (schoolId != null && !List.of(readable()).contains(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        return jdbc.sql("""
                WITH RECURSIVE tree AS (
                  SELECT c.id, c.parent_id, c.name, c.school_id, c.position, c.active, c.version, 0 AS depth,
                         ARRAY[lpad(c.position::text, 6, '0') || lower(c.name) || c.id] AS sort, c.name::text AS path
                  FROM ticket_category c WHERE c.parent_id IS NULL AND c.board_id = :board
                    AND (c.school_id IS NULL OR c.school_id = ANY(CAST(:schools AS bigint[])))
                  UNION ALL
                  SELECT c.id, c.parent_id, c.name, c.school_id, c.position, c.active, c.version, tree.depth + 1,
                         tree.sort || (lpad(c.position::text, 6, '0') || lower(c.name) || c.id), tree.path || ' › ' || c.name
                  FROM ticket_category c JOIN tree ON c.parent_id = tree.id
                  WHERE c.school_id IS NULL OR c.school_id = ANY(CAST(:schools AS bigint[])))
                SELECT tree.*, s.name AS school_name FROM tree LEFT JOIN school s ON s.id = tree.school_id
                WHERE :inactive OR tree.active ORDER BY sort""")
                .param("board", access.current().boardId()).param("schools", schools).param("inactive", withInactive)
                .query((rs, n) -> new CategoryView(rs.getLong("id"), (Long) rs.getObject("school_id"), rs.getString("school_name"),
                        (Long) rs.getObject("parent_id"), rs.getString("name"), rs.getString("path"), rs.getInt("depth"),
                        rs.getInt("position"), rs.getBoolean("active"), rs.getInt("version")))
                .list();
    }

    public CategoryView category(long id) {
        return categories(null, true).stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("category", id));
    }

    /**
     * Adds a category. A board default may only hang under a board default; a school's category under a board default
     * or a category of the same school.
     */
    @Transactional
    public long createCategory(CategoryForm form) {
        requireConfigure(form.schoolId(), "schoolId");
        required("name", form.name());
        checkParent(form, null);
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO ticket_category (board_id, school_id, parent_id, name, position, active)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(access.current().boardId(), form.schoolId(), form.parentId(), form.name().strip(),
                            form.position() == null ? 0 : form.position(), form.active() == null || form.active())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("name", "error.duplicate", "already exists");
        }
        publish("ticket-category", id, form.schoolId(), RecordChanged.CREATED, form.name(), Map.of(), categorySnapshot(form));
        return id;
    }

    @Transactional
    public void updateCategory(long id, CategoryForm form) {
        CategoryView before = category(id);
        requireConfigure(before.schoolId(), "schoolId");
        required("name", form.name());
        if (form.schoolId() != null && !form.schoolId().equals(before.schoolId())) {
            throw InvalidInputException.of("schoolId", "ticket.category.error.schoolFixed", "cannot be changed");
        }
        CategoryForm f = new CategoryForm(before.schoolId(), form.parentId(), form.name(), form.position(), form.active(),
                form.version());
        checkParent(f, id);
        int n;
        try {
            n = jdbc.sql("""
                    UPDATE ticket_category SET parent_id = ?, name = ?, position = ?, active = ?, version = version + 1
                    WHERE id = ? AND version = ?""")
                    .params(f.parentId(), f.name().strip(), f.position() == null ? 0 : f.position(),
                            f.active() == null || f.active(), id, f.version() == null ? before.version() : f.version())
                    .update();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("name", "error.duplicate", "already exists");
        }
        if (n == 0) {
            throw ConflictException.staleVersion("category", id);
        }
        publish("ticket-category", id, before.schoolId(), RecordChanged.UPDATED, f.name(),
                categorySnapshot(new CategoryForm(before.schoolId(), before.parentId(), before.name(), before.position(),
                        before.active(), null)), categorySnapshot(f));
    }

    /** Deletes a category without sub-categories; its tickets keep no category. */
    @Transactional
    public void deleteCategory(long id) {
        CategoryView before = category(id);
        requireConfigure(before.schoolId(), "schoolId");
        try {
            jdbc.sql("DELETE FROM ticket_category WHERE id = ?").param(id).update();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("ticket.category.error.hasChildren", "the category has sub-categories; delete those first");
        }
        publish("ticket-category", id, before.schoolId(), RecordChanged.DELETED, before.name(),
                Map.of("name", before.name()), Map.of());
    }

    private void checkParent(CategoryForm form, Long self) {
        if (form.parentId() == null) {
            return;
        }
        CategoryView parent = categories(null, true).stream().filter(c -> c.id() == form.parentId()).findFirst()
                .orElseThrow(() -> InvalidInputException.of("parentId", "error.reference", "does not exist"));
        if (parent.schoolId() != null && !parent.schoolId().equals(form.schoolId())) {
            throw InvalidInputException.of("parentId", "ticket.category.error.parent",
                    "must be a board default or a category of the same school");
        }
        if (self != null) {
            // no cycles: the parent may not be the category itself or one of its descendants
            boolean cycle = jdbc.sql("""
                    WITH RECURSIVE up AS (SELECT id, parent_id FROM ticket_category WHERE id = ?
                      UNION ALL SELECT c.id, c.parent_id FROM ticket_category c JOIN up ON c.id = up.parent_id)
                    SELECT EXISTS (SELECT 1 FROM up WHERE id = ?)""").params(form.parentId(), self)
                    .query(Boolean.class).single();
            if (cycle) {
                throw InvalidInputException.of("parentId", "ticket.category.error.cycle", "would make a cycle");
            }
        }
    }

    private static Map<String, Object> categorySnapshot(CategoryForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name() == null ? null : f.name().strip());
        m.put("parent", f.parentId());
        m.put("position", f.position() == null ? 0 : f.position());
        m.put("active", f.active() == null || f.active());
        return m;
    }

    // ---- canned replies ----

    /** Canned replies for a school (its own and the board's), or (null) for every school the user reads. */
    public List<CannedReplyView> cannedReplies(Long schoolId) {
        if (schoolId != null && !List.of(readable()).contains(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        Long[] schools = schoolId == null ? readable() : new Long[] {schoolId};
        return jdbc.sql("""
                SELECT r.id, r.school_id, s.name AS school_name, r.title, r.body, r.version FROM canned_reply r
                LEFT JOIN school s ON s.id = r.school_id
                WHERE r.board_id = ? AND (r.school_id IS NULL OR r.school_id = ANY(CAST(? AS bigint[])))
                ORDER BY lower(r.title), r.id""").params(access.current().boardId(), schools)
                .query((rs, n) -> new CannedReplyView(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .list();
    }

    public CannedReplyView cannedReply(long id) {
        return cannedReplies(null).stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("canned-reply", id));
    }

    @Transactional
    public long createCannedReply(CannedReplyForm form) {
        requireConfigure(form.schoolId(), "schoolId");
        required("title", form.title());
        required("body", form.body());
        long id = jdbc.sql("INSERT INTO canned_reply (board_id, school_id, title, body) VALUES (?, ?, ?, ?) RETURNING id")
                .params(access.current().boardId(), form.schoolId(), form.title().strip(), form.body().strip())
                .query(Long.class).single();
        publish("canned-reply", id, form.schoolId(), RecordChanged.CREATED, form.title(), Map.of(),
                Map.of("title", form.title().strip(), "body", form.body().strip()));
        return id;
    }

    @Transactional
    public void updateCannedReply(long id, CannedReplyForm form) {
        CannedReplyView before = cannedReply(id);
        requireConfigure(before.schoolId(), "schoolId");
        required("title", form.title());
        required("body", form.body());
        int n = jdbc.sql("UPDATE canned_reply SET title = ?, body = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(form.title().strip(), form.body().strip(), id, form.version() == null ? before.version() : form.version())
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion("canned-reply", id);
        }
        publish("canned-reply", id, before.schoolId(), RecordChanged.UPDATED, form.title(),
                Map.of("title", before.title(), "body", before.body()),
                Map.of("title", form.title().strip(), "body", form.body().strip()));
    }

    @Transactional
    public void deleteCannedReply(long id) {
        CannedReplyView before = cannedReply(id);
        requireConfigure(before.schoolId(), "schoolId");
        jdbc.sql("DELETE FROM canned_reply WHERE id = ?").param(id).update();
        publish("canned-reply", id, before.schoolId(), RecordChanged.DELETED, before.title(),
                Map.of("title", before.title()), Map.of());
    }

    // ---- SLA targets ----

    /** The SLA targets: the board defaults and those of the schools the user reads (or of one school). */
    public List<SlaTargetView> slaTargets(Long schoolId) {
        if (schoolId != null && !List.of(readable()).contains(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        Long[] schools = schoolId == null ? readable() : new Long[] {schoolId};
        return jdbc.sql("""
                SELECT t.id, t.school_id, s.name, t.priority, t.response_minutes, t.resolution_minutes, t.version
                FROM sla_target t LEFT JOIN school s ON s.id = t.school_id
                WHERE t.board_id = ? AND (t.school_id IS NULL OR t.school_id = ANY(CAST(? AS bigint[])))
                ORDER BY t.school_id NULLS FIRST, lower(s.name), t.priority""").params(access.current().boardId(), schools)
                .query((rs, n) -> new SlaTargetView(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7)))
                .list();
    }

    /**
     * Sets the targets of one priority for a school (or the board default). New tickets get due times from them;
     * open tickets keep theirs. The resolution target may not be shorter than the response target.
     */
    @Transactional
    public void setSlaTarget(SlaTargetForm form) {
        requireConfigure(form.schoolId(), "schoolId");
        if (form.resolutionMinutes() < form.responseMinutes()) {
            throw InvalidInputException.of("resolutionMinutes", "ticket.sla.error.order",
                    "must not be shorter than the response target");
        }
        long board = access.current().boardId();
        var before = slaTargets(form.schoolId()).stream()
                .filter(t -> t.priority() == form.priority() && java.util.Objects.equals(t.schoolId(), form.schoolId()))
                .findFirst();
        long id = jdbc.sql("""
                INSERT INTO sla_target (board_id, school_id, priority, response_minutes, resolution_minutes)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (board_id, coalesce(school_id, 0), priority) DO UPDATE
                  SET response_minutes = EXCLUDED.response_minutes, resolution_minutes = EXCLUDED.resolution_minutes,
                      version = sla_target.version + 1
                RETURNING id""").params(board, form.schoolId(), form.priority(), form.responseMinutes(),
                        form.resolutionMinutes()).query(Long.class).single();
        publish("sla-target", id, form.schoolId(), before.isPresent() ? RecordChanged.UPDATED : RecordChanged.CREATED,
                "P" + form.priority(),
                before.<Map<String, Object>>map(b -> Map.of("response", b.responseMinutes(), "resolution", b.resolutionMinutes()))
                        .orElse(Map.of()),
                Map.of("response", form.responseMinutes(), "resolution", form.resolutionMinutes()));
    }

    /** Removes a school's own targets of one priority: the board default applies again. */
    @Transactional
    public void deleteSlaTarget(long id) {
        SlaTargetView before = slaTargets(null).stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("sla-target", id));
        requireConfigure(before.schoolId(), "schoolId");
        jdbc.sql("DELETE FROM sla_target WHERE id = ?").param(id).update();
        publish("sla-target", id, before.schoolId(), RecordChanged.DELETED, "P" + before.priority(),
                Map.of("response", before.responseMinutes(), "resolution", before.resolutionMinutes()), Map.of());
    }

    private void publish(String type, long id, Long schoolId, String action, String label, Map<String, ?> before,
            Map<String, ?> after) {
        events.publishEvent(new RecordChanged(type, id, access.current().boardId(), schoolId, action, label,
                RecordChanged.diff(before, after)));
    }
}
