package be.coordinaat.access;

import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their roles: create, grant, revoke, change password and language. */
@Service
public class Accounts {

    public static final int MIN_PASSWORD_LENGTH = 12;

    /** An account as lists and detail pages show it. */
    public record AccountView(long id, long boardId, String username, String displayName, String email, Long personId,
            String locale, boolean enabled, Instant lockedUntil, Instant lastSignInAt, int version, List<GrantView> grants,
            Long organisationId) {

        /** An account of an external organisation (municipal ICT service, supplier). */
        public boolean external() {
            return organisationId != null;
        }
    }

    public record GrantView(long id, Role role, Long schoolId) {}

    public record NewAccount(long boardId, String username, String displayName, String email, Long personId,
            String password, String locale) {}

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final AccessControl access;
    private final OrganisationDirectory organisations;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events, AccessControl access,
            OrganisationDirectory organisations) {
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
        this.access = access;
    }

    /** Creates an account in the board admin's own board. */
    @Transactional
    public long create(NewAccount account) {
        access.requireForBoard(Permission.USERS_MANAGE);
        if (account.boardId() != access.current().boardId()) {
            throw new org.springframework.security.access.AccessDeniedException("another board");
        }
        return createInitial(account);
    }

    /**
     * Creates an account without a signed-in board admin: only for the one-time bootstrap of the first admin.
     * The production password rules apply.
     */
    @Transactional
    public long createInitial(NewAccount account) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (account.username() == null || !account.username().matches("[A-Za-z0-9._@-]{2,100}")) {
            problems.add(new InvalidInputException.FieldProblem("username", "error.username.pattern",
                    "use 2 to 100 letters, digits or . _ @ -"));
        }
        checkPassword(account.password(), account.username()).ifPresent(problems::add);
        if (account.displayName() == null || account.displayName().isBlank() || account.displayName().length() > 200) {
            problems.add(new InvalidInputException.FieldProblem("displayName", "error.required", "is required (at most 200 characters)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO app_user (board_id, username, password_hash, display_name, email, person_id, locale)
                    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(account.boardId(), account.username().strip(), passwords.encode(account.password()),
                            account.displayName().strip(), account.email(), account.personId(),
                            account.locale() == null ? "nl-BE" : account.locale())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("username", "error.username.taken", "this user name is already taken");
        }
        events.publishEvent(new RecordChanged("user", id, account.boardId(), null, RecordChanged.CREATED,
                account.username(), RecordChanged.diff(Map.of(), Map.of("username", account.username(),
                        "displayName", account.displayName()))));
        return id;
    }

    static Optional<InvalidInputException.FieldProblem> checkPassword(String password, String username) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            return Optional.of(new InvalidInputException.FieldProblem("password", "error.password.length",
                    "use at least " + MIN_PASSWORD_LENGTH + " characters", MIN_PASSWORD_LENGTH));
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return Optional.of(new InvalidInputException.FieldProblem("password", "error.password.username",
                    "must differ from the user name"));
        }
        return Optional.empty();
    }

    /** Creates an account without the production password rules: only for the demo data. */
    @Transactional
    public long createDemoAccount(NewAccount account) {
        long id = jdbc.sql("""
                INSERT INTO app_user (board_id, username, password_hash, display_name, email, person_id, locale)
                VALUES (?, ?, ?, ?, ?, ?, 'nl-BE') RETURNING id""")
                .params(account.boardId(), account.username(), passwords.encode(account.password()),
                        account.displayName(), account.email(), account.personId())
                .query(Long.class).single();
        events.publishEvent(new RecordChanged("user", id, account.boardId(), null, RecordChanged.CREATED,
                account.username(), Map.of()));
        return id;
    }

    @Transactional
    public void grant(long userId, Role role, Long schoolId) {
        access.requireForBoard(Permission.USERS_MANAGE);
        AccountView user = find(userId);
        if (schoolId != null && !access.can(Permission.SCHOOL_READ, schoolId)) {
            throw InvalidInputException.of("schoolId", "error.reference", "does not exist");
        }
        doGrant(user, role, schoolId);
    }

    /** Grants a role without a signed-in board admin: only for the one-time bootstrap of the first admin. */
    @Transactional
    public void grantInitial(long userId, long boardId, Role role, Long schoolId) {
        doGrant(findInBoard(userId, boardId).orElseThrow(() -> new NotFoundException("user", userId)), role, schoolId);
    }

    private void doGrant(AccountView user, Role role, Long schoolId) {
        long userId = user.id();
        if (role.boardWide() != (schoolId == null)) {
            throw InvalidInputException.of("schoolId", role.boardWide() ? "error.grant.boardWide" : "error.grant.school",
                    role.boardWide() ? "this role is granted for the whole board, without a school"
                            : "choose the school for this role");
        }
        int inserted = jdbc.sql("""
                INSERT INTO role_grant (user_id, board_id, school_id, role) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(userId, user.boardId(), schoolId, role.name()).update();
        if (inserted > 0) {
            events.publishEvent(new RecordChanged("user", userId, user.boardId(), schoolId, "ROLE_GRANTED",
                    user.username(), Map.of("role", new RecordChanged.Change(null, role.name()
                            + (schoolId == null ? "" : " @ school " + schoolId)))));
        }
    }

    @Transactional
    public void revoke(long userId, long grantId) {
        access.requireForBoard(Permission.USERS_MANAGE);
        AccountView user = find(userId);
        GrantView grant = user.grants().stream().filter(g -> g.id() == grantId).findFirst()
                .orElseThrow(() -> new NotFoundException("grant", grantId));
        jdbc.sql("DELETE FROM role_grant WHERE id = ? AND user_id = ?").params(grantId, userId).update();
        events.publishEvent(new RecordChanged("user", userId, user.boardId(), grant.schoolId(), "ROLE_REVOKED",
                user.username(), Map.of("role", new RecordChanged.Change(grant.role().name()
                        + (grant.schoolId() == null ? "" : " @ school " + grant.schoolId()), null))));
    }

    @Transactional
    public void changePassword(long userId, String current, String next) {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(userId).query(String.class).single();
        if (current == null || !passwords.matches(current, hash)) {
            throw InvalidInputException.of("currentPassword", "error.password.current", "the current password is wrong");
        }
        AccountView user = find(userId);
        checkPassword(next, user.username()).map(p -> new InvalidInputException(List.of(
                new InvalidInputException.FieldProblem("newPassword", p.messageKey(), p.defaultMessage(), p.args()))))
                .ifPresent(e -> { throw e; });
        jdbc.sql("UPDATE app_user SET password_hash = ?, version = version + 1 WHERE id = ?")
                .params(passwords.encode(next), userId).update();
        events.publishEvent(new RecordChanged("user", userId, user.boardId(), null, "PASSWORD_CHANGED",
                user.username(), Map.of()));
    }

    /** Sets a new password for someone else (board admin), e.g. when they forgot theirs. */
    @Transactional
    public void resetPassword(long userId, String next) {
        access.requireForBoard(Permission.USERS_MANAGE);
        AccountView user = find(userId);
        checkPassword(next, user.username()).map(p -> new InvalidInputException(List.of(p))).ifPresent(e -> { throw e; });
        jdbc.sql("UPDATE app_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL, version = version + 1 WHERE id = ?")
                .params(passwords.encode(next), userId).update();
        events.publishEvent(new RecordChanged("user", userId, user.boardId(), null, "PASSWORD_RESET",
                user.username(), Map.of()));
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled, int version) {
        access.requireForBoard(Permission.USERS_MANAGE);
        AccountView user = find(userId);
        int updated = jdbc.sql("UPDATE app_user SET enabled = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(enabled, userId, version).update();
        if (updated == 0) {
            throw ConflictException.staleVersion("user", userId);
        }
        events.publishEvent(new RecordChanged("user", userId, user.boardId(), null, RecordChanged.UPDATED,
                user.username(), RecordChanged.diff(Map.of("enabled", user.enabled()), Map.of("enabled", enabled))));
    }

    @Transactional
    public void setLocale(long userId, String locale) {
        String value = "en".equals(locale) ? "en" : "nl-BE";
        jdbc.sql("UPDATE app_user SET locale = ? WHERE id = ?").params(value, userId).update();
    }

    /** An account of the current user's board; 404 for another board's. */
    public AccountView find(long userId) {
        CurrentUser me = access.current();
        if (me.id() != userId && !access.canForBoard(Permission.USERS_MANAGE)) {
            throw new NotFoundException("user", userId);
        }
        long boardId = me.boardId();
        return findInBoard(userId, boardId).orElseThrow(() -> new NotFoundException("user", userId));
    }

    /**
     * Makes an account one of an external organisation (limited to what is escalated or assigned to that
     * organisation), or, with {@code null}, school staff again.
     */
    @Transactional
    public void setOrganisation(long userId, Long organisationId, int version) {
        access.requireForBoard(Permission.USERS_MANAGE);
        AccountView user = find(userId);
        if (organisationId != null && organisations(user.boardId()).stream().noneMatch(o -> o.id() == organisationId)) {
            throw InvalidInputException.of("organisationId", "error.reference", "does not exist");
        }
        int updated = jdbc.sql("UPDATE app_user SET organisation_id = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(organisationId, userId, version).update();
        if (updated == 0) {
            throw ConflictException.staleVersion("user", userId);
        }
        events.publishEvent(new RecordChanged("user", userId, user.boardId(), null, RecordChanged.UPDATED,
                user.username(), RecordChanged.diff(java.util.Collections.singletonMap("organisation", name(user.organisationId())),
                        java.util.Collections.singletonMap("organisation", name(organisationId)))));
    }

    /** Links a demo account to its organisation, before anyone signs in. */
    @Transactional
    public void linkOrganisationInitial(long userId, long organisationId, long boardId) {
        jdbc.sql("UPDATE app_user SET organisation_id = ?, version = version + 1 WHERE id = ? AND board_id = ?")
                .params(organisationId, userId, boardId).update();
    }

    /** The organisations an account of the board can belong to, by name. */
    public List<OrganisationDirectory.OrganisationRef> organisations(long boardId) {
        return organisations.organisationsOfBoard(boardId);
    }

    private String name(Long organisationId) {
        if (organisationId == null) {
            return null;
        }
        return organisations(access.current().boardId()).stream().filter(o -> o.id() == organisationId)
                .map(OrganisationDirectory.OrganisationRef::name).findFirst().orElse("#" + organisationId);
    }

    /** Unlinks the accounts linked to a person that is being deleted (the account stays, without a person). */
    @Transactional
    public void unlinkPerson(long personId, long boardId) {
        jdbc.sql("UPDATE app_user SET person_id = NULL, version = version + 1 WHERE person_id = ? AND board_id = ?")
                .params(personId, boardId).update();
    }

    /** Links an account to its person (demo data and, later, account provisioning). */
    @Transactional
    public void linkPerson(long userId, long personId, long boardId) {
        jdbc.sql("UPDATE app_user SET person_id = ?, version = version + 1 WHERE id = ? AND board_id = ?")
                .params(personId, userId, boardId).update();
    }

    /**
     * An account of the current user's board, for other modules that link records to accounts (an evaluator,
     * a coordinator); empty for unknown ids and other boards' accounts.
     */
    public Optional<AccountView> colleague(long userId) {
        return findInBoard(userId, access.current().boardId());
    }

    Optional<AccountView> findInBoard(long userId, long boardId) {
        return jdbc.sql("""
                SELECT id, board_id, username, display_name, email, person_id, locale, enabled, locked_until,
                       last_sign_in_at, version, organisation_id FROM app_user WHERE id = ? AND board_id = ?""")
                .params(userId, boardId)
                .query((rs, n) -> new AccountView(rs.getLong("id"), rs.getLong("board_id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("email"), (Long) rs.getObject("person_id"),
                        rs.getString("locale"), rs.getBoolean("enabled"), instant(rs.getTimestamp("locked_until")),
                        instant(rs.getTimestamp("last_sign_in_at")), rs.getInt("version"), grantsOf(rs.getLong("id")),
                        (Long) rs.getObject("organisation_id")))
                .optional();
    }

    List<GrantView> grantsOf(long userId) {
        return jdbc.sql("SELECT id, role, school_id FROM role_grant WHERE user_id = ? ORDER BY role, school_id")
                .param(userId)
                .query((rs, n) -> new GrantView(rs.getLong("id"), Role.valueOf(rs.getString("role")),
                        (Long) rs.getObject("school_id")))
                .list();
    }

    /** The accounts of the current user's board, paged and filtered in SQL. */
    public Page<AccountView> list(PageQuery query) {
        access.requireForBoard(Permission.USERS_MANAGE);
        long boardId = access.current().boardId();
        String where = " WHERE board_id = :board" + (query.q() == null ? ""
                : " AND (lower(username) LIKE :q ESCAPE '\\' OR lower(display_name) LIKE :q ESCAPE '\\')");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("board", boardId);
        if (query.q() != null) {
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM app_user" + where).params(params).query(Long.class).single();
        // one query for the page, grants included (no query per row)
        List<AccountView> items = jdbc.sql("""
                        SELECT u.id, u.board_id, u.username, u.display_name, u.email, u.person_id, u.locale, u.enabled,
                               u.locked_until, u.last_sign_in_at, u.version, u.organisation_id,
                               coalesce((SELECT string_agg(g.id || ':' || g.role || ':' || coalesce(g.school_id::text, ''), ',' ORDER BY g.role, g.school_id)
                                         FROM role_grant g WHERE g.user_id = u.id), '') AS grants
                        FROM app_user u""" + where.replace("board_id", "u.board_id")
                        + query.orderBy(Map.of("username", "lower(u.username)", "name", "lower(u.display_name)"), "username")
                                .replace(", id", ", u.id")
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> new AccountView(rs.getLong("id"), rs.getLong("board_id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("email"), (Long) rs.getObject("person_id"),
                        rs.getString("locale"), rs.getBoolean("enabled"), instant(rs.getTimestamp("locked_until")),
                        instant(rs.getTimestamp("last_sign_in_at")), rs.getInt("version"), parseGrants(rs.getString("grants")),
                        (Long) rs.getObject("organisation_id")))
                .list();
        return new Page<>(items, total, query.page(), query.size());
    }

    private static List<GrantView> parseGrants(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<GrantView> grants = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] f = part.split(":", -1);
            grants.add(new GrantView(Long.parseLong(f[0]), Role.valueOf(f[1]), f[2].isEmpty() ? null : Long.parseLong(f[2])));
        }
        return grants;
    }

    static Instant instant(java.sql.Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
