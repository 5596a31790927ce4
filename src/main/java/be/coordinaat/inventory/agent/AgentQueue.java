package be.coordinaat.inventory.agent;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.inventory.agent.Enrolments.Enrolment;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unknown agents, when a board wants them: an agent that reports to the bare default paths without credentials,
 * where no school is open, waits in the queue with its last inventory until someone who manages the inventory of a
 * school accepts it into that school (the stored inventory is taken in at once and the device's later reports go
 * there) or refuses it (its later reports get 403). Off by default; a board admin switches it on.
 *
 * <p>Scope: the queue belongs to the board; it is read by holders of INVENTORY_MANAGE in any of the board's
 * schools (it shows host name, serial, model and operating system, never the logged-on user), and a device is
 * accepted only into a school where the user holds INVENTORY_MANAGE.
 */
@Component
class AgentQueue {

    record Pending(long id, String deviceId, String protocol, String hostname, String serial, String manufacturer,
            String model, String osName, String sourceAddress, boolean hasReport, String status, int reports,
            Instant firstSeenAt, Instant lastSeenAt, String decidedBy, Instant decidedAt, int version) {}

    record Setting(boolean enabled, int version) {}

    /** What the endpoint does with an anonymous report when the queue is on. */
    sealed interface Route permits Queued, Accepted, Refused {}

    record Queued() implements Route {}

    record Accepted(Enrolment enrolment) implements Route {}

    record Refused() implements Route {}

    private static final int MAX_REPORT = AgentBody.MAX_DECOMPRESSED;

    private final JdbcClient jdbc;
    private final Enrolments enrolments;
    private final AgentIntake intake;
    private final AccessControl access;
    private final ApplicationEventPublisher events;

    AgentQueue(JdbcClient jdbc, Enrolments enrolments, AgentIntake intake, AccessControl access,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.enrolments = enrolments;
        this.intake = intake;
        this.access = access;
        this.events = events;
    }

    // ---- the endpoint's side (no user) ----

    /** The board whose queue takes anonymous agents: the one board that switched it on (none when several did). */
    Optional<Long> openBoard() {
        List<Long> boards = jdbc.sql("SELECT board_id FROM agent_queue_setting WHERE enabled ORDER BY board_id LIMIT 2")
                .query(Long.class).list();
        return boards.size() == 1 ? Optional.of(boards.get(0)) : Optional.empty();
    }

    /** Where an anonymous report of this device goes: its accepted school, refused, or the queue. */
    Route route(long boardId, String deviceId) {
        Optional<Long> school = jdbc.sql("SELECT school_id FROM agent_accepted WHERE board_id = ? AND device_id = ?")
                .params(boardId, deviceId).query(Long.class).optional();
        if (school.isPresent()) {
            Enrolment e = enrolments.ofSchool(school.get()).orElseGet(() -> new Enrolment(school.get(), boardId,
                    null, null, null, false, false, 24, 0));
            return new Accepted(e);
        }
        boolean refused = jdbc.sql("SELECT status = 'REFUSED' FROM agent_pending WHERE board_id = ? AND device_id = ?")
                .params(boardId, deviceId).query(Boolean.class).optional().orElse(false);
        return refused ? new Refused() : new Queued();
    }

    /** Keeps (or renews) the device's place in the queue, with its last full inventory when it sent one. */
    @Transactional
    void hold(long boardId, RawReport.Protocol protocol, AgentReport r, byte[] decodedBody, String source) {
        byte[] stored = decodedBody == null ? null : deflate(decodedBody);
        jdbc.sql("""
                INSERT INTO agent_pending (board_id, device_id, protocol, hostname, serial, manufacturer, model, os_name,
                                           source_address, report)
                VALUES (:board, :device, :protocol, :host, :serial, :manufacturer, :model, :os, :source, :report)
                ON CONFLICT (board_id, device_id) DO UPDATE SET protocol = EXCLUDED.protocol,
                       hostname = COALESCE(EXCLUDED.hostname, agent_pending.hostname),
                       serial = COALESCE(EXCLUDED.serial, agent_pending.serial),
                       manufacturer = COALESCE(EXCLUDED.manufacturer, agent_pending.manufacturer),
                       model = COALESCE(EXCLUDED.model, agent_pending.model),
                       os_name = COALESCE(EXCLUDED.os_name, agent_pending.os_name),
                       source_address = EXCLUDED.source_address,
                       report = COALESCE(EXCLUDED.report, agent_pending.report),
                       reports = agent_pending.reports + 1, last_seen_at = now()
                WHERE agent_pending.status = 'PENDING'""")
                .param("board", boardId).param("device", r.deviceId()).param("protocol", protocol.name())
                .param("host", r.hostname()).param("serial", r.serial()).param("manufacturer", r.manufacturer())
                .param("model", r.model()).param("os", r.osFullName() != null ? AgentReport.clip(r.osFullName(), 255) : null)
                .param("source", AgentReport.clip(source, 64)).param("report", stored)
                .update();
    }

    // ---- the coordinator's side ----

    Setting setting() {
        requireReader();
        long board = access.current().boardId();
        return jdbc.sql("SELECT enabled, version FROM agent_queue_setting WHERE board_id = ?").param(board)
                .query((rs, n) -> new Setting(rs.getBoolean(1), rs.getInt(2))).optional().orElse(new Setting(false, 0));
    }

    @Transactional
    Setting setEnabled(boolean enabled, int version) {
        access.requireForBoard(Permission.BOARD_MANAGE);
        long board = access.current().boardId();
        Setting before = setting();
        int n = jdbc.sql("""
                INSERT INTO agent_queue_setting (board_id, enabled) VALUES (:board, :enabled)
                ON CONFLICT (board_id) DO UPDATE SET enabled = EXCLUDED.enabled, version = agent_queue_setting.version + 1,
                       updated_at = now()
                WHERE agent_queue_setting.version = :version""")
                .param("board", board).param("enabled", enabled).param("version", version).update();
        if (n == 0) {
            throw ConflictException.staleVersion("agent-queue", board);
        }
        events.publishEvent(new RecordChanged("agent-queue", board, board, null, RecordChanged.UPDATED, null,
                RecordChanged.diff(Map.of("enabled", before.enabled()), Map.of("enabled", enabled))));
        return setting();
    }

    Page<Pending> list(boolean refused, PageQuery query) {
        requireReader();
        long board = access.current().boardId();
        String status = refused ? "REFUSED" : "PENDING";
        long total = jdbc.sql("SELECT count(*) FROM agent_pending WHERE board_id = ? AND status = ?").params(board, status)
                .query(Long.class).single();
        List<Pending> items = jdbc.sql(SELECT + " WHERE board_id = :board AND status = :status "
                        + "ORDER BY last_seen_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("board", board).param("status", status).param("limit", query.size())
                .param("offset", (long) query.page() * query.size()).query(this::row).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    Pending get(long id) {
        requireReader();
        return jdbc.sql(SELECT + " WHERE id = :id AND board_id = :board").param("id", id)
                .param("board", access.current().boardId()).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("agent-pending", id));
    }

    /**
     * Accepts a waiting device into a school where the user manages the inventory: its stored inventory is taken in
     * now (matched like any other: a computer already known in the board is updated or moved, not doubled) and its
     * later anonymous reports go to that school. Returns the asset, or null when the agent has only said hello yet.
     */
    @Transactional
    Long accept(long id, long schoolId, int version) {
        Pending p = get(id);
        if (!access.can(Permission.INVENTORY_READ, schoolId)) {
            throw new InvalidInputException(List.of(new FieldProblem("schoolId", "agent.queue.error.school",
                    "Choose a school whose inventory you manage")));
        }
        access.require(Permission.INVENTORY_MANAGE, schoolId);
        if (!"PENDING".equals(p.status())) {
            throw new ConflictException("agent.queue.error.decided", "This agent was refused; allow it again first");
        }
        byte[] report = jdbc.sql("SELECT report FROM agent_pending WHERE id = ? AND version = ? FOR UPDATE")
                .params(id, version).query(byte[].class).optional().orElse(null);
        int deleted = jdbc.sql("DELETE FROM agent_pending WHERE id = ? AND version = ?").params(id, version).update();
        if (deleted == 0) {
            throw ConflictException.staleVersion("agent-pending", id);
        }
        long board = access.current().boardId();
        jdbc.sql("""
                INSERT INTO agent_accepted (board_id, device_id, school_id, accepted_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (board_id, device_id) DO UPDATE SET school_id = EXCLUDED.school_id,
                       accepted_by = EXCLUDED.accepted_by, accepted_at = now()""")
                .params(board, p.deviceId(), schoolId, access.actorName()).update();
        events.publishEvent(new RecordChanged("agent-queue", id, board, schoolId, RecordChanged.UPDATED, p.hostname(),
                RecordChanged.diff(Map.of("device", p.deviceId(), "status", "PENDING"),
                        Map.of("device", p.deviceId(), "status", "ACCEPTED", "school", schoolId))));
        if (report == null) {
            return null;
        }
        RawReport raw = ReportParser.parse(inflate(report));
        Enrolment into = enrolments.ofSchool(schoolId).orElseGet(() -> new Enrolment(schoolId, board, null, null, null,
                false, false, 24, 0));
        return intake.store(into, AgentReport.of(raw), p.sourceAddress(), raw.protocol()).assetId();
    }

    @Transactional
    void refuse(long id, int version) {
        Pending p = get(id);
        requireManageAnywhere();
        int n = jdbc.sql("""
                UPDATE agent_pending SET status = 'REFUSED', report = NULL, decided_by = ?, decided_at = now(),
                       version = version + 1 WHERE id = ? AND version = ?""")
                .params(access.actorName(), id, version).update();
        if (n == 0) {
            throw ConflictException.staleVersion("agent-pending", id);
        }
        long board = access.current().boardId();
        events.publishEvent(new RecordChanged("agent-queue", id, board, null, RecordChanged.UPDATED, p.hostname(),
                RecordChanged.diff(Map.of("device", p.deviceId(), "status", p.status()),
                        Map.of("device", p.deviceId(), "status", "REFUSED"))));
    }

    /** Forgets a device (waiting or refused): its next anonymous report queues it again. */
    @Transactional
    void forget(long id, int version) {
        Pending p = get(id);
        requireManageAnywhere();
        if (jdbc.sql("DELETE FROM agent_pending WHERE id = ? AND version = ?").params(id, version).update() == 0) {
            throw ConflictException.staleVersion("agent-pending", id);
        }
        long board = access.current().boardId();
        events.publishEvent(new RecordChanged("agent-queue", id, board, null, RecordChanged.DELETED, p.hostname(),
                RecordChanged.diff(Map.of("device", p.deviceId(), "status", p.status()), Map.of())));
    }

    private void requireReader() {
        requireManageAnywhere();
    }

    private void requireManageAnywhere() {
        access.requireAnywhere(Permission.INVENTORY_MANAGE);
    }

    private static final String SELECT = """
            SELECT id, device_id, protocol, hostname, serial, manufacturer, model, os_name, source_address,
                   report IS NOT NULL AS has_report, status, reports, first_seen_at, last_seen_at, decided_by, decided_at,
                   version
            FROM agent_pending""";

    private Pending row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Pending(rs.getLong("id"), rs.getString("device_id"), rs.getString("protocol"), rs.getString("hostname"),
                rs.getString("serial"), rs.getString("manufacturer"), rs.getString("model"), rs.getString("os_name"),
                rs.getString("source_address"), rs.getBoolean("has_report"), rs.getString("status"), rs.getInt("reports"),
                rs.getTimestamp("first_seen_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
                rs.getString("decided_by"), rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
                rs.getInt("version"));
    }

    static byte[] deflate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_SPEED))) {
            z.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Stored reports were decoded and size-checked on arrival; still, never inflate more than the body limit. */
    static byte[] inflate(byte[] bytes) {
        try (InflaterInputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(bytes))) {
            byte[] out = in.readNBytes(MAX_REPORT + 1);
            if (out.length > MAX_REPORT) {
                throw new IllegalStateException("stored agent report too large");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
