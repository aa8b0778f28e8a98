package io.heliox.atlas.engine.indicators;

import org.junit.jupiter.api.Test;

import static io.heliox.atlas.engine.indicators.IndicatorChecks.NaN;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.WINDOWS;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertFirstDefined;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertSeries;

class LagTest {

    @Test
    void shiftsByKBarsAndZeroIsACopy() {
        assertSeries(Lag.of(new double[]{1, 2, 3}, 2), NaN, NaN, 1);
        assertSeries(Lag.of(new double[]{1, 2, 3}, 0), 1, 2, 3);
        assertSeries(Lag.of(new double[]{1, 2, 3}, 5), NaN, NaN, NaN);
    }

    @Test
    void aNegativeShiftWouldReadTheFutureAndIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Lag.of(new double[]{1, 2, 3}, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void warmUpMatchesTheDeclaredLookback() {
        IndicatorChecks.Walk walk = new IndicatorChecks.Walk();
        for (int n : WINDOWS) {
            assertFirstDefined("lag", n, Lag.of(walk.close, n));
        }
    }
}
