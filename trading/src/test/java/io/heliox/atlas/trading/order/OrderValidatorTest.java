package io.heliox.atlas.trading.order;

import io.heliox.atlas.trading.instrument.InstrumentId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.ALL;
import static io.heliox.atlas.trading.TestInstruments.BTCUSDT;
import static io.heliox.atlas.trading.TestInstruments.EURUSD;
import static io.heliox.atlas.trading.TestInstruments.SATURDAY;
import static io.heliox.atlas.trading.TestInstruments.WEDNESDAY_MORNING;
import static io.heliox.atlas.trading.TestInstruments.d;
import static org.assertj.core.api.Assertions.assertThat;

class OrderValidatorTest {

    private final OrderValidator validator = new OrderValidator(ALL);

    private static OrderContext open() {
        return context(WEDNESDAY_MORNING, TradingState.ACTIVE, BigDecimal.ZERO);
    }

    private static OrderContext context(Instant at, TradingState state, BigDecimal position) {
        return new OrderContext(at, state, position, Set.of("used-1"), d("150.00"));
    }

    private static OrderRequest limitBuy(InstrumentId id, String qty, String price) {
        return OrderRequest.limit("c-1", id, Side.BUY, d(qty), d(price), TimeInForce.DAY);
    }

    private static OrderRequest order(OrderType type, String limit, String stop) {
        return new OrderRequest("c-1", AAPL.id(), Side.BUY, type, d("10"), limit == null ? null : d(limit),
                stop == null ? null : d(stop), TimeInForce.GTC, false);
    }

    private OrderReject rejected(OrderRequest order, OrderContext context) {
        OrderCheck check = validator.check(order, context);
        assertThat(check).isInstanceOf(OrderReject.class);
        OrderReject reject = (OrderReject) check;
        assertThat(reject.clientOrderId()).isEqualTo(order.clientOrderId());
        assertThat(reject.detail()).isNotBlank();
        return reject;
    }

    private OrderAccepted accepted(OrderRequest order, OrderContext context) {
        OrderCheck check = validator.check(order, context);
        assertThat(check).as("%s", check).isInstanceOf(OrderAccepted.class);
        return (OrderAccepted) check;
    }

    @Test
    void wireCodesAreStableAndDistinct() {
        assertThat(Arrays.stream(RejectReason.values()).map(RejectReason::code)).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z_]+\\.[a-z_]+"));
        assertThat(RejectReason.PRICE_OFF_TICK.code()).isEqualTo("price.off_tick");
        assertThat(RejectReason.CLIENT_ORDER_ID_DUPLICATE.code()).isEqualTo("client_order_id.duplicate");
    }

    @Nested
    class Quantities {

        @Test
        void zeroIsNotPositive() {
            OrderReject reject = rejected(limitBuy(AAPL.id(), "0", "150.00"), open());
            assertThat(reject.reason()).isEqualTo(RejectReason.QUANTITY_NOT_POSITIVE);
            assertThat(reject.code()).isEqualTo("quantity.not_positive");
        }

        @Test
        void negativeIsNotPositive() {
            assertThat(rejected(limitBuy(AAPL.id(), "-5", "150.00"), open()).reason())
                    .isEqualTo(RejectReason.QUANTITY_NOT_POSITIVE);
        }

        @Test
        void belowOneLot() {
            OrderReject reject = rejected(limitBuy(EURUSD.id(), "500", "1.08345"), open());
            assertThat(reject.reason()).isEqualTo(RejectReason.QUANTITY_BELOW_LOT);
            assertThat(reject.detail()).contains("500", "1000");
        }

        @Test
        void notAWholeNumberOfLots() {
            assertThat(rejected(limitBuy(EURUSD.id(), "1500", "1.08345"), open()).reason())
                    .isEqualTo(RejectReason.QUANTITY_NOT_LOT_MULTIPLE);
            assertThat(rejected(limitBuy(AAPL.id(), "10.5", "150.00"), open()).code())
                    .isEqualTo("quantity.not_lot_multiple");
        }

        @Test
        void notionalBelowTheMinimum() {
            // 0.00005 BTC at 60,000 = 3 USDT < 5 USDT
            OrderReject reject = rejected(limitBuy(BTCUSDT.id(), "0.00005", "60000.00"), open());
            assertThat(reject.reason()).isEqualTo(RejectReason.NOTIONAL_BELOW_MINIMUM);
            assertThat(reject.detail()).contains("3", "5", "USDT");
            accepted(limitBuy(BTCUSDT.id(), "0.0001", "60000.00"), open()); // 6 USDT
        }

        @Test
        void aMarketOrdersNotionalUsesTheLastPrice() {
            OrderRequest small = OrderRequest.market("c-1", BTCUSDT.id(), Side.BUY, d("0.00005"), TimeInForce.IOC);
            OrderContext at60k = new OrderContext(SATURDAY, TradingState.ACTIVE, BigDecimal.ZERO, Set.of(), d("60000"));
            assertThat(rejected(small, at60k).reason()).isEqualTo(RejectReason.NOTIONAL_BELOW_MINIMUM);
            OrderContext at200k = new OrderContext(SATURDAY, TradingState.ACTIVE, BigDecimal.ZERO, Set.of(), d("200000"));
            accepted(small, at200k);
        }
    }

    @Nested
    class Prices {

        @Test
        void offTick() {
            OrderReject reject = rejected(limitBuy(EURUSD.id(), "10000", "1.083455"), open());
            assertThat(reject.reason()).isEqualTo(RejectReason.PRICE_OFF_TICK);
            assertThat(reject.code()).isEqualTo("price.off_tick");
            assertThat(rejected(order(OrderType.STOP, null, "150.005"), open()).reason())
                    .isEqualTo(RejectReason.PRICE_OFF_TICK);
        }

        @Test
        void notPositive() {
            assertThat(rejected(limitBuy(AAPL.id(), "10", "0"), open()).reason())
                    .isEqualTo(RejectReason.PRICE_NOT_POSITIVE);
            assertThat(rejected(limitBuy(AAPL.id(), "10", "-1.00"), open()).reason())
                    .isEqualTo(RejectReason.PRICE_NOT_POSITIVE);
        }

        @Test
        void missingWhereTheTypeNeedsOne() {
            assertThat(rejected(order(OrderType.LIMIT, null, null), open()).reason())
                    .isEqualTo(RejectReason.PRICE_MISSING);
            assertThat(rejected(order(OrderType.STOP, null, null), open()).reason())
                    .isEqualTo(RejectReason.PRICE_MISSING);
            assertThat(rejected(order(OrderType.STOP_LIMIT, "150.00", null), open()).detail()).contains("stop");
            assertThat(rejected(order(OrderType.STOP_LIMIT, null, "150.00"), open()).detail()).contains("limit");
        }

        @Test
        void missingLastPriceForAMarketOrderWithAMinimumNotional() {
            OrderRequest market = OrderRequest.market("c-1", AAPL.id(), Side.BUY, d("10"), TimeInForce.DAY);
            OrderContext noLast = new OrderContext(WEDNESDAY_MORNING, TradingState.ACTIVE, BigDecimal.ZERO, Set.of(), null);
            assertThat(rejected(market, noLast).reason()).isEqualTo(RejectReason.PRICE_MISSING);
            // no minimum notional: nothing to check, accepted without a last price
            accepted(OrderRequest.market("c-1", EURUSD.id(), Side.BUY, d("1000"), TimeInForce.IOC), noLast);
        }

        @Test
        void unexpectedWhereTheTypeTakesNone() {
            OrderReject reject = rejected(order(OrderType.MARKET, "150.00", null), open());
            assertThat(reject.reason()).isEqualTo(RejectReason.PRICE_UNEXPECTED);
            assertThat(reject.code()).isEqualTo("price.unexpected");
            assertThat(rejected(order(OrderType.LIMIT, "150.00", "149.00"), open()).reason())
                    .isEqualTo(RejectReason.PRICE_UNEXPECTED);
            assertThat(rejected(order(OrderType.STOP, "150.00", "149.00"), open()).reason())
                    .isEqualTo(RejectReason.PRICE_UNEXPECTED);
        }

        @Test
        void everyTypeWithItsPricesIsAccepted() {
            accepted(order(OrderType.MARKET, null, null), open());
            accepted(order(OrderType.LIMIT, "150.00", null), open());
            accepted(order(OrderType.STOP, null, "151.00"), open());
            accepted(order(OrderType.STOP_LIMIT, "151.50", "151.00"), open());
        }
    }

    @Nested
    class Identity {

        @Test
        void unknownInstrument() {
            OrderReject reject = rejected(limitBuy(InstrumentId.parse("TSLA.XNAS"), "1", "200.00"), open());
            assertThat(reject.reason()).isEqualTo(RejectReason.INSTRUMENT_UNKNOWN);
            assertThat(reject.code()).isEqualTo("instrument.unknown");
            assertThat(reject.detail()).contains("TSLA.XNAS");
        }

        @Test
        void duplicateClientOrderId() {
            OrderRequest again = new OrderRequest("used-1", AAPL.id(), Side.BUY, OrderType.MARKET, d("1"), null, null,
                    TimeInForce.DAY, false);
            OrderReject reject = rejected(again, open());
            assertThat(reject.reason()).isEqualTo(RejectReason.CLIENT_ORDER_ID_DUPLICATE);
            assertThat(reject.code()).isEqualTo("client_order_id.duplicate");
        }

        @Test
        void aDuplicateIsToldSoBeforeAnythingElseIsChecked() {
            OrderRequest bad = new OrderRequest("used-1", InstrumentId.parse("NOPE.X"), Side.BUY, OrderType.LIMIT,
                    d("0"), null, null, TimeInForce.DAY, false);
            assertThat(rejected(bad, open()).reason()).isEqualTo(RejectReason.CLIENT_ORDER_ID_DUPLICATE);
        }

        @Test
        void blankClientOrderId() {
            OrderRequest blank = OrderRequest.market(" ", AAPL.id(), Side.BUY, d("1"), TimeInForce.DAY);
            assertThat(rejected(blank, open()).reason()).isEqualTo(RejectReason.CLIENT_ORDER_ID_BLANK);
        }
    }

    @Nested
    class States {

        @Test
        void haltedTakesNothingNewNotEvenAReduction() {
            OrderRequest reduce = limitBuy(AAPL.id(), "10", "150.00").withReduceOnly(true);
            OrderContext halted = context(WEDNESDAY_MORNING, TradingState.HALTED, d("-10"));
            OrderReject reject = rejected(reduce, halted);
            assertThat(reject.reason()).isEqualTo(RejectReason.TRADING_HALTED);
            assertThat(reject.code()).isEqualTo("trading.halted");
        }

        @Test
        void reducingTakesOnlyOrdersThatShrinkThePosition() {
            OrderContext longTen = context(WEDNESDAY_MORNING, TradingState.REDUCING, d("10"));
            OrderRequest sellFour = new OrderRequest("c-1", AAPL.id(), Side.SELL, OrderType.LIMIT, d("4"), d("150.00"),
                    null, TimeInForce.DAY, false);
            accepted(sellFour, longTen);
            assertThat(rejected(limitBuy(AAPL.id(), "4", "150.00"), longTen).code()).isEqualTo("trading.reducing");
            OrderRequest sellEleven = new OrderRequest("c-1", AAPL.id(), Side.SELL, OrderType.LIMIT, d("11"),
                    d("150.00"), null, TimeInForce.DAY, false);
            assertThat(rejected(sellEleven, longTen).reason()).isEqualTo(RejectReason.TRADING_REDUCING);
            assertThat(rejected(sellFour, context(WEDNESDAY_MORNING, TradingState.REDUCING, BigDecimal.ZERO)).reason())
                    .isEqualTo(RejectReason.TRADING_REDUCING);
        }

        @Test
        void reduceOnlyThatWouldIncrease() {
            OrderRequest buy = limitBuy(AAPL.id(), "5", "150.00").withReduceOnly(true);
            OrderReject flat = rejected(buy, context(WEDNESDAY_MORNING, TradingState.ACTIVE, BigDecimal.ZERO));
            assertThat(flat.reason()).isEqualTo(RejectReason.REDUCE_ONLY_WOULD_INCREASE);
            assertThat(flat.code()).isEqualTo("reduce_only.would_increase");
            assertThat(rejected(buy, context(WEDNESDAY_MORNING, TradingState.ACTIVE, d("3"))).reason())
                    .isEqualTo(RejectReason.REDUCE_ONLY_WOULD_INCREASE);
            // a buy of 5 against short 3 would flip to long 2: an increase on the other side
            assertThat(rejected(buy, context(WEDNESDAY_MORNING, TradingState.ACTIVE, d("-3"))).reason())
                    .isEqualTo(RejectReason.REDUCE_ONLY_WOULD_INCREASE);
            accepted(buy, context(WEDNESDAY_MORNING, TradingState.ACTIVE, d("-5")));
            accepted(buy, context(WEDNESDAY_MORNING, TradingState.ACTIVE, d("-8")));
        }
    }

    @Nested
    class MarketHours {

        @Test
        void aMarketOrderIsNeverAcceptedWhileClosed() {
            for (TimeInForce tif : TimeInForce.values()) {
                OrderRequest market = OrderRequest.market("c-1", EURUSD.id(), Side.BUY, d("1000"), tif);
                OrderReject reject = rejected(market, context(SATURDAY, TradingState.ACTIVE, BigDecimal.ZERO));
                assertThat(reject.reason()).isEqualTo(RejectReason.MARKET_CLOSED);
                assertThat(reject.code()).isEqualTo("market.closed");
                assertThat(reject.detail()).contains("weekend");
            }
        }

        @Test
        void aPricedOrderWhileClosedIsRejectedUnlessGtc() {
            for (TimeInForce tif : new TimeInForce[]{TimeInForce.DAY, TimeInForce.IOC, TimeInForce.FOK}) {
                OrderRequest limit = OrderRequest.limit("c-1", EURUSD.id(), Side.BUY, d("1000"), d("1.08000"), tif);
                assertThat(rejected(limit, context(SATURDAY, TradingState.ACTIVE, BigDecimal.ZERO)).reason())
                        .isEqualTo(RejectReason.MARKET_CLOSED);
            }
        }

        @Test
        void aGtcOrderWhileClosedIsHeldUntilTheOpen() {
            OrderRequest gtc = OrderRequest.limit("c-1", EURUSD.id(), Side.BUY, d("1000"), d("1.08000"), TimeInForce.GTC);
            OrderAccepted held = accepted(gtc, context(SATURDAY, TradingState.ACTIVE, BigDecimal.ZERO));
            assertThat(held.heldUntilOpen()).isTrue();
            assertThat(held.activeFrom()).isEqualTo(Instant.parse("2026-03-08T21:00:00Z")); // Sunday 17:00 EDT
            OrderAccepted now = accepted(gtc, open());
            assertThat(now.heldUntilOpen()).isFalse();
            assertThat(now.activeFrom()).isEqualTo(WEDNESDAY_MORNING);
        }

        @Test
        void cryptoNeverCloses() {
            OrderRequest market = OrderRequest.market("c-1", BTCUSDT.id(), Side.SELL, d("0.001"), TimeInForce.FOK);
            OrderContext saturday = new OrderContext(SATURDAY, TradingState.ACTIVE, BigDecimal.ZERO, Set.of(), d("60000"));
            assertThat(accepted(market, saturday).instrument())
                    .isEqualTo(BTCUSDT);
        }
    }

    @Test
    void checkingChangesNothingItIsGiven() {
        Set<String> seen = new HashSet<>(Set.of("used-1"));
        OrderContext context = new OrderContext(WEDNESDAY_MORNING, TradingState.ACTIVE, d("10"), seen, d("150"));
        OrderRequest order = limitBuy(AAPL.id(), "10", "150.00");
        OrderCheck first = validator.check(order, context);
        assertThat(validator.check(order, context)).isEqualTo(first);
        assertThat(seen).containsExactly("used-1");
        assertThat(context.positionQuantity()).isEqualByComparingTo("10");
    }
}
