package be.coordinaat.inventory.agent;

import be.coordinaat.inventory.AssetKind;
import be.coordinaat.inventory.Inventory;
import be.coordinaat.inventory.agent.AgentReport.Disk;
import be.coordinaat.inventory.agent.AgentReport.Network;
import be.coordinaat.inventory.agent.AgentReport.Software;
import be.coordinaat.inventory.agent.Enrolments.Enrolment;
import be.coordinaat.shared.RecordChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores one inventory: finds the computer's asset, creates or updates it, keeps the hardware, network interfaces
 * and software the agent reported, and records every change of the asset and its hardware in the history — all in
 * one transaction, so a refused or failed inventory changes nothing.
 *
 * <p>Matching, in this order (the first that finds an asset decides):
 * <ol>
 *   <li>the serial number (placeholders such as "Default string" or "To be filled by O.E.M." are no serial), over
 *       the computers of all schools of the board — a laptop that moved to another school moves with its asset;</li>
 *   <li>the hardware UUID (placeholder UUIDs excluded), over the board as well;</li>
 *   <li>a MAC address of a physical interface, within the enrolled school;</li>
 *   <li>the agent's device id, within the enrolled school;</li>
 *   <li>the host name, within the enrolled school, among computers an agent reported before.</li>
 * </ol>
 * Steps 3–5 skip an asset whose own serial is a different real serial: two machines with a cloned image (same
 * device id, same host name) stay two assets. Only hardware identity (serial, UUID) crosses a school's border.
 */
@Service
class AgentIntake {

    /** Kinds an agent can report: a serial of a monitor or a printer never captures a computer. */
    static final List<String> COMPUTER_KINDS = List.of("LAPTOP", "DESKTOP", "SERVER_NAS", "CHROMEBOOK", "TABLET", "OTHER");

    record Result(long assetId, boolean created, boolean moved, String matchedBy) {}

    private record Match(long assetId, long schoolId, String status, String tag, String name, String serial,
            Long modelId, String kind, String matchedBy) {}

    private final JdbcClient jdbc;
    private final Inventory inventory;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    AgentIntake(JdbcClient jdbc, Inventory inventory, ApplicationEventPublisher events, JsonMapper json) {
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.events = events;
        this.json = json;
    }

    @Transactional
    Result store(Enrolment enrolment, AgentReport r, String source, RawReport.Protocol protocol) {
        lock(enrolment.boardId(), r);
        Match match = match(enrolment, r).orElse(null);
        Instant now = Instant.now();
        long assetId;
        boolean created = match == null;
        boolean moved = false;
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        String tag;
        if (created) {
            Long modelId = model(enrolment.boardId(), r.manufacturer(), r.model(), r.kind());
            AssetKind kind = modelId == null ? r.kind() : modelKind(modelId);
            tag = inventory.nextFreeTagOwnTransaction(enrolment.schoolId());
            assetId = jdbc.sql("""
                    INSERT INTO asset (school_id, tag, name, serial, model_id, kind, status, notes)
                    VALUES (?, ?, ?, ?, ?, ?, 'IN_USE', NULL) RETURNING id""")
                    .params(enrolment.schoolId(), tag, r.hostname(), r.serial(), modelId, kind.name())
                    .query(Long.class).single();
            after.put("tag", tag);
            after.put("name", r.hostname());
            after.put("serial", r.serial());
            after.put("kind", kind);
            after.put("model", modelId == null ? null : join(r.manufacturer(), r.model()));
            after.put("status", "IN_USE");
        } else {
            assetId = match.assetId();
            tag = match.tag();
            if (match.schoolId() != enrolment.schoolId()) {
                if (match.status().equals("ON_LOAN")) {
                    throw new AgentInputException(409, "this computer is on loan in another school; end the loan before "
                            + "it reports to this school");
                }
                tag = move(match, enrolment, r);
                moved = true;
            }
            // fill in what the asset lacks; never overwrite what a person typed
            String oldHost = jdbc.sql("SELECT hostname FROM asset_hardware WHERE asset_id = ?").param(assetId)
                    .query(String.class).optional().orElse(null);
            String name = match.name() == null || match.name().equals(oldHost) ? r.hostname() : match.name();
            String serial = match.serial() == null ? r.serial() : match.serial();
            Long modelId = match.modelId() != null ? match.modelId() : model(enrolment.boardId(), r.manufacturer(), r.model(),
                    AssetKind.valueOf(match.kind()));
            if (!java.util.Objects.equals(name, match.name()) || !java.util.Objects.equals(serial, match.serial())
                    || !java.util.Objects.equals(modelId, match.modelId())) {
                jdbc.sql("UPDATE asset SET name = ?, serial = ?, model_id = ?, version = version + 1, updated_at = now() WHERE id = ?")
                        .params(name, serial, modelId, assetId).update();
                put(before, after, "name", match.name(), name);
                put(before, after, "serial", match.serial(), serial);
                if (!java.util.Objects.equals(modelId, match.modelId())) {
                    put(before, after, "model", null, join(r.manufacturer(), r.model()));
                }
            }
        }
        Map<String, Object> oldHardware = hardwareSnapshot(assetId);
        upsertHardware(assetId, enrolment, r, source, protocol, now);
        networks(assetId, enrolment, r);
        Map<String, Object> newHardware = hardwareSnapshot(r);
        if (created) {
            after.putAll(newHardware);
        } else if (!oldHardware.isEmpty()) {
            before.putAll(oldHardware);
            after.putAll(newHardware);
        } else {
            after.putAll(newHardware); // first inventory of an asset registered by hand
        }
        Map<String, RecordChanged.Change> changes = RecordChanged.diff(before, after);
        if (created || !changes.isEmpty()) {
            events.publishEvent(new RecordChanged("asset", assetId, enrolment.boardId(), enrolment.schoolId(),
                    created ? RecordChanged.CREATED : RecordChanged.UPDATED, tag, changes));
        }
        return new Result(assetId, created, moved, created ? "new" : match.matchedBy());
    }

    /** A partial inventory (GLPI Agent): the computer was seen; nothing else changes. */
    @Transactional
    void touch(Enrolment enrolment, AgentReport r) {
        jdbc.sql("UPDATE asset_hardware SET last_seen_at = now() WHERE school_id = ? AND device_id = ?")
                .params(enrolment.schoolId(), r.deviceId()).update();
    }

    /** Serialises inventories of the same device (two runs at once would otherwise both create it). */
    private void lock(long boardId, AgentReport r) {
        TreeSet<String> keys = new TreeSet<>();
        keys.add("device:" + r.deviceId());
        if (r.serial() != null) {
            keys.add("serial:" + r.serial());
        }
        for (String key : keys) {
            jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))").params((int) (boardId % Integer.MAX_VALUE), key)
                    .query((rs, n) -> 1).list();
        }
    }

    private Optional<Match> match(Enrolment e, AgentReport r) {
        String select = """
                SELECT a.id, a.school_id, a.status, a.tag, a.name, a.serial, a.model_id, a.kind FROM asset a
                JOIN school s ON s.id = a.school_id
                WHERE s.board_id = :board AND a.kind = ANY(CAST(:kinds AS text[])) AND a.status <> 'DISPOSED'""" + " AND ";
        String order = " ORDER BY (a.school_id = :school) DESC, a.id LIMIT 1";
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("board", e.boardId());
        p.put("school", e.schoolId());
        p.put("kinds", COMPUTER_KINDS.toArray(String[]::new));
        p.put("serial", r.serial() == null ? "" : r.serial());
        if (r.serial() != null) {
            Optional<Match> m = find(select + "upper(a.serial) = :serial" + order, p, "serial");
            if (m.isPresent()) {
                return m;
            }
        }
        // for steps 2-5: not an asset that has a different real serial
        String sameMachine = " AND (a.serial IS NULL OR :serial = '' OR upper(a.serial) = :serial)";
        if (r.uuid() != null) {
            p.put("uuid", r.uuid());
            Optional<Match> m = find(select + "a.id IN (SELECT asset_id FROM asset_hardware WHERE board_id = :board "
                    + "AND upper(uuid) = :uuid)" + sameMachine + order, p, "uuid");
            if (m.isPresent()) {
                return m;
            }
        }
        String inSchool = " AND a.school_id = :school";
        if (!r.macs().isEmpty()) {
            p.put("macs", r.macs().toArray(String[]::new));
            Optional<Match> m = find(select + "a.id IN (SELECT asset_id FROM asset_network WHERE board_id = :board "
                    + "AND mac = ANY(CAST(:macs AS text[])) AND NOT virtual)" + inSchool + sameMachine + order, p, "mac");
            if (m.isPresent()) {
                return m;
            }
        }
        p.put("device", r.deviceId());
        Optional<Match> m = find(select + "a.id IN (SELECT asset_id FROM asset_hardware WHERE board_id = :board "
                + "AND device_id = :device)" + inSchool + sameMachine + order, p, "deviceid");
        if (m.isPresent() || r.hostname() == null) {
            return m;
        }
        p.put("host", r.hostname().toLowerCase(java.util.Locale.ROOT));
        return find(select + "a.id IN (SELECT asset_id FROM asset_hardware WHERE school_id = :school "
                + "AND lower(hostname) = :host)" + inSchool + sameMachine + order, p, "name");
    }

    private Optional<Match> find(String sql, Map<String, Object> params, String how) {
        return jdbc.sql(sql).params(params).query((rs, n) -> new Match(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8), how)).optional();
    }

    /**
     * The computer now reports to another school of the board: its asset moves there (keeping its tag when it is
     * free in the new school), leaves its room and person (they belong to the old school) and the move is in the
     * history of both schools.
     */
    private String move(Match m, Enrolment to, AgentReport r) {
        boolean tagFree = jdbc.sql("SELECT count(*) FROM asset WHERE school_id = ? AND lower(tag) = lower(?)")
                .params(to.schoolId(), m.tag()).query(Long.class).single() == 0;
        String tag = tagFree ? m.tag() : inventory.nextFreeTagOwnTransaction(to.schoolId());
        String oldSchool = jdbc.sql("SELECT name FROM school WHERE id = ?").param(m.schoolId()).query(String.class).single();
        jdbc.sql("""
                UPDATE asset SET school_id = ?, tag = ?, room_id = NULL, assigned_person_id = NULL, version = version + 1,
                       updated_at = now() WHERE id = ?""").params(to.schoolId(), tag, m.assetId()).update();
        jdbc.sql("UPDATE asset_network SET school_id = ? WHERE asset_id = ?").params(to.schoolId(), m.assetId()).update();
        jdbc.sql("UPDATE asset_software SET school_id = ? WHERE asset_id = ?").params(to.schoolId(), m.assetId()).update();
        Map<String, Object> from = new LinkedHashMap<>();
        Map<String, Object> into = new LinkedHashMap<>();
        from.put("school", oldSchool);
        into.put("school", to.schoolName());
        put(from, into, "tag", m.tag(), tag);
        for (long school : new long[] {m.schoolId(), to.schoolId()}) {
            events.publishEvent(new RecordChanged("asset", m.assetId(), to.boardId(), school, RecordChanged.UPDATED, tag,
                    RecordChanged.diff(from, into)));
        }
        return tag;
    }

    /** The board's catalogue model for what the firmware reports; created (with its manufacturer) when new. */
    private Long model(long boardId, String manufacturer, String model, AssetKind kind) {
        if (manufacturer == null || model == null) {
            return null;
        }
        Long manufacturerId = jdbc.sql("SELECT id FROM manufacturer WHERE board_id = ? AND lower(name) = lower(?)")
                .params(boardId, manufacturer).query(Long.class).optional().orElse(null);
        if (manufacturerId == null) {
            manufacturerId = jdbc.sql("""
                    INSERT INTO manufacturer (board_id, name) VALUES (?, ?)
                    ON CONFLICT (board_id, lower(name)) DO UPDATE SET name = manufacturer.name RETURNING id""")
                    .params(boardId, manufacturer).query(Long.class).single();
            events.publishEvent(new RecordChanged("manufacturer", manufacturerId, boardId, null, RecordChanged.CREATED,
                    manufacturer, RecordChanged.diff(Map.of(), Map.of("name", manufacturer))));
        }
        Long modelId = jdbc.sql("SELECT id FROM asset_model WHERE manufacturer_id = ? AND lower(name) = lower(?)")
                .params(manufacturerId, model).query(Long.class).optional().orElse(null);
        if (modelId == null) {
            modelId = jdbc.sql("""
                    INSERT INTO asset_model (board_id, manufacturer_id, name, kind) VALUES (?, ?, ?, ?)
                    ON CONFLICT (manufacturer_id, lower(name)) DO UPDATE SET name = asset_model.name RETURNING id""")
                    .params(boardId, manufacturerId, model, kind.name()).query(Long.class).single();
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("manufacturer", manufacturer);
            snapshot.put("name", model);
            snapshot.put("kind", kind);
            events.publishEvent(new RecordChanged("asset-model", modelId, boardId, null, RecordChanged.CREATED, model,
                    RecordChanged.diff(Map.of(), snapshot)));
        }
        return modelId;
    }

    private AssetKind modelKind(long modelId) {
        return AssetKind.valueOf(jdbc.sql("SELECT kind FROM asset_model WHERE id = ?").param(modelId).query(String.class).single());
    }

    // ---- hardware ----

    private Map<String, Object> hardwareSnapshot(long assetId) {
        return jdbc.sql("""
                SELECT hostname, os_full_name, os_version, cpu, memory_mb, disks::text FROM asset_hardware WHERE asset_id = ?""")
                .param(assetId).query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("hostname", rs.getString(1));
                    m.put("os", join(rs.getString(2), rs.getString(3)));
                    m.put("cpu", rs.getString(4));
                    m.put("memoryMb", rs.getObject(5));
                    m.put("disks", disksText(json.readValue(rs.getString(6), Disk[].class)));
                    return m;
                }).optional().orElse(Map.of());
    }

    private static Map<String, Object> hardwareSnapshot(AgentReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostname", r.hostname());
        m.put("os", join(r.osFullName(), r.osVersion()));
        m.put("cpu", r.cpu());
        m.put("memoryMb", r.memoryMb());
        m.put("disks", disksText(r.disks().toArray(Disk[]::new)));
        return m;
    }

    private static String disksText(Disk[] disks) {
        List<String> parts = new ArrayList<>();
        for (Disk d : disks) {
            parts.add((d.name() == null ? "disk" : d.name()) + " " + d.sizeMb() + " MB"
                    + (d.serial() == null ? "" : " (" + d.serial() + ")"));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private void upsertHardware(long assetId, Enrolment e, AgentReport r, String source, RawReport.Protocol protocol,
            Instant now) {
        String softwareHash = softwareHash(r.software());
        String oldHash = jdbc.sql("SELECT software_hash FROM asset_hardware WHERE asset_id = ?").param(assetId)
                .query(String.class).optional().orElse(null);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("asset", assetId);
        p.put("board", e.boardId());
        p.put("school", e.schoolId());
        p.put("device", r.deviceId());
        p.put("protocol", protocol.name());
        p.put("agent", r.agentVersion());
        p.put("hostname", r.hostname());
        p.put("uuid", r.uuid());
        p.put("manufacturer", r.manufacturer());
        p.put("model", r.model());
        p.put("chassis", r.chassis());
        p.put("vm", r.virtualSystem());
        p.put("osName", r.osName());
        p.put("osVersion", r.osVersion());
        p.put("osFull", r.osFullName());
        p.put("osArch", r.osArch());
        p.put("osEnd", r.osSupportEnd());
        p.put("cpu", r.cpu());
        p.put("cores", r.cpuCores());
        p.put("threads", r.cpuThreads());
        p.put("memory", r.memoryMb());
        p.put("memories", json.writeValueAsString(r.memories()));
        p.put("disks", json.writeValueAsString(r.disks()));
        p.put("user", r.lastUser());
        p.put("ips", r.ipAddresses());
        p.put("softwareCount", r.software().size());
        p.put("hash", softwareHash);
        p.put("source", AgentReport.clip(source, 64));
        p.put("now", Timestamp.from(now));
        jdbc.sql("""
                INSERT INTO asset_hardware (asset_id, board_id, school_id, device_id, protocol, agent_version, hostname, uuid,
                       manufacturer, model, chassis, virtual_system, os_name, os_version, os_full_name, os_arch, os_support_end,
                       cpu, cpu_cores, cpu_threads, memory_mb, memory_modules, disks, last_user, ip_addresses, software_count,
                       software_hash, source_address, first_seen_at, last_seen_at)
                VALUES (:asset, :board, :school, :device, :protocol, :agent, :hostname, :uuid, :manufacturer, :model, :chassis,
                       :vm, :osName, :osVersion, :osFull, :osArch, :osEnd, :cpu, :cores, :threads, :memory,
                       CAST(:memories AS jsonb), CAST(:disks AS jsonb), :user, :ips, :softwareCount, :hash, :source, :now, :now)
                ON CONFLICT (asset_id) DO UPDATE SET board_id = EXCLUDED.board_id, school_id = EXCLUDED.school_id,
                       device_id = EXCLUDED.device_id, protocol = EXCLUDED.protocol, agent_version = EXCLUDED.agent_version,
                       hostname = EXCLUDED.hostname, uuid = EXCLUDED.uuid, manufacturer = EXCLUDED.manufacturer,
                       model = EXCLUDED.model, chassis = EXCLUDED.chassis, virtual_system = EXCLUDED.virtual_system,
                       os_name = EXCLUDED.os_name, os_version = EXCLUDED.os_version, os_full_name = EXCLUDED.os_full_name,
                       os_arch = EXCLUDED.os_arch, os_support_end = EXCLUDED.os_support_end, cpu = EXCLUDED.cpu,
                       cpu_cores = EXCLUDED.cpu_cores, cpu_threads = EXCLUDED.cpu_threads, memory_mb = EXCLUDED.memory_mb,
                       memory_modules = EXCLUDED.memory_modules, disks = EXCLUDED.disks, last_user = EXCLUDED.last_user,
                       ip_addresses = EXCLUDED.ip_addresses, software_count = EXCLUDED.software_count,
                       software_hash = EXCLUDED.software_hash, source_address = EXCLUDED.source_address,
                       last_seen_at = EXCLUDED.last_seen_at""")
                .params(p).update();
        if (!softwareHash.equals(oldHash)) {
            software(assetId, e, r.software());
        }
    }

    /** The network interfaces, replaced as a whole: one DELETE and one multi-row INSERT. */
    private void networks(long assetId, Enrolment e, AgentReport r) {
        jdbc.sql("DELETE FROM asset_network WHERE asset_id = ?").param(assetId).update();
        List<Network> nets = r.networks();
        if (nets.isEmpty()) {
            return;
        }
        int n = nets.size();
        Integer[] positions = new Integer[n];
        String[] descriptions = new String[n];
        String[] macs = new String[n];
        String[] ips = new String[n];
        Boolean[] virtual = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Network net = nets.get(i);
            positions[i] = i;
            descriptions[i] = net.description();
            macs[i] = net.mac();
            ips[i] = AgentReport.clip(String.join(", ", net.ips()), 1000);
            virtual[i] = net.virtual();
        }
        jdbc.sql("""
                INSERT INTO asset_network (asset_id, board_id, school_id, position, description, mac, ip_addresses, virtual)
                SELECT :asset, :board, :school, p, d, m, i, v
                FROM unnest(CAST(:p AS int[]), CAST(:d AS text[]), CAST(:m AS text[]), CAST(:i AS text[]), CAST(:v AS boolean[]))
                     AS x(p, d, m, i, v)""")
                .param("asset", assetId).param("board", e.boardId()).param("school", e.schoolId()).param("p", positions)
                .param("d", descriptions).param("m", macs).param("i", ips).param("v", virtual).update();
    }

    /** The installed software, replaced as a whole: one DELETE and one multi-row INSERT (an inventory has ~300). */
    private void software(long assetId, Enrolment e, List<Software> software) {
        jdbc.sql("DELETE FROM asset_software WHERE asset_id = ?").param(assetId).update();
        int n = software.size();
        if (n == 0) {
            return;
        }
        Integer[] positions = new Integer[n];
        String[] names = new String[n];
        String[] normalised = new String[n];
        String[] publishers = new String[n];
        String[] versions = new String[n];
        for (int i = 0; i < n; i++) {
            Software s = software.get(i);
            positions[i] = i;
            names[i] = s.name();
            normalised[i] = s.normalisedName();
            publishers[i] = s.publisher();
            versions[i] = s.version();
        }
        jdbc.sql("""
                INSERT INTO asset_software (asset_id, board_id, school_id, position, name, normalised_name, publisher, version)
                SELECT :asset, :board, :school, p, n, nn, pu, v
                FROM unnest(CAST(:p AS int[]), CAST(:n AS text[]), CAST(:nn AS text[]), CAST(:pu AS text[]), CAST(:v AS text[]))
                     AS x(p, n, nn, pu, v)""")
                .param("asset", assetId).param("board", e.boardId()).param("school", e.schoolId()).param("p", positions)
                .param("n", names).param("nn", normalised).param("pu", publishers).param("v", versions).update();
    }

    private static String softwareHash(List<Software> software) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Software s : software) {
                d.update((s.name() + "\u0001" + s.publisher() + "\u0001" + s.version() + "\u0002").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void put(Map<String, Object> before, Map<String, Object> after, String key, Object from, Object to) {
        before.put(key, from);
        after.put(key, to);
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.contains(b) ? a : a + " " + b;
    }
}
