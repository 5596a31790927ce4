package be.coordinaat.inventory;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.inventory.Views.AssetView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.web.Formats;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loans of devices to pupils and staff: check-out (only from IN_STOCK, to a person of the asset's school, with
 * accessories and an expected return), check-in (with condition and damage notes; a damaged device goes into repair),
 * the open and overdue loans, the history per asset and per person, bulk check-out of a set of devices to a class and
 * the signed-in user's own loans. Reads are limited in SQL to the schools with INVENTORY_READ (404 outside them, also
 * for guessed ids); writes need INVENTORY_MANAGE and are recorded in the history (record type {@code loan}); the
 * asset's status goes through {@link Inventory#lendOut} and {@link Inventory#returnFromLoan}.
 */
@Service
@Transactional(readOnly = true)
public class Loans {

    /** The accessories handed out with a device. */
    public enum Accessory { CHARGER, CASE, STYLUS, MOUSE }

    /** The condition of a device when it comes back. */
    public enum Condition { GOOD, WORN, DAMAGED, MISSING_PARTS }

    /** A loan, with the names of what it refers to. {@code overdue}: open and the expected return lies before today. */
    public record LoanView(long id, long schoolId, String schoolName, long assetId, String assetTag, AssetKind assetKind,
            String modelName, String serial, long personId, String personName, String personKind, String className,
            List<Accessory> accessories, String accessoriesOther, Instant checkedOutAt, String checkedOutBy,
            LocalDate expectedReturn, String notes, Instant returnedAt, String returnedBy, Condition condition,
            String damageNotes, List<Accessory> accessoriesReturned, int version, boolean open, boolean overdue) {}

    /** A check-out. {@code expectedReturn} is today or later. */
    public record CheckOutForm(@NotNull Long assetId, @NotNull Long personId, List<Accessory> accessories,
            @Size(max = 200) String accessoriesOther,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedReturn,
            @Size(max = 2000) String notes) {}

    /** A check-in. Damage notes are required when the device comes back damaged. */
    public record CheckInForm(@NotNull Condition condition, @Size(max = 2000) String damageNotes,
            List<Accessory> accessoriesReturned, Integer version) {}

    /**
     * A bulk check-out of devices to the pupils of a class of one school: the devices are those in a charging cart
     * (in stock or in use, not on loan), the IN_STOCK laptops, Chromebooks and tablets in a room, or the listed tags
     * (separated by spaces, commas or new lines); they are assigned to the pupils in name order, devices by tag.
     */
    public record BulkForm(@NotNull Long schoolId, Long roomId, @Size(max = 4000) String tags,
            @NotBlank @Size(max = 30) String className,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedReturn,
            List<Accessory> accessories, @Size(max = 2000) String notes, Long cartId) {}

    /** One row of a bulk check-out: a pupil and the device they get, or the problem. */
    public record BulkRow(int row, Long personId, String personName, Long assetId, String assetTag, String problem) {}

    /** The bulk check-out: its rows and, when done, the ids of the loans. */
    public record BulkResult(boolean preview, List<BulkRow> rows, List<Long> loanIds) {
        public boolean ok() {
            return rows.stream().allMatch(r -> r.problem() == null);
        }
    }

    /** The filter of the loan list. {@code open}: only open loans (default), {@code overdue}: only overdue ones. */
    public record LoanFilter(Long school, Boolean open, Boolean overdue, String className, Long person, Long asset) {
        public static LoanFilter openLoans() {
            return new LoanFilter(null, true, false, null, null, null);
        }
    }

    public record PersonChoice(long id, String name, String className) {}

    private static final Map<String, String> SORT = Map.of("expectedReturn", "l.expected_return", "checkedOut",
            "l.checked_out_at", "borrower", "lower(p.last_name || ' ' || p.first_name)", "tag", "lower(a.tag)",
            "className", "p.class_name", "school", "s.name", "returned", "l.returned_at");

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Inventory inventory;
    private final ApplicationEventPublisher events;

    Loans(JdbcClient jdbc, AccessControl access, Inventory inventory, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.inventory = inventory;
        this.events = events;
    }

    public List<SchoolRef> readableSchools() {
        return access.visibleSchools(Permission.INVENTORY_READ);
    }

    public List<SchoolRef> manageableSchools() {
        return access.visibleSchools(Permission.INVENTORY_MANAGE);
    }

    public boolean canManage(long schoolId) {
        return access.can(Permission.INVENTORY_MANAGE, schoolId);
    }

    public boolean canRead() {
        return access.canAnywhere(Permission.INVENTORY_READ);
    }

    // ---- reads ----

    /** One page of the loans matching the filter in the schools the user may see (a school outside them is 404). */
    public Page<LoanView> loans(LoanFilter filter, PageQuery query) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        if (filter.school() != null && !access.can(Permission.INVENTORY_READ, filter.school())) {
            throw new NotFoundException("school", filter.school());
        }
        StringBuilder where = new StringBuilder(" WHERE l.school_id = ANY(CAST(:ids AS bigint[]))");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", access.schoolArray(Permission.INVENTORY_READ));
        params.put("today", today());
        if (filter.school() != null) {
            where.append(" AND l.school_id = :school");
            params.put("school", filter.school());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.append(" AND l.returned_at IS NULL AND l.expected_return < :today");
        } else if (!Boolean.FALSE.equals(filter.open())) {
            where.append(" AND l.returned_at IS NULL");
        }
        if (filter.className() != null && !filter.className().isBlank()) {
            where.append(" AND lower(p.class_name) = lower(:className)");
            params.put("className", filter.className().strip());
        }
        if (filter.person() != null) {
            where.append(" AND l.person_id = :person");
            params.put("person", filter.person());
        }
        if (filter.asset() != null) {
            where.append(" AND l.asset_id = :asset");
            params.put("asset", filter.asset());
        }
        if (query.q() != null) {
            where.append(" AND (lower(p.first_name || ' ' || p.last_name) LIKE :q ESCAPE '\\' OR lower(a.tag) LIKE :q ESCAPE '\\'"
                    + " OR lower(coalesce(a.serial, '')) LIKE :q ESCAPE '\\')");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) " + FROM + where).params(params).query(Long.class).single();
        String order = query.orderBy(SORT, "expectedReturn").replace(", id", ", l.id");
        List<LoanView> items = jdbc.sql(SELECT + FROM + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", query.size()).param("offset", query.offset()).query(ROW).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** A loan in a school the user may see; 404 otherwise. */
    public LoanView loan(long id) {
        return jdbc.sql(SELECT + FROM + " WHERE l.id = :id AND l.school_id = ANY(CAST(:ids AS bigint[]))")
                .param("id", id).param("ids", access.schoolArray(Permission.INVENTORY_READ)).param("today", today())
                .query(ROW).optional().orElseThrow(() -> new NotFoundException("loan", id));
    }

    /** Every loan of an asset the user may see, newest first. */
    public List<LoanView> ofAsset(long assetId) {
        inventory.asset(assetId);
        return jdbc.sql(SELECT + FROM + " WHERE l.asset_id = :asset ORDER BY l.checked_out_at DESC, l.id DESC")
                .param("asset", assetId).param("today", today()).query(ROW).list();
    }

    /** Every loan of a person in the schools the user may see, newest first. */
    public List<LoanView> ofPerson(long personId) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        return jdbc.sql(SELECT + FROM + " WHERE l.person_id = :person AND l.school_id = ANY(CAST(:ids AS bigint[]))"
                        + " ORDER BY l.returned_at IS NULL DESC, l.checked_out_at DESC, l.id DESC")
                .param("person", personId).param("ids", access.schoolArray(Permission.INVENTORY_READ))
                .param("today", today()).query(ROW).list();
    }

    /** The signed-in user's own loans (through the person linked to the account), open first; none without a person. */
    public List<LoanView> mine() {
        Long personId = access.current().personId();
        if (personId == null) {
            return List.of();
        }
        return jdbc.sql(SELECT + FROM + " WHERE l.person_id = :person AND s.board_id = :board"
                        + " ORDER BY l.returned_at IS NULL DESC, l.checked_out_at DESC, l.id DESC")
                .param("person", personId).param("board", access.current().boardId()).param("today", today())
                .query(ROW).list();
    }

    /** Staff and pupils of a school, for the borrower chooser. */
    public List<PersonChoice> people(long schoolId) {
        if (!access.can(Permission.INVENTORY_READ, schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        access.require(Permission.INVENTORY_MANAGE, schoolId);
        return jdbc.sql("""
                SELECT p.id, p.last_name || ' ' || p.first_name, p.class_name
                FROM person p JOIN person_school ps ON ps.person_id = p.id AND ps.school_id = ?
                ORDER BY p.kind DESC, p.class_name NULLS FIRST, lower(p.last_name), lower(p.first_name), p.id LIMIT 2000""")
                .param(schoolId).query((rs, n) -> new PersonChoice(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The classes of the pupils of a school, for the bulk check-out and the list filter. */
    public List<String> classes(long schoolId) {
        if (!access.can(Permission.INVENTORY_READ, schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        return jdbc.sql("""
                SELECT DISTINCT p.class_name FROM person p JOIN person_school ps ON ps.person_id = p.id AND ps.school_id = ?
                WHERE p.kind = 'PUPIL' AND p.class_name IS NOT NULL ORDER BY 1""").param(schoolId).query(String.class).list();
    }

    // ---- check-out and check-in ----

    @Transactional
    public long checkOut(CheckOutForm form) {
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
        if (form.assetId() == null) {
            throw InvalidInputException.of("assetId", "error.required", "is required");
        }
        AssetView asset = assetOrProblem(form.assetId());
        access.require(Permission.INVENTORY_MANAGE, asset.schoolId());
        List<FieldProblem> problems = new ArrayList<>();
        checkLendable(asset, problems);
        checkBorrower(form.personId(), asset.schoolId(), problems);
        checkExpectedReturn(form.expectedReturn(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return lend(asset, form);
    }

    private AssetView assetOrProblem(long assetId) {
        try {
            return inventory.asset(assetId);
        } catch (NotFoundException e) {
            throw InvalidInputException.of("assetId", "error.reference", "does not exist");
        }
    }

    private void checkLendable(AssetView asset, List<FieldProblem> problems) {
        if (asset.status() == AssetStatus.ON_LOAN || openLoanOf(asset.id())) {
            problems.add(new FieldProblem("assetId", "loan.error.onLoan", "is already on loan", asset.tag()));
        } else if (asset.status() != AssetStatus.IN_STOCK) {
            problems.add(new FieldProblem("assetId", "loan.error.notInStock", "is not in stock (status " + asset.status() + ")",
                    asset.tag(), asset.status()));
        }
    }

    private void checkBorrower(Long personId, long schoolId, List<FieldProblem> problems) {
        if (personId == null) {
            problems.add(new FieldProblem("personId", "error.required", "is required"));
        } else if (jdbc.sql("SELECT count(*) FROM person_school WHERE person_id = ? AND school_id = ?")
                .params(personId, schoolId).query(Long.class).single() == 0) {
            problems.add(new FieldProblem("personId", "loan.error.borrower", "is not a person of the asset's school"));
        }
    }

    private static void checkExpectedReturn(LocalDate expected, List<FieldProblem> problems) {
        if (expected == null) {
            problems.add(new FieldProblem("expectedReturn", "error.required", "is required"));
        } else if (expected.isBefore(today())) {
            problems.add(new FieldProblem("expectedReturn", "loan.error.expectedReturn", "must be today or later"));
        } else if (expected.isAfter(today().plusYears(10))) {
            problems.add(new FieldProblem("expectedReturn", "loan.error.expectedReturnFar", "must lie within 10 years"));
        }
    }

    private boolean openLoanOf(long assetId) {
        return jdbc.sql("SELECT count(*) FROM loan WHERE asset_id = ? AND returned_at IS NULL").param(assetId)
                .query(Long.class).single() > 0;
    }

    private long lend(AssetView asset, CheckOutForm form) {
        inventory.lendOut(asset.id());
        List<Accessory> accessories = form.accessories() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(form.accessories().stream().filter(a -> a != null).toList()));
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO loan (school_id, asset_id, person_id, accessories, accessories_other, checked_out_by,
                                      expected_return, notes)
                    VALUES (:school, :asset, :person, CAST(:accessories AS text[]), :other, :by, :expected, :notes)
                    RETURNING id""")
                    .param("school", asset.schoolId()).param("asset", asset.id()).param("person", form.personId())
                    .param("accessories", array(accessories)).param("other", blank(form.accessoriesOther()))
                    .param("by", access.actorName()).param("expected", form.expectedReturn())
                    .param("notes", blank(form.notes())).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("assetId", "loan.error.onLoan", "is already on loan", asset.tag());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("asset", asset.tag());
        after.put("borrower", personName(form.personId()));
        after.put("accessories", label(accessories, form.accessoriesOther()));
        after.put("expectedReturn", form.expectedReturn());
        after.put("notes", blank(form.notes()));
        publish(id, asset.schoolId(), RecordChanged.CREATED, asset.tag(), Map.of(), after);
        return id;
    }

    @Transactional
    public void checkIn(long id, CheckInForm form) {
        LoanView loan = loan(id);
        access.require(Permission.INVENTORY_MANAGE, loan.schoolId());
        if (!loan.open()) {
            throw new ConflictException("loan.error.returned", "the loan has already ended");
        }
        if (form.condition() == null) {
            throw InvalidInputException.of("condition", "error.required", "is required");
        }
        String damage = blank(form.damageNotes());
        if (damage == null && (form.condition() == Condition.DAMAGED || form.condition() == Condition.MISSING_PARTS)) {
            throw InvalidInputException.of("damageNotes", "loan.error.damageNotes", "describe the damage or the missing parts");
        }
        List<Accessory> back = form.accessoriesReturned() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(form.accessoriesReturned().stream().filter(a -> a != null).toList()));
        int n = jdbc.sql("""
                UPDATE loan SET returned_at = now(), returned_by = :by, condition = :condition, damage_notes = :damage,
                       accessories_returned = CAST(:back AS text[]), version = version + 1
                WHERE id = :id AND version = :version AND returned_at IS NULL""")
                .param("by", access.actorName()).param("condition", form.condition().name()).param("damage", damage)
                .param("back", array(back)).param("id", id)
                .param("version", form.version() == null ? loan.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion("loan", id);
        }
        inventory.returnFromLoan(loan.assetId(), form.condition() == Condition.DAMAGED ? AssetStatus.IN_REPAIR : AssetStatus.IN_STOCK);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("returned", "ja");
        after.put("condition", form.condition());
        after.put("damageNotes", damage);
        after.put("accessoriesReturned", label(back, null));
        publish(id, loan.schoolId(), RecordChanged.UPDATED, loan.assetTag(), Map.of(), after);
    }

    // ---- bulk ----

    /**
     * Lends the devices to the pupils of the class in name order, all in one transaction: when any row has a
     * problem nothing is lent and the problems are reported per row (field {@code rows[n]}). A preview only
     * reports the rows.
     */
    @Transactional
    public BulkResult bulk(BulkForm form, boolean preview) {
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
        if (form.schoolId() == null || !access.can(Permission.INVENTORY_READ, form.schoolId())) {
            throw InvalidInputException.of("schoolId", form.schoolId() == null ? "error.required" : "error.reference",
                    form.schoolId() == null ? "is required" : "does not exist");
        }
        long school = form.schoolId();
        access.require(Permission.INVENTORY_MANAGE, school);
        List<FieldProblem> problems = new ArrayList<>();
        checkExpectedReturn(form.expectedReturn(), problems);
        List<String> tags = form.tags() == null ? List.of()
                : Arrays.stream(form.tags().split("[\\s,;]+")).filter(t -> !t.isBlank()).distinct().toList();
        if (form.roomId() == null && tags.isEmpty() && form.cartId() == null) {
            problems.add(new FieldProblem("tags", "loan.error.bulk.devices",
                    "choose a charging cart or a room, or list the tags of the devices"));
        }
        if (form.cartId() != null && jdbc.sql("SELECT count(*) FROM asset WHERE id = ? AND school_id = ? AND kind = 'CHARGING_CART'")
                .params(form.cartId(), school).query(Long.class).single() == 0) {
            problems.add(new FieldProblem("cartId", "error.reference", "does not exist"));
        }
        if (form.roomId() != null && jdbc.sql("SELECT count(*) FROM room WHERE id = ? AND school_id = ?")
                .params(form.roomId(), school).query(Long.class).single() == 0) {
            problems.add(new FieldProblem("roomId", "error.reference", "does not exist"));
        }
        if (form.className() == null || form.className().isBlank()) {
            problems.add(new FieldProblem("className", "error.required", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        record Device(Long id, String tag, AssetStatus status) {}
        List<Device> devices = new ArrayList<>();
        if (form.cartId() != null) {
            devices.addAll(jdbc.sql("""
                    SELECT a.id, a.tag, a.status FROM asset a WHERE a.school_id = ? AND a.cart_id = ?
                      AND a.status IN ('IN_STOCK', 'IN_USE')
                      AND NOT EXISTS (SELECT 1 FROM loan l WHERE l.asset_id = a.id AND l.returned_at IS NULL)
                    ORDER BY lower(a.tag), a.id""")
                    .params(school, form.cartId())
                    .query((rs, n) -> new Device(rs.getLong(1), rs.getString(2), AssetStatus.valueOf(rs.getString(3)))).list());
        } else if (!tags.isEmpty()) {
            for (String tag : tags) {
                devices.add(jdbc.sql("SELECT id, tag, status FROM asset WHERE school_id = ? AND lower(tag) = lower(?)")
                        .params(school, tag).query((rs, n) -> new Device(rs.getLong(1), rs.getString(2),
                                AssetStatus.valueOf(rs.getString(3)))).optional().orElse(new Device(null, tag, null)));
            }
        } else {
            devices.addAll(jdbc.sql("""
                    SELECT id, tag, status FROM asset WHERE school_id = ? AND room_id = ? AND status = 'IN_STOCK'
                      AND kind IN ('CHROMEBOOK', 'LAPTOP', 'TABLET') ORDER BY lower(tag), id""")
                    .params(school, form.roomId())
                    .query((rs, n) -> new Device(rs.getLong(1), rs.getString(2), AssetStatus.valueOf(rs.getString(3)))).list());
        }
        record Pupil(long id, String name) {}
        List<Pupil> pupils = jdbc.sql("""
                SELECT p.id, p.last_name || ' ' || p.first_name FROM person p
                JOIN person_school ps ON ps.person_id = p.id AND ps.school_id = ?
                WHERE p.kind = 'PUPIL' AND lower(p.class_name) = lower(?)
                ORDER BY lower(p.last_name), lower(p.first_name), p.id""")
                .params(school, form.className().strip()).query((rs, n) -> new Pupil(rs.getLong(1), rs.getString(2))).list();
        if (pupils.isEmpty()) {
            throw InvalidInputException.of("className", "loan.error.bulk.noPupils", "has no pupils in this school");
        }
        List<BulkRow> rows = new ArrayList<>();
        // listed tags must all be lent; from a cart or a room, the pupils take what there is
        int count = Math.max(pupils.size(), tags.isEmpty() || form.cartId() != null ? pupils.size() : devices.size());
        for (int i = 0; i < count; i++) {
            Pupil p = i < pupils.size() ? pupils.get(i) : null;
            Device d = i < devices.size() ? devices.get(i) : null;
            String problem = null;
            if (d == null) {
                problem = "no device left for this pupil";
            } else if (d.id() == null) {
                problem = "tag " + d.tag() + " does not exist in this school";
            } else if (form.cartId() == null && d.status() != AssetStatus.IN_STOCK) {
                problem = "device " + d.tag() + " is not in stock (" + d.status() + ")";
            } else if (openLoanOf(d.id())) {
                problem = "device " + d.tag() + " is already on loan";
            } else if (p == null) {
                problem = "device " + d.tag() + " has no pupil left";
            }
            rows.add(new BulkRow(i + 1, p == null ? null : p.id(), p == null ? null : p.name(), d == null ? null : d.id(),
                    d == null ? null : d.tag(), problem));
        }
        BulkResult result = new BulkResult(true, rows, List.of());
        if (preview) {
            return result;
        }
        if (!result.ok()) {
            throw new InvalidInputException(rows.stream().filter(r -> r.problem() != null)
                    .map(r -> new FieldProblem("rows[" + r.row() + "]", "loan.error.bulk.row",
                            "row " + r.row() + " (" + (r.personName() == null ? "-" : r.personName()) + "): " + r.problem(),
                            r.row(), r.personName() == null ? "-" : r.personName(), r.problem()))
                    .toList());
        }
        List<Long> ids = new ArrayList<>();
        for (BulkRow r : rows) {
            AssetView asset = inventory.asset(r.assetId());
            ids.add(lend(asset, new CheckOutForm(r.assetId(), r.personId(), form.accessories(), null, form.expectedReturn(),
                    form.notes())));
        }
        return new BulkResult(false, rows, ids);
    }

    // ---- the agreement ----

    /** What the loan agreement shows. */
    public record AgreementData(LoanView loan, String schoolName, String schoolAddress, String institutionNumber,
            String boardName, String schoolEmail, String schoolPhone, String accessories, String checkedOutOn,
            String expectedReturn, String today) {}

    /** The data of a loan's agreement (404 outside the user's schools). */
    public AgreementData agreement(long id) {
        LoanView loan = loan(id);
        record School(String name, String address, String number, String board, String email, String phone) {}
        School s = jdbc.sql("""
                SELECT s.name, concat_ws(', ', s.street, nullif(concat_ws(' ', s.postal_code, s.city), '')), s.institution_number,
                       b.name, s.email, s.phone
                FROM school s JOIN board b ON b.id = s.board_id WHERE s.id = ?""").param(loan.schoolId())
                .query((rs, n) -> new School(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).single();
        Formats f = new Formats();
        return new AgreementData(loan, s.name(), s.address(), s.number(), s.board(), s.email(), s.phone(),
                dutchAccessories(loan), f.date(loan.checkedOutAt()), f.date(loan.expectedReturn()), f.date(today()));
    }

    private static String dutchAccessories(LoanView loan) {
        Map<Accessory, String> nl = Map.of(Accessory.CHARGER, "lader", Accessory.CASE, "beschermhoes", Accessory.STYLUS,
                "stylus", Accessory.MOUSE, "muis");
        List<String> parts = new ArrayList<>(loan.accessories().stream().map(nl::get).toList());
        if (loan.accessoriesOther() != null) {
            parts.add(loan.accessoriesOther());
        }
        return parts.isEmpty() ? "geen" : String.join(", ", parts);
    }

    // ---- helpers ----

    private String personName(long personId) {
        return jdbc.sql("SELECT first_name || ' ' || last_name FROM person WHERE id = ?").param(personId)
                .query(String.class).optional().orElse(null);
    }

    private static String label(List<Accessory> accessories, String other) {
        List<String> parts = new ArrayList<>(accessories.stream().map(Enum::name).toList());
        if (blank(other) != null) {
            parts.add(other.strip());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private void publish(long id, long schoolId, String action, String label, Map<String, ?> before, Map<String, ?> after) {
        events.publishEvent(new RecordChanged("loan", id, access.current().boardId(), schoolId, action, label,
                RecordChanged.diff(before, after)));
    }

    private static String array(List<Accessory> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
    }

    static LocalDate today() {
        return LocalDate.now(Formats.ZONE);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final String SELECT = """
            SELECT l.id, l.school_id, s.name AS school_name, l.asset_id, a.tag, a.kind, a.serial,
                   CASE WHEN m.id IS NULL THEN a.name ELSE f.name || ' ' || m.name END AS model_name,
                   l.person_id, p.first_name || ' ' || p.last_name AS person_name, p.kind AS person_kind, p.class_name,
                   l.accessories, l.accessories_other, l.checked_out_at, l.checked_out_by, l.expected_return, l.notes,
                   l.returned_at, l.returned_by, l.condition, l.damage_notes, l.accessories_returned, l.version,
                   (l.returned_at IS NULL AND l.expected_return < :today) AS overdue""";

    private static final String FROM = """
             FROM loan l
            JOIN school s ON s.id = l.school_id
            JOIN asset a ON a.id = l.asset_id
            JOIN person p ON p.id = l.person_id
            LEFT JOIN asset_model m ON m.id = a.model_id
            LEFT JOIN manufacturer f ON f.id = m.manufacturer_id""";

    private static List<Accessory> accessories(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((String[]) array.getArray()).map(Accessory::valueOf).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<LoanView> ROW = (rs, n) -> new LoanView(rs.getLong("id"), rs.getLong("school_id"),
            rs.getString("school_name"), rs.getLong("asset_id"), rs.getString("tag"), AssetKind.valueOf(rs.getString("kind")),
            rs.getString("model_name"), rs.getString("serial"), rs.getLong("person_id"), rs.getString("person_name"),
            rs.getString("person_kind"), rs.getString("class_name"), accessories(rs, "accessories"),
            rs.getString("accessories_other"), instant(rs, "checked_out_at"), rs.getString("checked_out_by"),
            rs.getObject("expected_return", LocalDate.class), rs.getString("notes"), instant(rs, "returned_at"),
            rs.getString("returned_by"), rs.getString("condition") == null ? null : Condition.valueOf(rs.getString("condition")),
            rs.getString("damage_notes"), accessories(rs, "accessories_returned"), rs.getInt("version"),
            rs.getTimestamp("returned_at") == null, rs.getBoolean("overdue"));

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
