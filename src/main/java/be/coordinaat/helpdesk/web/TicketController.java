package be.coordinaat.helpdesk.web;

import be.coordinaat.helpdesk.Forms.EscalationForm;
import be.coordinaat.helpdesk.Forms.HandBackForm;
import be.coordinaat.helpdesk.Forms.LinkForm;
import be.coordinaat.helpdesk.Forms.RatingForm;
import be.coordinaat.helpdesk.Forms.ReplyForm;
import be.coordinaat.helpdesk.Forms.StatusForm;
import be.coordinaat.helpdesk.Forms.TicketForm;
import be.coordinaat.helpdesk.Forms.TicketUpdateForm;
import be.coordinaat.helpdesk.HelpdeskDashboard;
import be.coordinaat.helpdesk.HelpdeskSettings;
import be.coordinaat.helpdesk.Level;
import be.coordinaat.helpdesk.LinkKind;
import be.coordinaat.helpdesk.TicketFilter;
import be.coordinaat.helpdesk.TicketKind;
import be.coordinaat.helpdesk.TicketStatus;
import be.coordinaat.helpdesk.Tickets;
import be.coordinaat.helpdesk.Views.TicketAccess;
import be.coordinaat.helpdesk.Views.TicketView;
import be.coordinaat.access.AccessControl;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The helpdesk pages: the ticket list (all tickets for staff, escalated ones for an external technician), "my
 * tickets", a ticket with its replies, notes, files, links and escalations, the report form and the dashboard.
 */
@Controller
class TicketController {

    private static final List<String> SORTS = List.of("number", "title", "priority", "status", "created", "due");

    private final Tickets tickets;
    private final HelpdeskSettings settings;
    private final HelpdeskDashboard dashboard;
    private final AccessControl access;
    private final be.coordinaat.helpdesk.TicketArticles articles;

    TicketController(Tickets tickets, HelpdeskSettings settings, HelpdeskDashboard dashboard, AccessControl access,
            be.coordinaat.helpdesk.TicketArticles articles) {
        this.tickets = tickets;
        this.articles = articles;
        this.settings = settings;
        this.dashboard = dashboard;
        this.access = access;
    }

    // ---- lists ----

    @GetMapping("/helpdesk/tickets")
    String list(@Valid @ModelAttribute("filter") TicketFilter filter, BindingResult errors,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, Model model) {
        return list("/helpdesk/tickets", errors.hasErrors() ? TicketFilter.openOnly() : filter, page, sort, q, false, model);
    }

    @GetMapping("/helpdesk/my")
    String mine(@RequestParam(required = false) Integer page, @RequestParam(required = false) String q, Model model) {
        return list("/helpdesk/my", TicketFilter.none().withRequester(access.current().id()), page, null, q, true, model);
    }

    private String list(String base, TicketFilter f, Integer page, String sort, String q, boolean mine, Model model) {
        PageQuery query = PageQuery.of(page, 25, sort, q);
        model.addAttribute("page", tickets.list(f, query));
        model.addAttribute("query", query);
        model.addAttribute("filter", f);
        model.addAttribute("mine", mine);
        Map<String, String> sortUrls = new LinkedHashMap<>();
        for (String key : SORTS) {
            String toggled = key.equals(query.sort()) && !query.descending() ? "-" + key : key;
            sortUrls.put(key, base + "?" + f.queryString(query.q(), toggled));
        }
        model.addAttribute("sortUrls", sortUrls);
        String full = mine ? (query.q() == null ? "" : "q=" + java.net.URLEncoder.encode(query.q(), StandardCharsets.UTF_8))
                : f.queryString(query.q(), query.sortParam());
        model.addAttribute("pageBase", base + (full.isEmpty() ? "" : "?" + full));
        model.addAttribute("schools", mine ? List.of() : tickets.staffSchools());
        model.addAttribute("categories", mine ? List.of() : settings.categories(null, false));
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("kinds", TicketKind.values());
        model.addAttribute("canReport", !tickets.reportableSchools().isEmpty());
        return "helpdesk/tickets";
    }

    @GetMapping("/helpdesk/dashboard")
    String dashboard(@RequestParam(required = false) Long school, Model model) {
        model.addAttribute("dashboard", dashboard.dashboard(school));
        return "helpdesk/dashboard";
    }

    // ---- report ----

    @GetMapping("/helpdesk/tickets/new")
    String newTicket(@RequestParam(required = false) Long school, @RequestParam(required = false) Long asset,
            @RequestParam(required = false) Long room, Model model) {
        var schools = tickets.reportableSchools();
        Long s = school != null ? school : schools.size() == 1 ? schools.get(0).id() : null;
        return form(model, new TicketForm(s, TicketKind.INCIDENT, null, null, null, Level.MEDIUM, Level.MEDIUM, asset, room,
                null, null, null, null), null);
    }

    @PostMapping("/helpdesk/tickets")
    String create(@Valid @ModelAttribute("form") TicketForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        long[] id = new long[1];
        if (!errors.hasErrors() && FormErrors.apply(errors, () -> id[0] = tickets.create(form))) {
            redirect.addFlashAttribute("flash", "ticket.flash.created");
            return "redirect:/helpdesk/tickets/" + id[0];
        }
        return form(model, form, errors);
    }

    private String form(Model model, TicketForm form, BindingResult errors) {
        model.addAttribute("form", form);
        if (errors != null && errors.hasErrors() && errors.getTarget() != form) {
            BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, "form");
            kept.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", kept);
        }
        model.addAttribute("schools", tickets.reportableSchools());
        model.addAttribute("categories", form.schoolId() == null ? List.of() : safeCategories(form.schoolId()));
        model.addAttribute("kinds", TicketKind.values());
        model.addAttribute("levels", Level.values());
        model.addAttribute("worker", form.schoolId() != null && tickets.staffWorker(form.schoolId()));
        model.addAttribute("assignees", form.schoolId() != null && tickets.staffWorker(form.schoolId())
                ? tickets.assigneeOptions(form.schoolId()) : List.of());
        return "helpdesk/ticket-form";
    }

    private List<?> safeCategories(long schoolId) {
        try {
            return settings.categories(schoolId, false);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    // ---- one ticket ----

    @GetMapping("/helpdesk/tickets/{id}")
    String show(@PathVariable long id, @RequestParam(name = "article", required = false) Long article, Model model,
            RedirectAttributes redirect) {
        TicketView t = tickets.ticket(id);
        TicketAccess a = tickets.accessTo(t);
        model.addAttribute("ticket", t);
        model.addAttribute("can", a);
        model.addAttribute("staffWork", a.work() && !a.external());
        model.addAttribute("replies", tickets.replies(id));
        model.addAttribute("attachments", tickets.attachments(id).stream().filter(f -> f.replyId() == null).toList());
        model.addAttribute("links", tickets.links(id));
        model.addAttribute("escalations", a.seeNotes() ? tickets.escalations(id) : List.of());
        model.addAttribute("asset", a.seeNotes() ? tickets.assetSummary(t).orElse(null) : null);
        model.addAttribute("now", Instant.now());
        if (a.work() && !a.external()) {
            model.addAttribute("edit", new TicketUpdateForm(t.kind(), t.title(), t.description(), t.categoryId(), t.impact(),
                    t.urgency(), t.assetId(), t.roomId(), t.assigneeId(), t.version()));
            model.addAttribute("categories", settings.categories(t.schoolId(), false));
            model.addAttribute("assignees", tickets.assigneeOptions(t.schoolId()));
            model.addAttribute("organisations", tickets.organisationOptions(t.schoolId()));
            model.addAttribute("nextStatuses", t.mergedIntoId() == null ? t.status().next() : List.of());
            model.addAttribute("canned", settings.cannedReplies(t.schoolId()));
            model.addAttribute("kinds", TicketKind.values());
            model.addAttribute("levels", Level.values());
            model.addAttribute("linkKinds", LinkKind.values());
            model.addAttribute("suggestedArticles", articles.suggestions(id));
        }
        model.addAttribute("linkedArticles", a.seeNotes() ? articles.linked(id) : List.of());
        if (article != null && a.work()) {
            try {
                // "reply with this article": the reply box comes filled, to read and adjust before sending
                model.addAttribute("replyBody", articles.replyText(id, article));
            } catch (InvalidInputException e) {
                redirect.addFlashAttribute("flashError", "ticket.error.article");
                return "redirect:/helpdesk/tickets/" + id;
            }
        }
        return "helpdesk/ticket";
    }

    @PostMapping("/helpdesk/tickets/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("edit") TicketUpdateForm form, BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            tickets.ticket(id);
            redirect.addFlashAttribute("flashError", "ticket.flash.invalid");
        } else {
            run(redirect, () -> tickets.update(id, form), "flash.saved");
        }
        return "redirect:/helpdesk/tickets/" + id;
    }

    @PostMapping("/helpdesk/tickets/{id}/articles")
    String linkArticle(@PathVariable long id, @RequestParam(required = false) Long articleId, RedirectAttributes redirect) {
        run(redirect, () -> articles.link(id, articleId), "flash.saved");
        return "redirect:/helpdesk/tickets/" + id;
    }

    @PostMapping("/helpdesk/tickets/{id}/articles/{articleId}/delete")
    String unlinkArticle(@PathVariable long id, @PathVariable long articleId, RedirectAttributes redirect) {
        run(redirect, () -> articles.unlink(id, articleId), "flash.saved");
        return "redirect:/helpdesk/tickets/" + id;
    }

    @PostMapping("/helpdesk/tickets/{id}/status")
    String status(@PathVariable long id, @RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        if (status == null) {
            tickets.ticket(id);
            redirect.addFlashAttribute("flashError", "ticket.flash.invalid");
        } else {
            run(redirect, () -> tickets.changeStatus(id, new StatusForm(status, version)), "ticket.flash.status");
        }
        return "redirect:/helpdesk/tickets/" + id;
    }

    @PostMapping("/helpdesk/tickets/{id}/replies")
    String reply(@PathVariable long id, @RequestParam(required = false) String body,
            @RequestParam(required = false) Boolean internal, @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        if (body == null || body.isBlank() || body.length() > 20000) {
            tickets.ticket(id);
            redirect.addFlashAttribute("flashError", "ticket.flash.replyEmpty");
            return "redirect:/helpdesk/tickets/" + id;
        }
        run(redirect, () -> {
            long replyId = tickets.reply(id, new ReplyForm(body, internal));
            if (bytes != null) {
                tickets.addAttachment(id, replyId, name, bytes, Boolean.TRUE.equals(internal));
            }
        }, Boolean.TRUE.equals(internal) ? "ticket.flash.noted" : "ticket.flash.replied");
        return "redirect:/helpdesk/tickets/" + id;
    }

    @PostMapping("/helpdesk/tickets/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) Boolean internal, RedirectAttributes redirect) throws IOException {
        byte[] bytes = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        run(redirect, () -> tickets.addAttachment(id, null, name, bytes, Boolean.TRUE.equals(internal)), "ticket.flash.attached");
        return "redirect:/helpdesk/tickets/" + id;
    }

    @GetMapping("/helpdesk/tickets/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        var file = tickets.attachment(id, attachmentId);
        ContentDisposition disposition = (file.contentType().startsWith("image/") ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(file.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(file.bytes());
    }

    @PostMapping("/helpdesk/tickets/{id}/escalate")
    String escalate(@PathVariable long id, @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) String reference, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        run(redirect, () -> tickets.escalate(id, new EscalationForm(organisationId, cut(reference, 100), cut(note, 2000))),
                "ticket.flash.escalated");
        return "redirect:/helpdesk/tickets/" + id;
    }

    @PostMapping("/helpdesk/tickets/{id}/hand-back")
    String handBack(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        run(redirect, () -> tickets.handBack(id, new HandBackForm(cut(note, 2000))), "ticket.flash.handedBack");
        return "redirect:/helpdesk/tickets/" + id;
    }

    @PostMapping("/helpdesk/tickets/{id}/links")
    String link(@PathVariable long id, @RequestParam(required = false) String other,
            @RequestParam(required = false) LinkKind kind, RedirectAttributes redirect) {
        if (other == null || other.isBlank() || kind == null) {
            tickets.ticket(id);
            redirect.addFlashAttribute("flashError", "ticket.flash.linkInvalid");
        } else {
            run(redirect, () -> tickets.link(id, new LinkForm(cut(other, 30), kind)), "ticket.flash.linked");
        }
        return "redirect:/helpdesk/tickets/" + id;
    }

    @PostMapping("/helpdesk/tickets/{id}/links/{linkId}/delete")
    String unlink(@PathVariable long id, @PathVariable long linkId, RedirectAttributes redirect) {
        tickets.unlink(id, linkId);
        redirect.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/helpdesk/tickets/" + id;
    }

    @PostMapping("/helpdesk/tickets/{id}/merge")
    String merge(@PathVariable long id, @RequestParam(required = false) String into, RedirectAttributes redirect) {
        if (into == null || into.isBlank()) {
            tickets.ticket(id);
            redirect.addFlashAttribute("flashError", "ticket.flash.linkInvalid");
            return "redirect:/helpdesk/tickets/" + id;
        }
        run(redirect, () -> tickets.merge(id, cut(into, 30)), "ticket.flash.merged");
        return "redirect:/helpdesk/tickets/" + id;
    }

    @PostMapping("/helpdesk/tickets/{id}/confirm")
    String confirm(@PathVariable long id, RedirectAttributes redirect) {
        run(redirect, () -> tickets.confirmSolved(id), "ticket.flash.confirmed");
        return "redirect:/helpdesk/tickets/" + id;
    }

    @PostMapping("/helpdesk/tickets/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        run(redirect, () -> tickets.reopen(id, cut(reason, 20000)), "ticket.flash.reopened");
        return "redirect:/helpdesk/tickets/" + id;
    }

    @PostMapping("/helpdesk/tickets/{id}/rating")
    String rate(@PathVariable long id, @RequestParam(required = false) Integer rating,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        if (rating == null || rating < 1 || rating > 5) {
            tickets.ticket(id);
            redirect.addFlashAttribute("flashError", "ticket.flash.ratingInvalid");
        } else {
            run(redirect, () -> tickets.rate(id, new RatingForm(rating, cut(comment, 2000))), "ticket.flash.rated");
        }
        return "redirect:/helpdesk/tickets/" + id;
    }

    /** Runs a change; a refused one becomes an error message on the ticket page (the field's message key). */
    private static void run(RedirectAttributes redirect, Runnable action, String success) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", success);
        } catch (InvalidInputException e) {
            var p = e.problems().get(0);
            redirect.addFlashAttribute("flashError", "ticket.flash.refused");
            redirect.addFlashAttribute("refusedKey", p.messageKey());
            redirect.addFlashAttribute("refusedArgs", p.args());
        } catch (be.coordinaat.shared.ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
