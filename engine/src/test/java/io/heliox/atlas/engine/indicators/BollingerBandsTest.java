package io.heliox.atlas.engine.indicators;

import org.junit.jupiter.api.Test;

import static io.heliox.atlas.engine.indicators.IndicatorChecks.NaN;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.WINDOWS;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertFirstDefined;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertNaive;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertSeries;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.forRandomSeriesWithNaNGaps;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.mean;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.popStd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BollingerBandsTest {

    @Test
    void useThePopulationDeviation() {
        double[] x = {1, 2, 3, 5, 5};
        double s2 = Math.sqrt(2.0 / 3);    // {1,2,3}: mean 2, squared deviations 1+0+1 over 3
        double s3 = Math.sqrt(42.0 / 27);  // {2,3,5}: mean 10/3
        double s4 = Math.sqrt(24.0 / 27);  // {3,5,5}: mean 13/3
        assertSeries(BollingerBands.upper(x, 3, 2), NaN, NaN, 2 + 2 * s2, 10.0 / 3 + 2 * s3, 13.0 / 3 + 2 * s4);
        assertSeries(BollingerBands.lower(x, 3, 2), NaN, NaN, 2 - 2 * s2, 10.0 / 3 - 2 * s3, 13.0 / 3 - 2 * s4);
        assertSeries(BollingerBands.mid(x, 3), NaN, NaN, 2, 10.0 / 3, 13.0 / 3);
    }

    @Test
    void aFlatWindowHasBandsExactlyOnTheMean() {
        double[] x = {100.1, 100.1, 100.1, 100.1, 100.1, 100.1};
        double[] upper = BollingerBands.upper(x, 3, 2);
        for (int t = 2; t < x.length; t++) {
            assertThat(upper[t]).isCloseTo(100.1, within(1e-10));
        }
    }

    @Test
    void warmUpMatchesTheDeclaredLookback() {
        IndicatorChecks.Walk walk = new IndicatorChecks.Walk();
        for (int n : WINDOWS) {
            assertFirstDefined("bbands_upper", n, BollingerBands.upper(walk.close, n, 2));
            assertFirstDefined("bbands_mid", n, BollingerBands.mid(walk.close, n));
            assertFirstDefined("bbands_lower", n, BollingerBands.lower(walk.close, n, 2));
        }
    }

    @Test
    void rollingDeviationMatchesTheNaiveDefinitionWithNaNGaps() {
        forRandomSeriesWithNaNGaps((x, n) -> {
            assertNaive(BollingerBands.upper(x, n, 1.5), x, n, w -> mean(w) + 1.5 * popStd(w));
            assertNaive(BollingerBands.lower(x, n, 1.5), x, n, w -> mean(w) - 1.5 * popStd(w));
        });
    }
}
