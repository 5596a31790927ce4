package be.coordinaat.inventory.api;

import be.coordinaat.inventory.Labels;
import be.coordinaat.inventory.Labels.LabelRequest;
import be.coordinaat.inventory.label.PublicUrl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** QR labels: one asset's QR code as PNG, and A4 label sheets as PDF. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Inventory")
class LabelApiController {

    private final Labels labels;
    private final PublicUrl publicUrl;

    LabelApiController(Labels labels, PublicUrl publicUrl) {
        this.labels = labels;
        this.publicUrl = publicUrl;
    }

    @GetMapping(path = "/assets/{id}/label.png", produces = {MediaType.IMAGE_PNG_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The asset's QR code (PNG) with its short address <base>/a/<schoolId>/<tag>")
    ResponseEntity<byte[]> png(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(labels.png(id, publicUrl.base()));
    }

    @PostMapping(path = "/labels", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "A4 label sheets (PDF) for assetIds, or for the assets matching filter (the asset list's "
            + "filters, one school) and q; format L7160 (21 per sheet, default), L7163 (14) or L7651 (65); skip the "
            + "first N used labels of the first sheet. At most 2000 labels.")
    ResponseEntity<byte[]> sheet(@Valid @RequestBody LabelRequest request) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("labels.pdf").build().toString())
                .body(labels.sheet(request, publicUrl.base()));
    }
}
