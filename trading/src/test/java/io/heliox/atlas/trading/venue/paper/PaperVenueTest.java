package io.heliox.atlas.trading.venue.paper;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.execution.Discrepancy;
import io.heliox.atlas.trading.execution.ExecutionReport;
import io.heliox.atlas.trading.execution.OrderAcknowledged;
import io.heliox.atlas.trading.execution.OrderClosed;
import io.heliox.atlas.trading.execution.OrderFilled;
import io.heliox.atlas.trading.execution.OrderModified;
import io.heliox.atlas.trading.execution.OrderRejected;
import io.heliox.atlas.trading.execution.Reconciliation;
import io.heliox.atlas.trading.execution.VenueSnapshot;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.marketdata.Bar;
import io.heliox.atlas.trading.marketdata.BarClosed;
import io.heliox.atlas.trading.marketdata.Heartbeat;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import io.heliox.atlas.trading.venue.book.Liquidity;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.ALL;
import static io.heliox.atlas.trading.TestInstruments.BTCUSDT;
import static io.heliox.atlas.trading.TestInstruments.SATURDAY;
import static io.heliox.atlas.trading.TestInstruments.WEDNESDAY_MORNING;
import static io.heliox.atlas.trading.TestInstruments.d;
import static org.assertj.core.api.Assertions.assertThat;

class PaperVenueTest {

    static final InstrumentId BTC = BTCUSDT.id();
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Instant T0 = SATURDAY; // crypto trades at weekends; equities do not
    static final EngineRules ENGINE = new EngineRules(10, 5, 0, 20);
    static final RealisticBars PLAIN = new RealisticBars(FeeSchedule.of("1", "4"), 2, 0, 0.1, 0, 20, 1);

    final List<ExecutionReport> reports = new ArrayList<>();

    PaperVenue venue(FillModel fills, Latency latency) {
        return new PaperVenue(ALL, Account.withCash("USDT", d("100000")), T0,
                new PaperVenueSettings(fills, latency, Duration.ofMinutes(5)), reports::add);
    }

    static BarClosed bar(int index, double open, double high, double low, double close, double volume) {
        return new BarClosed(BTC, new Bar(T0.plus(MINUTE.multipliedBy(index)), open, high, low, close, volume), MINUTE);
    }

    static OrderRequest market(String id, Side side, String quantity, TimeInForce tif) {
        return OrderRequest.market(id, BTC, side, d(quantity), tif);
    }

    static OrderRequest order(String id, Side side, OrderType type, String quantity, String limit, String stop,
                              TimeInForce tif, boolean reduceOnly) {
        return new OrderRequest(id, BTC, side, type, d(quantity), limit == null ? null : d(limit),
                stop == null ? null : d(stop), tif, reduceOnly);
    }

    <T extends ExecutionReport> List<T> all(Class<T> type) {
        return reports.stream().filter(type::isInstance).map(type::cast).toList();
    }

    // ---- the engine's rules ----------------------------------------------------------------------

    @Test
    void engineRulesFillAMarketOrderAtTheCloseItWasDecidedOnWithTheEnginesSlippageAndFee() {
        PaperVenue venue = venue(ENGINE, Latency.NONE);
        venue.onMarketData(bar(0, 100, 101, 99, 100.5, 10));
        venue.submit(market("a", Side.BUY, "2", TimeInForce.IOC));

        OrderFilled filled = all(OrderFilled.class).get(0);
        double px = 100.5 * (1 + 5 / 1e4);
        assertThat(filled.fill().price()).isEqualTo(new BigDecimal(px));
        assertThat(filled.fill().fee()).isEqualTo(new BigDecimal(2.0 * px * (10 / 1e4)));
        assertThat(filled.fill().time()).isEqualTo(T0.plus(MINUTE));
        assertThat(filled.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(filled.isComplete()).isTrue();
        assertThat(reports.get(0)).isInstanceOf(OrderAcknowledged.class);
        assertThat(venue.account().quantity(BTC)).isEqualByComparingTo("2");
        assertThat(venue.snapshot().openOrders()).isEmpty();
    }

    @Test
    void aFillLatencyOfOneBarFillsAtTheNextClose() {
        PaperVenue venue = venue(ENGINE, new Latency(Duration.ZERO, MINUTE));
        venue.onMarketData(bar(0, 100, 101, 99, 100, 10));
        venue.submit(market("a", Side.SELL, "1", TimeInForce.GTC));
        assertThat(all(OrderFilled.class)).isEmpty();
        assertThat(all(OrderAcknowledged.class)).singleElement()
                .satisfies(ack -> assertThat(ack.activeFrom()).isEqualTo(T0.plus(MINUTE.multipliedBy(2))));

        venue.onMarketData(bar(1, 100, 103, 97, 102, 10));
        assertThat(all(OrderFilled.class)).singleElement()
                .satisfies(f -> assertThat(f.fill().price()).isEqualTo(new BigDecimal(102 * (1 - 5 / 1e4))));
    }

    @Test
    void anAcknowledgementLatencyEndsWithTheFirstMessageAfterIt() {
        PaperVenue venue = venue(ENGINE, new Latency(Duration.ofSeconds(2), Duration.ofSeconds(2)));
        venue.onMarketData(bar(0, 100, 101, 99, 100, 10));
        venue.submit(market("a", Side.BUY, "1", TimeInForce.GTC));
        assertThat(reports).isEmpty();
        venue.onMarketData(new Heartbeat(null, T0.plus(MINUTE).plusSeconds(1)));
        assertThat(reports).isEmpty();
        venue.onMarketData(new Heartbeat(null, T0.plus(MINUTE).plusSeconds(3)));
        assertThat(reports).singleElement().isInstanceOfSatisfying(OrderAcknowledged.class,
                ack -> assertThat(ack.time()).isEqualTo(T0.plus(MINUTE).plusSeconds(2)));
        venue.onMarketData(bar(1, 100, 101, 99, 100.25, 10));
        assertThat(all(OrderFilled.class)).singleElement()
                .satisfies(f -> assertThat(f.fill().time()).isEqualTo(T0.plus(MINUTE.multipliedBy(2))));
    }

    @Test
    void engineRulesStopsAndLimitsFillAsTheEnginesFillRules() {
        PaperVenue venue = venue(ENGINE, Latency.NONE);
        venue.onMarketData(bar(0, 100, 101, 99, 100, 10));
        venue.submit(order("stop", Side.BUY, OrderType.STOP, "1", null, "102", TimeInForce.GTC, false));
        venue.submit(order("limit", Side.BUY, OrderType.LIMIT, "1", "98", null, TimeInForce.GTC, false));
        venue.onMarketData(bar(1, 100, 102, 98, 101, 10)); // touches both: a limit touched fills in the engine
        List<OrderFilled> fills = all(OrderFilled.class);
        assertThat(fills).extracting(OrderFilled::clientOrderId).containsExactly("stop", "limit");
        assertThat(fills.get(0).fill().price()).isEqualTo(new BigDecimal(102 * (1 + 5 / 1e4)));
        assertThat(fills.get(1).fill().price()).isEqualTo(new BigDecimal(98.0));
        assertThat(fills.get(1).liquidity()).isEqualTo(Liquidity.MAKER);
    }

    // ---- a market's costs ------------------------------------------------------------------------

    @Test
    void realisticBarsFillAMarketOrderAtTheNextOpenPlusHalfTheSpreadRoundedAgainstTheTrader() {
        PaperVenue venue = venue(PLAIN, Latency.NONE);
        venue.onMarketData(bar(0, 100, 101, 99, 100, 1000));
        venue.submit(market("a", Side.BUY, "1", TimeInForce.GTC));
        assertThat(all(OrderFilled.class)).as("never at the close it was decided on").isEmpty();

        venue.onMarketData(bar(1, 100.001, 102, 99, 101, 1000));
        OrderFilled filled = all(OrderFilled.class).get(0);
        // 100.001 × 1.0001 = 100.0110001 → up to the tick: 100.02
        assertThat(filled.fill().price()).isEqualByComparingTo("100.02");
        assertThat(filled.fill().fee()).isEqualByComparingTo("0.040008"); // 4 bps taker
        assertThat(filled.slippage()).isEqualByComparingTo(d("100.02").subtract(new BigDecimal(100.001)));
    }

    @Test
    void aBarsVolumeCapsWhatFillsAndTheRestWaitsOrIsClosedByItsTimeInForce() {
        PaperVenue venue = venue(PLAIN, Latency.NONE);
        venue.onMarketData(bar(0, 100, 101, 99, 100, 30));
        venue.submit(market("gtc", Side.BUY, "5", TimeInForce.GTC));
        venue.submit(market("ioc", Side.BUY, "5", TimeInForce.IOC));
        venue.submit(market("fok", Side.BUY, "5", TimeInForce.FOK));
        venue.onMarketData(bar(1, 100, 101, 99, 100, 30)); // 10 %: 3 units for all of us together
        assertThat(all(OrderFilled.class)).singleElement().satisfies(f -> {
            assertThat(f.clientOrderId()).isEqualTo("gtc");
            assertThat(f.fill().quantity()).isEqualByComparingTo("3");
            assertThat(f.leaves()).isEqualByComparingTo("2");
        });
        assertThat(all(OrderClosed.class)).extracting(OrderClosed::clientOrderId, OrderClosed::code)
                .containsExactly(Tuple.tuple("fok", "fok.not_fillable"),
                        Tuple.tuple("ioc", "ioc.unfilled"));
        venue.onMarketData(bar(2, 100, 101, 99, 100, 30));
        assertThat(all(OrderFilled.class)).hasSize(2).last()
                .satisfies(f -> assertThat(f.leaves()).isEqualByComparingTo("0"));
        assertThat(venue.account().quantity(BTC)).isEqualByComparingTo("5");
    }

    @Test
    void impactGrowsWithTheSquareRootOfSizeAgainstVolume() {
        RealisticBars impact = new RealisticBars(FeeSchedule.NONE, 0, 1, 1, 0, 5, 1);
        BigDecimal small = slippageFor(impact, "1");
        BigDecimal large = slippageFor(impact, "100");
        assertThat(small.signum()).isPositive();
        // √100 = 10 times the impact, to the tick
        assertThat(large.doubleValue() / small.doubleValue()).isBetween(9.0, 11.0);
    }

    private BigDecimal slippageFor(RealisticBars model, String quantity) {
        reports.clear();
        PaperVenue venue = new PaperVenue(ALL, Account.withCash("USDT", d("1000000")), T0,
                new PaperVenueSettings(model, Latency.NONE, Duration.ofMinutes(5)), reports::add);
        double price = 10_000;
        for (int i = 0; i < 10; i++) { // a volatile history: σ of returns about 1 %
            price *= i % 2 == 0 ? 1.01 : 0.99;
            venue.onMarketData(bar(i, price, price, price, price, 10_000));
        }
        venue.submit(market("a", Side.BUY, quantity, TimeInForce.GTC));
        venue.onMarketData(bar(10, 10_000, 10_000, 10_000, 10_000, 10_000));
        return all(OrderFilled.class).get(0).slippage();
    }

    @Test
    void seededNoiseRepeatsWithTheSeedAndDiffersWithAnother() {
        List<BigDecimal> first = noisyPrices(7);
        assertThat(noisyPrices(7)).isEqualTo(first);
        assertThat(noisyPrices(8)).isNotEqualTo(first);
    }

    private List<BigDecimal> noisyPrices(long seed) {
        reports.clear();
        PaperVenue venue = venue(new RealisticBars(FeeSchedule.NONE, 2, 0, 1, 50, 20, seed), Latency.NONE);
        venue.onMarketData(bar(0, 100, 100, 100, 100, 1000));
        for (int i = 1; i <= 8; i++) {
            venue.submit(market("o" + i, i % 2 == 0 ? Side.BUY : Side.SELL, "1", TimeInForce.GTC));
            venue.onMarketData(bar(i, 100, 100, 100, 100, 1000));
        }
        return all(OrderFilled.class).stream().map(f -> f.fill().price()).toList();
    }

    @Test
    void aFillOrKillLimitTheBarDoesNotReachIsClosedNotLeftWorking() {
        // found by PaperVenuePropertiesTest: an unfilled FOK limit outlived its bar and worked on as a GTC
        for (FillModel fills : List.of(ENGINE, PLAIN)) {
            reports.clear();
            PaperVenue venue = venue(fills, Latency.NONE);
            venue.onMarketData(bar(0, 100, 101, 99, 100, 1000));
            venue.submit(order("fok", Side.BUY, OrderType.LIMIT, "1", "98", null, TimeInForce.FOK, false));
            venue.submit(order("ioc", Side.BUY, OrderType.LIMIT, "1", "98", null, TimeInForce.IOC, false));
            venue.onMarketData(bar(1, 100, 101, 99, 100, 1000)); // never down to 98
            assertThat(all(OrderClosed.class)).as("%s", fills)
                    .extracting(OrderClosed::clientOrderId, OrderClosed::code, OrderClosed::unfilled)
                    .containsExactly(Tuple.tuple("fok", "fok.not_fillable", d("1")),
                            Tuple.tuple("ioc", "ioc.unfilled", d("1")));
            assertThat(venue.snapshot().openOrders()).isEmpty();
            venue.onMarketData(bar(2, 99, 99, 97, 98, 1000)); // too late: nothing is left to fill
            assertThat(all(OrderFilled.class)).isEmpty();
        }
    }

    @Test
    void aRestingLimitFillsWhenTheBarTradesThroughItNotWhenItMerelyTouches() {
        PaperVenue venue = venue(PLAIN, Latency.NONE);
        venue.onMarketData(bar(0, 100, 101, 99, 100, 1000));
        venue.submit(order("bid", Side.BUY, OrderType.LIMIT, "1", "98.50", null, TimeInForce.GTC, false));
        venue.onMarketData(bar(1, 100, 101, 98.5, 99, 1000));
        assertThat(all(OrderFilled.class)).as("touched").isEmpty();
        venue.onMarketData(bar(2, 99, 100, 98.4, 99, 1000));
        OrderFilled filled = all(OrderFilled.class).get(0);
        assertThat(filled.fill().price()).isEqualByComparingTo("98.50");
        assertThat(filled.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(filled.fill().fee()).isEqualByComparingTo("0.00985"); // 1 bp maker

        venue.submit(order("gap", Side.BUY, OrderType.LIMIT, "1", "98", null, TimeInForce.GTC, false));
        venue.onMarketData(bar(3, 97.5, 99, 97, 98, 1000));
        assertThat(all(OrderFilled.class).get(1).fill().price()).as("opened through it: the open").isEqualByComparingTo("97.50");
    }

    @Test
    void aStopLossAndATakeProfitBothInsideTheBarAssumeTheLossFirst() {
        PaperVenue venue = venue(PLAIN, Latency.NONE);
        venue.onMarketData(bar(0, 100, 100, 100, 100, 1000));
        venue.submit(market("entry", Side.BUY, "2", TimeInForce.GTC));
        venue.onMarketData(bar(1, 100, 100, 100, 100, 1000));
        venue.submit(order("tp", Side.SELL, OrderType.LIMIT, "2", "103", null, TimeInForce.GTC, true));
        venue.submit(order("sl", Side.SELL, OrderType.STOP, "2", null, "97", TimeInForce.GTC, true));
        venue.onMarketData(bar(2, 100, 104, 96, 100, 1000));

        assertThat(all(OrderFilled.class)).extracting(OrderFilled::clientOrderId).containsExactly("entry", "sl");
        assertThat(all(OrderFilled.class).get(1).fill().price()).isEqualByComparingTo("96.99"); // 97 less half the spread, down to the tick
        assertThat(all(OrderClosed.class)).singleElement().satisfies(c -> {
            assertThat(c.clientOrderId()).isEqualTo("tp");
            assertThat(c.code()).isEqualTo("reduce_only.would_increase");
        });
        assertThat(venue.account().quantity(BTC)).isEqualByComparingTo("0");
    }

    @Test
    void aStopTheBarOpensThroughFillsAtTheOpen() {
        PaperVenue venue = venue(PLAIN, Latency.NONE);
        venue.onMarketData(bar(0, 100, 100, 100, 100, 1000));
        venue.submit(order("sl", Side.SELL, OrderType.STOP, "1", null, "97", TimeInForce.GTC, false));
        venue.onMarketData(bar(1, 95, 96, 94, 95, 1000));
        assertThat(all(OrderFilled.class).get(0).fill().price()).isEqualByComparingTo("94.99");
    }

    @Test
    void aStopLimitTriggersAndWorksAsALimitFromTheNextBar() {
        PaperVenue venue = venue(PLAIN, Latency.NONE);
        venue.onMarketData(bar(0, 100, 100, 100, 100, 1000));
        venue.submit(order("sl", Side.BUY, OrderType.STOP_LIMIT, "1", "102", "101", TimeInForce.GTC, false));
        venue.onMarketData(bar(1, 100, 101.5, 99, 101, 1000));
        assertThat(all(OrderFilled.class)).isEmpty();
        venue.onMarketData(bar(2, 101, 102, 101.5, 102, 1000));
        assertThat(all(OrderFilled.class).get(0).fill().price()).as("opened below its limit").isEqualByComparingTo("101");
    }

    // ---- what is refused, and why ------------------------------------------------------------------

    @Test
    void anOrderThatMustTradeNowIsRefusedOnPricesTooOldOrNone() {
        PaperVenue venue = venue(PLAIN, Latency.NONE);
        venue.submit(order("silent", Side.BUY, OrderType.LIMIT, "1", "100", null, TimeInForce.IOC, false));
        venue.onMarketData(new Heartbeat(null, T0));
        venue.submit(market("early", Side.BUY, "1", TimeInForce.GTC));
        venue.submit(order("early-ioc", Side.BUY, OrderType.LIMIT, "1", "100", null, TimeInForce.IOC, false));
        venue.onMarketData(bar(0, 100, 100, 100, 100, 1000));
        venue.onMarketData(new Heartbeat(null, T0.plus(MINUTE).plus(Duration.ofMinutes(6))));
        venue.submit(market("late", Side.BUY, "1", TimeInForce.GTC));
        venue.submit(order("patient", Side.BUY, OrderType.LIMIT, "1", "99", null, TimeInForce.GTC, false));
        assertThat(all(OrderRejected.class)).extracting(OrderRejected::clientOrderId, OrderRejected::code)
                // before any price, the venue's checks already refuse a market order: no notional to check
                .containsExactly(Tuple.tuple("silent", "marketdata.feed_silent"),
                        Tuple.tuple("early", "price.missing"),
                        Tuple.tuple("early-ioc", "marketdata.no_price"),
                        Tuple.tuple("late", "marketdata.stale"));
        assertThat(all(OrderAcknowledged.class)).extracting(OrderAcknowledged::clientOrderId).containsExactly("patient");
    }

    @Test
    void badOrdersAreRejectedWithTheValidatorsReasonAndChangeNothing() {
        PaperVenue venue = venue(PLAIN, Latency.NONE);
        venue.onMarketData(bar(0, 100, 100, 100, 100, 1000));
        venue.submit(order("tick", Side.BUY, OrderType.LIMIT, "1", "99.001", null, TimeInForce.GTC, false));
        venue.submit(market("zero", Side.BUY, "0", TimeInForce.GTC));
        venue.submit(market("ok", Side.BUY, "1", TimeInForce.GTC));
        venue.submit(market("ok", Side.BUY, "1", TimeInForce.GTC));
        venue.submit(new OrderRequest("stock", AAPL.id(), Side.BUY, OrderType.LIMIT, d("1"), d("150"), null,
                TimeInForce.DAY, false));
        venue.submit(new OrderRequest("nowhere", InstrumentId.parse("XYZ.NOWHERE"), Side.BUY, OrderType.MARKET, d("1"),
                null, null, TimeInForce.GTC, false));
        assertThat(all(OrderRejected.class)).extracting(OrderRejected::clientOrderId, OrderRejected::code)
                .containsExactly(Tuple.tuple("tick", "price.off_tick"),
                        Tuple.tuple("zero", "quantity.not_positive"),
                        Tuple.tuple("ok", "client_order_id.duplicate"),
                        Tuple.tuple("stock", "market.closed"),
                        Tuple.tuple("nowhere", "instrument.unknown"));
        assertThat(all(OrderRejected.class)).allSatisfy(r -> assertThat(r.detail()).isNotBlank());
        venue.onMarketData(bar(1, 100, 100, 100, 100, 1000));
        assertThat(venue.account().quantity(BTC)).as("only the first ok").isEqualByComparingTo("1");
    }

    @Test
    void aDayOrderEndsWithItsSession() {
        Instant wednesday = WEDNESDAY_MORNING;
        PaperVenue venue = new PaperVenue(ALL, Account.withCash("USD", d("100000")), wednesday,
                new PaperVenueSettings(PLAIN, Latency.NONE, Duration.ofMinutes(5)), reports::add);
        venue.submit(new OrderRequest("day", AAPL.id(), Side.BUY, OrderType.LIMIT, d("1"), d("150"), null,
                TimeInForce.DAY, false));
        assertThat(all(OrderAcknowledged.class)).hasSize(1);
        venue.onMarketData(new Heartbeat(null, Instant.parse("2026-03-04T20:59:00Z")));
        assertThat(all(OrderClosed.class)).isEmpty();
        venue.onMarketData(new Heartbeat(null, Instant.parse("2026-03-04T21:00:00Z"))); // 16:00 New York
        assertThat(all(OrderClosed.class)).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("market.closed");
            assertThat(c.unfilled()).isEqualByComparingTo("1");
        });
    }

    @Test
    void cancelsAndModifiesAnswerForWhatTheyFind() {
        PaperVenue venue = venue(PLAIN, Latency.NONE);
        venue.onMarketData(bar(0, 100, 100, 100, 100, 1000));
        venue.submit(order("bid", Side.BUY, OrderType.LIMIT, "2", "99", null, TimeInForce.GTC, false));
        venue.modify("bid", d("3"), d("99.5"), null);
        venue.modify("bid", d("3"), d("99.555"), null);
        venue.modify("nope", d("3"), null, null);
        venue.cancel("bid");
        venue.cancel("bid");
        venue.cancel("never");
        assertThat(all(OrderModified.class)).singleElement().satisfies(m -> {
            assertThat(m.quantity()).isEqualByComparingTo("3");
            assertThat(m.limitPrice()).isEqualByComparingTo("99.5");
        });
        assertThat(all(OrderRejected.class)).extracting(OrderRejected::request, OrderRejected::code).containsExactly(
                Tuple.tuple("modify", "price.off_tick"),
                Tuple.tuple("modify", "order.unknown"),
                Tuple.tuple("cancel", "order.not_working"),
                Tuple.tuple("cancel", "order.unknown"));
        assertThat(all(OrderClosed.class)).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("order.cancelled");
            assertThat(c.unfilled()).isEqualByComparingTo("3");
        });
    }

    @Test
    void aCancelOrModifyBeforeTheAcknowledgementIsDueComesAfterIt() {
        // found by PaperVenuePropertiesTest: the modify and the close came without any acknowledgement
        PaperVenue venue = venue(ENGINE, new Latency(Duration.ofSeconds(5), Duration.ofSeconds(5)));
        venue.onMarketData(bar(0, 100, 101, 99, 100, 10));
        venue.submit(order("bid", Side.BUY, OrderType.LIMIT, "1", "99", null, TimeInForce.GTC, false));
        venue.submit(order("ask", Side.SELL, OrderType.LIMIT, "1", "101", null, TimeInForce.GTC, false));
        assertThat(reports).isEmpty();
        venue.modify("bid", d("2"), null, null);
        venue.cancel("ask");
        assertThat(reports).extracting(ExecutionReport::getClass, ExecutionReport::clientOrderId).containsExactly(
                Tuple.tuple(OrderAcknowledged.class, "bid"), Tuple.tuple(OrderModified.class, "bid"),
                Tuple.tuple(OrderAcknowledged.class, "ask"), Tuple.tuple(OrderClosed.class, "ask"));
        assertThat(all(OrderAcknowledged.class)).allSatisfy(ack -> assertThat(ack.time()).isEqualTo(T0.plus(MINUTE)));
        venue.onMarketData(new Heartbeat(null, T0.plus(MINUTE).plusSeconds(6)));
        assertThat(all(OrderAcknowledged.class)).as("acknowledged once").hasSize(2);
    }

    @Test
    void aModifyCannotTakeAnOrderBelowWhatHasFilled() {
        PaperVenue venue = venue(PLAIN, Latency.NONE);
        venue.onMarketData(bar(0, 100, 100, 100, 100, 30));
        venue.submit(market("big", Side.BUY, "5", TimeInForce.GTC));
        venue.onMarketData(bar(1, 100, 100, 100, 100, 30)); // 3 of 5
        venue.modify("big", d("3"), null, null);
        assertThat(all(OrderRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.code()).isEqualTo("modify.quantity_not_above_filled"));
        venue.modify("big", d("4"), null, null);
        venue.onMarketData(bar(2, 100, 100, 100, 100, 30));
        assertThat(venue.account().quantity(BTC)).isEqualByComparingTo("4");
    }

    @Test
    void aListenerMayTradeOnAReportAndItsReportsFollowInOrder() {
        List<String> seen = new ArrayList<>();
        PaperVenue[] holder = new PaperVenue[1];
        holder[0] = new PaperVenue(ALL, Account.withCash("USDT", d("100000")), T0,
                new PaperVenueSettings(ENGINE, Latency.NONE, Duration.ofMinutes(5)), report -> {
            seen.add(report.getClass().getSimpleName() + ":" + report.clientOrderId());
            if (report instanceof OrderFilled f && f.clientOrderId().equals("entry")) {
                holder[0].submit(order("protect", Side.SELL, OrderType.STOP, "1", null, "95", TimeInForce.GTC, true));
            }
        });
        holder[0].onMarketData(bar(0, 100, 100, 100, 100, 10));
        holder[0].submit(market("entry", Side.BUY, "1", TimeInForce.IOC));
        assertThat(seen).containsExactly("OrderAcknowledged:entry", "OrderFilled:entry", "OrderAcknowledged:protect");
        assertThat(holder[0].snapshot().openOrders()).extracting(o -> o.clientOrderId()).containsExactly("protect");
    }

    // ---- reconciliation ------------------------------------------------------------------------------

    @Test
    void theSnapshotIsTheAccountAndItsWorkingOrdersAndReconciliationFindsEachDifference() {
        PaperVenue venue = venue(ENGINE, Latency.NONE);
        venue.onMarketData(bar(0, 100, 100, 100, 100, 10));
        venue.submit(market("entry", Side.BUY, "1", TimeInForce.IOC));
        venue.submit(order("bid", Side.BUY, OrderType.LIMIT, "1", "90", null, TimeInForce.GTC, false));
        VenueSnapshot snapshot = venue.snapshot();
        assertThat(snapshot.positions()).containsOnlyKeys(BTC);
        assertThat(snapshot.positions().get(BTC)).isEqualByComparingTo("1");
        assertThat(snapshot.cash().get("USDT")).isEqualByComparingTo(venue.account().cash("USDT"));
        assertThat(Reconciliation.compare(snapshot, venue.snapshot())).isEmpty();

        VenueSnapshot believed = new VenueSnapshot(snapshot.asOf(), List.of(), Map.of(BTC, d("2")),
                Map.of("USDT", snapshot.cash().get("USDT").add(BigDecimal.ONE)));
        assertThat(Reconciliation.compare(believed, snapshot)).extracting(Discrepancy::code, Discrepancy::subject)
                .containsExactly(Tuple.tuple("position.mismatch", "BTCUSDT.BINANCE"),
                        Tuple.tuple("cash.mismatch", "USDT"),
                        Tuple.tuple("order.unknown_to_session", "bid"));
        assertThat(Reconciliation.compare(snapshot, new VenueSnapshot(snapshot.asOf(), List.of(),
                snapshot.positions(), snapshot.cash()))).extracting(Discrepancy::code).containsExactly("order.missing_at_venue");
    }
}
