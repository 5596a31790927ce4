package be.coordinaat.inventory.web;

import be.coordinaat.inventory.AssetCatalog;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.inventory.FieldType;
import be.coordinaat.inventory.Forms.FieldForm;
import be.coordinaat.inventory.Forms.ManufacturerForm;
import be.coordinaat.inventory.Forms.ModelForm;
import be.coordinaat.inventory.Views.FieldView;
import be.coordinaat.inventory.Views.ManufacturerView;
import be.coordinaat.inventory.Views.ModelView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the board-wide catalogue: manufacturers, models and custom fields. Each page lists the records and holds
 * the form for a new one, or for the one being edited.
 */
@Controller
@RequestMapping("/inventory")
class CatalogController {

    private final AssetCatalog catalog;

    CatalogController(AssetCatalog catalog) {
        this.catalog = catalog;
    }

    // ---- manufacturers ----

    @GetMapping("/manufacturers")
    String manufacturers(Model model) {
        return manufacturersPage(model, new ManufacturerForm("", null, null, null, null), null);
    }

    @GetMapping("/manufacturers/{id}/edit")
    String editManufacturer(@PathVariable long id, Model model) {
        ManufacturerView m = catalog.manufacturer(id);
        requireManage();
        return manufacturersPage(model, new ManufacturerForm(m.name(), m.website(), m.supportEmail(), m.supportPhone(),
                m.version()), id);
    }

    @PostMapping("/manufacturers")
    String createManufacturer(@Valid @ModelAttribute("form") ManufacturerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> catalog.createManufacturer(form))) {
            return saved(redirect, "/inventory/manufacturers");
        }
        requireManage();
        return manufacturersPage(model, form, null);
    }

    @PostMapping("/manufacturers/{id}")
    String updateManufacturer(@PathVariable long id, @Valid @ModelAttribute("form") ManufacturerForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        catalog.manufacturer(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> catalog.updateManufacturer(id, form))) {
            return saved(redirect, "/inventory/manufacturers");
        }
        requireManage();
        return manufacturersPage(model, form, id);
    }

    @PostMapping("/manufacturers/{id}/delete")
    String deleteManufacturer(@PathVariable long id, RedirectAttributes redirect) {
        return delete(redirect, "/inventory/manufacturers", () -> catalog.deleteManufacturer(id));
    }

    private String manufacturersPage(Model model, ManufacturerForm form, Long editId) {
        model.addAttribute("manufacturers", catalog.manufacturers());
        model.addAttribute("form", form);
        model.addAttribute("editId", editId);
        model.addAttribute("canManage", catalog.canManage());
        return "inventory/manufacturers";
    }

    // ---- models ----

    @GetMapping("/models")
    String models(@RequestParam(required = false) AssetKind kind, Model model) {
        return modelsPage(model, kind, new ModelForm(null, "", kind == null ? AssetKind.LAPTOP : kind, null, null, null, null), null);
    }

    @GetMapping("/models/{id}/edit")
    String editModel(@PathVariable long id, Model model) {
        ModelView m = catalog.model(id);
        requireManage();
        return modelsPage(model, null, new ModelForm(m.manufacturerId(), m.name(), m.kind(), m.modelNumber(),
                m.endOfLifeMonths(), m.notes(), m.version()), id);
    }

    @PostMapping("/models")
    String createModel(@Valid @ModelAttribute("form") ModelForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> catalog.createModel(form))) {
            return saved(redirect, "/inventory/models");
        }
        requireManage();
        return modelsPage(model, null, form, null);
    }

    @PostMapping("/models/{id}")
    String updateModel(@PathVariable long id, @Valid @ModelAttribute("form") ModelForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        catalog.model(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> catalog.updateModel(id, form))) {
            return saved(redirect, "/inventory/models");
        }
        requireManage();
        return modelsPage(model, null, form, id);
    }

    @PostMapping("/models/{id}/delete")
    String deleteModel(@PathVariable long id, RedirectAttributes redirect) {
        return delete(redirect, "/inventory/models", () -> catalog.deleteModel(id));
    }

    private String modelsPage(Model model, AssetKind kind, ModelForm form, Long editId) {
        model.addAttribute("models", catalog.models(kind));
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", AssetKind.values());
        model.addAttribute("manufacturers", catalog.manufacturers());
        model.addAttribute("form", form);
        model.addAttribute("editId", editId);
        model.addAttribute("canManage", catalog.canManage());
        return "inventory/models";
    }

    // ---- custom fields ----

    @GetMapping("/fields")
    String fields(Model model) {
        return fieldsPage(model, new FieldForm(AssetKind.LAPTOP, "", "", FieldType.TEXT, List.of(), false, 0, null), null);
    }

    @GetMapping("/fields/{id}/edit")
    String editField(@PathVariable long id, Model model) {
        FieldView f = catalog.field(id);
        requireManage();
        return fieldsPage(model, new FieldForm(f.kind(), f.key(), f.label(), f.type(), f.choices(), f.required(),
                f.position(), f.version()), id);
    }

    @PostMapping("/fields")
    String createField(@Valid @ModelAttribute("form") FieldForm form, BindingResult errors,
            @RequestParam(required = false) String choicesText, Model model, RedirectAttributes redirect) {
        FieldForm full = withChoices(form, choicesText);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> catalog.createField(full))) {
            return saved(redirect, "/inventory/fields");
        }
        requireManage();
        return fieldsPage(model, full, null);
    }

    @PostMapping("/fields/{id}")
    String updateField(@PathVariable long id, @Valid @ModelAttribute("form") FieldForm form, BindingResult errors,
            @RequestParam(required = false) String choicesText, Model model, RedirectAttributes redirect) {
        catalog.field(id);
        FieldForm full = withChoices(form, choicesText);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> catalog.updateField(id, full))) {
            return saved(redirect, "/inventory/fields");
        }
        requireManage();
        return fieldsPage(model, full, id);
    }

    @PostMapping("/fields/{id}/delete")
    String deleteField(@PathVariable long id, RedirectAttributes redirect) {
        return delete(redirect, "/inventory/fields", () -> catalog.deleteField(id));
    }

    /** The choices come from a text area, one per line. */
    private static FieldForm withChoices(FieldForm f, String text) {
        List<String> choices = text == null ? List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return new FieldForm(f.kind(), f.key(), f.label(), f.type(), choices, f.required(), f.position(), f.version());
    }

    private String fieldsPage(Model model, FieldForm form, Long editId) {
        model.addAttribute("fields", catalog.fields(null));
        model.addAttribute("kinds", AssetKind.values());
        model.addAttribute("types", FieldType.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // a bound form keeps its errors
        }
        model.addAttribute("choicesText", form.choices() == null ? "" : String.join("\n", form.choices()));
        model.addAttribute("editId", editId);
        model.addAttribute("canManage", catalog.canManage());
        return "inventory/fields";
    }

    // ---- helpers ----

    private void requireManage() {
        if (!catalog.canManage()) {
            throw new AccessDeniedException("no INVENTORY_MANAGE");
        }
    }

    private static String saved(RedirectAttributes redirect, String to) {
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:" + to;
    }

    private static String delete(RedirectAttributes redirect, String to, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", "flash.deleted");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:" + to;
    }
}
