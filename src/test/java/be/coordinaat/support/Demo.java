package be.coordinaat.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Ids from the demo board, which every integration test starts from. */
public final class Demo {
    private Demo() {}

    /** School A: the coordinator, director, teacher and technician work here. */
    public static long regenboog(JdbcClient jdbc) {
        return jdbc.sql("SELECT id FROM school WHERE institution_number = '123456'").query(Long.class).single();
    }

    /** School B: the coordinator of school A has no role here. */
    public static long atheneum(JdbcClient jdbc) {
        return jdbc.sql("SELECT id FROM school WHERE institution_number = '654321'").query(Long.class).single();
    }

    public static long roomOf(JdbcClient jdbc, long schoolId) {
        return jdbc.sql("SELECT min(id) FROM room WHERE school_id = ?").param(schoolId).query(Long.class).single();
    }

    public static long buildingOf(JdbcClient jdbc, long schoolId) {
        return jdbc.sql("SELECT min(id) FROM building WHERE school_id = ?").param(schoolId).query(Long.class).single();
    }

    public static long campusOf(JdbcClient jdbc, long schoolId) {
        return jdbc.sql("SELECT min(id) FROM campus WHERE school_id = ?").param(schoolId).query(Long.class).single();
    }

    /** A fresh, unused 6-digit institution number. */
    public static String freshInstitutionNumber(JdbcClient jdbc) {
        for (int i = 0; i < 1000; i++) {
            String n = String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(200000, 999999));
            if (jdbc.sql("SELECT count(*) FROM school WHERE institution_number = ?").param(n).query(Long.class).single() == 0) {
                return n;
            }
        }
        throw new IllegalStateException();
    }
}
