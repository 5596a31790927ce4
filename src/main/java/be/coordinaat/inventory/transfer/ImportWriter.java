package be.coordinaat.inventory.transfer;

import be.coordinaat.inventory.AssetKind;
import be.coordinaat.inventory.AssetStatus;
import be.coordinaat.inventory.Views.ModelView;
import be.coordinaat.inventory.domain.TagPrefixes;
import be.coordinaat.inventory.transfer.RowChecker.Candidate;
import be.coordinaat.inventory.transfer.RowChecker.ModelKey;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.RecordsChanged;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes checked rows in batches of {@value #BATCH} inside the caller's transaction: new assets by one JDBC batch
 * insert (ids drawn from the sequence in one query, generated tags from the school's counter, locked), updates by
 * one batch update after reading the assets of the batch, and one history entry per created or updated asset,
 * written together by the audit module ({@link RecordsChanged}).
 */
public final class ImportWriter {

    public static final int BATCH = 1000;

    /**
     * The search text of a row {@code t} as {@code asset_search_text} in {@code V10__inventory.sql} makes it, for a
     * whole batch at once (the row trigger then does not fire: {@code V23}); needs {@link #SEARCH_JOIN}.
     */
    static final String SEARCH = """
            lower(concat_ws(' ', t.tag, t.name, t.serial,
                  CASE WHEN sm.id IS NULL THEN NULL ELSE concat_ws(' ', sf.name, sm.name, sm.model_number) END, t.notes))""";

    static final String SEARCH_JOIN =
            " LEFT JOIN asset_model sm ON sm.id = t.model_id LEFT JOIN manufacturer sf ON sf.id = sm.manufacturer_id\n";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final RowChecker checker;
    private final long boardId;
    private final long schoolId;
    private final BiFunction<ModelKey, AssetKind, Long> modelCreator;
    private final Map<ModelKey, Long> createdModels = new HashMap<>();
    private final Map<Long, String> createdModelNames = new HashMap<>();
    private final List<Candidate> pending = new ArrayList<>(BATCH);
    private String prefix;
    private long nextValue;
    private int created;
    private int updated;

    public ImportWriter(JdbcTemplate jdbc, JsonMapper json, ApplicationEventPublisher events, RowChecker checker,
            long boardId, long schoolId, String defaultPrefix, BiFunction<ModelKey, AssetKind, Long> modelCreator) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.checker = checker;
        this.boardId = boardId;
        this.schoolId = schoolId;
        this.modelCreator = modelCreator;
        jdbc.update("INSERT INTO asset_tag_counter (school_id, prefix) VALUES (?, ?) ON CONFLICT DO NOTHING", schoolId,
                defaultPrefix);
        jdbc.query("SELECT prefix, next_value FROM asset_tag_counter WHERE school_id = ? FOR UPDATE", rs -> {
            prefix = rs.getString(1);
            nextValue = rs.getLong(2);
        }, schoolId);
    }

    public void add(Candidate c) {
        pending.add(c);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    public int created() {
        return created;
    }

    public int updated() {
        return updated;
    }

    /** Writes what is pending and the school's tag counter. */
    public void finish() {
        flush();
        jdbc.update("UPDATE asset_tag_counter SET next_value = ? WHERE school_id = ?", nextValue, schoolId);
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Candidate> creates = new ArrayList<>();
        List<Candidate> updates = new ArrayList<>();
        for (Candidate c : pending) {
            (c.existingId() == null ? creates : updates).add(c);
        }
        pending.clear();
        List<RecordChanged> history = new ArrayList<>(creates.size() + updates.size());
        if (!creates.isEmpty()) {
            insert(creates, history);
        }
        if (!updates.isEmpty()) {
            update(updates, history);
        }
        events.publishEvent(new RecordsChanged(history));
    }

    private Long modelOf(Candidate c) {
        if (c.modelId() != null || c.newModel() == null) {
            return c.modelId();
        }
        return createdModels.computeIfAbsent(new ModelKey(RowChecker.lower(c.newModel().manufacturer()),
                RowChecker.lower(c.newModel().model())), k -> {
                    Long id = modelCreator.apply(c.newModel(), c.kind());
                    createdModelNames.put(id, c.newModel().manufacturer() + " " + c.newModel().model());
                    return id;
                });
    }

    private String modelName(Long id) {
        if (id == null) {
            return null;
        }
        ModelView m = checker.model(id);
        return m != null ? m.fullName() : createdModelNames.get(id);
    }

    private String nextTag() {
        while (true) {
            String tag = TagPrefixes.tag(prefix, nextValue++);
            if (!checker.tagTaken(tag)) {
                checker.claimTag(tag);
                return tag;
            }
        }
    }

    private void insert(List<Candidate> rows, List<RecordChanged> history) {
        List<Long> ids = jdbc.queryForList("SELECT nextval('asset_id_seq') FROM generate_series(1, ?)", Long.class, rows.size());
        List<Object[]> args = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Candidate c = rows.get(i);
            String tag = c.tag() != null ? c.tag() : nextTag();
            Long model = modelOf(c);
            LocalDate endOfLife = c.endOfLife();
            ModelView mv = checker.model(model);
            if (endOfLife == null && mv != null && mv.endOfLifeMonths() != null && c.purchaseDate() != null) {
                endOfLife = c.purchaseDate().plusMonths(mv.endOfLifeMonths());
            }
            AssetStatus status = c.status() == null ? AssetStatus.IN_STOCK : c.status();
            args.add(new Object[] {ids.get(i), schoolId, tag, c.name(), c.serial(), model, c.kind().name(), status.name(),
                    c.roomId(), date(c.purchaseDate()), c.price(), c.supplier(), c.orderReference(), date(c.warrantyEnd()),
                    date(endOfLife), c.notes(), json.writeValueAsString(c.extra())});
            Map<String, Object> after = snapshot(tag, c.name(), c.serial(), c.kind(), modelName(model), status,
                    checker.roomLabel(c.roomId()), c.purchaseDate(), c.price(), c.supplier(), c.orderReference(),
                    c.warrantyEnd(), endOfLife, c.notes(), c.extra());
            history.add(new RecordChanged("asset", ids.get(i), boardId, schoolId, RecordChanged.CREATED, tag,
                    RecordChanged.diff(Map.of(), after)));
        }
        // One statement for the whole batch: the statement-level count triggers then run once per batch instead of
        // once per row (a thousand updates of the same counter row in one transaction slow down quadratically).
        jdbc.update(con -> columns(con, """
                INSERT INTO asset (id, school_id, tag, name, serial, model_id, kind, status, room_id, purchase_date, price,
                                   supplier, order_reference, warranty_end, end_of_life, notes, extra, search)
                SELECT t.id, t.school_id, t.tag, t.name, t.serial, t.model_id, t.kind, t.status, t.room_id,
                       t.purchase_date, t.price, t.supplier, t.order_reference, t.warranty_end, t.end_of_life, t.notes,
                       CAST(t.extra AS jsonb), """ + SEARCH + """
                FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS bigint[]), CAST(? AS date[]), CAST(? AS numeric[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS date[]), CAST(? AS date[]), CAST(? AS text[]), CAST(? AS text[]))
                  AS t(id, school_id, tag, name, serial, model_id, kind, status, room_id, purchase_date, price, supplier,
                       order_reference, warranty_end, end_of_life, notes, extra)
                """ + SEARCH_JOIN, args,
                "bigint", "bigint", "text", "text", "text", "bigint", "text", "text", "bigint", "date", "numeric", "text",
                "text", "date", "date", "text", "text"));
        created += rows.size();
    }

    /** The stored asset, for the merge and the history. */
    private record Stored(long id, String tag, String name, String serial, Long modelId, AssetKind kind, AssetStatus status,
            Long roomId, LocalDate purchaseDate, BigDecimal price, String supplier, String orderReference,
            LocalDate warrantyEnd, LocalDate endOfLife, String notes, Map<String, Object> extra) {}

    private void update(List<Candidate> rows, List<RecordChanged> history) {
        Long[] ids = rows.stream().map(Candidate::existingId).toArray(Long[]::new);
        Map<Long, Stored> stored = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    SELECT id, tag, name, serial, model_id, kind, status, room_id, purchase_date, price, supplier,
                           order_reference, warranty_end, end_of_life, notes, extra::text
                    FROM asset WHERE id = ANY(?) AND school_id = ? FOR UPDATE""");
            ps.setArray(1, con.createArrayOf("bigint", ids));
            ps.setLong(2, schoolId);
            return ps;
        }, rs -> {
            stored.put(rs.getLong(1), new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    (Long) rs.getObject(5), AssetKind.valueOf(rs.getString(6)), AssetStatus.valueOf(rs.getString(7)),
                    (Long) rs.getObject(8), rs.getObject(9, LocalDate.class), rs.getBigDecimal(10), rs.getString(11),
                    rs.getString(12), rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class),
                    rs.getString(15), json.readValue(rs.getString(16), new TypeReference<LinkedHashMap<String, Object>>() {})));
        });
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Candidate c : rows) {
            Stored b = stored.get(c.existingId());
            if (b == null) {
                throw new IllegalStateException("asset " + c.existingId() + " was removed during the import");
            }
            var p = c.present();
            Long model = p.contains("model") ? modelOf(c) : b.modelId();
            AssetKind kind = c.kind() != null ? c.kind() : b.kind();
            Map<String, Object> extra = new LinkedHashMap<>(kind == b.kind() ? b.extra() : Map.of());
            extra.putAll(c.extra());
            Stored a = new Stored(b.id(), p.contains("tag") ? c.tag() : b.tag(), p.contains("name") ? c.name() : b.name(),
                    p.contains("serial") ? c.serial() : b.serial(), model, kind, c.status() != null ? c.status() : b.status(),
                    p.contains("room") ? c.roomId() : b.roomId(),
                    p.contains("purchaseDate") ? c.purchaseDate() : b.purchaseDate(),
                    p.contains("price") ? c.price() : b.price(), p.contains("supplier") ? c.supplier() : b.supplier(),
                    p.contains("orderReference") ? c.orderReference() : b.orderReference(),
                    p.contains("warrantyEnd") ? c.warrantyEnd() : b.warrantyEnd(),
                    p.contains("endOfLife") ? c.endOfLife() : b.endOfLife(), p.contains("notes") ? c.notes() : b.notes(), extra);
            boolean statusChanged = a.status() != b.status();
            args.add(new Object[] {a.tag(), a.name(), a.serial(), a.modelId(), a.kind().name(), a.status().name(),
                    statusChanged, a.roomId(), date(a.purchaseDate()), a.price(), a.supplier(), a.orderReference(),
                    date(a.warrantyEnd()), date(a.endOfLife()), a.notes(), json.writeValueAsString(a.extra()), a.id()});
            history.add(new RecordChanged("asset", a.id(), boardId, schoolId, RecordChanged.UPDATED, a.tag(),
                    RecordChanged.diff(snapshot(b), snapshot(a))));
        }
        jdbc.update(con -> columns(con, """
                UPDATE asset a SET tag = t.tag, name = t.name, serial = t.serial, model_id = t.model_id, kind = t.kind,
                       status = t.status,
                       status_changed_at = CASE WHEN t.status_changed THEN now() ELSE a.status_changed_at END,
                       room_id = t.room_id, purchase_date = t.purchase_date, price = t.price, supplier = t.supplier,
                       order_reference = t.order_reference, warranty_end = t.warranty_end, end_of_life = t.end_of_life,
                       notes = t.notes, extra = CAST(t.extra AS jsonb), search = """ + SEARCH + """
                       , version = a.version + 1, updated_at = now()
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]),
                            CAST(? AS text[]), CAST(? AS text[]), CAST(? AS boolean[]), CAST(? AS bigint[]),
                            CAST(? AS date[]), CAST(? AS numeric[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS date[]), CAST(? AS date[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]))
                  AS t(tag, name, serial, model_id, kind, status, status_changed, room_id, purchase_date, price, supplier,
                       order_reference, warranty_end, end_of_life, notes, extra, id)
                """ + SEARCH_JOIN + """
                WHERE a.id = t.id""", args,
                "text", "text", "text", "bigint", "text", "text", "boolean", "bigint", "date", "numeric", "text", "text",
                "date", "date", "text", "text", "bigint"));
        updated += rows.size();
    }

    private Map<String, Object> snapshot(Stored s) {
        return snapshot(s.tag(), s.name(), s.serial(), s.kind(), modelName(s.modelId()), s.status(),
                checker.roomLabel(s.roomId()), s.purchaseDate(), s.price(), s.supplier(), s.orderReference(),
                s.warrantyEnd(), s.endOfLife(), s.notes(), s.extra());
    }

    /** The same fields and names as the inventory's own history snapshots. */
    static Map<String, Object> snapshot(String tag, String name, String serial, AssetKind kind, String model,
            AssetStatus status, String room, LocalDate purchaseDate, BigDecimal price, String supplier,
            String orderReference, LocalDate warrantyEnd, LocalDate endOfLife, String notes, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", tag);
        m.put("name", name);
        m.put("serial", serial);
        m.put("kind", kind);
        m.put("model", model);
        m.put("status", status);
        m.put("room", room);
        m.put("purchaseDate", purchaseDate);
        m.put("price", price == null ? null : price.toPlainString());
        m.put("supplier", supplier);
        m.put("orderReference", orderReference);
        m.put("warrantyEnd", warrantyEnd);
        m.put("endOfLife", endOfLife);
        m.put("notes", notes);
        extra.forEach((k, v) -> m.put("extra." + k, v instanceof BigDecimal b ? b.toPlainString() : v));
        return m;
    }

    /**
     * A statement whose parameters are whole columns: parameter {@code i} is the array of the {@code i}-th value
     * of every row, of SQL element type {@code types[i]}.
     */
    static PreparedStatement columns(java.sql.Connection con, String sql, List<Object[]> rows, String... types)
            throws java.sql.SQLException {
        PreparedStatement ps = con.prepareStatement(sql);
        for (int col = 0; col < types.length; col++) {
            Object[] values = new Object[rows.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = rows.get(r)[col];
            }
            ps.setArray(col + 1, con.createArrayOf(types[col], values));
        }
        return ps;
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

}
