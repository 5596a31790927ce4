package be.coordinaat.licences;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.inventory.AgentInventory;
import be.coordinaat.licences.Views.LicenceView;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unlicensed installations of a licensed product: the computers on which the inventory agents found the product of
 * a licence while no licence of that product covers them. A computer is covered in its school by a SITE or
 * FREE_OPEN licence of the product (the school's own or a board-wide one), by an assignment of such a licence to the
 * whole school, to the computer itself, or to the person the computer is assigned to. Everything else is flagged.
 *
 * <p>Scope: the licence must be readable (LICENCES_READ, else 404); the computers listed are those of the schools
 * where the user also holds INVENTORY_READ (a board-wide licence: all of them; a school's licence: that school).
 */
@Service
@Transactional(readOnly = true)
public class InstallCompliance {

    /** One computer with the product installed and no licence covering it. */
    public record UnlicensedInstall(long assetId, String tag, String hostname, long schoolId, String schoolName,
            String product, String version, Instant lastSeenAt) {}

    private static final String FROM = """
            FROM asset_software sw
            JOIN asset a ON a.id = sw.asset_id
            WHERE sw.board_id = :board AND sw.school_id = ANY(CAST(:schools AS bigint[]))
              AND (sw.normalised_name = :name OR sw.normalised_name LIKE :prefix ESCAPE '\\')
              AND NOT EXISTS (
                SELECT 1 FROM licence l
                WHERE l.software_id = :software AND l.board_id = :board
                  AND (l.school_id = sw.school_id OR l.school_id IS NULL)
                  AND (l.type IN ('SITE', 'FREE_OPEN')
                       OR EXISTS (SELECT 1 FROM licence_assignment la WHERE la.licence_id = l.id
                                  AND (la.asset_id = sw.asset_id OR la.school_id = sw.school_id
                                       OR (la.person_id IS NOT NULL AND la.person_id = a.assigned_person_id)))))""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Licences licences;
    private final AgentInventory agents;

    InstallCompliance(JdbcClient jdbc, AccessControl access, Licences licences, AgentInventory agents) {
        this.jdbc = jdbc;
        this.access = access;
        this.licences = licences;
        this.agents = agents;
    }

    /** The unlicensed installations of the licence's product, by school and tag; 404 for a licence one cannot read. */
    public Page<UnlicensedInstall> unlicensed(long licenceId, PageQuery query) {
        LicenceView licence = licences.licence(licenceId);
        Long[] schools = schools(licence);
        String[] name = agents.normalisedNameAndPrefix(licence.softwareName());
        if (schools.length == 0 || name[0].isEmpty()) {
            return new Page<>(List.of(), 0, query.page(), query.size());
        }
        long board = access.current().boardId();
        long total = jdbc.sql("SELECT count(DISTINCT sw.asset_id) " + FROM)
                .param("board", board).param("schools", schools).param("name", name[0]).param("prefix", name[1])
                .param("software", licence.softwareId()).query(Long.class).single();
        List<UnlicensedInstall> items = jdbc.sql("""
                SELECT x.asset_id, x.tag, h.hostname, x.school_id, s.name AS school_name, x.product, x.version, h.last_seen_at
                FROM (SELECT DISTINCT ON (sw.asset_id) sw.asset_id, a.tag, sw.school_id, sw.name AS product, sw.version
                      """ + FROM + """
                       ORDER BY sw.asset_id, sw.name) x
                JOIN school s ON s.id = x.school_id
                LEFT JOIN asset_hardware h ON h.asset_id = x.asset_id
                ORDER BY lower(s.name), lower(x.tag), x.asset_id
                LIMIT :limit OFFSET :offset""")
                .param("board", board).param("schools", schools).param("name", name[0]).param("prefix", name[1])
                .param("software", licence.softwareId()).param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query((rs, n) -> new UnlicensedInstall(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
                .list();
        return new Page<>(items, total, query.page(), query.size());
    }

    private Long[] schools(LicenceView licence) {
        Set<Long> inventory = access.schools(Permission.INVENTORY_READ);
        Set<Long> result = new LinkedHashSet<>();
        if (licence.schoolId() == null) {
            result.addAll(inventory);
        } else if (inventory.contains(licence.schoolId())) {
            result.add(licence.schoolId());
        }
        return result.toArray(Long[]::new);
    }
}
