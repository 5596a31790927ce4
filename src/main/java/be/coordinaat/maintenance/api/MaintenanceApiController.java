package be.coordinaat.maintenance.api;

import be.coordinaat.maintenance.Forms.CompleteCommand;
import be.coordinaat.maintenance.Forms.LogForm;
import be.coordinaat.maintenance.Forms.PlanForm;
import be.coordinaat.maintenance.Forms.ResultsCommand;
import be.coordinaat.maintenance.MaintenanceLogs;
import be.coordinaat.maintenance.MaintenancePlans;
import be.coordinaat.maintenance.PlanFilter;
import be.coordinaat.maintenance.Views.DueCounts;
import be.coordinaat.maintenance.Views.LogView;
import be.coordinaat.maintenance.Views.OccurrenceRow;
import be.coordinaat.maintenance.Views.OccurrenceView;
import be.coordinaat.maintenance.Views.PlanRow;
import be.coordinaat.maintenance.Views.PlanView;
import be.coordinaat.maintenance.Views.TargetAsset;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of preventive maintenance: plans, what is due, occurrences (open, record results, complete) and the
 * maintenance log of the assets. Records outside your schools answer 404; an external organisation's account sees only
 * the plans assigned to its organisation.
 */
@RestController
@RequestMapping("/api/v1/maintenance")
@Tag(name = "Maintenance")
class MaintenanceApiController {

    private final MaintenancePlans plans;
    private final MaintenanceLogs logs;

    MaintenanceApiController(MaintenancePlans plans, MaintenanceLogs logs) {
        this.plans = plans;
        this.logs = logs;
    }

    @GetMapping("/plans")
    @Operation(summary = "Plans you may see. Filters: school, assignee=me|organisation, organisation, active; q searches "
            + "the name. Sort by name, next, school or updated (prefix - for descending).")
    Page<PlanRow> plans(@Valid @ModelAttribute PlanFilter filter, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        return plans.list(filter, PageQuery.of(page, size, sort, q));
    }

    @GetMapping("/due")
    @Operation(summary = "Active plans due within 'days' days (default 14), overdue ones included, soonest first. "
            + "Filters: school, assignee=me|organisation, organisation.")
    Page<PlanRow> due(@Valid @ModelAttribute PlanFilter filter, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return plans.due(filter, PageQuery.of(page, size, null, null));
    }

    @GetMapping("/due/counts")
    @Operation(summary = "How many plans are overdue, due within 14 days, and assigned to you")
    DueCounts dueCounts() {
        return plans.dueCounts();
    }

    @GetMapping("/plans/{id}")
    PlanView plan(@PathVariable long id) {
        return plans.plan(id);
    }

    @PostMapping("/plans")
    @Operation(summary = "Creates a plan: targetType KIND (targetKind), MODEL (targetModelId), ROOM (targetRoomId) or "
            + "ASSET (targetAssetId); recurrence WEEKS or MONTHS (every) or SCHOOL_YEAR (month, day); assigneeUserId or "
            + "assigneeOrganisationId; checklist: the ordered items")
    ResponseEntity<PlanView> create(@Valid @RequestBody PlanForm form) {
        long id = plans.create(form);
        return ResponseEntity.created(URI.create("/api/v1/maintenance/plans/" + id)).body(plans.plan(id));
    }

    @PutMapping("/plans/{id}")
    @Operation(summary = "Replaces a plan (not its school); send the version you read. The next due date is recomputed.")
    PlanView update(@PathVariable long id, @Valid @RequestBody PlanForm form) {
        plans.update(id, form);
        return plans.plan(id);
    }

    @DeleteMapping("/plans/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a plan and its occurrences; the log entries it wrote stay on the assets")
    void delete(@PathVariable long id) {
        plans.delete(id);
    }

    @GetMapping("/plans/{id}/targets")
    @Operation(summary = "The assets the plan applies to right now")
    List<TargetAsset> targets(@PathVariable long id) {
        return plans.targetsNow(id);
    }

    @GetMapping("/plans/{id}/occurrences")
    List<OccurrenceRow> occurrences(@PathVariable long id) {
        return plans.occurrences(id);
    }

    @PostMapping("/plans/{id}/occurrences")
    @Operation(summary = "Opens the due occurrence of the plan (or returns the one open): its checklist and the matching "
            + "assets are frozen as its targets")
    ResponseEntity<OccurrenceView> open(@PathVariable long id) {
        long occurrence = plans.open(id);
        return ResponseEntity.created(URI.create("/api/v1/maintenance/occurrences/" + occurrence))
                .body(plans.occurrence(occurrence));
    }

    @GetMapping("/occurrences/{id}")
    OccurrenceView occurrence(@PathVariable long id) {
        return plans.occurrence(id);
    }

    @PutMapping("/occurrences/{id}/results")
    @Operation(summary = "Stores results of an open occurrence: {targetId, item, outcome DONE|FAILED|SKIPPED, note}")
    OccurrenceView results(@PathVariable long id, @Valid @RequestBody ResultsCommand command) {
        plans.record(id, command);
        return plans.occurrence(id);
    }

    @PostMapping("/occurrences/{id}/complete")
    @Operation(summary = "Completes an open occurrence with its last results: every item of every target needs a result. "
            + "Writes each target asset's maintenance log, moves the plan's next due date on and reports every FAILED "
            + "check to the helpdesk (MaintenanceCheckFailed)")
    OccurrenceView complete(@PathVariable long id, @Valid @RequestBody CompleteCommand command) {
        plans.complete(id, command);
        return plans.occurrence(id);
    }

    @GetMapping("/logs")
    @Operation(summary = "Maintenance log entries, newest first: of one asset (assetId), one school, or all you may see")
    Page<LogView> logs(@RequestParam(required = false) Long assetId, @RequestParam(required = false) Long school,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String q) {
        return logs.list(assetId, school, PageQuery.of(page, size, null, q));
    }

    @GetMapping("/logs/{id}")
    LogView log(@PathVariable long id) {
        return logs.entry(id);
    }

    @PostMapping("/assets/{assetId}/logs")
    @Operation(summary = "Records ad-hoc (corrective) work on an asset: date, what was done, by whom, supplier, cost")
    ResponseEntity<LogView> addLog(@PathVariable long assetId, @Valid @RequestBody LogForm form) {
        long id = logs.add(assetId, form);
        return ResponseEntity.created(URI.create("/api/v1/maintenance/logs/" + id)).body(logs.entry(id));
    }

    @DeleteMapping("/logs/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes an ad-hoc entry; entries of preventive plans cannot be deleted (409)")
    void deleteLog(@PathVariable long id) {
        logs.delete(id);
    }
}
