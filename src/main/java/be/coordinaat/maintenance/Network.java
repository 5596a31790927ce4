package be.coordinaat.maintenance;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.CurrentUser;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.maintenance.Forms.DeviceForm;
import be.coordinaat.maintenance.Forms.LineForm;
import be.coordinaat.maintenance.Forms.SubnetForm;
import be.coordinaat.maintenance.Forms.VlanForm;
import be.coordinaat.maintenance.Forms.WifiForm;
import be.coordinaat.maintenance.Views.Choice;
import be.coordinaat.maintenance.Views.ContactLine;
import be.coordinaat.maintenance.Views.DeviceView;
import be.coordinaat.maintenance.Views.LineView;
import be.coordinaat.maintenance.Views.NetworkOverview;
import be.coordinaat.maintenance.Views.SubnetView;
import be.coordinaat.maintenance.Views.VlanView;
import be.coordinaat.maintenance.Views.WifiView;
import be.coordinaat.maintenance.domain.IpAddresses;
import be.coordinaat.maintenance.domain.IpAddresses.Address;
import be.coordinaat.maintenance.domain.IpAddresses.Cidr;
import be.coordinaat.maintenance.domain.SecretBox;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network documentation of the schools: VLANs, subnets, Wi-Fi networks, network devices (inventory assets with
 * their management address) and internet lines, per school and optionally per building. Read with MAINTENANCE_READ
 * in the school and changed with MAINTENANCE_MANAGE there; accounts of external organisations do not see it (their
 * access is limited to the plans assigned to them). Addresses are validated strictly (IPv4 and IPv6) and stored in
 * canonical form. A Wi-Fi pre-shared key is stored encrypted, never listed, and revealed only on explicit request by
 * someone with MAINTENANCE_MANAGE, which the history records without the key.
 */
@Service
@Transactional(readOnly = true)
public class Network {

    static final Set<AssetKind> DEVICE_KINDS = Set.of(AssetKind.NETWORK_SWITCH, AssetKind.ACCESS_POINT,
            AssetKind.ROUTER_FIREWALL, AssetKind.SERVER_NAS);

    private static final String VLAN_SELECT = "SELECT v.*, b.name AS building_name FROM network_vlan v"
            + " LEFT JOIN building b ON b.id = v.building_id";
    private static final String SUBNET_SELECT = "SELECT n.*, b.name AS building_name, v.vlan_number FROM network_subnet n"
            + " LEFT JOIN building b ON b.id = n.building_id LEFT JOIN network_vlan v ON v.id = n.vlan_id";
    private static final String WIFI_SELECT = "SELECT w.*, b.name AS building_name, v.vlan_number FROM network_wifi w"
            + " LEFT JOIN building b ON b.id = w.building_id LEFT JOIN network_vlan v ON v.id = w.vlan_id";
    private static final String DEVICE_SELECT = """
            SELECT d.*, a.tag, a.name AS asset_name, a.kind, f.name || ' ' || m.name AS model,
                   r.name || coalesce(' (' || r.code || ')', '') AS room
            FROM network_device d JOIN asset a ON a.id = d.asset_id
            LEFT JOIN asset_model m ON m.id = a.model_id LEFT JOIN manufacturer f ON f.id = m.manufacturer_id
            LEFT JOIN room r ON r.id = a.room_id""";
    private static final String LINE_SELECT = "SELECT l.*, b.name AS building_name, o.name AS organisation_name FROM network_line l"
            + " LEFT JOIN building b ON b.id = l.building_id LEFT JOIN organisation o ON o.id = l.provider_organisation_id";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final MaintenancePlans plans;
    private final SecretBox secrets;
    private final ApplicationEventPublisher events;

    Network(JdbcClient jdbc, AccessControl access, MaintenancePlans plans, SecretBox secrets,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.plans = plans;
        this.secrets = secrets;
        this.events = events;
    }

    // ---- scope ----

    private boolean external() {
        return access.currentUser().map(CurrentUser::external).orElse(true);
    }

    /** The schools whose network documentation the current user may read; none for external accounts. */
    public List<SchoolRef> readableSchools() {
        return external() ? List.of() : access.visibleSchools(Permission.MAINTENANCE_READ);
    }

    public boolean canRead(long schoolId) {
        return !external() && access.can(Permission.MAINTENANCE_READ, schoolId);
    }

    public boolean canManage(long schoolId) {
        return !external() && access.can(Permission.MAINTENANCE_MANAGE, schoolId);
    }

    public boolean canReadAnywhere() {
        return !external() && access.canAnywhere(Permission.MAINTENANCE_READ);
    }

    private void requireRead(long schoolId, String type, Object id) {
        if (!canRead(schoolId)) {
            throw new NotFoundException(type, id);
        }
    }

    private void requireManage(long schoolId) {
        if (!canManage(schoolId)) {
            throw new AccessDeniedException("no MAINTENANCE_MANAGE in school " + schoolId);
        }
    }

    /** A new record's school: 400 when the user cannot see it, 403 when they may only read it. */
    private void requireNewIn(Long schoolId) {
        if (schoolId == null || !canRead(schoolId)) {
            throw InvalidInputException.of("schoolId", schoolId == null ? "error.required" : "error.reference",
                    schoolId == null ? "is required" : "does not exist");
        }
        requireManage(schoolId);
    }

    private Long[] readable(Long schoolId) {
        if (!canReadAnywhere()) {
            throw new AccessDeniedException("no MAINTENANCE_READ");
        }
        if (schoolId != null) {
            requireRead(schoolId, "school", schoolId);
            return new Long[] {schoolId};
        }
        return access.schoolArray(Permission.MAINTENANCE_READ);
    }

    // ---- overview ----

    public NetworkOverview overview(long schoolId) {
        requireRead(schoolId, "school", schoolId);
        String name = jdbc.sql("SELECT name FROM school WHERE id = ?").param(schoolId).query(String.class).single();
        return new NetworkOverview(schoolId, name, vlans(schoolId), subnets(schoolId), wifi(schoolId), devices(schoolId),
                lines(schoolId));
    }

    public List<VlanView> vlans(Long schoolId) {
        return jdbc.sql(VLAN_SELECT + " WHERE v.school_id = ANY(:s) ORDER BY v.school_id, v.vlan_number")
                .param("s", readable(schoolId)).query(VLAN_ROW).list();
    }

    public List<SubnetView> subnets(Long schoolId) {
        return jdbc.sql(SUBNET_SELECT + " WHERE n.school_id = ANY(:s) ORDER BY n.school_id, n.cidr, n.id")
                .param("s", readable(schoolId)).query(SUBNET_ROW).list();
    }

    public List<WifiView> wifi(Long schoolId) {
        return jdbc.sql(WIFI_SELECT + " WHERE w.school_id = ANY(:s) ORDER BY w.school_id, lower(w.ssid), w.id")
                .param("s", readable(schoolId)).query(WIFI_ROW).list();
    }

    public List<DeviceView> devices(Long schoolId) {
        return jdbc.sql(DEVICE_SELECT + " WHERE d.school_id = ANY(:s) ORDER BY d.school_id, a.kind, lower(a.tag), d.id")
                .param("s", readable(schoolId)).query(DEVICE_ROW).list();
    }

    public List<LineView> lines(Long schoolId) {
        List<LineView> raw = jdbc.sql(LINE_SELECT + " WHERE l.school_id = ANY(:s) ORDER BY l.school_id, l.id")
                .param("s", readable(schoolId)).query(LINE_ROW).list();
        return raw.stream().map(this::withContacts).toList();
    }

    private LineView withContacts(LineView l) {
        if (l.providerOrganisationId() == null) {
            return l;
        }
        List<ContactLine> contacts = jdbc.sql("SELECT name, role_title, email, phone FROM contact WHERE organisation_id = ?"
                        + " ORDER BY lower(name), id LIMIT 20").param(l.providerOrganisationId())
                .query((rs, n) -> new ContactLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        return new LineView(l.id(), l.schoolId(), l.buildingId(), l.buildingName(), l.providerOrganisationId(), l.provider(),
                l.lineType(), l.downloadMbps(), l.uploadMbps(), l.contractNumber(), l.customerNumber(), l.supportPhone(),
                l.fixedIps(), l.notes(), contacts, l.version());
    }

    // ---- one record ----

    public VlanView vlan(long id) {
        VlanView v = jdbc.sql(VLAN_SELECT + " WHERE v.id = ?").param(id).query(VLAN_ROW).optional()
                .orElseThrow(() -> new NotFoundException("vlan", id));
        requireRead(v.schoolId(), "vlan", id);
        return v;
    }

    public SubnetView subnet(long id) {
        SubnetView v = jdbc.sql(SUBNET_SELECT + " WHERE n.id = ?").param(id).query(SUBNET_ROW).optional()
                .orElseThrow(() -> new NotFoundException("subnet", id));
        requireRead(v.schoolId(), "subnet", id);
        return v;
    }

    public WifiView wifiNetwork(long id) {
        WifiView v = jdbc.sql(WIFI_SELECT + " WHERE w.id = ?").param(id).query(WIFI_ROW).optional()
                .orElseThrow(() -> new NotFoundException("wifi", id));
        requireRead(v.schoolId(), "wifi", id);
        return v;
    }

    public DeviceView device(long id) {
        DeviceView v = jdbc.sql(DEVICE_SELECT + " WHERE d.id = ?").param(id).query(DEVICE_ROW).optional()
                .orElseThrow(() -> new NotFoundException("device", id));
        requireRead(v.schoolId(), "device", id);
        return v;
    }

    public LineView line(long id) {
        LineView v = jdbc.sql(LINE_SELECT + " WHERE l.id = ?").param(id).query(LINE_ROW).optional()
                .orElseThrow(() -> new NotFoundException("line", id));
        requireRead(v.schoolId(), "line", id);
        return withContacts(v);
    }

    // ---- VLANs ----

    @Transactional
    public long createVlan(VlanForm f) {
        requireNewIn(f.schoolId());
        Map<String, Object> p = checkVlan(f, f.schoolId());
        long id = insert("network_vlan", "vlan", () -> jdbc.sql("""
                INSERT INTO network_vlan (school_id, building_id, vlan_number, name, purpose, subnet, notes)
                VALUES (:school, :building, :number, :name, :purpose, :subnet, :notes) RETURNING id""")
                .params(p).query(Long.class).single(), "number");
        history("network_vlan", id, f.schoolId(), RecordChanged.CREATED, "VLAN " + f.number(), Map.of(), p);
        return id;
    }

    @Transactional
    public void updateVlan(long id, VlanForm f) {
        VlanView before = vlan(id);
        requireManage(before.schoolId());
        Map<String, Object> p = checkVlan(f, before.schoolId());
        update("network_vlan", "vlan", id, f.version(), before.version(), "number", () -> jdbc.sql("""
                UPDATE network_vlan SET building_id = :building, vlan_number = :number, name = :name, purpose = :purpose,
                    subnet = :subnet, notes = :notes, version = version + 1 WHERE id = :id AND version = :version""")
                .params(p).param("id", id).param("version", f.version() == null ? before.version() : f.version()).update());
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("building", before.buildingId());
        old.put("number", before.number());
        old.put("name", before.name());
        old.put("purpose", before.purpose());
        old.put("subnet", before.subnet());
        old.put("notes", before.notes());
        history("network_vlan", id, before.schoolId(), RecordChanged.UPDATED, "VLAN " + f.number(), old, p);
    }

    @Transactional
    public void deleteVlan(long id) {
        VlanView before = vlan(id);
        requireManage(before.schoolId());
        jdbc.sql("DELETE FROM network_vlan WHERE id = ?").param(id).update();
        history("network_vlan", id, before.schoolId(), RecordChanged.DELETED, "VLAN " + before.number(),
                Map.of("number", before.number(), "name", before.name()), Map.of());
    }

    private Map<String, Object> checkVlan(VlanForm f, long schoolId) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> p = base(schoolId, f.buildingId(), problems);
        if (f.number() == null || f.number() < 1 || f.number() > 4094) {
            problems.add(new FieldProblem("number", "maintenance.error.vlan.number", "must be between 1 and 4094"));
        }
        p.put("number", f.number());
        p.put("name", text(f.name(), "name", 100, true, problems));
        p.put("purpose", text(f.purpose(), "purpose", 500, false, problems));
        String subnet = MaintenancePlans.blank(f.subnet());
        p.put("subnet", subnet == null ? null : cidr(subnet, "subnet", problems).map(Cidr::toString).orElse(null));
        p.put("notes", text(f.notes(), "notes", 2000, false, problems));
        fail(problems);
        return p;
    }

    // ---- subnets ----

    @Transactional
    public long createSubnet(SubnetForm f) {
        requireNewIn(f.schoolId());
        Map<String, Object> p = checkSubnet(f, f.schoolId());
        long id = jdbc.sql("""
                INSERT INTO network_subnet (school_id, building_id, vlan_id, name, cidr, gateway, dhcp_start, dhcp_end,
                    dns_servers, notes)
                VALUES (:school, :building, :vlan, :name, :cidr, :gateway, :dhcpStart, :dhcpEnd, :dns, :notes) RETURNING id""")
                .params(p).query(Long.class).single();
        history("network_subnet", id, f.schoolId(), RecordChanged.CREATED, (String) p.get("cidr"), Map.of(), p);
        return id;
    }

    @Transactional
    public void updateSubnet(long id, SubnetForm f) {
        SubnetView before = subnet(id);
        requireManage(before.schoolId());
        Map<String, Object> p = checkSubnet(f, before.schoolId());
        update("network_subnet", "subnet", id, f.version(), before.version(), null, () -> jdbc.sql("""
                UPDATE network_subnet SET building_id = :building, vlan_id = :vlan, name = :name, cidr = :cidr,
                    gateway = :gateway, dhcp_start = :dhcpStart, dhcp_end = :dhcpEnd, dns_servers = :dns, notes = :notes,
                    version = version + 1 WHERE id = :id AND version = :version""")
                .params(p).param("id", id).param("version", f.version() == null ? before.version() : f.version()).update());
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("school", before.schoolId());
        old.put("building", before.buildingId());
        old.put("vlan", before.vlanId());
        old.put("name", before.name());
        old.put("cidr", before.cidr());
        old.put("gateway", before.gateway());
        old.put("dhcpStart", before.dhcpStart());
        old.put("dhcpEnd", before.dhcpEnd());
        old.put("dns", before.dnsServers());
        old.put("notes", before.notes());
        history("network_subnet", id, before.schoolId(), RecordChanged.UPDATED, (String) p.get("cidr"), old, p);
    }

    @Transactional
    public void deleteSubnet(long id) {
        SubnetView before = subnet(id);
        requireManage(before.schoolId());
        jdbc.sql("DELETE FROM network_subnet WHERE id = ?").param(id).update();
        history("network_subnet", id, before.schoolId(), RecordChanged.DELETED, before.cidr(),
                Map.of("cidr", before.cidr(), "name", before.name()), Map.of());
    }

    private Map<String, Object> checkSubnet(SubnetForm f, long schoolId) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> p = base(schoolId, f.buildingId(), problems);
        p.put("vlan", vlanRef(f.vlanId(), schoolId, problems));
        p.put("name", text(f.name(), "name", 100, true, problems));
        Optional<Cidr> cidr = Optional.empty();
        if (MaintenancePlans.blank(f.cidr()) == null) {
            problems.add(new FieldProblem("cidr", "error.required", "is required"));
        } else {
            cidr = cidr(f.cidr(), "cidr", problems);
        }
        p.put("cidr", cidr.map(Cidr::toString).orElse(null));
        Optional<Address> gateway = ip(f.gateway(), "gateway", problems);
        Optional<Address> start = ip(f.dhcpStart(), "dhcpStart", problems);
        Optional<Address> end = ip(f.dhcpEnd(), "dhcpEnd", problems);
        if (cidr.isPresent()) {
            inside(cidr.get(), gateway, "gateway", problems);
            inside(cidr.get(), start, "dhcpStart", problems);
            inside(cidr.get(), end, "dhcpEnd", problems);
        }
        if (start.isPresent() != end.isPresent() && problems.isEmpty()) {
            problems.add(new FieldProblem(start.isPresent() ? "dhcpEnd" : "dhcpStart", "maintenance.error.dhcp.both",
                    "give both the first and the last address of the DHCP range"));
        } else if (start.isPresent() && end.isPresent() && start.get().v6() == end.get().v6()
                && start.get().compareTo(end.get()) > 0) {
            problems.add(new FieldProblem("dhcpEnd", "maintenance.error.dhcp.order", "lies before the first address"));
        }
        p.put("gateway", gateway.map(Address::toString).orElse(null));
        p.put("dhcpStart", start.map(Address::toString).orElse(null));
        p.put("dhcpEnd", end.map(Address::toString).orElse(null));
        p.put("dns", addressList(f.dnsServers(), "dnsServers", 8, false, problems));
        p.put("notes", text(f.notes(), "notes", 2000, false, problems));
        fail(problems);
        return p;
    }

    // ---- Wi-Fi ----

    @Transactional
    public long createWifi(WifiForm f) {
        requireNewIn(f.schoolId());
        Map<String, Object> p = checkWifi(f, f.schoolId());
        byte[] psk = sealedPsk(f, null);
        long id = insert("network_wifi", "wifi", () -> jdbc.sql("""
                INSERT INTO network_wifi (school_id, building_id, vlan_id, ssid, security, band, hidden, audience,
                    psk_encrypted, notes)
                VALUES (:school, :building, :vlan, :ssid, :security, :band, :hidden, :audience, :psk, :notes) RETURNING id""")
                .params(p).param("psk", psk).query(Long.class).single(), "ssid");
        Map<String, Object> after = new LinkedHashMap<>(p);
        after.put("psk", psk == null ? null : "set");
        history("network_wifi", id, f.schoolId(), RecordChanged.CREATED, f.ssid(), Map.of(), after);
        return id;
    }

    @Transactional
    public void updateWifi(long id, WifiForm f) {
        WifiView before = wifiNetwork(id);
        requireManage(before.schoolId());
        Map<String, Object> p = checkWifi(f, before.schoolId());
        byte[] stored = storedPsk(id);
        byte[] psk = sealedPsk(f, stored);
        update("network_wifi", "wifi", id, f.version(), before.version(), "ssid", () -> jdbc.sql("""
                UPDATE network_wifi SET building_id = :building, vlan_id = :vlan, ssid = :ssid, security = :security,
                    band = :band, hidden = :hidden, audience = :audience, psk_encrypted = :psk, notes = :notes,
                    version = version + 1 WHERE id = :id AND version = :version""")
                .params(p).param("psk", psk).param("id", id)
                .param("version", f.version() == null ? before.version() : f.version()).update());
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("school", before.schoolId());
        old.put("building", before.buildingId());
        old.put("vlan", before.vlanId());
        old.put("ssid", before.ssid());
        old.put("security", before.security().name());
        old.put("band", before.band().name());
        old.put("hidden", before.hidden());
        old.put("audience", before.audience());
        old.put("notes", before.notes());
        old.put("psk", before.hasPsk() ? "set" : null);
        Map<String, Object> after = new LinkedHashMap<>(p);
        // a new key shows as "changed", never with its value
        after.put("psk", psk == null ? null : psk == stored ? "set" : "changed");
        history("network_wifi", id, before.schoolId(), RecordChanged.UPDATED, f.ssid(), old, after);
    }

    @Transactional
    public void deleteWifi(long id) {
        WifiView before = wifiNetwork(id);
        requireManage(before.schoolId());
        jdbc.sql("DELETE FROM network_wifi WHERE id = ?").param(id).update();
        history("network_wifi", id, before.schoolId(), RecordChanged.DELETED, before.ssid(), Map.of("ssid", before.ssid()),
                Map.of());
    }

    /**
     * The stored pre-shared key, for someone with MAINTENANCE_MANAGE who asked for it explicitly; the history records
     * that it was revealed (never the key). 404 when there is none.
     */
    @Transactional
    public String revealPsk(long id) {
        WifiView wifi = wifiNetwork(id);
        requireManage(wifi.schoolId());
        byte[] stored = storedPsk(id);
        if (stored == null) {
            throw new NotFoundException("wifi key", id);
        }
        history("network_wifi", id, wifi.schoolId(), "REVEALED", wifi.ssid(), Map.of("psk", "hidden"),
                Map.of("psk", "revealed"));
        return secrets.open(stored);
    }

    /** The encrypted key of a Wi-Fi network; null when none is stored. */
    private byte[] storedPsk(long id) {
        List<byte[]> rows = jdbc.sql("SELECT psk_encrypted FROM network_wifi WHERE id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).list();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private byte[] sealedPsk(WifiForm f, byte[] stored) {
        if (Boolean.TRUE.equals(f.clearPsk()) || (f.security() != null && !f.security().usesKey())) {
            return null;
        }
        String psk = f.psk();
        return psk == null || psk.isEmpty() ? stored : secrets.seal(psk);
    }

    private Map<String, Object> checkWifi(WifiForm f, long schoolId) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> p = base(schoolId, f.buildingId(), problems);
        p.put("vlan", vlanRef(f.vlanId(), schoolId, problems));
        String ssid = f.ssid() == null ? null : f.ssid().strip();
        if (ssid == null || ssid.isEmpty()) {
            problems.add(new FieldProblem("ssid", "error.required", "is required"));
        } else if (ssid.getBytes(StandardCharsets.UTF_8).length > 32 || !ssid.equals(PageQuery.cleanText(ssid))) {
            problems.add(new FieldProblem("ssid", "maintenance.error.ssid", "must be 1 to 32 bytes without control characters"));
        }
        p.put("ssid", ssid);
        if (f.security() == null) {
            problems.add(new FieldProblem("security", "error.required", "is required"));
        }
        if (f.band() == null) {
            problems.add(new FieldProblem("band", "error.required", "is required"));
        }
        p.put("security", f.security() == null ? null : f.security().name());
        p.put("band", f.band() == null ? null : f.band().name());
        p.put("hidden", Boolean.TRUE.equals(f.hidden()));
        p.put("audience", text(f.audience(), "audience", 300, false, problems));
        p.put("notes", text(f.notes(), "notes", 2000, false, problems));
        String psk = f.psk();
        if (psk != null && !psk.isEmpty() && f.security() != null && f.security().usesKey()
                && !(psk.matches("[\\x20-\\x7E]{8,63}") || psk.matches("[0-9A-Fa-f]{64}"))) {
            problems.add(new FieldProblem("psk", "maintenance.error.psk", "must be 8 to 63 printable ASCII characters"));
        }
        fail(problems);
        return p;
    }

    // ---- network devices ----

    @Transactional
    public long createDevice(DeviceForm f) {
        requireNewIn(f.schoolId());
        Map<String, Object> p = checkDevice(f, f.schoolId());
        long id = insert("network_device", "device", () -> jdbc.sql("""
                INSERT INTO network_device (school_id, asset_id, management_ip, port_count, uplink, location, notes)
                VALUES (:school, :asset, :ip, :ports, :uplink, :location, :notes) RETURNING id""")
                .params(p).query(Long.class).single(), "assetId");
        history("network_device", id, f.schoolId(), RecordChanged.CREATED, (String) p.get("tag"), Map.of(), p);
        return id;
    }

    @Transactional
    public void updateDevice(long id, DeviceForm f) {
        DeviceView before = device(id);
        requireManage(before.schoolId());
        Map<String, Object> p = checkDevice(f, before.schoolId());
        update("network_device", "device", id, f.version(), before.version(), "assetId", () -> jdbc.sql("""
                UPDATE network_device SET asset_id = :asset, management_ip = :ip, port_count = :ports, uplink = :uplink,
                    location = :location, notes = :notes, version = version + 1 WHERE id = :id AND version = :version""")
                .params(p).param("id", id).param("version", f.version() == null ? before.version() : f.version()).update());
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("school", before.schoolId());
        old.put("asset", before.assetId());
        old.put("tag", before.assetTag());
        old.put("ip", before.managementIp());
        old.put("ports", before.portCount());
        old.put("uplink", before.uplink());
        old.put("location", before.location());
        old.put("notes", before.notes());
        history("network_device", id, before.schoolId(), RecordChanged.UPDATED, (String) p.get("tag"), old, p);
    }

    @Transactional
    public void deleteDevice(long id) {
        DeviceView before = device(id);
        requireManage(before.schoolId());
        jdbc.sql("DELETE FROM network_device WHERE id = ?").param(id).update();
        history("network_device", id, before.schoolId(), RecordChanged.DELETED, before.assetTag(),
                Map.of("tag", before.assetTag()), Map.of());
    }

    private Map<String, Object> checkDevice(DeviceForm f, long schoolId) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("school", schoolId);
        String tag = null;
        if (f.assetId() == null) {
            problems.add(new FieldProblem("assetId", "error.required", "is required"));
        } else {
            var asset = jdbc.sql("SELECT tag, kind FROM asset WHERE id = ? AND school_id = ?").params(f.assetId(), schoolId)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
            if (asset.isEmpty()) {
                problems.add(new FieldProblem("assetId", "error.reference", "does not exist"));
            } else if (!DEVICE_KINDS.contains(AssetKind.valueOf(asset.get()[1]))) {
                problems.add(new FieldProblem("assetId", "maintenance.error.device.kind",
                        "must be a switch, access point, router/firewall or server"));
            } else {
                tag = asset.get()[0];
            }
        }
        p.put("asset", f.assetId());
        p.put("tag", tag);
        p.put("ip", ip(f.managementIp(), "managementIp", problems).map(Address::toString).orElse(null));
        if (f.portCount() != null && (f.portCount() < 0 || f.portCount() > 1024)) {
            problems.add(new FieldProblem("portCount", "maintenance.error.ports", "must be between 0 and 1024"));
        }
        p.put("ports", f.portCount());
        p.put("uplink", text(f.uplink(), "uplink", 300, false, problems));
        p.put("location", text(f.location(), "location", 300, false, problems));
        p.put("notes", text(f.notes(), "notes", 2000, false, problems));
        fail(problems);
        return p;
    }

    /** Network assets of a school not yet documented (plus {@code current}), for the device chooser. */
    public List<Choice> deviceAssetChoices(long schoolId, Long current) {
        if (!canRead(schoolId)) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT a.id, a.tag || coalesce(' ' || a.name, '') FROM asset a
                WHERE a.school_id = :school AND a.kind = ANY(:kinds) AND a.status NOT IN ('RETIRED', 'DISPOSED')
                  AND (a.id = CAST(:current AS bigint) OR NOT EXISTS (SELECT 1 FROM network_device d WHERE d.asset_id = a.id))
                ORDER BY lower(a.tag), a.id LIMIT 500""")
                .param("school", schoolId).param("kinds", DEVICE_KINDS.stream().map(Enum::name).toArray(String[]::new))
                .param("current", current).query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2))).list();
    }

    // ---- internet lines ----

    @Transactional
    public long createLine(LineForm f) {
        requireNewIn(f.schoolId());
        Map<String, Object> p = checkLine(f, f.schoolId());
        long id = jdbc.sql("""
                INSERT INTO network_line (school_id, building_id, provider_organisation_id, provider_name, line_type,
                    download_mbps, upload_mbps, contract_number, customer_number, support_phone, fixed_ips, notes)
                VALUES (:school, :building, :org, :provider, :type, :down, :up, :contract, :customer, :phone, :ips, :notes)
                RETURNING id""").params(p).query(Long.class).single();
        history("network_line", id, f.schoolId(), RecordChanged.CREATED, lineLabel(p), Map.of(), p);
        return id;
    }

    @Transactional
    public void updateLine(long id, LineForm f) {
        LineView before = line(id);
        requireManage(before.schoolId());
        Map<String, Object> p = checkLine(f, before.schoolId());
        update("network_line", "line", id, f.version(), before.version(), null, () -> jdbc.sql("""
                UPDATE network_line SET building_id = :building, provider_organisation_id = :org, provider_name = :provider,
                    line_type = :type, download_mbps = :down, upload_mbps = :up, contract_number = :contract,
                    customer_number = :customer, support_phone = :phone, fixed_ips = :ips, notes = :notes,
                    version = version + 1 WHERE id = :id AND version = :version""")
                .params(p).param("id", id).param("version", f.version() == null ? before.version() : f.version()).update());
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("school", before.schoolId());
        old.put("building", before.buildingId());
        old.put("org", before.providerOrganisationId());
        old.put("provider", before.providerOrganisationId() == null ? before.provider() : null);
        old.put("type", before.lineType().name());
        old.put("down", before.downloadMbps());
        old.put("up", before.uploadMbps());
        old.put("contract", before.contractNumber());
        old.put("customer", before.customerNumber());
        old.put("phone", before.supportPhone());
        old.put("ips", before.fixedIps());
        old.put("notes", before.notes());
        history("network_line", id, before.schoolId(), RecordChanged.UPDATED, lineLabel(p), old, p);
    }

    @Transactional
    public void deleteLine(long id) {
        LineView before = line(id);
        requireManage(before.schoolId());
        jdbc.sql("DELETE FROM network_line WHERE id = ?").param(id).update();
        history("network_line", id, before.schoolId(), RecordChanged.DELETED, before.provider() + " " + before.lineType(),
                Map.of("type", before.lineType().name()), Map.of());
    }

    private Map<String, Object> checkLine(LineForm f, long schoolId) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> p = base(schoolId, f.buildingId(), problems);
        if (f.providerOrganisationId() != null && plans.organisationChoices(schoolId).stream()
                .noneMatch(o -> o.id() == f.providerOrganisationId())) {
            problems.add(new FieldProblem("providerOrganisationId", "error.reference", "does not exist"));
        }
        p.put("org", f.providerOrganisationId());
        String provider = text(f.providerName(), "providerName", 200, false, problems);
        if (f.providerOrganisationId() == null && provider == null) {
            problems.add(new FieldProblem("providerName", "maintenance.error.provider", "choose an organisation or give a name"));
        }
        p.put("provider", f.providerOrganisationId() == null ? provider : null);
        if (f.lineType() == null) {
            problems.add(new FieldProblem("lineType", "error.required", "is required"));
        }
        p.put("type", f.lineType() == null ? null : f.lineType().name());
        for (String[] speed : new String[][] {{"downloadMbps", "down"}, {"uploadMbps", "up"}}) {
            Integer v = speed[0].equals("downloadMbps") ? f.downloadMbps() : f.uploadMbps();
            if (v != null && (v < 1 || v > 1_000_000)) {
                problems.add(new FieldProblem(speed[0], "maintenance.error.speed", "must be between 1 and 1000000 Mbit/s"));
            }
            p.put(speed[1], v);
        }
        p.put("contract", text(f.contractNumber(), "contractNumber", 100, false, problems));
        p.put("customer", text(f.customerNumber(), "customerNumber", 100, false, problems));
        String phone = text(f.supportPhone(), "supportPhone", 40, false, problems);
        if (phone != null && !phone.matches("[0-9+()./ -]{3,40}")) {
            problems.add(new FieldProblem("supportPhone", "maintenance.error.phone", "is not a phone number"));
        }
        p.put("phone", phone);
        p.put("ips", addressList(f.fixedIps(), "fixedIps", 64, true, problems));
        p.put("notes", text(f.notes(), "notes", 2000, false, problems));
        fail(problems);
        return p;
    }

    private static String lineLabel(Map<String, Object> p) {
        return (p.get("provider") == null ? "" : p.get("provider") + " ") + p.get("type");
    }

    // ---- choosers ----

    public List<Choice> buildingChoices(long schoolId) {
        if (!canRead(schoolId)) {
            return List.of();
        }
        return jdbc.sql("SELECT id, name FROM building WHERE school_id = ? ORDER BY lower(name), id").param(schoolId)
                .query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2))).list();
    }

    public List<Choice> vlanChoices(long schoolId) {
        if (!canRead(schoolId)) {
            return List.of();
        }
        return jdbc.sql("SELECT id, vlan_number || ' ' || name FROM network_vlan WHERE school_id = ? ORDER BY vlan_number")
                .param(schoolId).query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2))).list();
    }

    // ---- validation helpers ----

    private Map<String, Object> base(long schoolId, Long buildingId, List<FieldProblem> problems) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("school", schoolId);
        if (buildingId != null && jdbc.sql("SELECT count(*) FROM building WHERE id = ? AND school_id = ?")
                .params(buildingId, schoolId).query(Long.class).single() == 0) {
            problems.add(new FieldProblem("buildingId", "error.reference", "does not exist"));
        }
        p.put("building", buildingId);
        return p;
    }

    private Long vlanRef(Long vlanId, long schoolId, List<FieldProblem> problems) {
        if (vlanId != null && jdbc.sql("SELECT count(*) FROM network_vlan WHERE id = ? AND school_id = ?")
                .params(vlanId, schoolId).query(Long.class).single() == 0) {
            problems.add(new FieldProblem("vlanId", "error.reference", "does not exist"));
        }
        return vlanId;
    }

    private static String text(String value, String field, int max, boolean required, List<FieldProblem> problems) {
        String s = MaintenancePlans.blank(value);
        if (s == null) {
            if (required) {
                problems.add(new FieldProblem(field, "error.required", "is required"));
            }
            return null;
        }
        if (s.length() > max) {
            problems.add(new FieldProblem(field, "maintenance.error.length", "must be at most " + max + " characters", max));
            return null;
        }
        return s;
    }

    private static Optional<Cidr> cidr(String value, String field, List<FieldProblem> problems) {
        IpAddresses.CidrResult result = IpAddresses.cidr(value);
        if (result instanceof IpAddresses.Valid v) {
            return Optional.of(v.cidr());
        }
        IpAddresses.Invalid i = (IpAddresses.Invalid) result;
        if (i.suggestion() != null) {
            problems.add(new FieldProblem(field, "maintenance.error.cidr.hostBits",
                    "has host bits set; did you mean " + i.suggestion() + "?", i.suggestion()));
        } else {
            problems.add(new FieldProblem(field, "maintenance.error.cidr",
                    "is not a network prefix such as 10.10.20.0/24 or 2001:db8:10::/64"));
        }
        return Optional.empty();
    }

    private static Optional<Address> ip(String value, String field, List<FieldProblem> problems) {
        String s = MaintenancePlans.blank(value);
        if (s == null) {
            return Optional.empty();
        }
        Optional<Address> a = IpAddresses.address(s);
        if (a.isEmpty()) {
            problems.add(new FieldProblem(field, "maintenance.error.ip", "is not an IPv4 or IPv6 address"));
        }
        return a;
    }

    private static void inside(Cidr cidr, Optional<Address> a, String field, List<FieldProblem> problems) {
        if (a.isPresent() && !cidr.contains(a.get())) {
            problems.add(new FieldProblem(field, "maintenance.error.ip.outside", "lies outside " + cidr, cidr.toString()));
        }
    }

    /** Addresses (or prefixes when allowed) separated by commas or spaces, in canonical form. */
    private static String addressList(String value, String field, int max, boolean prefixes, List<FieldProblem> problems) {
        String s = MaintenancePlans.blank(value);
        if (s == null) {
            return null;
        }
        if (s.length() > 1000) {
            problems.add(new FieldProblem(field, "maintenance.error.length", "must be at most 1000 characters", 1000));
            return null;
        }
        String[] parts = s.split("[,;\\s]+");
        if (parts.length > max) {
            problems.add(new FieldProblem(field, "maintenance.error.ip.list", "is not a list of addresses"));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            Optional<Address> a = IpAddresses.address(part);
            if (a.isPresent()) {
                out.add(a.get().toString());
            } else if (prefixes && IpAddresses.cidr(part) instanceof IpAddresses.Valid v) {
                out.add(v.cidr().toString());
            } else {
                problems.add(new FieldProblem(field, "maintenance.error.ip.list", "is not a list of addresses"));
                return null;
            }
        }
        return String.join(", ", out);
    }

    private static void fail(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static long insert(String table, String type, Supplier<Long> insert, String uniqueField) {
        try {
            return insert.get();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of(uniqueField, "error.duplicate", "already exists");
        }
    }

    private static void update(String table, String type, long id, Integer version, int current, String uniqueField,
            Supplier<Integer> update) {
        int n;
        try {
            n = update.get();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of(uniqueField == null ? "name" : uniqueField, "error.duplicate", "already exists");
        }
        if (n == 0) {
            throw ConflictException.staleVersion(type, id);
        }
    }

    private void history(String type, long id, long schoolId, String action, String label, Map<String, ?> before,
            Map<String, ?> after) {
        Map<String, Object> b = new LinkedHashMap<>(before);
        Map<String, Object> a = new LinkedHashMap<>(after);
        b.remove("school");
        a.remove("school");
        events.publishEvent(new RecordChanged(type, id, access.current().boardId(), schoolId, action,
                MaintenancePlans.truncate(label, 300), RecordChanged.diff(b, a)));
    }

    // ---- rows ----

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        return (Integer) rs.getObject(column);
    }

    private static final RowMapper<VlanView> VLAN_ROW = (rs, n) -> new VlanView(rs.getLong("id"), rs.getLong("school_id"),
            (Long) rs.getObject("building_id"), rs.getString("building_name"), rs.getInt("vlan_number"), rs.getString("name"),
            rs.getString("purpose"), rs.getString("subnet"), rs.getString("notes"), rs.getInt("version"));

    private static final RowMapper<SubnetView> SUBNET_ROW = (rs, n) -> new SubnetView(rs.getLong("id"),
            rs.getLong("school_id"), (Long) rs.getObject("building_id"), rs.getString("building_name"),
            (Long) rs.getObject("vlan_id"), integer(rs, "vlan_number"), rs.getString("name"), rs.getString("cidr"),
            rs.getString("gateway"), rs.getString("dhcp_start"), rs.getString("dhcp_end"), rs.getString("dns_servers"),
            rs.getString("notes"), rs.getInt("version"));

    private static final RowMapper<WifiView> WIFI_ROW = (rs, n) -> new WifiView(rs.getLong("id"), rs.getLong("school_id"),
            (Long) rs.getObject("building_id"), rs.getString("building_name"), (Long) rs.getObject("vlan_id"),
            integer(rs, "vlan_number"), rs.getString("ssid"), WifiSecurity.valueOf(rs.getString("security")),
            WifiBand.valueOf(rs.getString("band")), rs.getBoolean("hidden"), rs.getString("audience"),
            rs.getBytes("psk_encrypted") != null, rs.getString("notes"), rs.getInt("version"));

    private static final RowMapper<DeviceView> DEVICE_ROW = (rs, n) -> new DeviceView(rs.getLong("id"),
            rs.getLong("school_id"), rs.getLong("asset_id"), rs.getString("tag"), rs.getString("asset_name"),
            AssetKind.valueOf(rs.getString("kind")), rs.getString("model"), rs.getString("room"),
            rs.getString("management_ip"), integer(rs, "port_count"), rs.getString("uplink"), rs.getString("location"),
            rs.getString("notes"), rs.getInt("version"));

    private static final RowMapper<LineView> LINE_ROW = (rs, n) -> new LineView(rs.getLong("id"), rs.getLong("school_id"),
            (Long) rs.getObject("building_id"), rs.getString("building_name"),
            (Long) rs.getObject("provider_organisation_id"),
            rs.getString("organisation_name") != null ? rs.getString("organisation_name") : rs.getString("provider_name"),
            LineType.valueOf(rs.getString("line_type")), integer(rs, "download_mbps"), integer(rs, "upload_mbps"),
            rs.getString("contract_number"), rs.getString("customer_number"), rs.getString("support_phone"),
            rs.getString("fixed_ips"), rs.getString("notes"), List.of(), rs.getInt("version"));
}
