package io.heliox.atlas.engine.indicators;

import org.junit.jupiter.api.Test;

import static io.heliox.atlas.engine.indicators.IndicatorChecks.NaN;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.WINDOWS;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertFirstDefined;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertNaive;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertSeries;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.forRandomSeriesWithNaNGaps;

class HighestTest {

    @Test
    void isTheMaxOfTheLastNBarsCurrentIncluded() {
        assertSeries(Highest.of(new double[]{3, 1, 2, 5, 4, 0, 0}, 3), NaN, NaN, 3, 5, 5, 5, 4);
    }

    @Test
    void aNaNInputRestartsTheWarmUp() {
        double[] x = {NaN, 2, 4, 6, 8, NaN, 1, 2, 3};
        assertSeries(Highest.of(x, 2), NaN, NaN, 4, 6, 8, NaN, NaN, 2, 3);
    }

    @Test
    void warmUpMatchesTheDeclaredLookback() {
        IndicatorChecks.Walk walk = new IndicatorChecks.Walk();
        for (int n : WINDOWS) {
            assertFirstDefined("highest", n, Highest.of(walk.close, n));
        }
    }

    @Test
    void slidingMaxMatchesTheNaiveDefinitionWithNaNGaps() {
        forRandomSeriesWithNaNGaps((x, n) ->
                assertNaive(Highest.of(x, n), x, n, w -> java.util.Arrays.stream(w).max().orElseThrow()));
    }
}
