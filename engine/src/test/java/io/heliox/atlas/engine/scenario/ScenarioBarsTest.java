package io.heliox.atlas.engine.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every fixture's bars are well-formed candles, reproducible to the bit, and pinned by a golden hash. */
class ScenarioBarsTest {

    /**
     * SHA-256 of the close column of contracts/fixtures/valid/scenario-dsl/trend-up-mid.json
     * ({@link Bars#sha256(double[])}). It changes only when the generator's algorithm, draw order,
     * seeding or library changes. To change it on purpose: bump ScenarioGenerator.ENGINE_VERSION,
     * note why in SCENARIOS.md, and paste the new value printed by the failing assertion.
     */
    static final String GOLDEN_TREND_UP_MID_CLOSE_SHA256 = "8a068f777fcfba106ee44133b8c748c5a808bb93fc4e6f6658af9a7e88a66da8";

    @TestFactory
    Stream<DynamicTest> everyFixtureGivesWellFormedCandles() {
        return ScenarioDocs.VALID_FIXTURES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ScenarioSpec spec = ScenarioDocs.spec(name);
            Bars bars = ScenarioGenerator.generate(spec);
            assertWellFormed(spec, bars);
            assertThat(bars.clippedMoves()).as("a healthy process never reaches the outlier guard").isZero();
        }));
    }

    static void assertWellFormed(ScenarioSpec spec, Bars bars) {
        assertThat(bars.size()).isEqualTo(spec.durationBars());
        for (int t = 0; t < bars.size(); t++) {
            double o = bars.open()[t];
            double h = bars.high()[t];
            double l = bars.low()[t];
            double c = bars.close()[t];
            double v = bars.volume()[t];
            for (double x : new double[]{o, h, l, c, v}) {
                if (!(Double.isFinite(x) && x > 0)) {
                    throw new AssertionError("bar " + t + " has a non-finite or non-positive value: " + x);
                }
            }
            if (!(l <= Math.min(o, c) && h >= Math.max(o, c) && l <= h)) {
                throw new AssertionError("bar " + t + " envelope does not contain its body: o=" + o + " h=" + h
                        + " l=" + l + " c=" + c);
            }
            if (bars.time()[t] != ScenarioGenerator.EPOCH_MILLIS + t * spec.timeframe().millis()) {
                throw new AssertionError("bar " + t + " time " + bars.time()[t]);
            }
        }
    }

    @Test
    void openIsThePreviousCloseExceptOnGaps() {
        Bars trend = ScenarioGenerator.generate(ScenarioDocs.spec("trend-up-mid"));
        for (int t = 1; t < trend.size(); t++) {
            assertThat(trend.open()[t]).isEqualTo(trend.close()[t - 1]);
        }
        Bars shocky = ScenarioGenerator.generate(ScenarioDocs.spec("shocky"));
        long gaps = java.util.stream.IntStream.range(1, shocky.size())
                .filter(t -> shocky.open()[t] != shocky.close()[t - 1]).count();
        assertThat(gaps).isPositive();
    }

    @TestFactory
    Stream<DynamicTest> sameSpecGivesIdenticalBarsThreeTimes() {
        return ScenarioDocs.VALID_FIXTURES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Bars first = ScenarioGenerator.generate(ScenarioDocs.spec(name));
            for (int run = 0; run < 2; run++) {
                Bars again = ScenarioGenerator.generate(ScenarioDocs.spec(name));
                assertThat(again.time()).isEqualTo(first.time());
                for (double[][] pair : new double[][][]{{first.open(), again.open()}, {first.high(), again.high()},
                        {first.low(), again.low()}, {first.close(), again.close()}, {first.volume(), again.volume()}}) {
                    assertThat(Arrays.equals(pair[0], pair[1])).isTrue(); // bitwise, NaN-aware
                }
                assertThat(again.sha256()).isEqualTo(first.sha256());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> anotherSeedGivesOtherBars() {
        return ScenarioDocs.VALID_FIXTURES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ObjectNode doc = ScenarioDocs.fixture(name);
            Bars base = ScenarioGenerator.generate(ScenarioSpec.parse(doc));
            doc.put("seed", doc.get("seed").asLong() + 1);
            Bars reseeded = ScenarioGenerator.generate(ScenarioSpec.parse(doc));
            assertThat(reseeded.sha256()).isNotEqualTo(base.sha256());
            assertThat(Arrays.copyOfRange(reseeded.close(), 0, 10)).isNotEqualTo(Arrays.copyOfRange(base.close(), 0, 10));
            assertThat(Arrays.copyOfRange(reseeded.close(), reseeded.size() - 10, reseeded.size()))
                    .isNotEqualTo(Arrays.copyOfRange(base.close(), base.size() - 10, base.size()));
        }));
    }

    @Test
    void theVolumeModelNeverMovesPrices() {
        ObjectNode doc = ScenarioDocs.fixture("trend-up-mid");
        Bars lognormal = ScenarioGenerator.generate(ScenarioSpec.parse(doc));
        doc.put("volume_model", "const");
        Bars constant = ScenarioGenerator.generate(ScenarioSpec.parse(doc));
        assertThat(constant.close()).isEqualTo(lognormal.close());
        assertThat(constant.high()).isEqualTo(lognormal.high());
        assertThat(constant.volume()).containsOnly(VolumeModel.MEAN_VOLUME);
        assertThat(Stats.mean(lognormal.volume())).isCloseTo(VolumeModel.MEAN_VOLUME, org.assertj.core.data.Percentage.withPercentage(3));
    }

    @Test
    void goldenCloseColumnPinsTheAlgorithm() {
        Bars bars = ScenarioGenerator.generate(ScenarioDocs.spec("trend-up-mid"));
        assertThat(Bars.sha256(bars.close()))
                .as("the generator's output changed: if on purpose, see GOLDEN_TREND_UP_MID_CLOSE_SHA256")
                .isEqualTo(GOLDEN_TREND_UP_MID_CLOSE_SHA256);
    }

    @Test
    void aPathThatLeavesThePriceRangeIsRejectedNotClamped() {
        ScenarioSpec spec = ScenarioDocs.spec("trend", "{\"drift\":100,\"sigma\":10}", 100_000, 1);
        assertThatThrownBy(() -> ScenarioGenerator.generate(spec))
                .isInstanceOf(ScenarioSpecException.class).hasMessageContaining("the price leaves");
    }

    @Test
    void theOutlierGuardClipsAMoveBeyond25SigmaAndCountsIt() {
        PricePath path = new PricePath(3, 100);
        double sigma = 0.01;
        assertThat(path.append(0, 0.02, sigma, sigma)).isEqualTo(0.02);
        double applied = path.append(0.3, 0.1, sigma, sigma);
        assertThat(applied).isLessThan(25 * sigma).isGreaterThan(0.2499);
        assertThat(path.append(0, -1, sigma, sigma)).isGreaterThan(-25 * sigma);
        assertThat(path.clippedMoves()).isEqualTo(2);
        assertThatThrownBy(() -> new PricePath(1, 100).append(0, Double.NaN, sigma, sigma))
                .isInstanceOf(ScenarioSpecException.class).hasMessageContaining("non-finite");
    }
}
