package io.heliox.atlas.trading.venue.paper;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.account.Fill;
import io.heliox.atlas.trading.execution.ExecutionReport;
import io.heliox.atlas.trading.execution.OrderAcknowledged;
import io.heliox.atlas.trading.execution.OrderClosed;
import io.heliox.atlas.trading.execution.OrderFilled;
import io.heliox.atlas.trading.execution.OrderModified;
import io.heliox.atlas.trading.execution.OrderRejected;
import io.heliox.atlas.trading.execution.VenueOrder;
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
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.heliox.atlas.trading.TestInstruments.ALL;
import static io.heliox.atlas.trading.TestInstruments.BTCUSDT;
import static io.heliox.atlas.trading.TestInstruments.SATURDAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper venue's rules hold for random sessions: a random BTCUSDT bar path (volume sometimes 0,
 * gaps in the feed) interleaved with random submits (every type, side and time in force, sometimes
 * reduce-only, sometimes wrong: zero or off-lot quantity, off-tick price, a used client id), cancels
 * and modifies (sometimes of unknown ids) and heartbeats that move the clock (sometimes past the
 * largest price age), under both fill models with random parameters and a random latency. Every
 * report the listener hears is recorded, and the books, the lifecycle, the codes, the volume cap,
 * reduce-only, determinism, the cost direction and the end of IOC and FOK orders are checked
 * against them. Money is compared exactly (BigDecimal {@code compareTo}), with no tolerance. Each
 * session ends with a heartbeat past the acknowledgement latency, so every acknowledgement is due.
 */
class PaperVenuePropertiesTest {

    static final InstrumentId BTC = BTCUSDT.id();
    static final BigDecimal LOT = BTCUSDT.lotSize();
    static final BigDecimal TICK = BTCUSDT.tickSize();
    static final String USDT = BTCUSDT.quoteCurrency();
    static final BigDecimal INITIAL_CASH = new BigDecimal("1000000");
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Instant START = SATURDAY;
    static final Pattern CODE = Pattern.compile("[a-z_]+\\.[a-z_]+");

    // ---- a generated session: the venue's settings and the steps, resolved against the venue as it runs ----

    record Session(FillModel fills, Latency latency, Duration maxPriceAge, List<Step> steps) {
    }

    sealed interface Step permits BarStep, HeartbeatStep, SubmitStep, CancelStep, ModifyStep {
    }

    /** The next bar: after a gap in the feed, moves relative to the last close. */
    record BarStep(int gapMinutes, double openMove, double closeMove, double up, double down, double volume)
            implements Step {
    }

    record HeartbeatStep(int seconds) implements Step {
    }

    /** Prices in ticks from the last close. */
    record Ticks(int limit, int stop) {
    }

    enum Flaw { NONE, ZERO_QUANTITY, OFF_LOT, OFF_TICK, DUPLICATE_ID }

    /** {@code pick} chooses the id a duplicate reuses, and whether a reduce-only order is aimed at the position. */
    record SubmitStep(Side side, OrderType type, TimeInForce tif, boolean reduceOnly, int lots, Ticks ticks, Flaw flaw,
                      int pick) implements Step {
    }

    record CancelStep(int pick, boolean unknown) implements Step {
    }

    record ModifyStep(int pick, boolean unknown, int lots, Ticks ticks, boolean keepPrices) implements Step {
    }

    static Arbitrary<Step> barStep() {
        return Combinators.combine(
                Arbitraries.frequency(Tuple.of(8, 0), Tuple.of(1, 1), Tuple.of(1, 12)),
                Arbitraries.doubles().between(-0.02, 0.02).ofScale(5),
                Arbitraries.doubles().between(-0.03, 0.03).ofScale(5),
                Arbitraries.doubles().between(0, 0.02).ofScale(5),
                Arbitraries.doubles().between(0, 0.02).ofScale(5),
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0.0)),
                        Tuple.of(6, Arbitraries.doubles().between(0.01, 40).ofScale(3))))
                .as(BarStep::new);
    }

    static Arbitrary<Step> heartbeatStep() {
        return Arbitraries.integers().between(1, 1200).map(HeartbeatStep::new);
    }

    static Arbitrary<Integer> lots() {
        // up to 3 BTC, uniformly (a bias to small numbers would put most orders under the 5 USDT minimum notional)
        return Arbitraries.integers().between(1, 300_000).withDistribution(RandomDistribution.uniform());
    }

    static Arbitrary<Ticks> ticks() {
        return Combinators.combine(Arbitraries.integers().between(-400, 400), Arbitraries.integers().between(-400, 400))
                .as(Ticks::new);
    }

    static Arbitrary<Step> submitStep() {
        return Combinators.combine(
                Arbitraries.of(Side.class),
                Arbitraries.of(OrderType.class),
                Arbitraries.frequency(Tuple.of(4, TimeInForce.GTC), Tuple.of(2, TimeInForce.IOC),
                        Tuple.of(2, TimeInForce.FOK), Tuple.of(1, TimeInForce.DAY)),
                Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true)),
                lots(),
                ticks(),
                Arbitraries.frequency(Tuple.of(16, Flaw.NONE), Tuple.of(1, Flaw.ZERO_QUANTITY), Tuple.of(1, Flaw.OFF_LOT),
                        Tuple.of(1, Flaw.OFF_TICK), Tuple.of(1, Flaw.DUPLICATE_ID)),
                Arbitraries.integers().between(0, 1000))
                .as(SubmitStep::new);
    }

    static Arbitrary<Step> cancelStep() {
        return Combinators.combine(Arbitraries.integers().between(0, 1000),
                Arbitraries.frequency(Tuple.of(5, false), Tuple.of(1, true))).as(CancelStep::new);
    }

    static Arbitrary<Step> modifyStep() {
        return Combinators.combine(Arbitraries.integers().between(0, 1000),
                Arbitraries.frequency(Tuple.of(5, false), Tuple.of(1, true)), lots(), ticks(),
                Arbitraries.of(true, false)).as(ModifyStep::new);
    }

    static Arbitrary<List<Step>> steps() {
        return Arbitraries.frequencyOf(Tuple.of(4, barStep()), Tuple.of(1, heartbeatStep()), Tuple.of(5, submitStep()),
                Tuple.of(1, cancelStep()), Tuple.of(1, modifyStep())).list().ofMinSize(1).ofMaxSize(80)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    static Arbitrary<FillModel> engineRules() {
        return Combinators.combine(Arbitraries.doubles().between(0, 50).ofScale(2),
                        Arbitraries.doubles().between(0, 50).ofScale(2),
                        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0.0)),
                                Tuple.of(2, Arbitraries.doubles().between(0, 2).ofScale(3))),
                        Arbitraries.integers().between(1, 30))
                .as(EngineRules::new);
    }

    static Arbitrary<FillModel> realisticBars() {
        return Combinators.combine(
                        Combinators.combine(Arbitraries.bigDecimals().between(new BigDecimal("-2"), new BigDecimal("5"))
                                        .ofScale(2),
                                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10")).ofScale(2))
                                .as(FeeSchedule::new),
                        Arbitraries.doubles().between(0, 20).ofScale(2),
                        Arbitraries.doubles().between(0, 1).ofScale(3),
                        Arbitraries.doubles().between(0.01, 1).ofScale(3),
                        Arbitraries.doubles().between(0, 5).ofScale(2),
                        Arbitraries.integers().between(1, 30),
                        Arbitraries.longs())
                .as(RealisticBars::new);
    }

    static Arbitrary<Latency> latency() {
        Arbitrary<Integer> seconds = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(3, Arbitraries.integers().between(1, 150)));
        return Combinators.combine(seconds, seconds)
                .as((ack, extra) -> new Latency(Duration.ofSeconds(ack), Duration.ofSeconds(ack + extra)));
    }

    static Arbitrary<Session> sessionsWith(Arbitrary<FillModel> fills) {
        return Combinators.combine(fills, latency(), Arbitraries.integers().between(1, 10).map(Duration::ofMinutes),
                steps()).as(Session::new);
    }

    @Provide
    Arbitrary<Session> sessions() {
        return sessionsWith(Arbitraries.oneOf(engineRules(), realisticBars()));
    }

    @Provide
    Arbitrary<Session> realisticSessions() {
        return sessionsWith(realisticBars());
    }

    // ---- running a session -------------------------------------------------------------------------

    /** A submit the venue refused, and the venue just before and after it. */
    record RejectedSubmit(String clientOrderId, boolean acceptedEarlier, VenueSnapshot before, VenueSnapshot after) {
    }

    /** One session played on a fresh venue; ends with a heartbeat past the acknowledgement latency. */
    static final class Run {
        final Session session;
        final List<ExecutionReport> reports = new ArrayList<>();
        final PaperVenue venue;
        final Map<Instant, BarClosed> barsByClose = new LinkedHashMap<>();
        /** The order each id was accepted with (an id is accepted at most once). */
        final Map<String, OrderRequest> accepted = new HashMap<>();
        final List<String> ids = new ArrayList<>();
        final List<RejectedSubmit> rejectedSubmits = new ArrayList<>();
        Instant lastClose;
        double lastPrice = 100;
        int nextId;

        Run(Session session) {
            this.session = session;
            this.venue = new PaperVenue(ALL, Account.withCash(USDT, INITIAL_CASH), START,
                    new PaperVenueSettings(session.fills(), session.latency(), session.maxPriceAge()), reports::add);
            for (Step step : session.steps()) {
                play(step);
            }
            venue.onMarketData(new Heartbeat(null, venue.now().plus(session.latency().acknowledge()).plusSeconds(1)));
        }

        void play(Step step) {
            if (step instanceof BarStep b) {
                bar(b);
            } else if (step instanceof HeartbeatStep h) {
                venue.onMarketData(new Heartbeat(h.seconds() % 2 == 0 ? null : BTC, venue.now().plusSeconds(h.seconds())));
            } else if (step instanceof SubmitStep s) {
                submit(s);
            } else if (step instanceof CancelStep c) {
                venue.cancel(target(c.pick(), c.unknown()));
            } else if (step instanceof ModifyStep m) {
                modify(m);
            }
        }

        void bar(BarStep b) {
            Instant open = (lastClose == null ? START : lastClose).plus(MINUTE.multipliedBy(b.gapMinutes()));
            Instant floor = venue.now().truncatedTo(ChronoUnit.MINUTES); // a bar never closes before the venue's time
            if (open.isBefore(floor)) {
                open = floor;
            }
            double o = lastPrice * (1 + b.openMove());
            double c = o * (1 + b.closeMove());
            double h = Math.max(o, c) * (1 + b.up());
            double l = Math.min(o, c) * (1 - b.down());
            BarClosed bar = new BarClosed(BTC, new Bar(open, o, h, l, c, b.volume()), MINUTE);
            barsByClose.put(bar.time(), bar);
            lastClose = bar.time();
            lastPrice = c;
            venue.onMarketData(bar);
        }

        BigDecimal near(int ticks) {
            BigDecimal price = BigDecimal.valueOf(lastPrice).setScale(2, RoundingMode.HALF_UP)
                    .add(TICK.multiply(BigDecimal.valueOf(ticks)));
            return price.signum() > 0 ? price : TICK;
        }

        void submit(SubmitStep s) {
            Side side = s.side();
            BigDecimal quantity = LOT.multiply(BigDecimal.valueOf(s.lots()));
            BigDecimal position = venue.account().quantity(BTC);
            if (s.reduceOnly() && position.signum() != 0 && s.pick() % 4 != 0) { // mostly aimed at the position
                side = position.signum() > 0 ? Side.SELL : Side.BUY;
                quantity = quantity.min(position.abs());
            }
            String id = s.flaw() == Flaw.DUPLICATE_ID && !ids.isEmpty() ? ids.get(s.pick() % ids.size()) : "o" + ++nextId;
            BigDecimal limit = s.type().needsLimitPrice() ? near(s.ticks().limit()) : null;
            BigDecimal stop = s.type().needsStopPrice() ? near(s.ticks().stop()) : null;
            BigDecimal offTick = new BigDecimal("0.001");
            switch (s.flaw()) {
                case ZERO_QUANTITY -> quantity = BigDecimal.ZERO;
                case OFF_LOT -> quantity = quantity.add(LOT.movePointLeft(1));
                case OFF_TICK -> {
                    if (limit != null) {
                        limit = limit.add(offTick);
                    } else if (stop != null) {
                        stop = stop.add(offTick);
                    } else {
                        limit = near(0).add(offTick); // a market order with a price at all
                    }
                }
                default -> {
                }
            }
            OrderRequest order = new OrderRequest(id, BTC, side, s.type(), quantity, limit, stop, s.tif(), s.reduceOnly());
            boolean acceptedEarlier = accepted.containsKey(id);
            VenueSnapshot before = venue.snapshot();
            int from = reports.size();
            venue.submit(order);
            boolean rejected = reports.subList(from, reports.size()).stream().anyMatch(r -> r instanceof OrderRejected rj
                    && rj.clientOrderId().equals(id) && rj.request().equals("submit"));
            if (rejected) {
                rejectedSubmits.add(new RejectedSubmit(id, acceptedEarlier, before, venue.snapshot()));
            } else {
                assertThat(accepted.put(id, order)).as("client order id %s accepted twice", id).isNull();
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }

        /** Mostly an order the venue works, else any id sent so far (often done), or one never sent. */
        String target(int pick, boolean unknown) {
            if (unknown || ids.isEmpty()) {
                return "unknown-" + pick;
            }
            List<VenueOrder> open = venue.snapshot().openOrders();
            return !open.isEmpty() && pick % 4 != 0 ? open.get(pick % open.size()).clientOrderId()
                    : ids.get(pick % ids.size());
        }

        void modify(ModifyStep m) {
            String id = target(m.pick(), m.unknown());
            OrderRequest order = accepted.get(id);
            BigDecimal limit = null;
            BigDecimal stop = null;
            if (!m.keepPrices() && order != null) {
                limit = order.limitPrice() == null ? null : near(m.ticks().limit());
                stop = order.stopPrice() == null ? null : near(m.ticks().stop());
            }
            venue.modify(id, LOT.multiply(BigDecimal.valueOf(m.lots())), limit, stop);
        }

        List<OrderFilled> fills() {
            return reports.stream().filter(OrderFilled.class::isInstance).map(OrderFilled.class::cast).toList();
        }

        boolean realistic() {
            return session.fills() instanceof RealisticBars;
        }
    }

    // ---- 1. the books ------------------------------------------------------------------------------

    @Property(tries = 500)
    void theBooksAreTheInitialCashAndTheFillsExactly(@ForAll("sessions") Session session) {
        Run run = new Run(session);
        BigDecimal cash = INITIAL_CASH;
        Map<InstrumentId, BigDecimal> positions = new HashMap<>();
        for (OrderFilled filled : run.fills()) {
            Fill fill = filled.fill();
            assertThat(fill.currency()).isEqualTo(USDT);
            assertThat(fill.clientOrderId()).isEqualTo(filled.clientOrderId());
            cash = cash.subtract(fill.cashOut());
            positions.merge(fill.instrumentId(), fill.signedQuantity(), BigDecimal::add);
        }
        Account account = run.venue.account();
        assertThat(account.cash(USDT)).isEqualByComparingTo(cash);
        assertThat(account.quantity(BTC)).isEqualByComparingTo(positions.getOrDefault(BTC, BigDecimal.ZERO));
        assertThat(account.positions().keySet()).isSubsetOf(Set.of(BTC));

        VenueSnapshot snapshot = run.venue.snapshot();
        assertThat(snapshot.cash().keySet()).isEqualTo(account.cash().keySet());
        account.cash().forEach((currency, amount) -> assertThat(snapshot.cash().get(currency))
                .as("snapshot cash in %s", currency).isEqualByComparingTo(amount));
        assertThat(snapshot.positions().getOrDefault(BTC, BigDecimal.ZERO)).isEqualByComparingTo(account.quantity(BTC));
        snapshot.positions().forEach((id, quantity) -> assertThat(quantity).isEqualByComparingTo(account.quantity(id)));
    }

    // ---- 2. the lifecycle --------------------------------------------------------------------------

    @Property(tries = 500)
    void everyOrderFollowsItsLifecycle(@ForAll("sessions") Session session) {
        Run run = new Run(session);
        Set<String> acknowledged = new HashSet<>();
        Set<String> done = new HashSet<>();
        Map<String, BigDecimal> quantity = new HashMap<>();
        Map<String, BigDecimal> filled = new HashMap<>();
        run.accepted.forEach((id, order) -> quantity.put(id, order.quantity()));
        for (ExecutionReport report : run.reports) {
            String id = report.clientOrderId();
            if (done.contains(id)) {
                assertThat(report).as("after %s is done, only refusals", id).isInstanceOf(OrderRejected.class);
            }
            if (report instanceof OrderAcknowledged) {
                assertThat(acknowledged.add(id)).as("%s acknowledged once", id).isTrue();
                assertThat(run.accepted).containsKey(id);
            } else if (report instanceof OrderFilled f) {
                assertThat(acknowledged).as("%s filled only after its acknowledgement", id).contains(id);
                BigDecimal sum = filled.merge(id, f.fill().quantity(), BigDecimal::add);
                assertThat(sum).as("filled of %s within its quantity", id).isLessThanOrEqualTo(quantity.get(id));
                assertThat(f.leaves()).as("leaves of %s", id).isEqualByComparingTo(quantity.get(id).subtract(sum));
                if (f.isComplete()) {
                    done.add(id);
                }
            } else if (report instanceof OrderModified m) {
                assertThat(acknowledged).as("%s modified only after its acknowledgement", id).contains(id);
                assertThat(m.quantity()).isGreaterThan(filled.getOrDefault(id, BigDecimal.ZERO));
                quantity.put(id, m.quantity());
            } else if (report instanceof OrderClosed c) {
                assertThat(acknowledged).as("%s closed only after its acknowledgement", id).contains(id);
                assertThat(c.unfilled()).as("closed %s leaves something", id).isPositive()
                        .isEqualByComparingTo(quantity.get(id).subtract(filled.getOrDefault(id, BigDecimal.ZERO)));
                done.add(id);
            }
        }
        // at the end (every acknowledgement due), the venue works exactly the acknowledged orders not done
        VenueSnapshot snapshot = run.venue.snapshot();
        Set<String> open = snapshot.openOrders().stream().map(VenueOrder::clientOrderId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(acknowledged);
        expected.removeAll(done);
        assertThat(open).isEqualTo(expected);
        for (VenueOrder order : snapshot.openOrders()) {
            String id = order.clientOrderId();
            assertThat(order.order().quantity()).isEqualByComparingTo(quantity.get(id));
            assertThat(order.filled()).isEqualByComparingTo(filled.getOrDefault(id, BigDecimal.ZERO));
        }
        // a refused submit changes nothing, and an id never accepted never trades
        for (RejectedSubmit rejected : run.rejectedSubmits) {
            assertThat(rejected.after()).as("venue after refusing %s", rejected.clientOrderId())
                    .isEqualTo(rejected.before());
            if (!run.accepted.containsKey(rejected.clientOrderId())) {
                assertThat(run.reports).filteredOn(r -> r.clientOrderId().equals(rejected.clientOrderId()))
                        .allMatch(OrderRejected.class::isInstance);
            }
        }
    }

    // ---- 3. codes ----------------------------------------------------------------------------------

    @Property(tries = 300)
    void everyRefusalAndCloseSaysWhyInACodeAndWords(@ForAll("sessions") Session session) {
        Run run = new Run(session);
        for (ExecutionReport report : run.reports) {
            if (report instanceof OrderRejected r) {
                assertThat(r.code()).matches(CODE);
                assertThat(r.detail()).isNotBlank();
                assertThat(r.request()).isIn("submit", "modify", "cancel");
            } else if (report instanceof OrderClosed c) {
                assertThat(c.code()).matches(CODE);
                assertThat(c.detail()).isNotBlank();
            }
        }
    }

    // ---- 4. the volume cap, lots and ticks ---------------------------------------------------------

    @Property(tries = 500)
    void realisticFillsTakeNoMoreThanTheirShareOfABarInWholeLotsAndTicks(
            @ForAll("realisticSessions") Session session) {
        Run run = new Run(session);
        double share = ((RealisticBars) session.fills()).volumeShare();
        Map<Instant, BigDecimal> perBar = new HashMap<>();
        for (OrderFilled filled : run.fills()) {
            Fill fill = filled.fill();
            assertThat(run.barsByClose).as("realistic fills happen on bars").containsKey(fill.time());
            assertThat(fill.quantity().remainder(LOT)).as("%s in whole lots", fill.quantity()).isZero();
            assertThat(fill.price().remainder(TICK)).as("%s on the tick", fill.price()).isZero();
            perBar.merge(fill.time(), fill.quantity(), BigDecimal::add);
        }
        perBar.forEach((time, sum) -> {
            double volume = run.barsByClose.get(time).bar().volume();
            if (volume > 0) {
                assertThat(sum).as("traded on the bar closing %s, of volume %s", time, volume)
                        .isLessThanOrEqualTo(BigDecimal.valueOf(share * volume));
            }
        });
    }

    // ---- 5. reduce-only ----------------------------------------------------------------------------

    @Property(tries = 500)
    void aReduceOnlyFillNeverFlipsOrGrowsThePosition(@ForAll("sessions") Session session) {
        Run run = new Run(session);
        BigDecimal position = BigDecimal.ZERO;
        for (OrderFilled filled : run.fills()) {
            BigDecimal after = position.add(filled.fill().signedQuantity());
            if (run.accepted.get(filled.clientOrderId()).reduceOnly()) {
                assertThat(position.signum()).as("reduce-only %s fills a position", filled.clientOrderId())
                        .isNotZero();
                assertThat(position.signum() * after.signum()).as("%s → %s", position, after).isGreaterThanOrEqualTo(0);
                assertThat(after.abs()).isLessThan(position.abs());
            }
            position = after;
        }
    }

    // ---- 6. determinism ----------------------------------------------------------------------------

    @Property(tries = 300)
    void theSameSessionTradesTheSame(@ForAll("sessions") Session session) {
        Run first = new Run(session);
        Run second = new Run(session);
        assertThat(second.reports).isEqualTo(first.reports);
        assertThat(second.venue.snapshot()).isEqualTo(first.venue.snapshot());
    }

    // ---- 7. costs ----------------------------------------------------------------------------------

    @Property(tries = 500)
    void noFillIsBetterThanItsReference(@ForAll("sessions") Session session) {
        Run run = new Run(session);
        Map<String, OrderRequest> orders = new HashMap<>(run.accepted);
        for (ExecutionReport report : run.reports) {
            if (report instanceof OrderModified m) {
                OrderRequest was = orders.get(m.clientOrderId());
                orders.put(m.clientOrderId(), new OrderRequest(was.clientOrderId(), was.instrumentId(), was.side(),
                        was.type(), m.quantity(), m.limitPrice(), m.stopPrice(), was.timeInForce(), was.reduceOnly()));
            }
            if (!(report instanceof OrderFilled filled)) {
                continue;
            }
            assertThat(filled.slippage()).isNotNegative();
            if (!run.realistic()) {
                continue;
            }
            OrderRequest order = orders.get(filled.clientOrderId());
            boolean buy = order.side() == Side.BUY;
            BigDecimal price = filled.fill().price();
            Bar bar = run.barsByClose.get(filled.time()).bar();
            if (filled.liquidity() == Liquidity.TAKER) {
                assertThat(order.type()).isIn(OrderType.MARKET, OrderType.STOP);
                double open = bar.open();
                double reference = open;
                if (order.type() == OrderType.STOP) {
                    double stop = order.stopPrice().doubleValue();
                    reference = buy ? Math.max(open, stop) : Math.min(open, stop);
                }
                BigDecimal ref = new BigDecimal(reference);
                if (buy) {
                    assertThat(price).as("a buy at %s against %s", price, ref).isGreaterThanOrEqualTo(ref);
                } else {
                    assertThat(price).as("a sell at %s against %s", price, ref).isLessThanOrEqualTo(ref);
                }
                assertThat(filled.slippage()).isEqualByComparingTo(price.subtract(ref).abs());
            } else {
                assertThat(order.type()).isIn(OrderType.LIMIT, OrderType.STOP_LIMIT);
                assertThat(filled.slippage()).isZero();
                if (buy) {
                    assertThat(price).isLessThanOrEqualTo(order.limitPrice());
                } else {
                    assertThat(price).isGreaterThanOrEqualTo(order.limitPrice());
                }
            }
        }
    }

    // ---- 8. immediate orders -----------------------------------------------------------------------

    /**
     * An IOC or FOK order (not a stop-limit, whose chance comes only once triggered) is done, filled or
     * closed, by the end of the first bar on which it may trade: for a resting type and for a market
     * order on realistic bars, the first bar that opens at or after its activeFrom; for a market order
     * under the engine's rules, the first bar that closes at or after it.
     */
    @Property(tries = 500)
    void anImmediateOrderDoesNotOutliveItsFirstChance(@ForAll("sessions") Session session) {
        Run run = new Run(session);
        Map<String, Instant> doneAt = new HashMap<>();
        for (ExecutionReport report : run.reports) {
            if (report instanceof OrderClosed || report instanceof OrderFilled f && f.isComplete()) {
                doneAt.putIfAbsent(report.clientOrderId(), report.time());
            }
        }
        for (ExecutionReport report : run.reports) {
            if (!(report instanceof OrderAcknowledged ack)) {
                continue;
            }
            OrderRequest order = run.accepted.get(ack.clientOrderId());
            if (order.timeInForce() == TimeInForce.GTC || order.timeInForce() == TimeInForce.DAY
                    || order.type() == OrderType.STOP_LIMIT) {
                continue;
            }
            boolean byClose = order.type() == OrderType.MARKET && !run.realistic();
            run.barsByClose.values().stream()
                    .filter(bar -> byClose ? !bar.time().isBefore(ack.activeFrom())
                            : !bar.bar().openTime().isBefore(ack.activeFrom()))
                    .findFirst()
                    .ifPresent(chance -> assertThat(doneAt.get(order.clientOrderId()))
                            .as("%s %s %s, active from %s, after the bar closing %s", order.timeInForce(),
                                    order.type(), order.clientOrderId(), ack.activeFrom(), chance.time())
                            .isNotNull().isBeforeOrEqualTo(chance.time()));
        }
    }

    // ---- the generators reach what the properties are about -----------------------------------------

    /** Guards the generators: the properties above say little if the sessions stop reaching these. */
    @Property(tries = 300)
    void theSessionsReachEveryPartOfTheVenue(@ForAll("sessions") Session session) {
        Run run = new Run(session);
        List<OrderFilled> fills = run.fills();
        Set<String> closes = run.reports.stream().filter(OrderClosed.class::isInstance)
                .map(r -> ((OrderClosed) r).code()).collect(Collectors.toSet());
        Set<String> refusals = run.reports.stream().filter(OrderRejected.class::isInstance)
                .map(r -> ((OrderRejected) r).code()).collect(Collectors.toSet());
        feature("filled", !fills.isEmpty(), 30);
        feature("partly filled", fills.stream().anyMatch(f -> !f.isComplete()), 5);
        feature("maker fill", fills.stream().anyMatch(f -> f.liquidity() == Liquidity.MAKER), 10);
        feature("reduce-only fill", fills.stream().anyMatch(f -> run.accepted.get(f.clientOrderId()).reduceOnly()), 3);
        feature("modified", run.reports.stream().anyMatch(OrderModified.class::isInstance), 10);
        feature("cancelled", closes.contains("order.cancelled"), 10);
        feature("ioc.unfilled", closes.contains("ioc.unfilled"), 5);
        feature("fok.not_fillable", closes.contains("fok.not_fillable"), 2);
        feature("reduce-only cut", closes.contains("reduce_only.would_increase"), 0.5);
        feature("stale or silent", refusals.contains("marketdata.stale") || refusals.contains("marketdata.feed_silent"), 2);
        feature("bad input", refusals.contains("quantity.not_positive") || refusals.contains("quantity.not_lot_multiple")
                || refusals.contains("price.off_tick"), 10);
        feature("duplicate id", refusals.contains("client_order_id.duplicate"), 5);
    }

    static void feature(String label, boolean present, double atLeastPercent) {
        Statistics.label(label).collect(present);
        Statistics.label(label).coverage(coverage -> coverage.check(true).percentage(p -> p >= atLeastPercent));
    }
}
