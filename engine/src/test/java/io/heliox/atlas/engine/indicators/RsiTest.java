package io.heliox.atlas.engine.indicators;

import org.junit.jupiter.api.Test;

import static io.heliox.atlas.engine.indicators.IndicatorChecks.NaN;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.WINDOWS;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertFirstDefined;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertSeries;

class RsiTest {

    @Test
    void usesWildersSmoothingOverNChanges() {
        // changes +1 −1 +2 −1: first averages (1+0)/2, (0+1)/2 → 50;
        // then gain (.5+2)/2 = 1.25, loss (.5+0)/2 = .25 → 100 − 100/6; then .625/.625 → 50
        assertSeries(Rsi.of(new double[]{1, 2, 1, 3, 2}, 2), NaN, NaN, 50, 100 - 100.0 / 6, 50);
    }

    @Test
    void is100WhenThereIsNoLossFlatIncluded() {
        assertSeries(Rsi.of(new double[]{1, 2, 3, 4}, 2), NaN, NaN, 100, 100);
        assertSeries(Rsi.of(new double[]{5, 5, 5, 5}, 2), NaN, NaN, 100, 100);
    }

    @Test
    void aNaNInputRestartsTheWarmUp() {
        double[] x = {NaN, 2, 4, 6, 8, NaN, 1, 2, 3};
        assertSeries(Rsi.of(x, 2), NaN, NaN, NaN, 100, 100, NaN, NaN, NaN, 100);
    }

    @Test
    void warmUpMatchesTheDeclaredLookback() {
        IndicatorChecks.Walk walk = new IndicatorChecks.Walk();
        for (int n : WINDOWS) {
            assertFirstDefined("rsi", n, Rsi.of(walk.close, n));
        }
    }
}
