package io.heliox.atlas.trading.execution;

import java.time.Instant;
import java.util.Objects;

/**
 * The venue refused the order (or a modify or cancel of it, {@link #request()}): it never worked,
 * or the change was not made. The code is stable and machine-readable ({@code price.off_tick},
 * {@code order.unknown}, ...); the detail says it in words with the numbers.
 *
 * @param request what was refused: {@code submit}, {@code modify} or {@code cancel}
 */
public record OrderRejected(String clientOrderId, String request, String code, String detail, Instant time)
        implements ExecutionReport {

    public OrderRejected {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(time, "time");
    }
}
