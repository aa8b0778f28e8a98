package io.heliox.atlas.trading.bench;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.account.Fill;
import io.heliox.atlas.trading.instrument.AssetClass;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.instrument.Instruments;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import io.heliox.atlas.trading.order.TradingState;
import io.heliox.atlas.trading.risk.Denied;
import io.heliox.atlas.trading.risk.ModifyRequest;
import io.heliox.atlas.trading.risk.OpenOrder;
import io.heliox.atlas.trading.risk.OpenOrders;
import io.heliox.atlas.trading.risk.RateWindow;
import io.heliox.atlas.trading.risk.RiskCheck;
import io.heliox.atlas.trading.risk.RiskContext;
import io.heliox.atlas.trading.risk.RiskEngine;
import io.heliox.atlas.trading.risk.RiskLimits;
import io.heliox.atlas.trading.venue.book.BookEvent;
import io.heliox.atlas.trading.venue.book.BookFill;
import io.heliox.atlas.trading.venue.book.BookReject;
import io.heliox.atlas.trading.venue.book.BookResult;
import io.heliox.atlas.trading.venue.book.MatchingEngine;
import io.heliox.atlas.trading.venue.book.Unfilled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The bar for the pure module: risk check + matching at ≥ 200,000 orders/s, single-threaded.
 * Run: {@code mvn -pl trading test-compile exec:exec@bench}; prints the median orders/s over every
 * measured iteration of every fork.
 *
 * <p>One operation is one order action of a seeded mixed flow on two instruments (a stock and gold):
 * 45 % limit orders from two ticks through the far touch to seven ticks inside the spread (a fifth
 * cross and take, the rest rest), 10 % market orders (IOC), 35 % cancels and 10 % modifies of the
 * oldest open order. Each goes through
 * {@link RiskEngine#check} (or {@code checkModify}) with every pre-trade limit set (position, gross and
 * net exposure, order notional, rates, open orders, price band), then, if allowed, through the
 * instrument's {@link MatchingEngine}; its fills are booked into the {@link Account} and the
 * {@link OpenOrders}, as a session would. Every 8th action the market's depth at the touch is refreshed
 * (which also fills our orders that it crosses): that time is counted, the refresh is not an order.
 * The clock advances 20 ms an action, so the 100/s rate limits are computed but never bind.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class RiskAndMatchingBench {

    private static final long SEED = 17;
    private static final int FLOW = 1 << 16;
    private static final Instrument STOCK = new Instrument(InstrumentId.parse("AAPL.XNAS"), AssetClass.EQUITY,
            new BigDecimal("0.01"), BigDecimal.ONE, BigDecimal.ONE, "USD", new BigDecimal("0.5"));
    private static final Instrument GOLD = new Instrument(InstrumentId.parse("XAUUSD.OANDA"), AssetClass.METAL,
            new BigDecimal("0.01"), BigDecimal.ONE, BigDecimal.ZERO, "USD", new BigDecimal("0.05"));
    private static final Instrument[] TRADED = {STOCK, GOLD};
    private static final BigDecimal[] MID = {new BigDecimal("200.00"), new BigDecimal("2000.00")};

    enum Kind { LIMIT, MARKET, CANCEL, MODIFY }

    /** One pre-drawn action: which instrument, which kind, side, ticks from the mid, lots. */
    record Action(int instrument, Kind kind, Side side, int ticks, int lots) {
    }

    private Action[] flow;
    private RiskEngine risk;
    private MatchingEngine[] books;
    private Account account;
    private OpenOrders open;
    private Map<InstrumentId, BigDecimal> marks;
    private RateWindow submits;
    private RateWindow modifies;
    private Instant now;
    private int next;
    private long orderIds;
    private long allowed;
    private long denied;
    private long fills;
    private final Map<String, Long> deniedBy = new java.util.TreeMap<>();

    @Setup(Level.Trial)
    public void drawFlow() {
        SplittableRandom random = new SplittableRandom(SEED);
        flow = new Action[FLOW];
        for (int i = 0; i < FLOW; i++) {
            int roll = random.nextInt(100);
            Kind kind = roll < 45 ? Kind.LIMIT : roll < 55 ? Kind.MARKET : roll < 90 ? Kind.CANCEL : Kind.MODIFY;
            flow[i] = new Action(random.nextInt(TRADED.length), kind, random.nextBoolean() ? Side.BUY : Side.SELL,
                    random.nextInt(-2, 8), random.nextInt(1, 11));
        }
    }

    /** A fresh venue and account each iteration: the book remembers every order id it has seen. */
    @Setup(Level.Iteration)
    public void openSession() {
        RiskLimits limits = RiskLimits.defaults("USD")
                .withMaxPosition(STOCK.id(), new BigDecimal("500"))
                .withMaxPosition(GOLD.id(), new BigDecimal("100"))
                .withMaxGrossExposure(new BigDecimal("400000"))
                .withMaxNetExposure(new BigDecimal("250000"))
                .withMaxOrderNotional(new BigDecimal("50000"))
                .withMaxOpenOrders(200)
                .withPriceBandPercent(new BigDecimal("5"));
        risk = new RiskEngine(limits, Instruments.of(TRADED));
        books = new MatchingEngine[TRADED.length];
        marks = new HashMap<>();
        for (int i = 0; i < TRADED.length; i++) {
            books[i] = new MatchingEngine(TRADED[i].id());
            marks.put(TRADED[i].id(), MID[i]);
            refreshDepth(i);
        }
        account = Account.withCash("USD", new BigDecimal("1000000"));
        open = new OpenOrders();
        submits = RateWindow.of(limits.submitRate());
        modifies = RateWindow.of(limits.modifyRate());
        now = Instant.parse("2026-03-04T15:00:00Z");
    }

    @TearDown(Level.Trial)
    public void report() {
        long total = allowed + denied;
        System.out.printf("%n[flow] %d actions: %.1f %% allowed, %.1f %% denied by risk %s, %d fills%n", total,
                100.0 * allowed / total, 100.0 * denied / total, deniedBy, fills);
    }

    @Benchmark
    public int orderThroughRiskAndMatching() {
        Action action = flow[next];
        next = (next + 1) & (FLOW - 1);
        now = now.plusMillis(20);
        int book = action.instrument();
        if ((next & 7) == 0) {
            refreshDepth(book);
        }
        RiskContext context = new RiskContext(now, TradingState.ACTIVE, account, open, marks, submits, modifies);
        OpenOrder oldest = open.count() == 0 ? null : open.all().iterator().next();
        Kind kind = action.kind();
        if (oldest == null && (kind == Kind.CANCEL || kind == Kind.MODIFY)) {
            kind = Kind.LIMIT;
        }
        return switch (kind) {
            case CANCEL -> apply(books[indexOf(oldest.instrumentId())].cancel(oldest.orderId()));
            case MODIFY -> modify(oldest, context);
            case LIMIT, MARKET -> submit(action, kind, context);
        };
    }

    private int submit(Action action, Kind kind, RiskContext context) {
        Instrument instrument = TRADED[action.instrument()];
        String id = "o" + orderIds++;
        BigDecimal quantity = BigDecimal.valueOf(action.lots());
        OrderRequest order;
        if (kind == Kind.MARKET) {
            order = OrderRequest.market(id, instrument.id(), action.side(), quantity, TimeInForce.IOC);
        } else {
            // from the far touch (5 ticks from the mid): 0 or fewer ticks back crosses it and takes, more rests
            BigDecimal offset = instrument.tickSize().multiply(BigDecimal.valueOf(5L - action.ticks()));
            BigDecimal price = action.side() == Side.BUY ? MID[action.instrument()].add(offset)
                    : MID[action.instrument()].subtract(offset);
            order = OrderRequest.limit(id, instrument.id(), action.side(), quantity, price, TimeInForce.GTC);
        }
        RiskCheck check = risk.check(order, context);
        if (check instanceof Denied no) {
            deny(no);
            return 0;
        }
        allowed++;
        submits.record(now);
        open.add(OpenOrder.of(order));
        return apply(books[action.instrument()].submit(order));
    }

    private int modify(OpenOrder order, RiskContext context) {
        ModifyRequest modify = new ModifyRequest(order.orderId(), order.quantity().add(BigDecimal.ONE), null, null);
        RiskCheck check = risk.checkModify(modify, context);
        if (check instanceof Denied no) {
            deny(no);
            return 0;
        }
        allowed++;
        modifies.record(now);
        open.modify(order.orderId(), modify.quantity(), null, null);
        return apply(books[indexOf(order.instrumentId())].modify(order.orderId(), modify.quantity(), null, null));
    }

    private void deny(Denied denial) {
        denied++;
        deniedBy.merge(denial.code(), 1L, Long::sum);
    }

    /** What a session does with the venue's answer: fills booked, ended orders no longer open. */
    private int apply(BookResult result) {
        List<BookEvent> events = result.events();
        for (int i = 0; i < events.size(); i++) {
            BookEvent event = events.get(i);
            if (event instanceof BookFill fill) {
                OpenOrder order = open.find(fill.orderId()).orElseThrow();
                open.fill(fill.orderId(), fill.quantity());
                account = account.apply(new Fill(fill.orderId(), order.instrumentId(), fill.side(), fill.quantity(),
                        fill.price(), BigDecimal.ZERO, "USD", now));
                fills++;
            } else if (event instanceof Unfilled || event instanceof BookReject) {
                if (open.find(event.orderId()).isPresent()) {
                    open.remove(event.orderId());
                }
            }
        }
        return events.size();
    }

    /** The market's depth at the touch, 5 ticks either side of the mid, 40 lots a side. */
    private void refreshDepth(int book) {
        BigDecimal offset = TRADED[book].tickSize().multiply(BigDecimal.valueOf(5));
        BigDecimal depth = BigDecimal.valueOf(40);
        apply(books[book].applyDepth(Side.BUY, MID[book].subtract(offset), depth));
        apply(books[book].applyDepth(Side.SELL, MID[book].add(offset), depth));
    }

    private static int indexOf(InstrumentId id) {
        return id.equals(STOCK.id()) ? 0 : 1;
    }

    public static void main(String[] args) throws RunnerException {
        double median = JmhMedian.of(RiskAndMatchingBench.class);
        System.out.printf("risk check + matching: median %,.0f orders/s over every measured iteration (bar: 200,000)%n",
                median);
    }
}
