package be.coordinaat.licences;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.inventory.AssetFilter;
import be.coordinaat.inventory.Inventory;
import be.coordinaat.inventory.Views.AssetView;
import be.coordinaat.licences.Forms.AssignmentForm;
import be.coordinaat.licences.Forms.LicenceForm;
import be.coordinaat.licences.Views.AssignmentView;
import be.coordinaat.licences.Views.LicenceRow;
import be.coordinaat.licences.Views.LicenceView;
import be.coordinaat.licences.Views.LinkedLicence;
import be.coordinaat.licences.Views.ProofFile;
import be.coordinaat.licences.Views.ProofView;
import be.coordinaat.licences.Views.SchoolCompliance;
import be.coordinaat.licences.Views.TargetOption;
import be.coordinaat.licences.domain.ProofFiles;
import be.coordinaat.people.People;
import be.coordinaat.people.People.PersonFilter;
import be.coordinaat.people.Views.PersonView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.web.Formats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licences of the schools and of the board: seats, cost, dates, proof of purchase and assignments to assets,
 * people or whole schools. A school's licence is read with LICENCES_READ and changed with LICENCES_MANAGE in that
 * school; a board-wide licence (no school) is read by every LICENCES_READ holder of the board and changed by board
 * admins only. Anything outside the scope answers 404, also for guessed ids. Seats used are computed in SQL
 * ({@code licence_seats_used}), so the list, its over-use filter and the compliance view agree. Every change is in
 * the licence's history.
 */
@Service
@Transactional(readOnly = true)
public class Licences {

    /** The window of "renewal due", in days, when none is asked for. */
    public static final int DEFAULT_RENEWAL_DAYS = 60;
    public static final int MAX_RENEWAL_DAYS = 3650;
    public static final long MAX_PROOF_BYTES = 10L * 1024 * 1024;
    public static final int MAX_SEATS = 1_000_000;
    private static final BigDecimal MAX_COST = new BigDecimal("10000000000");

    /** A licence is visible when its school is in scope, or when it is board-wide and the user reads licences. */
    private static final String VISIBLE = " l.board_id = :board AND (l.school_id = ANY(CAST(:ids AS bigint[]))"
            + " OR (l.school_id IS NULL AND :anywhere))";
    /**
     * An assignment is shown only when its target is in the reader's schools: a board-wide licence can be assigned
     * to assets and people of every school, and a coordinator sees only those of their own.
     */
    private static final String TARGET_VISIBLE = " (la.school_id = ANY(CAST(:ids AS bigint[]))"
            + " OR EXISTS (SELECT 1 FROM asset a WHERE a.id = la.asset_id AND a.school_id = ANY(CAST(:ids AS bigint[])))"
            + " OR EXISTS (SELECT 1 FROM person_school ps WHERE ps.person_id = la.person_id"
            + " AND ps.school_id = ANY(CAST(:ids AS bigint[]))))";
    private static final String FROM = """
             FROM licence l
            JOIN software sw ON sw.id = l.software_id
            LEFT JOIN school s ON s.id = l.school_id""";
    /**
     * The seats used by every licence of the board, each school's devices and people counted once: for filtering and
     * sorting on use. The rows themselves read {@code licence_seats_used}, which PostgreSQL evaluates for the rows of
     * the page only (after sort and limit).
     */
    private static final String USAGE = " LEFT JOIN licence_usage(:board) lu ON lu.licence_id = l.id";
    private static final String USED = "coalesce(lu.used, 0)";
    /** The columns of a licence row; {@code used} is computed per row unless the board's usage is joined. */
    private static final String ROW_COLUMNS = """
            SELECT l.id, l.school_id, s.name AS school_name, l.software_id, sw.name AS software_name, sw.category, l.name,
                   l.type, l.seats, licence_seats_used(l.id, l.type) AS used,
                   (SELECT count(*) FROM licence_assignment la WHERE la.licence_id = l.id) AS assignment_count,
                   l.cost, l.start_date, l.end_date, l.auto_renew,
                   EXISTS (SELECT 1 FROM licence_proof p WHERE p.licence_id = l.id) AS has_proof,
                   CASE WHEN l.end_date < :today THEN 'EXPIRED'
                        WHEN l.end_date <= :soon THEN 'RENEWAL_DUE'
                        WHEN l.start_date > :today THEN 'NOT_STARTED'
                        ELSE 'ACTIVE' END AS state,
                   l.version, l.supplier, l.order_reference, l.notes, l.created_at, l.updated_at""";
    /** The row columns when the board's usage is joined: the seats used are read from it. */
    private static final String ROW_COLUMNS_WITH_USAGE = ROW_COLUMNS.replace("licence_seats_used(l.id, l.type) AS used",
            USED + " AS used");
    private static final String ASSIGNMENT_SELECT = """
            SELECT la.id, la.licence_id, la.asset_id, a.tag AS asset_tag, a.name AS asset_name, la.person_id,
                   p.first_name || ' ' || p.last_name AS person_name, la.school_id, s.name AS school_name,
                   la.assigned_at, la.assigned_by_name
            FROM licence_assignment la
            LEFT JOIN asset a ON a.id = la.asset_id
            LEFT JOIN person p ON p.id = la.person_id
            LEFT JOIN school s ON s.id = la.school_id""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Inventory inventory;
    private final People people;
    private final ApplicationEventPublisher events;

    Licences(JdbcClient jdbc, AccessControl access, Inventory inventory, People people, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.inventory = inventory;
        this.people = people;
        this.events = events;
    }

    // ---- scope ----

    /** The schools whose licences the current user may see, for choosers. */
    public List<SchoolRef> readableSchools() {
        return access.visibleSchools(Permission.LICENCES_READ);
    }

    /** The schools for which the current user may register and change licences. */
    public List<SchoolRef> manageableSchools() {
        return access.visibleSchools(Permission.LICENCES_MANAGE);
    }

    /** Whether the current user may register and change board-wide licences (board admins). */
    public boolean canManageBoardWide() {
        return access.canForBoard(Permission.LICENCES_MANAGE);
    }

    public boolean canCreate() {
        return access.canAnywhere(Permission.LICENCES_MANAGE);
    }

    public boolean canManage(Long schoolId) {
        return schoolId == null ? canManageBoardWide() : access.can(Permission.LICENCES_MANAGE, schoolId);
    }

    // ---- lists ----

    /**
     * One page of the licences matching the filter, in the user's scope. A school filter outside the scope is 404,
     * like the school; an asset or person filter the user cannot see is 404 like the asset or person.
     */
    public Page<LicenceRow> list(LicenceFilter filter, PageQuery query) {
        access.requireAnywhere(Permission.LICENCES_READ);
        LocalDate today = today();
        StringBuilder where = new StringBuilder(" WHERE").append(VISIBLE);
        Map<String, Object> params = scope();
        if (filter.school() != null) {
            if (!access.can(Permission.LICENCES_READ, filter.school())) {
                throw new NotFoundException("school", filter.school());
            }
            where.append(" AND l.school_id = :school");
            params.put("school", filter.school());
        }
        if (Boolean.TRUE.equals(filter.board())) {
            where.append(" AND l.school_id IS NULL");
        }
        if (filter.software() != null) {
            where.append(" AND l.software_id = :software");
            params.put("software", filter.software());
        }
        if (filter.type() != null) {
            where.append(" AND l.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.expiring() != null) {
            where.append(" AND l.end_date BETWEEN :today AND :until");
            params.put("until", today.plusDays(filter.expiring()));
        }
        if (Boolean.TRUE.equals(filter.expired())) {
            where.append(" AND l.end_date < :today");
        }
        if (Boolean.TRUE.equals(filter.overUse())) {
            where.append(" AND l.seats IS NOT NULL AND " + USED + " > l.seats");
        }
        if (filter.assetId() != null) {
            AssetView asset = inventory.asset(filter.assetId());
            where.append(" AND EXISTS (SELECT 1 FROM licence_assignment la WHERE la.licence_id = l.id AND (la.asset_id = :asset"
                    + " OR (la.school_id = :assetSchool AND l.type <> 'PER_USER')))");
            params.put("asset", asset.id());
            params.put("assetSchool", asset.schoolId());
        }
        if (filter.personId() != null) {
            PersonView person = people.person(filter.personId());
            where.append(" AND EXISTS (SELECT 1 FROM licence_assignment la WHERE la.licence_id = l.id AND (la.person_id = :person"
                    + " OR (la.school_id = ANY(CAST(:personSchools AS bigint[])) AND l.type <> 'PER_DEVICE')))");
            params.put("person", person.id());
            params.put("personSchools", person.schoolIds().toArray(Long[]::new));
        }
        if (query.q() != null) {
            where.append(" AND lower(sw.name || ' ' || coalesce(l.name, '') || ' ' || coalesce(l.supplier, '') || ' '"
                    + " || coalesce(l.order_reference, '')) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        params.put("today", today);
        params.put("soon", today.plusDays(DEFAULT_RENEWAL_DAYS));
        boolean usage = Boolean.TRUE.equals(filter.overUse()) || "used".equals(query.sort());
        String from = FROM + (usage ? USAGE : "");
        long total = jdbc.sql("SELECT count(*)" + from + where).params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String software = "lower(sw.name)" + dir + ", lower(coalesce(l.name, ''))";
        String order = query.orderBy(Map.of(
                "software", software,
                "name", "lower(l.name)" + dir + " NULLS LAST, " + software,
                "type", "l.type" + dir + ", " + software,
                "school", "lower(s.name)" + dir + " NULLS FIRST, " + software,
                "seats", "l.seats" + dir + " NULLS LAST, " + software,
                "used", USED + dir + ", " + software,
                "cost", "l.cost" + dir + " NULLS LAST, " + software,
                "start", "l.start_date" + dir + " NULLS LAST, " + software,
                "end", "l.end_date" + dir + " NULLS LAST, " + software,
                "updated", "l.updated_at"), "software").replace(", id", ", l.id");
        List<LicenceRow> items = jdbc.sql((usage ? ROW_COLUMNS_WITH_USAGE : ROW_COLUMNS) + from + where + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query(Licences::row).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** The licences whose end or renewal date falls within the next {@code days} days, soonest first. */
    public Page<LicenceRow> renewals(Integer days, PageQuery query) {
        int window = days == null ? DEFAULT_RENEWAL_DAYS : days;
        if (window < 0 || window > MAX_RENEWAL_DAYS) {
            throw InvalidInputException.of("days", "licence.error.days", "must be between 0 and " + MAX_RENEWAL_DAYS,
                    MAX_RENEWAL_DAYS);
        }
        PageQuery sorted = query.sort() == null ? new PageQuery(query.page(), query.size(), "end", false, query.q()) : query;
        return list(LicenceFilter.expiringWithin(window), sorted);
    }

    /**
     * Per school the user may see (and for the board-wide licences): licences using more seats than owned, expired
     * licences still assigned, and renewals due within {@link #DEFAULT_RENEWAL_DAYS} days. One query.
     */
    public List<SchoolCompliance> compliance() {
        access.requireAnywhere(Permission.LICENCES_READ);
        LocalDate today = today();
        Map<String, Object> params = scope();
        params.put("today", today);
        params.put("soon", today.plusDays(DEFAULT_RENEWAL_DAYS));
        List<LicenceRow> rows = jdbc.sql(ROW_COLUMNS_WITH_USAGE + FROM + USAGE + " WHERE" + VISIBLE + """
                 AND ((l.seats IS NOT NULL AND coalesce(lu.used, 0) > l.seats)
                   OR (l.end_date < :today AND EXISTS (SELECT 1 FROM licence_assignment la WHERE la.licence_id = l.id))
                   OR l.end_date BETWEEN :today AND :soon)
                ORDER BY l.end_date NULLS LAST, lower(sw.name), l.id""").params(params).query(Licences::row).list();
        List<SchoolCompliance> result = new ArrayList<>();
        result.add(complianceOf(null, null, rows));
        for (SchoolRef school : readableSchools()) {
            result.add(complianceOf(school.id(), school.name(), rows));
        }
        return result;
    }

    private static SchoolCompliance complianceOf(Long schoolId, String name, List<LicenceRow> rows) {
        List<LicenceRow> mine = rows.stream().filter(r -> Objects.equals(r.schoolId(), schoolId)).toList();
        return new SchoolCompliance(schoolId, name, mine.stream().filter(LicenceRow::overUsed).toList(),
                mine.stream().filter(r -> r.state() == LicenceState.EXPIRED && r.assignments() > 0).toList(),
                mine.stream().filter(r -> r.state() == LicenceState.RENEWAL_DUE).toList());
    }

    // ---- one licence ----

    /** A licence the current user may see; 404 otherwise. */
    public LicenceView licence(long id) {
        Map<String, Object> params = scope();
        LocalDate today = today();
        params.put("today", today);
        params.put("soon", today.plusDays(DEFAULT_RENEWAL_DAYS));
        return jdbc.sql(ROW_COLUMNS + FROM + " WHERE l.id = :id AND" + VISIBLE).param("id", id).params(params)
                .query(this::view).optional().orElseThrow(() -> new NotFoundException("licence", id));
    }

    @Transactional
    public long create(LicenceForm form) {
        access.requireAnywhere(Permission.LICENCES_MANAGE);
        Long schoolId = form.schoolId();
        if (schoolId == null) {
            if (!canManageBoardWide()) {
                throw InvalidInputException.of("schoolId", "licence.error.school.required",
                        "is required; board-wide licences (without a school) are registered by a board admin");
            }
        } else {
            if (!access.can(Permission.LICENCES_READ, schoolId)) {
                throw InvalidInputException.of("schoolId", "error.reference", "does not exist");
            }
            access.require(Permission.LICENCES_MANAGE, schoolId);
        }
        List<FieldProblem> problems = new ArrayList<>();
        String software = check(form, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return insert(boardId(), form, software);
    }

    /** Stores a checked licence; also for the demo data, before anyone signs in. */
    long insert(long boardId, LicenceForm form, String softwareName) {
        long id = jdbc.sql("""
                INSERT INTO licence (board_id, school_id, software_id, name, type, seats, cost, start_date, end_date,
                                     auto_renew, supplier, order_reference, notes)
                VALUES (:board, :school, :software, :name, :type, :seats, :cost, :start, :end, :autoRenew, :supplier,
                        :orderReference, :notes) RETURNING id""")
                .param("board", boardId).param("school", form.schoolId()).params(columns(form)).query(Long.class).single();
        publish(id, boardId, form.schoolId(), RecordChanged.CREATED, label(softwareName, form.name()), Map.of(),
                snapshot(form, softwareName));
        return id;
    }

    @Transactional
    public void update(long id, LicenceForm form) {
        LicenceView before = licence(id);
        requireManage(before);
        List<FieldProblem> problems = new ArrayList<>();
        if (form.schoolId() != null && !form.schoolId().equals(before.schoolId())) {
            problems.add(new FieldProblem("schoolId", "licence.error.school.fixed", "cannot be changed"));
        }
        String software = check(form, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n = jdbc.sql("""
                UPDATE licence SET software_id = :software, name = :name, type = :type, seats = :seats, cost = :cost,
                       start_date = :start, end_date = :end, auto_renew = :autoRenew, supplier = :supplier,
                       order_reference = :orderReference, notes = :notes, version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version""")
                .params(columns(form)).param("id", id)
                .param("version", form.version() == null ? before.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion("licence", id);
        }
        publish(id, boardId(), before.schoolId(), RecordChanged.UPDATED, label(software, form.name()), snapshot(before),
                snapshot(form, software));
    }

    /** Deletes a licence with its assignments and proof of purchase. */
    @Transactional
    public void delete(long id) {
        LicenceView before = licence(id);
        requireManage(before);
        jdbc.sql("DELETE FROM licence WHERE id = ?").param(id).update();
        Map<String, Object> gone = snapshot(before);
        gone.put("assignments", before.assignments());
        publish(id, boardId(), before.schoolId(), RecordChanged.DELETED, before.title(), gone, Map.of());
    }

    /**
     * The rules bean validation cannot see: the software exists in the board, seats per type, the cost as an amount
     * in euros, and the dates in order. Returns the software's name.
     */
    private String check(LicenceForm form, List<FieldProblem> problems) {
        String software = null;
        if (form.softwareId() == null) {
            problems.add(new FieldProblem("softwareId", "error.required", "is required"));
        } else {
            software = jdbc.sql("SELECT name FROM software WHERE id = ? AND board_id = ?").params(form.softwareId(), boardId())
                    .query(String.class).optional().orElse(null);
            if (software == null) {
                problems.add(new FieldProblem("softwareId", "error.reference", "does not exist"));
            }
        }
        if (form.type() == null) {
            problems.add(new FieldProblem("type", "error.required", "is required"));
        }
        Integer seats = form.seats();
        if (seats == null) {
            if (form.type() != null && !form.type().unlimitedAllowed()) {
                problems.add(new FieldProblem("seats", "licence.error.seats.required",
                        "is required for this type (only site and free/open licences may be unlimited)"));
            }
        } else if (seats < 1 || seats > MAX_SEATS) {
            problems.add(new FieldProblem("seats", "licence.error.seats.range", "must be between 1 and " + MAX_SEATS, MAX_SEATS));
        }
        BigDecimal cost = form.cost();
        if (cost != null) {
            if (cost.signum() < 0) {
                problems.add(new FieldProblem("cost", "licence.error.cost.negative", "must not be negative"));
            } else if (cost.stripTrailingZeros().scale() > 2 || cost.compareTo(MAX_COST) >= 0) {
                problems.add(new FieldProblem("cost", "licence.error.cost.format",
                        "must be an amount in euros with at most 2 decimals, below 10,000,000,000"));
            }
        }
        if (form.startDate() != null && form.endDate() != null && form.endDate().isBefore(form.startDate())) {
            problems.add(new FieldProblem("endDate", "licence.error.endBeforeStart", "lies before the start date"));
        }
        return software;
    }

    private Map<String, Object> columns(LicenceForm form) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("software", form.softwareId());
        p.put("name", blank(form.name()));
        p.put("type", form.type().name());
        p.put("seats", form.seats());
        p.put("cost", form.cost() == null ? null : form.cost().setScale(2, RoundingMode.UNNECESSARY));
        p.put("start", form.startDate());
        p.put("end", form.endDate());
        p.put("autoRenew", Boolean.TRUE.equals(form.autoRenew()));
        p.put("supplier", blank(form.supplier()));
        p.put("orderReference", blank(form.orderReference()));
        p.put("notes", blank(form.notes()));
        return p;
    }

    // ---- assignments ----

    /** The assignments of a licence whose targets the user may see, newest first. */
    public List<AssignmentView> assignments(long licenceId) {
        licence(licenceId);
        return jdbc.sql(ASSIGNMENT_SELECT + " WHERE la.licence_id = :licence AND" + TARGET_VISIBLE
                        + " ORDER BY la.assigned_at DESC, la.id DESC")
                .param("licence", licenceId).param("ids", access.schoolArray(Permission.LICENCES_READ))
                .query(Licences::assignmentRow).list();
    }

    /** One assignment of a licence; 404 when the licence or the target is outside the user's scope. */
    public AssignmentView assignment(long licenceId, long assignmentId) {
        licence(licenceId);
        return jdbc.sql(ASSIGNMENT_SELECT + " WHERE la.licence_id = :licence AND la.id = :id AND" + TARGET_VISIBLE)
                .param("licence", licenceId).param("id", assignmentId)
                .param("ids", access.schoolArray(Permission.LICENCES_READ))
                .query(Licences::assignmentRow).optional().orElseThrow(() -> new NotFoundException("assignment", assignmentId));
    }

    /**
     * Assigns a licence to exactly one asset, person or whole school. The asset or person must belong to the
     * licence's school (any school of the board for a board-wide licence), a school must be the licence's own;
     * anything else is 400 on the field given. Over-use is allowed (it is what the coordinator finds) and shown.
     */
    @Transactional
    public long assign(long licenceId, AssignmentForm form) {
        LicenceView licence = licence(licenceId);
        requireManage(licence);
        List<String> given = new ArrayList<>();
        if (form.assetId() != null) given.add("assetId");
        if (form.personId() != null) given.add("personId");
        if (form.schoolId() != null) given.add("schoolId");
        if (given.size() != 1) {
            List<String> fields = given.isEmpty() ? List.of("assetId", "personId", "schoolId") : given;
            throw new InvalidInputException(fields.stream().map(f -> new FieldProblem(f, "licence.error.assignment.target",
                    "give exactly one of assetId, personId and schoolId")).toList());
        }
        String label;
        String field = given.get(0);
        if (form.assetId() != null) {
            AssetView asset = visibleAsset(form.assetId()).orElseThrow(() -> reference("assetId"));
            requireSameSchool(licence, "assetId", List.of(asset.schoolId()));
            label = "asset " + asset.tag();
        } else if (form.personId() != null) {
            PersonView person = visiblePerson(form.personId()).orElseThrow(() -> reference("personId"));
            requireSameSchool(licence, "personId", person.schoolIds());
            label = "person " + person.fullName();
        } else {
            SchoolRef school = readableSchools().stream().filter(s -> s.id() == form.schoolId()).findFirst()
                    .orElseThrow(() -> reference("schoolId"));
            requireSameSchool(licence, "schoolId", List.of(school.id()));
            label = "school " + school.name();
        }
        var user = access.current();
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO licence_assignment (licence_id, asset_id, person_id, school_id, assigned_by, assigned_by_name)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(licenceId, form.assetId(), form.personId(), form.schoolId(), user.id(), user.displayName())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of(field, "licence.error.assignment.duplicate", "is already assigned to this licence");
        }
        touch(licenceId);
        publish(licenceId, boardId(), licence.schoolId(), RecordChanged.UPDATED, licence.title(), mapOf("assigned", null),
                mapOf("assigned", label));
        return id;
    }

    @Transactional
    public void unassign(long licenceId, long assignmentId) {
        LicenceView licence = licence(licenceId);
        AssignmentView a = assignment(licenceId, assignmentId);
        requireManage(licence);
        jdbc.sql("DELETE FROM licence_assignment WHERE id = ?").param(assignmentId).update();
        touch(licenceId);
        String label = switch (a.target()) {
            case ASSET -> "asset " + a.assetTag();
            case PERSON -> "person " + a.personName();
            case SCHOOL -> "school " + a.schoolName();
        };
        publish(licenceId, boardId(), licence.schoolId(), RecordChanged.UPDATED, licence.title(), mapOf("assigned", label),
                mapOf("assigned", null));
    }

    private void requireSameSchool(LicenceView licence, String field, List<Long> targetSchools) {
        if (licence.schoolId() != null && !targetSchools.contains(licence.schoolId())) {
            throw InvalidInputException.of(field, "licence.error.assignment.otherSchool",
                    "belongs to another school than the licence");
        }
    }

    private Optional<AssetView> visibleAsset(long id) {
        try {
            return Optional.of(inventory.asset(id));
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

    private static InvalidInputException reference(String field) {
        return InvalidInputException.of(field, "error.reference", "does not exist");
    }

    /** Assets of the licence's school (any school in scope for a board-wide one) matching q, for the chooser. */
    public List<TargetOption> assetOptions(long licenceId, String q) {
        LicenceView licence = licence(licenceId);
        requireManage(licence);
        try {
            AssetFilter filter = AssetFilter.none().withSchool(licence.schoolId());
            return inventory.assets(filter, PageQuery.of(0, 20, "tag", q)).items().stream()
                    .map(a -> new TargetOption(a.id(), Stream.of(a.tag(), a.name(),
                                    a.modelName() == null ? null : a.manufacturerName() + " " + a.modelName(),
                                    licence.schoolId() == null ? a.schoolName() : null)
                            .filter(Objects::nonNull).reduce((x, y) -> x + " · " + y).orElse(a.tag())))
                    .toList();
        } catch (AccessDeniedException | NotFoundException e) {
            return List.of();
        }
    }

    /** People of the licence's school (any school in scope for a board-wide one) whose name contains q. */
    public List<TargetOption> personOptions(long licenceId, String q) {
        LicenceView licence = licence(licenceId);
        requireManage(licence);
        try {
            return people.list(PageQuery.of(0, 20, "name", q), new PersonFilter(null, licence.schoolId(), null)).items()
                    .stream().map(p -> new TargetOption(p.id(), p.className() == null ? p.fullName()
                            : p.fullName() + " (" + p.className() + ")"))
                    .toList();
        } catch (AccessDeniedException e) {
            return List.of();
        }
    }

    /** The schools a licence can be assigned to as a whole: its own, or every school in scope for a board-wide one. */
    public List<SchoolRef> schoolOptions(LicenceView licence) {
        return readableSchools().stream().filter(s -> licence.schoolId() == null || s.id() == licence.schoolId()).toList();
    }

    // ---- the other side: an asset's and a person's licences ----

    /**
     * The licences the user may see that cover an asset: assigned to it, or to its whole school (not per-user
     * licences). 404 when the asset is not visible.
     */
    public List<LinkedLicence> forAsset(long assetId) {
        AssetView asset = inventory.asset(assetId);
        if (!access.canAnywhere(Permission.LICENCES_READ)) {
            return List.of();
        }
        return linked("(la.asset_id = :target OR (la.school_id = :targetSchools AND l.type <> 'PER_USER'))",
                Map.of("target", asset.id(), "targetSchools", asset.schoolId()), "la.asset_id IS NULL");
    }

    /**
     * The licences the user may see that cover a person: assigned to them, or to one of their schools as a whole
     * (not per-device licences). 404 when the person is not visible.
     */
    public List<LinkedLicence> forPerson(long personId) {
        PersonView person = people.person(personId);
        if (!access.canAnywhere(Permission.LICENCES_READ)) {
            return List.of();
        }
        return linked("(la.person_id = :target OR (la.school_id = ANY(CAST(:targetSchools AS bigint[])) AND l.type <> 'PER_DEVICE'))",
                Map.of("target", person.id(), "targetSchools", person.schoolIds().toArray(Long[]::new)), "la.person_id IS NULL");
    }

    private List<LinkedLicence> linked(String condition, Map<String, Object> target, String viaSchool) {
        Map<String, Object> params = scope();
        LocalDate today = today();
        params.put("today", today);
        params.put("soon", today.plusDays(DEFAULT_RENEWAL_DAYS));
        params.putAll(target);
        // a school's device or person is covered by every licence of the school: read the seats from the board's usage
        return jdbc.sql(ROW_COLUMNS_WITH_USAGE + ", la.id AS assignment_id, (" + viaSchool + ") AS via_school" + FROM + USAGE
                        + " JOIN licence_assignment la ON la.licence_id = l.id WHERE" + VISIBLE + " AND " + condition
                        + " ORDER BY lower(sw.name), l.id, la.id")
                .params(params)
                .query((rs, n) -> new LinkedLicence(row(rs, n), rs.getLong("assignment_id"), rs.getBoolean("via_school")))
                .list();
    }

    // ---- proof of purchase ----

    public Optional<ProofView> proofInfo(long licenceId) {
        licence(licenceId);
        return jdbc.sql("SELECT file_name, content_type, size_bytes, uploaded_by_name, uploaded_at FROM licence_proof WHERE licence_id = ?")
                .param(licenceId).query(Licences::proofRow).optional();
    }

    public ProofFile proof(long licenceId) {
        licence(licenceId);
        return jdbc.sql("SELECT file_name, content_type, bytes FROM licence_proof WHERE licence_id = ?").param(licenceId)
                .query((rs, n) -> new ProofFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFoundException("proof", licenceId));
    }

    /**
     * Attaches (or replaces) the proof of purchase: a PDF, PNG or JPEG of at most 10 MB, judged by its content, never
     * by its name or declared type; anything else is 400 on field {@code file}.
     */
    @Transactional
    public ProofView attachProof(long licenceId, String fileName, byte[] bytes) {
        LicenceView licence = licence(licenceId);
        requireManage(licence);
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "licence.error.file.empty", "is empty");
        }
        if (bytes.length > MAX_PROOF_BYTES) {
            throw InvalidInputException.of("file", "licence.error.file.tooLarge", "is larger than 10 MB", 10);
        }
        String type = ProofFiles.detect(bytes).orElseThrow(() -> InvalidInputException.of("file", "licence.error.file.type",
                "is not a PDF document or a PNG or JPEG image (judged by its content, not its name)"));
        String name = ProofFiles.safeName(fileName, type);
        var user = access.current();
        jdbc.sql("""
                INSERT INTO licence_proof (licence_id, file_name, content_type, size_bytes, sha256, bytes, uploaded_by,
                                           uploaded_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (licence_id) DO UPDATE SET file_name = EXCLUDED.file_name, content_type = EXCLUDED.content_type,
                    size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256, bytes = EXCLUDED.bytes,
                    uploaded_by = EXCLUDED.uploaded_by, uploaded_by_name = EXCLUDED.uploaded_by_name, uploaded_at = now()""")
                .params(licenceId, name, type, bytes.length, sha256(bytes), bytes, user.id(), user.displayName()).update();
        touch(licenceId);
        publish(licenceId, boardId(), licence.schoolId(), RecordChanged.UPDATED, licence.title(),
                mapOf("proof", licence.proof() == null ? null : licence.proof().fileName()), mapOf("proof", name));
        return proofInfo(licenceId).orElseThrow();
    }

    @Transactional
    public void removeProof(long licenceId) {
        LicenceView licence = licence(licenceId);
        requireManage(licence);
        if (licence.proof() == null) {
            throw new NotFoundException("proof", licenceId);
        }
        jdbc.sql("DELETE FROM licence_proof WHERE licence_id = ?").param(licenceId).update();
        touch(licenceId);
        publish(licenceId, boardId(), licence.schoolId(), RecordChanged.UPDATED, licence.title(),
                mapOf("proof", licence.proof().fileName()), mapOf("proof", null));
    }

    // ---- helpers ----

    private void requireManage(LicenceView licence) {
        if (!canManage(licence.schoolId())) {
            throw new AccessDeniedException("no LICENCES_MANAGE for licence " + licence.id());
        }
    }

    /** Assignments and proof are part of the licence: they move its version, so an open edit form sees the change. */
    private void touch(long licenceId) {
        jdbc.sql("UPDATE licence SET version = version + 1, updated_at = now() WHERE id = ?").param(licenceId).update();
    }

    private Map<String, Object> scope() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("board", boardId());
        p.put("ids", access.schoolArray(Permission.LICENCES_READ));
        p.put("anywhere", access.canAnywhere(Permission.LICENCES_READ));
        return p;
    }

    private long boardId() {
        return access.current().boardId();
    }

    private static LocalDate today() {
        return LocalDate.now(Formats.ZONE);
    }

    private void publish(long id, long boardId, Long schoolId, String action, String label, Map<String, ?> before,
            Map<String, ?> after) {
        events.publishEvent(new RecordChanged("licence", id, boardId, schoolId, action, label, RecordChanged.diff(before, after)));
    }

    private static String label(String software, String name) {
        return blank(name) == null ? software : software + " – " + blank(name);
    }

    private static Map<String, Object> snapshot(LicenceForm f, String softwareName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("software", softwareName);
        m.put("name", blank(f.name()));
        m.put("type", f.type());
        m.put("seats", f.seats());
        m.put("cost", f.cost() == null ? null : f.cost().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        m.put("startDate", f.startDate());
        m.put("endDate", f.endDate());
        m.put("autoRenew", Boolean.TRUE.equals(f.autoRenew()));
        m.put("supplier", blank(f.supplier()));
        m.put("orderReference", blank(f.orderReference()));
        m.put("notes", blank(f.notes()));
        return m;
    }

    private static Map<String, Object> snapshot(LicenceView l) {
        return snapshot(new LicenceForm(l.softwareId(), l.schoolId(), l.name(), l.type(), l.seats(), l.cost(), l.startDate(),
                l.endDate(), l.autoRenew(), l.supplier(), l.orderReference(), l.notes(), null), l.softwareName());
    }

    private static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static LicenceRow row(ResultSet rs, int n) throws SQLException {
        return new LicenceRow(rs.getLong("id"), (Long) rs.getObject("school_id"), rs.getString("school_name"),
                rs.getLong("software_id"), rs.getString("software_name"), SoftwareCategory.valueOf(rs.getString("category")),
                rs.getString("name"), LicenceType.valueOf(rs.getString("type")), (Integer) rs.getObject("seats"),
                rs.getLong("used"), overUsed(rs), rs.getLong("assignment_count"), rs.getBigDecimal("cost"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getBoolean("auto_renew"), rs.getBoolean("has_proof"), LicenceState.valueOf(rs.getString("state")),
                rs.getInt("version"));
    }

    private LicenceView view(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        ProofView proof = rs.getBoolean("has_proof")
                ? jdbc.sql("SELECT file_name, content_type, size_bytes, uploaded_by_name, uploaded_at FROM licence_proof WHERE licence_id = ?")
                        .param(id).query(Licences::proofRow).optional().orElse(null)
                : null;
        return new LicenceView(id, (Long) rs.getObject("school_id"), rs.getString("school_name"), rs.getLong("software_id"),
                rs.getString("software_name"), SoftwareCategory.valueOf(rs.getString("category")), rs.getString("name"),
                LicenceType.valueOf(rs.getString("type")), (Integer) rs.getObject("seats"), rs.getLong("used"),
                overUsed(rs), rs.getLong("assignment_count"), rs.getBigDecimal("cost"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getBoolean("auto_renew"), rs.getString("supplier"), rs.getString("order_reference"), rs.getString("notes"),
                proof, LicenceState.valueOf(rs.getString("state")), rs.getInt("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    /** More seats used than owned; never for an unlimited licence. */
    private static boolean overUsed(ResultSet rs) throws SQLException {
        Integer seats = (Integer) rs.getObject("seats");
        return seats != null && rs.getLong("used") > seats;
    }

    private static ProofView proofRow(ResultSet rs, int n) throws SQLException {
        return new ProofView(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getTimestamp(5).toInstant());
    }

    private static AssignmentView assignmentRow(ResultSet rs, int n) throws SQLException {
        Long asset = (Long) rs.getObject("asset_id");
        Long person = (Long) rs.getObject("person_id");
        AssignmentTarget target = asset != null ? AssignmentTarget.ASSET : person != null ? AssignmentTarget.PERSON
                : AssignmentTarget.SCHOOL;
        return new AssignmentView(rs.getLong("id"), rs.getLong("licence_id"), target, asset, rs.getString("asset_tag"),
                rs.getString("asset_name"), person, rs.getString("person_name"), (Long) rs.getObject("school_id"),
                rs.getString("school_name"), rs.getTimestamp("assigned_at").toInstant(), rs.getString("assigned_by_name"));
    }
}
