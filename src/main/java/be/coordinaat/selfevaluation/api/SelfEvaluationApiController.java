package be.coordinaat.selfevaluation.api;

import be.coordinaat.selfevaluation.Forms.CodesForm;
import be.coordinaat.selfevaluation.Forms.RoundForm;
import be.coordinaat.selfevaluation.Forms.StatementForm;
import be.coordinaat.selfevaluation.RespondentGroup;
import be.coordinaat.selfevaluation.RoundResults;
import be.coordinaat.selfevaluation.RoundStatus;
import be.coordinaat.selfevaluation.SelfEvaluations;
import be.coordinaat.selfevaluation.Views.CodeBatch;
import be.coordinaat.selfevaluation.Views.CodeView;
import be.coordinaat.selfevaluation.Views.GroupLink;
import be.coordinaat.selfevaluation.Views.ResultsView;
import be.coordinaat.selfevaluation.Views.RoundRow;
import be.coordinaat.selfevaluation.Views.RoundView;
import be.coordinaat.selfevaluation.Views.StatementView;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.ByteArrayOutputStream;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * REST API of the self-evaluation: rounds (SURVEYS_MANAGE to run them), their statements, links and one-time codes,
 * and the results (SURVEYS_READ), with figures of groups below the anonymity minimum withheld. Answering is not
 * here: respondents use the public pages under {@code /public/survey}. Rounds of schools outside your roles answer 404.
 */
@RestController
@RequestMapping("/api/v1/self-evaluations")
@Tag(name = "Self-evaluation")
class SelfEvaluationApiController {

    /** A link as a full address, for sharing. */
    record LinkView(RespondentGroup group, String url) {}

    record BatchCreated(int batch, List<CodeView> codes) {}

    private final SelfEvaluations rounds;
    private final RoundResults results;

    SelfEvaluationApiController(SelfEvaluations rounds, RoundResults results) {
        this.rounds = rounds;
        this.results = results;
    }

    @GetMapping
    @Operation(summary = "Rounds of your schools, newest first. Filters: schoolId, status (DRAFT, OPEN, CLOSED), q (name). "
            + "Sort by created, name, school, status or closed (prefix - for descending).")
    Page<RoundRow> list(@RequestParam(required = false) Long schoolId, @RequestParam(required = false) RoundStatus status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q) {
        return rounds.list(schoolId, status, PageQuery.of(page, size, sort, q));
    }

    @GetMapping("/statements")
    @Operation(summary = "The statement bank: every statement with its area, groups and Dutch and English text")
    List<StatementView> bank() {
        return rounds.bank();
    }

    @PostMapping
    @Operation(summary = "Creates a round in preparation for a school (schoolId, name, groups: SCHOOL_LEADERS, TEACHERS, PUPILS)")
    ResponseEntity<RoundView> create(@Valid @RequestBody RoundForm form) {
        long id = rounds.create(form);
        return ResponseEntity.created(URI.create("/api/v1/self-evaluations/" + id)).body(rounds.round(id));
    }

    @GetMapping("/{id}")
    RoundView round(@PathVariable long id) {
        return rounds.round(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Renames a round; its groups change only while it is in preparation. Send the version you read.")
    RoundView update(@PathVariable long id, @Valid @RequestBody RoundForm form) {
        rounds.update(id, form);
        return rounds.round(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a round in preparation")
    void delete(@PathVariable long id) {
        rounds.delete(id);
    }

    @PostMapping("/{id}/open")
    @Operation(summary = "Opens a round in preparation for answers")
    RoundView open(@PathVariable long id) {
        rounds.open(id);
        return rounds.round(id);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Closes an open round for good; its results become the school's latest")
    RoundView close(@PathVariable long id) {
        rounds.close(id);
        return rounds.round(id);
    }

    @GetMapping("/{id}/statements")
    @Operation(summary = "The statements a round asks (the bank and the school's own), optionally of one group")
    List<StatementView> statements(@PathVariable long id, @RequestParam(required = false) RespondentGroup group) {
        return rounds.statements(id, group);
    }

    @PostMapping("/{id}/statements")
    @Operation(summary = "Adds a statement of the school's own (area, groups, textNl, textEn) to a round in preparation; "
            + "at most 10 per round")
    ResponseEntity<StatementView> addStatement(@PathVariable long id, @Valid @RequestBody StatementForm form) {
        long statementId = rounds.addStatement(id, form);
        StatementView view = rounds.ownStatements(id).stream().filter(s -> s.id() == statementId).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/self-evaluations/" + id + "/statements/" + statementId)).body(view);
    }

    @DeleteMapping("/{id}/statements/{statementId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeStatement(@PathVariable long id, @PathVariable long statementId) {
        rounds.removeStatement(id, statementId);
    }

    @GetMapping("/{id}/links")
    @Operation(summary = "The public link of each group: whoever opens it gets a one-time code to answer once")
    List<LinkView> links(@PathVariable long id) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return rounds.links(id).stream().map((GroupLink l) -> new LinkView(l.group(), base + l.path())).toList();
    }

    @PostMapping("/{id}/codes")
    @Operation(summary = "Prints a batch of one-time codes for a group (count 1-500), e.g. one per pupil of a class")
    ResponseEntity<BatchCreated> createCodes(@PathVariable long id, @Valid @RequestBody CodesForm form) {
        int batch = rounds.createCodes(id, form);
        return ResponseEntity.created(URI.create("/api/v1/self-evaluations/" + id + "/codes?batch=" + batch))
                .body(new BatchCreated(batch, rounds.codes(id, batch, false)));
    }

    @GetMapping("/{id}/codes")
    @Operation(summary = "The printed codes of a round (of one batch), and whether each has answered")
    List<CodeView> codes(@PathVariable long id, @RequestParam(required = false) Integer batch,
            @RequestParam(required = false) Boolean unused) {
        return rounds.codes(id, batch, Boolean.TRUE.equals(unused));
    }

    @GetMapping("/{id}/batches")
    List<CodeBatch> batches(@PathVariable long id) {
        return rounds.batches(id);
    }

    @GetMapping("/{id}/results")
    @Operation(summary = "Results per area and per statement per group, strongest and weakest area, and the change against "
            + "the previous closed round. Groups with fewer than 5 respondents are counts only: shown=false, figures null.")
    ResultsView results(@PathVariable long id) {
        return results.results(id);
    }

    @GetMapping("/{id}/results.csv")
    @Operation(summary = "The results as CSV (semicolons, UTF-8 with BOM, decimal commas), in English")
    ResponseEntity<byte[]> csv(@PathVariable long id) {
        ResultsView r = results.results(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        results.exportCsv(r, Locale.ENGLISH, out);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("self-evaluation-" + id + ".csv").build().toString())
                .body(out.toByteArray());
    }
}
