package be.coordinaat.selfevaluation;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/** Rounds, codes and answers for the self-evaluation tests, through the real API and the real public pages. */
final class SurveyTestData {
    private SurveyTestData() {}

    private static final AtomicInteger SEQ = new AtomicInteger();

    static String unique(String name) {
        return name + " " + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
    }

    static long round(Api api, long school, String... groups) {
        String body = Api.json(Map.of("schoolId", school, "name", unique("Bevraging"), "groups", List.of(groups)));
        Api.Response r = api.post("/api/v1/self-evaluations", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static long openRound(Api api, long school, String... groups) {
        long id = round(api, school, groups);
        Api.Response r = api.post("/api/v1/self-evaluations/" + id + "/open", "");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return id;
    }

    static List<String> codes(Api api, long round, String group, int count) {
        Api.Response r = api.post("/api/v1/self-evaluations/" + round + "/codes", Api.json(Map.of("group", group, "count", count)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        List<String> codes = new ArrayList<>();
        r.json().get("codes").forEach(c -> codes.add(c.get("code").asString()));
        return codes;
    }

    static List<Long> statements(Api api, long round, String group) {
        Api.Response r = api.get("/api/v1/self-evaluations/" + round + "/statements?group=" + group);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        for (JsonNode s : r.json()) {
            ids.add(s.get("id").asLong());
        }
        return ids;
    }

    /** An anonymous visitor of the public pages, with a session and its CSRF token. */
    static final class Visitor {
        final Browserless web;
        final String csrf;

        Visitor(int port) {
            web = Browserless.anonymous(port);
            csrf = web.get("/public/survey").document().selectFirst("input[name=_csrf]").attr("value");
        }

        Browserless.Page submit(String code, Map<String, String> fields) {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf);
            return web.postRaw("/public/survey/c/" + code, all);
        }

        /** Answers every statement with {@code value.apply(index)} ("1".."5" or "NA"). */
        Browserless.Page answer(String code, List<Long> statements, IntFunction<String> value) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < statements.size(); i++) {
                fields.put("a" + statements.get(i), value.apply(i));
            }
            return submit(code, fields);
        }
    }
}
