package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.account.Fill;
import io.heliox.atlas.trading.account.Position;
import io.heliox.atlas.trading.instrument.AssetClass;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splits and dividends keep the books whole, for random positions (built from several fills, long and
 * short), costs, reference prices and ratios, on a share and on a stock traded in lots of 10 (so
 * remainders are common).
 */
class CorporateActionPropertiesTest {

    static final Instrument SHARE = new Instrument(InstrumentId.parse("AAPL.XNAS"), AssetClass.EQUITY,
            new BigDecimal("0.01"), BigDecimal.ONE, BigDecimal.ONE, "USD", new BigDecimal("0.5"));
    static final Instrument LOTS_OF_TEN = new Instrument(InstrumentId.parse("SONY.XTKS"), AssetClass.EQUITY,
            new BigDecimal("0.01"), BigDecimal.TEN, BigDecimal.ZERO, "USD", BigDecimal.ONE);
    static final Instant AT = Instant.parse("2026-03-06T21:00:00Z");
    /** The books' rounding leaves at most this much on a repeating ratio; a cent is 10^18 times more. */
    static final BigDecimal ROUNDING_TOLERANCE = new BigDecimal("1E-20");

    @Provide
    Arbitrary<Instrument> instrument() {
        return Arbitraries.of(SHARE, LOTS_OF_TEN);
    }

    @Provide
    Arbitrary<SplitRatio> ratio() {
        return Arbitraries.longs().between(1, 20).tuple2().filter(t -> !t.get1().equals(t.get2()))
                .map(t -> SplitRatio.of(t.get1(), t.get2()));
    }

    @Provide
    Arbitrary<BigDecimal> price() {
        return Arbitraries.longs().between(1, 500_000).map(cents -> BigDecimal.valueOf(cents, 2));
    }

    @Provide
    Arbitrary<List<BigDecimal>> costs() {
        return price().list().ofMinSize(1).ofMaxSize(3);
    }

    /** One to three fills on one side, each a whole number of lots: a position with an uneven average price. */
    static Account holding(Instrument instrument, Side side, List<Integer> lots, List<BigDecimal> prices) {
        Account account = Account.withCash("USD", new BigDecimal("250000.00"));
        for (int i = 0; i < lots.size(); i++) {
            account = account.apply(new Fill("c" + i, instrument.id(), side,
                    instrument.lotSize().multiply(BigDecimal.valueOf(lots.get(i))), prices.get(i % prices.size()),
                    BigDecimal.ZERO, "USD", AT));
        }
        return account;
    }

    @Property(tries = 500)
    void aSplitNeverChangesEquityAtTheReferencePriceAndKeepsTheCostBasis(
            @ForAll("instrument") Instrument instrument, @ForAll Side side, @ForAll("ratio") SplitRatio ratio,
            @ForAll("price") BigDecimal reference,
            @ForAll @net.jqwik.api.constraints.Size(min = 1, max = 3) List<@IntRange(min = 1, max = 700) Integer> lots,
            @ForAll("costs") List<BigDecimal> costs) {
        Account before = holding(instrument, side, lots, costs);
        Position held = before.position(instrument.id()).orElseThrow();
        Split split = new Split("s", instrument.id(), ratio, LocalDate.of(2026, 3, 9));
        CorporateOutcome outcome = Splits.apply(split, instrument, CorporateBooks.of(before, List.of()), reference, AT);
        Account after = outcome.books().account();
        Position converted = after.position(instrument.id()).orElseThrow();
        SplitApplied applied = (SplitApplied) outcome.events().get(0);

        BigDecimal equityBefore = before.equity("USD", Map.of(instrument.id(), reference));
        BigDecimal equityAfter = after.equity("USD", Map.of(instrument.id(), applied.adjustedReferencePrice()));
        assertThat(equityAfter.subtract(equityBefore).abs()).isLessThanOrEqualTo(ROUNDING_TOLERANCE);
        assertThat(equityAfter.setScale(2, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo(equityBefore.setScale(2, RoundingMode.HALF_EVEN));

        BigDecimal allocated = outcome.events().stream().filter(CashInLieu.class::isInstance)
                .map(e -> ((CashInLieu) e).basisAllocated()).findFirst().orElse(BigDecimal.ZERO);
        assertThat(converted.costBasis().add(allocated)).isEqualByComparingTo(held.costBasis()); // exactly
        // the whole lots: a lot multiple, on the position's side, less than one lot short of quantity × ratio
        BigDecimal exact = held.quantity().multiply(ratio.numerator());
        BigDecimal shortfall = exact.subtract(converted.quantity().multiply(ratio.denominator())).abs();
        assertThat(instrument.isLotMultiple(converted.quantity())).isTrue();
        assertThat(converted.quantity().signum()).isIn(0, held.quantity().signum());
        assertThat(shortfall).isLessThan(instrument.lotSize().multiply(ratio.denominator()));
        // what the holder has earned so far does not move either: realised + unrealised at the reference
        BigDecimal pnlBefore = held.realised().add(held.unrealised(reference));
        BigDecimal pnlAfter = converted.realised().add(converted.unrealised(applied.adjustedReferencePrice()));
        assertThat(pnlAfter.subtract(pnlBefore).abs()).isLessThanOrEqualTo(ROUNDING_TOLERANCE);
        if (!converted.isFlat()) { // the average price is divided by the ratio
            BigDecimal expected = held.averagePrice().multiply(ratio.denominator())
                    .divide(ratio.numerator(), Position.ROUNDING);
            assertThat(converted.averagePrice().subtract(expected).abs()).isLessThanOrEqualTo(ROUNDING_TOLERANCE);
        }
    }

    @Property(tries = 500)
    void aDividendMovesEquityByExactlyQuantityTimesAmount(
            @ForAll Side side, @ForAll @IntRange(min = 1, max = 100_000) int shares,
            @ForAll @IntRange(min = 1, max = 50_000) int amountInTenThousandths, @ForAll("price") BigDecimal mark) {
        Account before = holding(SHARE, side, List.of(shares), List.of(new BigDecimal("42.17")));
        BigDecimal amount = BigDecimal.valueOf(amountInTenThousandths, 4);
        CashDividend dividend = new CashDividend("d", SHARE.id(), amount, LocalDate.of(2026, 3, 9),
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 20));
        CorporateOutcome entitled = Dividends.entitle(dividend, CorporateBooks.of(before, List.of()), AT);
        CorporateOutcome paid = Dividends.pay(dividend, entitled.books(), AT.plusSeconds(86_400 * 14));

        Map<InstrumentId, BigDecimal> marks = Map.of(SHARE.id(), mark);
        BigDecimal change = paid.books().account().equity("USD", marks).subtract(before.equity("USD", marks));
        assertThat(change).isEqualByComparingTo(side.signed(BigDecimal.valueOf(shares)).multiply(amount));
        assertThat(entitled.books().account()).isEqualTo(before); // the entitlement alone moves nothing
        assertThat(paid.books().pendingDividends()).isEmpty();
    }

    @Property(tries = 500)
    void aSplitNeverMakesAnOrderMoreAggressiveNorLarger(
            @ForAll Side side, @ForAll("ratio") SplitRatio ratio, @ForAll("price") BigDecimal limit,
            @ForAll("price") BigDecimal stop, @ForAll @IntRange(min = 1, max = 5_000) int quantity) {
        OrderRequest order = new OrderRequest("o", SHARE.id(), side, OrderType.STOP_LIMIT, BigDecimal.valueOf(quantity),
                limit, stop, TimeInForce.GTC, false);
        Split split = new Split("s", SHARE.id(), ratio, LocalDate.of(2026, 3, 9));
        CorporateOutcome outcome = Splits.apply(split, SHARE, CorporateBooks.of(Account.withCash("USD", BigDecimal.ONE),
                List.of(order)), null, AT);
        CorporateActionEvent event = outcome.events().get(0);
        if (event instanceof OrderCancelled cancelled) {
            assertThat(outcome.books().openOrders()).isEmpty();
            assertThat(cancelled.order()).isEqualTo(order);
            return;
        }
        OrderRequest after = ((OrderAdjusted) event).after();
        BigDecimal n = ratio.numerator();
        BigDecimal o = ratio.denominator();
        // compare after × new against before × old: no division, no rounding in the check itself
        assertThat(after.quantity().multiply(o)).isLessThanOrEqualTo(order.quantity().multiply(n));
        assertThat(after.quantity().add(BigDecimal.ONE).multiply(o)).isGreaterThan(order.quantity().multiply(n));
        int limitSide = after.limitPrice().multiply(n).compareTo(limit.multiply(o));
        int stopSide = after.stopPrice().multiply(n).compareTo(stop.multiply(o));
        if (side == Side.BUY) {
            assertThat(limitSide).isLessThanOrEqualTo(0);    // pays no more
            assertThat(stopSide).isGreaterThanOrEqualTo(0);  // triggers no lower
        } else {
            assertThat(limitSide).isGreaterThanOrEqualTo(0);
            assertThat(stopSide).isLessThanOrEqualTo(0);
        }
        // and by less than a tick: the order stays where its owner put it
        BigDecimal tick = SHARE.tickSize();
        assertThat(after.limitPrice().multiply(n).subtract(limit.multiply(o)).abs()).isLessThan(tick.multiply(n));
        assertThat(after.stopPrice().multiply(n).subtract(stop.multiply(o)).abs()).isLessThan(tick.multiply(n));
    }
}
