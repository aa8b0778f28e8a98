package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.account.Fill;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import io.heliox.atlas.trading.order.TradingState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.ALL;
import static io.heliox.atlas.trading.TestInstruments.XAUUSD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of submits, modifies, cancels, partial fills and mark moves on two instruments,
 * each order and modify checked in a random trading state, and only what risk allowed ever working or
 * filling. After every step: no instrument's position, nor its worst case with every working order
 * filled, exceeds its limit; gross and net exposure (worst case, at the marks) exceed their limits only
 * by mark moves, never by an order or a fill; in REDUCING no allowed order raises an instrument's
 * worst absolute position or the gross exposure; in HALTED nothing is allowed.
 */
class RiskPropertiesTest {

    private static final Instrument[] TRADED = {AAPL, XAUUSD};
    private static final BigDecimal[][] PRICES = {
            {new BigDecimal("190"), new BigDecimal("200"), new BigDecimal("210")},
            {new BigDecimal("1900"), new BigDecimal("2000"), new BigDecimal("2100")}};
    private static final RiskLimits LIMITS = RiskLimits.unlimited("USD")
            .withMaxPosition(AAPL.id(), new BigDecimal("50"))
            .withMaxPosition(XAUUSD.id(), new BigDecimal("8"))
            .withMaxGrossExposure(new BigDecimal("20000"))
            .withMaxNetExposure(new BigDecimal("12000"));
    private static final Instant T0 = Instant.parse("2026-03-04T15:00:00Z");

    sealed interface Op {
    }

    record Submit(int instrument, Side side, int quantity, int price, TradingState state) implements Op {
    }

    record Modify(int pick, int quantity, TradingState state) implements Op {
    }

    record Cancel(int pick) implements Op {
    }

    /** Fills {@code percent} of the remainder (rounded up to a whole unit) of the picked open order, at the mark. */
    record FillSome(int pick, int percent) implements Op {
    }

    record Mark(int instrument, int price) implements Op {
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        Arbitrary<TradingState> states = Arbitraries.of(TradingState.ACTIVE, TradingState.ACTIVE,
                TradingState.REDUCING, TradingState.HALTED);
        Arbitrary<Integer> instrument = Arbitraries.integers().between(0, 1);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 20);
        Arbitrary<Op> submit = net.jqwik.api.Combinators.combine(instrument, Arbitraries.of(Side.class),
                Arbitraries.integers().between(1, 30), Arbitraries.integers().between(0, 2), states).as(Submit::new);
        Arbitrary<Op> modify = net.jqwik.api.Combinators.combine(pick, Arbitraries.integers().between(1, 40), states)
                .as(Modify::new);
        Arbitrary<Op> cancel = pick.map(Cancel::new);
        Arbitrary<Op> fill = net.jqwik.api.Combinators.combine(pick, Arbitraries.integers().between(1, 100))
                .as(FillSome::new);
        Arbitrary<Op> mark = net.jqwik.api.Combinators.combine(instrument, Arbitraries.integers().between(0, 2))
                .as(Mark::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, submit), net.jqwik.api.Tuple.of(2, modify),
                net.jqwik.api.Tuple.of(1, cancel), net.jqwik.api.Tuple.of(4, fill), net.jqwik.api.Tuple.of(1, mark))
                .list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 400)
    void onlyAllowedOrdersWorkAndFill_andNoLimitIsEverBrokenByThem(@ForAll("sequences") List<Op> ops) {
        RiskEngine engine = new RiskEngine(LIMITS, ALL);
        Account account = Account.withCash("USD", new BigDecimal("1000000"));
        OpenOrders open = new OpenOrders();
        Map<InstrumentId, BigDecimal> marks = new HashMap<>();
        marks.put(AAPL.id(), PRICES[0][1]);
        marks.put(XAUUSD.id(), PRICES[1][1]);
        RateWindow submits = RateWindow.of(null);
        RateWindow modifies = RateWindow.of(null);
        int n = 0;
        for (Op op : ops) {
            Instant now = T0.plusSeconds(n);
            BigDecimal grossBefore = gross(account, open, marks);
            BigDecimal netBefore = net(account, open, marks);
            List<OpenOrder> working = new ArrayList<>(open.all());
            if (op instanceof Submit s) {
                Instrument instrument = TRADED[s.instrument()];
                OrderRequest order = OrderRequest.limit("o" + n, instrument.id(), s.side(),
                        BigDecimal.valueOf(s.quantity()), PRICES[s.instrument()][s.price()], TimeInForce.GTC);
                BigDecimal worstBefore = worst(account, open, instrument.id());
                RiskCheck check = engine.check(order, new RiskContext(now, s.state(), account, open, marks, submits,
                        modifies));
                Statistics.label("submit").collect(s.state(), check instanceof Denied d ? d.code() : "allowed");
                if (check.isAllowed()) {
                    assertThat(s.state()).as("HALTED allows nothing").isNotEqualTo(TradingState.HALTED);
                    open.add(OpenOrder.of(order));
                    if (s.state() == TradingState.REDUCING) {
                        assertThat(worst(account, open, instrument.id())).isLessThanOrEqualTo(worstBefore);
                        assertThat(gross(account, open, marks)).isLessThanOrEqualTo(grossBefore);
                    }
                }
            } else if (op instanceof Modify m && !working.isEmpty()) {
                OpenOrder order = working.get(m.pick() % working.size());
                BigDecimal quantity = order.filled().add(BigDecimal.valueOf(m.quantity()));
                BigDecimal worstBefore = worst(account, open, order.instrumentId());
                RiskCheck check = engine.checkModify(new ModifyRequest(order.orderId(), quantity, null, null),
                        new RiskContext(now, m.state(), account, open, marks, submits, modifies));
                if (check.isAllowed()) {
                    assertThat(m.state()).as("HALTED allows no modify").isNotEqualTo(TradingState.HALTED);
                    open.modify(order.orderId(), quantity, null, null);
                    if (m.state() == TradingState.REDUCING) {
                        assertThat(worst(account, open, order.instrumentId())).isLessThanOrEqualTo(worstBefore);
                    }
                }
            } else if (op instanceof Cancel c && !working.isEmpty()) {
                open.remove(working.get(c.pick() % working.size()).orderId());
            } else if (op instanceof FillSome f && !working.isEmpty()) {
                OpenOrder order = working.get(f.pick() % working.size());
                BigDecimal quantity = order.remaining().multiply(BigDecimal.valueOf(f.percent()))
                        .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.CEILING);
                open.fill(order.orderId(), quantity);
                account = account.apply(new Fill(order.orderId(), order.instrumentId(), order.side(), quantity,
                        marks.get(order.instrumentId()), BigDecimal.ZERO, "USD", now));
            } else if (op instanceof Mark m) {
                marks.put(TRADED[m.instrument()].id(), PRICES[m.instrument()][m.price()]);
            }
            for (Instrument instrument : TRADED) {
                BigDecimal max = LIMITS.maxPosition().get(instrument.id());
                assertThat(account.quantity(instrument.id()).abs()).as("position").isLessThanOrEqualTo(max);
                assertThat(worst(account, open, instrument.id())).as("worst case").isLessThanOrEqualTo(max);
            }
            if (!(op instanceof Mark)) {
                assertThat(gross(account, open, marks)).as("gross exposure after %s", op)
                        .isLessThanOrEqualTo(LIMITS.maxGrossExposure().max(grossBefore));
                assertThat(net(account, open, marks)).as("net exposure after %s", op)
                        .isLessThanOrEqualTo(LIMITS.maxNetExposure().max(netBefore));
            }
            n++;
        }
    }

    /** The worst absolute position with every working order of the instrument filled, computed from the orders. */
    private static BigDecimal worst(Account account, OpenOrders open, InstrumentId id) {
        BigDecimal position = account.quantity(id);
        BigDecimal buys = BigDecimal.ZERO;
        BigDecimal sells = BigDecimal.ZERO;
        for (OpenOrder order : open.all()) {
            if (order.instrumentId().equals(id)) {
                if (order.side() == Side.BUY) {
                    buys = buys.add(order.remaining());
                } else {
                    sells = sells.add(order.remaining());
                }
            }
        }
        return position.add(buys).abs().max(position.subtract(sells).abs());
    }

    private static BigDecimal gross(Account account, OpenOrders open, Map<InstrumentId, BigDecimal> marks) {
        BigDecimal gross = BigDecimal.ZERO;
        for (Instrument instrument : TRADED) {
            gross = gross.add(worst(account, open, instrument.id()).multiply(marks.get(instrument.id())));
        }
        return gross;
    }

    /** The largest |Σ quantity × mark| over every way the working orders may fill. */
    private static BigDecimal net(Account account, OpenOrders open, Map<InstrumentId, BigDecimal> marks) {
        BigDecimal high = BigDecimal.ZERO;
        BigDecimal low = BigDecimal.ZERO;
        for (Instrument instrument : TRADED) {
            BigDecimal position = account.quantity(instrument.id());
            BigDecimal mark = marks.get(instrument.id());
            BigDecimal buys = BigDecimal.ZERO;
            BigDecimal sells = BigDecimal.ZERO;
            for (OpenOrder order : open.all()) {
                if (order.instrumentId().equals(instrument.id())) {
                    if (order.side() == Side.BUY) {
                        buys = buys.add(order.remaining());
                    } else {
                        sells = sells.add(order.remaining());
                    }
                }
            }
            high = high.add(position.add(buys).multiply(mark));
            low = low.add(position.subtract(sells).multiply(mark));
        }
        return high.abs().max(low.abs());
    }
}
