package be.coordinaat.licences;

/**
 * The criteria of the evaluation rubric, each scored 1–5 with a comment. {@code field} is the name of the score in
 * forms and JSON ({@code pedagogy}, {@code pedagogyComment}, ...) and of its column.
 */
public enum ToolCriterion {
    PEDAGOGY("pedagogy"),
    USABILITY("usability"),
    ACCESSIBILITY("accessibility"),
    PRIVACY("privacy"),
    /** Sign-in with school accounts, the school's devices, the network. */
    TECHNICAL_FIT("technical"),
    COST("cost");

    private final String field;

    ToolCriterion(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String commentField() {
        return field + "Comment";
    }
}
