package be.coordinaat.inventory;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.inventory.Forms.AssetForm;
import be.coordinaat.inventory.Forms.SavedFilterForm;
import be.coordinaat.inventory.Forms.StatusForm;
import be.coordinaat.inventory.Views.AssetPage;
import be.coordinaat.inventory.Views.AssetRow;
import be.coordinaat.inventory.Views.AssetView;
import be.coordinaat.inventory.Views.AttachmentFile;
import be.coordinaat.inventory.Views.AttachmentView;
import be.coordinaat.inventory.Views.FieldView;
import be.coordinaat.inventory.Views.ModelView;
import be.coordinaat.inventory.Views.PersonOption;
import be.coordinaat.inventory.Views.SavedFilterView;
import be.coordinaat.inventory.Views.SchoolSummary;
import be.coordinaat.inventory.domain.AssetListQuery;
import be.coordinaat.inventory.domain.CustomFields;
import be.coordinaat.shared.FileTypes;
import be.coordinaat.inventory.domain.TagPrefixes;
import be.coordinaat.school.Schools;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.web.Formats;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inventory's API: the assets of the schools, their life cycle, assignment, custom fields and attachments,
 * the asset list with its filters and saved filters, and the counts per school. Every read is limited in SQL to
 * the schools where the user holds INVENTORY_READ, and anything outside them answers 404 (also for guessed ids);
 * every write needs INVENTORY_MANAGE in the asset's school and is recorded in the history.
 *
 * <p>For the features built on it: {@link #lendOut} and {@link #returnFromLoan} are the only way in and out of
 * {@link AssetStatus#ON_LOAN}; {@link #markAudited} records a stocktake; tags are stable and unique per school.
 */
@Service
@Transactional(readOnly = true)
public class Inventory {

    public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    public static final int WARRANTY_SOON_DAYS = 90;
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]*");
    private static final BigDecimal MAX_PRICE = new BigDecimal("10000000000");

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Schools schools;
    private final AssetCatalog catalog;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    Inventory(JdbcClient jdbc, AccessControl access, Schools schools, AssetCatalog catalog,
            ApplicationEventPublisher events, JsonMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.schools = schools;
        this.catalog = catalog;
        this.events = events;
        this.json = json;
    }

    // ---- scope ----

    /** The schools whose inventory the current user may see, for choosers. */
    public List<SchoolRef> readableSchools() {
        return access.visibleSchools(Permission.INVENTORY_READ);
    }

    /** The schools whose inventory the current user may change, for choosers. */
    public List<SchoolRef> manageableSchools() {
        return access.visibleSchools(Permission.INVENTORY_MANAGE);
    }

    public boolean canManage(long schoolId) {
        return access.can(Permission.INVENTORY_MANAGE, schoolId);
    }

    // ---- list ----

    /**
     * One page of the assets matching the filter, in the schools the user may see; a school filter naming any
     * other school is 404, like the school itself. A text search counts its matches up to 1,000.
     */
    public AssetPage assets(AssetFilter filter, PageQuery query) {
        Set<Long> readable = access.schools(Permission.INVENTORY_READ);
        if (readable.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("no INVENTORY_READ");
        }
        if (!filter.wellFormed()) {
            throw InvalidInputException.of(filter.warranty() != null && !filter.warranty().matches("ended|\\d{1,4}") ? "warranty" : "endOfLife",
                    "asset.error.filter.window", "use ended/passed or a number of days");
        }
        if (filter.school() != null && !readable.contains(filter.school())) {
            throw new NotFoundException("school", filter.school());
        }
        AssetListQuery.Sql sql = AssetListQuery.build(AssetListQuery.scope(readable), filter,
                extraConditions(filter.extra()), AssetListQuery.terms(query.q()), query.sort(), query.descending(),
                query.size(), (long) query.page() * query.size(), today());
        jdbc.sql(AssetListQuery.CUSTOM_PLANS).update();
        long total = jdbc.sql(sql.count()).params(without(sql.params(), "limit", "offset")).query(Long.class).single();
        List<AssetRow> items = jdbc.sql(sql.page(total)).params(sql.params()).query(ASSET_ROW).list();
        boolean capped = query.q() != null && total > AssetListQuery.TEXT_COUNT_LIMIT;
        return new AssetPage(items, capped ? AssetListQuery.TEXT_COUNT_LIMIT : total, capped, query.page(), query.size());
    }

    /** The {@code key:value} custom-field filters as JSON objects, typed as the fields store their values. */
    private List<String> extraConditions(List<String> extra) {
        if (extra.isEmpty()) {
            return List.of();
        }
        Map<String, FieldType> types = new LinkedHashMap<>();
        catalog.fieldsOfBoard(access.current().boardId(), null).forEach(f -> types.putIfAbsent(f.key(), f.type()));
        List<String> conditions = new ArrayList<>();
        for (String e : extra) {
            int colon = e.indexOf(':');
            String key = colon < 0 ? e : e.substring(0, colon);
            if (colon < 1 || !types.containsKey(key)) {
                throw InvalidInputException.of("extra", "asset.error.extra.filter",
                        "use key:value with the key of a custom field", e);
            }
            Object value = CustomFields.filterValue(types.get(key), e.substring(colon + 1));
            if (value == null) {
                throw InvalidInputException.of("extra", "asset.error.extra.filter",
                        "use key:value with the key of a custom field", e);
            }
            conditions.add(json.writeValueAsString(Map.of(key, value)));
        }
        return conditions;
    }

    // ---- one asset ----

    /** An asset in a school the user may see; 404 otherwise. */
    public AssetView asset(long id) {
        return jdbc.sql(ASSET_SELECT + " WHERE a.id = :id AND a.school_id = ANY(CAST(:ids AS bigint[]))")
                .param("id", id).param("ids", AssetListQuery.scope(access.schools(Permission.INVENTORY_READ)))
                .query(this::assetView).optional().orElseThrow(() -> new NotFoundException("asset", id));
    }

    /** The custom fields that apply to an asset of this kind, for forms and the detail page. */
    public List<FieldView> fieldsFor(AssetKind kind) {
        return kind == null ? List.of() : catalog.fields(kind);
    }

    @Transactional
    public long create(AssetForm form) {
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
        if (form.schoolId() == null || !access.can(Permission.INVENTORY_READ, form.schoolId())) {
            throw InvalidInputException.of("schoolId", form.schoolId() == null ? "error.required" : "error.reference",
                    form.schoolId() == null ? "is required" : "does not exist");
        }
        long schoolId = form.schoolId();
        access.require(Permission.INVENTORY_MANAGE, schoolId);
        List<FieldProblem> problems = new ArrayList<>();
        AssetStatus status = form.status() == null ? AssetStatus.IN_STOCK : form.status();
        if (!status.settableByHand()) {
            problems.add(new FieldProblem("status", "asset.error.status.onLoan", "is set by lending only"));
        }
        Checked c = check(schoolId, form, problems);
        String tag = blank(form.tag());
        if (tag != null) {
            checkTag(schoolId, tag, null, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (tag == null) {
            tag = nextTag(schoolId);
        }
        String finalTag = tag;
        long id = tagUnique(() -> jdbc.sql("""
                INSERT INTO asset (school_id, tag, name, serial, model_id, kind, status, room_id, assigned_person_id,
                                   purchase_date, price, supplier, order_reference, warranty_end, end_of_life, notes, extra)
                VALUES (:school, :tag, :name, :serial, :model, :kind, :status, :room, :person, :purchaseDate, :price,
                        :supplier, :orderReference, :warrantyEnd, :endOfLife, :notes, CAST(:extra AS jsonb))
                RETURNING id""")
                .param("school", schoolId).param("tag", finalTag).params(columns(form, c))
                .param("status", status.name()).query(Long.class).single());
        Map<String, Object> after = snapshot(finalTag, form, c, status);
        publish(id, schoolId, RecordChanged.CREATED, finalTag, Map.of(), after);
        return id;
    }

    @Transactional
    public void update(long id, AssetForm form) {
        AssetView before = asset(id);
        access.require(Permission.INVENTORY_MANAGE, before.schoolId());
        List<FieldProblem> problems = new ArrayList<>();
        if (form.schoolId() != null && form.schoolId() != before.schoolId()) {
            problems.add(new FieldProblem("schoolId", "asset.error.school.fixed", "cannot be changed"));
        }
        if (form.status() != null && form.status() != before.status()) {
            problems.add(new FieldProblem("status", "asset.error.status.useAction",
                    "is changed with the status action (POST /api/v1/assets/{id}/status), not by editing"));
        }
        Checked c = check(before.schoolId(), form, problems);
        String tag = blank(form.tag()) == null ? before.tag() : blank(form.tag());
        if (!tag.equals(before.tag())) {
            checkTag(before.schoolId(), tag, id, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n = tagUnique(() -> jdbc.sql("""
                UPDATE asset SET tag = :tag, name = :name, serial = :serial, model_id = :model, kind = :kind, room_id = :room,
                       assigned_person_id = :person, purchase_date = :purchaseDate, price = :price, supplier = :supplier,
                       order_reference = :orderReference, warranty_end = :warrantyEnd, end_of_life = :endOfLife,
                       notes = :notes, extra = CAST(:extra AS jsonb), version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version""")
                .param("tag", tag).params(columns(form, c)).param("id", id)
                .param("version", form.version() == null ? before.version() : form.version()).update());
        if (n == 0) {
            throw ConflictException.staleVersion("asset", id);
        }
        publish(id, before.schoolId(), RecordChanged.UPDATED, tag, snapshot(before), snapshot(tag, form, c, before.status()));
    }

    @Transactional
    public void delete(long id) {
        AssetView before = asset(id);
        access.require(Permission.INVENTORY_MANAGE, before.schoolId());
        if (before.status() == AssetStatus.ON_LOAN) {
            throw new ConflictException("asset.error.delete.onLoan", "the asset is on loan; end the loan first");
        }
        jdbc.sql("DELETE FROM asset WHERE id = ?").param(id).update();
        publish(id, before.schoolId(), RecordChanged.DELETED, before.tag(), snapshot(before), Map.of());
    }

    /** Changes the status by hand along the life cycle ({@link AssetStatus#nextByHand()}); 400 on field status otherwise. */
    @Transactional
    public void changeStatus(long id, StatusForm form) {
        AssetView before = asset(id);
        access.require(Permission.INVENTORY_MANAGE, before.schoolId());
        AssetStatus next = form.status();
        if (next == null) {
            throw InvalidInputException.of("status", "error.required", "is required");
        }
        if (!next.settableByHand() || before.status() == AssetStatus.ON_LOAN) {
            throw InvalidInputException.of("status", "asset.error.status.onLoan", "is set by lending only");
        }
        if (!before.status().canChangeByHandTo(next)) {
            throw InvalidInputException.of("status", "asset.error.status.transition",
                    "cannot change from " + before.status() + " to " + next, before.status(), next);
        }
        String reason = blank(form.reason());
        if (reason == null && next.needsReason()) {
            throw InvalidInputException.of("reason", "asset.error.status.reason", "is required when retiring or disposing");
        }
        setStatus(before, next, reason, form.version());
    }

    /** For lending (the loans feature): the asset goes on loan. Only from IN_STOCK or IN_USE. */
    @Transactional
    public void lendOut(long id) {
        AssetView before = asset(id);
        access.require(Permission.INVENTORY_MANAGE, before.schoolId());
        if (!before.status().lendable()) {
            throw InvalidInputException.of("status", "asset.error.status.notLendable", "cannot be lent in status " + before.status(),
                    before.status());
        }
        setStatus(before, AssetStatus.ON_LOAN, null, null);
    }

    /** For lending (the loans feature): the loan ended and the asset is back in stock, in use or in repair. */
    @Transactional
    public void returnFromLoan(long id, AssetStatus next) {
        AssetView before = asset(id);
        access.require(Permission.INVENTORY_MANAGE, before.schoolId());
        if (before.status() != AssetStatus.ON_LOAN || !AssetStatus.afterLoan().contains(next)) {
            throw InvalidInputException.of("status", "asset.error.status.transition",
                    "cannot change from " + before.status() + " to " + next, before.status(), next);
        }
        setStatus(before, next, null, null);
    }

    /** For the stocktake: the asset was seen (at {@code at}, now when null). */
    @Transactional
    public void markAudited(long id, Instant at) {
        AssetView before = asset(id);
        access.require(Permission.INVENTORY_MANAGE, before.schoolId());
        Instant when = at == null ? Instant.now() : at;
        jdbc.sql("UPDATE asset SET last_audit_at = ?, updated_at = now() WHERE id = ?")
                .params(java.sql.Timestamp.from(when), id).update();
        publish(id, before.schoolId(), RecordChanged.UPDATED, before.tag(),
                mapOf("lastAuditAt", before.lastAuditAt()), mapOf("lastAuditAt", when));
    }

    private void setStatus(AssetView before, AssetStatus next, String reason, Integer version) {
        // a disposed asset has left the school: it is no longer in a room or with a person
        boolean clear = next == AssetStatus.DISPOSED;
        int n = jdbc.sql("""
                UPDATE asset SET status = :status, status_changed_at = now(), version = version + 1, updated_at = now(),
                       room_id = CASE WHEN :clear THEN NULL ELSE room_id END,
                       assigned_person_id = CASE WHEN :clear THEN NULL ELSE assigned_person_id END
                WHERE id = :id AND version = :version""")
                .param("status", next.name()).param("clear", clear).param("id", before.id())
                .param("version", version == null ? before.version() : version).update();
        if (n == 0) {
            throw ConflictException.staleVersion("asset", before.id());
        }
        Map<String, Object> from = new LinkedHashMap<>();
        Map<String, Object> to = new LinkedHashMap<>();
        from.put("status", before.status());
        to.put("status", next);
        to.put("reason", reason);
        if (clear) {
            from.put("room", roomLabel(before.roomCode(), before.roomName()));
            from.put("assignedPersonId", before.assignedPersonId());
        }
        publish(before.id(), before.schoolId(), RecordChanged.UPDATED, before.tag(), from, to);
    }

    // ---- checks shared by create and update ----

    /** The checked references, dates and custom fields of a form. */
    private record Checked(AssetKind kind, ModelView model, String room, LocalDate endOfLife, Map<String, Object> extra) {}

    private Checked check(long schoolId, AssetForm form, List<FieldProblem> problems) {
        ModelView model = null;
        if (form.modelId() != null) {
            model = catalog.modelChoices().stream().filter(m -> m.id() == form.modelId()).findFirst().orElse(null);
            if (model == null) {
                problems.add(new FieldProblem("modelId", "error.reference", "does not exist"));
            }
        }
        AssetKind kind = form.kind() != null ? form.kind() : model == null ? null : model.kind();
        if (kind == null) {
            problems.add(new FieldProblem("kind", "error.required", "is required"));
        } else if (model != null && model.kind() != kind) {
            problems.add(new FieldProblem("modelId", "asset.error.model.kind", "is a model of another kind"));
        }
        String room = null;
        if (form.roomId() != null) {
            if (schools.roomIn(form.roomId(), Set.of(schoolId))) {
                // the label for the history ("RB-101 Klas 101")
                room = jdbc.sql("SELECT coalesce(code || ' ', '') || name FROM room WHERE id = ?").param(form.roomId())
                        .query(String.class).single();
            } else {
                problems.add(new FieldProblem("roomId", "error.reference", "does not exist"));
            }
        }
        if (form.assignedPersonId() != null && !personInSchool(form.assignedPersonId(), schoolId)) {
            problems.add(new FieldProblem("assignedPersonId", "error.reference", "does not exist"));
        }
        BigDecimal price = form.price();
        if (price != null) {
            if (price.signum() < 0) {
                problems.add(new FieldProblem("price", "asset.error.price.negative", "must not be negative"));
            } else if (price.stripTrailingZeros().scale() > 2 || price.compareTo(MAX_PRICE) >= 0) {
                problems.add(new FieldProblem("price", "asset.error.price.format",
                        "must be an amount in euros with at most 2 decimals, below 10,000,000,000"));
            }
        }
        if (form.purchaseDate() != null && form.warrantyEnd() != null && form.warrantyEnd().isBefore(form.purchaseDate())) {
            problems.add(new FieldProblem("warrantyEnd", "asset.error.beforePurchase", "lies before the purchase date"));
        }
        if (form.purchaseDate() != null && form.endOfLife() != null && form.endOfLife().isBefore(form.purchaseDate())) {
            problems.add(new FieldProblem("endOfLife", "asset.error.beforePurchase", "lies before the purchase date"));
        }
        LocalDate endOfLife = form.endOfLife();
        if (endOfLife == null && model != null && model.endOfLifeMonths() != null && form.purchaseDate() != null) {
            endOfLife = form.purchaseDate().plusMonths(model.endOfLifeMonths());
        }
        Map<String, Object> extra = Map.of();
        if (kind != null) {
            CustomFields.Checked checked = CustomFields.check(catalog.fieldsOfBoard(access.current().boardId(), kind),
                    form.extra());
            problems.addAll(checked.problems());
            extra = checked.values();
        } else if (form.extra() != null && !form.extra().isEmpty()) {
            problems.add(new FieldProblem("extra", "asset.error.extra.noKind", "needs the kind of the asset"));
        }
        return new Checked(kind, model, room, endOfLife, extra);
    }

    private boolean personInSchool(long personId, long schoolId) {
        // A read of the people module's table until it offers a facade for this question (see package-info).
        return jdbc.sql("SELECT count(*) FROM person_school WHERE person_id = ? AND school_id = ?")
                .params(personId, schoolId).query(Long.class).single() > 0;
    }

    private void checkTag(long schoolId, String tag, Long exceptId, List<FieldProblem> problems) {
        if (!TAG.matcher(tag).matches()) {
            problems.add(new FieldProblem("tag", "asset.error.tag.format",
                    "use letters, digits and . _ / - (starting with a letter or digit)"));
        } else if (tagTaken(schoolId, tag, exceptId)) {
            problems.add(new FieldProblem("tag", "asset.error.tag.taken", "is already used by another asset of this school"));
        }
    }

    private boolean tagTaken(long schoolId, String tag, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM asset WHERE school_id = ? AND lower(tag) = lower(?) AND id <> ?")
                .params(schoolId, tag, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    private static <T extends Number> T tagUnique(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            // two people typed the same tag at the same moment
            throw InvalidInputException.of("tag", "asset.error.tag.taken", "is already used by another asset of this school");
        }
    }

    private Map<String, Object> columns(AssetForm form, Checked c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", blank(form.name()));
        p.put("serial", blank(form.serial()));
        p.put("model", form.modelId());
        p.put("kind", c.kind().name());
        p.put("room", form.roomId());
        p.put("person", form.assignedPersonId());
        p.put("purchaseDate", form.purchaseDate());
        p.put("price", form.price() == null ? null : form.price().setScale(2, java.math.RoundingMode.UNNECESSARY));
        p.put("supplier", blank(form.supplier()));
        p.put("orderReference", blank(form.orderReference()));
        p.put("warrantyEnd", form.warrantyEnd());
        p.put("endOfLife", c.endOfLife());
        p.put("notes", blank(form.notes()));
        p.put("extra", json.writeValueAsString(c.extra()));
        return p;
    }

    // ---- tags ----

    /** The prefix of a school's generated tags (its default comes from the school's name). */
    public String tagPrefix(long schoolId) {
        requireRead(schoolId);
        return jdbc.sql("SELECT prefix FROM asset_tag_counter WHERE school_id = ?").param(schoolId).query(String.class)
                .optional().orElseGet(() -> TagPrefixes.of(schools.school(schoolId).name()));
    }

    /** The tag prefixes of the schools whose inventory the user may change, by school id, in one query. */
    public Map<Long, String> tagPrefixes() {
        List<SchoolRef> manageable = manageableSchools();
        Map<Long, String> kept = new LinkedHashMap<>();
        jdbc.sql("SELECT school_id, prefix FROM asset_tag_counter WHERE school_id = ANY(CAST(:ids AS bigint[]))")
                .param("ids", AssetListQuery.scope(manageable.stream().map(SchoolRef::id).toList()))
                .query((rs, n) -> kept.put(rs.getLong(1), rs.getString(2))).list();
        Map<Long, String> prefixes = new LinkedHashMap<>();
        manageable.forEach(school -> prefixes.put(school.id(), kept.getOrDefault(school.id(), TagPrefixes.of(school.name()))));
        return prefixes;
    }

    @Transactional
    public void setTagPrefix(long schoolId, String prefix) {
        requireRead(schoolId);
        access.require(Permission.INVENTORY_MANAGE, schoolId);
        String p = prefix == null ? "" : prefix.strip().toUpperCase(Locale.ROOT);
        if (!TagPrefixes.valid(p)) {
            throw InvalidInputException.of("prefix", "asset.error.prefix", "use 1 to 10 capital letters or digits");
        }
        String before = tagPrefix(schoolId);
        jdbc.sql("""
                INSERT INTO asset_tag_counter (school_id, prefix) VALUES (?, ?)
                ON CONFLICT (school_id) DO UPDATE SET prefix = EXCLUDED.prefix""").params(schoolId, p).update();
        events.publishEvent(new RecordChanged("school", schoolId, access.current().boardId(), schoolId,
                RecordChanged.UPDATED, null, RecordChanged.diff(Map.of("assetTagPrefix", before), Map.of("assetTagPrefix", p))));
    }

    /**
     * For the agent intake (which acts without a signed-in user, inside its own transaction): the school's next free
     * generated tag, as {@link #create} gives one. The number is drawn in a short transaction of its own (a second
     * pooled connection: callers must be few at once, as the agent intake's four slots are), so that
     * concurrent agents of one school do not wait for each other's whole intake on the counter row; a rolled-back
     * intake leaves a gap in the numbers, never a duplicate (the unique index on the tag stays the guard).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public String nextFreeTagOwnTransaction(long schoolId) {
        // never wait long on a counter row a calling transaction may hold itself (it would wait forever)
        jdbc.sql("SET LOCAL lock_timeout = '5s'").update();
        return nextFreeTag(schoolId);
    }

    /**
     * The school's next free generated tag in the caller's transaction (the counter row stays locked until it ends),
     * for callers that may run many at once (a delivery): drawing in a transaction of its own takes a second pooled
     * connection per caller, which the agent intake can afford only because it stores at most four inventories at once.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public String nextFreeTag(long schoolId) {
        // no user here: the school's name (for a first prefix) is read without the user's scope
        String name = jdbc.sql("SELECT name FROM school WHERE id = ?").param(schoolId).query(String.class).single();
        return nextTag(schoolId, name);
    }

    /** The school's next free generated tag; the counter row is locked until the transaction ends. */
    private String nextTag(long schoolId) {
        return nextTag(schoolId, schools.school(schoolId).name());
    }

    private String nextTag(long schoolId, String schoolName) {
        jdbc.sql("INSERT INTO asset_tag_counter (school_id, prefix) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(schoolId, TagPrefixes.of(schoolName)).update();
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String tag = jdbc.sql("""
                    UPDATE asset_tag_counter SET next_value = next_value + 1 WHERE school_id = ?
                    RETURNING prefix, next_value - 1""").param(schoolId)
                    .query((rs, n) -> TagPrefixes.tag(rs.getString(1), rs.getLong(2))).single();
            if (!tagTaken(schoolId, tag, null)) {
                return tag;
            }
        }
        throw new IllegalStateException("no free tag found for school " + schoolId);
    }

    // ---- attachments ----

    public List<AttachmentView> attachments(long assetId) {
        asset(assetId);
        return jdbc.sql(ATTACHMENT_SELECT + " WHERE asset_id = ? ORDER BY uploaded_at, id").param(assetId)
                .query(ATTACHMENT_ROW).list();
    }

    public AttachmentView attachmentInfo(long assetId, long attachmentId) {
        asset(assetId);
        return jdbc.sql(ATTACHMENT_SELECT + " WHERE asset_id = ? AND id = ?").params(assetId, attachmentId)
                .query(ATTACHMENT_ROW).optional().orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    /**
     * Adds a photo (JPEG, PNG, WebP) or a PDF (an invoice) to an asset. The type is taken from the content, never
     * from the name or the declared type; anything else, an empty file or one over 10 MB is refused (400, field
     * {@code file}).
     */
    @Transactional
    public long addAttachment(long assetId, String fileName, byte[] bytes) {
        AssetView asset = asset(assetId);
        access.require(Permission.INVENTORY_MANAGE, asset.schoolId());
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "asset.error.file.empty", "is empty");
        }
        if (bytes.length > MAX_ATTACHMENT_BYTES) {
            throw InvalidInputException.of("file", "asset.error.file.tooLarge", "is larger than 10 MB", 10);
        }
        String type = FileTypes.detect(bytes, FileTypes.PHOTOS_AND_PDF).orElseThrow(() -> InvalidInputException.of("file", "asset.error.file.type",
                "is not a JPEG, PNG or WebP photo or a PDF document (judged by its content, not its name)"));
        String name = FileTypes.safeName(fileName, type, "file", 255);
        var user = access.current();
        long id = jdbc.sql("""
                INSERT INTO asset_attachment (asset_id, school_id, file_name, content_type, size_bytes, sha256, bytes,
                                              uploaded_by, uploaded_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(assetId, asset.schoolId(), name, type, bytes.length, sha256(bytes), bytes, user.id(),
                        user.displayName())
                .query(Long.class).single();
        publish(assetId, asset.schoolId(), RecordChanged.UPDATED, asset.tag(), Map.of(), mapOf("attachment", name));
        return id;
    }

    public AttachmentFile attachment(long assetId, long attachmentId) {
        asset(assetId);
        return jdbc.sql("SELECT file_name, content_type, bytes FROM asset_attachment WHERE asset_id = ? AND id = ?")
                .params(assetId, attachmentId)
                .query((rs, n) -> new AttachmentFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    @Transactional
    public void deleteAttachment(long assetId, long attachmentId) {
        AttachmentView a = attachmentInfo(assetId, attachmentId);
        AssetView asset = asset(assetId);
        access.require(Permission.INVENTORY_MANAGE, asset.schoolId());
        jdbc.sql("DELETE FROM asset_attachment WHERE id = ?").param(attachmentId).update();
        publish(assetId, asset.schoolId(), RecordChanged.UPDATED, asset.tag(), mapOf("attachment", a.fileName()), Map.of());
    }

    // ---- summary ----

    /**
     * The counts per kind and status of every school the user may see (schools without assets too): one GROUP BY
     * over the counts kept per school, kind and status, and one over the warranties ending soon.
     */
    public List<SchoolSummary> summary() {
        access.requireAnywhere(Permission.INVENTORY_READ);
        record Cell(long school, AssetKind kind, AssetStatus status, long count) {}
        Long[] ids = AssetListQuery.scope(access.schools(Permission.INVENTORY_READ));
        List<Cell> cells = jdbc.sql("""
                SELECT school_id, kind, status, sum(n) FROM asset_counts
                WHERE school_id = ANY(CAST(:ids AS bigint[])) GROUP BY school_id, kind, status HAVING sum(n) > 0""")
                .param("ids", ids)
                .query((rs, n) -> new Cell(rs.getLong(1), AssetKind.valueOf(rs.getString(2)),
                        AssetStatus.valueOf(rs.getString(3)), rs.getLong(4))).list();
        LocalDate today = today();
        Map<Long, Long> soon = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT school_id, count(*) FROM asset
                WHERE school_id = ANY(CAST(:ids AS bigint[])) AND warranty_end BETWEEN :today AND :soon
                  AND status NOT IN ('RETIRED', 'DISPOSED')
                GROUP BY school_id""")
                .param("ids", ids).param("today", today).param("soon", today.plusDays(WARRANTY_SOON_DAYS))
                .query((rs, n) -> soon.put(rs.getLong(1), rs.getLong(2))).list();
        List<SchoolSummary> result = new ArrayList<>();
        for (SchoolRef school : readableSchools()) {
            Map<AssetKind, Map<AssetStatus, Long>> counts = new EnumMap<>(AssetKind.class);
            Map<AssetKind, Long> byKind = new EnumMap<>(AssetKind.class);
            Map<AssetStatus, Long> byStatus = new EnumMap<>(AssetStatus.class);
            long total = 0;
            for (Cell cell : cells) {
                if (cell.school() != school.id()) {
                    continue;
                }
                counts.computeIfAbsent(cell.kind(), k -> new EnumMap<>(AssetStatus.class)).put(cell.status(), cell.count());
                byKind.merge(cell.kind(), cell.count(), Long::sum);
                byStatus.merge(cell.status(), cell.count(), Long::sum);
                total += cell.count();
            }
            result.add(new SchoolSummary(school.id(), school.name(), total, soon.getOrDefault(school.id(), 0L), counts,
                    byKind, byStatus));
        }
        return result;
    }

    // ---- saved filters ----

    public List<SavedFilterView> savedFilters() {
        access.requireAnywhere(Permission.INVENTORY_READ);
        return jdbc.sql("SELECT id, name, query FROM saved_filter WHERE user_id = ? ORDER BY lower(name), id")
                .param(access.current().id())
                .query((rs, n) -> new SavedFilterView(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    public SavedFilterView savedFilter(long id) {
        return savedFilters().stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("saved-filter", id));
    }

    /**
     * Saves the current user's named filter (replacing one with the same name). Only the list's own parameters are
     * kept; a school the user cannot see is refused.
     */
    @Transactional
    public long saveFilter(SavedFilterForm form) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        String query = cleanQuery(form.query());
        return jdbc.sql("""
                INSERT INTO saved_filter (user_id, name, query) VALUES (?, ?, ?)
                ON CONFLICT (user_id, lower(name)) DO UPDATE SET query = EXCLUDED.query RETURNING id""")
                .params(access.current().id(), form.name().strip(), query).query(Long.class).single();
    }

    @Transactional
    public void deleteFilter(long id) {
        access.requireAnywhere(Permission.INVENTORY_READ);
        if (jdbc.sql("DELETE FROM saved_filter WHERE id = ? AND user_id = ?").params(id, access.current().id()).update() == 0) {
            throw new NotFoundException("saved-filter", id);
        }
    }

    private String cleanQuery(String query) {
        String q = query == null ? "" : query.strip();
        if (q.startsWith("?")) {
            q = q.substring(1);
        }
        List<String> kept = new ArrayList<>();
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            if (eq < 1) {
                continue;
            }
            String name = URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8);
            String value;
            try {
                value = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("query", "asset.error.filter.query", "is not a query string of the asset list");
            }
            if (value.isBlank() || !(AssetFilter.NAMES.contains(name) || name.equals("q") || name.equals("sort")
                    || name.equals("size"))) {
                continue;
            }
            if (name.equals("school")) {
                try {
                    if (!access.can(Permission.INVENTORY_READ, Long.parseLong(value.strip()))) {
                        throw InvalidInputException.of("query", "asset.error.filter.school", "names a school you cannot see");
                    }
                } catch (NumberFormatException e) {
                    throw InvalidInputException.of("query", "asset.error.filter.query", "is not a query string of the asset list");
                }
            }
            kept.add(part);
        }
        return String.join("&", kept);
    }

    // ---- people ----

    /**
     * Staff and pupils of a school whose name contains {@code q}, for the assignment chooser (at most 30). Reads the
     * people module's tables until it offers a facade for this (see package-info).
     */
    public List<PersonOption> personOptions(long schoolId, String q) {
        requireRead(schoolId);
        access.require(Permission.INVENTORY_MANAGE, schoolId);
        String like = q == null || q.isBlank() ? "%"
                : "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                SELECT p.id, p.first_name || ' ' || p.last_name, p.kind, p.class_name
                FROM person p JOIN person_school ps ON ps.person_id = p.id AND ps.school_id = ?
                WHERE lower(p.first_name || ' ' || p.last_name) LIKE ? ESCAPE '\\'
                ORDER BY p.kind, lower(p.last_name), lower(p.first_name), p.id LIMIT 30""")
                .params(schoolId, like)
                .query((rs, n) -> new PersonOption(rs.getLong(1), rs.getString(2), rs.getString(4)))
                .list();
    }

    // ---- helpers ----

    private void requireRead(long schoolId) {
        if (!access.can(Permission.INVENTORY_READ, schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    private static LocalDate today() {
        return LocalDate.now(Formats.ZONE);
    }

    private Map<String, Object> snapshot(String tag, AssetForm f, Checked c, AssetStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", tag);
        m.put("name", blank(f.name()));
        m.put("serial", blank(f.serial()));
        m.put("kind", c.kind());
        m.put("model", c.model() == null ? null : c.model().fullName());
        m.put("status", status);
        m.put("room", c.room());
        m.put("assignedPersonId", f.assignedPersonId());
        m.put("purchaseDate", f.purchaseDate());
        m.put("price", f.price() == null ? null : f.price().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
        m.put("supplier", blank(f.supplier()));
        m.put("orderReference", blank(f.orderReference()));
        m.put("warrantyEnd", f.warrantyEnd());
        m.put("endOfLife", c.endOfLife());
        m.put("notes", blank(f.notes()));
        c.extra().forEach((k, v) -> m.put("extra." + k, v instanceof BigDecimal b ? b.toPlainString() : v));
        return m;
    }

    private Map<String, Object> snapshot(AssetView a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", a.tag());
        m.put("name", a.name());
        m.put("serial", a.serial());
        m.put("kind", a.kind());
        m.put("model", a.modelName() == null ? null : a.manufacturerName() + " " + a.modelName());
        m.put("status", a.status());
        m.put("room", roomLabel(a.roomCode(), a.roomName()));
        m.put("assignedPersonId", a.assignedPersonId());
        m.put("purchaseDate", a.purchaseDate());
        m.put("price", a.price() == null ? null : a.price().toPlainString());
        m.put("supplier", a.supplier());
        m.put("orderReference", a.orderReference());
        m.put("warrantyEnd", a.warrantyEnd());
        m.put("endOfLife", a.endOfLife());
        m.put("notes", a.notes());
        a.extra().forEach((k, v) -> m.put("extra." + k, v instanceof BigDecimal b ? b.toPlainString() : v));
        return m;
    }

    private static String roomLabel(String code, String name) {
        return name == null ? null : (code == null ? "" : code + " ") + name;
    }

    private void publish(long id, long schoolId, String action, String label, Map<String, ?> before, Map<String, ?> after) {
        events.publishEvent(new RecordChanged("asset", id, access.current().boardId(), schoolId, action, label,
                RecordChanged.diff(before, after)));
    }

    private static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private static Map<String, Object> without(Map<String, Object> params, String... keys) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        for (String k : keys) {
            copy.remove(k);
        }
        return copy;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final String ASSET_SELECT = """
            SELECT a.id, a.school_id, s.name AS school_name, a.tag, a.name, a.serial, a.model_id, m.name AS model_name,
                   m.manufacturer_id, f.name AS manufacturer_name, a.kind, a.status, a.status_changed_at, a.room_id,
                   r.name AS room_name, r.code AS room_code, b.name AS building_name, a.assigned_person_id,
                   p.first_name || ' ' || p.last_name AS person_name, a.purchase_date, a.price, a.supplier,
                   a.order_reference, a.warranty_end, a.end_of_life, a.notes, a.last_audit_at, a.extra::text AS extra,
                   a.version, a.created_at, a.updated_at
            FROM asset a
            JOIN school s ON s.id = a.school_id
            LEFT JOIN asset_model m ON m.id = a.model_id
            LEFT JOIN manufacturer f ON f.id = m.manufacturer_id
            LEFT JOIN room r ON r.id = a.room_id
            LEFT JOIN building b ON b.id = r.building_id
            LEFT JOIN person p ON p.id = a.assigned_person_id""";

    private AssetView assetView(ResultSet rs, int n) throws SQLException {
        Map<String, Object> extra = json.readValue(rs.getString("extra"), new TypeReference<LinkedHashMap<String, Object>>() {});
        return new AssetView(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"), rs.getString("tag"),
                rs.getString("name"), rs.getString("serial"), (Long) rs.getObject("model_id"), rs.getString("model_name"),
                (Long) rs.getObject("manufacturer_id"), rs.getString("manufacturer_name"),
                AssetKind.valueOf(rs.getString("kind")), AssetStatus.valueOf(rs.getString("status")),
                instant(rs, "status_changed_at"), (Long) rs.getObject("room_id"), rs.getString("room_name"),
                rs.getString("room_code"), rs.getString("building_name"), (Long) rs.getObject("assigned_person_id"),
                rs.getString("person_name"), rs.getObject("purchase_date", LocalDate.class), rs.getBigDecimal("price"),
                rs.getString("supplier"), rs.getString("order_reference"), rs.getObject("warranty_end", LocalDate.class),
                rs.getObject("end_of_life", LocalDate.class), rs.getString("notes"), instant(rs, "last_audit_at"), extra,
                rs.getInt("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<AssetRow> ASSET_ROW = (rs, n) -> new AssetRow(rs.getLong("id"), rs.getLong("school_id"),
            rs.getString("school_name"), rs.getString("tag"), rs.getString("name"), rs.getString("serial"),
            AssetKind.valueOf(rs.getString("kind")), AssetStatus.valueOf(rs.getString("status")),
            (Long) rs.getObject("model_id"), rs.getString("model_name"), rs.getString("manufacturer_name"),
            (Long) rs.getObject("room_id"), rs.getString("room_name"), rs.getString("room_code"),
            rs.getString("building_name"), (Long) rs.getObject("assigned_person_id"), rs.getString("person_name"),
            rs.getObject("purchase_date", LocalDate.class), rs.getObject("warranty_end", LocalDate.class),
            rs.getObject("end_of_life", LocalDate.class), rs.getInt("version"));

    private static final String ATTACHMENT_SELECT =
            "SELECT id, asset_id, file_name, content_type, size_bytes, uploaded_by_name, uploaded_at FROM asset_attachment";
    private static final RowMapper<AttachmentView> ATTACHMENT_ROW = (rs, n) -> new AttachmentView(rs.getLong(1),
            rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant());
}
