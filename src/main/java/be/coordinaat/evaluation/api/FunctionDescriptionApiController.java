package be.coordinaat.evaluation.api;

import be.coordinaat.evaluation.Forms.AssignmentForm;
import be.coordinaat.evaluation.Forms.SectionForm;
import be.coordinaat.evaluation.Forms.TaskForm;
import be.coordinaat.evaluation.FunctionDescriptionModel;
import be.coordinaat.evaluation.FunctionDescriptions;
import be.coordinaat.evaluation.Views.AssignmentView;
import be.coordinaat.evaluation.Views.ModelView;
import be.coordinaat.evaluation.Views.SectionView;
import be.coordinaat.evaluation.Views.TaskView;
import be.coordinaat.evaluation.Views.VersionDocument;
import be.coordinaat.evaluation.Views.VersionView;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * REST API for the coordinators' function descriptions, their generated versions and the board's model. Updates
 * send the {@code version} they read.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Function descriptions")
class FunctionDescriptionApiController {

    private final FunctionDescriptions descriptions;
    private final FunctionDescriptionModel model;

    FunctionDescriptionApiController(FunctionDescriptions descriptions, FunctionDescriptionModel model) {
        this.descriptions = descriptions;
        this.model = model;
    }

    @GetMapping("/function-descriptions")
    @Operation(summary = "Assignments you may see; sort by coordinator, school or start (prefix - for descending)")
    Page<AssignmentView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q) {
        return descriptions.list(PageQuery.of(page, size, sort, q));
    }

    @PostMapping("/function-descriptions")
    @Operation(summary = "Record a coordinator's assignment: school, coordinator and evaluators (account ids), proof, start date")
    ResponseEntity<AssignmentView> create(@Valid @RequestBody AssignmentForm form) {
        long id = descriptions.create(form);
        return ResponseEntity.created(URI.create("/api/v1/function-descriptions/" + id)).body(descriptions.find(id));
    }

    @GetMapping("/function-descriptions/{id}")
    AssignmentView get(@PathVariable long id) {
        return descriptions.find(id);
    }

    @PutMapping("/function-descriptions/{id}")
    AssignmentView update(@PathVariable long id, @Valid @RequestBody AssignmentForm form) {
        descriptions.update(id, form);
        return descriptions.find(id);
    }

    @PostMapping("/function-descriptions/{id}/versions")
    @Operation(summary = "Generate the next version of the document from the current data and model")
    ResponseEntity<VersionDocument> generate(@PathVariable long id) {
        VersionDocument v = descriptions.generate(id);
        return ResponseEntity.created(URI.create("/api/v1/function-descriptions/" + id + "/versions/" + v.number())).body(v);
    }

    @GetMapping("/function-descriptions/{id}/versions")
    List<VersionView> versions(@PathVariable long id) {
        return descriptions.versions(id);
    }

    @GetMapping("/function-descriptions/{id}/versions/{number:\\d+}")
    @Operation(summary = "One generated version with its document as HTML")
    VersionDocument version(@PathVariable long id, @PathVariable int number) {
        return descriptions.version(id, number);
    }

    @GetMapping("/function-descriptions/{id}/versions/{number:\\d+}.pdf")
    @Operation(summary = "One generated version as PDF")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable int number) {
        FunctionDescriptions.Pdf pdf = descriptions.pdf(id, number);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(pdf.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(pdf.content());
    }

    // ---- the model ----

    @GetMapping("/function-description-model")
    @Operation(summary = "The board's function-description model: sections in order with their task lines")
    ModelView model() {
        return model.model();
    }

    @PutMapping("/function-description-model/sections/{id}")
    @Operation(summary = "Change a section's title, lead-in and whether it needs the proof of pedagogical competence (board admin)")
    SectionView updateSection(@PathVariable long id, @Valid @RequestBody SectionForm form) {
        model.updateSection(id, form);
        return model.section(id);
    }

    @PostMapping("/function-description-model/sections/{id}/tasks")
    @Operation(summary = "Add a task line to a section, at the end or at position (board admin)")
    ResponseEntity<TaskView> addTask(@PathVariable long id, @Valid @RequestBody TaskForm form) {
        long taskId = model.addTask(id, form);
        return ResponseEntity.created(URI.create("/api/v1/function-description-model/tasks/" + taskId)).body(model.task(taskId));
    }

    @GetMapping("/function-description-model/tasks/{id}")
    TaskView task(@PathVariable long id) {
        return model.task(id);
    }

    @PutMapping("/function-description-model/tasks/{id}")
    @Operation(summary = "Change a task line's text and, with position, move it within its section (board admin)")
    TaskView updateTask(@PathVariable long id, @Valid @RequestBody TaskForm form) {
        model.updateTask(id, form);
        return model.task(id);
    }

    @DeleteMapping("/function-description-model/tasks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTask(@PathVariable long id) {
        model.deleteTask(id);
    }
}
