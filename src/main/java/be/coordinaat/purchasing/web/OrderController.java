package be.coordinaat.purchasing.web;

import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.budget.BudgetLedger.LineChoice;
import be.coordinaat.inventory.AssetCatalog;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.licences.LicenceType;
import be.coordinaat.licences.SoftwareCatalogue;
import be.coordinaat.people.OrganisationKind;
import be.coordinaat.people.Organisations;
import be.coordinaat.purchasing.Forms.DeliveryForm;
import be.coordinaat.purchasing.Forms.DeliveryLineForm;
import be.coordinaat.purchasing.Forms.InvoiceForm;
import be.coordinaat.purchasing.Forms.OrderForm;
import be.coordinaat.purchasing.Forms.OrderLineForm;
import be.coordinaat.purchasing.Forms.PaidForm;
import be.coordinaat.purchasing.ItemKind;
import be.coordinaat.purchasing.OrderStatus;
import be.coordinaat.purchasing.OverBudgetException;
import be.coordinaat.purchasing.PurchaseOrders;
import be.coordinaat.purchasing.Purchases;
import be.coordinaat.purchasing.Views.DeliveryResult;
import be.coordinaat.purchasing.Views.OrderView;
import be.coordinaat.purchasing.Views.QuoteView;
import be.coordinaat.purchasing.Views.RequestView;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The order pages: the list, placing an order (from a request or a joint order), and an order with deliveries and invoices. */
@Controller
class OrderController {

    private static final List<String> SORTS = List.of("date", "number", "supplier", "total", "status");

    /** A delivery as the page sends it: serials one per line of a text box (typed, or scanned with a barcode scanner). */
    record DeliveryPage(String submissionKey,
            @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate deliveredOn, String note, List<DeliveryPageLine> lines) {}

    record DeliveryPageLine(Long orderLineId, Integer quantity, String serials) {}

    private final PurchaseOrders orders;
    private final Purchases purchases;
    private final AssetCatalog catalog;
    private final SoftwareCatalogue software;
    private final Organisations organisations;

    OrderController(PurchaseOrders orders, Purchases purchases, AssetCatalog catalog, SoftwareCatalogue software,
            Organisations organisations) {
        this.orders = orders;
        this.purchases = purchases;
        this.catalog = catalog;
        this.software = software;
        this.organisations = organisations;
    }

    /** Amounts typed the Belgian way ("1.250,50"). */
    @org.springframework.web.bind.annotation.InitBinder
    void amounts(org.springframework.web.bind.WebDataBinder binder) {
        binder.registerCustomEditor(java.math.BigDecimal.class, new EuroEditor());
    }

    @GetMapping("/purchases/orders")
    String list(@RequestParam(required = false) String school, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, Model model) {
        Long schoolId = PurchaseController.parseId(school);
        OrderStatus st = null;
        try {
            st = status == null || status.isBlank() ? null : OrderStatus.valueOf(status);
        } catch (IllegalArgumentException ignored) {
            // a hand-edited URL: no status filter
        }
        PageQuery query = PageQuery.of(page, 25, sort, q);
        model.addAttribute("page", orders.list(schoolId, st, query));
        model.addAttribute("query", query);
        model.addAttribute("school", schoolId);
        model.addAttribute("status", st);
        String base = "/purchases/orders?" + (schoolId == null ? "" : "school=" + schoolId + "&")
                + (st == null ? "" : "status=" + st + "&")
                + (query.q() == null ? "" : "q=" + java.net.URLEncoder.encode(query.q(), java.nio.charset.StandardCharsets.UTF_8) + "&");
        Map<String, String> sortUrls = new LinkedHashMap<>();
        for (String key : SORTS) {
            sortUrls.put(key, base + "sort=" + (key.equals(query.sort()) && !query.descending() ? "-" + key : key));
        }
        model.addAttribute("sortUrls", sortUrls);
        model.addAttribute("pageBase", base + (query.sort() == null ? "" : "sort=" + query.sortParam()));
        model.addAttribute("schools", purchases.readableSchools());
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("canCreate", orders.canCreate());
        return "purchasing/orders";
    }

    // ---- placing an order ----

    @GetMapping("/purchases/orders/new")
    String newOrder(@RequestParam(required = false) String request, Model model) {
        if (!orders.canCreate()) {
            throw new AccessDeniedException("no PURCHASES_MANAGE");
        }
        Long requestId = PurchaseController.parseId(request);
        OrderForm form;
        if (requestId != null) {
            RequestView r = purchases.request(requestId);
            QuoteView chosen = r.quotes().stream().filter(q -> q.id() == (r.chosenQuoteId() == null ? -1 : r.chosenQuoteId()))
                    .findFirst().orElse(null);
            BigDecimal unit = (chosen == null ? r.estimatedCost() : chosen.amount())
                    .divide(new BigDecimal("1.21").multiply(BigDecimal.valueOf(r.quantity())), 2, RoundingMode.HALF_UP);
            form = new OrderForm(r.schoolId(), r.id(), null, Purchases.today(),
                    chosen == null ? null : chosen.supplierOrganisationId(), chosen == null ? null : chosen.supplierName(), null,
                    List.of(new OrderLineForm(r.schoolId(), r.title(), r.quantity(), unit, new BigDecimal("21"), ItemKind.ASSET,
                            null, null, null, null, r.budgetLineId())), false);
        } else {
            var mine = orders.manageableSchools();
            Long school = mine.size() == 1 ? mine.get(0).id() : null;
            form = new OrderForm(school, null, null, Purchases.today(), null, null, null,
                    List.of(blankLine(school), blankLine(school)), false);
        }
        return form(model, form, null);
    }

    private static OrderLineForm blankLine(Long school) {
        return new OrderLineForm(school, null, null, null, new BigDecimal("21"), ItemKind.ASSET, null, null, null, null, null);
    }

    @PostMapping("/purchases/orders")
    String create(@ModelAttribute("form") OrderForm form, BindingResult errors,
            @RequestParam(required = false) String addLine, Model model, RedirectAttributes redirect) {
        if (!orders.canCreate()) {
            throw new AccessDeniedException("no PURCHASES_MANAGE");
        }
        if (addLine != null) {
            List<OrderLineForm> lines = new ArrayList<>(form.lines() == null ? List.of() : form.lines());
            lines.add(blankLine(form.schoolId()));
            OrderForm more = new OrderForm(form.schoolId(), form.requestId(), form.number(), form.orderDate(),
                    form.supplierOrganisationId(), form.supplierName(), form.notes(), lines, form.confirmOverBudget());
            return form(model, more, null);
        }
        long[] id = new long[1];
        if (!errors.hasErrors()) {
            OverBudgetException[] over = new OverBudgetException[1];
            boolean done = FormErrors.apply(errors, () -> {
                try {
                    id[0] = orders.create(form);
                } catch (OverBudgetException e) {
                    over[0] = e;
                }
            });
            if (done && over[0] == null) {
                redirect.addFlashAttribute("flash", "purchase.flash.ordered");
                return "redirect:/purchases/orders/" + id[0];
            }
            model.addAttribute("overBudget", over[0]);
        }
        return form(model, form, errors);
    }

    private String form(Model model, OrderForm form, BindingResult errors) {
        FormModel.put(model, "form", form, errors);
        List<SchoolRef> schools = orders.manageableSchools();
        model.addAttribute("schools", schools);
        List<LineChoice> lines = new ArrayList<>();
        Map<Long, String> schoolNames = new LinkedHashMap<>();
        for (SchoolRef s : schools) {
            lines.addAll(purchases.budgetLines(s.id()));
            schoolNames.put(s.id(), s.name());
        }
        model.addAttribute("budgetLines", lines);
        model.addAttribute("schoolNames", schoolNames);
        model.addAttribute("itemKinds", ItemKind.values());
        model.addAttribute("assetKinds", AssetKind.values());
        model.addAttribute("licenceTypes", LicenceType.values());
        model.addAttribute("vatRates", List.of("0", "6", "12", "21"));
        model.addAttribute("models", safe(catalog::modelChoices));
        model.addAttribute("softwareChoices", safe(software::choices));
        model.addAttribute("suppliers", safe(() -> organisations.list(PageQuery.of(0, 200, "name", null), OrganisationKind.SUPPLIER).items()));
        model.addAttribute("request", form.requestId() == null ? null : purchases.request(form.requestId()));
        return "purchasing/order-form";
    }

    private static <T> List<T> safe(java.util.function.Supplier<List<T>> s) {
        try {
            return s.get();
        } catch (AccessDeniedException e) {
            return List.of();
        }
    }

    // ---- one order ----

    @GetMapping("/purchases/orders/{id}")
    String show(@PathVariable long id, Model model) {
        OrderView o = orders.order(id);
        model.addAttribute("o", o);
        model.addAttribute("canManage", orders.canManage(o));
        if (!model.containsAttribute("delivery")) {
            model.addAttribute("delivery", new DeliveryPage(UUID.randomUUID().toString(), Purchases.today(), null,
                    o.lines().stream().map(l -> new DeliveryPageLine(l.id(), null, null)).toList()));
        }
        if (!model.containsAttribute("invoice")) {
            model.addAttribute("invoice", new InvoiceForm(null, o.totalGross().subtract(o.invoiced()).max(BigDecimal.ZERO),
                    Purchases.today(), null));
        }
        model.addAttribute("budget", budgetOf(o));
        return "purchasing/order";
    }

    /** What remains on the budget lines of the order, for the user to see the effect of the invoice. */
    private List<LineChoice> budgetOf(OrderView o) {
        List<LineChoice> out = new ArrayList<>();
        for (long school : o.schoolIds()) {
            try {
                purchases.budgetLines(school).stream()
                        .filter(c -> o.lines().stream().anyMatch(l -> l.budgetLineId() != null && l.budgetLineId() == c.id()))
                        .forEach(out::add);
            } catch (RuntimeException e) {
                // a school of a joint order the user does not read
            }
        }
        return out;
    }

    @PostMapping("/purchases/orders/{id}/deliveries")
    String deliver(@PathVariable long id, @ModelAttribute("delivery") DeliveryPage page, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return show(id, model);
        }
        List<DeliveryLineForm> lines = (page.lines() == null ? List.<DeliveryPageLine>of() : page.lines()).stream()
                .map(l -> new DeliveryLineForm(l.orderLineId(), l.quantity(), l.serials() == null ? List.of()
                        : Arrays.stream(l.serials().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList()))
                .toList();
        DeliveryForm form = new DeliveryForm(page.submissionKey(), page.deliveredOn(), page.note(), lines);
        BindingResult mapped = new BeanPropertyBindingResult(form, "deliveryForm");
        DeliveryResult[] result = new DeliveryResult[1];
        if (FormErrors.apply(mapped, () -> result[0] = orders.deliver(id, form))) {
            redirect.addFlashAttribute("flash", result[0].created() ? "purchase.flash.delivered" : "purchase.flash.deliveredBefore");
            return "redirect:/purchases/orders/" + id;
        }
        mapped.getFieldErrors().forEach(e -> {
            try {
                errors.rejectValue(e.getField(), e.getCode(), e.getArguments(), e.getDefaultMessage());
            } catch (RuntimeException ex) {
                errors.reject(e.getCode(), e.getArguments(), e.getDefaultMessage());
            }
        });
        mapped.getGlobalErrors().forEach(e -> errors.reject(e.getCode(), e.getArguments(), e.getDefaultMessage()));
        return show(id, model);
    }

    @PostMapping("/purchases/orders/{id}/invoices")
    String invoice(@PathVariable long id, @ModelAttribute("invoice") InvoiceForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> orders.invoice(id, form))) {
            redirect.addFlashAttribute("flash", "purchase.flash.invoiced");
            return "redirect:/purchases/orders/" + id;
        }
        return show(id, model);
    }

    @PostMapping("/purchases/orders/{id}/invoices/{invoiceId}/paid")
    String paid(@PathVariable long id, @PathVariable long invoiceId, @RequestParam(required = false) String paidOn,
            RedirectAttributes redirect) {
        java.time.LocalDate date;
        try {
            date = paidOn == null || paidOn.isBlank() ? Purchases.today() : java.time.LocalDate.parse(paidOn);
        } catch (java.time.format.DateTimeParseException e) {
            date = null;
        }
        try {
            orders.markPaid(id, invoiceId, new PaidForm(date));
            redirect.addFlashAttribute("flash", "purchase.flash.paid");
        } catch (be.coordinaat.shared.InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "purchase.flash.paidInvalid");
        }
        return "redirect:/purchases/orders/" + id;
    }

    @PostMapping("/purchases/orders/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        try {
            orders.close(id);
            redirect.addFlashAttribute("flash", "purchase.flash.closed");
        } catch (be.coordinaat.shared.ConflictException e) {
            redirect.addFlashAttribute("flashError", "purchase.flash.closeWithoutInvoice");
        }
        return "redirect:/purchases/orders/" + id;
    }
}
