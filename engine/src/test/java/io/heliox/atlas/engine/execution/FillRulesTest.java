package io.heliox.atlas.engine.execution;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of {@link FillRules} on one bar (open, high, low). */
class FillRulesTest {

    private final double[] px = new double[1];

    @Test
    void aLimitFillsOnlyWhenTheBarTouchesIt() {
        // buy limit 95: bar 100/102/96 never trades at 95 → no fill; 100/102/95 touches → 95
        assertThat(FillRules.limit(true, 95, 100, 102, 96)).isNaN();
        assertThat(FillRules.limit(true, 95, 100, 102, 95)).isEqualTo(95);
        assertThat(FillRules.limit(true, 95, 100, 102, 90)).isEqualTo(95); // traded through: still the limit
        // sell limit 105
        assertThat(FillRules.limit(false, 105, 100, 104.99, 99)).isNaN();
        assertThat(FillRules.limit(false, 105, 100, 105, 99)).isEqualTo(105);
    }

    @Test
    void aLimitTheBarOpensBeyondFillsAtTheBetterOpen() {
        assertThat(FillRules.limit(true, 95, 93, 94, 92)).isEqualTo(93);
        assertThat(FillRules.limit(false, 105, 108, 110, 107)).isEqualTo(108);
    }

    @Test
    void aStopTriggersOnACrossAndFillsAtTheStop() {
        // sell stop 95 (a long's stop loss): low 95.01 does not cross, low 94 does → 95
        assertThat(FillRules.stop(false, 95, 100, 101, 95.01)).isNaN();
        assertThat(FillRules.stop(false, 95, 100, 101, 94)).isEqualTo(95);
        // buy stop 105 (a breakout entry or a short's stop)
        assertThat(FillRules.stop(true, 105, 100, 104, 99)).isNaN();
        assertThat(FillRules.stop(true, 105, 100, 106, 99)).isEqualTo(105);
    }

    @Test
    void aStopTheBarGapsThroughFillsAtTheWorseOpen() {
        assertThat(FillRules.stop(false, 95, 90, 92, 88)).isEqualTo(90);
        assertThat(FillRules.stop(true, 105, 110, 111, 109)).isEqualTo(110);
    }

    @Test
    void stopLossAndTakeProfitInsideOneBarAssumeTheLossFirst() {
        // long from 100, stop 95, target 105; the bar 100/106/94 reaches both
        assertThat(FillRules.exit(true, 95, 105, 100, 106, 94, px)).isEqualTo(FillReason.STOP_LOSS);
        assertThat(px[0]).isEqualTo(95);
        // short from 100, stop 105, target 95
        assertThat(FillRules.exit(false, 105, 95, 100, 106, 94, px)).isEqualTo(FillReason.STOP_LOSS);
        assertThat(px[0]).isEqualTo(105);
    }

    @Test
    void aLevelTheBarOpensBeyondIsTheFirstPriceAndFillsAtTheOpen() {
        // long: opens above the target, then falls through the stop: the open came first
        assertThat(FillRules.exit(true, 95, 105, 107, 108, 94, px)).isEqualTo(FillReason.TAKE_PROFIT);
        assertThat(px[0]).isEqualTo(107);
        // long: gaps below the stop
        assertThat(FillRules.exit(true, 95, 105, 93, 106, 92, px)).isEqualTo(FillReason.STOP_LOSS);
        assertThat(px[0]).isEqualTo(93);
    }

    @Test
    void onlyTheLevelsThatAreSetCanFill() {
        assertThat(FillRules.exit(true, Double.NaN, 105, 100, 106, 50, px)).isEqualTo(FillReason.TAKE_PROFIT);
        assertThat(px[0]).isEqualTo(105);
        assertThat(FillRules.exit(true, 95, Double.NaN, 100, 200, 96, px)).isEqualTo(-1);
        assertThat(FillRules.exit(false, Double.NaN, Double.NaN, 100, 200, 1, px)).isEqualTo(-1);
    }
}
