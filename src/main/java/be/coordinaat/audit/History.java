package be.coordinaat.audit;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads the history. */
@Service
public class History {

    /** One history entry. */
    public record Entry(long id, Instant occurredAt, String actorName, String recordType, Long recordId, Long schoolId,
            String action, String label, Map<String, RecordChanged.Change> changes) {}

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final JsonMapper json;

    History(JdbcClient jdbc, AccessControl access, JsonMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.json = json;
    }

    /**
     * Synchronous on purpose: runs inside the transaction that made the change (or starts one for sign-in
     * events), so the change and its history commit together.
     */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void on(RecordChanged event) {
        jdbc.sql("""
                INSERT INTO history_entry (board_id, school_id, actor_user_id, actor_name, record_type, record_id, action, label, changes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(event.boardId(), event.schoolId(), access.actorId(), access.actorName(), event.recordType(),
                        event.recordId(), event.action(), truncate(event.label()), json.writeValueAsString(
                                event.changes() == null ? Map.of() : event.changes()))
                .update();
    }

    /** A bulk change (an import): every entry written by one statement, in the transaction of the changes. */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void on(be.coordinaat.shared.RecordsChanged batch) {
        int n = batch.changes().size();
        if (n == 0) {
            return;
        }
        Long[] boards = new Long[n];
        Long[] schools = new Long[n];
        String[] types = new String[n];
        Long[] ids = new Long[n];
        String[] actions = new String[n];
        String[] labels = new String[n];
        String[] changes = new String[n];
        for (int i = 0; i < n; i++) {
            RecordChanged e = batch.changes().get(i);
            boards[i] = e.boardId();
            schools[i] = e.schoolId();
            types[i] = e.recordType();
            ids[i] = e.recordId();
            actions[i] = e.action();
            labels[i] = truncate(e.label());
            changes[i] = json.writeValueAsString(e.changes() == null ? Map.of() : e.changes());
        }
        jdbc.sql("""
                INSERT INTO history_entry (board_id, school_id, actor_user_id, actor_name, record_type, record_id, action, label, changes)
                SELECT b, s, :actorId, :actorName, t, i, a, l, CAST(c AS jsonb)
                FROM unnest(CAST(:boards AS bigint[]), CAST(:schools AS bigint[]), CAST(:types AS text[]),
                            CAST(:ids AS bigint[]), CAST(:actions AS text[]), CAST(:labels AS text[]),
                            CAST(:changes AS text[])) AS x(b, s, t, i, a, l, c)""")
                .param("actorId", access.actorId(), java.sql.Types.BIGINT).param("actorName", access.actorName())
                .param("boards", boards).param("schools", schools).param("types", types).param("ids", ids)
                .param("actions", actions).param("labels", labels).param("changes", changes)
                .update();
    }

    /**
     * The history of one record, if the current user may see it: entries of a school need HISTORY_READ in that
     * school; board-level entries need it board-wide — except your own account's entries.
     */
    public List<Entry> of(String recordType, long recordId) {
        return jdbc.sql(SELECT + " WHERE record_type = :type AND record_id = :id AND " + visible()
                        + " ORDER BY occurred_at DESC, id DESC LIMIT 200")
                .param("type", recordType).param("id", recordId).params(scopeParams())
                .query(this::row).list();
    }

    /** The board's recent history (what the current user may see), newest first, paged. */
    public Page<Entry> recent(PageQuery query, String recordType) {
        String where = " WHERE " + visible() + (recordType == null ? "" : " AND record_type = :type");
        Map<String, Object> params = new LinkedHashMap<>(scopeParams());
        if (recordType != null) {
            params.put("type", recordType);
        }
        long total = jdbc.sql("SELECT count(*) FROM history_entry" + where).params(params).query(Long.class).single();
        List<Entry> items = jdbc.sql(SELECT + where + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset()).query(this::row).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    private String visible() {
        return "board_id = :board AND (school_id = ANY(CAST(:schools AS bigint[])) OR (school_id IS NULL AND :boardWide)"
                + " OR (record_type IN ('user', 'sign-in', 'api-token') AND actor_user_id = :me AND record_id IS NOT NULL AND (record_type = 'api-token' OR record_id = :me)))";
    }

    private Map<String, Object> scopeParams() {
        var user = access.current();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("board", user.boardId());
        p.put("schools", access.schoolArray(Permission.HISTORY_READ));
        p.put("boardWide", access.canForBoard(Permission.HISTORY_READ));
        p.put("me", user.id());
        return p;
    }

    private static final String SELECT = """
            SELECT id, occurred_at, actor_name, record_type, record_id, school_id, action, label, changes::text AS changes
            FROM history_entry""";

    private Entry row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Map<String, RecordChanged.Change> changes = json.readValue(rs.getString("changes"),
                new TypeReference<LinkedHashMap<String, RecordChanged.Change>>() {});
        return new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_name"),
                rs.getString("record_type"), (Long) rs.getObject("record_id"), (Long) rs.getObject("school_id"),
                rs.getString("action"), rs.getString("label"), changes);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300);
    }
}
