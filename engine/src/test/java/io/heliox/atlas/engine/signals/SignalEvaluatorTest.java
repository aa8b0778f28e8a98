package io.heliox.atlas.engine.signals;

import io.heliox.atlas.engine.dsl.Action;
import io.heliox.atlas.engine.dsl.ir.IrNode;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.dsl.ir.Lowering;
import io.heliox.atlas.engine.dsl.ir.Simplifier;
import io.heliox.atlas.engine.dsl.support.Docs;
import io.heliox.atlas.engine.dsl.syntax.Parser;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import io.heliox.atlas.engine.indicators.IndicatorChecks;
import io.heliox.atlas.engine.indicators.Rsi;
import io.heliox.atlas.engine.scenario.Bars;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.heliox.atlas.engine.signals.BarAction.BUY;
import static io.heliox.atlas.engine.signals.BarAction.CLOSE;
import static io.heliox.atlas.engine.signals.BarAction.HOLD;
import static io.heliox.atlas.engine.signals.BarAction.NONE;
import static org.assertj.core.api.Assertions.assertThat;

/** Strategies (as the validator lowers them) run over small hand-made series. */
class SignalEvaluatorTest {

    /** Rules as {condition, action} pairs, lowered and simplified exactly as the validator does. */
    static IrStrategy strategy(String... conditionActionPairs) {
        List<IrStrategy.Rule> rules = new ArrayList<>();
        for (int i = 0; i < conditionActionPairs.length; i += 2) {
            IrNode when = Simplifier.simplify(Lowering.lower(Parser.parse(conditionActionPairs[i]), Map.of()));
            rules.add(new IrStrategy.Rule(when, Action.byName(conditionActionPairs[i + 1]).orElseThrow()));
        }
        return new IrStrategy("0.1", "1h", rules, new IrStrategy.Sizing("fraction", 1), null);
    }

    /** Bars whose every price field is the close: enough for close-only strategies. */
    static Bars closes(double... close) {
        long[] time = new long[close.length];
        for (int t = 0; t < close.length; t++) {
            time[t] = t * 3_600_000L;
        }
        double[] volume = new double[close.length];
        Arrays.fill(volume, 1000);
        return new Bars(time, close, close, close, close, volume, 0);
    }

    @Test
    void smaCrossoverBuysExactlyAtTheCrossingBars() {
        //            bar: 0  1  2  3  4  5  6  7  8  9 10 11 12 13
        Bars bars = closes(5, 5, 5, 5, 6, 7, 8, 7, 6, 5, 4, 5, 6, 7);
        // ma2: bar3 5, bar4 5.5, ... bar7 7.5, bar8 6.5, bar11 4.5, bar12 5.5
        // ma4: bar3 5, bar4 5.25, ... bar7 7,   bar8 7,   bar11 5,   bar12 5
        // bar 4 leaves a touch (5 = 5 at bar 3) upward: a crossing by DSL.md; bar 3 itself is not.
        byte[] actions = SignalEvaluator.evaluate(strategy(
                "crossover(ma(close, 2), ma(close, 4))", "buy",
                "crossunder(ma(close, 2), ma(close, 4))", "close"), bars);

        assertThat(indicesOf(actions, BUY)).containsExactly(4, 12);
        assertThat(indicesOf(actions, CLOSE)).containsExactly(8);
    }

    @Test
    void rsiThresholdStrategy() {
        // rsi(close, 2) by hand: NaN NaN 50 83.3 50 27.8 19.2 (see IndicatorChecks for the first ones)
        Bars bars = closes(1, 2, 1, 3, 2, 1, 0.5);
        byte[] actions = SignalEvaluator.evaluate(strategy(
                "rsi(close, 2) < 30", "buy",
                "rsi(close, 2) > 70", "close"), bars);

        assertThat(actions).containsExactly(NONE, NONE, NONE, CLOSE, NONE, BUY, BUY);
    }

    @Test
    void warmUpBarsNeverFireEvenWhenTheConditionIsNegated() {
        Bars bars = closes(IndicatorChecks.randomWalk(new Random(3), 100));
        // != and the negated comparison are the traps: IEEE says NaN != x is true.
        byte[] actions = SignalEvaluator.evaluate(strategy(
                "ma(close, 30) != 0", "buy",
                "ma(close, 30) <= 1000000", "close"), bars);

        for (int t = 0; t < 29; t++) {
            assertThat(actions[t]).as("warm-up bar %d", t).isEqualTo(NONE);
        }
        for (int t = 29; t < 100; t++) {
            assertThat(actions[t]).isEqualTo(BUY);
        }
    }

    @Test
    void divisionByZeroAtRunTimeIsNaNSoNoComparisonHolds() {
        Bars bars = closes(1, 2, 3);
        byte[] actions = SignalEvaluator.evaluate(strategy(
                "close / (close - close) > 0", "buy",
                "close / (close - close) != 1", "buy",
                "close / (close - close) < 0", "buy"), bars);

        assertThat(actions).containsOnly(NONE);
    }

    @Test
    void theFirstMatchingRuleWinsAndHoldVetoes() {
        Bars bars = closes(1, 2, 3, 4, 5);
        byte[] actions = SignalEvaluator.evaluate(strategy(
                "close >= 4", "hold",
                "close > 2", "close",
                "close > 0", "buy"), bars);

        assertThat(actions).containsExactly(BUY, BUY, CLOSE, HOLD, HOLD);
    }

    @Test
    void aStrategyWithoutRulesDecidesNothingOnEveryBar() {
        assertThat(SignalEvaluator.evaluate(strategy(), closes(1, 2, 3))).containsExactly(NONE, NONE, NONE);
    }

    @Test
    void eachDistinctIndicatorCallIsComputedOnce() {
        IrStrategy s = strategy(
                "crossover(ma(close, 2), ma(close, 4)) and rsi(close, 3) < 50", "buy",
                "crossunder(ma(close, 2), ma(close, 4))", "close",
                "close > ma(close, 4) * 1.5", "close",
                "rsi(close, 3) > 90", "close");
        SeriesEvaluator columns = new SeriesEvaluator(closes(IndicatorChecks.randomWalk(new Random(5), 50)));
        SignalEvaluator.evaluate(s, columns);

        assertThat(columns.indicatorPasses()).as("ma2, ma4, rsi3").isEqualTo(3);
    }

    @Test
    void aValidatedDocumentRunsThroughTheSameIr() {
        Validation v = new StrategyValidator().validate(Docs.resource("dsl/fixtures/mean-revert-rsi.json").get("strategy"));
        assertThat(v.valid()).isTrue();
        Bars bars = closes(IndicatorChecks.randomWalk(new Random(9), 500));
        byte[] actions = SignalEvaluator.evaluate(v.ir(), bars);
        double[] rsi = Rsi.of(bars.close(), 14);

        for (int t = 0; t < actions.length; t++) {
            byte expected = rsi[t] < 30 ? BUY : rsi[t] > 70 ? CLOSE : NONE;
            assertThat(actions[t]).as("bar %d, rsi %s", t, rsi[t]).isEqualTo(expected);
        }
        assertThat(indicesOf(actions, BUY)).isNotEmpty();
    }

    /** Conditions covering every function; each must be blind to bars after the one it decides. */
    private static final String[] CONDITIONS = {
            "crossover(ema(close, 5), ma(close, 12))",
            "crossunder(close, bbands_lower(close, 10, 2)) or close > bbands_upper(close, 10, 1.5)",
            "rsi(close, 7) < 40 and atr(5) > 0.5",
            "slope(ema(close, 4), 3) > 0 and close >= highest(lag(close, 1), 8)",
            "close <= lowest(close, 6) or bbands_mid(close, 9) != lag(close, 2)",
            "not (close < ma(close, 20)) and volume / (high - low) > 100",
    };

    @Property(tries = 60)
    void truncatingAfterBarTNeverChangesActionsUpToT(@ForAll @IntRange(min = 30, max = 400) int size,
                                                     @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        Random random = new Random(seed);
        Bars bars = ohlc(random, size);
        int t = random.nextInt(size);
        String a = CONDITIONS[random.nextInt(CONDITIONS.length)];
        String b = CONDITIONS[random.nextInt(CONDITIONS.length)];
        IrStrategy s = strategy(a, "buy", b, "close");

        byte[] full = SignalEvaluator.evaluate(s, bars);
        byte[] cut = SignalEvaluator.evaluate(s, prefix(bars, t + 1));

        assertThat(cut).isEqualTo(Arrays.copyOf(full, t + 1));
    }

    private static Bars ohlc(Random random, int size) {
        double[] close = IndicatorChecks.randomWalk(random, size);
        double[] open = new double[size];
        double[] high = new double[size];
        double[] low = new double[size];
        double[] volume = new double[size];
        long[] time = new long[size];
        for (int t = 0; t < size; t++) {
            open[t] = t == 0 ? 100 : close[t - 1];
            high[t] = Math.max(open[t], close[t]) + random.nextDouble();
            low[t] = Math.min(open[t], close[t]) - random.nextDouble();
            volume[t] = 500 + 1000 * random.nextDouble();
            time[t] = t;
        }
        return new Bars(time, open, high, low, close, volume, 0);
    }

    private static Bars prefix(Bars b, int n) {
        return new Bars(Arrays.copyOf(b.time(), n), Arrays.copyOf(b.open(), n), Arrays.copyOf(b.high(), n),
                Arrays.copyOf(b.low(), n), Arrays.copyOf(b.close(), n), Arrays.copyOf(b.volume(), n), 0);
    }

    private static List<Integer> indicesOf(byte[] actions, byte code) {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < actions.length; t++) {
            if (actions[t] == code) {
                out.add(t);
            }
        }
        return out;
    }
}
