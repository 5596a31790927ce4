package be.coordinaat.licences.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.licences.DigitalTools;
import be.coordinaat.licences.LicenceFilter;
import be.coordinaat.licences.Licences;
import be.coordinaat.licences.ToolCostModel;
import be.coordinaat.licences.ToolCriterion;
import be.coordinaat.licences.ToolFilter;
import be.coordinaat.licences.ToolForms.EvaluationForm;
import be.coordinaat.licences.ToolForms.ProposalForm;
import be.coordinaat.licences.ToolForms.ToolForm;
import be.coordinaat.licences.ToolForms.TransitionForm;
import be.coordinaat.licences.ToolGrade;
import be.coordinaat.licences.ToolRecommendation;
import be.coordinaat.licences.ToolStatus;
import be.coordinaat.licences.ToolSubject;
import be.coordinaat.licences.ToolViews.EvaluationView;
import be.coordinaat.licences.ToolViews.Score;
import be.coordinaat.licences.ToolViews.ToolView;
import be.coordinaat.licences.Views.LicenceRow;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The digital-tool pages ("Digitale middelen"): the approved catalogue every teacher browses, proposals in progress,
 * the tools to evaluate; a tool with its life cycle, evaluations, privacy status, licences and decision; the proposal,
 * edit and evaluation forms.
 */
@Controller
class ToolController {

    /** The tabs of the list: what a teacher may use, what is being decided, what I must score, everything. */
    static final List<String> VIEWS = List.of("approved", "progress", "mine", "all");
    private static final List<String> SORTS = List.of("name", "school", "status", "changed", "score");

    private final DigitalTools tools;
    private final Licences licences;
    private final AccessControl access;

    ToolController(DigitalTools tools, Licences licences, AccessControl access) {
        this.tools = tools;
        this.licences = licences;
        this.access = access;
    }

    @GetMapping("/tools")
    String list(@RequestParam(required = false) String view, @RequestParam(required = false) String school,
            @RequestParam(required = false) String status, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String grade, @RequestParam(required = false) String cost,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q, Model model) {
        // a hand-edited URL with an unknown value shows the list without that filter
        String tab = view != null && VIEWS.contains(view) ? view : "approved";
        ToolStatus st = "all".equals(tab) ? parse(ToolStatus.class, status) : null;
        ToolFilter filter = new ToolFilter(SoftwareController.parseId(school), st, "approved".equals(tab) ? true : null,
                "progress".equals(tab) ? true : null, parse(ToolSubject.class, subject), parse(ToolGrade.class, grade),
                parse(ToolCostModel.class, cost), "mine".equals(tab) ? true : null);
        PageQuery query = PageQuery.of(page, size, sort, q);
        model.addAttribute("page", tools.list(filter, query));
        model.addAttribute("query", query);
        model.addAttribute("filter", filter);
        model.addAttribute("view", tab);
        model.addAttribute("views", VIEWS);
        Map<String, String> sortUrls = new LinkedHashMap<>();
        for (String key : SORTS) {
            String toggled = key.equals(query.sort() == null ? "name" : query.sort()) && !query.descending() ? "-" + key : key;
            sortUrls.put(key, url(tab, filter, query.q(), toggled));
        }
        model.addAttribute("sortUrls", sortUrls);
        model.addAttribute("pageBase", url(tab, filter, query.q(), query.sortParam()));
        Map<String, String> tabUrls = new LinkedHashMap<>();
        for (String v : VIEWS) {
            tabUrls.put(v, url(v, new ToolFilter(filter.school(), null, null, null, filter.subject(), filter.grade(),
                    filter.cost(), null), query.q(), query.sortParam()));
        }
        model.addAttribute("tabUrls", tabUrls);
        model.addAttribute("schools", tools.readableSchools());
        model.addAttribute("statuses", ToolStatus.values());
        model.addAttribute("subjects", ToolSubject.values());
        model.addAttribute("grades", ToolGrade.values());
        model.addAttribute("costModels", ToolCostModel.values());
        model.addAttribute("canPropose", tools.canPropose());
        return "licences/tools";
    }

    private static String url(String view, ToolFilter filter, String q, String sort) {
        ToolFilter f = new ToolFilter(filter.school(), filter.status(), null, null, filter.subject(), filter.grade(),
                filter.cost(), null);
        String qs = f.queryString(q, sort);
        return "/tools?view=" + view + (qs.isEmpty() ? "" : "&" + qs);
    }

    // ---- one tool ----

    @GetMapping("/tools/{id}")
    String show(@PathVariable long id, Model model) {
        ToolView tool = tools.tool(id);
        return page(model, tool, new TransitionForm(null, null, null, null, tool.version()), null);
    }

    private String page(Model model, ToolView tool, TransitionForm decision, BindingResult errors) {
        model.addAttribute("tool", tool);
        model.addAttribute("summary", tools.evaluations(tool.id()));
        model.addAttribute("criteria", ToolCriterion.values());
        boolean decide = tools.canDecide(tool);
        model.addAttribute("canDecide", decide);
        model.addAttribute("canEdit", tools.canEdit(tool));
        model.addAttribute("canEvaluate", tools.canEvaluate(tool));
        model.addAttribute("canOverride", tools.canOverridePrivacy(tool));
        model.addAttribute("nextStatuses", tool.status().next());
        model.addAttribute("evaluatorOptions", decide && (tool.status().open() || tool.status() == ToolStatus.PROPOSED)
                ? tools.evaluatorOptions(tool.id()) : List.of());
        model.addAttribute("decision", decision);
        if (errors != null && errors.hasErrors() && errors.getTarget() != decision) {
            // a value that did not convert (a date typed by hand) leaves the binding without the record
            org.springframework.validation.BeanPropertyBindingResult kept =
                    new org.springframework.validation.BeanPropertyBindingResult(decision, "decision");
            kept.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "decision", kept);
        }
        // the licence records of this entry in the tool's school and board-wide, for readers of licences
        List<LicenceRow> rows = List.of();
        boolean readLicences = access.can(Permission.LICENCES_READ, tool.schoolId());
        if (readLicences) {
            rows = licences.list(new LicenceFilter(null, null, tool.softwareId(), null, null, null, null, null, null),
                            PageQuery.of(0, PageQuery.MAX_SIZE, "school", null)).items().stream()
                    .filter(l -> l.schoolId() == null || l.schoolId() == tool.schoolId()).toList();
        }
        model.addAttribute("readLicences", readLicences);
        model.addAttribute("licenceRows", rows);
        model.addAttribute("readSoftware", access.canAnywhere(Permission.LICENCES_READ));
        return "licences/tool";
    }

    @PostMapping("/tools/{id}/status")
    String changeStatus(@PathVariable long id, @Valid @ModelAttribute("decision") TransitionForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        ToolView tool = tools.tool(id);
        if (!tools.canDecide(tool)) {
            throw new AccessDeniedException("no TOOLS_DECIDE in school " + tool.schoolId());
        }
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> tools.changeStatus(id, form))) {
            redirect.addFlashAttribute("flash", "tool.flash.statusChanged");
            return "redirect:/tools/" + id;
        }
        return page(model, tools.tool(id), form, errors);
    }

    @PostMapping("/tools/{id}/evaluators")
    String invite(@PathVariable long id, @RequestParam(required = false) String userId, RedirectAttributes redirect) {
        try {
            tools.inviteEvaluator(id, SoftwareController.parseId(userId));
            redirect.addFlashAttribute("flash", "tool.flash.invited");
        } catch (be.coordinaat.shared.InvalidInputException e) {
            redirect.addFlashAttribute("flashError", e.problems().get(0).messageKey());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/tools/" + id;
    }

    @PostMapping("/tools/{id}/evaluators/{userId}/delete")
    String uninvite(@PathVariable long id, @PathVariable long userId, RedirectAttributes redirect) {
        tools.removeEvaluator(id, userId);
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/tools/" + id;
    }

    @PostMapping("/tools/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            tools.delete(id);
            redirect.addFlashAttribute("flash", "tool.flash.withdrawn");
            return "redirect:/tools?view=progress";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/tools/" + id;
        }
    }

    // ---- proposal and edit ----

    @GetMapping("/tools/new")
    String newTool(@RequestParam(required = false) String software, Model model) {
        access.requireAnywhere(Permission.TOOLS_PROPOSE);
        var schools = tools.proposableSchools();
        return proposalForm(model, new ProposalForm(SoftwareController.parseId(software), null, null, null,
                schools.size() == 1 ? schools.get(0).id() : null, null, List.of(), List.of(), null), null);
    }

    @PostMapping("/tools")
    String propose(@Valid @ModelAttribute("form") ProposalForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        access.requireAnywhere(Permission.TOOLS_PROPOSE);
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = tools.propose(form))) {
            redirect.addFlashAttribute("flash", "tool.flash.proposed");
            return "redirect:/tools/" + id[0];
        }
        return proposalForm(model, form, errors);
    }

    private String proposalForm(Model model, ProposalForm form, BindingResult errors) {
        FormModel.put(model, form, errors);
        model.addAttribute("schools", tools.proposableSchools());
        model.addAttribute("softwareChoices", tools.softwareChoices());
        options(model);
        return "licences/tool-propose";
    }

    @GetMapping("/tools/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ToolView tool = requireEdit(id);
        return editForm(model, tool, new ToolForm(tool.purpose(), tool.subjects(), tool.grades(), tool.costModel(),
                tool.version()), null);
    }

    @PostMapping("/tools/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ToolForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        ToolView tool = requireEdit(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> tools.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/tools/" + id;
        }
        return editForm(model, tool, form, errors);
    }

    private ToolView requireEdit(long id) {
        ToolView tool = tools.tool(id);
        if (!tools.canEdit(tool)) {
            throw new AccessDeniedException("may not change tool " + id);
        }
        return tool;
    }

    private String editForm(Model model, ToolView tool, ToolForm form, BindingResult errors) {
        FormModel.put(model, form, errors);
        model.addAttribute("tool", tool);
        options(model);
        return "licences/tool-form";
    }

    private static void options(Model model) {
        model.addAttribute("subjects", ToolSubject.values());
        model.addAttribute("primaryGrades", EnumSet.range(ToolGrade.KINDERGARTEN, ToolGrade.PRIMARY_6));
        model.addAttribute("secondaryGrades", EnumSet.range(ToolGrade.SECONDARY_1, ToolGrade.SECONDARY_6));
        model.addAttribute("costModels", ToolCostModel.values());
    }

    // ---- evaluation ----

    @GetMapping("/tools/{id}/evaluate")
    String evaluateForm(@PathVariable long id, Model model) {
        ToolView tool = requireEvaluate(id);
        EvaluationView mine = tools.evaluations(id).mine();
        EvaluationForm form = mine == null ? new EvaluationForm(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null) : fromView(mine);
        return evaluationForm(model, tool, form, null);
    }

    @PostMapping("/tools/{id}/evaluate")
    String evaluate(@PathVariable long id, @Valid @ModelAttribute("form") EvaluationForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        ToolView tool = requireEvaluate(id);
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> tools.evaluate(id, form))) {
            redirect.addFlashAttribute("flash", "tool.flash.evaluated");
            return "redirect:/tools/" + id;
        }
        return evaluationForm(model, tool, form, errors);
    }

    private ToolView requireEvaluate(long id) {
        ToolView tool = tools.tool(id);
        if (!tools.canEvaluate(tool)) {
            throw new AccessDeniedException("not invited to evaluate tool " + id);
        }
        return tool;
    }

    private String evaluationForm(Model model, ToolView tool, EvaluationForm form, BindingResult errors) {
        FormModel.put(model, form, errors);
        model.addAttribute("tool", tool);
        model.addAttribute("criteria", ToolCriterion.values());
        model.addAttribute("recommendations", ToolRecommendation.values());
        model.addAttribute("scores", List.of(1, 2, 3, 4, 5));
        return "licences/tool-evaluate";
    }

    private static EvaluationForm fromView(EvaluationView e) {
        Map<ToolCriterion, Score> s = new LinkedHashMap<>();
        e.scores().forEach(x -> s.put(x.criterion(), x));
        return new EvaluationForm(s.get(ToolCriterion.PEDAGOGY).score(), s.get(ToolCriterion.PEDAGOGY).comment(),
                s.get(ToolCriterion.USABILITY).score(), s.get(ToolCriterion.USABILITY).comment(),
                s.get(ToolCriterion.ACCESSIBILITY).score(), s.get(ToolCriterion.ACCESSIBILITY).comment(),
                s.get(ToolCriterion.PRIVACY).score(), s.get(ToolCriterion.PRIVACY).comment(),
                s.get(ToolCriterion.TECHNICAL_FIT).score(), s.get(ToolCriterion.TECHNICAL_FIT).comment(),
                s.get(ToolCriterion.COST).score(), s.get(ToolCriterion.COST).comment(), e.recommendation(), e.comment());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
