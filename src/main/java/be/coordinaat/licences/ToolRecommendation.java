package be.coordinaat.licences;

/** An evaluator's overall recommendation. */
public enum ToolRecommendation {
    ADOPT,
    PILOT,
    REJECT
}
