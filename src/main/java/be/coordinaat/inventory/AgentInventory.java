package be.coordinaat.inventory;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.inventory.AgentViews.AgentRow;
import be.coordinaat.inventory.AgentViews.AgentView;
import be.coordinaat.inventory.AgentViews.DiskView;
import be.coordinaat.inventory.AgentViews.MemoryView;
import be.coordinaat.inventory.AgentViews.NetworkView;
import be.coordinaat.inventory.AgentViews.SoftwareCount;
import be.coordinaat.inventory.AgentViews.SoftwareView;
import be.coordinaat.inventory.agent.SoftwareNames;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.web.Formats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The automatic inventory as the rest of the application reads it: what an agent reported about a computer, the
 * lists (computers not seen for N days, systems out of support, software over the computers) and, for the licences
 * module, on how many computers a product is installed. Every read is limited to the schools where the user holds
 * INVENTORY_READ (404 outside), except {@link #installCount}, which the licences module scopes itself.
 */
@Service
@Transactional(readOnly = true)
public class AgentInventory {

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Inventory inventory;
    private final JsonMapper json;

    AgentInventory(JdbcClient jdbc, AccessControl access, Inventory inventory, JsonMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.inventory = inventory;
        this.json = json;
    }

    /** What the agent last reported about this asset (empty when no agent reported it); 404 outside the user's schools. */
    public Optional<AgentView> ofAsset(long assetId) {
        inventory.asset(assetId);
        List<NetworkView> networks = jdbc.sql("""
                SELECT description, mac, ip_addresses, virtual FROM asset_network WHERE asset_id = ? ORDER BY virtual, position""")
                .param(assetId).query((rs, n) -> new NetworkView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4))).list();
        List<SoftwareView> software = jdbc.sql("""
                SELECT name, publisher, version FROM asset_software WHERE asset_id = ? ORDER BY lower(name), version""")
                .param(assetId).query((rs, n) -> new SoftwareView(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        return jdbc.sql("SELECT * FROM asset_hardware WHERE asset_id = ?").param(assetId)
                .query((rs, n) -> view(rs, networks, software)).optional();
    }

    private AgentView view(ResultSet rs, List<NetworkView> networks, List<SoftwareView> software) throws SQLException {
        return new AgentView(rs.getLong("asset_id"), rs.getString("device_id"), rs.getString("protocol"),
                rs.getString("agent_version"), rs.getString("hostname"), rs.getString("uuid"), rs.getString("manufacturer"),
                rs.getString("model"), rs.getString("chassis"), rs.getString("virtual_system"), rs.getString("os_full_name"),
                rs.getString("os_version"), rs.getString("os_arch"), rs.getObject("os_support_end", LocalDate.class),
                rs.getString("cpu"), (Integer) rs.getObject("cpu_cores"), (Integer) rs.getObject("cpu_threads"),
                (Long) rs.getObject("memory_mb"), Arrays.asList(json.readValue(rs.getString("memory_modules"), MemoryView[].class)),
                Arrays.asList(json.readValue(rs.getString("disks"), DiskView[].class)), rs.getString("last_user"),
                rs.getString("ip_addresses"), rs.getInt("software_count"), rs.getTimestamp("first_seen_at").toInstant(),
                rs.getTimestamp("last_seen_at").toInstant(), networks, software);
    }

    /** Computers whose agent has not reported for {@code days} days or more, longest silent first. */
    public Page<AgentRow> notSeenFor(int days, Long school, PageQuery query) {
        Long[] schools = scope(school);
        ZonedDateTime before = ZonedDateTime.now(Formats.ZONE).minusDays(Math.max(0, Math.min(days, 3650)));
        String where = " WHERE h.school_id = ANY(CAST(:schools AS bigint[])) AND h.last_seen_at < :before";
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("schools", schools);
        p.put("before", java.sql.Timestamp.from(before.toInstant()));
        return page(where, " ORDER BY h.last_seen_at, h.asset_id", p, query);
    }

    /** Computers whose operating system is past its end of support (by the built-in table), earliest end first. */
    public Page<AgentRow> outOfSupport(Long school, PageQuery query) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("schools", scope(school));
        p.put("today", LocalDate.now(Formats.ZONE));
        return page(" WHERE h.school_id = ANY(CAST(:schools AS bigint[])) AND h.os_support_end < :today",
                " ORDER BY h.os_support_end, h.asset_id", p, query);
    }

    private Page<AgentRow> page(String where, String order, Map<String, Object> p, PageQuery query) {
        long total = jdbc.sql("SELECT count(*) FROM asset_hardware h" + where).params(p).query(Long.class).single();
        List<AgentRow> items = jdbc.sql("""
                SELECT h.asset_id, h.school_id, s.name, a.tag, h.hostname, h.os_full_name, h.os_version, h.os_support_end,
                       h.last_user, h.last_seen_at
                FROM asset_hardware h JOIN asset a ON a.id = h.asset_id JOIN school s ON s.id = h.school_id""" + where + order
                + " LIMIT :limit OFFSET :offset")
                .params(p).param("limit", query.size()).param("offset", (long) query.page() * query.size())
                .query(ROW).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /**
     * The installed software over the computers of the user's schools, grouped by normalised name: on how many
     * computers, in how many versions; most installed first (or by name), filtered on text.
     */
    public Page<SoftwareCount> software(Long school, PageQuery query) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("schools", scope(school));
        String where = " WHERE school_id = ANY(CAST(:schools AS bigint[]))";
        if (query.q() != null) {
            p.put("q", "%" + query.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            where += " AND normalised_name LIKE :q ESCAPE '\\'";
        }
        long total = jdbc.sql("SELECT count(DISTINCT normalised_name) FROM asset_software" + where).params(p)
                .query(Long.class).single();
        String order = "name".equals(query.sort()) ? " ORDER BY normalised_name" : " ORDER BY count(DISTINCT asset_id) DESC, normalised_name";
        List<SoftwareCount> items = jdbc.sql("SELECT normalised_name, min(name), max(publisher), count(DISTINCT asset_id), "
                        + "count(DISTINCT version) FROM asset_software" + where + " GROUP BY normalised_name" + order
                        + " LIMIT :limit OFFSET :offset")
                .params(p).param("limit", query.size()).param("offset", (long) query.page() * query.size())
                .query((rs, n) -> new SoftwareCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5))).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /**
     * For licence compliance: on how many computers of these schools a product is installed, by its name as a
     * catalogue entry or licence names it (normalised as the agents' software is; "Microsoft Office" also counts
     * "Microsoft Office LTSC Professional Plus 2021"). The caller decides the schools.
     */
    public long installCount(Collection<Long> schoolIds, String softwareName) {
        String name = SoftwareNames.normalise(softwareName);
        if (name.isEmpty() || schoolIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                SELECT count(DISTINCT asset_id) FROM asset_software
                WHERE board_id = (SELECT board_id FROM school WHERE id = :first)
                  AND (normalised_name = :name OR normalised_name LIKE :prefix ESCAPE '\\')
                  AND school_id = ANY(CAST(:schools AS bigint[]))""")
                .param("first", schoolIds.iterator().next()).param("name", name).param("prefix", prefix(name))
                .param("schools", schoolIds.toArray(Long[]::new)).query(Long.class).single();
    }

    /** For licence compliance: installations of a product on all computers of a board. */
    public long installCount(long boardId, String softwareName) {
        String name = SoftwareNames.normalise(softwareName);
        if (name.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(DISTINCT asset_id) FROM asset_software WHERE board_id = ? "
                        + "AND (normalised_name = ? OR normalised_name LIKE ? ESCAPE '\\')")
                .params(boardId, name, prefix(name)).query(Long.class).single();
    }

    /**
     * A product name as the agents' software is grouped (lower case, without version, architecture and edition
     * noise), and the LIKE pattern of the longer names that start with it; for queries of other modules over
     * {@code asset_software}.
     */
    public String[] normalisedNameAndPrefix(String softwareName) {
        String name = SoftwareNames.normalise(softwareName);
        return new String[] {name, prefix(name)};
    }

    private static String prefix(String name) {
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %";
    }

    private Long[] scope(Long school) {
        Set<Long> readable = access.schools(Permission.INVENTORY_READ);
        if (readable.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("no INVENTORY_READ");
        }
        if (school != null) {
            if (!readable.contains(school)) {
                throw new NotFoundException("school", school);
            }
            return new Long[] {school};
        }
        return readable.toArray(Long[]::new);
    }

    private static final RowMapper<AgentRow> ROW = (rs, n) -> new AgentRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
            rs.getString(9), rs.getTimestamp(10).toInstant());
}
