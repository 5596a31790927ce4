package be.coordinaat.mail;

import java.net.ServerSocket;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Boards, settings and mailboxes for the mail tests, each with unique names so tests never share state. */
final class MailTestData {
    private MailTestData() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A board of its own, so its outbox and settings are the test's alone. */
    static long board(JdbcClient jdbc) {
        return jdbc.sql("INSERT INTO board (name) VALUES (?) RETURNING id").param(unique("Mailtestbestuur"))
                .query(Long.class).single();
    }

    static long school(JdbcClient jdbc, long board) {
        String number = be.coordinaat.support.Demo.freshInstitutionNumber(jdbc);
        return jdbc.sql("INSERT INTO school (board_id, name, institution_number, level) VALUES (?, ?, ?, 'PRIMARY') RETURNING id")
                .params(board, unique("Mailtestschool"), number).query(Long.class).single();
    }

    static void smtp(JdbcClient jdbc, long board, int port, String from) {
        jdbc.sql("""
                INSERT INTO mail_settings (board_id, smtp_host, smtp_port, smtp_security, from_address, from_name)
                VALUES (?, '127.0.0.1', ?, 'NONE', ?, 'Coordinaat Test')
                ON CONFLICT (board_id) DO UPDATE SET smtp_host = '127.0.0.1', smtp_port = EXCLUDED.smtp_port,
                  smtp_security = 'NONE', from_address = EXCLUDED.from_address""")
                .params(board, port, from).update();
    }

    /** A port nothing listens on. */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
