package be.coordinaat.inventory.loan;

import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.inventory.AssetStatus;
import be.coordinaat.inventory.Inventory;
import be.coordinaat.inventory.Loans;
import be.coordinaat.inventory.Loans.Accessory;
import be.coordinaat.inventory.Loans.BulkForm;
import be.coordinaat.inventory.Loans.BulkResult;
import be.coordinaat.inventory.Loans.CheckInForm;
import be.coordinaat.inventory.Loans.CheckOutForm;
import be.coordinaat.inventory.Loans.Condition;
import be.coordinaat.inventory.Loans.LoanFilter;
import be.coordinaat.inventory.Loans.LoanView;
import be.coordinaat.inventory.Views.AssetView;
import be.coordinaat.school.Schools;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The loan pages: the list (open, overdue), a loan, check-out and check-in, bulk check-out, fragments and /my/devices. */
@Controller
class LoanController {

    private final Loans loans;
    private final Inventory inventory;
    private final Schools schools;
    private final AgreementRenderer renderer;

    /** A charging cart in the bulk check-out's chooser. */
    record CartOption(long id, String name) {}

    private final be.coordinaat.inventory.Carts carts;

    LoanController(Loans loans, Inventory inventory, Schools schools, AgreementRenderer renderer,
            be.coordinaat.inventory.Carts carts) {
        this.carts = carts;
        this.loans = loans;
        this.inventory = inventory;
        this.schools = schools;
        this.renderer = renderer;
    }

    @GetMapping("/inventory/loans")
    String list(@RequestParam(required = false) String school, @RequestParam(required = false) String overdue,
            @RequestParam(required = false) String all, @RequestParam(required = false) String className,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q, Model model) {
        Long schoolId = number(school);
        boolean late = "true".equals(overdue);
        boolean every = "true".equals(all);
        String cls = className == null || className.isBlank() ? null : className.strip();
        PageQuery query = PageQuery.of(page, size, sort, q);
        model.addAttribute("page", loans.loans(new LoanFilter(schoolId, !every, late, cls, null, null), query));
        Map<String, String> params = new LinkedHashMap<>();
        if (schoolId != null) params.put("school", schoolId.toString());
        if (late) params.put("overdue", "true");
        if (every) params.put("all", "true");
        if (cls != null) params.put("className", cls);
        if (query.q() != null) params.put("q", query.q());
        Map<String, String> sortUrls = new LinkedHashMap<>();
        for (String key : List.of("tag", "borrower", "className", "checkedOut", "expectedReturn", "school")) {
            String toggled = key.equals(query.sort() == null ? "expectedReturn" : query.sort()) && !query.descending() ? "-" + key : key;
            sortUrls.put(key, url(params, toggled));
        }
        model.addAttribute("sortUrls", sortUrls);
        model.addAttribute("pageBase", url(params, query.sortParam().isEmpty() ? null : query.sortParam()));
        model.addAttribute("schools", loans.readableSchools());
        model.addAttribute("school", schoolId);
        model.addAttribute("overdue", late);
        model.addAttribute("all", every);
        model.addAttribute("className", cls);
        model.addAttribute("q", query.q());
        model.addAttribute("canBulk", !loans.manageableSchools().isEmpty());
        return "inventory/loans/list";
    }

    @GetMapping("/inventory/loans/overdue")
    String overdue() {
        return "redirect:/inventory/loans?overdue=true";
    }

    private static String url(Map<String, String> params, String sort) {
        StringBuilder b = new StringBuilder("/inventory/loans");
        Map<String, String> all = new LinkedHashMap<>(params);
        if (sort != null) all.put("sort", sort);
        String sep = "?";
        for (var e : all.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = "&";
        }
        return b.toString();
    }

    private static Long number(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/inventory/loans/{id}")
    String show(@PathVariable long id, Model model) {
        LoanView loan = loans.loan(id);
        return detail(model, loan, new CheckInForm(Condition.GOOD, null, loan.accessories(), loan.version()));
    }

    private String detail(Model model, LoanView loan, CheckInForm form) {
        model.addAttribute("loan", loan);
        model.addAttribute("canManage", loans.canManage(loan.schoolId()));
        if (!model.containsAttribute("checkInForm")) {
            model.addAttribute("checkInForm", form);
        }
        model.addAttribute("conditions", Condition.values());
        model.addAttribute("accessories", Accessory.values());
        return "inventory/loans/loan";
    }

    @PostMapping("/inventory/loans/{id}/return")
    String checkIn(@PathVariable long id, @Valid @ModelAttribute("checkInForm") CheckInForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        LoanView loan = loans.loan(id);
        if (!loans.canManage(loan.schoolId())) {
            throw new AccessDeniedException("no INVENTORY_MANAGE");
        }
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> loans.checkIn(id, form))) {
            redirect.addFlashAttribute("flash", "loan.returned");
            return "redirect:/inventory/loans/" + id;
        }
        return detail(model, loan, form);
    }

    @GetMapping("/inventory/loans/{id}/agreement.pdf")
    ResponseEntity<byte[]> agreement(@PathVariable long id) {
        return LoanApiController.pdf(renderer, loans, id);
    }

    // ---- check-out of one asset ----

    @GetMapping("/inventory/assets/{id}/checkout")
    String checkoutForm(@PathVariable long id, Model model) {
        AssetView asset = inventory.asset(id);
        requireManage(asset.schoolId());
        return checkout(model, asset, new CheckOutForm(id, null, List.of(Accessory.CHARGER), null,
                java.time.LocalDate.now(be.coordinaat.shared.web.Formats.ZONE).plusMonths(10), null));
    }

    private String checkout(Model model, AssetView asset, CheckOutForm form) {
        model.addAttribute("asset", asset);
        model.addAttribute("form", form);
        model.addAttribute("people", loans.people(asset.schoolId()));
        model.addAttribute("accessories", Accessory.values());
        return "inventory/loans/checkout";
    }

    @PostMapping("/inventory/assets/{id}/checkout")
    String checkOut(@PathVariable long id, @Valid @ModelAttribute("form") CheckOutForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        AssetView asset = inventory.asset(id);
        requireManage(asset.schoolId());
        CheckOutForm f = new CheckOutForm(id, form.personId(), form.accessories(), form.accessoriesOther(), form.expectedReturn(),
                form.notes());
        long[] loanId = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> loanId[0] = loans.checkOut(f))) {
            redirect.addFlashAttribute("flash", "loan.checkedOut");
            return "redirect:/inventory/loans/" + loanId[0];
        }
        return checkout(model, asset, f);
    }

    private void requireManage(long schoolId) {
        if (!loans.canManage(schoolId)) {
            throw new AccessDeniedException("no INVENTORY_MANAGE in " + schoolId);
        }
    }

    // ---- fragments ----

    /** The loans panel of the asset page (htmx). */
    @GetMapping("/inventory/assets/{id}/loans")
    String assetLoans(@PathVariable long id, Model model) {
        AssetView asset = inventory.asset(id);
        List<LoanView> all = loans.ofAsset(id);
        model.addAttribute("asset", asset);
        model.addAttribute("current", all.stream().filter(LoanView::open).findFirst().orElse(null));
        model.addAttribute("loans", all);
        model.addAttribute("canManage", loans.canManage(asset.schoolId()));
        model.addAttribute("lendable", asset.status() == AssetStatus.IN_STOCK);
        return "inventory/loans/fragments :: assetLoans";
    }

    /** The loans panel of the person page (htmx); empty for users who see no inventory. */
    @GetMapping("/inventory/people/{personId}/loans")
    String personLoans(@PathVariable long personId, Model model) {
        model.addAttribute("loans", loans.canRead() ? loans.ofPerson(personId) : List.of());
        model.addAttribute("visible", loans.canRead());
        return "inventory/loans/fragments :: personLoans";
    }

    // ---- bulk ----

    @GetMapping("/inventory/loans/bulk")
    String bulkForm(@RequestParam(required = false) Long school, @RequestParam(required = false) Long cart, Model model) {
        List<SchoolRef> manageable = loans.manageableSchools();
        if (manageable.isEmpty()) {
            throw new AccessDeniedException("no INVENTORY_MANAGE");
        }
        Long schoolId = school != null ? school : manageable.get(0).id();
        requireSchool(schoolId);
        return bulk(model, new BulkForm(schoolId, null, null, null,
                java.time.LocalDate.now(be.coordinaat.shared.web.Formats.ZONE).plusMonths(10), List.of(Accessory.CHARGER), null, cart), null);
    }

    private void requireSchool(long schoolId) {
        loans.classes(schoolId); // 404 outside the user's schools
        requireManage(schoolId);
    }

    private String bulk(Model model, BulkForm form, BulkResult result) {
        model.addAttribute("form", form);
        model.addAttribute("result", result);
        model.addAttribute("schools", loans.manageableSchools());
        model.addAttribute("classes", loans.classes(form.schoolId()));
        model.addAttribute("rooms", schools.rooms(form.schoolId(), PageQuery.of(0, PageQuery.MAX_SIZE, "name", null)).items());
        model.addAttribute("accessories", Accessory.values());
        model.addAttribute("carts", carts.carts(form.schoolId()).stream()
                .map(c -> new CartOption(c.id(), c.tag() + (c.label().isEmpty() ? "" : " – " + c.label())
                        + " (" + c.devices() + ")")).toList());
        return "inventory/loans/bulk";
    }

    @PostMapping("/inventory/loans/bulk")
    String bulk(@Valid @ModelAttribute("form") BulkForm form, BindingResult errors,
            @RequestParam(defaultValue = "preview") String action, Model model, RedirectAttributes redirect) {
        if (form.schoolId() == null) {
            return "redirect:/inventory/loans/bulk";
        }
        requireSchool(form.schoolId());
        BulkResult[] result = new BulkResult[1];
        boolean preview = !"confirm".equals(action);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> result[0] = loans.bulk(form, preview))) {
            if (!preview) {
                redirect.addFlashAttribute("flash", "loan.bulk.done");
                return "redirect:/inventory/loans?school=" + form.schoolId() + "&className="
                        + URLEncoder.encode(form.className().strip(), StandardCharsets.UTF_8);
            }
        } else if (!preview && !errors.hasFieldErrors("className") && !errors.hasFieldErrors("expectedReturn")) {
            // show the rows with their problems
            try {
                result[0] = loans.bulk(form, true);
            } catch (RuntimeException ignored) {
                // the field errors are shown
            }
        }
        return bulk(model, form, result[0]);
    }

    // ---- my devices ----

    @GetMapping("/my/devices")
    String myDevices(Model model) {
        List<LoanView> mine = loans.mine();
        model.addAttribute("open", mine.stream().filter(LoanView::open).toList());
        model.addAttribute("past", mine.stream().filter(l -> !l.open()).toList());
        return "inventory/loans/my-devices";
    }
}
