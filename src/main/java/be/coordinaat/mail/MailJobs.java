package be.coordinaat.mail;

import be.coordinaat.mail.delivery.OutboxSender;
import be.coordinaat.mail.digest.InventoryDigest;
import be.coordinaat.mail.inbound.MailboxPoller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The module's scheduled work: the sender every 15 seconds, the mailboxes whose interval passed every 30 seconds,
 * the weekly digest checked every 15 minutes. Each job catches its own errors, so one failure never stops the next
 * run. Switched off with {@code coordinaat.mail.scheduling.enabled=false}.
 */
@Component
class MailJobs {

    private static final Logger log = LoggerFactory.getLogger(MailJobs.class);

    private final MailProperties properties;
    private final OutboxSender sender;
    private final MailboxPoller poller;
    private final InventoryDigest digest;

    MailJobs(MailProperties properties, OutboxSender sender, MailboxPoller poller, InventoryDigest digest) {
        this.properties = properties;
        this.sender = sender;
        this.poller = poller;
        this.digest = digest;
    }

    private boolean on() {
        return !Boolean.FALSE.equals(properties.scheduling().enabled());
    }

    @Scheduled(initialDelay = 20_000, fixedDelay = 15_000)
    void send() {
        if (on()) {
            try {
                sender.sendDue();
            } catch (RuntimeException e) {
                log.warn("outbox sender: {}", e.toString());
            }
        }
    }

    @Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
    void poll() {
        if (on()) {
            try {
                poller.pollDue();
            } catch (RuntimeException e) {
                log.warn("mailbox poller: {}", e.toString());
            }
        }
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 15 * 60_000)
    void digest() {
        if (on()) {
            try {
                digest.sendDue(java.time.Instant.now());
            } catch (RuntimeException e) {
                log.warn("inventory digest: {}", e.toString());
            }
        }
    }
}
