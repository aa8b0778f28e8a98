package io.heliox.atlas.trading.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The order stopped working with quantity left unfilled, and why: cancelled at our request
 * ({@code order.cancelled}), the rest of an IOC order ({@code ioc.unfilled}), a fill-or-kill that
 * could not fill whole ({@code fok.not_fillable}), prices too old to trade on ({@code marketdata.stale}),
 * the market closing on a DAY order ({@code market.closed}). An order that fills in full ends with its
 * last {@link OrderFilled}, not with this.
 *
 * @param unfilled what never traded, positive
 */
public record OrderClosed(String clientOrderId, BigDecimal unfilled, String code, String detail, Instant time)
        implements ExecutionReport {

    public OrderClosed {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(unfilled, "unfilled");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(time, "time");
    }
}
