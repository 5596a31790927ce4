package be.coordinaat.policy;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.policy.Views.AccountChoice;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.web.Formats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The policy module's scope rules in one place. A school the user may not read policy in is "not found"; a school
 * they read but may not change answers 403. Drafts are for editors (POLICY_MANAGE or POLICY_APPROVE) only.
 */
@Component
class PolicyAccess {

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final ApplicationEventPublisher events;

    PolicyAccess(JdbcClient jdbc, AccessControl access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    long board() {
        return access.current().boardId();
    }

    boolean canRead(long school) {
        return access.can(Permission.POLICY_READ, school) || editor(school);
    }

    /** Sees drafts: writes or approves the school's policy. */
    boolean editor(long school) {
        return access.can(Permission.POLICY_MANAGE, school) || access.can(Permission.POLICY_APPROVE, school);
    }

    boolean canManage(long school) {
        return access.can(Permission.POLICY_MANAGE, school);
    }

    boolean canApprove(long school) {
        return access.can(Permission.POLICY_APPROVE, school);
    }

    /** Lists without a school: 403 for users who read policy nowhere. */
    void requireAnywhere() {
        if (!access.canAnywhere(Permission.POLICY_READ)) {
            throw new AccessDeniedException("no POLICY_READ");
        }
    }

    void requireRead(long school) {
        if (!canRead(school)) {
            throw new NotFoundException("school", school);
        }
    }

    void requireManage(long school) {
        requireRead(school);
        if (!canManage(school)) {
            throw new AccessDeniedException("no POLICY_MANAGE in school " + school);
        }
    }

    void requireApprove(long school) {
        requireRead(school);
        if (!canApprove(school)) {
            throw new AccessDeniedException("no POLICY_APPROVE in school " + school);
        }
    }

    /** For a school given in a form: unknown or unreadable is a field problem, readable without the right a 403. */
    void requireManageField(Long school, String field) {
        if (school == null || !canRead(school)) {
            throw be.coordinaat.shared.InvalidInputException.of(field, school == null ? "error.required" : "error.reference",
                    school == null ? "is required" : "does not exist");
        }
        requireManage(school);
    }

    List<SchoolRef> readableSchools() {
        return access.visibleSchools(Permission.POLICY_READ);
    }

    List<SchoolRef> manageableSchools() {
        return access.visibleSchools(Permission.POLICY_MANAGE);
    }

    Long[] readableIds() {
        return access.schoolArray(Permission.POLICY_READ);
    }

    String schoolName(long school) {
        return jdbc.sql("SELECT name FROM school WHERE id = ?").param(school).query(String.class).optional().orElse("");
    }

    String actor() {
        return access.actorName();
    }

    Long actorId() {
        return access.actorId();
    }

    long userId() {
        return access.current().id();
    }

    /**
     * The accounts that work at a school (a role in it, or board admin), without external accounts: owners of
     * actions and baseline items, teachers of pilots.
     */
    List<AccountChoice> accounts(long school) {
        return jdbc.sql("""
                SELECT u.id, u.display_name FROM app_user u
                WHERE u.enabled AND u.organisation_id IS NULL AND u.board_id = (SELECT board_id FROM school WHERE id = :school)
                  AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id
                              AND (g.school_id = :school OR g.role = 'BOARD_ADMIN'))
                ORDER BY lower(u.display_name), u.id""").param("school", school)
                .query((rs, n) -> new AccountChoice(rs.getLong(1), rs.getString(2))).list();
    }

    /** An account must be one of {@link #accounts(long)} of the school. */
    void checkAccount(Long userId, long school, String field, List<FieldProblem> problems) {
        if (userId != null && accounts(school).stream().noneMatch(a -> a.id() == userId)) {
            problems.add(new FieldProblem(field, "error.reference", "does not exist"));
        }
    }

    void publish(String type, long id, long school, String action, String label, Map<String, ?> before,
            Map<String, ?> after) {
        events.publishEvent(new RecordChanged(type, id, board(), school, action, label, RecordChanged.diff(before, after)));
    }

    /** Publishes without a signed-in user (demo data). */
    void publish(long board, String type, long id, long school, String action, String label, Map<String, ?> after) {
        events.publishEvent(new RecordChanged(type, id, board, school, action, label, RecordChanged.diff(Map.of(), after)));
    }

    static LocalDate today() {
        return LocalDate.now(Formats.ZONE);
    }

    /** The school year (1 Sep – 31 Aug) a date falls in, as "2026-2027". */
    static String schoolYear(LocalDate date) {
        int start = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
        return start + "-" + (start + 1);
    }

    /** The last day of the school year a date falls in. */
    static LocalDate schoolYearEnd(LocalDate date) {
        int start = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
        return LocalDate.of(start + 1, 8, 31);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
