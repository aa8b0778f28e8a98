package io.heliox.atlas.engine.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Metrics on tiny curves whose returns are round numbers, with every expected value worked out
 * here from the definition (not by calling the code under test).
 */
class MetricsTest {

    private static final double P = 252;
    private static final double EPS = 1e-9;

    // returns: +10 %, −10 %, 0, +10 %, +10 %
    private static final double[] EQUITY = {100, 110, 99, 99, 108.9, 119.79};

    @Test
    void sharpeIsMeanOverSampleStdTimesRootP() {
        // mean .04; deviations .06 −.14 −.04 .06 .06 → squares sum .032; ddof 1 → variance .008
        double expected = 0.04 / Math.sqrt(0.032 / 4) * Math.sqrt(P);
        assertThat(Metrics.of(EQUITY, new double[0], 0.5, P).sharpe()).isCloseTo(expected, within(EPS));
    }

    @Test
    void sortinoAveragesTheSquaredShortfallOverAllPeriods() {
        // only −.10 falls short of MAR 0: .01 over 5 periods (not over the 1 losing period)
        double expected = 0.04 / Math.sqrt(0.01 / 5) * Math.sqrt(P);
        assertThat(Metrics.of(EQUITY, new double[0], 0.5, P).sortino()).isCloseTo(expected, within(EPS));
    }

    @Test
    void drawdownRecoveryCagrAndTails() {
        Metrics m = Metrics.of(EQUITY, new double[0], 0.5, P);
        assertThat(m.maxDrawdown()).as("110 → 99").isCloseTo(0.1, within(EPS));
        assertThat(m.timeToRecovery()).as("trough at bar 2, back above 110 at bar 5").isEqualTo(3);
        assertThat(m.cagr()).isCloseTo(Math.pow(1.1979, P / 5) - 1, within(1e-6));
        // sorted returns −.1, 0, .1, .1, .1: h = 4·.05 = .2 → −.1 + .2·(0 − (−.1))
        assertThat(m.tailP5()).isCloseTo(-0.08, within(EPS));
        assertThat(m.tailWorst1Pct()).as("⌈1 % of 5⌉ = the single worst").isCloseTo(-0.1, within(EPS));
        assertThat(m.periodsPerYear()).isEqualTo(P);
        assertThat(m.exposure()).isEqualTo(0.5);
    }

    @Test
    void theInitialEquityCountsAsAPeak() {
        Metrics m = Metrics.of(new double[]{100, 90, 95}, new double[0], 0, P);
        assertThat(m.maxDrawdown()).isCloseTo(0.1, within(EPS));
        assertThat(m.timeToRecovery()).as("never back to 100").isEqualTo(-1);
    }

    @Test
    void tradeStatisticsPerClosedTrade() {
        Metrics m = Metrics.of(EQUITY, new double[]{10, -5, 0, 20}, 0.5, P);
        assertThat(m.tradeCount()).isEqualTo(4);
        assertThat(m.winRate()).as("a zero-PnL trade is not a win").isEqualTo(0.5);
        assertThat(m.profitFactor()).isCloseTo(30.0 / 5, within(EPS));
    }

    @Test
    void constantEquityScoresZeroEverywhere() {
        Metrics m = Metrics.of(new double[]{100, 100, 100, 100}, new double[0], 0, P);
        assertThat(m.sharpe()).isZero();
        assertThat(m.sortino()).isZero();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.timeToRecovery()).isZero();
        assertThat(m.cagr()).isZero();
        assertThat(m.tailP5()).isZero();
        assertThat(m.tailWorst1Pct()).isZero();
    }

    @Test
    void noTrades() {
        Metrics m = Metrics.of(EQUITY, new double[0], 0, P);
        assertThat(m.tradeCount()).isZero();
        assertThat(m.winRate()).isZero();
        assertThat(m.profitFactor()).as("no losing trade: unbounded").isNull();
    }

    @Test
    void noLosingPeriodOrTrade() {
        Metrics m = Metrics.of(new double[]{100, 101, 103}, new double[]{1, 2}, 1, P);
        assertThat(m.sortino()).as("no downside and a positive mean: unbounded").isNull();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.timeToRecovery()).isZero();
        assertThat(m.profitFactor()).isNull();
        assertThat(m.winRate()).isEqualTo(1);
        assertThat(m.sharpe()).isPositive();
    }

    @Test
    void onlyTheInitialEquity() {
        Metrics m = Metrics.of(new double[]{100}, new double[0], 0, P);
        assertThat(m.sharpe()).isZero();
        assertThat(m.sortino()).isZero();
        assertThat(m.cagr()).isZero();
        assertThat(m.tailP5()).isZero();
    }

    @Test
    void percentileIsNumpysLinearRule() {
        double[] oneToTen = {10, 3, 1, 7, 2, 9, 4, 8, 6, 5};
        assertThat(Metrics.percentile(oneToTen, 0.05)).as("h = 9·.05 = .45").isCloseTo(1.45, within(EPS));
        assertThat(Metrics.percentile(oneToTen, 0.5)).isCloseTo(5.5, within(EPS));
        assertThat(Metrics.percentile(new double[]{-3}, 0.05)).isEqualTo(-3);
    }

    @Test
    void worstOnePercentTakesTheCeilingOfOnePercentOfPeriods() {
        double[] values = new double[300];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        assertThat(Metrics.worstMean(values, 0.01)).as("worst 3 of 300: 0, 1, 2").isCloseTo(1, within(EPS));
        assertThat(Metrics.worstMean(new double[]{5, -1, 3}, 0.01)).isEqualTo(-1);
    }

    @Test
    void refusesWhatItCannotScore() {
        assertThatThrownBy(() -> Metrics.of(new double[0], new double[0], 0, P)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.of(new double[]{0, 100}, new double[0], 0, P)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.of(new double[]{100, Double.NaN}, new double[0], 0, P)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.of(new double[]{100}, new double[]{Double.NaN}, 0, P)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.of(new double[]{100}, new double[0], 1.5, P)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.of(new double[]{100}, new double[0], 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ruinIsAHundredPercentLossAndAbsorbing() {
        // 100 → 50 → −20 (a short squeezed past zero) → −20: returns −50 %, −100 %, 0
        Metrics m = Metrics.of(new double[]{100, 50, -20, -20}, new double[]{-120}, 1, P);
        assertThat(Metrics.returns(new double[]{100, 50, -20, -20})).containsExactly(-0.5, -1.0, 0.0);
        assertThat(m.maxDrawdown()).isEqualTo(1.0);
        assertThat(m.cagr()).isEqualTo(-1.0);
        assertThat(m.timeToRecovery()).isEqualTo(-1);
        assertThat(m.tailWorst1Pct()).isEqualTo(-1.0);
        // absorbing even when the curve given climbs back above 0
        assertThat(Metrics.returns(new double[]{100, 50, -20, 10, 12})).containsExactly(-0.5, -1.0, 0.0, 0.0);
    }
}
