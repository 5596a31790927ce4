package be.coordinaat.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the evaluation module shows: read models. */
public final class Views {
    private Views() {}

    /** A coordinator's assignment with the names the lists and the document need. */
    public record AssignmentView(long id, long boardId, long schoolId, String schoolName, String institutionNumber,
            long coordinatorId, String coordinatorName, long firstEvaluatorId, String firstEvaluatorName,
            Long secondEvaluatorId, String secondEvaluatorName, boolean pedagogicalProof, LocalDate startDate,
            int versionCount, Instant lastGeneratedAt, int version) {}

    /** One generated version, without its document. */
    public record VersionView(long assignmentId, int number, Instant generatedAt, String generatedBy,
            boolean pedagogicalProof) {}

    /** One generated version with its document as rendered HTML (an {@code <article>} element). */
    public record VersionDocument(long assignmentId, int number, Instant generatedAt, String generatedBy,
            boolean pedagogicalProof, String html) {}

    /** The board's function-description model, sections in order. */
    public record ModelView(List<SectionView> sections) {}

    public record SectionView(long id, String code, String title, String intro, int position,
            boolean requiresPedagogicalProof, int version, List<TaskView> tasks) {}

    public record TaskView(long id, long sectionId, int position, String text, int version) {}

    /** An account to choose in a form. */
    public record AccountOption(long id, String name) {}
}
