package be.coordinaat.maintenance;

import be.coordinaat.inventory.AssetKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the maintenance module shows: read models. */
public final class Views {
    private Views() {}

    /** Something to choose in a form: id and name. */
    public record Choice(long id, String name) {}

    /**
     * One line of a plan list. {@code targetLabel} is the model's, room's or asset's name ({@code targetKind} for a
     * kind); {@code assignee} the account's or organisation's name; {@code openOccurrenceId} the occurrence being done.
     */
    public record PlanRow(long id, long schoolId, String schoolName, String name, TargetType targetType,
            AssetKind targetKind, String targetLabel, Recurrence recurrence, Integer every, Integer month, Integer day,
            LocalDate nextDue, LocalDate lastDoneOn, String assignee, Long assigneeOrganisationId,
            Integer estimatedMinutes, boolean active, boolean overdue, Long openOccurrenceId, int version) {}

    public record PlanView(long id, long schoolId, String schoolName, String name, String description,
            TargetType targetType, AssetKind targetKind, Long targetModelId, Long targetRoomId, Long targetAssetId,
            String targetLabel, Recurrence recurrence, Integer every, Integer month, Integer day, LocalDate startDate,
            LocalDate nextDue, LocalDate lastDue, LocalDate lastDoneOn, Long assigneeUserId,
            Long assigneeOrganisationId, String assignee, Integer estimatedMinutes, List<String> checklist,
            boolean active, boolean overdue, Long openOccurrenceId, int version, Instant createdAt,
            Instant updatedAt) {

        public Schedule schedule() {
            return new Schedule(recurrence, every, month, day, startDate);
        }
    }

    /** An asset a plan applies to right now. */
    public record TargetAsset(long id, String tag, String name, AssetKind kind, String model, String room) {

        public String label() {
            return tag + (name == null ? "" : " " + name) + (room == null ? "" : " · " + room);
        }
    }

    /** One time a plan was (or is being) carried out, with its counts of results. */
    public record OccurrenceRow(long id, long planId, LocalDate dueDate, OccurrenceStatus status, LocalDate completedOn,
            String completedBy, long targets, long done, long failed, long skipped) {}

    public record OccurrenceView(long id, long schoolId, long planId, String planName, LocalDate dueDate,
            OccurrenceStatus status, List<String> checklist, String note, Instant openedAt, String openedBy,
            LocalDate completedOn, String completedBy, List<TargetView> targets, int version) {

        public boolean open() {
            return status == OccurrenceStatus.OPEN;
        }

        /** How many item results are still missing before it can be completed. */
        public long missing() {
            return targets.stream().flatMap(t -> t.checks().stream()).filter(c -> c.outcome() == null).count();
        }
    }

    /** What an occurrence is carried out on: an asset (or none: the plan as a whole), with its checklist results. */
    public record TargetView(long id, Long assetId, Long roomId, String label, List<CheckView> checks) {}

    /** One checklist item of one target; {@code outcome} is null while not recorded. */
    public record CheckView(int item, String text, CheckOutcome outcome, String note) {}

    /** An entry of an asset's maintenance log. */
    public record LogView(long id, long schoolId, long assetId, String assetTag, String assetName,
            LocalDate performedOn, LogKind kind, String outcome, Long planId, String planName, Long occurrenceId,
            String summary, String performedBy, String supplier, BigDecimal cost, String createdBy,
            Instant createdAt) {

        public boolean failed() {
            return "FAILED".equals(outcome);
        }
    }

    /** The counts for the start page: plans overdue and due soon (in the user's scope), and those assigned to them. */
    public record DueCounts(long overdue, long dueSoon, long mine, int days) {
        public boolean any() {
            return overdue + dueSoon > 0;
        }
    }

    // ---- network documentation ----

    public record VlanView(long id, long schoolId, Long buildingId, String buildingName, int number, String name,
            String purpose, String subnet, String notes, int version) {}

    public record SubnetView(long id, long schoolId, Long buildingId, String buildingName, Long vlanId,
            Integer vlanNumber, String name, String cidr, String gateway, String dhcpStart, String dhcpEnd,
            String dnsServers, String notes, int version) {}

    /** A Wi-Fi network; the key itself is never part of it, only whether one is stored. */
    public record WifiView(long id, long schoolId, Long buildingId, String buildingName, Long vlanId,
            Integer vlanNumber, String ssid, WifiSecurity security, WifiBand band, boolean hidden, String audience,
            boolean hasPsk, String notes, int version) {}

    public record DeviceView(long id, long schoolId, long assetId, String assetTag, String assetName, AssetKind kind,
            String model, String room, String managementIp, Integer portCount, String uplink, String location,
            String notes, int version) {}

    /** An internet line with its provider's contacts (from the people module). */
    public record LineView(long id, long schoolId, Long buildingId, String buildingName, Long providerOrganisationId,
            String provider, LineType lineType, Integer downloadMbps, Integer uploadMbps, String contractNumber,
            String customerNumber, String supportPhone, String fixedIps, String notes, List<ContactLine> contacts,
            int version) {

        /** "1000/1000 Mbit/s"; a speed not known is "?". */
        public String speed() {
            if (downloadMbps == null && uploadMbps == null) {
                return null;
            }
            return (downloadMbps == null ? "?" : downloadMbps) + "/" + (uploadMbps == null ? "?" : uploadMbps) + " Mbit/s";
        }
    }

    public record ContactLine(String name, String role, String email, String phone) {}

    /** Everything about one school's network, for its page and the printable overview. */
    public record NetworkOverview(long schoolId, String schoolName, List<VlanView> vlans, List<SubnetView> subnets,
            List<WifiView> wifi, List<DeviceView> devices, List<LineView> lines) {}
}
