package be.coordinaat.calendar;

/** What kind of closed period a closure is. All kinds close the school for whole days. */
public enum ClosureKind {
    /** A school holiday (herfst-, kerst-, krokus-, paas-, zomervakantie). */
    HOLIDAY,
    /** A public holiday (Wapenstilstand, Paasmaandag, Dag van de Arbeid, Hemelvaart, Pinkstermaandag). */
    PUBLIC_HOLIDAY,
    /** A pedagogical study day (pedagogische studiedag). */
    STUDY_DAY,
    /** A bridge day or optional day off (brugdag, facultatieve verlofdag). */
    BRIDGE_DAY,
    OTHER
}
