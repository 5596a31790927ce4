package be.coordinaat.purchasing;

import be.coordinaat.budget.BudgetLedger;
import be.coordinaat.budget.BudgetLedger.LineChoice;
import be.coordinaat.purchasing.Forms.RequestForm;
import be.coordinaat.shared.DemoContributor;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo purchase requests of De Regenboog in every state a requester sees (an interactive display just asked for,
 * Chromebooks advised with two of the three quotes, an approved document camera committed on a budget line when the
 * budget demo has one, headphones sent back for changes, a rejected 3D printer) and a request of the atheneum. Runs
 * after the budget demo data, whose lines it books on when they exist.
 */
@Component
@Order(90)
class PurchasingDemoData implements DemoContributor {

    private final Purchases purchases;
    private final BudgetLedger ledger;
    private final JdbcClient jdbc;

    PurchasingDemoData(Purchases purchases, BudgetLedger ledger, JdbcClient jdbc) {
        this.purchases = purchases;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(DemoBoard board) {
        long b = board.boardId();
        long rb = board.schools().get("regenboog");
        long at = board.schools().get("atheneum");
        Long teacher = board.users().get("teacher");
        Long coordinator = board.users().get("coordinator");
        Long director = board.users().get("director");
        String teacherName = name(teacher, "Leerkracht");
        String coordinatorName = name(coordinator, "ICT-coördinator");
        String directorName = name(director, "Directeur");
        LocalDate today = Purchases.today();
        Long line = ledger.choices(rb).stream().map(LineChoice::id).findFirst().orElse(null);
        Long room = board.rooms().get("RB-101");

        purchases.insertDemo(b, rb, form(rb, "Interactief scherm voor klas 5A",
                "Het projectiescherm is versleten en de beamer valt geregeld uit; met een interactief scherm kunnen de "
                        + "leerlingen zelf aan het bord werken.", "Klas 5A (juf Sofie)", room, 1, "3200.00", today.plusMonths(2)),
                PurchaseStatus.REQUESTED, teacher, teacherName, null, null, null, null, null, null);

        long chromebooks = purchases.insertDemo(b, rb, form(rb, "Chromebooks voor het derde leerjaar",
                "Twaalf leerlingen delen nu zes toestellen; voor Bingel en de toetsen heeft elk kind er een nodig.",
                "3de leerjaar", null, 12, "4560.00", today.plusMonths(1)),
                PurchaseStatus.ADVISED, teacher, teacherName,
                "Acer Chromebook 311 met Google Education Upgrade: licht, 10 uur batterij, werkt met de bestaande laadkar.",
                "Tweedehands laptops (goedkoper, maar zonder beheer via de Google Admin Console).", line, coordinatorName,
                null, null);
        purchases.insertDemoQuote(chromebooks, rb, "EduNet Vlaanderen nv", new BigDecimal("4510.00"), today.minusDays(6), "OFF-2026-118");
        purchases.insertDemoQuote(chromebooks, rb, "Signpost nv", new BigDecimal("4683.60"), today.minusDays(3), "Q-77812");

        purchases.insertDemo(b, rb, form(rb, "Documentcamera voor de kleuterklas",
                "Om prentenboeken groot te tonen aan de hele klas.", "Kleuterklas K3", null, 1, "189.00", null),
                PurchaseStatus.APPROVED, teacher, teacherName, "IPEVO V4K: eenvoudig, via USB op de klaslaptop.", null, line,
                coordinatorName, directorName, null);

        purchases.insertDemo(b, rb, form(rb, "Koptelefoons voor de luisteroefeningen",
                "Voor de luisteroefeningen Frans in het 5de en 6de leerjaar.", "5de en 6de leerjaar", null, 30, "750.00", null),
                PurchaseStatus.CHANGES_REQUESTED, teacher, teacherName, null, null, null, null, directorName,
                "Graag eerst nagaan of de koptelefoons van het computerlokaal volstaan; pas daarna het aantal aan.");

        purchases.insertDemo(b, rb, form(rb, "3D-printer voor het STEM-atelier", "Voor het project rond bruggen bouwen.",
                "STEM-werkgroep", null, 1, "1450.00", null),
                PurchaseStatus.REJECTED, coordinator, coordinatorName, null, null, null, null, directorName,
                "Niet in het budget van dit schooljaar; we nemen het mee in het beleidsplan voor volgend jaar.");

        purchases.insertDemo(b, at, form(at, "Laptopkar voor de eerste graad",
                "Een afsluitbare laadkar voor 32 laptops, zodat de klassen de toestellen kunnen delen.", "Eerste graad", null, 1,
                "2350.00", today.plusMonths(3)),
                PurchaseStatus.REQUESTED, null, "Leen Vermeulen", null, null, null, null, null, null);
    }

    private static RequestForm form(long school, String title, String reason, String forWhom, Long room, int quantity,
            String cost, LocalDate wished) {
        return new RequestForm(school, title, reason, forWhom, room, quantity, new BigDecimal(cost), wished, null);
    }

    private String name(Long userId, String fallback) {
        return userId == null ? fallback : jdbc.sql("SELECT display_name FROM app_user WHERE id = ?").param(userId)
                .query(String.class).optional().orElse(fallback);
    }

}
