package be.coordinaat.helpdesk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the helpdesk shows: read models. */
public final class Views {
    private Views() {}

    /** Whether an SLA target is met, close, broken, paused or not set. */
    public enum SlaState { NONE, OK, WARNING, BREACHED, PAUSED, MET }

    /** The SLA state of one due time: breached when passed, a warning in the last quarter (or last hour). */
    static SlaState sla(boolean open, Instant due, Instant start, Instant doneAt, Instant pausedAt, Instant now) {
        if (due == null) {
            return SlaState.NONE;
        }
        if (doneAt != null) {
            return doneAt.isAfter(due) ? SlaState.BREACHED : SlaState.MET;
        }
        if (!open) {
            return SlaState.NONE;
        }
        if (pausedAt != null) {
            return SlaState.PAUSED;
        }
        if (now.isAfter(due)) {
            return SlaState.BREACHED;
        }
        Duration left = Duration.between(now, due);
        Duration total = start == null ? Duration.ZERO : Duration.between(start, due);
        if (left.compareTo(Duration.ofHours(1)) < 0 || left.multipliedBy(4).compareTo(total) < 0) {
            return SlaState.WARNING;
        }
        return SlaState.OK;
    }

    /** One line of the ticket list. */
    public record TicketRow(long id, String number, long schoolId, String schoolName, TicketKind kind, String title,
            TicketStatus status, int priority, Long categoryId, String categoryName, Long assigneeId, String assigneeName,
            String requester, Long assetId, String assetTag, Long roomId, String roomName, String escalatedTo,
            Instant createdAt, Instant updatedAt, Instant responseDueAt, Instant resolutionDueAt, SlaState responseSla,
            SlaState resolutionSla) {

        public boolean open() {
            return status.open();
        }

        /** The worse of the two SLA states, for one badge. */
        public SlaState sla() {
            if (responseSla == SlaState.BREACHED || resolutionSla == SlaState.BREACHED) return SlaState.BREACHED;
            if (responseSla == SlaState.WARNING || resolutionSla == SlaState.WARNING) return SlaState.WARNING;
            return resolutionSla;
        }
    }

    /**
     * One page of tickets. Counts stop at {@link Tickets#COUNT_LIMIT}: beyond it {@code total} is that limit and
     * {@code totalCapped} is true ("more than 1,000").
     */
    public record TicketPage(List<TicketRow> items, long total, boolean totalCapped, int page, int size) {
        public int totalPages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    /** A ticket with everything about it (replies, attachments, links and escalations are read separately). */
    public record TicketView(long id, String number, long schoolId, String schoolName, TicketKind kind, String title,
            String description, Long categoryId, String categoryName, Level impact, Level urgency, int priority,
            TicketStatus status, TicketSource source, Long requesterUserId, Long requesterPersonId, String requesterName,
            String requesterEmail, Long assetId, String assetTag, Long roomId, String roomName, String unknownAssetTag,
            Long assigneeId, String assigneeName, Long escalatedOrgId, String escalatedOrgName, String externalReference,
            Long mergedIntoId, String mergedIntoNumber, Integer satisfaction, String satisfactionComment,
            Instant responseDueAt, Instant resolutionDueAt, Instant firstResponseAt, Instant slaPausedAt,
            Instant solvedAt, Instant closedAt, SlaState responseSla, SlaState resolutionSla, int version,
            Instant createdAt, Instant updatedAt) {

        public boolean open() {
            return status.open();
        }

        /** "T-2026-000123 Projector flikkert". */
        public String label() {
            return number + " " + title;
        }
    }

    /** A reply (to the requester) or an internal note; {@code attachments} are the files that came with it. */
    public record ReplyView(long id, boolean internal, boolean fromStaff, TicketSource source, String body,
            String authorName, Instant createdAt, List<AttachmentView> attachments) {}

    public record AttachmentView(long id, Long replyId, boolean internal, String fileName, String contentType, long size,
            String uploadedBy, Instant uploadedAt) {
        public boolean image() {
            return contentType.startsWith("image/");
        }

        public long kilobytes() {
            return (size + 1023) / 1024;
        }
    }

    /** An attachment's content, for download. */
    public record AttachmentFile(String fileName, String contentType, byte[] bytes) {}

    /** A link from this ticket to another (kind as seen from this ticket). */
    public record LinkView(long id, LinkKind kind, long otherId, String otherNumber, String otherTitle,
            TicketStatus otherStatus, String createdBy, Instant createdAt) {}

    /** A period with an external organisation; {@code endedAt} null: still with them. */
    public record EscalationView(long id, long organisationId, String organisationName, String reference, String note,
            Instant startedAt, String startedBy, Instant endedAt, String endedBy) {
        public Duration duration(Instant now) {
            return Duration.between(startedAt, endedAt == null ? now : endedAt);
        }

        public boolean current() {
            return endedAt == null;
        }
    }

    /** What an external technician may see of the affected asset (never the inventory itself). */
    public record AssetSummary(long id, String tag, String name, String kind, String model, String serial,
            String roomName, String status) {}

    /** What the current user may do with a ticket. */
    public record TicketAccess(boolean work, boolean staff, boolean requester, boolean external, boolean seeNotes,
            boolean seeInventory) {}

    /** An account or organisation for a chooser. */
    public record Choice(long id, String name) {}

    /** A category with its place in the tree; {@code schoolId} null: a board default. */
    public record CategoryView(long id, Long schoolId, String schoolName, Long parentId, String name, String path,
            int depth, int position, boolean active, int version) {}

    public record CannedReplyView(long id, Long schoolId, String schoolName, String title, String body, int version) {}

    /** SLA targets of one priority; {@code schoolId} null: the board default. */
    public record SlaTargetView(long id, Long schoolId, String schoolName, int priority, int responseMinutes,
            int resolutionMinutes, int version) {}

    /** One bar of a dashboard: a label (a category, school or model) and its count. */
    public record Count(Long id, String label, long count) {}

    /** The helpdesk dashboard over the user's schools. */
    public record Dashboard(long open, long unassigned, long overdue, long escalated, List<Count> byCategory,
            List<Count> bySchool, List<Count> byModel, List<Count> byPriority, Duration meanTimeToResolve,
            long solvedLast90Days, Double meanSatisfaction) {}

    /** What a public reporter gets back: the ticket number and the follow token (shown once). */
    public record PublicReceipt(String number, String token) {}

    /** A reporter's view of their ticket on the follow page: only what they may see. */
    public record PublicTicketView(String number, String title, String description, TicketStatus status,
            Instant createdAt, List<ReplyView> replies) {}

    /** A ticket created from an e-mail. */
    public record TicketRef(long id, String number) {}
}
