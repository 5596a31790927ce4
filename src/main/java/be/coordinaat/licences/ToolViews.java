package be.coordinaat.licences;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the digital-tool life cycle shows: read models. */
public final class ToolViews {
    private ToolViews() {}

    /**
     * One line of the tools list: a catalogue entry's life in one school. {@code licences} counts the school's and
     * the board-wide licences of the entry; {@code averageScore} is the mean of all criteria over all evaluations
     * (null without evaluations).
     */
    public record ToolRow(long id, long schoolId, String schoolName, long softwareId, String name, String vendor,
            String website, ToolStatus status, List<ToolSubject> subjects, List<ToolGrade> grades,
            ToolCostModel costModel, LocalDate pilotEnd, long licences, long evaluations, Double averageScore,
            Instant statusChangedAt, int version) {}

    /**
     * A tool with everything about it. {@code openPrivacyChecks} are the checks the privacy register still has open
     * for the entry in this school ({@link ToolPrivacyChecks}); {@code privacyOverride} the reason they were
     * overridden at the last adoption, if they were.
     */
    public record ToolView(long id, long schoolId, String schoolName, long softwareId, String name, String vendor,
            String website, SoftwareCategory category, ToolStatus status, String purpose, List<ToolSubject> subjects,
            List<ToolGrade> grades, ToolCostModel costModel, LocalDate pilotEnd, Long proposedById,
            String proposedByName, Instant proposedAt, String decidedByName, Instant decidedAt, String decisionReason,
            String privacyOverride, long licences, List<ToolPrivacyChecks.OpenCheck> openPrivacyChecks,
            List<TransitionView> transitions, List<EvaluatorView> evaluators, int version, Instant createdAt,
            Instant updatedAt) {

        public boolean evaluatorInvited(long userId) {
            return evaluators.stream().anyMatch(e -> e.userId() == userId);
        }
    }

    /** One step in the life of a tool: from and to, why, who and when; with the privacy override if there was one. */
    public record TransitionView(ToolStatus from, ToolStatus to, String reason, LocalDate pilotEnd, String openChecks,
            String overrideReason, String actorName, Instant occurredAt) {}

    /** An invited evaluator and whether they scored the tool already. */
    public record EvaluatorView(long userId, String name, String invitedByName, Instant invitedAt, boolean evaluated) {}

    /** One criterion of one evaluation. */
    public record Score(ToolCriterion criterion, int score, String comment) {}

    /** One evaluator's scores with the rubric. */
    public record EvaluationView(long id, Long evaluatorId, String evaluatorName, List<Score> scores,
            ToolRecommendation recommendation, String comment, Instant updatedAt) {

        public Score score(ToolCriterion c) {
            return scores.stream().filter(s -> s.criterion() == c).findFirst().orElse(null);
        }
    }

    /** The average score of one criterion over the evaluations (null without evaluations). */
    public record Average(ToolCriterion criterion, Double average) {}

    /**
     * The evaluations of a tool: averages per criterion and overall, the recommendations counted, and the
     * evaluations themselves for those who may read them (the deciders and the invited evaluators; others see the
     * averages only); {@code mine} is the current user's own evaluation.
     */
    public record EvaluationSummary(long count, List<Average> averages, Double overall, long adopt, long pilot,
            long reject, List<EvaluationView> evaluations, EvaluationView mine) {}

    /** An option in a chooser. */
    public record Choice(long id, String name) {}
}
