package be.coordinaat.evaluation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms (and JSON bodies) of the evaluation module. {@code version} is the optimistic-lock version read. */
public final class Forms {
    private Forms() {}

    /**
     * A coordinator's function-description assignment. The coordinator and the evaluators are account ids of the
     * board; the coordinator must hold the coordinator role in the school. A missing {@code pedagogicalProof} means
     * "no" for a new assignment and "unchanged" for an update.
     */
    public record AssignmentForm(
            @NotNull Long schoolId,
            @NotNull Long coordinatorId,
            @NotNull Long firstEvaluatorId,
            Long secondEvaluatorId,
            Boolean pedagogicalProof,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            Integer version) {

        boolean pedagogicalProofOr(boolean current) {
            return pedagogicalProof == null ? current : pedagogicalProof;
        }
    }

    /**
     * A section of the model: its title, the lead-in line above its tasks, and whether it needs the proof (missing:
     * unchanged).
     */
    public record SectionForm(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 300) String intro,
            Boolean requiresPedagogicalProof,
            Integer version) {

        boolean requiresPedagogicalProofOr(boolean current) {
            return requiresPedagogicalProof == null ? current : requiresPedagogicalProof;
        }
    }

    /** A task line. {@code position} (1-based, optional) moves it within its section. */
    public record TaskForm(
            @NotBlank @Size(max = 1000) String text,
            @Min(1) @Max(1000) Integer position,
            Integer version) {}
}
