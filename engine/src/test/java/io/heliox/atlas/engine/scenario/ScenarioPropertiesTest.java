package io.heliox.atlas.engine.scenario;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.Locale;

/**
 * Over the whole parameter space of every family: prices finite and positive, bars ==
 * duration_bars, candles contain their body, no bar reaches the outlier guard — or, for a drift
 * strong enough to leave the price range within the duration, a clear rejection (never NaN).
 */
class ScenarioPropertiesTest {

    @Property(tries = 60)
    void trend(@ForAll("drift") double drift, @ForAll("sigma") double sigma,
               @ForAll @IntRange(min = 100, max = 3000) int bars, @ForAll @LongRange(min = 0, max = ScenarioSpec.MAX_SEED) long seed) {
        check("trend", String.format(Locale.ROOT, "{\"drift\":%s,\"sigma\":%s}", drift, sigma), bars, seed);
    }

    @Property(tries = 60)
    void meanRevert(@ForAll("kappa") double kappa, @ForAll("theta") double theta, @ForAll("sigma") double sigma,
                    @ForAll @IntRange(min = 100, max = 3000) int bars, @ForAll @LongRange(min = 0, max = ScenarioSpec.MAX_SEED) long seed) {
        check("mean_revert", String.format(Locale.ROOT, "{\"kappa\":%s,\"theta\":%s,\"sigma\":%s}", kappa, theta, sigma), bars, seed);
    }

    @Property(tries = 60)
    void volCluster(@ForAll("garch") String params, @ForAll @IntRange(min = 100, max = 3000) int bars,
                    @ForAll @LongRange(min = 0, max = ScenarioSpec.MAX_SEED) long seed) {
        check("vol_cluster", params, bars, seed);
    }

    @Property(tries = 60)
    void shockMix(@ForAll("probability") double p, @ForAll("jumpMu") double jumpMu, @ForAll("jumpSigma") double jumpSigma,
                  @ForAll("sigma") double sigma, @ForAll @IntRange(min = 100, max = 3000) int bars,
                  @ForAll @LongRange(min = 0, max = ScenarioSpec.MAX_SEED) long seed) {
        check("shock_mix", String.format(Locale.ROOT, "{\"p_jump\":%s,\"jump_mu\":%s,\"jump_sigma\":%s,\"sigma\":%s}",
                p, jumpMu, jumpSigma, sigma), bars, seed);
    }

    @Property(tries = 60)
    void regimeSwitch(@ForAll("regime") String bull, @ForAll("regime") String bear, @ForAll("regime") String sideways,
                      @ForAll("row") String row0, @ForAll("row") String row1, @ForAll("row") String row2,
                      @ForAll @IntRange(min = 100, max = 3000) int bars, @ForAll @LongRange(min = 0, max = ScenarioSpec.MAX_SEED) long seed) {
        check("regime_switch", "{\"bull\":" + bull + ",\"bear\":" + bear + ",\"sideways\":" + sideways
                + ",\"transition\":[" + row0 + "," + row1 + "," + row2 + "],\"initial_regime\":\"bull\"}", bars, seed);
    }

    private static void check(String family, String params, int bars, long seed) {
        ScenarioSpec spec = ScenarioDocs.spec(family, params, bars, seed);
        Bars generated;
        try {
            generated = ScenarioGenerator.generate(spec);
        } catch (ScenarioSpecException e) {
            if (!e.getMessage().contains("the price leaves")) {
                throw e;
            }
            return;
        }
        ScenarioBarsTest.assertWellFormed(spec, generated);
        if (generated.clippedMoves() != 0) {
            throw new AssertionError(generated.clippedMoves() + " bars reached the outlier guard for " + params);
        }
    }

    @Provide
    Arbitrary<Double> drift() {
        return Arbitraries.doubles().between(-100, 100).ofScale(3);
    }

    @Provide
    Arbitrary<Double> sigma() {
        return Arbitraries.doubles().between(0.001, 1000).ofScale(3);
    }

    @Provide
    Arbitrary<Double> kappa() {
        return Arbitraries.doubles().between(0.0001, 1).ofScale(4);
    }

    @Provide
    Arbitrary<Double> theta() {
        return Arbitraries.doubles().between(0.01, 1_000_000).ofScale(2);
    }

    @Provide
    Arbitrary<Double> probability() {
        return Arbitraries.doubles().between(0, 1).ofScale(4);
    }

    @Provide
    Arbitrary<Double> jumpMu() {
        return Arbitraries.doubles().between(-5000, 5000).ofScale(1);
    }

    @Provide
    Arbitrary<Double> jumpSigma() {
        return Arbitraries.doubles().between(0, 5000).ofScale(1);
    }

    /** GARCH weights with alpha + beta < 1 and a long-run volatility within the engine's bound. */
    @Provide
    Arbitrary<String> garch() {
        Arbitrary<Double> alpha = Arbitraries.doubles().between(0, 0.5).ofScale(3);
        Arbitrary<Double> persistence = Arbitraries.doubles().between(0, 0.998).ofScale(3);
        Arbitrary<Double> longRunSigma = Arbitraries.doubles().between(0.5, 1000).ofScale(1);
        Arbitrary<Double> mu = Arbitraries.doubles().between(-100, 100).ofScale(2);
        return Combinators.combine(alpha, persistence, longRunSigma, mu).as((a, ab, lr, m) -> {
            double al = Math.min(a, ab);
            double be = ab - al;
            double omega = Math.max(1e-6, lr * lr * (1 - ab) * 0.999);
            return String.format(Locale.ROOT, "{\"omega\":%s,\"alpha\":%s,\"beta\":%s,\"mu\":%s}", omega, al, be, m);
        });
    }

    @Provide
    Arbitrary<String> regime() {
        return Combinators.combine(drift(), sigma()).as((d, s) -> String.format(Locale.ROOT, "{\"drift\":%s,\"sigma\":%s}", d, s));
    }

    /** A probability row summing to 1 exactly in decimal (thousandths). */
    @Provide
    Arbitrary<String> row() {
        return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000))
                .as((a, b) -> {
                    int first = Math.min(a, b);
                    int second = Math.max(a, b) - first;
                    int third = 1000 - first - second;
                    return "[" + first / 1000.0 + "," + second / 1000.0 + "," + third / 1000.0 + "]";
                });
    }
}
