package be.coordinaat.selfevaluation;

/** Who answers a self-evaluation round; each group has its own statements, link and codes. */
public enum RespondentGroup {
    SCHOOL_LEADERS("for_leaders"),
    TEACHERS("for_teachers"),
    PUPILS("for_pupils");

    private final String column;

    RespondentGroup(String column) {
        this.column = column;
    }

    /** The statement column that says whether a statement is asked of this group (a constant, never user input). */
    String column() {
        return column;
    }
}
