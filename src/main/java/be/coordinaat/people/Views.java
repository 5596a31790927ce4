package be.coordinaat.people;

import java.util.List;

/** What the people module shows: read models. */
public final class Views {
    private Views() {}

    /** A school a person works at or an organisation serves. */
    public record SchoolName(long id, String name) {}

    /** A staff member or pupil; staff-only fields are null for pupils and the other way round. */
    public record PersonView(long id, PersonKind kind, String firstName, String lastName, String email, String phone,
            String functionTitle, String className, String adminNumber, List<SchoolName> schools, int version) {

        public String fullName() {
            return firstName + " " + lastName;
        }

        public List<Long> schoolIds() {
            return schools.stream().map(SchoolName::id).toList();
        }
    }

    /** The sign-in account linked to a person, if any. */
    public record LinkedAccount(long id, String username, String displayName) {}

    /** An external organisation; {@code schools} is empty when it serves the whole board. */
    public record OrganisationView(long id, OrganisationKind kind, String name, String email, String phone,
            String website, String street, String postalCode, String city, String notes, List<SchoolName> schools,
            int contactCount, int version) {

        public boolean boardWide() {
            return schools.isEmpty();
        }

        public List<Long> schoolIds() {
            return schools.stream().map(SchoolName::id).toList();
        }
    }

    public record ContactView(long id, long organisationId, String organisationName, String name, String roleTitle,
            String email, String phone, int version) {}
}
