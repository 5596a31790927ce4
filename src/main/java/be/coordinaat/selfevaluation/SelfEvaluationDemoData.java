package be.coordinaat.selfevaluation;

import be.coordinaat.selfevaluation.Views.StatementView;
import be.coordinaat.shared.DemoContributor;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo self-evaluation of De Regenboog: last year's closed round, this year's closed round (better in
 * infrastructure and professional development after the new laptops and the training day, still weak in assessment)
 * with two statements of the school's own, and an open follow-up round for teachers and pupils with a printed batch
 * of pupil codes. Answers are drawn around realistic means per area and group, the same on every start (fixed seed).
 */
@Component
@Order(70)
class SelfEvaluationDemoData implements DemoContributor {

    private final SelfEvaluations rounds;
    private final SurveyAnswering answering;
    private final JdbcClient jdbc;

    SelfEvaluationDemoData(SelfEvaluations rounds, SurveyAnswering answering, JdbcClient jdbc) {
        this.rounds = rounds;
        this.answering = answering;
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(DemoBoard board) {
        long school = board.schools().get("regenboog");
        Instant now = Instant.now();
        Random random = new Random(20260311L);
        List<RespondentGroup> all = List.of(RespondentGroup.values());

        long last = rounds.insert(school, "Zelfevaluatie digitaal leren " + year(now, -1), all);
        rounds.backdate(last, RoundStatus.CLOSED, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(379)));
        answer(last, school, Map.of(RespondentGroup.SCHOOL_LEADERS, 5, RespondentGroup.TEACHERS, 12, RespondentGroup.PUPILS, 22),
                0.0, now.minus(Duration.ofDays(399)), random);

        long current = rounds.insert(school, "Zelfevaluatie digitaal leren " + year(now, 0), all);
        own(current, school, Area.INFRASTRUCTURE_EQUIPMENT, true, true, true,
                "De Chromebooks in de klaskarren zijn bij de start van de les opgeladen.",
                "The Chromebooks in the class carts are charged at the start of the lesson.");
        own(current, school, Area.PROFESSIONAL_DEVELOPMENT, true, true, false,
                "De pedagogische studiedag over Bingel en Diddit was bruikbaar in mijn klaspraktijk.",
                "The pedagogical study day on Bingel and Diddit was useful in my classroom practice.");
        rounds.backdate(current, RoundStatus.CLOSED, now.minus(Duration.ofDays(45)), now.minus(Duration.ofDays(24)));
        answer(current, school, Map.of(RespondentGroup.SCHOOL_LEADERS, 5, RespondentGroup.TEACHERS, 14, RespondentGroup.PUPILS, 24),
                0.35, now.minus(Duration.ofDays(44)), random);

        long open = rounds.insert(school, "Opvolging leerlingen derde graad", List.of(RespondentGroup.TEACHERS, RespondentGroup.PUPILS));
        rounds.backdate(open, RoundStatus.OPEN, now.minus(Duration.ofDays(3)), null);
        answer(open, school, Map.of(RespondentGroup.TEACHERS, 3, RespondentGroup.PUPILS, 7), 0.4, now.minus(Duration.ofDays(2)),
                random);
        for (int i = 0; i < 25; i++) {
            rounds.insertCode(open, school, RespondentGroup.PUPILS, "SHEET", 1);
        }
    }

    private static String year(Instant now, int offset) {
        int y = now.atZone(be.coordinaat.shared.web.Formats.ZONE).getYear() + offset;
        return (y - 1) + "-" + y;
    }

    private void own(long round, long school, Area area, boolean leaders, boolean teachers, boolean pupils, String nl, String en) {
        jdbc.sql("""
                INSERT INTO selfeval_statement (round_id, school_id, area, for_leaders, for_teachers, for_pupils, position,
                                                text_nl, text_en)
                VALUES (?, ?, ?, ?, ?, ?, 100, ?, ?)""")
                .params(round, school, area.name(), leaders, teachers, pupils, nl, en).update();
    }

    /** Typical means per area for leaders, teachers and pupils: leaders a little more positive, assessment weakest. */
    private static final Map<Area, double[]> MEANS = new EnumMap<>(Map.of(
            Area.LEADERSHIP, new double[] {3.9, 3.3, 3.4},
            Area.COLLABORATION_NETWORKING, new double[] {3.5, 3.2, 3.0},
            Area.INFRASTRUCTURE_EQUIPMENT, new double[] {3.4, 3.1, 3.5},
            Area.PROFESSIONAL_DEVELOPMENT, new double[] {3.6, 3.0, 3.7},
            Area.PEDAGOGY_SUPPORTS_RESOURCES, new double[] {3.8, 3.6, 3.8},
            Area.PEDAGOGY_IMPLEMENTATION, new double[] {3.5, 3.2, 3.4},
            Area.ASSESSMENT_PRACTICES, new double[] {2.9, 2.6, 3.0},
            Area.LEARNERS_DIGITAL_COMPETENCE, new double[] {3.6, 3.3, 3.9}));

    private void answer(long round, long school, Map<RespondentGroup, Integer> counts, double improvement, Instant from,
            Random random) {
        for (RespondentGroup group : RespondentGroup.values()) {
            int n = counts.getOrDefault(group, 0);
            List<StatementView> statements = rounds.statementsOf(round, group);
            for (int i = 0; i < n; i++) {
                long codeId = rounds.insertCode(round, school, group, group == RespondentGroup.PUPILS ? "SHEET" : "LINK",
                        group == RespondentGroup.PUPILS ? 1 : null).getKey();
                Instant at = from.plus(Duration.ofMinutes(37L * i + random.nextInt(600)));
                jdbc.sql("UPDATE selfeval_code SET used_at = ? WHERE id = ?").params(Timestamp.from(at), codeId).update();
                long response = jdbc.sql("""
                        INSERT INTO selfeval_response (round_id, school_id, grp, code_id, submitted_at) VALUES (?, ?, ?, ?, ?)
                        RETURNING id""").params(round, school, group.name(), codeId, Timestamp.from(at)).query(Long.class).single();
                double personal = random.nextGaussian() * 0.4;
                List<Object[]> rows = new ArrayList<>();
                for (StatementView s : statements) {
                    double lift = s.area() == Area.INFRASTRUCTURE_EQUIPMENT || s.area() == Area.PROFESSIONAL_DEVELOPMENT
                            ? improvement * 1.6 : improvement * 0.5;
                    double mean = MEANS.get(s.area())[group.ordinal()] + lift + personal;
                    Short value = group != RespondentGroup.PUPILS && random.nextInt(25) == 0 ? null
                            : (short) Math.max(1, Math.min(5, Math.round(mean + random.nextGaussian() * 0.8)));
                    rows.add(new Object[] {response, s.id(), value});
                }
                answering.insertAnswers(rows);
            }
        }
    }
}
