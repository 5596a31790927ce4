package be.coordinaat.helpdesk;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Accounts;
import be.coordinaat.access.CurrentUser;
import be.coordinaat.access.Permission;
import be.coordinaat.access.Role;
import be.coordinaat.helpdesk.Forms.EscalationForm;
import be.coordinaat.helpdesk.Forms.HandBackForm;
import be.coordinaat.helpdesk.Forms.LinkForm;
import be.coordinaat.helpdesk.Forms.RatingForm;
import be.coordinaat.helpdesk.Forms.ReplyForm;
import be.coordinaat.helpdesk.Forms.StatusForm;
import be.coordinaat.helpdesk.Forms.TicketForm;
import be.coordinaat.helpdesk.Forms.TicketUpdateForm;
import be.coordinaat.helpdesk.Views.AssetSummary;
import be.coordinaat.helpdesk.Views.AttachmentFile;
import be.coordinaat.helpdesk.Views.AttachmentView;
import be.coordinaat.helpdesk.Views.Choice;
import be.coordinaat.helpdesk.Views.EscalationView;
import be.coordinaat.helpdesk.Views.LinkView;
import be.coordinaat.helpdesk.Views.ReplyView;
import be.coordinaat.helpdesk.Views.TicketAccess;
import be.coordinaat.helpdesk.Views.TicketPage;
import be.coordinaat.helpdesk.Views.TicketRef;
import be.coordinaat.helpdesk.Views.TicketRow;
import be.coordinaat.helpdesk.Views.TicketView;
import be.coordinaat.helpdesk.domain.SearchTerms;
import be.coordinaat.inventory.Inventory;
import be.coordinaat.people.Organisations;
import be.coordinaat.people.People;
import be.coordinaat.people.Views.OrganisationView;
import be.coordinaat.people.Views.PersonView;
import be.coordinaat.school.Schools;
import be.coordinaat.school.Views.RoomView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.web.Formats;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets of the helpdesk. Staff with TICKETS_READ or TICKETS_WORK in a school see all its tickets; everyone sees
 * the tickets they reported; an external account with TICKETS_WORK sees only the tickets of its schools that are or
 * were escalated to its organisation, and works only those escalated to it right now (replies, notes, hand back).
 * Everything else answers 404, also for guessed ids. Every change is in the ticket's history and publishes the
 * helpdesk's events for the mail integration.
 */
@Service
@Transactional(readOnly = true)
public class Tickets {

    /** Lists count their matches up to this many ("more than 1,000"). */
    public static final int COUNT_LIMIT = 1000;
    public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    public static final int MAX_ATTACHMENTS = 50;

    static final String OPEN = " t.status NOT IN ('SOLVED', 'CLOSED')";
    private static final String ROW_SELECT = """
            SELECT t.id, t.number, t.school_id, s.name AS school_name, t.kind, t.title, t.status, t.priority,
                   t.category_id, CASE WHEN pc.id IS NULL THEN c.name ELSE pc.name || ' › ' || c.name END AS category_name,
                   t.assignee_id, au.display_name AS assignee_name,
                   coalesce(ru.display_name, p.first_name || ' ' || p.last_name, t.requester_name, t.requester_email) AS requester,
                   t.asset_id, a.tag AS asset_tag, t.room_id, r.name AS room_name, o.name AS escalated_to,
                   t.created_at, t.updated_at, t.response_due_at, t.resolution_due_at, t.first_response_at, t.solved_at,
                   t.sla_paused_at""";
    private static final String VIEW_COLUMNS = """
            , t.description, t.impact, t.urgency, t.source, t.requester_user_id, t.requester_person_id,
              t.requester_email, t.unknown_asset_tag, t.escalated_org_id, t.external_reference, t.merged_into_id,
              mt.number AS merged_into_number, t.satisfaction, t.satisfaction_comment, t.closed_at, t.version,
              a.name AS asset_name""";
    private static final String FROM = """
             FROM ticket t
            JOIN school s ON s.id = t.school_id
            LEFT JOIN ticket_category c ON c.id = t.category_id
            LEFT JOIN ticket_category pc ON pc.id = c.parent_id
            LEFT JOIN app_user au ON au.id = t.assignee_id
            LEFT JOIN app_user ru ON ru.id = t.requester_user_id
            LEFT JOIN person p ON p.id = t.requester_person_id
            LEFT JOIN asset a ON a.id = t.asset_id
            LEFT JOIN room r ON r.id = t.room_id
            LEFT JOIN organisation o ON o.id = t.escalated_org_id""";
    private static final String ATTACHMENT_SELECT = """
            SELECT id, reply_id, internal, file_name, content_type, size_bytes, uploaded_by_name, uploaded_at
            FROM ticket_attachment""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Accounts accounts;
    private final Inventory inventory;
    private final Schools schools;
    private final People people;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final SlaClock clock;

    Tickets(JdbcClient jdbc, AccessControl access, Accounts accounts, Inventory inventory, Schools schools, People people,
            Organisations organisations, ApplicationEventPublisher events, SlaClock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.inventory = inventory;
        this.schools = schools;
        this.people = people;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    // ---- scope ----

    /** Who is asking: their staff schools (read or work), and for an external account its schools and organisation. */
    record Scope(long board, long me, Long[] staff, Long[] external, Long organisation, boolean wholeBoard) {}

    Scope scope() {
        CurrentUser u = access.current();
        Set<Long> staff = new LinkedHashSet<>();
        Long[] external = new Long[0];
        if (u.external()) {
            external = access.schoolArray(Permission.TICKETS_WORK);
        } else {
            staff.addAll(access.schools(Permission.TICKETS_READ));
            staff.addAll(access.schools(Permission.TICKETS_WORK));
        }
        // staff of the whole board (a board-wide grant) see every ticket of the board: no school list for the planner
        boolean wholeBoard = !u.external() && (access.canForBoard(Permission.TICKETS_READ)
                || access.canForBoard(Permission.TICKETS_WORK));
        return new Scope(u.boardId(), u.id(), staff.toArray(Long[]::new), external, u.organisationId(), wholeBoard);
    }

    /** The visibility condition on {@code t}: only the branches the user has, so the planner sees a simple query. */
    static String visible(Scope s) {
        if (s.wholeBoard()) {
            return " t.board_id = :board";
        }
        StringBuilder b = new StringBuilder(" t.board_id = :board AND (t.requester_user_id = :me");
        if (s.staff().length > 0) {
            b.append(" OR t.school_id = ANY(CAST(:staff AS bigint[]))");
        }
        if (s.external().length > 0 && s.organisation() != null) {
            b.append(" OR (t.school_id = ANY(CAST(:external AS bigint[])) AND EXISTS (SELECT 1 FROM ticket_escalation e"
                    + " WHERE e.ticket_id = t.id AND e.organisation_id = :org))");
        }
        return b.append(")").toString();
    }

    static Map<String, Object> params(Scope s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("board", s.board());
        p.put("me", s.me());
        if (s.staff().length > 0) {
            p.put("staff", s.staff());
        }
        if (s.external().length > 0 && s.organisation() != null) {
            p.put("external", s.external());
            p.put("org", s.organisation());
        }
        return p;
    }

    /** Whether the current user may work this school's tickets as staff (not an external account). */
    public boolean staffWorker(long schoolId) {
        return access.currentUser().map(u -> !u.external()).orElse(false) && access.can(Permission.TICKETS_WORK, schoolId);
    }

    /** What the current user may do with a ticket they can see. */
    public TicketAccess accessTo(TicketView t) {
        CurrentUser u = access.current();
        boolean staff = !u.external() && (access.can(Permission.TICKETS_READ, t.schoolId())
                || access.can(Permission.TICKETS_WORK, t.schoolId()));
        boolean staffWork = !u.external() && access.can(Permission.TICKETS_WORK, t.schoolId());
        boolean externalWork = u.external() && access.can(Permission.TICKETS_WORK, t.schoolId())
                && Objects.equals(t.escalatedOrgId(), u.organisationId());
        boolean externalSee = u.external() && access.can(Permission.TICKETS_WORK, t.schoolId())
                && escalatedTo(t.id(), u.organisationId());
        boolean requester = t.requesterUserId() != null && t.requesterUserId() == u.id();
        return new TicketAccess(staffWork || externalWork, staff, requester, u.external(), staff || externalSee,
                access.can(Permission.INVENTORY_READ, t.schoolId()));
    }

    private boolean escalatedTo(long ticketId, Long organisationId) {
        return organisationId != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM ticket_escalation WHERE ticket_id = ? AND organisation_id = ?)")
                .params(ticketId, organisationId).query(Boolean.class).single();
    }

    /** The schools in which the current user may report a problem, for the form's chooser. */
    public List<be.coordinaat.access.SchoolDirectory.SchoolRef> reportableSchools() {
        return access.visibleSchools(Permission.TICKETS_REPORT);
    }

    /** The schools whose tickets the current user sees as staff, for the list's filter. */
    public List<be.coordinaat.access.SchoolDirectory.SchoolRef> staffSchools() {
        Set<Long> ids = Set.of(scope().staff());
        return access.visibleSchools(Permission.SCHOOL_READ).stream().filter(s -> ids.contains(s.id())).toList();
    }

    /** Whether the current user sees more than their own tickets (staff or an external technician). */
    public boolean seesMoreThanOwn() {
        Scope s = scope();
        return s.staff().length > 0 || (s.external().length > 0 && s.organisation() != null);
    }

    // ---- lists ----

    /** One page of the tickets matching the filter and free text (title, description, replies; or a ticket number). */
    public TicketPage list(TicketFilter filter, PageQuery query) {
        access.requireAnywhere(Permission.TICKETS_REPORT);
        Scope scope = scope();
        StringBuilder where = new StringBuilder(" WHERE").append(visible(scope));
        Map<String, Object> params = params(scope);
        if (filter.school() != null) {
            if (!Arrays.asList(scope.staff()).contains(filter.school()) && !Arrays.asList(scope.external()).contains(filter.school())
                    && !access.can(Permission.TICKETS_REPORT, filter.school())) {
                throw new NotFoundException("school", filter.school());
            }
            where.append(" AND t.school_id = :school");
            params.put("school", filter.school());
        }
        if (filter.status() != null) {
            where.append(" AND t.status = :status");
            params.put("status", filter.status().name());
        }
        if (Boolean.TRUE.equals(filter.open())) {
            where.append(" AND").append(OPEN);
        }
        if (filter.priority() != null) {
            where.append(" AND t.priority = :priority");
            params.put("priority", filter.priority());
        }
        if (filter.kind() != null) {
            where.append(" AND t.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.category() != null) {
            where.append(" AND t.category_id IN (WITH RECURSIVE tree AS (SELECT id FROM ticket_category WHERE id = :category"
                    + " AND board_id = :board UNION ALL SELECT c.id FROM ticket_category c JOIN tree ON c.parent_id = tree.id)"
                    + " SELECT id FROM tree)");
            params.put("category", filter.category());
        }
        if (filter.assignee() != null) {
            where.append(" AND t.assignee_id = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (Boolean.TRUE.equals(filter.unassigned())) {
            where.append(" AND t.assignee_id IS NULL");
        }
        if (Boolean.TRUE.equals(filter.mine())) {
            where.append(" AND t.assignee_id = :me");
        }
        if (filter.asset() != null) {
            where.append(" AND t.asset_id = :asset");
            params.put("asset", filter.asset());
        }
        if (filter.room() != null) {
            where.append(" AND t.room_id = :room");
            params.put("room", filter.room());
        }
        if (filter.requester() != null) {
            where.append(" AND t.requester_user_id = :requester");
            params.put("requester", filter.requester());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.append(" AND").append(OPEN).append(" AND t.sla_paused_at IS NULL AND (t.resolution_due_at < now()"
                    + " OR (t.first_response_at IS NULL AND t.response_due_at < now()))");
        }
        if (Boolean.TRUE.equals(filter.escalated())) {
            where.append(" AND t.escalated_org_id IS NOT NULL");
        }
        if (query.q() != null) {
            if (SearchTerms.isNumber(query.q())) {
                where.append(" AND t.number = :number");
                params.put("number", query.q().strip().toUpperCase(Locale.ROOT));
            } else {
                String ts = SearchTerms.tsquery(query.q());
                if (ts != null) {
                    where.append(" AND t.search @@ to_tsquery('simple', helpdesk_fold(:ts))");
                    params.put("ts", ts);
                }
            }
        }
        long total = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM ticket t" + where + " LIMIT " + (COUNT_LIMIT + 1) + ") x")
                .params(params).query(Long.class).single();
        boolean capped = total > COUNT_LIMIT;
        String order = order(query);
        List<TicketRow> items = jdbc.sql(ROW_SELECT + FROM + where + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query(Tickets::row).list();
        return new TicketPage(items, capped ? COUNT_LIMIT : total, capped, query.page(), query.size());
    }

    static String order(PageQuery query) {
        if (query.sort() == null) {
            return " ORDER BY t.created_at DESC, t.id DESC";
        }
        String dir = query.descending() ? " DESC" : " ASC";
        String column = switch (query.sort()) {
            case "updated" -> "t.updated_at";
            case "priority" -> "t.priority";
            case "status" -> "t.status";
            case "number" -> "t.number";
            case "title" -> "lower(t.title)";
            case "due" -> "t.resolution_due_at";
            case "school" -> "lower(s.name)";
            default -> "t.created_at";
        };
        return " ORDER BY " + column + dir + ("due".equals(query.sort()) ? " NULLS LAST" : "") + ", t.id" + dir;
    }

    // ---- one ticket ----

    /** A ticket the current user may see; 404 otherwise. */
    public TicketView ticket(long id) {
        Scope scope = scope();
        return jdbc.sql(ROW_SELECT + VIEW_COLUMNS + FROM + " LEFT JOIN ticket mt ON mt.id = t.merged_into_id WHERE t.id = :id AND"
                        + visible(scope))
                .params(params(scope)).param("id", id).query(Tickets::view).optional()
                .orElseThrow(() -> new NotFoundException("ticket", id));
    }

    /** A ticket by its number (T-2026-000123) or id, as the user may see it; 404 otherwise. */
    public TicketView ticketByReference(String reference) {
        String r = reference == null ? "" : reference.strip();
        if (SearchTerms.isNumber(r)) {
            Scope scope = scope();
            Long id = jdbc.sql("SELECT t.id FROM ticket t WHERE t.number = :number AND" + visible(scope)).params(params(scope))
                    .param("number", r.toUpperCase(Locale.ROOT)).query(Long.class).optional()
                    .orElseThrow(() -> new NotFoundException("ticket", r));
            return ticket(id);
        }
        try {
            return ticket(Long.parseLong(r));
        } catch (NumberFormatException e) {
            throw new NotFoundException("ticket", r);
        }
    }

    @Transactional
    public long create(TicketForm form) {
        return create(form, TicketSource.WEB);
    }

    /** Registers a ticket reported by the current user (or, by a helpdesk worker, for someone else). */
    @Transactional
    public long create(TicketForm form, TicketSource source) {
        CurrentUser me = access.current();
        Long schoolId = form.schoolId();
        if (schoolId == null || !access.can(Permission.TICKETS_REPORT, schoolId)) {
            if (schoolId != null && access.can(Permission.SCHOOL_READ, schoolId)) {
                throw new AccessDeniedException("no TICKETS_REPORT in school " + schoolId);
            }
            throw InvalidInputException.of("schoolId", schoolId == null ? "error.required" : "error.reference",
                    schoolId == null ? "is required" : "does not exist");
        }
        boolean worker = staffWorker(schoolId);
        List<FieldProblem> problems = new ArrayList<>();
        if (!worker) {
            for (var f : List.of(Map.entry("assigneeId", Optional.ofNullable((Object) form.assigneeId())),
                    Map.entry("requesterPersonId", Optional.ofNullable((Object) form.requesterPersonId())),
                    Map.entry("requesterEmail", Optional.ofNullable((Object) blank(form.requesterEmail()))),
                    Map.entry("requesterName", Optional.ofNullable((Object) blank(form.requesterName()))))) {
                if (f.getValue().isPresent()) {
                    problems.add(new FieldProblem(f.getKey(), "ticket.error.workerOnly", "only the helpdesk may set this"));
                }
            }
        }
        Refs refs = checkRefs(me.boardId(), schoolId, form.categoryId(), form.assetId(), form.roomId(), form.assigneeId(), problems);
        PersonView person = null;
        if (form.requesterPersonId() != null && worker) {
            person = visiblePerson(form.requesterPersonId()).filter(p -> p.schoolIds().contains(schoolId)).orElse(null);
            if (person == null) {
                problems.add(new FieldProblem("requesterPersonId", "error.reference", "does not exist"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean onBehalf = worker && (person != null || blank(form.requesterEmail()) != null || blank(form.requesterName()) != null);
        Long requesterUser = onBehalf ? null : me.id();
        Long requesterPerson = onBehalf ? (person == null ? null : person.id()) : me.personId();
        String requesterName = onBehalf ? (blank(form.requesterName()) != null ? blank(form.requesterName())
                : person == null ? null : person.fullName()) : me.displayName();
        String requesterEmail = onBehalf ? (blank(form.requesterEmail()) != null ? blank(form.requesterEmail())
                : person == null ? null : person.email()) : accountEmail(me.id());
        return insert(new NewTicket(me.boardId(), schoolId, form.kind() == null ? TicketKind.INCIDENT : form.kind(),
                form.title().strip(), form.description().strip(), form.categoryId(), level(form.impact()), level(form.urgency()),
                source, requesterUser, requesterPerson, requesterName, requesterEmail, form.assetId(), form.roomId(), null,
                form.assigneeId(), null, Instant.now()), refs);
    }

    private static Level level(Level l) {
        return l == null ? Level.MEDIUM : l;
    }

    private String accountEmail(long userId) {
        return jdbc.sql("SELECT email FROM app_user WHERE id = ?").param(userId).query(String.class).optional().orElse(null);
    }

    /** A ticket to store; checked by the caller. */
    record NewTicket(long board, long school, TicketKind kind, String title, String description, Long category,
            Level impact, Level urgency, TicketSource source, Long requesterUser, Long requesterPerson,
            String requesterName, String requesterEmail, Long asset, Long room, String unknownTag, Long assignee,
            String followTokenHash, Instant createdAt) {}

    /** The names of the referenced records, for the history. */
    record Refs(String category, String asset, String room, String assignee) {}

    /** Stores a checked ticket with its number and SLA due times; also for public reports, e-mail and demo data. */
    long insert(NewTicket n, Refs refs) {
        int priority = Level.priority(n.impact(), n.urgency());
        String number = nextNumber(n.board(), n.createdAt());
        Instant[] due = dueTimes(n.board(), n.school(), priority, n.createdAt());
        long id = jdbc.sql("""
                INSERT INTO ticket (board_id, school_id, number, kind, title, description, category_id, impact, urgency,
                                    priority, status, source, requester_user_id, requester_person_id, requester_name,
                                    requester_email, asset_id, room_id, unknown_asset_tag, assignee_id, follow_token_hash,
                                    response_due_at, resolution_due_at, created_at, updated_at)
                VALUES (:board, :school, :number, :kind, :title, :description, :category, :impact, :urgency, :priority, 'NEW',
                        :source, :requesterUser, :requesterPerson, :requesterName, :requesterEmail, :asset, :room,
                        :unknownTag, :assignee, :follow, :responseDue, :resolutionDue, :created, :created)
                RETURNING id""")
                .param("board", n.board()).param("school", n.school()).param("number", number)
                .param("kind", n.kind().name()).param("title", n.title()).param("description", n.description())
                .param("category", n.category()).param("impact", n.impact().name()).param("urgency", n.urgency().name())
                .param("priority", priority).param("source", n.source().name()).param("requesterUser", n.requesterUser())
                .param("requesterPerson", n.requesterPerson()).param("requesterName", n.requesterName())
                .param("requesterEmail", n.requesterEmail()).param("asset", n.asset()).param("room", n.room())
                .param("unknownTag", n.unknownTag()).param("assignee", n.assignee()).param("follow", n.followTokenHash())
                .param("responseDue", ts(due[0])).param("resolutionDue", ts(due[1])).param("created", ts(n.createdAt()))
                .query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("number", number);
        after.put("kind", n.kind());
        after.put("title", n.title());
        after.put("description", n.description());
        after.put("category", refs.category());
        after.put("impact", n.impact());
        after.put("urgency", n.urgency());
        after.put("priority", "P" + priority);
        after.put("status", TicketStatus.NEW);
        after.put("source", n.source());
        after.put("requester", n.requesterName() != null ? n.requesterName() : n.requesterEmail());
        after.put("asset", refs.asset() != null ? refs.asset() : n.unknownTag());
        after.put("room", refs.room());
        after.put("assignee", refs.assignee());
        publish(id, n.board(), n.school(), RecordChanged.CREATED, number + " " + n.title(), Map.of(), after);
        events.publishEvent(new TicketCreated(id, n.school()));
        if (n.assignee() != null) {
            events.publishEvent(new TicketAssigned(id, n.school(), n.assignee()));
        }
        return id;
    }

    /**
     * The next number of the board in the year of {@code at}: T-2026-000123. The counter row serialises creations of
     * a board until commit. (Drawing it in a transaction of its own would need a second pooled connection per
     * creation: with as many concurrent creations as the pool has connections they wait for each other for ever.)
     */
    String nextNumber(long board, Instant at) {
        int year = at.atZone(Formats.ZONE).getYear();
        long value = jdbc.sql("""
                INSERT INTO ticket_number_counter (board_id, year) VALUES (?, ?)
                ON CONFLICT (board_id, year) DO UPDATE SET next_value = ticket_number_counter.next_value + 1
                RETURNING next_value""").params(board, year).query(Long.class).single();
        return String.format("T-%d-%06d", year, value);
    }

    /** Response and resolution due times for a priority: the school's targets, or the board's defaults; none without. */
    Instant[] dueTimes(long board, long school, int priority, Instant from) {
        return jdbc.sql("""
                SELECT response_minutes, resolution_minutes FROM sla_target
                WHERE board_id = ? AND priority = ? AND (school_id = ? OR school_id IS NULL)
                ORDER BY school_id NULLS LAST LIMIT 1""").params(board, priority, school)
                .query((rs, n) -> new Instant[] {
                        clock.addBusinessTime(school, from, Duration.ofMinutes(rs.getInt(1))),
                        clock.addBusinessTime(school, from, Duration.ofMinutes(rs.getInt(2)))})
                .optional().orElse(new Instant[2]);
    }

    /**
     * Checks the references of a ticket against its school: an active category of the school or the board, an asset
     * and a room of the school, an assignee who works the school's tickets. Returns their names for the history.
     */
    private Refs checkRefs(long board, long schoolId, Long categoryId, Long assetId, Long roomId, Long assigneeId,
            List<FieldProblem> problems) {
        String category = null;
        if (categoryId != null) {
            category = jdbc.sql("""
                    SELECT name FROM ticket_category WHERE id = ? AND board_id = ? AND active
                      AND (school_id = ? OR school_id IS NULL)""").params(categoryId, board, schoolId)
                    .query(String.class).optional().orElse(null);
            if (category == null) {
                problems.add(new FieldProblem("categoryId", "error.reference", "does not exist"));
            }
        }
        String asset = null;
        if (assetId != null) {
            asset = assetTagIn(assetId, schoolId).orElse(null);
            if (asset == null) {
                problems.add(new FieldProblem("assetId", "ticket.error.otherSchool", "does not exist in the ticket's school"));
            }
        }
        String room = null;
        if (roomId != null) {
            room = visibleRoom(roomId).filter(r -> r.schoolId() == schoolId).map(RoomView::name).orElse(null);
            if (room == null) {
                problems.add(new FieldProblem("roomId", "ticket.error.otherSchool", "does not exist in the ticket's school"));
            }
        }
        String assignee = null;
        if (assigneeId != null) {
            assignee = assignable(assigneeId, schoolId).orElse(null);
            if (assignee == null) {
                problems.add(new FieldProblem("assigneeId", "ticket.error.assignee",
                        "is not an account that works this school's tickets"));
            }
        }
        return new Refs(category, asset, room, assignee);
    }

    /**
     * The tag of an asset when it belongs to the school: through the inventory for those who read it; for reporters
     * without inventory access (a teacher, an external technician) only whether it belongs to the school is read.
     */
    private Optional<String> assetTagIn(long assetId, long schoolId) {
        if (access.can(Permission.INVENTORY_READ, schoolId)) {
            try {
                var a = inventory.asset(assetId);
                return a.schoolId() == schoolId ? Optional.of(a.tag()) : Optional.empty();
            } catch (NotFoundException | AccessDeniedException e) {
                return Optional.empty();
            }
        }
        return jdbc.sql("SELECT tag FROM asset WHERE id = ? AND school_id = ?").params(assetId, schoolId)
                .query(String.class).optional();
    }

    private Optional<RoomView> visibleRoom(long roomId) {
        try {
            return Optional.of(schools.room(roomId));
        } catch (NotFoundException | AccessDeniedException e) {
            return Optional.empty();
        }
    }

    private Optional<PersonView> visiblePerson(long id) {
        try {
            return Optional.of(people.person(id));
        } catch (NotFoundException | AccessDeniedException e) {
            return Optional.empty();
        }
    }

    /** The roles that work tickets, for the assignee query. */
    private static String[] workerRoles() {
        return Arrays.stream(Role.values()).filter(r -> r.grants(Permission.TICKETS_WORK)).map(Role::name).toArray(String[]::new);
    }

    /**
     * The display name of an account that may be assigned a ticket of the school: a colleague of the board
     * ({@link Accounts#colleague}), enabled, school staff (not an external account) with TICKETS_WORK there.
     */
    private Optional<String> assignable(long userId, long schoolId) {
        return accounts.colleague(userId)
                .filter(a -> a.enabled() && a.organisationId() == null)
                .filter(a -> a.grants().stream().anyMatch(g -> g.role().grants(Permission.TICKETS_WORK)
                        && (g.schoolId() == null || g.schoolId() == schoolId)))
                .map(a -> a.displayName());
    }

    /** The accounts a ticket of the school can be assigned to, by name. */
    public List<Choice> assigneeOptions(long schoolId) {
        return jdbc.sql("""
                SELECT u.id, u.display_name FROM app_user u
                WHERE u.board_id = :board AND u.enabled AND u.organisation_id IS NULL
                  AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.role = ANY(CAST(:roles AS text[]))
                              AND (g.school_id = :school OR g.school_id IS NULL))
                ORDER BY lower(u.display_name), u.id""")
                .param("board", access.current().boardId()).param("roles", workerRoles()).param("school", schoolId)
                .query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2))).list();
    }

    /** The external organisations serving the school (or the whole board), for escalation. */
    public List<Choice> organisationOptions(long schoolId) {
        if (!access.canAnywhere(Permission.ORGANISATIONS_READ)) {
            return List.of();
        }
        return organisations.list(PageQuery.of(0, PageQuery.MAX_SIZE, "name", null), null).items().stream()
                .filter(o -> o.boardWide() || o.schoolIds().contains(schoolId))
                .map(o -> new Choice(o.id(), o.name())).toList();
    }

    // ---- changes by the helpdesk ----

    @Transactional
    public void update(long id, TicketUpdateForm form) {
        TicketView before = ticket(id);
        requireStaffWork(before);
        List<FieldProblem> problems = new ArrayList<>();
        Refs refs = checkRefs(access.current().boardId(), before.schoolId(), form.categoryId(), form.assetId(), form.roomId(),
                form.assigneeId(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int priority = Level.priority(form.impact(), form.urgency());
        Instant[] due = priority == before.priority() ? new Instant[] {before.responseDueAt(), before.resolutionDueAt()}
                : dueTimes(access.current().boardId(), before.schoolId(), priority, before.createdAt());
        int n = jdbc.sql("""
                UPDATE ticket SET kind = :kind, title = :title, description = :description, category_id = :category,
                       impact = :impact, urgency = :urgency, priority = :priority, asset_id = :asset, room_id = :room,
                       assignee_id = :assignee, response_due_at = :responseDue, resolution_due_at = :resolutionDue,
                       version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version""")
                .param("kind", form.kind().name()).param("title", form.title().strip())
                .param("description", form.description().strip()).param("category", form.categoryId())
                .param("impact", form.impact().name()).param("urgency", form.urgency().name()).param("priority", priority)
                .param("asset", form.assetId()).param("room", form.roomId()).param("assignee", form.assigneeId())
                .param("responseDue", ts(due[0])).param("resolutionDue", ts(due[1])).param("id", id)
                .param("version", form.version() == null ? before.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion("ticket", id);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", form.kind());
        after.put("title", form.title().strip());
        after.put("description", form.description().strip());
        after.put("category", refs.category());
        after.put("impact", form.impact());
        after.put("urgency", form.urgency());
        after.put("priority", "P" + priority);
        after.put("asset", refs.asset());
        after.put("room", refs.room());
        after.put("assignee", refs.assignee());
        publish(id, before, snapshot(before), after);
        if (!Objects.equals(before.assigneeId(), form.assigneeId())) {
            events.publishEvent(new TicketAssigned(id, before.schoolId(), form.assigneeId()));
        }
    }

    /** Assigns the ticket to an account that works the school's tickets, or (null) to nobody. */
    @Transactional
    public void assign(long id, Long assigneeId) {
        TicketView before = ticket(id);
        requireStaffWork(before);
        String name = null;
        if (assigneeId != null) {
            name = assignable(assigneeId, before.schoolId()).orElseThrow(() -> InvalidInputException.of("assigneeId",
                    "ticket.error.assignee", "is not an account that works this school's tickets"));
        }
        jdbc.sql("UPDATE ticket SET assignee_id = ?, version = version + 1, updated_at = now() WHERE id = ?")
                .params(assigneeId, id).update();
        publish(id, before, mapOf("assignee", before.assigneeName()), mapOf("assignee", name));
        events.publishEvent(new TicketAssigned(id, before.schoolId(), assigneeId));
    }

    /** Moves a ticket along the status flow; a move the flow does not allow is 400 on {@code status}. */
    @Transactional
    public void changeStatus(long id, StatusForm form) {
        TicketView t = ticket(id);
        requireStaffWork(t);
        if (form.version() != null && form.version() != t.version()) {
            throw ConflictException.staleVersion("ticket", id);
        }
        if (form.status() == t.status()) {
            return;
        }
        requireTransition(t, form.status());
        moveStatus(t, form.status());
    }

    private void requireTransition(TicketView t, TicketStatus to) {
        if (t.mergedIntoId() != null) {
            throw InvalidInputException.of("status", "ticket.error.merged", "the ticket was merged into another one");
        }
        if (!t.status().canMoveTo(to)) {
            throw InvalidInputException.of("status", "ticket.error.transition", "cannot go from " + t.status() + " to " + to,
                    t.status(), to);
        }
    }

    /** Applies a status change with its timestamps and SLA pause, its history and its event. */
    private void moveStatus(TicketView t, TicketStatus to) {
        Instant now = Instant.now();
        Instant resolutionDue = t.resolutionDueAt();
        Instant pausedAt = t.slaPausedAt();
        if (t.status().slaPaused() && !to.slaPaused() && pausedAt != null) {
            if (resolutionDue != null) {
                resolutionDue = clock.addBusinessTime(t.schoolId(), resolutionDue,
                        clock.businessTimeBetween(t.schoolId(), pausedAt, now));
            }
            pausedAt = null;
        } else if (to.slaPaused() && pausedAt == null) {
            pausedAt = now;
        }
        Instant solvedAt = to == TicketStatus.SOLVED ? now : to == TicketStatus.CLOSED ? t.solvedAt() : null;
        Instant closedAt = to == TicketStatus.CLOSED ? now : null;
        jdbc.sql("""
                UPDATE ticket SET status = ?, resolution_due_at = ?, sla_paused_at = ?, solved_at = ?, closed_at = ?,
                       version = version + 1, updated_at = now() WHERE id = ?""")
                .params(to.name(), ts(resolutionDue), ts(pausedAt), ts(solvedAt), ts(closedAt), t.id()).update();
        publish(t.id(), t, mapOf("status", t.status()), mapOf("status", to));
        events.publishEvent(new TicketStatusChanged(t.id(), t.schoolId(), t.status(), to));
    }

    // ---- replies and notes ----

    /** The replies (and, for staff and the escalated organisation, the internal notes) of a ticket, oldest first. */
    public List<ReplyView> replies(long ticketId) {
        TicketView t = ticket(ticketId);
        boolean notes = accessTo(t).seeNotes();
        List<AttachmentView> files = attachments(t, notes);
        return jdbc.sql("""
                SELECT id, internal, from_staff, source, body, author_name, created_at FROM ticket_reply
                WHERE ticket_id = ? AND (NOT internal OR ?) ORDER BY created_at, id""").params(ticketId, notes)
                .query((rs, n) -> replyRow(rs, files)).list();
    }

    /**
     * Adds a reply (or, for workers, an internal note). A worker's first reply to the requester is the first
     * response of the SLA and takes a new ticket in progress; a requester's reply takes a ticket waiting for them,
     * or a solved one, back in progress. Returns the reply's id.
     */
    @Transactional
    public long reply(long ticketId, ReplyForm form) {
        return reply(ticketId, form, TicketSource.WEB);
    }

    @Transactional
    public long reply(long ticketId, ReplyForm form, TicketSource source) {
        TicketView t = ticket(ticketId);
        TicketAccess a = accessTo(t);
        boolean internal = Boolean.TRUE.equals(form.internal());
        if (!a.work() && !a.requester()) {
            throw new AccessDeniedException("may not reply to ticket " + ticketId);
        }
        if (internal && !a.work()) {
            throw InvalidInputException.of("internal", "ticket.error.notesStaffOnly", "only the helpdesk writes internal notes");
        }
        if (t.mergedIntoId() != null || (t.status() == TicketStatus.CLOSED && !a.work())) {
            throw InvalidInputException.of("body", "ticket.error.closed", "the ticket is closed");
        }
        CurrentUser me = access.current();
        return addReply(t, internal, a.work(), source, form.body().strip(), me.id(), me.displayName(), accountEmail(me.id()));
    }

    private long addReply(TicketView t, boolean internal, boolean fromStaff, TicketSource source, String body, Long authorId,
            String authorName, String authorEmail) {
        long replyId = jdbc.sql("""
                INSERT INTO ticket_reply (ticket_id, school_id, internal, from_staff, source, body, author_id, author_name, author_email)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(t.id(), t.schoolId(), internal, fromStaff, source.name(), body, authorId, authorName, authorEmail)
                .query(Long.class).single();
        jdbc.sql("UPDATE ticket SET version = version + 1, updated_at = now()"
                        + (fromStaff && !internal ? ", first_response_at = coalesce(first_response_at, now())" : "")
                        + " WHERE id = ?").param(t.id()).update();
        publish(t.id(), t, mapOf(internal ? "note" : "reply", null), mapOf(internal ? "note" : "reply", excerpt(body)));
        if (!internal) {
            events.publishEvent(new TicketReplied(t.id(), replyId, t.schoolId(), fromStaff));
        }
        TicketView now = ticketUnchecked(t.id());
        if (!internal && fromStaff && now.status() == TicketStatus.NEW) {
            moveStatus(now, TicketStatus.IN_PROGRESS);
        } else if (!fromStaff && (now.status() == TicketStatus.WAITING_REQUESTER || now.status() == TicketStatus.SOLVED)) {
            moveStatus(now, TicketStatus.IN_PROGRESS);
        }
        return replyId;
    }

    private static String excerpt(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    // ---- the requester ----

    /** The requester confirms the solution: the ticket is closed. */
    @Transactional
    public void confirmSolved(long id) {
        TicketView t = ticket(id);
        requireRequester(t);
        if (t.status() != TicketStatus.SOLVED) {
            throw InvalidInputException.of("status", "ticket.error.notSolved", "the ticket is not solved");
        }
        moveStatus(t, TicketStatus.CLOSED);
    }

    /** The requester reopens a solved ticket, saying why. */
    @Transactional
    public void reopen(long id, String reason) {
        TicketView t = ticket(id);
        TicketAccess a = accessTo(t);
        if (!a.requester() && !a.work()) {
            throw new AccessDeniedException("may not reopen ticket " + id);
        }
        if (t.status() != TicketStatus.SOLVED && !(a.work() && t.status() == TicketStatus.CLOSED)) {
            throw InvalidInputException.of("status", "ticket.error.notSolved", "the ticket is not solved");
        }
        requireTransition(t, TicketStatus.IN_PROGRESS);
        CurrentUser me = access.current();
        String text = blank(reason);
        if (text != null) {
            if (text.length() > Forms.MAX_TEXT) {
                throw InvalidInputException.of("body", "ticket.error.tooLong", "is too long");
            }
            // the reply takes the solved ticket back in progress
            addReply(t, false, a.work(), TicketSource.WEB, text, me.id(), me.displayName(), accountEmail(me.id()));
            t = ticketUnchecked(id);
        }
        if (t.status() != TicketStatus.IN_PROGRESS) {
            moveStatus(t, TicketStatus.IN_PROGRESS);
        }
    }

    /** The requester's satisfaction after solving: 1 to 5 with a comment. */
    @Transactional
    public void rate(long id, RatingForm form) {
        TicketView t = ticket(id);
        requireRequester(t);
        if (t.status() != TicketStatus.SOLVED && t.status() != TicketStatus.CLOSED) {
            throw InvalidInputException.of("rating", "ticket.error.rateAfterSolved", "can be given once the ticket is solved");
        }
        jdbc.sql("UPDATE ticket SET satisfaction = ?, satisfaction_comment = ?, version = version + 1, updated_at = now() WHERE id = ?")
                .params(form.rating(), blank(form.comment()), id).update();
        publish(id, t, mapOf("satisfaction", t.satisfaction()), mapOf("satisfaction", form.rating()
                + (blank(form.comment()) == null ? "" : " – " + blank(form.comment()))));
    }

    // ---- attachments ----

    /** The attachments of a ticket the user may see (internal ones for staff and the escalated organisation only). */
    public List<AttachmentView> attachments(long ticketId) {
        TicketView t = ticket(ticketId);
        return attachments(t, accessTo(t).seeNotes());
    }

    private List<AttachmentView> attachments(TicketView t, boolean notes) {
        return jdbc.sql(ATTACHMENT_SELECT + " WHERE ticket_id = ? AND (NOT internal OR ?) ORDER BY uploaded_at, id")
                .params(t.id(), notes).query(Tickets::attachmentRow).list();
    }

    public AttachmentFile attachment(long ticketId, long attachmentId) {
        TicketView t = ticket(ticketId);
        return jdbc.sql("SELECT file_name, content_type, bytes FROM ticket_attachment WHERE ticket_id = ? AND id = ? AND (NOT internal OR ?)")
                .params(ticketId, attachmentId, accessTo(t).seeNotes())
                .query((rs, n) -> new AttachmentFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    /**
     * Adds a photo (JPEG, PNG, WebP) or a PDF to a ticket, or to one of its replies; judged by the content, at most
     * 10 MB. Workers may add internal files (with a note); a requester's files are always visible to them.
     */
    @Transactional
    public long addAttachment(long ticketId, Long replyId, String fileName, byte[] bytes, boolean internal) {
        TicketView t = ticket(ticketId);
        TicketAccess a = accessTo(t);
        if (!a.work() && !a.requester()) {
            throw new AccessDeniedException("may not add files to ticket " + ticketId);
        }
        if (internal && !a.work()) {
            throw InvalidInputException.of("internal", "ticket.error.notesStaffOnly", "only the helpdesk adds internal files");
        }
        if (replyId != null) {
            Boolean replyInternal = jdbc.sql("SELECT internal FROM ticket_reply WHERE id = ? AND ticket_id = ?")
                    .params(replyId, ticketId).query(Boolean.class).optional()
                    .orElseThrow(() -> InvalidInputException.of("replyId", "error.reference", "does not exist"));
            internal = internal || replyInternal;
            if (replyInternal && !a.work()) {
                throw InvalidInputException.of("replyId", "error.reference", "does not exist");
            }
        }
        CurrentUser me = access.current();
        return storeAttachment(t, replyId, fileName, bytes, internal, me.id(), me.displayName());
    }

    private long storeAttachment(TicketView t, Long replyId, String fileName, byte[] bytes, boolean internal, Long userId,
            String userName) {
        String type = checkFile(bytes);
        long count = jdbc.sql("SELECT count(*) FROM ticket_attachment WHERE ticket_id = ?").param(t.id()).query(Long.class).single();
        if (count >= MAX_ATTACHMENTS) {
            throw InvalidInputException.of("file", "ticket.error.file.tooMany", "a ticket holds at most 50 files", MAX_ATTACHMENTS);
        }
        String name = be.coordinaat.shared.FileTypes.safeName(fileName, type, "bijlage", 255);
        long id = jdbc.sql("""
                INSERT INTO ticket_attachment (ticket_id, reply_id, school_id, internal, file_name, content_type, size_bytes,
                                               sha256, bytes, uploaded_by, uploaded_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(t.id(), replyId, t.schoolId(), internal, name, type, bytes.length, sha256(bytes), bytes, userId, userName)
                .query(Long.class).single();
        jdbc.sql("UPDATE ticket SET version = version + 1, updated_at = now() WHERE id = ?").param(t.id()).update();
        publish(t.id(), t, Map.of(), mapOf("attachment", name));
        return id;
    }

    /** The content type of an allowed file; 400 on {@code file} for an empty, too large or other file. */
    static String checkFile(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "ticket.error.file.empty", "is empty");
        }
        if (bytes.length > MAX_ATTACHMENT_BYTES) {
            throw InvalidInputException.of("file", "ticket.error.file.tooLarge", "is larger than 10 MB", 10);
        }
        return be.coordinaat.shared.FileTypes.detect(bytes, be.coordinaat.shared.FileTypes.PHOTOS_AND_PDF).orElseThrow(() -> InvalidInputException.of("file", "ticket.error.file.type",
                "is not a JPEG, PNG or WebP photo or a PDF document (judged by its content, not its name)"));
    }

    // ---- links and merging ----

    /** The links of a ticket to tickets the user may see, with the kind as seen from this ticket. */
    public List<LinkView> links(long ticketId) {
        ticket(ticketId);
        Scope scope = scope();
        return jdbc.sql("""
                SELECT l.id, CASE WHEN l.kind = 'PARENT' AND l.other_id = :id THEN 'CHILD' ELSE l.kind END AS kind,
                       t.id AS other_id, t.number, t.title, t.status, l.created_by_name, l.created_at
                FROM ticket_link l JOIN ticket t ON t.id = CASE WHEN l.ticket_id = :id THEN l.other_id ELSE l.ticket_id END
                WHERE (l.ticket_id = :id OR l.other_id = :id) AND""" + visible(scope) + " ORDER BY l.created_at, l.id")
                .params(params(scope)).param("id", ticketId)
                .query((rs, n) -> new LinkView(rs.getLong("id"), LinkKind.valueOf(rs.getString("kind")), rs.getLong("other_id"),
                        rs.getString("number"), rs.getString("title"), TicketStatus.valueOf(rs.getString("status")),
                        rs.getString("created_by_name"), instant(rs, "created_at")))
                .list();
    }

    /** Links two tickets the user works as staff; CHILD is stored as the other's PARENT link. */
    @Transactional
    public long link(long ticketId, LinkForm form) {
        TicketView t = ticket(ticketId);
        requireStaffWork(t);
        TicketView other = otherTicket(form.other(), "other");
        if (other.id() == t.id()) {
            throw InvalidInputException.of("other", "ticket.error.linkSelf", "is this ticket");
        }
        long from = form.kind() == LinkKind.CHILD ? other.id() : t.id();
        long to = form.kind() == LinkKind.CHILD ? t.id() : other.id();
        LinkKind stored = form.kind() == LinkKind.CHILD ? LinkKind.PARENT : form.kind();
        Long id = jdbc.sql("""
                INSERT INTO ticket_link (ticket_id, other_id, kind, created_by_name) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING RETURNING id""").params(from, to, stored.name(), access.current().displayName())
                .query(Long.class).optional().orElseThrow(() -> InvalidInputException.of("other", "ticket.error.linkExists",
                        "is already linked to this ticket"));
        publish(t.id(), t, mapOf("link", null), mapOf("link", form.kind() + " " + other.number()));
        publish(other.id(), other, mapOf("link", null), mapOf("link", "← " + form.kind() + " " + t.number()));
        return id;
    }

    @Transactional
    public void unlink(long ticketId, long linkId) {
        TicketView t = ticket(ticketId);
        requireStaffWork(t);
        LinkView link = links(ticketId).stream().filter(l -> l.id() == linkId).findFirst()
                .orElseThrow(() -> new NotFoundException("link", linkId));
        jdbc.sql("DELETE FROM ticket_link WHERE id = ?").param(linkId).update();
        publish(t.id(), t, mapOf("link", link.kind() + " " + link.otherNumber()), mapOf("link", null));
    }

    private TicketView otherTicket(String reference, String field) {
        TicketView other;
        try {
            other = ticketByReference(reference);
        } catch (NotFoundException e) {
            throw InvalidInputException.of(field, "error.reference", "does not exist");
        }
        if (!staffWorker(other.schoolId())) {
            throw InvalidInputException.of(field, "error.reference", "does not exist");
        }
        return other;
    }

    /**
     * Merges a duplicate into another ticket of the same school: its description and replies (with their files) move
     * to the other ticket, it is linked as a duplicate and closed with a pointer to the other.
     */
    @Transactional
    public void merge(long ticketId, String into) {
        TicketView t = ticket(ticketId);
        requireStaffWork(t);
        TicketView target = otherTicket(into, "into");
        if (target.id() == t.id()) {
            throw InvalidInputException.of("into", "ticket.error.linkSelf", "is this ticket");
        }
        if (target.schoolId() != t.schoolId()) {
            throw InvalidInputException.of("into", "ticket.error.mergeOtherSchool", "belongs to another school");
        }
        if (target.mergedIntoId() != null || t.mergedIntoId() != null) {
            throw InvalidInputException.of("into", "ticket.error.merged", "the ticket was merged into another one");
        }
        String requester = t.requesterName() != null ? t.requesterName() : t.requesterEmail() != null ? t.requesterEmail() : "?";
        long moved = jdbc.sql("UPDATE ticket_reply SET ticket_id = ? WHERE ticket_id = ?").params(target.id(), t.id()).update();
        jdbc.sql("UPDATE ticket_attachment SET ticket_id = ? WHERE ticket_id = ?").params(target.id(), t.id()).update();
        jdbc.sql("""
                INSERT INTO ticket_reply (ticket_id, school_id, internal, from_staff, source, body, author_id, author_name, created_at)
                VALUES (?, ?, FALSE, FALSE, ?, ?, ?, ?, ?)""")
                .params(target.id(), target.schoolId(), t.source().name(), t.number() + " – " + t.title() + "\n\n" + t.description(),
                        t.requesterUserId(), requester, ts(t.createdAt())).update();
        jdbc.sql("""
                UPDATE ticket SET reply_search = coalesce((SELECT setweight(to_tsvector('simple', helpdesk_fold(string_agg(body, ' '))), 'C')
                                                            FROM ticket_reply WHERE ticket_id = ticket.id), ''::tsvector)
                WHERE id IN (?, ?)""").params(target.id(), t.id()).update();
        jdbc.sql("""
                INSERT INTO ticket_link (ticket_id, other_id, kind, created_by_name) VALUES (?, ?, 'DUPLICATE', ?)
                ON CONFLICT DO NOTHING""").params(t.id(), target.id(), access.current().displayName()).update();
        if (t.escalatedOrgId() != null) {
            endEscalation(t, null);
        }
        Instant now = Instant.now();
        jdbc.sql("""
                UPDATE ticket SET status = 'CLOSED', merged_into_id = ?, closed_at = ?, sla_paused_at = NULL, escalated_org_id = NULL,
                       version = version + 1, updated_at = now() WHERE id = ?""").params(target.id(), ts(now), t.id()).update();
        jdbc.sql("UPDATE ticket SET version = version + 1, updated_at = now() WHERE id = ?").param(target.id()).update();
        publish(t.id(), t, Map.of("status", t.status(), "mergedInto", ""), Map.of("status", TicketStatus.CLOSED, "mergedInto", target.number()));
        publish(target.id(), target, mapOf("merged", null), mapOf("merged", t.number() + " (" + moved + ")"));
        if (t.status() != TicketStatus.CLOSED) {
            events.publishEvent(new TicketStatusChanged(t.id(), t.schoolId(), t.status(), TicketStatus.CLOSED));
        }
    }

    // ---- second line ----

    /** The periods the ticket spent with external organisations, oldest first. */
    public List<EscalationView> escalations(long ticketId) {
        ticket(ticketId);
        return jdbc.sql("""
                SELECT e.id, e.organisation_id, o.name, e.reference, e.note, e.started_at, e.started_by_name, e.ended_at,
                       e.ended_by_name FROM ticket_escalation e JOIN organisation o ON o.id = e.organisation_id
                WHERE e.ticket_id = ? ORDER BY e.started_at, e.id""").param(ticketId)
                .query((rs, n) -> new EscalationView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, "started_at"), rs.getString(7), instant(rs, "ended_at"), rs.getString(9)))
                .list();
    }

    /**
     * Escalates the ticket to an external organisation that serves its school (or the whole board): a new period
     * starts (ending the one with another organisation), the ticket waits for the third party, and the organisation's
     * accounts can see and work it.
     */
    @Transactional
    public long escalate(long ticketId, EscalationForm form) {
        TicketView t = ticket(ticketId);
        requireStaffWork(t);
        if (!t.open()) {
            throw InvalidInputException.of("organisationId", "ticket.error.escalateClosed", "the ticket is solved or closed");
        }
        OrganisationView org;
        try {
            org = organisations.organisation(form.organisationId());
        } catch (NotFoundException | AccessDeniedException e) {
            throw InvalidInputException.of("organisationId", "error.reference", "does not exist");
        }
        if (!org.boardWide() && !org.schoolIds().contains(t.schoolId())) {
            throw InvalidInputException.of("organisationId", "ticket.error.orgNotServing", "does not serve the ticket's school");
        }
        if (t.escalatedOrgId() != null) {
            endEscalation(t, null);
        }
        String who = access.current().displayName();
        long id = jdbc.sql("""
                INSERT INTO ticket_escalation (ticket_id, school_id, organisation_id, reference, note, started_by_name)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(t.id(), t.schoolId(), org.id(), blank(form.reference()), blank(form.note()), who).query(Long.class).single();
        jdbc.sql("UPDATE ticket SET escalated_org_id = ?, external_reference = ?, version = version + 1, updated_at = now() WHERE id = ?")
                .params(org.id(), blank(form.reference()), t.id()).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("escalatedTo", org.name());
        after.put("externalReference", blank(form.reference()));
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("escalatedTo", t.escalatedOrgName());
        before.put("externalReference", t.externalReference());
        publish(t.id(), t, before, after);
        if (blank(form.note()) != null) {
            addReply(t, true, true, TicketSource.WEB, blank(form.note()), access.current().id(), who, null);
        }
        events.publishEvent(new TicketEscalated(t.id(), t.schoolId(), org.id(), blank(form.reference())));
        TicketView now = ticketUnchecked(t.id());
        if (now.status() != TicketStatus.WAITING_THIRD_PARTY && now.status().canMoveTo(TicketStatus.WAITING_THIRD_PARTY)) {
            moveStatus(now, TicketStatus.WAITING_THIRD_PARTY);
        }
        return id;
    }

    /**
     * Ends the current escalation: the organisation (or the school's helpdesk) hands the ticket back; a note says what
     * was done. The ticket goes back in progress; the organisation keeps read access to it.
     */
    @Transactional
    public void handBack(long ticketId, HandBackForm form) {
        TicketView t = ticket(ticketId);
        TicketAccess a = accessTo(t);
        if (!a.work()) {
            throw new AccessDeniedException("may not hand back ticket " + ticketId);
        }
        if (t.escalatedOrgId() == null) {
            throw InvalidInputException.of("note", "ticket.error.notEscalated", "the ticket is not escalated");
        }
        String note = form == null ? null : blank(form.note());
        endEscalation(t, note);
        TicketView now = ticketUnchecked(t.id());
        if (now.status() == TicketStatus.WAITING_THIRD_PARTY) {
            moveStatus(now, TicketStatus.IN_PROGRESS);
        }
    }

    private void endEscalation(TicketView t, String note) {
        String who = access.currentUser().map(CurrentUser::displayName).orElse("system");
        jdbc.sql("UPDATE ticket_escalation SET ended_at = now(), ended_by_name = ? WHERE ticket_id = ? AND ended_at IS NULL")
                .params(who, t.id()).update();
        jdbc.sql("UPDATE ticket SET escalated_org_id = NULL, version = version + 1, updated_at = now() WHERE id = ?")
                .param(t.id()).update();
        publish(t.id(), t, mapOf("escalatedTo", t.escalatedOrgName()), mapOf("escalatedTo", null));
        if (note != null) {
            addReply(ticketUnchecked(t.id()), true, true, TicketSource.WEB, note, access.actorId(), who, null);
        }
    }

    /**
     * The basic details of the affected asset as the ticket's workers see them (also an external technician, who does
     * not see the inventory): tag, name, kind, model, serial, room and status.
     */
    public Optional<AssetSummary> assetSummary(TicketView t) {
        if (t.assetId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT a.id, a.tag, a.name, a.kind, m2.name || ' ' || m.name AS model, a.serial, r.name AS room, a.status
                FROM asset a LEFT JOIN asset_model m ON m.id = a.model_id LEFT JOIN manufacturer m2 ON m2.id = m.manufacturer_id
                LEFT JOIN room r ON r.id = a.room_id WHERE a.id = ? AND a.school_id = ?""").params(t.assetId(), t.schoolId())
                .query((rs, n) -> new AssetSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .optional();
    }

    // ---- e-mail (called by the mail integration, outside a signed-in request) ----

    /**
     * Adds a reply that came in by e-mail to the ticket with this number. The sender must be the ticket's requester
     * (their address or their account's) or an account of the board that works the school's tickets; anything else is
     * empty (the mail integration then treats the mail as a new ticket or bounces it). A requester's reply takes a
     * ticket waiting for them, or solved, back in progress; files that are not photos or PDFs are skipped.
     *
     * @return the new reply's id
     */
    @Transactional
    public Optional<Long> addInboundReply(String ticketNumber, String fromAddress, String body,
            List<InboundAttachment> attachments) {
        if (ticketNumber == null || fromAddress == null || blank(body) == null || !SearchTerms.isNumber(ticketNumber.strip())) {
            return Optional.empty();
        }
        String from = fromAddress.strip().toLowerCase(Locale.ROOT);
        List<long[]> candidates = jdbc.sql("SELECT id, board_id, school_id FROM ticket WHERE number = ?")
                .param(ticketNumber.strip().toUpperCase(Locale.ROOT))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        for (long[] c : candidates) {
            TicketView t = ticketUnchecked(c[0]);
            if (t.mergedIntoId() != null) {
                t = ticketUnchecked(t.mergedIntoId());
            }
            boolean requester = from.equalsIgnoreCase(Objects.toString(t.requesterEmail(), ""))
                    || (t.requesterUserId() != null && from.equalsIgnoreCase(Objects.toString(accountEmail(t.requesterUserId()), "")));
            Optional<Choice> staff = requester ? Optional.empty() : workerByEmail(c[1], t.schoolId(), from);
            if (!requester && staff.isEmpty()) {
                continue;
            }
            if (t.status() == TicketStatus.CLOSED) {
                return Optional.empty();
            }
            String name = staff.map(Choice::name).orElse(t.requesterName() != null ? t.requesterName() : from);
            Long authorId = staff.map(Choice::id).orElse(requester ? t.requesterUserId() : null);
            String text = body.strip();
            long replyId = addReply(t, false, staff.isPresent(), TicketSource.MAIL,
                    text.length() > Forms.MAX_TEXT ? text.substring(0, Forms.MAX_TEXT) : text, authorId, name, from);
            storeInbound(t, replyId, attachments, authorId, name);
            return Optional.of(replyId);
        }
        return Optional.empty();
    }

    /**
     * Creates a ticket from an e-mail to a school's helpdesk address: the subject is the title, the body the
     * description; the sender becomes the requester (linked to their account when the board has one with that
     * address). Files that are not photos or PDFs are skipped.
     */
    @Transactional
    public TicketRef createFromMail(long schoolId, String fromAddress, String fromName, String subject, String body,
            List<InboundAttachment> attachments) {
        Long board = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(schoolId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("school", schoolId));
        String from = fromAddress == null ? null : fromAddress.strip().toLowerCase(Locale.ROOT);
        if (from == null || !from.matches("[^@\\s]+@[^@\\s]+")) {
            throw InvalidInputException.of("fromAddress", "ticket.error.email", "is not an e-mail address");
        }
        String title = blank(subject) == null ? "(geen onderwerp)" : blank(subject);
        title = title.length() > 200 ? title.substring(0, 200) : title;
        String description = blank(body) == null ? title : blank(body);
        description = description.length() > Forms.MAX_TEXT ? description.substring(0, Forms.MAX_TEXT) : description;
        var account = jdbc.sql("SELECT id, display_name, person_id FROM app_user WHERE board_id = ? AND lower(email) = ? AND enabled ORDER BY id LIMIT 1")
                .params(board, from).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3)}).optional();
        Long userId = account.map(a -> (Long) a[0]).orElse(null);
        String name = account.map(a -> (String) a[1]).orElse(blank(fromName));
        Long personId = account.map(a -> (Long) a[2]).orElse(null);
        long id = insert(new NewTicket(board, schoolId, TicketKind.INCIDENT, title, description, null, Level.MEDIUM,
                Level.MEDIUM, TicketSource.MAIL, userId, personId, name, from, null, null, null, null, null, Instant.now()),
                new Refs(null, null, null, null));
        TicketView t = ticketUnchecked(id);
        storeInbound(t, null, attachments, userId, name == null ? from : name);
        return new TicketRef(id, t.number());
    }

    private void storeInbound(TicketView t, Long replyId, List<InboundAttachment> attachments, Long userId, String name) {
        if (attachments == null) {
            return;
        }
        for (InboundAttachment a : attachments) {
            try {
                storeAttachment(t, replyId, a.fileName(), a.bytes(), false, userId, name);
            } catch (InvalidInputException skipped) {
                // a signature logo in an unknown format, a file too large: the mail still counts
            }
        }
    }

    private Optional<Choice> workerByEmail(long board, long schoolId, String email) {
        return jdbc.sql("""
                SELECT u.id, u.display_name FROM app_user u
                WHERE u.board_id = :board AND lower(u.email) = :email AND u.enabled AND u.organisation_id IS NULL
                  AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.role = ANY(CAST(:roles AS text[]))
                              AND (g.school_id = :school OR g.school_id IS NULL))
                ORDER BY u.id LIMIT 1""")
                .param("board", board).param("email", email).param("roles", workerRoles()).param("school", schoolId)
                .query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2))).optional();
    }

    // ---- the public report (see PublicReports) ----

    /** A ticket without scope checks: for the public report, e-mail and internal steps after a checked read. */
    TicketView ticketUnchecked(long id) {
        return jdbc.sql(ROW_SELECT + VIEW_COLUMNS + FROM + " LEFT JOIN ticket mt ON mt.id = t.merged_into_id WHERE t.id = :id")
                .param("id", id).query(Tickets::view).optional().orElseThrow(() -> new NotFoundException("ticket", id));
    }

    /** The public replies of a ticket, for its reporter's follow page. */
    List<ReplyView> publicReplies(long ticketId) {
        List<AttachmentView> files = jdbc.sql(ATTACHMENT_SELECT + " WHERE ticket_id = ? AND NOT internal ORDER BY uploaded_at, id")
                .param(ticketId).query(Tickets::attachmentRow).list();
        return jdbc.sql("""
                SELECT id, internal, from_staff, source, body, author_name, created_at FROM ticket_reply
                WHERE ticket_id = ? AND NOT internal ORDER BY created_at, id""").param(ticketId)
                .query((rs, n) -> replyRow(rs, files)).list();
    }

    long addPublicReply(TicketView t, String body, String name) {
        return addReply(t, false, false, TicketSource.PUBLIC, body, null, name, t.requesterEmail());
    }

    long addPublicAttachment(TicketView t, Long replyId, String fileName, byte[] bytes, String name) {
        return storeAttachment(t, replyId, fileName, bytes, false, null, name);
    }

    // ---- helpers ----

    long currentUserId() {
        return access.current().id();
    }

    /** A history entry of a change to a ticket made by a helper of the module (linked articles). */
    void publishChange(long id, long boardId, long schoolId, String label, Map<String, ?> before, Map<String, ?> after) {
        publish(id, boardId, schoolId, RecordChanged.UPDATED, label, before, after);
    }

    private void requireStaffWork(TicketView t) {
        if (!staffWorker(t.schoolId())) {
            throw new AccessDeniedException("no TICKETS_WORK for ticket " + t.id());
        }
    }

    private void requireRequester(TicketView t) {
        if (t.requesterUserId() == null || t.requesterUserId() != access.current().id()) {
            throw new AccessDeniedException("not the requester of ticket " + t.id());
        }
    }

    private void publish(long id, TicketView t, Map<String, ?> before, Map<String, ?> after) {
        publish(id, boardOf(t), t.schoolId(), RecordChanged.UPDATED, t.label(), before, after);
    }

    private long boardOf(TicketView t) {
        return jdbc.sql("SELECT board_id FROM ticket WHERE id = ?").param(t.id()).query(Long.class).single();
    }

    private void publish(long id, long boardId, long schoolId, String action, String label, Map<String, ?> before,
            Map<String, ?> after) {
        events.publishEvent(new RecordChanged("ticket", id, boardId, schoolId, action, label, RecordChanged.diff(before, after)));
    }

    private static Map<String, Object> snapshot(TicketView t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", t.kind());
        m.put("title", t.title());
        m.put("description", t.description());
        m.put("category", t.categoryName() == null ? null : t.categoryName().replaceFirst("^.* › ", ""));
        m.put("impact", t.impact());
        m.put("urgency", t.urgency());
        m.put("priority", "P" + t.priority());
        m.put("asset", t.assetTag());
        m.put("room", t.roomName());
        m.put("assignee", t.assigneeName());
        return m;
    }

    static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static TicketRow row(ResultSet rs, int n) throws SQLException {
        TicketStatus status = TicketStatus.valueOf(rs.getString("status"));
        Instant created = instant(rs, "created_at");
        Instant paused = instant(rs, "sla_paused_at");
        Instant now = Instant.now();
        return new TicketRow(rs.getLong("id"), rs.getString("number"), rs.getLong("school_id"), rs.getString("school_name"),
                TicketKind.valueOf(rs.getString("kind")), rs.getString("title"), status, rs.getInt("priority"),
                (Long) rs.getObject("category_id"), rs.getString("category_name"), (Long) rs.getObject("assignee_id"),
                rs.getString("assignee_name"), rs.getString("requester"), (Long) rs.getObject("asset_id"),
                rs.getString("asset_tag"), (Long) rs.getObject("room_id"), rs.getString("room_name"),
                rs.getString("escalated_to"), created, instant(rs, "updated_at"), instant(rs, "response_due_at"),
                instant(rs, "resolution_due_at"),
                Views.sla(status.open(), instant(rs, "response_due_at"), created, instant(rs, "first_response_at"), null, now),
                Views.sla(status.open(), instant(rs, "resolution_due_at"), created, instant(rs, "solved_at"), paused, now));
    }

    static TicketView view(ResultSet rs, int n) throws SQLException {
        TicketRow r = row(rs, n);
        return new TicketView(r.id(), r.number(), r.schoolId(), r.schoolName(), r.kind(), r.title(), rs.getString("description"),
                r.categoryId(), r.categoryName(), Level.valueOf(rs.getString("impact")), Level.valueOf(rs.getString("urgency")),
                r.priority(), r.status(), TicketSource.valueOf(rs.getString("source")), (Long) rs.getObject("requester_user_id"),
                (Long) rs.getObject("requester_person_id"), r.requester(), rs.getString("requester_email"), r.assetId(),
                r.assetTag(), r.roomId(), r.roomName(), rs.getString("unknown_asset_tag"), r.assigneeId(), r.assigneeName(),
                (Long) rs.getObject("escalated_org_id"), r.escalatedTo(), rs.getString("external_reference"),
                (Long) rs.getObject("merged_into_id"), rs.getString("merged_into_number"),
                rs.getObject("satisfaction") == null ? null : rs.getInt("satisfaction"),
                rs.getString("satisfaction_comment"), r.responseDueAt(), r.resolutionDueAt(), instant(rs, "first_response_at"),
                instant(rs, "sla_paused_at"), instant(rs, "solved_at"), instant(rs, "closed_at"), r.responseSla(),
                r.resolutionSla(), rs.getInt("version"), r.createdAt(), r.updatedAt());
    }

    private static ReplyView replyRow(ResultSet rs, List<AttachmentView> files) throws SQLException {
        long id = rs.getLong(1);
        return new ReplyView(id, rs.getBoolean(2), rs.getBoolean(3), TicketSource.valueOf(rs.getString(4)), rs.getString(5),
                rs.getString(6), instant(rs, "created_at"), files.stream().filter(f -> Objects.equals(f.replyId(), id)).toList());
    }

    static AttachmentView attachmentRow(ResultSet rs, int n) throws SQLException {
        return new AttachmentView(rs.getLong("id"), (Long) rs.getObject("reply_id"), rs.getBoolean("internal"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("uploaded_by_name"), instant(rs, "uploaded_at"));
    }
}
