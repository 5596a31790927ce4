package be.coordinaat.helpdesk.api;

import be.coordinaat.helpdesk.Forms.EscalationForm;
import be.coordinaat.helpdesk.Forms.HandBackForm;
import be.coordinaat.helpdesk.Forms.LinkForm;
import be.coordinaat.helpdesk.Forms.MergeForm;
import be.coordinaat.helpdesk.Forms.RatingForm;
import be.coordinaat.helpdesk.Forms.ReplyForm;
import be.coordinaat.helpdesk.Forms.StatusForm;
import be.coordinaat.helpdesk.Forms.TicketForm;
import be.coordinaat.helpdesk.Forms.TicketUpdateForm;
import be.coordinaat.helpdesk.HelpdeskDashboard;
import be.coordinaat.helpdesk.TicketFilter;
import be.coordinaat.helpdesk.TicketSource;
import be.coordinaat.helpdesk.Tickets;
import be.coordinaat.helpdesk.Views.AssetSummary;
import be.coordinaat.helpdesk.Views.AttachmentView;
import be.coordinaat.helpdesk.Views.Dashboard;
import be.coordinaat.helpdesk.Views.EscalationView;
import be.coordinaat.helpdesk.Views.LinkView;
import be.coordinaat.helpdesk.Views.ReplyView;
import be.coordinaat.helpdesk.Views.TicketPage;
import be.coordinaat.helpdesk.Views.TicketView;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the helpdesk tickets: list with filters and full-text search, create, update, status, replies and
 * internal notes, attachments, links, merge, escalation and hand-back. Tickets outside your scope answer 404.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets")
class TicketApiController {

    private final Tickets tickets;
    private final HelpdeskDashboard dashboard;

    TicketApiController(Tickets tickets, HelpdeskDashboard dashboard) {
        this.tickets = tickets;
        this.dashboard = dashboard;
    }

    @GetMapping
    @Operation(summary = "Tickets you may see: your schools' (TICKETS_READ/WORK), those you reported, and for an external "
            + "account those escalated to its organisation. Filters: status, open=true, priority (1-4), kind, category "
            + "(with sub-categories), assignee, unassigned=true, mine=true (assigned to me), school, asset, room, "
            + "requester, overdue=true, escalated=true; q searches title, description and replies (prefix words, accents "
            + "ignored) or a ticket number. Sort by created (default newest first), updated, priority, status, number, "
            + "title, due or school (prefix - for descending). Counts stop at 1000 (totalCapped).")
    TicketPage list(@Valid @ModelAttribute TicketFilter filter, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        return tickets.list(filter, PageQuery.of(page, size, sort, q));
    }

    @GetMapping("/dashboard")
    @Operation(summary = "Open tickets by category, school, priority and asset model, overdue and escalated counts, mean "
            + "time to resolve and satisfaction over 90 days (TICKETS_READ)")
    Dashboard dashboard(@RequestParam(required = false) Long school) {
        return dashboard.dashboard(school);
    }

    @GetMapping("/{id}")
    TicketView ticket(@PathVariable long id) {
        return tickets.ticket(id);
    }

    @GetMapping("/by-number/{number}")
    @Operation(summary = "A ticket by its number, e.g. T-2026-000123")
    TicketView byNumber(@PathVariable String number) {
        return tickets.ticketByReference(number);
    }

    @PostMapping
    @Operation(summary = "Reports a ticket in a school where you have TICKETS_REPORT. Helpdesk workers may also set the "
            + "assignee and report for someone else (requesterPersonId, requesterEmail, requesterName). The priority "
            + "follows from impact × urgency (default medium × medium = P3)")
    ResponseEntity<TicketView> create(@Valid @RequestBody TicketForm form) {
        long id = tickets.create(form, TicketSource.API);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id)).body(tickets.ticket(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replaces a ticket's fields (kind, title, description, category, impact, urgency, asset, room, "
            + "assignee); send the version you read (TICKETS_WORK)")
    TicketView update(@PathVariable long id, @Valid @RequestBody TicketUpdateForm form) {
        tickets.update(id, form);
        return tickets.ticket(id);
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "Moves the ticket along the status flow: NEW → IN_PROGRESS → WAITING_REQUESTER / "
            + "WAITING_THIRD_PARTY → SOLVED → CLOSED, with reopen (SOLVED or CLOSED → IN_PROGRESS); other moves are 400")
    TicketView status(@PathVariable long id, @Valid @RequestBody StatusForm form) {
        tickets.changeStatus(id, form);
        return tickets.ticket(id);
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "The requester confirms the solution (SOLVED → CLOSED)")
    TicketView confirm(@PathVariable long id) {
        tickets.confirmSolved(id);
        return tickets.ticket(id);
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "Reopens a solved ticket (the requester) or a closed one (the helpdesk), with an optional reason")
    TicketView reopen(@PathVariable long id, @RequestBody(required = false) HandBackForm reason) {
        tickets.reopen(id, reason == null ? null : reason.note());
        return tickets.ticket(id);
    }

    @PutMapping("/{id}/rating")
    @Operation(summary = "The requester's satisfaction (1-5) with an optional comment, once solved")
    TicketView rate(@PathVariable long id, @Valid @RequestBody RatingForm form) {
        tickets.rate(id, form);
        return tickets.ticket(id);
    }

    // ---- replies and notes ----

    @GetMapping("/{id}/replies")
    @Operation(summary = "Replies, and for the helpdesk and the escalated organisation the internal notes, oldest first")
    List<ReplyView> replies(@PathVariable long id) {
        return tickets.replies(id);
    }

    @PostMapping("/{id}/replies")
    @Operation(summary = "Adds a reply to the requester, or with internal=true a note for staff only (workers)")
    ResponseEntity<ReplyView> reply(@PathVariable long id, @Valid @RequestBody ReplyForm form) {
        long replyId = tickets.reply(id, form, TicketSource.API);
        ReplyView view = tickets.replies(id).stream().filter(r -> r.id() == replyId).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/replies")).body(view);
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Adds an internal note (workers); the same as a reply with internal=true")
    ResponseEntity<ReplyView> note(@PathVariable long id, @Valid @RequestBody ReplyForm form) {
        return reply(id, new ReplyForm(form.body(), true));
    }

    // ---- attachments ----

    @GetMapping("/{id}/attachments")
    List<AttachmentView> attachments(@PathVariable long id) {
        return tickets.attachments(id);
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Adds a photo (JPEG, PNG, WebP) or PDF of at most 10 MB as multipart part 'file', judged by its "
            + "content; optional replyId and internal=true (workers)")
    ResponseEntity<AttachmentView> attach(@PathVariable long id, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) Long replyId, @RequestParam(required = false) Boolean internal) throws IOException {
        long attachmentId = tickets.addAttachment(id, replyId, file.getOriginalFilename(), file.getBytes(),
                Boolean.TRUE.equals(internal));
        AttachmentView view = tickets.attachments(id).stream().filter(a -> a.id() == attachmentId).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/attachments/" + attachmentId)).body(view);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        var file = tickets.attachment(id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.bytes());
    }

    // ---- links and merge ----

    @GetMapping("/{id}/links")
    List<LinkView> links(@PathVariable long id) {
        return tickets.links(id);
    }

    @PostMapping("/{id}/links")
    @Operation(summary = "Links another ticket (number or id) as RELATED, DUPLICATE, PARENT (this is its parent) or CHILD")
    @ResponseStatus(HttpStatus.CREATED)
    List<LinkView> link(@PathVariable long id, @Valid @RequestBody LinkForm form) {
        tickets.link(id, form);
        return tickets.links(id);
    }

    @DeleteMapping("/{id}/links/{linkId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@PathVariable long id, @PathVariable long linkId) {
        tickets.unlink(id, linkId);
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Merges this ticket (a duplicate) into another of the same school: replies and files move, this "
            + "ticket is closed with a pointer (mergedIntoId)")
    TicketView merge(@PathVariable long id, @Valid @RequestBody MergeForm form) {
        tickets.merge(id, form.into());
        return tickets.ticket(id);
    }

    // ---- second line ----

    @GetMapping("/{id}/escalations")
    @Operation(summary = "The periods the ticket spent with external organisations")
    List<EscalationView> escalations(@PathVariable long id) {
        return tickets.escalations(id);
    }

    @PostMapping("/{id}/escalations")
    @Operation(summary = "Escalates the ticket to an organisation serving its school, with their reference number")
    TicketView escalate(@PathVariable long id, @Valid @RequestBody EscalationForm form) {
        tickets.escalate(id, form);
        return tickets.ticket(id);
    }

    @PostMapping("/{id}/hand-back")
    @Operation(summary = "Ends the current escalation (the organisation or the school's helpdesk), with a note")
    TicketView handBack(@PathVariable long id, @Valid @RequestBody(required = false) HandBackForm form) {
        tickets.handBack(id, form);
        return tickets.ticket(id);
    }

    @GetMapping("/{id}/asset")
    @Operation(summary = "The basic details of the affected asset (also for external technicians)")
    AssetSummary asset(@PathVariable long id) {
        return tickets.assetSummary(tickets.ticket(id)).orElseThrow(() -> new NotFoundException("asset", id));
    }
}
