package io.heliox.atlas.query.trading;

import java.math.BigDecimal;
import java.time.Instant;

/** One fill of a paper session, {@code seq} its place in the session's stream. Liquidity and slippage may be null. */
public record SessionFillView(long seq, String clientOrderId, String side, BigDecimal quantity, BigDecimal price,
                              BigDecimal fee, String liquidity, BigDecimal slippage, BigDecimal leaves, int bar,
                              Instant filledAt) {
}
