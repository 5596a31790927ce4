package be.coordinaat.maintenance.web;

import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.maintenance.CheckOutcome;
import be.coordinaat.maintenance.Forms.CheckResult;
import be.coordinaat.maintenance.Forms.CompleteCommand;
import be.coordinaat.maintenance.Forms.LogForm;
import be.coordinaat.maintenance.Forms.PlanForm;
import be.coordinaat.maintenance.Forms.ResultsCommand;
import be.coordinaat.maintenance.MaintenanceLogs;
import be.coordinaat.maintenance.MaintenancePlans;
import be.coordinaat.maintenance.PlanFilter;
import be.coordinaat.maintenance.Recurrence;
import be.coordinaat.maintenance.TargetType;
import be.coordinaat.maintenance.Views.OccurrenceView;
import be.coordinaat.maintenance.Views.PlanView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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

/**
 * The maintenance pages: plans and their form, what is due, carrying out an occurrence with its checklist, the
 * maintenance log of an asset (a fragment on the asset page and the form for ad-hoc work) and the start page card.
 */
@Controller
class PlanController {

    /** The plan form as the page posts it: the checklist is one item per line. */
    record PlanPageForm(Long schoolId, @NotBlank @Size(max = 150) String name, @Size(max = 4000) String description,
            @NotNull TargetType targetType, AssetKind targetKind, Long targetModelId, Long targetRoomId, Long targetAssetId,
            @NotNull Recurrence recurrence, Integer every, Integer month, Integer day,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate, String assignee,
            Integer estimatedMinutes, @Size(max = 20000) String checklist, Boolean active, Integer version) {

        /** {@code assignee} is {@code u<id>} for an account or {@code o<id>} for an organisation. */
        PlanForm toForm() {
            Long user = null;
            Long org = null;
            if (assignee != null && assignee.matches("[uo][0-9]{1,18}")) {
                long id = Long.parseLong(assignee.substring(1));
                if (assignee.charAt(0) == 'u') {
                    user = id;
                } else {
                    org = id;
                }
            }
            List<String> items = checklist == null ? List.of()
                    : Arrays.stream(checklist.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            return new PlanForm(schoolId, name, description, targetType, targetKind, targetModelId, targetRoomId,
                    targetAssetId, recurrence, every, month, day, startDate, user, org, estimatedMinutes, items, active,
                    version);
        }

        static PlanPageForm of(PlanView p) {
            return new PlanPageForm(p.schoolId(), p.name(), p.description(), p.targetType(), p.targetKind(),
                    p.targetModelId(), p.targetRoomId(), p.targetAssetId(), p.recurrence(), p.every(), p.month(), p.day(),
                    p.startDate(), p.assigneeUserId() != null ? "u" + p.assigneeUserId()
                            : p.assigneeOrganisationId() != null ? "o" + p.assigneeOrganisationId() : null,
                    p.estimatedMinutes(), String.join("\n", p.checklist()), p.active(), p.version());
        }
    }

    /** The ad-hoc log form. */
    record LogPageForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate performedOn,
            @NotBlank @Size(max = 4000) String summary, @Size(max = 200) String performedBy,
            @Size(max = 200) String supplier, BigDecimal cost, Boolean failed) {}

    private final MaintenancePlans plans;
    private final MaintenanceLogs logs;
    private final MessageSource messages;

    PlanController(MaintenancePlans plans, MaintenanceLogs logs, MessageSource messages) {
        this.plans = plans;
        this.logs = logs;
        this.messages = messages;
    }

    // ---- lists ----

    @GetMapping("/maintenance")
    String list(@Valid @ModelAttribute("filter") PlanFilter filter, BindingResult filterErrors,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, Model model) {
        PlanFilter f = filterErrors.hasErrors() ? PlanFilter.none() : filter;
        PageQuery query = PageQuery.of(page, 50, sort, q);
        model.addAttribute("page", plans.list(f, query));
        model.addAttribute("filter", f);
        model.addAttribute("query", query);
        String qs = f.queryString() + (query.q() == null ? "" : (f.queryString().isEmpty() ? "" : "&") + "q="
                + java.net.URLEncoder.encode(query.q(), java.nio.charset.StandardCharsets.UTF_8));
        model.addAttribute("pageBase", "/maintenance" + (qs.isEmpty() ? "" : "?" + qs));
        model.addAttribute("schools", plans.readableSchools());
        model.addAttribute("canCreate", plans.canCreate());
        model.addAttribute("tab", "plans");
        return "maintenance/plans";
    }

    @GetMapping("/maintenance/due")
    String due(@Valid @ModelAttribute("filter") PlanFilter filter, BindingResult filterErrors,
            @RequestParam(required = false) Integer page, Model model) {
        PlanFilter f = filterErrors.hasErrors() ? PlanFilter.none() : filter;
        model.addAttribute("page", plans.due(f, PageQuery.of(page, 50, null, null)));
        model.addAttribute("filter", f);
        model.addAttribute("pageBase", "/maintenance/due" + (f.queryString().isEmpty() ? "" : "?" + f.queryString()));
        model.addAttribute("schools", plans.readableSchools());
        model.addAttribute("tab", "due");
        return "maintenance/due";
    }

    /** The start page's card: overdue and due soon (htmx). */
    @GetMapping("/maintenance/reminders")
    String reminders(Model model) {
        model.addAttribute("counts", plans.dueCounts());
        return "maintenance/fragments :: reminders";
    }

    // ---- one plan ----

    @GetMapping("/maintenance/plans/{id}")
    String plan(@PathVariable long id, Model model) {
        PlanView plan = plans.plan(id);
        model.addAttribute("plan", plan);
        model.addAttribute("targets", plans.targetsNow(id));
        model.addAttribute("occurrences", plans.occurrences(id));
        model.addAttribute("canEdit", plans.canEdit(plan.schoolId()));
        model.addAttribute("canWork", plans.canWork(plan.schoolId()));
        return "maintenance/plan";
    }

    @PostMapping("/maintenance/plans/{id}/start")
    String start(@PathVariable long id, RedirectAttributes redirect) {
        try {
            return "redirect:/maintenance/occurrences/" + plans.open(id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", "maintenance.flash.paused");
            return "redirect:/maintenance/plans/" + id;
        }
    }

    @PostMapping("/maintenance/plans/{id}/active")
    String active(@PathVariable long id, @RequestParam boolean active, @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        try {
            plans.setActive(id, active, version);
            redirect.addFlashAttribute("flash", active ? "maintenance.flash.resumed" : "maintenance.flash.paused.done");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", "error.conflict.version");
        }
        return "redirect:/maintenance/plans/" + id;
    }

    @PostMapping("/maintenance/plans/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        plans.delete(id);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/maintenance";
    }

    // ---- plan form ----

    @GetMapping("/maintenance/plans/new")
    String newPlan(@RequestParam(required = false) String school, Model model) {
        if (!plans.canCreate()) {
            throw new AccessDeniedException("no MAINTENANCE_MANAGE");
        }
        List<SchoolRef> schools = plans.manageableSchools();
        Long schoolId = school != null && school.matches("[0-9]{1,18}") ? Long.valueOf(school) : null;
        if (schoolId == null && schools.size() == 1) {
            schoolId = schools.get(0).id();
        }
        Long chosen = schoolId;
        if (chosen == null || schools.stream().noneMatch(s -> s.id() == chosen)) {
            model.addAttribute("schools", schools);
            return "maintenance/choose-school";
        }
        return form(model, new PlanPageForm(chosen, null, null, TargetType.KIND, null, null, null, null, Recurrence.MONTHS,
                3, 8, 15, null, null, null, null, true, null), null, null);
    }

    @PostMapping("/maintenance/plans")
    String create(@Valid @ModelAttribute("form") PlanPageForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!plans.canCreate() || form.schoolId() == null || !plans.canEdit(form.schoolId())) {
            throw new AccessDeniedException("no MAINTENANCE_MANAGE");
        }
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = plans.create(form.toForm()))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/maintenance/plans/" + id[0];
        }
        return form(model, form, null, errors);
    }

    @GetMapping("/maintenance/plans/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        PlanView plan = plans.plan(id);
        if (!plans.canEdit(plan.schoolId())) {
            throw new AccessDeniedException("no MAINTENANCE_MANAGE");
        }
        return form(model, PlanPageForm.of(plan), plan, null);
    }

    @PostMapping("/maintenance/plans/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") PlanPageForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        PlanView plan = plans.plan(id);
        if (!plans.canEdit(plan.schoolId())) {
            throw new AccessDeniedException("no MAINTENANCE_MANAGE");
        }
        PlanPageForm fixed = new PlanPageForm(plan.schoolId(), form.name(), form.description(), form.targetType(),
                form.targetKind(), form.targetModelId(), form.targetRoomId(), form.targetAssetId(), form.recurrence(),
                form.every(), form.month(), form.day(), form.startDate(), form.assignee(), form.estimatedMinutes(),
                form.checklist(), form.active(), form.version());
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> plans.update(id, fixed.toForm()))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/maintenance/plans/" + id;
        }
        return form(model, form, plan, errors);
    }

    private String form(Model model, PlanPageForm form, PlanView plan, BindingResult errors) {
        model.addAttribute("form", form);
        if (errors != null && errors.hasErrors() && errors.getTarget() != form) {
            BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, "form");
            kept.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", kept);
        }
        long school = plan != null ? plan.schoolId() : form.schoolId();
        model.addAttribute("plan", plan);
        model.addAttribute("schoolName", plans.manageableSchools().stream().filter(s -> s.id() == school)
                .map(SchoolRef::name).findFirst().orElse(""));
        model.addAttribute("kinds", AssetKind.values());
        model.addAttribute("targetTypes", TargetType.values());
        model.addAttribute("recurrences", Recurrence.values());
        model.addAttribute("models", plans.modelChoices());
        model.addAttribute("rooms", plans.roomChoices(school));
        model.addAttribute("assets", plans.assetChoices(school));
        model.addAttribute("users", plans.userChoices(school));
        model.addAttribute("organisations", plans.organisationChoices(school));
        return "maintenance/plan-form";
    }

    // ---- doing it ----

    @GetMapping("/maintenance/occurrences/{id}")
    String occurrence(@PathVariable long id, Model model) {
        OccurrenceView oc = plans.occurrence(id);
        model.addAttribute("oc", oc);
        model.addAttribute("canWork", oc.open() && plans.canWork(oc.schoolId()));
        model.addAttribute("outcomes", CheckOutcome.values());
        model.addAttribute("today", LocalDate.now(be.coordinaat.shared.web.Formats.ZONE));
        return "maintenance/occurrence";
    }

    /**
     * Saves the ticked items ({@code r_<target>_<item>} = DONE/FAILED/SKIPPED, {@code n_<target>_<item>} = note) and,
     * with {@code action=complete}, completes the occurrence. The results are saved first, so a completion that is
     * refused (items missing) keeps what was ticked.
     */
    @PostMapping("/maintenance/occurrences/{id}")
    String saveOccurrence(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect,
            Model model) {
        List<CheckResult> results = new ArrayList<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey();
            if (!key.matches("r_[0-9]{1,18}_[0-9]{1,3}") || e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            String[] parts = key.split("_");
            CheckOutcome outcome;
            try {
                outcome = CheckOutcome.valueOf(e.getValue());
            } catch (IllegalArgumentException ex) {
                continue;
            }
            String note = params.get("n_" + parts[1] + "_" + parts[2]);
            results.add(new CheckResult(Long.valueOf(parts[1]), Integer.valueOf(parts[2]), outcome,
                    note == null || note.isBlank() ? null : note.length() > 1000 ? note.substring(0, 1000) : note));
        }
        Integer version = params.get("version") != null && params.get("version").matches("[0-9]{1,9}")
                ? Integer.valueOf(params.get("version")) : null;
        try {
            plans.record(id, new ResultsCommand(results, version));
            if ("complete".equals(params.get("action"))) {
                String on = params.get("completedOn");
                LocalDate completedOn = on != null && on.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? parseDate(on) : null;
                String note = params.get("note");
                plans.complete(id, new CompleteCommand(List.of(), note, completedOn, null));
                OccurrenceView oc = plans.occurrence(id);
                redirect.addFlashAttribute("flash", "maintenance.flash.completed");
                return "redirect:/maintenance/plans/" + oc.planId();
            }
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/maintenance/occurrences/" + id;
        } catch (InvalidInputException e) {
            var p = e.problems().get(0);
            model.addAttribute("problem", messages.getMessage(p.messageKey(), p.args(), p.defaultMessage(),
                    LocaleContextHolder.getLocale()));
            return occurrence(id, model);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", "error.conflict.version");
            return "redirect:/maintenance/occurrences/" + id;
        }
    }

    private static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    // ---- the maintenance log of an asset ----

    /** The "Onderhoud" section of the asset page (htmx); 404 when the asset is not visible here. */
    @GetMapping("/maintenance/assets/{id}/log")
    String assetLog(@PathVariable long id, Model model) {
        var asset = logs.asset(id);
        model.addAttribute("asset", asset);
        model.addAttribute("entries", logs.list(id, null, PageQuery.of(0, 20, null, null)));
        model.addAttribute("canAdd", logs.canAdd(asset.schoolId()));
        return "maintenance/fragments :: assetLog";
    }

    @GetMapping("/maintenance/assets/{id}/log/new")
    String newLog(@PathVariable long id, Model model) {
        var asset = logs.asset(id);
        if (!logs.canAdd(asset.schoolId())) {
            throw new AccessDeniedException("no MAINTENANCE_MANAGE");
        }
        model.addAttribute("asset", asset);
        model.addAttribute("form", new LogPageForm(LocalDate.now(be.coordinaat.shared.web.Formats.ZONE), null, null, null,
                null, false));
        model.addAttribute("entries", logs.list(id, null, PageQuery.of(0, 50, null, null)));
        return "maintenance/log-form";
    }

    @PostMapping("/maintenance/assets/{id}/log")
    String addLog(@PathVariable long id, @Valid @ModelAttribute("form") LogPageForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        var asset = logs.asset(id);
        if (!logs.canAdd(asset.schoolId())) {
            throw new AccessDeniedException("no MAINTENANCE_MANAGE");
        }
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> logs.add(id, new LogForm(form.performedOn(),
                form.summary(), form.performedBy(), form.supplier(), form.cost(), form.failed())))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/maintenance/assets/" + id + "/log/new";
        }
        if (errors.getTarget() != form) {
            BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, "form");
            kept.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", kept);
        }
        model.addAttribute("asset", asset);
        model.addAttribute("form", form);
        model.addAttribute("entries", logs.list(id, null, PageQuery.of(0, 50, null, null)));
        return "maintenance/log-form";
    }

    @PostMapping("/maintenance/log/{entryId}/delete")
    String deleteLog(@PathVariable long entryId, RedirectAttributes redirect) {
        var entry = logs.entry(entryId);
        try {
            logs.delete(entryId);
            redirect.addFlashAttribute("flash", "flash.deleted");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", "maintenance.flash.log.preventive");
        }
        return "redirect:/maintenance/assets/" + entry.assetId() + "/log/new";
    }
}
