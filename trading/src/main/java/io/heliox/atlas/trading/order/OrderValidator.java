package io.heliox.atlas.trading.order;

import io.heliox.atlas.trading.calendar.TradingCalendar;
import io.heliox.atlas.trading.calendar.TradingCalendars;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.Instruments;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Checks an order against its instrument's terms, the market's hours, the account's state and
 * position, and the client order ids already used. A pure function: it reads its arguments and
 * changes nothing, so a rejected order cannot have changed an account, and checking twice answers
 * twice the same.
 *
 * <p>The checks run in this order and the first that fails is the answer, so a client fixing one
 * mistake is not told about a later one that depended on it:
 * <ol>
 *   <li>the client order id: blank, or already used ({@code client_order_id.duplicate}: a resend is
 *       told so before anything else, and never trades twice);</li>
 *   <li>the instrument: unknown;</li>
 *   <li>the trading state: {@link TradingState#HALTED} takes nothing new;</li>
 *   <li>the quantity: not positive, below one lot, not a whole number of lots;</li>
 *   <li>the prices: a price the type needs missing, one it does not take present, not positive, off tick;</li>
 *   <li>the notional, quantity × the order's price (the limit for limit and stop-limit orders, the stop
 *       for stop orders, the last price for market orders), below the instrument's minimum;</li>
 *   <li>exposure: a reduce-only order, or any order while {@link TradingState#REDUCING}, must be on the
 *       side opposite the position and no larger than it (larger would flip it);</li>
 *   <li>market hours, below.</li>
 * </ol>
 *
 * <p>Market hours: a market order is never accepted while the market is closed (it could only fill at
 * whatever price the open brings). An order that names its price (limit, stop, stop-limit) placed while
 * the market is closed is rejected when its time in force is DAY, IOC or FOK (there is no session for it
 * to live in, and nothing to fill against now), and accepted when it is GTC: it is held until the open,
 * {@link OrderAccepted#activeFrom()} being the calendar's {@link TradingCalendar#nextOpen nextOpen}.
 *
 * <p>Working orders are not counted: reduce-only compares against the position alone, so two
 * reduce-only orders may together exceed it. The venue that holds working orders must cap them.
 */
public final class OrderValidator {

    private final Instruments instruments;

    public OrderValidator(Instruments instruments) {
        this.instruments = instruments;
    }

    public OrderCheck check(OrderRequest order, OrderContext context) {
        String id = order.clientOrderId();
        if (id.isBlank()) {
            return reject(order, RejectReason.CLIENT_ORDER_ID_BLANK, "the client order id is blank");
        }
        if (context.seenClientOrderIds().contains(id)) {
            return reject(order, RejectReason.CLIENT_ORDER_ID_DUPLICATE, "client order id " + id + " was already used");
        }
        Optional<Instrument> found = instruments.find(order.instrumentId());
        if (found.isEmpty()) {
            return reject(order, RejectReason.INSTRUMENT_UNKNOWN, "no instrument " + order.instrumentId());
        }
        Instrument instrument = found.get();
        if (context.state() == TradingState.HALTED) {
            return reject(order, RejectReason.TRADING_HALTED, "trading is halted: no new orders");
        }
        OrderReject reject = checkQuantity(order, instrument);
        if (reject == null) {
            reject = checkPrices(order, instrument);
        }
        if (reject == null) {
            reject = checkNotional(order, instrument, context.lastPrice());
        }
        if (reject == null) {
            reject = checkExposure(order, context);
        }
        if (reject != null) {
            return reject;
        }
        return checkHours(order, instrument, context);
    }

    private static OrderReject checkQuantity(OrderRequest order, Instrument instrument) {
        BigDecimal qty = order.quantity();
        if (qty.signum() <= 0) {
            return reject(order, RejectReason.QUANTITY_NOT_POSITIVE, "quantity " + plain(qty) + " is not positive");
        }
        if (qty.compareTo(instrument.lotSize()) < 0) {
            return reject(order, RejectReason.QUANTITY_BELOW_LOT,
                    "quantity " + plain(qty) + " is below the lot size " + plain(instrument.lotSize()));
        }
        if (!instrument.isLotMultiple(qty)) {
            return reject(order, RejectReason.QUANTITY_NOT_LOT_MULTIPLE,
                    "quantity " + plain(qty) + " is not a multiple of the lot size " + plain(instrument.lotSize()));
        }
        return null;
    }

    private static OrderReject checkPrices(OrderRequest order, Instrument instrument) {
        OrderType type = order.type();
        OrderReject reject = checkPrice(order, instrument, "limit", order.limitPrice(), type.needsLimitPrice());
        return reject != null ? reject
                : checkPrice(order, instrument, "stop", order.stopPrice(), type.needsStopPrice());
    }

    private static OrderReject checkPrice(OrderRequest order, Instrument instrument, String name, BigDecimal price,
                                          boolean needed) {
        if (price == null) {
            return needed ? reject(order, RejectReason.PRICE_MISSING,
                    "a " + typeName(order) + " order needs a " + name + " price") : null;
        }
        if (!needed) {
            return reject(order, RejectReason.PRICE_UNEXPECTED,
                    "a " + typeName(order) + " order takes no " + name + " price (got " + plain(price) + ")");
        }
        if (price.signum() <= 0) {
            return reject(order, RejectReason.PRICE_NOT_POSITIVE, name + " price " + plain(price) + " is not positive");
        }
        if (!instrument.isOnTick(price)) {
            return reject(order, RejectReason.PRICE_OFF_TICK,
                    name + " price " + plain(price) + " is not a multiple of the tick " + plain(instrument.tickSize()));
        }
        return null;
    }

    private static OrderReject checkNotional(OrderRequest order, Instrument instrument, BigDecimal lastPrice) {
        BigDecimal price = switch (order.type()) {
            case LIMIT, STOP_LIMIT -> order.limitPrice();
            case STOP -> order.stopPrice();
            case MARKET -> lastPrice;
        };
        if (price == null) {
            if (instrument.minNotional().signum() == 0) {
                return null; // nothing to check against: no minimum
            }
            return reject(order, RejectReason.PRICE_MISSING,
                    "no last price to check the market order's notional against the minimum "
                            + plain(instrument.minNotional()));
        }
        BigDecimal notional = order.quantity().multiply(price);
        if (notional.compareTo(instrument.minNotional()) < 0) {
            return reject(order, RejectReason.NOTIONAL_BELOW_MINIMUM, "notional " + plain(notional)
                    + " is below the minimum " + plain(instrument.minNotional()) + " " + instrument.quoteCurrency());
        }
        return null;
    }

    private static OrderReject checkExposure(OrderRequest order, OrderContext context) {
        boolean reducing = reduces(order, context.positionQuantity());
        if (order.reduceOnly() && !reducing) {
            return reject(order, RejectReason.REDUCE_ONLY_WOULD_INCREASE, "a reduce-only " + order.side()
                    + " of " + plain(order.quantity()) + " against a position of " + plain(context.positionQuantity())
                    + " would open or increase one");
        }
        if (context.state() == TradingState.REDUCING && !reducing) {
            return reject(order, RejectReason.TRADING_REDUCING, "trading is reducing only: a " + order.side()
                    + " of " + plain(order.quantity()) + " against a position of " + plain(context.positionQuantity())
                    + " would not reduce it");
        }
        return null;
    }

    /** Opposite the position's side and no larger than it: the position shrinks towards 0 and does not flip. */
    static boolean reduces(OrderRequest order, BigDecimal position) {
        return position.signum() != 0
                && order.side().sign() == -position.signum()
                && order.quantity().compareTo(position.abs()) <= 0;
    }

    private static OrderCheck checkHours(OrderRequest order, Instrument instrument, OrderContext context) {
        TradingCalendar calendar = TradingCalendars.forAssetClass(instrument.assetClass());
        if (calendar.isOpen(context.at())) {
            return new OrderAccepted(order, instrument, context.at(), false);
        }
        String why = calendar.status(context.at()).reason();
        if (!order.type().rests()) {
            return reject(order, RejectReason.MARKET_CLOSED,
                    "the market is closed (" + why + "): a market order cannot be placed");
        }
        if (!order.timeInForce().mayWaitForOpen()) {
            return reject(order, RejectReason.MARKET_CLOSED, "the market is closed (" + why + "): a "
                    + order.timeInForce() + " order cannot wait for the open; GTC can");
        }
        return new OrderAccepted(order, instrument, calendar.nextOpen(context.at()), true);
    }

    private static OrderReject reject(OrderRequest order, RejectReason reason, String detail) {
        return new OrderReject(order.clientOrderId(), reason, detail);
    }

    private static String typeName(OrderRequest order) {
        return order.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
