package io.heliox.atlas.engine.indicators;

import org.junit.jupiter.api.Test;

import static io.heliox.atlas.engine.indicators.IndicatorChecks.NaN;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.WINDOWS;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertFirstDefined;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertNaive;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertSeries;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.forRandomSeriesWithNaNGaps;

class LowestTest {

    @Test
    void isTheMinOfTheLastNBarsCurrentIncluded() {
        assertSeries(Lowest.of(new double[]{3, 1, 2, 5, 4, 0, 0}, 3), NaN, NaN, 1, 1, 2, 0, 0);
    }

    @Test
    void warmUpMatchesTheDeclaredLookback() {
        IndicatorChecks.Walk walk = new IndicatorChecks.Walk();
        for (int n : WINDOWS) {
            assertFirstDefined("lowest", n, Lowest.of(walk.close, n));
        }
    }

    @Test
    void slidingMinMatchesTheNaiveDefinitionWithNaNGaps() {
        forRandomSeriesWithNaNGaps((x, n) ->
                assertNaive(Lowest.of(x, n), x, n, w -> java.util.Arrays.stream(w).min().orElseThrow()));
    }
}
