package be.coordinaat.setup;

import be.coordinaat.access.Accounts;
import be.coordinaat.access.Role;
import be.coordinaat.school.Forms.BoardForm;
import be.coordinaat.school.Forms.BuildingForm;
import be.coordinaat.school.Forms.CampusForm;
import be.coordinaat.school.Forms.CommunityForm;
import be.coordinaat.school.Forms.RoomForm;
import be.coordinaat.school.Forms.SchoolForm;
import be.coordinaat.school.RoomKind;
import be.coordinaat.school.SchoolLevel;
import be.coordinaat.school.Schools;
import be.coordinaat.shared.DemoContributor;
import be.coordinaat.shared.DemoContributor.DemoBoard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/** Runs once the application is ready: demo data or first admin, then the "open it here" line. */
@Component
class FirstStart {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    static final List<String> DEMO_USERS = List.of("admin", "coordinator", "director", "teacher", "technician", "ictdienst",
            "dpo");

    private final JdbcClient jdbc;
    private final Schools schools;
    private final Accounts accounts;
    private final List<DemoContributor> contributors;
    private final TransactionTemplate tx;
    private final Environment env;

    FirstStart(JdbcClient jdbc, Schools schools, Accounts accounts, List<DemoContributor> contributors,
            TransactionTemplate tx, Environment env) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.accounts = accounts;
        this.contributors = contributors;
        this.tx = tx;
        this.env = env;
    }

    @Value("${coordinaat.demo:auto}")
    String demo;
    @Value("${coordinaat.bootstrap.board-name:}")
    String bootstrapBoard;
    @Value("${coordinaat.bootstrap.admin-username:}")
    String bootstrapUser;
    @Value("${coordinaat.bootstrap.admin-password:}")
    String bootstrapPassword;

    boolean demoWanted() {
        if ("auto".equalsIgnoreCase(demo)) {
            return !StringUtils.hasText(env.getProperty("spring.datasource.url"));
        }
        return Boolean.parseBoolean(demo);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady(ApplicationReadyEvent event) {
        boolean empty = jdbc.sql("SELECT count(*) FROM board").query(Long.class).single() == 0;
        boolean demoLoaded = false;
        if (empty && demoWanted()) {
            tx.executeWithoutResult(s -> loadDemo());
            demoLoaded = true;
        }
        if (StringUtils.hasText(bootstrapUser)) {
            tx.executeWithoutResult(s -> bootstrapAdmin());
        }
        String url = "http://localhost:" + port(event);
        boolean hasDemo = demoLoaded || jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'coordinator'")
                .query(Long.class).single() > 0;
        StringBuilder banner = new StringBuilder("\n\n  Coordinaat is running: open ").append(url).append('\n');
        if (hasDemo) {
            banner.append("  Demo accounts (password = user name): ").append(String.join(", ", DEMO_USERS)).append('\n')
                    .append("  e.g. sign in as coordinator / coordinator\n");
        } else if (jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single() == 0) {
            banner.append("  No accounts yet: create the first board admin with COORDINAAT_BOOTSTRAP_BOARD,\n")
                    .append("  COORDINAAT_BOOTSTRAP_ADMIN_USERNAME and COORDINAAT_BOOTSTRAP_ADMIN_PASSWORD (see README).\n");
        }
        log.info(banner.toString());
    }

    private static int port(ApplicationReadyEvent event) {
        return event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : 8080;
    }

    void bootstrapAdmin() {
        if (jdbc.sql("SELECT count(*) FROM role_grant WHERE role = 'BOARD_ADMIN'").query(Long.class).single() > 0) {
            log.info("A board admin exists already; COORDINAAT_BOOTSTRAP_ADMIN_* is ignored. You can remove it.");
            return;
        }
        if (!StringUtils.hasText(bootstrapBoard)) {
            throw new IllegalStateException("Set COORDINAAT_BOOTSTRAP_BOARD (the school board's name) together with "
                    + "COORDINAAT_BOOTSTRAP_ADMIN_USERNAME and COORDINAAT_BOOTSTRAP_ADMIN_PASSWORD.");
        }
        long boardId = jdbc.sql("SELECT id FROM board ORDER BY id LIMIT 1").query(Long.class).optional()
                .orElseGet(() -> schools.createBoard(new BoardForm(bootstrapBoard, null, null, null, null, null, null)));
        long userId = accounts.createInitial(new Accounts.NewAccount(boardId, bootstrapUser, bootstrapUser, null, null,
                bootstrapPassword, "nl-BE"));
        accounts.grantInitial(userId, boardId, Role.BOARD_ADMIN, null);
        log.info("Created the first board admin '{}' for board '{}'.", bootstrapUser, bootstrapBoard);
    }

    void loadDemo() {
        log.info("Loading the demo board (first start on the embedded database).");
        long board = schools.createBoard(new BoardForm("Gemeentebestuur Zonnebeke-Demo", "Marktplein 1", "8980",
                "Zonnebeke", "onderwijs@zonnebeke-demo.be", "051 00 00 00", null));
        long community = schools.createCommunity(board, new CommunityForm("Scholengemeenschap De Westhoek (demo)", null));
        long regenboog = schools.createSchool(board, new SchoolForm("Gemeentelijke Basisschool De Regenboog", "123456",
                SchoolLevel.PRIMARY, community, "Schoolstraat 12", "8980", "Zonnebeke", "regenboog@zonnebeke-demo.be",
                "051 11 11 11", null));
        long atheneum = schools.createSchool(board, new SchoolForm("Gemeentelijk Atheneum Zonnebeke", "654321",
                SchoolLevel.SECONDARY, community, "Stationsstraat 40", "8980", "Zonnebeke", "atheneum@zonnebeke-demo.be",
                "051 22 22 22", null));

        Map<String, Long> users = new LinkedHashMap<>();
        for (String name : DEMO_USERS) {
            String display = switch (name) {
                case "admin" -> "An Beheerder";
                case "coordinator" -> "Koen Coördinator";
                case "director" -> "Dirk Directeur";
                case "teacher" -> "Tine Leerkracht";
                case "technician" -> "Theo Technicus";
                case "ictdienst" -> "Theo Vanneste (ICT-dienst)";
                default -> "Dana Privacy";
            };
            users.put(name, accounts.createDemoAccount(new Accounts.NewAccount(board, name, display,
                    name + "@zonnebeke-demo.be", null, name, "nl-BE")));
        }
        // Direct inserts: the grant checks need a signed-in board admin, which does not exist yet.
        grant(users.get("admin"), board, Role.BOARD_ADMIN, null);
        grant(users.get("coordinator"), board, Role.COORDINATOR, regenboog);
        grant(users.get("director"), board, Role.DIRECTOR, regenboog);
        grant(users.get("teacher"), board, Role.STAFF, regenboog);
        grant(users.get("technician"), board, Role.TECHNICIAN, regenboog);
        grant(users.get("technician"), board, Role.TECHNICIAN, atheneum);
        grant(users.get("ictdienst"), board, Role.TECHNICIAN, regenboog);
        grant(users.get("ictdienst"), board, Role.TECHNICIAN, atheneum);
        grant(users.get("dpo"), board, Role.DPO, null);

        Map<String, Long> rooms = new LinkedHashMap<>();
        places(regenboog, "Hoofdschool", new String[] {"Blok A", "Blok B"}, rooms, "RB");
        places(atheneum, "Campus Centrum", new String[] {"Hoofdgebouw"}, rooms, "AT");

        DemoBoard demoBoard = new DemoBoard(board, community, Map.of("regenboog", regenboog, "atheneum", atheneum),
                users, rooms);
        for (DemoContributor contributor : contributors) {
            contributor.contribute(demoBoard);
        }
    }

    private void grant(long userId, long boardId, Role role, Long schoolId) {
        jdbc.sql("INSERT INTO role_grant (user_id, board_id, school_id, role) VALUES (?, ?, ?, ?)")
                .params(userId, boardId, schoolId, role.name()).update();
    }

    private void places(long schoolId, String campusName, String[] buildings, Map<String, Long> rooms, String prefix) {
        long campus = jdbc.sql("INSERT INTO campus (school_id, name, city) VALUES (?, ?, 'Zonnebeke') RETURNING id")
                .params(schoolId, campusName).query(Long.class).single();
        int n = 0;
        for (String b : buildings) {
            long building = jdbc.sql("INSERT INTO building (school_id, campus_id, name) VALUES (?, ?, ?) RETURNING id")
                    .params(schoolId, campus, b).query(Long.class).single();
            for (int i = 1; i <= 4; i++) {
                n++;
                String code = prefix + "-" + (100 + n);
                RoomKind kind = i == 4 ? RoomKind.COMPUTER_LAB : RoomKind.CLASSROOM;
                String name = kind == RoomKind.COMPUTER_LAB ? "Computerklas " + b : "Klas " + (100 + n);
                long room = jdbc.sql("""
                        INSERT INTO room (school_id, building_id, name, code, floor, kind, capacity) VALUES (?, ?, ?, ?, ?, ?, ?)
                        RETURNING id""").params(schoolId, building, name, code, i <= 2 ? "0" : "1", kind.name(), 24)
                        .query(Long.class).single();
                rooms.put(code, room);
            }
        }
        long server = jdbc.sql("INSERT INTO room (school_id, building_id, name, code, floor, kind) SELECT ?, id, 'Serverlokaal', ?, '0', 'SERVER_ROOM' FROM building WHERE campus_id = ? ORDER BY id LIMIT 1 RETURNING id")
                .params(schoolId, prefix + "-SRV", campus).query(Long.class).single();
        rooms.put(prefix + "-SRV", server);
    }
}
