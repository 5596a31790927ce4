package be.coordinaat.selfevaluation;

import be.coordinaat.selfevaluation.Views.StatementView;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answering a round without an account, on the public pages: with a printed one-time code, or through a group's
 * link, which issues a one-time code to the visitor. A code answers once: the unique code in
 * {@code selfeval_response} guarantees it, also for two submissions at the same moment. A code gives access to the
 * questionnaire of its group and nothing else (never results). Lookups of unknown codes, issued link codes and
 * submissions are rate-limited per client address in the database.
 */
@Service
public class SurveyAnswering {

    /** The answer "not applicable". */
    public static final String NOT_APPLICABLE = "NA";
    static final Duration LOOKUP_WINDOW = Duration.ofMinutes(10);
    static final Duration HOUR = Duration.ofHours(1);

    /** Why a code cannot answer (now). */
    public enum Refusal { UNKNOWN, USED, NOT_OPEN, CLOSED, TOO_MANY }

    /** The request is refused for {@code reason}; nothing was stored. */
    public static final class RefusedException extends RuntimeException {
        private final Refusal reason;

        public RefusedException(Refusal reason) {
            super("refused: " + reason);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    /** What a valid code opens: the round's name and school, the group, and the code's state. */
    public record Entry(long codeId, String code, long roundId, long schoolId, String roundName, String schoolName,
            RespondentGroup group, RoundStatus status, boolean used) {}

    /** The questionnaire of a group, per area in order. */
    public record AreaBlock(Area area, List<StatementView> statements) {}

    private final JdbcClient jdbc;
    private final SelfEvaluations rounds;
    private final PublicRateLimit limits;
    private final TransactionTemplate tx;
    private final int lookupFailures;
    private final int linkCodes;
    private final int submissions;

    SurveyAnswering(JdbcClient jdbc, SelfEvaluations rounds, PublicRateLimit limits, TransactionTemplate tx,
            @Value("${coordinaat.selfevaluation.lookup-failures-per-10-minutes:30}") int lookupFailures,
            @Value("${coordinaat.selfevaluation.link-codes-per-hour:600}") int linkCodes,
            @Value("${coordinaat.selfevaluation.submissions-per-hour:1000}") int submissions) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.limits = limits;
        this.tx = tx;
        this.lookupFailures = lookupFailures;
        this.linkCodes = linkCodes;
        this.submissions = submissions;
    }

    /**
     * The code as typed or from a URL, for the client at {@code address}. After too many unknown codes from one
     * address everything is refused for a while, so codes cannot be guessed.
     */
    public Entry entry(String typed, String address) {
        if (!limits.within(address, "lookup", lookupFailures, LOOKUP_WINDOW)) {
            throw new RefusedException(Refusal.TOO_MANY);
        }
        String code = Secrets.normalise(typed);
        Entry entry = code == null ? null : jdbc.sql("""
                SELECT c.id, c.code, c.round_id, c.school_id, r.name, s.name, c.grp, r.status, c.used_at IS NOT NULL
                FROM selfeval_code c JOIN selfeval_round r ON r.id = c.round_id JOIN school s ON s.id = c.school_id
                WHERE c.code = ?""").param(code)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), RespondentGroup.valueOf(rs.getString(7)), RoundStatus.valueOf(rs.getString(8)),
                        rs.getBoolean(9)))
                .optional().orElse(null);
        if (entry == null) {
            limits.hit(address, "lookup", lookupFailures, LOOKUP_WINDOW);
            throw new RefusedException(Refusal.UNKNOWN);
        }
        return entry;
    }

    /**
     * A fresh one-time code for a visitor of a group's link, when the round is open. Unknown links answer as unknown
     * codes do (and count as such against the address).
     */
    public String issue(String linkToken, String address) {
        if (!limits.within(address, "lookup", lookupFailures, LOOKUP_WINDOW)) {
            throw new RefusedException(Refusal.TOO_MANY);
        }
        record Link(long roundId, long schoolId, RespondentGroup group, RoundStatus status) {}
        Link link = !Secrets.linkTokenShape(linkToken) ? null : jdbc.sql("""
                SELECT g.round_id, r.school_id, g.grp, r.status FROM selfeval_round_group g
                JOIN selfeval_round r ON r.id = g.round_id WHERE g.link_token = ?""").param(linkToken)
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), RespondentGroup.valueOf(rs.getString(3)),
                        RoundStatus.valueOf(rs.getString(4))))
                .optional().orElse(null);
        if (link == null) {
            limits.hit(address, "lookup", lookupFailures, LOOKUP_WINDOW);
            throw new RefusedException(Refusal.UNKNOWN);
        }
        if (link.status() != RoundStatus.OPEN) {
            throw new RefusedException(link.status() == RoundStatus.DRAFT ? Refusal.NOT_OPEN : Refusal.CLOSED);
        }
        if (!limits.hit(address, "link", linkCodes, HOUR)) {
            throw new RefusedException(Refusal.TOO_MANY);
        }
        return tx.execute(s -> rounds.insertCode(link.roundId(), link.schoolId(), link.group(), "LINK", null).getValue());
    }

    /** The questionnaire a code answers: the statements of its group, per area. */
    public List<AreaBlock> questionnaire(Entry entry) {
        Map<Area, List<StatementView>> byArea = new LinkedHashMap<>();
        for (StatementView s : rounds.statementsOf(entry.roundId(), entry.group())) {
            byArea.computeIfAbsent(s.area(), a -> new ArrayList<>()).add(s);
        }
        return byArea.entrySet().stream().map(e -> new AreaBlock(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** Refuses a code that cannot answer now: used, or its round not open. */
    public void requireAnswerable(Entry entry) {
        if (entry.used()) {
            throw new RefusedException(Refusal.USED);
        }
        if (entry.status() != RoundStatus.OPEN) {
            throw new RefusedException(entry.status() == RoundStatus.DRAFT ? Refusal.NOT_OPEN : Refusal.CLOSED);
        }
    }

    /**
     * Stores the answers of one code. {@code fields} are the submitted form fields: {@code a<statement id>} with
     * {@code 1}..{@code 5} or {@value #NOT_APPLICABLE}, one for every statement of the group. Anything else (an unknown
     * statement, a value out of range, a missing answer, an unknown field) is refused per field, and nothing is stored.
     */
    public void submit(String typedCode, Map<String, String> fields, String address) {
        Entry entry = entry(typedCode, address);
        requireAnswerable(entry);
        if (!limits.hit(address, "submit", submissions, HOUR)) {
            throw new RefusedException(Refusal.TOO_MANY);
        }
        List<StatementView> statements = rounds.statementsOf(entry.roundId(), entry.group());
        Map<Long, Short> answers = check(statements, fields);
        tx.executeWithoutResult(s -> store(entry, answers));
    }

    static Map<Long, Short> check(List<StatementView> statements, Map<String, String> fields) {
        Set<Long> ids = statements.stream().map(StatementView::id).collect(Collectors.toSet());
        List<FieldProblem> problems = new ArrayList<>();
        Map<Long, Short> answers = new LinkedHashMap<>();
        if (fields.size() > statements.size() + 10) {
            throw InvalidInputException.of(null, "selfeval.answer.error.tooManyFields", "the form has more fields than statements");
        }
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String key = f.getKey();
            if (key.equals("_csrf") || key.equals("code")) {
                continue;
            }
            Long id = key.matches("a[0-9]{1,18}") ? Long.parseLong(key.substring(1)) : null;
            if (id == null || !ids.contains(id)) {
                problems.add(new FieldProblem(key.length() > 40 ? key.substring(0, 40) : key, "selfeval.answer.error.unknown",
                        "is not a statement of this questionnaire"));
                continue;
            }
            String v = f.getValue() == null ? "" : f.getValue().strip();
            if (v.equals(NOT_APPLICABLE)) {
                answers.put(id, null);
            } else if (v.length() == 1 && v.charAt(0) >= '1' && v.charAt(0) <= '5') {
                answers.put(id, (short) (v.charAt(0) - '0'));
            } else {
                problems.add(new FieldProblem(key, "selfeval.answer.error.value",
                        "must be 1 to 5 or " + NOT_APPLICABLE + " (not applicable)"));
            }
        }
        for (StatementView s : statements) {
            String key = "a" + s.id();
            if (!answers.containsKey(s.id()) && problems.stream().noneMatch(p -> key.equals(p.field()))) {
                problems.add(new FieldProblem(key, "selfeval.answer.error.missing",
                        "choose an answer, or \"not applicable\""));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return answers;
    }

    private void store(Entry entry, Map<Long, Short> answers) {
        // the round must still be open and the code unused at this moment; the row lock on the code serialises two
        // submissions of the same code, and the unique code_id of the response is the final guarantee
        int marked = jdbc.sql("""
                UPDATE selfeval_code c SET used_at = now() WHERE c.id = ? AND c.used_at IS NULL
                AND EXISTS (SELECT 1 FROM selfeval_round r WHERE r.id = c.round_id AND r.status = 'OPEN')""")
                .param(entry.codeId()).update();
        if (marked == 0) {
            String status = jdbc.sql("SELECT status FROM selfeval_round WHERE id = ?").param(entry.roundId())
                    .query(String.class).single();
            throw new RefusedException("OPEN".equals(status) ? Refusal.USED : Refusal.CLOSED);
        }
        long response;
        try {
            response = jdbc.sql("""
                    INSERT INTO selfeval_response (round_id, school_id, grp, code_id) VALUES (?, ?, ?, ?) RETURNING id""")
                    .params(entry.roundId(), entry.schoolId(), entry.group().name(), entry.codeId()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new RefusedException(Refusal.USED);
        }
        List<Object[]> rows = new ArrayList<>();
        answers.forEach((statement, value) -> rows.add(new Object[] {response, statement, value}));
        insertAnswers(rows);
    }

    /** Inserts answers (response id, statement id, value or null) in one statement. */
    void insertAnswers(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Long[] responses = rows.stream().map(r -> (Long) r[0]).toArray(Long[]::new);
        Long[] statements = rows.stream().map(r -> (Long) r[1]).toArray(Long[]::new);
        Integer[] values = rows.stream().map(r -> r[2] == null ? null : ((Number) r[2]).intValue()).toArray(Integer[]::new);
        jdbc.sql("""
                INSERT INTO selfeval_answer (response_id, statement_id, value)
                SELECT * FROM unnest(CAST(:responses AS bigint[]), CAST(:statements AS bigint[]), CAST(:answers AS int[]))""")
                .param("responses", responses).param("statements", statements).param("answers", values).update();
    }
}
