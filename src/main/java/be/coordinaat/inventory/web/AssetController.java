package be.coordinaat.inventory.web;

import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.inventory.AssetCatalog;
import be.coordinaat.inventory.AssetFilter;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.inventory.AssetStatus;
import be.coordinaat.inventory.Forms.AssetForm;
import be.coordinaat.inventory.Forms.SavedFilterForm;
import be.coordinaat.inventory.Forms.StatusForm;
import be.coordinaat.inventory.Inventory;
import be.coordinaat.inventory.Views.AssetView;
import be.coordinaat.inventory.Views.FieldView;
import be.coordinaat.inventory.Views.PersonOption;
import be.coordinaat.inventory.Views.SchoolSummary;
import be.coordinaat.school.Schools;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import be.coordinaat.shared.web.Formats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inventory pages: overview per school, the asset list with its filters, an asset, its form and attachments. */
@Controller
class AssetController {

    private final Inventory inventory;
    private final AssetCatalog catalog;
    private final Schools schools;

    AssetController(Inventory inventory, AssetCatalog catalog, Schools schools) {
        this.inventory = inventory;
        this.catalog = catalog;
        this.schools = schools;
    }

    // ---- overview ----

    /** Up to this many schools, the overview shows a table per school; beyond it, a row per school. */
    static final int SCHOOL_TABLES = 6;

    @GetMapping("/inventory")
    String overview(@RequestParam(required = false) Long school, Model model) {
        List<SchoolSummary> summary = inventory.summary();
        if (school != null) {
            summary = summary.stream().filter(s -> s.schoolId() == school).toList();
            if (summary.isEmpty()) {
                throw new be.coordinaat.shared.NotFoundException("school", school);
            }
        }
        boolean perSchool = summary.size() <= SCHOOL_TABLES;
        model.addAttribute("summary", summary);
        model.addAttribute("perSchool", perSchool);
        model.addAttribute("school", school);
        if (!perSchool) {
            // the board at a glance: counts per kind and status over all schools, and one row per school
            Map<AssetKind, Map<AssetStatus, Long>> board = new java.util.EnumMap<>(AssetKind.class);
            Map<AssetKind, Long> byKind = new java.util.EnumMap<>(AssetKind.class);
            Map<AssetStatus, Long> byStatus = new java.util.EnumMap<>(AssetStatus.class);
            long total = 0;
            long soon = 0;
            for (SchoolSummary s : summary) {
                s.counts().forEach((k, m) -> m.forEach((st, n) ->
                        board.computeIfAbsent(k, x -> new java.util.EnumMap<>(AssetStatus.class)).merge(st, n, Long::sum)));
                s.byKind().forEach((k, n) -> byKind.merge(k, n, Long::sum));
                s.byStatus().forEach((st, n) -> byStatus.merge(st, n, Long::sum));
                total += s.total();
                soon += s.warrantyEndingSoon();
            }
            model.addAttribute("board", new SchoolSummary(0, null, total, soon, board, byKind, byStatus));
        }
        model.addAttribute("statuses", AssetStatus.values());
        Map<Long, String> prefixes = inventory.tagPrefixes(); // the schools the user may change, with their prefix
        model.addAttribute("prefixes", perSchool ? prefixes : Map.of());
        model.addAttribute("warrantyDays", Inventory.WARRANTY_SOON_DAYS);
        model.addAttribute("canCreate", !prefixes.isEmpty());
        return "inventory/overview";
    }

    @PostMapping("/inventory/schools/{schoolId}/tag-prefix")
    String setTagPrefix(@PathVariable long schoolId, @RequestParam(required = false) String prefix, RedirectAttributes redirect) {
        try {
            inventory.setTagPrefix(schoolId, prefix);
            redirect.addFlashAttribute("flash", "flash.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "asset.error.prefix");
        }
        return "redirect:/inventory";
    }

    // ---- list ----

    @GetMapping("/inventory/assets")
    String list(@Valid @ModelAttribute("filter") AssetFilter filter, BindingResult filterErrors,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-Target", required = false) String htmxTarget,
            @RequestHeader(name = "HX-Trigger-Name", required = false) String trigger,
            Model model, HttpServletResponse response) {
        AssetFilter f = (filterErrors.hasErrors() ? valid(filter, filterErrors) : filter).withoutMalformed();
        List<SchoolRef> readable = inventory.readableSchools();
        Long place = f.school() != null ? f.school() : readable.size() == 1 ? readable.get(0).id() : null;
        if ("school".equals(trigger) || place == null) {
            // rooms and buildings belong to one school: a new school choice starts without them
            f = new AssetFilter(f.school(), f.kind(), f.status(), null, null, f.person(), f.model(), f.manufacturer(),
                    f.warranty(), f.endOfLife(), f.extra());
        }
        PageQuery query = PageQuery.of(page, size, sort, q);
        model.addAttribute("page", inventory.assets(f, query));
        model.addAttribute("query", query);
        model.addAttribute("filter", f);
        String filterQuery = f.queryString(query.q(), null);
        model.addAttribute("filterQuery", filterQuery);
        model.addAttribute("fullQuery", f.queryString(query.q(), query.sortParam()));
        model.addAttribute("savedFilters", inventory.savedFilters());
        Map<String, String> sortUrls = new LinkedHashMap<>();
        for (String key : List.of("tag", "model", "kind", "status", "room", "warrantyEnd", "purchaseDate", "school")) {
            String toggled = key.equals(query.sort() == null ? "tag" : query.sort()) && !query.descending() ? "-" + key : key;
            sortUrls.put(key, "/inventory/assets?" + f.queryString(query.q(), toggled));
        }
        model.addAttribute("sortUrls", sortUrls);
        String fullQuery = f.queryString(query.q(), query.sortParam());
        model.addAttribute("pageBase", "/inventory/assets" + (fullQuery.isEmpty() ? "" : "?" + fullQuery));
        LocalDate today = LocalDate.now(Formats.ZONE);
        model.addAttribute("today", today);
        model.addAttribute("soon", today.plusDays(Inventory.WARRANTY_SOON_DAYS));
        model.addAttribute("multiSchool", readable.size() > 1 && f.school() == null);
        if (htmx != null) {
            response.setHeader("HX-Push-Url", "/inventory/assets" + (fullQuery.isEmpty() ? "" : "?" + fullQuery));
            if ("asset-list".equals(htmxTarget)) {
                return "inventory/assets :: results";
            }
        }
        model.addAttribute("schools", readable);
        model.addAttribute("kinds", AssetKind.values());
        model.addAttribute("statuses", AssetStatus.values());
        model.addAttribute("models", catalog.modelChoices());
        if (place != null) {
            model.addAttribute("buildings", schools.buildings(place));
            model.addAttribute("rooms", schools.rooms(place, PageQuery.of(0, PageQuery.MAX_SIZE, "name", null)).items());
        }
        model.addAttribute("canCreate", !inventory.manageableSchools().isEmpty());
        return "inventory/assets";
    }

    /** The filter without the values that did not convert (a hand-edited URL), so the page still shows. */
    private static AssetFilter valid(AssetFilter f, BindingResult errors) {
        return new AssetFilter(errors.hasFieldErrors("school") ? null : f.school(), errors.hasFieldErrors("kind") ? null : f.kind(),
                errors.hasFieldErrors("status") ? null : f.status(), errors.hasFieldErrors("room") ? null : f.room(),
                errors.hasFieldErrors("building") ? null : f.building(), errors.hasFieldErrors("person") ? null : f.person(),
                errors.hasFieldErrors("model") ? null : f.model(), errors.hasFieldErrors("manufacturer") ? null : f.manufacturer(),
                errors.hasFieldErrors("warranty") ? null : f.warranty(), errors.hasFieldErrors("endOfLife") ? null : f.endOfLife(),
                errors.hasFieldErrors("extra") ? null : f.extra());
    }

    @PostMapping("/inventory/filters")
    String saveFilter(@Valid @ModelAttribute SavedFilterForm form, BindingResult errors, RedirectAttributes redirect) {
        String query = form.query() == null ? "" : form.query();
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("flashError", "inventory.filters.nameRequired");
        } else {
            try {
                inventory.saveFilter(form);
                redirect.addFlashAttribute("flash", "inventory.filters.saved");
            } catch (InvalidInputException e) {
                redirect.addFlashAttribute("flashError", "inventory.filters.invalid");
            }
        }
        return "redirect:/inventory/assets" + (query.isBlank() ? "" : "?" + query);
    }

    @PostMapping("/inventory/filters/{id}/delete")
    String deleteFilter(@PathVariable long id, RedirectAttributes redirect) {
        inventory.deleteFilter(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/inventory/assets";
    }

    // ---- one asset ----

    @GetMapping("/inventory/assets/{id}")
    String show(@PathVariable long id, Model model) {
        AssetView asset = inventory.asset(id);
        return detail(model, asset, new StatusForm(null, null, asset.version()));
    }

    private String detail(Model model, AssetView asset, StatusForm statusForm) {
        model.addAttribute("asset", asset);
        model.addAttribute("fields", inventory.fieldsFor(asset.kind()));
        model.addAttribute("attachments", inventory.attachments(asset.id()));
        boolean manage = inventory.canManage(asset.schoolId());
        model.addAttribute("canManage", manage);
        model.addAttribute("nextStatuses", manage ? List.copyOf(asset.status().nextByHand()) : List.of());
        if (!model.containsAttribute("statusForm")) {
            model.addAttribute("statusForm", statusForm);
        }
        return "inventory/asset";
    }

    @PostMapping("/inventory/assets/{id}/status")
    String changeStatus(@PathVariable long id, @Valid @ModelAttribute("statusForm") StatusForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        AssetView asset = inventory.asset(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> inventory.changeStatus(id, form))) {
            redirect.addFlashAttribute("flash", "asset.statusChange.done");
            return "redirect:/inventory/assets/" + id;
        }
        return detail(model, asset, form);
    }

    @PostMapping("/inventory/assets/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            inventory.delete(id);
            redirect.addFlashAttribute("flash", "flash.deleted");
            return "redirect:/inventory/assets";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/inventory/assets/" + id;
        }
    }

    // ---- form ----

    @GetMapping("/inventory/assets/new")
    String newAsset(@RequestParam(required = false) Long school, @RequestParam(required = false) AssetKind kind, Model model) {
        List<SchoolRef> manageable = inventory.manageableSchools();
        Long schoolId = school != null ? school : manageable.size() == 1 ? manageable.get(0).id() : null;
        if (manageable.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("no INVENTORY_MANAGE");
        }
        if (schoolId == null) {
            model.addAttribute("chooseSchool", manageable);
            return "inventory/asset-form";
        }
        requireManage(schoolId);
        AssetForm form = new AssetForm(schoolId, null, null, null, null, kind, AssetStatus.IN_STOCK, null, null, null, null,
                null, null, null, null, null, Map.of(), null);
        return form(model, form, null);
    }

    @PostMapping("/inventory/assets")
    String create(@Valid @ModelAttribute("form") AssetForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        long[] id = new long[1];
        if (!errors.hasErrors() && apply(errors, () -> id[0] = inventory.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/inventory/assets/" + id[0];
        }
        if (form.schoolId() == null) {
            return "redirect:/inventory/assets/new";
        }
        requireManage(form.schoolId());
        return form(model, form, null);
    }

    @GetMapping("/inventory/assets/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        AssetView a = inventory.asset(id);
        requireManage(a.schoolId());
        Map<String, Object> extra = new LinkedHashMap<>(a.extra());
        AssetForm form = new AssetForm(a.schoolId(), a.tag(), a.name(), a.serial(), a.modelId(), a.kind(), a.status(),
                a.roomId(), a.assignedPersonId(), a.purchaseDate(), a.price(), a.supplier(), a.orderReference(),
                a.warrantyEnd(), a.endOfLife(), a.notes(), extra, a.version());
        return form(model, form, a);
    }

    @PostMapping("/inventory/assets/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AssetForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        AssetView a = inventory.asset(id);
        if (!errors.hasErrors() && apply(errors, () -> inventory.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/inventory/assets/" + id;
        }
        requireManage(a.schoolId());
        return form(model, form, a);
    }

    private String form(Model model, AssetForm form, AssetView asset) {
        long schoolId = form.schoolId();
        model.addAttribute("form", form);
        model.addAttribute("asset", asset);
        model.addAttribute("school", schools.school(schoolId));
        model.addAttribute("tagPrefix", inventory.tagPrefix(schoolId));
        model.addAttribute("kinds", AssetKind.values());
        model.addAttribute("statuses", List.of(AssetStatus.values()).stream().filter(AssetStatus::settableByHand).toList());
        Map<AssetKind, List<be.coordinaat.inventory.Views.ModelView>> byKind = new java.util.EnumMap<>(AssetKind.class);
        catalog.modelChoices().forEach(m -> byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m));
        model.addAttribute("modelsByKind", byKind);
        model.addAttribute("rooms", schools.rooms(schoolId, PageQuery.of(0, PageQuery.MAX_SIZE, "name", null)).items());
        model.addAttribute("fields", inventory.fieldsFor(form.kind()));
        List<PersonOption> people = new ArrayList<>();
        if (form.assignedPersonId() != null) {
            inventory.personOptions(schoolId, null).stream().filter(p -> p.id() == form.assignedPersonId()).forEach(people::add);
            if (people.isEmpty() && asset != null && form.assignedPersonId().equals(asset.assignedPersonId())) {
                people.add(new PersonOption(asset.assignedPersonId(), asset.assignedPersonName(), null));
            }
        }
        model.addAttribute("people", people);
        return "inventory/asset-form";
    }

    /** The custom fields of a kind, when the kind changes in the form (htmx). */
    @GetMapping("/inventory/assets/extra-fields")
    String extraFields(@RequestParam(required = false) AssetKind kind, Model model) {
        List<FieldView> fields = inventory.fieldsFor(kind);
        model.addAttribute("fields", fields);
        model.addAttribute("form", new AssetForm(null, null, null, null, null, kind, null, null, null, null, null, null,
                null, null, null, null, Map.of(), null));
        return "inventory/asset-form :: extraFields";
    }

    /** Options of the person chooser: staff and pupils of the school whose name contains q (htmx). */
    @GetMapping("/inventory/assets/person-options")
    String personOptions(@RequestParam long school, @RequestParam(required = false) String personQ, Model model) {
        model.addAttribute("people", inventory.personOptions(school, personQ));
        return "inventory/asset-form :: personOptions";
    }

    private void requireManage(long schoolId) {
        inventory.tagPrefix(schoolId); // 404 outside the user's schools
        if (!inventory.canManage(schoolId)) {
            throw new org.springframework.security.access.AccessDeniedException("no INVENTORY_MANAGE in " + schoolId);
        }
    }

    /**
     * Runs a write from the asset form. Custom-field problems ({@code extra.key}) go to the form's field paths
     * ({@code extra[key]}) directly: a field left empty has no map entry, so the generic check would miss it.
     */
    private static boolean apply(BindingResult errors, Runnable action) {
        return FormErrors.apply(errors, () -> {
            try {
                action.run();
            } catch (InvalidInputException e) {
                List<InvalidInputException.FieldProblem> rest = new ArrayList<>();
                for (var p : e.problems()) {
                    if (p.field() != null && p.field().startsWith("extra.")) {
                        errors.rejectValue("extra[" + p.field().substring(6) + "]", p.messageKey(), p.args(), p.defaultMessage());
                    } else {
                        rest.add(p);
                    }
                }
                throw new InvalidInputException(rest);
            }
        });
    }

    // ---- attachments ----

    @PostMapping("/inventory/assets/{id}/attachments")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        try {
            inventory.addAttachment(id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            redirect.addFlashAttribute("flash", "asset.attachment.added");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.problems().get(0).messageKey());
        }
        return "redirect:/inventory/assets/" + id;
    }

    @GetMapping("/inventory/assets/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        var file = inventory.attachment(id, attachmentId);
        // photos are shown in the page; documents are always downloaded
        ContentDisposition disposition = (file.contentType().startsWith("image/") ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(file.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(file.bytes());
    }

    @PostMapping("/inventory/assets/{id}/attachments/{attachmentId}/delete")
    String deleteAttachment(@PathVariable long id, @PathVariable long attachmentId, RedirectAttributes redirect) {
        inventory.deleteAttachment(id, attachmentId);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/inventory/assets/" + id;
    }
}
