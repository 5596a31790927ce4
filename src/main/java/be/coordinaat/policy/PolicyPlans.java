package be.coordinaat.policy;

import be.coordinaat.budget.BudgetLedger;
import be.coordinaat.budget.BudgetLedger.LineChoice;
import be.coordinaat.budget.BudgetLedger.LineStatus;
import be.coordinaat.policy.Forms.ActionForm;
import be.coordinaat.policy.Forms.CommentForm;
import be.coordinaat.policy.Forms.DecisionForm;
import be.coordinaat.policy.Forms.GoalForm;
import be.coordinaat.policy.Forms.PlanForm;
import be.coordinaat.policy.Forms.ProgressForm;
import be.coordinaat.policy.Forms.ReviewForm;
import be.coordinaat.policy.Views.AccountChoice;
import be.coordinaat.policy.Views.ActionView;
import be.coordinaat.policy.Views.BudgetUse;
import be.coordinaat.policy.Views.CommentView;
import be.coordinaat.policy.Views.GoalProgress;
import be.coordinaat.policy.Views.GoalRef;
import be.coordinaat.policy.Views.GoalView;
import be.coordinaat.policy.Views.MonitorView;
import be.coordinaat.policy.Views.PlanRow;
import be.coordinaat.policy.Views.PlanView;
import be.coordinaat.policy.Views.ReviewView;
import be.coordinaat.policy.Views.SnapshotRow;
import be.coordinaat.selfevaluation.Area;
import be.coordinaat.selfevaluation.SelfEvaluationResults;
import be.coordinaat.selfevaluation.SelfEvaluationResults.AreaScore;
import be.coordinaat.selfevaluation.SelfEvaluationResults.RoundSummary;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy plan of a school for a period: SMART goals with actions, drafted by the coordinator with the director
 * (comments), submitted, approved or returned with remarks. Approval freezes the plan as a numbered snapshot (JSON in
 * the database); goals and actions change again only after "revise", which starts the next version, while the
 * progress of actions (status, evidence) is kept up to date at any time. Readers without POLICY_MANAGE or
 * POLICY_APPROVE see the newest approved snapshot only. Also the monitoring dashboard, the yearly review of goals
 * and carrying CONTINUE/ADJUST goals into the next plan.
 */
@Service
@Transactional(readOnly = true)
public class PolicyPlans {

    static final String PLAN = "policy_plan";
    static final String GOAL = "policy_goal";
    static final String ACTION = "policy_action";
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000");
    private static final String PLAN_SELECT = """
            SELECT p.*, s.name AS school_name,
                   (SELECT count(*) FROM policy_goal g WHERE g.plan_id = p.id) AS goal_count,
                   (SELECT count(*) FROM policy_action a WHERE a.plan_id = p.id AND a.status <> 'CANCELLED') AS action_count,
                   (SELECT count(*) FROM policy_action a WHERE a.plan_id = p.id AND a.status = 'DONE') AS done_count,
                   EXISTS (SELECT 1 FROM policy_plan_snapshot ps WHERE ps.plan_id = p.id) AS has_approved
            FROM policy_plan p JOIN school s ON s.id = p.school_id""";
    private static final String ACTION_SELECT = """
            SELECT a.*, u.display_name AS owner_name FROM policy_action a LEFT JOIN app_user u ON u.id = a.owner_user_id""";

    private final JdbcClient jdbc;
    private final PolicyAccess access;
    private final BudgetLedger ledger;
    private final ObjectProvider<SelfEvaluationResults> selfEvaluation;
    private final JsonMapper json;

    PolicyPlans(JdbcClient jdbc, PolicyAccess access, BudgetLedger ledger, ObjectProvider<SelfEvaluationResults> selfEvaluation,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.ledger = ledger;
        this.selfEvaluation = selfEvaluation;
        this.json = json;
    }

    // ---- scope helpers for the pages ----

    public boolean canManage(long schoolId) {
        return access.canManage(schoolId);
    }

    public boolean canApprove(long schoolId) {
        return access.canApprove(schoolId);
    }

    public boolean isEditor(long schoolId) {
        return access.editor(schoolId);
    }

    public List<be.coordinaat.access.SchoolDirectory.SchoolRef> readableSchools() {
        return access.readableSchools();
    }

    public List<be.coordinaat.access.SchoolDirectory.SchoolRef> manageableSchools() {
        return access.manageableSchools();
    }

    /** Accounts of the school, as owners of actions (POLICY_MANAGE). */
    public List<AccountChoice> owners(long schoolId) {
        access.requireManage(schoolId);
        return access.accounts(schoolId);
    }

    /** The lines of the school's open budget years (POLICY_MANAGE). */
    public List<LineChoice> budgetLines(long schoolId) {
        access.requireManage(schoolId);
        return ledger.choices(schoolId);
    }

    /** The school's latest closed self-evaluation, when the self-evaluation module has one. */
    public Optional<RoundSummary> selfEvaluation(long schoolId) {
        access.requireRead(schoolId);
        SelfEvaluationResults results = selfEvaluation.getIfAvailable();
        if (results == null) {
            return Optional.empty();
        }
        return results.latestClosedRound(schoolId).filter(r -> r.areas() != null && !r.areas().isEmpty());
    }

    // ---- reads ----

    /** Plans of the schools the user reads; readers without editor rights see only plans with an approved version. */
    public Page<PlanRow> list(Long schoolId, PageQuery query) {
        access.requireAnywhere();
        if (schoolId != null) {
            access.requireRead(schoolId);
        }
        Long[] schools = access.readableIds();
        Long[] editorSchools = Arrays.stream(schools).filter(access::editor).toArray(Long[]::new);
        StringBuilder where = new StringBuilder(" WHERE p.school_id = ANY(:schools) AND (p.school_id = ANY(:editor)"
                + " OR EXISTS (SELECT 1 FROM policy_plan_snapshot ps WHERE ps.plan_id = p.id))");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("schools", schools);
        params.put("editor", editorSchools);
        if (schoolId != null) {
            where.append(" AND p.school_id = :school");
            params.put("school", schoolId);
        }
        if (query.q() != null) {
            where.append(" AND lower(p.title) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM policy_plan p" + where).params(params).query(Long.class).single();
        String order = query.orderBy(Map.of("start", "p.start_year", "title", "lower(p.title)", "school", "lower(s.name)",
                "updated", "p.updated_at"), "start").replace(", id", ", p.id");
        if (query.sort() == null) {
            order = " ORDER BY p.start_year DESC, p.id DESC";
        }
        List<PlanRow> rows = jdbc.sql(PLAN_SELECT + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> new PlanRow(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
                        rs.getString("title"), rs.getInt("start_year"), rs.getInt("end_year"),
                        ApprovalStatus.valueOf(rs.getString("status")), rs.getInt("number"), rs.getLong("goal_count"),
                        rs.getLong("action_count"), rs.getLong("done_count"), rs.getBoolean("has_approved"),
                        PolicyAccess.instant(rs, "updated_at")))
                .list();
        return new Page<>(rows, total, query.page(), query.size());
    }

    /**
     * A plan as the user may see it: editors the live plan, other readers the newest approved snapshot (404 when
     * there is none, or outside the user's schools).
     */
    public PlanView plan(long id) {
        PlanView live = live(id);
        if (access.editor(live.schoolId())) {
            return live;
        }
        return latestSnapshot(live).orElseThrow(() -> new NotFoundException("plan", id));
    }

    /** The approved version {@code number} of a plan. */
    public PlanView snapshot(long id, int number) {
        PlanView live = live(id);
        return jdbc.sql("SELECT document::text FROM policy_plan_snapshot WHERE plan_id = ? AND number = ?").params(id, number)
                .query(String.class).optional().map(this::read).orElseThrow(() -> new NotFoundException("plan version", number));
    }

    public List<SnapshotRow> snapshots(long id) {
        live(id);
        return jdbc.sql("SELECT number, approved_at, approved_by_name FROM policy_plan_snapshot WHERE plan_id = ? ORDER BY number DESC")
                .param(id).query((rs, n) -> new SnapshotRow(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3))).list();
    }

    /** The comments of the drafting (editors only). */
    public List<CommentView> comments(long id) {
        PlanView plan = live(id);
        requireEditor(plan);
        return jdbc.sql("SELECT * FROM policy_comment WHERE plan_id = ? ORDER BY created_at, id").param(id)
                .query((rs, n) -> new CommentView(rs.getLong("id"), (Long) rs.getObject("goal_id"), (Long) rs.getObject("action_id"),
                        rs.getString("author_name"), rs.getString("body"), PolicyAccess.instant(rs, "created_at")))
                .list();
    }

    /** Goals of the school's plans the user may see, for linking a pilot. */
    public List<GoalRef> goalChoices(long schoolId) {
        access.requireRead(schoolId);
        return jdbc.sql("""
                SELECT g.id, g.title, p.id AS plan_id, p.title AS plan_title FROM policy_goal g JOIN policy_plan p ON p.id = g.plan_id
                WHERE g.school_id = :school AND (:editor OR EXISTS (SELECT 1 FROM policy_plan_snapshot ps WHERE ps.plan_id = p.id))
                ORDER BY p.start_year DESC, p.id DESC, g.position, g.id""").param("school", schoolId)
                .param("editor", access.editor(schoolId))
                .query((rs, n) -> new GoalRef(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4))).list();
    }

    /** The monitoring dashboard (editors): progress, overdue and unowned actions, budget, self-evaluation, reviews. */
    public MonitorView monitor(long id) {
        PlanView plan = live(id);
        requireEditor(plan);
        RoundSummary round = selfEvaluation(plan.schoolId()).orElse(null);
        Map<Area, AreaScore> scores = round == null ? Map.of()
                : round.areas().stream().collect(Collectors.toMap(AreaScore::area, Function.identity(), (a, b) -> a));
        Map<Long, List<ReviewView>> reviews = jdbc.sql("""
                SELECT r.* FROM policy_goal_review r JOIN policy_goal g ON g.id = r.goal_id WHERE g.plan_id = ?
                ORDER BY r.school_year DESC, r.id DESC""").param(id).query(PolicyPlans::review).list().stream()
                .collect(Collectors.groupingBy(ReviewView::goalId, LinkedHashMap::new, Collectors.toList()));
        List<GoalProgress> goals = plan.goals().stream().map(g -> new GoalProgress(g, g.done(), g.counted(), g.percent(),
                g.area() == null ? null : scores.get(g.area()), reviews.getOrDefault(g.id(), List.of()))).toList();
        List<ActionView> actions = plan.actions();
        List<ActionView> overdue = actions.stream().filter(ActionView::overdue).toList();
        List<ActionView> unowned = actions.stream().filter(a -> a.open() && a.ownerUserId() == null).toList();
        Map<Long, Long> perLine = actions.stream().filter(a -> a.budgetLineId() != null && a.status() != ActionStatus.CANCELLED)
                .collect(Collectors.groupingBy(ActionView::budgetLineId, LinkedHashMap::new, Collectors.counting()));
        List<BudgetUse> budget = ledger.statuses(plan.schoolId(), perLine.keySet()).stream()
                .map(l -> new BudgetUse(l.id(), l.label(), l.yearLabel(), l.planned(), l.committed(), l.spent(), l.remaining(),
                        l.exceeded(), perLine.getOrDefault(l.id(), 0L)))
                .toList();
        return new MonitorView(plan, goals, overdue, unowned, budget, plan.amounts(), round,
                PolicyAccess.schoolYear(PolicyAccess.today()));
    }

    // ---- plan writes ----

    @Transactional
    public long create(PlanForm form) {
        access.requireManageField(form.schoolId(), "schoolId");
        long school = form.schoolId();
        List<FieldProblem> problems = checkPlan(form);
        PlanView from = null;
        if (form.carryFromPlanId() != null) {
            from = jdbc.sql(PLAN_SELECT + " WHERE p.id = ? AND p.school_id = ?").params(form.carryFromPlanId(), school)
                    .query((rs, n) -> rs.getLong("id")).optional().map(this::live).orElse(null);
            if (from == null) {
                problems.add(new FieldProblem("carryFromPlanId", "error.reference", "does not exist"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("""
                INSERT INTO policy_plan (board_id, school_id, title, start_year, end_year, status, carried_from_id)
                VALUES (:board, :school, :title, :start, :end, 'DRAFT', :from) RETURNING id""")
                .param("board", access.board()).param("school", school).param("title", form.title().strip())
                .param("start", form.startYear()).param("end", form.endYear()).param("from", form.carryFromPlanId())
                .query(Long.class).single();
        access.publish(PLAN, id, school, RecordChanged.CREATED, form.title().strip(), Map.of(), planSnapshot(form));
        if (from != null) {
            carryOver(from, id, school);
        }
        return id;
    }

    /** Copies the goals whose newest review says CONTINUE or ADJUST, with their open actions, into the new plan. */
    private void carryOver(PlanView from, long planId, long school) {
        int position = 0;
        for (GoalView g : from.goals()) {
            if (g.latestReview() == null || !(g.latestReview().conclusion() == Conclusion.CONTINUE
                    || g.latestReview().conclusion() == Conclusion.ADJUST)) {
                continue;
            }
            long goalId = insertGoal(planId, school, ++position, new GoalForm(g.title(), g.measure(), g.target(), g.deadline(),
                    g.area(), g.themes(), null), g.id());
            for (ActionView a : g.actions()) {
                if (a.open()) {
                    insertAction(goalId, planId, school, new ActionForm(a.title(), a.ownerUserId(), a.startDate(), a.deadline(),
                            a.horizon(), a.status(), a.budgetLineId(), a.amount(), null, null, null));
                }
            }
        }
    }

    @Transactional
    public void update(long id, PlanForm form) {
        PlanView plan = live(id);
        access.requireManage(plan.schoolId());
        requireEditable(plan);
        List<FieldProblem> problems = checkPlan(form);
        if (form.schoolId() != null && form.schoolId() != plan.schoolId()) {
            problems.add(new FieldProblem("schoolId", "policy.error.schoolFixed", "cannot be changed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n = jdbc.sql("UPDATE policy_plan SET title = :title, start_year = :start, end_year = :end, version = version + 1, "
                        + "updated_at = now() WHERE id = :id AND version = :version")
                .param("title", form.title().strip()).param("start", form.startYear()).param("end", form.endYear())
                .param("id", id).param("version", form.version() == null ? plan.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion("plan", id);
        }
        access.publish(PLAN, id, plan.schoolId(), RecordChanged.UPDATED, form.title().strip(),
                planSnapshot(new PlanForm(plan.schoolId(), plan.title(), plan.startYear(), plan.endYear(), null, null)), planSnapshot(form));
    }

    /** Deletes a plan that was never approved. */
    @Transactional
    public void delete(long id) {
        PlanView plan = live(id);
        access.requireManage(plan.schoolId());
        if (!snapshots(id).isEmpty()) {
            throw new ConflictException("policy.error.approvedPlan", "An approved plan is kept; start a new plan instead");
        }
        jdbc.sql("UPDATE policy_baseline_item SET action_id = NULL WHERE action_id IN (SELECT id FROM policy_action WHERE plan_id = ?)")
                .param(id).update();
        jdbc.sql("DELETE FROM policy_plan WHERE id = ?").param(id).update();
        access.publish(PLAN, id, plan.schoolId(), RecordChanged.DELETED, plan.title(), Map.of("title", plan.title(),
                "goals", plan.goals().size()), Map.of());
    }

    @Transactional
    public void submit(long id, Integer version) {
        PlanView plan = live(id);
        access.requireManage(plan.schoolId());
        requireEditable(plan);
        if (plan.goals().isEmpty()) {
            throw new ConflictException("policy.error.noGoals", "A plan needs at least one goal before it is submitted");
        }
        transition(plan, version, "status = 'SUBMITTED', submitted_at = now(), submitted_by_name = :by", ApprovalStatus.SUBMITTED, null);
    }

    /** Approves the submitted plan and freezes it as version {@code number}. */
    @Transactional
    public void approve(long id, DecisionForm form) {
        PlanView plan = live(id);
        access.requireApprove(plan.schoolId());
        requireSubmitted(plan);
        String remarks = PolicyAccess.blank(form.remarks());
        transition(plan, form.version(), "status = 'APPROVED', decided_at = now(), decided_by_name = :by, remarks = :remarks",
                ApprovalStatus.APPROVED, remarks);
        PlanView approved = live(id);
        PlanView frozen = withSnapshot(approved, approved.number());
        jdbc.sql("INSERT INTO policy_plan_snapshot (plan_id, school_id, number, document, approved_by_name) VALUES (?, ?, ?, CAST(? AS jsonb), ?)")
                .params(id, plan.schoolId(), approved.number(), json.writeValueAsString(frozen), access.actor()).update();
    }

    @Transactional
    public void giveBack(long id, DecisionForm form) {
        PlanView plan = live(id);
        access.requireApprove(plan.schoolId());
        if (PolicyAccess.blank(form.remarks()) == null) {
            throw InvalidInputException.of("remarks", "policy.error.remarks", "say what should change");
        }
        requireSubmitted(plan);
        transition(plan, form.version(), "status = 'RETURNED', decided_at = now(), decided_by_name = :by, remarks = :remarks",
                ApprovalStatus.RETURNED, PolicyAccess.blank(form.remarks()));
    }

    /** Starts the next version of an approved plan: goals and actions can change again until it is approved. */
    @Transactional
    public void revise(long id, Integer version) {
        PlanView plan = live(id);
        access.requireManage(plan.schoolId());
        if (plan.status() != ApprovalStatus.APPROVED) {
            throw new ConflictException("policy.error.state", "Only an approved plan is revised");
        }
        transition(plan, version, "status = 'DRAFT', number = number + 1, remarks = NULL, submitted_at = NULL, "
                + "submitted_by_name = NULL, decided_at = NULL, decided_by_name = NULL", ApprovalStatus.DRAFT, null);
    }

    @Transactional
    public long comment(long planId, CommentForm form) {
        PlanView plan = live(planId);
        requireEditor(plan);
        if (form.goalId() != null && plan.goals().stream().noneMatch(g -> g.id() == form.goalId())) {
            throw InvalidInputException.of("goalId", "error.reference", "does not exist");
        }
        if (form.actionId() != null && plan.actions().stream().noneMatch(a -> a.id() == form.actionId())) {
            throw InvalidInputException.of("actionId", "error.reference", "does not exist");
        }
        String body = Visions.clean(form.body());
        if (body == null) {
            throw InvalidInputException.of("body", "error.required", "is required");
        }
        Long goal = form.goalId();
        if (goal == null && form.actionId() != null) {
            goal = plan.actions().stream().filter(a -> a.id() == form.actionId()).findFirst().map(ActionView::goalId).orElse(null);
        }
        long id = jdbc.sql("""
                INSERT INTO policy_comment (plan_id, school_id, goal_id, action_id, author_id, author_name, body)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(planId, plan.schoolId(), goal, form.actionId(), access.actorId(), access.actor(), body)
                .query(Long.class).single();
        access.publish(PLAN, planId, plan.schoolId(), RecordChanged.UPDATED, plan.title(), Map.of(), Map.of("comment", body));
        return id;
    }

    // ---- goals ----

    @Transactional
    public long addGoal(long planId, GoalForm form) {
        PlanView plan = live(planId);
        access.requireManage(plan.schoolId());
        requireEditable(plan);
        int position = plan.goals().stream().mapToInt(GoalView::position).max().orElse(0) + 1;
        return insertGoal(planId, plan.schoolId(), position, form, null);
    }

    private long insertGoal(long planId, long school, int position, GoalForm form, Long carriedFrom) {
        List<FunctionTheme> themes = themes(form);
        long id = jdbc.sql("""
                INSERT INTO policy_goal (plan_id, school_id, position, title, measure, target, deadline, area, themes, carried_from_id)
                VALUES (:plan, :school, :position, :title, :measure, :target, :deadline, :area, CAST(:themes AS varchar[]), :from)
                RETURNING id""").param("plan", planId).param("school", school).param("position", position)
                .params(goalColumns(form, themes)).param("from", carriedFrom).query(Long.class).single();
        access.publish(GOAL, id, school, RecordChanged.CREATED, form.title().strip(), Map.of(), goalSnapshot(form, themes));
        return id;
    }

    @Transactional
    public void updateGoal(long goalId, GoalForm form) {
        GoalView goal = goal(goalId);
        PlanView plan = planOfGoal(goalId);
        access.requireManage(plan.schoolId());
        requireEditable(plan);
        List<FunctionTheme> themes = themes(form);
        int n = jdbc.sql("""
                UPDATE policy_goal SET title = :title, measure = :measure, target = :target, deadline = :deadline, area = :area,
                       themes = CAST(:themes AS varchar[]), version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version""").params(goalColumns(form, themes)).param("id", goalId)
                .param("version", form.version() == null ? goal.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion("goal", goalId);
        }
        touch(plan.id());
        access.publish(GOAL, goalId, plan.schoolId(), RecordChanged.UPDATED, form.title().strip(),
                goalSnapshot(new GoalForm(goal.title(), goal.measure(), goal.target(), goal.deadline(), goal.area(), goal.themes(), null),
                        goal.themes()), goalSnapshot(form, themes));
    }

    @Transactional
    public void deleteGoal(long goalId) {
        GoalView goal = goal(goalId);
        PlanView plan = planOfGoal(goalId);
        access.requireManage(plan.schoolId());
        requireEditable(plan);
        jdbc.sql("UPDATE policy_baseline_item SET action_id = NULL WHERE action_id IN (SELECT id FROM policy_action WHERE goal_id = ?)")
                .param(goalId).update();
        jdbc.sql("DELETE FROM policy_goal WHERE id = ?").param(goalId).update();
        touch(plan.id());
        access.publish(GOAL, goalId, plan.schoolId(), RecordChanged.DELETED, goal.title(), Map.of("title", goal.title()), Map.of());
    }

    /** A goal of a plan the user may see (editors: any; readers: 404 — they read the snapshot). */
    public GoalView goal(long goalId) {
        PlanView plan = planOfGoal(goalId);
        return plan.goals().stream().filter(g -> g.id() == goalId).findFirst()
                .orElseThrow(() -> new NotFoundException("goal", goalId));
    }

    /** The live plan a goal belongs to, for editors; 404 otherwise. */
    public PlanView planOfGoal(long goalId) {
        Long planId = jdbc.sql("SELECT plan_id FROM policy_goal WHERE id = :id AND school_id = ANY(:schools)")
                .param("id", goalId).param("schools", access.readableIds()).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("goal", goalId));
        PlanView plan = live(planId);
        if (!access.editor(plan.schoolId())) {
            throw new NotFoundException("goal", goalId);
        }
        return plan;
    }

    @Transactional
    public void review(long goalId, ReviewForm form) {
        PlanView plan = planOfGoal(goalId);
        GoalView goal = goal(goalId);
        access.requireManage(plan.schoolId());
        String year = PolicyAccess.blank(form.schoolYear()) == null ? PolicyAccess.schoolYear(PolicyAccess.today()) : form.schoolYear().strip();
        int start = Integer.parseInt(year.substring(0, 4));
        if (Integer.parseInt(year.substring(5)) != start + 1 || start < plan.startYear() - 1 || start > plan.endYear()) {
            throw InvalidInputException.of("schoolYear", "policy.error.schoolYear", "is not a school year of the plan's period");
        }
        jdbc.sql("""
                INSERT INTO policy_goal_review (goal_id, school_id, school_year, conclusion, remark, reviewed_by_name)
                VALUES (:goal, :school, :year, :conclusion, :remark, :by)
                ON CONFLICT (goal_id, school_year) DO UPDATE SET conclusion = EXCLUDED.conclusion, remark = EXCLUDED.remark,
                    reviewed_at = now(), reviewed_by_name = EXCLUDED.reviewed_by_name""")
                .param("goal", goalId).param("school", plan.schoolId()).param("year", year)
                .param("conclusion", form.conclusion().name()).param("remark", PolicyAccess.blank(form.remark()))
                .param("by", access.actor()).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("review " + year, form.conclusion());
        after.put("remark", PolicyAccess.blank(form.remark()));
        access.publish(GOAL, goalId, plan.schoolId(), RecordChanged.UPDATED, goal.title(), Map.of(), after);
    }

    // ---- actions ----

    @Transactional
    public long addAction(long goalId, ActionForm form) {
        PlanView plan = planOfGoal(goalId);
        access.requireManage(plan.schoolId());
        requireEditable(plan);
        check(form, plan.schoolId());
        return insertAction(goalId, plan.id(), plan.schoolId(), form);
    }

    long insertAction(long goalId, long planId, long school, ActionForm form) {
        long id = jdbc.sql("""
                INSERT INTO policy_action (goal_id, plan_id, school_id, title, owner_user_id, start_date, deadline, horizon, status,
                                           budget_line_id, amount, evidence, evidence_url)
                VALUES (:goal, :plan, :school, :title, :owner, :start, :deadline, :horizon, :status, :line, :amount, :evidence, :url)
                RETURNING id""").param("goal", goalId).param("plan", planId).param("school", school)
                .params(actionColumns(form)).query(Long.class).single();
        access.publish(ACTION, id, school, RecordChanged.CREATED, form.title().strip(), Map.of(), actionSnapshot(form));
        touch(planId);
        return id;
    }

    @Transactional
    public void updateAction(long actionId, ActionForm form) {
        ActionView action = action(actionId);
        PlanView plan = planOfGoal(action.goalId());
        access.requireManage(plan.schoolId());
        requireEditable(plan);
        check(form, plan.schoolId());
        int n = jdbc.sql("""
                UPDATE policy_action SET title = :title, owner_user_id = :owner, start_date = :start, deadline = :deadline,
                       horizon = :horizon, status = :status, budget_line_id = :line, amount = :amount, evidence = :evidence,
                       evidence_url = :url, version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version""").params(actionColumns(form)).param("id", actionId)
                .param("version", form.version() == null ? action.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion("action", actionId);
        }
        touch(plan.id());
        access.publish(ACTION, actionId, plan.schoolId(), RecordChanged.UPDATED, form.title().strip(), actionSnapshot(form(action)),
                actionSnapshot(form));
    }

    /** Status and evidence of an action: also while the plan is approved (that is what monitoring follows). */
    @Transactional
    public void progress(long actionId, ProgressForm form) {
        ActionView action = action(actionId);
        PlanView plan = planOfGoal(action.goalId());
        access.requireManage(plan.schoolId());
        int n = jdbc.sql("""
                UPDATE policy_action SET status = :status, evidence = :evidence, evidence_url = :url, version = version + 1,
                       updated_at = now() WHERE id = :id AND version = :version""")
                .param("status", form.status().name()).param("evidence", PolicyAccess.blank(form.evidence()))
                .param("url", PolicyAccess.blank(form.evidenceUrl())).param("id", actionId)
                .param("version", form.version() == null ? action.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion("action", actionId);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", action.status());
        before.put("evidence", action.evidence());
        before.put("evidenceUrl", action.evidenceUrl());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", form.status());
        after.put("evidence", PolicyAccess.blank(form.evidence()));
        after.put("evidenceUrl", PolicyAccess.blank(form.evidenceUrl()));
        access.publish(ACTION, actionId, plan.schoolId(), RecordChanged.UPDATED, action.title(), before, after);
    }

    @Transactional
    public void deleteAction(long actionId) {
        ActionView action = action(actionId);
        PlanView plan = planOfGoal(action.goalId());
        access.requireManage(plan.schoolId());
        requireEditable(plan);
        jdbc.sql("UPDATE policy_baseline_item SET action_id = NULL WHERE action_id = ?").param(actionId).update();
        jdbc.sql("DELETE FROM policy_action WHERE id = ?").param(actionId).update();
        touch(plan.id());
        access.publish(ACTION, actionId, plan.schoolId(), RecordChanged.DELETED, action.title(), actionSnapshot(form(action)), Map.of());
    }

    /** An action of a plan the user edits; 404 otherwise. */
    public ActionView action(long actionId) {
        Long goalId = jdbc.sql("SELECT goal_id FROM policy_action WHERE id = :id AND school_id = ANY(:schools)")
                .param("id", actionId).param("schools", access.readableIds()).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("action", actionId));
        return goal(goalId).actions().stream().filter(a -> a.id() == actionId).findFirst()
                .orElseThrow(() -> new NotFoundException("action", actionId));
    }

    private void check(ActionForm form, long school) {
        List<FieldProblem> problems = new ArrayList<>();
        access.checkAccount(form.ownerUserId(), school, "ownerUserId", problems);
        if (form.startDate() != null && form.deadline() != null && form.deadline().isBefore(form.startDate())) {
            problems.add(new FieldProblem("deadline", "policy.error.dateOrder", "is before the start"));
        }
        if (form.budgetLineId() != null && form.amount() != null) {
            problems.add(new FieldProblem("amount", "policy.error.lineOrAmount", "give a budget line or an amount, not both"));
        }
        if (form.budgetLineId() != null) {
            try {
                ledger.status(school, form.budgetLineId());
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("budgetLineId", "error.reference", "does not exist"));
            }
        }
        if (form.amount() != null && (form.amount().signum() < 0 || form.amount().compareTo(MAX_AMOUNT) >= 0
                || form.amount().stripTrailingZeros().scale() > 2)) {
            problems.add(new FieldProblem("amount", "policy.error.amount", "must be an amount in euros (at most two decimals)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    // ---- internals ----

    /** The live plan, in the user's schools (404 otherwise), with its goals and actions. */
    PlanView live(long id) {
        return jdbc.sql(PLAN_SELECT + " WHERE p.id = :id AND p.school_id = ANY(:schools)").param("id", id)
                .param("schools", access.readableIds()).query(this::planHeader).optional()
                .map(this::withGoals).orElseThrow(() -> new NotFoundException("plan", id));
    }

    /** Freezes a plan approved in the demo data as its first version (no signed-in user). */
    void demoSnapshot(long planId, long school, String approvedBy) {
        PlanView plan = jdbc.sql(PLAN_SELECT + " WHERE p.id = ?").param(planId).query(this::planHeader).optional().map(this::withGoals)
                .orElseThrow();
        jdbc.sql("INSERT INTO policy_plan_snapshot (plan_id, school_id, number, document, approved_by_name) VALUES (?, ?, ?, CAST(? AS jsonb), ?)")
                .params(planId, school, plan.number(), json.writeValueAsString(withSnapshot(plan, plan.number())), approvedBy).update();
    }

    private Optional<PlanView> latestSnapshot(PlanView live) {
        return jdbc.sql("SELECT document::text FROM policy_plan_snapshot WHERE plan_id = ? ORDER BY number DESC LIMIT 1")
                .param(live.id()).query(String.class).optional().map(this::read);
    }

    private PlanView read(String document) {
        return json.readValue(document, PlanView.class);
    }

    private static PlanView withSnapshot(PlanView p, int number) {
        return new PlanView(p.id(), p.schoolId(), p.schoolName(), p.title(), p.startYear(), p.endYear(), p.status(), p.number(),
                p.submittedAt(), p.submittedBy(), p.decidedAt(), p.decidedBy(), p.remarks(), p.carriedFromId(), p.version(),
                p.createdAt(), p.updatedAt(), p.goals(), number);
    }

    private PlanView planHeader(ResultSet rs, int n) throws SQLException {
        return new PlanView(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"), rs.getString("title"),
                rs.getInt("start_year"), rs.getInt("end_year"), ApprovalStatus.valueOf(rs.getString("status")), rs.getInt("number"),
                PolicyAccess.instant(rs, "submitted_at"), rs.getString("submitted_by_name"), PolicyAccess.instant(rs, "decided_at"),
                rs.getString("decided_by_name"), rs.getString("remarks"), (Long) rs.getObject("carried_from_id"),
                rs.getInt("version"), PolicyAccess.instant(rs, "created_at"), PolicyAccess.instant(rs, "updated_at"), List.of(), null);
    }

    /** Goals, actions and newest reviews in three queries, and the budget lines' names in one more. */
    private PlanView withGoals(PlanView p) {
        LocalDate today = PolicyAccess.today();
        List<ActionView> actions = jdbc.sql(ACTION_SELECT + " WHERE a.plan_id = ? ORDER BY a.deadline NULLS LAST, a.id").param(p.id())
                .query((rs, n) -> action(rs, today)).list();
        Set<Long> lines = actions.stream().map(ActionView::budgetLineId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, String> lineLabels = lines.isEmpty() ? Map.of() : ledger.statuses(p.schoolId(), lines).stream()
                .collect(Collectors.toMap(LineStatus::id, l -> l.yearLabel() + " · " + l.label()));
        Map<Long, List<ActionView>> byGoal = actions.stream().map(a -> a.budgetLineId() == null ? a : withLine(a, lineLabels.get(a.budgetLineId())))
                .collect(Collectors.groupingBy(ActionView::goalId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, ReviewView> latest = jdbc.sql("""
                SELECT DISTINCT ON (r.goal_id) r.* FROM policy_goal_review r JOIN policy_goal g ON g.id = r.goal_id
                WHERE g.plan_id = ? ORDER BY r.goal_id, r.school_year DESC""").param(p.id()).query(PolicyPlans::review).list()
                .stream().collect(Collectors.toMap(ReviewView::goalId, Function.identity()));
        List<GoalView> goals = jdbc.sql("SELECT * FROM policy_goal WHERE plan_id = ? ORDER BY position, id").param(p.id())
                .query((rs, n) -> new GoalView(rs.getLong("id"), rs.getInt("position"), rs.getString("title"),
                        rs.getString("measure"), rs.getString("target"), rs.getObject("deadline", LocalDate.class),
                        rs.getString("area") == null ? null : Area.valueOf(rs.getString("area")), themes(rs.getArray("themes")),
                        (Long) rs.getObject("carried_from_id"), rs.getInt("version"), List.of(), null))
                .list().stream()
                .map(g -> new GoalView(g.id(), g.position(), g.title(), g.measure(), g.target(), g.deadline(), g.area(), g.themes(),
                        g.carriedFromId(), g.version(), byGoal.getOrDefault(g.id(), List.of()), latest.get(g.id())))
                .toList();
        return new PlanView(p.id(), p.schoolId(), p.schoolName(), p.title(), p.startYear(), p.endYear(), p.status(), p.number(),
                p.submittedAt(), p.submittedBy(), p.decidedAt(), p.decidedBy(), p.remarks(), p.carriedFromId(), p.version(),
                p.createdAt(), p.updatedAt(), goals, null);
    }

    private static ActionView withLine(ActionView a, String label) {
        return new ActionView(a.id(), a.goalId(), a.title(), a.ownerUserId(), a.ownerName(), a.startDate(), a.deadline(), a.horizon(),
                a.status(), a.budgetLineId(), label, a.amount(), a.evidence(), a.evidenceUrl(), a.version(), a.overdue());
    }

    private static ActionView action(ResultSet rs, LocalDate today) throws SQLException {
        ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        boolean open = status == ActionStatus.PLANNED || status == ActionStatus.IN_PROGRESS;
        return new ActionView(rs.getLong("id"), rs.getLong("goal_id"), rs.getString("title"), (Long) rs.getObject("owner_user_id"),
                rs.getString("owner_name"), rs.getObject("start_date", LocalDate.class), deadline,
                Horizon.valueOf(rs.getString("horizon")), status, (Long) rs.getObject("budget_line_id"), null,
                rs.getBigDecimal("amount"), rs.getString("evidence"), rs.getString("evidence_url"), rs.getInt("version"),
                open && deadline != null && deadline.isBefore(today));
    }

    private static ReviewView review(ResultSet rs, int n) throws SQLException {
        return new ReviewView(rs.getLong("id"), rs.getLong("goal_id"), rs.getString("school_year"),
                Conclusion.valueOf(rs.getString("conclusion")), rs.getString("remark"), PolicyAccess.instant(rs, "reviewed_at"),
                rs.getString("reviewed_by_name"));
    }

    private static List<FunctionTheme> themes(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(o -> FunctionTheme.valueOf(o.toString())).sorted().toList();
    }

    private static List<FunctionTheme> themes(GoalForm form) {
        return form.themes() == null ? List.of() : form.themes().stream().distinct().sorted().toList();
    }

    private void requireEditor(PlanView plan) {
        if (!access.editor(plan.schoolId())) {
            throw new NotFoundException("plan", plan.id());
        }
    }

    private static void requireEditable(PlanView plan) {
        if (!plan.editable()) {
            throw new ConflictException("policy.error.planFrozen",
                    "The plan is submitted or approved; goals and actions change only in a new version (revise)");
        }
    }

    private static void requireSubmitted(PlanView plan) {
        if (plan.status() != ApprovalStatus.SUBMITTED) {
            throw new ConflictException("policy.error.state", "Only a submitted plan can be approved or returned");
        }
    }

    private void transition(PlanView plan, Integer version, String set, ApprovalStatus to, String remarks) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("by", access.actor());
        params.put("id", plan.id());
        params.put("version", version == null ? plan.version() : version);
        if (set.contains(":remarks")) {
            params.put("remarks", remarks);
        }
        int n = jdbc.sql("UPDATE policy_plan SET " + set + ", version = version + 1, updated_at = now() WHERE id = :id AND version = :version")
                .params(params).update();
        if (n == 0) {
            throw ConflictException.staleVersion("plan", plan.id());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to);
        if (remarks != null) {
            after.put("remarks", remarks);
        }
        access.publish(PLAN, plan.id(), plan.schoolId(), RecordChanged.UPDATED, plan.title(), Map.of("status", plan.status()), after);
    }

    private void touch(long planId) {
        jdbc.sql("UPDATE policy_plan SET updated_at = now() WHERE id = ?").param(planId).update();
    }

    private static List<FieldProblem> checkPlan(PlanForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.startYear() != null && (form.startYear() < 2000 || form.startYear() > 2100)) {
            problems.add(new FieldProblem("startYear", "policy.error.year", "must be a year between 2000 and 2100"));
        }
        if (form.endYear() != null && (form.endYear() < 2000 || form.endYear() > 2100)) {
            problems.add(new FieldProblem("endYear", "policy.error.year", "must be a year between 2000 and 2100"));
        } else if (form.startYear() != null && form.endYear() != null
                && (form.endYear() < form.startYear() || form.endYear() - form.startYear() > 10)) {
            problems.add(new FieldProblem("endYear", "policy.error.period", "must be 0 to 10 years after the start"));
        }
        return problems;
    }

    private static Map<String, Object> planSnapshot(PlanForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", f.title() == null ? null : f.title().strip());
        m.put("period", f.startYear() + "–" + f.endYear());
        return m;
    }

    private static Map<String, Object> goalColumns(GoalForm f, List<FunctionTheme> themes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", f.title().strip());
        m.put("measure", PolicyAccess.blank(f.measure()));
        m.put("target", PolicyAccess.blank(f.target()));
        m.put("deadline", f.deadline());
        m.put("area", f.area() == null ? null : f.area().name());
        m.put("themes", themes.stream().map(Enum::name).toArray(String[]::new));
        return m;
    }

    private static Map<String, Object> goalSnapshot(GoalForm f, List<FunctionTheme> themes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", f.title() == null ? null : f.title().strip());
        m.put("measure", PolicyAccess.blank(f.measure()));
        m.put("target", PolicyAccess.blank(f.target()));
        m.put("deadline", f.deadline());
        m.put("area", f.area());
        m.put("themes", themes.stream().map(FunctionTheme::code).collect(Collectors.joining(", ")));
        return m;
    }

    private static Map<String, Object> actionColumns(ActionForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", f.title().strip());
        m.put("owner", f.ownerUserId());
        m.put("start", f.startDate());
        m.put("deadline", f.deadline());
        m.put("horizon", f.horizon().name());
        m.put("status", (f.status() == null ? ActionStatus.PLANNED : f.status()).name());
        m.put("line", f.budgetLineId());
        m.put("amount", f.amount() == null ? null : f.amount().setScale(2, java.math.RoundingMode.UNNECESSARY));
        m.put("evidence", PolicyAccess.blank(f.evidence()));
        m.put("url", PolicyAccess.blank(f.evidenceUrl()));
        return m;
    }

    private static Map<String, Object> actionSnapshot(ActionForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", f.title() == null ? null : f.title().strip());
        m.put("owner", f.ownerUserId());
        m.put("startDate", f.startDate());
        m.put("deadline", f.deadline());
        m.put("horizon", f.horizon());
        m.put("status", f.status() == null ? ActionStatus.PLANNED : f.status());
        m.put("budgetLine", f.budgetLineId());
        m.put("amount", f.amount() == null ? null : f.amount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        m.put("evidence", PolicyAccess.blank(f.evidence()));
        m.put("evidenceUrl", PolicyAccess.blank(f.evidenceUrl()));
        return m;
    }

    static ActionForm form(ActionView a) {
        return new ActionForm(a.title(), a.ownerUserId(), a.startDate(), a.deadline(), a.horizon(), a.status(), a.budgetLineId(),
                a.amount(), a.evidence(), a.evidenceUrl(), a.version());
    }
}
