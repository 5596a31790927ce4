package be.coordinaat.privacy;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.licences.SoftwareCatalogue;
import be.coordinaat.people.Organisations;
import be.coordinaat.privacy.Views.Choice;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.RecordChanged;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The school scope of every privacy record in one place: a record of a school is read with PRIVACY_READ and changed
 * with PRIVACY_MANAGE in that school; a board-wide record (no school) is read by every PRIVACY_READ holder of the
 * board and changed with PRIVACY_MANAGE board-wide. Also the checks of references (tools, organisations) that all
 * forms share, and the history event.
 */
@Component
class PrivacyScope {

    private final AccessControl access;
    private final SoftwareCatalogue catalogue;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    PrivacyScope(AccessControl access, SoftwareCatalogue catalogue, Organisations organisations,
            ApplicationEventPublisher events) {
        this.access = access;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.events = events;
    }

    /** The SQL condition "record {@code alias} is visible", with the parameters of {@link #params()}. */
    static String visible(String alias) {
        return " " + alias + ".board_id = :board AND (" + alias + ".school_id = ANY(CAST(:read AS bigint[])) OR ("
                + alias + ".school_id IS NULL AND :boardRead))";
    }

    Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("board", boardId());
        p.put("read", access.schoolArray(Permission.PRIVACY_READ));
        p.put("boardRead", access.canAnywhere(Permission.PRIVACY_READ));
        return p;
    }

    long boardId() {
        return access.current().boardId();
    }

    void requireRead() {
        access.requireAnywhere(Permission.PRIVACY_READ);
    }

    boolean canRead(Long schoolId) {
        return schoolId == null ? access.canAnywhere(Permission.PRIVACY_READ) : access.can(Permission.PRIVACY_READ, schoolId);
    }

    boolean canManage(Long schoolId) {
        return schoolId == null ? access.canForBoard(Permission.PRIVACY_MANAGE) : access.can(Permission.PRIVACY_MANAGE, schoolId);
    }

    void requireCreate() {
        access.requireAnywhere(Permission.PRIVACY_MANAGE);
    }

    boolean canCreate() {
        return access.canAnywhere(Permission.PRIVACY_MANAGE);
    }

    boolean canSignOff(Long schoolId) {
        return schoolId == null ? access.canForBoard(Permission.PRIVACY_SIGN_OFF) : access.can(Permission.PRIVACY_SIGN_OFF, schoolId);
    }

    void requireManage(Long schoolId, String type, long id) {
        if (!canManage(schoolId)) {
            throw new AccessDeniedException("no PRIVACY_MANAGE for " + type + " " + id);
        }
    }

    /** The schools the user may read privacy records of, for filters. */
    List<SchoolRef> readableSchools() {
        return access.visibleSchools(Permission.PRIVACY_READ);
    }

    /** The schools the user may create records for, for forms. */
    List<SchoolRef> manageableSchools() {
        return access.visibleSchools(Permission.PRIVACY_MANAGE);
    }

    boolean canManageBoardWide() {
        return access.canForBoard(Permission.PRIVACY_MANAGE);
    }

    /** A school filter the user may not read is 404, like the school. */
    void requireReadableSchool(Long schoolId) {
        if (schoolId != null && !access.can(Permission.PRIVACY_READ, schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    /**
     * The school of a new record: one the user manages, or none (the board) for PRIVACY_MANAGE board-wide. A school
     * the user cannot manage "does not exist", which reveals nothing about other schools.
     */
    void checkSchool(Long schoolId, Permission permission, List<FieldProblem> problems) {
        if (schoolId == null) {
            if (!access.canForBoard(permission)) {
                problems.add(new FieldProblem("schoolId", "privacy.error.school.required", "choose the school"));
            }
        } else if (!access.can(permission, schoolId)) {
            problems.add(new FieldProblem("schoolId", "error.reference", "does not exist"));
        }
    }

    /** The name of a tool of the board's catalogue, or a problem on {@code field}. */
    String checkSoftware(Long softwareId, String field, List<FieldProblem> problems) {
        if (softwareId == null) {
            return null;
        }
        try {
            return catalogue.software(softwareId).name();
        } catch (NotFoundException | AccessDeniedException e) {
            problems.add(new FieldProblem(field, "error.reference", "does not exist"));
            return null;
        }
    }

    String checkOrganisation(Long organisationId, String field, List<FieldProblem> problems) {
        if (organisationId == null) {
            return null;
        }
        try {
            return organisations.organisation(organisationId).name();
        } catch (NotFoundException | AccessDeniedException e) {
            problems.add(new FieldProblem(field, "error.reference", "does not exist"));
            return null;
        }
    }

    /** The board's tools, for choosers (empty without LICENCES_READ). */
    List<Choice> softwareChoices() {
        try {
            return catalogue.choices().stream().map(s -> new Choice(s.id(), s.name())).toList();
        } catch (AccessDeniedException e) {
            return List.of();
        }
    }

    /** The organisations the user may see, for choosers (empty without ORGANISATIONS_READ). */
    List<Choice> organisationChoices() {
        try {
            return organisations.list(be.coordinaat.shared.PageQuery.of(0, be.coordinaat.shared.PageQuery.MAX_SIZE, "name", null), null)
                    .items().stream().map(o -> new Choice(o.id(), o.name())).toList();
        } catch (AccessDeniedException e) {
            return List.of();
        }
    }

    void publish(String type, long id, Long schoolId, String action, String label, Map<String, ?> before,
            Map<String, ?> after) {
        events.publishEvent(new RecordChanged(type, id, boardId(), schoolId, action, label, RecordChanged.diff(before, after)));
    }

    // ---- small helpers for the services ----

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static <E extends Enum<E>> List<E> enums(ResultSet rs, String column, Function<String, E> parse) throws SQLException {
        Array a = rs.getArray(column);
        if (a == null) {
            return List.of();
        }
        List<E> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add(parse.apply((String) o));
        }
        return List.copyOf(out);
    }

    static <E extends Enum<E>> String[] names(List<E> values) {
        return values == null ? new String[0] : values.stream().distinct().map(Enum::name).toArray(String[]::new);
    }

    static Views.SignOff signOff(ResultSet rs) throws SQLException {
        Instant at = instant(rs, "signed_off_at");
        if (at == null) {
            return null;
        }
        Instant updated = instant(rs, "updated_at");
        return new Views.SignOff(rs.getString("signed_off_by"), at, updated == null || !updated.isAfter(at));
    }

    /** The latest sign-off of records of {@code type} whose id is {@code idColumn}, as columns signed_off_by/_at. */
    static String signOffJoin(String type, String idColumn) {
        return " LEFT JOIN LATERAL (SELECT r.author_name AS signed_off_by, r.created_at AS signed_off_at FROM privacy_review r"
                + " WHERE r.record_type = '" + type + "' AND r.record_id = " + idColumn
                + " AND r.kind = 'SIGN_OFF' ORDER BY r.created_at DESC, r.id DESC LIMIT 1) so ON TRUE";
    }

    static Instant brussels(LocalDateTime t) {
        return t == null ? null : t.atZone(be.coordinaat.shared.web.Formats.ZONE).toInstant();
    }

    static LocalDate today() {
        return LocalDate.now(be.coordinaat.shared.web.Formats.ZONE);
    }
}
