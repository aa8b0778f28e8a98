package io.heliox.atlas.engine.indicators;

import org.junit.jupiter.api.Test;

import static io.heliox.atlas.engine.indicators.IndicatorChecks.NaN;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.WINDOWS;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertFirstDefined;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertSeries;

class EmaTest {

    @Test
    void isSeededWithTheSmaThenSmoothsWithAlphaTwoOverNPlusOne() {
        // n = 3: alpha = 0.5, seed = (2+4+6)/3 = 4; then 4 + .5(8−4) = 6; 6 + .5(4−6) = 5
        assertSeries(Ema.of(new double[]{2, 4, 6, 8, 4}, 3), NaN, NaN, 4, 6, 5);
    }

    @Test
    void aNaNInputRestartsTheWarmUp() {
        double[] x = {NaN, 2, 4, 6, 8, NaN, 1, 2, 3};
        assertSeries(Ema.of(x, 3), NaN, NaN, NaN, 4, 6, NaN, NaN, NaN, 2);
    }

    @Test
    void warmUpMatchesTheDeclaredLookback() {
        IndicatorChecks.Walk walk = new IndicatorChecks.Walk();
        for (int n : WINDOWS) {
            assertFirstDefined("ema", n, Ema.of(walk.close, n));
        }
    }
}
