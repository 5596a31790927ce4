package be.coordinaat.budget;

import be.coordinaat.inventory.AssetKind;
import be.coordinaat.shared.DemoContributor;
import be.coordinaat.shared.web.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo ICT budgets of both schools: the previous school year (closed, with what was spent on it, as it was
 * booked before the purchasing module) and the current one (open), with the lines a Flemish primary school and a
 * secondary school plan: Chromebooks and iPads for pupils, teacher laptops, interactive displays, Wi-Fi, Smartschool
 * and Bingel, support by the municipal ICT service and training. The atheneum keeps its laptops five years (an
 * override of the board's four), and De Regenboog postponed half of its overdue Chromebooks by a year (a correction
 * of the replacement plan). Runs after the inventory demo data.
 */
@Component
@Order(60)
class BudgetDemoData implements DemoContributor {

    private record Line(BudgetCategory category, FundingSource source, String description, String planned, String spent) {}

    private final Budgets budgets;
    private final JdbcClient jdbc;

    BudgetDemoData(Budgets budgets, JdbcClient jdbc) {
        this.budgets = budgets;
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(DemoBoard board) {
        long rb = board.schools().get("regenboog");
        long at = board.schools().get("atheneum");
        int current = YearKind.SCHOOL_YEAR.yearOf(LocalDate.now(Formats.ZONE));

        year(rb, current - 1, true, "Digisprong-middelen volledig ingezet voor de Chromebooks van de derde graad.", List.of(
                new Line(BudgetCategory.PUPIL_DEVICES, FundingSource.GOVERNMENT_ICT, "Chromebooks 6de leerjaar (24 stuks)", "8640.00", "8544.00"),
                new Line(BudgetCategory.PUPIL_DEVICES, FundingSource.OPERATING, "Laadkar voor Chromebooks", "1450.00", "1450.00"),
                new Line(BudgetCategory.STAFF_DEVICES, FundingSource.OPERATING, "Laptops leerkrachten (vervanging 2 stuks)", "1900.00", "1958.00"),
                new Line(BudgetCategory.INFRASTRUCTURE, FundingSource.BOARD, "Interactief scherm klas 2A", "3900.00", "3865.00"),
                new Line(BudgetCategory.SOFTWARE_LICENCES, FundingSource.OPERATING, "Smartschool jaarlicentie", "3050.00", "3050.00"),
                new Line(BudgetCategory.SOFTWARE_LICENCES, FundingSource.OPERATING, "Bingel en Diddit (schoollicentie)", "2390.00", "2390.00"),
                new Line(BudgetCategory.MAINTENANCE_SUPPORT, FundingSource.BOARD, "Ondersteuning ICT-dienst gemeente", "1800.00", "1620.00"),
                new Line(BudgetCategory.TRAINING, FundingSource.OPERATING, "Nascholing mediawijsheid (pedagogische studiedag)", "600.00", "450.00")));
        year(rb, current, false, "Prioriteit: Chromebooks 5de leerjaar en wifi in de refter.", List.of(
                new Line(BudgetCategory.PUPIL_DEVICES, FundingSource.GOVERNMENT_ICT, "Chromebooks 5de leerjaar (24 stuks)", "8400.00", null),
                new Line(BudgetCategory.PUPIL_DEVICES, FundingSource.OPERATING, "iPads kleuterschool (8 stuks) met beschermhoes", "3520.00", null),
                new Line(BudgetCategory.STAFF_DEVICES, FundingSource.OPERATING, "Laptops leerkrachten (vervanging 3 stuks)", "2850.00", null),
                new Line(BudgetCategory.INFRASTRUCTURE, FundingSource.BOARD, "Interactief scherm klas 3B", "3900.00", null),
                new Line(BudgetCategory.INFRASTRUCTURE, FundingSource.OPERATING, "Wifi-toegangspunten refter en turnzaal", "1150.00", null),
                new Line(BudgetCategory.SOFTWARE_LICENCES, FundingSource.OPERATING, "Smartschool jaarlicentie", "3150.00", null),
                new Line(BudgetCategory.SOFTWARE_LICENCES, FundingSource.OPERATING, "Bingel en Diddit (schoollicentie)", "2480.00", null),
                new Line(BudgetCategory.MAINTENANCE_SUPPORT, FundingSource.BOARD, "Ondersteuning ICT-dienst gemeente", "1800.00", null),
                new Line(BudgetCategory.TRAINING, FundingSource.OPERATING, "Nascholing Digisprong: computationeel denken", "650.00", null)));

        year(at, current - 1, true, "Eerste jaar van het toestelbeleid 'Bring your own Chromebook' in de eerste graad.", List.of(
                new Line(BudgetCategory.PUPIL_DEVICES, FundingSource.GOVERNMENT_ICT, "Reservetoestellen eerste graad (15 Chromebooks)", "5250.00", "5340.00"),
                new Line(BudgetCategory.STAFF_DEVICES, FundingSource.OPERATING, "Laptops vakgroep STEM (6 stuks)", "6300.00", "6120.00"),
                new Line(BudgetCategory.INFRASTRUCTURE, FundingSource.BOARD, "Core-switch en firewall serverlokaal", "7800.00", "7745.50"),
                new Line(BudgetCategory.INFRASTRUCTURE, FundingSource.GOVERNMENT_ICT, "Projectoren vervangen door interactieve schermen (2)", "8200.00", "7980.00"),
                new Line(BudgetCategory.SOFTWARE_LICENCES, FundingSource.OPERATING, "Smartschool en Wisa jaarlicenties", "6900.00", "6900.00"),
                new Line(BudgetCategory.SOFTWARE_LICENCES, FundingSource.OPERATING, "Adobe Express en Sprint (schoollicenties)", "1850.00", "1850.00"),
                new Line(BudgetCategory.MAINTENANCE_SUPPORT, FundingSource.BOARD, "Onderhoudscontract netwerk (Bechtle)", "3600.00", "3600.00"),
                new Line(BudgetCategory.TRAINING, FundingSource.OPERATING, "Opleiding Microsoft 365 voor leerkrachten", "1200.00", "980.00")));
        year(at, current, false, "Meer budget voor infrastructuur: wifi in blok C.", List.of(
                new Line(BudgetCategory.PUPIL_DEVICES, FundingSource.GOVERNMENT_ICT, "Chromebooks computerklas (28 stuks)", "10640.00", null),
                new Line(BudgetCategory.STAFF_DEVICES, FundingSource.OPERATING, "Laptops leerkrachten (vervanging 8 stuks)", "8400.00", null),
                new Line(BudgetCategory.INFRASTRUCTURE, FundingSource.BOARD, "Wifi blok C (12 toegangspunten + bekabeling)", "6480.00", null),
                new Line(BudgetCategory.INFRASTRUCTURE, FundingSource.GOVERNMENT_ICT, "Interactieve schermen lokalen 201-204", "15600.00", null),
                new Line(BudgetCategory.SOFTWARE_LICENCES, FundingSource.OPERATING, "Smartschool en Wisa jaarlicenties", "7150.00", null),
                new Line(BudgetCategory.SOFTWARE_LICENCES, FundingSource.OPERATING, "Adobe Express en Sprint (schoollicenties)", "1900.00", null),
                new Line(BudgetCategory.MAINTENANCE_SUPPORT, FundingSource.BOARD, "Onderhoudscontract netwerk (Bechtle)", "3700.00", null),
                new Line(BudgetCategory.TRAINING, FundingSource.OPERATING, "Nascholing AI in de klas", "900.00", null),
                new Line(BudgetCategory.OTHER, FundingSource.OTHER, "Reserve onvoorzien (oudervereniging)", "1000.00", null)));

        jdbc.sql("INSERT INTO budget_asset_life (board_id, school_id, kind, life_years, category) VALUES (?, ?, ?, 5, ?)")
                .params(board.boardId(), at, AssetKind.LAPTOP.name(), BudgetCategory.STAFF_DEVICES.name()).update();
        jdbc.sql("""
                INSERT INTO budget_forecast_adjustment (school_id, starts_on, kind, count, note)
                VALUES (?, ?, ?, NULL, 'Chromebooks 300e gaan een jaar langer mee na nieuwe batterij')""")
                .params(rb, YearKind.SCHOOL_YEAR.start(current + 1), AssetKind.CHROMEBOOK.name()).update();
    }

    /** A year with its lines; a closed year gets its spending booked month by month over the year. */
    private void year(long school, int start, boolean closed, String notes, List<Line> lines) {
        long year = budgets.insertYear(school, YearKind.SCHOOL_YEAR, start, false, notes);
        String label = YearKind.SCHOOL_YEAR.label(start);
        LocalDate from = YearKind.SCHOOL_YEAR.start(start);
        int n = 0;
        for (Line l : lines) {
            long line = budgets.insertLine(year, school, label, l.source(), l.category(), l.description(),
                    new BigDecimal(l.planned()), null, null);
            if (l.spent() != null) {
                // licences and contracts early in the year, devices before the holidays, training spread out
                int month = switch (l.category()) {
                    case SOFTWARE_LICENCES, MAINTENANCE_SUPPORT -> n % 2;
                    case PUPIL_DEVICES, STAFF_DEVICES -> 2 + n % 5;
                    case INFRASTRUCTURE -> 5 + n % 4;
                    default -> 7 + n % 3;
                };
                jdbc.sql("""
                        INSERT INTO budget_booking (line_id, school_id, source_type, source_id, kind, amount, booked_on, description)
                        VALUES (?, ?, 'budget-history', ?, 'SPENT', ?, ?, ?)""")
                        .params(line, school, line, new BigDecimal(l.spent()), from.plusMonths(month).plusDays(9 + n),
                                "Factuur " + l.description())
                        .update();
            }
            n++;
        }
        if (closed) {
            jdbc.sql("UPDATE budget_year SET closed = true WHERE id = ?").param(year).update();
        }
    }
}
