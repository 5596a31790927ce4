package be.coordinaat.inventory.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the pending changes of the asset counts into the kept counts every few seconds ({@code asset_count_fold()}
 * in {@code V24__asset_count_deltas.sql}), so that readers add up a handful of pending rows. Safe on every instance
 * at once: a change is moved by exactly one fold.
 */
@Component
class CountFolding {

    private static final Logger log = LoggerFactory.getLogger(CountFolding.class);

    private final JdbcClient jdbc;

    CountFolding(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${coordinaat.inventory.count-fold-ms:5000}", initialDelay = 5000)
    void fold() {
        try {
            jdbc.sql("SELECT asset_count_fold()").query(Long.class).single();
        } catch (DataAccessException e) {
            log.warn("asset counts not folded now (tried again shortly): {}", e.getMessage());
        }
    }
}
