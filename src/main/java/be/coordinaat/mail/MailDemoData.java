package be.coordinaat.mail;

import be.coordinaat.shared.DemoContributor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo board's mail settings: no SMTP server yet (the settings page shows what to fill in; mail waits in the
 * outbox), links to the local address, and a disabled helpdesk mailbox for De Regenboog to show how one looks.
 */
@Component
@Order(70)
class MailDemoData implements DemoContributor {

    private final JdbcClient jdbc;

    MailDemoData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(DemoBoard board) {
        jdbc.sql("""
                INSERT INTO mail_settings (board_id, smtp_security, from_name, base_url, digest_enabled)
                VALUES (?, 'STARTTLS', 'Coordinaat – Gemeentelijk Onderwijs', 'http://localhost:8080', FALSE)
                ON CONFLICT (board_id) DO NOTHING""").param(board.boardId()).update();
        jdbc.sql("""
                INSERT INTO mailbox (board_id, school_id, name, channel, host, port, ssl, username, folder, poll_minutes, enabled)
                VALUES (?, ?, 'Helpdesk De Regenboog', 'helpdesk', 'imap.regenboog.example', 993, TRUE,
                  'helpdesk@regenboog.example', 'INBOX', 5, FALSE)""")
                .params(board.boardId(), board.schools().get("regenboog")).update();
    }
}
