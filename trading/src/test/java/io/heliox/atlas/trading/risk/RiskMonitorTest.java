package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import io.heliox.atlas.trading.order.TradingState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.ALL;
import static io.heliox.atlas.trading.TestInstruments.EURUSD;
import static io.heliox.atlas.trading.TestInstruments.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Monitoring: daily loss tiers and the day roll, drawdown and resume, margin call and close-out. */
class RiskMonitorTest {

    /** Wednesday 4 March 2026 10:00 New York (EST, UTC−5). */
    private static final Instant MORNING = Instant.parse("2026-03-04T15:00:00Z");

    private RiskState state = RiskState.initial();
    private final List<RiskEvent> log = new java.util.ArrayList<>();

    private List<RiskEvent> step(RiskEngine engine, RiskFixture f, String equity, String marginUsed, Instant at) {
        RiskUpdate update = engine.onEquity(state, new EquityReading(at, d(equity), d(marginUsed)), f.context());
        RiskState folded = state;
        for (RiskEvent event : update.events()) {
            folded = folded.apply(event);
        }
        assertThat(folded).as("the events applied give the update's state").isEqualTo(update.state());
        state = update.state();
        log.addAll(update.events());
        return update.events();
    }

    @Test
    void theTradingDayRollsAt1700NewYorkInWinterAndSummer() {
        assertThat(TradingDay.of(Instant.parse("2026-03-04T21:59:59Z"))).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(TradingDay.of(Instant.parse("2026-03-04T22:00:00Z"))).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(TradingDay.of(Instant.parse("2026-07-01T20:59:59Z"))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(TradingDay.of(Instant.parse("2026-07-01T21:00:00Z"))).isEqualTo(LocalDate.of(2026, 7, 2));
    }

    @Test
    void dailyLossWarnsThenReducesThenHaltsForTheDay_andTheDayRollEndsIt() {
        RiskLimits limits = RiskLimits.unlimited("USD").withDailyLoss(new DailyLossLimit(d("100"), d("200"), d("300")));
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        OrderRequest resting = OrderRequest.limit("r1", AAPL.id(), Side.BUY, d("1"), d("100"), TimeInForce.GTC);
        f.open.add(OpenOrder.of(resting));

        assertThat(step(engine, f, "10000", "0", MORNING)).containsExactly(
                new TradingDayStarted(LocalDate.of(2026, 3, 4), d("10000"), MORNING), new EquityPeakSet(d("10000"), MORNING));
        assertThat(step(engine, f, "9900", "0", MORNING.plusSeconds(1))).isEmpty(); // a loss of 100: at the warn tier
        Instant t2 = MORNING.plusSeconds(2);
        assertThat(step(engine, f, "9899", "0", t2))
                .containsExactly(new RiskWarning(RiskLimit.DAILY_LOSS, d("100"), d("101"), t2));
        assertThat(step(engine, f, "9850", "0", t2)).isEmpty(); // warned once a day
        Instant t3 = MORNING.plusSeconds(3);
        assertThat(step(engine, f, "9799", "0", t3)).containsExactly(
                new LimitBreached(RiskLimit.DAILY_LOSS, TradingState.REDUCING, d("200"), d("201"), t3),
                new TradingStateChanged(TradingState.ACTIVE, TradingState.REDUCING, RiskLimit.DAILY_LOSS, d("200"),
                        d("201"), t3));
        Instant t4 = MORNING.plusSeconds(4);
        assertThat(step(engine, f, "9650", "0", t4)).containsExactly(
                new LimitBreached(RiskLimit.DAILY_LOSS, TradingState.HALTED, d("300"), d("350"), t4),
                new TradingStateChanged(TradingState.REDUCING, TradingState.HALTED, RiskLimit.DAILY_LOSS, d("300"),
                        d("350"), t4),
                new CancelOrdersRequested(List.of("r1"), RiskLimit.DAILY_LOSS, t4));
        assertThat(step(engine, f, "10500", "0", MORNING.plusSeconds(5))).as("a recovery does not lift the halt")
                .noneMatch(e -> e instanceof TradingStateChanged);
        assertThat(state.state()).isEqualTo(TradingState.HALTED);

        Instant nextDay = Instant.parse("2026-03-04T22:00:00Z"); // 17:00 New York
        List<RiskEvent> roll = step(engine, f, "10400", "0", nextDay);
        assertThat(roll).containsExactly(new TradingDayStarted(LocalDate.of(2026, 3, 5), d("10400"), nextDay),
                new TradingStateChanged(TradingState.HALTED, TradingState.ACTIVE, RiskLimit.DAILY_LOSS, null, null,
                        nextDay));
        assertThat(state.dayStartEquity()).isEqualByComparingTo("10400");
    }

    @Test
    void drawdownFromTheSessionPeakHaltsUntilAPersonResumes() {
        RiskLimits limits = RiskLimits.unlimited("USD").withMaxDrawdown(d("0.10"));
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        step(engine, f, "10000", "0", MORNING);
        step(engine, f, "12000", "0", MORNING.plusSeconds(1)); // the peak
        assertThat(state.peakEquity()).isEqualByComparingTo("12000");
        assertThat(step(engine, f, "10800", "0", MORNING.plusSeconds(2))).isEmpty(); // exactly 10 %
        Instant t = MORNING.plusSeconds(3);
        assertThat(step(engine, f, "10799", "0", t)).containsExactly(
                new LimitBreached(RiskLimit.MAX_DRAWDOWN, TradingState.HALTED, d("0.10"),
                        d("1201").divide(d("12000"), RiskEngine.REPORTED), t),
                new TradingStateChanged(TradingState.ACTIVE, TradingState.HALTED, RiskLimit.MAX_DRAWDOWN, d("0.10"),
                        d("1201").divide(d("12000"), RiskEngine.REPORTED), t));
        Instant nextDay = Instant.parse("2026-03-05T15:00:00Z");
        step(engine, f, "10799", "0", nextDay);
        assertThat(state.state()).as("a day roll does not lift a drawdown halt").isEqualTo(TradingState.HALTED);

        assertThatThrownBy(() -> new ResumeTrading("alice", " ", d("10799"), nextDay))
                .isInstanceOf(IllegalArgumentException.class);
        RiskUpdate resumed = engine.resume(state, new ResumeTrading("alice", "reviewed the strategy", d("10799"),
                nextDay), f.context());
        assertThat(resumed.events()).containsExactly(new TradingResumed("alice", "reviewed the strategy", nextDay),
                new TradingStateChanged(TradingState.HALTED, TradingState.ACTIVE, RiskLimit.MAX_DRAWDOWN, null, null,
                        nextDay),
                new EquityPeakSet(d("10799"), nextDay));
        assertThat(resumed.state().peakEquity()).isEqualByComparingTo("10799");
        assertThat(engine.resume(resumed.state(), new ResumeTrading("alice", "again", d("1"), nextDay), f.context())
                .events()).as("nothing to lift, nothing decided").isEmpty();
    }

    @Test
    void aMarginCallReducesWhileItLasts_andBelowMaintenanceTheEngineClosesOut() {
        RiskLimits limits = RiskLimits.unlimited("USD").withMargin(new MarginLimit(d("1.0"), d("0.5")));
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        f.fill(EURUSD.id(), Side.BUY, "100000", "1.10000");
        f.fill(AAPL.id(), Side.SELL, "10", "200");
        f.open.add(OpenOrder.of(OrderRequest.limit("w1", AAPL.id(), Side.BUY, d("5"), d("190"), TimeInForce.GTC)));

        step(engine, f, "2000", "2000", MORNING); // level 1.0: at the call level
        assertThat(state.state()).isEqualTo(TradingState.ACTIVE);
        Instant t1 = MORNING.plusSeconds(1);
        assertThat(step(engine, f, "1999", "2000", t1)).containsExactly(
                new LimitBreached(RiskLimit.MARGIN_CALL, TradingState.REDUCING, d("1.0"), d("0.9995"), t1),
                new TradingStateChanged(TradingState.ACTIVE, TradingState.REDUCING, RiskLimit.MARGIN_CALL, d("1.0"),
                        d("0.9995"), t1));
        Instant t2 = MORNING.plusSeconds(2);
        assertThat(step(engine, f, "2100", "2000", t2)).containsExactly(new EquityPeakSet(d("2100"), t2),
                new LimitCleared(RiskLimit.MARGIN_CALL, t2),
                new TradingStateChanged(TradingState.REDUCING, TradingState.ACTIVE, RiskLimit.MARGIN_CALL, null, null, t2));

        Instant t3 = MORNING.plusSeconds(3);
        List<RiskEvent> closeOut = step(engine, f, "999", "2000", t3);
        assertThat(closeOut).hasSize(4); // the call, REDUCING, the close-out (already REDUCING), its orders
        assertThat(closeOut.get(2)).isEqualTo(new LimitBreached(RiskLimit.MARGIN_CLOSE_OUT, TradingState.REDUCING,
                d("0.5"), d("0.4995"), t3));
        CloseOutRequested request = (CloseOutRequested) closeOut.get(3);
        assertThat(request.cancelOrderIds()).containsExactly("w1");
        long ms = t3.toEpochMilli();
        assertThat(request.orders()).containsExactly(
                OrderRequest.market("risk-closeout-" + ms + "-AAPL.XNAS", AAPL.id(), Side.BUY, d("10"), TimeInForce.IOC)
                        .withReduceOnly(true),
                OrderRequest.market("risk-closeout-" + ms + "-EURUSD.OANDA", EURUSD.id(), Side.SELL, d("100000"),
                        TimeInForce.IOC).withReduceOnly(true));
        assertThat(step(engine, f, "990", "2000", MORNING.plusSeconds(4))).as("one close-out per breach").isEmpty();
    }

    @Test
    void marginLevelsRemovedByALimitsChangeClearTheMarginDemandsTheyLeft() {
        RiskLimits limits = RiskLimits.unlimited("USD").withMargin(new MarginLimit(d("1.0"), d("0.5")));
        RiskFixture f = new RiskFixture(limits);
        f.fill(EURUSD.id(), Side.BUY, "100000", "1.10000");
        step(new RiskEngine(limits, ALL), f, "999", "2000", MORNING); // called and closing out: REDUCING
        assertThat(state.state()).isEqualTo(TradingState.REDUCING);

        // a margin call lasts while the level is low; with no levels there is none, so nothing would ever clear it
        Instant t1 = MORNING.plusSeconds(1);
        assertThat(step(new RiskEngine(RiskLimits.unlimited("USD"), ALL), f, "999", "2000", t1)).containsExactly(
                new LimitCleared(RiskLimit.MARGIN_CALL, t1), new LimitCleared(RiskLimit.MARGIN_CLOSE_OUT, t1),
                new TradingStateChanged(TradingState.REDUCING, TradingState.ACTIVE, RiskLimit.MARGIN_CLOSE_OUT, null,
                        null, t1));
    }

    @Test
    void monitorValuesTheAccountAtTheMarks() {
        RiskLimits limits = RiskLimits.unlimited("USD").withMargin(new MarginLimit(d("1.0"), d("0.5")));
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        f.account = io.heliox.atlas.trading.account.Account.withCash("USD", d("1000"));
        f.fill(EURUSD.id(), Side.BUY, "100000", "1.10000"); // cash 1000 − 110,000
        f.marks.put(EURUSD.id(), d("1.09000")); // equity 1000 − 1000 = 0; margin 2180
        RiskUpdate update = engine.monitor(RiskState.initial(), f.context());
        assertThat(update.state().state()).isEqualTo(TradingState.REDUCING);
        assertThat(update.state().demand(RiskLimit.MARGIN_CLOSE_OUT)).isEqualTo(TradingState.REDUCING);
        assertThat(update.state().peakEquity()).isEqualByComparingTo(BigDecimal.ZERO);
    }
}
