package be.coordinaat.licences.api;

import be.coordinaat.licences.Forms.SoftwareForm;
import be.coordinaat.licences.SoftwareCatalogue;
import be.coordinaat.licences.SoftwareCategory;
import be.coordinaat.licences.Views.SoftwareRow;
import be.coordinaat.licences.Views.SoftwareView;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
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
 * REST API of the software catalogue: the board's software and digital tools with the schools that use them.
 * Updates send the {@code version} they read.
 */
@RestController
@RequestMapping("/api/v1/software")
@Tag(name = "Licences")
class SoftwareApiController {

    private final SoftwareCatalogue catalogue;

    SoftwareApiController(SoftwareCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "The board's software catalogue; q searches name and vendor, filter by category and by school "
            + "(schools that use it), sort by name, category or vendor (prefix - for descending)")
    Page<SoftwareRow> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q,
            @RequestParam(required = false) SoftwareCategory category, @RequestParam(required = false) Long school) {
        return catalogue.list(PageQuery.of(page, size, sort, q), category, school);
    }

    @GetMapping("/{id}")
    SoftwareView software(@PathVariable long id) {
        return catalogue.software(id);
    }

    @PostMapping
    @Operation(summary = "Registers software: vendor as vendorName or vendorOrganisationId, administrator as "
            + "administratorUserId or administratorName; schoolIds are the schools that use it (empty: board admins only)")
    ResponseEntity<SoftwareView> create(@Valid @RequestBody SoftwareForm form) {
        long id = catalogue.create(form);
        return ResponseEntity.created(URI.create("/api/v1/software/" + id)).body(catalogue.software(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replaces an entry; needs LICENCES_MANAGE in every school that uses it, before and after")
    SoftwareView update(@PathVariable long id, @Valid @RequestBody SoftwareForm form) {
        catalogue.update(id, form);
        return catalogue.software(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes an entry without licences (409 while it has licences)")
    void delete(@PathVariable long id) {
        catalogue.delete(id);
    }

    @PutMapping("/{id}/schools/{schoolId}")
    @Operation(summary = "Marks that a school uses the entry (LICENCES_MANAGE in that school suffices)")
    SoftwareView markUsed(@PathVariable long id, @PathVariable long schoolId) {
        catalogue.setUsedBy(id, schoolId, true);
        return catalogue.software(id);
    }

    @DeleteMapping("/{id}/schools/{schoolId}")
    @Operation(summary = "Marks that a school no longer uses the entry")
    SoftwareView markUnused(@PathVariable long id, @PathVariable long schoolId) {
        catalogue.setUsedBy(id, schoolId, false);
        return catalogue.software(id);
    }
}
