package be.coordinaat.school;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory;
import be.coordinaat.school.Forms.BoardForm;
import be.coordinaat.school.Forms.BuildingForm;
import be.coordinaat.school.Forms.CampusForm;
import be.coordinaat.school.Forms.CommunityForm;
import be.coordinaat.school.Forms.RoomForm;
import be.coordinaat.school.Forms.SchoolForm;
import be.coordinaat.school.Views.BoardView;
import be.coordinaat.school.Views.BuildingView;
import be.coordinaat.school.Views.CampusView;
import be.coordinaat.school.Views.CommunityView;
import be.coordinaat.school.Views.RoomView;
import be.coordinaat.school.Views.SchoolView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school module's API: the board, the school community, schools and their places. Every read is limited to
 * the schools the current user may see; every write checks the role and records the change in the history.
 */
@Service
@Transactional(readOnly = true)
public class Schools implements SchoolDirectory {

    private static final String SCHOOL_SELECT = """
            SELECT s.id, s.board_id, s.name, s.institution_number, s.level, s.community_id, c.name AS community_name,
                   s.street, s.postal_code, s.city, s.email, s.phone, s.version
            FROM school s LEFT JOIN school_community c ON c.id = s.community_id""";
    private static final String ROOM_SELECT = """
            SELECT r.id, r.school_id, r.building_id, b.name AS building_name, c.name AS campus_name, r.name, r.code,
                   r.floor, r.kind, r.capacity, r.version
            FROM room r JOIN building b ON b.id = r.building_id JOIN campus c ON c.id = b.campus_id""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final ApplicationEventPublisher events;

    Schools(JdbcClient jdbc, @org.springframework.context.annotation.Lazy AccessControl access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    // ---- SchoolDirectory (used by access to expand board-wide roles) ----

    @Override
    public List<SchoolRef> schoolsOfBoard(long boardId) {
        return jdbc.sql("SELECT id, name FROM school WHERE board_id = ? ORDER BY lower(name), id").param(boardId)
                .query((rs, n) -> new SchoolRef(rs.getLong(1), rs.getString(2))).list();
    }

    // ---- board ----

    public BoardView board() {
        long boardId = access.current().boardId();
        return jdbc.sql("SELECT id, name, street, postal_code, city, email, phone, version FROM board WHERE id = ?")
                .param(boardId)
                .query((rs, n) -> new BoardView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)))
                .single();
    }

    /** Creates a board; used by the demo data and the first-admin bootstrap, never from a request. */
    @Transactional
    public long createBoard(BoardForm form) {
        long id = jdbc.sql("INSERT INTO board (name, street, postal_code, city, email, phone) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                .params(form.name().strip(), blank(form.street()), blank(form.postalCode()), blank(form.city()),
                        blank(form.email()), blank(form.phone()))
                .query(Long.class).single();
        events.publishEvent(new RecordChanged("board", id, id, null, RecordChanged.CREATED, form.name(),
                RecordChanged.diff(Map.of(), boardSnapshot(form))));
        return id;
    }

    @Transactional
    public void updateBoard(BoardForm form) {
        access.requireForBoard(Permission.BOARD_MANAGE);
        BoardView before = board();
        int n = jdbc.sql("""
                UPDATE board SET name = ?, street = ?, postal_code = ?, city = ?, email = ?, phone = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(form.name().strip(), blank(form.street()), blank(form.postalCode()), blank(form.city()),
                        blank(form.email()), blank(form.phone()), before.id(), versionOf(form.version(), before.version()))
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion("board", before.id());
        }
        events.publishEvent(new RecordChanged("board", before.id(), before.id(), null, RecordChanged.UPDATED, form.name(),
                RecordChanged.diff(boardSnapshot(new BoardForm(before.name(), before.street(), before.postalCode(),
                        before.city(), before.email(), before.phone(), null)), boardSnapshot(form))));
    }

    private static Map<String, Object> boardSnapshot(BoardForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("street", blank(f.street()));
        m.put("postalCode", blank(f.postalCode()));
        m.put("city", blank(f.city()));
        m.put("email", blank(f.email()));
        m.put("phone", blank(f.phone()));
        return m;
    }

    // ---- school community ----

    public List<CommunityView> communities() {
        long boardId = access.current().boardId();
        return jdbc.sql("""
                SELECT c.id, c.board_id, c.name, (SELECT count(*) FROM school s WHERE s.community_id = c.id), c.version
                FROM school_community c WHERE c.board_id = ? ORDER BY lower(c.name)""").param(boardId)
                .query((rs, n) -> new CommunityView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    public CommunityView community(long id) {
        return communities().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("community", id));
    }

    @Transactional
    public long createCommunity(CommunityForm form) {
        access.requireForBoard(Permission.BOARD_MANAGE);
        long boardId = access.current().boardId();
        return createCommunity(boardId, form);
    }

    @Transactional
    public long createCommunity(long boardId, CommunityForm form) {
        long id;
        try {
            id = jdbc.sql("INSERT INTO school_community (board_id, name) VALUES (?, ?) RETURNING id")
                    .params(boardId, form.name().strip()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("name", "error.duplicate", "already exists");
        }
        events.publishEvent(new RecordChanged("community", id, boardId, null, RecordChanged.CREATED, form.name(),
                RecordChanged.diff(Map.of(), Map.of("name", form.name().strip()))));
        return id;
    }

    @Transactional
    public void updateCommunity(long id, CommunityForm form) {
        access.requireForBoard(Permission.BOARD_MANAGE);
        CommunityView before = community(id);
        try {
            int n = jdbc.sql("UPDATE school_community SET name = ?, version = version + 1 WHERE id = ? AND version = ?")
                    .params(form.name().strip(), id, versionOf(form.version(), before.version())).update();
            if (n == 0) {
                throw ConflictException.staleVersion("community", id);
            }
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("name", "error.duplicate", "already exists");
        }
        events.publishEvent(new RecordChanged("community", id, before.boardId(), null, RecordChanged.UPDATED, form.name(),
                RecordChanged.diff(Map.of("name", before.name()), Map.of("name", form.name().strip()))));
    }

    // ---- schools ----

    public Page<SchoolView> schools(PageQuery query) {
        Long[] visible = access.schoolArray(Permission.SCHOOL_READ);
        String where = " WHERE s.id = ANY(CAST(:ids AS bigint[]))" + (query.q() == null ? ""
                : " AND (lower(s.name) LIKE :q ESCAPE '\\' OR s.institution_number LIKE :q ESCAPE '\\' OR lower(coalesce(s.city, '')) LIKE :q ESCAPE '\\')");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", visible);
        if (query.q() != null) {
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM school s" + where).params(params).query(Long.class).single();
        List<SchoolView> items = jdbc.sql(SCHOOL_SELECT + where
                        + query.orderBy(Map.of("name", "lower(s.name)", "number", "s.institution_number",
                        "city", "lower(s.city)", "level", "s.level"), "name").replace(", id", ", s.id")
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query(SCHOOL_ROW).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** A school the current user may see; 404 otherwise. */
    public SchoolView school(long id) {
        if (!access.can(Permission.SCHOOL_READ, id)) {
            throw new NotFoundException("school", id);
        }
        return jdbc.sql(SCHOOL_SELECT + " WHERE s.id = ?").param(id).query(SCHOOL_ROW).optional()
                .orElseThrow(() -> new NotFoundException("school", id));
    }

    @Transactional
    public long createSchool(SchoolForm form) {
        access.requireForBoard(Permission.BOARD_MANAGE);
        return createSchool(access.current().boardId(), form);
    }

    /** Creates a school in a given board without a role check: for the demo data and bootstrap only. */
    @Transactional
    public long createSchool(long boardId, SchoolForm form) {
        checkCommunity(boardId, form.communityId());
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO school (board_id, community_id, name, institution_number, level, street, postal_code, city, email, phone)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(boardId, form.communityId(), form.name().strip(), form.institutionNumber(), form.level().name(),
                            blank(form.street()), blank(form.postalCode()), blank(form.city()), blank(form.email()),
                            blank(form.phone()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("institutionNumber", "error.institutionNumber.taken",
                    "another school already has this institution number");
        }
        events.publishEvent(new RecordChanged("school", id, boardId, id, RecordChanged.CREATED, form.name(),
                RecordChanged.diff(Map.of(), schoolSnapshot(form))));
        return id;
    }

    @Transactional
    public void updateSchool(long id, SchoolForm form) {
        SchoolView before = school(id);
        access.requireForBoard(Permission.BOARD_MANAGE);
        checkCommunity(before.boardId(), form.communityId());
        try {
            int n = jdbc.sql("""
                    UPDATE school SET community_id = ?, name = ?, institution_number = ?, level = ?, street = ?,
                           postal_code = ?, city = ?, email = ?, phone = ?, version = version + 1
                    WHERE id = ? AND version = ?""")
                    .params(form.communityId(), form.name().strip(), form.institutionNumber(), form.level().name(),
                            blank(form.street()), blank(form.postalCode()), blank(form.city()), blank(form.email()),
                            blank(form.phone()), id, versionOf(form.version(), before.version()))
                    .update();
            if (n == 0) {
                throw ConflictException.staleVersion("school", id);
            }
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("institutionNumber", "error.institutionNumber.taken",
                    "another school already has this institution number");
        }
        events.publishEvent(new RecordChanged("school", id, before.boardId(), id, RecordChanged.UPDATED, form.name(),
                RecordChanged.diff(schoolSnapshot(new SchoolForm(before.name(), before.institutionNumber(), before.level(),
                        before.communityId(), before.street(), before.postalCode(), before.city(), before.email(),
                        before.phone(), null)), schoolSnapshot(form))));
    }

    private void checkCommunity(long boardId, Long communityId) {
        if (communityId != null && jdbc.sql("SELECT count(*) FROM school_community WHERE id = ? AND board_id = ?")
                .params(communityId, boardId).query(Long.class).single() == 0) {
            throw InvalidInputException.of("communityId", "error.reference", "does not exist");
        }
    }

    private static Map<String, Object> schoolSnapshot(SchoolForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name() == null ? null : f.name().strip());
        m.put("institutionNumber", f.institutionNumber());
        m.put("level", f.level());
        m.put("communityId", f.communityId());
        m.put("street", blank(f.street()));
        m.put("postalCode", blank(f.postalCode()));
        m.put("city", blank(f.city()));
        m.put("email", blank(f.email()));
        m.put("phone", blank(f.phone()));
        return m;
    }

    // ---- campuses ----

    public List<CampusView> campuses(long schoolId) {
        requirePlacesRead(schoolId);
        return jdbc.sql("SELECT id, school_id, name, street, postal_code, city, version FROM campus WHERE school_id = ? ORDER BY lower(name)")
                .param(schoolId).query(CAMPUS_ROW).list();
    }

    public CampusView campus(long id) {
        CampusView c = jdbc.sql("SELECT id, school_id, name, street, postal_code, city, version FROM campus WHERE id = ?")
                .param(id).query(CAMPUS_ROW).optional().orElseThrow(() -> new NotFoundException("campus", id));
        if (!access.can(Permission.PLACES_READ, c.schoolId())) {
            throw new NotFoundException("campus", id);
        }
        return c;
    }

    @Transactional
    public long createCampus(long schoolId, CampusForm form) {
        requirePlacesManage(schoolId);
        long id = insertUnique(() -> jdbc.sql("INSERT INTO campus (school_id, name, street, postal_code, city) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(schoolId, form.name().strip(), blank(form.street()), blank(form.postalCode()), blank(form.city()))
                .query(Long.class).single());
        publish("campus", id, schoolId, RecordChanged.CREATED, form.name(), Map.of(), campusSnapshot(form));
        return id;
    }

    @Transactional
    public void updateCampus(long id, CampusForm form) {
        CampusView before = campus(id);
        requirePlacesManage(before.schoolId());
        updateVersioned("campus", id, () -> jdbc.sql("""
                UPDATE campus SET name = ?, street = ?, postal_code = ?, city = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(form.name().strip(), blank(form.street()), blank(form.postalCode()), blank(form.city()), id,
                        versionOf(form.version(), before.version())).update());
        publish("campus", id, before.schoolId(), RecordChanged.UPDATED, form.name(),
                campusSnapshot(new CampusForm(before.name(), before.street(), before.postalCode(), before.city(), null)),
                campusSnapshot(form));
    }

    @Transactional
    public void deleteCampus(long id) {
        CampusView before = campus(id);
        requirePlacesManage(before.schoolId());
        if (jdbc.sql("SELECT count(*) FROM building WHERE campus_id = ?").param(id).query(Long.class).single() > 0) {
            throw new ConflictException("error.campus.notEmpty", "the campus still has buildings; remove them first");
        }
        jdbc.sql("DELETE FROM campus WHERE id = ?").param(id).update();
        publish("campus", id, before.schoolId(), RecordChanged.DELETED, before.name(),
                campusSnapshot(new CampusForm(before.name(), before.street(), before.postalCode(), before.city(), null)), Map.of());
    }

    private static Map<String, Object> campusSnapshot(CampusForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name() == null ? null : f.name().strip());
        m.put("street", blank(f.street()));
        m.put("postalCode", blank(f.postalCode()));
        m.put("city", blank(f.city()));
        return m;
    }

    // ---- buildings ----

    public List<BuildingView> buildings(long schoolId) {
        requirePlacesRead(schoolId);
        return jdbc.sql("""
                SELECT b.id, b.school_id, b.campus_id, c.name, b.name, b.version FROM building b JOIN campus c ON c.id = b.campus_id
                WHERE b.school_id = ? ORDER BY lower(c.name), lower(b.name)""").param(schoolId).query(BUILDING_ROW).list();
    }

    public BuildingView building(long id) {
        BuildingView b = jdbc.sql("""
                SELECT b.id, b.school_id, b.campus_id, c.name, b.name, b.version FROM building b JOIN campus c ON c.id = b.campus_id
                WHERE b.id = ?""").param(id).query(BUILDING_ROW).optional()
                .orElseThrow(() -> new NotFoundException("building", id));
        if (!access.can(Permission.PLACES_READ, b.schoolId())) {
            throw new NotFoundException("building", id);
        }
        return b;
    }

    @Transactional
    public long createBuilding(long schoolId, BuildingForm form) {
        requirePlacesManage(schoolId);
        requireCampusOf(schoolId, form.campusId());
        long id = insertUnique(() -> jdbc.sql("INSERT INTO building (school_id, campus_id, name) VALUES (?, ?, ?) RETURNING id")
                .params(schoolId, form.campusId(), form.name().strip()).query(Long.class).single());
        publish("building", id, schoolId, RecordChanged.CREATED, form.name(), Map.of(),
                Map.of("name", form.name().strip(), "campusId", form.campusId()));
        return id;
    }

    @Transactional
    public void updateBuilding(long id, BuildingForm form) {
        BuildingView before = building(id);
        requirePlacesManage(before.schoolId());
        requireCampusOf(before.schoolId(), form.campusId());
        updateVersioned("building", id, () -> jdbc.sql(
                        "UPDATE building SET campus_id = ?, name = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(form.campusId(), form.name().strip(), id, versionOf(form.version(), before.version())).update());
        publish("building", id, before.schoolId(), RecordChanged.UPDATED, form.name(),
                Map.of("name", before.name(), "campusId", before.campusId()),
                Map.of("name", form.name().strip(), "campusId", form.campusId()));
    }

    @Transactional
    public void deleteBuilding(long id) {
        BuildingView before = building(id);
        requirePlacesManage(before.schoolId());
        if (jdbc.sql("SELECT count(*) FROM room WHERE building_id = ?").param(id).query(Long.class).single() > 0) {
            throw new ConflictException("error.building.notEmpty", "the building still has rooms; remove them first");
        }
        jdbc.sql("DELETE FROM building WHERE id = ?").param(id).update();
        publish("building", id, before.schoolId(), RecordChanged.DELETED, before.name(),
                Map.of("name", before.name(), "campusId", before.campusId()), Map.of());
    }

    private void requireCampusOf(long schoolId, Long campusId) {
        if (campusId == null || jdbc.sql("SELECT count(*) FROM campus WHERE id = ? AND school_id = ?")
                .params(campusId, schoolId).query(Long.class).single() == 0) {
            throw InvalidInputException.of("campusId", "error.reference", "does not exist");
        }
    }

    // ---- rooms ----

    public Page<RoomView> rooms(long schoolId, PageQuery query) {
        requirePlacesRead(schoolId);
        String where = " WHERE r.school_id = :school" + (query.q() == null ? ""
                : " AND (lower(r.name) LIKE :q ESCAPE '\\' OR lower(coalesce(r.code, '')) LIKE :q ESCAPE '\\')");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("school", schoolId);
        if (query.q() != null) {
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM room r" + where).params(params).query(Long.class).single();
        List<RoomView> items = jdbc.sql(ROOM_SELECT + where
                        + query.orderBy(Map.of("name", "lower(r.name)", "code", "r.code", "building", "lower(b.name)",
                        "kind", "r.kind"), "name").replace(", id", ", r.id")
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query(ROOM_ROW).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    public RoomView room(long id) {
        RoomView r = jdbc.sql(ROOM_SELECT + " WHERE r.id = ?").param(id).query(ROOM_ROW).optional()
                .orElseThrow(() -> new NotFoundException("room", id));
        if (!access.can(Permission.PLACES_READ, r.schoolId())) {
            throw new NotFoundException("room", id);
        }
        return r;
    }

    @Transactional
    public long createRoom(long schoolId, RoomForm form) {
        requirePlacesManage(schoolId);
        requireBuildingOf(schoolId, form.buildingId());
        long id = insertUnique(() -> jdbc.sql("""
                INSERT INTO room (school_id, building_id, name, code, floor, kind, capacity) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(schoolId, form.buildingId(), form.name().strip(), blank(form.code()), blank(form.floor()),
                        form.kind().name(), form.capacity())
                .query(Long.class).single());
        publish("room", id, schoolId, RecordChanged.CREATED, form.name(), Map.of(), roomSnapshot(form));
        return id;
    }

    @Transactional
    public void updateRoom(long id, RoomForm form) {
        RoomView before = room(id);
        requirePlacesManage(before.schoolId());
        requireBuildingOf(before.schoolId(), form.buildingId());
        updateVersioned("room", id, () -> jdbc.sql("""
                UPDATE room SET building_id = ?, name = ?, code = ?, floor = ?, kind = ?, capacity = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(form.buildingId(), form.name().strip(), blank(form.code()), blank(form.floor()), form.kind().name(),
                        form.capacity(), id, versionOf(form.version(), before.version())).update());
        publish("room", id, before.schoolId(), RecordChanged.UPDATED, form.name(),
                roomSnapshot(new RoomForm(before.buildingId(), before.name(), before.code(), before.floor(), before.kind(),
                        before.capacity(), null)), roomSnapshot(form));
    }

    @Transactional
    public void deleteRoom(long id) {
        RoomView before = room(id);
        requirePlacesManage(before.schoolId());
        try {
            jdbc.sql("DELETE FROM room WHERE id = ?").param(id).update();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("error.room.inUse", "the room is still in use");
        }
        publish("room", id, before.schoolId(), RecordChanged.DELETED, before.name(),
                roomSnapshot(new RoomForm(before.buildingId(), before.name(), before.code(), before.floor(), before.kind(),
                        before.capacity(), null)), Map.of());
    }

    /** Whether a room exists in one of the given schools; for other modules that link records to rooms. */
    public boolean roomIn(long roomId, Set<Long> schoolIds) {
        Long school = jdbc.sql("SELECT school_id FROM room WHERE id = ?").param(roomId).query(Long.class).optional().orElse(null);
        return school != null && schoolIds.contains(school);
    }

    private void requireBuildingOf(long schoolId, Long buildingId) {
        if (buildingId == null || jdbc.sql("SELECT count(*) FROM building WHERE id = ? AND school_id = ?")
                .params(buildingId, schoolId).query(Long.class).single() == 0) {
            throw InvalidInputException.of("buildingId", "error.reference", "does not exist");
        }
    }

    private static Map<String, Object> roomSnapshot(RoomForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("buildingId", f.buildingId());
        m.put("name", f.name() == null ? null : f.name().strip());
        m.put("code", blank(f.code()));
        m.put("floor", blank(f.floor()));
        m.put("kind", f.kind());
        m.put("capacity", f.capacity());
        return m;
    }

    // ---- helpers ----

    private void requirePlacesRead(long schoolId) {
        if (!access.can(Permission.PLACES_READ, schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    private void requirePlacesManage(long schoolId) {
        requirePlacesRead(schoolId);
        access.require(Permission.PLACES_MANAGE, schoolId);
    }

    private long insertUnique(java.util.function.LongSupplier insert) {
        try {
            return insert.getAsLong();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("name", "error.duplicate", "already exists");
        }
    }

    private void updateVersioned(String type, long id, java.util.function.IntSupplier update) {
        int n;
        try {
            n = update.getAsInt();
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("name", "error.duplicate", "already exists");
        }
        if (n == 0) {
            throw ConflictException.staleVersion(type, id);
        }
    }

    private void publish(String type, long id, long schoolId, String action, String label, Map<String, ?> before,
            Map<String, ?> after) {
        long boardId = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(schoolId).query(Long.class).single();
        events.publishEvent(new RecordChanged(type, id, boardId, schoolId, action, label == null ? null : label.strip(),
                RecordChanged.diff(before, after)));
    }

    private static int versionOf(Integer given, int current) {
        return given == null ? current : given;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final RowMapper<SchoolView> SCHOOL_ROW = (rs, n) -> new SchoolView(rs.getLong("id"), rs.getLong("board_id"),
            rs.getString("name"), rs.getString("institution_number"), SchoolLevel.valueOf(rs.getString("level")),
            (Long) rs.getObject("community_id"), rs.getString("community_name"), rs.getString("street"),
            rs.getString("postal_code"), rs.getString("city"), rs.getString("email"), rs.getString("phone"), rs.getInt("version"));
    private static final RowMapper<CampusView> CAMPUS_ROW = (rs, n) -> new CampusView(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7));
    private static final RowMapper<BuildingView> BUILDING_ROW = (rs, n) -> new BuildingView(rs.getLong(1), rs.getLong(2),
            rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6));
    private static final RowMapper<RoomView> ROOM_ROW = (rs, n) -> new RoomView(rs.getLong("id"), rs.getLong("school_id"),
            rs.getLong("building_id"), rs.getString("building_name"), rs.getString("campus_name"), rs.getString("name"),
            rs.getString("code"), rs.getString("floor"), RoomKind.valueOf(rs.getString("kind")),
            (Integer) rs.getObject("capacity"), rs.getInt("version"));
}
