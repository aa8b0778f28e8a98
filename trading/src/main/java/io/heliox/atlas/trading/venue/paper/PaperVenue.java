package io.heliox.atlas.trading.venue.paper;

import io.heliox.atlas.engine.execution.FillRules;
import io.heliox.atlas.engine.execution.SlippageModel;
import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.account.Fill;
import io.heliox.atlas.trading.calendar.TradingCalendars;
import io.heliox.atlas.trading.execution.ExecutionListener;
import io.heliox.atlas.trading.execution.ExecutionPort;
import io.heliox.atlas.trading.execution.ExecutionReport;
import io.heliox.atlas.trading.execution.OrderAcknowledged;
import io.heliox.atlas.trading.execution.OrderClosed;
import io.heliox.atlas.trading.execution.OrderFilled;
import io.heliox.atlas.trading.execution.OrderModified;
import io.heliox.atlas.trading.execution.OrderRejected;
import io.heliox.atlas.trading.execution.VenueOrder;
import io.heliox.atlas.trading.execution.VenueSnapshot;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.instrument.Instruments;
import io.heliox.atlas.trading.marketdata.Bar;
import io.heliox.atlas.trading.marketdata.BarClosed;
import io.heliox.atlas.trading.marketdata.DepthUpdate;
import io.heliox.atlas.trading.marketdata.MarketData;
import io.heliox.atlas.trading.marketdata.Quote;
import io.heliox.atlas.trading.marketdata.Stale;
import io.heliox.atlas.trading.marketdata.StalenessGuard;
import io.heliox.atlas.trading.marketdata.Trade;
import io.heliox.atlas.trading.order.OrderAccepted;
import io.heliox.atlas.trading.order.OrderCheck;
import io.heliox.atlas.trading.order.OrderContext;
import io.heliox.atlas.trading.order.OrderReject;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import io.heliox.atlas.trading.order.OrderValidator;
import io.heliox.atlas.trading.order.TradingState;
import io.heliox.atlas.trading.venue.book.BookEvent;
import io.heliox.atlas.trading.venue.book.BookFill;
import io.heliox.atlas.trading.venue.book.BookOrderStatus;
import io.heliox.atlas.trading.venue.book.BookReject;
import io.heliox.atlas.trading.venue.book.BookResult;
import io.heliox.atlas.trading.venue.book.Liquidity;
import io.heliox.atlas.trading.venue.book.MatchingEngine;
import io.heliox.atlas.trading.venue.book.Unfilled;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A venue that trades on paper, behind the same {@link ExecutionPort} as a real one, fed by market
 * data ({@link #onMarketData}). Orders are checked as a venue checks them ({@link OrderValidator}:
 * lot, tick, notional, reduce-only, market hours, duplicate ids), acknowledged and filled after the
 * configured {@link Latency}, from bars, by the {@link FillModel}: the backtest engine's rules
 * ({@link EngineRules}) or a market's costs ({@link RealisticBars}). Fills are booked on the venue's
 * own {@link Account}; {@link #snapshot()} reports it for reconciliation.
 *
 * <p><b>Time.</b> The venue has no clock of its own: its time is the latest market-data message's
 * (a bar's close, a quote, a heartbeat), so a replay at any speed trades identically. A latency ends
 * when a message at or after it arrives.
 *
 * <p><b>Within a bar</b>, in this order: acknowledgements that fell due; resting orders (limit, stop,
 * a stop-limit's limit) that were working when the bar opened, those the bar <em>opened</em> through
 * first (the open is the first price), then stops, then limits (the path inside the bar is unknown,
 * so the adverse one is assumed: a stop loss before a take profit); then market orders; then the rest
 * of IOC and FOK orders that had their chance is closed; at the end, DAY orders whose session ended.
 * A stop-limit that triggers works as a limit from the next bar (the bar that triggered it is not
 * assumed to come back to its limit). A reduce-only order never trades past flat: it is cut to the
 * position, or closed ({@code reduce_only.would_increase}) when there is nothing to reduce.
 *
 * <p><b>Prices that are too old.</b> An order that must trade now (market, IOC, FOK) is rejected when
 * the instrument's last price is older than {@link PaperVenueSettings#maxPriceAge()}
 * ({@code marketdata.stale}) or there is none ({@code marketdata.no_price}), as the
 * {@link StalenessGuard} judges it. Quotes and trades
 * refresh the price and the clock. Without depth, fills come from bars as above.
 *
 * <p><b>Book mode.</b> The first {@link DepthUpdate} of an instrument gives it an L2 book (the
 * {@code venue.book} package's {@link MatchingEngine}); from then on its orders fill against that book
 * and never from its bars, so slippage is the book's own: a taker walks the levels, one fill per level
 * at that level's price, and pays exactly the depth it eats (no spread or impact formula is added; the
 * report's slippage is the distance from the touch the call began with). In detail:
 * <ul>
 *   <li><b>Reaching the book.</b> An order reaches its book when its fill latency has elapsed in
 *       market time, at the first message or submit at or after it, before that message is applied
 *       (it was at the venue first); orders working when the book appeared reach it with the next
 *       message. A market order's remainder, and an IOC's, is closed
 *       ({@code book.insufficient_depth}); a fill-or-kill that the depth cannot fill whole is closed
 *       whole ({@code fok.not_fillable}); a limit's remainder rests (GTC, DAY) and fills as a maker,
 *       at its limit, when a depth update crosses it or a trade reaches it; stops trigger on trades and
 *       on the best depth (see {@link MatchingEngine}).</li>
 *   <li><b>Our fills take liquidity once.</b> What we take off a level is gone from our book until the
 *       feed's next update of that level, which replaces the level's quantity outright: a real venue's
 *       next word on a level already excludes our fill, so it is never added back or taken again.</li>
 *   <li><b>Stale depth never fills.</b> An order that must trade now is refused at submit
 *       ({@code marketdata.stale}) as above, and one whose latency ends on prices older than
 *       {@link PaperVenueSettings#maxPriceAge()} is closed with that code instead of taking the old
 *       depth; an order that may wait (a GTC or DAY limit or stop) waits for a fresh price.</li>
 *   <li><b>Fees</b> by the liquidity the book reports: {@link RealisticBars#fees()}, maker or taker;
 *       under {@link EngineRules}, its one fee rate for both.</li>
 *   <li><b>Reduce-only</b> orders reach the book cut to the position, and each fill is cut again to the
 *       position of the moment; once flat the rest is closed ({@code reduce_only.would_increase}).
 *       The book has then consumed the depth of the fill as it reported it, a little more than we
 *       booked: an error on the side of less liquidity.</li>
 * </ul>
 * Cancels, modifies (cancel and replace in the book, so a new price that crosses trades at once) and
 * DAY expiry reach the book as well. Instruments without depth trade exactly as before.
 *
 * <p><b>Reports</b> go to the listener after the call that caused them has finished changing the
 * venue, in order; a listener may call the venue back (submit a stop when an entry fills): those
 * reports follow. Cancels and modifies take effect at once, without latency: a paper venue errs on the
 * side of a trader who wants to stop something. One that reaches an order whose acknowledgement is still
 * due acknowledges it first, then: the venue has the order, and every order's reports begin with its
 * acknowledgement. Single-threaded: one session's thread drives it.
 */
public final class PaperVenue implements ExecutionPort {

    private static final String SUBMIT = "submit";

    private final Instruments instruments;
    private final OrderValidator validator;
    private final PaperVenueSettings settings;
    private final ExecutionListener listener;
    private final StalenessGuard freshness;
    private Account account;
    private Instant now;
    private long venueOrders;
    /** Every client order id this venue was sent, taken or refused: a resend is never traded twice. */
    private final Set<String> seen = new HashSet<>();
    /** Working orders in the order they arrived: within each phase of a bar, the first come first. */
    private final Map<String, Working> working = new LinkedHashMap<>();
    private final Map<InstrumentId, MarketState> markets = new HashMap<>();
    private final ArrayDeque<ExecutionReport> outbox = new ArrayDeque<>();
    private boolean delivering;

    public PaperVenue(Instruments instruments, Account account, Instant start, PaperVenueSettings settings,
                      ExecutionListener listener) {
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.validator = new OrderValidator(instruments);
        this.account = Objects.requireNonNull(account, "account");
        this.now = Objects.requireNonNull(start, "start");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.freshness = new StalenessGuard(settings.maxPriceAge());
    }

    /** The venue's time: the latest market data's. */
    public Instant now() {
        return now;
    }

    /** The account as the venue has booked it. */
    public Account account() {
        return account;
    }

    // ---- market data ----------------------------------------------------------------------------

    /**
     * The next market-data message: it moves the clock, and a bar fills what it reaches; for an
     * instrument with a book, depth updates and trades fill what they reach instead.
     */
    public void onMarketData(MarketData message) {
        Objects.requireNonNull(message, "message");
        if (message.time().isAfter(now)) {
            now = message.time();
        }
        acknowledgeDue();
        freshness.record(message);
        if (message.isPrice() && message.instrumentId() != null) {
            // a feed delivers each instrument's messages in time order (MarketDataPort): the last is the latest
            MarketState market = market(message.instrumentId());
            if (message instanceof BarClosed bar) {
                market.lastPrice = new BigDecimal(bar.bar().close());
            } else if (message instanceof Quote quote) {
                market.lastPrice = quote.mid();
            } else if (message instanceof Trade trade) {
                market.lastPrice = trade.price();
            }
        }
        // orders whose latency has elapsed reach their books before this message: they were there first
        releaseDue();
        if (message instanceof DepthUpdate depth) {
            onDepth(depth);
        } else if (message instanceof Trade trade && markets.get(trade.instrumentId()).book != null) {
            MarketState market = markets.get(trade.instrumentId());
            Touch before = touch(market);
            onBook(market.book.onTrade(trade.price(), trade.quantity()), before);
        }
        if (message instanceof BarClosed bar) {
            onBar(bar);
        }
        expireDayOrders();
        deliver();
    }

    // ---- orders ---------------------------------------------------------------------------------

    @Override
    public void submit(OrderRequest order) {
        Objects.requireNonNull(order, "order");
        InstrumentId id = order.instrumentId();
        MarketState market = markets.get(id);
        OrderCheck check = validator.check(order, new OrderContext(now, TradingState.ACTIVE, account.quantity(id),
                seen, market == null ? null : market.lastPrice));
        seen.add(order.clientOrderId());
        if (check instanceof OrderReject reject) {
            emit(new OrderRejected(order.clientOrderId(), SUBMIT, reject.code(), reject.detail(), now));
        } else if (mustTradeNow(order) && stalePrice(order)) {
            // the rejection was emitted by stalePrice
        } else {
            accept((OrderAccepted) check);
            releaseDue(); // with no latency, an order for a booked instrument meets the book now
        }
        deliver();
    }

    @Override
    public void modify(String clientOrderId, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice) {
        Working w = workingOrRejected(clientOrderId, "modify");
        if (w != null) {
            OrderRequest was = w.order;
            OrderRequest changed = new OrderRequest(was.clientOrderId(), was.instrumentId(), was.side(), was.type(),
                    quantity, limitPrice == null ? was.limitPrice() : limitPrice,
                    stopPrice == null ? was.stopPrice() : stopPrice, was.timeInForce(), was.reduceOnly());
            OrderCheck check = validator.check(changed, new OrderContext(now, TradingState.ACTIVE,
                    account.quantity(was.instrumentId()), Set.of(), markets.get(was.instrumentId()) == null
                    ? null : markets.get(was.instrumentId()).lastPrice));
            if (check instanceof OrderReject reject) {
                emit(new OrderRejected(clientOrderId, "modify", reject.code(), reject.detail(), now));
            } else if (quantity.compareTo(w.filled) <= 0) {
                emit(new OrderRejected(clientOrderId, "modify", "modify.quantity_not_above_filled",
                        "the new quantity " + plain(quantity) + " is not above the " + plain(w.filled) + " already filled",
                        now));
            } else if (w.inBook) {
                modifyInBook(w, changed, quantity, limitPrice, stopPrice);
            } else {
                w.order = changed;
                emit(new OrderModified(clientOrderId, changed.quantity(), changed.limitPrice(), changed.stopPrice(), now));
            }
        }
        deliver();
    }

    @Override
    public void cancel(String clientOrderId) {
        Working w = workingOrRejected(clientOrderId, "cancel");
        if (w != null) {
            close(w, "order.cancelled", "cancelled at the client's request");
        }
        deliver();
    }

    @Override
    public VenueSnapshot snapshot() {
        Map<InstrumentId, BigDecimal> positions = new HashMap<>();
        account.positions().forEach((id, position) -> positions.put(id, position.quantity()));
        return new VenueSnapshot(now, working.values().stream()
                .map(w -> new VenueOrder(w.order, w.filled, w.activeFrom)).toList(), positions, account.cash());
    }

    private static boolean mustTradeNow(OrderRequest order) {
        return order.type() == OrderType.MARKET || order.timeInForce() == TimeInForce.IOC
                || order.timeInForce() == TimeInForce.FOK;
    }

    /** Rejects (and says so) when the order's instrument has no price young enough to trade on. */
    private boolean stalePrice(OrderRequest order) {
        if (freshness.check(order.instrumentId(), now) instanceof Stale stale) {
            emit(new OrderRejected(order.clientOrderId(), SUBMIT, stale.code(), stale.detail(), now));
            return true;
        }
        return false;
    }

    private void accept(OrderAccepted accepted) {
        OrderRequest order = accepted.request();
        Instant ackAt = now.plus(settings.latency().acknowledge());
        Instant tradeAt = now.plus(settings.latency().fill());
        Instant activeFrom = accepted.activeFrom().isAfter(tradeAt) ? accepted.activeFrom() : tradeAt;
        Instant dayEnds = order.timeInForce() != TimeInForce.DAY ? null
                : TradingCalendars.forAssetClass(accepted.instrument().assetClass()).nextClose(activeFrom).orElse(null);
        Working w = new Working(order, accepted.instrument(), "P-" + ++venueOrders, ackAt, activeFrom, dayEnds);
        working.put(order.clientOrderId(), w);
        if (!ackAt.isAfter(now)) {
            acknowledge(w, now);
        }
        MarketState market = markets.get(order.instrumentId());
        if (settings.fills() instanceof EngineRules rules && order.type() == OrderType.MARKET && market != null
                && market.book == null && market.lastBar != null && !activeFrom.isAfter(market.lastBar.time())) {
            // the engine fills a decision without delay at the close it was taken on: the bar just seen
            fillAtClose(w, rules, market, market.lastBar);
        }
    }

    private Working workingOrRejected(String clientOrderId, String request) {
        Working w = working.get(clientOrderId);
        if (w != null && !w.acknowledged) {
            acknowledge(w, now); // the reports of an order begin with its acknowledgement
        }
        if (w == null) {
            boolean known = seen.contains(clientOrderId);
            emit(new OrderRejected(clientOrderId, request, known ? "order.not_working" : "order.unknown",
                    known ? "order " + clientOrderId + " is no longer working" : "no order " + clientOrderId, now));
        }
        return w;
    }

    private void acknowledgeDue() {
        for (Working w : working.values()) {
            if (!w.acknowledged && !w.ackAt.isAfter(now)) {
                acknowledge(w, w.ackAt);
            }
        }
    }

    private void acknowledge(Working w, Instant at) {
        w.acknowledged = true;
        emit(new OrderAcknowledged(w.order.clientOrderId(), w.venueOrderId, w.activeFrom, at));
    }

    // ---- bars -----------------------------------------------------------------------------------

    private void onBar(BarClosed message) {
        MarketState market = market(message.instrumentId());
        Bar bar = message.bar();
        market.barIndex++;
        market.lastBar = message;
        if (market.book != null) {
            return; // the instrument has a book: its orders fill against depth and trades, never from bars
        }
        if (settings.fills() instanceof EngineRules rules) {
            if (market.engineSlippage == null) {
                market.engineSlippage = new SlippageModel.Streaming(rules.slippageBps(), rules.slippageKVol(),
                        rules.volWindow());
            }
            market.slippageBps = market.engineSlippage.next(bar.close());
        }
        market.volumeLeft = settings.fills() instanceof RealisticBars realistic && bar.volume() > 0
                ? realistic.volumeShare() * bar.volume() : Double.POSITIVE_INFINITY;

        List<Working> ours = working.values().stream()
                .filter(w -> w.order.instrumentId().equals(message.instrumentId()) && w.acknowledged).toList();
        List<Working> hadTheirChance = new ArrayList<>();
        // resting orders working when the bar opened: through the open first, then stops, then limits
        List<Resting> resting = new ArrayList<>();
        for (Working w : ours) {
            if (w.order.type() != OrderType.MARKET && !w.activeFrom.isAfter(bar.openTime())) {
                if (w.order.type() == OrderType.STOP_LIMIT && !w.triggered) {
                    w.triggered = triggers(w.order.side(), w.order.stopPrice().doubleValue(), bar);
                    continue; // works as a limit from the next bar
                }
                hadTheirChance.add(w);
                Resting r = restingFill(w, bar);
                if (r != null) {
                    resting.add(r);
                }
            }
        }
        resting.sort(Comparator.comparingInt(Resting::phase)); // stable: arrival order within a phase
        for (Resting r : resting) {
            fillResting(r, market, bar, message.time());
        }
        for (Working w : ours) {
            if (w.order.type() == OrderType.MARKET && working.containsKey(w.order.clientOrderId())) {
                if (settings.fills() instanceof EngineRules rules && !w.activeFrom.isAfter(message.time())) {
                    hadTheirChance.add(w);
                    fillAtClose(w, rules, market, message);
                } else if (settings.fills() instanceof RealisticBars realistic && !w.activeFrom.isAfter(bar.openTime())) {
                    hadTheirChance.add(w);
                    fillRealistic(w, realistic, market, bar.open(), Liquidity.TAKER, message.time());
                }
            }
        }
        for (Working w : hadTheirChance) {
            if (!working.containsKey(w.order.clientOrderId())) {
                continue;
            }
            if (w.order.timeInForce() == TimeInForce.IOC) {
                close(w, "ioc.unfilled", "immediate-or-cancel: " + plain(w.leaves()) + " found no fill on the bar of "
                        + bar.openTime());
            } else if (w.order.timeInForce() == TimeInForce.FOK) {
                close(w, "fok.not_fillable", "fill-or-kill: " + plain(w.leaves()) + " found no fill on the bar of "
                        + bar.openTime());
            }
        }
        if (settings.fills() instanceof RealisticBars realistic) {
            if (market.volatility == null) {
                market.volatility = new SlippageModel.Streaming(0, 1, realistic.volWindow());
            }
            market.sigma = market.volatility.next(bar.close()) / 1e4; // known from the next bar on
        }
    }

    /** A resting order this bar reaches: when, at what price before costs, and as a stop or a limit. */
    private record Resting(Working order, int phase, double price) {
    }

    private Resting restingFill(Working w, Bar bar) {
        boolean buy = w.order.side() == Side.BUY;
        double open = bar.open();
        if (w.order.type() == OrderType.STOP) {
            double stop = w.order.stopPrice().doubleValue();
            double px = FillRules.stop(buy, stop, open, bar.high(), bar.low());
            return Double.isNaN(px) ? null : new Resting(w, px == open && (buy ? open >= stop : open <= stop) ? 0 : 1, px);
        }
        double limit = w.order.limitPrice().doubleValue();
        boolean gap = buy ? open <= limit : open >= limit;
        if (gap) {
            return new Resting(w, 0, open);
        }
        boolean reached = settings.fills() instanceof RealisticBars
                ? (buy ? bar.low() < limit : bar.high() > limit)   // through it, not merely touched
                : !Double.isNaN(FillRules.limit(buy, limit, open, bar.high(), bar.low()));
        return reached ? new Resting(w, 2, limit) : null;
    }

    private void fillResting(Resting r, MarketState market, Bar bar, Instant time) {
        Working w = r.order();
        boolean stop = w.order.type() == OrderType.STOP;
        if (settings.fills() instanceof EngineRules rules) {
            fillEngine(w, rules, market, r.price(), stop, time);
        } else if (settings.fills() instanceof RealisticBars realistic) {
            if (stop) {
                fillRealistic(w, realistic, market, r.price(), Liquidity.TAKER, time);
            } else {
                fillMaker(w, realistic, market, r.phase() == 0 ? bar.open() : r.price(), time);
            }
        }
    }

    private static boolean triggers(Side side, double stop, Bar bar) {
        return side == Side.BUY ? bar.open() >= stop || bar.high() >= stop : bar.open() <= stop || bar.low() <= stop;
    }

    // ---- fills ----------------------------------------------------------------------------------

    private void fillAtClose(Working w, EngineRules rules, MarketState market, BarClosed bar) {
        fillEngine(w, rules, market, bar.bar().close(), true, bar.time());
    }

    /** The engine's arithmetic, in its order: slipped price, then fee = q × price × rate. */
    private void fillEngine(Working w, EngineRules rules, MarketState market, double price, boolean slipped, Instant time) {
        BigDecimal quantity = reducible(w, w.leaves());
        if (quantity == null) {
            return;
        }
        boolean buy = w.order.side() == Side.BUY;
        double s = slipped ? market.slippageBps / 1e4 : 0;
        double fillPx = buy ? price * (1 + s) : price * (1 - s);
        double q = quantity.doubleValue();
        double fee = q * fillPx * (rules.feeBps() / 1e4);
        fill(w, quantity, new BigDecimal(fillPx), new BigDecimal(fee), new BigDecimal(Math.abs(fillPx - price)),
                slipped ? Liquidity.TAKER : Liquidity.MAKER, time);
    }

    /** A taker fill from a reference price: half the spread, impact and noise against the order, volume-capped. */
    private void fillRealistic(Working w, RealisticBars model, MarketState market, double reference, Liquidity liquidity,
                               Instant time) {
        BigDecimal quantity = capped(w, market);
        if (quantity == null) {
            return;
        }
        double volume = market.lastBar.bar().volume();
        double impact = volume > 0 ? model.impact() * market.sigma * Math.sqrt(quantity.doubleValue() / volume) : 0;
        double noise = model.noiseBps() == 0 ? 0 : model.noiseBps() / 1e4
                * new SplittableRandom(model.seed() ^ (0x9E3779B97F4A7C15L * w.order.clientOrderId().hashCode())
                ^ (0xBF58476D1CE4E5B9L * market.barIndex)).nextDouble();
        double cost = model.spreadBps() / 2e4 + impact + noise;
        boolean buy = w.order.side() == Side.BUY;
        BigDecimal price = toTick(buy ? reference * (1 + cost) : reference * (1 - cost), w.instrument, buy);
        BigDecimal ref = new BigDecimal(reference);
        fill(w, quantity, price, model.fees().fee(quantity, price, liquidity), price.subtract(ref).abs(), liquidity, time);
    }

    /** A resting limit hit: at its limit (or the better open it gapped to), no spread or impact, the maker fee. */
    private void fillMaker(Working w, RealisticBars model, MarketState market, double at, Instant time) {
        BigDecimal quantity = capped(w, market);
        if (quantity == null) {
            return;
        }
        boolean buy = w.order.side() == Side.BUY;
        BigDecimal limit = w.order.limitPrice();
        BigDecimal price = toTick(at, w.instrument, buy);
        if (buy ? price.compareTo(limit) > 0 : price.compareTo(limit) < 0) {
            price = limit; // rounding away from us never goes past our own limit
        }
        fill(w, quantity, price, model.fees().fee(quantity, price, Liquidity.MAKER), BigDecimal.ZERO, Liquidity.MAKER,
                time);
    }

    /** What of the order this bar's volume allows, in whole lots; null when nothing (a FOK is then closed). */
    private BigDecimal capped(Working w, MarketState market) {
        BigDecimal want = reducible(w, w.leaves());
        if (want == null) {
            return null;
        }
        BigDecimal lot = w.instrument.lotSize();
        BigDecimal room = Double.isInfinite(market.volumeLeft) ? want
                : BigDecimal.valueOf(market.volumeLeft).divide(lot, 0, RoundingMode.FLOOR).multiply(lot);
        if (room.compareTo(want) < 0 && w.order.timeInForce() == TimeInForce.FOK) {
            close(w, "fok.not_fillable", "fill-or-kill: the bar's volume allows " + plain(room) + " of " + plain(want));
            return null;
        }
        BigDecimal quantity = room.min(want);
        if (quantity.signum() <= 0) {
            return null;
        }
        market.volumeLeft -= quantity.doubleValue();
        return quantity;
    }

    /** For a reduce-only order, no more than the position it reduces; null (and closed) when there is none. */
    private BigDecimal reducible(Working w, BigDecimal want) {
        if (!w.order.reduceOnly()) {
            return want;
        }
        BigDecimal position = account.quantity(w.order.instrumentId());
        boolean reduces = position.signum() != 0 && position.signum() != w.order.side().signed(BigDecimal.ONE).signum();
        if (!reduces) {
            close(w, "reduce_only.would_increase", "reduce-only, and the position is " + plain(position));
            return null;
        }
        return want.min(position.abs());
    }

    private void fill(Working w, BigDecimal quantity, BigDecimal price, BigDecimal fee, BigDecimal slippage,
                      Liquidity liquidity, Instant time) {
        Fill fill = new Fill(w.order.clientOrderId(), w.order.instrumentId(), w.order.side(), quantity, price, fee,
                w.instrument.quoteCurrency(), time);
        account = account.apply(fill);
        w.filled = w.filled.add(quantity);
        BigDecimal leaves = w.leaves();
        if (w.order.reduceOnly() && leaves.signum() > 0 && account.quantity(w.order.instrumentId()).signum() == 0) {
            // the position is closed: what a reduce-only order has left could only open a new one
            emit(new OrderFilled(w.order.clientOrderId(), fill, leaves, slippage, liquidity, time));
            close(w, "reduce_only.would_increase", "the position is flat; " + plain(leaves) + " left unfilled");
            return;
        }
        emit(new OrderFilled(w.order.clientOrderId(), fill, leaves, slippage, liquidity, time));
        if (leaves.signum() == 0) {
            working.remove(w.order.clientOrderId());
        }
    }

    private void close(Working w, String code, String detail) {
        working.remove(w.order.clientOrderId());
        if (w.inBook) {
            // the venue ends it: so must the book, or it would keep filling (a cancel of an order the book
            // already ended is refused there and changes nothing)
            MatchingEngine book = markets.get(w.order.instrumentId()).book;
            book.order(w.order.clientOrderId()).filter(o -> o.status().isWorking())
                    .ifPresent(o -> book.cancel(o.orderId()));
        }
        emit(new OrderClosed(w.order.clientOrderId(), w.leaves(), code, detail, now));
    }

    private void expireDayOrders() {
        for (Working w : List.copyOf(working.values())) {
            if (w.dayEnds != null && !now.isBefore(w.dayEnds)) {
                close(w, "market.closed", "a DAY order ends with its session, which closed at " + w.dayEnds);
            }
        }
    }

    // ---- book mode ------------------------------------------------------------------------------

    /** A depth level: the instrument has a book from now on; our resting orders it crosses fill. */
    private void onDepth(DepthUpdate depth) {
        MarketState market = market(depth.instrumentId());
        if (market.book == null) {
            // orders already working reach it with the next message or submit, when it may have more levels
            market.book = new MatchingEngine(depth.instrumentId());
        }
        Touch before = touch(market);
        onBook(market.book.applyDepth(depth.side(), depth.price(), depth.quantity()), before);
        Touch after = touch(market);
        if (after.bid != null || after.ask != null) {
            // what the validator checks a market order's notional against
            market.lastPrice = after.bid == null ? after.ask : after.ask == null ? after.bid
                    : after.bid.add(after.ask).divide(BigDecimal.valueOf(2));
        }
    }

    /** Hands the book every acknowledged order of a booked instrument that may trade by now, first come first. */
    private void releaseDue() {
        for (Working w : List.copyOf(working.values())) {
            MarketState market = markets.get(w.order.instrumentId());
            if (market == null || market.book == null || w.inBook || !w.acknowledged || w.activeFrom.isAfter(now)
                    || (w.dayEnds != null && !now.isBefore(w.dayEnds))
                    || !working.containsKey(w.order.clientOrderId())) {
                continue; // a fill by an earlier release (a stop it triggered) may have ended it
            }
            release(w, market);
        }
    }

    private void release(Working w, MarketState market) {
        if (freshness.check(w.order.instrumentId(), now) instanceof Stale stale) {
            // stale depth must not fill: an order that must trade now ends; one that may wait, waits for a fresh price
            if (mustTradeNow(w.order)) {
                close(w, stale.code(), stale.detail());
            }
            return;
        }
        BigDecimal quantity = reducible(w, w.leaves());
        if (quantity == null) {
            return;
        }
        w.inBook = true;
        w.filledBeforeBook = w.filled;
        OrderRequest o = w.order;
        Touch before = touch(market);
        onBook(market.book.submit(new OrderRequest(o.clientOrderId(), o.instrumentId(), o.side(), o.type(), quantity,
                o.limitPrice(), o.stopPrice(), o.timeInForce(), o.reduceOnly())), before);
    }

    private void modifyInBook(Working w, OrderRequest changed, BigDecimal quantity, BigDecimal limitPrice,
                              BigDecimal stopPrice) {
        MarketState market = markets.get(w.order.instrumentId());
        Touch before = touch(market);
        // the book counts the order from when it arrived there: what filled from bars before is not its
        BookResult result = market.book.modify(w.order.clientOrderId(), quantity.subtract(w.filledBeforeBook),
                limitPrice, stopPrice);
        if (result.isRejected()) {
            BookReject reject = result.rejects().get(0);
            emit(new OrderRejected(w.order.clientOrderId(), "modify", reject.code(), reject.detail(), now));
            return;
        }
        w.order = changed;
        emit(new OrderModified(w.order.clientOrderId(), changed.quantity(), changed.limitPrice(), changed.stopPrice(),
                now));
        onBook(result, before); // a new price that crosses trades at once
    }

    /** Turns what one book call caused into fills and closes, in its order. */
    private void onBook(BookResult result, Touch before) {
        for (BookEvent event : result.events()) {
            Working w = working.get(event.orderId());
            if (w == null || !w.inBook) {
                continue; // the venue already ended it (reduce-only), or the cancel that followed
            }
            if (event instanceof BookFill fill) {
                bookFill(w, fill, before);
            } else if (event instanceof Unfilled unfilled) {
                close(w, unfilled.code(), unfilled.detail());
            } else if (event instanceof BookReject reject) {
                close(w, reject.code(), reject.detail());
            }
        }
    }

    /**
     * One level's fill: at the level's price (a maker at its limit), the fee by liquidity; slippage is
     * the distance from the touch the call began with (0 for a maker, or for a taker at the best level).
     */
    private void bookFill(Working w, BookFill fill, Touch before) {
        BigDecimal quantity = reducible(w, fill.quantity());
        if (quantity == null) {
            return;
        }
        BigDecimal touch = fill.side() == Side.BUY ? before.ask : before.bid;
        BigDecimal slippage = fill.liquidity() == Liquidity.MAKER || touch == null ? BigDecimal.ZERO
                : fill.price().subtract(touch).abs();
        fill(w, quantity, fill.price(), bookFees().fee(quantity, fill.price(), fill.liquidity()), slippage,
                fill.liquidity(), now);
        MatchingEngine book = markets.get(w.order.instrumentId()).book;
        if (w.order.reduceOnly() && working.containsKey(w.order.clientOrderId()) && book.order(w.order.clientOrderId())
                .map(o -> o.status() == BookOrderStatus.FILLED).orElse(false)) {
            // a reduce-only order the book had cut to the position it found there: the rest has nothing to reduce
            close(w, "reduce_only.would_increase", "reduce-only: cut to the position of the moment it reached the "
                    + "book; " + plain(w.leaves()) + " left unfilled");
        }
    }

    /** The book's fees: the fill model's schedule; the engine's rules charge one rate, maker or taker. */
    private FeeSchedule bookFees() {
        if (settings.fills() instanceof RealisticBars realistic) {
            return realistic.fees();
        }
        BigDecimal bps = BigDecimal.valueOf(((EngineRules) settings.fills()).feeBps());
        return new FeeSchedule(bps, bps);
    }

    /** The market's best bid and ask (depth only; null when a side is empty) before a book call. */
    private record Touch(BigDecimal bid, BigDecimal ask) {
    }

    private static Touch touch(MarketState market) {
        return new Touch(market.book.book().bestDepth(Side.BUY).orElse(null),
                market.book.book().bestDepth(Side.SELL).orElse(null));
    }

    private static BigDecimal toTick(double price, Instrument instrument, boolean roundUp) {
        BigDecimal tick = instrument.tickSize();
        BigDecimal ticks = new BigDecimal(price).divide(tick, 0, roundUp ? RoundingMode.CEILING : RoundingMode.FLOOR);
        return ticks.signum() > 0 ? ticks.multiply(tick) : tick;
    }

    private MarketState market(InstrumentId id) {
        return markets.computeIfAbsent(id, k -> new MarketState());
    }

    private void emit(ExecutionReport report) {
        outbox.add(report);
    }

    /** Hands the reports out once the venue is consistent; calls back from the listener queue behind them. */
    private void deliver() {
        if (delivering) {
            return;
        }
        delivering = true;
        try {
            while (!outbox.isEmpty()) {
                listener.onReport(outbox.poll());
            }
        } finally {
            delivering = false;
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** One instrument's market as the venue has seen it. */
    private static final class MarketState {
        BigDecimal lastPrice;
        BarClosed lastBar;
        long barIndex = -1;
        SlippageModel.Streaming engineSlippage;
        double slippageBps;
        SlippageModel.Streaming volatility;
        double sigma;
        double volumeLeft = Double.POSITIVE_INFINITY;
        /** The instrument's L2 book, from its first {@link DepthUpdate} on; null: it fills from bars. */
        MatchingEngine book;
    }

    /** One order the venue works. */
    private static final class Working {
        OrderRequest order;
        final Instrument instrument;
        final String venueOrderId;
        final Instant ackAt;
        final Instant activeFrom;
        final Instant dayEnds;
        boolean acknowledged;
        boolean triggered;
        BigDecimal filled = BigDecimal.ZERO;
        /** Whether it was handed to its instrument's book, which works it from then on. */
        boolean inBook;
        /** What had filled (from bars) before it reached the book: the book counts its quantity from there. */
        BigDecimal filledBeforeBook = BigDecimal.ZERO;

        Working(OrderRequest order, Instrument instrument, String venueOrderId, Instant ackAt, Instant activeFrom,
                Instant dayEnds) {
            this.order = order;
            this.instrument = instrument;
            this.venueOrderId = venueOrderId;
            this.ackAt = ackAt;
            this.activeFrom = activeFrom;
            this.dayEnds = dayEnds;
        }

        BigDecimal leaves() {
            return order.quantity().subtract(filled);
        }
    }
}
