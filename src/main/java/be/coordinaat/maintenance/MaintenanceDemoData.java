package be.coordinaat.maintenance;

import be.coordinaat.inventory.AssetKind;
import be.coordinaat.maintenance.Forms.PlanForm;
import be.coordinaat.maintenance.domain.SecretBox;
import be.coordinaat.shared.DemoContributor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo maintenance: projector filters every three months, the Chromebooks (and the Atheneum's laptops) before each
 * school year, the firewall firmware monthly by the municipal ICT service, the NAS back-up every two weeks; some
 * completed occurrences with a failed check, ad-hoc repairs; and the network of both schools (VLANs for staff, pupils,
 * guests and printers, their subnets, Wi-Fi, the switch and access points, the internet line).
 */
@Component
@Order(70)
class MaintenanceDemoData implements DemoContributor {

    private final JdbcClient jdbc;
    private final MaintenancePlans plans;
    private final SecretBox secrets;

    MaintenanceDemoData(JdbcClient jdbc, MaintenancePlans plans, SecretBox secrets) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.secrets = secrets;
    }

    @Override
    public void contribute(DemoBoard board) {
        if (jdbc.sql("SELECT count(*) FROM asset WHERE school_id = ?").param(board.schools().get("regenboog"))
                .query(Long.class).single() == 0) {
            return; // no inventory, nothing to maintain
        }
        LocalDate today = MaintenancePlans.today();
        long rb = board.schools().get("regenboog");
        long at = board.schools().get("atheneum");
        Long ict = jdbc.sql("SELECT id FROM organisation WHERE board_id = ? AND kind = 'MUNICIPAL_ICT' ORDER BY id LIMIT 1")
                .param(board.boardId()).query(Long.class).optional().orElse(null);
        Long coordinator = board.users().get("coordinator");
        Long technician = board.users().get("technician");

        // Regenboog
        LocalDate projectorStart = today.minusDays(95);
        long projectors = plan(board, rb, "Projectorfilters reinigen",
                "Stof in de filters doet de projectoren oververhitten en de lamp sneller slijten.", TargetType.KIND,
                AssetKind.PROJECTOR, null, Recurrence.MONTHS, 3, null, null, projectorStart, technician, null, 20,
                List.of("Luchtfilter uitnemen en stofvrij maken", "Lampuren noteren (vervangen boven 4000 uur)",
                        "Beeld en scherpte testen"));
        history(projectors, projectorStart, projectorStart.plusDays(2), "Theo Technicus",
                new String[][] {{"DONE", null}, {"FAILED", "Lamp op 4120 uur, beeld flikkert"}, {"DONE", null}});
        LocalDate lastAugust = LocalDate.of(today.getYear(), 8, 15);
        if (lastAugust.isAfter(today)) {
            lastAugust = lastAugust.minusYears(1);
        }
        LocalDate augustStart = lastAugust.minusMonths(2);
        long chromebooks = plan(board, rb, "Chromebooks updaten en nakijken",
                "Voor de start van het schooljaar: alle Chromebooks op de laatste ChromeOS-versie, schoon en volledig.",
                TargetType.KIND, AssetKind.CHROMEBOOK, null, Recurrence.SCHOOL_YEAR, null, 8, 15, augustStart, coordinator,
                null, 240, List.of("ChromeOS bijwerken en herstarten", "Scherm, toetsenbord en scharnieren nakijken",
                        "Lader en batterij testen", "Inschrijving in de Google-beheerconsole controleren"));
        history(chromebooks, lastAugust, lastAugust.minusDays(1),
                "Koen Coördinator", new String[][] {{"DONE", null}, {"DONE", null}, {"DONE", null}, {"DONE", null}});
        LocalDate monthStart = today.withDayOfMonth(1).minusMonths(1);
        plan(board, rb, "Firmware kernswitch controleren",
                "De ICT-dienst van de gemeente controleert maandelijks de firmware en de poorten van de kernswitch.",
                TargetType.ASSET, null, asset(rb, "RB-000033"), Recurrence.MONTHS, 1, null, null, monthStart, null, ict, 30,
                List.of("Firmwareversie vergelijken met de laatste stabiele release", "Foutmeldingen in het logboek nakijken",
                        "Uplink naar de glasvezel testen"));
        long nas = plan(board, rb, "Back-up NAS controleren", "Hyper Backup naar C2: laatste geslaagde taak en vrije ruimte.",
                TargetType.ASSET, null, asset(rb, "RB-000034"), Recurrence.WEEKS, 2, null, null, today.minusDays(30),
                technician, null, 10, List.of("Laatste back-up geslaagd", "Vrije schijfruimte boven 20 %",
                        "Steekproef: één bestand terugzetten"));
        history(nas, today.minusDays(30), today.minusDays(30), "Theo Technicus",
                new String[][] {{"DONE", null}, {"DONE", null}, {"SKIPPED", "Geen tijd, volgende keer"}});

        // Atheneum
        plan(board, at, "Firewall-firmware controleren",
                "Maandelijkse controle door de ICT-dienst van de gemeente: firmware, regels en VPN-toegang.",
                TargetType.KIND, AssetKind.ROUTER_FIREWALL, null, Recurrence.MONTHS, 1, null, null,
                today.withDayOfMonth(1), null, ict, 45,
                List.of("Firmware bijwerken naar de laatste stabiele versie", "Firewallregels en port forwards nakijken",
                        "Configuratieback-up nemen"));
        plan(board, at, "Laptops updaten en nakijken",
                "Voor de start van het schooljaar: Windows-updates, stof en batterij.", TargetType.KIND, AssetKind.LAPTOP,
                null, Recurrence.SCHOOL_YEAR, null, 8, 16, augustStart, technician, null, 180,
                List.of("Windows Update en stuurprogramma's", "Batterijstatus controleren", "Behuizing en ventilator reinigen"));
        plan(board, at, "Access points nakijken", "Firmware, PoE-poorten en bereik van de access points.", TargetType.KIND,
                AssetKind.ACCESS_POINT, null, Recurrence.MONTHS, 6, null, null, today.plusDays(20), null, ict, 60,
                List.of("Firmware bijwerken", "PoE-verbruik op de switch controleren", "Bereik meten in de klassen"));
        plan(board, at, "Projectoren reinigen", "Filters en lens van de projectoren.", TargetType.KIND, AssetKind.PROJECTOR,
                null, Recurrence.MONTHS, 3, null, null, today.plusDays(5), technician, null, 20,
                List.of("Luchtfilter reinigen", "Lens stofvrij maken"));

        // ad-hoc (corrective) work
        adHoc(rb, "RB-000007", today.minusDays(12), "Scherm gebarsten: opgestuurd naar Signpost voor vervanging.",
                "Theo Technicus", "Signpost", new BigDecimal("89.00"), true);
        adHoc(rb, "RB-000028", today.minusMonths(20), "Lamp vervangen (ELPLP96).", "Theo Technicus", "Vanas",
                new BigDecimal("129.00"), false);
        adHoc(at, "AT-000021", today.minusDays(40), "Firmware handmatig bijgewerkt na beveiligingsadvies.",
                "Theo Vanneste (ICT-dienst)", null, null, false);

        network(board, rb, "RB", "10.10", ict, "Regenboog");
        network(board, at, "AT", "10.20", null, "Atheneum");
    }

    private long plan(DemoBoard board, long school, String name, String description, TargetType type, AssetKind kind,
            Long assetId, Recurrence recurrence, Integer every, Integer month, Integer day, LocalDate start, Long user,
            Long org, Integer minutes, List<String> checklist) {
        PlanForm form = new PlanForm(school, name, description, type, kind, null, null, assetId, recurrence, every, month,
                day, start, user, org, minutes, checklist, true, null);
        return plans.insert(school, form, plans.check(form, school, board.boardId()));
    }

    private Long asset(long school, String tag) {
        return jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND tag = ?").params(school, tag).query(Long.class)
                .optional().orElse(null);
    }

    /** A completed occurrence of a plan due on {@code due}, with the same results for each target, and the plan moved on. */
    private void history(long planId, LocalDate due, LocalDate doneOn, String by, String[][] results) {
        var plan = jdbc.sql("SELECT school_id, name, checklist, target_type, target_kind, target_asset_id FROM maintenance_plan WHERE id = ?")
                .param(planId).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getArray(3).getArray(),
                        rs.getString(4), rs.getString(5), rs.getObject(6)}).single();
        long school = (long) plan[0];
        String[] checklist = (String[]) plan[2];
        long occurrence = jdbc.sql("""
                INSERT INTO maintenance_occurrence (school_id, plan_id, due_date, status, checklist, opened_at, opened_by_name,
                    completed_at, completed_on, completed_by_name)
                VALUES (?, ?, ?, 'COMPLETED', ?, CAST(? AS date), ?, CAST(? AS date), ?, ?) RETURNING id""")
                .params(school, planId, due, checklist, doneOn, by, doneOn, doneOn, by).query(Long.class).single();
        String condition = "KIND".equals(plan[3]) ? "a.kind = '" + AssetKind.valueOf((String) plan[4]).name() + "'"
                : "a.id = " + ((Number) plan[5]).longValue();
        List<long[]> assets = jdbc.sql("SELECT a.id, coalesce(a.room_id, 0) FROM asset a WHERE a.school_id = ? AND " + condition
                        + " AND a.status NOT IN ('ORDERED', 'RETIRED', 'DISPOSED') ORDER BY a.tag")
                .param(school).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        boolean failed = false;
        StringBuilder summary = new StringBuilder(plan[1] + ":");
        for (int i = 0; i < checklist.length; i++) {
            failed |= "FAILED".equals(results[i][0]);
            summary.append(i == 0 ? " " : "; ").append(switch (results[i][0]) {
                case "DONE" -> "✔ ";
                case "FAILED" -> "✘ ";
                default -> "– ";
            }).append(checklist[i]).append(results[i][1] == null ? "" : " (" + results[i][1] + ")");
        }
        int position = 0;
        for (long[] a : assets) {
            // the failure is on the first target only; the others were fine
            boolean first = position == 0;
            long target = jdbc.sql("""
                    INSERT INTO maintenance_target (occurrence_id, asset_id, room_id, label, position)
                    SELECT ?, a.id, a.room_id, a.tag || coalesce(' ' || a.name, ''), ? FROM asset a WHERE a.id = ? RETURNING id""")
                    .params(occurrence, position++, a[0]).query(Long.class).single();
            for (int i = 0; i < checklist.length; i++) {
                String outcome = !first && "FAILED".equals(results[i][0]) ? "DONE" : results[i][0];
                jdbc.sql("INSERT INTO maintenance_check (target_id, item_index, outcome, note) VALUES (?, ?, ?, ?)")
                        .params(target, i, outcome, "DONE".equals(outcome) ? null : results[i][1]).update();
            }
            String text = first ? summary.toString() : summary.toString().replace("✘ ", "✔ ");
            jdbc.sql("""
                    INSERT INTO maintenance_log (school_id, asset_id, performed_on, kind, outcome, plan_id, occurrence_id,
                        summary, performed_by, created_by_name)
                    VALUES (?, ?, ?, 'PREVENTIVE', ?, ?, ?, ?, ?, ?)""")
                    .params(school, a[0], doneOn, first && failed ? "FAILED" : "OK", planId, occurrence, text, by, by).update();
        }
        var schedule = jdbc.sql("SELECT recurrence, interval_count, yearly_month, yearly_day, start_date FROM maintenance_plan WHERE id = ?")
                .param(planId).query((rs, n) -> new Schedule(Recurrence.valueOf(rs.getString(1)), (Integer) rs.getObject(2),
                        (Integer) rs.getObject(3), (Integer) rs.getObject(4), rs.getObject(5, LocalDate.class))).single();
        jdbc.sql("UPDATE maintenance_plan SET last_due = ?, last_done_on = ?, next_due = ? WHERE id = ?")
                .params(due, doneOn, schedule.nextAfterCompletion(due, doneOn), planId).update();
    }

    private void adHoc(long school, String tag, LocalDate on, String summary, String by, String supplier, BigDecimal cost,
            boolean failed) {
        Long asset = asset(school, tag);
        if (asset == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO maintenance_log (school_id, asset_id, performed_on, kind, outcome, summary, performed_by, supplier,
                    cost, created_by_name)
                VALUES (?, ?, ?, 'CORRECTIVE', ?, ?, ?, ?, ?, ?)""")
                .params(school, asset, on, failed ? "FAILED" : "OK", summary, by, supplier, cost, by).update();
    }

    private void network(DemoBoard board, long school, String prefix, String net, Long ict, String name) {
        Long building = jdbc.sql("SELECT min(id) FROM building WHERE school_id = ?").param(school).query(Long.class).single();
        long mgmt = vlan(school, 1, "Beheer", "Switches, access points, NAS en firewall", net + ".0.0/23");
        long staff = vlan(school, 10, "Personeel", "Laptops van leerkrachten en secretariaat", net + ".10.0/24");
        long pupils = vlan(school, 20, "Leerlingen", "Chromebooks, iPads en pc's van de leerlingen", net + ".20.0/23");
        long guests = vlan(school, 30, "Gasten", "Bezoekers en ouders; alleen internet, geïsoleerd", net + ".30.0/24");
        long printers = vlan(school, 40, "Printers", "Printers en multifunctionals", net + ".40.0/24");
        subnet(school, building, mgmt, "Beheer", net + ".0.0/23", net + ".0.1", null, null, net + ".0.1");
        subnet(school, building, staff, "Personeel", net + ".10.0/24", net + ".10.1", net + ".10.100", net + ".10.250",
                net + ".0.1, 1.1.1.1");
        subnet(school, building, pupils, "Leerlingen", net + ".20.0/23", net + ".20.1", net + ".20.50", net + ".21.250",
                net + ".0.1");
        subnet(school, building, guests, "Gasten", net + ".30.0/24", net + ".30.1", net + ".30.20", net + ".30.250",
                "9.9.9.9, 2620:fe::fe");
        subnet(school, building, printers, "Printers", net + ".40.0/24", net + ".40.1", null, null, net + ".0.1");
        wifi(school, staff, name + "-Personeel", "WPA2_ENTERPRISE", "DUAL", false, "Personeel (aanmelden met het Microsoft 365-account)", null);
        wifi(school, pupils, name + "-Leerlingen", "WPA2_PSK", "DUAL", true, "Toestellen van de school (Chromebooks, iPads)",
                prefix.equals("RB") ? "Zon-Maan-Sterren-2025" : "Atheneum!Leren#2025");
        wifi(school, guests, name + "-Gast", "WPA2_PSK", "GHZ_2_4", false, "Bezoekers, ouders op oudercontact, externe sprekers",
                prefix.equals("RB") ? "Welkom@Regenboog" : "WelkomAtheneum25");
        jdbc.sql("""
                INSERT INTO network_device (school_id, asset_id, management_ip, port_count, uplink, location, notes)
                SELECT a.school_id, a.id, :ip, :ports, :uplink, r.name, NULL FROM asset a LEFT JOIN room r ON r.id = a.room_id
                WHERE a.school_id = :school AND a.kind = :kind AND a.status = 'IN_USE'
                  AND NOT EXISTS (SELECT 1 FROM network_device d WHERE d.asset_id = a.id)""")
                .param("ip", net + ".1.2").param("ports", 24).param("uplink", "Poort 24 → glasvezel (internetlijn)")
                .param("school", school).param("kind", "NETWORK_SWITCH").update();
        List<Long> aps = jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND kind = 'ACCESS_POINT' AND status = 'IN_USE' ORDER BY tag")
                .param(school).query(Long.class).list();
        int n = 21;
        for (long ap : aps) {
            jdbc.sql("""
                    INSERT INTO network_device (school_id, asset_id, management_ip, port_count, uplink, location)
                    SELECT a.school_id, a.id, ?, 1, ?, r.name FROM asset a LEFT JOIN room r ON r.id = a.room_id WHERE a.id = ?""")
                    .params(net + ".1." + n, "Kernswitch poort " + (n - 18) + " (PoE+)", ap).update();
            n++;
        }
        if (ict != null) {
            jdbc.sql("""
                    INSERT INTO network_line (school_id, building_id, provider_organisation_id, line_type, download_mbps,
                        upload_mbps, contract_number, support_phone, fixed_ips, notes)
                    VALUES (?, ?, ?, 'FIBER', 1000, 1000, 'GEM-GLV-2021-07', '051 00 00 40', '193.191.12.32/30, 2001:db8:2a10::/48',
                        'Glasvezelnetwerk van de gemeente; storingen altijd eerst melden bij de ICT-dienst.')""")
                    .params(school, building, ict).update();
        } else {
            jdbc.sql("""
                    INSERT INTO network_line (school_id, building_id, provider_name, line_type, download_mbps, upload_mbps,
                        contract_number, customer_number, support_phone, fixed_ips, notes)
                    VALUES (?, ?, 'Proximus', 'FIBER', 500, 100, 'BIF-2023-44817', '7788 1234 56', '0800 33 700', '81.82.83.84',
                        'Proximus Business Internet Fiber; de modem staat in het serverlokaal.')""")
                    .params(school, building).update();
        }
    }

    private long vlan(long school, int number, String name, String purpose, String subnet) {
        return jdbc.sql("INSERT INTO network_vlan (school_id, vlan_number, name, purpose, subnet) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(school, number, name, purpose, subnet).query(Long.class).single();
    }

    private void subnet(long school, Long building, long vlan, String name, String cidr, String gateway, String dhcpStart,
            String dhcpEnd, String dns) {
        jdbc.sql("""
                INSERT INTO network_subnet (school_id, building_id, vlan_id, name, cidr, gateway, dhcp_start, dhcp_end, dns_servers)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(school, building, vlan, name, cidr, gateway, dhcpStart, dhcpEnd, dns)
                .update();
    }

    private void wifi(long school, long vlan, String ssid, String security, String band, boolean hidden, String audience,
            String psk) {
        jdbc.sql("""
                INSERT INTO network_wifi (school_id, vlan_id, ssid, security, band, hidden, audience, psk_encrypted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(school, vlan, ssid, security, band, hidden, audience, psk == null ? null : secrets.seal(psk)).update();
    }
}
