package be.coordinaat.policy.api;

import be.coordinaat.policy.Forms.ActionForm;
import be.coordinaat.policy.Forms.CommentForm;
import be.coordinaat.policy.Forms.DecisionForm;
import be.coordinaat.policy.Forms.GoalForm;
import be.coordinaat.policy.Forms.PlanForm;
import be.coordinaat.policy.Forms.ProgressForm;
import be.coordinaat.policy.Forms.ReviewForm;
import be.coordinaat.policy.PlanExport;
import be.coordinaat.policy.PolicyPlans;
import be.coordinaat.policy.Views.ActionView;
import be.coordinaat.policy.Views.CommentView;
import be.coordinaat.policy.Views.GoalView;
import be.coordinaat.policy.Views.MonitorView;
import be.coordinaat.policy.Views.PlanRow;
import be.coordinaat.policy.Views.PlanView;
import be.coordinaat.policy.Views.SnapshotRow;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the policy plans: plans, goals, actions, comments, approval, snapshots, monitoring, the yearly review
 * and the PDF. Plans of schools outside your roles, and drafts when you only read policy, answer 404.
 */
@RestController
@RequestMapping("/api/v1/policy")
@Tag(name = "Policy: plans")
class PolicyPlanApiController {

    private final PolicyPlans plans;
    private final PlanExport export;

    PolicyPlanApiController(PolicyPlans plans, PlanExport export) {
        this.plans = plans;
        this.export = export;
    }

    @GetMapping("/plans")
    @Operation(summary = "Plans you may see, newest period first; filter by schoolId, q (title); sort by start, title, "
            + "school or updated (prefix - for descending)")
    Page<PlanRow> list(@RequestParam(required = false) Long schoolId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        return plans.list(schoolId, PageQuery.of(page, size, sort, q));
    }

    @PostMapping("/plans")
    @Operation(summary = "Creates a plan (draft); carryFromPlanId copies the CONTINUE/ADJUST goals of an earlier plan "
            + "of the school with their open actions")
    ResponseEntity<PlanView> create(@Valid @RequestBody PlanForm form) {
        long id = plans.create(form);
        return ResponseEntity.created(URI.create("/api/v1/policy/plans/" + id)).body(plans.plan(id));
    }

    @GetMapping("/plans/{id}")
    @Operation(summary = "The plan with goals and actions: the live plan for editors, the newest approved version for "
            + "other readers (snapshotNumber is then set)")
    PlanView plan(@PathVariable long id) {
        return plans.plan(id);
    }

    @PutMapping("/plans/{id}")
    PlanView update(@PathVariable long id, @Valid @RequestBody PlanForm form) {
        plans.update(id, form);
        return plans.plan(id);
    }

    @DeleteMapping("/plans/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a plan that was never approved")
    void delete(@PathVariable long id) {
        plans.delete(id);
    }

    @PostMapping("/plans/{id}/submit")
    PlanView submit(@PathVariable long id, @RequestBody(required = false) DecisionForm form) {
        plans.submit(id, form == null ? null : form.version());
        return plans.plan(id);
    }

    @PostMapping("/plans/{id}/approve")
    @Operation(summary = "Approves a submitted plan (POLICY_APPROVE) and freezes it as a numbered version")
    PlanView approve(@PathVariable long id, @Valid @RequestBody(required = false) DecisionForm form) {
        plans.approve(id, form == null ? new DecisionForm(null, null) : form);
        return plans.plan(id);
    }

    @PostMapping("/plans/{id}/return")
    @Operation(summary = "Returns a submitted plan with remarks (required)")
    PlanView giveBack(@PathVariable long id, @Valid @RequestBody DecisionForm form) {
        plans.giveBack(id, form);
        return plans.plan(id);
    }

    @PostMapping("/plans/{id}/revise")
    @Operation(summary = "Starts the next version of an approved plan: goals and actions can change again")
    PlanView revise(@PathVariable long id, @RequestBody(required = false) DecisionForm form) {
        plans.revise(id, form == null ? null : form.version());
        return plans.plan(id);
    }

    @GetMapping("/plans/{id}/versions")
    List<SnapshotRow> versions(@PathVariable long id) {
        return plans.snapshots(id);
    }

    @GetMapping("/plans/{id}/versions/{number}")
    @Operation(summary = "An approved version of the plan as it was approved")
    PlanView version(@PathVariable long id, @PathVariable int number) {
        return plans.snapshot(id, number);
    }

    @GetMapping("/plans/{id}/comments")
    List<CommentView> comments(@PathVariable long id) {
        return plans.comments(id);
    }

    @PostMapping("/plans/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    List<CommentView> comment(@PathVariable long id, @Valid @RequestBody CommentForm form) {
        plans.comment(id, form);
        return plans.comments(id);
    }

    @GetMapping("/plans/{id}/monitor")
    @Operation(summary = "Monitoring: progress per goal, overdue actions, actions without owner, budget used against "
            + "planned, the latest self-evaluation per goal's area, reviews")
    MonitorView monitor(@PathVariable long id) {
        return plans.monitor(id);
    }

    @GetMapping("/plans/{id}/pdf")
    @Operation(summary = "The plan as print-ready PDF; lang=nl (default) or en")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) String lang) {
        PlanExport.Pdf pdf = export.pdf(id, Locale.forLanguageTag("en".equals(lang) ? "en" : "nl-BE"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(pdf.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(pdf.content());
    }

    // ---- goals ----

    @PostMapping("/plans/{id}/goals")
    ResponseEntity<GoalView> addGoal(@PathVariable long id, @Valid @RequestBody GoalForm form) {
        long goal = plans.addGoal(id, form);
        return ResponseEntity.created(URI.create("/api/v1/policy/goals/" + goal)).body(plans.goal(goal));
    }

    @GetMapping("/goals/{id}")
    GoalView goal(@PathVariable long id) {
        return plans.goal(id);
    }

    @PutMapping("/goals/{id}")
    GoalView updateGoal(@PathVariable long id, @Valid @RequestBody GoalForm form) {
        plans.updateGoal(id, form);
        return plans.goal(id);
    }

    @DeleteMapping("/goals/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteGoal(@PathVariable long id) {
        plans.deleteGoal(id);
    }

    @PostMapping("/goals/{id}/review")
    @Operation(summary = "The yearly review of a goal: REACHED, CONTINUE, ADJUST or DROP with a remark (schoolYear "
            + "defaults to the current one)")
    GoalView review(@PathVariable long id, @Valid @RequestBody ReviewForm form) {
        plans.review(id, form);
        return plans.goal(id);
    }

    // ---- actions ----

    @PostMapping("/goals/{id}/actions")
    ResponseEntity<ActionView> addAction(@PathVariable long id, @Valid @RequestBody ActionForm form) {
        long action = plans.addAction(id, form);
        return ResponseEntity.created(URI.create("/api/v1/policy/actions/" + action)).body(plans.action(action));
    }

    @GetMapping("/actions/{id}")
    ActionView action(@PathVariable long id) {
        return plans.action(id);
    }

    @PutMapping("/actions/{id}")
    ActionView updateAction(@PathVariable long id, @Valid @RequestBody ActionForm form) {
        plans.updateAction(id, form);
        return plans.action(id);
    }

    @PostMapping("/actions/{id}/progress")
    @Operation(summary = "Status and evidence of an action; also while the plan is approved")
    ActionView progress(@PathVariable long id, @Valid @RequestBody ProgressForm form) {
        plans.progress(id, form);
        return plans.action(id);
    }

    @DeleteMapping("/actions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAction(@PathVariable long id) {
        plans.deleteAction(id);
    }
}
