package be.coordinaat.policy;

import be.coordinaat.policy.Forms.ActionForm;
import be.coordinaat.policy.Forms.BaselineItemForm;
import be.coordinaat.policy.Forms.ToActionForm;
import be.coordinaat.policy.Views.AccountChoice;
import be.coordinaat.policy.Views.BaselineItemView;
import be.coordinaat.policy.Views.BaselineView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.RecordChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security baseline checklist of a school: the standard items ({@link BaselineStandard}: MFA for staff, tested
 * backups, updates, disk encryption, separate admin accounts, segmented Wi-Fi, awareness training, …) plus the
 * school's own, each with a status, an owner, evidence and a review date. The standard items are put in place the
 * first time a coordinator opens the checklist. An item that needs work becomes an action of the policy plan.
 */
@Service
@Transactional(readOnly = true)
public class SecurityBaseline {

    static final String TYPE = "policy_baseline_item";
    private static final String SELECT = """
            SELECT b.*, u.display_name AS owner_name, a.title AS action_title, a.plan_id
            FROM policy_baseline_item b LEFT JOIN app_user u ON u.id = b.owner_user_id
            LEFT JOIN policy_action a ON a.id = b.action_id""";

    private final JdbcClient jdbc;
    private final PolicyAccess access;
    private final PolicyPlans plans;
    private final MessageSource messages;

    SecurityBaseline(JdbcClient jdbc, PolicyAccess access, PolicyPlans plans, MessageSource messages) {
        this.jdbc = jdbc;
        this.access = access;
        this.plans = plans;
        this.messages = messages;
    }

    public boolean canManage(long schoolId) {
        return access.canManage(schoolId);
    }

    public List<be.coordinaat.access.SchoolDirectory.SchoolRef> readableSchools() {
        return access.readableSchools();
    }

    public List<AccountChoice> owners(long schoolId) {
        access.requireManage(schoolId);
        return access.accounts(schoolId);
    }

    /** The checklist; for a coordinator, the missing standard items are added first. */
    @Transactional
    public BaselineView baseline(long schoolId) {
        access.requireRead(schoolId);
        if (access.canManage(schoolId)) {
            seed(access.board(), schoolId, false);
        }
        LocalDate today = PolicyAccess.today();
        List<BaselineItemView> items = jdbc.sql(SELECT + " WHERE b.school_id = ? ORDER BY b.position, b.id").param(schoolId)
                .query((rs, n) -> row(rs, today)).list();
        return new BaselineView(schoolId, access.schoolName(schoolId), items);
    }

    /** Adds the standard items a school does not have yet; {@code demo} publishes without a signed-in user. */
    void seed(long board, long schoolId, boolean demo) {
        BaselineStandard[] all = BaselineStandard.values();
        for (int i = 0; i < all.length; i++) {
            Long id = jdbc.sql("""
                    INSERT INTO policy_baseline_item (board_id, school_id, code, position, status) VALUES (?, ?, ?, ?, 'NOT_STARTED')
                    ON CONFLICT (school_id, code) WHERE code IS NOT NULL DO NOTHING RETURNING id""")
                    .params(board, schoolId, all[i].name(), (i + 1) * 10).query(Long.class).optional().orElse(null);
            if (id != null) {
                if (demo) {
                    access.publish(board, TYPE, id, schoolId, RecordChanged.CREATED, all[i].title(), Map.of("status", BaselineStatus.NOT_STARTED));
                } else {
                    access.publish(TYPE, id, schoolId, RecordChanged.CREATED, all[i].title(), Map.of(), Map.of("status", BaselineStatus.NOT_STARTED));
                }
            }
        }
    }

    public BaselineItemView item(long id) {
        return jdbc.sql(SELECT + " WHERE b.id = :id AND b.school_id = ANY(:schools)").param("id", id)
                .param("schools", access.readableIds()).query((rs, n) -> row(rs, PolicyAccess.today())).optional()
                .orElseThrow(() -> new NotFoundException("baseline item", id));
    }

    /** Adds an item of the school's own. */
    @Transactional
    public long create(BaselineItemForm form) {
        access.requireManageField(form.schoolId(), "schoolId");
        long school = form.schoolId();
        String title = PolicyAccess.blank(form.title());
        List<FieldProblem> problems = new ArrayList<>();
        if (title == null) {
            problems.add(new FieldProblem("title", "error.required", "is required"));
        }
        access.checkAccount(form.ownerUserId(), school, "ownerUserId", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int position = jdbc.sql("SELECT coalesce(max(position), 0) + 10 FROM policy_baseline_item WHERE school_id = ?").param(school)
                .query(Integer.class).single();
        long id = jdbc.sql("""
                INSERT INTO policy_baseline_item (board_id, school_id, title, position, status, owner_user_id, evidence, review_date)
                VALUES (:board, :school, :title, :position, :status, :owner, :evidence, :review) RETURNING id""")
                .param("board", access.board()).param("school", school).param("title", title).param("position", position)
                .params(columns(form)).query(Long.class).single();
        access.publish(TYPE, id, school, RecordChanged.CREATED, title, Map.of(), snapshot(form, title));
        return id;
    }

    @Transactional
    public void update(long id, BaselineItemForm form) {
        BaselineItemView before = item(id);
        access.requireManage(before.schoolId());
        List<FieldProblem> problems = new ArrayList<>();
        String title = before.code() == null ? PolicyAccess.blank(form.title()) : null;
        if (before.code() == null && title == null) {
            problems.add(new FieldProblem("title", "error.required", "is required"));
        }
        access.checkAccount(form.ownerUserId(), before.schoolId(), "ownerUserId", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n = jdbc.sql("""
                UPDATE policy_baseline_item SET title = :title, status = :status, owner_user_id = :owner, evidence = :evidence,
                       review_date = :review, version = version + 1, updated_at = now() WHERE id = :id AND version = :version""")
                .param("title", title).params(columns(form)).param("id", id)
                .param("version", form.version() == null ? before.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion("baseline item", id);
        }
        access.publish(TYPE, id, before.schoolId(), RecordChanged.UPDATED, label(before, title),
                snapshot(form(before), before.title()), snapshot(form, title));
    }

    /** Deletes an item of the school's own; a standard item is set to "not applicable" instead. */
    @Transactional
    public void delete(long id) {
        BaselineItemView before = item(id);
        access.requireManage(before.schoolId());
        if (before.code() != null) {
            throw new ConflictException("policy.error.standardItem", "A standard item is not deleted; set it to NOT_APPLICABLE");
        }
        jdbc.sql("DELETE FROM policy_baseline_item WHERE id = ?").param(id).update();
        access.publish(TYPE, id, before.schoolId(), RecordChanged.DELETED, before.title(), snapshot(form(before), before.title()), Map.of());
    }

    /** Turns the item into an action of a goal of a plan being drafted in the same school; returns the action's id. */
    @Transactional
    public long toAction(long id, ToActionForm form) {
        BaselineItemView item = item(id);
        access.requireManage(item.schoolId());
        Long goalSchool = jdbc.sql("SELECT school_id FROM policy_goal WHERE id = ?").param(form.goalId()).query(Long.class)
                .optional().orElse(null);
        if (goalSchool == null || goalSchool != item.schoolId()) {
            throw InvalidInputException.of("goalId", "error.reference", "does not exist");
        }
        String title = item.code() == null ? item.title()
                : messages.getMessage("policy.baseline.std." + item.code().name(), null, item.code().title(), LocaleContextHolder.getLocale());
        long actionId;
        try {
            actionId = plans.addAction(form.goalId(), new ActionForm(title, item.ownerUserId(), PolicyAccess.today(), form.deadline(),
                    form.horizon(), ActionStatus.PLANNED, null, null, null, null, null));
        } catch (ConflictException e) {
            throw InvalidInputException.of("goalId", "policy.error.planFrozen", "the goal's plan is not being drafted");
        }
        jdbc.sql("UPDATE policy_baseline_item SET action_id = ?, version = version + 1, updated_at = now() WHERE id = ?")
                .params(actionId, id).update();
        access.publish(TYPE, id, item.schoolId(), RecordChanged.UPDATED, label(item, item.title()), Map.of(), Map.of("action", title));
        return actionId;
    }

    /** Sets a standard item's state for the demo data. */
    void demoState(long schoolId, BaselineStandard code, BaselineStatus status, Long owner, String evidence, LocalDate review) {
        jdbc.sql("""
                UPDATE policy_baseline_item SET status = ?, owner_user_id = ?, evidence = ?, review_date = ?
                WHERE school_id = ? AND code = ?""").params(status.name(), owner, evidence, review, schoolId, code.name()).update();
    }

    private static String label(BaselineItemView item, String title) {
        return item.code() != null ? item.code().title() : title;
    }

    private static Map<String, Object> columns(BaselineItemForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", f.status().name());
        m.put("owner", f.ownerUserId());
        m.put("evidence", PolicyAccess.blank(f.evidence()));
        m.put("review", f.reviewDate());
        return m;
    }

    private static Map<String, Object> snapshot(BaselineItemForm f, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("status", f.status());
        m.put("owner", f.ownerUserId());
        m.put("evidence", PolicyAccess.blank(f.evidence()));
        m.put("reviewDate", f.reviewDate());
        return m;
    }

    static BaselineItemForm form(BaselineItemView i) {
        return new BaselineItemForm(i.schoolId(), i.title(), i.status(), i.ownerUserId(), i.evidence(), i.reviewDate(), i.version());
    }

    private static BaselineItemView row(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate review = rs.getObject("review_date", LocalDate.class);
        BaselineStatus status = BaselineStatus.valueOf(rs.getString("status"));
        return new BaselineItemView(rs.getLong("id"), rs.getLong("school_id"),
                rs.getString("code") == null ? null : BaselineStandard.valueOf(rs.getString("code")), rs.getString("title"),
                rs.getInt("position"), status, (Long) rs.getObject("owner_user_id"), rs.getString("owner_name"),
                rs.getString("evidence"), review, review != null && !review.isAfter(today) && status != BaselineStatus.NOT_APPLICABLE,
                (Long) rs.getObject("action_id"), rs.getString("action_title"), (Long) rs.getObject("plan_id"), rs.getInt("version"),
                PolicyAccess.instant(rs, "updated_at"));
    }
}
