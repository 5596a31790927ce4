package be.coordinaat.licences;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms (and JSON bodies) of the digital-tool life cycle. Rules the annotations cannot express (an existing
 * entry or a new name, a school where the user may propose, allowed transitions, the pilot end date) are checked by
 * {@link DigitalTools} and reported per field.
 */
public final class ToolForms {
    private ToolForms() {}

    /**
     * A proposal: an existing catalogue entry ({@code softwareId}) or a new one ({@code name}, with {@code vendorName}
     * and {@code website}); a name the catalogue already has is the existing entry, never a second one.
     */
    public record ProposalForm(
            Long softwareId,
            @Size(max = 150) String name,
            @Size(max = 200) String vendorName,
            @Size(max = 300) @Pattern(regexp = "(?i)(https?://\\S+)?", message = "{software.error.website}") String website,
            Long schoolId,
            @Size(max = 2000) String purpose,
            @Size(max = 30) List<@NotNull ToolSubject> subjects,
            @Size(max = 30) List<@NotNull ToolGrade> grades,
            ToolCostModel costModel) {}

    /** What a tool is used for in its school; {@code version} is the optimistic-lock version read. */
    public record ToolForm(
            @Size(max = 2000) String purpose,
            @Size(max = 30) List<@NotNull ToolSubject> subjects,
            @Size(max = 30) List<@NotNull ToolGrade> grades,
            ToolCostModel costModel,
            Integer version) {}

    /**
     * A status change: {@code status} the target, with a reason; {@code pilotEnd} for a pilot; {@code overrideReason}
     * to adopt or pilot while privacy checks are open (TOOLS_OVERRIDE_PRIVACY only).
     */
    public record TransitionForm(
            ToolStatus status,
            @Size(max = 2000) String reason,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pilotEnd,
            @Size(max = 2000) String overrideReason,
            Integer version) {}

    /** An evaluator to invite: an account of the school that may evaluate tools. */
    public record InviteForm(Long userId) {}

    /** An evaluation with the rubric: each criterion scored 1–5 with an optional comment, and a recommendation. */
    public record EvaluationForm(
            @NotNull @Min(1) @Max(5) Integer pedagogy, @Size(max = 2000) String pedagogyComment,
            @NotNull @Min(1) @Max(5) Integer usability, @Size(max = 2000) String usabilityComment,
            @NotNull @Min(1) @Max(5) Integer accessibility, @Size(max = 2000) String accessibilityComment,
            @NotNull @Min(1) @Max(5) Integer privacy, @Size(max = 2000) String privacyComment,
            @NotNull @Min(1) @Max(5) Integer technical, @Size(max = 2000) String technicalComment,
            @NotNull @Min(1) @Max(5) Integer cost, @Size(max = 2000) String costComment,
            @NotNull ToolRecommendation recommendation,
            @Size(max = 4000) String comment) {

        public Integer score(ToolCriterion c) {
            return switch (c) {
                case PEDAGOGY -> pedagogy;
                case USABILITY -> usability;
                case ACCESSIBILITY -> accessibility;
                case PRIVACY -> privacy;
                case TECHNICAL_FIT -> technical;
                case COST -> cost;
            };
        }

        public String comment(ToolCriterion c) {
            return switch (c) {
                case PEDAGOGY -> pedagogyComment;
                case USABILITY -> usabilityComment;
                case ACCESSIBILITY -> accessibilityComment;
                case PRIVACY -> privacyComment;
                case TECHNICAL_FIT -> technicalComment;
                case COST -> costComment;
            };
        }
    }
}
