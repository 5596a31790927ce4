package be.coordinaat.helpdesk.api;

import be.coordinaat.helpdesk.Forms.CannedReplyForm;
import be.coordinaat.helpdesk.Forms.CategoryForm;
import be.coordinaat.helpdesk.Forms.SlaTargetForm;
import be.coordinaat.helpdesk.HelpdeskSettings;
import be.coordinaat.helpdesk.Views.CannedReplyView;
import be.coordinaat.helpdesk.Views.CategoryView;
import be.coordinaat.helpdesk.Views.SlaTargetView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the helpdesk configuration: the category tree, canned replies and SLA targets per school or board. */
@RestController
@RequestMapping("/api/v1/helpdesk")
@Tag(name = "Helpdesk configuration")
class HelpdeskApiController {

    private final HelpdeskSettings settings;

    HelpdeskApiController(HelpdeskSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/categories")
    @Operation(summary = "The category tree (board defaults and the school's own) in display order; inactive=true also "
            + "lists the inactive ones")
    List<CategoryView> categories(@RequestParam(required = false) Long school,
            @RequestParam(required = false) Boolean inactive) {
        return settings.categories(school, Boolean.TRUE.equals(inactive));
    }

    @GetMapping("/categories/{id}")
    CategoryView category(@PathVariable long id) {
        return settings.category(id);
    }

    @PostMapping("/categories")
    @Operation(summary = "Adds a category of a school (HELPDESK_CONFIGURE) or, without schoolId, a board default (board admins)")
    ResponseEntity<CategoryView> createCategory(@Valid @RequestBody CategoryForm form) {
        long id = settings.createCategory(form);
        return ResponseEntity.created(URI.create("/api/v1/helpdesk/categories/" + id)).body(settings.category(id));
    }

    @PutMapping("/categories/{id}")
    CategoryView updateCategory(@PathVariable long id, @Valid @RequestBody CategoryForm form) {
        settings.updateCategory(id, form);
        return settings.category(id);
    }

    @DeleteMapping("/categories/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCategory(@PathVariable long id) {
        settings.deleteCategory(id);
    }

    @GetMapping("/canned-replies")
    List<CannedReplyView> cannedReplies(@RequestParam(required = false) Long school) {
        return settings.cannedReplies(school);
    }

    @PostMapping("/canned-replies")
    ResponseEntity<CannedReplyView> createCannedReply(@Valid @RequestBody CannedReplyForm form) {
        long id = settings.createCannedReply(form);
        return ResponseEntity.created(URI.create("/api/v1/helpdesk/canned-replies/" + id)).body(settings.cannedReply(id));
    }

    @GetMapping("/canned-replies/{id}")
    CannedReplyView cannedReply(@PathVariable long id) {
        return settings.cannedReply(id);
    }

    @PutMapping("/canned-replies/{id}")
    CannedReplyView updateCannedReply(@PathVariable long id, @Valid @RequestBody CannedReplyForm form) {
        settings.updateCannedReply(id, form);
        return settings.cannedReply(id);
    }

    @DeleteMapping("/canned-replies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCannedReply(@PathVariable long id) {
        settings.deleteCannedReply(id);
    }

    @GetMapping("/sla-targets")
    @Operation(summary = "SLA targets per priority in business minutes: board defaults (schoolId null) and per school")
    List<SlaTargetView> slaTargets(@RequestParam(required = false) Long school) {
        return settings.slaTargets(school);
    }

    @PutMapping("/sla-targets")
    @Operation(summary = "Sets the response and resolution targets of one priority for a school or (no schoolId) the board")
    List<SlaTargetView> setSlaTarget(@Valid @RequestBody SlaTargetForm form) {
        settings.setSlaTarget(form);
        return settings.slaTargets(form.schoolId());
    }

    @DeleteMapping("/sla-targets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSlaTarget(@PathVariable long id) {
        settings.deleteSlaTarget(id);
    }
}
