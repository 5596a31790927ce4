package be.coordinaat.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fixtures of the maintenance tests in domain terms: rooms, assets and plans created like a user or a script would. */
final class MaintenanceTestData {
    private MaintenanceTestData() {}

    static String unique(String name) {
        return name + " " + System.nanoTime();
    }

    /** A fresh room in the school's first building (the school module's own table; a fixture, not the feature). */
    static long room(JdbcClient jdbc, long school) {
        return jdbc.sql("INSERT INTO room (school_id, building_id, name, code) VALUES (?, ?, ?, 'T') RETURNING id")
                .params(school, Demo.buildingOf(jdbc, school), unique("Testlokaal")).query(Long.class).single();
    }

    /** An asset in service in a room, registered through the inventory API. */
    static long asset(Api api, long school, String kind, Long room) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolId", school);
        m.put("kind", kind);
        m.put("status", "IN_USE");
        m.put("name", unique("Testtoestel"));
        m.put("roomId", room);
        var r = api.post("/api/v1/assets", Api.json(m));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Map<String, Object> roomPlan(long school, long room, String name, LocalDate start, Long organisation,
            String... checklist) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolId", school);
        m.put("name", name);
        m.put("targetType", "ROOM");
        m.put("targetRoomId", room);
        m.put("recurrence", "MONTHS");
        m.put("every", 3);
        m.put("startDate", start.toString());
        m.put("assigneeOrganisationId", organisation);
        m.put("estimatedMinutes", 20);
        m.put("checklist", List.of(checklist));
        return m;
    }

    static long plan(Api api, Map<String, Object> body) {
        var r = api.post("/api/v1/maintenance/plans", Api.json(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static long ictService(JdbcClient jdbc) {
        return jdbc.sql("SELECT organisation_id FROM app_user WHERE username = 'ictdienst'").query(Long.class).single();
    }

    static long userId(JdbcClient jdbc, String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    /** Collects the {@link MaintenanceCheckFailed} events published while it is registered with the context. */
    static final class FailedChecks implements ApplicationListener<ApplicationEvent> {
        final List<MaintenanceCheckFailed> events = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof MaintenanceCheckFailed f) {
                events.add(f);
            }
        }

        List<MaintenanceCheckFailed> of(long planId) {
            return events.stream().filter(e -> e.planId() == planId).toList();
        }
    }
}
