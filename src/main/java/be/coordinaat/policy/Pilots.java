package be.coordinaat.policy;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.licences.SoftwareCatalogue;
import be.coordinaat.licences.Views.SoftwareChoice;
import be.coordinaat.policy.Forms.PilotForm;
import be.coordinaat.policy.Views.AccountChoice;
import be.coordinaat.policy.Views.GoalRef;
import be.coordinaat.policy.Views.PilotRow;
import be.coordinaat.policy.Views.PilotView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classroom pilots (function description A.3 "implementeert ICT op een innovatieve manier samen met leraren", B
 * "brengt innovatie binnen"): what is tried, in which class, with which tool (free text or an entry of the software
 * catalogue), by which teacher, when, the outcome and whether to scale it up, linked to goals of the policy plan. Read
 * with POLICY_READ, written with POLICY_MANAGE in the pilot's school.
 */
@Service
@Transactional(readOnly = true)
public class Pilots {

    static final String TYPE = "policy_pilot";
    private static final String SELECT = """
            SELECT p.*, s.name AS school_name, sw.name AS software_name, u.display_name AS teacher_user_name
            FROM policy_pilot p JOIN school s ON s.id = p.school_id
            LEFT JOIN software sw ON sw.id = p.software_id
            LEFT JOIN app_user u ON u.id = p.teacher_user_id""";

    private final JdbcClient jdbc;
    private final PolicyAccess access;
    private final AccessControl accessControl;
    private final SoftwareCatalogue catalogue;
    private final PolicyPlans plans;

    Pilots(JdbcClient jdbc, PolicyAccess access, AccessControl accessControl, SoftwareCatalogue catalogue, PolicyPlans plans) {
        this.jdbc = jdbc;
        this.access = access;
        this.accessControl = accessControl;
        this.catalogue = catalogue;
        this.plans = plans;
    }

    public Page<PilotRow> list(Long schoolId, ScaleUp scaleUp, PageQuery query) {
        access.requireAnywhere();
        if (schoolId != null) {
            access.requireRead(schoolId);
        }
        StringBuilder where = new StringBuilder(" WHERE p.school_id = ANY(:schools)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("schools", access.readableIds());
        if (schoolId != null) {
            where.append(" AND p.school_id = :school");
            params.put("school", schoolId);
        }
        if (scaleUp != null) {
            where.append(" AND p.scale_up = :scale");
            params.put("scale", scaleUp.name());
        }
        if (query.q() != null) {
            where.append(" AND (lower(p.title) LIKE :q ESCAPE '\\' OR lower(coalesce(p.tool_name, sw.name, '')) LIKE :q ESCAPE '\\'"
                    + " OR lower(coalesce(p.class_name, '')) LIKE :q ESCAPE '\\')");
            params.put("q", query.likePattern());
        }
        String from = " FROM policy_pilot p JOIN school s ON s.id = p.school_id LEFT JOIN software sw ON sw.id = p.software_id"
                + " LEFT JOIN app_user u ON u.id = p.teacher_user_id";
        long total = jdbc.sql("SELECT count(*)" + from + where).params(params).query(Long.class).single();
        String order = query.orderBy(Map.of("start", "p.start_date", "title", "lower(p.title)", "class", "lower(p.class_name)",
                "school", "lower(s.name)"), "start").replace(", id", ", p.id");
        if (query.sort() == null) {
            order = " ORDER BY p.start_date DESC NULLS LAST, p.id DESC";
        }
        List<PilotRow> rows = jdbc.sql("SELECT p.*, s.name AS school_name, sw.name AS software_name, u.display_name AS teacher_user_name"
                        + from + where + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> {
                    PilotView v = row(rs, List.of());
                    return new PilotRow(v.id(), v.schoolId(), v.schoolName(), v.title(), v.className(), v.tool(), v.teacher(),
                            v.startDate(), v.endDate(), v.scaleUp());
                }).list();
        return new Page<>(rows, total, query.page(), query.size());
    }

    public PilotView pilot(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id AND p.school_id = ANY(:schools)").param("id", id)
                .param("schools", access.readableIds()).query((rs, n) -> row(rs, goals(rs.getLong("id"), rs.getLong("school_id"))))
                .optional().orElseThrow(() -> new NotFoundException("pilot", id));
    }

    public boolean canManage(long schoolId) {
        return access.canManage(schoolId);
    }

    public List<be.coordinaat.access.SchoolDirectory.SchoolRef> manageableSchools() {
        return access.manageableSchools();
    }

    public List<be.coordinaat.access.SchoolDirectory.SchoolRef> readableSchools() {
        return access.readableSchools();
    }

    /** The software catalogue, when the user reads it; empty otherwise (the tool is then free text). */
    public List<SoftwareChoice> softwareChoices() {
        return accessControl.canAnywhere(Permission.LICENCES_READ) ? catalogue.choices() : List.of();
    }

    public List<AccountChoice> teachers(long schoolId) {
        access.requireManage(schoolId);
        return access.accounts(schoolId);
    }

    public List<GoalRef> goalChoices(long schoolId) {
        return plans.goalChoices(schoolId);
    }

    @Transactional
    public long create(PilotForm form) {
        access.requireManageField(form.schoolId(), "schoolId");
        check(form, form.schoolId());
        long id = jdbc.sql("""
                INSERT INTO policy_pilot (board_id, school_id, title, description, class_name, tool_name, software_id, teacher_user_id,
                                          teacher_name, start_date, end_date, outcome, scale_up)
                VALUES (:board, :school, :title, :description, :className, :toolName, :softwareId, :teacher, :teacherName, :start,
                        :end, :outcome, :scale) RETURNING id""")
                .param("board", access.board()).param("school", form.schoolId()).params(columns(form)).query(Long.class).single();
        linkGoals(id, form);
        access.publish(TYPE, id, form.schoolId(), RecordChanged.CREATED, form.title().strip(), Map.of(), snapshot(form));
        return id;
    }

    @Transactional
    public void update(long id, PilotForm form) {
        PilotView before = pilot(id);
        access.requireManage(before.schoolId());
        if (form.schoolId() != null && form.schoolId() != before.schoolId()) {
            throw InvalidInputException.of("schoolId", "policy.error.schoolFixed", "cannot be changed");
        }
        check(form, before.schoolId());
        int n = jdbc.sql("""
                UPDATE policy_pilot SET title = :title, description = :description, class_name = :className, tool_name = :toolName,
                       software_id = :softwareId, teacher_user_id = :teacher, teacher_name = :teacherName, start_date = :start,
                       end_date = :end, outcome = :outcome, scale_up = :scale, version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version""").params(columns(form)).param("id", id)
                .param("version", form.version() == null ? before.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion("pilot", id);
        }
        jdbc.sql("DELETE FROM policy_pilot_goal WHERE pilot_id = ?").param(id).update();
        linkGoals(id, form);
        access.publish(TYPE, id, before.schoolId(), RecordChanged.UPDATED, form.title().strip(), snapshot(form(before)), snapshot(form));
    }

    @Transactional
    public void delete(long id) {
        PilotView before = pilot(id);
        access.requireManage(before.schoolId());
        jdbc.sql("DELETE FROM policy_pilot WHERE id = ?").param(id).update();
        access.publish(TYPE, id, before.schoolId(), RecordChanged.DELETED, before.title(), snapshot(form(before)), Map.of());
    }

    private void check(PilotForm form, long school) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.softwareId() != null && (PolicyAccess.blank(form.toolName()) != null)) {
            problems.add(new FieldProblem("toolName", "policy.error.toolOrSoftware", "give a catalogue entry or a name, not both"));
        }
        if (form.softwareId() != null && jdbc.sql("SELECT count(*) FROM software WHERE id = ? AND board_id = ?")
                .params(form.softwareId(), access.board()).query(Long.class).single() == 0) {
            problems.add(new FieldProblem("softwareId", "error.reference", "does not exist"));
        }
        if (form.teacherUserId() != null && PolicyAccess.blank(form.teacherName()) != null) {
            problems.add(new FieldProblem("teacherName", "policy.error.teacherOrName", "give an account or a name, not both"));
        }
        access.checkAccount(form.teacherUserId(), school, "teacherUserId", problems);
        if (form.startDate() != null && form.endDate() != null && form.endDate().isBefore(form.startDate())) {
            problems.add(new FieldProblem("endDate", "policy.error.dateOrder", "is before the start"));
        }
        if (form.goalIds() != null && !form.goalIds().isEmpty()) {
            List<Long> allowed = jdbc.sql("SELECT id FROM policy_goal WHERE school_id = ? AND id = ANY(?)")
                    .params(school, form.goalIds().toArray(Long[]::new)).query(Long.class).list();
            if (!new LinkedHashSet<>(allowed).containsAll(form.goalIds())) {
                problems.add(new FieldProblem("goalIds", "error.reference", "does not exist"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void linkGoals(long id, PilotForm form) {
        if (form.goalIds() != null) {
            for (Long goal : new LinkedHashSet<>(form.goalIds())) {
                jdbc.sql("INSERT INTO policy_pilot_goal (pilot_id, goal_id) VALUES (?, ?)").params(id, goal).update();
            }
        }
    }

    private List<GoalRef> goals(long pilotId, long school) {
        return jdbc.sql("""
                SELECT g.id, g.title, p.id, p.title FROM policy_pilot_goal pg JOIN policy_goal g ON g.id = pg.goal_id
                JOIN policy_plan p ON p.id = g.plan_id WHERE pg.pilot_id = ? AND g.school_id = ?
                  AND (? OR EXISTS (SELECT 1 FROM policy_plan_snapshot ps WHERE ps.plan_id = p.id))
                ORDER BY p.start_year DESC, g.position, g.id""")
                .params(pilotId, school, access.editor(school)).query((rs, n) -> new GoalRef(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .list();
    }

    /** Stores a pilot for the demo data. */
    long insertDemo(long board, PilotForm form) {
        long id = jdbc.sql("""
                INSERT INTO policy_pilot (board_id, school_id, title, description, class_name, tool_name, software_id, teacher_user_id,
                                          teacher_name, start_date, end_date, outcome, scale_up)
                VALUES (:board, :school, :title, :description, :className, :toolName, :softwareId, :teacher, :teacherName, :start,
                        :end, :outcome, :scale) RETURNING id""")
                .param("board", board).param("school", form.schoolId()).params(columns(form)).query(Long.class).single();
        linkGoals(id, form);
        access.publish(board, TYPE, id, form.schoolId(), RecordChanged.CREATED, form.title(), snapshot(form));
        return id;
    }

    private static Map<String, Object> columns(PilotForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", f.title().strip());
        m.put("description", PolicyAccess.blank(f.description()));
        m.put("className", PolicyAccess.blank(f.className()));
        m.put("toolName", PolicyAccess.blank(f.toolName()));
        m.put("softwareId", f.softwareId());
        m.put("teacher", f.teacherUserId());
        m.put("teacherName", PolicyAccess.blank(f.teacherName()));
        m.put("start", f.startDate());
        m.put("end", f.endDate());
        m.put("outcome", PolicyAccess.blank(f.outcome()));
        m.put("scale", f.scaleUp() == null ? null : f.scaleUp().name());
        return m;
    }

    private static Map<String, Object> snapshot(PilotForm f) {
        Map<String, Object> m = columns(f);
        m.put("goals", f.goalIds() == null ? List.of() : f.goalIds().stream().distinct().sorted().toList());
        return m;
    }

    static PilotForm form(PilotView p) {
        return new PilotForm(p.schoolId(), p.title(), p.description(), p.className(), p.toolName(), p.softwareId(), p.teacherUserId(),
                p.teacherName(), p.startDate(), p.endDate(), p.outcome(), p.scaleUp(), p.goalIds(), p.version());
    }

    private static PilotView row(ResultSet rs, List<GoalRef> goals) throws SQLException {
        return new PilotView(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"), rs.getString("title"),
                rs.getString("description"), rs.getString("class_name"), rs.getString("tool_name"), (Long) rs.getObject("software_id"),
                rs.getString("software_name"), (Long) rs.getObject("teacher_user_id"), rs.getString("teacher_user_name"),
                rs.getString("teacher_name"), rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("outcome"), rs.getString("scale_up") == null ? null : ScaleUp.valueOf(rs.getString("scale_up")), goals,
                rs.getInt("version"), PolicyAccess.instant(rs, "created_at"), PolicyAccess.instant(rs, "updated_at"));
    }
}
