package be.coordinaat.selfevaluation;

import be.coordinaat.selfevaluation.Views.AreaResult;
import be.coordinaat.selfevaluation.Views.GroupCount;
import be.coordinaat.selfevaluation.Views.GroupScore;
import be.coordinaat.selfevaluation.Views.PreviousRound;
import be.coordinaat.selfevaluation.Views.ResultsView;
import be.coordinaat.selfevaluation.Views.RoundView;
import be.coordinaat.selfevaluation.Views.Score;
import be.coordinaat.selfevaluation.Views.StatementGroupResult;
import be.coordinaat.selfevaluation.Views.StatementResult;
import be.coordinaat.selfevaluation.Views.StatementView;
import be.coordinaat.shared.transfer.TableWriter;
import be.coordinaat.shared.web.Formats;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of a round: per area (all groups together and per group) and per statement per group, the strongest
 * and weakest area, and the change against the school's previous closed round. <b>Anonymity</b>: a group with fewer
 * than {@value #MIN_RESPONDENTS} respondents is shown as a count only — no means, no distributions, in the pages, the
 * API and the export alike — and an area's figure for all groups together is withheld when fewer than
 * {@value #MIN_RESPONDENTS} people answered in it. Results are read with SURVEYS_READ in the round's school.
 */
@Service
@Transactional(readOnly = true)
public class RoundResults implements SelfEvaluationResults {

    public static final int MIN_RESPONDENTS = 5;

    private final JdbcClient jdbc;
    private final SelfEvaluations rounds;
    private final MessageSource messages;

    RoundResults(JdbcClient jdbc, SelfEvaluations rounds, MessageSource messages) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.messages = messages;
    }

    /** The results of a round the user may read; 404 outside their schools, 403 without SURVEYS_READ. */
    public ResultsView results(long roundId) {
        RoundView round = rounds.round(roundId);
        if (!rounds.canReadResults(round.schoolId())) {
            throw new AccessDeniedException("no SURVEYS_READ for round " + roundId);
        }
        return compute(round);
    }

    ResultsView compute(RoundView round) {
        Map<RespondentGroup, Integer> respondents = respondents(round.id());
        List<GroupCount> counts = round.groupList().stream()
                .map(g -> new GroupCount(g, respondents.getOrDefault(g, 0), respondents.getOrDefault(g, 0) >= MIN_RESPONDENTS))
                .toList();
        Map<RespondentGroup, Boolean> shown = new EnumMap<>(RespondentGroup.class);
        counts.forEach(c -> shown.put(c.group(), c.shown()));

        PreviousRound previous = previous(round);
        AreaFigures now = areaFigures(round.id(), respondents);
        AreaFigures before = previous == null ? null : areaFigures(previous.id(), respondents(previous.id()));
        Map<Long, Map<RespondentGroup, StatementGroupResult>> perStatement = statementFigures(round.id(), shown);

        List<StatementView> statements = rounds.statementsOf(round.id(), null);
        List<AreaResult> areas = new ArrayList<>();
        for (Area area : Area.values()) {
            Score overall = now.overall.getOrDefault(area, new Score(false, 0, null));
            BigDecimal prev = before == null ? null : Optional.ofNullable(before.overall.get(area)).map(Score::mean).orElse(null);
            List<GroupScore> groups = new ArrayList<>();
            for (RespondentGroup g : round.groupList()) {
                Score s = now.byGroup.getOrDefault(area, Map.of()).get(g);
                int n = s == null ? 0 : s.respondents();
                Score score = Boolean.TRUE.equals(shown.get(g)) && s != null ? s : new Score(false, n, null);
                BigDecimal prevGroup = before == null ? null
                        : Optional.ofNullable(before.byGroup.getOrDefault(area, Map.of()).get(g)).map(Score::mean).orElse(null);
                groups.add(new GroupScore(g, score, prevGroup));
            }
            List<StatementResult> rows = new ArrayList<>();
            for (StatementView s : statements) {
                if (s.area() != area) {
                    continue;
                }
                List<StatementGroupResult> perGroup = new ArrayList<>();
                for (RespondentGroup g : round.groupList()) {
                    if (!s.groups().contains(g)) {
                        continue;
                    }
                    StatementGroupResult r = perStatement.getOrDefault(s.id(), Map.of()).get(g);
                    if (r == null) {
                        r = Boolean.TRUE.equals(shown.get(g))
                                ? new StatementGroupResult(g, true, 0, null, List.of(0, 0, 0, 0, 0), 0)
                                : new StatementGroupResult(g, false, null, null, null, null);
                    }
                    perGroup.add(r);
                }
                if (!perGroup.isEmpty()) {
                    rows.add(new StatementResult(s.id(), s.code(), s.own(), s.textNl(), s.textEn(), perGroup));
                }
            }
            BigDecimal change = overall.mean() != null && prev != null ? overall.mean().subtract(prev) : null;
            areas.add(new AreaResult(area, overall, prev, change, false, false, groups, rows));
        }
        areas = markStrongestAndWeakest(areas);
        return new ResultsView(round.id(), round.schoolId(), round.schoolName(), round.name(), round.status(), round.closedAt(),
                MIN_RESPONDENTS, counts, previous, areas);
    }

    private static List<AreaResult> markStrongestAndWeakest(List<AreaResult> areas) {
        List<AreaResult> scored = areas.stream().filter(a -> a.overall().mean() != null).toList();
        if (scored.size() < 2) {
            return areas;
        }
        AreaResult best = scored.stream().max(Comparator.comparing((AreaResult a) -> a.overall().mean())).orElseThrow();
        AreaResult worst = scored.stream().min(Comparator.comparing((AreaResult a) -> a.overall().mean())).orElseThrow();
        if (best.overall().mean().compareTo(worst.overall().mean()) == 0) {
            return areas;
        }
        return areas.stream().map(a -> new AreaResult(a.area(), a.overall(), a.previousMean(), a.change(), a == best,
                a == worst, a.groups(), a.statements())).toList();
    }

    private Map<RespondentGroup, Integer> respondents(long roundId) {
        Map<RespondentGroup, Integer> m = new EnumMap<>(RespondentGroup.class);
        jdbc.sql("SELECT grp, count(*) FROM selfeval_response WHERE round_id = ? GROUP BY grp").param(roundId)
                .query((rs, n) -> m.put(RespondentGroup.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return m;
    }

    private PreviousRound previous(RoundView round) {
        String closedBefore = round.closedAt() == null ? "" : " AND closed_at < :closed";
        var q = jdbc.sql("SELECT id, name, closed_at FROM selfeval_round WHERE school_id = :school AND status = 'CLOSED'"
                        + " AND id <> :id" + closedBefore + " ORDER BY closed_at DESC, id DESC LIMIT 1")
                .param("school", round.schoolId()).param("id", round.id());
        if (round.closedAt() != null) {
            q = q.param("closed", Timestamp.from(round.closedAt()));
        }
        return q.query((rs, n) -> new PreviousRound(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant())).optional()
                .orElse(null);
    }

    /** Means per area of all groups together and per group; withheld below the anonymity minimum. */
    private record AreaFigures(Map<Area, Score> overall, Map<Area, Map<RespondentGroup, Score>> byGroup) {}

    private AreaFigures areaFigures(long roundId, Map<RespondentGroup, Integer> respondents) {
        Map<Area, Score> overall = new EnumMap<>(Area.class);
        Map<Area, Map<RespondentGroup, Score>> byGroup = new EnumMap<>(Area.class);
        jdbc.sql("""
                SELECT s.area, p.grp, count(DISTINCT a.response_id) FILTER (WHERE a.value IS NOT NULL) AS n, avg(a.value) AS mean,
                       GROUPING(p.grp) AS all_groups
                FROM selfeval_answer a JOIN selfeval_response p ON p.id = a.response_id
                JOIN selfeval_statement s ON s.id = a.statement_id
                WHERE p.round_id = ? GROUP BY GROUPING SETS ((s.area), (s.area, p.grp))""").param(roundId)
                .query((rs, n) -> {
                    Area area = Area.valueOf(rs.getString("area"));
                    int people = rs.getInt("n");
                    BigDecimal mean = rs.getBigDecimal("mean");
                    if (rs.getInt("all_groups") == 1) {
                        boolean show = people >= MIN_RESPONDENTS && mean != null;
                        overall.put(area, new Score(show, people, show ? round(mean) : null));
                    } else {
                        RespondentGroup g = RespondentGroup.valueOf(rs.getString("grp"));
                        boolean show = respondents.getOrDefault(g, 0) >= MIN_RESPONDENTS && mean != null;
                        byGroup.computeIfAbsent(area, x -> new EnumMap<>(RespondentGroup.class))
                                .put(g, new Score(show, people, show ? round(mean) : null));
                    }
                    return area;
                }).list();
        return new AreaFigures(overall, byGroup);
    }

    private Map<Long, Map<RespondentGroup, StatementGroupResult>> statementFigures(long roundId,
            Map<RespondentGroup, Boolean> shown) {
        Map<Long, Map<RespondentGroup, StatementGroupResult>> m = new HashMap<>();
        jdbc.sql("""
                SELECT a.statement_id, p.grp, count(a.value) AS n, avg(a.value) AS mean,
                       count(*) FILTER (WHERE a.value = 1) AS c1, count(*) FILTER (WHERE a.value = 2) AS c2,
                       count(*) FILTER (WHERE a.value = 3) AS c3, count(*) FILTER (WHERE a.value = 4) AS c4,
                       count(*) FILTER (WHERE a.value = 5) AS c5, count(*) FILTER (WHERE a.value IS NULL) AS na
                FROM selfeval_answer a JOIN selfeval_response p ON p.id = a.response_id
                WHERE p.round_id = ? GROUP BY a.statement_id, p.grp""").param(roundId)
                .query((rs, n) -> {
                    RespondentGroup g = RespondentGroup.valueOf(rs.getString("grp"));
                    StatementGroupResult r = Boolean.TRUE.equals(shown.get(g))
                            ? new StatementGroupResult(g, true, rs.getInt("n"),
                                    rs.getBigDecimal("mean") == null ? null : round(rs.getBigDecimal("mean")),
                                    List.of(rs.getInt("c1"), rs.getInt("c2"), rs.getInt("c3"), rs.getInt("c4"), rs.getInt("c5")),
                                    rs.getInt("na"))
                            : new StatementGroupResult(g, false, null, null, null, null);
                    return m.computeIfAbsent(rs.getLong("statement_id"), x -> new EnumMap<>(RespondentGroup.class)).put(g, r);
                }).list();
        return m;
    }

    private static BigDecimal round(BigDecimal mean) {
        return mean.setScale(2, RoundingMode.HALF_UP);
    }

    // ---- for the policy plan ----

    /**
     * The latest closed round of a school with the mean of all groups per area; areas with fewer than
     * {@value #MIN_RESPONDENTS} respondents are left out (anonymity). The caller checks the user's permission.
     */
    @Override
    public Optional<RoundSummary> latestClosedRound(long schoolId) {
        return jdbc.sql("""
                SELECT id FROM selfeval_round WHERE school_id = ? AND status = 'CLOSED'
                ORDER BY closed_at DESC, id DESC LIMIT 1""").param(schoolId).query(Long.class).optional()
                .map(id -> {
                    RoundView round = rounds.roundUnchecked(id);
                    AreaFigures f = areaFigures(id, respondents(id));
                    List<AreaScore> scores = new ArrayList<>();
                    for (Area a : Area.values()) {
                        Score s = f.overall.get(a);
                        if (s != null && s.shown()) {
                            scores.add(new AreaScore(a, s.mean(), s.respondents()));
                        }
                    }
                    return new RoundSummary(id, round.name(), round.closedAt().atZone(Formats.ZONE).toLocalDate(),
                            List.copyOf(scores));
                });
    }

    // ---- export ----

    /**
     * The results as CSV for Belgian Excel: one row per area (all groups and per group) and per statement per group,
     * withheld figures empty with the reason.
     */
    public void exportCsv(ResultsView results, Locale locale, OutputStream out) {
        try (TableWriter w = TableWriter.csv(out)) {
            w.row(List.of(msg("selfeval.csv.level", locale), msg("selfeval.csv.area", locale), msg("selfeval.csv.code", locale),
                    msg("selfeval.csv.statement", locale), msg("selfeval.csv.group", locale),
                    msg("selfeval.csv.respondents", locale), msg("selfeval.csv.mean", locale),
                    msg("selfeval.csv.previous", locale), "1", "2", "3", "4", "5", msg("selfeval.answer.NA", locale),
                    msg("selfeval.csv.note", locale)));
            String tooFew = msg("selfeval.results.tooFew", locale);
            String all = msg("selfeval.group.ALL", locale);
            for (AreaResult a : results.areas()) {
                String area = msg("selfeval.area." + a.area(), locale);
                w.row(row(msg("selfeval.csv.level.area", locale), area, null, null, all, a.overall().respondents(),
                        a.overall().mean(), a.previousMean(), null, null, a.overall().shown() ? null : tooFew));
                for (GroupScore g : a.groups()) {
                    w.row(row(msg("selfeval.csv.level.area", locale), area, null, null,
                            msg("selfeval.group." + g.group(), locale), g.score().respondents(), g.score().mean(),
                            g.previousMean(), null, null, g.score().shown() ? null : tooFew));
                }
                for (StatementResult s : a.statements()) {
                    for (StatementGroupResult g : s.groups()) {
                        w.row(row(msg("selfeval.csv.level.statement", locale), area,
                                s.code() == null ? msg("selfeval.statement.own", locale) : s.code(), s.text(locale),
                                msg("selfeval.group." + g.group(), locale), g.answered(), g.mean(), null, g.distribution(),
                                g.notApplicable(), g.shown() ? null : tooFew));
                    }
                }
            }
        }
    }

    private static List<Object> row(String level, String area, String code, String text, String group, Integer n,
            BigDecimal mean, BigDecimal previous, List<Integer> distribution, Integer na, String note) {
        List<Object> r = new ArrayList<>(List.of());
        r.add(level);
        r.add(area);
        r.add(code);
        r.add(text);
        r.add(group);
        r.add(n);
        r.add(mean);
        r.add(previous);
        for (int i = 0; i < 5; i++) {
            r.add(distribution == null ? null : distribution.get(i));
        }
        r.add(na);
        r.add(note);
        return r;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static Instant now() {
        return Instant.now();
    }
}
