package be.coordinaat.inventory;

import be.coordinaat.shared.DemoContributor;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.web.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo inventory: about sixty assets of real models over both demo schools — Chromebooks in charging carts
 * in the computer rooms, teacher laptops, interactive displays and projectors in the classrooms, access points,
 * a switch, a NAS and a firewall in the server rooms, printers, iPads on order — with custom fields and some
 * warranties ending soon. Dates are relative to today so the "ending soon" lists are never empty.
 */
@Component
@Order(40)
class InventoryDemoData implements DemoContributor {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    InventoryDemoData(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** One demo asset. */
    private record Item(String tag, long model, String status, String room, String serial, LocalDate purchased,
            String price, String supplier, String order, LocalDate warrantyEnd, String extra, String notes, Long person) {}

    @Override
    public void contribute(DemoBoard board) {
        LocalDate today = LocalDate.now(Formats.ZONE);
        long b = board.boardId();
        long acer = manufacturer(b, "Acer", "https://www.acer.com/be-nl", "+32 2 620 00 00");
        long hp = manufacturer(b, "HP", "https://www.hp.com/be-nl", null);
        long lenovo = manufacturer(b, "Lenovo", "https://www.lenovo.com/be/nl", null);
        long apple = manufacturer(b, "Apple", "https://www.apple.com/befr/education", null);
        long dell = manufacturer(b, "Dell", "https://www.dell.com/nl-be", null);
        long epson = manufacturer(b, "Epson", "https://www.epson.be", null);
        long promethean = manufacturer(b, "Promethean", "https://www.prometheanworld.com/nl", null);
        long ipevo = manufacturer(b, "IPEVO", "https://www.ipevo.com", null);
        long ubiquiti = manufacturer(b, "Ubiquiti", "https://www.ui.com", null);
        long synology = manufacturer(b, "Synology", "https://www.synology.com/nl-nl", null);
        long brother = manufacturer(b, "Brother", "https://www.brother.be", null);
        long lnc = manufacturer(b, "LocknCharge", "https://www.lockncharge.com", null);

        long cb311 = model(b, acer, "Chromebook 311", "CHROMEBOOK", "CB311-11H", 60);
        long cb300e = model(b, lenovo, "300e Chromebook Gen 3", "CHROMEBOOK", "82J9", 60);
        long probook = model(b, hp, "ProBook 450 G9", "LAPTOP", "6F1E6EA", 60);
        long thinkpad = model(b, lenovo, "ThinkPad E14 Gen 5", "LAPTOP", "21JK0083MB", 60);
        long ipad = model(b, apple, "iPad (10e generatie) Wi-Fi 64 GB", "TABLET", "MPQ03NF/A", 60);
        long optiplex = model(b, dell, "OptiPlex 3050", "DESKTOP", "D10U", 72);
        long ebW49 = model(b, epson, "EB-W49", "PROJECTOR", "V11H983040", 84);
        long eb725 = model(b, epson, "EB-725Wi", "PROJECTOR", "V11H999040", 84);
        long activPanel = model(b, promethean, "ActivPanel 9 65\"", "INTERACTIVE_DISPLAY", "AP9-B65-EU-1", 96);
        long v4k = model(b, ipevo, "V4K", "DOCUMENT_CAMERA", "5-903-4-01-00", 72);
        long u6lite = model(b, ubiquiti, "U6 Lite", "ACCESS_POINT", "U6-Lite", 72);
        long u6pro = model(b, ubiquiti, "U6 Pro", "ACCESS_POINT", "U6-Pro", 72);
        long usw = model(b, ubiquiti, "USW-Pro-24-PoE", "NETWORK_SWITCH", "USW-Pro-24-PoE", 96);
        long udm = model(b, ubiquiti, "Dream Machine Pro", "ROUTER_FIREWALL", "UDM-Pro", 84);
        long ds220 = model(b, synology, "DS220+", "SERVER_NAS", "DS220+", 72);
        long mfc = model(b, brother, "MFC-L8900CDW", "PRINTER", "MFCL8900CDWRF1", 72);
        long laserjet = model(b, hp, "LaserJet Pro M404dn", "PRINTER", "W1A53A", 72);
        long carrier = model(b, lnc, "Carrier 30", "CHARGING_CART", "LNC10156", 120);

        field(b, "CHROMEBOOK", "aue_date", "Einde automatische updates (AUE)", "DATE", new String[0], false, 1);
        field(b, "LAPTOP", "ram_gb", "Werkgeheugen (GB)", "NUMBER", new String[0], false, 1);
        field(b, "LAPTOP", "os", "Besturingssysteem", "CHOICE", new String[] {"Windows 11", "Windows 10", "Ubuntu"}, true, 2);
        field(b, "ACCESS_POINT", "mac", "MAC-adres", "TEXT", new String[0], false, 1);
        field(b, "ACCESS_POINT", "ip", "IP-adres", "TEXT", new String[0], false, 2);
        field(b, "SERVER_NAS", "ip", "IP-adres", "TEXT", new String[0], false, 1);

        long rb = board.schools().get("regenboog");
        long at = board.schools().get("atheneum");
        List<Long> rbStaff = staff(rb);
        List<Long> atStaff = staff(at);

        List<Item> r = new ArrayList<>();
        // 12 Acer Chromebooks in the cart of the computer room of Blok A; the 3-year warranty ends in 45 days
        LocalDate cbBought = today.minusYears(3).plusDays(45);
        for (int i = 1; i <= 12; i++) {
            r.add(new Item(tag("RB", i), cb311, i == 7 ? "IN_REPAIR" : "IN_USE", "RB-104", "NXKCGEH00" + (31720 + i * 7),
                    cbBought, "329.00", "Signpost", "SP-2022-0815", cbBought.plusYears(3),
                    "{\"aue_date\": \"2031-06-01\"}", i == 7 ? "Scherm gebarsten; bij Signpost voor herstelling." : null, null));
        }
        r.add(new Item(tag("RB", 13), carrier, "IN_USE", "RB-104", "LNC30-2208-0142", cbBought, "1450.00", "Signpost",
                "SP-2022-0815", cbBought.plusYears(5), null, "Laadkar voor de Chromebooks van Blok A.", null));
        // 6 older Lenovo Chromebooks in Blok B: warranty ended, end of life within the year
        LocalDate oldBought = today.minusYears(4).minusMonths(3);
        for (int i = 14; i <= 19; i++) {
            r.add(new Item(tag("RB", i), cb300e, i == 19 ? "IN_STOCK" : "IN_USE", i == 19 ? null : "RB-108",
                    "PF3" + (Integer.toString(40_000 + i * 13, 36).toUpperCase()), oldBought, "289.00", "Signpost",
                    "SP-2021-0412", oldBought.plusYears(3), "{\"aue_date\": \"2029-06-01\"}", null, null));
        }
        r.add(new Item(tag("RB", 20), carrier, "IN_USE", "RB-108", "LNC30-2107-0077", oldBought, "1390.00", "Signpost",
                "SP-2021-0412", oldBought.plusYears(5), null, null, null));
        // teacher laptops
        LocalDate laptopsBought = today.minusYears(2).minusMonths(1);
        for (int i = 21; i <= 24; i++) {
            int n = i - 21;
            Long person = n < rbStaff.size() && i < 24 ? rbStaff.get(n) : null;
            r.add(new Item(tag("RB", i), probook, i == 24 ? "IN_STOCK" : "IN_USE", i == 24 ? null : "RB-10" + (n + 1),
                    "5CD3" + (281_400 + i * 17), laptopsBought, "849.00", "Bechtle", "BE-2023-1187",
                    laptopsBought.plusYears(3), "{\"ram_gb\": 16, \"os\": \"Windows 11\"}",
                    i == 24 ? "Reservetoestel voor invallers." : null, person));
        }
        LocalDate panelsBought = today.minusYears(1).minusMonths(2);
        for (int i = 25; i <= 27; i++) {
            r.add(new Item(tag("RB", i), activPanel, "IN_USE", "RB-10" + (i - 24), "AP9B65" + (88_120 + i), panelsBought,
                    "3890.00", "Vanas", "VA-2024-033", panelsBought.plusYears(5), null, null, null));
        }
        LocalDate projectorBought = today.minusYears(5).plusDays(20);
        r.add(new Item(tag("RB", 28), ebW49, "IN_USE", "RB-105", "X8JK0" + 31_245, projectorBought, "579.00", "Vanas",
                "VA-2020-101", projectorBought.plusYears(5), null, "Lamp vervangen in 2023.", null));
        r.add(new Item(tag("RB", 29), ebW49, "IN_USE", "RB-106", "X8JK0" + 31_246, projectorBought, "579.00", "Vanas",
                "VA-2020-101", projectorBought.plusYears(5), null, null, null));
        r.add(new Item(tag("RB", 30), v4k, "IN_USE", "RB-107", "V4K22" + 10_487, panelsBought, "109.00", "Vanas",
                "VA-2024-033", panelsBought.plusYears(2), null, null, null));
        LocalDate networkBought = today.minusYears(2).minusMonths(6);
        r.add(new Item(tag("RB", 31), u6lite, "IN_USE", "RB-101", "E063DA1F0A11", networkBought, "99.00", "Bechtle",
                "BE-2022-0731", networkBought.plusYears(2), "{\"mac\": \"e0:63:da:1f:0a:11\", \"ip\": \"10.10.1.21\"}", "Blok A", null));
        r.add(new Item(tag("RB", 32), u6lite, "IN_USE", "RB-105", "E063DA1F0B42", networkBought, "99.00", "Bechtle",
                "BE-2022-0731", networkBought.plusYears(2), "{\"mac\": \"e0:63:da:1f:0b:42\", \"ip\": \"10.10.1.22\"}", "Blok B", null));
        r.add(new Item(tag("RB", 33), usw, "IN_USE", "RB-SRV", "F4E2C6A1B3C0", networkBought, "599.00", "Bechtle",
                "BE-2022-0731", networkBought.plusYears(2), null, "Kernswitch; poort 24 = uplink naar de glasvezel van de gemeente.", null));
        r.add(new Item(tag("RB", 34), ds220, "IN_USE", "RB-SRV", "2290PCN" + 614_221, networkBought, "389.00", "Bechtle",
                "BE-2022-0731", networkBought.plusYears(2), "{\"ip\": \"10.10.0.10\"}",
                "Back-up van het secretariaat (Hyper Backup naar C2).", null));
        r.add(new Item(tag("RB", 35), mfc, "IN_USE", "RB-105", "E78153K1N" + 402_118, laptopsBought, "629.00", "Bechtle",
                "BE-2023-1187", laptopsBought.plusYears(3).plusDays(0), null, "Printer van de leraarskamer.", null));
        r.add(new Item(tag("RB", 36), optiplex, "RETIRED", null, "7Q2KLM2", today.minusYears(7), "649.00", "Dell",
                "DE-2018-2211", today.minusYears(4), null, "Vervangen door de Chromebooks van Blok A.", null));

        List<Item> a = new ArrayList<>();
        LocalDate labBought = today.minusYears(1).minusMonths(1);
        for (int i = 1; i <= 10; i++) {
            a.add(new Item(tag("AT", i), thinkpad, "IN_USE", "AT-104", "PF4" + Integer.toString(61_000 + i * 29, 36).toUpperCase(),
                    labBought, "729.00", "Bechtle", "BE-2024-0304", labBought.plusYears(3),
                    "{\"ram_gb\": 16, \"os\": \"Windows 11\"}", null, null));
        }
        a.add(new Item(tag("AT", 11), carrier, "IN_USE", "AT-104", "LNC30-2403-0311", labBought, "1520.00", "Bechtle",
                "BE-2024-0304", labBought.plusYears(5), null, null, null));
        LocalDate atLaptops = today.minusYears(3).plusDays(60);
        for (int i = 12; i <= 13; i++) {
            Long person = i - 12 < atStaff.size() ? atStaff.get(i - 12) : null;
            a.add(new Item(tag("AT", i), probook, "IN_USE", person == null ? "AT-10" + (i - 11) : null, "5CD2" + (190_300 + i * 11),
                    atLaptops, "899.00", "Bechtle", "BE-2022-0918", atLaptops.plusYears(3),
                    "{\"ram_gb\": 8, \"os\": \"Windows 10\"}", i == 12 ? "Upgrade naar Windows 11 gepland." : null, person));
        }
        for (int i = 14; i <= 15; i++) {
            a.add(new Item(tag("AT", i), eb725, "IN_USE", "AT-10" + (i - 13), "X9FK0" + (55_100 + i), labBought, "1349.00",
                    "Vanas", "VA-2024-071", labBought.plusYears(5), null, null, null));
        }
        a.add(new Item(tag("AT", 16), activPanel, "IN_USE", "AT-103", "AP9B65" + 91_007, labBought, "3890.00", "Vanas",
                "VA-2024-071", labBought.plusYears(5), null, null, null));
        for (int i = 17; i <= 19; i++) {
            String room = i == 17 ? "AT-101" : i == 18 ? "AT-103" : "AT-104";
            a.add(new Item(tag("AT", i), u6pro, "IN_USE", room, "9C05D6A2C" + (i * 3), labBought, "169.00", "Bechtle",
                    "BE-2024-0304", labBought.plusYears(2),
                    "{\"mac\": \"9c:05:d6:a2:c0:" + (10 + i) + "\", \"ip\": \"10.20.1." + (10 + i) + "\"}", null, null));
        }
        a.add(new Item(tag("AT", 20), usw, "IN_USE", "AT-SRV", "F4E2C6B2D4E1", labBought, "599.00", "Bechtle",
                "BE-2024-0304", labBought.plusYears(2), null, null, null));
        a.add(new Item(tag("AT", 21), udm, "IN_USE", "AT-SRV", "D021F9C3E5A7", labBought, "379.00", "Bechtle",
                "BE-2024-0304", labBought.plusYears(2), null, "Firewall en DHCP voor de leerlingen- en personeels-VLAN.", null));
        a.add(new Item(tag("AT", 22), ds220, "IN_USE", "AT-SRV", "2290PCN" + 702_554, labBought, "389.00", "Bechtle",
                "BE-2024-0304", today.plusDays(30), "{\"ip\": \"10.20.0.10\"}", null, null));
        a.add(new Item(tag("AT", 23), laserjet, "IN_USE", "AT-102", "PHBLR" + 48_213, atLaptops, "319.00", "Bechtle",
                "BE-2022-0918", atLaptops.plusYears(3), null, null, null));
        for (int i = 24; i <= 26; i++) {
            a.add(new Item(tag("AT", i), ipad, "ORDERED", null, null, null, "379.00", "Switch", "SW-2025-014", null, null,
                    "Voor de zorgklas; levering verwacht na de herfstvakantie.", null));
        }

        store(b, rb, r, board.rooms(), 37, "RB");
        store(b, at, a, board.rooms(), 27, "AT");
        // the Chromebooks stand in their charging carts
        inCart(rb, tag("RB", 13), 1, 12);
        inCart(rb, tag("RB", 20), 14, 19);
        inCart(at, tag("AT", 11), 1, 10);
    }

    private void inCart(long school, String cartTag, int from, int to) {
        String prefix = cartTag.substring(0, 2);
        jdbc.sql("""
                UPDATE asset SET cart_id = (SELECT id FROM asset WHERE school_id = :school AND tag = :cart)
                WHERE school_id = :school AND kind IN ('CHROMEBOOK', 'LAPTOP', 'TABLET')
                  AND tag = ANY(CAST(:tags AS text[]))""")
                .param("school", school).param("cart", cartTag)
                .param("tags", java.util.stream.IntStream.rangeClosed(from, to).mapToObj(i -> tag(prefix, i))
                        .toArray(String[]::new))
                .update();
    }

    private static String tag(String prefix, int n) {
        return String.format("%s-%06d", prefix, n);
    }

    private List<Long> staff(long school) {
        // people's demo data comes first (its contributor has a lower order) when the people module is present
        return jdbc.sql("""
                SELECT p.id FROM person p JOIN person_school ps ON ps.person_id = p.id
                WHERE ps.school_id = ? AND p.kind = 'STAFF' ORDER BY p.id LIMIT 4""").param(school).query(Long.class).list();
    }

    private void store(long board, long school, List<Item> items, Map<String, Long> rooms, long next, String prefix) {
        jdbc.sql("INSERT INTO asset_tag_counter (school_id, prefix, next_value) VALUES (?, ?, ?)")
                .params(school, prefix, next).update();
        for (Item i : items) {
            long id = jdbc.sql("""
                    INSERT INTO asset (school_id, tag, serial, model_id, kind, status, room_id, assigned_person_id,
                                       purchase_date, price, supplier, order_reference, warranty_end, end_of_life, notes, extra)
                    SELECT :school, :tag, :serial, m.id, m.kind, :status, :room, :person, :purchased, :price, :supplier,
                           :order, :warranty, CAST(:purchased AS date) + make_interval(months => m.end_of_life_months),
                           :notes, CAST(:extra AS jsonb)
                    FROM asset_model m WHERE m.id = :model RETURNING id""")
                    .param("school", school).param("tag", i.tag()).param("serial", i.serial()).param("status", i.status())
                    .param("room", i.room() == null ? null : rooms.get(i.room())).param("person", i.person())
                    .param("purchased", i.purchased()).param("price", new BigDecimal(i.price()))
                    .param("supplier", i.supplier()).param("order", i.order()).param("warranty", i.warrantyEnd())
                    .param("notes", i.notes()).param("extra", i.extra() == null ? "{}" : i.extra()).param("model", i.model())
                    .query(Long.class).single();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("tag", i.tag());
            after.put("status", i.status());
            after.put("room", i.room());
            events.publishEvent(new RecordChanged("asset", id, board, school, RecordChanged.CREATED, i.tag(),
                    RecordChanged.diff(Map.of(), after)));
        }
    }

    private long manufacturer(long board, String name, String website, String phone) {
        return jdbc.sql("INSERT INTO manufacturer (board_id, name, website, support_phone) VALUES (?, ?, ?, ?) RETURNING id")
                .params(board, name, website, phone).query(Long.class).single();
    }

    private long model(long board, long manufacturer, String name, String kind, String number, int endOfLifeMonths) {
        return jdbc.sql("""
                INSERT INTO asset_model (board_id, manufacturer_id, name, kind, model_number, end_of_life_months)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""").params(board, manufacturer, name, kind, number, endOfLifeMonths)
                .query(Long.class).single();
    }

    private void field(long board, String kind, String key, String label, String type, String[] choices, boolean required,
            int position) {
        jdbc.sql("INSERT INTO asset_field (board_id, kind, key, label, type, choices, required, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(board, kind, key, label, type, choices, required, position).update();
    }
}
