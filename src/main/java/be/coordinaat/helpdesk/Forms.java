package be.coordinaat.helpdesk;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The forms (and JSON bodies) of the helpdesk. Rules the annotations cannot express (references in the ticket's
 * school, the status flow, who may do what) are checked by {@link Tickets} and {@link HelpdeskSettings} and reported
 * per field.
 */
public final class Forms {
    private Forms() {}

    public static final int MAX_TEXT = 20000;

    /**
     * A new ticket. {@code impact} and {@code urgency} default to medium. Only helpdesk workers (TICKETS_WORK) may set
     * {@code assigneeId} or report for someone else ({@code requesterPersonId}, {@code requesterEmail},
     * {@code requesterName}); otherwise the reporter is the requester.
     */
    public record TicketForm(
            @NotNull Long schoolId,
            TicketKind kind,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = MAX_TEXT) String description,
            Long categoryId,
            Level impact,
            Level urgency,
            Long assetId,
            Long roomId,
            Long assigneeId,
            Long requesterPersonId,
            @Email @Size(max = 254) String requesterEmail,
            @Size(max = 150) String requesterName) {}

    /** The fields a worker changes on a ticket; send the {@code version} you read. */
    public record TicketUpdateForm(
            @NotNull TicketKind kind,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = MAX_TEXT) String description,
            Long categoryId,
            @NotNull Level impact,
            @NotNull Level urgency,
            Long assetId,
            Long roomId,
            Long assigneeId,
            Integer version) {}

    /** A status change; see {@link TicketStatus#next()} for what is allowed. */
    public record StatusForm(@NotNull TicketStatus status, Integer version) {}

    /** A reply to the requester, or ({@code internal}) a note for staff only. */
    public record ReplyForm(@NotBlank @Size(max = MAX_TEXT) String body, Boolean internal) {}

    /** Escalation to an external organisation serving the ticket's school, with their reference number. */
    public record EscalationForm(@NotNull Long organisationId, @Size(max = 100) String reference,
            @Size(max = 2000) String note) {}

    /** The end of an escalation: the organisation hands the ticket back, with what they did. */
    public record HandBackForm(@Size(max = 2000) String note) {}

    /** A link to another ticket, given by its number (T-2026-000123) or id. */
    public record LinkForm(@NotBlank @Size(max = 30) String other, @NotNull LinkKind kind) {}

    /** Merge this ticket (a duplicate) into another, given by its number or id. */
    public record MergeForm(@NotBlank @Size(max = 30) String into) {}

    /** The requester's rating after solving: 1 (bad) to 5 (very good), with an optional comment. */
    public record RatingForm(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String comment) {}

    /** A category; {@code schoolId} empty: a board default (board admins). */
    public record CategoryForm(Long schoolId, Long parentId, @NotBlank @Size(max = 100) String name,
            @Min(0) @Max(10000) Integer position, Boolean active, Integer version) {}

    /** A canned reply; {@code schoolId} empty: for every school of the board (board admins). */
    public record CannedReplyForm(Long schoolId, @NotBlank @Size(max = 100) String title,
            @NotBlank @Size(max = 5000) String body, Integer version) {}

    /** SLA targets of one priority, in business minutes; {@code schoolId} empty: the board default. */
    public record SlaTargetForm(Long schoolId, @NotNull @Min(1) @Max(4) Integer priority,
            @NotNull @Min(1) @Max(525600) Integer responseMinutes, @NotNull @Min(1) @Max(525600) Integer resolutionMinutes) {}

    /**
     * The public problem report (no account). {@code website} is a honeypot: people never see it, bots fill it in.
     */
    public record PublicReportForm(@Size(max = 4000) String description, @Size(max = 150) String name,
            @Size(max = 254) String email, String website) {}

    /** A reply of a public reporter on their follow page. */
    public record PublicReplyForm(@Size(max = 4000) String body, String website) {}
}
