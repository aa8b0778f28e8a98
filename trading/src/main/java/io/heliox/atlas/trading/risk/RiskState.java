package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.order.TradingState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * A scope's risk state as its events left it: the trading day and its start equity, the session's
 * equity peak, and what each breached limit demands. The trading state is derived, the most
 * restrictive demand, so two causes never overwrite each other: a margin call that clears leaves a
 * daily loss halt in place.
 *
 * @param tradingDay     the current {@link TradingDay}, null before the first reading
 * @param dayStartEquity the equity the day's loss counts from, null before the first reading
 * @param peakEquity     the session's highest equity (or the equity when trading last resumed), null before
 * @param demands        per monitored limit: ACTIVE when it has only warned, else REDUCING or HALTED
 */
public record RiskState(LocalDate tradingDay, BigDecimal dayStartEquity, BigDecimal peakEquity,
                        Map<RiskLimit, TradingState> demands) {

    public RiskState {
        demands = Map.copyOf(demands);
    }

    /** Nothing seen yet: ACTIVE. */
    public static RiskState initial() {
        return new RiskState(null, null, null, Map.of());
    }

    /** The most restrictive demand of any breached limit; ACTIVE when none. */
    public TradingState state() {
        TradingState state = TradingState.ACTIVE;
        for (TradingState demand : demands.values()) {
            if (demand.compareTo(state) > 0) {
                state = demand;
            }
        }
        return state;
    }

    /** What a limit demands now: ACTIVE when it has only warned, null when it has neither warned nor breached. */
    public TradingState demand(RiskLimit limit) {
        return demands.get(limit);
    }

    /** The state after {@code event}; the events that only report or request leave it as it is. */
    public RiskState apply(RiskEvent event) {
        if (event instanceof TradingDayStarted e) {
            return new RiskState(e.day(), e.startEquity(), peakEquity, without(RiskLimit.DAILY_LOSS));
        }
        if (event instanceof EquityPeakSet e) {
            return new RiskState(tradingDay, dayStartEquity, e.peak(), demands);
        }
        if (event instanceof RiskWarning e) {
            return demands.containsKey(e.limit()) ? this
                    : new RiskState(tradingDay, dayStartEquity, peakEquity, with(e.limit(), TradingState.ACTIVE));
        }
        if (event instanceof LimitBreached e) {
            return new RiskState(tradingDay, dayStartEquity, peakEquity, with(e.limit(), e.demands()));
        }
        if (event instanceof LimitCleared e) {
            return new RiskState(tradingDay, dayStartEquity, peakEquity, without(e.limit()));
        }
        if (event instanceof TradingResumed) {
            return new RiskState(tradingDay, dayStartEquity, peakEquity, without(RiskLimit.MAX_DRAWDOWN));
        }
        return this; // TradingStateChanged, CancelOrdersRequested, CloseOutRequested: reports and requests
    }

    private Map<RiskLimit, TradingState> with(RiskLimit limit, TradingState demand) {
        Map<RiskLimit, TradingState> next = new EnumMap<>(RiskLimit.class);
        next.putAll(demands);
        next.put(limit, demand);
        return next;
    }

    private Map<RiskLimit, TradingState> without(RiskLimit limit) {
        Map<RiskLimit, TradingState> next = new EnumMap<>(RiskLimit.class);
        next.putAll(demands);
        next.remove(limit);
        return next;
    }
}
