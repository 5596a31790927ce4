package be.coordinaat.privacy;

import be.coordinaat.privacy.Views.Overview;
import be.coordinaat.shared.PageQuery;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What needs attention in the privacy records of the schools in scope: the start page of the privacy pages. */
@Service
@Transactional(readOnly = true)
public class PrivacyOverview {

    private final JdbcClient jdbc;
    private final PrivacyScope scope;
    private final ProcessorAgreements agreements;
    private final Breaches breaches;

    PrivacyOverview(JdbcClient jdbc, PrivacyScope scope, ProcessorAgreements agreements, Breaches breaches) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.agreements = agreements;
        this.breaches = breaches;
    }

    public Overview overview() {
        scope.requireRead();
        Map<String, Object> p = scope.params();
        p.put("today", PrivacyScope.today());
        Map<String, Object> counts = jdbc.sql("""
                SELECT (SELECT count(*) FROM privacy_processing x WHERE""" + PrivacyScope.visible("x") + """
                          AND x.status <> 'RETIRED') AS processing,
                       (SELECT count(*) FROM privacy_processing x WHERE""" + PrivacyScope.visible("x") + """
                          AND x.status <> 'RETIRED' AND x.review_date <= :today) AS review_due,
                       (SELECT count(*) FROM privacy_dpia x WHERE""" + PrivacyScope.visible("x") + """
                          AND x.decision = 'PENDING' AND cardinality(x.criteria) >= 2) AS dpias_pending,
                       (SELECT count(*) FROM privacy_breach x WHERE""" + PrivacyScope.visible("x") + """
                          AND x.closed_at IS NULL) AS breaches_open""").params(p).query().singleRow();
        long warnings = agreements.warnings(null, PageQuery.of(0, 1, null, null)).total();
        return new Overview(((Number) counts.get("processing")).longValue(), ((Number) counts.get("review_due")).longValue(),
                warnings, ((Number) counts.get("dpias_pending")).longValue(), ((Number) counts.get("breaches_open")).longValue(),
                breaches.clockRunning());
    }
}
