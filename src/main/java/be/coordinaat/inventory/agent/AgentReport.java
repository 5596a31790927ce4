package be.coordinaat.inventory.agent;

import be.coordinaat.inventory.AssetKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An inventory as Coordinaat understands it: the computer's identity (serial, UUID, MACs, host name), what it is
 * (manufacturer, model, kind from the chassis type), its operating system, processor, memory, disks, network
 * interfaces, logged-on user and installed software. Every text is clipped to the length of its column and
 * control characters are removed, so nothing an agent sends can break a statement.
 */
record AgentReport(String deviceId, String agentVersion, String hostname, String serial, String uuid,
        String manufacturer, String model, String chassis, String virtualSystem, AssetKind kind,
        String osName, String osVersion, String osFullName, String osArch, LocalDate osSupportEnd,
        String cpu, Integer cpuCores, Integer cpuThreads, Long memoryMb, List<Memory> memories, List<Disk> disks,
        List<Network> networks, String lastUser, List<Software> software) {

    record Memory(String slot, Long capacityMb, String type, String speed, String serial) {}

    record Disk(String name, String model, Long sizeMb, String serial) {}

    record Network(String description, String mac, List<String> ips, boolean virtual) {}

    record Software(String name, String normalisedName, String publisher, String version) {}

    /** The MAC addresses of physical interfaces, the match keys. */
    Set<String> macs() {
        Set<String> macs = new LinkedHashSet<>();
        networks.stream().filter(n -> !n.virtual() && n.mac() != null).forEach(n -> macs.add(n.mac()));
        return macs;
    }

    /** The addresses shown with the computer: of physical interfaces, without loopback and link-local. */
    String ipAddresses() {
        Set<String> ips = new LinkedHashSet<>();
        networks.stream().filter(n -> !n.virtual()).forEach(n -> ips.addAll(n.ips()));
        ips.removeIf(ip -> ip.startsWith("127.") || ip.equals("::1") || ip.toLowerCase(Locale.ROOT).startsWith("fe80"));
        return clip(String.join(", ", ips), 1000);
    }

    static final int MAX_SOFTWARE = 10_000;

    /** Interprets a parsed inventory; 400 when it has no device id. */
    static AgentReport of(RawReport raw) {
        String deviceId = clip(raw.deviceId(), 255);
        if (deviceId == null) {
            throw AgentInputException.bad("DEVICEID is missing");
        }
        Map<String, String> bios = raw.first("bios");
        Map<String, String> hw = raw.first("hardware");
        Map<String, String> os = raw.first("operatingsystem");
        String agentVersion = clip(firstNonBlank(raw.field("versionclient", "value"), hw.get("versionclient")), 100);
        String hostname = clip(firstNonBlank(hw.get("name"), os.get("fqdn")), 255);
        String serial = Identities.serial(firstNonBlank(bios.get("ssn"), bios.get("msn")));
        String uuid = Identities.uuid(hw.get("uuid"));
        String manufacturer = clip(Manufacturers.clean(firstNonBlank(bios.get("smanufacturer"), bios.get("mmanufacturer"))), 100);
        String model = clip(Manufacturers.placeholder(bios.get("smodel")) ? null : bios.get("smodel"), 150);
        String chassis = clip(firstNonBlank(hw.get("chassis_type"), bios.get("type")), 60);
        String vm = clip(blank(hw.get("vmsystem")), 60);
        String osFullName = clip(firstNonBlank(os.get("full_name"), hw.get("osname"), os.get("name")), 255);
        String osName = clip(firstNonBlank(os.get("full_name"), os.get("name"), hw.get("osname")), 150);
        String osVersion = clip(firstNonBlank(os.get("version"), hw.get("osversion")), 100);
        String kernel = firstNonBlank(os.get("kernel_version"), hw.get("osversion"));
        LocalDate supportEnd = OsSupport.end(osFullName, osName != null && osName.toLowerCase(Locale.ROOT).contains("windows")
                ? firstNonBlank(kernel, osVersion) : osVersion);
        Map<String, String> cpu = raw.first("cpus");
        String cpuName = clip(firstNonBlank(cpu.get("name"), hw.get("processort")), 255);
        Long memory = number(hw.get("memory"));
        List<Memory> memories = new ArrayList<>();
        for (Map<String, String> m : raw.all("memories")) {
            Long capacity = number(m.get("capacity"));
            if (capacity == null || capacity <= 0) {
                continue; // empty slot
            }
            memories.add(new Memory(clip(firstNonBlank(m.get("caption"), m.get("description"), m.get("numslots")), 100),
                    capacity, clip(m.get("type"), 40), clip(m.get("speed"), 40), clip(m.get("serialnumber"), 100)));
        }
        List<Disk> disks = new ArrayList<>();
        for (Map<String, String> s : raw.all("storages")) {
            String type = s.getOrDefault("type", "").toLowerCase(Locale.ROOT);
            Long size = number(s.get("disksize"));
            if (type.contains("cd") || type.contains("dvd") || type.contains("removable") || size == null || size <= 0) {
                continue;
            }
            disks.add(new Disk(clip(s.get("name"), 100), clip(firstNonBlank(s.get("model"), s.get("description")), 150), size,
                    clip(firstNonBlank(s.get("serialnumber"), s.get("serial")), 100)));
        }
        Map<String, Network> byInterface = new LinkedHashMap<>();
        for (Map<String, String> n : raw.all("networks")) {
            String description = clip(firstNonBlank(n.get("description"), n.get("name")), 150);
            String type = n.getOrDefault("type", "").toLowerCase(Locale.ROOT);
            boolean virtual = "1".equals(n.get("virtualdev")) || "true".equalsIgnoreCase(n.get("virtualdev"))
                    || type.equals("loopback");
            String mac = Identities.mac(n.get("macaddr"));
            String key = (description == null ? "" : description) + "|" + (mac == null ? "" : mac);
            Network net = byInterface.computeIfAbsent(key, k -> new Network(description, mac, new ArrayList<>(), virtual));
            for (String field : List.of("ipaddress", "ipaddress6")) {
                String ip = n.get(field);
                if (ip != null) {
                    for (String one : ip.split(",")) {
                        String cleaned = clip(one, 45);
                        if (cleaned != null && net.ips().size() < 16 && !net.ips().contains(cleaned)) {
                            net.ips().add(cleaned);
                        }
                    }
                }
            }
            if (byInterface.size() > 256) {
                throw AgentInputException.bad("too many network interfaces");
            }
        }
        String user = clip(firstNonBlank(hw.get("lastloggeduser"), login(raw.first("users"))), 255);
        List<Software> software = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map<String, String> s : raw.all("softwares")) {
            String name = clip(s.get("name"), 255);
            if (name == null) {
                continue;
            }
            String version = clip(s.get("version"), 100);
            String publisher = clip(s.get("publisher"), 255);
            if (!seen.add(name + "\u0001" + version + "\u0001" + publisher)) {
                continue;
            }
            if (software.size() >= MAX_SOFTWARE) {
                throw new AgentInputException(413, "more than " + MAX_SOFTWARE + " software entries");
            }
            software.add(new Software(name, SoftwareNames.normalise(name), publisher, version));
        }
        AssetKind kind = kind(chassis, vm, osFullName);
        return new AgentReport(deviceId, agentVersion, hostname, serial, uuid, manufacturer, model, chassis, vm, kind,
                osName, osVersion, osFullName, clip(os.get("arch"), 40), supportEnd, cpuName, integer(cpu.get("core")),
                integer(cpu.get("thread")), memory, memories, disks, new ArrayList<>(byInterface.values()), user, software);
    }

    private static String login(Map<String, String> user) {
        String login = blank(user.get("login"));
        String domain = blank(user.get("domain"));
        return login == null ? null : domain == null ? login : domain + "\\" + login;
    }

    /**
     * The kind of asset: from the SMBIOS chassis type (laptops, desktops, servers); a virtual machine without a
     * chassis is a server; a Chromebook by its system; a desktop when nothing says otherwise.
     */
    static AssetKind kind(String chassis, String vm, String os) {
        String c = chassis == null ? "" : chassis.toLowerCase(Locale.ROOT);
        if (os != null && os.toLowerCase(Locale.ROOT).contains("chrome os")) {
            return AssetKind.CHROMEBOOK;
        }
        if (c.matches(".*(laptop|notebook|portable|sub notebook|convertible|detachable|hand held).*")) {
            return AssetKind.LAPTOP;
        }
        if (c.contains("tablet")) {
            return AssetKind.TABLET;
        }
        if (c.matches(".*(rack|server|blade|multi-system|expansion chassis).*")) {
            return AssetKind.SERVER_NAS;
        }
        if (c.matches(".*(desktop|tower|all in one|mini pc|space-saving|lunch box|pizza|stick pc).*")) {
            return AssetKind.DESKTOP;
        }
        if (vm != null && !vm.equalsIgnoreCase("physical")) {
            return AssetKind.SERVER_NAS;
        }
        return AssetKind.DESKTOP;
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (blank(v) != null) {
                return v.strip();
            }
        }
        return null;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Without control characters (NUL above all: PostgreSQL refuses it), stripped, at most {@code max} characters. */
    static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x20 && ch != 0x7f && !(ch >= 0x80 && ch < 0xa0)) {
                sb.append(ch);
            } else if (ch == '\t' || ch == '\n' || ch == '\r') {
                sb.append(' ');
            }
        }
        // a lone surrogate at the cut would be invalid text
        if (sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
            sb.setLength(sb.length() - 1);
        }
        String out = sb.toString().strip();
        return out.isEmpty() ? null : out;
    }

    static Long number(String s) {
        if (s == null) {
            return null;
        }
        String digits = s.strip();
        int end = 0;
        while (end < digits.length() && end < 15 && Character.isDigit(digits.charAt(end))) {
            end++;
        }
        return end == 0 ? null : Long.parseLong(digits.substring(0, end));
    }

    static Integer integer(String s) {
        Long n = number(s);
        return n == null || n > 100_000 ? null : n.intValue();
    }
}
