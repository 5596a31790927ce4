package be.coordinaat.maintenance;

import be.coordinaat.inventory.AssetKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms and JSON bodies of the maintenance module. {@code version} is the optimistic-lock version read. Rules the
 * annotations cannot express (references in the plan's school, the schedule, addresses) are checked by the facades
 * and reported per field.
 */
public final class Forms {
    private Forms() {}

    /**
     * A preventive maintenance plan. Exactly the target field of {@code targetType} is used ({@code targetKind},
     * {@code targetModelId}, {@code targetRoomId} or {@code targetAssetId}); {@code every} for WEEKS and MONTHS,
     * {@code month} and {@code day} for SCHOOL_YEAR. The plan is done by an account of the school
     * ({@code assigneeUserId}) or an external organisation ({@code assigneeOrganisationId}), not both.
     */
    public record PlanForm(
            @NotNull Long schoolId,
            @NotBlank @Size(max = 150) String name,
            @Size(max = 4000) String description,
            @NotNull TargetType targetType,
            AssetKind targetKind,
            Long targetModelId,
            Long targetRoomId,
            Long targetAssetId,
            @NotNull Recurrence recurrence,
            Integer every,
            Integer month,
            Integer day,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            Long assigneeUserId,
            Long assigneeOrganisationId,
            Integer estimatedMinutes,
            @Size(max = 50) List<@NotNull @Size(max = 300) String> checklist,
            Boolean active,
            Integer version) {}

    /** One checklist item ticked for one target of an occurrence; {@code item} is the item's index (0-based). */
    public record CheckResult(@NotNull Long targetId, @NotNull Integer item, @NotNull CheckOutcome outcome,
            @Size(max = 1000) String note) {}

    /** Results to store on an open occurrence (any part of the checklist; later results replace earlier ones). */
    public record ResultsCommand(@Size(max = 20000) List<@NotNull @Valid CheckResult> results, Integer version) {}

    /**
     * Completes an open occurrence, with any last results: afterwards every item of every target must have a result.
     * {@code completedOn} is today when left out and may not lie in the future.
     */
    public record CompleteCommand(@Size(max = 20000) List<@NotNull @Valid CheckResult> results,
            @Size(max = 4000) String note,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn,
            Integer version) {}

    /** Ad-hoc (corrective) work on an asset: when, what, by whom, at what cost, from which supplier. */
    public record LogForm(
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate performedOn,
            @NotBlank @Size(max = 4000) String summary,
            @Size(max = 200) String performedBy,
            @Size(max = 200) String supplier,
            BigDecimal cost,
            Boolean failed) {}

    // ---- network documentation ----

    public record VlanForm(
            @NotNull Long schoolId,
            Long buildingId,
            @NotNull Integer number,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 500) String purpose,
            @Size(max = 50) String subnet,
            @Size(max = 2000) String notes,
            Integer version) {}

    /** A subnet; {@code dnsServers} is a list of addresses separated by commas or spaces. */
    public record SubnetForm(
            @NotNull Long schoolId,
            Long buildingId,
            Long vlanId,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 50) String cidr,
            @Size(max = 45) String gateway,
            @Size(max = 45) String dhcpStart,
            @Size(max = 45) String dhcpEnd,
            @Size(max = 500) String dnsServers,
            @Size(max = 2000) String notes,
            Integer version) {}

    /**
     * A Wi-Fi network. {@code psk} is write-only: left empty on an update it keeps the stored key; {@code clearPsk}
     * removes it. It is never returned in lists or details (see the reveal endpoint).
     */
    public record WifiForm(
            @NotNull Long schoolId,
            Long buildingId,
            Long vlanId,
            @NotBlank @Size(max = 32) String ssid,
            @NotNull WifiSecurity security,
            @NotNull WifiBand band,
            Boolean hidden,
            @Size(max = 300) String audience,
            @Size(max = 63) String psk,
            Boolean clearPsk,
            @Size(max = 2000) String notes,
            Integer version) {}

    /** A switch, access point or firewall of the school's inventory, with its management address. */
    public record DeviceForm(
            @NotNull Long schoolId,
            @NotNull Long assetId,
            @Size(max = 45) String managementIp,
            Integer portCount,
            @Size(max = 300) String uplink,
            @Size(max = 300) String location,
            @Size(max = 2000) String notes,
            Integer version) {}

    /** An internet line; the provider is an organisation of the people module or a name. */
    public record LineForm(
            @NotNull Long schoolId,
            Long buildingId,
            Long providerOrganisationId,
            @Size(max = 200) String providerName,
            @NotNull LineType lineType,
            Integer downloadMbps,
            Integer uploadMbps,
            @Size(max = 100) String contractNumber,
            @Size(max = 100) String customerNumber,
            @Size(max = 40) String supportPhone,
            @Size(max = 1000) String fixedIps,
            @Size(max = 2000) String notes,
            Integer version) {}
}
