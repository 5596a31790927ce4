package be.coordinaat.people;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.people.Forms.PersonForm;
import be.coordinaat.people.Views.LinkedAccount;
import be.coordinaat.people.Views.PersonView;
import be.coordinaat.people.Views.SchoolName;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people module's API for staff and pupils. A person is visible when one of their schools is in the current
 * user's PEOPLE_READ scope; a change needs PEOPLE_MANAGE in every school involved, before and after the change.
 * Pupils carry only name, class, one school and an optional administrative number.
 */
@Service
@Transactional(readOnly = true)
public class People {

    /** Optional filters of the person list, besides the free-text name search of the {@link PageQuery}. */
    public record PersonFilter(PersonKind kind, Long schoolId, String className) {
        public PersonFilter {
            className = PageQuery.cleanText(className);
        }

        public static PersonFilter none() {
            return new PersonFilter(null, null, null);
        }
    }

    /** One school list per row in the same statement, ordered by name: no query per person. */
    static final String SELECT = """
            SELECT p.id, p.kind, p.first_name, p.last_name, p.email, p.phone, p.function_title, p.class_name,
                   p.admin_number, p.version,
                   ARRAY(SELECT s.id FROM person_school ps JOIN school s ON s.id = ps.school_id
                         WHERE ps.person_id = p.id ORDER BY lower(s.name), s.id) AS school_ids,
                   ARRAY(SELECT s.name FROM person_school ps JOIN school s ON s.id = ps.school_id
                         WHERE ps.person_id = p.id ORDER BY lower(s.name), s.id) AS school_names
            FROM person p""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final ApplicationEventPublisher events;
    private final be.coordinaat.access.Accounts accounts;

    People(JdbcClient jdbc, AccessControl access, ApplicationEventPublisher events, be.coordinaat.access.Accounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    // ---- reads ----

    /** The persons the current user may see, filtered, searched by name, sorted and paged in SQL. */
    public Page<PersonView> list(PageQuery query, PersonFilter filter) {
        access.requireAnywhere(Permission.PEOPLE_READ);
        // school_ids mirrors person_school (trigger), so scope and school filter need no join
        StringBuilder where = new StringBuilder(" WHERE p.board_id = :board AND p.school_ids && CAST(:ids AS bigint[])");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("board", access.current().boardId());
        params.put("ids", access.schoolArray(Permission.PEOPLE_READ));
        if (filter.schoolId() != null) {
            // a school outside the scope filters everything out, as if it did not exist
            where.append(" AND p.school_ids @> ARRAY[CAST(:school AS bigint)] AND CAST(:school AS bigint) = ANY(CAST(:ids AS bigint[]))");
            params.put("school", filter.schoolId());
        }
        if (filter.kind() != null) {
            where.append(" AND p.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.className() != null) {
            where.append(" AND lower(p.class_name) = lower(:className)");
            params.put("className", filter.className());
        }
        if (query.q() != null) {
            // the expression of the trigram index person_name_trgm, so the index serves the search
            where.append(" AND lower(p.first_name || ' ' || p.last_name) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM person p" + where).params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String name = "lower(p.last_name)" + dir + ", lower(p.first_name)";
        String order = query.orderBy(Map.of(
                "name", name,
                "class", "lower(p.class_name)" + dir + " NULLS LAST, " + name,
                "kind", "p.kind" + dir + ", " + name), "name").replace(", id", ", p.id");
        List<PersonView> items = jdbc.sql(SELECT + where + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query(People::row).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** A person the current user may see; 404 otherwise (also for ids of other schools or boards). */
    public PersonView person(long id) {
        PersonView p = jdbc.sql(SELECT + " WHERE p.id = :id AND p.board_id = :board")
                .param("id", id).param("board", boardId()).query(People::row).optional()
                .orElseThrow(() -> new NotFoundException("person", id));
        Set<Long> visible = access.schools(Permission.PEOPLE_READ);
        if (p.schoolIds().stream().noneMatch(visible::contains)) {
            throw new NotFoundException("person", id);
        }
        return p;
    }

    /** Whether the current user may change this person (PEOPLE_MANAGE in all of their schools). */
    public boolean canManage(PersonView person) {
        return access.schools(Permission.PEOPLE_MANAGE).containsAll(person.schoolIds());
    }

    /** The classes of the pupils the current user may see, for the list filter. */
    public List<String> classes() {
        // a loose index scan: jump from class to class over person_pupil_class_idx, then keep the visible ones
        return jdbc.sql("""
                WITH RECURSIVE c AS (
                  (SELECT class_name FROM person WHERE board_id = :board AND kind = 'PUPIL' AND class_name IS NOT NULL
                   ORDER BY class_name LIMIT 1)
                  UNION ALL
                  SELECT (SELECT p.class_name FROM person p WHERE p.board_id = :board AND p.kind = 'PUPIL'
                          AND p.class_name > c.class_name ORDER BY p.class_name LIMIT 1)
                  FROM c WHERE c.class_name IS NOT NULL)
                SELECT class_name FROM c WHERE class_name IS NOT NULL AND EXISTS (
                  SELECT 1 FROM person p WHERE p.board_id = :board AND p.kind = 'PUPIL' AND p.class_name = c.class_name
                    AND p.school_ids && CAST(:ids AS bigint[]))
                ORDER BY class_name""")
                .param("board", boardId()).param("ids", access.schoolArray(Permission.PEOPLE_READ)).query(String.class).list();
    }

    /** The sign-in account linked to a visible person, if any. */
    public Optional<LinkedAccount> linkedAccount(long personId) {
        person(personId);
        return jdbc.sql("SELECT id, username, display_name FROM app_user WHERE person_id = ? AND board_id = ? ORDER BY id LIMIT 1")
                .params(personId, boardId())
                .query((rs, n) -> new LinkedAccount(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    // ---- writes ----

    @Transactional
    public long create(PersonForm form) {
        access.requireAnywhere(Permission.PEOPLE_MANAGE);
        Map<Long, String> schools = check(form, null);
        access.requireAll(Permission.PEOPLE_MANAGE, schools.keySet());
        return insert(boardId(), form, schools);
    }

    /** Stores a checked person with its schools (id to name); also for the demo data, before anyone signs in. */
    long insert(long boardId, PersonForm form, Map<Long, String> schools) {
        long id = jdbc.sql("""
                INSERT INTO person (board_id, kind, first_name, last_name, email, phone, function_title, class_name, admin_number)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(boardId, form.kind().name(), form.firstName().strip(), form.lastName().strip(),
                        Text.blank(form.email()), Text.blank(form.phone()), Text.blank(form.functionTitle()),
                        Text.blank(form.className()), Text.blank(form.adminNumber()))
                .query(Long.class).single();
        linkSchools(id, schools.keySet());
        publish(id, boardId, schools.keySet(), RecordChanged.CREATED, label(form), Map.of(), snapshot(form, schools));
        return id;
    }

    @Transactional
    public void update(long id, PersonForm form) {
        PersonView before = person(id);
        access.requireAll(Permission.PEOPLE_MANAGE, before.schoolIds());
        Map<Long, String> schools = check(form, before.kind());
        access.requireAll(Permission.PEOPLE_MANAGE, schools.keySet());
        int n = jdbc.sql("""
                UPDATE person SET first_name = ?, last_name = ?, email = ?, phone = ?, function_title = ?, class_name = ?,
                       admin_number = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(form.firstName().strip(), form.lastName().strip(), Text.blank(form.email()),
                        Text.blank(form.phone()), Text.blank(form.functionTitle()), Text.blank(form.className()),
                        Text.blank(form.adminNumber()), id, form.version() == null ? before.version() : form.version())
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion("person", id);
        }
        if (!new LinkedHashSet<>(before.schoolIds()).equals(schools.keySet())) {
            jdbc.sql("DELETE FROM person_school WHERE person_id = ?").param(id).update();
            linkSchools(id, schools.keySet());
        }
        publish(id, boardId(), schools.keySet(), RecordChanged.UPDATED, label(form), snapshot(before), snapshot(form, schools));
    }

    /** Deletes (erases) a person; a linked sign-in account stays but is no longer linked to them. */
    @Transactional
    public void delete(long id) {
        PersonView before = person(id);
        access.requireAll(Permission.PEOPLE_MANAGE, before.schoolIds());
        accounts.unlinkPerson(id, boardId());
        jdbc.sql("DELETE FROM person WHERE id = ?").param(id).update();
        publish(id, boardId(), before.schoolIds(), RecordChanged.DELETED, before.fullName(), snapshot(before), Map.of());
    }

    /**
     * The rules bean validation cannot see: which fields a kind may have, one school for a pupil, and schools that
     * exist in the board and that the user may see. Returns the schools (id to name) in the order given.
     */
    private Map<Long, String> check(PersonForm form, PersonKind existingKind) {
        List<FieldProblem> problems = new ArrayList<>();
        if (existingKind != null && form.kind() != existingKind) {
            problems.add(new FieldProblem("kind", "person.error.kindFixed", "cannot change; create a new person instead"));
        }
        if (form.kind() == PersonKind.PUPIL) {
            notRecorded(problems, "email", form.email(), "person.error.notForPupils", "is not recorded for pupils");
            notRecorded(problems, "phone", form.phone(), "person.error.notForPupils", "is not recorded for pupils");
            notRecorded(problems, "functionTitle", form.functionTitle(), "person.error.notForPupils", "is not recorded for pupils");
            if (Text.blank(form.className()) == null) {
                problems.add(new FieldProblem("className", "person.error.classRequired", "is required for a pupil"));
            }
            if (form.schoolIds() != null && new LinkedHashSet<>(form.schoolIds()).size() != 1) {
                problems.add(new FieldProblem("schoolIds", "person.error.pupilOneSchool", "a pupil belongs to exactly one school"));
            }
        } else {
            notRecorded(problems, "className", form.className(), "person.error.notForStaff", "is only recorded for pupils");
            notRecorded(problems, "adminNumber", form.adminNumber(), "person.error.notForStaff", "is only recorded for pupils");
        }
        Map<Long, String> schools = new LinkedHashMap<>();
        Map<Long, String> visible = access.visibleSchools(Permission.PEOPLE_READ).stream()
                .collect(Collectors.toMap(SchoolRef::id, SchoolRef::name));
        for (Long schoolId : form.schoolIds() == null ? List.<Long>of() : form.schoolIds()) {
            if (schoolId == null || !visible.containsKey(schoolId)) {
                // a school of another board, or one the user may not see: "does not exist" reveals nothing
                problems.add(new FieldProblem("schoolIds", "error.reference", "does not exist"));
                break;
            }
            schools.put(schoolId, visible.get(schoolId));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return schools;
    }

    private void linkSchools(long personId, Collection<Long> schoolIds) {
        for (Long schoolId : schoolIds) {
            jdbc.sql("INSERT INTO person_school (person_id, school_id) VALUES (?, ?)").params(personId, schoolId).update();
        }
    }

    private void publish(long id, long boardId, Collection<Long> schoolIds, String action, String label,
            Map<String, ?> before, Map<String, ?> after) {
        // history entries belong to one school: the person's first (by id), so readers of that school see them
        Long school = schoolIds.stream().min(Long::compare).orElse(null);
        events.publishEvent(new RecordChanged("person", id, boardId, school, action, label, RecordChanged.diff(before, after)));
    }

    private static String label(PersonForm f) {
        return f.firstName().strip() + " " + f.lastName().strip();
    }

    private static Map<String, Object> snapshot(PersonForm f, Map<Long, String> schools) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind());
        m.put("firstName", f.firstName() == null ? null : f.firstName().strip());
        m.put("lastName", f.lastName() == null ? null : f.lastName().strip());
        m.put("email", Text.blank(f.email()));
        m.put("phone", Text.blank(f.phone()));
        m.put("functionTitle", Text.blank(f.functionTitle()));
        m.put("className", Text.blank(f.className()));
        m.put("adminNumber", Text.blank(f.adminNumber()));
        m.put("schools", schools.values().stream().sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.joining(", ")));
        return m;
    }

    private static Map<String, Object> snapshot(PersonView p) {
        Map<Long, String> schools = new LinkedHashMap<>();
        p.schools().forEach(s -> schools.put(s.id(), s.name()));
        return snapshot(new PersonForm(p.kind(), p.firstName(), p.lastName(), p.email(), p.phone(), p.functionTitle(),
                p.className(), p.adminNumber(), p.schoolIds(), null), schools);
    }

    private static void notRecorded(List<FieldProblem> problems, String field, String value, String key, String message) {
        if (Text.blank(value) != null) {
            problems.add(new FieldProblem(field, key, message));
        }
    }

    private long boardId() {
        return access.current().boardId();
    }

    static PersonView row(ResultSet rs, int n) throws SQLException {
        Long[] ids = (Long[]) rs.getArray("school_ids").getArray();
        String[] names = (String[]) rs.getArray("school_names").getArray();
        List<SchoolName> schools = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            schools.add(new SchoolName(ids[i], names[i]));
        }
        return new PersonView(rs.getLong("id"), PersonKind.valueOf(rs.getString("kind")), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("email"), rs.getString("phone"), rs.getString("function_title"),
                rs.getString("class_name"), rs.getString("admin_number"), List.copyOf(schools), rs.getInt("version"));
    }
}
