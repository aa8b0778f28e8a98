package io.heliox.atlas.trading.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.engine.accounting.BacktestRun;
import io.heliox.atlas.engine.accounting.TradeLog;
import io.heliox.atlas.engine.execution.ExecutionConfig;
import io.heliox.atlas.engine.execution.FillReason;
import io.heliox.atlas.engine.execution.Simulator;
import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.execution.OrderFilled;
import io.heliox.atlas.trading.execution.OrderRejected;
import io.heliox.atlas.trading.instrument.AssetClass;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.instrument.Instruments;
import io.heliox.atlas.trading.marketdata.BarClosed;
import io.heliox.atlas.trading.marketdata.BarReplayFeed;
import io.heliox.atlas.trading.marketdata.ManualPacer;
import io.heliox.atlas.trading.marketdata.ReplaySpeed;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.venue.paper.EngineRules;
import io.heliox.atlas.trading.venue.paper.Latency;
import io.heliox.atlas.trading.venue.paper.PaperVenue;
import io.heliox.atlas.trading.venue.paper.PaperVenueSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backtest parity through the paper venue (issue 17): the same strategy on the same bars through the
 * batch engine, and through the live runner, the {@link SignalTrader} and the {@link PaperVenue}
 * filling by the engine's rules ({@link EngineRules}), gives the same fills (bar, side, quantity,
 * price, fee, slippage and why: signal, stop loss, take profit, time exit, ruin), the same position
 * and the same equity on every bar, bit for bit; the venue's own account, booked in exact decimals,
 * agrees with the engine's double ledger to 1e-9 of the equity.
 *
 * <p>Every scenario family × every candidate the product writes (as in {@link BacktestParityTest})
 * × the execution settings a live trader can follow: market entries without a bar delay, with no
 * costs, with fees and volatility-scaled slippage, with margin, with high costs. (A bar delay, and
 * limit or stop entries, the engine sizes at the fill price: {@code SignalTrader} says why it refuses
 * them; their parity stops at the engine's own execution, in {@link BacktestParityTest}.)
 *
 * <p>The instrument has a tick and a lot finer than the doubles' digits, so that the engine's prices
 * and quantities are orders the venue's checks accept exactly as they are. Besides the product's
 * candidates, each mock candidate also runs with {@code max_bars_held}, so that time exits occur.
 */
class PaperVenueParityTest {

    /**
     * Finer than the digits of any price, quantity or fee in these sessions (a double near 1 has 52
     * binary digits after the point, 52 decimal ones exactly; the smallest fee here is above 1e-6):
     * an order's check then accepts the engine's numbers as they are, and a number that needed
     * rounding would show as a broken parity, not pass unnoticed.
     */
    static final BigDecimal FINEST = new BigDecimal("1E-80");
    static final Instrument ENGINE_LIKE = new Instrument(InstrumentId.parse("SYNTH.PAPER"), AssetClass.CRYPTO, FINEST,
            FINEST, BigDecimal.ZERO, "USD", BigDecimal.ONE);

    static final List<ExecutionConfig> EXECUTIONS = List.of(
            ExecutionConfig.of(10_000),
            ExecutionConfig.of(10_000).withCosts(2, 1).withVolSlippage(2, 20),
            ExecutionConfig.of(10_000).withCosts(1, 0.5).withMaxMargin(5_000),
            ExecutionConfig.of(10_000).withCosts(30, 20));

    /** What the venue filled, in the engine's terms. */
    record SessionFill(int bar, boolean buy, double qty, double px, double fee, double slippage, byte reason) {
    }

    record Session(double[] equity, List<SessionFill> fills, double position, Account venueAccount, List<String> rejects) {
    }

    static List<BacktestParityTest.Strategy> strategies;

    @BeforeAll
    static void build() {
        BacktestParityTest.build();
        strategies = new ArrayList<>(BacktestParityTest.strategies);
        Candidates.mock().forEach(doc -> {
            ObjectNode held = (ObjectNode) doc.deepCopy();
            held.put("id", held.path("id").asText() + "-held");
            held.put("version", "0.1.1"); // max_bars_held is a 0.1.1 field
            ((ObjectNode) held.path("risk")).put("max_bars_held", 12);
            strategies.add(new BacktestParityTest.Strategy("mock", BacktestParityTest.valid(held)));
        });
    }

    @Test
    void everyStrategyOnEveryMarketTradesThroughThePaperVenueAsTheBacktest() {
        int cases = 0;
        int fills = 0;
        int[] reasons = new int[8];
        for (BacktestParityTest.Market market : BacktestParityTest.markets) {
            for (BacktestParityTest.Strategy strategy : strategies) {
                for (ExecutionConfig execution : EXECUTIONS) {
                    String what = strategy.id() + " on " + market.spec().id() + "/" + market.spec().seed() + " with "
                            + execution;
                    BacktestRun backtest = Simulator.run(strategy.validation().ir(), market.bars(), execution);
                    Session session = session(strategy, market, execution);
                    assertThat(session.rejects()).as(what + ": rejected orders").isEmpty();
                    assertSameFills(what, session.fills(), backtest.trades());
                    assertThat(session.equity()).as(what + ": equity").isEqualTo(backtest.equity());
                    double[] positions = backtest.position();
                    assertThat(session.position()).as(what + ": position").isEqualTo(positions[positions.length - 1]);
                    double last = backtest.equity()[backtest.equity().length - 1];
                    BigDecimal exact = session.venueAccount().equity("USD",
                            Map.of(ENGINE_LIKE.id(), new BigDecimal(market.bars().close()[market.bars().size() - 1])));
                    assertThat(Math.abs(exact.doubleValue() - last)).as(what + ": the venue's exact books")
                            .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(last)));
                    fills += session.fills().size();
                    session.fills().forEach(f -> reasons[f.reason()]++);
                    cases++;
                }
            }
        }
        assertThat(cases).isEqualTo(BacktestParityTest.markets.size() * strategies.size()
                * EXECUTIONS.size());
        // real trading happened: many fills, and every way out of a position
        assertThat(fills).isGreaterThan(10_000);
        assertThat(reasons[FillReason.SIGNAL]).isPositive();
        assertThat(reasons[FillReason.STOP_LOSS]).isPositive();
        assertThat(reasons[FillReason.TAKE_PROFIT]).isPositive();
        assertThat(reasons[FillReason.TIME_EXIT]).isPositive();
    }

    static Session session(BacktestParityTest.Strategy strategy, BacktestParityTest.Market market,
                           ExecutionConfig execution) {
        BarReplayFeed feed = BarReplayFeed.ofScenario(ENGINE_LIKE.id(), market.spec(), market.bars(),
                ReplaySpeed.barEvery(Duration.ofMillis(1)), new ManualPacer());
        StrategyRunner runner = new StrategyRunner(strategy.validation().ir());
        List<SessionFill> fills = new ArrayList<>();
        int[] bar = {-1};
        List<String> rejects = new ArrayList<>();
        SignalTrader[] trader = new SignalTrader[1];
        PaperVenue venue = new PaperVenue(Instruments.of(ENGINE_LIKE),
                Account.withCash("USD", new BigDecimal(execution.initialCash())), feed.openTime(0),
                new PaperVenueSettings(EngineRules.of(execution), Latency.NONE, Duration.ofDays(7)), report -> {
            if (report instanceof OrderFilled f) {
                double q = f.fill().quantity().doubleValue();
                fills.add(new SessionFill(bar[0], f.fill().side() == Side.BUY, q, f.fill().price().doubleValue(),
                        f.fill().fee().doubleValue(), q * f.slippage().doubleValue(), reason(f.clientOrderId())));
            } else if (report instanceof OrderRejected r && !(r.request().equals("cancel")
                    && r.code().equals("order.not_working"))) {
                // (a cancel of a take profit that the venue already closed when its stop loss filled on
                // the same bar is the race every one-cancels-other pair has, and harmless)
                rejects.add("bar " + bar[0] + " " + r.clientOrderId() + " " + r.request() + ": " + r.code() + ", " + r.detail());
            }
            trader[0].onReport(report);
        });
        trader[0] = new SignalTrader(ENGINE_LIKE, strategy.validation().ir().sizing(), strategy.validation().ir().risk(),
                execution, venue, "parity");
        double[] equity = new double[feed.size()];
        for (int t = 0; t < feed.size(); t++) {
            BarClosed message = feed.message(t);
            bar[0] = t;
            trader[0].startBar(message);
            venue.onMarketData(message);
            trader[0].decide(runner.onBar(message.bar()));
            equity[t] = trader[0].equity();
        }
        assertThat(venue.account().quantity(ENGINE_LIKE.id()).doubleValue()).isEqualTo(trader[0].position());
        return new Session(equity, fills, trader[0].position(), venue.account(), rejects);
    }

    /** The engine's reason for a fill, from the role the trader wrote into the order's id. */
    static byte reason(String clientOrderId) {
        if (clientOrderId.contains("-stop-loss-")) {
            return FillReason.STOP_LOSS;
        }
        if (clientOrderId.contains("-take-profit-")) {
            return FillReason.TAKE_PROFIT;
        }
        if (clientOrderId.contains("-time-exit-")) {
            return FillReason.TIME_EXIT;
        }
        if (clientOrderId.contains("-ruin-")) {
            return FillReason.RUIN;
        }
        return FillReason.SIGNAL;
    }

    static void assertSameFills(String what, List<SessionFill> actual, TradeLog expected) {
        assertThat(actual).as(what + ": fills").hasSize(expected.fillCount());
        for (int i = 0; i < expected.fillCount(); i++) {
            SessionFill f = actual.get(i);
            assertThat(new Object[]{f.bar(), f.buy(), f.qty(), f.px(), f.fee(), f.slippage(), f.reason()})
                    .as(what + ": fill " + i)
                    .containsExactly(expected.fillBar(i), expected.fillIsBuy(i), expected.fillQty(i),
                            expected.fillPx(i), expected.fillFee(i), expected.fillSlippage(i), expected.fillReason(i));
        }
    }
}
