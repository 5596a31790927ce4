package be.coordinaat.inventory;

import static be.coordinaat.inventory.AssetStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The life cycle of an asset, as a graph. */
class AssetStatusTest {

    @Test
    void theUsualLifeOfADevice() {
        assertThat(ORDERED.canChangeByHandTo(IN_STOCK)).isTrue();
        assertThat(IN_STOCK.canChangeByHandTo(IN_USE)).isTrue();
        assertThat(IN_USE.canChangeByHandTo(IN_REPAIR)).isTrue();
        assertThat(IN_REPAIR.canChangeByHandTo(IN_USE)).isTrue();
        assertThat(IN_USE.canChangeByHandTo(IN_STOCK)).isTrue();
        assertThat(IN_STOCK.canChangeByHandTo(RETIRED)).isTrue();
        assertThat(RETIRED.canChangeByHandTo(DISPOSED)).isTrue();
    }

    @Test
    void disposedIsFinal() {
        assertThat(DISPOSED.nextByHand()).isEmpty();
        for (AssetStatus s : values()) {
            assertThat(DISPOSED.canChangeByHandTo(s)).as("DISPOSED -> " + s).isFalse();
        }
    }

    @Test
    void onlyARetiredAssetCanBeDisposed() {
        for (AssetStatus s : values()) {
            assertThat(s.canChangeByHandTo(DISPOSED)).as(s + " -> DISPOSED").isEqualTo(s == RETIRED);
        }
    }

    @Test
    void everyActiveStatusCanBeRetiredByHandExceptOnLoan() {
        for (AssetStatus s : values()) {
            if (s.active() && s != ON_LOAN) {
                assertThat(s.canChangeByHandTo(RETIRED)).as(s + " -> RETIRED").isTrue();
            }
        }
        assertThat(ON_LOAN.canChangeByHandTo(RETIRED)).isFalse();
    }

    @Test
    void onLoanIsEnteredAndLeftOnlyByLending() {
        for (AssetStatus s : values()) {
            assertThat(s.canChangeByHandTo(ON_LOAN)).as(s + " -> ON_LOAN by hand").isFalse();
        }
        assertThat(ON_LOAN.nextByHand()).isEmpty();
        assertThat(ON_LOAN.settableByHand()).isFalse();
        assertThat(EnumSet.allOf(AssetStatus.class).stream().filter(AssetStatus::lendable)).containsExactlyInAnyOrder(IN_STOCK, IN_USE);
        assertThat(AssetStatus.afterLoan()).containsExactlyInAnyOrder(IN_STOCK, IN_USE, IN_REPAIR);
    }

    @Test
    void refusedChanges() {
        assertThat(ORDERED.canChangeByHandTo(IN_REPAIR)).isFalse();
        assertThat(IN_STOCK.canChangeByHandTo(ORDERED)).isFalse();
        assertThat(RETIRED.canChangeByHandTo(IN_USE)).isFalse();
        assertThat(IN_USE.canChangeByHandTo(IN_USE)).as("no change is not a change").isFalse();
    }

    @Test
    void everyStatusCanReachTheEndExceptByLending() {
        for (AssetStatus s : values()) {
            if (s == ON_LOAN || s == DISPOSED) {
                continue;
            }
            assertThat(reachable(s)).as("from " + s).contains(DISPOSED);
        }
    }

    @Test
    void reasonsAreRequiredForLeaving() {
        assertThat(EnumSet.allOf(AssetStatus.class).stream().filter(AssetStatus::needsReason)).containsExactlyInAnyOrder(RETIRED, DISPOSED);
    }

    private static EnumSet<AssetStatus> reachable(AssetStatus from) {
        EnumSet<AssetStatus> seen = EnumSet.of(from);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (AssetStatus s : EnumSet.copyOf(seen)) {
                grew |= seen.addAll(s.nextByHand());
            }
        }
        return seen;
    }
}
