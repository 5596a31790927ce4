package be.coordinaat.policy.api;

import be.coordinaat.policy.AcceptableUse;
import be.coordinaat.policy.Forms.AupForm;
import be.coordinaat.policy.Forms.ClassAckForm;
import be.coordinaat.policy.Forms.DecisionForm;
import be.coordinaat.policy.Views.AckStatus;
import be.coordinaat.policy.Views.AupOverview;
import be.coordinaat.policy.Views.AupView;
import be.coordinaat.policy.Views.DiffLine;
import be.coordinaat.policy.Views.PendingAup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
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

/** REST API of the acceptable-use policy (ICT-reglement): versions, publishing, acknowledgements. */
@RestController
@RequestMapping("/api/v1/policy/aup")
@Tag(name = "Policy: acceptable use")
class PolicyAupApiController {

    private final AcceptableUse aup;

    PolicyAupApiController(AcceptableUse aup) {
        this.aup = aup;
    }

    @GetMapping
    @Operation(summary = "The staff and pupils' policies of a school: current published version, draft (editors), versions")
    List<AupOverview> overview(@RequestParam long schoolId) {
        return aup.overview(schoolId);
    }

    @GetMapping("/pending")
    @Operation(summary = "The current staff policies you have still to acknowledge")
    List<PendingAup> pending() {
        return aup.pendingForMe();
    }

    @PutMapping
    @Operation(summary = "Saves the text into the draft of the audience, or starts a new draft after a published version")
    AupView save(@Valid @RequestBody AupForm form) {
        return aup.aup(aup.save(form));
    }

    @GetMapping("/{id}")
    AupView version(@PathVariable long id) {
        return aup.aup(id);
    }

    @GetMapping("/{id}/diff")
    List<DiffLine> diff(@PathVariable long id) {
        return aup.diff(id);
    }

    @PostMapping("/{id}/publish")
    AupView publish(@PathVariable long id, @RequestBody(required = false) DecisionForm form) {
        aup.publish(id, form == null ? null : form.version());
        return aup.aup(id);
    }

    @PostMapping("/{id}/acknowledge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "You acknowledge the current staff policy")
    void acknowledge(@PathVariable long id) {
        aup.acknowledge(id);
    }

    @GetMapping("/{id}/acknowledgements")
    @Operation(summary = "Who acknowledged (staff accounts or pupils' classes) and who has not yet (editors)")
    AckStatus acknowledgements(@PathVariable long id) {
        return aup.ackStatus(id);
    }

    @PostMapping("/{id}/classes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Records that the pupils of a class acknowledged the pupils' policy")
    AckStatus recordClass(@PathVariable long id, @Valid @RequestBody ClassAckForm form) {
        aup.recordClass(id, form);
        return aup.ackStatus(id);
    }

    @DeleteMapping("/{id}/classes/{ackId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeClass(@PathVariable long id, @PathVariable long ackId) {
        aup.removeClass(id, ackId);
    }
}
