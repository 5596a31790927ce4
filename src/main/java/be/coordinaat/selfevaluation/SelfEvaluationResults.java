package be.coordinaat.selfevaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the latest closed self-evaluation round of a school says per area, for the policy plan's monitoring. The
 * caller checks the user's permission in the school.
 */
public interface SelfEvaluationResults {

    /** The mean agreement (1-5) of all groups in one area, and the number of respondents who answered in it. */
    record AreaScore(Area area, BigDecimal mean, int respondents) {
    }

    record RoundSummary(long roundId, String name, LocalDate closedOn, List<AreaScore> areas) {
    }

    Optional<RoundSummary> latestClosedRound(long schoolId);
}
