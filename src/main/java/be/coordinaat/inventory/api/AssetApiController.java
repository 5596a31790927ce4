package be.coordinaat.inventory.api;

import be.coordinaat.inventory.AssetFilter;
import be.coordinaat.inventory.Forms.AssetForm;
import be.coordinaat.inventory.Forms.SavedFilterForm;
import be.coordinaat.inventory.Forms.StatusForm;
import be.coordinaat.inventory.Inventory;
import be.coordinaat.inventory.Views.AssetPage;
import be.coordinaat.inventory.Views.AssetView;
import be.coordinaat.inventory.Views.AttachmentView;
import be.coordinaat.inventory.Views.SavedFilterView;
import be.coordinaat.inventory.Views.SchoolSummary;
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
 * REST API of the assets: list with filters, CRUD, status changes, attachments, saved filters and the counts per
 * school. Updates send the {@code version} they read; records of schools outside your roles answer 404.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Inventory")
class AssetApiController {

    private final Inventory inventory;

    AssetApiController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping("/assets")
    @Operation(summary = "Assets you may see. Filters: school, kind and status (repeat or comma-separate for several), "
            + "room, building, person, model, manufacturer, warranty (ended | days), endOfLife (passed | days), "
            + "extra (key:value of a custom field, repeatable), q (words in tag, name, serial, manufacturer, model, notes). "
            + "Sort by tag, name, serial, kind, status, model, room, school, warrantyEnd, endOfLife, purchaseDate or "
            + "updated (prefix - for descending). With q, total counts matches up to 1,000; totalCapped says there are more.")
    AssetPage assets(@Valid @ModelAttribute AssetFilter filter, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        return inventory.assets(filter, PageQuery.of(page, size, sort, q));
    }

    @PostMapping("/assets")
    @Operation(summary = "Registers an asset; leave tag empty for the school's next generated tag")
    ResponseEntity<AssetView> create(@Valid @RequestBody AssetForm form) {
        long id = inventory.create(form);
        return ResponseEntity.created(URI.create("/api/v1/assets/" + id)).body(inventory.asset(id));
    }

    @GetMapping("/assets/{id}")
    AssetView asset(@PathVariable long id) {
        return inventory.asset(id);
    }

    @PutMapping("/assets/{id}")
    @Operation(summary = "Replaces an asset's data (not its school or status); send the version you read")
    AssetView update(@PathVariable long id, @Valid @RequestBody AssetForm form) {
        inventory.update(id, form);
        return inventory.asset(id);
    }

    @DeleteMapping("/assets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        inventory.delete(id);
    }

    @PostMapping("/assets/{id}/status")
    @Operation(summary = "Changes the status along the life cycle: ORDERED → IN_STOCK/IN_USE, IN_STOCK ↔ IN_USE, "
            + "→ IN_REPAIR → IN_STOCK/IN_USE, any active → RETIRED (reason required) → DISPOSED (reason required). "
            + "ON_LOAN is set by lending only.")
    AssetView changeStatus(@PathVariable long id, @Valid @RequestBody StatusForm form) {
        inventory.changeStatus(id, form);
        return inventory.asset(id);
    }

    @GetMapping("/assets/{id}/attachments")
    List<AttachmentView> attachments(@PathVariable long id) {
        return inventory.attachments(id);
    }

    @PostMapping(path = "/assets/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Adds a photo (JPEG, PNG, WebP) or PDF of at most 10 MB as multipart part 'file'; "
            + "the type is judged by the content")
    ResponseEntity<AttachmentView> upload(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        long attachmentId = inventory.addAttachment(id, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/assets/" + id + "/attachments/" + attachmentId))
                .body(inventory.attachmentInfo(id, attachmentId));
    }

    @GetMapping("/assets/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        var file = inventory.attachment(id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.bytes());
    }

    @DeleteMapping("/assets/{id}/attachments/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAttachment(@PathVariable long id, @PathVariable long attachmentId) {
        inventory.deleteAttachment(id, attachmentId);
    }

    @GetMapping("/inventory/summary")
    @Operation(summary = "Per school you may see: the number of assets per kind and status, and how many have a "
            + "warranty ending within 90 days")
    List<SchoolSummary> summary() {
        return inventory.summary();
    }

    @GetMapping("/asset-filters")
    @Operation(summary = "Your saved asset-list filters")
    List<SavedFilterView> filters() {
        return inventory.savedFilters();
    }

    @PostMapping("/asset-filters")
    @Operation(summary = "Saves a named filter (the asset list's query string); the same name replaces it")
    ResponseEntity<SavedFilterView> saveFilter(@Valid @RequestBody SavedFilterForm form) {
        long id = inventory.saveFilter(form);
        return ResponseEntity.created(URI.create("/api/v1/asset-filters/" + id)).body(inventory.savedFilter(id));
    }

    @GetMapping("/asset-filters/{id}")
    SavedFilterView filter(@PathVariable long id) {
        return inventory.savedFilter(id);
    }

    @DeleteMapping("/asset-filters/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteFilter(@PathVariable long id) {
        inventory.deleteFilter(id);
    }
}
