package be.coordinaat.policy.api;

import be.coordinaat.policy.Forms.BaselineItemForm;
import be.coordinaat.policy.Forms.ToActionForm;
import be.coordinaat.policy.PolicyPlans;
import be.coordinaat.policy.SecurityBaseline;
import be.coordinaat.policy.Views.ActionView;
import be.coordinaat.policy.Views.BaselineItemView;
import be.coordinaat.policy.Views.BaselineView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
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

/** REST API of the security baseline checklist. */
@RestController
@RequestMapping("/api/v1/policy/baseline")
@Tag(name = "Policy: security baseline")
class PolicyBaselineApiController {

    private final SecurityBaseline baseline;
    private final PolicyPlans plans;

    PolicyBaselineApiController(SecurityBaseline baseline, PolicyPlans plans) {
        this.baseline = baseline;
        this.plans = plans;
    }

    @GetMapping
    @Operation(summary = "The checklist of a school (the standard items are added the first time a coordinator opens it)")
    BaselineView list(@RequestParam long schoolId) {
        return baseline.baseline(schoolId);
    }

    @PostMapping
    @Operation(summary = "Adds an item of the school's own (schoolId and title required)")
    ResponseEntity<BaselineItemView> create(@Valid @RequestBody BaselineItemForm form) {
        long id = baseline.create(form);
        return ResponseEntity.created(URI.create("/api/v1/policy/baseline/" + id)).body(baseline.item(id));
    }

    @GetMapping("/{id}")
    BaselineItemView item(@PathVariable long id) {
        return baseline.item(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Status, owner, evidence and review date (and the title of the school's own items)")
    BaselineItemView update(@PathVariable long id, @Valid @RequestBody BaselineItemForm form) {
        baseline.update(id, form);
        return baseline.item(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes an item of the school's own (standard items are set to NOT_APPLICABLE instead)")
    void delete(@PathVariable long id) {
        baseline.delete(id);
    }

    @PostMapping("/{id}/action")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Turns the item into an action of a goal of a plan being drafted")
    ActionView toAction(@PathVariable long id, @Valid @RequestBody ToActionForm form) {
        return plans.action(baseline.toAction(id, form));
    }
}
