package io.heliox.atlas.engine.indicators;

import org.junit.jupiter.api.Test;

import static io.heliox.atlas.engine.indicators.IndicatorChecks.NaN;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.WINDOWS;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertFirstDefined;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertSeries;

class AtrTest {

    @Test
    void usesThePreviousCloseForTheTrueRange() {
        double[] high = {10, 11, 12, 11, 13};
        double[] low = {9, 10, 10, 9, 12};
        double[] close = {9.5, 10.5, 11, 10, 12.5};
        // TR from bar 1: 1.5 (gap from 9.5), 2, 2, 3 (gap from 10); ATR(2): (1.5+2)/2, (1.75+2)/2, (1.875+3)/2
        assertSeries(Atr.of(high, low, close, 2), NaN, NaN, 1.75, 1.875, 2.4375);
    }

    @Test
    void warmUpMatchesTheDeclaredLookback() {
        IndicatorChecks.Walk walk = new IndicatorChecks.Walk();
        for (int n : WINDOWS) {
            assertFirstDefined("atr", n, Atr.of(walk.high, walk.low, walk.close, n));
        }
    }
}
