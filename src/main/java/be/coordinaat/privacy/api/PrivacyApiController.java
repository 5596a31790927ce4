package be.coordinaat.privacy.api;

import be.coordinaat.privacy.Breaches;
import be.coordinaat.privacy.Dpias;
import be.coordinaat.privacy.Forms.AgreementForm;
import be.coordinaat.privacy.Forms.BreachForm;
import be.coordinaat.privacy.Forms.DecisionForm;
import be.coordinaat.privacy.Forms.DpiaForm;
import be.coordinaat.privacy.Forms.ProcessingForm;
import be.coordinaat.privacy.Forms.ReviewForm;
import be.coordinaat.privacy.Forms.RiskForm;
import be.coordinaat.privacy.Kinds.AgreementState;
import be.coordinaat.privacy.Kinds.DpiaDecision;
import be.coordinaat.privacy.Kinds.LegalBasis;
import be.coordinaat.privacy.Kinds.NotificationState;
import be.coordinaat.privacy.Kinds.ProcessingStatus;
import be.coordinaat.privacy.PrivacyOverview;
import be.coordinaat.privacy.ProcessingRegister;
import be.coordinaat.privacy.ProcessorAgreements;
import be.coordinaat.privacy.Reviews;
import be.coordinaat.privacy.Views.AgreementView;
import be.coordinaat.privacy.Views.AgreementWarning;
import be.coordinaat.privacy.Views.BreachRow;
import be.coordinaat.privacy.Views.BreachView;
import be.coordinaat.privacy.Views.DocumentView;
import be.coordinaat.privacy.Views.DpiaRow;
import be.coordinaat.privacy.Views.DpiaView;
import be.coordinaat.privacy.Views.Overview;
import be.coordinaat.privacy.Views.ProcessingRow;
import be.coordinaat.privacy.Views.ProcessingView;
import be.coordinaat.privacy.Views.ReviewView;
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
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the privacy module: the processing register, processor agreements (with their PDF), DPIAs with risks and
 * decision, the breach register, and comments, advice and sign-offs on each. {@code schoolId} empty means the whole
 * board. Times without a zone are local times in Europe/Brussels; times in answers are UTC instants.
 */
@RestController
@RequestMapping("/api/v1/privacy")
@Tag(name = "Privacy")
class PrivacyApiController {

    /** The record types in URLs ("processing", "agreements", ...) to the types of {@link Reviews}. */
    private static final Map<String, String> REVIEW_TYPES = Map.of("processing", "processing", "agreements", "agreement",
            "dpias", "dpia", "breaches", "breach");

    private final ProcessingRegister register;
    private final ProcessorAgreements agreements;
    private final Dpias dpias;
    private final Breaches breaches;
    private final Reviews reviews;
    private final PrivacyOverview overview;

    PrivacyApiController(ProcessingRegister register, ProcessorAgreements agreements, Dpias dpias, Breaches breaches,
            Reviews reviews, PrivacyOverview overview) {
        this.register = register;
        this.agreements = agreements;
        this.dpias = dpias;
        this.breaches = breaches;
        this.reviews = reviews;
        this.overview = overview;
    }

    @GetMapping("/overview")
    @Operation(summary = "What needs attention: register entries to review, tools without a signed agreement, DPIAs "
            + "pending, open breaches and those whose 72-hour clock runs")
    Overview overview() {
        return overview.overview();
    }

    // ---- register ----

    @GetMapping("/processing")
    @Operation(summary = "The processing register; q searches name, purpose and tool; sort name, school, status, review")
    Page<ProcessingRow> processingList(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long school, @RequestParam(required = false) ProcessingStatus status,
            @RequestParam(required = false) LegalBasis legalBasis, @RequestParam(required = false) Boolean special,
            @RequestParam(required = false) Boolean reviewDue, @RequestParam(required = false) Long software) {
        return register.list(new ProcessingRegister.Filter(school, status, legalBasis, special, reviewDue, software),
                PageQuery.of(page, size, sort, q));
    }

    @GetMapping("/processing/{id}")
    ProcessingView processing(@PathVariable long id) {
        return register.processing(id);
    }

    @PostMapping("/processing")
    ResponseEntity<ProcessingView> createProcessing(@Valid @RequestBody ProcessingForm form) {
        long id = register.create(form);
        return ResponseEntity.created(URI.create("/api/v1/privacy/processing/" + id)).body(register.processing(id));
    }

    @PutMapping("/processing/{id}")
    ProcessingView updateProcessing(@PathVariable long id, @Valid @RequestBody ProcessingForm form) {
        register.update(id, form);
        return register.processing(id);
    }

    @DeleteMapping("/processing/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteProcessing(@PathVariable long id) {
        register.delete(id);
    }

    // ---- agreements ----

    @GetMapping("/agreements")
    @Operation(summary = "Processor agreements; state is NONE, REQUESTED, SIGNED or EXPIRED (signed, end date passed)")
    Page<AgreementView> agreementList(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long school, @RequestParam(required = false) AgreementState state,
            @RequestParam(required = false) Long software) {
        return agreements.list(new ProcessorAgreements.Filter(school, state, software), PageQuery.of(page, size, sort, q));
    }

    @GetMapping("/agreements/warnings")
    @Operation(summary = "Tools a school uses (software catalogue) without a signed, valid processor agreement")
    Page<AgreementWarning> warnings(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) Long school) {
        return agreements.warnings(school, PageQuery.of(page, size, null, null));
    }

    @GetMapping("/agreements/{id}")
    AgreementView agreement(@PathVariable long id) {
        return agreements.agreement(id);
    }

    @PostMapping("/agreements")
    ResponseEntity<AgreementView> createAgreement(@Valid @RequestBody AgreementForm form) {
        long id = agreements.create(form);
        return ResponseEntity.created(URI.create("/api/v1/privacy/agreements/" + id)).body(agreements.agreement(id));
    }

    @PutMapping("/agreements/{id}")
    AgreementView updateAgreement(@PathVariable long id, @Valid @RequestBody AgreementForm form) {
        agreements.update(id, form);
        return agreements.agreement(id);
    }

    @DeleteMapping("/agreements/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAgreement(@PathVariable long id) {
        agreements.delete(id);
    }

    @GetMapping("/agreements/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        var file = agreements.document(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(file.bytes());
    }

    @PostMapping(path = "/agreements/{id}/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attaches or replaces the signed agreement (multipart part 'file': a PDF of at most 10 MB)")
    DocumentView attach(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        return agreements.attachDocument(id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
    }

    @DeleteMapping("/agreements/{id}/document")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeDocument(@PathVariable long id) {
        agreements.removeDocument(id);
    }

    // ---- DPIAs ----

    @GetMapping("/dpias")
    @Operation(summary = "DPIAs; needed=true: two or more EDPB criteria; sort created (default: newest), title, school, decision")
    Page<DpiaRow> dpiaList(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long school, @RequestParam(required = false) DpiaDecision decision,
            @RequestParam(required = false) Boolean needed, @RequestParam(required = false) Long software) {
        return dpias.list(new Dpias.Filter(school, decision, needed, software), PageQuery.of(page, size, sort, q));
    }

    @GetMapping("/dpias/{id}")
    DpiaView dpia(@PathVariable long id) {
        return dpias.dpia(id);
    }

    @PostMapping("/dpias")
    ResponseEntity<DpiaView> createDpia(@Valid @RequestBody DpiaForm form) {
        long id = dpias.create(form);
        return ResponseEntity.created(URI.create("/api/v1/privacy/dpias/" + id)).body(dpias.dpia(id));
    }

    @PutMapping("/dpias/{id}")
    DpiaView updateDpia(@PathVariable long id, @Valid @RequestBody DpiaForm form) {
        dpias.update(id, form);
        return dpias.dpia(id);
    }

    @DeleteMapping("/dpias/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteDpia(@PathVariable long id) {
        dpias.delete(id);
    }

    @PostMapping("/dpias/{id}/risks")
    @Operation(summary = "Adds a risk: likelihood and impact 1-4, score = likelihood × impact")
    @ResponseStatus(HttpStatus.CREATED)
    DpiaView addRisk(@PathVariable long id, @Valid @RequestBody RiskForm form) {
        dpias.addRisk(id, form);
        return dpias.dpia(id);
    }

    @DeleteMapping("/dpias/{id}/risks/{riskId}")
    DpiaView removeRisk(@PathVariable long id, @PathVariable long riskId) {
        dpias.removeRisk(id, riskId);
        return dpias.dpia(id);
    }

    @PutMapping("/dpias/{id}/decision")
    @Operation(summary = "The decision: PROCEED, PROCEED_WITH_MEASURES or DO_NOT_PROCEED (with a note), PENDING to undo")
    DpiaView decide(@PathVariable long id, @Valid @RequestBody DecisionForm form) {
        dpias.decide(id, form);
        return dpias.dpia(id);
    }

    // ---- breaches ----

    @GetMapping("/breaches")
    @Operation(summary = "The breach register (yours, or your schools' with PRIVACY_READ); state ASSESS, DUE, OVERDUE, "
            + "NOTIFIED, NOT_REQUIRED; newest first")
    Page<BreachRow> breachList(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long school, @RequestParam(required = false) NotificationState state,
            @RequestParam(required = false) Boolean open) {
        return breaches.list(new Breaches.Filter(school, state, open), PageQuery.of(page, size, sort, q));
    }

    @GetMapping("/breaches/{id}")
    BreachView breach(@PathVariable long id) {
        return breaches.breach(id);
    }

    @PostMapping("/breaches")
    @Operation(summary = "Reports a breach (BREACHES_REPORT); the DPOs are mailed at once. The assessment fields are "
            + "taken only from PRIVACY_MANAGE holders")
    ResponseEntity<BreachView> report(@Valid @RequestBody BreachForm form) {
        long id = breaches.report(form);
        return ResponseEntity.created(URI.create("/api/v1/privacy/breaches/" + id)).body(breaches.breach(id));
    }

    @PutMapping("/breaches/{id}")
    @Operation(summary = "Changes a breach and its assessment (PRIVACY_MANAGE): risk, notification, measures, closed")
    BreachView updateBreach(@PathVariable long id, @Valid @RequestBody BreachForm form) {
        breaches.update(id, form);
        return breaches.breach(id);
    }

    // ---- reviews ----

    @GetMapping("/{type}/{id}/reviews")
    @Operation(summary = "Comments, advice and sign-offs of a record; type is processing, agreements, dpias or breaches")
    List<ReviewView> reviews(@PathVariable String type, @PathVariable long id) {
        return reviews.of(reviewType(type, id), id);
    }

    @PostMapping("/{type}/{id}/reviews")
    @Operation(summary = "Adds a COMMENT (PRIVACY_READ), ADVICE or SIGN_OFF (PRIVACY_SIGN_OFF, the DPO)")
    @ResponseStatus(HttpStatus.CREATED)
    List<ReviewView> addReview(@PathVariable String type, @PathVariable long id, @Valid @RequestBody ReviewForm form) {
        String t = reviewType(type, id);
        reviews.add(t, id, form);
        return reviews.of(t, id);
    }

    private static String reviewType(String type, long id) {
        String t = REVIEW_TYPES.get(type);
        if (t == null) {
            throw new NotFoundException("privacy record", type + "/" + id);
        }
        return t;
    }
}
