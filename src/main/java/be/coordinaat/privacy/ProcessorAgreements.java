package be.coordinaat.privacy;

import static be.coordinaat.privacy.PrivacyScope.blank;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.privacy.Forms.AgreementForm;
import be.coordinaat.privacy.Kinds.AgreementState;
import be.coordinaat.privacy.Kinds.AgreementStatus;
import be.coordinaat.privacy.Kinds.ModelAgreement;
import be.coordinaat.privacy.Views.AgreementView;
import be.coordinaat.privacy.Views.AgreementWarning;
import be.coordinaat.privacy.Views.DocumentFile;
import be.coordinaat.privacy.Views.DocumentView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.FileTypes;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Processor agreements (GDPR art. 28) per vendor or tool, for one school or the whole board: status (none, requested,
 * signed; expired is computed from the end date), dates, the model used (e.g. the Flemish education model) and the
 * signed document (a PDF of at most 10 MB, judged by its content). {@link #warnings} lists the tools a school uses
 * (the catalogue's {@code software_school}) without a signed, valid agreement for that school or the board.
 */
@Service
@Transactional(readOnly = true)
public class ProcessorAgreements {

    static final String TYPE = "agreement";
    private static final String HISTORY_TYPE = "privacy-agreement";
    public static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

    static final String STATE = "CASE WHEN a.status = 'SIGNED' AND a.end_date < :today THEN 'EXPIRED' ELSE a.status END";
    private static final String SELECT = """
            SELECT a.*, s.name AS school_name, sw.name AS software_name, o.name AS organisation_name,
                   %s AS state, so.signed_off_by, so.signed_off_at,
                   d.file_name, d.content_type, d.size_bytes, d.uploaded_by_name, d.uploaded_at
            FROM privacy_agreement a
            LEFT JOIN school s ON s.id = a.school_id
            LEFT JOIN software sw ON sw.id = a.software_id
            LEFT JOIN organisation o ON o.id = a.vendor_organisation_id
            LEFT JOIN privacy_agreement_document d ON d.agreement_id = a.id""".formatted(STATE)
            + PrivacyScope.signOffJoin(TYPE, "a.id");

    private final JdbcClient jdbc;
    private final PrivacyScope scope;
    private final AccessControl access;

    ProcessorAgreements(JdbcClient jdbc, PrivacyScope scope, AccessControl access) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.access = access;
    }

    /** Filters of the agreement list; all optional. */
    public record Filter(Long school, AgreementState state, Long software) {}

    public Page<AgreementView> list(Filter f, PageQuery query) {
        scope.requireRead();
        scope.requireReadableSchool(f.school());
        StringBuilder where = new StringBuilder(" WHERE").append(PrivacyScope.visible("a"));
        Map<String, Object> params = scope.params();
        params.put("today", PrivacyScope.today());
        if (f.school() != null) {
            where.append(" AND a.school_id = :school");
            params.put("school", f.school());
        }
        if (f.state() != null) {
            where.append(" AND ").append(STATE).append(" = :state");
            params.put("state", f.state().name());
        }
        if (f.software() != null) {
            where.append(" AND a.software_id = :software");
            params.put("software", f.software());
        }
        if (query.q() != null) {
            where.append(" AND lower(coalesce(sw.name, '') || ' ' || coalesce(o.name, '') || ' ' || coalesce(a.vendor_name, '')"
                    + " || ' ' || coalesce(a.reference, '')) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("""
                SELECT count(*) FROM privacy_agreement a LEFT JOIN software sw ON sw.id = a.software_id
                LEFT JOIN organisation o ON o.id = a.vendor_organisation_id""" + where).params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String order = query.orderBy(Map.of(
                "tool", "lower(coalesce(sw.name, o.name, a.vendor_name))",
                "school", "s.name" + dir + " NULLS FIRST, lower(coalesce(sw.name, o.name, a.vendor_name))",
                "state", "state" + dir + ", lower(coalesce(sw.name, o.name, a.vendor_name))",
                "end", "a.end_date" + dir + " NULLS LAST, lower(coalesce(sw.name, o.name, a.vendor_name))"), "tool")
                .replace(", id", ", a.id");
        List<AgreementView> items = jdbc.sql(SELECT + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", query.size()).param("offset", query.offset()).query(this::view).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    public AgreementView agreement(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id AND" + PrivacyScope.visible("a")).params(scope.params())
                .param("today", PrivacyScope.today()).param("id", id).query(this::view).optional()
                .orElseThrow(() -> new NotFoundException(TYPE, id));
    }

    public boolean canManage(AgreementView a) {
        return scope.canManage(a.schoolId());
    }

    /**
     * The tools the schools in scope use without a signed, valid agreement for the school or the board, with the best
     * agreement there is (requested, expired) or none; optionally for one school.
     */
    public Page<AgreementWarning> warnings(Long school, PageQuery query) {
        scope.requireRead();
        scope.requireReadableSchool(school);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("board", scope.boardId());
        params.put("read", access.schoolArray(Permission.PRIVACY_READ));
        params.put("today", PrivacyScope.today());
        String where = " WHERE sw.board_id = :board AND ss.school_id = ANY(CAST(:read AS bigint[]))"
                + (school == null ? "" : " AND ss.school_id = :school") + " AND (best.state IS NULL OR best.state <> 'SIGNED')";
        if (school != null) {
            params.put("school", school);
        }
        String from = """
                 FROM software_school ss
                JOIN school s ON s.id = ss.school_id
                JOIN software sw ON sw.id = ss.software_id
                LEFT JOIN LATERAL (
                  SELECT a.id, %s AS state FROM privacy_agreement a
                  WHERE a.software_id = sw.id AND a.board_id = :board AND (a.school_id = ss.school_id OR a.school_id IS NULL)
                  ORDER BY CASE %s WHEN 'SIGNED' THEN 0 WHEN 'REQUESTED' THEN 1 WHEN 'EXPIRED' THEN 2 ELSE 3 END, a.id
                  LIMIT 1) best ON TRUE""".formatted(STATE, STATE);
        long total = jdbc.sql("SELECT count(*)" + from + where).params(params).query(Long.class).single();
        List<AgreementWarning> items = jdbc.sql("""
                        SELECT ss.school_id, s.name AS school_name, sw.id AS software_id, sw.name AS software_name,
                               best.state, best.id AS agreement_id""" + from + where
                        + " ORDER BY lower(s.name), s.id, lower(sw.name), sw.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> new AgreementWarning(rs.getLong("school_id"), rs.getString("school_name"),
                        rs.getLong("software_id"), rs.getString("software_name"),
                        rs.getString("state") == null ? AgreementState.NONE : AgreementState.valueOf(rs.getString("state")),
                        PrivacyScope.longOrNull(rs, "agreement_id")))
                .list();
        return new Page<>(items, total, query.page(), query.size());
    }

    // ---- writes ----

    @Transactional
    public long create(AgreementForm form) {
        scope.requireCreate();
        List<FieldProblem> problems = new ArrayList<>();
        scope.checkSchool(form.schoolId(), Permission.PRIVACY_MANAGE, problems);
        Map<String, Object> after = check(form, problems);
        long id = insert(scope.boardId(), form);
        scope.publish(HISTORY_TYPE, id, form.schoolId(), RecordChanged.CREATED, label(after), Map.of(), after);
        return id;
    }

    long insert(long boardId, AgreementForm f) {
        return jdbc.sql("""
                INSERT INTO privacy_agreement (board_id, school_id, software_id, vendor_organisation_id, vendor_name, status,
                  model, requested_on, signed_on, end_date, reference, notes)
                VALUES (:board, :school, :software, :org, :vendor, :status, :model, :requested, :signed, :end, :reference, :notes)
                RETURNING id""")
                .param("board", boardId).param("school", f.schoolId(), java.sql.Types.BIGINT).params(columns(f))
                .query(Long.class).single();
    }

    @Transactional
    public void update(long id, AgreementForm form) {
        AgreementView before = agreement(id);
        scope.requireManage(before.schoolId(), TYPE, id);
        Map<String, Object> after = check(form, new ArrayList<>());
        int n = jdbc.sql("""
                UPDATE privacy_agreement SET software_id = :software, vendor_organisation_id = :org, vendor_name = :vendor,
                  status = :status, model = :model, requested_on = :requested, signed_on = :signed, end_date = :end,
                  reference = :reference, notes = :notes, version = version + 1, updated_at = clock_timestamp()
                WHERE id = :id AND version = :version""")
                .params(columns(form)).param("id", id)
                .param("version", form.version() == null ? before.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion(TYPE, id);
        }
        scope.publish(HISTORY_TYPE, id, before.schoolId(), RecordChanged.UPDATED, label(after), snapshot(before), after);
    }

    @Transactional
    public void delete(long id) {
        AgreementView before = agreement(id);
        scope.requireManage(before.schoolId(), TYPE, id);
        jdbc.sql("DELETE FROM privacy_review WHERE record_type = ? AND record_id = ?").params(TYPE, id).update();
        jdbc.sql("DELETE FROM privacy_agreement WHERE id = ?").param(id).update();
        scope.publish(HISTORY_TYPE, id, before.schoolId(), RecordChanged.DELETED, before.title(), snapshot(before), Map.of());
    }

    // ---- the document ----

    public DocumentFile document(long id) {
        agreement(id);
        return jdbc.sql("SELECT file_name, content_type, bytes FROM privacy_agreement_document WHERE agreement_id = ?").param(id)
                .query((rs, n) -> new DocumentFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFoundException("document", id));
    }

    /** Attaches (or replaces) the signed agreement: a PDF of at most 10 MB, judged by its content. */
    @Transactional
    public DocumentView attachDocument(long id, String fileName, byte[] bytes) {
        AgreementView a = agreement(id);
        scope.requireManage(a.schoolId(), TYPE, id);
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "privacy.error.file.empty", "is empty");
        }
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw InvalidInputException.of("file", "privacy.error.file.tooLarge", "is larger than 10 MB", 10);
        }
        String type = FileTypes.detect(bytes, Set.of(FileTypes.PDF)).orElseThrow(() -> InvalidInputException.of("file",
                "privacy.error.file.type", "is not a PDF document (judged by its content, not its name)"));
        String name = FileTypes.safeName(fileName, type, "verwerkersovereenkomst", 255);
        var user = access.current();
        jdbc.sql("""
                INSERT INTO privacy_agreement_document (agreement_id, file_name, content_type, size_bytes, sha256, bytes,
                  uploaded_by, uploaded_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (agreement_id) DO UPDATE SET file_name = EXCLUDED.file_name, content_type = EXCLUDED.content_type,
                  size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256, bytes = EXCLUDED.bytes,
                  uploaded_by = EXCLUDED.uploaded_by, uploaded_by_name = EXCLUDED.uploaded_by_name, uploaded_at = now()""")
                .params(id, name, type, bytes.length, sha256(bytes), bytes, user.id(), user.displayName()).update();
        touch(id);
        scope.publish(HISTORY_TYPE, id, a.schoolId(), RecordChanged.UPDATED, a.title(),
                mapOf("document", a.document() == null ? null : a.document().fileName()), mapOf("document", name));
        return agreement(id).document();
    }

    @Transactional
    public void removeDocument(long id) {
        AgreementView a = agreement(id);
        scope.requireManage(a.schoolId(), TYPE, id);
        if (a.document() == null) {
            throw new NotFoundException("document", id);
        }
        jdbc.sql("DELETE FROM privacy_agreement_document WHERE agreement_id = ?").param(id).update();
        touch(id);
        scope.publish(HISTORY_TYPE, id, a.schoolId(), RecordChanged.UPDATED, a.title(),
                mapOf("document", a.document().fileName()), mapOf("document", null));
    }

    // ---- rules ----

    private Map<String, Object> check(AgreementForm f, List<FieldProblem> problems) {
        if (blank(f.vendorName()) != null && f.vendorOrganisationId() != null) {
            problems.add(new FieldProblem("vendorName", "privacy.error.vendor.both",
                    "give the vendor as an organisation or as text, not both"));
        }
        if (f.softwareId() == null && f.vendorOrganisationId() == null && blank(f.vendorName()) == null) {
            problems.add(new FieldProblem("softwareId", "privacy.error.agreement.party",
                    "choose the tool or give the vendor the agreement is with"));
        }
        if (f.status() == AgreementStatus.SIGNED && f.signedOn() == null) {
            problems.add(new FieldProblem("signedOn", "privacy.error.agreement.signedOn", "a signed agreement needs its date of signing"));
        }
        if (f.signedOn() != null && f.signedOn().isAfter(PrivacyScope.today())) {
            problems.add(new FieldProblem("signedOn", "privacy.error.date.future", "cannot be in the future"));
        }
        if (f.requestedOn() != null && f.requestedOn().isAfter(PrivacyScope.today())) {
            problems.add(new FieldProblem("requestedOn", "privacy.error.date.future", "cannot be in the future"));
        }
        if (f.endDate() != null && f.signedOn() != null && f.endDate().isBefore(f.signedOn())) {
            problems.add(new FieldProblem("endDate", "privacy.error.agreement.endBeforeSigned", "cannot be before the date of signing"));
        }
        for (var d : new Object[][] {{"requestedOn", f.requestedOn()}, {"signedOn", f.signedOn()}, {"endDate", f.endDate()}}) {
            if (d[1] instanceof java.time.LocalDate date && (date.getYear() < 1990 || date.getYear() > 2200)) {
                problems.add(new FieldProblem((String) d[0], "privacy.error.date.range", "is not a plausible date"));
            }
        }
        String software = scope.checkSoftware(f.softwareId(), "softwareId", problems);
        String org = scope.checkOrganisation(f.vendorOrganisationId(), "vendorOrganisationId", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> m = new LinkedHashMap<>(columns(f));
        m.remove("software");
        m.remove("org");
        m.put("software", software);
        m.put("vendorOrganisation", org);
        return m;
    }

    private static Map<String, Object> columns(AgreementForm f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("software", f.softwareId());
        p.put("org", f.vendorOrganisationId());
        p.put("vendor", blank(f.vendorName()));
        p.put("status", f.status().name());
        p.put("model", f.model().name());
        p.put("requested", f.requestedOn());
        p.put("signed", f.signedOn());
        p.put("end", f.endDate());
        p.put("reference", blank(f.reference()));
        p.put("notes", blank(f.notes()));
        return p;
    }

    private static Map<String, Object> snapshot(AgreementView a) {
        Map<String, Object> m = new LinkedHashMap<>(columns(new AgreementForm(a.schoolId(), a.softwareId(),
                a.vendorOrganisationId(), a.vendorName(), a.status(), a.model(), a.requestedOn(), a.signedOn(), a.endDate(),
                a.reference(), a.notes(), a.version())));
        m.remove("software");
        m.remove("org");
        m.put("software", a.softwareName());
        m.put("vendorOrganisation", a.vendorOrganisationName());
        return m;
    }

    private static String label(Map<String, Object> after) {
        Object software = after.get("software");
        Object vendor = after.get("vendorOrganisation") != null ? after.get("vendorOrganisation") : after.get("vendor");
        return software == null ? String.valueOf(vendor) : vendor == null ? software.toString() : software + " – " + vendor;
    }

    private void touch(long id) {
        jdbc.sql("UPDATE privacy_agreement SET version = version + 1, updated_at = clock_timestamp() WHERE id = ?").param(id).update();
    }

    private static Map<String, Object> mapOf(String k, Object v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k, v);
        return m;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private AgreementView view(ResultSet rs, int n) throws SQLException {
        DocumentView doc = rs.getString("file_name") == null ? null : new DocumentView(rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by_name"),
                PrivacyScope.instant(rs, "uploaded_at"));
        return new AgreementView(rs.getLong("id"), PrivacyScope.longOrNull(rs, "school_id"), rs.getString("school_name"),
                PrivacyScope.longOrNull(rs, "software_id"), rs.getString("software_name"),
                PrivacyScope.longOrNull(rs, "vendor_organisation_id"), rs.getString("organisation_name"),
                rs.getString("vendor_name"), AgreementStatus.valueOf(rs.getString("status")),
                AgreementState.valueOf(rs.getString("state")), ModelAgreement.valueOf(rs.getString("model")),
                PrivacyScope.date(rs, "requested_on"), PrivacyScope.date(rs, "signed_on"), PrivacyScope.date(rs, "end_date"),
                rs.getString("reference"), rs.getString("notes"), doc, PrivacyScope.signOff(rs), rs.getInt("version"),
                PrivacyScope.instant(rs, "created_at"), PrivacyScope.instant(rs, "updated_at"));
    }
}
