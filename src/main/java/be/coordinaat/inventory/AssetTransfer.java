package be.coordinaat.inventory;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.inventory.Forms.ManufacturerForm;
import be.coordinaat.inventory.Forms.ModelForm;
import be.coordinaat.inventory.Views.FieldView;
import be.coordinaat.inventory.domain.AssetListQuery;
import be.coordinaat.inventory.domain.CustomFields;
import be.coordinaat.inventory.domain.TagPrefixes;
import be.coordinaat.inventory.transfer.ImportColumns;
import be.coordinaat.inventory.transfer.ImportWriter;
import be.coordinaat.inventory.transfer.RowChecker;
import be.coordinaat.school.Schools;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.transfer.TableLimits;
import be.coordinaat.shared.transfer.TableReader;
import be.coordinaat.shared.transfer.TableWriter;
import be.coordinaat.shared.transfer.TransferException;
import be.coordinaat.shared.web.Formats;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import and export of assets. An import targets one school the user may manage: the uploaded CSV or XLSX file is
 * kept as a job (24 hours) with its column mapping and a validation report of every row; the commit writes all rows
 * or none in one transaction, in a background thread, reporting its progress. An export streams the asset list
 * with the list's filters, in the user's scope, as CSV (Belgian Excel) or XLSX.
 *
 * <p>History: every created or updated asset gets its own history entry (written in bulk, in the import's
 * transaction), and the import itself one entry ({@code asset-import}, IMPORTED, with the counts).
 */
@Service
public class AssetTransfer {

    public enum Mode { CREATE, UPDATE_BY_TAG, UPDATE_BY_SERIAL }

    public enum Status { OPEN, VALIDATED, RUNNING, DONE, FAILED }

    public enum Format { CSV, XLSX }

    /** A problem with one row: its number in the file (the header is row 1), the column's header, a message key. */
    public record RowError(int row, String column, String code, String message, List<String> args) {}

    /** The user's choices for an import; null keeps the current value. */
    public record Settings(List<String> mapping, Mode mode, Boolean createModels) {}

    /** An import job with its validation report (at most {@value #MAX_ERRORS} errors kept) and progress. */
    public record Job(long id, long schoolId, String schoolName, String fileName, String format, Mode mode,
            boolean createModels, Status status, List<String> headers, List<String> mapping, List<List<String>> preview,
            int totalRows, int processedRows, int newCount, int updateCount, int errorCount, List<RowError> errors,
            String failure, Instant createdAt) {

        public int percent() {
            return totalRows == 0 ? (status == Status.DONE ? 100 : 0) : Math.min(100, processedRows * 100 / totalRows);
        }

        public boolean finished() {
            return status == Status.DONE || status == Status.FAILED;
        }
    }

    public static final int MAX_ERRORS = 1000;
    public static final int PREVIEW_ROWS = 20;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final NamedParameterJdbcTemplate streaming;
    private final AccessControl access;
    private final Schools schools;
    private final AssetCatalog catalog;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    /** Writes the progress of a running import on its own connection, so every instance of the app can show it. */
    private final TransactionTemplate progressWrite;
    private final Path directory;
    private final ExecutorService worker = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "asset-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, AtomicInteger> progress = new ConcurrentHashMap<>();
    /** How often (in rows) a running import writes its progress to the database. */
    static final int PROGRESS_EVERY = 2000;

    AssetTransfer(JdbcClient jdbc, DataSource dataSource, AccessControl access, Schools schools, AssetCatalog catalog,
            ApplicationEventPublisher events, JsonMapper json, MessageSource messages,
            PlatformTransactionManager transactions,
            @Value("${coordinaat.import-dir:${java.io.tmpdir}/coordinaat-imports}") String directory) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.access = access;
        this.schools = schools;
        this.catalog = catalog;
        this.events = events;
        this.json = json;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.progressWrite = new TransactionTemplate(transactions);
        this.progressWrite.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.directory = Path.of(directory);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    // ---- import ----

    /**
     * Stores the file as a new import job for the school and validates every row with the mapping guessed from the
     * header. A school the user cannot see is 404, one the user may see but not manage 403; a file that is no
     * table is 400 on field {@code file}.
     */
    public Job start(long schoolId, String fileName, InputStream content, Mode mode, boolean createModels) {
        requireManage(schoolId);
        removeExpired();
        Path file;
        try {
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, "import-", ".upload");
            try (InputStream in = content) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = fileName == null || fileName.isBlank() ? "import" : fileName.strip();
        name = name.length() > 200 ? name.substring(name.length() - 200) : name;
        Validation v;
        try {
            v = validate(file, schoolId, mode == null ? Mode.CREATE : mode, createModels, null);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        long id = jdbc.sql("""
                INSERT INTO asset_import (board_id, school_id, user_id, file_name, file_path, format, mode, create_models,
                                          headers, mapping, preview, errors, status, total_rows, new_count, update_count, error_count)
                VALUES (:board, :school, :user, :name, :path, :format, :mode, :createModels, CAST(:headers AS jsonb),
                        CAST(:mapping AS jsonb), CAST(:preview AS jsonb), CAST(:errors AS jsonb), 'VALIDATED', :total,
                        :newCount, :updateCount, :errorCount) RETURNING id""")
                .param("board", access.current().boardId()).param("school", schoolId).param("user", access.current().id())
                .param("name", name).param("path", file.toString()).param("format", v.format)
                .param("mode", (mode == null ? Mode.CREATE : mode).name()).param("createModels", createModels)
                .params(v.params(json)).query(Long.class).single();
        return job(id);
    }

    /** An import job of a school the user may manage; 404 otherwise (also for expired jobs). */
    public Job job(long id) {
        Job job = jdbc.sql(JOB_SELECT + " WHERE i.id = :id AND i.school_id = ANY(CAST(:ids AS bigint[])) AND i.expires_at > now()")
                .param("id", id).param("ids", access.schoolArray(Permission.INVENTORY_MANAGE)).query(this::jobRow).optional()
                .orElseThrow(() -> new NotFoundException("asset-import", id));
        AtomicInteger p = progress.get(id);
        // the progress counted here, or (running on another instance of the app) the progress it wrote
        if (p != null && job.status() == Status.RUNNING && p.get() > job.processedRows()) {
            return new Job(job.id(), job.schoolId(), job.schoolName(), job.fileName(), job.format(), job.mode(),
                    job.createModels(), job.status(), job.headers(), job.mapping(), job.preview(), job.totalRows(), p.get(),
                    job.newCount(), job.updateCount(), job.errorCount(), job.errors(), job.failure(), job.createdAt());
        }
        return job;
    }

    /** The targets a column can be mapped to: the built-in fields and the custom fields of the board. */
    public List<String> targets() {
        List<String> targets = new ArrayList<>(ImportColumns.TARGETS.keySet());
        fields().stream().map(f -> "extra." + f.key()).distinct().forEach(targets::add);
        return targets;
    }

    /** The custom fields of the board, for the labels of the mapping choices. */
    public List<FieldView> fields() {
        return catalog.fieldsOfBoard(access.current().boardId(), null);
    }

    /** Changes mapping, mode or model creation and validates every row again. */
    public Job configure(long id, Settings settings) {
        Job job = job(id);
        if (job.status() != Status.VALIDATED) {
            throw new ConflictException("import.error.notOpen", "the import has already been started");
        }
        List<String> mapping = settings.mapping() == null ? job.mapping() : settings.mapping();
        if (mapping.size() != job.headers().size()) {
            throw InvalidInputException.of("mapping", "import.error.mapping.size", "must name a target for every column",
                    job.headers().size());
        }
        List<FieldView> fields = fields();
        List<String> seen = new ArrayList<>();
        for (String t : mapping) {
            if (!ImportColumns.valid(t, fields)) {
                throw InvalidInputException.of("mapping", "import.error.mapping.target", "names an unknown field", t);
            }
            if (t != null && !t.isEmpty()) {
                if (seen.contains(t)) {
                    throw InvalidInputException.of("mapping", "import.error.mapping.twice", "maps two columns to one field", t);
                }
                seen.add(t);
            }
        }
        Mode mode = settings.mode() == null ? job.mode() : settings.mode();
        boolean createModels = settings.createModels() == null ? job.createModels() : settings.createModels();
        Validation v = validate(filePath(id), job.schoolId(), mode, createModels,
                mapping.stream().map(t -> t == null ? "" : t).toList());
        jdbc.sql("""
                UPDATE asset_import SET mode = :mode, create_models = :createModels, headers = CAST(:headers AS jsonb),
                       mapping = CAST(:mapping AS jsonb), preview = CAST(:preview AS jsonb), errors = CAST(:errors AS jsonb),
                       total_rows = :total, new_count = :newCount, update_count = :updateCount, error_count = :errorCount
                WHERE id = :id AND status = 'VALIDATED'""")
                .param("mode", mode.name()).param("createModels", createModels).params(v.params(json)).param("id", id)
                .update();
        return job(id);
    }

    /**
     * Starts writing the rows (in the background; the job reports progress, then DONE or FAILED). Only a validated
     * import without errors can start; everything is written in one transaction, so a failure leaves nothing.
     */
    public Job commit(long id) {
        Job job = job(id);
        if (job.errorCount() > 0) {
            throw new ConflictException("import.error.hasErrors", "the file has errors; fix them and upload it again");
        }
        if (job.totalRows() == 0) {
            throw new ConflictException("import.error.noRows", "the file has no rows to import");
        }
        int n = jdbc.sql("UPDATE asset_import SET status = 'RUNNING', processed_rows = 0 WHERE id = ? AND status = 'VALIDATED'")
                .param(id).update();
        if (n == 0) {
            throw new ConflictException("import.error.notOpen", "the import has already been started");
        }
        progress.put(id, new AtomicInteger());
        SecurityContext context = SecurityContextHolder.getContext();
        Path file = filePath(id);
        worker.submit(() -> {
            SecurityContextHolder.setContext(context);
            try {
                int[] counts = transaction.execute(status -> write(job, file));
                jdbc.sql("""
                        UPDATE asset_import SET status = 'DONE', processed_rows = :n, new_count = :created,
                               update_count = :updated, finished_at = now() WHERE id = :id""")
                        .param("n", counts[0] + counts[1]).param("created", counts[0]).param("updated", counts[1])
                        .param("id", id).update();
                delete(file);
            } catch (RowsFailed e) {
                fail(id, e.errors, null);
            } catch (RuntimeException | Error e) {
                fail(id, List.of(), e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()));
            } finally {
                progress.remove(id);
                SecurityContextHolder.clearContext();
            }
        });
        return job(id);
    }

    private static final class RowsFailed extends RuntimeException {
        final List<RowError> errors;

        RowsFailed(List<RowError> errors) {
            super("rows failed", null, false, false);
            this.errors = errors;
        }
    }

    private void fail(long id, List<RowError> errors, String failure) {
        jdbc.sql("""
                UPDATE asset_import SET status = 'FAILED', errors = CAST(:errors AS jsonb), error_count = :count,
                       failure = :failure, finished_at = now() WHERE id = :id""")
                .param("errors", json.writeValueAsString(errors)).param("count", errors.size())
                .param("failure", failure == null ? null : failure.substring(0, Math.min(1900, failure.length())))
                .param("id", id).update();
    }

    /** Inside the import's transaction: checks every row again against the current data and writes it. */
    private int[] write(Job job, Path file) {
        RowChecker checker = checker(job.schoolId(), job.mode(), job.createModels(), job.headers(), job.mapping());
        ImportWriter writer = new ImportWriter(template, json, events, checker, access.current().boardId(), job.schoolId(),
                TagPrefixes.of(schools.school(job.schoolId()).name()), this::createModel);
        AtomicInteger counter = progress.get(job.id());
        boolean[] header = {true};
        TableReader.read(file, TableLimits.DEFAULT, (row, cells) -> {
            if (header[0]) {
                header[0] = false;
                return true;
            }
            RowChecker.Result r = checker.check(row, cells);
            if (!r.errors().isEmpty()) {
                throw new RowsFailed(r.errors());
            }
            writer.add(r.candidate());
            if (counter.incrementAndGet() % PROGRESS_EVERY == 0) {
                int done = counter.get();
                progressWrite.executeWithoutResult(t -> jdbc.sql("UPDATE asset_import SET processed_rows = ? WHERE id = ?")
                        .params(done, job.id()).update());
            }
            return true;
        });
        writer.finish();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("file", job.fileName());
        after.put("created", writer.created());
        after.put("updated", writer.updated());
        events.publishEvent(new RecordChanged("asset-import", job.id(), access.current().boardId(), job.schoolId(),
                "IMPORTED", job.fileName(), RecordChanged.diff(Map.of(), after)));
        return new int[] {writer.created(), writer.updated()};
    }

    private Long createModel(RowChecker.ModelKey key, AssetKind kind) {
        long board = access.current().boardId();
        Long manufacturer = jdbc.sql("SELECT id FROM manufacturer WHERE board_id = ? AND lower(name) = lower(?)")
                .params(board, key.manufacturer()).query(Long.class).optional().orElse(null);
        if (manufacturer == null) {
            manufacturer = catalog.createManufacturer(new ManufacturerForm(key.manufacturer(), null, null, null, null));
        }
        return catalog.createModel(new ModelForm(manufacturer, key.model(), kind, null, null, null, null));
    }

    /** The validation report of one pass over the file. */
    private record Validation(String format, List<String> headers, List<String> mapping, List<List<String>> preview,
            List<RowError> errors, int total, int newCount, int updateCount, int errorCount) {

        Map<String, Object> params(JsonMapper json) {
            Map<String, Object> p = new HashMap<>();
            p.put("headers", json.writeValueAsString(headers));
            p.put("mapping", json.writeValueAsString(mapping));
            p.put("preview", json.writeValueAsString(preview));
            p.put("errors", json.writeValueAsString(errors));
            p.put("total", total);
            p.put("newCount", newCount);
            p.put("updateCount", updateCount);
            p.put("errorCount", errorCount);
            return p;
        }
    }

    private Validation validate(Path file, long schoolId, Mode mode, boolean createModels, List<String> givenMapping) {
        List<String> headers = new ArrayList<>();
        List<String> mapping = new ArrayList<>();
        List<List<String>> preview = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int[] counts = new int[4];
        RowChecker[] checker = new RowChecker[1];
        TableReader.Info info = TableReader.read(file, TableLimits.DEFAULT, (row, cells) -> {
            if (checker[0] == null) {
                cells.forEach(h -> headers.add(h.strip()));
                mapping.addAll(givenMapping != null ? givenMapping : ImportColumns.guess(headers, fields()));
                checker[0] = checker(schoolId, mode, createModels, headers, mapping);
                return true;
            }
            counts[0]++;
            if (preview.size() < PREVIEW_ROWS) {
                List<String> shown = new ArrayList<>();
                cells.forEach(c -> shown.add(c.length() > 200 ? c.substring(0, 200) + "…" : c));
                preview.add(shown);
            }
            RowChecker.Result r = checker[0].check(row, cells);
            if (r.errors().isEmpty()) {
                counts[r.candidate().existingId() == null ? 1 : 2]++;
            } else {
                counts[3]++;
                for (RowError e : r.errors()) {
                    if (errors.size() < MAX_ERRORS) {
                        errors.add(e);
                    }
                }
            }
            return true;
        });
        if (headers.isEmpty()) {
            throw new TransferException("import.error.empty", "is empty");
        }
        if (mapping.stream().allMatch(String::isEmpty)) {
            errors.add(0, new RowError(1, "", "import.error.noColumns", "no column is mapped to an asset field", List.of()));
            counts[3]++;
        }
        return new Validation(info.format().name(), headers, mapping, preview, errors, counts[0], counts[1], counts[2],
                counts[3]);
    }

    private RowChecker checker(long schoolId, Mode mode, boolean createModels, List<String> headers, List<String> mapping) {
        return new RowChecker(jdbc, schoolId, mode, createModels, headers, mapping, catalog.modelChoices(), fields(),
                labels(AssetKind.values(), "asset.kind."), labels(AssetStatus.values(), "asset.status."));
    }

    /** Enum values by their name and their Dutch and English labels, lower-cased. */
    private <E extends Enum<E>> Map<String, E> labels(E[] values, String prefix) {
        Map<String, E> map = new HashMap<>();
        for (E e : values) {
            map.put(e.name().toLowerCase(Locale.ROOT), e);
            map.put(e.name().replace('_', ' ').toLowerCase(Locale.ROOT), e);
            for (Locale locale : List.of(Locale.forLanguageTag("nl-BE"), Locale.ENGLISH)) {
                String label = messages.getMessage(prefix + e.name(), null, null, locale);
                if (label != null) {
                    map.putIfAbsent(label.strip().toLowerCase(Locale.ROOT), e);
                }
            }
        }
        return map;
    }

    private void requireManage(long schoolId) {
        if (!access.can(Permission.INVENTORY_READ, schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        access.require(Permission.INVENTORY_MANAGE, schoolId);
    }

    private Path filePath(long id) {
        return Path.of(jdbc.sql("SELECT file_path FROM asset_import WHERE id = ?").param(id).query(String.class).single());
    }

    private void removeExpired() {
        for (String path : jdbc.sql("DELETE FROM asset_import WHERE expires_at < now() AND status <> 'RUNNING' RETURNING file_path")
                .query(String.class).list()) {
            delete(Path.of(path));
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // removed with the next clean-up
        }
    }

    private static final String JOB_SELECT = """
            SELECT i.id, i.school_id, s.name AS school_name, i.file_name, i.format, i.mode, i.create_models, i.status,
                   i.headers::text AS headers, i.mapping::text AS mapping, i.preview::text AS preview, i.total_rows,
                   i.processed_rows, i.new_count, i.update_count, i.error_count, i.errors::text AS errors, i.failure,
                   i.created_at
            FROM asset_import i JOIN school s ON s.id = i.school_id""";

    private Job jobRow(ResultSet rs, int n) throws SQLException {
        return new Job(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"), rs.getString("file_name"),
                rs.getString("format"), Mode.valueOf(rs.getString("mode")), rs.getBoolean("create_models"),
                Status.valueOf(rs.getString("status")),
                json.readValue(rs.getString("headers"), new TypeReference<List<String>>() {}),
                json.readValue(rs.getString("mapping"), new TypeReference<List<String>>() {}),
                json.readValue(rs.getString("preview"), new TypeReference<List<List<String>>>() {}),
                rs.getInt("total_rows"), rs.getInt("processed_rows"), rs.getInt("new_count"), rs.getInt("update_count"),
                rs.getInt("error_count"), json.readValue(rs.getString("errors"), new TypeReference<List<RowError>>() {}),
                rs.getString("failure"), rs.getTimestamp("created_at").toInstant());
    }

    // ---- export ----

    /** The columns an export has beyond the list's. */
    private static final String EXPORT_COLUMNS = ", a.price, a.supplier, a.order_reference, a.notes, a.extra::text AS extra";

    /**
     * Writes the assets matching the list's filter (free text {@code q}, {@code sort} as on the list) in the user's
     * scope, streamed from the database; a school filter outside the scope is 404, like on the list.
     */
    @Transactional(readOnly = true)
    public void export(AssetFilter filter, String q, String sort, Format format, Locale locale, OutputStream out) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        if (!filter.wellFormed()) {
            throw InvalidInputException.of("warranty", "asset.error.filter.window", "use ended/passed or a number of days");
        }
        if (filter.school() != null && !access.can(Permission.INVENTORY_READ, filter.school())) {
            throw new NotFoundException("school", filter.school());
        }
        PageQuery query = PageQuery.of(null, null, sort, q);
        AssetListQuery.Sql sql = AssetListQuery.build(AssetListQuery.scope(access.schools(Permission.INVENTORY_READ)), filter,
                extraConditions(filter.extra()), AssetListQuery.terms(query.q()), query.sort(), query.descending(),
                Integer.MAX_VALUE, 0, LocalDate.now(Formats.ZONE));
        // all matches, in the list's order: the index-ordered form of the list's own query
        String page = sql.page(Long.MAX_VALUE);
        if (!page.startsWith(AssetListQuery.COLUMNS)) {
            throw new IllegalStateException("the list query changed its shape");
        }
        // the list's own query (same filter, scope and order), with the columns an export adds
        String select = AssetListQuery.COLUMNS + EXPORT_COLUMNS + page.substring(AssetListQuery.COLUMNS.length());
        Map<String, String> fieldLabels = new LinkedHashMap<>();
        fields().forEach(f -> fieldLabels.putIfAbsent(f.key(), f.label()));
        List<String> header = new ArrayList<>();
        header.add(messages.getMessage("export.column.school", null, locale));
        for (String t : ImportColumns.TARGETS.keySet()) {
            header.add(messages.getMessage("import.target." + t, null, locale));
        }
        header.addAll(fieldLabels.values());
        try (TableWriter writer = format == Format.XLSX ? TableWriter.xlsx(out, "Assets") : TableWriter.csv(out)) {
            writer.row(header);
            streaming.query(select, sql.params(), rs -> {
                List<Object> row = new ArrayList<>(header.size());
                row.add(rs.getString("school_name"));
                row.add(rs.getString("tag"));
                row.add(rs.getString("name"));
                row.add(rs.getString("serial"));
                row.add(rs.getString("model_name"));
                row.add(rs.getString("manufacturer_name"));
                row.add(messages.getMessage("asset.kind." + rs.getString("kind"), null, rs.getString("kind"), locale));
                row.add(messages.getMessage("asset.status." + rs.getString("status"), null, rs.getString("status"), locale));
                row.add(rs.getString("room_code") != null ? rs.getString("room_code") : rs.getString("room_name"));
                row.add(rs.getObject("purchase_date", LocalDate.class));
                row.add(rs.getBigDecimal("price"));
                row.add(rs.getString("supplier"));
                row.add(rs.getString("order_reference"));
                row.add(rs.getObject("warranty_end", LocalDate.class));
                row.add(rs.getObject("end_of_life", LocalDate.class));
                row.add(rs.getString("notes"));
                if (!fieldLabels.isEmpty()) {
                    Map<String, Object> extra = json.readValue(rs.getString("extra"), new TypeReference<Map<String, Object>>() {});
                    fieldLabels.keySet().forEach(k -> row.add(extra.get(k) == null ? null : extra.get(k).toString()));
                }
                writer.row(row);
            });
        }
    }

    /** As the list: {@code key:value} custom-field filters as JSON objects, typed as the fields store their values. */
    private List<String> extraConditions(List<String> extra) {
        if (extra.isEmpty()) {
            return List.of();
        }
        Map<String, FieldType> types = new LinkedHashMap<>();
        fields().forEach(f -> types.putIfAbsent(f.key(), f.type()));
        List<String> conditions = new ArrayList<>();
        for (String e : extra) {
            int colon = e.indexOf(':');
            String key = colon < 0 ? e : e.substring(0, colon);
            Object value = colon < 1 || !types.containsKey(key) ? null : CustomFields.filterValue(types.get(key), e.substring(colon + 1));
            if (value == null) {
                throw InvalidInputException.of("extra", "asset.error.extra.filter", "use key:value with the key of a custom field", e);
            }
            conditions.add(json.writeValueAsString(Map.of(key, value)));
        }
        return conditions;
    }

    /** Schools the user may import into. */
    public List<be.coordinaat.access.SchoolDirectory.SchoolRef> schools() {
        return access.visibleSchools(Permission.INVENTORY_MANAGE);
    }
}
