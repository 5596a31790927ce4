package be.coordinaat.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The forms (and JSON bodies) of the people module. {@code version} is the optimistic-lock version read.
 * Which fields a person may have depends on the kind: {@link People} rejects staff fields on pupils and the other
 * way round, so a pupil never gets more than name, class, one school and an administrative number.
 */
public final class Forms {
    private Forms() {}

    /**
     * A staff member or a pupil.
     *
     * @param schoolIds staff: one or more schools; pupils: exactly one
     */
    public record PersonForm(
            @NotNull PersonKind kind,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Email @Size(max = 254) String email,
            @Size(max = 40) String phone,
            @Size(max = 100) String functionTitle,
            @Size(max = 30) String className,
            @Size(max = 50) String adminNumber,
            @NotEmpty @Size(max = 100) List<@NotNull Long> schoolIds,
            Integer version) {}

    /**
     * An external organisation.
     *
     * @param schoolIds the schools it serves; empty for the whole board
     */
    public record OrganisationForm(
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganisationKind kind,
            @Email @Size(max = 254) String email,
            @Size(max = 40) String phone,
            @Size(max = 300) @Pattern(regexp = "(?i)(https?://\\S+)?") String website,
            @Size(max = 200) String street,
            @Pattern(regexp = "(\\d{4})?", message = "{error.postalCode}") String postalCode,
            @Size(max = 100) String city,
            @Size(max = 2000) String notes,
            @Size(max = 100) List<@NotNull Long> schoolIds,
            Integer version) {}

    /** A contact person at an organisation. */
    public record ContactForm(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String roleTitle,
            @Email @Size(max = 254) String email,
            @Size(max = 40) String phone,
            Integer version) {}
}
