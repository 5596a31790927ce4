package be.coordinaat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.mail.digest.InventoryDigest;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly inventory digest: each coordinator and technician with an e-mail address gets one mail in their language
 * with their own schools' warranties ending, end-of-life dates and overdue loans; others get none; a week is sent once.
 */
@IntegrationTest
class InventoryDigestIT {

    @Autowired JdbcClient jdbc;
    @Autowired InventoryDigest digest;
    @Autowired TransactionTemplate tx;

    long board() {
        return jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(Demo.regenboog(jdbc)).query(Long.class).single();
    }

    String asset(long school, String tagPrefix, LocalDate warrantyEnd) {
        String tag = MailTestData.unique(tagPrefix).toUpperCase();
        jdbc.sql("INSERT INTO asset (school_id, tag, name, kind, status, warranty_end) VALUES (?, ?, 'Digestlaptop', 'LAPTOP', 'IN_USE', ?)")
                .params(school, tag, warrantyEnd).update();
        return tag;
    }

    @Test
    void coordinatorsGetTheirOwnSchoolsItemsInTheirLanguage() {
        long board = board();
        String tagA = asset(Demo.regenboog(jdbc), "DGA", LocalDate.now().plusDays(10));
        String tagB = asset(Demo.atheneum(jdbc), "DGB", LocalDate.now().plusDays(12));
        jdbc.sql("UPDATE app_user SET locale = 'en' WHERE username = 'technician'").update();
        try {
            long start = jdbc.sql("SELECT coalesce(max(id), 0) FROM mail_outbox").query(Long.class).single();
            int queued = tx.execute(s -> digest.queueDigests(board));
            assertThat(queued).isGreaterThanOrEqualTo(2);
            List<String[]> mails = jdbc.sql("SELECT recipient, subject, body_text, body_html FROM mail_outbox WHERE id > ? AND board_id = ? AND template = 'inventory-digest'")
                    .params(start, board).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
            String[] coordinator = mails.stream().filter(m -> m[0].equals("coordinator@zonnebeke-demo.be")).findFirst().orElseThrow();
            assertThat(coordinator[1]).isEqualTo("Inventaris: wat aandacht vraagt deze week");
            assertThat(coordinator[2]).contains(tagA).doesNotContain(tagB).contains("Garantie loopt af");
            assertThat(coordinator[3]).contains("http://localhost:8080/inventory/assets/");
            String[] technician = mails.stream().filter(m -> m[0].equals("technician@zonnebeke-demo.be")).findFirst().orElseThrow();
            assertThat(technician[1]).isEqualTo("Inventory: what needs attention this week");
            assertThat(technician[2]).contains(tagA).contains(tagB);
            assertThat(mails).extracting(m -> m[0]).doesNotContain("teacher@zonnebeke-demo.be", "director@zonnebeke-demo.be",
                    "ictdienst@zonnebeke-demo.be", "admin@zonnebeke-demo.be").doesNotHaveDuplicates();
            jdbc.sql("DELETE FROM mail_outbox WHERE id > ? AND board_id = ? AND template = 'inventory-digest'").params(start, board).update();
        } finally {
            jdbc.sql("UPDATE app_user SET locale = 'nl-BE' WHERE username = 'technician'").update();
        }
    }

    @Test
    void aWeekIsSentOnceAndOnlyWhenSwitchedOn() {
        long board = MailTestData.board(jdbc);
        long school = MailTestData.school(jdbc, board);
        long user = jdbc.sql("""
                INSERT INTO app_user (board_id, username, password_hash, display_name, email) VALUES (?, ?, 'x', 'Digest Coördinator', ?)
                RETURNING id""").params(board, MailTestData.unique("digest"), MailTestData.unique("digest") + "@example.test")
                .query(Long.class).single();
        jdbc.sql("INSERT INTO role_grant (user_id, board_id, school_id, role) VALUES (?, ?, ?, 'COORDINATOR')").params(user, board, school).update();
        asset(school, "DGW", LocalDate.now().plusDays(5));
        jdbc.sql("INSERT INTO mail_settings (board_id, digest_enabled) VALUES (?, FALSE)").param(board).update();
        digest.sendDue(Instant.now());
        assertThat(count(board)).isZero();
        jdbc.sql("UPDATE mail_settings SET digest_enabled = TRUE WHERE board_id = ?").param(board).update();
        digest.sendDue(Instant.now());
        digest.sendDue(Instant.now());
        assertThat(count(board)).isEqualTo(1);
        // next week: another one
        digest.sendDue(Instant.now().plus(java.time.Duration.ofDays(7)));
        assertThat(count(board)).isEqualTo(2);
    }

    @Test
    void anInvalidAddressSkipsOneRecipientNotTheWholeDigest() {
        long board = MailTestData.board(jdbc);
        long school = MailTestData.school(jdbc, board);
        for (String email : new String[] {"kapot adres@x y", MailTestData.unique("goed") + "@example.test"}) {
            long user = jdbc.sql("""
                    INSERT INTO app_user (board_id, username, password_hash, display_name, email) VALUES (?, ?, 'x', 'C', ?)
                    RETURNING id""").params(board, MailTestData.unique("digest"), email).query(Long.class).single();
            jdbc.sql("INSERT INTO role_grant (user_id, board_id, school_id, role) VALUES (?, ?, ?, 'COORDINATOR')").params(user, board, school).update();
        }
        asset(school, "DGI", LocalDate.now().plusDays(3));
        int queued = tx.execute(s -> digest.queueDigests(board));
        assertThat(queued).isEqualTo(1);
        assertThat(count(board)).as("committed despite the invalid address").isEqualTo(1);
    }

    @Test
    void theWeekStartsOnMondayAtSevenInBrussels() {
        // Monday 2 March 2026 06:59 Brussels (05:59 UTC) still belongs to the week before
        assertThat(InventoryDigest.weekStart(Instant.parse("2026-03-02T05:59:00Z"))).isEqualTo(Instant.parse("2026-02-23T06:00:00Z"));
        assertThat(InventoryDigest.weekStart(Instant.parse("2026-03-02T06:00:00Z"))).isEqualTo(Instant.parse("2026-03-02T06:00:00Z"));
        assertThat(InventoryDigest.weekStart(Instant.parse("2026-03-08T22:00:00Z"))).isEqualTo(Instant.parse("2026-03-02T06:00:00Z"));
    }

    long count(long board) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE board_id = ? AND template = 'inventory-digest'").param(board)
                .query(Long.class).single();
    }
}
