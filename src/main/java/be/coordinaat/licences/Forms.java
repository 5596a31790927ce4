package be.coordinaat.licences;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms (and JSON bodies) of the licences module. {@code version} is the optimistic-lock version read. Rules the
 * annotations cannot express (references in the right school, seats per type, amounts, dates in order) are checked
 * by {@link SoftwareCatalogue} and {@link Licences} and reported per field.
 */
public final class Forms {
    private Forms() {}

    /**
     * A catalogue entry. The vendor is free text ({@code vendorName}) or an organisation of the people module
     * ({@code vendorOrganisationId}); the administrator an account of the board ({@code administratorUserId}) or free
     * text ({@code administratorName}); never both.
     *
     * @param schoolIds the schools that use it; empty only for a board admin (an entry no school uses yet)
     */
    public record SoftwareForm(
            @NotBlank @Size(max = 150) String name,
            @NotNull SoftwareCategory category,
            @Size(max = 200) String vendorName,
            Long vendorOrganisationId,
            Long administratorUserId,
            @Size(max = 200) String administratorName,
            @Size(max = 300) @Pattern(regexp = "(?i)(https?://\\S+)?", message = "{software.error.website}") String website,
            @Size(max = 100) String contractReference,
            @Size(max = 4000) String notes,
            @Size(max = 100) List<@NotNull Long> schoolIds,
            Integer version) {}

    /**
     * A licence. {@code schoolId} is the school it belongs to, or empty for a board-wide licence (board admins only);
     * it cannot change afterwards. {@code seats} may be empty (unlimited) for site and free/open licences only.
     * {@code endDate} is the end date, or the next renewal date of a subscription.
     */
    public record LicenceForm(
            @NotNull Long softwareId,
            Long schoolId,
            @Size(max = 150) String name,
            @NotNull LicenceType type,
            Integer seats,
            BigDecimal cost,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
            Boolean autoRenew,
            @Size(max = 200) String supplier,
            @Size(max = 100) String orderReference,
            @Size(max = 4000) String notes,
            Integer version) {}

    /** An assignment: exactly one of an asset, a person or a whole school. */
    public record AssignmentForm(Long assetId, Long personId, Long schoolId) {}
}
