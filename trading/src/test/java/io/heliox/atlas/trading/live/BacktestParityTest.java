package io.heliox.atlas.trading.live;

import io.heliox.atlas.trading.marketdata.Bar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.engine.accounting.BacktestRun;
import io.heliox.atlas.engine.accounting.TradeLog;
import io.heliox.atlas.engine.backtest.Backtest;
import io.heliox.atlas.engine.backtest.BacktestReport;
import io.heliox.atlas.engine.backtest.BacktestSpec;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import io.heliox.atlas.engine.execution.ExecutionConfig;
import io.heliox.atlas.engine.execution.FillReason;
import io.heliox.atlas.engine.execution.OrderType;
import io.heliox.atlas.engine.execution.Simulator;
import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.scenario.Family;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import io.heliox.atlas.engine.scenario.ScenarioSpec;
import io.heliox.atlas.engine.signals.BarAction;
import io.heliox.atlas.engine.signals.SignalEvaluator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backtest parity (issue 17): the same strategy on the same bars through the batch engine and
 * through the live runner, bar by bar, gives the same decision on every bar; and the runner's
 * decisions, fed to the engine's own execution and accounting model ({@link Simulator}), give the
 * backtest's orders, fills, round trips, positions, cash and equity, bit for bit. Also causally: a
 * session cut off after any bar has the backtest's account up to that bar (the decisions and the
 * fills never needed a later bar).
 *
 * <p>Every scenario family (the contract's fixtures, two seeds each) × every candidate the product
 * writes (the mock run's three archetypes, the local model's every archetype in three directions,
 * with bps and with ATR stops) × four execution settings (market fills; costs, vol slippage and a
 * bar of delay; limit entries with margin; stop entries with two bars of delay).
 *
 * <p>Through the paper venue is the next step (the venue is being built); this pins the half of the
 * path that is the runner's.
 */
class BacktestParityTest {

    /** The contract's valid scenario fixtures: together they must cover every {@link Family}. */
    static final List<String> FIXTURES = List.of("trend-up-mid", "trend-down-high", "mean-revert", "vol-cluster-low",
            "vol-cluster-high", "shocky", "regime-switch");
    static final long[] SEEDS = {7, 20_261_205};
    static final int BARS = 600;

    static final List<ExecutionConfig> EXECUTIONS = List.of(
            ExecutionConfig.of(10_000),
            ExecutionConfig.of(10_000).withCosts(2, 1).withVolSlippage(2, 20).withBarDelay(1),
            ExecutionConfig.of(10_000).withCosts(1, 0.5).withEntry(OrderType.LIMIT, 10, 3).withMaxMargin(5_000),
            ExecutionConfig.of(10_000).withCosts(3, 2).withEntry(OrderType.STOP, 5, 2).withBarDelay(2));

    record Market(ScenarioSpec spec, Bars bars) {
    }

    record Strategy(String origin, Validation validation) {
        String id() {
            return origin + ":" + validation.normalized().path("id").asText();
        }
    }

    static List<Market> markets;
    static List<Strategy> strategies;

    @BeforeAll
    static void build() {
        markets = new ArrayList<>();
        for (String fixture : FIXTURES) {
            for (long seed : SEEDS) {
                ObjectNode doc = (ObjectNode) Candidates.resource("contracts/fixtures/valid/scenario-dsl/" + fixture + ".json");
                doc.put("seed", seed);
                doc.put("duration_bars", BARS);
                ScenarioSpec spec = ScenarioSpec.parse(doc);
                markets.add(new Market(spec, ScenarioGenerator.generate(spec)));
            }
        }
        strategies = new ArrayList<>();
        Candidates.mock().forEach(doc -> strategies.add(new Strategy("mock", valid(doc))));
        Candidates.localModel().forEach(doc -> strategies.add(new Strategy("local", valid(doc))));
    }

    static Validation valid(JsonNode doc) {
        Validation v = new StrategyValidator().validate(doc);
        assertThat(v.valid()).as("%s: %s", doc.path("id"), v.errors()).isTrue();
        return v;
    }

    @Test
    void theMarketsCoverEveryFamilyAndTheCandidatesEveryArchetype() {
        Set<Family> families = EnumSet.noneOf(Family.class);
        markets.forEach(m -> families.add(m.spec().family()));
        assertThat(families).containsExactlyInAnyOrder(Family.values());

        assertThat(strategies.stream().filter(s -> s.origin().equals("mock")).map(Strategy::id))
                .anyMatch(id -> id.startsWith("mock:ma-cross-"))
                .anyMatch(id -> id.startsWith("mock:rsi-revert-"))
                .anyMatch(id -> id.startsWith("mock:ema-trend-"));
        // six answers of the local model, each a full set of its archetypes
        assertThat(strategies.stream().filter(s -> s.origin().equals("local"))).hasSize(6 * Candidates.PER_ANSWER);
        // an archetype is the id without its whole-number parameters (ma-cross-12-40 → ma-cross)
        List<String> archetypes = strategies.stream().filter(s -> s.origin().equals("local"))
                .map(s -> s.validation().normalized().path("id").asText().replaceAll("(-\\d+)+$", "")).toList();
        for (int answer = 0; answer < 6; answer++) {
            assertThat(Set.copyOf(archetypes.subList(answer * Candidates.PER_ANSWER, (answer + 1) * Candidates.PER_ANSWER)))
                    .as("answer %d: one candidate per archetype", answer).hasSize(Candidates.PER_ANSWER);
        }
        assertThat(Set.copyOf(archetypes)).contains("ma-cross", "ema-cross", "ema-trend", "rsi-revert", "bbands-revert",
                "channel-breakout", "atr-breakout", "momentum");
        assertThat(strategies).anyMatch(s -> s.validation().ir().risk().stopLossAtr() != null)
                .anyMatch(s -> s.validation().ir().risk().stopLossBps() != null);
    }

    @Test
    void everyStrategyOnEveryMarketDecidesTradesAndEndsAsTheBacktest() {
        Map<Signal, Integer> signals = new EnumMap<>(Signal.class);
        int cases = 0;
        int fills = 0;
        int atrExits = 0;
        for (Market market : markets) {
            for (Strategy strategy : strategies) {
                byte[] live = liveDecisions(strategy.validation(), market.bars());
                byte[] batch = SignalEvaluator.evaluate(strategy.validation().ir(), market.bars());
                assertSameDecisions(strategy.id() + " on " + market.spec().id(), live, batch);
                for (byte b : live) {
                    signals.merge(Signal.of(b), 1, Integer::sum);
                }
                for (ExecutionConfig execution : EXECUTIONS) {
                    String what = strategy.id() + " on " + market.spec().id() + "/" + market.spec().seed()
                            + " with " + execution;
                    BacktestRun backtest = backtest(strategy.validation(), market, execution).run();
                    BacktestRun session = Simulator.run(live, strategy.validation().ir().sizing(),
                            strategy.validation().ir().risk(), market.bars(), execution);
                    assertSameRun(what, session, backtest, market.bars().size());
                    fills += backtest.trades().fillCount();
                    if (strategy.validation().ir().risk().stopLossAtr() != null) {
                        atrExits += exits(backtest.trades());
                    }
                    cases++;
                }
            }
        }
        assertThat(cases).isEqualTo(markets.size() * strategies.size() * EXECUTIONS.size());
        // the equality is about real trading: every kind of decision occurs, and fills and ATR exits happen
        assertThat(signals.keySet()).contains(Signal.BUY, Signal.SELL, Signal.CLOSE, Signal.NONE);
        assertThat(fills).isGreaterThan(10_000);
        assertThat(atrExits).isGreaterThan(100);
    }

    @Test
    void aSessionCutOffAfterAnyBarHasTheBacktestsAccountUpToThatBar() {
        int cuts = 0;
        for (Market market : markets) {
            for (Strategy strategy : strategies) {
                byte[] live = liveDecisions(strategy.validation(), market.bars());
                ExecutionConfig execution = EXECUTIONS.get(cuts % EXECUTIONS.size());
                BacktestRun backtest = backtest(strategy.validation(), market, execution).run();
                for (int cut : new int[]{1, 37, BARS / 3, BARS / 2 + 1, BARS - 1}) {
                    BacktestRun prefix = Simulator.run(Arrays.copyOf(live, cut), strategy.validation().ir().sizing(),
                            strategy.validation().ir().risk(), slice(market.bars(), cut), execution);
                    String what = strategy.id() + " on " + market.spec().id() + " cut after " + cut + " bars";
                    assertThat(prefix.equity()).as(what).isEqualTo(Arrays.copyOf(backtest.equity(), cut));
                    assertSameFills(what, prefix.trades(), backtest.trades(), cut);
                    cuts++;
                }
            }
        }
        assertThat(cuts).isEqualTo(markets.size() * strategies.size() * 5);
    }

    @Test
    void aWarmUpLongerThanTheSeriesDecidesNothingAndHoldsTheCash() {
        Validation slow = strategies.stream().filter(s -> s.id().startsWith("mock:ma-cross-11-33")).findFirst()
                .orElseThrow().validation();
        Bars bars = slice(markets.get(0).bars(), 20); // ma(close, 33) never has a value
        StrategyRunner runner = new StrategyRunner(slow.ir());
        assertThat(runner.warmUpBars()).isEqualTo(33);
        List<Decision> decisions = run(runner, bars);
        assertThat(decisions).allSatisfy(d -> {
            assertThat(d.signal()).isEqualTo(Signal.NONE);
            assertThat(d.warm()).isFalse();
        });
        BacktestRun backtest = Simulator.run(slow.ir(), bars, EXECUTIONS.get(1));
        assertSameRun("warm-up > series", Simulator.run(codes(decisions), slow.ir().sizing(), slow.ir().risk(), bars,
                EXECUTIONS.get(1)), backtest, bars.size());
        assertThat(backtest.equity()).containsOnly(10_000.0);
    }

    @Test
    void aOneBarSeriesIsOneDecisionAsInTheBacktest() {
        Bars bars = slice(markets.get(0).bars(), 1);
        for (Strategy strategy : strategies) {
            StrategyRunner runner = new StrategyRunner(strategy.validation().ir());
            List<Decision> decisions = run(runner, bars);
            assertThat(decisions).hasSize(1);
            assertThat(codes(decisions)).isEqualTo(SignalEvaluator.evaluate(strategy.validation().ir(), bars));
            for (ExecutionConfig execution : EXECUTIONS) {
                assertSameRun(strategy.id() + " on one bar", Simulator.run(codes(decisions),
                                strategy.validation().ir().sizing(), strategy.validation().ir().risk(), bars, execution),
                        Simulator.run(strategy.validation().ir(), bars, execution), 1);
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The runner fed the market's bars one at a time, as a session's feed would deliver them. */
    static byte[] liveDecisions(Validation strategy, Bars bars) {
        return codes(run(new StrategyRunner(strategy.ir()), bars));
    }

    static List<Decision> run(StrategyRunner runner, Bars bars) {
        List<Decision> out = new ArrayList<>(bars.size());
        for (int t = 0; t < bars.size(); t++) {
            Decision d = runner.onBar(new Bar(Instant.ofEpochMilli(bars.time()[t]), bars.open()[t], bars.high()[t],
                    bars.low()[t], bars.close()[t], bars.volume()[t]));
            assertThat(d.bar()).isEqualTo(t);
            out.add(d);
        }
        return out;
    }

    static byte[] codes(List<Decision> decisions) {
        byte[] out = new byte[decisions.size()];
        for (int t = 0; t < out.length; t++) {
            out[t] = decisions.get(t).signal().barAction();
        }
        return out;
    }

    static BacktestReport backtest(Validation v, Market market, ExecutionConfig execution) {
        return Backtest.run(v.ir(), v.irHash(), market.bars(), market.spec().scenarioHash(),
                market.spec().timeframe().periodsPerYear(), new BacktestSpec(execution, null, 0));
    }

    static void assertSameDecisions(String what, byte[] live, byte[] batch) {
        assertThat(live).hasSameSizeAs(batch);
        for (int t = 0; t < batch.length; t++) {
            if (live[t] != batch[t]) {
                throw new AssertionError(what + ": bar " + t + " live " + BarAction.name(live[t]) + ", backtest "
                        + BarAction.name(batch[t]));
            }
        }
    }

    /** Orders and fills, round trips, positions, cash, equity and the run's counters, bit for bit. */
    static void assertSameRun(String what, BacktestRun live, BacktestRun backtest, int bars) {
        assertThat(live.equity()).as(what + ": equity").isEqualTo(backtest.equity());
        assertThat(live.position()).as(what + ": position").isEqualTo(backtest.position());
        assertThat(live.cash()).as(what + ": cash").isEqualTo(backtest.cash());
        assertSameFills(what, live.trades(), backtest.trades(), bars);
        TradeLog a = live.trades();
        TradeLog b = backtest.trades();
        assertThat(a.roundTripCount()).as(what + ": round trips").isEqualTo(b.roundTripCount());
        for (int i = 0; i < b.roundTripCount(); i++) {
            assertThat(new Object[]{a.tripEntryBar(i), a.tripExitBar(i), a.tripPnl(i), a.tripExitReason(i)})
                    .as(what + ": round trip " + i)
                    .containsExactly(b.tripEntryBar(i), b.tripExitBar(i), b.tripPnl(i), b.tripExitReason(i));
        }
        assertThat(new int[]{live.barsInPosition(), live.ruinBar(), live.rejectedOrders(), live.cancelledEntries(),
                live.unfilledOrders()}).as(what + ": counters").containsExactly(backtest.barsInPosition(),
                backtest.ruinBar(), backtest.rejectedOrders(), backtest.cancelledEntries(), backtest.unfilledOrders());
    }

    /** The fills of {@code actual} are exactly those of {@code expected} on bars before {@code bars}. */
    static void assertSameFills(String what, TradeLog actual, TradeLog expected, int bars) {
        int count = 0;
        while (count < expected.fillCount() && expected.fillBar(count) < bars) {
            count++;
        }
        assertThat(actual.fillCount()).as(what + ": fills").isEqualTo(count);
        for (int i = 0; i < count; i++) {
            assertThat(new Object[]{actual.fillBar(i), actual.fillIsBuy(i), actual.fillQty(i), actual.fillPx(i),
                    actual.fillFee(i), actual.fillSlippage(i), actual.fillReason(i), actual.fillType(i)})
                    .as(what + ": fill " + i)
                    .containsExactly(expected.fillBar(i), expected.fillIsBuy(i), expected.fillQty(i),
                            expected.fillPx(i), expected.fillFee(i), expected.fillSlippage(i), expected.fillReason(i),
                            expected.fillType(i));
        }
    }

    static int exits(TradeLog trades) {
        int n = 0;
        for (int i = 0; i < trades.fillCount(); i++) {
            byte reason = trades.fillReason(i);
            n += reason == FillReason.STOP_LOSS || reason == FillReason.TAKE_PROFIT ? 1 : 0;
        }
        return n;
    }

    /** The first {@code size} bars. */
    static Bars slice(Bars bars, int size) {
        return new Bars(Arrays.copyOf(bars.time(), size), Arrays.copyOf(bars.open(), size),
                Arrays.copyOf(bars.high(), size), Arrays.copyOf(bars.low(), size), Arrays.copyOf(bars.close(), size),
                Arrays.copyOf(bars.volume(), size), 0);
    }
}
