package be.coordinaat.licences;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a digital tool stands in one school. The allowed transitions: proposed → under evaluation (evaluators invited)
 * or rejected; under evaluation → adopted, piloting (with an end date) or rejected; piloting → adopted, rejected, a
 * new pilot end date or retired; adopted → retired; rejected and retired → proposed again (a new life on the same
 * record, so the history of the earlier decision stays with it).
 */
public enum ToolStatus {
    PROPOSED,
    UNDER_EVALUATION,
    ADOPTED,
    PILOTING,
    REJECTED,
    RETIRED;

    /** The statuses a teacher may use a tool in: the approved catalogue. */
    public static final Set<ToolStatus> APPROVED = EnumSet.of(ADOPTED, PILOTING);

    public Set<ToolStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(UNDER_EVALUATION, REJECTED);
            case UNDER_EVALUATION -> EnumSet.of(ADOPTED, PILOTING, REJECTED);
            case PILOTING -> EnumSet.of(ADOPTED, PILOTING, REJECTED, RETIRED);
            case ADOPTED -> EnumSet.of(RETIRED);
            case REJECTED, RETIRED -> EnumSet.of(PROPOSED);
        };
    }

    public boolean canMoveTo(ToolStatus target) {
        return next().contains(target);
    }

    /** Evaluators may score while the tool is evaluated or piloted. */
    public boolean open() {
        return this == UNDER_EVALUATION || this == PILOTING;
    }

    public boolean approved() {
        return APPROVED.contains(this);
    }
}
