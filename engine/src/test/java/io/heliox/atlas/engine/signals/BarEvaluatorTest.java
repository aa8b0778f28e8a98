package io.heliox.atlas.engine.signals;

import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.dsl.support.StrategyGen;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import io.heliox.atlas.engine.scenario.Bars;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static io.heliox.atlas.engine.signals.BarAction.BUY;
import static io.heliox.atlas.engine.signals.BarAction.CLOSE;
import static io.heliox.atlas.engine.signals.BarAction.NONE;
import static org.assertj.core.api.Assertions.assertThat;

/** The bar-by-bar evaluator against the batch one: the same decision on every bar. */
class BarEvaluatorTest {

    @Test
    void randomStrategiesDecideEveryBarAsTheBatchEvaluatorDoes() {
        StrategyGen gen = new StrategyGen(2026);
        SplittableRandom random = new SplittableRandom(7);
        int strategies = 0;
        int actedBars = 0;
        while (strategies < 300) {
            Validation v = new StrategyValidator().validate(gen.strategy());
            if (!v.valid()) { // the generator writes some contradictions and unreachable rules: skip those
                continue;
            }
            strategies++;
            Bars bars = randomBars(random, 1 + random.nextInt(300), strategies % 4 == 0);
            byte[] batch = SignalEvaluator.evaluate(v.ir(), bars);
            assertThat(streamed(v.ir(), bars)).as("%s", v.normalized().path("rules")).isEqualTo(batch);
            for (byte b : batch) {
                actedBars += b == NONE ? 0 : 1;
            }
        }
        assertThat(actedBars).as("the strategies do act, so equality is not all-NONE").isGreaterThan(1000);
    }

    @Test
    void movingAverageCrossingsMatchTheFusedKernelIncludingTies() {
        // integer steps make the averages touch: the case where the batch path's filter hands over
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            int fast = 1 + random.nextInt(20);
            int slow = 1 + random.nextInt(60);
            IrStrategy s = SignalEvaluatorTest.strategy(
                    "crossover(ma(close," + fast + "), ma(close," + slow + "))", "buy",
                    "crossunder(ma(close," + fast + "), ma(close," + slow + "))", "close");
            Bars bars = randomBars(random, 1 + random.nextInt(400), round % 5 == 0);
            assertThat(streamed(s, bars)).isEqualTo(SignalEvaluator.evaluate(s, bars));
        }
    }

    @Test
    void nothingHoldsDuringWarmUpAndTheFirstCrossingComesAfterIt() {
        IrStrategy s = SignalEvaluatorTest.strategy("crossover(close, ma(close,3))", "buy",
                "crossunder(close, ma(close,3))", "close");
        BarEvaluator evaluator = new BarEvaluator(s);
        assertThat(evaluator.warmUpBars()).isEqualTo(3); // ma(close,3) needs 2 bars, a crossing one more
        double[] closes = {10, 9, 8, 7, 9, 6};
        byte[] decisions = new byte[closes.length];
        for (int t = 0; t < closes.length; t++) {
            decisions[t] = evaluator.next(closes[t], closes[t], closes[t], closes[t], 1000);
        }
        // ma: NaN, NaN, 9, 8, 8, 7.33: close crosses above at bar 4, below at bar 5
        assertThat(decisions).containsExactly(NONE, NONE, NONE, NONE, BUY, CLOSE);
        assertThat(evaluator.barsSeen()).isEqualTo(6);
    }

    @Test
    void aSharedSubExpressionIsOneIndicatorState() {
        // two rules over one rsi: if each rule had its own state the values would still agree, so
        // this checks the observable part: both rules see the same rsi on the same bar
        IrStrategy s = SignalEvaluatorTest.strategy("rsi(close,2) < 50", "buy", "rsi(close,2) >= 50", "close");
        Bars bars = randomBars(new SplittableRandom(5), 100, false);
        byte[] decisions = streamed(s, bars);
        for (int t = 2; t < decisions.length; t++) {
            assertThat(decisions[t]).as("bar %d: exactly one of < and >= holds", t).isIn(BUY, CLOSE);
        }
        assertThat(decisions[0]).isEqualTo(NONE);
        assertThat(decisions[1]).isEqualTo(NONE);
    }

    static byte[] streamed(IrStrategy strategy, Bars bars) {
        BarEvaluator evaluator = new BarEvaluator(strategy);
        byte[] out = new byte[bars.size()];
        for (int t = 0; t < bars.size(); t++) {
            out[t] = evaluator.next(bars, t);
        }
        return out;
    }

    /** Random OHLCV with integer steps (ties) and, if asked, a NaN or infinity in one column. */
    private static Bars randomBars(SplittableRandom random, int size, boolean nonFinite) {
        double[][] columns = new double[5][size];
        for (double[] column : columns) {
            double price = 100;
            for (int t = 0; t < size; t++) {
                if (random.nextInt(5) != 0) {
                    price = Math.max(1, price + random.nextInt(7) - 3);
                }
                column[t] = price;
            }
        }
        if (nonFinite) {
            double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            columns[random.nextInt(5)][random.nextInt(size)] = bad[random.nextInt(bad.length)];
        }
        long[] time = new long[size];
        for (int t = 0; t < size; t++) {
            time[t] = t * 3_600_000L;
        }
        return new Bars(time, columns[0], columns[1], columns[2], columns[3], columns[4], 0);
    }
}
