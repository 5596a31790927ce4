package be.coordinaat.licences;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.CurrentUser;
import be.coordinaat.access.Permission;
import be.coordinaat.access.Role;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.licences.Forms.SoftwareForm;
import be.coordinaat.licences.ToolForms.EvaluationForm;
import be.coordinaat.licences.ToolForms.ProposalForm;
import be.coordinaat.licences.ToolForms.ToolForm;
import be.coordinaat.licences.ToolForms.TransitionForm;
import be.coordinaat.licences.ToolPrivacyChecks.OpenCheck;
import be.coordinaat.licences.ToolViews.Average;
import be.coordinaat.licences.ToolViews.Choice;
import be.coordinaat.licences.ToolViews.EvaluationSummary;
import be.coordinaat.licences.ToolViews.EvaluationView;
import be.coordinaat.licences.ToolViews.EvaluatorView;
import be.coordinaat.licences.ToolViews.Score;
import be.coordinaat.licences.ToolViews.ToolRow;
import be.coordinaat.licences.ToolViews.ToolView;
import be.coordinaat.licences.ToolViews.TransitionView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.web.Formats;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a digital tool of the catalogue in one school (function description A.2 and A.3): any staff member
 * proposes a tool (TOOLS_PROPOSE), the coordinator invites teachers to evaluate it with the rubric (TOOLS_EVALUATE and
 * invited, or TOOLS_DECIDE), and TOOLS_DECIDE adopts it, pilots it until a date, rejects or retires it, each time with a
 * reason. A tool is a catalogue entry ({@code software}) plus its life in a school ({@code tool}): there is no second
 * list. Before a tool is adopted or piloted, every {@link ToolPrivacyChecks} implementation is asked for open checks;
 * with open checks only TOOLS_OVERRIDE_PRIVACY (the director) may go ahead, with a recorded reason.
 *
 * <p>Scope: every read filters on the schools where the user holds TOOLS_READ; a tool of another school is 404.
 * Every change is in the history (record type {@code tool}) and in the tool's own life-cycle list.
 */
@Service
@Transactional(readOnly = true)
public class DigitalTools {

    private static final String ROW_SELECT = """
            SELECT t.id, t.school_id, sc.name AS school_name, t.software_id, sw.name, coalesce(o.name, sw.vendor_name) AS vendor,
                   sw.website, t.status, t.subjects, t.grades, t.cost_model, t.pilot_end,
                   (SELECT count(*) FROM licence l WHERE l.software_id = t.software_id
                      AND (l.school_id = t.school_id OR l.school_id IS NULL)) AS licences,
                   (SELECT count(*) FROM tool_evaluation e WHERE e.tool_id = t.id) AS evaluations,
                   (SELECT avg((e.pedagogy + e.usability + e.accessibility + e.privacy + e.technical + e.cost) / 6.0)
                      FROM tool_evaluation e WHERE e.tool_id = t.id) AS avg_score,
                   t.status_changed_at, t.version""";
    private static final String FROM = """
             FROM tool t JOIN software sw ON sw.id = t.software_id JOIN school sc ON sc.id = t.school_id
            LEFT JOIN organisation o ON o.id = sw.vendor_organisation_id""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final SoftwareCatalogue catalogue;
    private final ObjectProvider<ToolPrivacyChecks> privacyChecks;
    private final ApplicationEventPublisher events;

    DigitalTools(JdbcClient jdbc, AccessControl access, SoftwareCatalogue catalogue,
            ObjectProvider<ToolPrivacyChecks> privacyChecks, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.catalogue = catalogue;
        this.privacyChecks = privacyChecks;
        this.events = events;
    }

    // ---- reads ----

    /** One page of the tools of the user's schools, filtered, searched (name, vendor, purpose) and sorted in SQL. */
    public Page<ToolRow> list(ToolFilter filter, PageQuery query) {
        access.requireAnywhere(Permission.TOOLS_READ);
        ToolFilter f = filter == null ? ToolFilter.none() : filter;
        if (f.school() != null && !access.can(Permission.TOOLS_READ, f.school())) {
            throw new NotFoundException("school", f.school());
        }
        StringBuilder where = new StringBuilder(" WHERE t.school_id = ANY(:schools)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("schools", access.schoolArray(Permission.TOOLS_READ));
        if (f.school() != null) {
            where.append(" AND t.school_id = :school");
            params.put("school", f.school());
        }
        if (f.status() != null) {
            where.append(" AND t.status = :status");
            params.put("status", f.status().name());
        }
        if (Boolean.TRUE.equals(f.approved())) {
            where.append(" AND t.status IN ('ADOPTED', 'PILOTING')");
        }
        if (Boolean.TRUE.equals(f.inProgress())) {
            where.append(" AND t.status IN ('PROPOSED', 'UNDER_EVALUATION')");
        }
        if (f.subject() != null) {
            where.append(" AND t.subjects @> ARRAY[CAST(:subject AS text)]");
            params.put("subject", f.subject().name());
        }
        if (f.grade() != null) {
            where.append(" AND t.grades @> ARRAY[CAST(:grade AS text)]");
            params.put("grade", f.grade().name());
        }
        if (f.cost() != null) {
            where.append(" AND t.cost_model = :cost");
            params.put("cost", f.cost().name());
        }
        if (Boolean.TRUE.equals(f.toEvaluate())) {
            where.append(" AND t.status IN ('UNDER_EVALUATION', 'PILOTING') AND EXISTS (SELECT 1 FROM tool_evaluator v"
                    + " WHERE v.tool_id = t.id AND v.user_id = :me)");
            params.put("me", access.current().id());
        }
        if (query.q() != null) {
            where.append(" AND (lower(sw.name || ' ' || coalesce(sw.vendor_name, '')) LIKE :q ESCAPE '\\'"
                    + " OR lower(coalesce(o.name, '')) LIKE :q ESCAPE '\\' OR lower(t.purpose) LIKE :q ESCAPE '\\')");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*)" + FROM + where).params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String order = query.orderBy(Map.of(
                "name", "lower(sw.name)",
                "school", "lower(sc.name)" + dir + ", lower(sw.name)",
                "status", "t.status" + dir + ", lower(sw.name)",
                "changed", "t.status_changed_at",
                "score", "avg_score" + dir + " NULLS LAST, lower(sw.name)"), "name").replace(", id", ", t.id");
        List<ToolRow> items = jdbc.sql(ROW_SELECT + FROM + where + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query(this::row).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** The lives of one catalogue entry in the schools the user may read (for the software page). */
    public List<ToolRow> forSoftware(long softwareId) {
        if (!access.canAnywhere(Permission.TOOLS_READ)) {
            return List.of();
        }
        return jdbc.sql(ROW_SELECT + FROM + " WHERE t.software_id = :software AND t.school_id = ANY(:schools)"
                        + " ORDER BY lower(sc.name), t.id")
                .param("software", softwareId).param("schools", access.schoolArray(Permission.TOOLS_READ))
                .query(this::row).list();
    }

    /** A tool of one of the user's schools (TOOLS_READ), with its life, evaluators and open privacy checks. */
    public ToolView tool(long id) {
        if (!access.canAnywhere(Permission.TOOLS_READ)) {
            throw new NotFoundException("tool", id);
        }
        return jdbc.sql("""
                        SELECT t.*, sc.name AS school_name, sw.name, coalesce(o.name, sw.vendor_name) AS vendor, sw.website,
                               sw.category,
                               (SELECT count(*) FROM licence l WHERE l.software_id = t.software_id
                                  AND (l.school_id = t.school_id OR l.school_id IS NULL)) AS licences""" + FROM
                        + " WHERE t.id = :id AND t.school_id = ANY(:schools)")
                .param("id", id).param("schools", access.schoolArray(Permission.TOOLS_READ))
                .query((rs, n) -> view(rs)).optional().orElseThrow(() -> new NotFoundException("tool", id));
    }

    /**
     * The evaluations of a tool: averages for every reader; the evaluations themselves for the deciders of the school
     * and the invited evaluators.
     */
    public EvaluationSummary evaluations(long id) {
        ToolView tool = tool(id);
        long me = access.current().id();
        List<EvaluationView> all = jdbc.sql("SELECT * FROM tool_evaluation WHERE tool_id = ? ORDER BY lower(evaluator_name), id")
                .param(id).query((rs, n) -> evaluation(rs)).list();
        EvaluationView mine = all.stream().filter(e -> Objects.equals(e.evaluatorId(), me)).findFirst().orElse(null);
        boolean seeAll = canDecide(tool) || tool.evaluatorInvited(me);
        List<Average> averages = new ArrayList<>();
        double sum = 0;
        for (ToolCriterion c : ToolCriterion.values()) {
            Double avg = all.isEmpty() ? null : all.stream().mapToInt(e -> e.score(c).score()).average().orElse(0);
            averages.add(new Average(c, avg));
            sum += avg == null ? 0 : avg;
        }
        Double overall = all.isEmpty() ? null : sum / ToolCriterion.values().length;
        return new EvaluationSummary(all.size(), averages, overall,
                all.stream().filter(e -> e.recommendation() == ToolRecommendation.ADOPT).count(),
                all.stream().filter(e -> e.recommendation() == ToolRecommendation.PILOT).count(),
                all.stream().filter(e -> e.recommendation() == ToolRecommendation.REJECT).count(),
                seeAll ? all : (mine == null ? List.of() : List.of(mine)), mine);
    }

    /** The catalogue entries of the board, for choosing an existing one in a proposal. */
    public List<Choice> softwareChoices() {
        access.requireAnywhere(Permission.TOOLS_PROPOSE);
        return jdbc.sql("SELECT id, name FROM software WHERE board_id = ? ORDER BY lower(name), id").param(boardId())
                .query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2))).list();
    }

    /** The accounts of the tool's school that may evaluate tools and are not invited yet (TOOLS_DECIDE). */
    public List<Choice> evaluatorOptions(long id) {
        ToolView tool = tool(id);
        requireDecide(tool);
        return jdbc.sql("""
                        SELECT u.id, u.display_name FROM app_user u
                        WHERE u.board_id = :board AND u.enabled AND u.organisation_id IS NULL
                          AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.role = ANY(CAST(:roles AS text[]))
                                      AND (g.school_id = :school OR g.school_id IS NULL))
                          AND NOT EXISTS (SELECT 1 FROM tool_evaluator v WHERE v.tool_id = :tool AND v.user_id = u.id)
                        ORDER BY lower(u.display_name), u.id""")
                .param("board", boardId()).param("roles", evaluatorRoles()).param("school", tool.schoolId())
                .param("tool", id).query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2))).list();
    }

    public List<SchoolRef> readableSchools() {
        return access.visibleSchools(Permission.TOOLS_READ);
    }

    public List<SchoolRef> proposableSchools() {
        return access.visibleSchools(Permission.TOOLS_PROPOSE);
    }

    public boolean canPropose() {
        return access.canAnywhere(Permission.TOOLS_PROPOSE);
    }

    public boolean canDecide(ToolView tool) {
        return access.can(Permission.TOOLS_DECIDE, tool.schoolId());
    }

    public boolean canOverridePrivacy(ToolView tool) {
        return access.can(Permission.TOOLS_OVERRIDE_PRIVACY, tool.schoolId());
    }

    /** Deciders always; the proposer while the tool is only proposed. */
    public boolean canEdit(ToolView tool) {
        return canDecide(tool) || (tool.status() == ToolStatus.PROPOSED && tool.proposedById() != null
                && tool.proposedById() == access.current().id() && access.can(Permission.TOOLS_PROPOSE, tool.schoolId()));
    }

    /** Open for scoring, and the user is a decider of the school or an invited evaluator with TOOLS_EVALUATE. */
    public boolean canEvaluate(ToolView tool) {
        if (!tool.status().open()) {
            return false;
        }
        return canDecide(tool) || (access.can(Permission.TOOLS_EVALUATE, tool.schoolId())
                && tool.evaluatorInvited(access.current().id()));
    }

    /** The privacy checks still open for a catalogue entry in a school, from every implementation. */
    public List<OpenCheck> openPrivacyChecks(long softwareId, long schoolId) {
        return privacyChecks.orderedStream().flatMap(c -> c.openChecks(softwareId, schoolId).stream()).toList();
    }

    // ---- writes ----

    /**
     * Proposes a tool for a school: an existing catalogue entry, or a new one registered on the way. A tool that was
     * rejected or retired in that school is proposed again (a new life on the same record); one that is proposed,
     * evaluated, adopted or piloted already is refused with a field error.
     */
    @Transactional
    public long propose(ProposalForm form) {
        access.requireAnywhere(Permission.TOOLS_PROPOSE);
        List<FieldProblem> problems = new ArrayList<>();
        List<SchoolRef> schools = proposableSchools();
        Long schoolId = form.schoolId();
        if (schoolId == null && schools.size() == 1) {
            schoolId = schools.get(0).id();
        }
        if (schoolId == null) {
            problems.add(new FieldProblem("schoolId", "tool.error.school.required", "choose the school"));
        } else {
            long s = schoolId;
            if (schools.stream().noneMatch(r -> r.id() == s)) {
                problems.add(new FieldProblem("schoolId", "error.reference", "does not exist"));
            }
        }
        Long softwareId = form.softwareId();
        String name = SoftwareCatalogue.blank(form.name());
        if (softwareId != null) {
            boolean exists = jdbc.sql("SELECT count(*) FROM software WHERE id = ? AND board_id = ?").params(softwareId, boardId())
                    .query(Long.class).single() > 0;
            if (!exists) {
                problems.add(new FieldProblem("softwareId", "error.reference", "does not exist"));
            }
            if (name != null) {
                problems.add(new FieldProblem("name", "tool.error.nameOrEntry",
                        "choose an existing catalogue entry or give the name of a new one, not both"));
            }
        } else if (name == null) {
            problems.add(new FieldProblem("name", "tool.error.name.required",
                    "give the name of the tool, or choose an existing catalogue entry"));
        } else {
            // a name the catalogue knows is that entry: one catalogue, never a second list
            softwareId = jdbc.sql("SELECT id FROM software WHERE board_id = ? AND lower(name) = lower(?)").params(boardId(), name)
                    .query(Long.class).optional().orElse(null);
        }
        checkDetails(form.purpose(), form.subjects(), form.grades(), form.costModel(), problems);
        Map<String, Object> existing = null;
        if (problems.isEmpty() && softwareId != null) {
            existing = jdbc.sql("SELECT id, status, version FROM tool WHERE software_id = ? AND school_id = ? FOR UPDATE")
                    .params(softwareId, schoolId).query().listOfRows().stream().findFirst().orElse(null);
            if (existing != null && !ToolStatus.valueOf((String) existing.get("status")).canMoveTo(ToolStatus.PROPOSED)) {
                problems.add(new FieldProblem(form.softwareId() != null ? "softwareId" : "name", "tool.error.exists",
                        "this tool is already proposed, evaluated or in use in this school"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (softwareId == null) {
            softwareId = catalogue.insert(boardId(), new SoftwareForm(name, SoftwareCategory.EDUCATIONAL_APP,
                    form.vendorName(), null, null, null, form.website(), null, null, List.of(), null), Map.of());
        }
        CurrentUser me = access.current();
        String purpose = form.purpose().strip();
        if (existing != null) {
            long id = ((Number) existing.get("id")).longValue();
            ToolView before = tool(id);
            jdbc.sql("""
                    UPDATE tool SET status = 'PROPOSED', purpose = ?, subjects = ?, grades = ?, cost_model = ?, pilot_end = NULL,
                           proposed_by = ?, proposed_by_name = ?, proposed_at = now(), status_changed_at = now(),
                           version = version + 1, updated_at = now() WHERE id = ?""")
                    .params(purpose, names(form.subjects()), names(form.grades()), form.costModel().name(), me.id(),
                            me.displayName(), id).update();
            jdbc.sql("DELETE FROM tool_evaluator WHERE tool_id = ?").param(id).update();
            transition(id, before.status(), ToolStatus.PROPOSED, purpose, null, null, null);
            publish(before.schoolId(), id, RecordChanged.UPDATED, before.name(), snapshot(before), snapshot(tool(id)));
            return id;
        }
        long id = jdbc.sql("""
                INSERT INTO tool (board_id, school_id, software_id, status, purpose, subjects, grades, cost_model,
                                  proposed_by, proposed_by_name)
                VALUES (?, ?, ?, 'PROPOSED', ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(boardId(), schoolId, softwareId, purpose, names(form.subjects()), names(form.grades()),
                        form.costModel().name(), me.id(), me.displayName())
                .query(Long.class).single();
        transition(id, null, ToolStatus.PROPOSED, purpose, null, null, null);
        ToolView after = tool(id);
        publish(schoolId, id, RecordChanged.CREATED, after.name(), Map.of(), snapshot(after));
        return id;
    }

    /** Changes what a tool is used for: deciders always, the proposer while it is only proposed. */
    @Transactional
    public void update(long id, ToolForm form) {
        ToolView before = tool(id);
        if (!canEdit(before)) {
            throw new AccessDeniedException("no TOOLS_DECIDE in school " + before.schoolId());
        }
        List<FieldProblem> problems = new ArrayList<>();
        checkDetails(form.purpose(), form.subjects(), form.grades(), form.costModel(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n = jdbc.sql("""
                UPDATE tool SET purpose = ?, subjects = ?, grades = ?, cost_model = ?, version = version + 1, updated_at = now()
                WHERE id = ? AND version = ?""")
                .params(form.purpose().strip(), names(form.subjects()), names(form.grades()), form.costModel().name(), id,
                        form.version() == null ? before.version() : form.version())
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion("tool", id);
        }
        publish(before.schoolId(), id, RecordChanged.UPDATED, before.name(), snapshot(before), snapshot(tool(id)));
    }

    /** Withdraws a proposal (the proposer or a decider, while it is only proposed); later it is rejected or retired. */
    @Transactional
    public void delete(long id) {
        ToolView before = tool(id);
        if (!canEdit(before)) {
            throw new AccessDeniedException("no TOOLS_DECIDE in school " + before.schoolId());
        }
        if (before.status() != ToolStatus.PROPOSED) {
            throw new ConflictException("tool.error.deleteAfterProposal",
                    "only a proposal can be withdrawn; reject or retire the tool instead");
        }
        jdbc.sql("DELETE FROM tool WHERE id = ?").param(id).update();
        publish(before.schoolId(), id, RecordChanged.DELETED, before.name(), snapshot(before), Map.of());
    }

    /**
     * Moves a tool to another status (TOOLS_DECIDE): with a reason (not needed to start the evaluation), a pilot end
     * date for a pilot, and, to adopt or pilot while privacy checks are open, TOOLS_OVERRIDE_PRIVACY and a reason
     * for the override. An adopted or piloted tool marks its school as a user of the catalogue entry; a retired or
     * rejected one no longer does.
     */
    @Transactional
    public void changeStatus(long id, TransitionForm form) {
        ToolView before = tool(id);
        requireDecide(before);
        ToolStatus target = form.status();
        String reason = SoftwareCatalogue.blank(form.reason());
        List<FieldProblem> problems = new ArrayList<>();
        if (target == null) {
            problems.add(new FieldProblem("status", "tool.error.status.required", "choose the new status"));
        } else if (!before.status().canMoveTo(target)) {
            problems.add(new FieldProblem("status", "tool.error.transition", "this step is not allowed from the current status"));
        }
        if (target != null && target != ToolStatus.UNDER_EVALUATION && reason == null) {
            problems.add(new FieldProblem("reason", "tool.error.reason.required", "give the reason for this decision"));
        }
        LocalDate pilotEnd = null;
        if (target == ToolStatus.PILOTING) {
            pilotEnd = form.pilotEnd();
            if (pilotEnd == null) {
                problems.add(new FieldProblem("pilotEnd", "tool.error.pilotEnd.required", "give the end date of the pilot"));
            } else if (pilotEnd.isBefore(LocalDate.now(Formats.ZONE))) {
                problems.add(new FieldProblem("pilotEnd", "tool.error.pilotEnd.past", "the end of the pilot cannot be in the past"));
            } else if (pilotEnd.isAfter(LocalDate.now(Formats.ZONE).plusYears(3))) {
                problems.add(new FieldProblem("pilotEnd", "tool.error.pilotEnd.far", "a pilot lasts at most three years"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String openText = null;
        String override = null;
        if (target.approved()) {
            List<OpenCheck> open = openPrivacyChecks(before.softwareId(), before.schoolId());
            if (!open.isEmpty()) {
                openText = open.stream().map(c -> c.code() + ": " + c.detail()).collect(Collectors.joining("; "));
                if (!canOverridePrivacy(before)) {
                    throw new ConflictException("tool.error.privacyOpen", "privacy checks are open (" + openText
                            + "); only someone who may override them (the director) can adopt or pilot the tool, with a reason");
                }
                override = SoftwareCatalogue.blank(form.overrideReason());
                if (override == null) {
                    throw InvalidInputException.of("overrideReason", "tool.error.overrideReason.required",
                            "privacy checks are open (" + openText + "); give the reason to go ahead anyway");
                }
            }
        }
        CurrentUser me = access.current();
        boolean decision = target != ToolStatus.UNDER_EVALUATION && target != ToolStatus.PROPOSED;
        int n = jdbc.sql("""
                UPDATE tool SET status = :status, pilot_end = :pilotEnd,
                       decided_by_name = CASE WHEN :decision THEN :me ELSE decided_by_name END,
                       decided_at = CASE WHEN :decision THEN now() ELSE decided_at END,
                       decision_reason = CASE WHEN :decision THEN :reason ELSE decision_reason END,
                       privacy_override = CASE WHEN :approved THEN :override ELSE privacy_override END,
                       status_changed_at = now(), version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version""")
                .param("status", target.name()).param("pilotEnd", pilotEnd).param("decision", decision)
                .param("me", me.displayName()).param("reason", reason).param("approved", target.approved())
                .param("override", override).param("id", id)
                .param("version", form.version() == null ? before.version() : form.version())
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion("tool", id);
        }
        transition(id, before.status(), target, reason, pilotEnd, openText, override);
        if (target.approved()) {
            markUsed(before, true);
        } else if (target == ToolStatus.RETIRED || (target == ToolStatus.REJECTED && before.status() == ToolStatus.PILOTING)) {
            markUsed(before, false);
        }
        Map<String, Object> from = snapshot(before);
        Map<String, Object> to = snapshot(tool(id));
        to.put("reason", reason);
        if (override != null) {
            to.put("privacyChecksOpen", openText);
        }
        publish(before.schoolId(), id, RecordChanged.UPDATED, before.name(), from, to);
    }

    /** Invites an account of the school to evaluate the tool (TOOLS_DECIDE); a proposal moves to evaluation. */
    @Transactional
    public void inviteEvaluator(long id, Long userId) {
        ToolView before = tool(id);
        requireDecide(before);
        if (!before.status().open() && before.status() != ToolStatus.PROPOSED) {
            throw new ConflictException("tool.error.notOpen", "the tool is not being evaluated");
        }
        if (userId == null) {
            throw InvalidInputException.of("userId", "tool.error.evaluator.required", "choose the evaluator");
        }
        String name = jdbc.sql("""
                        SELECT u.display_name FROM app_user u
                        WHERE u.id = :user AND u.board_id = :board AND u.enabled AND u.organisation_id IS NULL
                          AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.role = ANY(CAST(:roles AS text[]))
                                      AND (g.school_id = :school OR g.school_id IS NULL))""")
                .param("user", userId).param("board", boardId()).param("roles", evaluatorRoles())
                .param("school", before.schoolId()).query(String.class).optional()
                .orElseThrow(() -> InvalidInputException.of("userId", "error.reference", "does not exist"));
        int added = jdbc.sql("INSERT INTO tool_evaluator (tool_id, user_id, invited_by_name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(id, userId, access.current().displayName()).update();
        if (added == 0) {
            return;
        }
        if (before.status() == ToolStatus.PROPOSED) {
            jdbc.sql("UPDATE tool SET status = 'UNDER_EVALUATION', status_changed_at = now(), version = version + 1,"
                    + " updated_at = now() WHERE id = ?").param(id).update();
            transition(id, ToolStatus.PROPOSED, ToolStatus.UNDER_EVALUATION, null, null, null, null);
        } else {
            jdbc.sql("UPDATE tool SET version = version + 1, updated_at = now() WHERE id = ?").param(id).update();
        }
        Map<String, Object> to = new LinkedHashMap<>();
        to.put("status", before.status() == ToolStatus.PROPOSED ? ToolStatus.UNDER_EVALUATION : before.status());
        to.put("evaluatorInvited", name);
        publish(before.schoolId(), id, RecordChanged.UPDATED, before.name(), Map.of("status", before.status()), to);
    }

    /** Withdraws an invitation (TOOLS_DECIDE); a score already given stays. */
    @Transactional
    public void removeEvaluator(long id, long userId) {
        ToolView before = tool(id);
        requireDecide(before);
        EvaluatorView evaluator = before.evaluators().stream().filter(e -> e.userId() == userId).findFirst()
                .orElseThrow(() -> new NotFoundException("evaluator", userId));
        jdbc.sql("DELETE FROM tool_evaluator WHERE tool_id = ? AND user_id = ?").params(id, userId).update();
        jdbc.sql("UPDATE tool SET version = version + 1, updated_at = now() WHERE id = ?").param(id).update();
        publish(before.schoolId(), id, RecordChanged.UPDATED, before.name(), Map.of("evaluatorRemoved", evaluator.name()),
                Map.of());
    }

    /**
     * Scores the tool with the rubric, or changes one's earlier scores: an invited evaluator with TOOLS_EVALUATE, or a
     * decider of the school, while the tool is under evaluation or piloted.
     */
    @Transactional
    public void evaluate(long id, EvaluationForm form) {
        ToolView tool = tool(id);
        if (!tool.status().open()) {
            throw new ConflictException("tool.error.notOpen", "the tool is not being evaluated");
        }
        if (!canEvaluate(tool)) {
            throw new AccessDeniedException("not invited to evaluate tool " + id);
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (ToolCriterion c : ToolCriterion.values()) {
            Integer score = form.score(c);
            if (score == null || score < 1 || score > 5) {
                problems.add(new FieldProblem(c.field(), "tool.error.score", "give a score from 1 to 5"));
            }
        }
        if (form.recommendation() == null) {
            problems.add(new FieldProblem("recommendation", "tool.error.recommendation.required", "give your recommendation"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CurrentUser me = access.current();
        Map<String, Object> before = jdbc.sql("SELECT * FROM tool_evaluation WHERE tool_id = ? AND evaluator_id = ?")
                .params(id, me.id()).query((rs, n) -> evaluationSnapshot(evaluation(rs))).optional().orElse(Map.of());
        jdbc.sql("""
                INSERT INTO tool_evaluation (tool_id, evaluator_id, evaluator_name, pedagogy, pedagogy_comment, usability,
                       usability_comment, accessibility, accessibility_comment, privacy, privacy_comment, technical,
                       technical_comment, cost, cost_comment, recommendation, comment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tool_id, evaluator_id) DO UPDATE SET evaluator_name = EXCLUDED.evaluator_name,
                       pedagogy = EXCLUDED.pedagogy, pedagogy_comment = EXCLUDED.pedagogy_comment,
                       usability = EXCLUDED.usability, usability_comment = EXCLUDED.usability_comment,
                       accessibility = EXCLUDED.accessibility, accessibility_comment = EXCLUDED.accessibility_comment,
                       privacy = EXCLUDED.privacy, privacy_comment = EXCLUDED.privacy_comment,
                       technical = EXCLUDED.technical, technical_comment = EXCLUDED.technical_comment,
                       cost = EXCLUDED.cost, cost_comment = EXCLUDED.cost_comment,
                       recommendation = EXCLUDED.recommendation, comment = EXCLUDED.comment,
                       version = tool_evaluation.version + 1, updated_at = now()""")
                .params(id, me.id(), me.displayName(), form.pedagogy(), SoftwareCatalogue.blank(form.pedagogyComment()),
                        form.usability(), SoftwareCatalogue.blank(form.usabilityComment()), form.accessibility(),
                        SoftwareCatalogue.blank(form.accessibilityComment()), form.privacy(),
                        SoftwareCatalogue.blank(form.privacyComment()), form.technical(),
                        SoftwareCatalogue.blank(form.technicalComment()), form.cost(),
                        SoftwareCatalogue.blank(form.costComment()), form.recommendation().name(),
                        SoftwareCatalogue.blank(form.comment()))
                .update();
        Map<String, Object> after = jdbc.sql("SELECT * FROM tool_evaluation WHERE tool_id = ? AND evaluator_id = ?")
                .params(id, me.id()).query((rs, n) -> evaluationSnapshot(evaluation(rs))).single();
        publish(tool.schoolId(), id, RecordChanged.UPDATED, tool.name() + " – " + me.displayName(), before, after);
    }

    // ---- demo data ----

    /** A tool with its status as given, for the demo data (before anyone signs in). */
    long insertDemo(long boardId, long schoolId, long softwareId, ToolStatus status, String purpose,
            List<ToolSubject> subjects, List<ToolGrade> grades, ToolCostModel cost, LocalDate pilotEnd, long proposer,
            String proposerName, String deciderName, String reason) {
        long id = jdbc.sql("""
                INSERT INTO tool (board_id, school_id, software_id, status, purpose, subjects, grades, cost_model, pilot_end,
                                  proposed_by, proposed_by_name, decided_by_name, decided_at, decision_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(boardId, schoolId, softwareId, status.name(), purpose, names(subjects), names(grades), cost.name(),
                        pilotEnd == null ? null : Date.valueOf(pilotEnd), proposer, proposerName, deciderName,
                        deciderName == null ? null : Timestamp.from(Instant.now()), reason)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO tool_transition (tool_id, from_status, to_status, reason, actor_id, actor_name) VALUES (?, NULL, 'PROPOSED', ?, ?, ?)")
                .params(id, purpose, proposer, proposerName).update();
        if (status != ToolStatus.PROPOSED) {
            jdbc.sql("INSERT INTO tool_transition (tool_id, from_status, to_status, reason, pilot_end, actor_name) VALUES (?, 'PROPOSED', ?, ?, ?, ?)")
                    .params(id, status.name(), reason, pilotEnd == null ? null : Date.valueOf(pilotEnd),
                            deciderName == null ? proposerName : deciderName).update();
        }
        return id;
    }

    void inviteDemo(long toolId, long userId, String invitedBy) {
        jdbc.sql("INSERT INTO tool_evaluator (tool_id, user_id, invited_by_name) VALUES (?, ?, ?)").params(toolId, userId, invitedBy)
                .update();
    }

    void evaluateDemo(long toolId, long userId, String name, int[] scores, ToolRecommendation recommendation, String comment) {
        jdbc.sql("""
                INSERT INTO tool_evaluation (tool_id, evaluator_id, evaluator_name, pedagogy, usability, accessibility, privacy,
                       technical, cost, recommendation, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(toolId, userId, name, scores[0], scores[1], scores[2], scores[3], scores[4], scores[5],
                        recommendation.name(), comment).update();
    }

    // ---- rules and helpers ----

    private void checkDetails(String purpose, List<ToolSubject> subjects, List<ToolGrade> grades, ToolCostModel cost,
            List<FieldProblem> problems) {
        if (SoftwareCatalogue.blank(purpose) == null) {
            problems.add(new FieldProblem("purpose", "tool.error.purpose.required", "say what the tool is for"));
        }
        if (subjects == null || subjects.isEmpty() || subjects.contains(null)) {
            problems.add(new FieldProblem("subjects", "tool.error.subjects.required", "choose at least one subject"));
        }
        if (grades == null || grades.isEmpty() || grades.contains(null)) {
            problems.add(new FieldProblem("grades", "tool.error.grades.required", "choose at least one grade"));
        }
        if (cost == null) {
            problems.add(new FieldProblem("costModel", "tool.error.costModel.required", "choose the cost model"));
        }
    }

    private void requireDecide(ToolView tool) {
        if (!canDecide(tool)) {
            throw new AccessDeniedException("no TOOLS_DECIDE in school " + tool.schoolId());
        }
    }

    private void markUsed(ToolView tool, boolean used) {
        int n = used
                ? jdbc.sql("INSERT INTO software_school (software_id, school_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(tool.softwareId(), tool.schoolId()).update()
                : jdbc.sql("DELETE FROM software_school WHERE software_id = ? AND school_id = ?")
                        .params(tool.softwareId(), tool.schoolId()).update();
        if (n > 0) {
            jdbc.sql("UPDATE software SET version = version + 1, updated_at = now() WHERE id = ?").param(tool.softwareId()).update();
            events.publishEvent(new RecordChanged("software", tool.softwareId(), boardId(), tool.schoolId(), RecordChanged.UPDATED,
                    tool.name(), RecordChanged.diff(Map.of("usedBy", used ? "" : tool.schoolName()),
                            Map.of("usedBy", used ? tool.schoolName() : ""))));
        }
    }

    private void transition(long toolId, ToolStatus from, ToolStatus to, String reason, LocalDate pilotEnd, String openChecks,
            String override) {
        CurrentUser me = access.current();
        jdbc.sql("""
                INSERT INTO tool_transition (tool_id, from_status, to_status, reason, pilot_end, open_checks, override_reason,
                                             actor_id, actor_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(toolId, from == null ? null : from.name(), to.name(), reason, pilotEnd == null ? null : Date.valueOf(pilotEnd),
                        openChecks == null ? null : truncate(openChecks, 2000), override, me.id(), me.displayName())
                .update();
    }

    private void publish(long schoolId, long id, String action, String label, Map<String, ?> before, Map<String, ?> after) {
        events.publishEvent(new RecordChanged("tool", id, boardId(), schoolId, action, label, RecordChanged.diff(before, after)));
    }

    private static Map<String, Object> snapshot(ToolView t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", t.status());
        m.put("purpose", t.purpose());
        m.put("subjects", t.subjects().stream().map(Enum::name).collect(Collectors.joining(", ")));
        m.put("grades", t.grades().stream().map(Enum::name).collect(Collectors.joining(", ")));
        m.put("costModel", t.costModel());
        m.put("pilotEnd", t.pilotEnd());
        m.put("privacyOverride", t.privacyOverride());
        return m;
    }

    private static Map<String, Object> evaluationSnapshot(EvaluationView e) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Score s : e.scores()) {
            m.put(s.criterion().field(), s.score());
            m.put(s.criterion().commentField(), s.comment());
        }
        m.put("recommendation", e.recommendation());
        m.put("comment", e.comment());
        return m;
    }

    private static String[] evaluatorRoles() {
        return Arrays.stream(Role.values()).filter(r -> r.grants(Permission.TOOLS_EVALUATE)).map(Enum::name)
                .toArray(String[]::new);
    }

    private static String[] names(Collection<? extends Enum<?>> values) {
        return values == null ? new String[0]
                : new LinkedHashSet<>(values).stream().filter(Objects::nonNull).map(Enum::name).toArray(String[]::new);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private long boardId() {
        return access.current().boardId();
    }

    private ToolRow row(ResultSet rs, int n) throws SQLException {
        Object avg = rs.getObject("avg_score");
        return new ToolRow(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"), rs.getLong("software_id"),
                rs.getString("name"), rs.getString("vendor"), rs.getString("website"), ToolStatus.valueOf(rs.getString("status")),
                enums(rs, "subjects", ToolSubject.class), enums(rs, "grades", ToolGrade.class),
                ToolCostModel.valueOf(rs.getString("cost_model")), localDate(rs.getDate("pilot_end")), rs.getLong("licences"),
                rs.getLong("evaluations"), avg == null ? null : ((Number) avg).doubleValue(),
                instant(rs.getTimestamp("status_changed_at")), rs.getInt("version"));
    }

    private ToolView view(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        long softwareId = rs.getLong("software_id");
        long schoolId = rs.getLong("school_id");
        List<OpenCheck> open;
        try {
            open = openPrivacyChecks(softwareId, schoolId);
        } catch (AccessDeniedException e) {
            open = null; // the privacy register does not tell this reader; shown as "unknown"
        }
        return new ToolView(id, schoolId, rs.getString("school_name"), softwareId, rs.getString("name"), rs.getString("vendor"),
                rs.getString("website"), SoftwareCategory.valueOf(rs.getString("category")),
                ToolStatus.valueOf(rs.getString("status")), rs.getString("purpose"), enums(rs, "subjects", ToolSubject.class),
                enums(rs, "grades", ToolGrade.class), ToolCostModel.valueOf(rs.getString("cost_model")),
                localDate(rs.getDate("pilot_end")), (Long) rs.getObject("proposed_by"), rs.getString("proposed_by_name"),
                instant(rs.getTimestamp("proposed_at")), rs.getString("decided_by_name"), instant(rs.getTimestamp("decided_at")),
                rs.getString("decision_reason"), rs.getString("privacy_override"), rs.getLong("licences"), open,
                transitions(id), evaluators(id), rs.getInt("version"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private List<TransitionView> transitions(long toolId) {
        return jdbc.sql("SELECT * FROM tool_transition WHERE tool_id = ? ORDER BY occurred_at, id").param(toolId)
                .query((rs, n) -> new TransitionView(status(rs.getString("from_status")), status(rs.getString("to_status")),
                        rs.getString("reason"), localDate(rs.getDate("pilot_end")), rs.getString("open_checks"),
                        rs.getString("override_reason"), rs.getString("actor_name"), instant(rs.getTimestamp("occurred_at"))))
                .list();
    }

    private List<EvaluatorView> evaluators(long toolId) {
        return jdbc.sql("""
                        SELECT v.user_id, u.display_name, v.invited_by_name, v.invited_at,
                               EXISTS (SELECT 1 FROM tool_evaluation e WHERE e.tool_id = v.tool_id AND e.evaluator_id = v.user_id) AS evaluated
                        FROM tool_evaluator v JOIN app_user u ON u.id = v.user_id WHERE v.tool_id = ?
                        ORDER BY lower(u.display_name), v.user_id""").param(toolId)
                .query((rs, n) -> new EvaluatorView(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        rs.getBoolean(5)))
                .list();
    }

    private static EvaluationView evaluation(ResultSet rs) throws SQLException {
        List<Score> scores = new ArrayList<>();
        for (ToolCriterion c : ToolCriterion.values()) {
            scores.add(new Score(c, rs.getInt(c.field()), rs.getString(c.field() + "_comment")));
        }
        return new EvaluationView(rs.getLong("id"), (Long) rs.getObject("evaluator_id"), rs.getString("evaluator_name"),
                List.copyOf(scores), ToolRecommendation.valueOf(rs.getString("recommendation")), rs.getString("comment"),
                instant(rs.getTimestamp("updated_at")));
    }

    private static <E extends Enum<E>> List<E> enums(ResultSet rs, String column, Class<E> type) throws SQLException {
        String[] values = (String[]) rs.getArray(column).getArray();
        List<E> out = new ArrayList<>(values.length);
        for (String v : values) {
            out.add(Enum.valueOf(type, v));
        }
        return List.copyOf(out);
    }

    private static ToolStatus status(String s) {
        return s == null ? null : ToolStatus.valueOf(s);
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
