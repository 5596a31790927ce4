package be.coordinaat.evaluation.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.evaluation.Forms.AssignmentForm;
import be.coordinaat.evaluation.FunctionDescriptions;
import be.coordinaat.evaluation.Views.AssignmentView;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.Formats;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for the coordinators' function descriptions: list, detail with versions, form, print view and PDF. */
@Controller
class FunctionDescriptionController {

    private final FunctionDescriptions descriptions;
    private final AccessControl access;

    FunctionDescriptionController(FunctionDescriptions descriptions, AccessControl access) {
        this.descriptions = descriptions;
        this.access = access;
    }

    @GetMapping("/function-descriptions")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, Model model) {
        PageQuery query = PageQuery.of(page, 25, sort, q);
        model.addAttribute("page", descriptions.list(query));
        model.addAttribute("query", query);
        model.addAttribute("canCreate", descriptions.canCreate());
        model.addAttribute("canReadModel", access.canAnywhere(Permission.FUNCTION_DESCRIPTION_READ));
        return "evaluation/assignments";
    }

    @GetMapping("/function-descriptions/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        AssignmentView assignment = descriptions.find(id);
        model.addAttribute("assignment", assignment);
        model.addAttribute("versions", descriptions.versions(id));
        model.addAttribute("canManage", descriptions.canManage(assignment));
        return "evaluation/assignment";
    }

    @GetMapping("/function-descriptions/new")
    String newAssignment(Model model) {
        access.requireAnywhere(Permission.FUNCTION_DESCRIPTION_MANAGE);
        var schools = descriptions.manageableSchools();
        // The one recording it is most often the director, who is also the first evaluator.
        return form(model, new AssignmentForm(schools.size() == 1 ? schools.get(0).id() : null, null,
                access.current().id(), null, false, LocalDate.now(Formats.ZONE), null), null);
    }

    @PostMapping("/function-descriptions")
    String create(@Valid @ModelAttribute("form") AssignmentForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        access.requireAnywhere(Permission.FUNCTION_DESCRIPTION_MANAGE);
        AtomicLong id = new AtomicLong();
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id.set(descriptions.create(form)))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/function-descriptions/" + id.get();
        }
        return form(model, form, null);
    }

    @GetMapping("/function-descriptions/{id:\\d+}/edit")
    String edit(@PathVariable long id, Model model) {
        AssignmentView a = descriptions.find(id);
        access.require(Permission.FUNCTION_DESCRIPTION_MANAGE, a.schoolId());
        return form(model, new AssignmentForm(a.schoolId(), a.coordinatorId(), a.firstEvaluatorId(), a.secondEvaluatorId(),
                a.pedagogicalProof(), a.startDate(), a.version()), id);
    }

    @PostMapping("/function-descriptions/{id:\\d+}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AssignmentForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        AssignmentView a = descriptions.find(id);
        access.require(Permission.FUNCTION_DESCRIPTION_MANAGE, a.schoolId());
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> descriptions.update(id, form))) {
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/function-descriptions/" + id;
        }
        return form(model, form, id);
    }

    private String form(Model model, AssignmentForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("assignmentId", id);
        model.addAttribute("schools", descriptions.manageableSchools());
        model.addAttribute("coordinators", descriptions.coordinatorChoices());
        model.addAttribute("evaluators", descriptions.evaluatorChoices());
        return "evaluation/assignment-form";
    }

    // ---- versions ----

    @PostMapping("/function-descriptions/{id:\\d+}/versions")
    String generate(@PathVariable long id, RedirectAttributes redirect) {
        int number = descriptions.generate(id).number();
        redirect.addFlashAttribute("flash", "fd.flash.generated");
        redirect.addFlashAttribute("generated", number);
        return "redirect:/function-descriptions/" + id;
    }

    /** The print view: the stored document on a page of its own, with print CSS (no inline styles or scripts). */
    @GetMapping("/function-descriptions/{id:\\d+}/versions/{number:\\d+}")
    String version(@PathVariable long id, @PathVariable int number, Model model) {
        model.addAttribute("assignment", descriptions.find(id));
        model.addAttribute("document", descriptions.version(id, number));
        return "evaluation/version";
    }

    @GetMapping("/function-descriptions/{id:\\d+}/versions/{number:\\d+}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable int number) {
        FunctionDescriptions.Pdf pdf = descriptions.pdf(id, number);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(pdf.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(pdf.content());
    }
}
