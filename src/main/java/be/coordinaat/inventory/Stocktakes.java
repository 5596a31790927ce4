package be.coordinaat.inventory;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.inventory.Views.AssetView;
import be.coordinaat.inventory.label.AssetLinks;
import be.coordinaat.inventory.label.AssetLinks.ScanCode;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.web.Formats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stocktake room by room. A stocktake is opened for one room; it <em>expects</em> the assets located in that room
 * that are not retired or disposed. Each scanned or typed code (a tag, or a label's address) is <em>found</em> (an
 * expected asset), <em>unexpected</em> (an asset of the same school located elsewhere, which can be moved here) or an
 * <em>unknown</em> code (kept as text only; an asset of another school is unknown too, so nothing about it shows).
 * Finishing records the audit date ({@link Inventory#markAudited}) of the found and unexpected assets and marks the
 * chosen not-found assets as <em>missing</em>: their status stays (the life cycle has no "missing" and a lost asset
 * often turns up), but the stocktake keeps the flag and the asset's history records it, and as their last audit stays
 * old they remain on the "next audit due" list.
 *
 * <p>Reading needs INVENTORY_READ in the room's school, starting, scanning and finishing INVENTORY_MANAGE; anything
 * outside the user's schools answers 404, also for guessed ids.
 */
@Service
@Transactional(readOnly = true)
public class Stocktakes {

    public static final int MAX_CODE = 300;
    public static final int DEFAULT_MONTHS = 12;

    public enum Status { OPEN, FINISHED }

    public enum Outcome { FOUND, UNEXPECTED, UNKNOWN }

    /** A stocktake in a list. */
    public record StocktakeRow(long id, long schoolId, String schoolName, long roomId, String roomLabel, Status status,
            Instant startedAt, String startedBy, Instant finishedAt, String finishedBy) {}

    /** An asset as the stocktake shows it; {@code roomLabel} is where the inventory locates it now. */
    public record StocktakeAsset(long id, String tag, String name, String model, AssetStatus status, Long roomId,
            String roomLabel, Instant lastAuditAt, boolean found, boolean missing) {}

    /** A stocktake with its lists: every expected asset (with {@code found}), the found, unexpected and unknown ones. */
    public record StocktakeView(StocktakeRow stocktake, List<StocktakeAsset> expected, List<StocktakeAsset> found,
            List<StocktakeAsset> notFound, List<StocktakeAsset> unexpected, List<String> unknown,
            List<StocktakeAsset> missing, boolean canManage) {

        public long id() {
            return stocktake.id();
        }

        public boolean open() {
            return stocktake.status() == Status.OPEN;
        }
    }

    /** The answer to a scan: what the code was, and the asset when it is one of the school's. */
    public record ScanResult(Outcome outcome, String code, StocktakeAsset asset, boolean repeated) {}

    /** A room where a stocktake can be held. */
    public record RoomOption(long id, long schoolId, String schoolName, String label, long assets, Instant lastFinished) {}

    /** A line of the "next audit due" list. */
    public record DueRow(long id, long schoolId, String schoolName, String tag, String name, String model,
            AssetStatus status, Long roomId, String roomLabel, Instant lastAuditAt) {}

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Inventory inventory;
    private final ApplicationEventPublisher events;

    Stocktakes(JdbcClient jdbc, AccessControl access, Inventory inventory, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.inventory = inventory;
        this.events = events;
    }

    // ---- rooms and lists ----

    /** The rooms of the schools where the user may hold a stocktake, with their number of expected assets. */
    public List<RoomOption> rooms(Long schoolId) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        if (schoolId != null && !access.can(Permission.INVENTORY_READ, schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        return jdbc.sql("""
                SELECT r.id, r.school_id, s.name, coalesce(r.code || ' ', '') || r.name || ' (' || b.name || ')',
                       (SELECT count(*) FROM asset a WHERE a.room_id = r.id AND a.status NOT IN ('RETIRED', 'DISPOSED')),
                       (SELECT max(t.finished_at) FROM stocktake t WHERE t.room_id = r.id)
                FROM room r JOIN building b ON b.id = r.building_id JOIN school s ON s.id = r.school_id
                WHERE r.school_id = ANY(CAST(:ids AS bigint[])) AND (CAST(:school AS bigint) IS NULL OR r.school_id = :school)
                ORDER BY lower(s.name), lower(b.name), lower(coalesce(r.code, r.name)), r.id""")
                .param("ids", access.schoolArray(Permission.INVENTORY_MANAGE)).param("school", schoolId)
                .query((rs, n) -> new RoomOption(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), instant(rs, 6))).list();
    }

    /** The stocktakes of the user's schools (open ones first, then the newest), optionally of one room. */
    public Page<StocktakeRow> list(Long roomId, PageQuery query) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        String where = " WHERE t.school_id = ANY(CAST(:ids AS bigint[])) AND (CAST(:room AS bigint) IS NULL OR t.room_id = :room)";
        Long[] ids = access.schoolArray(Permission.INVENTORY_READ);
        long total = jdbc.sql("SELECT count(*) FROM stocktake t" + where).param("ids", ids).param("room", roomId)
                .query(Long.class).single();
        List<StocktakeRow> items = jdbc.sql(ROW_SELECT + where + " ORDER BY t.status = 'OPEN' DESC, t.started_at DESC, t.id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .param("ids", ids).param("room", roomId).param("limit", query.size()).param("offset", query.offset())
                .query(this::mapRow).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    // ---- one stocktake ----

    /** Starts a stocktake of a room, or returns the room's open one. 404 for rooms outside the user's schools. */
    @Transactional
    public long start(long roomId) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        Long schoolId = jdbc.sql("SELECT school_id FROM room WHERE id = :id AND school_id = ANY(CAST(:ids AS bigint[]))")
                .param("id", roomId).param("ids", access.schoolArray(Permission.INVENTORY_READ))
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("room", roomId));
        access.require(Permission.INVENTORY_MANAGE, schoolId);
        var open = openOf(roomId);
        if (open != null) {
            return open;
        }
        var user = access.current();
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO stocktake (school_id, room_id, started_by, started_by_name) VALUES (?, ?, ?, ?) RETURNING id""")
                    .params(schoolId, roomId, user.id(), user.displayName()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            // started twice at the same moment: continue the other one
            return openOf(roomId);
        }
        StocktakeRow row = row(id);
        events.publishEvent(new RecordChanged("stocktake", id, user.boardId(), schoolId, RecordChanged.CREATED,
                row.roomLabel(), RecordChanged.diff(Map.of(), Map.of("room", row.roomLabel(), "status", Status.OPEN))));
        return id;
    }

    private Long openOf(long roomId) {
        return jdbc.sql("SELECT id FROM stocktake WHERE room_id = ? AND status = 'OPEN'").param(roomId).query(Long.class)
                .optional().orElse(null);
    }

    public StocktakeView stocktake(long id) {
        StocktakeRow row = row(id);
        List<StocktakeAsset> expected = new ArrayList<>();
        List<StocktakeAsset> found = new ArrayList<>();
        List<StocktakeAsset> notFound = new ArrayList<>();
        List<StocktakeAsset> unexpected = new ArrayList<>();
        List<StocktakeAsset> missing = new ArrayList<>();
        jdbc.sql("""
                SELECT a.id, a.tag, a.name, coalesce(f.name || ' ' || m.name, m.name) AS model, a.status, a.room_id,
                       coalesce(r.code || ' ', '') || r.name AS room_label, a.last_audit_at,
                       coalesce(i.expected, a.room_id = t.room_id AND a.status NOT IN ('RETIRED', 'DISPOSED')) AS expected,
                       i.scanned_at IS NOT NULL AS found, coalesce(i.missing, FALSE) AS missing, i.scanned_at
                FROM stocktake t
                JOIN asset a ON a.school_id = t.school_id
                LEFT JOIN stocktake_item i ON i.stocktake_id = t.id AND i.asset_id = a.id
                LEFT JOIN asset_model m ON m.id = a.model_id
                LEFT JOIN manufacturer f ON f.id = m.manufacturer_id
                LEFT JOIN room r ON r.id = a.room_id
                WHERE t.id = :id AND (i.asset_id IS NOT NULL
                      OR (t.status = 'OPEN' AND a.room_id = t.room_id AND a.status NOT IN ('RETIRED', 'DISPOSED')))
                ORDER BY i.scanned_at DESC NULLS LAST, lower(a.tag), a.id""")
                .param("id", id)
                .query((rs, n) -> {
                    StocktakeAsset a = new StocktakeAsset(rs.getLong("id"), rs.getString("tag"), rs.getString("name"),
                            rs.getString("model"), AssetStatus.valueOf(rs.getString("status")), (Long) rs.getObject("room_id"),
                            rs.getString("room_label"), instant(rs, "last_audit_at"), rs.getBoolean("found"), rs.getBoolean("missing"));
                    if (rs.getBoolean("expected")) {
                        expected.add(a);
                        (a.found() ? found : notFound).add(a);
                    } else if (a.found()) {
                        unexpected.add(a);
                    }
                    if (a.missing()) {
                        missing.add(a);
                    }
                    return a;
                }).list();
        expected.sort(java.util.Comparator.comparing(a -> a.tag().toLowerCase(java.util.Locale.ROOT)));
        List<String> unknown = jdbc.sql("SELECT code FROM stocktake_unknown WHERE stocktake_id = ? ORDER BY scanned_at DESC, id DESC")
                .param(id).query(String.class).list();
        return new StocktakeView(row, expected, found, notFound, unexpected, unknown, missing,
                access.can(Permission.INVENTORY_MANAGE, row.schoolId()));
    }

    /**
     * Records a scanned or typed code: a tag of the school, or a label's address. 400 (field code) when blank or
     * longer than {@value #MAX_CODE}; 409 when the stocktake is finished.
     */
    @Transactional
    public ScanResult scan(long id, String code) {
        StocktakeRow st = writable(id);
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            throw InvalidInputException.of("code", "error.required", "is required");
        }
        if (c.length() > MAX_CODE) {
            throw InvalidInputException.of("code", "stocktake.error.code.long", "is longer than " + MAX_CODE + " characters", MAX_CODE);
        }
        ScanCode parsed = AssetLinks.parse(c);
        Long assetId = null;
        if (parsed.schoolId() == null || parsed.schoolId() == st.schoolId()) {
            assetId = jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND lower(tag) = lower(?)")
                    .params(st.schoolId(), parsed.tag()).query(Long.class).optional().orElse(null);
        }
        if (assetId == null) {
            int added = jdbc.sql("INSERT INTO stocktake_unknown (stocktake_id, code) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(id, c).update();
            return new ScanResult(Outcome.UNKNOWN, c, null, added == 0);
        }
        int added = jdbc.sql("""
                INSERT INTO stocktake_item (stocktake_id, asset_id, scanned_at) VALUES (?, ?, now())
                ON CONFLICT (stocktake_id, asset_id) DO NOTHING""").params(id, assetId).update();
        long aid = assetId;
        StocktakeAsset asset = stocktake(id).expected().stream().filter(a -> a.id() == aid).findFirst().orElse(null);
        if (asset != null) {
            return new ScanResult(Outcome.FOUND, c, asset, added == 0);
        }
        asset = stocktake(id).unexpected().stream().filter(a -> a.id() == aid).findFirst().orElseThrow();
        return new ScanResult(Outcome.UNEXPECTED, c, asset, added == 0);
    }

    /** Moves an unexpected asset of the stocktake into its room (through {@link Inventory#update}, so with history). */
    @Transactional
    public void moveHere(long id, long assetId) {
        StocktakeRow st = writable(id);
        boolean scanned = jdbc.sql("SELECT count(*) FROM stocktake_item WHERE stocktake_id = ? AND asset_id = ? AND scanned_at IS NOT NULL")
                .params(id, assetId).query(Long.class).single() > 0;
        if (!scanned) {
            throw new NotFoundException("asset", assetId);
        }
        AssetView a = inventory.asset(assetId);
        if (a.roomId() != null && a.roomId() == st.roomId()) {
            return;
        }
        inventory.update(assetId, new Forms.AssetForm(a.schoolId(), a.tag(), a.name(), a.serial(), a.modelId(), a.kind(),
                a.status(), st.roomId(), a.assignedPersonId(), a.purchaseDate(), a.price(), a.supplier(),
                a.orderReference(), a.warrantyEnd(), a.endOfLife(), a.notes(), a.extra(), a.version()));
    }

    /**
     * Finishes the stocktake: the found and unexpected assets get today's audit date, the expected assets named in
     * {@code missing} (only not-found ones; 400 on field missing otherwise) are marked missing, and the outcome is kept.
     */
    @Transactional
    public void finish(long id, List<Long> missing) {
        StocktakeRow st = writable(id);
        StocktakeView view = stocktake(id);
        Set<Long> notFound = new HashSet<>();
        view.notFound().forEach(a -> notFound.add(a.id()));
        Set<Long> marked = new HashSet<>(missing == null ? List.of() : missing.stream().filter(java.util.Objects::nonNull).toList());
        if (!notFound.containsAll(marked)) {
            throw InvalidInputException.of("missing", "stocktake.error.missing", "lists an asset that is not an expected, unfound asset of this stocktake");
        }
        Instant now = Instant.now();
        var user = access.current();
        for (StocktakeAsset a : view.expected()) {
            jdbc.sql("""
                    INSERT INTO stocktake_item (stocktake_id, asset_id, expected, missing) VALUES (?, ?, TRUE, ?)
                    ON CONFLICT (stocktake_id, asset_id) DO UPDATE SET expected = TRUE, missing = EXCLUDED.missing""")
                    .params(id, a.id(), marked.contains(a.id())).update();
        }
        jdbc.sql("UPDATE stocktake_item SET expected = FALSE WHERE stocktake_id = ? AND expected IS NULL").param(id).update();
        for (StocktakeAsset a : view.found()) {
            inventory.markAudited(a.id(), now);
        }
        for (StocktakeAsset a : view.unexpected()) {
            inventory.markAudited(a.id(), now);
        }
        String where = st.roomLabel() + " " + new Formats().date(now);
        for (StocktakeAsset a : view.notFound()) {
            if (marked.contains(a.id())) {
                events.publishEvent(new RecordChanged("asset", a.id(), user.boardId(), st.schoolId(), RecordChanged.UPDATED,
                        a.tag(), RecordChanged.diff(Map.of(), Map.of("missing", where))));
            }
        }
        jdbc.sql("UPDATE stocktake SET status = 'FINISHED', finished_at = ?, finished_by_name = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(now), user.displayName(), id).update();
        events.publishEvent(new RecordChanged("stocktake", id, user.boardId(), st.schoolId(), RecordChanged.UPDATED,
                st.roomLabel(), RecordChanged.diff(Map.of("status", Status.OPEN),
                        Map.of("status", Status.FINISHED, "found", view.found().size(), "unexpected", view.unexpected().size(),
                                "missing", marked.size()))));
    }

    private StocktakeRow writable(long id) {
        StocktakeRow st = row(id);
        access.require(Permission.INVENTORY_MANAGE, st.schoolId());
        if (st.status() != Status.OPEN) {
            throw new ConflictException("stocktake.error.finished", "the stocktake is finished");
        }
        return st;
    }

    // ---- audits due ----

    /**
     * The active assets (not retired or disposed) whose last audit is older than {@code months} months, or that were
     * never audited, in the user's schools; optionally of one school or room. Sorted in SQL by {@code lastAudit}
     * (default: never first, then oldest), {@code tag}, {@code room} or {@code school}.
     */
    public Page<DueRow> due(Integer months, Long schoolId, Long roomId, PageQuery query) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        int m = months == null ? DEFAULT_MONTHS : months;
        if (m < 1 || m > 120) {
            throw InvalidInputException.of("months", "stocktake.error.months", "must lie between 1 and 120");
        }
        if (schoolId != null && !access.can(Permission.INVENTORY_READ, schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        String order = switch (query.sort() == null ? "lastAudit" : query.sort()) {
            case "tag" -> "lower(a.tag) " + dir(query) + ", a.id";
            case "room" -> "lower(coalesce(r.code, r.name)) " + dir(query) + " NULLS LAST, lower(a.tag), a.id";
            case "school" -> "lower(s.name) " + dir(query) + ", lower(a.tag), a.id";
            default -> "a.last_audit_at " + dir(query) + (query.descending() ? " NULLS LAST" : " NULLS FIRST") + ", lower(a.tag), a.id";
        };
        String from = """
                FROM asset a JOIN school s ON s.id = a.school_id
                LEFT JOIN room r ON r.id = a.room_id
                LEFT JOIN asset_model m ON m.id = a.model_id
                LEFT JOIN manufacturer f ON f.id = m.manufacturer_id
                WHERE a.school_id = ANY(CAST(:ids AS bigint[])) AND a.status NOT IN ('RETIRED', 'DISPOSED')
                  AND (a.last_audit_at IS NULL OR a.last_audit_at < now() - make_interval(months => :months))
                  AND (CAST(:school AS bigint) IS NULL OR a.school_id = :school)
                  AND (CAST(:room AS bigint) IS NULL OR a.room_id = :room)""";
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("ids", access.schoolArray(Permission.INVENTORY_READ));
        p.put("months", m);
        p.put("school", schoolId);
        p.put("room", roomId);
        long total = jdbc.sql("SELECT count(*) " + from).params(p).query(Long.class).single();
        p.put("limit", query.size());
        p.put("offset", query.offset());
        List<DueRow> items = jdbc.sql("""
                SELECT a.id, a.school_id, s.name, a.tag, a.name, coalesce(f.name || ' ' || m.name, m.name), a.status, a.room_id,
                       coalesce(r.code || ' ', '') || r.name, a.last_audit_at
                """ + from + " ORDER BY " + order + " LIMIT :limit OFFSET :offset").params(p)
                .query((rs, n) -> new DueRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), AssetStatus.valueOf(rs.getString(7)), (Long) rs.getObject(8), rs.getString(9),
                        instant(rs, 10))).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    private static String dir(PageQuery q) {
        return q.descending() ? "DESC" : "ASC";
    }

    // ---- helpers ----

    private static final String ROW_SELECT = """
            SELECT t.id, t.school_id, s.name AS school_name, t.room_id,
                   coalesce(r.code || ' ', '') || r.name AS room_label, t.status, t.started_at, t.started_by_name,
                   t.finished_at, t.finished_by_name
            FROM stocktake t JOIN school s ON s.id = t.school_id JOIN room r ON r.id = t.room_id""";

    private StocktakeRow row(long id) {
        return jdbc.sql(ROW_SELECT + " WHERE t.id = :id AND t.school_id = ANY(CAST(:ids AS bigint[]))")
                .param("id", id).param("ids", access.schoolArray(Permission.INVENTORY_READ))
                .query(this::mapRow).optional().orElseThrow(() -> new NotFoundException("stocktake", id));
    }

    private StocktakeRow mapRow(ResultSet rs, int n) throws SQLException {
        return new StocktakeRow(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"), rs.getLong("room_id"),
                rs.getString("room_label"), Status.valueOf(rs.getString("status")), instant(rs, "started_at"),
                rs.getString("started_by_name"), instant(rs, "finished_at"), rs.getString("finished_by_name"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
