package be.coordinaat.purchasing.web;

import be.coordinaat.budget.BudgetLedger.LineChoice;
import be.coordinaat.inventory.AssetFilter;
import be.coordinaat.inventory.Inventory;
import be.coordinaat.licences.LicenceFilter;
import be.coordinaat.licences.Licences;
import be.coordinaat.licences.Views.LicenceRow;
import be.coordinaat.people.OrganisationKind;
import be.coordinaat.people.Organisations;
import be.coordinaat.people.Views.OrganisationView;
import be.coordinaat.purchasing.Decision;
import be.coordinaat.purchasing.Forms.AdviceForm;
import be.coordinaat.purchasing.Forms.ChoiceForm;
import be.coordinaat.purchasing.Forms.DecisionForm;
import be.coordinaat.purchasing.Forms.QuoteForm;
import be.coordinaat.purchasing.Forms.RequestForm;
import be.coordinaat.purchasing.Forms.SettingsForm;
import be.coordinaat.purchasing.OverBudgetException;
import be.coordinaat.purchasing.PurchaseStatus;
import be.coordinaat.purchasing.Purchases;
import be.coordinaat.purchasing.RequestFilter;
import be.coordinaat.purchasing.Views.RequestPermissions;
import be.coordinaat.purchasing.Views.RequestView;
import be.coordinaat.purchasing.Views.SettingsView;
import be.coordinaat.school.Schools;
import be.coordinaat.school.Views.RoomView;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The purchase request pages: the list with its filters, the request form, and a request with its advice, decision,
 * quotes and history; the board's quote thresholds.
 */
@Controller
class PurchaseController {

    private static final List<String> SORTS = List.of("created", "title", "school", "status", "cost", "wished", "requester");

    /** The advice as the page sends it: replaced assets by their tags (as on the labels), licences by id. */
    record AdvicePage(String recommendation, String alternatives, Long budgetLineId, String assetTags,
            List<Long> replacesLicenceIds, Integer version) {}

    private final Purchases purchases;
    private final Schools schools;
    private final Inventory inventory;
    private final Licences licences;
    private final Organisations organisations;

    PurchaseController(Purchases purchases, Schools schools, Inventory inventory, Licences licences,
            Organisations organisations) {
        this.purchases = purchases;
        this.schools = schools;
        this.inventory = inventory;
        this.licences = licences;
        this.organisations = organisations;
    }

    /** Amounts typed the Belgian way ("1.250,50"). */
    @org.springframework.web.bind.annotation.InitBinder
    void amounts(org.springframework.web.bind.WebDataBinder binder) {
        binder.registerCustomEditor(java.math.BigDecimal.class, new EuroEditor());
    }

    // ---- list ----

    @GetMapping("/purchases")
    String list(@RequestParam(required = false) String school, @RequestParam(required = false) String status,
            @RequestParam(required = false) String mine, @RequestParam(required = false) String waiting,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, Model model) {
        RequestFilter filter = new RequestFilter(parseId(school), parseStatus(status), "true".equals(mine) ? true : null,
                "true".equals(waiting) ? true : null);
        PageQuery query = PageQuery.of(page, 25, sort, q);
        model.addAttribute("page", purchases.list(filter, query));
        model.addAttribute("filter", filter);
        model.addAttribute("query", query);
        Map<String, String> sortUrls = new LinkedHashMap<>();
        for (String key : SORTS) {
            String toggled = key.equals(query.sort()) && !query.descending() ? "-" + key : key;
            sortUrls.put(key, "/purchases?" + filter.queryString(query.q(), toggled));
        }
        model.addAttribute("sortUrls", sortUrls);
        String full = filter.queryString(query.q(), query.sortParam());
        model.addAttribute("pageBase", "/purchases" + (full.isEmpty() ? "" : "?" + full));
        List<be.coordinaat.access.SchoolDirectory.SchoolRef> visible = new ArrayList<>(purchases.readableSchools());
        purchases.requestSchools().stream().filter(s -> visible.stream().noneMatch(v -> v.id() == s.id())).forEach(visible::add);
        model.addAttribute("schools", visible);
        model.addAttribute("statuses", PurchaseStatus.values());
        model.addAttribute("canRequest", purchases.canRequest());
        model.addAttribute("canReadAll", !purchases.readableSchools().isEmpty());
        model.addAttribute("canConfigure", purchases.canConfigure());
        return "purchasing/requests";
    }

    // ---- request form ----

    @GetMapping("/purchases/new")
    String newRequest(Model model) {
        if (!purchases.canRequest()) {
            throw new AccessDeniedException("no PURCHASES_REQUEST");
        }
        var mine = purchases.requestSchools();
        Long school = mine.size() == 1 ? mine.get(0).id() : null;
        return form(model, new RequestForm(school, null, null, null, null, 1, null, null, null), null, null);
    }

    @PostMapping("/purchases")
    String create(@Valid @ModelAttribute("form") RequestForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!purchases.canRequest()) {
            throw new AccessDeniedException("no PURCHASES_REQUEST");
        }
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = purchases.create(form))) {
            redirect.addFlashAttribute("flash", "purchase.flash.requested");
            return "redirect:/purchases/" + id[0];
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/purchases/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        RequestView r = requireEdit(id);
        return form(model, new RequestForm(r.schoolId(), r.title(), r.reason(), r.forWhom(), r.roomId(), r.quantity(),
                r.estimatedCost(), r.wishedDate(), r.version()), r, null);
    }

    @PostMapping("/purchases/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") RequestForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        RequestView r = requireEdit(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> purchases.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/purchases/" + id;
        }
        return form(model, form, r, errors);
    }

    private RequestView requireEdit(long id) {
        RequestView r = purchases.request(id);
        if (!purchases.permissions(r).edit()) {
            throw new AccessDeniedException("cannot change purchase request " + id);
        }
        return r;
    }

    private String form(Model model, RequestForm form, RequestView request, BindingResult errors) {
        FormModel.put(model, "form", form, errors);
        model.addAttribute("request", request);
        model.addAttribute("schools", purchases.requestSchools());
        Map<Long, List<RoomView>> rooms = new LinkedHashMap<>();
        for (var s : purchases.requestSchools()) {
            try {
                rooms.put(s.id(), schools.rooms(s.id(), PageQuery.of(0, 200, "name", null)).items());
            } catch (AccessDeniedException | NotFoundException e) {
                rooms.put(s.id(), List.of());
            }
        }
        model.addAttribute("rooms", rooms);
        return "purchasing/request-form";
    }

    // ---- one request ----

    @GetMapping("/purchases/{id}")
    String show(@PathVariable long id, Model model) {
        RequestView r = purchases.request(id);
        RequestPermissions can = purchases.permissions(r);
        model.addAttribute("r", r);
        model.addAttribute("can", can);
        if (!model.containsAttribute("advice")) {
            model.addAttribute("advice", new AdvicePage(r.recommendation(), r.alternatives(), r.budgetLineId(),
                    String.join(", ", r.replaces().stream().filter(x -> x.kind().equals("ASSET"))
                            .map(x -> x.label().split(" ")[0]).toList()),
                    r.replaces().stream().filter(x -> x.kind().equals("LICENCE")).map(x -> x.id()).toList(), r.version()));
        }
        if (!model.containsAttribute("decision")) {
            model.addAttribute("decision", new DecisionForm(Decision.APPROVE, null, r.budgetLineId(), false, r.version()));
        }
        if (!model.containsAttribute("quote")) {
            model.addAttribute("quote", new QuoteForm(null, null, null, null, null, null));
        }
        if (!model.containsAttribute("choice")) {
            model.addAttribute("choice", new ChoiceForm(r.chosenQuoteId(), r.choiceReason(), r.version()));
        }
        List<LineChoice> lines = can.advise() || can.decide() ? purchases.budgetLines(r.schoolId()) : List.of();
        model.addAttribute("budgetLines", lines);
        model.addAttribute("licenceChoices", can.advise() ? licenceChoices(r.schoolId()) : List.of());
        model.addAttribute("suppliers", can.quotes() ? suppliers() : List.of());
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("canReadOrders", purchases.readableSchools().stream().anyMatch(s -> s.id() == r.schoolId()));
        model.addAttribute("cheapest", r.quotes().stream().map(q -> q.amount()).min(java.math.BigDecimal::compareTo).orElse(null));
        model.addAttribute("steps", List.of(PurchaseStatus.REQUESTED, PurchaseStatus.ADVISED, PurchaseStatus.APPROVED,
                PurchaseStatus.ORDERED, PurchaseStatus.DELIVERED, PurchaseStatus.INVOICED, PurchaseStatus.CLOSED));
        return "purchasing/request";
    }

    private List<LicenceRow> licenceChoices(long schoolId) {
        try {
            return licences.list(new LicenceFilter(schoolId, null, null, null, null, null, null, null, null),
                    PageQuery.of(0, 200, "software", null)).items();
        } catch (AccessDeniedException | NotFoundException e) {
            return List.of();
        }
    }

    private List<OrganisationView> suppliers() {
        try {
            return organisations.list(PageQuery.of(0, 200, "name", null), OrganisationKind.SUPPLIER).items();
        } catch (AccessDeniedException e) {
            return List.of();
        }
    }

    @PostMapping("/purchases/{id}/advice")
    String advise(@PathVariable long id, @ModelAttribute("advice") AdvicePage page, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        RequestView r = purchases.request(id);
        List<Long> assetIds = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String tag : Arrays.stream(page.assetTags() == null ? new String[0] : page.assetTags().split("[,;\\s]+"))
                .map(String::strip).filter(t -> !t.isEmpty()).distinct().toList()) {
            Long found = assetByTag(r.schoolId(), tag);
            if (found == null) {
                unknown.add(tag);
            } else {
                assetIds.add(found);
            }
        }
        if (!unknown.isEmpty()) {
            errors.rejectValue("assetTags", "purchase.error.replaces.tags", new Object[] {String.join(", ", unknown)},
                    "unknown tags");
            return show(id, model);
        }
        AdviceForm form = new AdviceForm(page.recommendation(), page.alternatives(), page.budgetLineId(), assetIds,
                page.replacesLicenceIds(), page.version());
        BindingResult mapped = new BeanPropertyBindingResult(form, "adviceForm");
        if (FormErrors.apply(mapped, () -> purchases.advise(id, form))) {
            redirect.addFlashAttribute("flash", "purchase.flash.advised");
            return "redirect:/purchases/" + id;
        }
        copy(mapped, errors, Map.of("replacesAssetIds", "assetTags"));
        return show(id, model);
    }

    private Long assetByTag(long schoolId, String tag) {
        try {
            return inventory.assets(AssetFilter.none().withSchool(schoolId), PageQuery.of(0, 20, "tag", tag)).items().stream()
                    .filter(a -> a.tag().equalsIgnoreCase(tag)).map(a -> a.id()).findFirst().orElse(null);
        } catch (AccessDeniedException | NotFoundException | InvalidInputException e) {
            return null;
        }
    }

    @PostMapping("/purchases/{id}/decision")
    String decide(@PathVariable long id, @ModelAttribute("decision") DecisionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return show(id, model);
        }
        OverBudgetException[] over = new OverBudgetException[1];
        boolean done = FormErrors.apply(errors, () -> {
            try {
                purchases.decide(id, form);
            } catch (OverBudgetException e) {
                over[0] = e;
            }
        });
        if (done && over[0] == null) {
            redirect.addFlashAttribute("flash", "purchase.flash.decided." + form.decision());
            return "redirect:/purchases/" + id;
        }
        model.addAttribute("overBudget", over[0]);
        return show(id, model);
    }

    // ---- quotes ----

    @PostMapping("/purchases/{id}/quotes")
    String addQuote(@PathVariable long id, @ModelAttribute("quote") QuoteForm form, BindingResult errors,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        if (errors.hasErrors()) {
            return show(id, model);
        }
        byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        if (FormErrors.apply(errors, () -> purchases.addQuote(id, form, name, bytes))) {
            redirect.addFlashAttribute("flash", "purchase.flash.quoteAdded");
            return "redirect:/purchases/" + id + "#quotes";
        }
        return show(id, model);
    }

    @PostMapping("/purchases/{id}/quotes/{quoteId}/delete")
    String deleteQuote(@PathVariable long id, @PathVariable long quoteId, RedirectAttributes redirect) {
        purchases.deleteQuote(id, quoteId);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/purchases/" + id + "#quotes";
    }

    @GetMapping("/purchases/{id}/quotes/{quoteId}/file")
    ResponseEntity<byte[]> quoteFile(@PathVariable long id, @PathVariable long quoteId) {
        var file = purchases.quoteFile(id, quoteId);
        ContentDisposition disposition = (file.contentType().startsWith("image/") ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(file.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(file.bytes());
    }

    @PostMapping("/purchases/{id}/chosen-quote")
    String choose(@PathVariable long id, @ModelAttribute("choice") ChoiceForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> purchases.chooseQuote(id, form))) {
            redirect.addFlashAttribute("flash", "purchase.flash.quoteChosen");
            return "redirect:/purchases/" + id + "#quotes";
        }
        return show(id, model);
    }

    // ---- settings ----

    @GetMapping("/purchases/settings")
    String settings(Model model) {
        SettingsView s = purchases.settings();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SettingsForm(s.singleQuoteBelow(), s.procedureFrom(), s.quotesRequired(), s.version()));
        }
        model.addAttribute("canConfigure", purchases.canConfigure());
        return "purchasing/settings";
    }

    @PostMapping("/purchases/settings")
    String saveSettings(@ModelAttribute("form") SettingsForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!purchases.canConfigure()) {
            throw new AccessDeniedException("no board-wide PURCHASES_MANAGE");
        }
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> purchases.updateSettings(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/purchases/settings";
        }
        return settings(model);
    }

    // ---- helpers ----

    private static void copy(BindingResult from, BindingResult to, Map<String, String> rename) {
        from.getFieldErrors().forEach(e -> {
            String field = rename.getOrDefault(e.getField(), e.getField());
            try {
                to.rejectValue(field, e.getCode(), e.getArguments(), e.getDefaultMessage());
            } catch (RuntimeException ex) {
                to.reject(e.getCode(), e.getArguments(), e.getDefaultMessage());
            }
        });
        from.getGlobalErrors().forEach(e -> to.reject(e.getCode(), e.getArguments(), e.getDefaultMessage()));
    }

    static Long parseId(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static PurchaseStatus parseStatus(String s) {
        try {
            return s == null || s.isBlank() ? null : PurchaseStatus.valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
