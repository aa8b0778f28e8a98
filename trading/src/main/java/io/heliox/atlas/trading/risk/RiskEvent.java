package io.heliox.atlas.trading.risk;

import java.time.Instant;

/**
 * What risk monitoring decided, in the order it happened: the records a session aggregate records as
 * its events and applies to its {@link RiskState} ({@link RiskState#apply}). Some change the state
 * (a day started, a peak, a limit breached or cleared, trading resumed), the others are the facts
 * and requests that follow from them (the state changed, a warning, orders to cancel, a close-out).
 */
public sealed interface RiskEvent permits TradingDayStarted, EquityPeakSet, RiskWarning, LimitBreached,
        LimitCleared, TradingStateChanged, CancelOrdersRequested, CloseOutRequested, TradingResumed {

    Instant at();
}
