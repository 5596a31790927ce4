package be.coordinaat.licences;

import be.coordinaat.licences.Forms.LicenceForm;
import be.coordinaat.licences.Forms.SoftwareForm;
import be.coordinaat.shared.DemoContributor;
import be.coordinaat.shared.web.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo software and licences of a Flemish municipal board: Smartschool, Informat and Wisa, Microsoft 365 A1 for
 * the whole board, Google Workspace for Education, Bingel, Diddit, Kurzweil 3000 (over-used in De Regenboog), Sprint,
 * Windows 11 Pro on the demo laptops, Adobe Express and an expired ESET licence still in use. Dates are relative to
 * today, so renewals are always due within the next 60 days. Runs after the people and inventory demo data.
 */
@Component
@Order(50)
class LicencesDemoData implements DemoContributor {

    private final SoftwareCatalogue catalogue;
    private final Licences licences;
    private final JdbcClient jdbc;

    LicencesDemoData(SoftwareCatalogue catalogue, Licences licences, JdbcClient jdbc) {
        this.catalogue = catalogue;
        this.licences = licences;
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(DemoBoard board) {
        long b = board.boardId();
        long rb = board.schools().get("regenboog");
        long at = board.schools().get("atheneum");
        Long coordinator = board.users().get("coordinator");
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM school WHERE board_id = ?").param(b)
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2))).list();
        LocalDate today = LocalDate.now(Formats.ZONE);
        LocalDate yearStart = LocalDate.of(today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1, 9, 1);
        LocalDate yearEnd = yearStart.plusYears(1).minusDays(1);

        long smartschool = software(b, names, "Smartschool", SoftwareCategory.LEARNING_PLATFORM, "Smartschool (Smartbit bv)",
                null, coordinator, null, "https://www.smartschool.be", "SMSC-2021-0417",
                "Elektronische leeromgeving, berichten, skore-agenda en het digitale rapport van beide scholen.", rb, at);
        long informat = software(b, names, "Informat", SoftwareCategory.ADMINISTRATION, "Informat (Cipal Schaubroeck)", null,
                null, "Secretariaat De Regenboog", "https://www.informat.be", "INF-BAO-2209",
                "Leerlingenadministratie, inschrijvingen en attesten van het basisonderwijs.", rb);
        long wisa = software(b, names, "Wisa", SoftwareCategory.ADMINISTRATION, "Wisa", null, null,
                "Secretariaat atheneum", "https://www.wisa.be", "WISA-SO-1877",
                "Leerlingen- en personeelsadministratie, lessenrooster en afwezigheden van het secundair.", at);
        long m365 = software(b, names, "Microsoft 365 A1", SoftwareCategory.OFFICE, "Microsoft", null, null,
                "ICT-dienst Gemeente Zonnebeke-Demo", "https://www.microsoft.com/nl-be/education/products/office",
                "EES-ZONNEBEKE-2024", "Webversies van Office, Teams en OneDrive voor alle personeelsleden en leerlingen.", rb, at);
        long google = software(b, names, "Google Workspace for Education Fundamentals", SoftwareCategory.OFFICE, "Google",
                null, null, "ICT-coördinator atheneum", "https://edu.google.com/workspace-for-education/editions/education-fundamentals/",
                null, "Chromebooks van het atheneum en Google Classroom in de eerste graad.", at);
        long bingel = software(b, names, "Bingel", SoftwareCategory.EDUCATIONAL_APP, "Van In", null, coordinator, null,
                "https://www.bingel.be", "VI-BINGEL-6B", "Oefenplatform bij de methodes wiskunde en taal.", rb);
        long diddit = software(b, names, "Diddit", SoftwareCategory.EDUCATIONAL_APP, "die Keure", null, coordinator, null,
                "https://www.diddit.be", null, "Digitaal lesmateriaal bij de methodes van die Keure.", rb);
        long kurzweil = software(b, names, "Kurzweil 3000", SoftwareCategory.EDUCATIONAL_APP, "Sensotec", null, null,
                "Zorgcoördinator", "https://www.sensotec.be/kurzweil-3000", "SENS-K3000-EDU",
                "Voorleessoftware voor leerlingen met dyslexie; een licentie per leerling met een attest.", rb, at);
        long sprint = software(b, names, "Sprint", SoftwareCategory.EDUCATIONAL_APP, "Jabbla", null, null,
                "Leerlingenbegeleiding atheneum", "https://www.jabbla.com/nl/software/sprint/", null,
                "Voorlees- en schrijfhulp; alternatief voor Kurzweil in het secundair.", at);
        long windows = software(b, names, "Windows 11 Pro", SoftwareCategory.OPERATING_SYSTEM, "Microsoft", null, null,
                "ICT-dienst Gemeente Zonnebeke-Demo", "https://www.microsoft.com/nl-be/windows", null,
                "OEM-licenties op de laptops van leerkrachten en het computerlokaal.", rb, at);
        long adobe = software(b, names, "Adobe Express", SoftwareCategory.EDUCATIONAL_APP, "Adobe", null, null, null,
                "https://www.adobe.com/be_nl/express/education", null, "Gratis voor scholen; affiches en korte video's in STEM.", at);
        Long edunet = jdbc.sql("SELECT id FROM organisation WHERE board_id = ? AND name = 'EduNet Vlaanderen nv'").param(b)
                .query(Long.class).optional().orElse(null);
        long eset = software(b, names, "ESET PROTECT Entry", SoftwareCategory.SECURITY, edunet == null ? "ESET" : null, edunet,
                null, "ICT-dienst Gemeente Zonnebeke-Demo", "https://www.eset.com/be-nl/", "EDN-ESET-2023-12",
                "Antivirus en centraal beheer van de Windows-toestellen van het atheneum.", at);

        // Smartschool: a site licence per school, renewed every school year
        long l = licence(b, rb, smartschool, "Schooljaar " + yearStart.getYear() + "-" + yearEnd.getYear(), LicenceType.SITE,
                null, "2450.00", yearStart, today.plusDays(45), true, "Smartschool (Smartbit bv)", "SMSC-F-" + yearStart.getYear() + "-118");
        assignSchool(l, rb, coordinator);
        l = licence(b, at, smartschool, "Schooljaar " + yearStart.getYear() + "-" + yearEnd.getYear(), LicenceType.SITE, null,
                "4980.00", yearStart, yearEnd, true, "Smartschool (Smartbit bv)", "SMSC-F-" + yearStart.getYear() + "-119");
        assignSchool(l, at, coordinator);
        l = licence(b, rb, informat, "Onderhoudscontract", LicenceType.SITE, null, "1180.00", today.minusYears(2).minusDays(20),
                today.plusDays(20), true, "Cipal Schaubroeck", "CS-2023-5512");
        assignSchool(l, rb, coordinator);
        l = licence(b, at, wisa, "Onderhoudscontract", LicenceType.SITE, null, "2100.00", yearStart, today.plusDays(120), true,
                "Wisa", "WISA-" + yearStart.getYear() + "-77");
        assignSchool(l, at, coordinator);
        // Microsoft 365 A1 is free for education: one board-wide licence for every school
        l = licence(b, null, m365, "A1 voor onderwijs", LicenceType.FREE_OPEN, null, "0.00", today.minusYears(3),
                today.plusDays(290), true, "Microsoft (via het schoolbestuur)", "EES-ZONNEBEKE-2024");
        assignSchool(l, rb, coordinator);
        assignSchool(l, at, coordinator);
        l = licence(b, at, google, "Education Fundamentals", LicenceType.FREE_OPEN, null, null, today.minusYears(4), null, false,
                "Google", null);
        assignSchool(l, at, coordinator);
        // Bingel and Diddit: yearly subscriptions per pupil
        l = licence(b, rb, bingel, "5de en 6de leerjaar", LicenceType.SUBSCRIPTION, 60, "540.00", yearStart, today.plusDays(35),
                false, "Van In", "VI-" + yearStart.getYear() + "-20931");
        assignPeople(l, people(rb, "PUPIL", 20), coordinator);
        l = licence(b, rb, diddit, "6de leerjaar", LicenceType.PER_USER, 40, "380.00", yearStart, yearEnd, false, "die Keure",
                "DK-" + yearStart.getYear() + "-4410");
        assignPeople(l, pupilsOf(rb, "6B"), coordinator);
        // Kurzweil 3000: three licences for four pupils with dyslexia in De Regenboog (over-use to resolve)
        l = licence(b, rb, kurzweil, "Leerlingen met een attest", LicenceType.PER_USER, 3, "447.00", today.minusMonths(14),
                today.plusMonths(10), false, "Sensotec", "SENS-2024-0311");
        assignPeople(l, pupilsOf(rb, "5A").subList(0, 4), coordinator);
        l = licence(b, at, kurzweil, "Leerlingen met een attest", LicenceType.PER_USER, 5, "745.00", today.minusMonths(8),
                today.plusMonths(16), false, "Sensotec", "SENS-2025-0127");
        assignPeople(l, pupilsOf(at, "1A").subList(0, 2), coordinator);
        l = licence(b, at, sprint, "Leerlingenbegeleiding", LicenceType.PER_USER, 10, "890.00", today.minusYears(1).plusDays(50),
                today.plusDays(50), false, "Jabbla", "JAB-2024-889");
        assignPeople(l, pupilsOf(at, "3B").subList(0, 3), coordinator);
        // Windows 11 Pro: OEM licences on the laptops
        l = licence(b, rb, windows, "OEM op de leerkrachtenlaptops", LicenceType.PER_DEVICE, 4, null,
                today.minusYears(2).minusMonths(1), null, false, "Bechtle", "BE-2023-1187");
        assignAssets(l, rb, List.of("RB-000021", "RB-000022", "RB-000023", "RB-000024"), coordinator);
        l = licence(b, at, windows, "OEM computerlokaal", LicenceType.PER_DEVICE, 12, null, today.minusYears(1).minusMonths(1),
                null, false, "Bechtle", "BE-2024-0304");
        assignAssets(l, at, List.of("AT-000001", "AT-000002", "AT-000003", "AT-000004", "AT-000005", "AT-000006",
                "AT-000007", "AT-000008", "AT-000009", "AT-000010"), coordinator);
        l = licence(b, at, adobe, "Express voor onderwijs", LicenceType.FREE_OPEN, null, null, today.minusMonths(7), null, false,
                "Adobe", null);
        assignSchool(l, at, coordinator);
        // ESET: expired twelve days ago and still on five laptops
        l = licence(b, at, eset, "Volumelicentie 25 toestellen", LicenceType.VOLUME, 25, "612.50", today.minusYears(1).minusDays(12),
                today.minusDays(12), false, "EduNet Vlaanderen nv", "EDN-2024-3310");
        assignAssets(l, at, List.of("AT-000001", "AT-000002", "AT-000003", "AT-000004", "AT-000005"), coordinator);
    }

    private long software(long board, Map<Long, String> names, String name, SoftwareCategory category, String vendor,
            Long vendorOrganisation, Long administratorUser, String administrator, String website, String contract,
            String notes, Long... schools) {
        Map<Long, String> used = new LinkedHashMap<>();
        for (Long s : schools) {
            used.put(s, names.get(s));
        }
        return catalogue.insert(board, new SoftwareForm(name, category, vendor, vendorOrganisation, administratorUser,
                administrator, website, contract, notes, List.of(schools), null), used);
    }

    private long licence(long board, Long school, long software, String name, LicenceType type, Integer seats, String cost,
            LocalDate start, LocalDate end, boolean autoRenew, String supplier, String order) {
        String softwareName = jdbc.sql("SELECT name FROM software WHERE id = ?").param(software).query(String.class).single();
        return licences.insert(board, new LicenceForm(software, school, name, type, seats,
                cost == null ? null : new BigDecimal(cost), start, end, autoRenew, supplier, order, null, null), softwareName);
    }

    private List<Long> people(long school, String kind, int limit) {
        return jdbc.sql("""
                SELECT p.id FROM person p JOIN person_school ps ON ps.person_id = p.id
                WHERE ps.school_id = ? AND p.kind = ? ORDER BY p.id LIMIT ?""").params(school, kind, limit)
                .query(Long.class).list();
    }

    private List<Long> pupilsOf(long school, String className) {
        return jdbc.sql("""
                SELECT p.id FROM person p JOIN person_school ps ON ps.person_id = p.id
                WHERE ps.school_id = ? AND p.kind = 'PUPIL' AND p.class_name = ? ORDER BY p.id""").params(school, className)
                .query(Long.class).list();
    }

    private void assignPeople(long licence, List<Long> persons, Long by) {
        for (Long p : persons) {
            assign(licence, null, p, null, by);
        }
    }

    private void assignAssets(long licence, long school, List<String> tags, Long by) {
        for (String tag : tags) {
            jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND tag = ?").params(school, tag).query(Long.class).optional()
                    .ifPresent(asset -> assign(licence, asset, null, null, by));
        }
    }

    private void assignSchool(long licence, long school, Long by) {
        assign(licence, null, null, school, by);
    }

    private void assign(long licence, Long asset, Long person, Long school, Long by) {
        jdbc.sql("""
                INSERT INTO licence_assignment (licence_id, asset_id, person_id, school_id, assigned_by, assigned_by_name)
                VALUES (?, ?, ?, ?, ?, 'Koen Coördinator')""").params(licence, asset, person, school, by).update();
    }
}
