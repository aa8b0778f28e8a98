package io.heliox.atlas.trading.venue.book;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Matches our orders against one instrument's {@link OrderBook}. Each call returns what it caused, in
 * order ({@link BookResult}); the same calls in the same order always cause the same events.
 *
 * <p><b>Taking.</b> A market order, or a limit order that crosses, walks the other side best price
 * first and takes the market's depth level by level (partial fills, {@link Liquidity#TAKER}, at each
 * level's price, never worse than a limit); what it takes is gone from the depth until the feed says
 * otherwise. Then:
 * <ul>
 *   <li>a market order's remainder is cancelled, whatever its time in force (IOC semantics: there is
 *       no price for it to wait at): {@code book.insufficient_depth};</li>
 *   <li>a limit order's remainder rests at its limit, last in the level's queue (GTC, DAY), or is
 *       cancelled (IOC: {@code book.insufficient_depth});</li>
 *   <li>fill-or-kill counts what it could take first and takes nothing unless that covers it all
 *       ({@code fok.not_fillable}).</li>
 * </ul>
 *
 * <p><b>Our own orders on the other side.</b> A taker never trades with our own resting order (no
 * self-trades: a paper venue must not fill us against ourselves). It stops before the first level
 * that holds one of ours, taking none of that level's depth either (our place in its queue against
 * the market's orders is unknown), and its remainder is cancelled ({@code self_trade.prevented})
 * when it would otherwise rest at or through that level, which would cross the book.
 *
 * <p><b>Being made.</b> Our resting orders fill as {@link Liquidity#MAKER}, at their own limit, best
 * price first and first come first served within a price, when the market comes to them:
 * <ul>
 *   <li>{@link #onTrade} at a price that reaches them (a buy at or above the trade's price, a sell at
 *       or below; touching counts, which is optimistic: the market's orders queued ahead of ours at
 *       that price are not modelled yet), all of them together no more than the trade's quantity;</li>
 *   <li>{@link #applyDepth} displaying depth that crosses them: a real book is never crossed, so our
 *       (virtual) orders would have been hit; they fill against the displayed quantity, which they
 *       consume. The market's own depth on the other side that the new level crosses is stale (the
 *       venue matched it, the feed has not said so yet) and is dropped.</li>
 * </ul>
 *
 * <p><b>Stops.</b> Stop and stop-limit orders wait in a stop list. A buy stop triggers when the last
 * trade is at or above its stop or the market's best ask is; a sell stop when the last trade is at or
 * below it or the market's best bid is (depth only: our own quotes never trigger our stops). A stop
 * already reached when it arrives triggers at once. After every call the stop list is checked again
 * and again, oldest first, until nothing more triggers, so a triggered stop that takes the depth away
 * can trigger the next. A triggered stop then works as a market order (stop) or a limit order
 * (stop-limit) with its own time in force, its time priority taken when it triggers (a stop-limit
 * that rests queues behind the orders already resting at its limit). Our own fills are not trades of the market: they move the
 * depth, never the last price.
 *
 * <p><b>Cancel and modify.</b> Cancel ends a working order ({@code order.cancelled}). Modify is cancel
 * and replace: the order loses its time priority, re-enters last and is matched again as if new (so a
 * new price that crosses trades at once), except that a quantity decrease (or no change) at the same
 * prices keeps its place in the queue: giving up quantity harms no one queued behind. The quantity is
 * the order's new total, what filled included; it must stay above what filled.
 *
 * <p>Not checked here: tick, lot, notional, reduce-only and market hours are {@code OrderValidator}'s,
 * before an order reaches a venue. DAY orders rest until cancelled: the book has no session clock.
 * The book remembers every order id it has seen, to refuse a second order under the same id.
 */
public final class MatchingEngine {

    private final OrderBook book;
    private final Map<String, WorkingOrder> orders = new HashMap<>();
    /** Pending stops by priority: oldest first, the order they are checked and triggered in. */
    private final TreeMap<Long, WorkingOrder> stops = new TreeMap<>();
    private BigDecimal lastPrice;
    private long sequence;

    public MatchingEngine(InstrumentId instrumentId) {
        this.book = new OrderBook(instrumentId);
    }

    public OrderBook book() {
        return book;
    }

    /** The last trade the market reported, if any. */
    public Optional<BigDecimal> lastPrice() {
        return Optional.ofNullable(lastPrice);
    }

    /** An order this book has accepted, in any status. */
    public Optional<BookOrder> order(String orderId) {
        return Optional.ofNullable(orders.get(orderId)).map(WorkingOrder::view);
    }

    /** The stops not yet triggered, oldest first. */
    public List<BookOrder> pendingStops() {
        return stops.values().stream().map(WorkingOrder::view).toList();
    }

    // ---- orders -------------------------------------------------------------------------------

    /** Accepts an order (market, limit, stop or stop-limit) and works it at once; refused with a reason otherwise. */
    public BookResult submit(OrderRequest request) {
        BookReject reject = check(request);
        if (reject != null) {
            return new BookResult(List.of(reject));
        }
        List<BookEvent> out = new ArrayList<>();
        WorkingOrder order = new WorkingOrder(request, ++sequence);
        orders.put(order.id, order);
        if (order.type.needsStopPrice()) {
            hold(order, out);
        } else {
            work(order, out);
        }
        settle(out);
        return new BookResult(out);
    }

    /** Ends a working order: what it had not filled is {@link Unfilled} with {@code order.cancelled}. */
    public BookResult cancel(String orderId) {
        WorkingOrder order = orders.get(orderId);
        BookReject reject = notWorking(orderId, order);
        if (reject != null) {
            return new BookResult(List.of(reject));
        }
        List<BookEvent> out = new ArrayList<>();
        unlink(order);
        end(order, BookReason.CANCELLED, "cancelled on request", out);
        return new BookResult(out);
    }

    /**
     * Changes a working order's quantity and prices (see the class comment for time priority).
     *
     * @param quantity   the new total quantity, what has filled included; above what has filled
     * @param limitPrice the new limit, or null to keep it; only for limit and stop-limit orders
     * @param stopPrice  the new stop, or null to keep it; only for a stop not yet triggered
     */
    public BookResult modify(String orderId, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice) {
        Objects.requireNonNull(quantity, "quantity");
        WorkingOrder order = orders.get(orderId);
        BookReject reject = notWorking(orderId, order);
        if (reject == null) {
            reject = checkModify(order, quantity, limitPrice, stopPrice);
        }
        if (reject != null) {
            return new BookResult(List.of(reject));
        }
        BigDecimal newLimit = limitPrice != null ? limitPrice : order.limitPrice;
        BigDecimal newStop = stopPrice != null ? stopPrice : order.stopPrice;
        boolean keep = quantity.compareTo(order.quantity) <= 0 && samePrice(newLimit, order.limitPrice)
                && samePrice(newStop, order.stopPrice);
        List<BookEvent> out = new ArrayList<>();
        if (keep) {
            order.quantity = quantity;
            out.add(new Modified(order.id, quantity, order.limitPrice, order.stopPrice, true));
            return new BookResult(out);
        }
        unlink(order);
        order.quantity = quantity;
        order.limitPrice = newLimit;
        order.stopPrice = newStop;
        order.priority = ++sequence;
        out.add(new Modified(order.id, quantity, newLimit, newStop, false));
        if (order.status == BookOrderStatus.STOP_PENDING) {
            stops.put(order.priority, order);
        } else {
            work(order, out);
        }
        settle(out);
        return new BookResult(out);
    }

    // ---- market data --------------------------------------------------------------------------

    /**
     * The feed's displayed quantity at one price of one side, replacing what the book had there (0
     * removes it). Our orders at that price are untouched; depth it crosses is handled as the class
     * comment says.
     */
    public BookResult applyDepth(Side side, BigDecimal price, BigDecimal quantity) {
        Objects.requireNonNull(side, "side");
        requirePositive(price, "depth price");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("depth quantity must not be negative, was " + quantity);
        }
        List<BookEvent> out = new ArrayList<>();
        BigDecimal left = quantity;
        if (left.signum() > 0) {
            BookSide other = book.side(side.opposite());
            Iterator<Level> levels = other.levels.values().iterator();
            while (levels.hasNext()) {
                Level level = levels.next();
                if (!book.side(side).reachable(price, level.price)) {
                    break; // the rest of the other side does not reach the new level
                }
                level.depth = BigDecimal.ZERO; // stale: a real book is never crossed
                left = fillMakers(level, left, out);
                if (level.isEmpty()) {
                    levels.remove();
                }
            }
        }
        BookSide own = book.side(side);
        Level level = own.levelAt(price);
        level.depth = left;
        own.prune(level);
        settle(out);
        return new BookResult(out);
    }

    /**
     * A trade the market reported: the new last price; our resting orders it reaches fill as makers,
     * together no more than its quantity; stops it reaches trigger.
     */
    public BookResult onTrade(BigDecimal price, BigDecimal quantity) {
        requirePositive(price, "trade price");
        requirePositive(quantity, "trade quantity");
        lastPrice = price;
        List<BookEvent> out = new ArrayList<>();
        BigDecimal left = quantity;
        for (Side side : Side.values()) {
            // a resting buy at or above the trade's price, a sell at or below (only one side can be:
            // the book is not crossed)
            BookSide ours = book.side(side);
            Iterator<Level> levels = ours.levels.values().iterator();
            while (left.signum() > 0 && levels.hasNext()) {
                Level level = levels.next();
                if (!ours.reachable(level.price, price)) {
                    break;
                }
                left = fillMakers(level, left, out);
                if (level.isEmpty()) {
                    levels.remove();
                }
            }
        }
        settle(out);
        return new BookResult(out);
    }

    // ---- matching -----------------------------------------------------------------------------

    /** Works a market or limit order (or a triggered stop) now: take, then rest or cancel the rest. */
    private void work(WorkingOrder order, List<BookEvent> out) {
        BigDecimal limit = order.limit();
        BookSide other = book.side(order.side.opposite());
        if (order.timeInForce == TimeInForce.FOK) {
            BigDecimal available = available(other, limit);
            if (available.compareTo(order.remaining()) < 0) {
                end(order, BookReason.FOK_NOT_FILLABLE, "only " + available.toPlainString() + " of "
                        + order.remaining().toPlainString() + " available" + at(limit) + ": nothing filled", out);
                return;
            }
        }
        boolean blockedByOwn = take(order, other, limit, out);
        if (order.remaining().signum() == 0) {
            return;
        }
        if (blockedByOwn) {
            end(order, BookReason.SELF_TRADE_PREVENTED, "the rest would trade with our own resting "
                    + order.side.opposite() + " at " + other.levels.firstKey().toPlainString(), out);
        } else if (limit == null || order.timeInForce == TimeInForce.IOC || order.timeInForce == TimeInForce.FOK) {
            end(order, BookReason.BOOK_INSUFFICIENT_DEPTH, "no more depth" + at(limit) + " for the remaining "
                    + order.remaining().toPlainString(), out);
        } else {
            Level level = book.side(order.side).levelAt(order.limitPrice);
            level.orders.addLast(order);
            order.status = BookOrderStatus.RESTING;
            out.add(new Rested(order.id, order.side, order.limitPrice, order.remaining()));
        }
    }

    /**
     * Takes the other side's depth, best first, up to the limit (null: none). Returns whether it
     * stopped at a level holding one of our own orders.
     */
    private boolean take(WorkingOrder order, BookSide other, BigDecimal limit, List<BookEvent> out) {
        Iterator<Level> levels = other.levels.values().iterator();
        while (order.remaining().signum() > 0 && levels.hasNext()) {
            Level level = levels.next();
            if (!other.reachable(level.price, limit)) {
                return false;
            }
            if (!level.orders.isEmpty()) {
                return true;
            }
            BigDecimal quantity = level.depth.min(order.remaining());
            level.depth = level.depth.subtract(quantity);
            fill(order, level.price, quantity, Liquidity.TAKER, out);
            if (level.isEmpty()) {
                levels.remove();
            }
        }
        return false;
    }

    /** What {@link #take} would get: depth up to the limit, stopping before our own orders. */
    private static BigDecimal available(BookSide other, BigDecimal limit) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Level level : other.levels.values()) {
            if (!other.reachable(level.price, limit) || !level.orders.isEmpty()) {
                break;
            }
            sum = sum.add(level.depth);
        }
        return sum;
    }

    /** Fills our orders queued at a level, first first, at their limit, up to {@code cap}; returns what is left of it. */
    private BigDecimal fillMakers(Level level, BigDecimal cap, List<BookEvent> out) {
        BigDecimal left = cap;
        while (left.signum() > 0 && !level.orders.isEmpty()) {
            WorkingOrder order = level.orders.peekFirst();
            BigDecimal quantity = order.remaining().min(left);
            fill(order, order.limitPrice, quantity, Liquidity.MAKER, out);
            left = left.subtract(quantity);
            if (order.remaining().signum() == 0) {
                level.orders.pollFirst();
            }
        }
        return left;
    }

    private static void fill(WorkingOrder order, BigDecimal price, BigDecimal quantity, Liquidity liquidity,
                             List<BookEvent> out) {
        if (quantity.signum() <= 0) {
            return;
        }
        order.filled = order.filled.add(quantity);
        out.add(new BookFill(order.id, order.side, price, quantity, liquidity));
        if (order.remaining().signum() == 0) {
            order.status = BookOrderStatus.FILLED;
        }
    }

    // ---- stops --------------------------------------------------------------------------------

    private void hold(WorkingOrder order, List<BookEvent> out) {
        order.status = BookOrderStatus.STOP_PENDING;
        stops.put(order.priority, order);
        out.add(new StopHeld(order.id, order.side, order.stopPrice));
    }

    /** Triggers stops, oldest first, one at a time, until none is reached. */
    private void settle(List<BookEvent> out) {
        while (true) {
            WorkingOrder next = null;
            String why = null;
            for (WorkingOrder stop : stops.values()) {
                why = reached(stop);
                if (why != null) {
                    next = stop;
                    break;
                }
            }
            if (next == null) {
                return;
            }
            stops.remove(next.priority);
            next.priority = ++sequence; // its place in a queue dates from now, not from when it was held
            out.add(new StopTriggered(next.id, next.side, next.stopPrice, why));
            work(next, out);
        }
    }

    /** Why a stop is reached, or null when it is not. */
    private String reached(WorkingOrder stop) {
        boolean buy = stop.side == Side.BUY;
        String stopText = " stop " + stop.stopPrice.toPlainString();
        if (lastPrice != null && (buy ? lastPrice.compareTo(stop.stopPrice) >= 0
                : lastPrice.compareTo(stop.stopPrice) <= 0)) {
            return "last " + lastPrice.toPlainString() + (buy ? " >=" : " <=") + stopText;
        }
        Optional<BigDecimal> quote = book.bestDepth(buy ? Side.SELL : Side.BUY);
        if (quote.isPresent() && (buy ? quote.get().compareTo(stop.stopPrice) >= 0
                : quote.get().compareTo(stop.stopPrice) <= 0)) {
            return (buy ? "ask " : "bid ") + quote.get().toPlainString() + (buy ? " >=" : " <=") + stopText;
        }
        return null;
    }

    // ---- bookkeeping --------------------------------------------------------------------------

    /** Takes a working order out of its level or the stop list. */
    private void unlink(WorkingOrder order) {
        if (order.status == BookOrderStatus.STOP_PENDING) {
            stops.remove(order.priority);
        } else {
            BookSide side = book.side(order.side);
            Level level = side.find(order.limitPrice);
            level.orders.remove(order);
            side.prune(level);
        }
    }

    private static void end(WorkingOrder order, BookReason reason, String detail, List<BookEvent> out) {
        order.status = BookOrderStatus.CANCELLED;
        out.add(new Unfilled(order.id, order.remaining(), reason, detail));
    }

    private BookReject check(OrderRequest request) {
        String id = request.clientOrderId();
        if (!request.instrumentId().equals(book.instrumentId())) {
            return new BookReject(id, BookReason.INSTRUMENT_MISMATCH, "an order for " + request.instrumentId()
                    + " sent to the book of " + book.instrumentId());
        }
        if (orders.containsKey(id)) {
            return new BookReject(id, BookReason.ORDER_DUPLICATE, "order " + id + " was already submitted");
        }
        if (request.quantity().signum() <= 0) {
            return invalid(id, "quantity " + request.quantity().toPlainString() + " is not positive");
        }
        OrderType type = request.type();
        String limit = priceProblem("limit", request.limitPrice(), type.needsLimitPrice());
        String stop = priceProblem("stop", request.stopPrice(), type.needsStopPrice());
        if (limit != null || stop != null) {
            return invalid(id, "a " + type + " order: " + (limit != null ? limit : stop));
        }
        return null;
    }

    private static BookReject checkModify(WorkingOrder order, BigDecimal quantity, BigDecimal limitPrice,
                                          BigDecimal stopPrice) {
        if (quantity.compareTo(order.filled) <= 0) {
            return new BookReject(order.id, BookReason.MODIFY_QUANTITY_NOT_ABOVE_FILLED, "quantity "
                    + quantity.toPlainString() + " is not above the " + order.filled.toPlainString() + " filled");
        }
        if (limitPrice != null && (!order.type.needsLimitPrice() || limitPrice.signum() <= 0)) {
            return invalid(order.id, "limit " + limitPrice.toPlainString() + " for a " + order.type + " order");
        }
        if (stopPrice != null && (order.status != BookOrderStatus.STOP_PENDING || stopPrice.signum() <= 0)) {
            return invalid(order.id, "stop " + stopPrice.toPlainString() + " for a " + order.type + " order that is "
                    + order.status);
        }
        return null;
    }

    private static BookReject notWorking(String orderId, WorkingOrder order) {
        if (order == null) {
            return new BookReject(orderId, BookReason.ORDER_UNKNOWN, "no order " + orderId + " in this book");
        }
        if (!order.status.isWorking()) {
            return new BookReject(orderId, BookReason.ORDER_NOT_WORKING, "order " + orderId + " is " + order.status);
        }
        return null;
    }

    private static String priceProblem(String name, BigDecimal price, boolean needed) {
        if (price == null) {
            return needed ? "needs a " + name + " price" : null;
        }
        if (!needed) {
            return "takes no " + name + " price";
        }
        return price.signum() <= 0 ? name + " price " + price.toPlainString() + " is not positive" : null;
    }

    private static BookReject invalid(String id, String detail) {
        return new BookReject(id, BookReason.ORDER_INVALID, detail);
    }

    private static boolean samePrice(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String at(BigDecimal limit) {
        return limit == null ? "" : " at or better than " + limit.toPlainString();
    }

    private static void requirePositive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
