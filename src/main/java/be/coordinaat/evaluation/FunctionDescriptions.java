package be.coordinaat.evaluation;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Accounts;
import be.coordinaat.access.Accounts.AccountView;
import be.coordinaat.access.Permission;
import be.coordinaat.access.Role;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.evaluation.DocumentRenderer.DocumentData;
import be.coordinaat.evaluation.Forms.AssignmentForm;
import be.coordinaat.evaluation.Views.AccountOption;
import be.coordinaat.evaluation.Views.AssignmentView;
import be.coordinaat.evaluation.Views.VersionDocument;
import be.coordinaat.evaluation.Views.VersionView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.web.Formats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinators' function descriptions: who is coordinator where, with which evaluators and whether they hold a
 * proof of pedagogical competence, and the generated documents.
 * <p>
 * Who sees what: an assignment is visible with FUNCTION_DESCRIPTION_READ in its school, and always to the
 * coordinator and the two evaluators themselves; others get 404. Changing it and generating a version need
 * FUNCTION_DESCRIPTION_MANAGE in its school (the director of that school, the board admin).
 */
@Service
@Transactional(readOnly = true)
public class FunctionDescriptions {

    static final String RECORD = "function-description";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final String SELECT = """
            SELECT a.id, a.board_id, a.school_id, s.name AS school_name, s.institution_number,
                   a.coordinator_user_id, c.display_name AS coordinator_name,
                   a.first_evaluator_user_id, e1.display_name AS first_evaluator_name,
                   a.second_evaluator_user_id, e2.display_name AS second_evaluator_name,
                   a.pedagogical_proof, a.start_date, v.n AS version_count, v.last AS last_generated_at, a.version
            FROM fd_assignment a
            JOIN school s ON s.id = a.school_id
            JOIN app_user c ON c.id = a.coordinator_user_id
            JOIN app_user e1 ON e1.id = a.first_evaluator_user_id
            LEFT JOIN app_user e2 ON e2.id = a.second_evaluator_user_id
            LEFT JOIN LATERAL (SELECT count(*) AS n, max(generated_at) AS last FROM fd_document_version d
                               WHERE d.assignment_id = a.id) v ON TRUE""";

    /** The scope filter, in one place: the schools where the user may read, or an assignment they take part in. */
    private static final String VISIBLE = " a.board_id = :board AND (a.school_id = ANY(CAST(:schools AS bigint[]))"
            + " OR a.coordinator_user_id = :me OR a.first_evaluator_user_id = :me OR a.second_evaluator_user_id = :me)";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Accounts accounts;
    private final FunctionDescriptionModel model;
    private final DocumentRenderer renderer;
    private final ApplicationEventPublisher events;

    FunctionDescriptions(JdbcClient jdbc, AccessControl access, Accounts accounts, FunctionDescriptionModel model,
            DocumentRenderer renderer, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.model = model;
        this.renderer = renderer;
        this.events = events;
    }

    // ---- reading ----

    /** The assignments the current user may see; sort by coordinator, school or start (prefix - for descending). */
    public Page<AssignmentView> list(PageQuery query) {
        Map<String, Object> params = scope();
        String where = " WHERE" + VISIBLE + (query.q() == null ? "" : """
                 AND (lower(c.display_name) LIKE :q ESCAPE '\\' OR lower(s.name) LIKE :q ESCAPE '\\'
                      OR s.institution_number LIKE :q ESCAPE '\\' OR lower(e1.display_name) LIKE :q ESCAPE '\\'
                      OR lower(coalesce(e2.display_name, '')) LIKE :q ESCAPE '\\')""");
        if (query.q() != null) {
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("""
                SELECT count(*) FROM fd_assignment a JOIN school s ON s.id = a.school_id
                JOIN app_user c ON c.id = a.coordinator_user_id JOIN app_user e1 ON e1.id = a.first_evaluator_user_id
                LEFT JOIN app_user e2 ON e2.id = a.second_evaluator_user_id""" + where)
                .params(params).query(Long.class).single();
        List<AssignmentView> items = jdbc.sql(SELECT + where
                        + query.orderBy(Map.of("coordinator", "lower(c.display_name)", "school", "lower(s.name)",
                        "start", "a.start_date"), "coordinator").replace(", id", ", a.id")
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query(this::row).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** An assignment the current user may see; 404 otherwise. */
    public AssignmentView find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id AND" + VISIBLE).params(scope()).param("id", id)
                .query(this::row).optional().orElseThrow(() -> new NotFoundException(RECORD, id));
    }

    public boolean canManage(AssignmentView assignment) {
        return access.can(Permission.FUNCTION_DESCRIPTION_MANAGE, assignment.schoolId());
    }

    /** Whether the current user may create assignments in at least one school. */
    public boolean canCreate() {
        return !access.schools(Permission.FUNCTION_DESCRIPTION_MANAGE).isEmpty();
    }

    /** The schools where the current user may record assignments, for the form. */
    public List<SchoolRef> manageableSchools() {
        return access.visibleSchools(Permission.FUNCTION_DESCRIPTION_MANAGE);
    }

    /**
     * The accounts holding the coordinator role in the schools the current user manages, for the form; the school
     * is part of the name when there are several.
     */
    public List<AccountOption> coordinatorChoices() {
        return jdbc.sql("""
                SELECT u.id, u.display_name, string_agg(s.name, ', ' ORDER BY lower(s.name)) AS schools
                FROM app_user u JOIN role_grant g ON g.user_id = u.id AND g.role = :role JOIN school s ON s.id = g.school_id
                WHERE u.board_id = :board AND g.school_id = ANY(CAST(:schools AS bigint[]))
                GROUP BY u.id, u.display_name ORDER BY lower(u.display_name), u.id""")
                .param("role", Role.COORDINATOR.name()).param("board", access.current().boardId())
                .param("schools", access.schoolArray(Permission.FUNCTION_DESCRIPTION_MANAGE))
                .query((rs, n) -> new AccountOption(rs.getLong(1), rs.getString(2) + " (" + rs.getString(3) + ")"))
                .list();
    }

    /** The enabled accounts of the board, as evaluators to choose from. */
    public List<AccountOption> evaluatorChoices() {
        return jdbc.sql("SELECT id, display_name, username FROM app_user WHERE board_id = ? AND enabled ORDER BY lower(display_name), id")
                .param(access.current().boardId())
                .query((rs, n) -> new AccountOption(rs.getLong(1), rs.getString(2) + " (" + rs.getString(3) + ")"))
                .list();
    }

    // ---- writing ----

    @Transactional
    public long create(AssignmentForm form) {
        requireManage(form.schoolId());
        Named named = validate(access.current().boardId(), form);
        return insert(access.current().boardId(), form, named);
    }

    /** Records an assignment without a role check or validation: for the demo data only. */
    @Transactional
    long createForDemo(long boardId, AssignmentForm form) {
        String names = "SELECT (SELECT name FROM school WHERE id = ?), (SELECT display_name FROM app_user WHERE id = ?),"
                + " (SELECT display_name FROM app_user WHERE id = ?), (SELECT display_name FROM app_user WHERE id = ?)";
        Named named = jdbc.sql(names).params(form.schoolId(), form.coordinatorId(), form.firstEvaluatorId(),
                        form.secondEvaluatorId())
                .query((rs, n) -> new Named(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
        return insert(boardId, form, named);
    }

    private long insert(long boardId, AssignmentForm form, Named named) {
        long id = jdbc.sql("""
                INSERT INTO fd_assignment (board_id, school_id, coordinator_user_id, first_evaluator_user_id,
                                           second_evaluator_user_id, pedagogical_proof, start_date)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(boardId, form.schoolId(), form.coordinatorId(), form.firstEvaluatorId(), form.secondEvaluatorId(),
                        form.pedagogicalProofOr(false), form.startDate())
                .query(Long.class).single();
        events.publishEvent(new RecordChanged(RECORD, id, boardId, form.schoolId(), RecordChanged.CREATED,
                named.coordinator(), RecordChanged.diff(Map.of(), snapshot(named, form.pedagogicalProofOr(false),
                        form.startDate()))));
        return id;
    }

    @Transactional
    public void update(long id, AssignmentForm form) {
        AssignmentView before = find(id);
        access.require(Permission.FUNCTION_DESCRIPTION_MANAGE, before.schoolId());
        requireManage(form.schoolId());
        Named named = validate(before.boardId(), form);
        boolean proof = form.pedagogicalProofOr(before.pedagogicalProof());
        int n = jdbc.sql("""
                UPDATE fd_assignment SET school_id = ?, coordinator_user_id = ?, first_evaluator_user_id = ?,
                       second_evaluator_user_id = ?, pedagogical_proof = ?, start_date = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(form.schoolId(), form.coordinatorId(), form.firstEvaluatorId(), form.secondEvaluatorId(),
                        proof, form.startDate(), id,
                        form.version() == null ? before.version() : form.version())
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion(RECORD, id);
        }
        Named old = new Named(before.schoolName(), before.coordinatorName(), before.firstEvaluatorName(),
                before.secondEvaluatorName());
        events.publishEvent(new RecordChanged(RECORD, id, before.boardId(), form.schoolId(), RecordChanged.UPDATED,
                named.coordinator(), RecordChanged.diff(snapshot(old, before.pedagogicalProof(), before.startDate()),
                        snapshot(named, proof, form.startDate()))));
    }

    /** The names an assignment's ids stand for, for the history. */
    private record Named(String school, String coordinator, String firstEvaluator, String secondEvaluator) {}

    private static Map<String, Object> snapshot(Named n, boolean proof, LocalDate startDate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("school", n.school());
        m.put("coordinator", n.coordinator());
        m.put("firstEvaluator", n.firstEvaluator());
        m.put("secondEvaluator", n.secondEvaluator());
        m.put("pedagogicalProof", proof);
        m.put("startDate", startDate);
        return m;
    }

    /** 400 for a school that is not the board's; 403 for one of the board the user may not manage. */
    private void requireManage(Long schoolId) {
        if (schoolId == null) {
            return; // bean validation reports it
        }
        Optional<String> school = schoolName(schoolId, access.current().boardId());
        if (school.isEmpty()) {
            throw InvalidInputException.of("schoolId", "fd.error.school", "is not a school of this board");
        }
        access.require(Permission.FUNCTION_DESCRIPTION_MANAGE, schoolId);
    }

    /** Checks every reference of the form at once, so the user sees all problems together; nothing is stored. */
    private Named validate(long boardId, AssignmentForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        String school = schoolName(form.schoolId(), boardId).orElse(null);
        AccountView coordinator = account(form.coordinatorId(), "coordinatorId", problems);
        if (coordinator != null && coordinator.grants().stream()
                .noneMatch(g -> g.role() == Role.COORDINATOR && form.schoolId().equals(g.schoolId()))) {
            problems.add(new FieldProblem("coordinatorId", "fd.error.notCoordinator",
                    "does not hold the coordinator role in this school"));
        }
        AccountView first = account(form.firstEvaluatorId(), "firstEvaluatorId", problems);
        if (first != null && first.id() == form.coordinatorId()) {
            problems.add(new FieldProblem("firstEvaluatorId", "fd.error.evaluatorIsCoordinator",
                    "the coordinator cannot evaluate themself"));
        }
        AccountView second = null;
        if (form.secondEvaluatorId() != null) {
            second = account(form.secondEvaluatorId(), "secondEvaluatorId", problems);
            if (second != null && second.id() == form.coordinatorId()) {
                problems.add(new FieldProblem("secondEvaluatorId", "fd.error.evaluatorIsCoordinator",
                        "the coordinator cannot evaluate themself"));
            } else if (second != null && second.id() == form.firstEvaluatorId()) {
                problems.add(new FieldProblem("secondEvaluatorId", "fd.error.sameEvaluator",
                        "must differ from the first evaluator"));
            }
        }
        LocalDate start = form.startDate();
        if (start.getYear() < 1970 || start.isAfter(LocalDate.now(Formats.ZONE).plusYears(5))) {
            problems.add(new FieldProblem("startDate", "fd.error.startDate",
                    "must lie between 1970 and five years from now"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Named(school, coordinator.displayName(), first.displayName(), second == null ? null : second.displayName());
    }

    /** An account of the current user's board, or a problem on {@code field}. */
    private AccountView account(long id, String field, List<FieldProblem> problems) {
        Optional<AccountView> account = accounts.colleague(id);
        if (account.isEmpty()) {
            problems.add(new FieldProblem(field, "fd.error.account", "is not an account of this school board"));
        }
        return account.orElse(null);
    }

    private Optional<String> schoolName(long schoolId, long boardId) {
        return jdbc.sql("SELECT name FROM school WHERE id = ? AND board_id = ?").params(schoolId, boardId)
                .query(String.class).optional();
    }

    // ---- generated versions ----

    /**
     * Generates the next version of the document from the current data and model, and stores it as rendered, so a
     * later change of the model or the assignment leaves it as it was.
     */
    @Transactional
    public VersionDocument generate(long id) {
        AssignmentView assignment = find(id);
        access.require(Permission.FUNCTION_DESCRIPTION_MANAGE, assignment.schoolId());
        return generate(assignment);
    }

    /** Generates a version without a role check: for the demo data only. */
    @Transactional
    VersionDocument generateForDemo(long id) {
        return generate(jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(this::row).single());
    }

    private VersionDocument generate(AssignmentView stale) {
        // The row lock numbers concurrent generations one after the other (the unique key would reject a duplicate).
        jdbc.sql("SELECT id FROM fd_assignment WHERE id = ? FOR UPDATE").param(stale.id()).query(Long.class).single();
        AssignmentView a = jdbc.sql(SELECT + " WHERE a.id = ?").param(stale.id()).query(this::row).single();
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM fd_document_version WHERE assignment_id = ?")
                .param(a.id()).query(Integer.class).single();
        String board = jdbc.sql("SELECT name FROM board WHERE id = ?").param(a.boardId()).query(String.class).single();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String html = renderer.html(new DocumentData(a.schoolName(), a.institutionNumber(), board, a.coordinatorName(),
                a.firstEvaluatorName(), a.secondEvaluatorName(), DATE.format(a.startDate()), number,
                DATE.format(now.atZone(Formats.ZONE)),
                FunctionDescriptionModel.sectionsFor(model.modelOf(a.boardId()), a.pedagogicalProof())));
        String by = access.actorName();
        jdbc.sql("""
                INSERT INTO fd_document_version (assignment_id, number, generated_at, generated_by_user_id,
                                                 generated_by_name, pedagogical_proof, html)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), number, Timestamp.from(now), access.actorId(), by, a.pedagogicalProof(), html).update();
        events.publishEvent(new RecordChanged(RECORD, a.id(), a.boardId(), a.schoolId(), "GENERATED",
                a.coordinatorName() + " v" + number, Map.of("version", new RecordChanged.Change(
                        number == 1 ? null : String.valueOf(number - 1), String.valueOf(number)))));
        return new VersionDocument(a.id(), number, now, by, a.pedagogicalProof(), html);
    }

    /** The versions of an assignment the current user may see, newest first. */
    public List<VersionView> versions(long id) {
        find(id);
        return jdbc.sql("""
                SELECT assignment_id, number, generated_at, generated_by_name, pedagogical_proof FROM fd_document_version
                WHERE assignment_id = ? ORDER BY number DESC""").param(id)
                .query((rs, n) -> new VersionView(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getBoolean(5)))
                .list();
    }

    /** One version with its stored document; 404 when the assignment is not visible or has no such version. */
    public VersionDocument version(long id, int number) {
        find(id);
        return jdbc.sql("""
                SELECT assignment_id, number, generated_at, generated_by_name, pedagogical_proof, html
                FROM fd_document_version WHERE assignment_id = ? AND number = ?""").params(id, number)
                .query((rs, n) -> new VersionDocument(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6)))
                .optional().orElseThrow(() -> new NotFoundException("version", id + "/" + number));
    }

    /** A stored version as a PDF, rendered from the stored HTML (so it matches the print view). */
    public Pdf pdf(long id, int number) {
        AssignmentView a = find(id);
        VersionDocument v = version(id, number);
        String title = "Functiebeschrijving ICT-coördinator " + a.coordinatorName() + " - versie " + number;
        return new Pdf(fileName(a.coordinatorName(), number), renderer.pdf(v.html(), title));
    }

    /** A PDF and the name to save it under. */
    public record Pdf(String fileName, byte[] content) {}

    static String fileName(String coordinatorName, int number) {
        String folded = coordinatorName.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o")
                .replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE");
        String ascii = java.text.Normalizer.normalize(folded, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return "functiebeschrijving-" + (ascii.isEmpty() ? "ict-coordinator" : ascii) + "-v" + number + ".pdf";
    }

    // ---- helpers ----

    private Map<String, Object> scope() {
        var user = access.current();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("board", user.boardId());
        p.put("schools", access.schoolArray(Permission.FUNCTION_DESCRIPTION_READ));
        p.put("me", user.id());
        return p;
    }

    private AssignmentView row(ResultSet rs, int n) throws SQLException {
        Timestamp last = rs.getTimestamp("last_generated_at");
        return new AssignmentView(rs.getLong("id"), rs.getLong("board_id"), rs.getLong("school_id"),
                rs.getString("school_name"), rs.getString("institution_number"), rs.getLong("coordinator_user_id"),
                rs.getString("coordinator_name"), rs.getLong("first_evaluator_user_id"),
                rs.getString("first_evaluator_name"), (Long) rs.getObject("second_evaluator_user_id"),
                rs.getString("second_evaluator_name"), rs.getBoolean("pedagogical_proof"),
                rs.getObject("start_date", LocalDate.class), rs.getInt("version_count"),
                last == null ? null : last.toInstant(), rs.getInt("version"));
    }
}
