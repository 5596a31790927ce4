package be.coordinaat.mail;

import be.coordinaat.shared.RecordChanged;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A handler for tests only (channel {@code test-recorder}): records every mail it takes and writes a history entry in
 * the poller's transaction, so a test can see that a failed handling left nothing behind. A subject containing
 * {@code [fail-once]} fails on its first delivery, {@code [always-fail]} on every one.
 */
@Component
class RecordingHandler implements InboundMailHandler {

    static final String CHANNEL = "test-recorder";
    static final ConcurrentLinkedQueue<InboundMail> HANDLED = new ConcurrentLinkedQueue<>();
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private final ApplicationEventPublisher events;

    RecordingHandler(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void handle(InboundMail mail) {
        int call = CALLS.computeIfAbsent(mail.messageId(), k -> new AtomicInteger()).incrementAndGet();
        events.publishEvent(new RecordChanged("test-inbound-mail", mail.mailboxId(), mail.boardId(), mail.schoolId(),
                RecordChanged.CREATED, mail.messageId(), Map.of()));
        String subject = mail.subject() == null ? "" : mail.subject();
        if (subject.contains("[always-fail]") || (subject.contains("[fail-once]") && call == 1)) {
            throw new IllegalStateException("handler failed on purpose (call " + call + ")");
        }
        HANDLED.add(mail);
    }

    static long handledCount(String messageId) {
        return HANDLED.stream().filter(m -> m.messageId().equals(messageId)).count();
    }
}
