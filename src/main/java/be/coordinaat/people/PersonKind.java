package be.coordinaat.people;

/** Staff members (teachers, secretariat, director, …) and pupils. Pupils carry only minimal data. */
public enum PersonKind {
    STAFF,
    PUPIL
}
