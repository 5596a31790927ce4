package be.coordinaat.purchasing;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.CurrentUser;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.budget.BudgetLedger;
import be.coordinaat.budget.BudgetLedger.Booking;
import be.coordinaat.budget.BudgetLedger.LineChoice;
import be.coordinaat.budget.BudgetLedger.LineStatus;
import be.coordinaat.inventory.Inventory;
import be.coordinaat.inventory.Views.AssetView;
import be.coordinaat.licences.Licences;
import be.coordinaat.licences.Views.LicenceView;
import be.coordinaat.people.Organisations;
import be.coordinaat.people.Views.OrganisationView;
import be.coordinaat.purchasing.Forms.AdviceForm;
import be.coordinaat.purchasing.Forms.ChoiceForm;
import be.coordinaat.purchasing.Forms.DecisionForm;
import be.coordinaat.purchasing.Forms.QuoteForm;
import be.coordinaat.purchasing.Forms.RequestForm;
import be.coordinaat.purchasing.Forms.SettingsForm;
import be.coordinaat.purchasing.Views.QuoteFile;
import be.coordinaat.purchasing.Views.QuoteView;
import be.coordinaat.purchasing.Views.ReplacedItem;
import be.coordinaat.purchasing.Views.RequestPermissions;
import be.coordinaat.purchasing.Views.RequestRow;
import be.coordinaat.purchasing.Views.RequestView;
import be.coordinaat.purchasing.Views.SettingsView;
import be.coordinaat.school.Schools;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.FileTypes;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.web.Formats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase requests: asked by any staff member with PURCHASES_REQUEST in a school (who sees their own requests),
 * read by PURCHASES_READ holders of the school, advised with PURCHASES_ADVISE, decided with PURCHASES_APPROVE, quotes
 * handled with PURCHASES_ADVISE or PURCHASES_MANAGE. A request outside the user's scope is 404, also for guessed ids.
 * Approving books the estimated cost as committed on the budget line through {@link BudgetLedger}, in the same
 * transaction, under a row lock and a version check, so two approvals at once give one booking. Every change is in
 * the request's history.
 */
@Service
@Transactional(readOnly = true)
public class Purchases {

    public static final String SOURCE = "purchase-request";
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final int MAX_QUANTITY = 100_000;

    private static final String SELECT = """
            SELECT r.*, s.name AS school_name, rm.name AS room_name, rm.code AS room_code,
                   (SELECT count(*) FROM purchase_quote q WHERE q.request_id = r.id) AS quote_count,
                   (SELECT o.id FROM purchase_order o WHERE o.request_id = r.id) AS order_id
            FROM purchase_request r JOIN school s ON s.id = r.school_id LEFT JOIN room rm ON rm.id = r.room_id""";
    /** Readers of the school see every request; a requester sees their own. */
    private static final String VISIBLE = " r.board_id = :board AND (r.school_id = ANY(CAST(:read AS bigint[]))"
            + " OR (r.requester_id = :me AND r.school_id = ANY(CAST(:req AS bigint[]))))";
    private static final String QUOTE_SELECT = """
            SELECT id, supplier_org_id, supplier_name, amount, quote_date, reference, notes, file_name, content_type,
                   size_bytes, created_by_name, created_at FROM purchase_quote""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final BudgetLedger ledger;
    private final Inventory inventory;
    private final Licences licences;
    private final Organisations organisations;
    private final Schools schools;
    private final ApplicationEventPublisher events;

    Purchases(JdbcClient jdbc, AccessControl access, BudgetLedger ledger, Inventory inventory, Licences licences,
            Organisations organisations, Schools schools, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.ledger = ledger;
        this.inventory = inventory;
        this.licences = licences;
        this.organisations = organisations;
        this.schools = schools;
        this.events = events;
    }

    // ---- scope ----

    /** The schools in which the current user may ask for a purchase. */
    public List<SchoolRef> requestSchools() {
        return access.visibleSchools(Permission.PURCHASES_REQUEST);
    }

    /** The schools whose requests the current user may see (all of them, not only their own). */
    public List<SchoolRef> readableSchools() {
        return access.visibleSchools(Permission.PURCHASES_READ);
    }

    public boolean canRequest() {
        return access.canAnywhere(Permission.PURCHASES_REQUEST);
    }

    public RequestPermissions permissions(RequestView r) {
        long s = r.schoolId();
        boolean own = Objects.equals(r.requesterId(), access.current().id());
        boolean manage = access.can(Permission.PURCHASES_MANAGE, s);
        return new RequestPermissions(
                r.status().editable() && ((own && access.can(Permission.PURCHASES_REQUEST, s)) || manage),
                r.status().open() && access.can(Permission.PURCHASES_ADVISE, s),
                r.status().open() && access.can(Permission.PURCHASES_APPROVE, s),
                r.status().acceptsQuotes() && (manage || access.can(Permission.PURCHASES_ADVISE, s)),
                r.status() == PurchaseStatus.APPROVED && r.orderId() == null && manage);
    }

    // ---- list ----

    /** One page of the requests the user may see, filtered, searched and sorted in SQL. */
    public Page<RequestRow> list(RequestFilter filter, PageQuery query) {
        if (!access.canAnywhere(Permission.PURCHASES_REQUEST)) {
            access.requireAnywhere(Permission.PURCHASES_READ);
        }
        Map<String, Object> params = scope();
        StringBuilder where = new StringBuilder(" WHERE").append(VISIBLE);
        if (filter.school() != null) {
            if (!access.can(Permission.PURCHASES_REQUEST, filter.school()) && !access.can(Permission.PURCHASES_READ, filter.school())) {
                throw new NotFoundException("school", filter.school());
            }
            where.append(" AND r.school_id = :school");
            params.put("school", filter.school());
        }
        if (filter.status() != null) {
            where.append(" AND r.status = :status");
            params.put("status", filter.status().name());
        }
        if (Boolean.TRUE.equals(filter.mine())) {
            where.append(" AND r.requester_id = :me");
        }
        if (Boolean.TRUE.equals(filter.waiting())) {
            where.append(" AND ((r.status = 'REQUESTED' AND r.school_id = ANY(CAST(:advise AS bigint[])))"
                    + " OR (r.status IN ('REQUESTED', 'ADVISED') AND r.school_id = ANY(CAST(:approve AS bigint[]))))");
            params.put("advise", access.schoolArray(Permission.PURCHASES_ADVISE));
            params.put("approve", access.schoolArray(Permission.PURCHASES_APPROVE));
        }
        if (query.q() != null) {
            where.append(" AND lower(r.title || ' ' || coalesce(r.for_whom, '') || ' ' || r.requester_name) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM purchase_request r" + where).params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String order = query.orderBy(Map.of(
                "created", "r.created_at",
                "title", "lower(r.title)",
                "school", "lower(s.name)" + dir + ", r.created_at",
                "status", "r.status" + dir + ", r.created_at",
                "cost", "r.estimated_cost",
                "wished", "r.wished_date" + dir + " NULLS LAST, r.created_at",
                "requester", "lower(r.requester_name)"), "created").replace(", id", ", r.id");
        if (query.sort() == null) {
            order = " ORDER BY r.created_at DESC, r.id DESC";
        }
        List<RequestRow> items = jdbc.sql(SELECT + where + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> new RequestRow(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
                        rs.getString("title"), rs.getString("for_whom"), rs.getInt("quantity"), rs.getBigDecimal("estimated_cost"),
                        rs.getObject("wished_date", LocalDate.class), PurchaseStatus.valueOf(rs.getString("status")),
                        rs.getString("requester_name"), rs.getInt("quote_count"), instant(rs, "created_at")))
                .list();
        return new Page<>(items, total, query.page(), query.size());
    }

    // ---- one request ----

    /** A request the user may see; 404 otherwise. */
    public RequestView request(long id) {
        Map<String, Object> params = scope();
        RequestView r = jdbc.sql(SELECT + " WHERE r.id = :id AND" + VISIBLE).param("id", id).params(params)
                .query(this::view).optional().orElseThrow(() -> new NotFoundException("purchase request", id));
        return r;
    }

    @Transactional
    public long create(RequestForm form) {
        access.requireAnywhere(Permission.PURCHASES_REQUEST);
        Long schoolId = form.schoolId();
        List<SchoolRef> mine = requestSchools();
        if (schoolId == null && mine.size() == 1) {
            schoolId = mine.get(0).id();
        }
        if (schoolId == null) {
            throw InvalidInputException.of("schoolId", "error.required", "is required");
        }
        if (!access.can(Permission.PURCHASES_REQUEST, schoolId)) {
            throw InvalidInputException.of("schoolId", "error.reference", "does not exist");
        }
        List<FieldProblem> problems = new ArrayList<>();
        check(schoolId, form, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CurrentUser user = access.current();
        long id = jdbc.sql("""
                INSERT INTO purchase_request (board_id, school_id, title, reason, for_whom, room_id, quantity, estimated_cost,
                                              wished_date, status, requester_id, requester_name)
                VALUES (:board, :school, :title, :reason, :forWhom, :room, :quantity, :cost, :wished, 'REQUESTED', :me, :meName)
                RETURNING id""")
                .param("board", user.boardId()).param("school", schoolId).params(columns(form))
                .param("me", user.id()).param("meName", user.displayName()).query(Long.class).single();
        publish(id, schoolId, RecordChanged.CREATED, form.title().strip(), Map.of(), snapshot(form, PurchaseStatus.REQUESTED));
        return id;
    }

    /** Changes a request that is still requested or sent back for changes; a returned request is submitted again. */
    @Transactional
    public void update(long id, RequestForm form) {
        RequestView before = lock(id);
        if (!permissions(before).edit()) {
            if (!before.status().editable()) {
                throw new ConflictException("purchase.error.notEditable", "the request can no longer be changed in status "
                        + before.status());
            }
            throw new AccessDeniedException("not the requester of purchase request " + id);
        }
        requireVersion(before, form.version());
        List<FieldProblem> problems = new ArrayList<>();
        if (form.schoolId() != null && form.schoolId() != before.schoolId()) {
            problems.add(new FieldProblem("schoolId", "purchase.error.school.fixed", "cannot be changed"));
        }
        check(before.schoolId(), form, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                UPDATE purchase_request SET title = :title, reason = :reason, for_whom = :forWhom, room_id = :room,
                       quantity = :quantity, estimated_cost = :cost, wished_date = :wished, status = 'REQUESTED',
                       version = version + 1, updated_at = now() WHERE id = :id""")
                .params(columns(form)).param("id", id).update();
        publish(id, before.schoolId(), RecordChanged.UPDATED, form.title().strip(), snapshot(before),
                snapshot(form, PurchaseStatus.REQUESTED));
    }

    private void check(long schoolId, RequestForm form, List<FieldProblem> problems) {
        if (form.title() == null || form.title().isBlank()) {
            problems.add(new FieldProblem("title", "error.required", "is required"));
        }
        if (form.quantity() == null) {
            problems.add(new FieldProblem("quantity", "error.required", "is required"));
        } else if (form.quantity() < 1 || form.quantity() > MAX_QUANTITY) {
            problems.add(new FieldProblem("quantity", "purchase.error.quantity", "must be between 1 and " + MAX_QUANTITY,
                    MAX_QUANTITY));
        }
        if (form.estimatedCost() == null) {
            problems.add(new FieldProblem("estimatedCost", "error.required", "is required"));
        } else if (!Amounts.validAmount(form.estimatedCost())) {
            problems.add(new FieldProblem("estimatedCost", "purchase.error.amount",
                    "must be an amount in euros with at most 2 decimals, not negative, below 1,000,000,000"));
        }
        if (form.roomId() != null && !schools.roomIn(form.roomId(), Set.of(schoolId))) {
            problems.add(new FieldProblem("roomId", "error.reference", "does not exist"));
        }
    }

    private static Map<String, Object> columns(RequestForm form) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", form.title().strip());
        p.put("reason", blank(form.reason()));
        p.put("forWhom", blank(form.forWhom()));
        p.put("room", form.roomId());
        p.put("quantity", form.quantity());
        p.put("cost", form.estimatedCost().setScale(2, RoundingMode.UNNECESSARY));
        p.put("wished", form.wishedDate());
        return p;
    }

    // ---- advice ----

    @Transactional
    public void advise(long id, AdviceForm form) {
        RequestView before = lock(id);
        access.require(Permission.PURCHASES_ADVISE, before.schoolId());
        if (!before.status().open()) {
            throw new ConflictException("purchase.error.notOpen", "the request is " + before.status() + "; it cannot be advised");
        }
        requireVersion(before, form.version());
        List<FieldProblem> problems = new ArrayList<>();
        if (form.recommendation() == null || form.recommendation().isBlank()) {
            problems.add(new FieldProblem("recommendation", "error.required", "is required"));
        }
        String line = null;
        if (form.budgetLineId() != null) {
            line = lineLabel(before.schoolId(), form.budgetLineId());
            if (line == null) {
                problems.add(new FieldProblem("budgetLineId", "error.reference", "does not exist"));
            }
        }
        List<ReplacedItem> replaces = new ArrayList<>();
        for (Long assetId : form.replacesAssetIds() == null ? List.<Long>of() : form.replacesAssetIds()) {
            AssetView asset = visibleAsset(assetId);
            if (asset == null || asset.schoolId() != before.schoolId()) {
                problems.add(new FieldProblem("replacesAssetIds", "purchase.error.replaces.asset",
                        "names an asset that does not exist in this school"));
                break;
            }
            replaces.add(new ReplacedItem("ASSET", asset.id(), asset.tag()));
        }
        for (Long licenceId : form.replacesLicenceIds() == null ? List.<Long>of() : form.replacesLicenceIds()) {
            LicenceView licence = visibleLicence(licenceId);
            if (licence == null || !Objects.equals(licence.schoolId(), before.schoolId())) {
                problems.add(new FieldProblem("replacesLicenceIds", "purchase.error.replaces.licence",
                        "names a licence that does not exist in this school"));
                break;
            }
            replaces.add(new ReplacedItem("LICENCE", licence.id(), licence.title()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CurrentUser user = access.current();
        jdbc.sql("""
                UPDATE purchase_request SET recommendation = :rec, alternatives = :alt, budget_line_id = :line,
                       advised_by_name = :by, advised_at = now(), status = 'ADVISED', version = version + 1, updated_at = now()
                WHERE id = :id""")
                .param("rec", form.recommendation().strip()).param("alt", blank(form.alternatives()))
                .param("line", form.budgetLineId()).param("by", user.displayName()).param("id", id).update();
        jdbc.sql("DELETE FROM purchase_request_replaces WHERE request_id = ?").param(id).update();
        for (ReplacedItem item : replaces.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO purchase_request_replaces (request_id, asset_id, licence_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(id, item.kind().equals("ASSET") ? item.id() : null, item.kind().equals("LICENCE") ? item.id() : null)
                    .update();
        }
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("status", before.status());
        from.put("recommendation", before.recommendation());
        from.put("alternatives", before.alternatives());
        from.put("budgetLine", before.budgetLineLabel());
        from.put("replaces", before.replaces().stream().map(ReplacedItem::label).toList().toString());
        Map<String, Object> to = new LinkedHashMap<>();
        to.put("status", PurchaseStatus.ADVISED);
        to.put("recommendation", form.recommendation().strip());
        to.put("alternatives", blank(form.alternatives()));
        to.put("budgetLine", line);
        to.put("replaces", replaces.stream().map(ReplacedItem::label).distinct().toList().toString());
        publish(id, before.schoolId(), RecordChanged.UPDATED, before.title(), from, to);
    }

    private AssetView visibleAsset(long id) {
        try {
            return inventory.asset(id);
        } catch (NotFoundException | AccessDeniedException e) {
            return null;
        }
    }

    private LicenceView visibleLicence(long id) {
        try {
            return licences.licence(id);
        } catch (NotFoundException | AccessDeniedException e) {
            return null;
        }
    }

    // ---- decision ----

    /**
     * Approves, rejects or returns a request. Approving commits the estimated cost on the budget line (the one given,
     * else the advice's; required when the school has open budget lines) and refuses with
     * {@link OverBudgetException} when that exceeds what remains, unless confirmed. The row is locked and the version
     * checked, so of two decisions sent at once exactly one is taken.
     */
    @Transactional
    public void decide(long id, DecisionForm form) {
        RequestView before = lock(id);
        access.require(Permission.PURCHASES_APPROVE, before.schoolId());
        if (!before.status().open()) {
            throw new ConflictException("purchase.error.notOpen", "the request is " + before.status() + "; it cannot be decided");
        }
        requireVersion(before, form.version());
        if (form.decision() == null) {
            throw InvalidInputException.of("decision", "error.required", "is required");
        }
        String comment = blank(form.comment());
        if (form.decision() != Decision.APPROVE && comment == null) {
            throw InvalidInputException.of("comment", "purchase.error.comment", "is required when rejecting or asking for changes");
        }
        PurchaseStatus next = switch (form.decision()) {
            case APPROVE -> PurchaseStatus.APPROVED;
            case REJECT -> PurchaseStatus.REJECTED;
            case REQUEST_CHANGES -> PurchaseStatus.CHANGES_REQUESTED;
        };
        Long lineId = form.budgetLineId() != null ? form.budgetLineId() : before.budgetLineId();
        String lineLabel = before.budgetLineLabel();
        if (next == PurchaseStatus.APPROVED) {
            if (lineId == null && !ledger.choices(before.schoolId()).isEmpty()) {
                throw InvalidInputException.of("budgetLineId", "purchase.error.budgetLine.required",
                        "is required: choose the budget line the purchase is booked on");
            }
            if (lineId != null) {
                LineStatus line = lineStatus(before.schoolId(), lineId)
                        .orElseThrow(() -> InvalidInputException.of("budgetLineId", "error.reference", "does not exist"));
                lineLabel = label(line);
                if (before.estimatedCost().compareTo(line.remaining()) > 0 && !Boolean.TRUE.equals(form.confirmOverBudget())) {
                    throw new OverBudgetException(lineLabel, line.remaining(), before.estimatedCost());
                }
                ledger.replaceBookings(SOURCE, id, before.schoolId(), List.of(new Booking(lineId, BudgetLedger.Kind.COMMITTED,
                        before.estimatedCost(), today(), "#" + id + " " + before.title())), "budgetLineId");
            }
        }
        CurrentUser user = access.current();
        jdbc.sql("""
                UPDATE purchase_request SET status = :status, decision_comment = :comment, decided_by_name = :by,
                       decided_at = now(), budget_line_id = :line, version = version + 1, updated_at = now() WHERE id = :id""")
                .param("status", next.name()).param("comment", comment).param("by", user.displayName())
                .param("line", lineId).param("id", id).update();
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("status", before.status());
        from.put("decisionComment", before.decisionComment());
        from.put("budgetLine", before.budgetLineLabel());
        Map<String, Object> to = new LinkedHashMap<>();
        to.put("status", next);
        to.put("decisionComment", comment);
        to.put("budgetLine", lineLabel);
        if (next == PurchaseStatus.APPROVED && lineId != null) {
            to.put("committed", before.estimatedCost().toPlainString());
        }
        publish(id, before.schoolId(), RecordChanged.UPDATED, before.title(), from, to);
    }

    // ---- quotes ----

    public List<QuoteView> quotes(long requestId) {
        request(requestId);
        return quotesOf(requestId);
    }

    private List<QuoteView> quotesOf(long requestId) {
        return jdbc.sql(QUOTE_SELECT + " WHERE request_id = ? ORDER BY amount, id").param(requestId).query(Purchases::quoteRow).list();
    }

    public QuoteView quote(long requestId, long quoteId) {
        request(requestId);
        return jdbc.sql(QUOTE_SELECT + " WHERE request_id = ? AND id = ?").params(requestId, quoteId).query(Purchases::quoteRow)
                .optional().orElseThrow(() -> new NotFoundException("quote", quoteId));
    }

    /** Adds a quote, with an optional PDF or picture (≤ 10 MB, judged by its content). */
    @Transactional
    public long addQuote(long requestId, QuoteForm form, String fileName, byte[] bytes) {
        RequestView r = lock(requestId);
        requireQuotes(r);
        List<FieldProblem> problems = new ArrayList<>();
        String supplier = blank(form.supplierName());
        if (form.supplierOrganisationId() != null) {
            OrganisationView org = organisation(form.supplierOrganisationId());
            if (org == null) {
                problems.add(new FieldProblem("supplierOrganisationId", "error.reference", "does not exist"));
            } else {
                supplier = org.name();
            }
        } else if (supplier == null) {
            problems.add(new FieldProblem("supplierName", "purchase.error.supplier", "give a supplier: an organisation or a name"));
        }
        if (form.amount() == null) {
            problems.add(new FieldProblem("amount", "error.required", "is required"));
        } else if (!Amounts.validAmount(form.amount())) {
            problems.add(new FieldProblem("amount", "purchase.error.amount",
                    "must be an amount in euros with at most 2 decimals, not negative, below 1,000,000,000"));
        }
        if (form.quoteDate() == null) {
            problems.add(new FieldProblem("quoteDate", "error.required", "is required"));
        }
        String type = null;
        String name = null;
        if (bytes != null && bytes.length > 0) {
            type = checkFile(bytes, problems);
            name = type == null ? null : FileTypes.safeName(fileName, type, "offerte", 200);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CurrentUser user = access.current();
        long id = jdbc.sql("""
                INSERT INTO purchase_quote (request_id, school_id, supplier_org_id, supplier_name, amount, quote_date, reference,
                                            notes, file_name, content_type, size_bytes, bytes, created_by_name)
                VALUES (:request, :school, :org, :supplier, :amount, :date, :ref, :notes, :file, :type, :size, :bytes, :by)
                RETURNING id""")
                .param("request", requestId).param("school", r.schoolId()).param("org", form.supplierOrganisationId())
                .param("supplier", supplier).param("amount", form.amount().setScale(2, RoundingMode.UNNECESSARY))
                .param("date", form.quoteDate()).param("ref", blank(form.reference())).param("notes", blank(form.notes()))
                .param("file", name).param("type", type).param("size", type == null ? null : (long) bytes.length)
                .param("bytes", type == null ? null : bytes).param("by", user.displayName()).query(Long.class).single();
        touch(requestId);
        publish(requestId, r.schoolId(), RecordChanged.UPDATED, r.title(), mapOf("quote", null),
                mapOf("quote", supplier + " € " + form.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString()));
        return id;
    }

    /** Attaches (or replaces) the file of a quote. */
    @Transactional
    public void attachQuoteFile(long requestId, long quoteId, String fileName, byte[] bytes) {
        RequestView r = lock(requestId);
        requireQuotes(r);
        quote(requestId, quoteId);
        List<FieldProblem> problems = new ArrayList<>();
        if (bytes == null || bytes.length == 0) {
            problems.add(new FieldProblem("file", "purchase.error.file.empty", "is empty"));
        }
        String type = problems.isEmpty() ? checkFile(bytes, problems) : null;
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String name = FileTypes.safeName(fileName, type, "offerte", 200);
        jdbc.sql("UPDATE purchase_quote SET file_name = ?, content_type = ?, size_bytes = ?, bytes = ? WHERE id = ?")
                .params(name, type, (long) bytes.length, bytes, quoteId).update();
        touch(requestId);
        publish(requestId, r.schoolId(), RecordChanged.UPDATED, r.title(), mapOf("quoteFile", null), mapOf("quoteFile", name));
    }

    private static String checkFile(byte[] bytes, List<FieldProblem> problems) {
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(new FieldProblem("file", "purchase.error.file.tooLarge", "is larger than 10 MB", 10));
            return null;
        }
        String type = FileTypes.detect(bytes, FileTypes.PHOTOS_AND_PDF).orElse(null);
        if (type == null) {
            problems.add(new FieldProblem("file", "purchase.error.file.type",
                    "is not a PDF document or a JPEG, PNG or WebP image (judged by its content, not its name)"));
        }
        return type;
    }

    public QuoteFile quoteFile(long requestId, long quoteId) {
        request(requestId);
        return jdbc.sql("SELECT file_name, content_type, bytes FROM purchase_quote WHERE request_id = ? AND id = ? AND bytes IS NOT NULL")
                .params(requestId, quoteId).query((rs, n) -> new QuoteFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional().orElseThrow(() -> new NotFoundException("quote file", quoteId));
    }

    @Transactional
    public void deleteQuote(long requestId, long quoteId) {
        RequestView r = lock(requestId);
        requireQuotes(r);
        QuoteView q = quote(requestId, quoteId);
        jdbc.sql("DELETE FROM purchase_quote WHERE id = ?").param(quoteId).update();
        touch(requestId);
        publish(requestId, r.schoolId(), RecordChanged.UPDATED, r.title(),
                mapOf("quote", q.supplierName() + " € " + q.amount().toPlainString()), mapOf("quote", null));
    }

    /** Chooses the quote to order from; a quote that is not the cheapest needs the reason. */
    @Transactional
    public void chooseQuote(long requestId, ChoiceForm form) {
        RequestView r = lock(requestId);
        requireQuotes(r);
        requireVersion(r, form.version());
        QuoteView chosen = r.quotes().stream().filter(q -> form.quoteId() != null && q.id() == form.quoteId()).findFirst()
                .orElseThrow(() -> InvalidInputException.of("quoteId", "error.reference", "does not exist"));
        BigDecimal cheapest = r.quotes().stream().map(QuoteView::amount).min(BigDecimal::compareTo).orElseThrow();
        String reason = blank(form.reason());
        if (chosen.amount().compareTo(cheapest) > 0 && reason == null) {
            throw InvalidInputException.of("reason", "purchase.error.choice.reason",
                    "is required when the chosen quote is not the cheapest");
        }
        jdbc.sql("UPDATE purchase_request SET chosen_quote_id = ?, choice_reason = ?, version = version + 1, updated_at = now() WHERE id = ?")
                .params(chosen.id(), reason, requestId).update();
        String before = r.quotes().stream().filter(q -> Objects.equals(q.id(), r.chosenQuoteId())).map(QuoteView::supplierName)
                .findFirst().orElse(null);
        Map<String, Object> from = mapOf("chosenQuote", before);
        from.put("choiceReason", r.choiceReason());
        Map<String, Object> to = mapOf("chosenQuote", chosen.supplierName() + " € " + chosen.amount().toPlainString());
        to.put("choiceReason", reason);
        publish(requestId, r.schoolId(), RecordChanged.UPDATED, r.title(), from, to);
    }

    private void requireQuotes(RequestView r) {
        if (!access.can(Permission.PURCHASES_MANAGE, r.schoolId()) && !access.can(Permission.PURCHASES_ADVISE, r.schoolId())) {
            throw new AccessDeniedException("no PURCHASES_MANAGE or PURCHASES_ADVISE in school " + r.schoolId());
        }
        if (!r.status().acceptsQuotes()) {
            throw new ConflictException("purchase.error.quotesClosed", "quotes cannot change any more in status " + r.status());
        }
    }

    private OrganisationView organisation(long id) {
        try {
            return organisations.organisation(id);
        } catch (NotFoundException | AccessDeniedException e) {
            return null;
        }
    }

    // ---- budget lines ----

    /** The open budget lines of a school whose purchases the user reads (advisers, approvers, buyers), for a picker. */
    public List<LineChoice> budgetLines(long schoolId) {
        if (!access.can(Permission.PURCHASES_READ, schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        return ledger.choices(schoolId);
    }

    java.util.Optional<LineStatus> lineStatus(long schoolId, long lineId) {
        try {
            return java.util.Optional.of(ledger.status(schoolId, lineId));
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    String lineLabel(long schoolId, long lineId) {
        return lineStatus(schoolId, lineId).map(Purchases::label).orElse(null);
    }

    static String label(LineStatus line) {
        return line.yearLabel() + " – " + line.label();
    }

    // ---- settings ----

    /** The board's quote thresholds (defaults: one quote below € 3,000, three from there, a procedure from € 30,000). */
    public SettingsView settings() {
        return settings(access.current().boardId());
    }

    SettingsView settings(long boardId) {
        return jdbc.sql("SELECT single_quote_below, procedure_from, quotes_required, version FROM purchase_settings WHERE board_id = ?")
                .param(boardId).query((rs, n) -> new SettingsView(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getInt(3), rs.getInt(4)))
                .optional().orElse(new SettingsView(new BigDecimal("3000.00"), new BigDecimal("30000.00"), 3, 0));
    }

    public boolean canConfigure() {
        return access.canForBoard(Permission.PURCHASES_MANAGE);
    }

    @Transactional
    public void updateSettings(SettingsForm form) {
        access.requireForBoard(Permission.PURCHASES_MANAGE);
        long board = access.current().boardId();
        SettingsView before = settings(board);
        List<FieldProblem> problems = new ArrayList<>();
        if (form.singleQuoteBelow() == null || !Amounts.validAmount(form.singleQuoteBelow())) {
            problems.add(new FieldProblem("singleQuoteBelow", "purchase.error.amount",
                    "must be an amount in euros with at most 2 decimals, not negative, below 1,000,000,000"));
        }
        if (form.procedureFrom() == null || !Amounts.validAmount(form.procedureFrom())) {
            problems.add(new FieldProblem("procedureFrom", "purchase.error.amount",
                    "must be an amount in euros with at most 2 decimals, not negative, below 1,000,000,000"));
        } else if (form.singleQuoteBelow() != null && form.procedureFrom().compareTo(form.singleQuoteBelow()) < 0) {
            problems.add(new FieldProblem("procedureFrom", "purchase.error.procedureBelow",
                    "must not be below the limit for a single quote"));
        }
        if (form.quotesRequired() == null || form.quotesRequired() < 1 || form.quotesRequired() > 10) {
            problems.add(new FieldProblem("quotesRequired", "purchase.error.quotesRequired", "must be between 1 and 10"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int expected = form.version() == null ? before.version() : form.version();
        int n = jdbc.sql("""
                INSERT INTO purchase_settings (board_id, single_quote_below, procedure_from, quotes_required, version)
                VALUES (:board, :single, :procedure, :quotes, 1)
                ON CONFLICT (board_id) DO UPDATE SET single_quote_below = EXCLUDED.single_quote_below,
                    procedure_from = EXCLUDED.procedure_from, quotes_required = EXCLUDED.quotes_required,
                    version = purchase_settings.version + 1, updated_at = now()
                WHERE purchase_settings.version = :version""")
                .param("board", board).param("single", form.singleQuoteBelow().setScale(2, RoundingMode.UNNECESSARY))
                .param("procedure", form.procedureFrom().setScale(2, RoundingMode.UNNECESSARY))
                .param("quotes", form.quotesRequired()).param("version", expected).update();
        if (n == 0 || (expected != before.version())) {
            throw ConflictException.staleVersion("purchase settings", board);
        }
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("singleQuoteBelow", before.singleQuoteBelow().toPlainString());
        from.put("procedureFrom", before.procedureFrom().toPlainString());
        from.put("quotesRequired", before.quotesRequired());
        Map<String, Object> to = new LinkedHashMap<>();
        to.put("singleQuoteBelow", form.singleQuoteBelow().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        to.put("procedureFrom", form.procedureFrom().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        to.put("quotesRequired", form.quotesRequired());
        events.publishEvent(new RecordChanged("purchase-settings", board, board, null, RecordChanged.UPDATED, null,
                RecordChanged.diff(from, to)));
    }

    // ---- used by the orders ----

    /**
     * Locks the request row for the rest of the transaction and reads it (404 outside the scope): decisions, advice
     * and orders of one request happen one after the other.
     */
    RequestView lock(long id) {
        request(id);
        jdbc.sql("SELECT id FROM purchase_request WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
        return request(id);
    }

    /** The request follows its order's status; its commitment is replaced by the order's (or restored without one). */
    void followOrder(long requestId, PurchaseStatus status) {
        RequestView before = request(requestId);
        if (before.status() == status) {
            return;
        }
        jdbc.sql("UPDATE purchase_request SET status = ?, version = version + 1, updated_at = now() WHERE id = ?")
                .params(status.name(), requestId).update();
        publish(requestId, before.schoolId(), RecordChanged.UPDATED, before.title(), mapOf("status", before.status()),
                mapOf("status", status));
    }

    void releaseCommitment(RequestView r) {
        ledger.replaceBookings(SOURCE, r.id(), r.schoolId(), List.of(), "requestId");
    }

    // ---- demo ----

    /** Stores a request for the demo data, before anyone signs in; returns its id. */
    long insertDemo(long boardId, long schoolId, RequestForm form, PurchaseStatus status, Long requesterId, String requester,
            String recommendation, String alternatives, Long lineId, String advisedBy, String decidedBy, String comment) {
        long id = jdbc.sql("""
                INSERT INTO purchase_request (board_id, school_id, title, reason, for_whom, room_id, quantity, estimated_cost,
                                              wished_date, status, requester_id, requester_name, recommendation, alternatives,
                                              budget_line_id, advised_by_name, advised_at, decided_by_name, decided_at,
                                              decision_comment)
                VALUES (:board, :school, :title, :reason, :forWhom, :room, :quantity, :cost, :wished, :status, :me, :meName,
                        :rec, :alt, :line, :advisedBy, CASE WHEN CAST(:advisedBy AS text) IS NULL THEN NULL ELSE now() END,
                        :decidedBy, CASE WHEN CAST(:decidedBy AS text) IS NULL THEN NULL ELSE now() END, :comment)
                RETURNING id""")
                .param("board", boardId).param("school", schoolId).params(columns(form)).param("status", status.name())
                .param("me", requesterId).param("meName", requester).param("rec", recommendation).param("alt", alternatives)
                .param("line", lineId).param("advisedBy", advisedBy).param("decidedBy", decidedBy).param("comment", comment)
                .query(Long.class).single();
        events.publishEvent(new RecordChanged("purchase-request", id, boardId, schoolId, RecordChanged.CREATED, form.title(),
                RecordChanged.diff(Map.of(), snapshot(form, status))));
        if (status == PurchaseStatus.APPROVED && lineId != null) {
            ledger.replaceBookings(SOURCE, id, schoolId, List.of(new Booking(lineId, BudgetLedger.Kind.COMMITTED,
                    form.estimatedCost(), today(), "#" + id + " " + form.title())), "budgetLineId");
        }
        return id;
    }

    void insertDemoQuote(long requestId, long schoolId, String supplier, BigDecimal amount, LocalDate date, String reference) {
        jdbc.sql("""
                INSERT INTO purchase_quote (request_id, school_id, supplier_name, amount, quote_date, reference, created_by_name)
                VALUES (?, ?, ?, ?, ?, ?, 'Demo')""").params(requestId, schoolId, supplier, amount, date, reference).update();
    }

    // ---- helpers ----

    private void requireVersion(RequestView r, Integer version) {
        if (version != null && version != r.version()) {
            throw ConflictException.staleVersion("purchase request", r.id());
        }
    }

    private void touch(long id) {
        jdbc.sql("UPDATE purchase_request SET version = version + 1, updated_at = now() WHERE id = ?").param(id).update();
    }

    private Map<String, Object> scope() {
        Map<String, Object> p = new LinkedHashMap<>();
        CurrentUser user = access.current();
        p.put("board", user.boardId());
        p.put("me", user.id());
        p.put("read", access.schoolArray(Permission.PURCHASES_READ));
        p.put("req", access.schoolArray(Permission.PURCHASES_REQUEST));
        return p;
    }

    private void publish(long id, long schoolId, String action, String label, Map<String, ?> before, Map<String, ?> after) {
        events.publishEvent(new RecordChanged("purchase-request", id, access.current().boardId(), schoolId, action, label,
                RecordChanged.diff(before, after)));
    }

    private static Map<String, Object> snapshot(RequestForm f, PurchaseStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", f.title() == null ? null : f.title().strip());
        m.put("reason", blank(f.reason()));
        m.put("forWhom", blank(f.forWhom()));
        m.put("roomId", f.roomId());
        m.put("quantity", f.quantity());
        m.put("estimatedCost", f.estimatedCost() == null ? null : f.estimatedCost().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        m.put("wishedDate", f.wishedDate());
        m.put("status", status);
        return m;
    }

    private static Map<String, Object> snapshot(RequestView r) {
        return snapshot(new RequestForm(r.schoolId(), r.title(), r.reason(), r.forWhom(), r.roomId(), r.quantity(),
                r.estimatedCost(), r.wishedDate(), r.version()), r.status());
    }

    static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Today in Brussels. */
    public static LocalDate today() {
        return LocalDate.now(Formats.ZONE);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static QuoteView quoteRow(ResultSet rs, int n) throws SQLException {
        return new QuoteView(rs.getLong("id"), (Long) rs.getObject("supplier_org_id"), rs.getString("supplier_name"),
                rs.getBigDecimal("amount"), rs.getObject("quote_date", LocalDate.class), rs.getString("reference"),
                rs.getString("notes"), rs.getString("file_name"), rs.getString("content_type"), (Long) rs.getObject("size_bytes"),
                rs.getString("created_by_name"), instant(rs, "created_at"));
    }

    private RequestView view(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        long schoolId = rs.getLong("school_id");
        Long lineId = (Long) rs.getObject("budget_line_id");
        List<ReplacedItem> replaces = jdbc.sql("""
                SELECT 'ASSET' AS kind, a.id, a.tag || coalesce(' ' || a.name, '') AS label FROM purchase_request_replaces x
                  JOIN asset a ON a.id = x.asset_id WHERE x.request_id = :id
                UNION ALL
                SELECT 'LICENCE', l.id, sw.name || coalesce(' – ' || l.name, '') FROM purchase_request_replaces x
                  JOIN licence l ON l.id = x.licence_id JOIN software sw ON sw.id = l.software_id WHERE x.request_id = :id
                ORDER BY 1, 3""").param("id", id)
                .query((r, i) -> new ReplacedItem(r.getString(1), r.getLong(2), r.getString(3))).list();
        BigDecimal cost = rs.getBigDecimal("estimated_cost");
        String room = rs.getString("room_name");
        String code = rs.getString("room_code");
        return new RequestView(id, schoolId, rs.getString("school_name"), rs.getString("title"), rs.getString("reason"),
                rs.getString("for_whom"), (Long) rs.getObject("room_id"), room == null ? null : (code == null ? room : code + " " + room),
                rs.getInt("quantity"), cost, rs.getObject("wished_date", LocalDate.class),
                PurchaseStatus.valueOf(rs.getString("status")), (Long) rs.getObject("requester_id"), rs.getString("requester_name"),
                rs.getString("recommendation"), rs.getString("alternatives"), lineId,
                lineId == null ? null : lineLabel(schoolId, lineId), rs.getString("advised_by_name"), instant(rs, "advised_at"),
                rs.getString("decision_comment"), rs.getString("decided_by_name"), instant(rs, "decided_at"),
                (Long) rs.getObject("chosen_quote_id"), rs.getString("choice_reason"), (Long) rs.getObject("order_id"),
                rs.getInt("version"), instant(rs, "created_at"), instant(rs, "updated_at"), replaces, quotesOf(id),
                settings(rs.getLong("board_id")).rule(cost));
    }
}
