package be.coordinaat.purchasing.api;

import be.coordinaat.budget.BudgetLedger.LineChoice;
import be.coordinaat.purchasing.Forms.AdviceForm;
import be.coordinaat.purchasing.Forms.ChoiceForm;
import be.coordinaat.purchasing.Forms.DecisionForm;
import be.coordinaat.purchasing.Forms.QuoteForm;
import be.coordinaat.purchasing.Forms.RequestForm;
import be.coordinaat.purchasing.Forms.SettingsForm;
import be.coordinaat.purchasing.PurchaseStatus;
import be.coordinaat.purchasing.Purchases;
import be.coordinaat.purchasing.RequestFilter;
import be.coordinaat.purchasing.Views.QuoteView;
import be.coordinaat.purchasing.Views.RequestRow;
import be.coordinaat.purchasing.Views.RequestView;
import be.coordinaat.purchasing.Views.SettingsView;
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
 * REST API of purchase requests: list, ask, change, advice, decision, quotes (with their file) and the chosen quote;
 * the board's quote thresholds; a school's budget lines to choose from. Requests outside your scope answer 404.
 */
@RestController
@RequestMapping("/api/v1/purchases")
@Tag(name = "Purchases")
class PurchaseApiController {

    private final Purchases purchases;

    PurchaseApiController(Purchases purchases) {
        this.purchases = purchases;
    }

    @GetMapping("/requests")
    @Operation(summary = "Purchase requests you may see: all of the schools where you hold PURCHASES_READ, your own "
            + "elsewhere. Filters: school, status, mine=true, waiting=true (waiting for your advice or decision), q (title, "
            + "for whom, requester). Sort: created (default newest first), title, school, status, cost, wished, requester.")
    Page<RequestRow> list(@RequestParam(required = false) Long school, @RequestParam(required = false) PurchaseStatus status,
            @RequestParam(required = false) Boolean mine, @RequestParam(required = false) Boolean waiting,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q) {
        return purchases.list(new RequestFilter(school, status, mine, waiting), PageQuery.of(page, size, sort, q));
    }

    @GetMapping("/requests/{id}")
    RequestView request(@PathVariable long id) {
        return purchases.request(id);
    }

    @PostMapping("/requests")
    @Operation(summary = "Asks for a purchase (PURCHASES_REQUEST in the school): title, reason, forWhom, roomId, quantity, "
            + "estimatedCost (euros incl. VAT), wishedDate")
    ResponseEntity<RequestView> create(@Valid @RequestBody RequestForm form) {
        long id = purchases.create(form);
        return ResponseEntity.created(URI.create("/api/v1/purchases/requests/" + id)).body(purchases.request(id));
    }

    @PutMapping("/requests/{id}")
    @Operation(summary = "Changes a request that is requested or returned for changes (by the requester or a manager); a "
            + "returned request is submitted again. Send the version you read.")
    RequestView update(@PathVariable long id, @Valid @RequestBody RequestForm form) {
        purchases.update(id, form);
        return purchases.request(id);
    }

    @PostMapping("/requests/{id}/advice")
    @Operation(summary = "The coordinator's advice (PURCHASES_ADVISE): recommendation, alternatives, budgetLineId, "
            + "replacesAssetIds, replacesLicenceIds (of the same school)")
    RequestView advise(@PathVariable long id, @Valid @RequestBody AdviceForm form) {
        purchases.advise(id, form);
        return purchases.request(id);
    }

    @PostMapping("/requests/{id}/decision")
    @Operation(summary = "The director's decision (PURCHASES_APPROVE): APPROVE, REJECT or REQUEST_CHANGES with a comment "
            + "(required unless approving). Approving commits the estimated cost on the budget line; when that exceeds "
            + "what remains the answer is 409 unless \"confirmOverBudget\": true.")
    RequestView decide(@PathVariable long id, @Valid @RequestBody DecisionForm form) {
        purchases.decide(id, form);
        return purchases.request(id);
    }

    @GetMapping("/requests/{id}/quotes")
    List<QuoteView> quotes(@PathVariable long id) {
        return purchases.quotes(id);
    }

    @PostMapping("/requests/{id}/quotes")
    @Operation(summary = "Adds a quote: supplierOrganisationId or supplierName, amount, quoteDate, reference, notes")
    ResponseEntity<QuoteView> addQuote(@PathVariable long id, @Valid @RequestBody QuoteForm form) {
        long quoteId = purchases.addQuote(id, form, null, null);
        return ResponseEntity.created(URI.create("/api/v1/purchases/requests/" + id + "/quotes/" + quoteId))
                .body(purchases.quote(id, quoteId));
    }

    @GetMapping("/requests/{id}/quotes/{quoteId}")
    QuoteView quote(@PathVariable long id, @PathVariable long quoteId) {
        return purchases.quote(id, quoteId);
    }

    @DeleteMapping("/requests/{id}/quotes/{quoteId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteQuote(@PathVariable long id, @PathVariable long quoteId) {
        purchases.deleteQuote(id, quoteId);
    }

    @PutMapping(path = "/requests/{id}/quotes/{quoteId}/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attaches the quote's document: PDF, JPEG, PNG or WebP of at most 10 MB as multipart part 'file'")
    QuoteView attachQuoteFile(@PathVariable long id, @PathVariable long quoteId, @RequestParam("file") MultipartFile file)
            throws IOException {
        purchases.attachQuoteFile(id, quoteId, file.getOriginalFilename(), file.getBytes());
        return purchases.quote(id, quoteId);
    }

    @GetMapping("/requests/{id}/quotes/{quoteId}/file")
    ResponseEntity<byte[]> quoteFile(@PathVariable long id, @PathVariable long quoteId) {
        var file = purchases.quoteFile(id, quoteId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.bytes());
    }

    @PostMapping("/requests/{id}/chosen-quote")
    @Operation(summary = "Chooses the quote to order from; reason is required when it is not the cheapest")
    RequestView choose(@PathVariable long id, @Valid @RequestBody ChoiceForm form) {
        purchases.chooseQuote(id, form);
        return purchases.request(id);
    }

    @GetMapping("/budget-lines")
    @Operation(summary = "The open budget lines of a school, with what remains on each")
    List<LineChoice> budgetLines(@RequestParam long school) {
        return purchases.budgetLines(school);
    }

    @GetMapping("/settings")
    @Operation(summary = "The board's quote thresholds")
    SettingsView settings() {
        return purchases.settings();
    }

    @PutMapping("/settings")
    @Operation(summary = "Changes the board's quote thresholds (board admins): singleQuoteBelow, procedureFrom, quotesRequired")
    SettingsView updateSettings(@RequestBody SettingsForm form) {
        purchases.updateSettings(form);
        return purchases.settings();
    }
}
