package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.order.OrderRequest;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order (or a modify, as the order it would become) refused by a limit: which limit, its value,
 * the value the order would have brought about, and the order. What a session records as its risk
 * denial event. The first limit that fails is the answer ({@link RiskEngine} lists the order).
 *
 * @param limitValue the limit (a quantity, an amount in the account currency, a count or a percent,
 *                   as the limit is); for {@code risk.halted} 0 (nothing may be added); for
 *                   {@code risk.reducing} the absolute position that may still be reduced;
 *                   null for {@code risk.currency_unsupported}, {@code risk.mark_missing} and
 *                   {@code risk.order_unknown}, which have none
 * @param order      the order, or for a modify the order as it would become; null only for
 *                   {@code risk.order_unknown} (a modify of an order not open: there is nothing to name)
 * @param observed   what the order would have made of it: the worst-case position or exposure with
 *                   every working order and this one filled, the order's notional, the count in the
 *                   window with this one, the price's distance from the mark in percent
 */
public record Denied(RiskLimit limit, BigDecimal limitValue, BigDecimal observed, OrderRequest order)
        implements RiskCheck {

    public Denied {
        Objects.requireNonNull(limit, "limit");
        if ((order == null) != (limit == RiskLimit.ORDER_UNKNOWN)) {
            throw new IllegalArgumentException("a denial names its order, except of a modify of an unknown order");
        }
    }

    /** The stable wire code, such as {@code risk.max_position}. */
    public String code() {
        return limit.code();
    }

    /** In words, for a person: computed on demand, so the check itself builds no strings. */
    public String detail() {
        if (order == null) {
            return code();
        }
        return order.clientOrderId() + " " + order.side() + " " + order.quantity().toPlainString() + " "
                + order.instrumentId() + ": " + code() + " (limit " + plain(limitValue) + ", would be "
                + plain(observed) + ")";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "none" : value.toPlainString();
    }
}
