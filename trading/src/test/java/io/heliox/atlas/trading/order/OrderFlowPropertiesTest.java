package io.heliox.atlas.trading.order;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.account.Fill;
import io.heliox.atlas.trading.calendar.TradingCalendars;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.ALL;
import static io.heliox.atlas.trading.TestInstruments.BTCUSDT;
import static io.heliox.atlas.trading.TestInstruments.EURUSD;
import static io.heliox.atlas.trading.TestInstruments.SATURDAY;
import static io.heliox.atlas.trading.TestInstruments.WEDNESDAY_MORNING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random order sequences, good and bad mixed (bad quantities, prices off tick or missing, unknown
 * instruments, repeated client order ids, halted and reducing states, closed markets), through the
 * validator and a venue that fills every accepted order that is active now at its own price: a
 * rejected order never changes the account, and the books still reconcile with the fills.
 */
class OrderFlowPropertiesTest {

    private static final Map<InstrumentId, BigDecimal> LAST = Map.of(AAPL.id(), new BigDecimal("150.00"),
            EURUSD.id(), new BigDecimal("1.10000"), BTCUSDT.id(), new BigDecimal("60000.00"));
    private static final InstrumentId UNKNOWN = InstrumentId.parse("TSLA.XNAS");

    record Step(OrderRequest order, TradingState state, Instant at) {
    }

    /** Mostly well-formed orders (so fills happen, positions grow, reduce and flip), a quarter of anything. */
    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<OrderRequest> orders = Arbitraries.frequencyOf(
                Tuple.of(3, wellFormed()),
                Tuple.of(1, anything()));
        Arbitrary<TradingState> states = Arbitraries.of(TradingState.ACTIVE, TradingState.ACTIVE, TradingState.ACTIVE,
                TradingState.REDUCING, TradingState.HALTED);
        Arbitrary<Instant> times = Arbitraries.of(WEDNESDAY_MORNING, WEDNESDAY_MORNING, SATURDAY);
        return Combinators.combine(orders, states, times).as(Step::new).list().ofMaxSize(60);
    }

    /** Whole lots, prices on tick near the last price, the prices each type takes; ids rarely repeat. */
    private static Arbitrary<OrderRequest> wellFormed() {
        return Arbitraries.of(AAPL, EURUSD, BTCUSDT).flatMap(instrument -> {
            Arbitrary<BigDecimal> price = Arbitraries.integers().between(-50, 50).map(ticks ->
                    LAST.get(instrument.id()).add(instrument.tickSize().multiply(BigDecimal.valueOf(ticks))));
            Arbitrary<BigDecimal> quantity = Arbitraries.integers().between(1, 20).map(lots -> {
                BigDecimal lot = instrument == BTCUSDT ? new BigDecimal("0.001") : instrument.lotSize();
                return lot.multiply(BigDecimal.valueOf(lots));
            });
            return Combinators.combine(Arbitraries.integers().between(0, 100_000).map(i -> "w" + i),
                            Arbitraries.of(Side.class), Arbitraries.of(OrderType.class), quantity, price, price,
                            Arbitraries.of(TimeInForce.class), Arbitraries.integers().between(0, 4))
                    .as((id, side, type, qty, limit, stop, tif, roll) -> new OrderRequest(id, instrument.id(), side,
                            type, qty, type.needsLimitPrice() ? limit : null, type.needsStopPrice() ? stop : null, tif,
                            roll == 0));
        });
    }

    /** Any combination: bad quantities, prices off tick, missing or unexpected, unknown instruments, repeated ids. */
    private static Arbitrary<OrderRequest> anything() {
        Arbitrary<InstrumentId> ids = Arbitraries.of(AAPL.id(), EURUSD.id(), BTCUSDT.id(), UNKNOWN);
        Arbitrary<String> clientIds = Arbitraries.integers().between(0, 40).map(i -> "c" + i);
        Arbitrary<BigDecimal> quantities = Arbitraries.of("0", "-1", "1", "3", "10", "0.5", "500", "1000", "1500",
                "3000", "0.00001", "0.00005", "0.001", "0.0015").map(BigDecimal::new);
        Arbitrary<BigDecimal> prices = Arbitraries.of("150.00", "150.005", "149.50", "1.10000", "1.100005",
                "60000.00", "60000.001", "0").map(BigDecimal::new).injectNull(0.3);
        return Combinators.combine(clientIds, ids, Arbitraries.of(Side.class), Arbitraries.of(OrderType.class),
                        quantities, prices, prices, Arbitraries.of(TimeInForce.class))
                .as((id, instrument, side, type, qty, limit, stop, tif) ->
                        new OrderRequest(id, instrument, side, type, qty, limit, stop, tif, false))
                .flatMap(order -> Arbitraries.of(false, true).map(order::withReduceOnly));
    }

    @Property(tries = 300)
    void rejectedOrdersNeverTouchTheBooks(@ForAll("steps") List<Step> steps) {
        OrderValidator validator = new OrderValidator(ALL);
        Account account = new Account(Map.of("USD", new BigDecimal("1000000"), "USDT", new BigDecimal("1000000")),
                Map.of());
        Set<String> seen = new HashSet<>();
        List<Fill> fills = new ArrayList<>();
        int rejected = 0;
        for (Step step : steps) {
            OrderRequest order = step.order();
            BigDecimal position = account.quantity(order.instrumentId());
            OrderContext context = new OrderContext(step.at(), step.state(), position, Set.copyOf(seen),
                    LAST.get(order.instrumentId()));
            Account before = account;
            OrderCheck check = validator.check(order, context);
            assertThat(validator.check(order, context)).isEqualTo(check); // pure: the same answer twice
            boolean duplicate = seen.contains(order.clientOrderId());
            seen.add(order.clientOrderId());
            if (check instanceof OrderReject reject) {
                rejected++;
                Statistics.label("outcome").collect(reject.code());
                assertThat(reject.clientOrderId()).isEqualTo(order.clientOrderId());
                if (duplicate) {
                    assertThat(reject.reason()).isEqualTo(RejectReason.CLIENT_ORDER_ID_DUPLICATE);
                }
            } else {
                OrderAccepted accepted = (OrderAccepted) check;
                assertThat(duplicate).isFalse();
                assertAcceptable(accepted, step, position);
                if (!accepted.heldUntilOpen()) {
                    Fill fill = fillOf(accepted);
                    fills.add(fill);
                    Statistics.label("outcome").collect(order.reduceOnly() ? "filled reduce-only" : "filled");
                    account = account.apply(fill);
                    if (order.reduceOnly() || step.state() == TradingState.REDUCING) {
                        BigDecimal after = account.quantity(order.instrumentId());
                        assertThat(after.abs()).isLessThan(position.abs());
                        assertThat(after.signum() * position.signum()).isNotNegative();
                    }
                }
            }
            if (!check.isAccepted()) {
                assertThat(account).isSameAs(before).isEqualTo(before);
            }
        }
        // the books are the fills of accepted orders and nothing else
        Account replayed = new Account(Map.of("USD", new BigDecimal("1000000"), "USDT", new BigDecimal("1000000")),
                Map.of());
        for (Fill fill : fills) {
            replayed = replayed.apply(fill);
        }
        assertThat(account).isEqualTo(replayed);
        assertThat(rejected + fills.size()).isLessThanOrEqualTo(steps.size());
        // the generator must keep reaching the venue, not only the rejects
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("filled").percentage(p -> p > 5);
            coverage.check("filled reduce-only").count(n -> n > 0);
        });
    }

    private static void assertAcceptable(OrderAccepted accepted, Step step, BigDecimal position) {
        OrderRequest order = accepted.request();
        Instrument instrument = accepted.instrument();
        assertThat(ALL.find(order.instrumentId())).contains(instrument);
        assertThat(step.state()).isNotEqualTo(TradingState.HALTED);
        assertThat(order.quantity().signum()).isPositive();
        assertThat(instrument.isLotMultiple(order.quantity())).isTrue();
        for (BigDecimal price : new BigDecimal[]{order.limitPrice(), order.stopPrice()}) {
            if (price != null) {
                assertThat(instrument.isOnTick(price)).isTrue();
                assertThat(price.signum()).isPositive();
            }
        }
        assertThat(order.limitPrice() != null).isEqualTo(order.type().needsLimitPrice());
        assertThat(order.stopPrice() != null).isEqualTo(order.type().needsStopPrice());
        if (!TradingCalendars.forAssetClass(instrument.assetClass()).isOpen(step.at())) {
            assertThat(order.type()).isNotEqualTo(OrderType.MARKET);
            assertThat(order.timeInForce()).isEqualTo(TimeInForce.GTC);
            assertThat(accepted.heldUntilOpen()).isTrue();
        }
        if (order.reduceOnly()) {
            assertThat(OrderValidator.reduces(order, position)).isTrue();
        }
    }

    /** The test venue: fills in full at the order's own price (limit, else stop, else last), a fee of 1 cent. */
    private static Fill fillOf(OrderAccepted accepted) {
        OrderRequest order = accepted.request();
        BigDecimal price = order.limitPrice() != null ? order.limitPrice()
                : order.stopPrice() != null ? order.stopPrice() : LAST.get(order.instrumentId());
        return new Fill(order.clientOrderId(), order.instrumentId(), order.side(), order.quantity(), price,
                new BigDecimal("0.01"), accepted.instrument().quoteCurrency(), accepted.activeFrom());
    }
}
