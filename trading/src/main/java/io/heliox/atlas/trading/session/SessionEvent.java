package io.heliox.atlas.trading.session;

import io.heliox.atlas.trading.execution.ExecutionReport;
import io.heliox.atlas.trading.live.Signal;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.TradingState;
import io.heliox.atlas.trading.risk.KillSwitchEngaged;
import io.heliox.atlas.trading.risk.KillSwitchReleased;
import io.heliox.atlas.trading.risk.RiskEvent;
import io.heliox.atlas.trading.risk.RiskLimits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link StrategySession} did, in order: the session's log, which an aggregate records and its
 * projections (orders, fills, positions, equity, risk) read.
 */
public sealed interface SessionEvent {

    /** The strategy's decision at a bar's close. */
    record BarDecided(long bar, Instant time, double close, Signal signal, boolean warm) implements SessionEvent {
        public BarDecided {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(signal, "signal");
        }
    }

    /** An order passed the risk engine and went to the venue. */
    record OrderSubmitted(OrderRequest order, Instant time) implements SessionEvent {
        public OrderSubmitted {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(time, "time");
        }
    }

    /** The risk engine refused an order (or a modify): the limit's code, its value, what the order would have made. */
    record RiskDenied(String code, String detail, BigDecimal limitValue, BigDecimal observed, OrderRequest order,
                      Instant time) implements SessionEvent {
        public RiskDenied {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(time, "time");
        }
    }

    /** What the venue said about an order: acknowledged, rejected, filled, modified, closed. */
    record Reported(ExecutionReport report) implements SessionEvent {
        public Reported {
            Objects.requireNonNull(report, "report");
        }
    }

    /** Monitoring's events: the trading day, the equity peak, warnings, limits breached and cleared, halts. */
    record Risk(RiskEvent event) implements SessionEvent {
        public Risk {
            Objects.requireNonNull(event, "event");
        }
    }

    record KillSwitchOn(KillSwitchEngaged event) implements SessionEvent {
        public KillSwitchOn {
            Objects.requireNonNull(event, "event");
        }
    }

    record KillSwitchOff(KillSwitchReleased event) implements SessionEvent {
        public KillSwitchOff {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * The state the session trades in changed: its risk state with every kill switch over it
     * (a {@link Risk} event says why its own state changed; a kill switch halts it whatever that is).
     */
    record StateChanged(TradingState from, TradingState to, Instant time) implements SessionEvent {
        public StateChanged {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(time, "time");
        }
    }

    /** The account marked at a bar's close: exact equity, and the state the session then trades in. */
    record EquityMarked(long bar, Instant time, BigDecimal equity, TradingState state) implements SessionEvent {
        public EquityMarked {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(equity, "equity");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * The session's limits were changed (audited: who and why); it trades under {@code current} from
     * {@code time} on. Monitoring's events at the new limits follow it in the same call.
     */
    record LimitsChanged(RiskLimits previous, RiskLimits current, String principal, String reason, Instant time)
            implements SessionEvent {
        public LimitsChanged {
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(time, "time");
        }
    }

    /** The session stopped deciding; its open orders were cancelled. */
    record Stopped(String principal, String reason, Instant time) implements SessionEvent {
        public Stopped {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(time, "time");
        }
    }
}
