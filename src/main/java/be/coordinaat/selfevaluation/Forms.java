package be.coordinaat.selfevaluation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The forms (and JSON bodies) of the self-evaluation. Rules the annotations cannot see are checked by the services. */
public final class Forms {
    private Forms() {}

    /**
     * A round: its school (fixed once created), a name and the groups it asks. The groups can change while the round
     * is in preparation only. {@code version} is the optimistic-lock version read.
     */
    public record RoundForm(
            Long schoolId,
            @NotBlank @Size(max = 150) String name,
            @Size(max = 3) List<RespondentGroup> groups,
            Integer version) {}

    /** A statement of the school's own, in Dutch and English, for one or more groups. */
    public record StatementForm(
            @NotNull Area area,
            @Size(max = 3) List<RespondentGroup> groups,
            @NotBlank @Size(max = 300) String textNl,
            @NotBlank @Size(max = 300) String textEn) {}

    /** How many one-time codes to print for a group. */
    public record CodesForm(
            @NotNull RespondentGroup group,
            @NotNull @Min(1) @Max(SelfEvaluations.MAX_CODES_PER_BATCH) Integer count) {}
}
