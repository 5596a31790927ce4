package be.coordinaat.inventory.api;

import be.coordinaat.inventory.AssetCatalog;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.inventory.Forms.FieldForm;
import be.coordinaat.inventory.Forms.ManufacturerForm;
import be.coordinaat.inventory.Forms.ModelForm;
import be.coordinaat.inventory.Views.FieldView;
import be.coordinaat.inventory.Views.ManufacturerView;
import be.coordinaat.inventory.Views.ModelView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
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

/** REST API of the board-wide inventory catalogue: manufacturers, asset models and custom fields per kind. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Inventory catalogue")
class CatalogApiController {

    private final AssetCatalog catalog;

    CatalogApiController(AssetCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/manufacturers")
    List<ManufacturerView> manufacturers() {
        return catalog.manufacturers();
    }

    @PostMapping("/manufacturers")
    ResponseEntity<ManufacturerView> createManufacturer(@Valid @RequestBody ManufacturerForm form) {
        long id = catalog.createManufacturer(form);
        return ResponseEntity.created(URI.create("/api/v1/manufacturers/" + id)).body(catalog.manufacturer(id));
    }

    @GetMapping("/manufacturers/{id}")
    ManufacturerView manufacturer(@PathVariable long id) {
        return catalog.manufacturer(id);
    }

    @PutMapping("/manufacturers/{id}")
    ManufacturerView updateManufacturer(@PathVariable long id, @Valid @RequestBody ManufacturerForm form) {
        catalog.updateManufacturer(id, form);
        return catalog.manufacturer(id);
    }

    @DeleteMapping("/manufacturers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteManufacturer(@PathVariable long id) {
        catalog.deleteManufacturer(id);
    }

    @GetMapping("/asset-models")
    @Operation(summary = "The board's asset models, optionally of one kind, with the number of assets you may see")
    List<ModelView> models(@RequestParam(required = false) AssetKind kind) {
        return catalog.models(kind);
    }

    @PostMapping("/asset-models")
    ResponseEntity<ModelView> createModel(@Valid @RequestBody ModelForm form) {
        long id = catalog.createModel(form);
        return ResponseEntity.created(URI.create("/api/v1/asset-models/" + id)).body(catalog.model(id));
    }

    @GetMapping("/asset-models/{id}")
    ModelView model(@PathVariable long id) {
        return catalog.model(id);
    }

    @PutMapping("/asset-models/{id}")
    ModelView updateModel(@PathVariable long id, @Valid @RequestBody ModelForm form) {
        catalog.updateModel(id, form);
        return catalog.model(id);
    }

    @DeleteMapping("/asset-models/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteModel(@PathVariable long id) {
        catalog.deleteModel(id);
    }

    @GetMapping("/asset-fields")
    @Operation(summary = "The custom fields of the assets, optionally of one kind")
    List<FieldView> fields(@RequestParam(required = false) AssetKind kind) {
        return catalog.fields(kind);
    }

    @PostMapping("/asset-fields")
    @Operation(summary = "Defines a custom field for the assets of one kind (type TEXT, NUMBER, DATE or CHOICE)")
    ResponseEntity<FieldView> createField(@Valid @RequestBody FieldForm form) {
        long id = catalog.createField(form);
        return ResponseEntity.created(URI.create("/api/v1/asset-fields/" + id)).body(catalog.field(id));
    }

    @GetMapping("/asset-fields/{id}")
    FieldView field(@PathVariable long id) {
        return catalog.field(id);
    }

    @PutMapping("/asset-fields/{id}")
    @Operation(summary = "Changes label, choices, required and position (kind, key and type are fixed)")
    FieldView updateField(@PathVariable long id, @Valid @RequestBody FieldForm form) {
        catalog.updateField(id, form);
        return catalog.field(id);
    }

    @DeleteMapping("/asset-fields/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Removes a custom field and its values from every asset")
    void deleteField(@PathVariable long id) {
        catalog.deleteField(id);
    }
}
