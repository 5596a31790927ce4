package be.coordinaat.licences;

/**
 * The grades of Flemish education: kleuteronderwijs, lager onderwijs leerjaar 1–6, secundair onderwijs jaar 1–6
 * (graad 1 = jaar 1–2, graad 2 = jaar 3–4, graad 3 = jaar 5–6).
 */
public enum ToolGrade {
    KINDERGARTEN,
    PRIMARY_1,
    PRIMARY_2,
    PRIMARY_3,
    PRIMARY_4,
    PRIMARY_5,
    PRIMARY_6,
    SECONDARY_1,
    SECONDARY_2,
    SECONDARY_3,
    SECONDARY_4,
    SECONDARY_5,
    SECONDARY_6
}
