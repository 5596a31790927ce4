package be.coordinaat.licences;

/** What a licence is assigned to. */
public enum AssignmentTarget {
    ASSET, PERSON, SCHOOL
}
