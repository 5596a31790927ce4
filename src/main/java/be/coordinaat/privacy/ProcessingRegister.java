package be.coordinaat.privacy;

import static be.coordinaat.privacy.PrivacyScope.blank;

import be.coordinaat.access.Permission;
import be.coordinaat.privacy.Forms.ProcessingForm;
import be.coordinaat.privacy.Kinds.LegalBasis;
import be.coordinaat.privacy.Kinds.ProcessingStatus;
import be.coordinaat.privacy.Kinds.SubjectCategory;
import be.coordinaat.privacy.Views.ProcessingRow;
import be.coordinaat.privacy.Views.ProcessingView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processing register (GDPR art. 30) of the schools and of the board: per activity its purpose, legal basis,
 * data subjects and data (special categories flagged), recipients and processor, transfers outside the EU with their
 * safeguards, retention, security measures, the tool concerned, owner, status and review date. Scope as in
 * {@link PrivacyScope}; every change is in the history.
 */
@Service
@Transactional(readOnly = true)
public class ProcessingRegister {

    static final String TYPE = "processing";
    private static final String HISTORY_TYPE = "privacy-processing";

    private static final String SELECT = """
            SELECT p.*, s.name AS school_name, sw.name AS software_name, o.name AS organisation_name,
                   so.signed_off_by, so.signed_off_at
            FROM privacy_processing p
            LEFT JOIN school s ON s.id = p.school_id
            LEFT JOIN software sw ON sw.id = p.software_id
            LEFT JOIN organisation o ON o.id = p.processor_organisation_id""" + PrivacyScope.signOffJoin(TYPE, "p.id");

    private final JdbcClient jdbc;
    private final PrivacyScope scope;

    ProcessingRegister(JdbcClient jdbc, PrivacyScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** Filters of the register list; all optional. {@code reviewDue}: review date today or earlier. */
    public record Filter(Long school, ProcessingStatus status, LegalBasis legalBasis, Boolean special, Boolean reviewDue,
            Long software) {}

    public Page<ProcessingRow> list(Filter f, PageQuery query) {
        scope.requireRead();
        scope.requireReadableSchool(f.school());
        StringBuilder where = new StringBuilder(" WHERE").append(PrivacyScope.visible("p"));
        Map<String, Object> params = scope.params();
        params.put("today", PrivacyScope.today());
        if (f.school() != null) {
            where.append(" AND p.school_id = :school");
            params.put("school", f.school());
        }
        if (f.status() != null) {
            where.append(" AND p.status = :status");
            params.put("status", f.status().name());
        }
        if (f.legalBasis() != null) {
            where.append(" AND p.legal_basis = :basis");
            params.put("basis", f.legalBasis().name());
        }
        if (Boolean.TRUE.equals(f.special())) {
            where.append(" AND p.special_categories");
        }
        if (Boolean.TRUE.equals(f.reviewDue())) {
            where.append(" AND p.status <> 'RETIRED' AND p.review_date <= :today");
        }
        if (f.software() != null) {
            where.append(" AND p.software_id = :software");
            params.put("software", f.software());
        }
        if (query.q() != null) {
            where.append(" AND lower(p.name || ' ' || p.purpose || ' ' || coalesce(sw.name, '')) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM privacy_processing p LEFT JOIN software sw ON sw.id = p.software_id" + where)
                .params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String order = query.orderBy(Map.of("name", "lower(p.name)", "school", "s.name" + dir + " NULLS FIRST, lower(p.name)",
                "status", "p.status" + dir + ", lower(p.name)", "review", "p.review_date" + dir + " NULLS LAST, lower(p.name)"),
                "name").replace(", id", ", p.id");
        List<ProcessingRow> items = jdbc.sql(SELECT + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> new ProcessingRow(rs.getLong("id"), PrivacyScope.longOrNull(rs, "school_id"),
                        rs.getString("school_name"), rs.getString("name"), LegalBasis.valueOf(rs.getString("legal_basis")),
                        PrivacyScope.enums(rs, "subject_categories", SubjectCategory::valueOf),
                        rs.getBoolean("special_categories"), rs.getString("software_name"),
                        ProcessingStatus.valueOf(rs.getString("status")), PrivacyScope.date(rs, "review_date"),
                        reviewDue(rs), PrivacyScope.signOff(rs)))
                .list();
        return new Page<>(items, total, query.page(), query.size());
    }

    public ProcessingView processing(long id) {
        Map<String, Object> params = scope.params();
        return jdbc.sql(SELECT + " WHERE p.id = :id AND" + PrivacyScope.visible("p")).params(params).param("id", id)
                .query(this::view).optional().orElseThrow(() -> new NotFoundException(TYPE, id));
    }

    public boolean canManage(ProcessingView p) {
        return scope.canManage(p.schoolId());
    }

    @Transactional
    public long create(ProcessingForm form) {
        scope.requireCreate();
        List<FieldProblem> problems = new ArrayList<>();
        scope.checkSchool(form.schoolId(), Permission.PRIVACY_MANAGE, problems);
        Map<String, Object> after = check(form, problems);
        long id = insert(scope.boardId(), form);
        scope.publish(HISTORY_TYPE, id, form.schoolId(), RecordChanged.CREATED, form.name().strip(), Map.of(), after);
        return id;
    }

    /** Stores a checked entry; also for the demo data. */
    long insert(long boardId, ProcessingForm f) {
        return jdbc.sql("""
                INSERT INTO privacy_processing (board_id, school_id, name, purpose, legal_basis, subject_categories,
                  data_categories, special_categories, special_categories_detail, recipients, processor_organisation_id,
                  processor_name, transfers_outside_eu, transfer_safeguards, retention, security_measures, software_id,
                  owner, status, review_date)
                VALUES (:board, :school, :name, :purpose, :basis, :subjects, :data, :special, :specialDetail, :recipients,
                  :org, :processor, :transfers, :safeguards, :retention, :security, :software, :owner, :status, :review)
                RETURNING id""")
                .param("board", boardId).param("school", f.schoolId(), java.sql.Types.BIGINT).params(columns(f))
                .query(Long.class).single();
    }

    @Transactional
    public void update(long id, ProcessingForm form) {
        ProcessingView before = processing(id);
        scope.requireManage(before.schoolId(), TYPE, id);
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> after = check(form, problems);
        int n = jdbc.sql("""
                UPDATE privacy_processing SET name = :name, purpose = :purpose, legal_basis = :basis,
                  subject_categories = :subjects, data_categories = :data, special_categories = :special,
                  special_categories_detail = :specialDetail, recipients = :recipients, processor_organisation_id = :org,
                  processor_name = :processor, transfers_outside_eu = :transfers, transfer_safeguards = :safeguards,
                  retention = :retention, security_measures = :security, software_id = :software, owner = :owner,
                  status = :status, review_date = :review, version = version + 1, updated_at = clock_timestamp()
                WHERE id = :id AND version = :version""")
                .params(columns(form)).param("id", id)
                .param("version", form.version() == null ? before.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion(TYPE, id);
        }
        scope.publish(HISTORY_TYPE, id, before.schoolId(), RecordChanged.UPDATED, form.name().strip(), snapshot(before), after);
    }

    @Transactional
    public void delete(long id) {
        ProcessingView before = processing(id);
        scope.requireManage(before.schoolId(), TYPE, id);
        jdbc.sql("DELETE FROM privacy_review WHERE record_type = ? AND record_id = ?").params(TYPE, id).update();
        jdbc.sql("DELETE FROM privacy_processing WHERE id = ?").param(id).update();
        scope.publish(HISTORY_TYPE, id, before.schoolId(), RecordChanged.DELETED, before.name(), snapshot(before), Map.of());
    }

    /** The register entries the user may see, for choosers (a DPIA's processing). */
    public List<Views.Choice> choices() {
        scope.requireRead();
        return jdbc.sql("SELECT p.id, p.name FROM privacy_processing p WHERE" + PrivacyScope.visible("p")
                        + " AND p.status <> 'RETIRED' ORDER BY lower(p.name), p.id LIMIT 500")
                .params(scope.params()).query((rs, n) -> new Views.Choice(rs.getLong(1), rs.getString(2))).list();
    }

    // ---- rules ----

    private Map<String, Object> check(ProcessingForm f, List<FieldProblem> problems) {
        if (Boolean.TRUE.equals(f.specialCategories()) && blank(f.specialCategoriesDetail()) == null) {
            problems.add(new FieldProblem("specialCategoriesDetail", "privacy.error.special.detail",
                    "say which special categories (art. 9) and on which exception they rest"));
        }
        if (Boolean.TRUE.equals(f.transfersOutsideEu()) && blank(f.transferSafeguards()) == null) {
            problems.add(new FieldProblem("transferSafeguards", "privacy.error.transfer.safeguards",
                    "name the safeguards for the transfer outside the EU (adequacy decision, standard contractual clauses, ...)"));
        }
        if (blank(f.processorName()) != null && f.processorOrganisationId() != null) {
            problems.add(new FieldProblem("processorName", "privacy.error.processor.both",
                    "give the processor as an organisation or as text, not both"));
        }
        if (f.reviewDate() != null && (f.reviewDate().getYear() < 2000 || f.reviewDate().getYear() > 2200)) {
            problems.add(new FieldProblem("reviewDate", "privacy.error.date.range", "is not a plausible date"));
        }
        String software = scope.checkSoftware(f.softwareId(), "softwareId", problems);
        String org = scope.checkOrganisation(f.processorOrganisationId(), "processorOrganisationId", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> m = snapshotOf(f);
        m.put("software", software);
        m.put("processorOrganisation", org);
        return m;
    }

    private static Map<String, Object> columns(ProcessingForm f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", f.name().strip());
        p.put("purpose", f.purpose().strip());
        p.put("basis", f.legalBasis().name());
        p.put("subjects", PrivacyScope.names(f.subjectCategories()));
        p.put("data", blank(f.dataCategories()));
        p.put("special", Boolean.TRUE.equals(f.specialCategories()));
        p.put("specialDetail", Boolean.TRUE.equals(f.specialCategories()) ? blank(f.specialCategoriesDetail()) : null);
        p.put("recipients", blank(f.recipients()));
        p.put("org", f.processorOrganisationId());
        p.put("processor", blank(f.processorName()));
        p.put("transfers", Boolean.TRUE.equals(f.transfersOutsideEu()));
        p.put("safeguards", Boolean.TRUE.equals(f.transfersOutsideEu()) ? blank(f.transferSafeguards()) : null);
        p.put("retention", f.retention().strip());
        p.put("security", blank(f.securityMeasures()));
        p.put("software", f.softwareId());
        p.put("owner", blank(f.owner()));
        p.put("status", f.status().name());
        p.put("review", f.reviewDate());
        return p;
    }

    private static Map<String, Object> snapshotOf(ProcessingForm f) {
        Map<String, Object> m = new LinkedHashMap<>(columns(f));
        m.put("subjects", String.join(", ", PrivacyScope.names(f.subjectCategories())));
        m.remove("org");
        m.remove("software");
        return m;
    }

    private static Map<String, Object> snapshot(ProcessingView v) {
        Map<String, Object> m = snapshotOf(new ProcessingForm(v.schoolId(), v.name(), v.purpose(), v.legalBasis(),
                v.subjectCategories(), v.dataCategories(), v.specialCategories(), v.specialCategoriesDetail(),
                v.recipients(), v.processorOrganisationId(), v.processorName(), v.transfersOutsideEu(),
                v.transferSafeguards(), v.retention(), v.securityMeasures(), v.softwareId(), v.owner(), v.status(),
                v.reviewDate(), v.version()));
        m.put("software", v.softwareName());
        m.put("processorOrganisation", v.processorOrganisationName());
        return m;
    }

    private static boolean reviewDue(ResultSet rs) throws SQLException {
        var review = PrivacyScope.date(rs, "review_date");
        return review != null && !"RETIRED".equals(rs.getString("status")) && !review.isAfter(PrivacyScope.today());
    }

    private ProcessingView view(ResultSet rs, int n) throws SQLException {
        return new ProcessingView(rs.getLong("id"), PrivacyScope.longOrNull(rs, "school_id"), rs.getString("school_name"),
                rs.getString("name"), rs.getString("purpose"), LegalBasis.valueOf(rs.getString("legal_basis")),
                PrivacyScope.enums(rs, "subject_categories", SubjectCategory::valueOf), rs.getString("data_categories"),
                rs.getBoolean("special_categories"), rs.getString("special_categories_detail"), rs.getString("recipients"),
                PrivacyScope.longOrNull(rs, "processor_organisation_id"), rs.getString("organisation_name"),
                rs.getString("processor_name"), rs.getBoolean("transfers_outside_eu"), rs.getString("transfer_safeguards"),
                rs.getString("retention"), rs.getString("security_measures"), PrivacyScope.longOrNull(rs, "software_id"),
                rs.getString("software_name"), rs.getString("owner"), ProcessingStatus.valueOf(rs.getString("status")),
                PrivacyScope.date(rs, "review_date"), reviewDue(rs), PrivacyScope.signOff(rs), rs.getInt("version"),
                PrivacyScope.instant(rs, "created_at"), PrivacyScope.instant(rs, "updated_at"));
    }
}
