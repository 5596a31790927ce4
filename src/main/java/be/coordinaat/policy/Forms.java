package be.coordinaat.policy;

import be.coordinaat.selfevaluation.Area;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms (and JSON bodies) of the policy module. {@code version} is the optimistic-lock version read. Rules the
 * annotations cannot express (references in the right school, dates in order, amounts, states) are checked by the
 * facades and reported per field.
 */
public final class Forms {
    private Forms() {}

    static final String URL = "(?i)(https?://\\S+)?";

    /**
     * The text of the school's vision. Saved into the newest version while it is a draft or returned; after
     * approval (or while submitted) saving starts a new draft version. {@code version} is that of the newest version
     * read (null when the school has none yet).
     */
    public record VisionForm(@NotNull Long schoolId, @NotBlank @Size(max = 50000) String body, Integer version) {}

    /** Approving or returning (then {@code remarks} is required) a vision version or a plan. */
    public record DecisionForm(@Size(max = 4000) String remarks, Integer version) {}

    /** A policy plan for a period, optionally carrying over the CONTINUE/ADJUST goals of an earlier plan. */
    public record PlanForm(@NotNull Long schoolId, @NotBlank @Size(max = 200) String title, @NotNull Integer startYear,
            @NotNull Integer endYear, Long carryFromPlanId, Integer version) {}

    /** A SMART goal: what, how it is measured, the target, the deadline; a self-evaluation area and themes. */
    public record GoalForm(@NotBlank @Size(max = 300) String title, @Size(max = 1000) String measure,
            @Size(max = 1000) String target, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            Area area, @Size(max = 6) List<@NotNull FunctionTheme> themes, Integer version) {}

    /** An action of a goal: a budget line of the school (BudgetLedger) or an amount, never both. */
    public record ActionForm(@NotBlank @Size(max = 300) String title, Long ownerUserId,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, @NotNull Horizon horizon,
            ActionStatus status, Long budgetLineId, BigDecimal amount, @Size(max = 4000) String evidence,
            @Size(max = 500) @Pattern(regexp = URL, message = "{policy.error.url}") String evidenceUrl, Integer version) {}

    /** Progress of an action, also while the plan is approved: its status and the evidence of completion. */
    public record ProgressForm(@NotNull ActionStatus status, @Size(max = 4000) String evidence,
            @Size(max = 500) @Pattern(regexp = URL, message = "{policy.error.url}") String evidenceUrl, Integer version) {}

    /** A comment on the plan, or on one of its goals or actions. */
    public record CommentForm(Long goalId, Long actionId, @NotBlank @Size(max = 4000) String body) {}

    /** The yearly review of a goal; {@code schoolYear} ("2026-2027") defaults to the current school year. */
    public record ReviewForm(@NotNull Conclusion conclusion, @Size(max = 4000) String remark,
            @Size(max = 9) @Pattern(regexp = "(\\d{4}-\\d{4})?", message = "{policy.error.schoolYear}") String schoolYear) {}

    /** A classroom pilot: the tool is free text or a software catalogue entry; the teacher an account or a name. */
    public record PilotForm(@NotNull Long schoolId, @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description, @Size(max = 60) String className, @Size(max = 200) String toolName,
            Long softwareId, Long teacherUserId, @Size(max = 200) String teacherName,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, @Size(max = 4000) String outcome,
            ScaleUp scaleUp, @Size(max = 50) List<@NotNull Long> goalIds, Integer version) {}

    /** The text of an acceptable-use policy; saved into the draft, or a new draft when the newest is published. */
    public record AupForm(@NotNull Long schoolId, @NotNull AupAudience audience, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 100000) String body, Integer version) {}

    /** A class whose pupils acknowledged the pupils' acceptable-use policy (recorded by the coordinator). */
    public record ClassAckForm(@NotBlank @Size(max = 30) String className,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate acknowledgedOn,
            @Size(max = 1000) String note) {}

    /** An item of the security baseline; {@code title} only for the school's own items (required there). */
    public record BaselineItemForm(Long schoolId, @Size(max = 300) String title, @NotNull BaselineStatus status,
            Long ownerUserId, @Size(max = 4000) String evidence,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewDate, Integer version) {}

    /** Turns a baseline item into an action of a goal of a plan being drafted. */
    public record ToActionForm(@NotNull Long goalId, @NotNull Horizon horizon,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline) {}
}
