package be.coordinaat.licences.api;

import be.coordinaat.licences.Forms.AssignmentForm;
import be.coordinaat.licences.Forms.LicenceForm;
import be.coordinaat.licences.LicenceFilter;
import be.coordinaat.licences.Licences;
import be.coordinaat.licences.Views.AssignmentView;
import be.coordinaat.licences.Views.LicenceRow;
import be.coordinaat.licences.Views.LicenceView;
import be.coordinaat.licences.Views.ProofView;
import be.coordinaat.licences.Views.SchoolCompliance;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the licences: list with filters, CRUD, assignments, proof of purchase, renewals and compliance.
 * Updates send the {@code version} they read; licences of schools outside your roles answer 404.
 */
@RestController
@RequestMapping("/api/v1/licences")
@Tag(name = "Licences")
class LicenceApiController {

    private final Licences licences;

    LicenceApiController(Licences licences) {
        this.licences = licences;
    }

    @GetMapping
    @Operation(summary = "Licences you may see (your schools' and the board-wide ones). Filters: school, board=true "
            + "(board-wide only), software, type, expiring (end or renewal within N days), expired=true, overUse=true, "
            + "assetId and personId (the licences that cover an asset or person, directly or through their whole "
            + "school), q (software, name, supplier, order reference). Sort by software, name, type, school, seats, used, "
            + "cost, start, end or updated (prefix - for descending).")
    Page<LicenceRow> list(@Valid @ModelAttribute LicenceFilter filter, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        return licences.list(filter, PageQuery.of(page, size, sort, q));
    }

    @GetMapping("/renewals")
    @Operation(summary = "Licences whose end or renewal date falls within the next N days (default 60), soonest first")
    Page<LicenceRow> renewals(@RequestParam(required = false) Integer days, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return licences.renewals(days, PageQuery.of(page, size, sort, null));
    }

    @GetMapping("/compliance")
    @Operation(summary = "Per school you may see (schoolId null: the board-wide licences): licences using more seats "
            + "than owned, expired licences still assigned, renewals due within 60 days")
    List<SchoolCompliance> compliance() {
        return licences.compliance();
    }

    @GetMapping("/{id}")
    LicenceView licence(@PathVariable long id) {
        return licences.licence(id);
    }

    @PostMapping
    @Operation(summary = "Registers a licence for a school (schoolId), or board-wide without schoolId (board admins). "
            + "seats may be left out only for SITE and FREE_OPEN licences; cost in euros; endDate is the end or renewal date")
    ResponseEntity<LicenceView> create(@Valid @RequestBody LicenceForm form) {
        long id = licences.create(form);
        return ResponseEntity.created(URI.create("/api/v1/licences/" + id)).body(licences.licence(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replaces a licence's data (not its school); send the version you read")
    LicenceView update(@PathVariable long id, @Valid @RequestBody LicenceForm form) {
        licences.update(id, form);
        return licences.licence(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a licence with its assignments and proof of purchase")
    void delete(@PathVariable long id) {
        licences.delete(id);
    }

    // ---- assignments ----

    @GetMapping("/{id}/assignments")
    @Operation(summary = "The assignments of a licence whose asset, person or school you may see")
    List<AssignmentView> assignments(@PathVariable long id) {
        return licences.assignments(id);
    }

    @GetMapping("/{id}/assignments/{assignmentId}")
    AssignmentView assignment(@PathVariable long id, @PathVariable long assignmentId) {
        return licences.assignment(id, assignmentId);
    }

    @PostMapping("/{id}/assignments")
    @Operation(summary = "Assigns the licence to exactly one of assetId, personId or schoolId (a whole school); the "
            + "asset or person must belong to the licence's school (any school of the board for a board-wide licence)")
    ResponseEntity<AssignmentView> assign(@PathVariable long id, @RequestBody AssignmentForm form) {
        long assignmentId = licences.assign(id, form);
        return ResponseEntity.created(URI.create("/api/v1/licences/" + id + "/assignments/" + assignmentId))
                .body(licences.assignment(id, assignmentId));
    }

    @DeleteMapping("/{id}/assignments/{assignmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unassign(@PathVariable long id, @PathVariable long assignmentId) {
        licences.unassign(id, assignmentId);
    }

    // ---- proof of purchase ----

    @PutMapping(path = "/{id}/proof", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attaches or replaces the proof of purchase: a PDF, PNG or JPEG of at most 10 MB as multipart "
            + "part 'file'; the type is judged by the content")
    ProofView attachProof(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        return licences.attachProof(id, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/{id}/proof")
    @Operation(summary = "Downloads the proof of purchase (404 when there is none)")
    ResponseEntity<byte[]> proof(@PathVariable long id) {
        var file = licences.proof(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.bytes());
    }

    @GetMapping("/{id}/proof/info")
    @Operation(summary = "The file name, type, size and uploader of the proof of purchase")
    ProofView proofInfo(@PathVariable long id) {
        return licences.proofInfo(id).orElseThrow(() -> new NotFoundException("proof", id));
    }

    @DeleteMapping("/{id}/proof")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeProof(@PathVariable long id) {
        licences.removeProof(id);
    }
}
