package be.coordinaat.people;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.people.Forms.ContactForm;
import be.coordinaat.people.Forms.OrganisationForm;
import be.coordinaat.people.Views.ContactView;
import be.coordinaat.people.Views.OrganisationView;
import be.coordinaat.people.Views.SchoolName;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people module's API for external organisations (municipal ICT and technical services, the DPO, suppliers, …)
 * and their contacts. An organisation serves some schools of the board, or the whole board when it names none.
 * It is visible when it serves a school in the user's ORGANISATIONS_READ scope, or serves the whole board and the
 * user holds ORGANISATIONS_READ somewhere in it. Changes need ORGANISATIONS_MANAGE in every school served (before
 * and after), and board-wide for organisations of the whole board.
 */
@Service
@Transactional(readOnly = true)
public class Organisations {

    private static final String SELECT = """
            SELECT o.id, o.kind, o.name, o.email, o.phone, o.website, o.street, o.postal_code, o.city, o.notes, o.version,
                   (SELECT count(*) FROM contact c WHERE c.organisation_id = o.id) AS contact_count,
                   ARRAY(SELECT s.id FROM organisation_school os JOIN school s ON s.id = os.school_id
                         WHERE os.organisation_id = o.id ORDER BY lower(s.name), s.id) AS school_ids,
                   ARRAY(SELECT s.name FROM organisation_school os JOIN school s ON s.id = os.school_id
                         WHERE os.organisation_id = o.id ORDER BY lower(s.name), s.id) AS school_names
            FROM organisation o""";
    private static final String VISIBLE = " o.board_id = :board AND (EXISTS (SELECT 1 FROM organisation_school os"
            + " WHERE os.organisation_id = o.id AND os.school_id = ANY(CAST(:ids AS bigint[])))"
            + " OR (:anywhere AND NOT EXISTS (SELECT 1 FROM organisation_school os WHERE os.organisation_id = o.id)))";
    private static final String CONTACT_SELECT = """
            SELECT c.id, c.organisation_id, o.name AS organisation_name, c.name, c.role_title, c.email, c.phone, c.version
            FROM contact c JOIN organisation o ON o.id = c.organisation_id""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final ApplicationEventPublisher events;

    Organisations(JdbcClient jdbc, AccessControl access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    // ---- organisations ----

    /** The organisations the current user may see; the search finds organisation and contact names. */
    public Page<OrganisationView> list(PageQuery query, OrganisationKind kind) {
        access.requireAnywhere(Permission.ORGANISATIONS_READ);
        StringBuilder where = new StringBuilder(" WHERE").append(VISIBLE);
        Map<String, Object> params = scope();
        if (kind != null) {
            where.append(" AND o.kind = :kind");
            params.put("kind", kind.name());
        }
        if (query.q() != null) {
            where.append(" AND (lower(o.name) LIKE :q ESCAPE '\\'"
                    + " OR EXISTS (SELECT 1 FROM contact c WHERE c.organisation_id = o.id AND lower(c.name) LIKE :q ESCAPE '\\'))");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM organisation o" + where).params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String order = query.orderBy(Map.of("name", "lower(o.name)", "kind", "o.kind" + dir + ", lower(o.name)"), "name")
                .replace(", id", ", o.id");
        List<OrganisationView> items = jdbc.sql(SELECT + where + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query(Organisations::row).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** An organisation the current user may see; 404 otherwise. */
    public OrganisationView organisation(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = :id AND" + VISIBLE).param("id", id).params(scope())
                .query(Organisations::row).optional()
                .orElseThrow(() -> new NotFoundException("organisation", id));
    }

    /** Whether the current user may change this organisation and its contacts. */
    public boolean canManage(OrganisationView o) {
        return o.boardWide() ? access.canForBoard(Permission.ORGANISATIONS_MANAGE)
                : access.schools(Permission.ORGANISATIONS_MANAGE).containsAll(o.schoolIds());
    }

    /** Whether the current user may create an organisation at all (board-wide or for one of their schools). */
    public boolean canCreate() {
        return access.canAnywhere(Permission.ORGANISATIONS_MANAGE);
    }

    @Transactional
    public long create(OrganisationForm form) {
        access.requireAnywhere(Permission.ORGANISATIONS_MANAGE);
        Map<Long, String> schools = checkSchools(form.schoolIds());
        requireManage(schools.keySet());
        return insert(access.current().boardId(), form, schools);
    }

    /** Stores a checked organisation with the schools it serves; also for the demo data, before anyone signs in. */
    long insert(long boardId, OrganisationForm form, Map<Long, String> schools) {
        long id = jdbc.sql("""
                INSERT INTO organisation (board_id, name, kind, email, phone, website, street, postal_code, city, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(boardId, form.name().strip(), form.kind().name(), Text.blank(form.email()), Text.blank(form.phone()),
                        Text.blank(form.website()), Text.blank(form.street()), Text.blank(form.postalCode()),
                        Text.blank(form.city()), Text.blank(form.notes()))
                .query(Long.class).single();
        linkSchools(id, schools.keySet());
        publish("organisation", id, boardId, schools.keySet(), RecordChanged.CREATED, form.name(), Map.of(),
                snapshot(form, schools));
        return id;
    }

    @Transactional
    public void update(long id, OrganisationForm form) {
        OrganisationView before = organisation(id);
        requireManage(before.schoolIds());
        Map<Long, String> schools = checkSchools(form.schoolIds());
        requireManage(schools.keySet());
        int n = jdbc.sql("""
                UPDATE organisation SET name = ?, kind = ?, email = ?, phone = ?, website = ?, street = ?, postal_code = ?,
                       city = ?, notes = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(form.name().strip(), form.kind().name(), Text.blank(form.email()), Text.blank(form.phone()),
                        Text.blank(form.website()), Text.blank(form.street()), Text.blank(form.postalCode()),
                        Text.blank(form.city()), Text.blank(form.notes()), id,
                        form.version() == null ? before.version() : form.version())
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion("organisation", id);
        }
        if (!new LinkedHashSet<>(before.schoolIds()).equals(schools.keySet())) {
            jdbc.sql("DELETE FROM organisation_school WHERE organisation_id = ?").param(id).update();
            linkSchools(id, schools.keySet());
        }
        publish("organisation", id, schools.keySet(), RecordChanged.UPDATED, form.name(), snapshot(before),
                snapshot(form, schools));
    }

    /** Deletes an organisation with its contacts. */
    @Transactional
    public void delete(long id) {
        OrganisationView before = organisation(id);
        requireManage(before.schoolIds());
        List<ContactView> contacts = contacts(id);
        jdbc.sql("DELETE FROM organisation WHERE id = ?").param(id).update();
        for (ContactView c : contacts) {
            publish("contact", c.id(), before.schoolIds(), RecordChanged.DELETED, c.name(), snapshot(c), Map.of());
        }
        publish("organisation", id, before.schoolIds(), RecordChanged.DELETED, before.name(), snapshot(before), Map.of());
    }

    /**
     * The served schools must exist in the board and be visible to the user; unknown ones are reported as not
     * existing, so guessing ids reveals nothing.
     */
    private Map<Long, String> checkSchools(List<Long> schoolIds) {
        Map<Long, String> visible = access.visibleSchools(Permission.ORGANISATIONS_READ).stream()
                .collect(Collectors.toMap(SchoolRef::id, SchoolRef::name));
        Map<Long, String> schools = new LinkedHashMap<>();
        for (Long schoolId : schoolIds == null ? List.<Long>of() : schoolIds) {
            if (schoolId == null || !visible.containsKey(schoolId)) {
                throw InvalidInputException.of("schoolIds", "error.reference", "does not exist");
            }
            schools.put(schoolId, visible.get(schoolId));
        }
        return schools;
    }

    /** No schools means the whole board: that needs the board-wide permission. */
    private void requireManage(Collection<Long> schoolIds) {
        if (schoolIds.isEmpty()) {
            access.requireForBoard(Permission.ORGANISATIONS_MANAGE);
        } else {
            access.requireAll(Permission.ORGANISATIONS_MANAGE, schoolIds);
        }
    }

    private void linkSchools(long organisationId, Collection<Long> schoolIds) {
        for (Long schoolId : schoolIds) {
            jdbc.sql("INSERT INTO organisation_school (organisation_id, school_id) VALUES (?, ?)")
                    .params(organisationId, schoolId).update();
        }
    }

    // ---- contacts ----

    /** The contacts of a visible organisation, by name. */
    public List<ContactView> contacts(long organisationId) {
        organisation(organisationId);
        return jdbc.sql(CONTACT_SELECT + " WHERE c.organisation_id = ? ORDER BY lower(c.name), c.id")
                .param(organisationId).query(Organisations::contactRow).list();
    }

    /** A contact of an organisation the current user may see; 404 otherwise. */
    public ContactView contact(long id) {
        ContactView c = jdbc.sql(CONTACT_SELECT + " WHERE c.id = ? AND o.board_id = ?").params(id, access.current().boardId())
                .query(Organisations::contactRow).optional().orElseThrow(() -> new NotFoundException("contact", id));
        try {
            organisation(c.organisationId());
        } catch (NotFoundException e) {
            throw new NotFoundException("contact", id);
        }
        return c;
    }

    @Transactional
    public long createContact(long organisationId, ContactForm form) {
        OrganisationView o = organisation(organisationId);
        requireManage(o.schoolIds());
        return insertContact(access.current().boardId(), o.id(), o.name(), o.schoolIds(), form);
    }

    /** Stores a contact of an organisation; also for the demo data. */
    long insertContact(long boardId, long organisationId, String organisationName, Collection<Long> schoolIds,
            ContactForm form) {
        long id = jdbc.sql("INSERT INTO contact (organisation_id, name, role_title, email, phone) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(organisationId, form.name().strip(), Text.blank(form.roleTitle()), Text.blank(form.email()),
                        Text.blank(form.phone()))
                .query(Long.class).single();
        publish("contact", id, boardId, schoolIds, RecordChanged.CREATED, form.name(), Map.of(),
                snapshot(organisationName, form));
        return id;
    }

    @Transactional
    public void updateContact(long id, ContactForm form) {
        ContactView before = contact(id);
        OrganisationView o = organisation(before.organisationId());
        requireManage(o.schoolIds());
        int n = jdbc.sql("""
                UPDATE contact SET name = ?, role_title = ?, email = ?, phone = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(form.name().strip(), Text.blank(form.roleTitle()), Text.blank(form.email()), Text.blank(form.phone()),
                        id, form.version() == null ? before.version() : form.version())
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion("contact", id);
        }
        publish("contact", id, o.schoolIds(), RecordChanged.UPDATED, form.name(), snapshot(before), snapshot(o.name(), form));
    }

    @Transactional
    public void deleteContact(long id) {
        ContactView before = contact(id);
        OrganisationView o = organisation(before.organisationId());
        requireManage(o.schoolIds());
        jdbc.sql("DELETE FROM contact WHERE id = ?").param(id).update();
        publish("contact", id, o.schoolIds(), RecordChanged.DELETED, before.name(), snapshot(before), Map.of());
    }

    // ---- helpers ----

    private Map<String, Object> scope() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("board", access.current().boardId());
        p.put("ids", access.schoolArray(Permission.ORGANISATIONS_READ));
        p.put("anywhere", access.canAnywhere(Permission.ORGANISATIONS_READ));
        return p;
    }

    /**
     * History entries belong to the first school served (by id), or to the board for organisations of the whole
     * board.
     */
    private void publish(String type, long id, Collection<Long> schoolIds, String action, String label,
            Map<String, ?> before, Map<String, ?> after) {
        publish(type, id, access.current().boardId(), schoolIds, action, label, before, after);
    }

    private void publish(String type, long id, long boardId, Collection<Long> schoolIds, String action, String label,
            Map<String, ?> before, Map<String, ?> after) {
        Long school = schoolIds.stream().min(Long::compare).orElse(null);
        events.publishEvent(new RecordChanged(type, id, boardId, school, action,
                label == null ? null : label.strip(), RecordChanged.diff(before, after)));
    }

    private static Map<String, Object> snapshot(OrganisationForm f, Map<Long, String> schools) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name() == null ? null : f.name().strip());
        m.put("kind", f.kind());
        m.put("email", Text.blank(f.email()));
        m.put("phone", Text.blank(f.phone()));
        m.put("website", Text.blank(f.website()));
        m.put("street", Text.blank(f.street()));
        m.put("postalCode", Text.blank(f.postalCode()));
        m.put("city", Text.blank(f.city()));
        m.put("notes", Text.blank(f.notes()));
        m.put("schools", schools.isEmpty() ? null
                : schools.values().stream().sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.joining(", ")));
        return m;
    }

    private static Map<String, Object> snapshot(OrganisationView o) {
        Map<Long, String> schools = new LinkedHashMap<>();
        o.schools().forEach(s -> schools.put(s.id(), s.name()));
        return snapshot(new OrganisationForm(o.name(), o.kind(), o.email(), o.phone(), o.website(), o.street(),
                o.postalCode(), o.city(), o.notes(), o.schoolIds(), null), schools);
    }

    private static Map<String, Object> snapshot(String organisationName, ContactForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organisation", organisationName);
        m.put("name", f.name() == null ? null : f.name().strip());
        m.put("roleTitle", Text.blank(f.roleTitle()));
        m.put("email", Text.blank(f.email()));
        m.put("phone", Text.blank(f.phone()));
        return m;
    }

    private static Map<String, Object> snapshot(ContactView c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organisation", c.organisationName());
        m.put("name", c.name());
        m.put("roleTitle", c.roleTitle());
        m.put("email", c.email());
        m.put("phone", c.phone());
        return m;
    }

    private static OrganisationView row(ResultSet rs, int n) throws SQLException {
        Long[] ids = (Long[]) rs.getArray("school_ids").getArray();
        String[] names = (String[]) rs.getArray("school_names").getArray();
        List<SchoolName> schools = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            schools.add(new SchoolName(ids[i], names[i]));
        }
        return new OrganisationView(rs.getLong("id"), OrganisationKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("website"), rs.getString("street"),
                rs.getString("postal_code"), rs.getString("city"), rs.getString("notes"), List.copyOf(schools),
                rs.getInt("contact_count"), rs.getInt("version"));
    }

    private static ContactView contactRow(ResultSet rs, int n) throws SQLException {
        return new ContactView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
                rs.getString("name"), rs.getString("role_title"), rs.getString("email"), rs.getString("phone"),
                rs.getInt("version"));
    }
}
