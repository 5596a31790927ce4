package be.coordinaat.inventory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms (and JSON bodies) of the inventory. {@code version} is the optimistic-lock version read. Rules the
 * annotations cannot express (tag format and uniqueness, references in the same school, price, custom fields,
 * life cycle) are checked by {@link Inventory} and reported per field.
 */
public final class Forms {
    private Forms() {}

    /**
     * An asset. {@code schoolId} is required when registering and cannot change afterwards. An empty {@code tag}
     * gets the school's next generated tag. {@code kind} may be left out when a model is given. {@code status}
     * sets the initial status (default IN_STOCK); later changes go through {@link StatusForm}. {@code extra} holds
     * the values of the custom fields of the kind, by key.
     */
    public record AssetForm(
            Long schoolId,
            @Size(max = 40) String tag,
            @Size(max = 150) String name,
            @Size(max = 100) String serial,
            Long modelId,
            AssetKind kind,
            AssetStatus status,
            Long roomId,
            Long assignedPersonId,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate purchaseDate,
            BigDecimal price,
            @Size(max = 200) String supplier,
            @Size(max = 100) String orderReference,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate warrantyEnd,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endOfLife,
            @Size(max = 4000) String notes,
            Map<String, Object> extra,
            Integer version) {}

    /** A change of status, with the reason (required when retiring or disposing). */
    public record StatusForm(@NotNull AssetStatus status, @Size(max = 500) String reason, Integer version) {}

    public record ManufacturerForm(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 300) @Pattern(regexp = "(https?://\\S+)?") String website,
            @Email @Size(max = 254) String supportEmail,
            @Size(max = 40) String supportPhone,
            Integer version) {}

    public record ModelForm(
            @NotNull Long manufacturerId,
            @NotBlank @Size(max = 150) String name,
            @NotNull AssetKind kind,
            @Size(max = 100) String modelNumber,
            @Min(1) @Max(240) Integer endOfLifeMonths,
            @Size(max = 2000) String notes,
            Integer version) {}

    /**
     * A custom field of the assets of one kind. {@code kind}, {@code key} and {@code type} are fixed once the field
     * exists (values are stored under the key); label, choices, required and position can change.
     */
    public record FieldForm(
            @NotNull AssetKind kind,
            @NotBlank @Size(max = 40) String key,
            @NotBlank @Size(max = 100) String label,
            @NotNull FieldType type,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> choices,
            Boolean required,
            @Min(0) @Max(999) Integer position,
            Integer version) {}

    /** A named filter of the asset list: the list's query string ({@code kind=LAPTOP&status=IN_USE&sort=tag}). */
    public record SavedFilterForm(@NotBlank @Size(max = 100) String name, @NotNull @Size(max = 2000) String query) {}

    /** The prefix of a school's generated tags ("RB" gives RB-000123). */
    public record TagPrefixForm(@NotBlank @Size(max = 10) String prefix) {}
}
