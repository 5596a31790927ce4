package be.coordinaat.inventory;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life cycle of an asset. The allowed changes form a small graph: an ordered asset arrives in stock (or goes
 * straight into use), moves between stock, use and repair, and leaves through retirement to disposal, which is
 * final. {@link #ON_LOAN} is entered and left only by lending (the loans feature), because a loan record must
 * open and close with it.
 */
public enum AssetStatus {
    ORDERED, IN_STOCK, IN_USE, ON_LOAN, IN_REPAIR, RETIRED, DISPOSED;

    /** Whether a person may set this status by hand, e.g. when registering an asset or through the status action. */
    public boolean settableByHand() {
        return this != ON_LOAN;
    }

    /** Still part of the school's working equipment (not retired or disposed). */
    public boolean active() {
        return this != RETIRED && this != DISPOSED;
    }

    /** The statuses a person may change this status to by hand (never {@link #ON_LOAN}, never from it). */
    public Set<AssetStatus> nextByHand() {
        return switch (this) {
            case ORDERED -> EnumSet.of(IN_STOCK, IN_USE, RETIRED);
            case IN_STOCK -> EnumSet.of(IN_USE, IN_REPAIR, RETIRED);
            case IN_USE -> EnumSet.of(IN_STOCK, IN_REPAIR, RETIRED);
            case ON_LOAN -> EnumSet.noneOf(AssetStatus.class);
            case IN_REPAIR -> EnumSet.of(IN_STOCK, IN_USE, RETIRED);
            case RETIRED -> EnumSet.of(IN_STOCK, DISPOSED);
            case DISPOSED -> EnumSet.noneOf(AssetStatus.class);
        };
    }

    public boolean canChangeByHandTo(AssetStatus next) {
        return nextByHand().contains(next);
    }

    /** Whether an asset in this status can be lent out (by the loans feature). */
    public boolean lendable() {
        return this == IN_STOCK || this == IN_USE;
    }

    /** The statuses an asset may return to when its loan ends: back in stock or use, or broken into repair. */
    public static Set<AssetStatus> afterLoan() {
        return EnumSet.of(IN_STOCK, IN_USE, IN_REPAIR);
    }

    /** Reasons are required where the change needs explaining afterwards: retiring and disposing. */
    public boolean needsReason() {
        return this == RETIRED || this == DISPOSED;
    }
}
