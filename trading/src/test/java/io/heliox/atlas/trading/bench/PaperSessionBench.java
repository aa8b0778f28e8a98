package io.heliox.atlas.trading.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.execution.ExecutionConfig;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import io.heliox.atlas.engine.scenario.ScenarioSpec;
import io.heliox.atlas.trading.instrument.AssetClass;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.live.Candidates;
import io.heliox.atlas.trading.marketdata.BarClosed;
import io.heliox.atlas.trading.marketdata.BarReplayFeed;
import io.heliox.atlas.trading.marketdata.ManualPacer;
import io.heliox.atlas.trading.marketdata.ReplaySpeed;
import io.heliox.atlas.trading.risk.RiskLimits;
import io.heliox.atlas.trading.risk.SessionRef;
import io.heliox.atlas.trading.execution.OrderFilled;
import io.heliox.atlas.trading.session.SessionEvent;
import io.heliox.atlas.trading.session.StrategySession;
import io.heliox.atlas.trading.venue.paper.FeeSchedule;
import io.heliox.atlas.trading.venue.paper.Latency;
import io.heliox.atlas.trading.venue.paper.PaperVenueSettings;
import io.heliox.atlas.trading.venue.paper.RealisticBars;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A paper session's pure core, one bar at a time: the bar reaches the paper venue (realistic fills:
 * spread, impact, volume cap), the strategy decides, orders pass the risk engine (default limits:
 * 100 submits/s), fills are booked, the account is marked and monitored. The issue asks for 50
 * sessions at one bar per 100 ms each, 500 bars/s together; this prints what one core does alone,
 * without Axon and PostgreSQL, so the rest of the budget is theirs.
 * Run: {@code mvn -pl trading test-compile exec:exec@bench-session}; prints the median bars/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class PaperSessionBench {

    private static final Instrument BTC = new Instrument(InstrumentId.parse("BTCUSDT.PAPER"), AssetClass.CRYPTO,
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"), "USDT", BigDecimal.ONE);
    private static final int BARS = 5_000;

    private BarClosed[] bars;
    private IrStrategy strategy;
    private StrategySession session;
    private int next;
    private long sessions;

    @Setup(Level.Trial)
    public void market() {
        ObjectNode doc = (ObjectNode) Candidates.resource("contracts/fixtures/valid/scenario-dsl/regime-switch.json");
        doc.put("seed", 5);
        doc.put("duration_bars", BARS);
        ScenarioSpec spec = ScenarioSpec.parse(doc);
        BarReplayFeed feed = BarReplayFeed.ofScenario(BTC.id(), spec, ScenarioGenerator.generate(spec),
                ReplaySpeed.barEvery(Duration.ofMillis(100)), new ManualPacer());
        bars = new BarClosed[BARS];
        for (int t = 0; t < BARS; t++) {
            bars[t] = feed.message(t);
        }
        strategy = new StrategyValidator().validate(Candidates.mock().get(0)).ir();
        fresh();
    }

    private void fresh() {
        session = new StrategySession(new SessionRef("paper", "bench-" + sessions++), BTC, strategy,
                ExecutionConfig.of(100_000).withCosts(4, 2), RiskLimits.defaults("USDT"),
                new PaperVenueSettings(RealisticBars.typical(FeeSchedule.of("1", "4"), 7), Latency.NONE,
                        Duration.ofMinutes(5)), bars[0].bar().openTime());
        next = 0;
    }

    private long fills;
    private long denials;
    private long barsRun;

    @Benchmark
    public int bar() {
        if (next == BARS) {
            fresh();
        }
        List<SessionEvent> events = session.onBar(bars[next++]);
        for (int i = 0; i < events.size(); i++) {
            SessionEvent e = events.get(i);
            if (e instanceof SessionEvent.Reported r && r.report() instanceof OrderFilled) {
                fills++;
            } else if (e instanceof SessionEvent.RiskDenied) {
                denials++;
            }
        }
        barsRun++;
        return events.size();
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf("%n[sessions] %d bars, %d fills, %d risk denials%n", barsRun, fills, denials);
    }

    public static void main(String[] args) throws RunnerException {
        double median = JmhMedian.of(PaperSessionBench.class);
        System.out.printf("paper session core: median %,.0f bars/s over every measured iteration (50 sessions at 10 bars/s "
                + "need 500)%n", median);
    }
}
