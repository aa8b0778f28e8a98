package io.heliox.atlas.trading.venue.paper;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.execution.ExecutionReport;
import io.heliox.atlas.trading.execution.OrderAcknowledged;
import io.heliox.atlas.trading.execution.OrderClosed;
import io.heliox.atlas.trading.execution.OrderFilled;
import io.heliox.atlas.trading.execution.OrderModified;
import io.heliox.atlas.trading.execution.OrderRejected;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.marketdata.Bar;
import io.heliox.atlas.trading.marketdata.BarClosed;
import io.heliox.atlas.trading.marketdata.DepthUpdate;
import io.heliox.atlas.trading.marketdata.Heartbeat;
import io.heliox.atlas.trading.marketdata.Trade;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import io.heliox.atlas.trading.venue.book.Liquidity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.heliox.atlas.trading.TestInstruments.ALL;
import static io.heliox.atlas.trading.TestInstruments.BTCUSDT;
import static io.heliox.atlas.trading.TestInstruments.SATURDAY;
import static io.heliox.atlas.trading.TestInstruments.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The paper venue in book mode: once an instrument's depth arrives, its orders fill against the L2
 * book (level by level, partial fills, time in force, makers when the market comes to them), with the
 * venue's latency, fees, stale-price refusal and reduce-only cap kept.
 */
class PaperVenueBookTest {

    static final InstrumentId BTC = BTCUSDT.id();
    static final Instant T0 = SATURDAY; // crypto trades at weekends
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final FeeSchedule FEES = FeeSchedule.of("-1", "5"); // a maker rebate, a taker fee
    static final RealisticBars MODEL = new RealisticBars(FEES, 2, 0.5, 0.1, 1, 20, 7);

    final List<ExecutionReport> reports = new ArrayList<>();

    PaperVenue venue(Latency latency) {
        return new PaperVenue(ALL, Account.withCash("USDT", d("100000")), T0,
                new PaperVenueSettings(MODEL, latency, MAX_AGE), reports::add);
    }

    static DepthUpdate depth(Side side, String price, String quantity, int second) {
        return new DepthUpdate(BTC, side, d(price), d(quantity), T0.plusSeconds(second));
    }

    /** Asks 100.00 × 1, 100.50 × 2, 101.00 × 3 and bids 99.50 × 4, 99.00 × 5, all at {@code second}. */
    static void ladder(PaperVenue venue, int second) {
        venue.onMarketData(depth(Side.SELL, "100.00", "1", second));
        venue.onMarketData(depth(Side.SELL, "100.50", "2", second));
        venue.onMarketData(depth(Side.SELL, "101.00", "3", second));
        venue.onMarketData(depth(Side.BUY, "99.50", "4", second));
        venue.onMarketData(depth(Side.BUY, "99.00", "5", second));
    }

    static OrderRequest market(String id, Side side, String quantity, TimeInForce tif) {
        return OrderRequest.market(id, BTC, side, d(quantity), tif);
    }

    static OrderRequest limit(String id, Side side, String quantity, String price, TimeInForce tif, boolean reduceOnly) {
        return new OrderRequest(id, BTC, side, OrderType.LIMIT, d(quantity), d(price), null, tif, reduceOnly);
    }

    <T extends ExecutionReport> List<T> all(Class<T> type) {
        return reports.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<OrderFilled> fillsOf(String id) {
        return all(OrderFilled.class).stream().filter(f -> f.clientOrderId().equals(id)).toList();
    }

    static BigDecimal vwap(List<BigDecimal[]> priceQuantity) {
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal quantity = BigDecimal.ZERO;
        for (BigDecimal[] pq : priceQuantity) {
            notional = notional.add(pq[0].multiply(pq[1]));
            quantity = quantity.add(pq[1]);
        }
        return notional.divide(quantity, MathContext.DECIMAL64);
    }

    @Test
    void aMarketOrderWalksThreeLevelsOneFillPerLevelAtThatLevelsPrice() {
        PaperVenue venue = venue(Latency.NONE);
        ladder(venue, 0);
        venue.submit(market("walk", Side.BUY, "5", TimeInForce.IOC));

        List<OrderFilled> fills = fillsOf("walk");
        assertThat(fills).extracting(f -> f.fill().price().toPlainString(), f -> f.fill().quantity().toPlainString(),
                        f -> f.leaves().toPlainString(), f -> f.slippage().toPlainString())
                .containsExactly(tuple("100.00", "1", "4", "0.00"),
                        tuple("100.50", "2", "2", "0.50"),
                        tuple("101.00", "2", "0", "1.00"));
        assertThat(fills).allSatisfy(f -> assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER));
        // the VWAP of what the venue booked is the VWAP of the levels it took, exactly
        BigDecimal booked = vwap(fills.stream().map(f -> new BigDecimal[]{f.fill().price(), f.fill().quantity()}).toList());
        BigDecimal levels = vwap(List.of(new BigDecimal[]{d("100.00"), d("1")}, new BigDecimal[]{d("100.50"), d("2")},
                new BigDecimal[]{d("101.00"), d("2")}));
        assertThat(booked).isEqualByComparingTo(levels).isEqualByComparingTo("100.6");
        assertThat(venue.account().position(BTC).orElseThrow().averagePrice()).isEqualByComparingTo(levels);
        assertThat(all(OrderClosed.class)).isEmpty();
    }

    @Test
    void whatWeTookStaysGoneUntilTheNextDepthUpdateOfThatLevelReplacesIt() {
        PaperVenue venue = venue(Latency.NONE);
        ladder(venue, 0);
        venue.submit(market("a", Side.BUY, "2", TimeInForce.IOC)); // 100.00 × 1 and 100.50 × 1
        venue.submit(market("b", Side.BUY, "2", TimeInForce.IOC)); // what is left: 100.50 × 1, then 101.00
        assertThat(fillsOf("b")).extracting(f -> f.fill().price().toPlainString())
                .containsExactly("100.50", "101.00");

        // the feed's next word on 100.00 already excludes our fill: it replaces the level, it is not added to
        venue.onMarketData(depth(Side.SELL, "100.00", "1", 1));
        venue.submit(market("c", Side.BUY, "2", TimeInForce.IOC));
        assertThat(fillsOf("c")).extracting(f -> f.fill().price().toPlainString(), f -> f.fill().quantity().toPlainString())
                .containsExactly(tuple("100.00", "1"),
                        tuple("101.00", "1"));
    }

    @Test
    void aPartialFillClosesTheRestOfAnIocOrAMarketOrderWithAReason() {
        PaperVenue venue = venue(Latency.NONE);
        ladder(venue, 0);
        venue.submit(limit("ioc", Side.BUY, "4", "100.50", TimeInForce.IOC, false));
        assertThat(fillsOf("ioc")).extracting(f -> f.fill().quantity().toPlainString()).containsExactly("1", "2");
        assertThat(all(OrderClosed.class)).singleElement().satisfies(c -> {
            assertThat(c.clientOrderId()).isEqualTo("ioc");
            assertThat(c.unfilled()).isEqualByComparingTo("1");
            assertThat(c.code()).isEqualTo("book.insufficient_depth");
        });

        venue.submit(market("gtc-market", Side.SELL, "10", TimeInForce.GTC)); // only 9 bid
        assertThat(fillsOf("gtc-market")).extracting(f -> f.fill().quantity().toPlainString()).containsExactly("4", "5");
        assertThat(all(OrderClosed.class)).last().satisfies(c -> {
            assertThat(c.clientOrderId()).isEqualTo("gtc-market");
            assertThat(c.unfilled()).isEqualByComparingTo("1");
            assertThat(c.code()).isEqualTo("book.insufficient_depth");
        });
        assertThat(venue.snapshot().openOrders()).isEmpty();
    }

    @Test
    void aFillOrKillTheDepthCannotFillIsClosedWholeAndTakesNothing() {
        PaperVenue venue = venue(Latency.NONE);
        ladder(venue, 0);
        venue.submit(market("fok", Side.BUY, "7", TimeInForce.FOK)); // 6 on offer
        assertThat(fillsOf("fok")).isEmpty();
        assertThat(all(OrderClosed.class)).singleElement().satisfies(c -> {
            assertThat(c.unfilled()).isEqualByComparingTo("7");
            assertThat(c.code()).isEqualTo("fok.not_fillable");
        });
        assertThat(venue.account().quantity(BTC)).isEqualByComparingTo("0");

        venue.submit(market("fok-6", Side.BUY, "6", TimeInForce.FOK)); // the book is as it was: all 6 fill
        assertThat(fillsOf("fok-6")).extracting(f -> f.fill().quantity().toPlainString()).containsExactly("1", "2", "3");
    }

    @Test
    void aCrossingLimitTakesThenRestsAndItsRestFillsAsAMakerWhenTheMarketComesToIt() {
        PaperVenue venue = venue(Latency.NONE);
        ladder(venue, 0);
        venue.submit(limit("cross", Side.BUY, "5", "100.50", TimeInForce.GTC, false));
        assertThat(fillsOf("cross")).extracting(f -> f.fill().quantity().toPlainString()).containsExactly("1", "2");
        assertThat(venue.snapshot().openOrders()).singleElement()
                .satisfies(o -> assertThat(o.filled()).isEqualByComparingTo("3"));

        // a seller's depth that crosses our bid: a real book is never crossed, so our bid was hit
        venue.onMarketData(depth(Side.SELL, "100.40", "1", 1));
        // then a trade through it fills the last lot
        venue.onMarketData(new Trade(BTC, d("100.30"), d("4"), T0.plusSeconds(2)));

        List<OrderFilled> fills = fillsOf("cross");
        assertThat(fills).hasSize(4);
        assertThat(fills.subList(2, 4)).allSatisfy(f -> {
            assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
            assertThat(f.fill().price()).isEqualByComparingTo("100.50"); // a maker fills at its own limit
            assertThat(f.fill().quantity()).isEqualByComparingTo("1");
            assertThat(f.slippage()).isEqualByComparingTo("0");
        });
        assertThat(fills.get(2).fill().time()).isEqualTo(T0.plusSeconds(1));
        assertThat(fills.get(3).isComplete()).isTrue();
        assertThat(venue.snapshot().openOrders()).isEmpty();
        assertThat(venue.account().quantity(BTC)).isEqualByComparingTo("5");
    }

    @Test
    void aStopTriggersOnATradeAndWalksTheBook() {
        PaperVenue venue = venue(Latency.NONE);
        ladder(venue, 0);
        venue.submit(new OrderRequest("stop", BTC, Side.SELL, OrderType.STOP, d("6"), null, d("99.20"),
                TimeInForce.GTC, false));
        assertThat(fillsOf("stop")).isEmpty();
        venue.onMarketData(new Trade(BTC, d("99.20"), d("1"), T0.plusSeconds(1)));
        assertThat(fillsOf("stop")).extracting(f -> f.fill().price().toPlainString(),
                        f -> f.fill().quantity().toPlainString())
                .containsExactly(tuple("99.50", "4"),
                        tuple("99.00", "2"));
    }

    @Test
    void staleDepthIsRefusedAtSubmitAndAnOrderWhoseLatencyEndsOnStaleDepthIsClosedUnfilled() {
        PaperVenue venue = venue(Latency.NONE);
        ladder(venue, 0);
        venue.onMarketData(new Heartbeat(null, T0.plus(MAX_AGE).plusSeconds(1)));
        venue.submit(market("late", Side.BUY, "1", TimeInForce.IOC));
        assertThat(all(OrderRejected.class)).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("marketdata.stale");
            assertThat(r.request()).isEqualTo("submit");
        });
        assertThat(all(OrderFilled.class)).isEmpty();

        reports.clear();
        PaperVenue slow = venue(new Latency(Duration.ZERO, Duration.ofMinutes(2)));
        ladder(slow, 0);
        slow.onMarketData(new Heartbeat(null, T0.plus(Duration.ofMinutes(4))));
        slow.submit(market("slow", Side.BUY, "1", TimeInForce.GTC)); // fresh now; in 2 minutes it is not
        slow.onMarketData(new Heartbeat(null, T0.plus(Duration.ofMinutes(6))));
        assertThat(all(OrderFilled.class)).isEmpty();
        assertThat(all(OrderClosed.class)).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("marketdata.stale");
            assertThat(c.unfilled()).isEqualByComparingTo("1");
        });
        // a fresh level now changes nothing for it: it is over
        slow.onMarketData(depth(Side.SELL, "100.00", "1", 400));
        assertThat(all(OrderFilled.class)).isEmpty();
    }

    @Test
    void anOrderReachesTheBookOnlyWhenItsLatencyHasElapsedInMarketTime() {
        PaperVenue venue = venue(new Latency(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        ladder(venue, 0);
        venue.submit(market("m", Side.BUY, "1", TimeInForce.IOC));
        assertThat(reports).isEmpty();

        venue.onMarketData(new Heartbeat(null, T0.plusSeconds(1)));
        assertThat(reports).singleElement().isInstanceOfSatisfying(OrderAcknowledged.class, ack -> {
            assertThat(ack.time()).isEqualTo(T0.plusSeconds(1));
            assertThat(ack.activeFrom()).isEqualTo(T0.plusSeconds(2));
        });
        // the best ask goes while the order is on its way: it never sees it
        venue.onMarketData(depth(Side.SELL, "100.00", "0", 1));
        assertThat(all(OrderFilled.class)).isEmpty();

        venue.onMarketData(new Heartbeat(null, T0.plusSeconds(2)));
        assertThat(all(OrderFilled.class)).singleElement().satisfies(f -> {
            assertThat(f.fill().price()).isEqualByComparingTo("100.50");
            assertThat(f.fill().time()).isEqualTo(T0.plusSeconds(2));
        });
    }

    @Test
    void feesFollowTheLiquidityTheBookReports() {
        PaperVenue venue = venue(Latency.NONE);
        ladder(venue, 0);
        venue.submit(market("taker", Side.BUY, "1", TimeInForce.IOC));
        venue.submit(limit("maker", Side.SELL, "2", "100.80", TimeInForce.GTC, false));
        venue.onMarketData(new Trade(BTC, d("100.90"), d("5"), T0.plusSeconds(1)));

        OrderFilled taker = fillsOf("taker").get(0);
        OrderFilled maker = fillsOf("maker").get(0);
        assertThat(taker.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(maker.liquidity()).isEqualTo(Liquidity.MAKER);
        // quantity × price × bps / 10,000, exactly: 5 bps taken, 1 bp rebated
        assertThat(taker.fill().fee()).isEqualByComparingTo(d("1").multiply(d("100.00")).multiply(d("5")).movePointLeft(4));
        assertThat(maker.fill().fee()).isEqualByComparingTo(d("2").multiply(d("100.80")).multiply(d("-1")).movePointLeft(4));
        // the account books both: cash moves by the notionals less the fees
        BigDecimal cash = d("100000").subtract(d("100.00")).subtract(taker.fill().fee())
                .add(d("201.60")).subtract(maker.fill().fee());
        assertThat(venue.account().cash("USDT")).isEqualByComparingTo(cash);
    }

    @Test
    void aReduceOnlyOrderInTheBookNeverTradesPastFlat() {
        PaperVenue venue = venue(Latency.NONE);
        ladder(venue, 0);
        venue.submit(market("open", Side.BUY, "3", TimeInForce.IOC));
        venue.submit(limit("exit", Side.SELL, "3", "100.70", TimeInForce.GTC, true)); // rests above the bid
        venue.submit(market("cut", Side.SELL, "2", TimeInForce.IOC)); // the position is now 1
        assertThat(venue.account().quantity(BTC)).isEqualByComparingTo("1");

        venue.onMarketData(depth(Side.BUY, "100.80", "10", 1)); // a bid through our offer: all 3 could fill
        assertThat(fillsOf("exit")).singleElement().satisfies(f -> {
            assertThat(f.fill().quantity()).isEqualByComparingTo("1");
            assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
        });
        assertThat(all(OrderClosed.class)).singleElement().satisfies(c -> {
            assertThat(c.clientOrderId()).isEqualTo("exit");
            assertThat(c.code()).isEqualTo("reduce_only.would_increase");
            assertThat(c.unfilled()).isEqualByComparingTo("2");
        });
        assertThat(venue.account().quantity(BTC)).isEqualByComparingTo("0");
        assertThat(venue.snapshot().openOrders()).isEmpty();

        // and the book no longer holds it: a later bid through 100.70 fills nothing
        venue.onMarketData(depth(Side.BUY, "100.90", "10", 2));
        assertThat(fillsOf("exit")).hasSize(1);
    }

    @Test
    void cancelsAndModifiesReachTheBook() {
        PaperVenue venue = venue(Latency.NONE);
        ladder(venue, 0);
        venue.submit(limit("gone", Side.BUY, "1", "99.80", TimeInForce.GTC, false));
        venue.submit(limit("moved", Side.BUY, "1", "99.70", TimeInForce.GTC, false));
        venue.cancel("gone");
        venue.modify("moved", d("2"), d("100.00"), null); // now crosses the ask of 100.00 × 1
        assertThat(all(OrderModified.class)).singleElement();
        assertThat(fillsOf("moved")).singleElement().satisfies(f -> {
            assertThat(f.fill().price()).isEqualByComparingTo("100.00");
            assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
            assertThat(f.leaves()).isEqualByComparingTo("1");
        });

        venue.onMarketData(new Trade(BTC, d("99.60"), d("5"), T0.plusSeconds(1)));
        assertThat(fillsOf("gone")).isEmpty(); // cancelled: the book does not fill it
        assertThat(fillsOf("moved")).hasSize(2);
    }

    @Test
    void aCancelledOrderLeavesTheBookAndNoLongerStandsInATakersWay() {
        PaperVenue venue = venue(Latency.NONE);
        ladder(venue, 0);
        venue.submit(limit("bid", Side.BUY, "1", "99.80", TimeInForce.GTC, false));
        venue.cancel("bid");
        // had the book kept our bid, the sell would stop short of it: no self-trades
        venue.submit(market("sell", Side.SELL, "1", TimeInForce.IOC));
        assertThat(fillsOf("sell")).singleElement()
                .satisfies(f -> assertThat(f.fill().price()).isEqualByComparingTo("99.50"));
    }

    @Test
    void aBarDoesNotFillABookedInstrumentsOrders() {
        PaperVenue venue = venue(Latency.NONE);
        ladder(venue, 0);
        venue.submit(limit("bid", Side.BUY, "1", "99.80", TimeInForce.GTC, false));
        venue.onMarketData(new BarClosed(BTC, new Bar(T0, 100, 100.5, 98, 99, 1000), Duration.ofMinutes(1)));
        assertThat(all(OrderFilled.class)).isEmpty(); // the book, not the bar's low, says what traded
        assertThat(venue.snapshot().openOrders()).hasSize(1);
    }
}
