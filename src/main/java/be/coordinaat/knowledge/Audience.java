package be.coordinaat.knowledge;

/** Who may read a published article. */
public enum Audience {
    /** The staff of the article's school. */
    SCHOOL,
    /** The staff of every school in the same school community. */
    COMMUNITY,
    /** Everyone, also without an account (on {@code /public/kb}). */
    PUBLIC
}
