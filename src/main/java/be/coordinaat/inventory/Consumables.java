package be.coordinaat.inventory;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumables (toner, lamps, cables, batteries) per school with their stock and minimum, and the movements that
 * change the stock: receiving stock and issuing it to a printer or other asset, or a room. The stock never drops
 * below zero (400 on {@code quantity}). Scope and history as for the assets (record type {@code consumable}).
 */
@Service
@Transactional(readOnly = true)
public class Consumables {

    public enum Category { TONER, LAMP, CABLE, BATTERY, OTHER }

    public enum MovementKind { RECEIVE, ISSUE }

    public record ConsumableView(long id, long schoolId, String schoolName, String name, Category category,
            String compatibleModels, int stock, int minimum, String notes, int version) {
        @com.fasterxml.jackson.annotation.JsonProperty("belowMinimum")
        public boolean belowMinimum() {
            return stock < minimum;
        }
    }

    public record MovementView(long id, long consumableId, MovementKind kind, int quantity, int stockAfter, Long assetId,
            String assetLabel, Long roomId, String roomLabel, String note, String byName, Instant at) {}

    /** A consumable; {@code schoolId} cannot change, {@code stock} is only the initial stock when creating. */
    public record ConsumableForm(@NotNull Long schoolId, @NotBlank @Size(max = 150) String name, @NotNull Category category,
            @Size(max = 500) String compatibleModels, @Min(0) @Max(1000000) Integer stock,
            @NotNull @Min(0) @Max(1000000) Integer minimum, @Size(max = 2000) String notes, Integer version) {}

    /** Receiving stock, or issuing it (optionally to an asset or a room of the same school). */
    public record MovementForm(@NotNull MovementKind kind, @NotNull @Min(1) @Max(100000) Integer quantity, Long assetId,
            Long roomId, @Size(max = 500) String note) {}

    private static final Map<String, String> SORT = Map.of("name", "lower(c.name)", "category", "c.category", "stock",
            "c.stock", "minimum", "c.minimum", "school", "s.name", "shortage", "(c.stock - c.minimum)");

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final ApplicationEventPublisher events;

    Consumables(JdbcClient jdbc, AccessControl access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
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

    /** One page of the consumables of the schools the user may see; {@code belowMinimum} keeps only the short ones. */
    public Page<ConsumableView> consumables(Long school, Category category, boolean belowMinimum, PageQuery query) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        if (school != null && !access.can(Permission.INVENTORY_READ, school)) {
            throw new NotFoundException("school", school);
        }
        String where = " WHERE c.school_id = ANY(CAST(:ids AS bigint[]))"
                + (school == null ? "" : " AND c.school_id = :school")
                + (category == null ? "" : " AND c.category = :category")
                + (belowMinimum ? " AND c.stock < c.minimum" : "")
                + (query.q() == null ? "" : " AND (lower(c.name) LIKE :q ESCAPE '\\' OR lower(coalesce(c.compatible_models, '')) LIKE :q ESCAPE '\\')");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", access.schoolArray(Permission.INVENTORY_READ));
        if (school != null) {
            params.put("school", school);
        }
        if (category != null) {
            params.put("category", category.name());
        }
        if (query.q() != null) {
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM consumable c" + where).params(params).query(Long.class).single();
        String order = query.orderBy(SORT, "name").replace(", id", ", c.id");
        List<ConsumableView> items = jdbc.sql(SELECT + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", query.size()).param("offset", query.offset()).query(ROW).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    public ConsumableView consumable(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id AND c.school_id = ANY(CAST(:ids AS bigint[]))").param("id", id)
                .param("ids", access.schoolArray(Permission.INVENTORY_READ)).query(ROW).optional()
                .orElseThrow(() -> new NotFoundException("consumable", id));
    }

    public List<MovementView> movements(long id) {
        consumable(id);
        return jdbc.sql("""
                SELECT id, consumable_id, kind, quantity, stock_after, asset_id, asset_label, room_id, room_label, note,
                       by_name, at FROM consumable_movement WHERE consumable_id = ? ORDER BY at DESC, id DESC LIMIT 500""")
                .param(id).query((rs, n) -> new MovementView(rs.getLong(1), rs.getLong(2), MovementKind.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getInt(5), (Long) rs.getObject(6), rs.getString(7), (Long) rs.getObject(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant())).list();
    }

    @Transactional
    public long create(ConsumableForm form) {
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
        if (form.schoolId() == null || !access.can(Permission.INVENTORY_READ, form.schoolId())) {
            throw InvalidInputException.of("schoolId", form.schoolId() == null ? "error.required" : "error.reference",
                    form.schoolId() == null ? "is required" : "does not exist");
        }
        access.require(Permission.INVENTORY_MANAGE, form.schoolId());
        int stock = form.stock() == null ? 0 : form.stock();
        long id = unique(() -> jdbc.sql("""
                INSERT INTO consumable (school_id, name, category, compatible_models, stock, minimum, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(form.schoolId(), form.name().strip(), form.category().name(), blank(form.compatibleModels()), stock,
                        form.minimum(), blank(form.notes())).query(Long.class).single());
        publish(id, form.schoolId(), RecordChanged.CREATED, form.name().strip(), Map.of(), snapshot(form, stock));
        return id;
    }

    @Transactional
    public void update(long id, ConsumableForm form) {
        ConsumableView before = consumable(id);
        access.require(Permission.INVENTORY_MANAGE, before.schoolId());
        if (form.schoolId() != null && form.schoolId() != before.schoolId()) {
            throw InvalidInputException.of("schoolId", "asset.error.school.fixed", "cannot be changed");
        }
        int n = unique(() -> jdbc.sql("""
                UPDATE consumable SET name = ?, category = ?, compatible_models = ?, minimum = ?, notes = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(form.name().strip(), form.category().name(), blank(form.compatibleModels()), form.minimum(),
                        blank(form.notes()), id, form.version() == null ? before.version() : form.version()).update());
        if (n == 0) {
            throw ConflictException.staleVersion("consumable", id);
        }
        Map<String, Object> from = snapshot(new ConsumableForm(before.schoolId(), before.name(), before.category(),
                before.compatibleModels(), null, before.minimum(), before.notes(), null), before.stock());
        publish(id, before.schoolId(), RecordChanged.UPDATED, form.name().strip(), from, snapshot(form, before.stock()));
    }

    /** Receives or issues stock; issuing more than the stock is refused (400 on quantity). */
    @Transactional
    public long move(long id, MovementForm form) {
        ConsumableView c = consumable(id);
        access.require(Permission.INVENTORY_MANAGE, c.schoolId());
        if (form.kind() == null) {
            throw InvalidInputException.of("kind", "error.required", "is required");
        }
        if (form.quantity() == null || form.quantity() < 1) {
            throw InvalidInputException.of("quantity", "consumable.error.quantity", "must be at least 1");
        }
        String assetLabel = null;
        String roomLabel = null;
        if (form.kind() == MovementKind.ISSUE && form.assetId() != null) {
            assetLabel = jdbc.sql("""
                    SELECT a.tag || coalesce(' ' || f.name || ' ' || m.name, coalesce(' ' || a.name, '')) FROM asset a
                    LEFT JOIN asset_model m ON m.id = a.model_id LEFT JOIN manufacturer f ON f.id = m.manufacturer_id
                    WHERE a.id = ? AND a.school_id = ?""").params(form.assetId(), c.schoolId()).query(String.class)
                    .optional().orElseThrow(() -> InvalidInputException.of("assetId", "error.reference", "does not exist"));
        }
        if (form.kind() == MovementKind.ISSUE && form.roomId() != null) {
            roomLabel = jdbc.sql("SELECT coalesce(code || ' ', '') || name FROM room WHERE id = ? AND school_id = ?")
                    .params(form.roomId(), c.schoolId()).query(String.class).optional()
                    .orElseThrow(() -> InvalidInputException.of("roomId", "error.reference", "does not exist"));
        }
        int delta = form.kind() == MovementKind.RECEIVE ? form.quantity() : -form.quantity();
        Integer after = jdbc.sql("""
                UPDATE consumable SET stock = stock + :delta, version = version + 1
                WHERE id = :id AND stock + :delta >= 0 AND stock + :delta <= 100000000 RETURNING stock""")
                .param("delta", delta).param("id", id).query(Integer.class).optional().orElse(null);
        if (after == null) {
            throw InvalidInputException.of("quantity", "consumable.error.notEnough",
                    "is more than the stock (" + c.stock() + ")", c.stock());
        }
        long movement = jdbc.sql("""
                INSERT INTO consumable_movement (consumable_id, kind, quantity, stock_after, asset_id, asset_label, room_id,
                                                 room_label, note, by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(id, form.kind().name(), form.quantity(), after, assetLabel == null ? null : form.assetId(), assetLabel,
                        roomLabel == null ? null : form.roomId(), roomLabel, blank(form.note()), access.actorName())
                .query(Long.class).single();
        Map<String, Object> to = new LinkedHashMap<>();
        to.put("stock", after);
        to.put(form.kind() == MovementKind.RECEIVE ? "received" : "issued", form.quantity());
        to.put("issuedTo", assetLabel != null ? assetLabel : roomLabel);
        to.put("note", blank(form.note()));
        publish(id, c.schoolId(), RecordChanged.UPDATED, c.name(), Map.of("stock", c.stock()), to);
        return movement;
    }

    private static Map<String, Object> snapshot(ConsumableForm f, int stock) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name() == null ? null : f.name().strip());
        m.put("category", f.category());
        m.put("compatibleModels", blank(f.compatibleModels()));
        m.put("stock", stock);
        m.put("minimum", f.minimum());
        m.put("notes", blank(f.notes()));
        return m;
    }

    private static <T> T unique(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("name", "consumable.error.nameTaken", "is already used in this school");
        }
    }

    private void publish(long id, long schoolId, String action, String label, Map<String, ?> before, Map<String, ?> after) {
        events.publishEvent(new RecordChanged("consumable", id, access.current().boardId(), schoolId, action, label,
                RecordChanged.diff(before, after)));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final String SELECT = """
            SELECT c.id, c.school_id, s.name AS school_name, c.name, c.category, c.compatible_models, c.stock, c.minimum,
                   c.notes, c.version FROM consumable c JOIN school s ON s.id = c.school_id""";

    private static final RowMapper<ConsumableView> ROW = (rs, n) -> new ConsumableView(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), Category.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getInt(8),
            rs.getString(9), rs.getInt(10));
}
