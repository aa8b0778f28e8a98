package io.heliox.atlas.trading.venue.book;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of depth updates, trades, submits of every type and time in force, cancels and
 * modifies (some of unknown or finished orders, some ids repeated), on a narrow price grid so that
 * orders, depth and trades keep meeting. After every call: no fill worse than its order's limit, an
 * order's fills sum to its filled quantity and never exceed its quantity, remaining = quantity −
 * filled, an order that ended short says why once, the book is never crossed, queues are first come
 * first served and makers fill in queue order; the same sequence replayed gives the same events.
 */
class MatchingEnginePropertiesTest {

    private static final InstrumentId ID = AAPL.id();

    /**
     * One call. Orders are named by the runner: a submit gets a new id ({@code o<n>}) unless it reuses
     * an earlier one on purpose; cancels and modifies pick among the ids submitted so far, or an
     * unknown one. The picks are numbers in the op, so a replay names the same orders.
     */
    sealed interface Op {
        BookResult apply(MatchingEngine engine, List<String> submitted);
    }

    record Depth(Side side, BigDecimal price, BigDecimal quantity) implements Op {
        public BookResult apply(MatchingEngine engine, List<String> submitted) {
            return engine.applyDepth(side, price, quantity);
        }
    }

    record Trade(BigDecimal price, BigDecimal quantity) implements Op {
        public BookResult apply(MatchingEngine engine, List<String> submitted) {
            return engine.onTrade(price, quantity);
        }
    }

    /** {@code reuse}: null for a new id, else pick an id already submitted (a duplicate). */
    record Submit(OrderRequest order, Integer reuse) implements Op {
        public BookResult apply(MatchingEngine engine, List<String> submitted) {
            String id = reuse == null || submitted.isEmpty() ? "o" + submitted.size()
                    : submitted.get(reuse % submitted.size());
            if (!submitted.contains(id)) {
                submitted.add(id);
            }
            OrderRequest o = order;
            return engine.submit(new OrderRequest(id, o.instrumentId(), o.side(), o.type(), o.quantity(),
                    o.limitPrice(), o.stopPrice(), o.timeInForce(), o.reduceOnly()));
        }
    }

    /** {@code pick}: negative for an unknown id, else which submitted id (newest first, as traders cancel). */
    record Cancel(int pick) implements Op {
        public BookResult apply(MatchingEngine engine, List<String> submitted) {
            return engine.cancel(target(pick, submitted));
        }
    }

    record Modify(int pick, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice) implements Op {
        public BookResult apply(MatchingEngine engine, List<String> submitted) {
            return engine.modify(target(pick, submitted), quantity, limitPrice, stopPrice);
        }
    }

    private static String target(int pick, List<String> submitted) {
        if (pick < 0 || submitted.isEmpty()) {
            return "unknown" + pick;
        }
        return submitted.get(submitted.size() - 1 - pick % submitted.size());
    }

    /** 95.00 to 105.00 in steps of 0.50: 21 prices, so levels are shared often. */
    private static Arbitrary<BigDecimal> prices() {
        return Arbitraries.integers().between(190, 210).map(i -> BigDecimal.valueOf(i * 50L, 2));
    }

    private static Arbitrary<BigDecimal> quantities(int min, int max) {
        return Arbitraries.integers().between(min, max).map(BigDecimal::valueOf);
    }

    /** Mostly the newest few orders, sometimes any, sometimes an unknown one. */
    private static Arbitrary<Integer> picks() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(0, 3)),
                Tuple.of(3, Arbitraries.integers().between(0, 80)), Tuple.of(1, Arbitraries.just(-1)));
    }

    private static Arbitrary<Op> submits() {
        return Combinators.combine(Arbitraries.of(Side.class), Arbitraries.of(OrderType.class), quantities(1, 15),
                        prices(), prices(), Arbitraries.of(TimeInForce.class),
                        Arbitraries.integers().between(0, 80).injectNull(0.95))
                .as((side, type, qty, limit, stop, tif, reuse) -> new Submit(new OrderRequest("?", ID, side, type,
                        qty, type.needsLimitPrice() ? limit : null, type.needsStopPrice() ? stop : null, tif, false),
                        reuse));
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> depth = Combinators.combine(Arbitraries.of(Side.class), prices(),
                Arbitraries.frequencyOf(Tuple.of(1, quantities(0, 0)), Tuple.of(4, quantities(1, 20))))
                .as(Depth::new);
        Arbitrary<Op> trade = Combinators.combine(prices(), quantities(1, 20)).as(Trade::new);
        Arbitrary<Op> cancel = picks().map(Cancel::new);
        Arbitrary<Op> modify = Combinators.combine(picks(), quantities(1, 20), prices().injectNull(0.4),
                prices().injectNull(0.7)).as(Modify::new);
        return Arbitraries.frequencyOf(Tuple.of(4, depth), Tuple.of(2, trade), Tuple.of(4, submits()),
                Tuple.of(1, cancel), Tuple.of(2, modify)).list().ofMaxSize(80);
    }

    @Property(tries = 400)
    void invariantsHoldAfterEveryCall(@ForAll("ops") List<Op> ops) {
        MatchingEngine engine = new MatchingEngine(ID);
        Map<String, BigDecimal> filled = new HashMap<>();
        Map<String, Integer> endings = new HashMap<>();
        List<BookEvent> all = new ArrayList<>();
        List<String> submitted = new ArrayList<>();
        for (Op op : ops) {
            Map<BigDecimal, List<BookOrder>> queuesBefore = queues(engine);
            BookResult result = op.apply(engine, submitted);
            all.addAll(result.events());
            for (BookEvent event : result.events()) {
                Statistics.label("event").collect(event.getClass().getSimpleName());
                if (event instanceof BookFill fill) {
                    Statistics.label("liquidity").collect(fill.liquidity());
                    filled.merge(fill.orderId(), fill.quantity(), BigDecimal::add);
                    assertWithinLimit(engine.order(fill.orderId()).orElseThrow(), fill);
                } else if (event instanceof Unfilled unfilled) {
                    endings.merge(unfilled.orderId(), 1, Integer::sum);
                    assertThat(unfilled.quantity().signum()).isPositive();
                } else if (event instanceof BookReject reject) {
                    Statistics.label("reject").collect(reject.code());
                } else if (event instanceof Modified modified) {
                    Statistics.label("modify").collect(modified.keptPriority() ? "kept priority" : "replaced");
                }
            }
            assertMakersInQueueOrder(result, queuesBefore);
            assertNotCrossed(engine.book());
            assertQueuesFirstComeFirstServed(engine);
            assertOrders(submitted, engine, filled, endings);
        }
        // deterministic: the same calls again give byte-identical events
        MatchingEngine again = new MatchingEngine(ID);
        List<BookEvent> replayed = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Op op : ops) {
            replayed.addAll(op.apply(again, names).events());
        }
        assertThat(replayed.toString()).isEqualTo(all.toString());
        assertThat(fills(replayed).toString()).isEqualTo(fills(all).toString());
        Statistics.label("liquidity").coverage(coverage -> {
            coverage.check(Liquidity.MAKER).count(n -> n > 0);
            coverage.check(Liquidity.TAKER).count(n -> n > 0);
        });
        Statistics.label("modify").coverage(coverage -> {
            coverage.check("kept priority").count(n -> n > 0);
            coverage.check("replaced").count(n -> n > 0);
        });
    }

    private static List<BookEvent> fills(List<BookEvent> events) {
        return events.stream().filter(BookFill.class::isInstance).toList();
    }

    private static void assertWithinLimit(BookOrder order, BookFill fill) {
        assertThat(fill.side()).isEqualTo(order.side());
        if (order.type().needsLimitPrice()) {
            int compare = fill.price().compareTo(order.limitPrice());
            assertThat(order.side() == Side.BUY ? compare <= 0 : compare >= 0)
                    .as("%s against %s", fill, order).isTrue();
        }
        if (fill.liquidity() == Liquidity.MAKER) {
            assertThat(fill.price()).isEqualByComparingTo(order.limitPrice());
        }
    }

    private static void assertNotCrossed(OrderBook book) {
        Optional<BigDecimal> bid = book.bestBid();
        Optional<BigDecimal> ask = book.bestAsk();
        if (bid.isPresent() && ask.isPresent()) {
            assertThat(bid.get()).as("best bid below best ask").isLessThan(ask.get());
        }
        for (Side side : Side.values()) {
            for (BigDecimal price : book.prices(side)) {
                assertThat(book.depthAt(side, price).signum() > 0 || !book.restingAt(side, price).isEmpty())
                        .as("no empty level at %s %s", side, price).isTrue();
                assertThat(book.depthAt(side, price).signum()).isNotNegative();
            }
        }
    }

    private static void assertQueuesFirstComeFirstServed(MatchingEngine engine) {
        for (Side side : Side.values()) {
            for (BigDecimal price : engine.book().prices(side)) {
                List<BookOrder> queue = engine.book().restingAt(side, price);
                for (int i = 0; i < queue.size(); i++) {
                    BookOrder order = queue.get(i);
                    assertThat(order.status()).isEqualTo(BookOrderStatus.RESTING);
                    assertThat(order.side()).isEqualTo(side);
                    assertThat(order.limitPrice()).isEqualByComparingTo(price);
                    if (i > 0) {
                        assertThat(order.priority()).isGreaterThan(queue.get(i - 1).priority());
                    }
                }
            }
        }
    }

    /** Our queues by side and price before a call, keyed by price with the side's sign so both fit one map. */
    private static Map<BigDecimal, List<BookOrder>> queues(MatchingEngine engine) {
        Map<BigDecimal, List<BookOrder>> queues = new HashMap<>();
        for (Side side : Side.values()) {
            for (BigDecimal price : engine.book().prices(side)) {
                queues.put(side.signed(price).stripTrailingZeros(), engine.book().restingAt(side, price));
            }
        }
        return queues;
    }

    /** The makers filled at a price are the front of that price's queue, each but the last filled in full. */
    private static void assertMakersInQueueOrder(BookResult result, Map<BigDecimal, List<BookOrder>> before) {
        List<BookFill> makers = result.fills().stream().filter(f -> f.liquidity() == Liquidity.MAKER).toList();
        int i = 0;
        BigDecimal previous = null;
        while (i < makers.size()) {
            BookFill first = makers.get(i);
            List<BookOrder> queue = before.getOrDefault(first.side().signed(first.price()).stripTrailingZeros(),
                    List.of());
            if (previous != null) {
                // best price first: bids from the highest down, asks from the lowest up
                assertThat(first.side().signed(first.price())).isLessThan(first.side().signed(previous));
            }
            int k = 0;
            while (i < makers.size() && makers.get(i).price().compareTo(first.price()) == 0) {
                BookFill fill = makers.get(i);
                assertThat(k).as("maker %s beyond its queue %s", fill, queue).isLessThan(queue.size());
                assertThat(fill.orderId()).isEqualTo(queue.get(k).orderId());
                boolean last = i + 1 == makers.size() || makers.get(i + 1).price().compareTo(first.price()) != 0;
                if (!last) {
                    assertThat(fill.quantity()).isEqualByComparingTo(queue.get(k).remaining());
                }
                i++;
                k++;
            }
            previous = first.price();
        }
    }

    private static void assertOrders(List<String> submitted, MatchingEngine engine, Map<String, BigDecimal> filled,
                                     Map<String, Integer> endings) {
        for (String id : submitted) {
            Optional<BookOrder> found = engine.order(id);
            if (found.isEmpty()) { // refused: nothing of it exists
                assertThat(filled).doesNotContainKey(id);
                assertThat(endings).doesNotContainKey(id);
                continue;
            }
            BookOrder order = found.get();
            BigDecimal sum = filled.getOrDefault(id, BigDecimal.ZERO);
            assertThat(order.filled()).isEqualByComparingTo(sum);
            assertThat(sum).isLessThanOrEqualTo(order.quantity());
            assertThat(order.remaining()).isEqualByComparingTo(order.quantity().subtract(sum));
            assertThat(order.remaining().signum() == 0).isEqualTo(order.status() == BookOrderStatus.FILLED);
            assertThat(endings.getOrDefault(id, 0)).isEqualTo(order.status() == BookOrderStatus.CANCELLED ? 1 : 0);
            if (order.status() == BookOrderStatus.STOP_PENDING) {
                assertThat(order.filled().signum()).isZero();
                assertThat(engine.pendingStops()).contains(order);
            }
        }
    }
}
