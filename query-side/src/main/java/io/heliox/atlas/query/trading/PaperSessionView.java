package io.heliox.atlas.query.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A paper session as {@code paper_sessions} has it: where it stands. */
public record PaperSessionView(UUID id, String accountId, String instrument, String principal, String status,
                               String state, int nextBar, int barsTotal, int barEveryMs, BigDecimal equity,
                               BigDecimal position, int fills, Instant startedAt, Instant stoppedAt,
                               String stopReason, BigDecimal peakEquity, Double lastClose) {

    /** How far equity is below its peak, as a fraction of the peak (0 at a new high); null before the first bar. */
    public BigDecimal drawdown() {
        if (equity == null || peakEquity == null || peakEquity.signum() <= 0) {
            return null;
        }
        return peakEquity.subtract(equity).divide(peakEquity, java.math.MathContext.DECIMAL64);
    }
}
