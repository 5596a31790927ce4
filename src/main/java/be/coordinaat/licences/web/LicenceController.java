package be.coordinaat.licences.web;

import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.licences.Forms.AssignmentForm;
import be.coordinaat.licences.Forms.LicenceForm;
import be.coordinaat.licences.LicenceFilter;
import be.coordinaat.licences.LicenceType;
import be.coordinaat.licences.Licences;
import be.coordinaat.licences.SoftwareCatalogue;
import be.coordinaat.licences.Views.LicenceView;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The licence pages: the list with its filters, renewals due, compliance per school, a licence with its
 * assignments and proof of purchase, the form, and the "Licences" fragments on the asset and person pages.
 */
@Controller
class LicenceController {

    private static final List<String> SORTS = List.of("software", "school", "type", "seats", "used", "cost", "end");

    private final Licences licences;
    private final SoftwareCatalogue catalogue;
    private final be.coordinaat.inventory.AgentInventory agents;
    private final be.coordinaat.licences.InstallCompliance installCompliance;
    private final be.coordinaat.access.AccessControl access;

    LicenceController(Licences licences, SoftwareCatalogue catalogue, be.coordinaat.inventory.AgentInventory agents,
            be.coordinaat.access.AccessControl access, be.coordinaat.licences.InstallCompliance installCompliance) {
        this.installCompliance = installCompliance;
        this.licences = licences;
        this.catalogue = catalogue;
        this.agents = agents;
        this.access = access;
    }

    // ---- lists ----

    @GetMapping("/licences")
    String list(@Valid @ModelAttribute("filter") LicenceFilter filter, BindingResult filterErrors,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q, Model model) {
        LicenceFilter f = filterErrors.hasErrors() ? valid(filter, filterErrors) : filter;
        PageQuery query = PageQuery.of(page, size, sort, q);
        model.addAttribute("page", licences.list(f, query));
        model.addAttribute("query", query);
        model.addAttribute("filter", f);
        Map<String, String> sortUrls = new LinkedHashMap<>();
        for (String key : SORTS) {
            String toggled = key.equals(query.sort() == null ? "software" : query.sort()) && !query.descending() ? "-" + key : key;
            sortUrls.put(key, "/licences?" + f.queryString(query.q(), toggled));
        }
        model.addAttribute("sortUrls", sortUrls);
        String fullQuery = f.queryString(query.q(), query.sortParam());
        model.addAttribute("pageBase", "/licences" + (fullQuery.isEmpty() ? "" : "?" + fullQuery));
        model.addAttribute("schools", licences.readableSchools());
        model.addAttribute("softwareChoices", catalogue.choices());
        model.addAttribute("types", LicenceType.values());
        model.addAttribute("canCreate", licences.canCreate());
        model.addAttribute("renewalDays", Licences.DEFAULT_RENEWAL_DAYS);
        return "licences/licences";
    }

    /** The filter without the values that did not convert (a hand-edited URL), so the page still shows. */
    private static LicenceFilter valid(LicenceFilter f, BindingResult errors) {
        return new LicenceFilter(errors.hasFieldErrors("school") ? null : f.school(),
                errors.hasFieldErrors("board") ? null : f.board(), errors.hasFieldErrors("software") ? null : f.software(),
                errors.hasFieldErrors("type") ? null : f.type(), errors.hasFieldErrors("expiring") ? null : f.expiring(),
                errors.hasFieldErrors("expired") ? null : f.expired(), errors.hasFieldErrors("overUse") ? null : f.overUse(),
                errors.hasFieldErrors("assetId") ? null : f.assetId(), errors.hasFieldErrors("personId") ? null : f.personId());
    }

    @GetMapping("/licences/renewals")
    String renewals(@RequestParam(required = false) String days, @RequestParam(required = false) Integer page, Model model) {
        Long parsed = SoftwareController.parseId(days);
        int window = parsed == null || parsed < 0 || parsed > Licences.MAX_RENEWAL_DAYS ? Licences.DEFAULT_RENEWAL_DAYS
                : parsed.intValue();
        model.addAttribute("page", licences.renewals(window, PageQuery.of(page, 50, null, null)));
        model.addAttribute("days", window);
        model.addAttribute("choices", List.of(30, 60, 90, 180, 365));
        return "licences/renewals";
    }

    @GetMapping("/licences/compliance")
    String compliance(Model model) {
        model.addAttribute("schools", licences.compliance());
        model.addAttribute("renewalDays", Licences.DEFAULT_RENEWAL_DAYS);
        return "licences/compliance";
    }

    // ---- one licence ----

    @GetMapping("/licences/{id}")
    String show(@PathVariable long id, Model model) {
        LicenceView licence = licences.licence(id);
        model.addAttribute("licence", licence);
        model.addAttribute("assignments", licences.assignments(id));
        boolean manage = licences.canManage(licence.schoolId());
        model.addAttribute("canManage", manage);
        model.addAttribute("schoolOptions", manage ? licences.schoolOptions(licence) : List.of());
        // installations the inventory agents found, against the seats: the licence's school, or the whole board
        model.addAttribute("installs", licence.schoolId() == null
                ? agents.installCount(access.current().boardId(), licence.softwareName())
                : agents.installCount(List.of(licence.schoolId()), licence.softwareName()));
        model.addAttribute("unlicensed", installCompliance.unlicensed(id, be.coordinaat.shared.PageQuery.of(0, 20, null, null)));
        return "licences/licence";
    }

    @PostMapping("/licences/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        licences.delete(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/licences";
    }

    // ---- assignments ----

    @PostMapping("/licences/{id}/assignments")
    String assign(@PathVariable long id, @ModelAttribute AssignmentForm form, BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("flashError", "licence.flash.assign.target");
            return "redirect:/licences/" + id;
        }
        try {
            licences.assign(id, form);
            redirect.addFlashAttribute("flash", "licence.flash.assigned");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", switch (e.problems().get(0).messageKey()) {
                case "licence.error.assignment.otherSchool" -> "licence.flash.assign.otherSchool";
                case "licence.error.assignment.duplicate" -> "licence.flash.assign.duplicate";
                case "error.reference" -> "licence.flash.assign.notFound";
                default -> "licence.flash.assign.target";
            });
        }
        return "redirect:/licences/" + id;
    }

    @PostMapping("/licences/{id}/assignments/{assignmentId}/delete")
    String unassign(@PathVariable long id, @PathVariable long assignmentId, RedirectAttributes redirect) {
        licences.unassign(id, assignmentId);
        redirect.addFlashAttribute("flash", "licence.flash.unassigned");
        return "redirect:/licences/" + id;
    }

    /** Options of the asset chooser: assets of the licence's school whose tag, name or model contains q (htmx). */
    @GetMapping("/licences/{id}/asset-options")
    String assetOptions(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("options", licences.assetOptions(id, q));
        return "licences/parts :: options";
    }

    /** Options of the person chooser: people of the licence's school whose name contains q (htmx). */
    @GetMapping("/licences/{id}/person-options")
    String personOptions(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("options", licences.personOptions(id, q));
        return "licences/parts :: options";
    }

    // ---- proof of purchase ----

    @GetMapping("/licences/{id}/proof")
    ResponseEntity<byte[]> proof(@PathVariable long id) {
        var file = licences.proof(id);
        // scans are shown in the browser; documents are always downloaded
        ContentDisposition disposition = (file.contentType().startsWith("image/") ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(file.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.bytes());
    }

    @PostMapping("/licences/{id}/proof")
    String attachProof(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        try {
            licences.attachProof(id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            redirect.addFlashAttribute("flash", "licence.flash.proofAttached");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", switch (e.problems().get(0).messageKey()) {
                case "licence.error.file.tooLarge" -> "licence.flash.file.tooLarge";
                case "licence.error.file.type" -> "licence.flash.file.type";
                default -> "licence.flash.file.empty";
            });
        }
        return "redirect:/licences/" + id;
    }

    @PostMapping("/licences/{id}/proof/delete")
    String removeProof(@PathVariable long id, RedirectAttributes redirect) {
        licences.removeProof(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/licences/" + id;
    }

    // ---- form ----

    @GetMapping("/licences/new")
    String newLicence(@RequestParam(required = false) String software, @RequestParam(required = false) String school,
            Model model) {
        List<SchoolRef> manageable = licences.manageableSchools();
        if (!licences.canCreate()) {
            throw new AccessDeniedException("no LICENCES_MANAGE");
        }
        Long schoolId = SoftwareController.parseId(school);
        if (schoolId == null && manageable.size() == 1 && !licences.canManageBoardWide()) {
            schoolId = manageable.get(0).id();
        }
        return form(model, new LicenceForm(SoftwareController.parseId(software), schoolId, null, LicenceType.PER_USER,
                null, null, null, null, false, null, null, null, null), null, null);
    }

    @PostMapping("/licences")
    String create(@Valid @ModelAttribute("form") LicenceForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!licences.canCreate()) {
            throw new AccessDeniedException("no LICENCES_MANAGE");
        }
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = licences.create(form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/licences/" + id[0];
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/licences/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        LicenceView l = requireManage(id);
        return form(model, new LicenceForm(l.softwareId(), l.schoolId(), l.name(), l.type(), l.seats(), l.cost(),
                l.startDate(), l.endDate(), l.autoRenew(), l.supplier(), l.orderReference(), l.notes(), l.version()), l, null);
    }

    @PostMapping("/licences/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") LicenceForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        LicenceView l = requireManage(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> licences.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/licences/" + id;
        }
        return form(model, form, l, errors);
    }

    private LicenceView requireManage(long id) {
        LicenceView l = licences.licence(id);
        if (!licences.canManage(l.schoolId())) {
            throw new AccessDeniedException("no LICENCES_MANAGE for licence " + id);
        }
        return l;
    }

    private String form(Model model, LicenceForm form, LicenceView licence, BindingResult errors) {
        FormModel.put(model, form, errors);
        model.addAttribute("licence", licence);
        model.addAttribute("softwareChoices", catalogue.choices());
        model.addAttribute("schools", licences.manageableSchools());
        model.addAttribute("boardWideAllowed", licences.canManageBoardWide());
        model.addAttribute("types", LicenceType.values());
        return "licences/licence-form";
    }

    // ---- the licences of an asset and of a person, shown on their pages ----

    /** The licences covering an asset, as a fragment for the asset page (404 when the asset is not visible). */
    @GetMapping("/licences/for-asset/{id}")
    String forAsset(@PathVariable long id, Model model) {
        model.addAttribute("linked", licences.forAsset(id));
        model.addAttribute("kind", "asset");
        model.addAttribute("targetId", id);
        return "licences/linked :: linked";
    }

    /** The licences covering a person, as a fragment for the person page (404 when the person is not visible). */
    @GetMapping("/licences/for-person/{id}")
    String forPerson(@PathVariable long id, Model model) {
        model.addAttribute("linked", licences.forPerson(id));
        model.addAttribute("kind", "person");
        model.addAttribute("targetId", id);
        return "licences/linked :: linked";
    }
}
