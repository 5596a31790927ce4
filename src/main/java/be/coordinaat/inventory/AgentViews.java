package be.coordinaat.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the automatic inventory (the agents) knows, as read by the pages and by the licences module. */
public final class AgentViews {

    private AgentViews() {}

    /** The agent's view of one computer: its hardware, system, interfaces and software, and when it was last seen. */
    public record AgentView(long assetId, String deviceId, String protocol, String agentVersion, String hostname,
            String uuid, String manufacturer, String model, String chassis, String virtualSystem, String osName,
            String osVersion, String osArch, LocalDate osSupportEnd, String cpu, Integer cpuCores, Integer cpuThreads,
            Long memoryMb, List<MemoryView> memories, List<DiskView> disks, String lastUser, String ipAddresses,
            int softwareCount, Instant firstSeenAt, Instant lastSeenAt, List<NetworkView> networks,
            List<SoftwareView> software) {

        public boolean osOutOfSupport() {
            return osSupportEnd != null && osSupportEnd.isBefore(LocalDate.now(be.coordinaat.shared.web.Formats.ZONE));
        }
    }

    public record MemoryView(String slot, Long capacityMb, String type, String speed, String serial) {}

    public record DiskView(String name, String model, Long sizeMb, String serial) {}

    public record NetworkView(String description, String mac, String ipAddresses, boolean virtual) {}

    public record SoftwareView(String name, String publisher, String version) {}

    /** A computer in the lists (not seen for N days, OS out of support). */
    public record AgentRow(long assetId, long schoolId, String schoolName, String tag, String hostname, String osName,
            String osVersion, LocalDate osSupportEnd, String lastUser, Instant lastSeenAt) {}

    /** A product over the computers: on how many it is installed, in how many versions. */
    public record SoftwareCount(String normalisedName, String name, String publisher, long devices, long versions) {}
}
