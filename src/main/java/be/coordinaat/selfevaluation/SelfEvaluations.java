package be.coordinaat.selfevaluation;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.selfevaluation.Forms.CodesForm;
import be.coordinaat.selfevaluation.Forms.RoundForm;
import be.coordinaat.selfevaluation.Forms.StatementForm;
import be.coordinaat.selfevaluation.Views.CodeBatch;
import be.coordinaat.selfevaluation.Views.CodeView;
import be.coordinaat.selfevaluation.Views.GroupLink;
import be.coordinaat.selfevaluation.Views.GroupProgress;
import be.coordinaat.selfevaluation.Views.RoundRow;
import be.coordinaat.selfevaluation.Views.RoundView;
import be.coordinaat.selfevaluation.Views.StatementView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-evaluation rounds of a school: prepared (name, groups, up to {@value #MAX_OWN_STATEMENTS} statements of the
 * school's own), opened, shared through a link per group and printed one-time codes, and closed. Holders of
 * SURVEYS_MANAGE in the school run rounds; holders of SURVEYS_READ see them and their results. A round of a school
 * outside the user's scope answers 404, whatever id is tried. Every change is in the round's history.
 */
@Service
@Transactional(readOnly = true)
public class SelfEvaluations {

    public static final String RECORD_TYPE = "self-evaluation-round";
    public static final int MAX_OWN_STATEMENTS = 10;
    public static final int MAX_CODES_PER_BATCH = 500;
    /** At most this many printed codes per group and round, so a slip of the keyboard cannot fill the database. */
    public static final int MAX_CODES_PER_GROUP = 5000;

    private static final String ROUND_COLUMNS = """
            SELECT r.id, r.school_id, s.board_id, s.name AS school_name, r.name, r.status, r.created_at, r.opened_at,
                   r.closed_at, r.version,
                   ARRAY(SELECT g.grp FROM selfeval_round_group g WHERE g.round_id = r.id
                         ORDER BY array_position(ARRAY['SCHOOL_LEADERS','TEACHERS','PUPILS']::varchar[], g.grp)) AS groups,
                   (SELECT count(*) FROM selfeval_response p WHERE p.round_id = r.id) AS responses
            FROM selfeval_round r JOIN school s ON s.id = r.school_id""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final ApplicationEventPublisher events;

    SelfEvaluations(JdbcClient jdbc, AccessControl access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    // ---- scope ----

    /** The schools whose rounds the user sees: where they read results or run rounds. */
    Long[] visibleSchools() {
        Set<Long> ids = new java.util.LinkedHashSet<>(access.schools(Permission.SURVEYS_READ));
        ids.addAll(access.schools(Permission.SURVEYS_MANAGE));
        return ids.toArray(Long[]::new);
    }

    private void requireAnyRole() {
        if (!access.canAnywhere(Permission.SURVEYS_READ) && !access.canAnywhere(Permission.SURVEYS_MANAGE)) {
            throw new AccessDeniedException("no SURVEYS_READ");
        }
    }

    public List<SchoolRef> manageableSchools() {
        return access.visibleSchools(Permission.SURVEYS_MANAGE);
    }

    public List<SchoolRef> readableSchools() {
        Set<Long> ids = Set.of(visibleSchools());
        List<SchoolRef> all = new ArrayList<>(access.visibleSchools(Permission.SURVEYS_READ));
        access.visibleSchools(Permission.SURVEYS_MANAGE).stream().filter(s -> all.stream().noneMatch(a -> a.id() == s.id()))
                .forEach(all::add);
        return all.stream().filter(s -> ids.contains(s.id())).toList();
    }

    public boolean canCreate() {
        return access.canAnywhere(Permission.SURVEYS_MANAGE);
    }

    public boolean canManage(long schoolId) {
        return access.can(Permission.SURVEYS_MANAGE, schoolId);
    }

    public boolean canReadResults(long schoolId) {
        return access.can(Permission.SURVEYS_READ, schoolId);
    }

    // ---- rounds ----

    /** One page of the rounds of the user's schools, newest first unless sorted otherwise. */
    public Page<RoundRow> list(Long schoolId, RoundStatus status, PageQuery query) {
        requireAnyRole();
        Long[] schools = visibleSchools();
        StringBuilder where = new StringBuilder(" WHERE r.school_id = ANY(:schools)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("schools", schools);
        if (schoolId != null) {
            if (!Arrays.asList(schools).contains(schoolId)) {
                throw new NotFoundException("school", schoolId);
            }
            where.append(" AND r.school_id = :school");
            params.put("school", schoolId);
        }
        if (status != null) {
            where.append(" AND r.status = :status");
            params.put("status", status.name());
        }
        if (query.q() != null) {
            where.append(" AND lower(r.name) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM selfeval_round r" + where).params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String order = query.orderBy(Map.of(
                "created", "r.created_at",
                "name", "lower(r.name)",
                "school", "lower(s.name)" + dir + ", r.created_at",
                "status", "r.status" + dir + ", r.created_at",
                "closed", "r.closed_at" + dir + " NULLS LAST, r.created_at"), "created").replace(", id", ", r.id");
        if (query.sort() == null) {
            order = " ORDER BY r.created_at DESC, r.id DESC";
        }
        List<RoundRow> items = jdbc.sql(ROUND_COLUMNS + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> new RoundRow(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
                        rs.getString("name"), RoundStatus.valueOf(rs.getString("status")), groups(rs.getArray("groups")),
                        rs.getInt("responses"), instant(rs, "created_at"), instant(rs, "opened_at"), instant(rs, "closed_at")))
                .list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** A round the user may see; 404 otherwise. */
    public RoundView round(long id) {
        return find(id, visibleSchools());
    }

    private RoundView find(long id, Long[] schools) {
        RoundView base = jdbc.sql(ROUND_COLUMNS + " WHERE r.id = :id AND r.school_id = ANY(:schools)").param("id", id)
                .param("schools", schools).query(SelfEvaluations::view).optional()
                .orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        return withProgress(base);
    }

    /** A round without a user (demo data, the public pages), with its counts. */
    RoundView roundUnchecked(long id) {
        return withProgress(jdbc.sql(ROUND_COLUMNS + " WHERE r.id = :id").param("id", id).query(SelfEvaluations::view).single());
    }

    private RoundView withProgress(RoundView base) {
        Map<RespondentGroup, GroupProgress> progress = new LinkedHashMap<>();
        for (GroupProgress g : base.groups()) {
            progress.put(g.group(), g);
        }
        jdbc.sql("""
                SELECT g.grp,
                       (SELECT count(*) FROM selfeval_response p WHERE p.round_id = g.round_id AND p.grp = g.grp) AS responses,
                       (SELECT count(*) FROM selfeval_code c WHERE c.round_id = g.round_id AND c.grp = g.grp
                          AND c.source = 'SHEET') AS printed,
                       (SELECT count(*) FROM selfeval_code c WHERE c.round_id = g.round_id AND c.grp = g.grp
                          AND c.source = 'SHEET' AND c.used_at IS NOT NULL) AS printed_used
                FROM selfeval_round_group g WHERE g.round_id = ?""").param(base.id())
                .query((rs, n) -> {
                    RespondentGroup g = RespondentGroup.valueOf(rs.getString(1));
                    return progress.put(g, new GroupProgress(g, rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                }).list();
        int own = jdbc.sql("SELECT count(*) FROM selfeval_statement WHERE round_id = ?").param(base.id()).query(Integer.class).single();
        return new RoundView(base.id(), base.boardId(), base.schoolId(), base.schoolName(), base.name(), base.status(),
                List.copyOf(progress.values()), own, base.createdAt(), base.openedAt(), base.closedAt(), base.version());
    }

    @Transactional
    public long create(RoundForm form) {
        if (!canCreate()) {
            throw new AccessDeniedException("no SURVEYS_MANAGE");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (form.schoolId() == null) {
            problems.add(new FieldProblem("schoolId", "error.required", "is required"));
        } else if (!access.can(Permission.SURVEYS_MANAGE, form.schoolId())) {
            problems.add(new FieldProblem("schoolId", "error.reference", "does not exist"));
        }
        List<RespondentGroup> groups = checkGroups(form.groups(), problems);
        String name = checkName(form.name(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return insert(form.schoolId(), name, groups);
    }

    /** Stores a checked round with its groups; also for the demo data. */
    long insert(long schoolId, String name, List<RespondentGroup> groups) {
        long id = jdbc.sql("INSERT INTO selfeval_round (school_id, name) VALUES (?, ?) RETURNING id").params(schoolId, name)
                .query(Long.class).single();
        for (RespondentGroup g : groups) {
            addGroup(id, g);
        }
        long board = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(schoolId).query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", name);
        after.put("groups", groups.toString());
        after.put("status", RoundStatus.DRAFT);
        events.publishEvent(new RecordChanged(RECORD_TYPE, id, board, schoolId, RecordChanged.CREATED, name,
                RecordChanged.diff(Map.of(), after)));
        return id;
    }

    private void addGroup(long roundId, RespondentGroup g) {
        jdbc.sql("INSERT INTO selfeval_round_group (round_id, grp, link_token) VALUES (?, ?, ?)")
                .params(roundId, g.name(), Secrets.linkToken()).update();
    }

    @Transactional
    public void update(long id, RoundForm form) {
        RoundView before = requireManage(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (form.schoolId() != null && form.schoolId() != before.schoolId()) {
            problems.add(new FieldProblem("schoolId", "selfeval.error.school.fixed", "cannot be changed"));
        }
        String name = checkName(form.name(), problems);
        List<RespondentGroup> groups = form.groups() == null ? before.groupList() : checkGroups(form.groups(), problems);
        if (before.status() != RoundStatus.DRAFT && !EnumSet.copyOf(groups).equals(EnumSet.copyOf(before.groupList()))) {
            problems.add(new FieldProblem("groups", "selfeval.error.groups.fixed",
                    "can only change while the round is in preparation"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n = jdbc.sql("""
                UPDATE selfeval_round SET name = ?, version = version + 1, updated_at = now()
                WHERE id = ? AND version = ?""")
                .params(name, id, form.version() == null ? before.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion(RECORD_TYPE, id);
        }
        if (before.status() == RoundStatus.DRAFT) {
            for (RespondentGroup g : RespondentGroup.values()) {
                if (groups.contains(g) && !before.groupList().contains(g)) {
                    addGroup(id, g);
                } else if (!groups.contains(g) && before.groupList().contains(g)) {
                    jdbc.sql("DELETE FROM selfeval_round_group WHERE round_id = ? AND grp = ?").params(id, g.name()).update();
                }
            }
        }
        publish(before, RecordChanged.UPDATED, name, Map.of("name", before.name(), "groups", before.groupList().toString()),
                Map.of("name", name, "groups", sorted(groups).toString()));
    }

    /** Deletes a round in preparation (an opened round keeps its answers; close it instead). */
    @Transactional
    public void delete(long id) {
        RoundView before = requireManage(id);
        if (before.status() != RoundStatus.DRAFT) {
            throw new ConflictException("selfeval.error.delete.notDraft", "only a round in preparation can be deleted");
        }
        jdbc.sql("DELETE FROM selfeval_round WHERE id = ?").param(id).update();
        publish(before, RecordChanged.DELETED, before.name(), Map.of("name", before.name(), "status", before.status()), Map.of());
    }

    @Transactional
    public void open(long id) {
        RoundView before = requireManage(id);
        if (before.status() != RoundStatus.DRAFT) {
            throw new ConflictException("selfeval.error.open.notDraft", "only a round in preparation can be opened");
        }
        if (before.groups().isEmpty()) {
            throw new ConflictException("selfeval.error.open.noGroups", "choose at least one group before opening the round");
        }
        setStatus(before, RoundStatus.OPEN, "opened_at");
    }

    @Transactional
    public void close(long id) {
        RoundView before = requireManage(id);
        if (before.status() != RoundStatus.OPEN) {
            throw new ConflictException("selfeval.error.close.notOpen", "only an open round can be closed");
        }
        setStatus(before, RoundStatus.CLOSED, "closed_at");
    }

    private void setStatus(RoundView before, RoundStatus status, String column) {
        // the status in the WHERE clause: two people clicking at once change it once
        int n = jdbc.sql("UPDATE selfeval_round SET status = ?, " + column + " = now(), version = version + 1, "
                + "updated_at = now() WHERE id = ? AND status = ?").params(status.name(), before.id(), before.status().name())
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion(RECORD_TYPE, before.id());
        }
        publish(before, RecordChanged.UPDATED, before.name(), Map.of("status", before.status()), Map.of("status", status));
    }

    /** Sets the dates of a demo round (opened and closed in the past). */
    void backdate(long id, RoundStatus status, Instant openedAt, Instant closedAt) {
        jdbc.sql("UPDATE selfeval_round SET status = ?, opened_at = ?, closed_at = ?, created_at = ? WHERE id = ?")
                .params(status.name(), Timestamp.from(openedAt), closedAt == null ? null : Timestamp.from(closedAt),
                        Timestamp.from(openedAt.minusSeconds(7 * 86400)), id).update();
    }

    RoundView requireManage(long id) {
        RoundView round = round(id);
        if (!canManage(round.schoolId())) {
            throw new AccessDeniedException("no SURVEYS_MANAGE for round " + id);
        }
        return round;
    }

    private static String checkName(String raw, List<FieldProblem> problems) {
        String name = PageQuery.cleanText(raw);
        if (name == null) {
            problems.add(new FieldProblem("name", "error.required", "is required"));
        } else if (name.length() > 150) {
            problems.add(new FieldProblem("name", "selfeval.error.tooLong", "is longer than 150 characters", 150));
        }
        return name;
    }

    private static List<RespondentGroup> checkGroups(List<RespondentGroup> groups, List<FieldProblem> problems) {
        if (groups == null || groups.isEmpty() || groups.contains(null)) {
            problems.add(new FieldProblem("groups", "selfeval.error.groups.required", "choose at least one group"));
            return List.of();
        }
        return sorted(groups);
    }

    private static List<RespondentGroup> sorted(List<RespondentGroup> groups) {
        return groups.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(groups));
    }

    // ---- statements ----

    /** The statement bank: what every round asks, per area. */
    public List<StatementView> bank() {
        requireAnyRole();
        return jdbc.sql("SELECT * FROM selfeval_statement WHERE round_id IS NULL").query(SelfEvaluations::statement).list()
                .stream().sorted(STATEMENT_ORDER).toList();
    }

    /** The statements of a round (the bank and the school's own), optionally only those of one group. */
    public List<StatementView> statements(long roundId, RespondentGroup group) {
        round(roundId);
        return statementsOf(roundId, group);
    }

    List<StatementView> statementsOf(long roundId, RespondentGroup group) {
        String filter = group == null ? "" : " AND " + group.column();
        return jdbc.sql("SELECT * FROM selfeval_statement WHERE (round_id IS NULL OR round_id = ?)" + filter).param(roundId)
                .query(SelfEvaluations::statement).list().stream().sorted(STATEMENT_ORDER).toList();
    }

    /** The school's own statements of a round. */
    public List<StatementView> ownStatements(long roundId) {
        round(roundId);
        return jdbc.sql("SELECT * FROM selfeval_statement WHERE round_id = ? ORDER BY id").param(roundId)
                .query(SelfEvaluations::statement).list();
    }

    static final java.util.Comparator<StatementView> STATEMENT_ORDER = java.util.Comparator
            .comparing((StatementView s) -> s.area().ordinal()).thenComparing(StatementView::own)
            .thenComparingInt(StatementView::position).thenComparingLong(StatementView::id);

    /** Adds a statement of the school's own to a round in preparation; at most {@value #MAX_OWN_STATEMENTS}. */
    @Transactional
    public long addStatement(long roundId, StatementForm form) {
        RoundView round = requireManage(roundId);
        // the row lock makes the count below exact when two people add at once
        jdbc.sql("SELECT id FROM selfeval_round WHERE id = ? FOR UPDATE").param(roundId).query(Long.class).single();
        if (round.status() != RoundStatus.DRAFT) {
            throw new ConflictException("selfeval.error.statement.notDraft",
                    "statements can only be added while the round is in preparation");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (form.area() == null) {
            problems.add(new FieldProblem("area", "error.required", "is required"));
        }
        List<RespondentGroup> groups = checkGroups(form.groups(), problems);
        String nl = checkText("textNl", form.textNl(), problems);
        String en = checkText("textEn", form.textEn(), problems);
        int count = jdbc.sql("SELECT count(*) FROM selfeval_statement WHERE round_id = ?").param(roundId).query(Integer.class).single();
        if (count >= MAX_OWN_STATEMENTS) {
            problems.add(new FieldProblem("statements", "selfeval.error.statement.max",
                    "a round has at most " + MAX_OWN_STATEMENTS + " statements of its own", MAX_OWN_STATEMENTS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("""
                INSERT INTO selfeval_statement (round_id, school_id, area, for_leaders, for_teachers, for_pupils, position,
                                                text_nl, text_en)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(roundId, round.schoolId(), form.area().name(), groups.contains(RespondentGroup.SCHOOL_LEADERS),
                        groups.contains(RespondentGroup.TEACHERS), groups.contains(RespondentGroup.PUPILS), 100 + count, nl, en)
                .query(Long.class).single();
        touch(roundId);
        publish(round, RecordChanged.UPDATED, round.name(), Map.of(), Map.of("statementAdded", form.area() + ": " + nl));
        return id;
    }

    @Transactional
    public void removeStatement(long roundId, long statementId) {
        RoundView round = requireManage(roundId);
        StatementView s = jdbc.sql("SELECT * FROM selfeval_statement WHERE id = ? AND round_id = ?").params(statementId, roundId)
                .query(SelfEvaluations::statement).optional().orElseThrow(() -> new NotFoundException("statement", statementId));
        if (round.status() != RoundStatus.DRAFT) {
            throw new ConflictException("selfeval.error.statement.notDraft",
                    "statements can only be removed while the round is in preparation");
        }
        jdbc.sql("DELETE FROM selfeval_statement WHERE id = ?").param(statementId).update();
        touch(roundId);
        publish(round, RecordChanged.UPDATED, round.name(), Map.of("statementRemoved", ""),
                Map.of("statementRemoved", s.area() + ": " + s.textNl()));
    }

    private void touch(long roundId) {
        jdbc.sql("UPDATE selfeval_round SET version = version + 1, updated_at = now() WHERE id = ?").param(roundId).update();
    }

    private static String checkText(String field, String raw, List<FieldProblem> problems) {
        String text = PageQuery.cleanText(raw);
        if (text == null) {
            problems.add(new FieldProblem(field, "error.required", "is required"));
        } else if (text.length() > 300) {
            problems.add(new FieldProblem(field, "selfeval.error.tooLong", "is longer than 300 characters", 300));
        }
        return text;
    }

    // ---- links and codes ----

    /** The public link of each group of a round (SURVEYS_MANAGE: whoever has a link can answer). */
    public List<GroupLink> links(long roundId) {
        requireManage(roundId);
        return jdbc.sql("SELECT grp, link_token FROM selfeval_round_group WHERE round_id = ?").param(roundId)
                .query((rs, n) -> new GroupLink(RespondentGroup.valueOf(rs.getString(1)), "/public/survey/l/" + rs.getString(2)))
                .list().stream().sorted(java.util.Comparator.comparing(GroupLink::group)).toList();
    }

    /** Prints a new batch of one-time codes for a group of the round; returns the batch number. */
    @Transactional
    public int createCodes(long roundId, CodesForm form) {
        RoundView round = requireManage(roundId);
        jdbc.sql("SELECT id FROM selfeval_round WHERE id = ? FOR UPDATE").param(roundId).query(Long.class).single();
        List<FieldProblem> problems = new ArrayList<>();
        if (form.group() == null) {
            problems.add(new FieldProblem("group", "error.required", "is required"));
        } else if (!round.groupList().contains(form.group())) {
            problems.add(new FieldProblem("group", "selfeval.error.group.notInRound", "is not a group of this round"));
        }
        if (form.count() == null || form.count() < 1 || form.count() > MAX_CODES_PER_BATCH) {
            problems.add(new FieldProblem("count", "selfeval.error.codes.count", "must be between 1 and " + MAX_CODES_PER_BATCH,
                    MAX_CODES_PER_BATCH));
        }
        if (round.status() == RoundStatus.CLOSED) {
            problems.add(new FieldProblem("group", "selfeval.error.codes.closed", "the round is closed"));
        }
        if (problems.isEmpty()) {
            int existing = jdbc.sql("SELECT count(*) FROM selfeval_code WHERE round_id = ? AND grp = ? AND source = 'SHEET'")
                    .params(roundId, form.group().name()).query(Integer.class).single();
            if (existing + form.count() > MAX_CODES_PER_GROUP) {
                problems.add(new FieldProblem("count", "selfeval.error.codes.tooMany",
                        "a group has at most " + MAX_CODES_PER_GROUP + " printed codes", MAX_CODES_PER_GROUP));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int batch = jdbc.sql("SELECT coalesce(max(batch), 0) + 1 FROM selfeval_code WHERE round_id = ?").param(roundId)
                .query(Integer.class).single();
        for (int i = 0; i < form.count(); i++) {
            insertCode(roundId, round.schoolId(), form.group(), "SHEET", batch);
        }
        publish(round, RecordChanged.UPDATED, round.name(), Map.of(),
                Map.of("codesPrinted", form.count() + " × " + form.group() + " (" + batch + ")"));
        return batch;
    }

    /** Inserts a fresh code, drawing again in the unlikely case it exists; returns its id and text. */
    Map.Entry<Long, String> insertCode(long roundId, long schoolId, RespondentGroup group, String source, Integer batch) {
        for (int attempt = 0; ; attempt++) {
            String code = Secrets.code();
            Long id = jdbc.sql("""
                    INSERT INTO selfeval_code (round_id, school_id, grp, code, source, batch) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (code) DO NOTHING RETURNING id""")
                    .params(roundId, schoolId, group.name(), code, source, batch).query(Long.class).optional().orElse(null);
            if (id != null) {
                return Map.entry(id, code);
            }
            if (attempt > 20) {
                throw new IllegalStateException("no free code after 20 attempts");
            }
        }
    }

    /** The printed batches of a round. */
    public List<CodeBatch> batches(long roundId) {
        requireManage(roundId);
        return jdbc.sql("""
                SELECT grp, batch, count(*), count(used_at), min(created_at) FROM selfeval_code
                WHERE round_id = ? AND source = 'SHEET' GROUP BY grp, batch ORDER BY batch""").param(roundId)
                .query((rs, n) -> new CodeBatch(RespondentGroup.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4), instant(rs, 5)))
                .list();
    }

    /** The printed codes of a round, of one batch or all; {@code unusedOnly} for a sheet to hand out. */
    public List<CodeView> codes(long roundId, Integer batch, boolean unusedOnly) {
        requireManage(roundId);
        return jdbc.sql("SELECT code, grp, batch, used_at IS NOT NULL FROM selfeval_code WHERE round_id = :round"
                        + " AND source = 'SHEET'" + (batch == null ? "" : " AND batch = :batch")
                        + (unusedOnly ? " AND used_at IS NULL" : "") + " ORDER BY batch, id")
                .param("round", roundId).params(batch == null ? Map.of() : Map.of("batch", batch))
                .query((rs, n) -> new CodeView(rs.getString(1), RespondentGroup.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getBoolean(4)))
                .list();
    }

    // ---- helpers ----

    private void publish(RoundView round, String action, String label, Map<String, ?> before, Map<String, ?> after) {
        events.publishEvent(new RecordChanged(RECORD_TYPE, round.id(), round.boardId(), round.schoolId(), action, label,
                RecordChanged.diff(before, after)));
    }

    private static RoundView view(ResultSet rs, int n) throws SQLException {
        List<GroupProgress> groups = groups(rs.getArray("groups")).stream().map(g -> new GroupProgress(g, 0, 0, 0)).toList();
        return new RoundView(rs.getLong("id"), rs.getLong("board_id"), rs.getLong("school_id"), rs.getString("school_name"),
                rs.getString("name"), RoundStatus.valueOf(rs.getString("status")), groups, 0, instant(rs, "created_at"),
                instant(rs, "opened_at"), instant(rs, "closed_at"), rs.getInt("version"));
    }

    static StatementView statement(ResultSet rs, int n) throws SQLException {
        List<RespondentGroup> groups = new ArrayList<>();
        for (RespondentGroup g : RespondentGroup.values()) {
            if (rs.getBoolean(g.column())) {
                groups.add(g);
            }
        }
        return new StatementView(rs.getLong("id"), rs.getString("code"), Area.valueOf(rs.getString("area")), groups,
                rs.getInt("position"), rs.getString("text_nl"), rs.getString("text_en"), rs.getObject("round_id") != null);
    }

    private static List<RespondentGroup> groups(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(o -> RespondentGroup.valueOf(o.toString())).toList();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
