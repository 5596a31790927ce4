package be.coordinaat.school;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The forms (and JSON bodies) of the school module. {@code version} is the optimistic-lock version read. */
public final class Forms {
    private Forms() {}

    public record BoardForm(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String street,
            @Size(max = 10) String postalCode,
            @Size(max = 100) String city,
            @Email @Size(max = 254) String email,
            @Size(max = 40) String phone,
            Integer version) {}

    public record CommunityForm(@NotBlank @Size(max = 200) String name, Integer version) {}

    public record SchoolForm(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "\\d{6}", message = "{error.institutionNumber}") String institutionNumber,
            @NotNull SchoolLevel level,
            Long communityId,
            @Size(max = 200) String street,
            @Pattern(regexp = "(\\d{4})?", message = "{error.postalCode}") String postalCode,
            @Size(max = 100) String city,
            @Email @Size(max = 254) String email,
            @Size(max = 40) String phone,
            Integer version) {}

    public record CampusForm(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String street,
            @Pattern(regexp = "(\\d{4})?", message = "{error.postalCode}") String postalCode,
            @Size(max = 100) String city,
            Integer version) {}

    public record BuildingForm(@NotNull Long campusId, @NotBlank @Size(max = 200) String name, Integer version) {}

    public record RoomForm(
            @NotNull Long buildingId,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 30) String code,
            @Size(max = 20) String floor,
            @NotNull RoomKind kind,
            @Min(0) @Max(10000) Integer capacity,
            Integer version) {}
}
