package io.heliox.atlas.engine.indicators;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every indicator's bar-by-bar form against its column kernel, bit for bit (the live runner's
 * parity with backtests rests on it): on random walks, with NaN holes (each restarts the
 * recursive kernels), with infinities (which the column path handles outside its fast path), on
 * series shorter than the window and of one bar.
 */
class IndicatorStreamingTest {

    private static final int[] WINDOWS = {1, 2, 3, 5, 14, 20, 199};

    /** A call's arguments: every series argument reads x, windows are n, factors 2 (as in the registry test). */
    private record Columns(double[] x, double[] high, double[] low, double[] close, int n) implements IndicatorArgs {
        @Override
        public double[] series(int index) {
            return x;
        }

        @Override
        public int bars(int index) {
            return n;
        }

        @Override
        public double factor(int index) {
            return 2;
        }
    }

    @Test
    void everyIndicatorStreamedEqualsItsColumnBitForBit() {
        Random random = new Random(17);
        int cases = 0;
        for (int round = 0; round < 60; round++) {
            int size = round < 3 ? round : 1 + random.nextInt(400); // 0, 1 and 2 bars too
            double[] x = IndicatorChecks.randomWalk(random, size);
            double[] high = x.clone();
            double[] low = x.clone();
            for (int t = 0; t < size; t++) {
                high[t] += random.nextDouble();
                low[t] -= random.nextDouble();
            }
            if (round % 3 == 1) { // NaN holes, in the series argument and in the bar's own prices
                for (int i = 0; i < size / 30 + 1 && size > 0; i++) {
                    x[random.nextInt(size)] = Double.NaN;
                    low[random.nextInt(size)] = Double.NaN;
                }
            }
            if (round % 3 == 2 && size > 0) { // an infinity: the column path leaves its one-run form
                x[random.nextInt(size)] = random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            double[] close = round % 2 == 0 ? x : IndicatorChecks.randomWalk(random, size);
            for (Indicator indicator : IndicatorRegistry.all()) {
                for (int n : WINDOWS) {
                    assertSameBits(indicator, new Columns(x, high, low, close, n));
                    cases++;
                }
            }
        }
        assertThat(cases).isEqualTo(60 * IndicatorRegistry.all().size() * WINDOWS.length);
    }

    @Test
    void aFlatSeriesHasExactlyZeroDeviationStreamedToo() {
        double[] flat = new double[50];
        java.util.Arrays.fill(flat, 101.37);
        for (String band : new String[]{"bbands_upper", "bbands_lower"}) {
            Indicator indicator = IndicatorRegistry.lookup(band).orElseThrow();
            assertSameBits(indicator, new Columns(flat, flat, flat, flat, 20));
        }
    }

    private static void assertSameBits(Indicator indicator, Columns columns) {
        double[] expected = indicator.compute(columns);
        Indicator.Step step = indicator.streaming().start(new Indicator.Constants() {
            @Override
            public int bars(int index) {
                return columns.n();
            }

            @Override
            public double factor(int index) {
                return 2;
            }
        });
        for (int t = 0; t < expected.length; t++) {
            int bar = t;
            double actual = step.next(new Indicator.BarInputs() {
                @Override
                public double series(int index) {
                    return columns.x()[bar];
                }

                @Override
                public double high() {
                    return columns.high()[bar];
                }

                @Override
                public double low() {
                    return columns.low()[bar];
                }

                @Override
                public double close() {
                    return columns.close()[bar];
                }
            });
            assertThat(Double.doubleToLongBits(actual))
                    .as("%s(%d) at bar %d of %d: streamed %s, column %s", indicator.name(), columns.n(), t,
                            expected.length, actual, expected[t])
                    .isEqualTo(Double.doubleToLongBits(expected[t]));
        }
    }
}
