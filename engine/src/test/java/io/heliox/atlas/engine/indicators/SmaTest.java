package io.heliox.atlas.engine.indicators;

import org.junit.jupiter.api.Test;

import static io.heliox.atlas.engine.indicators.IndicatorChecks.NaN;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.WINDOWS;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertFirstDefined;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertNaive;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertSeries;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.forRandomSeriesWithNaNGaps;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.mean;

class SmaTest {

    @Test
    void averagesTheLastNBarsFromBarNMinus1() {
        assertSeries(Sma.of(new double[]{1, 2, 3, 4, 5}, 3), NaN, NaN, 2, 3, 4);
        assertSeries(Sma.of(new double[]{7, 9}, 1), 7, 9);
        assertSeries(Sma.of(new double[]{1, 2}, 3), NaN, NaN);
    }

    @Test
    void aNaNInputRestartsTheWarmUp() {
        double[] x = {NaN, 2, 4, 6, 8, NaN, 1, 2, 3};
        assertSeries(Sma.of(x, 2), NaN, NaN, 3, 5, 7, NaN, NaN, 1.5, 2.5);
    }

    @Test
    void warmUpMatchesTheDeclaredLookback() {
        IndicatorChecks.Walk walk = new IndicatorChecks.Walk();
        for (int n : WINDOWS) {
            assertFirstDefined("ma", n, Sma.of(walk.close, n));
        }
    }

    @Test
    void runningSumMatchesTheNaiveDefinitionWithNaNGaps() {
        forRandomSeriesWithNaNGaps((x, n) -> assertNaive(Sma.of(x, n), x, n, w -> mean(w)));
    }
}
