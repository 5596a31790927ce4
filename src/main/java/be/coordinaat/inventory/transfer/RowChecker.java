package be.coordinaat.inventory.transfer;

import be.coordinaat.inventory.AssetKind;
import be.coordinaat.inventory.AssetStatus;
import be.coordinaat.inventory.AssetTransfer.Mode;
import be.coordinaat.inventory.AssetTransfer.RowError;
import be.coordinaat.inventory.Views.FieldView;
import be.coordinaat.inventory.Views.ModelView;
import be.coordinaat.inventory.domain.CustomFields;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.transfer.CellValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks the rows of an import against the school's current data, one row at a time: formats, references (model,
 * room), tags unique per school and within the file, the life cycle, custom fields. A row becomes a
 * {@link Candidate} (a new asset, or changes to an existing one) or a list of {@link RowError}s naming the row,
 * the column and the reason. Holds what it has seen of the file (tags, serials), so one checker checks one pass.
 */
public final class RowChecker {

    static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]*");
    static final BigDecimal MAX_PRICE = new BigDecimal("10000000000");

    /** A model named in the file: manufacturer (may be null) and model name. */
    public record ModelKey(String manufacturer, String model) {}

    /** An existing asset, as much as the checks need. */
    record Existing(long id, String tag, String serial, AssetKind kind, AssetStatus status) {}

    /** A checked row: a new asset ({@code existingId} null) or the fields given for an existing one. */
    public record Candidate(int row, Long existingId, Set<String> present, String tag, String name, String serial,
            AssetKind kind, AssetStatus status, Long modelId, ModelKey newModel, Long roomId, LocalDate purchaseDate,
            BigDecimal price, String supplier, String orderReference, LocalDate warrantyEnd, LocalDate endOfLife,
            String notes, Map<String, Object> extra) {}

    /** The outcome for one row. */
    public record Result(Candidate candidate, List<RowError> errors) {}

    private final Mode mode;
    private final boolean createModels;
    private final List<String> headers;
    private final List<String> mapping;
    private final Map<String, AssetKind> kinds;
    private final Map<String, AssetStatus> statuses;
    private final Map<AssetKind, List<FieldView>> fields;
    private final Map<String, Existing> byTag = new HashMap<>();
    private final Map<String, Existing> bySerial = new HashMap<>();
    private final Set<String> ambiguousSerials = new HashSet<>();
    private final Map<String, ModelView> models = new HashMap<>();
    private final Map<String, ModelView> modelsByName = new HashMap<>();
    private final Map<String, Long> rooms = new HashMap<>();
    private final Map<Long, String> roomLabels = new HashMap<>();
    private final Map<Long, ModelView> modelsById = new HashMap<>();
    private final Set<String> seenTags = new HashSet<>();
    private final Set<String> seenSerials = new HashSet<>();
    private final Set<Long> seenExisting = new HashSet<>();

    public RowChecker(JdbcClient jdbc, long schoolId, Mode mode, boolean createModels, List<String> headers,
            List<String> mapping, List<ModelView> modelList, List<FieldView> fieldList, Map<String, AssetKind> kinds,
            Map<String, AssetStatus> statuses) {
        this.mode = mode;
        this.createModels = createModels;
        this.headers = headers;
        this.mapping = mapping;
        this.kinds = kinds;
        this.statuses = statuses;
        this.fields = new HashMap<>();
        fieldList.forEach(f -> fields.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f));
        jdbc.sql("SELECT id, tag, serial, kind, status FROM asset WHERE school_id = ?").param(schoolId)
                .query(rs -> {
                    Existing e = new Existing(rs.getLong(1), rs.getString(2), rs.getString(3),
                            AssetKind.valueOf(rs.getString(4)), AssetStatus.valueOf(rs.getString(5)));
                    byTag.put(lower(e.tag()), e);
                    if (e.serial() != null) {
                        String s = lower(e.serial());
                        if (bySerial.put(s, e) != null) {
                            ambiguousSerials.add(s);
                        }
                    }
                });
        for (ModelView m : modelList) {
            models.put(lower(m.manufacturerName()) + "\u0000" + lower(m.name()), m);
            modelsById.put(m.id(), m);
            String name = lower(m.name());
            modelsByName.put(name, modelsByName.containsKey(name) ? null : m);
        }
        jdbc.sql("SELECT id, code, name FROM room WHERE school_id = ?").param(schoolId).query(rs -> {
            long id = rs.getLong(1);
            String code = rs.getString(2);
            String name = rs.getString(3);
            roomLabels.put(id, (code == null ? "" : code + " ") + name);
            for (String key : code == null ? List.of(lower(name)) : List.of(lower(code), lower(name), lower(code + " " + name))) {
                rooms.put(key, rooms.containsKey(key) && !rooms.get(key).equals(id) ? -1L : id);
            }
        });
    }

    public String roomLabel(Long id) {
        return id == null ? null : roomLabels.get(id);
    }

    public ModelView model(Long id) {
        return id == null ? null : modelsById.get(id);
    }

    /** Whether the tag is used by an asset of the school (case-insensitive) or earlier in this file. */
    public boolean tagTaken(String tag) {
        return byTag.containsKey(lower(tag)) || seenTags.contains(lower(tag));
    }

    public void claimTag(String tag) {
        seenTags.add(lower(tag));
    }

    public Result check(int row, List<String> cells) {
        List<RowError> errors = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> columnOf = new HashMap<>();
        Map<String, Object> extraGiven = new LinkedHashMap<>();
        for (int i = 0; i < mapping.size(); i++) {
            String target = mapping.get(i);
            if (target == null || target.isEmpty()) {
                continue;
            }
            String value = i < cells.size() ? cells.get(i).strip() : "";
            columnOf.put(target, header(i));
            if (!value.isEmpty()) {
                if (target.startsWith("extra.")) {
                    extraGiven.put(target.substring(6), value);
                } else {
                    values.put(target, value);
                }
            }
        }
        for (int i = mapping.size(); i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                errors.add(new RowError(row, "", "import.error.row.extraValues", "has more values than the header has columns",
                        List.of()));
                break;
            }
        }
        if (values.isEmpty() && extraGiven.isEmpty()) {
            errors.add(new RowError(row, "", "import.error.row.empty", "has no values in the mapped columns", List.of()));
            return new Result(null, errors);
        }
        // text and its length
        String tag = text(values, columnOf, "tag", 40, row, errors);
        String name = text(values, columnOf, "name", 150, row, errors);
        String serial = text(values, columnOf, "serial", 100, row, errors);
        String supplier = text(values, columnOf, "supplier", 200, row, errors);
        String orderReference = text(values, columnOf, "orderReference", 100, row, errors);
        String notes = text(values, columnOf, "notes", 4000, row, errors);

        // which asset
        Existing existing = null;
        if (mode == Mode.UPDATE_BY_SERIAL) {
            if (serial == null) {
                errors.add(error(row, columnOf, "serial", "import.error.serial.required", "is required to find the asset"));
            } else if (ambiguousSerials.contains(lower(serial))) {
                errors.add(error(row, columnOf, "serial", "import.error.serial.ambiguous",
                        "belongs to several assets of this school"));
            } else {
                existing = bySerial.get(lower(serial));
            }
        }
        if (mode == Mode.UPDATE_BY_TAG && tag != null) {
            existing = byTag.get(lower(tag));
        }
        if (existing != null && !seenExisting.add(existing.id())) {
            errors.add(error(row, columnOf, mode == Mode.UPDATE_BY_SERIAL ? "serial" : "tag", "import.error.duplicateInFile",
                    "appears more than once in the file"));
        }
        if (tag != null) {
            if (!TAG.matcher(tag).matches()) {
                errors.add(error(row, columnOf, "tag", "asset.error.tag.format",
                        "use letters, digits and . _ / - (starting with a letter or digit)"));
            } else if (!seenTags.add(lower(tag))) {
                errors.add(error(row, columnOf, "tag", "import.error.duplicateInFile", "appears more than once in the file"));
            } else {
                Existing owner = byTag.get(lower(tag));
                if (owner != null && (existing == null || owner.id() != existing.id())) {
                    errors.add(error(row, columnOf, "tag", "asset.error.tag.taken", "is already used by another asset of this school"));
                }
            }
        }
        if (serial != null && mode == Mode.UPDATE_BY_SERIAL && !seenSerials.add(lower(serial)) && existing == null) {
            errors.add(error(row, columnOf, "serial", "import.error.duplicateInFile", "appears more than once in the file"));
        }

        // kind, model, status
        AssetKind kind = null;
        if (values.containsKey("kind")) {
            kind = kinds.get(lower(values.get("kind")));
            if (kind == null) {
                errors.add(error(row, columnOf, "kind", "import.error.kind", "is not a known kind", values.get("kind")));
            }
        }
        Long modelId = null;
        ModelKey newModel = null;
        String modelName = values.get("model");
        String manufacturer = values.get("manufacturer");
        if (modelName != null) {
            ModelView model = manufacturer != null ? models.get(lower(manufacturer) + "\u0000" + lower(modelName))
                    : modelsByName.get(lower(modelName));
            if (model != null) {
                modelId = model.id();
                if (kind == null && !values.containsKey("kind")) {
                    kind = model.kind();
                } else if (kind != null && kind != model.kind()) {
                    errors.add(error(row, columnOf, "model", "asset.error.model.kind", "is a model of another kind"));
                }
            } else if (createModels && manufacturer != null && modelName.length() <= 150 && manufacturer.length() <= 100) {
                newModel = new ModelKey(manufacturer, modelName);
            } else {
                errors.add(error(row, columnOf, "model", createModels ? "import.error.model.manufacturer" : "import.error.model.unknown",
                        createModels ? "needs a manufacturer to be created" : "does not exist", modelName));
            }
        }
        if (kind == null && existing != null && !values.containsKey("kind")) {
            kind = existing.kind();
        }
        if (kind == null && !values.containsKey("kind") && errors.stream().noneMatch(e -> e.code().startsWith("import.error.model"))) {
            errors.add(new RowError(row, columnOf.getOrDefault("kind", ""), "import.error.kind.required",
                    "the kind is required (a Kind column, or a model)", List.of()));
        }
        if (newModel != null && kind == null) {
            newModel = null;
        }
        AssetStatus status = null;
        if (values.containsKey("status")) {
            status = statuses.get(lower(values.get("status")));
            if (status == null) {
                errors.add(error(row, columnOf, "status", "import.error.status", "is not a known status", values.get("status")));
            } else if (!status.settableByHand()) {
                errors.add(error(row, columnOf, "status", "asset.error.status.onLoan", "is set by lending only"));
            } else if (existing != null && existing.status() != status && !existing.status().canChangeByHandTo(status)) {
                errors.add(error(row, columnOf, "status", "asset.error.status.transition",
                        "cannot change from " + existing.status() + " to " + status, existing.status(), status));
            }
        }

        // room
        Long roomId = null;
        if (values.containsKey("room")) {
            roomId = rooms.get(lower(values.get("room")));
            if (roomId == null) {
                errors.add(error(row, columnOf, "room", "import.error.room", "is not a room of this school", values.get("room")));
            } else if (roomId == -1L) {
                errors.add(error(row, columnOf, "room", "import.error.room.ambiguous", "names several rooms; use the room code",
                        values.get("room")));
                roomId = null;
            }
        }

        // dates and price
        LocalDate purchaseDate = date(values, columnOf, "purchaseDate", row, errors);
        LocalDate warrantyEnd = date(values, columnOf, "warrantyEnd", row, errors);
        LocalDate endOfLife = date(values, columnOf, "endOfLife", row, errors);
        if (purchaseDate != null && warrantyEnd != null && warrantyEnd.isBefore(purchaseDate)) {
            errors.add(error(row, columnOf, "warrantyEnd", "asset.error.beforePurchase", "lies before the purchase date"));
        }
        if (purchaseDate != null && endOfLife != null && endOfLife.isBefore(purchaseDate)) {
            errors.add(error(row, columnOf, "endOfLife", "asset.error.beforePurchase", "lies before the purchase date"));
        }
        BigDecimal price = null;
        if (values.containsKey("price")) {
            price = CellValues.decimal(values.get("price"));
            if (price == null) {
                errors.add(error(row, columnOf, "price", "import.error.number", "is not a number", values.get("price")));
            } else if (price.signum() < 0) {
                errors.add(error(row, columnOf, "price", "asset.error.price.negative", "must not be negative"));
                price = null;
            } else if (price.stripTrailingZeros().scale() > 2 || price.compareTo(MAX_PRICE) >= 0) {
                errors.add(error(row, columnOf, "price", "asset.error.price.format",
                        "must be an amount in euros with at most 2 decimals, below 10,000,000,000"));
                price = null;
            } else {
                price = price.setScale(2, java.math.RoundingMode.UNNECESSARY);
            }
        }

        // custom fields of the kind
        Map<String, Object> extra = Map.of();
        if (!extraGiven.isEmpty() || (existing == null && kind != null)) {
            if (kind == null) {
                if (!extraGiven.isEmpty() && errors.isEmpty()) {
                    errors.add(new RowError(row, "", "asset.error.extra.noKind", "needs the kind of the asset", List.of()));
                }
            } else {
                List<FieldView> defs = fields.getOrDefault(kind, List.of());
                if (existing != null) {
                    // an update keeps the values it does not name: only the given ones are checked
                    defs = defs.stream().map(d -> new FieldView(d.id(), d.kind(), d.key(), d.label(), d.type(), d.choices(),
                            false, d.position(), d.version())).toList();
                }
                CustomFields.Checked checked = CustomFields.check(defs, extraGiven);
                for (FieldProblem p : checked.problems()) {
                    String column = columnOf.getOrDefault(p.field(), p.field());
                    errors.add(new RowError(row, column, p.messageKey(), p.defaultMessage(),
                            java.util.Arrays.stream(p.args()).map(String::valueOf).toList()));
                }
                extra = checked.values();
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        Set<String> present = new LinkedHashSet<>(values.keySet());
        return new Result(new Candidate(row, existing == null ? null : existing.id(), present, tag, name, serial, kind, status,
                modelId, newModel, roomId, purchaseDate, price, supplier, orderReference, warrantyEnd, endOfLife, notes, extra),
                List.of());
    }

    private String header(int i) {
        return i < headers.size() ? headers.get(i) : "#" + (i + 1);
    }

    private static String text(Map<String, String> values, Map<String, String> columnOf, String target, int max, int row,
            List<RowError> errors) {
        String v = values.get(target);
        if (v != null && v.length() > max) {
            errors.add(error(row, columnOf, target, "import.error.tooLong", "must be at most " + max + " characters", max));
            return null;
        }
        return v;
    }

    private static LocalDate date(Map<String, String> values, Map<String, String> columnOf, String target, int row,
            List<RowError> errors) {
        String v = values.get(target);
        if (v == null) {
            return null;
        }
        LocalDate d = CellValues.date(v);
        if (d == null) {
            errors.add(error(row, columnOf, target, "import.error.date", "is not a date (dd/mm/yyyy or yyyy-mm-dd)", v));
        }
        return d;
    }

    private static RowError error(int row, Map<String, String> columnOf, String target, String code, String message,
            Object... args) {
        return new RowError(row, columnOf.getOrDefault(target, target), code, message,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
