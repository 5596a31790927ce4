package be.coordinaat.inventory;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.inventory.Forms.FieldForm;
import be.coordinaat.inventory.Forms.ManufacturerForm;
import be.coordinaat.inventory.Forms.ModelForm;
import be.coordinaat.inventory.Views.FieldView;
import be.coordinaat.inventory.Views.ManufacturerView;
import be.coordinaat.inventory.Views.ModelView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.RecordChanged;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board-wide catalogue of the inventory: manufacturers, asset models and the custom fields per asset kind.
 * Everyone with inventory access in a school of the board reads it; whoever may manage the inventory of a school
 * maintains it (it is shared by the board's schools, so a model is registered once). Every change is in the
 * history.
 */
@Service
@Transactional(readOnly = true)
public class AssetCatalog {

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final ApplicationEventPublisher events;

    AssetCatalog(JdbcClient jdbc, AccessControl access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    /** Whether the current user may change the catalogue. */
    public boolean canManage() {
        return access.canAnywhere(Permission.INVENTORY_MANAGE);
    }

    // ---- manufacturers ----

    public List<ManufacturerView> manufacturers() {
        access.requireAnywhere(Permission.INVENTORY_READ);
        return jdbc.sql(MANUFACTURER_SELECT + " WHERE f.board_id = ? ORDER BY lower(f.name), f.id")
                .param(board()).query(MANUFACTURER_ROW).list();
    }

    public ManufacturerView manufacturer(long id) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        return jdbc.sql(MANUFACTURER_SELECT + " WHERE f.id = ? AND f.board_id = ?").params(id, board())
                .query(MANUFACTURER_ROW).optional().orElseThrow(() -> new NotFoundException("manufacturer", id));
    }

    @Transactional
    public long createManufacturer(ManufacturerForm form) {
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
        long id = unique("name", () -> jdbc.sql("""
                INSERT INTO manufacturer (board_id, name, website, support_email, support_phone) VALUES (?, ?, ?, ?, ?)
                RETURNING id""").params(board(), form.name().strip(), blank(form.website()), blank(form.supportEmail()),
                blank(form.supportPhone())).query(Long.class).single());
        publish("manufacturer", id, RecordChanged.CREATED, form.name(), Map.of(), snapshot(form));
        return id;
    }

    @Transactional
    public void updateManufacturer(long id, ManufacturerForm form) {
        ManufacturerView before = manufacturer(id);
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
        long n = unique("name", () -> jdbc.sql("""
                UPDATE manufacturer SET name = ?, website = ?, support_email = ?, support_phone = ?, version = version + 1
                WHERE id = ? AND version = ?""").params(form.name().strip(), blank(form.website()),
                blank(form.supportEmail()), blank(form.supportPhone()), id, versionOf(form.version(), before.version()))
                .update());
        if (n == 0) {
            throw ConflictException.staleVersion("manufacturer", id);
        }
        publish("manufacturer", id, RecordChanged.UPDATED, form.name(), snapshot(new ManufacturerForm(before.name(),
                before.website(), before.supportEmail(), before.supportPhone(), null)), snapshot(form));
    }

    @Transactional
    public void deleteManufacturer(long id) {
        ManufacturerView before = manufacturer(id);
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
        if (before.modelCount() > 0) {
            throw new ConflictException("asset.error.manufacturer.inUse", "the manufacturer still has models; remove them first");
        }
        jdbc.sql("DELETE FROM manufacturer WHERE id = ?").param(id).update();
        publish("manufacturer", id, RecordChanged.DELETED, before.name(), snapshot(new ManufacturerForm(before.name(),
                before.website(), before.supportEmail(), before.supportPhone(), null)), Map.of());
    }

    private static Map<String, Object> snapshot(ManufacturerForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name() == null ? null : f.name().strip());
        m.put("website", blank(f.website()));
        m.put("supportEmail", blank(f.supportEmail()));
        m.put("supportPhone", blank(f.supportPhone()));
        return m;
    }

    // ---- models ----

    /** The board's models, optionally of one kind, by manufacturer and name. */
    public List<ModelView> models(AssetKind kind) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        return jdbc.sql(MODEL_SELECT + " WHERE m.board_id = :board" + (kind == null ? "" : " AND m.kind = :kind")
                        + " ORDER BY lower(f.name), lower(m.name), m.id")
                .param("ids", be.coordinaat.inventory.domain.AssetListQuery.scope(access.schools(Permission.INVENTORY_READ))).param("board", board())
                .params(kind == null ? Map.of() : Map.of("kind", kind.name()))
                .query(MODEL_ROW).list();
    }

    /** The board's models for choosers (no asset counts), by manufacturer and name. */
    public List<ModelView> modelChoices() {
        access.requireAnywhere(Permission.INVENTORY_READ);
        return jdbc.sql("""
                SELECT m.id, m.manufacturer_id, f.name AS manufacturer_name, m.name, m.kind, m.model_number,
                       m.end_of_life_months, m.notes, NULL AS assets, m.version
                FROM asset_model m JOIN manufacturer f ON f.id = m.manufacturer_id
                WHERE m.board_id = ? ORDER BY lower(f.name), lower(m.name), m.id""").param(board()).query(MODEL_ROW).list();
    }

    public ModelView model(long id) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        return jdbc.sql(MODEL_SELECT + " WHERE m.id = :id AND m.board_id = :board")
                .param("ids", be.coordinaat.inventory.domain.AssetListQuery.scope(access.schools(Permission.INVENTORY_READ))).param("id", id).param("board", board())
                .query(MODEL_ROW).optional().orElseThrow(() -> new NotFoundException("asset-model", id));
    }

    @Transactional
    public long createModel(ModelForm form) {
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
        requireManufacturer(form.manufacturerId());
        long id = unique("name", () -> jdbc.sql("""
                INSERT INTO asset_model (board_id, manufacturer_id, name, kind, model_number, end_of_life_months, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""").params(board(), form.manufacturerId(), form.name().strip(),
                form.kind().name(), blank(form.modelNumber()), form.endOfLifeMonths(), blank(form.notes()))
                .query(Long.class).single());
        publish("asset-model", id, RecordChanged.CREATED, form.name(), Map.of(), snapshot(form));
        return id;
    }

    @Transactional
    public void updateModel(long id, ModelForm form) {
        ModelView before = model(id);
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
        requireManufacturer(form.manufacturerId());
        if (form.kind() != before.kind() && jdbc.sql("SELECT count(*) FROM asset WHERE model_id = ?").param(id)
                .query(Long.class).single() > 0) {
            throw InvalidInputException.of("kind", "asset.error.model.kindInUse",
                    "cannot change while assets of this model exist");
        }
        long n = unique("name", () -> jdbc.sql("""
                UPDATE asset_model SET manufacturer_id = ?, name = ?, kind = ?, model_number = ?, end_of_life_months = ?,
                       notes = ?, version = version + 1
                WHERE id = ? AND version = ?""").params(form.manufacturerId(), form.name().strip(), form.kind().name(),
                blank(form.modelNumber()), form.endOfLifeMonths(), blank(form.notes()), id,
                versionOf(form.version(), before.version())).update());
        if (n == 0) {
            throw ConflictException.staleVersion("asset-model", id);
        }
        publish("asset-model", id, RecordChanged.UPDATED, form.name(), snapshot(new ModelForm(before.manufacturerId(),
                before.name(), before.kind(), before.modelNumber(), before.endOfLifeMonths(), before.notes(), null)),
                snapshot(form));
    }

    @Transactional
    public void deleteModel(long id) {
        ModelView before = model(id);
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
        // counted over the whole board: a model may be used by schools the user cannot see
        if (jdbc.sql("SELECT count(*) FROM asset WHERE model_id = ?").param(id).query(Long.class).single() > 0) {
            throw new ConflictException("asset.error.model.inUse", "assets of this model exist; the model cannot be removed");
        }
        jdbc.sql("DELETE FROM asset_model WHERE id = ?").param(id).update();
        publish("asset-model", id, RecordChanged.DELETED, before.name(), snapshot(new ModelForm(before.manufacturerId(),
                before.name(), before.kind(), before.modelNumber(), before.endOfLifeMonths(), before.notes(), null)), Map.of());
    }

    private void requireManufacturer(Long manufacturerId) {
        if (manufacturerId == null || jdbc.sql("SELECT count(*) FROM manufacturer WHERE id = ? AND board_id = ?")
                .params(manufacturerId, board()).query(Long.class).single() == 0) {
            throw InvalidInputException.of("manufacturerId", "error.reference", "does not exist");
        }
    }

    private static Map<String, Object> snapshot(ModelForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("manufacturerId", f.manufacturerId());
        m.put("name", f.name() == null ? null : f.name().strip());
        m.put("kind", f.kind());
        m.put("modelNumber", blank(f.modelNumber()));
        m.put("endOfLifeMonths", f.endOfLifeMonths());
        m.put("notes", blank(f.notes()));
        return m;
    }

    // ---- custom fields ----

    /** The custom fields of one kind (or all kinds when null), in their order. */
    public List<FieldView> fields(AssetKind kind) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        return fieldsOfBoard(board(), kind);
    }

    /** The custom fields of a kind in a board, without a role check: for the inventory's own validation. */
    List<FieldView> fieldsOfBoard(long boardId, AssetKind kind) {
        return jdbc.sql(FIELD_SELECT + " WHERE board_id = :board" + (kind == null ? "" : " AND kind = :kind")
                        + " ORDER BY kind, position, lower(label), id")
                .param("board", boardId).params(kind == null ? Map.of() : Map.of("kind", kind.name()))
                .query(this::fieldRow).list();
    }

    public FieldView field(long id) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        return jdbc.sql(FIELD_SELECT + " WHERE id = ? AND board_id = ?").params(id, board()).query(this::fieldRow)
                .optional().orElseThrow(() -> new NotFoundException("asset-field", id));
    }

    @Transactional
    public long createField(FieldForm form) {
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
        String key = form.key().strip();
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (!key.matches("[a-z][a-z0-9_]{0,39}")) {
            problems.add(new InvalidInputException.FieldProblem("key", "asset.error.field.key",
                    "use a lower-case letter followed by lower-case letters, digits or _"));
        }
        List<String> choices = choices(form, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO asset_field (board_id, kind, key, label, type, choices, required, position)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(board(), form.kind().name(), key, form.label().strip(), form.type().name(),
                            choices.toArray(String[]::new), Boolean.TRUE.equals(form.required()),
                            form.position() == null ? 0 : form.position())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("key", "asset.error.field.keyTaken", "this kind already has a field with this key");
        }
        publish("asset-field", id, RecordChanged.CREATED, form.label(), Map.of(), snapshot(form, key, choices));
        return id;
    }

    @Transactional
    public void updateField(long id, FieldForm form) {
        FieldView before = field(id);
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (form.kind() != before.kind()) {
            problems.add(new InvalidInputException.FieldProblem("kind", "asset.error.field.fixed", "cannot be changed"));
        }
        if (!before.key().equals(form.key().strip())) {
            problems.add(new InvalidInputException.FieldProblem("key", "asset.error.field.fixed", "cannot be changed"));
        }
        if (form.type() != before.type()) {
            problems.add(new InvalidInputException.FieldProblem("type", "asset.error.field.fixed", "cannot be changed"));
        }
        List<String> choices = choices(form, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n = jdbc.sql("""
                UPDATE asset_field SET label = ?, choices = ?, required = ?, position = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(form.label().strip(), choices.toArray(String[]::new), Boolean.TRUE.equals(form.required()),
                        form.position() == null ? 0 : form.position(), id, versionOf(form.version(), before.version()))
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion("asset-field", id);
        }
        publish("asset-field", id, RecordChanged.UPDATED, form.label(),
                snapshot(new FieldForm(before.kind(), before.key(), before.label(), before.type(), before.choices(),
                        before.required(), before.position(), null), before.key(), before.choices()),
                snapshot(form, before.key(), choices));
    }

    /** Removes a field and its values from every asset of the board. */
    @Transactional
    public void deleteField(long id) {
        FieldView before = field(id);
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
        jdbc.sql("""
                UPDATE asset SET extra = extra - CAST(:key AS text), version = version + 1, updated_at = now()
                WHERE kind = :kind AND jsonb_exists(extra, :key) AND school_id IN (SELECT id FROM school WHERE board_id = :board)""")
                .param("key", before.key()).param("kind", before.kind().name()).param("board", board()).update();
        jdbc.sql("DELETE FROM asset_field WHERE id = ?").param(id).update();
        publish("asset-field", id, RecordChanged.DELETED, before.label(),
                snapshot(new FieldForm(before.kind(), before.key(), before.label(), before.type(), before.choices(),
                        before.required(), before.position(), null), before.key(), before.choices()), Map.of());
    }

    private static List<String> choices(FieldForm form, List<InvalidInputException.FieldProblem> problems) {
        List<String> choices = form.choices() == null ? List.of()
                : form.choices().stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
        if (form.type() == FieldType.CHOICE && choices.isEmpty()) {
            problems.add(new InvalidInputException.FieldProblem("choices", "asset.error.field.choices",
                    "a choice field needs at least one choice"));
        }
        return form.type() == FieldType.CHOICE ? choices : List.of();
    }

    private static Map<String, Object> snapshot(FieldForm f, String key, List<String> choices) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind());
        m.put("key", key);
        m.put("label", f.label() == null ? null : f.label().strip());
        m.put("type", f.type());
        m.put("choices", choices.isEmpty() ? null : String.join(" | ", choices));
        m.put("required", Boolean.TRUE.equals(f.required()));
        m.put("position", f.position() == null ? 0 : f.position());
        return m;
    }

    // ---- helpers ----

    private long board() {
        return access.current().boardId();
    }

    private void publish(String type, long id, String action, String label, Map<String, ?> before, Map<String, ?> after) {
        events.publishEvent(new RecordChanged(type, id, board(), null, action, label == null ? null : label.strip(),
                RecordChanged.diff(before, after)));
    }

    private static long unique(String field, java.util.function.LongSupplier write) {
        try {
            return write.getAsLong();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of(field, "error.duplicate", "already exists");
        }
    }

    private static int versionOf(Integer given, int current) {
        return given == null ? current : given;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final String MANUFACTURER_SELECT = """
            SELECT f.id, f.name, f.website, f.support_email, f.support_phone,
                   (SELECT count(*) FROM asset_model m WHERE m.manufacturer_id = f.id) AS models, f.version
            FROM manufacturer f""";
    private static final org.springframework.jdbc.core.RowMapper<ManufacturerView> MANUFACTURER_ROW = (rs, n) ->
            new ManufacturerView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getInt(6), rs.getInt(7));

    private static final String MODEL_SELECT = """
            SELECT m.id, m.manufacturer_id, f.name AS manufacturer_name, m.name, m.kind, m.model_number,
                   m.end_of_life_months, m.notes, coalesce(c.n, 0) AS assets, m.version
            FROM asset_model m JOIN manufacturer f ON f.id = m.manufacturer_id
            LEFT JOIN (SELECT model_id, count(*) AS n FROM asset WHERE school_id = ANY(CAST(:ids AS bigint[]))
                       GROUP BY model_id) c ON c.model_id = m.id""";
    private static final org.springframework.jdbc.core.RowMapper<ModelView> MODEL_ROW = (rs, n) ->
            new ModelView(rs.getLong("id"), rs.getLong("manufacturer_id"), rs.getString("manufacturer_name"),
                    rs.getString("name"), AssetKind.valueOf(rs.getString("kind")), rs.getString("model_number"),
                    (Integer) rs.getObject("end_of_life_months"), rs.getString("notes"), (Long) rs.getObject("assets"),
                    rs.getInt("version"));

    private static final String FIELD_SELECT =
            "SELECT id, kind, key, label, type, choices, required, position, version FROM asset_field";

    private FieldView fieldRow(ResultSet rs, int n) throws SQLException {
        Array choices = rs.getArray("choices");
        return new FieldView(rs.getLong("id"), AssetKind.valueOf(rs.getString("kind")), rs.getString("key"),
                rs.getString("label"), FieldType.valueOf(rs.getString("type")),
                choices == null ? List.of() : List.of((String[]) choices.getArray()), rs.getBoolean("required"),
                rs.getInt("position"), rs.getInt("version"));
    }
}
