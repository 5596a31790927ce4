package be.coordinaat.purchasing;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.CurrentUser;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.budget.BudgetLedger;
import be.coordinaat.budget.BudgetLedger.Booking;
import be.coordinaat.budget.BudgetLedger.LineStatus;
import be.coordinaat.inventory.AssetCatalog;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.inventory.Procurement;
import be.coordinaat.inventory.Procurement.DeliveredAsset;
import be.coordinaat.inventory.Views.ModelView;
import be.coordinaat.licences.Forms.LicenceForm;
import be.coordinaat.licences.LicenceType;
import be.coordinaat.licences.Licences;
import be.coordinaat.licences.SoftwareCatalogue;
import be.coordinaat.people.Organisations;
import be.coordinaat.people.Views.OrganisationView;
import be.coordinaat.purchasing.Amounts.LineAmounts;
import be.coordinaat.purchasing.Forms.DeliveryForm;
import be.coordinaat.purchasing.Forms.DeliveryLineForm;
import be.coordinaat.purchasing.Forms.InvoiceForm;
import be.coordinaat.purchasing.Forms.OrderForm;
import be.coordinaat.purchasing.Forms.OrderLineForm;
import be.coordinaat.purchasing.Forms.PaidForm;
import be.coordinaat.purchasing.Views.DeliveredLine;
import be.coordinaat.purchasing.Views.DeliveredUnit;
import be.coordinaat.purchasing.Views.DeliveryResult;
import be.coordinaat.purchasing.Views.DeliveryView;
import be.coordinaat.purchasing.Views.InvoiceView;
import be.coordinaat.purchasing.Views.OrderLineView;
import be.coordinaat.purchasing.Views.OrderRow;
import be.coordinaat.purchasing.Views.OrderView;
import be.coordinaat.purchasing.Views.RequestView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders, deliveries and invoices. An order belongs to the ordering school and to every school it has a line for
 * (a joint purchase of the school community); it is read with PURCHASES_READ in one of them and changed with
 * PURCHASES_MANAGE in all of them. Each order line books its gross amount as committed on its school's budget line
 * (the request's commitment is released in the same transaction); invoices are spread over the lines exactly to the
 * cent and book what they pay as spent, releasing that much of the commitment; closing the order releases the rest.
 * A delivery creates the assets and licences of its lines through the inventory and licences modules, once: each
 * unit of an order line exists once ({@code purchase_received_unit}), and a submission key makes a replayed delivery
 * return the first one.
 */
@Service
@Transactional(readOnly = true)
public class PurchaseOrders {

    public static final String LINE_SOURCE = "purchase-order-line";
    public static final int MAX_QUANTITY = 100_000;

    private static final String SELECT = """
            SELECT o.*, s.name AS school_name, r.title AS request_title,
                   (SELECT string_agg(x.name, ', ' ORDER BY lower(x.name)) FROM school x WHERE x.id = ANY(o.school_ids)) AS school_names
            FROM purchase_order o JOIN school s ON s.id = o.school_id LEFT JOIN purchase_request r ON r.id = o.request_id""";
    private static final String VISIBLE = " o.board_id = :board AND o.school_ids && CAST(:read AS bigint[])";
    private static final String LINE_SELECT = """
            SELECT l.*, s.name AS school_name, f.name || ' ' || m.name AS model_name, sw.name AS software_name
            FROM purchase_order_line l JOIN school s ON s.id = l.school_id
            LEFT JOIN asset_model m ON m.id = l.asset_model_id LEFT JOIN manufacturer f ON f.id = m.manufacturer_id
            LEFT JOIN software sw ON sw.id = l.software_id""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Purchases purchases;
    private final BudgetLedger ledger;
    private final Procurement procurement;
    private final AssetCatalog catalog;
    private final Licences licences;
    private final SoftwareCatalogue software;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    PurchaseOrders(JdbcClient jdbc, AccessControl access, Purchases purchases, BudgetLedger ledger, Procurement procurement,
            AssetCatalog catalog, Licences licences, SoftwareCatalogue software, Organisations organisations,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.purchases = purchases;
        this.ledger = ledger;
        this.procurement = procurement;
        this.catalog = catalog;
        this.licences = licences;
        this.software = software;
        this.organisations = organisations;
        this.events = events;
    }

    // ---- scope ----

    public List<SchoolRef> manageableSchools() {
        return access.visibleSchools(Permission.PURCHASES_MANAGE);
    }

    public boolean canCreate() {
        return access.canAnywhere(Permission.PURCHASES_MANAGE);
    }

    public boolean canManage(OrderView o) {
        return access.schools(Permission.PURCHASES_MANAGE).containsAll(o.schoolIds());
    }

    // ---- list ----

    /** One page of the orders the user may see (PURCHASES_READ in one of their schools). */
    public Page<OrderRow> list(Long school, OrderStatus status, PageQuery query) {
        access.requireAnywhere(Permission.PURCHASES_READ);
        Map<String, Object> params = scope();
        StringBuilder where = new StringBuilder(" WHERE").append(VISIBLE);
        if (school != null) {
            if (!access.can(Permission.PURCHASES_READ, school)) {
                throw new NotFoundException("school", school);
            }
            where.append(" AND o.school_ids @> ARRAY[CAST(:school AS bigint)]");
            params.put("school", school);
        }
        if (status != null) {
            where.append(" AND o.status = :status");
            params.put("status", status.name());
        }
        if (query.q() != null) {
            where.append(" AND lower(o.number || ' ' || o.supplier_name) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM purchase_order o" + where).params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String order = query.orderBy(Map.of(
                "date", "o.order_date",
                "number", "lower(o.number)",
                "supplier", "lower(o.supplier_name)",
                "total", "o.total_gross",
                "status", "o.status" + dir + ", o.order_date"), "date").replace(", id", ", o.id");
        if (query.sort() == null) {
            order = " ORDER BY o.order_date DESC, o.id DESC";
        }
        List<OrderRow> items = jdbc.sql(SELECT + where + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> new OrderRow(rs.getLong("id"), rs.getString("number"), rs.getObject("order_date", LocalDate.class),
                        rs.getString("supplier_name"), OrderStatus.valueOf(rs.getString("status")), rs.getBigDecimal("total_gross"),
                        rs.getString("school_names"), (Long) rs.getObject("request_id"), ids(rs).size() > 1))
                .list();
        return new Page<>(items, total, query.page(), query.size());
    }

    // ---- one order ----

    public OrderView order(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = :id AND" + VISIBLE).param("id", id).params(scope())
                .query(this::view).optional().orElseThrow(() -> new NotFoundException("purchase order", id));
    }

    /** The order of a request, when there is one the user may see. */
    public java.util.Optional<Long> orderOf(long requestId) {
        return jdbc.sql("SELECT o.id FROM purchase_order o WHERE o.request_id = :request AND" + VISIBLE)
                .param("request", requestId).params(scope()).query(Long.class).optional();
    }

    /**
     * Places an order: from an approved request (its school; the request's commitment is replaced by the lines'), or
     * on its own, possibly with lines for other schools of the school community (a joint purchase; PURCHASES_MANAGE
     * in each of them). Refuses with {@link OverBudgetException} when a line's budget line would go below zero,
     * unless {@code confirmOverBudget}.
     */
    @Transactional
    public long create(OrderForm form) {
        access.requireAnywhere(Permission.PURCHASES_MANAGE);
        List<FieldProblem> problems = new ArrayList<>();
        RequestView request = null;
        Long schoolId = form.schoolId();
        if (form.requestId() != null) {
            request = purchases.lock(form.requestId());
            access.require(Permission.PURCHASES_MANAGE, request.schoolId());
            if (request.status() != PurchaseStatus.APPROVED || request.orderId() != null) {
                throw new ConflictException("purchase.error.notApproved", "only an approved request without an order can be ordered");
            }
            if (schoolId != null && schoolId != request.schoolId()) {
                problems.add(new FieldProblem("schoolId", "purchase.error.school.request", "must be the request's school"));
            }
            schoolId = request.schoolId();
        }
        if (schoolId == null) {
            List<SchoolRef> mine = manageableSchools();
            if (mine.size() == 1) {
                schoolId = mine.get(0).id();
            } else {
                throw InvalidInputException.of("schoolId", "error.required", "is required");
            }
        }
        if (!access.can(Permission.PURCHASES_MANAGE, schoolId)) {
            throw InvalidInputException.of("schoolId", "error.reference", "does not exist");
        }
        String supplier = supplier(form.supplierOrganisationId(), form.supplierName(), problems);
        String number = Purchases.blank(form.number());
        if (number == null) {
            problems.add(new FieldProblem("number", "error.required", "is required"));
        } else if (numberTaken(number)) {
            problems.add(new FieldProblem("number", "purchase.error.number.taken", "is already used by another order"));
        }
        if (form.orderDate() == null) {
            problems.add(new FieldProblem("orderDate", "error.required", "is required"));
        }
        List<OrderLineForm> lines = form.lines() == null ? List.of() : form.lines().stream().filter(l -> !emptyLine(l)).toList();
        if (lines.isEmpty()) {
            problems.add(new FieldProblem("lines", "purchase.error.lines.empty", "give at least one order line"));
        }
        List<CheckedLine> checked = new ArrayList<>();
        Long community = communityOf(schoolId);
        Set<Long> manage = access.schools(Permission.PURCHASES_MANAGE);
        for (int i = 0; i < lines.size(); i++) {
            checked.add(checkLine(i, lines.get(i), schoolId, community, manage, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (request != null) {
            purchases.releaseCommitment(request);
        }
        requireWithinBudget(checked, form.confirmOverBudget());
        BigDecimal net = Amounts.sum(checked.stream().map(c -> c.amounts().net()).toList());
        BigDecimal vat = Amounts.sum(checked.stream().map(c -> c.amounts().vat()).toList());
        BigDecimal gross = Amounts.sum(checked.stream().map(c -> c.amounts().gross()).toList());
        Set<Long> schoolIds = new LinkedHashSet<>();
        schoolIds.add(schoolId);
        checked.forEach(c -> schoolIds.add(c.schoolId()));
        CurrentUser user = access.current();
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO purchase_order (board_id, school_id, school_ids, request_id, number, order_date, supplier_org_id,
                                                supplier_name, status, notes, total_net, total_vat, total_gross, created_by_name)
                    VALUES (:board, :school, CAST(:schools AS bigint[]), :request, :number, :date, :org, :supplier, 'ORDERED',
                            :notes, :net, :vat, :gross, :by) RETURNING id""")
                    .param("board", user.boardId()).param("school", schoolId).param("schools", schoolIds.toArray(Long[]::new))
                    .param("request", form.requestId()).param("number", number).param("date", form.orderDate())
                    .param("org", form.supplierOrganisationId()).param("supplier", supplier)
                    .param("notes", Purchases.blank(form.notes())).param("net", net).param("vat", vat).param("gross", gross)
                    .param("by", user.displayName()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("number", "purchase.error.number.taken", "is already used by another order");
        }
        int no = 1;
        for (CheckedLine c : checked) {
            OrderLineForm l = c.form();
            long lineId = jdbc.sql("""
                    INSERT INTO purchase_order_line (order_id, line_no, school_id, description, quantity, unit_price, vat_rate,
                        net, vat, gross, item_kind, asset_kind, asset_model_id, software_id, licence_type, budget_line_id)
                    VALUES (:order, :no, :school, :description, :quantity, :unit, :rate, :net, :vat, :gross, :kind, :assetKind,
                            :model, :software, :licenceType, :line) RETURNING id""")
                    .param("order", id).param("no", no).param("school", c.schoolId()).param("description", l.description().strip())
                    .param("quantity", l.quantity()).param("unit", l.unitPrice().setScale(2, RoundingMode.UNNECESSARY))
                    .param("rate", l.vatRate()).param("net", c.amounts().net()).param("vat", c.amounts().vat())
                    .param("gross", c.amounts().gross()).param("kind", l.itemKind().name())
                    .param("assetKind", c.assetKind() == null ? null : c.assetKind().name()).param("model", l.assetModelId())
                    .param("software", l.itemKind() == ItemKind.LICENCE ? l.softwareId() : null)
                    .param("licenceType", l.itemKind() == ItemKind.LICENCE ? l.licenceType().name() : null)
                    .param("line", l.budgetLineId()).query(Long.class).single();
            if (l.budgetLineId() != null) {
                ledger.replaceBookings(LINE_SOURCE, lineId, c.schoolId(), List.of(new Booking(l.budgetLineId(),
                        BudgetLedger.Kind.COMMITTED, c.amounts().gross(), form.orderDate(), number + " #" + no)),
                        "lines[" + c.index() + "].budgetLineId");
            }
            no++;
        }
        if (request != null) {
            purchases.followOrder(request.id(), PurchaseStatus.ORDERED);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("number", number);
        after.put("orderDate", form.orderDate());
        after.put("supplier", supplier);
        after.put("request", form.requestId());
        after.put("lines", checked.size());
        after.put("totalGross", gross.toPlainString());
        after.put("schools", schoolIds.toString());
        publish(id, schoolId, RecordChanged.CREATED, number, Map.of(), after);
        return id;
    }

    private record CheckedLine(int index, OrderLineForm form, long schoolId, AssetKind assetKind, LineAmounts amounts) {}

    private static boolean emptyLine(OrderLineForm l) {
        return l == null || (Purchases.blank(l.description()) == null && l.quantity() == null && l.unitPrice() == null);
    }

    private CheckedLine checkLine(int i, OrderLineForm l, long orderSchool, Long community, Set<Long> manage,
            List<FieldProblem> problems) {
        String p = "lines[" + i + "].";
        int before = problems.size();
        long school = l.schoolId() == null ? orderSchool : l.schoolId();
        if (!manage.contains(school)) {
            problems.add(new FieldProblem(p + "schoolId", "purchase.error.line.school",
                    "does not exist or you do not handle purchases there"));
        } else if (school != orderSchool && (community == null || !community.equals(communityOf(school)))) {
            problems.add(new FieldProblem(p + "schoolId", "purchase.error.line.community",
                    "is not in the ordering school's school community"));
        }
        if (Purchases.blank(l.description()) == null) {
            problems.add(new FieldProblem(p + "description", "error.required", "is required"));
        }
        if (l.quantity() == null || l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
            problems.add(new FieldProblem(p + "quantity", "purchase.error.quantity", "must be between 1 and " + MAX_QUANTITY,
                    MAX_QUANTITY));
        }
        if (l.unitPrice() == null || !Amounts.validAmount(l.unitPrice())) {
            problems.add(new FieldProblem(p + "unitPrice", "purchase.error.amount",
                    "must be an amount in euros with at most 2 decimals, not negative, below 1,000,000,000"));
        }
        if (!Amounts.validRate(l.vatRate())) {
            problems.add(new FieldProblem(p + "vatRate", "purchase.error.vatRate", "must be 0, 6, 12 or 21"));
        }
        AssetKind kind = l.assetKind();
        if (l.itemKind() == null) {
            problems.add(new FieldProblem(p + "itemKind", "error.required", "is required"));
        } else if (l.itemKind() == ItemKind.ASSET) {
            if (l.assetModelId() != null) {
                ModelView model = catalog.modelChoices().stream().filter(m -> m.id() == l.assetModelId()).findFirst().orElse(null);
                if (model == null) {
                    problems.add(new FieldProblem(p + "assetModelId", "error.reference", "does not exist"));
                } else if (kind != null && model.kind() != kind) {
                    problems.add(new FieldProblem(p + "assetModelId", "purchase.error.model.kind", "is a model of another kind"));
                } else {
                    kind = model.kind();
                }
            }
            if (kind == null && l.assetModelId() == null) {
                problems.add(new FieldProblem(p + "assetKind", "purchase.error.assetKind", "is required for an asset"));
            }
        } else if (l.itemKind() == ItemKind.LICENCE) {
            if (l.softwareId() == null || software.choices().stream().noneMatch(s -> s.id() == l.softwareId())) {
                problems.add(new FieldProblem(p + "softwareId", "purchase.error.software",
                        "is required for a licence: an entry of the software catalogue"));
            }
            if (l.licenceType() == null) {
                problems.add(new FieldProblem(p + "licenceType", "error.required", "is required"));
            }
        }
        if (l.budgetLineId() != null) {
            if (manage.contains(school) && purchases.lineStatus(school, l.budgetLineId()).isEmpty()) {
                problems.add(new FieldProblem(p + "budgetLineId", "purchase.error.budgetLine.school",
                        "does not exist in the line's school"));
            }
        } else if (manage.contains(school) && !ledger.choices(school).isEmpty()) {
            problems.add(new FieldProblem(p + "budgetLineId", "purchase.error.budgetLine.required",
                    "is required: choose the budget line the purchase is booked on"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new CheckedLine(i, l, school, l.itemKind() == ItemKind.ASSET ? kind : null,
                Amounts.line(l.quantity(), l.unitPrice(), l.vatRate()));
    }

    /** Per budget line, the order's lines must fit in what remains, unless confirmed. */
    private void requireWithinBudget(List<CheckedLine> lines, Boolean confirmed) {
        if (Boolean.TRUE.equals(confirmed)) {
            return;
        }
        Map<Long, BigDecimal> perLine = new LinkedHashMap<>();
        Map<Long, Long> schoolOf = new LinkedHashMap<>();
        for (CheckedLine c : lines) {
            if (c.form().budgetLineId() != null) {
                perLine.merge(c.form().budgetLineId(), c.amounts().gross(), BigDecimal::add);
                schoolOf.put(c.form().budgetLineId(), c.schoolId());
            }
        }
        for (var e : perLine.entrySet()) {
            LineStatus line = ledger.status(schoolOf.get(e.getKey()), e.getKey());
            if (e.getValue().compareTo(line.remaining()) > 0) {
                throw new OverBudgetException(Purchases.label(line), line.remaining(), e.getValue());
            }
        }
    }

    private String supplier(Long organisationId, String name, List<FieldProblem> problems) {
        if (organisationId != null) {
            try {
                OrganisationView org = organisations.organisation(organisationId);
                return org.name();
            } catch (NotFoundException | AccessDeniedException e) {
                problems.add(new FieldProblem("supplierOrganisationId", "error.reference", "does not exist"));
                return null;
            }
        }
        String n = Purchases.blank(name);
        if (n == null) {
            problems.add(new FieldProblem("supplierName", "purchase.error.supplier", "give a supplier: an organisation or a name"));
        }
        return n;
    }

    private boolean numberTaken(String number) {
        return jdbc.sql("SELECT count(*) FROM purchase_order WHERE board_id = ? AND lower(number) = lower(?)")
                .params(access.current().boardId(), number).query(Long.class).single() > 0;
    }

    private Long communityOf(long schoolId) {
        return jdbc.sql("SELECT community_id FROM school WHERE id = ?").param(schoolId).query(Long.class).optional().orElse(null);
    }

    // ---- deliveries ----

    /**
     * Records a delivery: per order line the units received (at most what is still open) with their serials. Asset
     * lines create one asset per unit (status in stock, purchase date, price incl. VAT, supplier, order number),
     * licence lines one licence with the units as seats. The same submission key again returns the first delivery.
     */
    @Transactional
    public DeliveryResult deliver(long orderId, DeliveryForm form) {
        OrderView o = lock(orderId);
        requireManage(o);
        String key = Purchases.blank(form.submissionKey());
        if (key == null) {
            throw InvalidInputException.of("submissionKey", "error.required", "is required");
        }
        Long existing = jdbc.sql("SELECT id FROM purchase_delivery WHERE order_id = ? AND submission_key = ?")
                .params(orderId, key).query(Long.class).optional().orElse(null);
        if (existing != null) {
            return new DeliveryResult(existing, false);
        }
        if (o.status() == OrderStatus.CLOSED) {
            throw new ConflictException("purchase.error.closed", "the order is closed");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (form.deliveredOn() == null) {
            problems.add(new FieldProblem("deliveredOn", "error.required", "is required"));
        }
        Map<Long, OrderLineView> lines = o.lines().stream().collect(Collectors.toMap(OrderLineView::id, l -> l));
        List<DeliveryLineForm> given = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<DeliveryLineForm> all = form.lines() == null ? List.of() : form.lines();
        for (int i = 0; i < all.size(); i++) {
            DeliveryLineForm d = all.get(i);
            String p = "lines[" + i + "].";
            if (d == null || d.quantity() == null || d.quantity() == 0) {
                if (d != null && d.serials() != null && d.serials().stream().anyMatch(s -> Purchases.blank(s) != null)) {
                    problems.add(new FieldProblem(p + "quantity", "purchase.error.delivery.quantity",
                            "must be between 1 and the quantity still to deliver", 0));
                }
                continue;
            }
            OrderLineView line = d.orderLineId() == null ? null : lines.get(d.orderLineId());
            if (line == null) {
                problems.add(new FieldProblem(p + "orderLineId", "error.reference", "does not exist"));
                continue;
            }
            if (!seen.add(line.id())) {
                problems.add(new FieldProblem(p + "orderLineId", "purchase.error.delivery.duplicate", "is given twice"));
                continue;
            }
            if (d.quantity() < 1 || d.quantity() > line.remaining()) {
                problems.add(new FieldProblem(p + "quantity", "purchase.error.delivery.quantity",
                        "must be between 1 and the quantity still to deliver (" + line.remaining() + ")", line.remaining()));
                continue;
            }
            List<String> serials = serials(d.serials());
            if (serials.size() > d.quantity()) {
                problems.add(new FieldProblem(p + "serials", "purchase.error.delivery.serials",
                        "has more serial numbers than units received"));
            } else if (serials.stream().anyMatch(s -> s.length() > 100)) {
                problems.add(new FieldProblem(p + "serials", "purchase.error.delivery.serialLength",
                        "has a serial number longer than 100 characters"));
            } else if (new HashSet<>(serials).size() != serials.size()) {
                problems.add(new FieldProblem(p + "serials", "purchase.error.delivery.serialTwice", "has a serial number twice"));
            }
            given.add(d);
        }
        if (given.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("lines", "purchase.error.delivery.empty", "give at least one line with units received"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CurrentUser user = access.current();
        Long deliveryId = jdbc.sql("""
                INSERT INTO purchase_delivery (order_id, submission_key, delivered_on, note, received_by_name)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (order_id, submission_key) DO NOTHING RETURNING id""")
                .params(orderId, key, form.deliveredOn(), Purchases.blank(form.note()), user.displayName())
                .query(Long.class).optional().orElse(null);
        if (deliveryId == null) {
            // the same submission committed meanwhile
            return new DeliveryResult(jdbc.sql("SELECT id FROM purchase_delivery WHERE order_id = ? AND submission_key = ?")
                    .params(orderId, key).query(Long.class).single(), false);
        }
        Long roomId = roomOfRequest(o);
        List<String> log = new ArrayList<>();
        for (DeliveryLineForm d : given) {
            OrderLineView line = lines.get(d.orderLineId());
            List<String> serials = serials(d.serials());
            long deliveryLineId = jdbc.sql("INSERT INTO purchase_delivery_line (delivery_id, order_line_id, quantity) VALUES (?, ?, ?) RETURNING id")
                    .params(deliveryId, line.id(), d.quantity()).query(Long.class).single();
            BigDecimal unitGross = line.unitPrice().multiply(BigDecimal.ONE.add(line.vatRate().movePointLeft(2)))
                    .setScale(2, RoundingMode.HALF_UP);
            List<String> tags = new ArrayList<>();
            for (int u = 0; u < d.quantity(); u++) {
                int unitNo = line.received() + u + 1;
                String serial = u < serials.size() ? serials.get(u) : null;
                // the unit is claimed first: a second claim of the same unit fails here, before anything is created
                long unitId = jdbc.sql("""
                        INSERT INTO purchase_received_unit (order_line_id, unit_no, delivery_line_id, serial)
                        VALUES (?, ?, ?, ?) RETURNING id""").params(line.id(), unitNo, deliveryLineId, serial)
                        .query(Long.class).single();
                if (line.itemKind() == ItemKind.ASSET) {
                    long assetId = procurement.receive(new DeliveredAsset(line.schoolId(), line.description(), serial,
                            line.assetModelId(), line.assetKind(),
                            roomId != null && o.requestId() != null && line.schoolId() == o.schoolId() ? roomId : null,
                            o.orderDate(), unitGross, o.supplierName(), o.number(),
                            "Geleverd op bestelling " + o.number() + " (lijn " + line.lineNo() + ")"));
                    jdbc.sql("UPDATE purchase_received_unit SET asset_id = ? WHERE id = ?").params(assetId, unitId).update();
                    tags.add(jdbc.sql("SELECT tag FROM asset WHERE id = ?").param(assetId).query(String.class).single());
                }
            }
            if (line.itemKind() == ItemKind.LICENCE) {
                BigDecimal cost = unitGross.multiply(BigDecimal.valueOf(d.quantity()));
                long licenceId = licences.create(new LicenceForm(line.softwareId(), line.schoolId(), cut(line.description(), 150),
                        line.licenceType(), d.quantity(), cost, form.deliveredOn(), null, false, o.supplierName(), o.number(),
                        "Geleverd op bestelling " + o.number() + " (lijn " + line.lineNo() + ")", null));
                jdbc.sql("UPDATE purchase_delivery_line SET licence_id = ? WHERE id = ?").params(licenceId, deliveryLineId).update();
                tags.add("licence " + licenceId);
            }
            jdbc.sql("UPDATE purchase_order_line SET received = received + ? WHERE id = ?").params(d.quantity(), line.id()).update();
            log.add("#" + line.lineNo() + " × " + d.quantity() + (tags.isEmpty() ? "" : " " + tags));
        }
        touch(orderId);
        OrderStatus status = refreshStatus(orderId);
        publish(orderId, o.schoolId(), RecordChanged.UPDATED, o.number(), statusMap(o.status(), "delivered", null),
                statusMap(status, "delivered", form.deliveredOn() + ": " + String.join("; ", log)));
        return new DeliveryResult(deliveryId, true);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static List<String> serials(List<String> given) {
        return given == null ? List.of() : given.stream().map(Purchases::blank).filter(Objects::nonNull).toList();
    }

    private Long roomOfRequest(OrderView o) {
        if (o.requestId() == null) {
            return null;
        }
        return jdbc.sql("SELECT room_id FROM purchase_request WHERE id = ?").param(o.requestId()).query(Long.class)
                .optional().orElse(null);
    }

    // ---- invoices ----

    /** Registers an invoice: it books what it pays as spent on the lines' budget lines and releases that commitment. */
    @Transactional
    public long invoice(long orderId, InvoiceForm form) {
        OrderView o = lock(orderId);
        requireManage(o);
        if (o.status() == OrderStatus.CLOSED) {
            throw new ConflictException("purchase.error.closed", "the order is closed");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String number = Purchases.blank(form.number());
        if (number == null) {
            problems.add(new FieldProblem("number", "error.required", "is required"));
        } else if (o.invoices().stream().anyMatch(i -> i.number().equalsIgnoreCase(number))) {
            problems.add(new FieldProblem("number", "purchase.error.invoice.taken", "is already registered for this order"));
        }
        if (form.amount() == null || !Amounts.validAmount(form.amount()) || form.amount().signum() == 0) {
            problems.add(new FieldProblem("amount", "purchase.error.invoice.amount",
                    "must be an amount in euros above 0 with at most 2 decimals, below 1,000,000,000"));
        }
        if (form.invoiceDate() == null) {
            problems.add(new FieldProblem("invoiceDate", "error.required", "is required"));
        } else if (form.paidOn() != null && form.paidOn().isBefore(form.invoiceDate())) {
            problems.add(new FieldProblem("paidOn", "purchase.error.paidBeforeInvoice", "lies before the invoice date"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CurrentUser user = access.current();
        long id = jdbc.sql("""
                INSERT INTO purchase_invoice (order_id, number, amount, invoice_date, paid_on, created_by_name)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(orderId, number, form.amount().setScale(2, RoundingMode.UNNECESSARY), form.invoiceDate(), form.paidOn(),
                        user.displayName()).query(Long.class).single();
        rebook(orderId, false);
        touch(orderId);
        OrderStatus status = refreshStatus(orderId);
        publish(orderId, o.schoolId(), RecordChanged.UPDATED, o.number(), statusMap(o.status(), "invoice", null),
                statusMap(status, "invoice", number + " € " + form.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString()));
        return id;
    }

    @Transactional
    public void markPaid(long orderId, long invoiceId, PaidForm form) {
        OrderView o = lock(orderId);
        requireManage(o);
        InvoiceView invoice = o.invoices().stream().filter(i -> i.id() == invoiceId).findFirst()
                .orElseThrow(() -> new NotFoundException("invoice", invoiceId));
        if (form.paidOn() == null) {
            throw InvalidInputException.of("paidOn", "error.required", "is required");
        }
        if (form.paidOn().isBefore(invoice.invoiceDate())) {
            throw InvalidInputException.of("paidOn", "purchase.error.paidBeforeInvoice", "lies before the invoice date");
        }
        jdbc.sql("UPDATE purchase_invoice SET paid_on = ? WHERE id = ?").params(form.paidOn(), invoiceId).update();
        touch(orderId);
        publish(orderId, o.schoolId(), RecordChanged.UPDATED, o.number(), Map.of("paid " + invoice.number(), String.valueOf(invoice.paidOn())),
                Map.of("paid " + invoice.number(), form.paidOn().toString()));
    }

    /** Closes an order: nothing more is expected, so what is still committed is released. */
    @Transactional
    public void close(long orderId) {
        OrderView o = lock(orderId);
        requireManage(o);
        if (o.status() == OrderStatus.CLOSED) {
            return;
        }
        if (o.invoices().isEmpty()) {
            throw new ConflictException("purchase.error.closeWithoutInvoice", "register the invoice before closing the order");
        }
        jdbc.sql("UPDATE purchase_order SET status = 'CLOSED', version = version + 1, updated_at = now() WHERE id = ?")
                .param(orderId).update();
        rebook(orderId, true);
        if (o.requestId() != null) {
            purchases.followOrder(o.requestId(), PurchaseStatus.CLOSED);
        }
        publish(orderId, o.schoolId(), RecordChanged.UPDATED, o.number(), Map.of("status", o.status().name()),
                Map.of("status", OrderStatus.CLOSED.name()));
    }

    /**
     * Books every line again from the order's invoices: the invoiced total is spread over the lines in proportion to
     * their gross amounts (exact to the cent); each line's share is spent, the rest of its amount stays committed
     * (nothing once the order is closed).
     */
    private void rebook(long orderId, boolean closed) {
        OrderView o = order(orderId);
        List<BigDecimal> weights = o.lines().stream().map(OrderLineView::gross).toList();
        List<BigDecimal> spent = Amounts.allocate(o.invoiced(), weights);
        LocalDate lastInvoice = o.invoices().stream().map(InvoiceView::invoiceDate).max(LocalDate::compareTo).orElse(o.orderDate());
        for (int i = 0; i < o.lines().size(); i++) {
            OrderLineView line = o.lines().get(i);
            if (line.budgetLineId() == null) {
                continue;
            }
            BigDecimal committed = closed ? BigDecimal.ZERO : line.gross().subtract(spent.get(i)).max(BigDecimal.ZERO);
            List<Booking> bookings = new ArrayList<>();
            if (committed.signum() > 0) {
                bookings.add(new Booking(line.budgetLineId(), BudgetLedger.Kind.COMMITTED, committed, o.orderDate(),
                        o.number() + " #" + line.lineNo()));
            }
            if (spent.get(i).signum() > 0) {
                bookings.add(new Booking(line.budgetLineId(), BudgetLedger.Kind.SPENT, spent.get(i), lastInvoice,
                        o.number() + " #" + line.lineNo()));
            }
            ledger.replaceBookings(LINE_SOURCE, line.id(), line.schoolId(), bookings, "budgetLineId");
        }
    }

    /** The status from deliveries and invoices (a closed order stays closed); the request follows. */
    private OrderStatus refreshStatus(long orderId) {
        OrderView o = order(orderId);
        OrderStatus next;
        if (o.status() == OrderStatus.CLOSED) {
            next = OrderStatus.CLOSED;
        } else if (o.invoiced().compareTo(o.totalGross()) >= 0 && o.fullyDelivered()) {
            next = OrderStatus.INVOICED;
        } else if (o.fullyDelivered()) {
            next = OrderStatus.DELIVERED;
        } else if (o.lines().stream().anyMatch(l -> l.received() > 0)) {
            next = OrderStatus.PARTLY_DELIVERED;
        } else {
            next = OrderStatus.ORDERED;
        }
        if (next != o.status()) {
            jdbc.sql("UPDATE purchase_order SET status = ? WHERE id = ?").params(next.name(), orderId).update();
        }
        if (o.requestId() != null) {
            purchases.followOrder(o.requestId(), next.asRequestStatus());
        }
        return next;
    }

    // ---- helpers ----

    /** Locks the order row for the rest of the transaction (404 outside the scope) and reads it. */
    private OrderView lock(long id) {
        order(id);
        jdbc.sql("SELECT id FROM purchase_order WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
        return order(id);
    }

    private void requireManage(OrderView o) {
        if (!canManage(o)) {
            throw new AccessDeniedException("no PURCHASES_MANAGE in every school of order " + o.id());
        }
    }

    private void touch(long id) {
        jdbc.sql("UPDATE purchase_order SET version = version + 1, updated_at = now() WHERE id = ?").param(id).update();
    }

    private static Map<String, Object> statusMap(OrderStatus status, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put(key, value);
        return m;
    }

    private Map<String, Object> scope() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("board", access.current().boardId());
        p.put("read", access.schoolArray(Permission.PURCHASES_READ));
        return p;
    }

    private void publish(long id, long schoolId, String action, String label, Map<String, ?> before, Map<String, ?> after) {
        events.publishEvent(new RecordChanged("purchase-order", id, access.current().boardId(), schoolId, action, label,
                RecordChanged.diff(before, after)));
    }

    private static List<Long> ids(ResultSet rs) throws SQLException {
        Array a = rs.getArray("school_ids");
        return a == null ? List.of() : Arrays.stream((Long[]) a.getArray()).toList();
    }

    private OrderView view(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<OrderLineView> lines = jdbc.sql(LINE_SELECT + " WHERE l.order_id = ? ORDER BY l.line_no").param(id)
                .query((r, i) -> {
                    Long budgetLine = (Long) r.getObject("budget_line_id");
                    long school = r.getLong("school_id");
                    String kind = r.getString("asset_kind");
                    String type = r.getString("licence_type");
                    return new OrderLineView(r.getLong("id"), r.getInt("line_no"), school, r.getString("school_name"),
                            r.getString("description"), r.getInt("quantity"), r.getBigDecimal("unit_price"),
                            r.getBigDecimal("vat_rate"), r.getBigDecimal("net"), r.getBigDecimal("vat"), r.getBigDecimal("gross"),
                            ItemKind.valueOf(r.getString("item_kind")), kind == null ? null : AssetKind.valueOf(kind),
                            (Long) r.getObject("asset_model_id"), r.getString("model_name"), (Long) r.getObject("software_id"),
                            r.getString("software_name"), type == null ? null : LicenceType.valueOf(type), budgetLine,
                            budgetLine == null ? null : purchases.lineLabel(school, budgetLine), r.getInt("received"));
                }).list();
        List<DeliveredUnitRow> units = jdbc.sql("""
                SELECT dl.delivery_id, dl.order_line_id, u.unit_no, u.serial, u.asset_id, a.tag
                FROM purchase_received_unit u JOIN purchase_delivery_line dl ON dl.id = u.delivery_line_id
                LEFT JOIN asset a ON a.id = u.asset_id
                JOIN purchase_order_line ol ON ol.id = dl.order_line_id WHERE ol.order_id = ? ORDER BY u.unit_no""").param(id)
                .query((r, i) -> new DeliveredUnitRow(r.getLong(1), r.getLong(2), new DeliveredUnit(r.getInt(3), r.getString(4),
                        (Long) r.getObject(5), r.getString(6)))).list();
        Map<Long, OrderLineView> byId = lines.stream().collect(Collectors.toMap(OrderLineView::id, l -> l));
        record DLine(long deliveryId, long orderLineId, int quantity, Long licenceId) {}
        List<DLine> dlines = jdbc.sql("""
                SELECT dl.delivery_id, dl.order_line_id, dl.quantity, dl.licence_id FROM purchase_delivery_line dl
                JOIN purchase_delivery d ON d.id = dl.delivery_id WHERE d.order_id = ? ORDER BY dl.id""").param(id)
                .query((r, i) -> new DLine(r.getLong(1), r.getLong(2), r.getInt(3), (Long) r.getObject(4))).list();
        List<DeliveryView> deliveries = jdbc.sql("""
                SELECT id, submission_key, delivered_on, note, received_by_name, created_at FROM purchase_delivery
                WHERE order_id = ? ORDER BY delivered_on, id""").param(id)
                .query((r, i) -> {
                    long did = r.getLong("id");
                    List<DeliveredLine> dl = dlines.stream().filter(x -> x.deliveryId() == did).map(x -> new DeliveredLine(
                            x.orderLineId(), byId.get(x.orderLineId()).lineNo(), byId.get(x.orderLineId()).description(),
                            x.quantity(), x.licenceId(), units.stream()
                                    .filter(u -> u.deliveryId() == did && u.orderLineId() == x.orderLineId())
                                    .map(DeliveredUnitRow::unit).toList())).toList();
                    return new DeliveryView(did, r.getString("submission_key"), r.getObject("delivered_on", LocalDate.class),
                            r.getString("note"), r.getString("received_by_name"), Purchases.instant(r, "created_at"), dl);
                }).list();
        List<InvoiceView> invoices = jdbc.sql("""
                SELECT id, number, amount, invoice_date, paid_on, created_by_name, created_at FROM purchase_invoice
                WHERE order_id = ? ORDER BY invoice_date, id""").param(id)
                .query((r, i) -> new InvoiceView(r.getLong("id"), r.getString("number"), r.getBigDecimal("amount"),
                        r.getObject("invoice_date", LocalDate.class), r.getObject("paid_on", LocalDate.class),
                        r.getString("created_by_name"), Purchases.instant(r, "created_at"))).list();
        return new OrderView(id, rs.getLong("school_id"), rs.getString("school_name"), ids(rs), rs.getString("number"),
                rs.getObject("order_date", LocalDate.class), (Long) rs.getObject("supplier_org_id"), rs.getString("supplier_name"),
                OrderStatus.valueOf(rs.getString("status")), rs.getString("notes"), rs.getBigDecimal("total_net"),
                rs.getBigDecimal("total_vat"), rs.getBigDecimal("total_gross"), (Long) rs.getObject("request_id"),
                rs.getString("request_title"), rs.getString("created_by_name"), rs.getInt("version"),
                Purchases.instant(rs, "created_at"), lines, deliveries, invoices);
    }

    private record DeliveredUnitRow(long deliveryId, long orderLineId, DeliveredUnit unit) {}
}
