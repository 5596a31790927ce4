package be.coordinaat.licences;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the licences module shows: read models. */
public final class Views {
    private Views() {}

    /** A school, by id and name. */
    public record SchoolName(long id, String name) {}

    /** One line of the software catalogue; {@code licences} counts the licences the current user may see. */
    public record SoftwareRow(long id, String name, SoftwareCategory category, String vendor, String administrator,
            String website, List<SchoolName> schools, long licences, int version) {}

    /**
     * A catalogue entry. {@code vendor} and {@code administrator} are what to show: the organisation's or account's
     * name, or the free text.
     */
    public record SoftwareView(long id, String name, SoftwareCategory category, String vendorName,
            Long vendorOrganisationId, String vendorOrganisationName, Long administratorUserId,
            String administratorUserName, String administratorName, String website, String contractReference,
            String notes, List<SchoolName> schools, int version, Instant createdAt, Instant updatedAt) {

        public String vendor() {
            return vendorOrganisationName != null ? vendorOrganisationName : vendorName;
        }

        public String administrator() {
            return administratorUserName != null ? administratorUserName : administratorName;
        }

        public List<Long> schoolIds() {
            return schools.stream().map(SchoolName::id).toList();
        }
    }

    /** A catalogue entry for choosers. */
    public record SoftwareChoice(long id, String name, SoftwareCategory category) {}

    /**
     * One line of the licence list. {@code schoolId} is null for a board-wide licence; {@code seats} is null when
     * unlimited; {@code seatsUsed} follows the counting rules of {@code licence_seats_used}; {@code overUsed} is
     * true when more seats are used than owned; {@code assignments} counts all its assignments.
     */
    public record LicenceRow(long id, Long schoolId, String schoolName, long softwareId, String softwareName,
            SoftwareCategory category, String name, LicenceType type, Integer seats, long seatsUsed, boolean overUsed,
            long assignments, BigDecimal cost, LocalDate startDate, LocalDate endDate, boolean autoRenew,
            boolean hasProof, LicenceState state, int version) {

        public boolean boardWide() {
            return schoolId == null;
        }

        /** "Smartschool" or "Smartschool – abonnement 2025-2026". */
        public String title() {
            return name == null ? softwareName : softwareName + " – " + name;
        }
    }

    /** A licence with everything about it; {@code proof} is null when no proof of purchase is attached. */
    public record LicenceView(long id, Long schoolId, String schoolName, long softwareId, String softwareName,
            SoftwareCategory category, String name, LicenceType type, Integer seats, long seatsUsed, boolean overUsed,
            long assignments, BigDecimal cost, LocalDate startDate, LocalDate endDate, boolean autoRenew,
            String supplier, String orderReference, String notes, ProofView proof, LicenceState state, int version,
            Instant createdAt, Instant updatedAt) {

        public boolean boardWide() {
            return schoolId == null;
        }

        public String title() {
            return name == null ? softwareName : softwareName + " – " + name;
        }
    }

    /** The proof of purchase of a licence. */
    public record ProofView(String fileName, String contentType, long size, String uploadedBy, Instant uploadedAt) {}

    /** A proof of purchase's content, for download. */
    public record ProofFile(String fileName, String contentType, byte[] bytes) {}

    /**
     * An assignment of a licence to one target: an asset (with its tag and name), a person (with their name) or a
     * whole school.
     */
    public record AssignmentView(long id, long licenceId, AssignmentTarget target, Long assetId, String assetTag,
            String assetName, Long personId, String personName, Long schoolId, String schoolName, Instant assignedAt,
            String assignedBy) {

        /** What it is assigned to, as one text: the asset's tag and name, the person's name or the school's name. */
        public String label() {
            return switch (target) {
                case ASSET -> assetName == null ? assetTag : assetTag + " " + assetName;
                case PERSON -> personName;
                case SCHOOL -> schoolName;
            };
        }
    }

    /**
     * A licence that covers an asset or a person: assigned to them directly, or ({@code viaSchool}) to their whole
     * school.
     */
    public record LinkedLicence(LicenceRow licence, long assignmentId, boolean viaSchool) {}

    /** A possible assignment target in a chooser: its id and what to show. */
    public record TargetOption(long id, String label) {}

    /**
     * What needs attention in one school ({@code schoolId} null: the board-wide licences): licences using more seats
     * than owned, expired licences that are still assigned, and renewals due within
     * {@link Licences#DEFAULT_RENEWAL_DAYS} days.
     */
    public record SchoolCompliance(Long schoolId, String schoolName, List<LicenceRow> overUsed,
            List<LicenceRow> expiredInUse, List<LicenceRow> renewalsDue) {

        public boolean allClear() {
            return overUsed.isEmpty() && expiredInUse.isEmpty() && renewalsDue.isEmpty();
        }
    }
}
