package be.coordinaat.access;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as every module sees it: identity, board and roles. */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final long boardId;
    private final String username;
    private final String displayName;
    private final Long personId;
    private final Long organisationId;
    private final String locale;
    private final List<Grant> grants;
    private final boolean enabled;
    private final Instant lockedUntil;
    private String passwordHash;

    public CurrentUser(long id, long boardId, String username, String displayName, Long personId, String locale,
            List<Grant> grants, boolean enabled, Instant lockedUntil, String passwordHash) {
        this(id, boardId, username, displayName, personId, null, locale, grants, enabled, lockedUntil, passwordHash);
    }

    public CurrentUser(long id, long boardId, String username, String displayName, Long personId, Long organisationId,
            String locale, List<Grant> grants, boolean enabled, Instant lockedUntil, String passwordHash) {
        this.organisationId = organisationId;
        this.id = id;
        this.boardId = boardId;
        this.username = username;
        this.displayName = displayName;
        this.personId = personId;
        this.locale = locale;
        this.grants = List.copyOf(grants);
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.passwordHash = passwordHash;
    }

    public long id() { return id; }
    public long boardId() { return boardId; }
    public String displayName() { return displayName; }
    public Long personId() { return personId; }
    public String locale() { return locale; }
    /** The external organisation this account belongs to (municipal ICT service, supplier); null for school staff. */
    public Long organisationId() { return organisationId; }
    /** An account of an external organisation: limited to {@link Role#EXTERNAL_LIMIT}. */
    public boolean external() { return organisationId != null; }

    /** Whether a grant of this user gives {@code permission}, with the external limit applied. */
    public boolean allows(Grant grant, Permission permission) {
        return grant.role().grants(permission) && (organisationId == null || Role.EXTERNAL_LIMIT.contains(permission));
    }
    public List<Grant> grants() { return grants; }

    public boolean hasRole(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return grants.stream().map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name())).distinct().toList();
    }

    @Override public String getPassword() { return passwordHash; }
    @Override public String getUsername() { return username; }
    @Override public boolean isEnabled() { return enabled; }
    @Override public boolean isAccountNonLocked() { return lockedUntil == null || lockedUntil.isBefore(Instant.now()); }
    @Override public void eraseCredentials() { passwordHash = null; }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurrentUser other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "CurrentUser[" + username + "]";
    }
}
