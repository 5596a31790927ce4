package be.coordinaat.selfevaluation;

/** The eight areas of a school's digital practice, after the European SELFIE self-reflection tool. */
public enum Area {
    LEADERSHIP,
    COLLABORATION_NETWORKING,
    INFRASTRUCTURE_EQUIPMENT,
    PROFESSIONAL_DEVELOPMENT,
    PEDAGOGY_SUPPORTS_RESOURCES,
    PEDAGOGY_IMPLEMENTATION,
    ASSESSMENT_PRACTICES,
    LEARNERS_DIGITAL_COMPETENCE
}
