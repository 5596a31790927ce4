package be.coordinaat.licences.api;

import be.coordinaat.licences.DigitalTools;
import be.coordinaat.licences.ToolFilter;
import be.coordinaat.licences.ToolForms.EvaluationForm;
import be.coordinaat.licences.ToolForms.InviteForm;
import be.coordinaat.licences.ToolForms.ProposalForm;
import be.coordinaat.licences.ToolForms.ToolForm;
import be.coordinaat.licences.ToolForms.TransitionForm;
import be.coordinaat.licences.ToolViews.Choice;
import be.coordinaat.licences.ToolViews.EvaluationSummary;
import be.coordinaat.licences.ToolViews.ToolRow;
import be.coordinaat.licences.ToolViews.ToolView;
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
 * REST API of the digital tools: a catalogue entry's life in a school (proposed, under evaluation, adopted, piloting,
 * rejected, retired), its evaluators and the rubric evaluations. Changes send the {@code version} they read.
 */
@RestController
@RequestMapping("/api/v1/tools")
@Tag(name = "Digital tools")
class ToolApiController {

    private final DigitalTools tools;

    ToolApiController(DigitalTools tools) {
        this.tools = tools;
    }

    @GetMapping
    @Operation(summary = "Tools of your schools. Filters: school, status, approved=true (adopted or piloting: what "
            + "teachers may use), inProgress=true (proposed or under evaluation), subject, grade, cost (cost model), "
            + "toEvaluate=true (tools you were invited to score), q (name, vendor, purpose). "
            + "Example: approved=true&subject=MATHS&grade=PRIMARY_5. Sort by name, school, status, changed or score "
            + "(prefix - for descending).")
    Page<ToolRow> list(@ModelAttribute ToolFilter filter, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        return tools.list(filter, PageQuery.of(page, size, sort, q));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A tool with its life cycle, evaluators, licence count and the privacy checks still open")
    ToolView tool(@PathVariable long id) {
        return tools.tool(id);
    }

    @PostMapping
    @Operation(summary = "Proposes a tool (TOOLS_PROPOSE): softwareId of an existing catalogue entry, or name (with "
            + "vendorName and website) of a new one; schoolId (may be left out when you propose for one school only), "
            + "purpose, subjects, grades, costModel. A tool rejected or retired in the school is proposed again.")
    ResponseEntity<ToolView> propose(@Valid @RequestBody ProposalForm form) {
        long id = tools.propose(form);
        return ResponseEntity.created(URI.create("/api/v1/tools/" + id)).body(tools.tool(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes purpose, subjects, grades and cost model (TOOLS_DECIDE, or the proposer while proposed)")
    ToolView update(@PathVariable long id, @Valid @RequestBody ToolForm form) {
        tools.update(id, form);
        return tools.tool(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraws a proposal (409 once it is evaluated: reject or retire it instead)")
    void delete(@PathVariable long id) {
        tools.delete(id);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Moves the tool to another status (TOOLS_DECIDE) with a reason: UNDER_EVALUATION, ADOPTED, "
            + "PILOTING (with pilotEnd), REJECTED, RETIRED, or PROPOSED again after a rejection or retirement. Adopting "
            + "or piloting with open privacy checks answers 409 unless you hold TOOLS_OVERRIDE_PRIVACY and give an "
            + "overrideReason.")
    ToolView changeStatus(@PathVariable long id, @Valid @RequestBody TransitionForm form) {
        tools.changeStatus(id, form);
        return tools.tool(id);
    }

    @GetMapping("/{id}/evaluator-options")
    @Operation(summary = "Accounts of the tool's school that may be invited to evaluate it (TOOLS_DECIDE)")
    List<Choice> evaluatorOptions(@PathVariable long id) {
        return tools.evaluatorOptions(id);
    }

    @PostMapping("/{id}/evaluators")
    @Operation(summary = "Invites an evaluator {\"userId\": …} (TOOLS_DECIDE); a proposed tool moves to evaluation")
    ToolView invite(@PathVariable long id, @RequestBody InviteForm form) {
        tools.inviteEvaluator(id, form.userId());
        return tools.tool(id);
    }

    @DeleteMapping("/{id}/evaluators/{userId}")
    @Operation(summary = "Withdraws an invitation to evaluate (scores already given stay)")
    ToolView uninvite(@PathVariable long id, @PathVariable long userId) {
        tools.removeEvaluator(id, userId);
        return tools.tool(id);
    }

    @GetMapping("/{id}/evaluations")
    @Operation(summary = "Averages per criterion and overall, recommendations counted; the evaluations themselves for "
            + "deciders and invited evaluators")
    EvaluationSummary evaluations(@PathVariable long id) {
        return tools.evaluations(id);
    }

    @PutMapping("/{id}/evaluations/mine")
    @Operation(summary = "Scores the tool 1-5 per criterion (pedagogy, usability, accessibility, privacy, technical, "
            + "cost; each with an optional …Comment) with a recommendation ADOPT, PILOT or REJECT; replaces your earlier "
            + "scores. Invited evaluators (TOOLS_EVALUATE) and deciders only.")
    EvaluationSummary evaluate(@PathVariable long id, @Valid @RequestBody EvaluationForm form) {
        tools.evaluate(id, form);
        return tools.evaluations(id);
    }
}
