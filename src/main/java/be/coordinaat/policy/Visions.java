package be.coordinaat.policy;

import be.coordinaat.policy.Forms.DecisionForm;
import be.coordinaat.policy.Forms.VisionForm;
import be.coordinaat.policy.Views.DiffLine;
import be.coordinaat.policy.Views.VisionOverview;
import be.coordinaat.policy.Views.VisionView;
import be.coordinaat.policy.domain.LineDiff;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.RecordChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ICT vision of a school: which role ICT plays, which choices the school makes and why. Every version is kept.
 * The coordinator writes a draft and submits it; the director approves it (who and when are recorded) or returns it
 * with remarks. Only the newest version changes, and only while it is a draft or returned; saving after approval
 * starts a new draft version, so the approved text stays as it was approved. Readers without POLICY_MANAGE or
 * POLICY_APPROVE see approved versions only.
 */
@Service
@Transactional(readOnly = true)
public class Visions {

    static final String TYPE = "policy_vision";
    private static final String SELECT = """
            SELECT v.*, s.name AS school_name FROM policy_vision v JOIN school s ON s.id = v.school_id""";

    private final JdbcClient jdbc;
    private final PolicyAccess access;

    Visions(JdbcClient jdbc, PolicyAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public VisionOverview overview(long schoolId) {
        access.requireRead(schoolId);
        boolean editor = access.editor(schoolId);
        List<VisionView> versions = jdbc.sql(SELECT + " WHERE v.school_id = :school AND (:editor OR v.status = 'APPROVED') ORDER BY v.number DESC")
                .param("school", schoolId).param("editor", editor).query(Visions::row).list();
        VisionView approved = versions.stream().filter(v -> v.status() == ApprovalStatus.APPROVED).findFirst().orElse(null);
        return new VisionOverview(schoolId, access.schoolName(schoolId), versions.isEmpty() ? null : versions.get(0), approved,
                versions, access.canManage(schoolId), access.canApprove(schoolId));
    }

    /** One version; 404 outside the user's schools, and for drafts when the user is no editor. */
    public VisionView version(long id) {
        VisionView v = jdbc.sql(SELECT + " WHERE v.id = :id AND v.school_id = ANY(:schools)").param("id", id)
                .param("schools", access.readableIds()).query(Visions::row).optional()
                .orElseThrow(() -> new NotFoundException("vision", id));
        if (v.status() != ApprovalStatus.APPROVED && !access.editor(v.schoolId())) {
            throw new NotFoundException("vision", id);
        }
        return v;
    }

    /** The version before this one that the user may see (null for the first). */
    public VisionView previous(long id) {
        VisionView v = version(id);
        boolean editor = access.editor(v.schoolId());
        return jdbc.sql(SELECT + " WHERE v.school_id = :school AND v.number < :number AND (:editor OR v.status = 'APPROVED') ORDER BY v.number DESC LIMIT 1")
                .param("school", v.schoolId()).param("number", v.number()).param("editor", editor)
                .query(Visions::row).optional().orElse(null);
    }

    /** What changed from {@code otherId} (or the previous version) to version {@code id}, line by line. */
    public List<DiffLine> diff(long id, Long otherId) {
        VisionView v = version(id);
        VisionView other = otherId == null ? previous(id) : version(otherId);
        if (other != null && other.schoolId() != v.schoolId()) {
            throw new NotFoundException("vision", otherId);
        }
        return LineDiff.diff(other == null ? "" : other.body(), v.body()).stream()
                .map(l -> new DiffLine(l.kind().name(), l.text())).toList();
    }

    /**
     * Saves the text: into the newest version while it is a draft or returned, else (approved) as a new draft
     * version. While the director looks at a submitted version nothing changes (409). Returns the version's id.
     */
    @Transactional
    public long save(VisionForm form) {
        access.requireManageField(form.schoolId(), "schoolId");
        long school = form.schoolId();
        String body = clean(form.body());
        if (body == null) {
            throw InvalidInputException.of("body", "error.required", "is required");
        }
        Optional<VisionView> newest = jdbc.sql(SELECT + " WHERE v.school_id = ? ORDER BY v.number DESC LIMIT 1 FOR UPDATE OF v")
                .param(school).query(Visions::row).optional();
        if (newest.isPresent() && newest.get().editable()) {
            VisionView v = newest.get();
            int n = jdbc.sql("UPDATE policy_vision SET body = :body, status = 'DRAFT', version = version + 1, updated_at = now() WHERE id = :id AND version = :version")
                    .param("body", body).param("id", v.id()).param("version", form.version() == null ? v.version() : form.version())
                    .update();
            if (n == 0) {
                throw ConflictException.staleVersion("vision", v.id());
            }
            access.publish(TYPE, v.id(), school, RecordChanged.UPDATED, label(v.number()), Map.of("body", v.body()), Map.of("body", body));
            return v.id();
        }
        if (newest.isPresent() && newest.get().status() == ApprovalStatus.SUBMITTED) {
            throw new ConflictException("policy.error.submitted", "The version is with the director; wait for the decision");
        }
        if (newest.isPresent() && form.version() != null && form.version() != newest.get().version()) {
            throw ConflictException.staleVersion("vision", newest.get().id());
        }
        int number = newest.map(v -> v.number() + 1).orElse(1);
        long id = jdbc.sql("""
                INSERT INTO policy_vision (board_id, school_id, number, body, status, created_by_name)
                VALUES (:board, :school, :number, :body, 'DRAFT', :by) RETURNING id""")
                .param("board", access.board()).param("school", school).param("number", number).param("body", body)
                .param("by", access.actor()).query(Long.class).single();
        access.publish(TYPE, id, school, RecordChanged.CREATED, label(number), Map.of(), Map.of("number", number, "body", body));
        return id;
    }

    @Transactional
    public void submit(long id, Integer version) {
        VisionView v = version(id);
        access.requireManage(v.schoolId());
        if (!v.editable()) {
            throw new ConflictException("policy.error.state", "Only a draft or returned version can be submitted");
        }
        transition(v, version, "status = 'SUBMITTED', submitted_at = now(), submitted_by_name = :by", ApprovalStatus.SUBMITTED, null);
    }

    @Transactional
    public void approve(long id, DecisionForm form) {
        VisionView v = version(id);
        access.requireApprove(v.schoolId());
        requireSubmitted(v);
        transition(v, form.version(), "status = 'APPROVED', decided_at = now(), decided_by_name = :by, remarks = :remarks",
                ApprovalStatus.APPROVED, PolicyAccess.blank(form.remarks()));
    }

    /** Returns the version to the coordinator; the remarks say what to change. */
    @Transactional
    public void giveBack(long id, DecisionForm form) {
        VisionView v = version(id);
        access.requireApprove(v.schoolId());
        if (PolicyAccess.blank(form.remarks()) == null) {
            throw InvalidInputException.of("remarks", "policy.error.remarks", "say what should change");
        }
        requireSubmitted(v);
        transition(v, form.version(), "status = 'RETURNED', decided_at = now(), decided_by_name = :by, remarks = :remarks",
                ApprovalStatus.RETURNED, PolicyAccess.blank(form.remarks()));
    }

    private static void requireSubmitted(VisionView v) {
        if (v.status() != ApprovalStatus.SUBMITTED) {
            throw new ConflictException("policy.error.state", "Only a submitted version can be approved or returned");
        }
    }

    private void transition(VisionView v, Integer version, String set, ApprovalStatus to, String remarks) {
        int n = jdbc.sql("UPDATE policy_vision SET " + set + ", version = version + 1, updated_at = now() WHERE id = :id AND version = :version")
                .param("by", access.actor()).param("id", v.id()).param("version", version == null ? v.version() : version)
                .params(remarks == null && !set.contains(":remarks") ? Map.of() : mapOf("remarks", remarks)).update();
        if (n == 0) {
            throw ConflictException.staleVersion("vision", v.id());
        }
        Map<String, Object> after = mapOf("status", to);
        if (remarks != null) {
            after.put("remarks", remarks);
        }
        access.publish(TYPE, v.id(), v.schoolId(), RecordChanged.UPDATED, label(v.number()), Map.of("status", v.status()), after);
    }

    /** Stores a vision version for the demo data, before anyone signs in. */
    long insertDemo(long board, long school, int number, String body, ApprovalStatus status, String by) {
        long id = jdbc.sql("""
                INSERT INTO policy_vision (board_id, school_id, number, body, status, created_by_name, submitted_at,
                                           submitted_by_name, decided_at, decided_by_name)
                VALUES (:board, :school, :number, :body, :status, :by,
                        CASE WHEN :status <> 'DRAFT' THEN now() - interval '30 days' END, CASE WHEN :status <> 'DRAFT' THEN :by END,
                        CASE WHEN :status = 'APPROVED' THEN now() - interval '28 days' END,
                        CASE WHEN :status = 'APPROVED' THEN 'Dirk Directeur (director)' END)
                RETURNING id""").param("board", board).param("school", school).param("number", number).param("body", body)
                .param("status", status.name()).param("by", by).query(Long.class).single();
        access.publish(board, TYPE, id, school, RecordChanged.CREATED, label(number), Map.of("number", number, "status", status));
        return id;
    }

    static String label(int number) {
        return "ICT-visie v" + number;
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c)).filter(c -> !(c >= 0xD800 && c <= 0xDFFF))
                .forEach(b::appendCodePoint);
        String out = b.toString().replace("\r", "").strip();
        return out.isEmpty() ? null : out;
    }

    private static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    static VisionView row(ResultSet rs, int n) throws SQLException {
        return new VisionView(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"), rs.getInt("number"),
                rs.getString("body"), ApprovalStatus.valueOf(rs.getString("status")), PolicyAccess.instant(rs, "submitted_at"),
                rs.getString("submitted_by_name"), PolicyAccess.instant(rs, "decided_at"), rs.getString("decided_by_name"),
                rs.getString("remarks"), rs.getInt("version"), PolicyAccess.instant(rs, "created_at"),
                rs.getString("created_by_name"), PolicyAccess.instant(rs, "updated_at"));
    }
}
