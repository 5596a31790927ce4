package be.coordinaat.policy;

import be.coordinaat.selfevaluation.Area;
import be.coordinaat.selfevaluation.SelfEvaluationResults.AreaScore;
import be.coordinaat.selfevaluation.SelfEvaluationResults.RoundSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** What the policy module shows: read models. */
public final class Views {
    private Views() {}

    /** An account to choose (owner of an action, teacher of a pilot, baseline owner). */
    public record AccountChoice(long id, String name) {}

    /** One version of a school's vision. */
    public record VisionView(long id, long schoolId, String schoolName, int number, String body, ApprovalStatus status,
            Instant submittedAt, String submittedBy, Instant decidedAt, String decidedBy, String remarks, int version,
            Instant createdAt, String createdBy, Instant updatedAt) {

        /** The text as paragraphs (blank lines separate them), for a plain, safe rendering. */
        public List<String> paragraphs() {
            return Texts.paragraphs(body);
        }

        public boolean editable() {
            return status == ApprovalStatus.DRAFT || status == ApprovalStatus.RETURNED;
        }
    }

    /** One line of a comparison of two versions. */
    public record DiffLine(String kind, String text) {}

    /** A school's vision as its reader may see it: the version shown and the versions they may see, newest first. */
    public record VisionOverview(long schoolId, String schoolName, VisionView current, VisionView approved,
            List<VisionView> versions, boolean canManage, boolean canApprove) {}

    /** One line of the list of plans. */
    public record PlanRow(long id, long schoolId, String schoolName, String title, int startYear, int endYear,
            ApprovalStatus status, int number, long goals, long actions, long actionsDone, boolean hasApproved,
            Instant updatedAt) {

        public String period() {
            return startYear + "–" + endYear;
        }
    }

    /**
     * A plan with its goals and actions: the live plan, or ({@code snapshotNumber} not null) the approved version
     * frozen in a snapshot, which is what readers without POLICY_MANAGE or POLICY_APPROVE see.
     */
    public record PlanView(long id, long schoolId, String schoolName, String title, int startYear, int endYear,
            ApprovalStatus status, int number, Instant submittedAt, String submittedBy, Instant decidedAt,
            String decidedBy, String remarks, Long carriedFromId, int version, Instant createdAt, Instant updatedAt,
            List<GoalView> goals, Integer snapshotNumber) {

        public String period() {
            return startYear + "–" + endYear;
        }

        /** Goals and actions may change only while drafting (or after the director returned the plan). */
        public boolean editable() {
            return snapshotNumber == null && (status == ApprovalStatus.DRAFT || status == ApprovalStatus.RETURNED);
        }

        public List<ActionView> actions() {
            return goals.stream().flatMap(g -> g.actions().stream()).toList();
        }

        /** The sum of the amounts of actions without a budget line. */
        public BigDecimal amounts() {
            return actions().stream().filter(a -> a.amount() != null && a.status() != ActionStatus.CANCELLED)
                    .map(ActionView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public record GoalView(long id, int position, String title, String measure, String target, LocalDate deadline,
            Area area, List<FunctionTheme> themes, Long carriedFromId, int version, List<ActionView> actions,
            ReviewView latestReview) {

        public long done() {
            return actions.stream().filter(a -> a.status() == ActionStatus.DONE).count();
        }

        /** The actions that count for progress: all but the cancelled ones. */
        public long counted() {
            return actions.stream().filter(a -> a.status() != ActionStatus.CANCELLED).count();
        }

        public int percent() {
            return counted() == 0 ? 0 : (int) (done() * 100 / counted());
        }

        public String themeCodes() {
            return String.join(", ", themes.stream().map(FunctionTheme::code).toList());
        }
    }

    public record ActionView(long id, long goalId, String title, Long ownerUserId, String ownerName, LocalDate startDate,
            LocalDate deadline, Horizon horizon, ActionStatus status, Long budgetLineId, String budgetLineLabel,
            BigDecimal amount, String evidence, String evidenceUrl, int version, boolean overdue) {

        public boolean open() {
            return status == ActionStatus.PLANNED || status == ActionStatus.IN_PROGRESS;
        }
    }

    public record ReviewView(long id, long goalId, String schoolYear, Conclusion conclusion, String remark,
            Instant reviewedAt, String reviewedBy) {}

    public record CommentView(long id, Long goalId, Long actionId, String authorName, String body, Instant createdAt) {}

    /** An approved version of a plan. */
    public record SnapshotRow(int number, Instant approvedAt, String approvedBy) {}

    /** A budget line used by actions of the plan, with what the budget module says about it. */
    public record BudgetUse(long lineId, String label, String yearLabel, BigDecimal planned, BigDecimal committed,
            BigDecimal spent, BigDecimal remaining, boolean exceeded, long actions) {

        public int percentUsed() {
            return planned.signum() == 0 ? 0
                    : committed.add(spent).multiply(BigDecimal.valueOf(100)).divide(planned, 0, java.math.RoundingMode.HALF_UP).intValue();
        }
    }

    /** Progress of one goal, with what the latest self-evaluation says about its area (null when unknown). */
    public record GoalProgress(GoalView goal, long done, long total, int percent, AreaScore areaScore,
            List<ReviewView> reviews) {}

    /** The monitoring dashboard of a plan. {@code selfEvaluation} is null when there is none yet. */
    public record MonitorView(PlanView plan, List<GoalProgress> goals, List<ActionView> overdue,
            List<ActionView> withoutOwner, List<BudgetUse> budget, BigDecimal amounts, RoundSummary selfEvaluation,
            String currentSchoolYear) {

        public long done() {
            return goals.stream().mapToLong(GoalProgress::done).sum();
        }

        public long total() {
            return goals.stream().mapToLong(GoalProgress::total).sum();
        }
    }

    public record PilotRow(long id, long schoolId, String schoolName, String title, String className, String tool,
            String teacher, LocalDate startDate, LocalDate endDate, ScaleUp scaleUp) {}

    public record PilotView(long id, long schoolId, String schoolName, String title, String description,
            String className, String toolName, Long softwareId, String softwareName, Long teacherUserId,
            String teacherUserName, String teacherName, LocalDate startDate, LocalDate endDate, String outcome,
            ScaleUp scaleUp, List<GoalRef> goals, int version, Instant createdAt, Instant updatedAt) {

        public String tool() {
            return softwareName != null ? softwareName : toolName;
        }

        public String teacher() {
            return teacherUserName != null ? teacherUserName : teacherName;
        }

        public List<Long> goalIds() {
            return goals.stream().map(GoalRef::id).toList();
        }
    }

    /** A goal to link to, with its plan. */
    public record GoalRef(long id, String title, long planId, String planTitle) {}

    public record AupView(long id, long schoolId, String schoolName, AupAudience audience, int number, String title,
            String body, AupStatus status, Instant publishedAt, String publishedBy, int version, Instant createdAt,
            Instant updatedAt) {

        public List<String> paragraphs() {
            return Texts.paragraphs(body);
        }
    }

    /** The acceptable-use policy of one audience in one school: the current published version and the draft. */
    public record AupOverview(AupAudience audience, AupView current, AupView draft, List<AupView> versions,
            boolean acknowledgedByMe, long acknowledged, long pending) {}

    public record StaffAck(long userId, String name, Instant acknowledgedAt) {}

    public record ClassAck(long id, String className, LocalDate acknowledgedOn, String note, String recordedBy,
            Instant recordedAt) {}

    /** Who acknowledged a published version and who has not yet. */
    public record AckStatus(AupView aup, List<StaffAck> acknowledged, List<AccountChoice> pendingStaff,
            List<ClassAck> classes, List<String> pendingClasses) {}

    /** A published staff policy the current user has still to acknowledge (the banner on the home page). */
    public record PendingAup(long id, long schoolId, String schoolName, String title, int number) {}

    public record BaselineItemView(long id, long schoolId, BaselineStandard code, String title, int position,
            BaselineStatus status, Long ownerUserId, String ownerName, String evidence, LocalDate reviewDate,
            boolean reviewDue, Long actionId, String actionTitle, Long planId, int version, Instant updatedAt) {

        /** The title to show in English (the API): the school's own, or the standard item's. */
        public String displayTitle() {
            return title != null ? title : code == null ? null : code.title();
        }
    }

    /** The checklist of one school with its counts. */
    public record BaselineView(long schoolId, String schoolName, List<BaselineItemView> items) {

        public long done() {
            return items.stream().filter(i -> i.status() == BaselineStatus.DONE).count();
        }

        public long applicable() {
            return items.stream().filter(i -> i.status() != BaselineStatus.NOT_APPLICABLE).count();
        }
    }

    /** Paragraph splitting, shared by the views. */
    static final class Texts {
        private Texts() {}

        static List<String> paragraphs(String body) {
            if (body == null || body.isBlank()) {
                return List.of();
            }
            return Arrays.stream(body.replace("\r\n", "\n").split("\\n\\s*\\n")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
    }
}
