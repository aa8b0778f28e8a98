package io.heliox.atlas.engine.indicators;

import org.junit.jupiter.api.Test;

import static io.heliox.atlas.engine.indicators.IndicatorChecks.NaN;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.WINDOWS;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertFirstDefined;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertSeries;

class SlopeTest {

    @Test
    void isTheAverageChangePerBarOverNBars() {
        assertSeries(Slope.of(new double[]{1, 2, 4, 7}, 2), NaN, NaN, 1.5, 2.5);
    }

    @Test
    void aNaNAtEitherEndIsNaN() {
        double[] x = {NaN, 2, 4, 6, 8, NaN, 1, 2, 3};
        assertSeries(Slope.of(x, 1), NaN, NaN, 2, 2, 2, NaN, NaN, 1, 1);
    }

    @Test
    void warmUpMatchesTheDeclaredLookback() {
        IndicatorChecks.Walk walk = new IndicatorChecks.Walk();
        for (int n : WINDOWS) {
            assertFirstDefined("slope", n, Slope.of(walk.close, n));
        }
    }
}
