package be.coordinaat.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that answers "may the current user do this, and in which schools?". Every module's queries
 * take the school ids from {@link #schools(Permission)}, so school scope is enforced in SQL, not remembered
 * by each screen.
 */
@Component
public class AccessControl {

    private final SchoolDirectory schools;

    AccessControl(SchoolDirectory schools) {
        this.schools = schools;
    }

    public Optional<CurrentUser> currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public CurrentUser current() {
        return currentUser().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    /** The ids of the schools in which the current user holds {@code permission}; empty when none. */
    public Set<Long> schools(Permission permission) {
        Optional<CurrentUser> user = currentUser();
        if (user.isEmpty()) {
            return Set.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        boolean boardWide = false;
        for (Grant grant : user.get().grants()) {
            if (!user.get().allows(grant, permission)) {
                continue;
            }
            if (grant.schoolId() == null) {
                boardWide = true;
            } else {
                ids.add(grant.schoolId());
            }
        }
        if (boardWide) {
            boardSchools(user.get().boardId()).forEach(s -> ids.add(s.id()));
        }
        return ids;
    }

    /** The board's schools, read once per request (a page asks several times). */
    @SuppressWarnings("unchecked")
    private List<SchoolDirectory.SchoolRef> boardSchools(long boardId) {
        var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return schools.schoolsOfBoard(boardId);
        }
        String key = AccessControl.class.getName() + ".schools." + boardId;
        Object cached = request.getAttribute(key, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        if (cached != null) {
            return (List<SchoolDirectory.SchoolRef>) cached;
        }
        List<SchoolDirectory.SchoolRef> list = schools.schoolsOfBoard(boardId);
        request.setAttribute(key, list, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        return list;
    }

    /**
     * As {@link #schools(Permission)}, as an array bound as a {@code bigint[]} parameter, for
     * {@code school_id = ANY(:schools)}. Bound as text instead, PostgreSQL parses the array again for every row it
     * filters, which costs seconds at board scale.
     */
    public Long[] schoolArray(Permission permission) {
        return schools(permission).toArray(Long[]::new);
    }

    public boolean can(Permission permission, long schoolId) {
        return schools(permission).contains(schoolId);
    }

    /** True when the user holds {@code permission} in at least one school, or board-wide. */
    public boolean canAnywhere(Permission permission) {
        return currentUser().map(u -> u.grants().stream().anyMatch(g -> u.allows(g, permission))).orElse(false);
    }

    /** For templates: {@code ${@accessControl.canAnywhere('PEOPLE_READ')}}. */
    public boolean canAnywhere(String permission) {
        return canAnywhere(Permission.valueOf(permission));
    }

    /** For templates: {@code ${@accessControl.canForBoard('BOARD_MANAGE')}}. */
    public boolean canForBoard(String permission) {
        return canForBoard(Permission.valueOf(permission));
    }

    /** Board-level permission: only board-wide grants count. */
    public boolean canForBoard(Permission permission) {
        return currentUser()
                .map(u -> u.grants().stream().anyMatch(g -> g.schoolId() == null && u.allows(g, permission)))
                .orElse(false);
    }

    public void require(Permission permission, long schoolId) {
        if (!can(permission, schoolId)) {
            throw new AccessDeniedException("no " + permission + " in school " + schoolId);
        }
    }

    public void requireAll(Permission permission, Collection<Long> schoolIds) {
        Set<Long> allowed = schools(permission);
        if (!allowed.containsAll(schoolIds)) {
            throw new AccessDeniedException("no " + permission + " in one of " + schoolIds);
        }
    }

    public void requireForBoard(Permission permission) {
        if (!canForBoard(permission)) {
            throw new AccessDeniedException("no board-wide " + permission);
        }
    }

    public void requireAnywhere(Permission permission) {
        if (!canAnywhere(permission)) {
            throw new AccessDeniedException("no " + permission);
        }
    }

    /** The schools of the board the user may see, for choosers in forms. */
    public List<SchoolDirectory.SchoolRef> visibleSchools(Permission permission) {
        Set<Long> ids = schools(permission);
        return currentUser().map(u -> boardSchools(u.boardId()).stream().filter(s -> ids.contains(s.id())).toList())
                .orElse(List.of());
    }

    /** Who is acting, for the history: the user, or "system" outside a request. */
    public String actorName() {
        return currentUser().map(u -> u.displayName() + " (" + u.getUsername() + ")").orElse("system");
    }

    public Long actorId() {
        // an agent acts as account 0, which does not exist: the history names it by name only
        return currentUser().map(CurrentUser::id).filter(id -> id != 0L).orElse(null);
    }
}
