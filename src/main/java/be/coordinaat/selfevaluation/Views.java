package be.coordinaat.selfevaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What the self-evaluation returns to pages and the API. */
public final class Views {
    private Views() {}

    /** A round in a list. */
    public record RoundRow(long id, long schoolId, String schoolName, String name, RoundStatus status,
            List<RespondentGroup> groups, int responses, Instant createdAt, Instant openedAt, Instant closedAt) {}

    /** How far a group of a round is: answers received and, for printed codes, how many were handed out. */
    public record GroupProgress(RespondentGroup group, int responses, int codesPrinted, int codesPrintedUsed) {}

    /** One round. */
    public record RoundView(long id, long boardId, long schoolId, String schoolName, String name, RoundStatus status,
            List<GroupProgress> groups, int ownStatements, Instant createdAt, Instant openedAt, Instant closedAt,
            int version) {

        public List<RespondentGroup> groupList() {
            return groups.stream().map(GroupProgress::group).toList();
        }

        public int responses() {
            return groups.stream().mapToInt(GroupProgress::responses).sum();
        }
    }

    /** A statement of the bank ({@code code} set) or of the school's own for one round ({@code own}). */
    public record StatementView(long id, String code, Area area, List<RespondentGroup> groups, int position,
            String textNl, String textEn, boolean own) {

        /** The text in the reader's language: Dutch unless English is asked. */
        public String text(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? textEn : textNl;
        }
    }

    /** The public link of a group of a round; whoever opens it gets a one-time code of that group. */
    public record GroupLink(RespondentGroup group, String path) {}

    /** A printed batch of one-time codes. */
    public record CodeBatch(RespondentGroup group, int batch, int codes, int used, Instant createdAt) {}

    /** A one-time code as printed ({@code ABCD-EFGH}), and whether it has answered. */
    public record CodeView(String code, RespondentGroup group, Integer batch, boolean used) {

        public String display() {
            return code.length() == 8 ? code.substring(0, 4) + "-" + code.substring(4) : code;
        }
    }

    // ---- results ----

    /**
     * A mean on the 1-5 scale over {@code respondents} people. When fewer than the anonymity minimum answered, the
     * figure is withheld: {@code shown} is false and mean and counts are null.
     */
    public record Score(boolean shown, Integer respondents, BigDecimal mean) {}

    /** An area's score in one group, with the same group's score in the previous closed round. */
    public record GroupScore(RespondentGroup group, Score score, BigDecimal previousMean) {}

    /**
     * How one group answered one statement: the number of answers per value 1..5 ({@code distribution}) and of "not
     * applicable". Withheld (null) when the group has fewer respondents than the anonymity minimum.
     */
    public record StatementGroupResult(RespondentGroup group, boolean shown, Integer answered, BigDecimal mean,
            List<Integer> distribution, Integer notApplicable) {}

    public record StatementResult(long statementId, String code, boolean own, String textNl, String textEn,
            List<StatementGroupResult> groups) {

        public String text(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? textEn : textNl;
        }
    }

    /**
     * One area: all groups together, per group, the change against the previous closed round, whether it is the
     * school's strongest or weakest area in this round, and its statements.
     */
    public record AreaResult(Area area, Score overall, BigDecimal previousMean, BigDecimal change, boolean strongest,
            boolean weakest, List<GroupScore> groups, List<StatementResult> statements) {}

    /** The number of respondents of a group, and whether that is enough to show its figures. */
    public record GroupCount(RespondentGroup group, int respondents, boolean shown) {}

    public record PreviousRound(long id, String name, Instant closedAt) {}

    public record ResultsView(long roundId, long schoolId, String schoolName, String name, RoundStatus status,
            Instant closedAt, int minimumRespondents, List<GroupCount> groups, PreviousRound previous,
            List<AreaResult> areas) {

        public int respondents() {
            return groups.stream().mapToInt(GroupCount::respondents).sum();
        }

        public AreaResult strongest() {
            return areas.stream().filter(AreaResult::strongest).findFirst().orElse(null);
        }

        public AreaResult weakest() {
            return areas.stream().filter(AreaResult::weakest).findFirst().orElse(null);
        }
    }
}
