package be.coordinaat.helpdesk;

/** How two tickets relate: related, the same problem twice, or parent and child (a ticket that is part of another). */
public enum LinkKind {
    RELATED,
    DUPLICATE,
    /** The ticket is the parent of the other. */
    PARENT,
    /** The ticket is a child of the other (stored as the other's PARENT link). */
    CHILD
}
