package be.coordinaat.licences;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Accounts;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.licences.Forms.SoftwareForm;
import be.coordinaat.licences.Views.SchoolName;
import be.coordinaat.licences.Views.SoftwareChoice;
import be.coordinaat.licences.Views.SoftwareRow;
import be.coordinaat.licences.Views.SoftwareView;
import be.coordinaat.people.Organisations;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board's catalogue of software and digital tools: what it is, who sells it, who administers it, the contract,
 * and which schools use it. Every holder of LICENCES_READ in the board reads the whole catalogue (a tool is
 * registered once and the schools mark that they use it); a change needs LICENCES_MANAGE in every school that uses
 * the entry, before and after the change, and board-wide for an entry no school uses. A school's coordinator marks
 * their own school as a user of an entry with {@link #setUsedBy}. Every change is in the history.
 */
@Service
@Transactional(readOnly = true)
public class SoftwareCatalogue {

    /** One school list per row in the same statement, ordered by name: no query per entry. */
    private static final String SELECT = """
            SELECT sw.id, sw.name, sw.category, sw.vendor_name, sw.vendor_organisation_id, o.name AS organisation_name,
                   sw.administrator_user_id, u.display_name AS administrator_user_name, sw.administrator_name, sw.website,
                   sw.contract_reference, sw.notes, sw.version, sw.created_at, sw.updated_at,
                   ARRAY(SELECT s.id FROM software_school ss JOIN school s ON s.id = ss.school_id
                         WHERE ss.software_id = sw.id ORDER BY lower(s.name), s.id) AS school_ids,
                   ARRAY(SELECT s.name FROM software_school ss JOIN school s ON s.id = ss.school_id
                         WHERE ss.software_id = sw.id ORDER BY lower(s.name), s.id) AS school_names
            FROM software sw
            LEFT JOIN organisation o ON o.id = sw.vendor_organisation_id
            LEFT JOIN app_user u ON u.id = sw.administrator_user_id""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Accounts accounts;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    SoftwareCatalogue(JdbcClient jdbc, AccessControl access, Accounts accounts, Organisations organisations,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.organisations = organisations;
        this.events = events;
    }

    // ---- reads ----

    /**
     * One page of the catalogue: searched in name and vendor, filtered by category and by a school that uses it
     * (a school the user cannot see is 404, like the school itself).
     */
    public Page<SoftwareRow> list(PageQuery query, SoftwareCategory category, Long schoolId) {
        access.requireAnywhere(Permission.LICENCES_READ);
        if (schoolId != null && !access.can(Permission.LICENCES_READ, schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        StringBuilder where = new StringBuilder(" WHERE sw.board_id = :board");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("board", boardId());
        if (category != null) {
            where.append(" AND sw.category = :category");
            params.put("category", category.name());
        }
        if (schoolId != null) {
            where.append(" AND EXISTS (SELECT 1 FROM software_school ss WHERE ss.software_id = sw.id AND ss.school_id = :school)");
            params.put("school", schoolId);
        }
        if (query.q() != null) {
            where.append(" AND (lower(sw.name || ' ' || coalesce(sw.vendor_name, '')) LIKE :q ESCAPE '\\'"
                    + " OR lower(coalesce(o.name, '')) LIKE :q ESCAPE '\\')");
            params.put("q", query.likePattern());
        }
        String from = " FROM software sw LEFT JOIN organisation o ON o.id = sw.vendor_organisation_id";
        long total = jdbc.sql("SELECT count(*)" + from + where).params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String order = query.orderBy(Map.of(
                "name", "lower(sw.name)",
                "category", "sw.category" + dir + ", lower(sw.name)",
                "vendor", "lower(coalesce(o.name, sw.vendor_name))" + dir + " NULLS LAST, lower(sw.name)"), "name")
                .replace(", id", ", sw.id");
        List<SoftwareRow> items = jdbc.sql("""
                        SELECT sw.id, sw.name, sw.category, coalesce(o.name, sw.vendor_name) AS vendor,
                               coalesce(u.display_name, sw.administrator_name) AS administrator, sw.website, sw.version,
                               ARRAY(SELECT s.id FROM software_school ss JOIN school s ON s.id = ss.school_id
                                     WHERE ss.software_id = sw.id ORDER BY lower(s.name), s.id) AS school_ids,
                               ARRAY(SELECT s.name FROM software_school ss JOIN school s ON s.id = ss.school_id
                                     WHERE ss.software_id = sw.id ORDER BY lower(s.name), s.id) AS school_names,
                               (SELECT count(*) FROM licence l WHERE l.software_id = sw.id AND (l.school_id = ANY(CAST(:ids AS bigint[]))
                                  OR l.school_id IS NULL)) AS licences
                        FROM software sw
                        LEFT JOIN organisation o ON o.id = sw.vendor_organisation_id
                        LEFT JOIN app_user u ON u.id = sw.administrator_user_id""" + where + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("ids", access.schoolArray(Permission.LICENCES_READ))
                .param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> new SoftwareRow(rs.getLong("id"), rs.getString("name"),
                        SoftwareCategory.valueOf(rs.getString("category")), rs.getString("vendor"),
                        rs.getString("administrator"), rs.getString("website"), schools(rs), rs.getLong("licences"),
                        rs.getInt("version")))
                .list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** A catalogue entry of the current user's board; 404 for other boards' entries and without LICENCES_READ. */
    public SoftwareView software(long id) {
        if (!access.canAnywhere(Permission.LICENCES_READ)) {
            throw new NotFoundException("software", id);
        }
        return jdbc.sql(SELECT + " WHERE sw.id = :id AND sw.board_id = :board").param("id", id).param("board", boardId())
                .query(this::view).optional().orElseThrow(() -> new NotFoundException("software", id));
    }

    /** The board's catalogue for choosers, by name. */
    public List<SoftwareChoice> choices() {
        access.requireAnywhere(Permission.LICENCES_READ);
        return jdbc.sql("SELECT id, name, category FROM software WHERE board_id = ? ORDER BY lower(name), id")
                .param(boardId())
                .query((rs, n) -> new SoftwareChoice(rs.getLong(1), rs.getString(2), SoftwareCategory.valueOf(rs.getString(3))))
                .list();
    }

    /** Whether the current user may change this entry: LICENCES_MANAGE in all schools that use it. */
    public boolean canManage(SoftwareView s) {
        if (!s.schools().isEmpty()) {
            return access.schools(Permission.LICENCES_MANAGE).containsAll(s.schoolIds());
        }
        if (access.canForBoard(Permission.LICENCES_MANAGE)) {
            return true;
        }
        // an entry proposed as a digital tool that no school uses yet: the coordinators of the proposing schools
        List<Long> toolSchools = jdbc.sql("SELECT school_id FROM tool WHERE software_id = ?").param(s.id()).query(Long.class).list();
        return !toolSchools.isEmpty() && access.schools(Permission.LICENCES_MANAGE).containsAll(toolSchools);
    }

    public boolean canCreate() {
        return access.canAnywhere(Permission.LICENCES_MANAGE);
    }

    /** The schools for which the current user may mark that they use an entry, and choose in forms. */
    public List<SchoolRef> manageableSchools() {
        return access.visibleSchools(Permission.LICENCES_MANAGE);
    }

    // ---- writes ----

    @Transactional
    public long create(SoftwareForm form) {
        access.requireAnywhere(Permission.LICENCES_MANAGE);
        Map<Long, String> schools = check(form);
        requireManage(schools.keySet());
        return insert(boardId(), form, schools);
    }

    /** Stores a checked entry with its schools (id to name); also for the demo data, before anyone signs in. */
    long insert(long boardId, SoftwareForm form, Map<Long, String> schools) {
        long id = unique(() -> jdbc.sql("""
                INSERT INTO software (board_id, name, category, vendor_name, vendor_organisation_id, administrator_user_id,
                                      administrator_name, website, contract_reference, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(boardId, form.name().strip(), form.category().name(), blank(form.vendorName()),
                        form.vendorOrganisationId(), form.administratorUserId(), blank(form.administratorName()),
                        blank(form.website()), blank(form.contractReference()), blank(form.notes()))
                .query(Long.class).single());
        linkSchools(id, schools.keySet());
        publish(id, boardId, schools.keySet(), RecordChanged.CREATED, form.name(), Map.of(), snapshot(form, schools));
        return id;
    }

    @Transactional
    public void update(long id, SoftwareForm form) {
        SoftwareView before = software(id);
        requireManage(before);
        Map<Long, String> schools = check(form);
        requireManage(schools.keySet());
        int n = unique(() -> jdbc.sql("""
                UPDATE software SET name = ?, category = ?, vendor_name = ?, vendor_organisation_id = ?,
                       administrator_user_id = ?, administrator_name = ?, website = ?, contract_reference = ?, notes = ?,
                       version = version + 1, updated_at = now()
                WHERE id = ? AND version = ?""")
                .params(form.name().strip(), form.category().name(), blank(form.vendorName()), form.vendorOrganisationId(),
                        form.administratorUserId(), blank(form.administratorName()), blank(form.website()),
                        blank(form.contractReference()), blank(form.notes()), id,
                        form.version() == null ? before.version() : form.version())
                .update());
        if (n == 0) {
            throw ConflictException.staleVersion("software", id);
        }
        if (!new LinkedHashSet<>(before.schoolIds()).equals(schools.keySet())) {
            jdbc.sql("DELETE FROM software_school WHERE software_id = ?").param(id).update();
            linkSchools(id, schools.keySet());
        }
        publish(id, boardId(), schools.keySet(), RecordChanged.UPDATED, form.name(), snapshot(before),
                snapshot(form, schools));
    }

    /** Deletes an entry that no licence refers to any more (409 otherwise). */
    @Transactional
    public void delete(long id) {
        SoftwareView before = software(id);
        requireManage(before);
        if (jdbc.sql("SELECT count(*) FROM licence WHERE software_id = ?").param(id).query(Long.class).single() > 0) {
            throw new ConflictException("software.error.inUse", "the software still has licences; remove them first");
        }
        if (jdbc.sql("SELECT count(*) FROM tool WHERE software_id = ?").param(id).query(Long.class).single() > 0) {
            throw new ConflictException("software.error.hasTools",
                    "the software is proposed, evaluated or used as a digital tool in a school; retire it there instead");
        }
        jdbc.sql("DELETE FROM software WHERE id = ?").param(id).update();
        publish(id, boardId(), before.schoolIds(), RecordChanged.DELETED, before.name(), snapshot(before), Map.of());
    }

    /**
     * Marks that a school uses an entry, or no longer does. Needs LICENCES_MANAGE in that school only, so a
     * coordinator can join an entry that other schools registered.
     */
    @Transactional
    public void setUsedBy(long id, long schoolId, boolean used) {
        SoftwareView before = software(id);
        if (!access.can(Permission.LICENCES_READ, schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        access.require(Permission.LICENCES_MANAGE, schoolId);
        if (before.schoolIds().contains(schoolId) == used) {
            return;
        }
        if (!used && before.schoolIds().size() == 1 && !access.canForBoard(Permission.LICENCES_MANAGE)) {
            // an entry without schools belongs to the board admins: the last school deletes it instead
            throw new ConflictException("software.error.lastSchool",
                    "the last school that uses the software cannot leave it; delete the software instead");
        }
        if (used) {
            jdbc.sql("INSERT INTO software_school (software_id, school_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(id, schoolId).update();
        } else {
            jdbc.sql("DELETE FROM software_school WHERE software_id = ? AND school_id = ?").params(id, schoolId).update();
        }
        jdbc.sql("UPDATE software SET version = version + 1, updated_at = now() WHERE id = ?").param(id).update();
        SoftwareView after = software(id);
        events.publishEvent(new RecordChanged("software", id, boardId(), schoolId, RecordChanged.UPDATED, before.name(),
                RecordChanged.diff(Map.of("schools", schoolList(before.schools())), Map.of("schools", schoolList(after.schools())))));
    }

    // ---- rules ----

    /**
     * The rules bean validation cannot see: vendor and administrator given one way only and existing, schools that
     * exist in the board and that the user may see, and at least one school for anyone but a board admin. Returns
     * the schools (id to name) in the order given.
     */
    private Map<Long, String> check(SoftwareForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(form.vendorName()) != null && form.vendorOrganisationId() != null) {
            problems.add(new FieldProblem("vendorName", "software.error.vendor.both",
                    "give the vendor as text or as an organisation, not both"));
        }
        if (form.vendorOrganisationId() != null && !organisationExists(form.vendorOrganisationId())) {
            problems.add(new FieldProblem("vendorOrganisationId", "error.reference", "does not exist"));
        }
        if (blank(form.administratorName()) != null && form.administratorUserId() != null) {
            problems.add(new FieldProblem("administratorName", "software.error.administrator.both",
                    "give the administrator as an account or as text, not both"));
        }
        if (form.administratorUserId() != null && accounts.colleague(form.administratorUserId()).isEmpty()) {
            problems.add(new FieldProblem("administratorUserId", "error.reference", "does not exist"));
        }
        Map<Long, String> visible = access.visibleSchools(Permission.LICENCES_READ).stream()
                .collect(Collectors.toMap(SchoolRef::id, SchoolRef::name));
        Map<Long, String> schools = new LinkedHashMap<>();
        for (Long schoolId : form.schoolIds() == null ? List.<Long>of() : form.schoolIds()) {
            if (schoolId == null || !visible.containsKey(schoolId)) {
                // a school of another board, or one the user may not see: "does not exist" reveals nothing
                problems.add(new FieldProblem("schoolIds", "error.reference", "does not exist"));
                break;
            }
            schools.put(schoolId, visible.get(schoolId));
        }
        if (schools.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("schoolIds"))
                && !access.canForBoard(Permission.LICENCES_MANAGE)) {
            problems.add(new FieldProblem("schoolIds", "software.error.schools.required",
                    "choose the schools that use it (an entry without schools is registered by a board admin)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return schools;
    }

    private boolean organisationExists(long id) {
        try {
            organisations.organisation(id);
            return true;
        } catch (NotFoundException | AccessDeniedException e) {
            return false;
        }
    }

    private void requireManage(SoftwareView s) {
        if (!canManage(s)) {
            throw new AccessDeniedException("no LICENCES_MANAGE in all schools of software " + s.id());
        }
    }

    private void requireManage(Collection<Long> schoolIds) {
        if (schoolIds.isEmpty()) {
            access.requireForBoard(Permission.LICENCES_MANAGE);
        } else {
            access.requireAll(Permission.LICENCES_MANAGE, schoolIds);
        }
    }

    private void linkSchools(long softwareId, Collection<Long> schoolIds) {
        for (Long schoolId : schoolIds) {
            jdbc.sql("INSERT INTO software_school (software_id, school_id) VALUES (?, ?)").params(softwareId, schoolId).update();
        }
    }

    private static <T> T unique(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("name", "software.error.name.taken", "the catalogue already has software with this name");
        }
    }

    private void publish(long id, long boardId, Collection<Long> schoolIds, String action, String label,
            Map<String, ?> before, Map<String, ?> after) {
        // history entries belong to one school: the first (by id) that uses the entry, so its readers see them
        Long school = schoolIds.stream().min(Long::compare).orElse(null);
        events.publishEvent(new RecordChanged("software", id, boardId, school, action, label == null ? null : label.strip(),
                RecordChanged.diff(before, after)));
    }

    private static Map<String, Object> snapshot(SoftwareForm f, Map<Long, String> schools) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name() == null ? null : f.name().strip());
        m.put("category", f.category());
        m.put("vendorName", blank(f.vendorName()));
        m.put("vendorOrganisationId", f.vendorOrganisationId());
        m.put("administratorUserId", f.administratorUserId());
        m.put("administratorName", blank(f.administratorName()));
        m.put("website", blank(f.website()));
        m.put("contractReference", blank(f.contractReference()));
        m.put("notes", blank(f.notes()));
        m.put("schools", schools.values().stream().sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.joining(", ")));
        return m;
    }

    private static Map<String, Object> snapshot(SoftwareView s) {
        Map<Long, String> schools = new LinkedHashMap<>();
        s.schools().forEach(n -> schools.put(n.id(), n.name()));
        return snapshot(new SoftwareForm(s.name(), s.category(), s.vendorName(), s.vendorOrganisationId(),
                s.administratorUserId(), s.administratorName(), s.website(), s.contractReference(), s.notes(),
                s.schoolIds(), null), schools);
    }

    private static String schoolList(List<SchoolName> schools) {
        return schools.stream().map(SchoolName::name).sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.joining(", "));
    }

    private long boardId() {
        return access.current().boardId();
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private SoftwareView view(ResultSet rs, int n) throws SQLException {
        return new SoftwareView(rs.getLong("id"), rs.getString("name"), SoftwareCategory.valueOf(rs.getString("category")),
                rs.getString("vendor_name"), (Long) rs.getObject("vendor_organisation_id"), rs.getString("organisation_name"),
                (Long) rs.getObject("administrator_user_id"), rs.getString("administrator_user_name"),
                rs.getString("administrator_name"), rs.getString("website"), rs.getString("contract_reference"),
                rs.getString("notes"), schools(rs), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    static List<SchoolName> schools(ResultSet rs) throws SQLException {
        Long[] ids = (Long[]) rs.getArray("school_ids").getArray();
        String[] names = (String[]) rs.getArray("school_names").getArray();
        List<SchoolName> schools = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            schools.add(new SchoolName(ids[i], names[i]));
        }
        return List.copyOf(schools);
    }
}
