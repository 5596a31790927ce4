package be.coordinaat.inventory.loan;

import be.coordinaat.shared.DemoContributor;
import be.coordinaat.shared.web.Formats;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo loans and consumables, after the demo inventory: three Chromebooks of De Regenboog on loan to pupils of
 * 5A (one overdue), toner for the demo printers and projector lamps (one below its minimum) and HDMI cables.
 */
@Component
@Order(45)
class LoanDemoData implements DemoContributor {

    private final JdbcClient jdbc;

    LoanDemoData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(DemoBoard board) {
        long regenboog = board.schools().get("regenboog");
        long atheneum = board.schools().get("atheneum");
        LocalDate today = LocalDate.now(Formats.ZONE);
        Long model = jdbc.sql("SELECT id FROM asset_model WHERE board_id = ? AND name = 'Chromebook 311'")
                .param(board.boardId()).query(Long.class).optional().orElse(null);
        List<Long> pupils = jdbc.sql("""
                SELECT p.id FROM person p JOIN person_school ps ON ps.person_id = p.id AND ps.school_id = ?
                WHERE p.kind = 'PUPIL' AND p.class_name = '5A' ORDER BY lower(p.last_name), lower(p.first_name), p.id LIMIT 3""")
                .param(regenboog).query(Long.class).list();
        String by = "Koen Coördinator (coordinator)";
        for (int i = 0; i < pupils.size(); i++) {
            long asset = jdbc.sql("""
                    INSERT INTO asset (school_id, tag, name, serial, model_id, kind, status, purchase_date, notes)
                    VALUES (?, ?, NULL, ?, ?, 'CHROMEBOOK', 'ON_LOAN', ?, 'Toestel voor thuisgebruik') RETURNING id""")
                    .params(regenboog, "RB-LEEN-0" + (i + 1), "NXLEEN0" + (4100 + i), model, today.minusYears(1))
                    .query(Long.class).single();
            boolean overdue = i == 0;
            ZonedDateTime out = today.minusDays(overdue ? 90 : 20).atTime(8, 30).atZone(Formats.ZONE);
            jdbc.sql("""
                    INSERT INTO loan (school_id, asset_id, person_id, accessories, checked_out_at, checked_out_by,
                                      expected_return, notes)
                    VALUES (?, ?, ?, '{CHARGER,CASE}', ?, ?, ?, ?)""")
                    .params(regenboog, asset, pupils.get(i), java.sql.Timestamp.from(out.toInstant()), by,
                            overdue ? today.minusDays(5) : today.plusMonths(6), overdue ? "Afgesproken: terug na de paasvakantie" : null)
                    .update();
        }
        consumable(regenboog, "Toner Brother TN-423BK zwart", "TONER", "Brother MFC-L8900CDW", 3, 2);
        consumable(regenboog, "Projectorlamp Epson ELPLP96", "LAMP", "Epson EB-W49", 1, 2);
        consumable(regenboog, "HDMI-kabel 5 m", "CABLE", null, 6, 2);
        consumable(atheneum, "Toner HP 59A (CF259A)", "TONER", "HP LaserJet Pro M404dn", 4, 2);
        consumable(atheneum, "Projectorlamp Epson ELPLP97", "LAMP", "Epson EB-725Wi", 2, 1);
    }

    private void consumable(long school, String name, String category, String models, int stock, int minimum) {
        long id = jdbc.sql("""
                INSERT INTO consumable (school_id, name, category, compatible_models, stock, minimum)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""").params(school, name, category, models, stock, minimum)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO consumable_movement (consumable_id, kind, quantity, stock_after, note, by_name) VALUES (?, 'RECEIVE', ?, ?, 'Beginvoorraad', 'system')")
                .params(id, stock, stock).update();
    }
}
