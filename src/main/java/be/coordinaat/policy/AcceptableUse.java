package be.coordinaat.policy;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.CurrentUser;
import be.coordinaat.access.Grant;
import be.coordinaat.access.Permission;
import be.coordinaat.access.Role;
import be.coordinaat.policy.Forms.AupForm;
import be.coordinaat.policy.Forms.ClassAckForm;
import be.coordinaat.policy.Views.AccountChoice;
import be.coordinaat.policy.Views.AckStatus;
import be.coordinaat.policy.Views.AupOverview;
import be.coordinaat.policy.Views.AupView;
import be.coordinaat.policy.Views.ClassAck;
import be.coordinaat.policy.Views.DiffLine;
import be.coordinaat.policy.Views.PendingAup;
import be.coordinaat.policy.Views.StaffAck;
import be.coordinaat.policy.domain.LineDiff;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.RecordChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The acceptable-use policy (ICT-reglement) of a school, one for staff and one for pupils: versions written by the
 * coordinator and published; the newest published version is the current one. Staff acknowledge the current staff
 * policy after signing in (a banner on the home page until they do); the coordinator records per class that the
 * pupils acknowledged the pupils' policy. Who has to acknowledge: every account with a role in the school that reads
 * policy (not board-wide roles, not external accounts); which classes: those of the school's pupils.
 */
@Service
@Transactional(readOnly = true)
public class AcceptableUse {

    static final String TYPE = "policy_aup";
    private static final String SELECT = "SELECT a.*, s.name AS school_name FROM policy_aup a JOIN school s ON s.id = a.school_id";

    private final JdbcClient jdbc;
    private final PolicyAccess access;
    private final AccessControl accessControl;

    AcceptableUse(JdbcClient jdbc, PolicyAccess access, AccessControl accessControl) {
        this.jdbc = jdbc;
        this.access = access;
        this.accessControl = accessControl;
    }

    /** The roles whose holders in a school must acknowledge its staff policy. */
    static String[] ackRoles() {
        return Arrays.stream(Role.values()).filter(r -> !r.boardWide() && r.grants(Permission.POLICY_READ)).map(Enum::name)
                .toArray(String[]::new);
    }

    public boolean canManage(long schoolId) {
        return access.canManage(schoolId);
    }

    public boolean isEditor(long schoolId) {
        return access.editor(schoolId);
    }

    public List<be.coordinaat.access.SchoolDirectory.SchoolRef> readableSchools() {
        return access.readableSchools();
    }

    /** Both audiences' policies of a school as the user may see them. */
    public List<AupOverview> overview(long schoolId) {
        access.requireRead(schoolId);
        boolean editor = access.editor(schoolId);
        List<AupOverview> out = new ArrayList<>();
        for (AupAudience audience : AupAudience.values()) {
            List<AupView> versions = jdbc.sql(SELECT + " WHERE a.school_id = :school AND a.audience = :audience"
                            + " AND (:editor OR a.status = 'PUBLISHED') ORDER BY a.number DESC")
                    .param("school", schoolId).param("audience", audience.name()).param("editor", editor).query(AcceptableUse::row).list();
            AupView current = versions.stream().filter(v -> v.status() == AupStatus.PUBLISHED).findFirst().orElse(null);
            AupView draft = versions.stream().filter(v -> v.status() == AupStatus.DRAFT).findFirst().orElse(null);
            boolean mine = current != null && audience == AupAudience.STAFF && acknowledged(current.id(), access.userId());
            long acknowledged = 0;
            long pending = 0;
            if (editor && current != null) {
                if (audience == AupAudience.STAFF) {
                    acknowledged = jdbc.sql("SELECT count(*) FROM policy_aup_ack WHERE aup_id = ?").param(current.id()).query(Long.class).single();
                    pending = pendingStaff(current).size();
                } else {
                    acknowledged = jdbc.sql("SELECT count(*) FROM policy_aup_class_ack WHERE aup_id = ?").param(current.id()).query(Long.class).single();
                    pending = pendingClasses(current).size();
                }
            }
            out.add(new AupOverview(audience, current, draft, versions, mine, acknowledged, pending));
        }
        return out;
    }

    /** One version; drafts only for editors. */
    public AupView aup(long id) {
        AupView v = jdbc.sql(SELECT + " WHERE a.id = :id AND a.school_id = ANY(:schools)").param("id", id)
                .param("schools", access.readableIds()).query(AcceptableUse::row).optional()
                .orElseThrow(() -> new NotFoundException("acceptable-use policy", id));
        if (v.status() != AupStatus.PUBLISHED && !access.editor(v.schoolId())) {
            throw new NotFoundException("acceptable-use policy", id);
        }
        return v;
    }

    /** What changed since the previous version the user may see. */
    public List<DiffLine> diff(long id) {
        AupView v = aup(id);
        boolean editor = access.editor(v.schoolId());
        String before = jdbc.sql("SELECT body FROM policy_aup WHERE school_id = :school AND audience = :audience AND number < :number"
                        + " AND (:editor OR status = 'PUBLISHED') ORDER BY number DESC LIMIT 1")
                .param("school", v.schoolId()).param("audience", v.audience().name()).param("number", v.number()).param("editor", editor)
                .query(String.class).optional().orElse("");
        return LineDiff.diff(before, v.body()).stream().map(l -> new DiffLine(l.kind().name(), l.text())).toList();
    }

    public boolean acknowledgedByMe(long id) {
        return acknowledged(id, access.userId());
    }

    /** Saves the text into the draft, or starts a new draft when the newest version is published. */
    @Transactional
    public long save(AupForm form) {
        access.requireManageField(form.schoolId(), "schoolId");
        String body = Visions.clean(form.body());
        if (body == null) {
            throw InvalidInputException.of("body", "error.required", "is required");
        }
        String title = form.title().strip();
        Optional<AupView> newest = jdbc.sql(SELECT + " WHERE a.school_id = ? AND a.audience = ? ORDER BY a.number DESC LIMIT 1 FOR UPDATE OF a")
                .params(form.schoolId(), form.audience().name()).query(AcceptableUse::row).optional();
        if (newest.isPresent() && newest.get().status() == AupStatus.DRAFT) {
            AupView v = newest.get();
            int n = jdbc.sql("UPDATE policy_aup SET title = :title, body = :body, version = version + 1, updated_at = now() WHERE id = :id AND version = :version")
                    .param("title", title).param("body", body).param("id", v.id())
                    .param("version", form.version() == null ? v.version() : form.version()).update();
            if (n == 0) {
                throw ConflictException.staleVersion("acceptable-use policy", v.id());
            }
            access.publish(TYPE, v.id(), v.schoolId(), RecordChanged.UPDATED, label(v.audience(), v.number()),
                    Map.of("title", v.title(), "body", v.body()), Map.of("title", title, "body", body));
            return v.id();
        }
        if (newest.isPresent() && form.version() != null && form.version() != newest.get().version()) {
            throw ConflictException.staleVersion("acceptable-use policy", newest.get().id());
        }
        int number = newest.map(v -> v.number() + 1).orElse(1);
        long id = insert(access.board(), form.schoolId(), form.audience(), number, title, body, AupStatus.DRAFT, null);
        access.publish(TYPE, id, form.schoolId(), RecordChanged.CREATED, label(form.audience(), number), Map.of(),
                Map.of("title", title, "body", body));
        return id;
    }

    long insert(long board, long school, AupAudience audience, int number, String title, String body, AupStatus status, String by) {
        return jdbc.sql("""
                INSERT INTO policy_aup (board_id, school_id, audience, number, title, body, status, published_at, published_by_name)
                VALUES (:board, :school, :audience, :number, :title, :body, :status,
                        CASE WHEN :status = 'PUBLISHED' THEN now() END, :by) RETURNING id""")
                .param("board", board).param("school", school).param("audience", audience.name()).param("number", number)
                .param("title", title).param("body", body).param("status", status.name()).param("by", by).query(Long.class).single();
    }

    /** Publishes the draft: it becomes the current version, which everyone concerned acknowledges anew. */
    @Transactional
    public void publish(long id, Integer version) {
        AupView v = aup(id);
        access.requireManage(v.schoolId());
        if (v.status() != AupStatus.DRAFT) {
            throw new ConflictException("policy.error.state", "Only a draft is published");
        }
        int n = jdbc.sql("UPDATE policy_aup SET status = 'PUBLISHED', published_at = now(), published_by_name = :by, version = version + 1, "
                        + "updated_at = now() WHERE id = :id AND version = :version")
                .param("by", access.actor()).param("id", id).param("version", version == null ? v.version() : version).update();
        if (n == 0) {
            throw ConflictException.staleVersion("acceptable-use policy", id);
        }
        access.publish(TYPE, id, v.schoolId(), RecordChanged.UPDATED, label(v.audience(), v.number()), Map.of("status", v.status()),
                Map.of("status", AupStatus.PUBLISHED));
    }

    /** The current user acknowledges the current staff policy of a school where they must. */
    @Transactional
    public void acknowledge(long id) {
        AupView v = aup(id);
        if (v.audience() != AupAudience.STAFF || v.status() != AupStatus.PUBLISHED || !isCurrent(v)) {
            throw new ConflictException("policy.error.notCurrent", "Only the current staff policy is acknowledged");
        }
        CurrentUser user = accessControl.current();
        if (user.external()) {
            throw new AccessDeniedException("external accounts do not acknowledge a school's policy");
        }
        int n = jdbc.sql("INSERT INTO policy_aup_ack (aup_id, user_id, school_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(id, user.id(), v.schoolId()).update();
        if (n > 0) {
            access.publish(TYPE, id, v.schoolId(), RecordChanged.UPDATED, label(v.audience(), v.number()), Map.of(),
                    Map.of("acknowledgedBy", access.actor()));
        }
    }

    /** Who acknowledged the version and who has not yet (editors). */
    public AckStatus ackStatus(long id) {
        AupView v = aup(id);
        if (!access.editor(v.schoolId())) {
            throw new AccessDeniedException("no POLICY_MANAGE or POLICY_APPROVE");
        }
        if (v.status() != AupStatus.PUBLISHED) {
            return new AckStatus(v, List.of(), List.of(), List.of(), List.of());
        }
        if (v.audience() == AupAudience.STAFF) {
            List<StaffAck> acks = jdbc.sql("""
                    SELECT u.id, u.display_name, k.acknowledged_at FROM policy_aup_ack k JOIN app_user u ON u.id = k.user_id
                    WHERE k.aup_id = ? ORDER BY lower(u.display_name), u.id""").param(id)
                    .query((rs, n) -> new StaffAck(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
            return new AckStatus(v, acks, pendingStaff(v), List.of(), List.of());
        }
        return new AckStatus(v, List.of(), List.of(), classAcks(id), pendingClasses(v));
    }

    @Transactional
    public long recordClass(long id, ClassAckForm form) {
        AupView v = aup(id);
        access.requireManage(v.schoolId());
        if (v.audience() != AupAudience.PUPILS || v.status() != AupStatus.PUBLISHED) {
            throw new ConflictException("policy.error.notCurrent", "Classes acknowledge a published pupils' policy");
        }
        String className = form.className().strip();
        if (!classes(v.schoolId()).contains(className)) {
            throw InvalidInputException.of("className", "policy.error.class", "is no class of this school's pupils");
        }
        LocalDate today = PolicyAccess.today();
        if (form.acknowledgedOn().isAfter(today) || form.acknowledgedOn().isBefore(today.minusYears(2))) {
            throw InvalidInputException.of("acknowledgedOn", "policy.error.ackDate", "must be today or in the past two years");
        }
        long ackId = jdbc.sql("""
                INSERT INTO policy_aup_class_ack (aup_id, school_id, class_name, acknowledged_on, note, recorded_by_name)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (aup_id, class_name) DO UPDATE SET acknowledged_on = EXCLUDED.acknowledged_on, note = EXCLUDED.note,
                    recorded_by_name = EXCLUDED.recorded_by_name, recorded_at = now()
                RETURNING id""").params(id, v.schoolId(), className, form.acknowledgedOn(), PolicyAccess.blank(form.note()), access.actor())
                .query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("class " + className, form.acknowledgedOn());
        access.publish(TYPE, id, v.schoolId(), RecordChanged.UPDATED, label(v.audience(), v.number()), Map.of(), after);
        return ackId;
    }

    @Transactional
    public void removeClass(long id, long ackId) {
        AupView v = aup(id);
        access.requireManage(v.schoolId());
        String className = jdbc.sql("DELETE FROM policy_aup_class_ack WHERE id = ? AND aup_id = ? RETURNING class_name").params(ackId, id)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("class acknowledgement", ackId));
        access.publish(TYPE, id, v.schoolId(), RecordChanged.UPDATED, label(v.audience(), v.number()),
                Map.of("class " + className, "acknowledged"), Map.of());
    }

    /** The classes of the school's pupils. */
    public List<String> classes(long schoolId) {
        access.requireRead(schoolId);
        return jdbc.sql("""
                SELECT DISTINCT class_name FROM person WHERE kind = 'PUPIL' AND class_name IS NOT NULL
                  AND school_ids @> ARRAY[CAST(? AS bigint)] ORDER BY class_name""").param(schoolId).query(String.class).list();
    }

    /** The current staff policies the signed-in user has still to acknowledge (for the home page banner). */
    public List<PendingAup> pendingForMe() {
        Optional<CurrentUser> user = accessControl.currentUser();
        if (user.isEmpty() || user.get().external()) {
            return List.of();
        }
        Long[] schools = user.get().grants().stream().filter(g -> g.schoolId() != null && user.get().allows(g, Permission.POLICY_READ))
                .map(Grant::schoolId).distinct().toArray(Long[]::new);
        if (schools.length == 0) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT ON (a.school_id) a.id, a.school_id, s.name, a.title, a.number
                FROM policy_aup a JOIN school s ON s.id = a.school_id
                WHERE a.school_id = ANY(:schools) AND a.audience = 'STAFF' AND a.status = 'PUBLISHED'
                ORDER BY a.school_id, a.number DESC""").param("schools", schools)
                .query((rs, n) -> new PendingAup(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5))).list()
                .stream().filter(p -> !acknowledged(p.id(), user.get().id())).toList();
    }

    private boolean isCurrent(AupView v) {
        return jdbc.sql("SELECT max(number) FROM policy_aup WHERE school_id = ? AND audience = ? AND status = 'PUBLISHED'")
                .params(v.schoolId(), v.audience().name()).query(Integer.class).single() == v.number();
    }

    private boolean acknowledged(long aupId, long userId) {
        return jdbc.sql("SELECT count(*) FROM policy_aup_ack WHERE aup_id = ? AND user_id = ?").params(aupId, userId)
                .query(Long.class).single() > 0;
    }

    private List<AccountChoice> pendingStaff(AupView v) {
        return jdbc.sql("""
                SELECT u.id, u.display_name FROM app_user u
                WHERE u.enabled AND u.organisation_id IS NULL
                  AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.school_id = :school AND g.role = ANY(:roles))
                  AND NOT EXISTS (SELECT 1 FROM policy_aup_ack k WHERE k.aup_id = :aup AND k.user_id = u.id)
                ORDER BY lower(u.display_name), u.id""").param("school", v.schoolId()).param("roles", ackRoles()).param("aup", v.id())
                .query((rs, n) -> new AccountChoice(rs.getLong(1), rs.getString(2))).list();
    }

    private List<String> pendingClasses(AupView v) {
        List<String> done = classAcks(v.id()).stream().map(ClassAck::className).toList();
        return classes(v.schoolId()).stream().filter(c -> !done.contains(c)).toList();
    }

    private List<ClassAck> classAcks(long aupId) {
        return jdbc.sql("SELECT * FROM policy_aup_class_ack WHERE aup_id = ? ORDER BY class_name").param(aupId)
                .query((rs, n) -> new ClassAck(rs.getLong("id"), rs.getString("class_name"), rs.getObject("acknowledged_on", LocalDate.class),
                        rs.getString("note"), rs.getString("recorded_by_name"), PolicyAccess.instant(rs, "recorded_at")))
                .list();
    }

    static String label(AupAudience audience, int number) {
        return (audience == AupAudience.STAFF ? "ICT-reglement personeel v" : "ICT-reglement leerlingen v") + number;
    }

    static AupView row(ResultSet rs, int n) throws SQLException {
        return new AupView(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
                AupAudience.valueOf(rs.getString("audience")), rs.getInt("number"), rs.getString("title"), rs.getString("body"),
                AupStatus.valueOf(rs.getString("status")), PolicyAccess.instant(rs, "published_at"), rs.getString("published_by_name"),
                rs.getInt("version"), PolicyAccess.instant(rs, "created_at"), PolicyAccess.instant(rs, "updated_at"));
    }
}
