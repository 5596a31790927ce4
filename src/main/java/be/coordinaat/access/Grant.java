package be.coordinaat.access;

/** One role held by a user: for one school, or for the whole board when {@code schoolId} is null. */
public record Grant(Role role, Long schoolId) {}
