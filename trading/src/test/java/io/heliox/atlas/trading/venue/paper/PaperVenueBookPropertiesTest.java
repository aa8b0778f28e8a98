package io.heliox.atlas.trading.venue.paper;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.execution.ExecutionReport;
import io.heliox.atlas.trading.execution.OrderClosed;
import io.heliox.atlas.trading.execution.OrderFilled;
import io.heliox.atlas.trading.execution.OrderRejected;
import io.heliox.atlas.trading.execution.VenueOrder;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.marketdata.DepthUpdate;
import io.heliox.atlas.trading.marketdata.Heartbeat;
import io.heliox.atlas.trading.marketdata.Trade;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import io.heliox.atlas.trading.venue.book.Liquidity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.heliox.atlas.trading.TestInstruments.ALL;
import static io.heliox.atlas.trading.TestInstruments.BTCUSDT;
import static io.heliox.atlas.trading.TestInstruments.SATURDAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper venue in book mode holds its promises for random sessions: random depth updates (a grid
 * of levels around a drifting centre, sometimes removing a level, sometimes crossing our orders),
 * market trades, heartbeats, and random submits (every type, side and time in force, sometimes
 * reduce-only), cancels and modifies, with a random latency and fees. A model in the test keeps what
 * the feed displayed per level, less what our fills took from it since, and checks every fill against
 * it as the reports arrive:
 * <ul>
 *   <li>no fill takes more than was displayed: a taker's from the level at its price, a maker's from
 *       the depth update or the trade that reached it;</li>
 *   <li>every taker fill is at a displayed level's price, no better than the touch before the call,
 *       within its limit, and one order's fills in a call walk outwards; a maker fills at its limit;</li>
 *   <li>a reduce-only fill never grows or flips the position;</li>
 *   <li>the account is the initial cash and the fills, exactly; the position the fills' sum.</li>
 * </ul>
 * The venue's clock is moved by a heartbeat before each depth update or trade, at the same time, so
 * orders whose latency ends reach the book then and a market-data call's takers are only stops.
 */
class PaperVenueBookPropertiesTest {

    static final InstrumentId BTC = BTCUSDT.id();
    static final String USDT = BTCUSDT.quoteCurrency();
    static final BigDecimal INITIAL_CASH = new BigDecimal("1000000");
    static final BigDecimal CENTRE = new BigDecimal("100.00");
    static final BigDecimal STEP = new BigDecimal("0.05"); // the levels' spacing: five ticks
    static final BigDecimal UNIT = new BigDecimal("0.1"); // quantities in tenths of a BTC: 10 USDT, above the minimum
    static final Pattern CODE = Pattern.compile("[a-z_]+\\.[a-z_]+");

    record Session(FillModel fills, Latency latency, List<Step> steps) {
    }

    sealed interface Step permits DepthStep, TradeStep, DriftStep, HeartbeatStep, SubmitStep, CancelStep, ModifyStep {
    }

    /** A level {@code steps} away from the centre, on its side (bids below, asks above; 0 or less crosses). */
    record DepthStep(Side side, int steps, int units) implements Step {
    }

    record TradeStep(int steps, int units) implements Step {
    }

    record DriftStep(int steps) implements Step {
    }

    record HeartbeatStep(int seconds) implements Step {
    }

    /** Prices in steps from the centre, towards the side's own book for a positive number. */
    record SubmitStep(Side side, OrderType type, TimeInForce tif, boolean reduceOnly, int units, int limit, int stop)
            implements Step {
    }

    record CancelStep(int pick) implements Step {
    }

    record ModifyStep(int pick, int units, int limit) implements Step {
    }

    // ---- generation ------------------------------------------------------------------------------

    static Arbitrary<Step> depthStep() {
        return Combinators.combine(Arbitraries.of(Side.class),
                Arbitraries.frequency(Tuple.of(1, -1), Tuple.of(1, 0), Tuple.of(12, 1), Tuple.of(8, 2), Tuple.of(6, 3),
                        Tuple.of(4, 4), Tuple.of(3, 5), Tuple.of(2, 6)),
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)), Tuple.of(5, Arbitraries.integers().between(1, 30))))
                .as(DepthStep::new);
    }

    static Arbitrary<Step> tradeStep() {
        return Combinators.combine(Arbitraries.integers().between(-6, 6), Arbitraries.integers().between(1, 30))
                .as(TradeStep::new);
    }

    static Arbitrary<Step> submitStep() {
        return Combinators.combine(Arbitraries.of(Side.class), Arbitraries.of(OrderType.class),
                        Arbitraries.frequency(Tuple.of(4, TimeInForce.GTC), Tuple.of(2, TimeInForce.IOC),
                                Tuple.of(2, TimeInForce.FOK), Tuple.of(1, TimeInForce.DAY)),
                        Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true)),
                        Arbitraries.integers().between(1, 60),
                        Arbitraries.integers().between(-6, 6),
                        Arbitraries.integers().between(-6, 6))
                .as(SubmitStep::new);
    }

    static Arbitrary<List<Step>> steps() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, depthStep()),
                Tuple.of(2, tradeStep()),
                Tuple.of(1, Arbitraries.integers().between(-3, 3).map(DriftStep::new)),
                Tuple.of(2, Arbitraries.integers().between(0, 3).map(HeartbeatStep::new)),
                Tuple.of(5, submitStep()),
                Tuple.of(1, Arbitraries.integers().between(0, 1000).map(CancelStep::new)),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(1, 60), Arbitraries.integers().between(-6, 6))
                        .as(ModifyStep::new)))
                .list().ofMinSize(1).ofMaxSize(100)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    static Arbitrary<FillModel> fills() {
        Arbitrary<FillModel> realistic = Combinators.combine(
                        Arbitraries.bigDecimals().between(new BigDecimal("-2"), new BigDecimal("5")).ofScale(2),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10")).ofScale(2),
                        Arbitraries.longs())
                .as((maker, taker, seed) -> new RealisticBars(new FeeSchedule(maker, taker), 2, 0.5, 0.1, 1, 20, seed));
        Arbitrary<FillModel> engine = Arbitraries.doubles().between(0, 50).ofScale(2)
                .map(fee -> new EngineRules(fee, 5, 0, 20));
        return Arbitraries.oneOf(realistic, engine);
    }

    static Arbitrary<Latency> latency() {
        Arbitrary<Integer> seconds = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(3, Arbitraries.integers().between(1, 3)));
        return Combinators.combine(seconds, seconds)
                .as((ack, extra) -> new Latency(Duration.ofSeconds(ack), Duration.ofSeconds(ack + extra)));
    }

    @Provide
    Arbitrary<Session> sessions() {
        // a few levels first, so that most sessions trade, then anything
        Arbitrary<List<Step>> steps = Combinators.combine(depthStep().list().ofMinSize(2).ofMaxSize(10), steps())
                .as((opening, rest) -> {
                    List<Step> all = new ArrayList<>(opening);
                    all.addAll(rest);
                    return all;
                });
        return Combinators.combine(fills(), latency(), steps).as(Session::new);
    }

    // ---- the model ---------------------------------------------------------------------------------

    record Level(Side side, BigDecimal price) {
    }

    /** One session played on a fresh venue, each fill checked against the displayed depth as it comes. */
    static final class Run {
        final Session session;
        final List<ExecutionReport> reports = new ArrayList<>();
        final PaperVenue venue;
        /** What the feed displayed at each level, less what our fills took from it since. */
        final Map<Level, BigDecimal> shown = new HashMap<>();
        final Map<String, OrderRequest> accepted = new LinkedHashMap<>();
        /** Each order's largest quantity: a modify may change it. */
        final Map<String, BigDecimal> largest = new HashMap<>();
        final List<OrderFilled> fills = new ArrayList<>();
        /** Each order's limit as the venue has it: as submitted, then as modified. */
        final Map<String, BigDecimal> limits = new HashMap<>();
        BigDecimal centre = CENTRE;
        /** The position the fills so far add up to. */
        BigDecimal position = BigDecimal.ZERO;
        int nextId;

        Run(Session session) {
            this.session = session;
            this.venue = new PaperVenue(ALL, Account.withCash(USDT, INITIAL_CASH), SATURDAY,
                    // long enough never to be stale here: staleness has its own example test
                    new PaperVenueSettings(session.fills(), session.latency(), Duration.ofDays(1)), reports::add);
            for (Step step : session.steps()) {
                play(step);
            }
            Instant end = venue.now().plus(session.latency().fill()).plusSeconds(1);
            call(null, null, () -> venue.onMarketData(new Heartbeat(null, end)));
        }

        BigDecimal at(int steps) {
            BigDecimal price = centre.add(STEP.multiply(BigDecimal.valueOf(steps)));
            return price.signum() > 0 ? price : STEP;
        }

        void play(Step step) {
            Instant time = venue.now().plusSeconds(1);
            if (step instanceof DepthStep d) {
                BigDecimal price = at(d.side() == Side.BUY ? -d.steps() : d.steps());
                DepthUpdate update = new DepthUpdate(BTC, d.side(), price, UNIT.multiply(BigDecimal.valueOf(d.units())), time);
                call(null, null, () -> venue.onMarketData(new Heartbeat(null, time)));
                call(update, null, () -> venue.onMarketData(update));
            } else if (step instanceof TradeStep t) {
                Trade trade = new Trade(BTC, at(t.steps()), UNIT.multiply(BigDecimal.valueOf(t.units())), time);
                call(null, null, () -> venue.onMarketData(new Heartbeat(null, time)));
                call(null, trade, () -> venue.onMarketData(trade));
            } else if (step instanceof DriftStep d) {
                centre = at(d.steps());
            } else if (step instanceof HeartbeatStep h) {
                call(null, null, () -> venue.onMarketData(new Heartbeat(null, venue.now().plusSeconds(h.seconds()))));
            } else if (step instanceof SubmitStep s) {
                submit(s);
            } else if (step instanceof CancelStep c) {
                open().ifPresent(id -> call(null, null, () -> venue.cancel(id)), c.pick());
            } else if (step instanceof ModifyStep m) {
                open().ifPresent(id -> {
                    OrderRequest order = accepted.get(id);
                    BigDecimal quantity = UNIT.multiply(BigDecimal.valueOf(m.units()));
                    BigDecimal limit = order.type().needsLimitPrice() ? towards(order.side(), m.limit()) : null;
                    largest.merge(id, quantity, BigDecimal::max);
                    BigDecimal was = limits.get(id);
                    if (limit != null) {
                        limits.put(id, limit); // before the call: a modify that crosses fills in it
                    }
                    int from = reports.size();
                    call(null, null, () -> venue.modify(id, quantity, limit, null));
                    if (reports.subList(from, reports.size()).stream().anyMatch(r -> r instanceof OrderRejected)) {
                        limits.put(id, was);
                    }
                }, m.pick());
            }
        }

        /** A price {@code steps} from the centre towards the side's own book (below for a buy). */
        BigDecimal towards(Side side, int steps) {
            return at(side == Side.BUY ? -steps : steps);
        }

        void submit(SubmitStep s) {
            Side side = s.side();
            BigDecimal quantity = UNIT.multiply(BigDecimal.valueOf(s.units()));
            BigDecimal position = venue.account().quantity(BTC);
            if (s.reduceOnly() && position.signum() != 0) { // aimed at the position, as a reduce-only order is
                side = position.signum() > 0 ? Side.SELL : Side.BUY;
                quantity = quantity.min(position.abs());
            }
            BigDecimal limit = s.type().needsLimitPrice() ? towards(side, s.limit()) : null;
            // a stop is beyond the market: above for a buy
            BigDecimal stop = s.type().needsStopPrice() ? towards(side, -Math.abs(s.stop())) : null;
            String id = "o" + ++nextId;
            limits.put(id, limit); // known before the call: it may fill in it
            OrderRequest order = new OrderRequest(id, BTC, side, s.type(), quantity, limit, stop, s.tif(), s.reduceOnly());
            accepted.put(id, order); // before the call: it may fill in it
            largest.put(id, quantity);
            int from = reports.size();
            call(null, null, () -> venue.submit(order));
            if (reports.subList(from, reports.size()).stream()
                    .anyMatch(r -> r instanceof OrderRejected rj && rj.clientOrderId().equals(id))) {
                accepted.remove(id);
            }
        }

        /** One of the orders the venue is working, chosen by {@code pick}. */
        Picker open() {
            return new Picker(venue.snapshot().openOrders().stream().map(VenueOrder::clientOrderId).toList());
        }

        /** Runs one call on the venue and checks the fills it reported against the displayed depth. */
        void call(DepthUpdate update, Trade trade, Runnable action) {
            Map<Level, BigDecimal> before = new HashMap<>(shown);
            if (update != null) {
                shown.put(new Level(update.side(), update.price()), update.quantity()); // replaces, never adds
            }
            BigDecimal makerBudget = update != null ? update.quantity() : trade != null ? trade.quantity() : null;
            BigDecimal bestBid = best(Side.BUY, before, shown);
            BigDecimal bestAsk = best(Side.SELL, before, shown);
            int from = reports.size();
            action.run();
            Map<String, BigDecimal> lastPrice = new HashMap<>();
            for (ExecutionReport report : List.copyOf(reports.subList(from, reports.size()))) {
                if (!(report instanceof OrderFilled f)) {
                    continue;
                }
                fills.add(f);
                BigDecimal signed = f.fill().side() == Side.BUY ? f.fill().quantity() : f.fill().quantity().negate();
                BigDecimal after = position.add(signed);
                if (accepted.containsKey(f.clientOrderId()) && accepted.get(f.clientOrderId()).reduceOnly()) {
                    assertThat(after.abs()).as("a reduce-only fill grows the position: %s", f)
                            .isLessThan(position.abs());
                    assertThat(after.signum() * position.signum()).as("a reduce-only fill flips the position: %s", f)
                            .isGreaterThanOrEqualTo(0);
                }
                position = after;
                OrderRequest order = accepted.get(f.clientOrderId());
                assertThat(order).as("a fill of an order the venue took: %s", f).isNotNull();
                BigDecimal price = f.fill().price();
                BigDecimal quantity = f.fill().quantity();
                boolean buy = f.fill().side() == Side.BUY;
                if (f.liquidity() == Liquidity.MAKER) {
                    assertThat(makerBudget).as("a maker fill only when the market comes: %s", f).isNotNull();
                    makerBudget = makerBudget.subtract(quantity);
                    assertThat(makerBudget.signum()).as("maker fills beyond what the market brought: %s", f)
                            .isGreaterThanOrEqualTo(0);
                    if (update != null) {
                        Level level = new Level(update.side(), update.price());
                        shown.put(level, shown.get(level).subtract(quantity));
                    }
                    assertThat(price).as("a maker fills at its own limit").isEqualByComparingTo(currentLimit(f));
                } else {
                    Level level = new Level(buy ? Side.SELL : Side.BUY, price);
                    BigDecimal left = shown.getOrDefault(level, BigDecimal.ZERO).subtract(quantity);
                    assertThat(left.signum()).as("%s takes more than %s displayed at %s (%s)", f.clientOrderId(),
                            shown.get(level), level, f).isGreaterThanOrEqualTo(0);
                    shown.put(level, left);
                    BigDecimal touch = buy ? bestAsk : bestBid;
                    assertThat(touch).as("a taker fill with nothing displayed: %s", f).isNotNull();
                    assertThat(buy ? price.compareTo(touch) >= 0 : price.compareTo(touch) <= 0)
                            .as("a taker fill better than the touch %s: %s", touch, f).isTrue();
                    if (order.type().needsLimitPrice()) {
                        BigDecimal limit = currentLimit(f);
                        assertThat(buy ? price.compareTo(limit) <= 0 : price.compareTo(limit) >= 0)
                                .as("a fill through its limit %s: %s", limit, f).isTrue();
                    }
                    BigDecimal previous = lastPrice.put(f.clientOrderId(), price);
                    if (previous != null) {
                        assertThat(buy ? price.compareTo(previous) >= 0 : price.compareTo(previous) <= 0)
                                .as("a walk goes outwards: %s after %s", price, previous).isTrue();
                    }
                }
            }
        }

        /** The order's limit as the venue last had it (a modify may have moved it). */
        BigDecimal currentLimit(OrderFilled f) {
            return limits.get(f.clientOrderId());
        }

        /** The best displayed price of a side in either state: a bound no taker may beat. */
        static BigDecimal best(Side side, Map<Level, BigDecimal> a, Map<Level, BigDecimal> b) {
            BigDecimal best = null;
            for (Map<Level, BigDecimal> m : List.of(a, b)) {
                for (Map.Entry<Level, BigDecimal> e : m.entrySet()) {
                    if (e.getKey().side() != side || e.getValue().signum() <= 0) {
                        continue;
                    }
                    BigDecimal p = e.getKey().price();
                    if (best == null || (side == Side.BUY ? p.compareTo(best) > 0 : p.compareTo(best) < 0)) {
                        best = p;
                    }
                }
            }
            return best;
        }
    }

    /** Picks one of some ids, or nothing when there are none. */
    record Picker(List<String> ids) {
        void ifPresent(java.util.function.Consumer<String> action, int pick) {
            if (!ids.isEmpty()) {
                action.accept(ids.get(pick % ids.size()));
            }
        }
    }

    // ---- properties --------------------------------------------------------------------------------

    @Property(tries = 500)
    void fillsTakeNoMoreThanDisplayedAtDisplayedPricesAndTheBooksReconcile(@ForAll("sessions") Session session) {
        Run run = new Run(session); // the per-fill checks run as the session plays

        FeeSchedule fees = session.fills() instanceof RealisticBars realistic ? realistic.fees()
                : new FeeSchedule(BigDecimal.valueOf(((EngineRules) session.fills()).feeBps()),
                BigDecimal.valueOf(((EngineRules) session.fills()).feeBps()));
        BigDecimal cash = INITIAL_CASH;
        BigDecimal position = BigDecimal.ZERO;
        Map<String, BigDecimal> filled = new HashMap<>();
        for (OrderFilled f : run.fills) {
            BigDecimal q = f.fill().quantity();
            BigDecimal signed = f.fill().side() == Side.BUY ? q : q.negate();
            assertThat(f.fill().fee()).as("the fee of %s", f).isEqualByComparingTo(fees.fee(q, f.fill().price(),
                    f.liquidity()));
            cash = cash.subtract(signed.multiply(f.fill().price())).subtract(f.fill().fee());
            position = position.add(signed);
            filled.merge(f.clientOrderId(), q, BigDecimal::add);
        }
        assertThat(run.venue.account().cash(USDT)).isEqualByComparingTo(cash);
        assertThat(run.venue.account().quantity(BTC)).isEqualByComparingTo(position);
        assertThat(run.venue.snapshot().positions().getOrDefault(BTC, BigDecimal.ZERO)).isEqualByComparingTo(position);
        filled.forEach((id, q) -> assertThat(q).as("%s filled beyond its quantity", id)
                .isLessThanOrEqualTo(run.largest.get(id)));

        // every accepted order is still working, filled in full, or closed with a reason
        List<String> open = run.venue.snapshot().openOrders().stream().map(VenueOrder::clientOrderId).toList();
        for (String id : run.accepted.keySet()) {
            boolean complete = run.fills.stream().anyMatch(f -> f.clientOrderId().equals(id) && f.isComplete());
            List<OrderClosed> closed = run.reports.stream().filter(r -> r instanceof OrderClosed c
                    && c.clientOrderId().equals(id)).map(OrderClosed.class::cast).toList();
            assertThat((open.contains(id) ? 1 : 0) + (complete ? 1 : 0) + closed.size())
                    .as("%s: working, filled or closed, exactly one", id).isEqualTo(1);
            closed.forEach(c -> {
                assertThat(c.code()).matches(CODE);
                assertThat(c.detail()).isNotBlank();
            });
        }

        Statistics.label("book fills").collect(run.fills.stream().anyMatch(f -> f.liquidity() == Liquidity.TAKER)
                ? "taker" : "none", run.fills.stream().anyMatch(f -> f.liquidity() == Liquidity.MAKER) ? "maker" : "none");
    }
}
