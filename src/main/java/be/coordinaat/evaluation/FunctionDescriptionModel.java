package be.coordinaat.evaluation;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.evaluation.Forms.SectionForm;
import be.coordinaat.evaluation.Forms.TaskForm;
import be.coordinaat.evaluation.Views.ModelView;
import be.coordinaat.evaluation.Views.SectionView;
import be.coordinaat.evaluation.Views.TaskView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.RecordChanged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board's model of the function description: sections (A.1 … C) and their ordered task lines. Everyone with
 * FUNCTION_DESCRIPTION_READ may read it; only a board-wide FUNCTION_DESCRIPTION_MANAGE (the board admin) edits it,
 * because one model serves all schools of the board. Generated documents keep their own copy, so editing the model
 * never changes a version generated before.
 */
@Service
@Transactional(readOnly = true)
public class FunctionDescriptionModel {

    static final String SECTION = "function-description-section";
    static final String TASK = "function-description-task";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final ApplicationEventPublisher events;

    FunctionDescriptionModel(JdbcClient jdbc, AccessControl access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    /** Whether the current user may edit the model. */
    public boolean canEdit() {
        return access.canForBoard(Permission.FUNCTION_DESCRIPTION_MANAGE);
    }

    /**
     * The model of the current user's board. A board without one (a new board) gets the standard model here, the
     * first time anyone needs it: hence not read-only.
     */
    @Transactional
    public ModelView model() {
        access.requireAnywhere(Permission.FUNCTION_DESCRIPTION_READ);
        return modelOf(access.current().boardId());
    }

    /** The model of a board, without a role check: for generating a document someone may generate. */
    @Transactional
    ModelView modelOf(long boardId) {
        createStandard(boardId);
        Map<Long, List<TaskView>> tasks = jdbc.sql("""
                SELECT id, section_id, position, text, version FROM fd_task WHERE board_id = ?
                ORDER BY section_id, position, id""").param(boardId).query(TASK_ROW).list().stream()
                .collect(Collectors.groupingBy(TaskView::sectionId, LinkedHashMap::new, Collectors.toList()));
        List<SectionView> sections = jdbc.sql("""
                SELECT id, code, title, intro, position, requires_pedagogical_proof, version FROM fd_section
                WHERE board_id = ? ORDER BY position, id""").param(boardId)
                .query((rs, n) -> new SectionView(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                        rs.getString("intro"), rs.getInt("position"), rs.getBoolean("requires_pedagogical_proof"),
                        rs.getInt("version"), List.of()))
                .list().stream()
                .map(s -> new SectionView(s.id(), s.code(), s.title(), s.intro(), s.position(),
                        s.requiresPedagogicalProof(), s.version(), tasks.getOrDefault(s.id(), List.of())))
                .toList();
        return new ModelView(sections);
    }

    /**
     * Creates the standard model for a board that has none; does nothing otherwise. Safe when two requests do it
     * at once: the unique section code lets only one of them insert.
     */
    @Transactional
    void createStandard(long boardId) {
        if (jdbc.sql("SELECT count(*) FROM fd_section WHERE board_id = ?").param(boardId).query(Long.class).single() > 0) {
            return;
        }
        int position = 0;
        for (StandardModel.Section s : StandardModel.SECTIONS) {
            position++;
            Long sectionId = jdbc.sql("""
                    INSERT INTO fd_section (board_id, code, title, intro, position, requires_pedagogical_proof)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""")
                    .params(boardId, s.code(), s.title(), s.intro(), position, s.requiresPedagogicalProof())
                    .query(Long.class).optional().orElse(null);
            if (sectionId == null) {
                return;
            }
            int taskPosition = 0;
            for (String text : s.tasks()) {
                jdbc.sql("INSERT INTO fd_task (board_id, section_id, position, text) VALUES (?, ?, ?, ?)")
                        .params(boardId, sectionId, ++taskPosition, text).update();
            }
            Map<String, Object> after = sectionSnapshot(s.title(), s.intro(), s.requiresPedagogicalProof());
            after.put("tasks", String.join(" | ", s.tasks()));
            events.publishEvent(new RecordChanged(SECTION, sectionId, boardId, null, RecordChanged.CREATED,
                    s.code() + " " + s.title(), RecordChanged.diff(Map.of(), after)));
        }
    }

    // ---- sections ----

    /** A section of the current user's board; 404 for another board's. */
    public SectionView section(long id) {
        access.requireAnywhere(Permission.FUNCTION_DESCRIPTION_READ);
        long boardId = access.current().boardId();
        return jdbc.sql("""
                SELECT id, code, title, intro, position, requires_pedagogical_proof, version FROM fd_section
                WHERE id = ? AND board_id = ?""").params(id, boardId)
                .query((rs, n) -> new SectionView(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                        rs.getString("intro"), rs.getInt("position"), rs.getBoolean("requires_pedagogical_proof"),
                        rs.getInt("version"), tasksOf(rs.getLong("id"))))
                .optional().orElseThrow(() -> new NotFoundException("section", id));
    }

    @Transactional
    public void updateSection(long id, SectionForm form) {
        SectionView before = section(id);
        requireEdit();
        boolean proof = form.requiresPedagogicalProofOr(before.requiresPedagogicalProof());
        int n = jdbc.sql("""
                UPDATE fd_section SET title = ?, intro = ?, requires_pedagogical_proof = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(form.title().strip(), blank(form.intro()), proof, id,
                        versionOf(form.version(), before.version()))
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion("section", id);
        }
        events.publishEvent(new RecordChanged(SECTION, id, access.current().boardId(), null, RecordChanged.UPDATED,
                before.code() + " " + form.title().strip(), RecordChanged.diff(
                        sectionSnapshot(before.title(), before.intro(), before.requiresPedagogicalProof()),
                        sectionSnapshot(form.title(), form.intro(), proof))));
    }

    private static Map<String, Object> sectionSnapshot(String title, String intro, boolean proof) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title == null ? null : title.strip());
        m.put("intro", blank(intro));
        m.put("requiresPedagogicalProof", proof);
        return m;
    }

    // ---- tasks ----

    /** A task line of the current user's board; 404 for another board's. */
    public TaskView task(long id) {
        access.requireAnywhere(Permission.FUNCTION_DESCRIPTION_READ);
        return jdbc.sql("SELECT id, section_id, position, text, version FROM fd_task WHERE id = ? AND board_id = ?")
                .params(id, access.current().boardId()).query(TASK_ROW).optional()
                .orElseThrow(() -> new NotFoundException("task", id));
    }

    /** Adds a task line to a section: at the end, or at {@code position} when given. */
    @Transactional
    public long addTask(long sectionId, TaskForm form) {
        SectionView section = section(sectionId);
        requireEdit();
        lockSection(sectionId);
        int count = countTasks(sectionId);
        int position = form.position() == null ? count + 1 : Math.min(form.position(), count + 1);
        jdbc.sql("UPDATE fd_task SET position = position + 1 WHERE section_id = ? AND position >= ?")
                .params(sectionId, position).update();
        long boardId = access.current().boardId();
        long id = jdbc.sql("INSERT INTO fd_task (board_id, section_id, position, text) VALUES (?, ?, ?, ?) RETURNING id")
                .params(boardId, sectionId, position, form.text().strip()).query(Long.class).single();
        events.publishEvent(new RecordChanged(TASK, id, boardId, null, RecordChanged.CREATED,
                label(section, form.text()), RecordChanged.diff(Map.of(),
                        taskSnapshot(section.code(), form.text(), position))));
        return id;
    }

    /** Changes the text of a task line and, when {@code position} is given, moves it within its section. */
    @Transactional
    public void updateTask(long id, TaskForm form) {
        TaskView before = task(id);
        requireEdit();
        SectionView section = section(before.sectionId());
        lockSection(before.sectionId());
        int position = before.position();
        if (form.position() != null && form.position() != before.position()) {
            position = Math.min(form.position(), countTasks(before.sectionId()));
            if (position < before.position()) {
                jdbc.sql("UPDATE fd_task SET position = position + 1 WHERE section_id = ? AND position >= ? AND position < ?")
                        .params(before.sectionId(), position, before.position()).update();
            } else if (position > before.position()) {
                jdbc.sql("UPDATE fd_task SET position = position - 1 WHERE section_id = ? AND position > ? AND position <= ?")
                        .params(before.sectionId(), before.position(), position).update();
            }
        }
        int n = jdbc.sql("UPDATE fd_task SET text = ?, position = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(form.text().strip(), position, id, versionOf(form.version(), before.version())).update();
        if (n == 0) {
            throw ConflictException.staleVersion("task", id);
        }
        events.publishEvent(new RecordChanged(TASK, id, access.current().boardId(), null, RecordChanged.UPDATED,
                label(section, form.text()), RecordChanged.diff(taskSnapshot(section.code(), before.text(), before.position()),
                        taskSnapshot(section.code(), form.text(), position))));
    }

    /** Moves a task line one place up ({@code -1}) or down ({@code +1}) in its section. */
    @Transactional
    public void moveTask(long id, int delta, Integer version) {
        TaskView task = task(id);
        requireEdit();
        int target = Math.max(1, Math.min(task.position() + delta, countTasks(task.sectionId())));
        if (target != task.position()) {
            updateTask(id, new TaskForm(task.text(), target, version));
        }
    }

    @Transactional
    public void deleteTask(long id) {
        TaskView before = task(id);
        requireEdit();
        SectionView section = section(before.sectionId());
        lockSection(before.sectionId());
        jdbc.sql("DELETE FROM fd_task WHERE id = ?").param(id).update();
        jdbc.sql("UPDATE fd_task SET position = position - 1 WHERE section_id = ? AND position > ?")
                .params(before.sectionId(), before.position()).update();
        events.publishEvent(new RecordChanged(TASK, id, access.current().boardId(), null, RecordChanged.DELETED,
                label(section, before.text()), RecordChanged.diff(taskSnapshot(section.code(), before.text(),
                        before.position()), Map.of())));
    }

    private List<TaskView> tasksOf(long sectionId) {
        return jdbc.sql("SELECT id, section_id, position, text, version FROM fd_task WHERE section_id = ? ORDER BY position, id")
                .param(sectionId).query(TASK_ROW).list();
    }

    private int countTasks(long sectionId) {
        return jdbc.sql("SELECT count(*) FROM fd_task WHERE section_id = ?").param(sectionId).query(Integer.class).single();
    }

    /** Serialises changes to the order of one section's tasks, so two editors never leave duplicate positions. */
    private void lockSection(long sectionId) {
        jdbc.sql("SELECT id FROM fd_section WHERE id = ? FOR UPDATE").param(sectionId).query(Long.class).single();
    }

    private void requireEdit() {
        access.requireForBoard(Permission.FUNCTION_DESCRIPTION_MANAGE);
    }

    private static Map<String, Object> taskSnapshot(String sectionCode, String text, int position) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("section", sectionCode);
        m.put("text", text == null ? null : text.strip());
        m.put("position", position);
        return m;
    }

    private static String label(SectionView section, String text) {
        String t = text == null ? "" : text.strip();
        return section.code() + ": " + (t.length() > 120 ? t.substring(0, 120) + "…" : t);
    }

    private static int versionOf(Integer given, int current) {
        return given == null ? current : given;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final RowMapper<TaskView> TASK_ROW = (rs, n) -> new TaskView(rs.getLong("id"), rs.getLong("section_id"),
            rs.getInt("position"), rs.getString("text"), rs.getInt("version"));

    /** Only the sections a document includes: those needing the proof of pedagogical competence only with it. */
    static List<SectionView> sectionsFor(ModelView model, boolean pedagogicalProof) {
        List<SectionView> included = new ArrayList<>();
        for (SectionView s : model.sections()) {
            if (pedagogicalProof || !s.requiresPedagogicalProof()) {
                included.add(s);
            }
        }
        return included;
    }
}
