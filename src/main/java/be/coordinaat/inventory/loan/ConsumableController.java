package be.coordinaat.inventory.loan;

import be.coordinaat.inventory.Consumables;
import be.coordinaat.inventory.Consumables.Category;
import be.coordinaat.inventory.Consumables.ConsumableForm;
import be.coordinaat.inventory.Consumables.ConsumableView;
import be.coordinaat.inventory.Consumables.MovementForm;
import be.coordinaat.inventory.Consumables.MovementKind;
import be.coordinaat.inventory.Inventory;
import be.coordinaat.inventory.AssetFilter;
import be.coordinaat.school.Schools;
import be.coordinaat.shared.PageQuery;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The consumables pages: the list per school with a form to add one, and a consumable with its movements. */
@Controller
class ConsumableController {

    private final Consumables consumables;
    private final Inventory inventory;
    private final Schools schools;

    ConsumableController(Consumables consumables, Inventory inventory, Schools schools) {
        this.consumables = consumables;
        this.inventory = inventory;
        this.schools = schools;
    }

    @GetMapping("/inventory/consumables")
    String list(@RequestParam(required = false) String school, @RequestParam(required = false) String low,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, Model model) {
        Long schoolId = null;
        try {
            schoolId = school == null || school.isBlank() ? null : Long.valueOf(school.strip());
        } catch (NumberFormatException ignored) {
            // an edited URL: all schools
        }
        boolean below = "true".equals(low);
        PageQuery query = PageQuery.of(page, 25, sort, q);
        model.addAttribute("page", consumables.consumables(schoolId, null, below, query));
        model.addAttribute("school", schoolId);
        model.addAttribute("low", below);
        model.addAttribute("q", query.q());
        model.addAttribute("pageBase", "/inventory/consumables?" + (schoolId == null ? "" : "school=" + schoolId + "&")
                + (below ? "low=true&" : "") + "sort=" + query.sortParam());
        model.addAttribute("schools", consumables.readableSchools());
        if (!model.containsAttribute("form")) {
            List<be.coordinaat.access.SchoolDirectory.SchoolRef> manageable = consumables.manageableSchools();
            model.addAttribute("form", new ConsumableForm(manageable.size() == 1 ? manageable.get(0).id() : schoolId, null,
                    Category.TONER, null, 0, 1, null, null));
        }
        model.addAttribute("manageable", consumables.manageableSchools());
        model.addAttribute("categories", Category.values());
        return "inventory/consumables/list";
    }

    @PostMapping("/inventory/consumables")
    String create(@Valid @ModelAttribute("form") ConsumableForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (consumables.manageableSchools().isEmpty()) {
            throw new AccessDeniedException("no INVENTORY_MANAGE");
        }
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = consumables.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/inventory/consumables/" + id[0];
        }
        return list(null, null, null, null, null, model);
    }

    @GetMapping("/inventory/consumables/{id}")
    String show(@PathVariable long id, Model model) {
        ConsumableView c = consumables.consumable(id);
        model.addAttribute("c", c);
        model.addAttribute("movements", consumables.movements(id));
        boolean manage = consumables.canManage(c.schoolId());
        model.addAttribute("canManage", manage);
        if (!model.containsAttribute("movement")) {
            model.addAttribute("movement", new MovementForm(MovementKind.ISSUE, 1, null, null, null));
        }
        model.addAttribute("kinds", MovementKind.values());
        model.addAttribute("categories", Category.values());
        if (manage && !model.containsAttribute("edit")) {
            model.addAttribute("edit", new ConsumableForm(c.schoolId(), c.name(), c.category(), c.compatibleModels(), null,
                    c.minimum(), c.notes(), c.version()));
        }
        if (manage) {
            model.addAttribute("rooms", schools.rooms(c.schoolId(), PageQuery.of(0, PageQuery.MAX_SIZE, "name", null)).items());
            AssetFilter f = new AssetFilter(c.schoolId(), null, null, null, null, null, null, null, null, null, null);
            model.addAttribute("assets", inventory.assets(f, PageQuery.of(0, PageQuery.MAX_SIZE, "tag", null)).items()
                    .stream().map(a -> new Option(a.id(), a.tag() + (a.modelName() == null ? "" : " " + a.manufacturerName()
                            + " " + a.modelName()))).toList());
        }
        return "inventory/consumables/consumable";
    }

    record Option(long id, String name) {}

    @PostMapping("/inventory/consumables/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("edit") ConsumableForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        ConsumableView c = consumables.consumable(id);
        if (!consumables.canManage(c.schoolId())) {
            throw new AccessDeniedException("no INVENTORY_MANAGE");
        }
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> consumables.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/inventory/consumables/" + id;
        }
        return show(id, model);
    }

    @PostMapping("/inventory/consumables/{id}/movements")
    String move(@PathVariable long id, @Valid @ModelAttribute("movement") MovementForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        ConsumableView c = consumables.consumable(id);
        if (!consumables.canManage(c.schoolId())) {
            throw new AccessDeniedException("no INVENTORY_MANAGE");
        }
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> consumables.move(id, form))) {
            redirect.addFlashAttribute("flash", "consumable.moved");
            return "redirect:/inventory/consumables/" + id;
        }
        return show(id, model);
    }
}
