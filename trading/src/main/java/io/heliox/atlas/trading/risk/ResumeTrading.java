package io.heliox.atlas.trading.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The command that lifts a drawdown halt: who, why (never blank: it is the audit trail's answer to
 * "why did trading start again"), when, and the equity then, which becomes the new peak.
 */
public record ResumeTrading(String principal, String reason, BigDecimal equity, Instant at) {

    public ResumeTrading {
        requireAudited(principal, reason);
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(at, "at");
    }

    static void requireAudited(String principal, String reason) {
        if (principal == null || principal.isBlank()) {
            throw new IllegalArgumentException("re-enabling trading names its principal");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("re-enabling trading gives a reason");
        }
    }
}
