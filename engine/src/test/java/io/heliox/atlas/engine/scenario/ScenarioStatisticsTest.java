package io.heliox.atlas.engine.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each family, with fixed seeds over 50 000 bars, shows the parameters it was given. Tolerances are
 * about 4–5 standard errors of the estimate (stated per test), so a correct generator passes with
 * any seed and a wrong formula (a sign, a missing σ²/2, a swapped weight) does not.
 */
class ScenarioStatisticsTest {

    static final int N = 50_000;

    @Test
    void trendRecoversDriftAndVolatilityOfLogReturns() {
        double drift = 3e-4;
        double sigma = 80e-4;
        double[] r = ScenarioDocs.logReturns(ScenarioGenerator.generate(
                ScenarioDocs.spec("trend", "{\"drift\":3,\"sigma\":80}", N, 101)));
        double se = sigma / Math.sqrt(N); // 3.6e-5
        assertThat(Stats.mean(r)).isCloseTo(drift - sigma * sigma / 2, within(4 * se));
        assertThat(Stats.std(r)).isCloseTo(sigma, within(4 * sigma / Math.sqrt(2.0 * N)));
        assertThat(Stats.autocorrelation(r, 1)).isCloseTo(0, within(4 / Math.sqrt(N)));
        assertThat(Stats.kurtosis(r)).isCloseTo(3, within(4 * Math.sqrt(24.0 / N)));
    }

    @Test
    void meanRevertPullsBackAtKappaAndItsReturnsRevert() {
        double kappa = 0.1;
        ScenarioSpec spec = ScenarioDocs.spec("mean_revert", "{\"kappa\":0.1,\"theta\":250,\"sigma\":50}", N, 202);
        Bars bars = ScenarioGenerator.generate(spec);
        double logTheta = Math.log(250);
        // Least squares of Δx_t on (x_{t−1} − ln θ): the slope is −κ.
        double sxy = 0;
        double sxx = 0;
        double previous = Math.log(bars.close()[0]);
        for (int t = 1; t < bars.size(); t++) {
            double x = Math.log(bars.close()[t]);
            double deviation = previous - logTheta;
            sxy += deviation * (x - previous);
            sxx += deviation * deviation;
            previous = x;
        }
        assertThat(-sxy / sxx).isCloseTo(kappa, within(0.01)); // SE ≈ sqrt(κ(2−κ)/N) ≈ 0.002
        double rho = Stats.autocorrelation(ScenarioDocs.logReturns(bars), 1);
        assertThat(rho).as("lag-1 autocorrelation of OU increments ≈ −κ/2").isCloseTo(-kappa / 2, within(0.02));
        assertThat(Stats.mean(bars.close())).isCloseTo(250, within(2.0));
    }

    @Test
    void volClusterShowsClusteringFatTailsAndItsLongRunVolatility() {
        ScenarioSpec spec = ScenarioDocs.spec("vol_cluster", "{\"omega\":20,\"alpha\":0.1,\"beta\":0.85,\"mu\":0}", N, 303);
        double[] r = ScenarioDocs.logReturns(ScenarioGenerator.generate(spec));
        // GARCH(1,1) theory for these weights: ρ1(r²) ≈ 0.18, kurtosis ≈ 3.8; 1/sqrt(N) ≈ 0.0045.
        assertThat(Stats.autocorrelation(Stats.squares(r), 1)).as("volatility clusters").isGreaterThan(0.08);
        assertThat(Stats.autocorrelation(r, 1)).as("but returns are not predictable").isCloseTo(0, within(0.02));
        double[] gbm = ScenarioDocs.logReturns(ScenarioGenerator.generate(
                ScenarioDocs.spec("trend", "{\"drift\":0,\"sigma\":20}", N, 303)));
        assertThat(Stats.kurtosis(r)).isGreaterThan(3.3).isGreaterThan(Stats.kurtosis(gbm) + 0.2);
        assertThat(Stats.autocorrelation(Stats.squares(gbm), 1)).isCloseTo(0, within(0.02));
        double longRunSigma = Math.sqrt(20e-8 / (1 - 0.1 - 0.85)); // 20 bps
        assertThat(Stats.std(r)).isCloseTo(longRunSigma, within(0.1 * longRunSigma));
    }

    @Test
    void shockMixJumpsAtItsProbabilityAndSize() {
        double p = 0.02;
        Bars bars = ScenarioGenerator.generate(ScenarioDocs.spec("shock_mix",
                "{\"p_jump\":0.02,\"jump_mu\":100,\"jump_sigma\":50,\"sigma\":10}", N, 404));
        int jumps = 0;
        double gapSum = 0;
        for (int t = 1; t < bars.size(); t++) {
            if (bars.open()[t] != bars.close()[t - 1]) {
                jumps++;
                gapSum += Math.log(bars.open()[t] / bars.close()[t - 1]);
            }
        }
        double expected = p * (N - 1);
        assertThat((double) jumps).isCloseTo(expected, within(4 * Math.sqrt(expected * (1 - p)))); // ± 125
        assertThat(gapSum / jumps).isCloseTo(100e-4, within(5 * 50e-4 / Math.sqrt(jumps)));
    }

    @Test
    void regimeSwitchVisitsRegimesAsTheTransitionMatrixSays() {
        RegimeSwitchParams params = (RegimeSwitchParams) ScenarioDocs.spec("regime-switch").params();
        double[][] matrix = params.transition();
        PricePath path = new PricePath(N, 100);
        params.process().simulate(path, RandomStream.forSeed(505)[0]);
        // The wick scale of a bar is its regime's sigma, and the fixture's three sigmas differ.
        int[] regime = new int[N];
        for (int t = 0; t < N; t++) {
            regime[t] = regimeOf(params, path.rangeSigma(t));
        }
        int[][] counts = new int[3][3];
        int[] from = new int[3];
        for (int t = 1; t < N; t++) {
            counts[regime[t - 1]][regime[t]]++;
            from[regime[t - 1]]++;
        }
        for (int i = 0; i < 3; i++) {
            assertThat(from[i]).as("regime %d is visited", i).isGreaterThan(1000);
            for (int j = 0; j < 3; j++) {
                double p = matrix[i][j];
                double se = Math.sqrt(p * (1 - p) / from[i]);
                assertThat(counts[i][j] / (double) from[i]).as("P(%d→%d)", i, j).isCloseTo(p, within(5 * se + 1e-3));
            }
        }
        // Mean stay in a regime = 1 / (1 − p_ii): bull 50 bars, bear 20, sideways 25.
        for (int i = 0; i < 3; i++) {
            double expected = 1 / (1 - matrix[i][i]);
            assertThat(meanRun(regime, i)).as("mean duration of regime %d", i).isCloseTo(expected, within(0.15 * expected));
        }
    }

    private static int regimeOf(RegimeSwitchParams params, double sigma) {
        for (MarketRegime r : MarketRegime.values()) {
            if (params.regime(r).sigma() * FamilyParams.BPS == sigma) {
                return r.ordinal();
            }
        }
        throw new AssertionError("no regime with sigma " + sigma);
    }

    private static double meanRun(int[] regime, int which) {
        int runs = 0;
        int bars = 0;
        for (int t = 0; t < regime.length; t++) {
            if (regime[t] == which) {
                bars++;
                if (t == 0 || regime[t - 1] != which) {
                    runs++;
                }
            }
        }
        return bars / (double) runs;
    }
}
