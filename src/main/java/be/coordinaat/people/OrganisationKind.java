package be.coordinaat.people;

/** What an external organisation is to the schools. */
public enum OrganisationKind {
    MUNICIPAL_ICT,
    MUNICIPAL_TECHNICAL,
    DPO,
    SUPPLIER,
    SCHOOL_COORDINATOR,
    OTHER
}
