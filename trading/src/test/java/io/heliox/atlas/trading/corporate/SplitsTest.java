package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.account.Fill;
import io.heliox.atlas.trading.account.Position;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.EURUSD;
import static io.heliox.atlas.trading.TestInstruments.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplitsTest {

    static final Instant AT = Instant.parse("2026-03-06T21:00:00Z");

    static Split split(long newShares, long oldShares) {
        return new Split("split-1", AAPL.id(), SplitRatio.of(newShares, oldShares), LocalDate.of(2026, 3, 9));
    }

    static Account holding(Side side, String quantity, String price) {
        return Account.withCash("USD", d("100000"))
                .apply(new Fill("c", AAPL.id(), side, d(quantity), d(price), BigDecimal.ZERO, "USD", Instant.EPOCH));
    }

    static CorporateOutcome apply(Split split, Account account, List<OrderRequest> orders, String reference) {
        return Splits.apply(split, AAPL, CorporateBooks.of(account, orders), reference == null ? null : d(reference), AT);
    }

    @Test
    void threeForTwoPaysTheHalfShareInCashAndKeepsTheCostBasis() {
        Account before = holding(Side.BUY, "101", "150.00");
        CorporateOutcome outcome = apply(split(3, 2), before, List.of(), "180.00");
        Account after = outcome.books().account();
        Position position = after.position(AAPL.id()).orElseThrow();

        assertThat(position.quantity()).isEqualByComparingTo("151"); // 151.5, the half share to cash
        assertThat(position.costBasis()).isEqualByComparingTo("15100");
        assertThat(position.averagePrice()).isEqualByComparingTo("100"); // 150 ÷ 1.5
        assertThat(position.realised()).isEqualByComparingTo("10");      // 0.5 × 120 − 50 of basis
        assertThat(after.cash("USD")).isEqualByComparingTo(before.cash("USD").add(d("60")));
        assertThat(after.equity("USD", Map.of(AAPL.id(), d("120"))))
                .isEqualByComparingTo(before.equity("USD", Map.of(AAPL.id(), d("180"))));

        assertThat(outcome.events()).hasSize(2);
        SplitApplied applied = (SplitApplied) outcome.events().get(0);
        assertThat(applied.quantityBefore()).isEqualByComparingTo("101");
        assertThat(applied.quantityAfter()).isEqualByComparingTo("151");
        assertThat(applied.costBasisBefore()).isEqualByComparingTo("15150");
        assertThat(applied.costBasisAfter()).isEqualByComparingTo("15100");
        assertThat(applied.adjustedReferencePrice()).isEqualByComparingTo("120");
        CashInLieu cash = (CashInLieu) outcome.events().get(1);
        assertThat(cash.fractionalQuantity()).isEqualByComparingTo("0.5");
        assertThat(cash.amount()).isEqualByComparingTo("60");
        assertThat(cash.basisAllocated()).isEqualByComparingTo("50");
        assertThat(cash.realised()).isEqualByComparingTo("10");
        assertThat(cash.basisAllocated().add(applied.costBasisAfter())).isEqualByComparingTo(applied.costBasisBefore());
    }

    @Test
    void oneForTenReverseSplitConsolidatesAndPaysTheRemainder() {
        Account before = holding(Side.BUY, "1005", "2.00");
        CorporateOutcome outcome = apply(split(1, 10), before, List.of(), "3.00");
        Position position = outcome.books().account().position(AAPL.id()).orElseThrow();

        assertThat(position.quantity()).isEqualByComparingTo("100");
        assertThat(position.averagePrice()).isEqualByComparingTo("20.00");
        assertThat(position.costBasis()).isEqualByComparingTo("2000");
        CashInLieu cash = (CashInLieu) outcome.events().get(1);
        assertThat(cash.fractionalQuantity()).isEqualByComparingTo("0.5");
        assertThat(cash.adjustedReferencePrice()).isEqualByComparingTo("30");
        assertThat(cash.amount()).isEqualByComparingTo("15");
        assertThat(cash.basisAllocated()).isEqualByComparingTo("10");
        assertThat(outcome.books().account().cash("USD")).isEqualByComparingTo(before.cash("USD").add(d("15")));
    }

    @Test
    void aPositionSmallerThanOneNewLotGoesAllToCashAndIsLeftFlat() {
        CorporateOutcome outcome = apply(split(1, 10), holding(Side.BUY, "7", "2.00"), List.of(), "3.00");
        Position position = outcome.books().account().position(AAPL.id()).orElseThrow();
        assertThat(position.isFlat()).isTrue();
        assertThat(position.costBasis()).isZero();
        assertThat(position.realised()).isEqualByComparingTo("7"); // 0.7 × 30 − 14
        assertThat(((CashInLieu) outcome.events().get(1)).amount()).isEqualByComparingTo("21");
    }

    @Test
    void aShortRemainderIsBoughtBackInCash() {
        Account before = holding(Side.SELL, "101", "150.00");
        CorporateOutcome outcome = apply(split(3, 2), before, List.of(), "180.00");
        Position position = outcome.books().account().position(AAPL.id()).orElseThrow();
        assertThat(position.quantity()).isEqualByComparingTo("-151");
        assertThat(position.costBasis()).isEqualByComparingTo("-15100");
        assertThat(position.realised()).isEqualByComparingTo("-10");
        CashInLieu cash = (CashInLieu) outcome.events().get(1);
        assertThat(cash.fractionalQuantity()).isEqualByComparingTo("-0.5");
        assertThat(cash.amount()).isEqualByComparingTo("-60");
        assertThat(outcome.books().account().cash("USD")).isEqualByComparingTo(before.cash("USD").subtract(d("60")));
    }

    @Test
    void aRepeatingAdjustedPriceIsRoundedOnlyInTheBooksPrecision() {
        Account before = holding(Side.BUY, "100", "100.00");
        CorporateOutcome outcome = apply(split(3, 1), before, List.of(), "100.00");
        SplitApplied applied = (SplitApplied) outcome.events().get(0);
        assertThat(applied.quantityAfter()).isEqualByComparingTo("300");
        assertThat(applied.adjustedReferencePrice()).isEqualByComparingTo("33.33333333333333333333333333333333");
        assertThat(outcome.events()).hasSize(1); // no remainder, no cash in lieu
        assertThat(outcome.books().account().cash("USD")).isEqualByComparingTo(before.cash("USD"));
        assertThat(outcome.books().account().position(AAPL.id()).orElseThrow().costBasis()).isEqualByComparingTo("10000");
    }

    @Test
    void withoutAPositionNoReferencePriceIsNeededAndNothingIsBooked() {
        Account cashOnly = Account.withCash("USD", d("500"));
        CorporateOutcome outcome = apply(split(2, 1), cashOnly, List.of(), null);
        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.books().account()).isEqualTo(cashOnly);
    }

    @Test
    void aHeldPositionWithoutAReferencePriceIsAnError() {
        assertThatThrownBy(() -> apply(split(2, 1), holding(Side.BUY, "10", "5.00"), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference price");
    }

    static OrderRequest order(String id, Side side, OrderType type, String quantity, String limit, String stop) {
        return new OrderRequest(id, AAPL.id(), side, type, d(quantity), limit == null ? null : d(limit),
                stop == null ? null : d(stop), TimeInForce.GTC, false);
    }

    @Test
    void openOrdersAreRepricedAwayFromTheMarketAndRoundedDownToTheLot() {
        List<OrderRequest> orders = List.of(
                order("buy-limit", Side.BUY, OrderType.LIMIT, "101", "100.00", null),
                order("sell-limit", Side.SELL, OrderType.LIMIT, "101", "100.00", null),
                order("buy-stop", Side.BUY, OrderType.STOP, "10", null, "100.00"),
                order("sell-stop-limit", Side.SELL, OrderType.STOP_LIMIT, "10", "99.00", "100.00"),
                order("on-tick", Side.BUY, OrderType.LIMIT, "2", "150.00", null));
        CorporateOutcome outcome = apply(split(3, 2), Account.withCash("USD", d("1")), orders, null);

        List<OrderRequest> after = outcome.books().openOrders();
        assertThat(after).extracting(OrderRequest::clientOrderId)
                .containsExactly("buy-limit", "sell-limit", "buy-stop", "sell-stop-limit", "on-tick");
        assertThat(after.get(0).quantity()).isEqualByComparingTo("151");  // 151.5 rounded down
        assertThat(after.get(0).limitPrice()).isEqualByComparingTo("66.66"); // 66.666… a buy pays no more
        assertThat(after.get(1).limitPrice()).isEqualByComparingTo("66.67"); // a sell takes no less
        assertThat(after.get(2).stopPrice()).isEqualByComparingTo("66.67");  // a buy stop triggers no sooner
        assertThat(after.get(3).stopPrice()).isEqualByComparingTo("66.66");  // a sell stop triggers no sooner
        assertThat(after.get(3).limitPrice()).isEqualByComparingTo("66.00");
        assertThat(after.get(3).quantity()).isEqualByComparingTo("15");
        assertThat(after.get(4).limitPrice()).isEqualByComparingTo("100.00"); // exactly on tick: not moved
        assertThat(after.get(4).quantity()).isEqualByComparingTo("3");
        assertThat(outcome.events()).hasSize(5).allSatisfy(e -> assertThat(e).isInstanceOf(OrderAdjusted.class));
        OrderAdjusted first = (OrderAdjusted) outcome.events().get(0);
        assertThat(first.before()).isEqualTo(orders.get(0));
        assertThat(first.after()).isEqualTo(after.get(0));
    }

    @Test
    void anOrderThatRoundsToNothingIsCancelledWithAReason() {
        OrderRequest small = order("small", Side.BUY, OrderType.LIMIT, "5", "20.00", null);
        OrderRequest kept = order("kept", Side.SELL, OrderType.LIMIT, "25", "20.00", null);
        CorporateOutcome reverse = apply(split(1, 10), Account.withCash("USD", d("1")), List.of(small, kept), null);
        assertThat(reverse.books().openOrders()).extracting(OrderRequest::clientOrderId).containsExactly("kept");
        assertThat(reverse.books().openOrders().get(0).quantity()).isEqualByComparingTo("2");
        assertThat(reverse.books().openOrders().get(0).limitPrice()).isEqualByComparingTo("200.00");
        OrderCancelled cancelled = (OrderCancelled) reverse.events().get(0);
        assertThat(cancelled.order()).isEqualTo(small);
        assertThat(cancelled.reason().code()).isEqualTo("split.quantity_below_lot");

        OrderRequest penny = order("penny", Side.BUY, OrderType.LIMIT, "1", "0.01", null);
        CorporateOutcome forward = apply(split(100, 1), Account.withCash("USD", d("1")), List.of(penny), null);
        assertThat(forward.books().openOrders()).isEmpty();
        assertThat(((OrderCancelled) forward.events().get(0)).reason().code()).isEqualTo("split.price_below_tick");
    }

    @Test
    void marketOrdersChangeOnlyTheirQuantityAndOtherInstrumentsNothing() {
        OrderRequest market = OrderRequest.market("m", AAPL.id(), Side.SELL, d("9"), TimeInForce.DAY);
        OrderRequest fx = OrderRequest.limit("fx", EURUSD.id(), Side.BUY, d("1000"), d("1.08000"), TimeInForce.GTC);
        CorporateOutcome outcome = apply(split(2, 1), Account.withCash("USD", d("1")), List.of(fx, market), null);
        assertThat(outcome.books().openOrders()).containsExactly(fx,
                OrderRequest.market("m", AAPL.id(), Side.SELL, d("18"), TimeInForce.DAY));
        assertThat(outcome.events()).hasSize(1);
    }

    @Test
    void aSplitOfAnotherInstrumentsTermsIsRefused() {
        Split split = split(2, 1);
        assertThatThrownBy(() -> Splits.apply(split, EURUSD, CorporateBooks.of(Account.withCash("USD", d("1")), List.of()),
                null, AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratiosAreValidatedAndWrittenAsAnnounced() {
        assertThat(SplitRatio.of(3, 2)).hasToString("3-for-2");
        assertThat(SplitRatio.of(1, 10).isReverse()).isTrue();
        assertThat(SplitRatio.of(3, 2).isReverse()).isFalse();
        assertThatThrownBy(() -> SplitRatio.of(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SplitRatio.of(0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
