package io.heliox.atlas.trading.venue.book;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.EURUSD;
import static io.heliox.atlas.trading.TestInstruments.d;
import static io.heliox.atlas.trading.order.Side.BUY;
import static io.heliox.atlas.trading.order.Side.SELL;
import static io.heliox.atlas.trading.order.TimeInForce.FOK;
import static io.heliox.atlas.trading.order.TimeInForce.GTC;
import static io.heliox.atlas.trading.order.TimeInForce.IOC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchingEngineTest {

    private static final InstrumentId ID = AAPL.id();

    private final MatchingEngine engine = new MatchingEngine(ID);

    /** Asks 100.00 × 5, 100.50 × 10, 101.00 × 20; bids 99.50 × 5, 99.00 × 10. */
    private void standardBook() {
        depth(SELL, "100.00", "5");
        depth(SELL, "100.50", "10");
        depth(SELL, "101.00", "20");
        depth(BUY, "99.50", "5");
        depth(BUY, "99.00", "10");
    }

    private BookResult depth(Side side, String price, String quantity) {
        return engine.applyDepth(side, d(price), d(quantity));
    }

    private BookResult trade(String price, String quantity) {
        return engine.onTrade(d(price), d(quantity));
    }

    private BookResult market(String id, Side side, String qty, TimeInForce tif) {
        return engine.submit(OrderRequest.market(id, ID, side, d(qty), tif));
    }

    private BookResult limit(String id, Side side, String qty, String price, TimeInForce tif) {
        return engine.submit(OrderRequest.limit(id, ID, side, d(qty), d(price), tif));
    }

    private BookResult stop(String id, Side side, String qty, String stop, String limit) {
        OrderType type = limit == null ? OrderType.STOP : OrderType.STOP_LIMIT;
        return engine.submit(new OrderRequest(id, ID, side, type, d(qty), limit == null ? null : d(limit), d(stop),
                GTC, false));
    }

    private static BookFill taker(String id, Side side, String price, String qty) {
        return new BookFill(id, side, d(price), d(qty), Liquidity.TAKER);
    }

    private static BookFill maker(String id, Side side, String price, String qty) {
        return new BookFill(id, side, d(price), d(qty), Liquidity.MAKER);
    }

    private List<String> queue(Side side, String price) {
        return engine.book().restingAt(side, d(price)).stream().map(BookOrder::orderId).toList();
    }

    private BookOrder order(String id) {
        return engine.order(id).orElseThrow();
    }

    @Test
    void wireCodesAreStableAndDistinct() {
        assertThat(Arrays.stream(BookReason.values()).map(BookReason::code)).doesNotHaveDuplicates()
                .contains("book.insufficient_depth", "fok.not_fillable", "order.unknown");
    }

    @Nested
    class MarketOrders {

        @Test
        void walkTheDepthBestPriceFirstWithPartialFillsPerLevel() {
            standardBook();
            BookResult result = market("m1", BUY, "22", IOC);
            assertThat(result.fills()).containsExactly(taker("m1", BUY, "100.00", "5"),
                    taker("m1", BUY, "100.50", "10"), taker("m1", BUY, "101.00", "7"));
            assertThat(result.unfilled()).isEmpty();
            assertThat(order("m1").status()).isEqualTo(BookOrderStatus.FILLED);
            // what was taken is gone from the depth; the level partly taken keeps the rest
            assertThat(engine.book().prices(SELL)).containsExactly(d("101.00"));
            assertThat(engine.book().depthAt(SELL, d("101.00"))).isEqualByComparingTo("13");
            assertThat(engine.book().bestBid()).contains(d("99.50"));
        }

        @Test
        void aSellTakesTheBidsHighestFirst() {
            standardBook();
            assertThat(market("m1", SELL, "8", GTC).fills()).containsExactly(taker("m1", SELL, "99.50", "5"),
                    taker("m1", SELL, "99.00", "3"));
        }

        @Test
        void theRemainderIsCancelledForLackOfDepthWhateverTheTimeInForce() {
            standardBook();
            BookResult result = market("m1", BUY, "50", GTC);
            assertThat(result.fills()).extracting(BookFill::quantity).containsExactly(d("5"), d("10"), d("20"));
            assertThat(result.unfilled()).singleElement().satisfies(u -> {
                assertThat(u.code()).isEqualTo("book.insufficient_depth");
                assertThat(u.quantity()).isEqualByComparingTo("15");
            });
            assertThat(result.events()).last().isInstanceOf(Unfilled.class);
            assertThat(order("m1").status()).isEqualTo(BookOrderStatus.CANCELLED);
            assertThat(order("m1").filled()).isEqualByComparingTo("35");
            assertThat(engine.book().bestAsk()).isEmpty();
        }

        @Test
        void onAnEmptyBookNothingFillsAndTheWholeOrderIsUnfilled() {
            BookResult result = market("m1", SELL, "3", IOC);
            assertThat(result.fills()).isEmpty();
            assertThat(result.unfilled()).singleElement().satisfies(u -> {
                assertThat(u.reason()).isEqualTo(BookReason.BOOK_INSUFFICIENT_DEPTH);
                assertThat(u.quantity()).isEqualByComparingTo("3");
            });
        }
    }

    @Nested
    class LimitOrders {

        @Test
        void crossesUpToItsLimitAtTheDepthsPricesThenRests() {
            standardBook();
            BookResult result = limit("l1", BUY, "25", "100.50", GTC);
            assertThat(result.fills()).containsExactly(taker("l1", BUY, "100.00", "5"),
                    taker("l1", BUY, "100.50", "10"));
            assertThat(result.only(Rested.class)).containsExactly(new Rested("l1", BUY, d("100.50"), d("10")));
            assertThat(engine.book().bestBid()).contains(d("100.50"));
            assertThat(engine.book().bestAsk()).contains(d("101.00"));
            assertThat(order("l1").status()).isEqualTo(BookOrderStatus.RESTING);
            assertThat(order("l1").remaining()).isEqualByComparingTo("10");
        }

        @Test
        void aLimitThatDoesNotCrossRestsWithoutFills() {
            standardBook();
            BookResult result = limit("l1", SELL, "4", "99.75", GTC);
            assertThat(result.fills()).isEmpty();
            assertThat(engine.book().bestAsk()).contains(d("99.75"));
            assertThat(queue(SELL, "99.75")).containsExactly("l1");
            assertThat(engine.book().depthAt(SELL, d("99.75"))).isEqualByComparingTo("0");
        }

        @Test
        void iocCancelsWhatItCouldNotTakeAtItsLimit() {
            standardBook();
            BookResult result = limit("l1", BUY, "25", "100.50", IOC);
            assertThat(result.fills()).extracting(BookFill::quantity).containsExactly(d("5"), d("10"));
            assertThat(result.unfilled()).singleElement().satisfies(u -> {
                assertThat(u.code()).isEqualTo("book.insufficient_depth");
                assertThat(u.quantity()).isEqualByComparingTo("10");
                assertThat(u.detail()).contains("100.50");
            });
            assertThat(engine.book().bestBid()).contains(d("99.50"));
        }

        @Test
        void fokThatCannotFillInFullFillsNothing() {
            standardBook();
            BookResult result = limit("f1", BUY, "16", "100.50", FOK);
            assertThat(result.fills()).isEmpty();
            assertThat(result.unfilled()).singleElement().satisfies(u -> {
                assertThat(u.code()).isEqualTo("fok.not_fillable");
                assertThat(u.quantity()).isEqualByComparingTo("16");
            });
            assertThat(engine.book().depthAt(SELL, d("100.00"))).isEqualByComparingTo("5");
            assertThat(order("f1").filled()).isEqualByComparingTo("0");
            // a market FOK is bounded by the whole side
            assertThat(market("f2", BUY, "36", FOK).unfilled()).extracting(Unfilled::reason)
                    .containsExactly(BookReason.FOK_NOT_FILLABLE);
        }

        @Test
        void fokThatCanFillFillsInFull() {
            standardBook();
            BookResult result = limit("f1", BUY, "15", "100.50", FOK);
            assertThat(result.fills()).extracting(BookFill::quantity).containsExactly(d("5"), d("10"));
            assertThat(result.unfilled()).isEmpty();
            assertThat(order("f1").status()).isEqualTo(BookOrderStatus.FILLED);
        }

        @Test
        void neverTradesWithOurOwnRestingOrder() {
            depth(SELL, "100.00", "5");
            limit("s1", SELL, "3", "100.50", GTC);
            depth(SELL, "101.00", "5");
            BookResult result = limit("b1", BUY, "20", "101.00", GTC);
            assertThat(result.fills()).containsExactly(taker("b1", BUY, "100.00", "5"));
            assertThat(result.unfilled()).extracting(Unfilled::code).containsExactly("self_trade.prevented");
            assertThat(queue(SELL, "100.50")).containsExactly("s1");
            assertThat(order("s1").filled()).isEqualByComparingTo("0");
            assertThat(engine.book().bestBid()).isEmpty();
        }
    }

    @Nested
    class Stops {

        @Test
        void aBuyStopTriggersWhenTheLastTradeIsAtOrAboveItsStopAndThenTakes() {
            standardBook();
            BookResult held = stop("s1", BUY, "8", "100.75", null);
            assertThat(held.events()).containsExactly(new StopHeld("s1", BUY, d("100.75")));
            assertThat(trade("100.50", "1").events()).isEmpty();
            assertThat(engine.pendingStops()).extracting(BookOrder::orderId).containsExactly("s1");
            BookResult result = trade("100.75", "1");
            assertThat(result.events().get(0)).isInstanceOf(StopTriggered.class);
            assertThat(((StopTriggered) result.events().get(0)).detail()).isEqualTo("last 100.75 >= stop 100.75");
            assertThat(result.fills()).containsExactly(taker("s1", BUY, "100.00", "5"),
                    taker("s1", BUY, "100.50", "3"));
            assertThat(engine.pendingStops()).isEmpty();
        }

        @Test
        void aSellStopTriggersWhenTheLastTradeIsAtOrBelowItsStop() {
            standardBook();
            stop("s1", SELL, "7", "99.25", null);
            assertThat(trade("99.50", "1").fills()).isEmpty();
            BookResult result = trade("99.20", "1");
            assertThat(result.only(StopTriggered.class)).extracting(StopTriggered::orderId).containsExactly("s1");
            assertThat(result.fills()).containsExactly(taker("s1", SELL, "99.50", "5"),
                    taker("s1", SELL, "99.00", "2"));
        }

        @Test
        void aStopLimitBecomesALimitOrderThatRestsWhatItCannotTake() {
            standardBook();
            stop("s1", BUY, "12", "100.00", "100.00");
            // the market's best ask is already at the stop: triggered on arrival, by the depth
            assertThat(engine.pendingStops()).isEmpty();
            assertThat(order("s1").status()).isEqualTo(BookOrderStatus.RESTING);
            assertThat(order("s1").filled()).isEqualByComparingTo("5");
            assertThat(queue(BUY, "100.00")).containsExactly("s1");
        }

        @Test
        void aTriggeredStopLimitQueuesBehindTheOrdersAlreadyRestingAtItsLimit() {
            stop("s1", BUY, "2", "101.00", "99.00");
            limit("b1", BUY, "2", "99.00", GTC);
            trade("101.00", "1"); // triggers s1; nothing to take at 99.00 or better: it rests
            assertThat(queue(BUY, "99.00")).containsExactly("b1", "s1");
            assertThat(order("s1").priority()).isGreaterThan(order("b1").priority());
            assertThat(trade("99.00", "3").fills()).containsExactly(maker("b1", BUY, "99.00", "2"),
                    maker("s1", BUY, "99.00", "1"));
        }

        @Test
        void depthTriggersStopsOnTheQuoteThatWouldFillThem() {
            depth(SELL, "100.00", "5");
            depth(BUY, "99.00", "5");
            stop("up", BUY, "2", "100.50", null);
            stop("down", SELL, "2", "98.50", null);
            assertThat(engine.pendingStops()).hasSize(2);
            depth(SELL, "100.00", "0");
            BookResult up = depth(SELL, "100.50", "4");
            assertThat(up.only(StopTriggered.class)).extracting(StopTriggered::detail)
                    .containsExactly("ask 100.50 >= stop 100.50");
            assertThat(up.fills()).containsExactly(taker("up", BUY, "100.50", "2"));
            depth(BUY, "99.00", "0");
            BookResult down = depth(BUY, "98.00", "4");
            assertThat(down.fills()).containsExactly(taker("down", SELL, "98.00", "2"));
        }

        @Test
        void aTriggeredStopThatMovesTheQuoteTriggersTheNext() {
            depth(SELL, "100.00", "2");
            depth(SELL, "101.00", "5");
            stop("a", BUY, "2", "100.50", null);
            stop("b", BUY, "1", "101.00", null);
            BookResult result = trade("100.50", "1");
            assertThat(result.only(StopTriggered.class)).extracting(StopTriggered::orderId).containsExactly("a", "b");
            assertThat(result.fills()).containsExactly(taker("a", BUY, "100.00", "2"), taker("b", BUY, "101.00", "1"));
        }
    }

    @Nested
    class MakerFills {

        @Test
        void aTradeFillsRestingOrdersFirstComeFirstServedAtTheirLimitUpToItsQuantity() {
            limit("b1", BUY, "3", "99.00", GTC);
            limit("b2", BUY, "4", "99.00", GTC);
            limit("b3", BUY, "5", "98.50", GTC);
            BookResult result = trade("99.00", "5");
            assertThat(result.fills()).containsExactly(maker("b1", BUY, "99.00", "3"), maker("b2", BUY, "99.00", "2"));
            assertThat(queue(BUY, "99.00")).containsExactly("b2");
            assertThat(order("b2").remaining()).isEqualByComparingTo("2");
            // a trade through both levels: the better price first, each at its own limit
            BookResult through = trade("98.00", "100");
            assertThat(through.fills()).containsExactly(maker("b2", BUY, "99.00", "2"),
                    maker("b3", BUY, "98.50", "5"));
            assertThat(engine.book().bestBid()).isEmpty();
            assertThat(engine.lastPrice()).contains(d("98.00"));
        }

        @Test
        void aTradeThatDoesNotReachARestingOrderFillsNothing() {
            limit("s1", SELL, "3", "101.00", GTC);
            assertThat(trade("100.99", "10").fills()).isEmpty();
            assertThat(trade("101.00", "1").fills()).containsExactly(maker("s1", SELL, "101.00", "1"));
        }

        @Test
        void depthCrossingOurRestingOrderFillsItAndDropsTheStaleDepth() {
            depth(BUY, "99.50", "10");
            limit("b1", BUY, "4", "99.00", GTC);
            limit("b2", BUY, "4", "99.00", GTC);
            BookResult result = depth(SELL, "98.90", "6");
            assertThat(result.fills()).containsExactly(maker("b1", BUY, "99.00", "4"), maker("b2", BUY, "99.00", "2"));
            assertThat(engine.book().depthAt(BUY, d("99.50"))).isEqualByComparingTo("0");
            assertThat(engine.book().bestBid()).contains(d("99.00"));
            assertThat(engine.book().bestAsk()).isEmpty(); // the displayed 6 were all ours
            // more depth than our orders: the rest stays displayed
            BookResult more = depth(SELL, "98.95", "5");
            assertThat(more.fills()).containsExactly(maker("b2", BUY, "99.00", "2"));
            assertThat(engine.book().depthAt(SELL, d("98.95"))).isEqualByComparingTo("3");
        }
    }

    @Nested
    class CancelAndModify {

        @Test
        void cancelOfAnUnknownOrderIsRejected() {
            BookResult result = engine.cancel("nope");
            assertThat(result.rejects()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("order.unknown");
                assertThat(r.orderId()).isEqualTo("nope");
            });
        }

        @Test
        void cancelEndsAWorkingOrderOnceAndNoMore() {
            limit("b1", BUY, "3", "99.00", GTC);
            BookResult result = engine.cancel("b1");
            assertThat(result.unfilled()).singleElement().satisfies(u -> {
                assertThat(u.code()).isEqualTo("order.cancelled");
                assertThat(u.quantity()).isEqualByComparingTo("3");
            });
            assertThat(engine.book().bestBid()).isEmpty();
            assertThat(engine.cancel("b1").rejects()).extracting(BookReject::code).containsExactly("order.not_working");
            stop("s1", SELL, "1", "90.00", null);
            assertThat(engine.cancel("s1").unfilled()).hasSize(1);
            assertThat(engine.pendingStops()).isEmpty();
        }

        @Test
        void aQuantityDecreaseKeepsTimePriority() {
            limit("b1", BUY, "5", "99.00", GTC);
            limit("b2", BUY, "5", "99.00", GTC);
            BookResult result = engine.modify("b1", d("2"), null, null);
            assertThat(result.events()).containsExactly(new Modified("b1", d("2"), d("99.00"), null, true));
            assertThat(queue(BUY, "99.00")).containsExactly("b1", "b2");
            assertThat(trade("99.00", "3").fills()).containsExactly(maker("b1", BUY, "99.00", "2"),
                    maker("b2", BUY, "99.00", "1"));
        }

        @Test
        void aQuantityIncreaseLosesTimePriority() {
            limit("b1", BUY, "5", "99.00", GTC);
            limit("b2", BUY, "5", "99.00", GTC);
            long before = order("b1").priority();
            BookResult result = engine.modify("b1", d("6"), null, null);
            assertThat(result.only(Modified.class)).extracting(Modified::keptPriority).containsExactly(false);
            assertThat(queue(BUY, "99.00")).containsExactly("b2", "b1");
            assertThat(order("b1").priority()).isGreaterThan(before);
        }

        @Test
        void aPriceChangeLosesTimePriorityAndIsMatchedAgain() {
            depth(SELL, "100.00", "3");
            limit("b1", BUY, "5", "99.00", GTC);
            limit("b2", BUY, "5", "99.00", GTC);
            trade("99.00", "1"); // b1 partly filled: 1 of 5
            BookResult result = engine.modify("b1", d("5"), d("100.00"), null);
            assertThat(result.fills()).containsExactly(taker("b1", BUY, "100.00", "3"));
            assertThat(order("b1").filled()).isEqualByComparingTo("4");
            assertThat(order("b1").remaining()).isEqualByComparingTo("1");
            assertThat(queue(BUY, "100.00")).containsExactly("b1");
            assertThat(queue(BUY, "99.00")).containsExactly("b2");
        }

        @Test
        void aModifyMustStayAboveWhatFilledAndFitTheOrder() {
            limit("b1", BUY, "5", "99.00", GTC);
            trade("99.00", "2");
            assertThat(engine.modify("b1", d("2"), null, null).rejects()).extracting(BookReject::code)
                    .containsExactly("modify.quantity_not_above_filled");
            assertThat(engine.modify("b1", d("4"), null, d("98.00")).rejects()).extracting(BookReject::code)
                    .containsExactly("order.invalid");
            assertThat(engine.modify("zz", d("4"), null, null).rejects()).extracting(BookReject::code)
                    .containsExactly("order.unknown");
            assertThat(order("b1").quantity()).isEqualByComparingTo("5");
        }

        @Test
        void aPendingStopCanMoveItsStopAndTriggersWhenTheNewStopIsReached() {
            depth(SELL, "100.00", "5");
            trade("99.00", "1");
            stop("s1", BUY, "2", "101.00", null);
            BookResult result = engine.modify("s1", d("2"), null, d("99.00"));
            assertThat(result.only(StopTriggered.class)).hasSize(1);
            assertThat(result.fills()).containsExactly(taker("s1", BUY, "100.00", "2"));
        }
    }

    @Nested
    class Refusals {

        @Test
        void aSecondOrderUnderTheSameIdIsRefused() {
            limit("b1", BUY, "5", "99.00", GTC);
            assertThat(limit("b1", BUY, "5", "98.00", GTC).rejects()).extracting(BookReject::code)
                    .containsExactly("order.duplicate");
            assertThat(queue(BUY, "98.00")).isEmpty();
        }

        @Test
        void anOrderForAnotherInstrumentOrWithoutItsPricesIsRefused() {
            assertThat(engine.submit(OrderRequest.market("x", EURUSD.id(), BUY, d("1"), IOC)).rejects())
                    .extracting(BookReject::code).containsExactly("instrument.mismatch");
            assertThat(engine.submit(new OrderRequest("y", ID, BUY, OrderType.LIMIT, d("1"), null, null, GTC, false))
                    .rejects()).extracting(BookReject::code).containsExactly("order.invalid");
            assertThat(market("z", BUY, "0", IOC).rejects()).extracting(BookReject::code)
                    .containsExactly("order.invalid");
            assertThat(engine.order("x")).isEmpty();
        }

        @Test
        void badMarketDataIsAProgrammingError() {
            assertThatThrownBy(() -> engine.applyDepth(BUY, d("0"), d("1")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> engine.applyDepth(BUY, d("1"), d("-1")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> engine.onTrade(d("1"), BigDecimal.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
