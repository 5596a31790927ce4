package be.coordinaat.policy.api;

import be.coordinaat.policy.Forms.DecisionForm;
import be.coordinaat.policy.Forms.VisionForm;
import be.coordinaat.policy.Views.DiffLine;
import be.coordinaat.policy.Views.VisionOverview;
import be.coordinaat.policy.Views.VisionView;
import be.coordinaat.policy.Visions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the ICT vision: versions, saving, submitting, approving and returning. */
@RestController
@RequestMapping("/api/v1/policy/vision")
@Tag(name = "Policy: vision")
class PolicyVisionApiController {

    private final Visions visions;

    PolicyVisionApiController(Visions visions) {
        this.visions = visions;
    }

    @GetMapping
    @Operation(summary = "The vision of a school: the newest version you may see, the approved one and the versions "
            + "(readers without POLICY_MANAGE/POLICY_APPROVE see approved versions only)")
    VisionOverview overview(@RequestParam long schoolId) {
        return visions.overview(schoolId);
    }

    @GetMapping("/{id}")
    VisionView version(@PathVariable long id) {
        return visions.version(id);
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "Line-by-line changes from the previous version (or from version id 'against')")
    List<DiffLine> diff(@PathVariable long id, @RequestParam(required = false) Long against) {
        return visions.diff(id, against);
    }

    @PutMapping
    @Operation(summary = "Saves the text: into the newest version while it is a draft or returned, else as a new draft "
            + "version; send the version of the newest version you read")
    VisionView save(@Valid @RequestBody VisionForm form) {
        return visions.version(visions.save(form));
    }

    @PostMapping("/{id}/submit")
    VisionView submit(@PathVariable long id, @RequestBody(required = false) DecisionForm form) {
        visions.submit(id, form == null ? null : form.version());
        return visions.version(id);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "The director approves a submitted version (POLICY_APPROVE)")
    VisionView approve(@PathVariable long id, @Valid @RequestBody(required = false) DecisionForm form) {
        visions.approve(id, form == null ? new DecisionForm(null, null) : form);
        return visions.version(id);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "The director returns a submitted version with remarks (required)")
    VisionView giveBack(@PathVariable long id, @Valid @RequestBody DecisionForm form) {
        visions.giveBack(id, form);
        return visions.version(id);
    }
}
