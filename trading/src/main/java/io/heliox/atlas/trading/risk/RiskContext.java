package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.TradingState;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a risk decision reads: the moment (the caller's injected clock), the scope's effective trading
 * state (its own risk state and every kill switch above it: {@link KillSwitches#effectiveState}), the
 * account's positions and cash, its open orders, the last price per instrument, and the recent
 * submits and modifies. Read, never changed, by {@link RiskEngine}.
 *
 * @param marks the last price per instrument: exposures are valued at it and prices banded against it
 */
public record RiskContext(Instant now, TradingState state, Account account, OpenOrders openOrders,
                          Map<InstrumentId, java.math.BigDecimal> marks, RateWindow submits, RateWindow modifies) {

    public RiskContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(openOrders, "openOrders");
        Objects.requireNonNull(marks, "marks");
        Objects.requireNonNull(submits, "submits");
        Objects.requireNonNull(modifies, "modifies");
    }

    public RiskContext at(Instant t, TradingState s) {
        return new RiskContext(t, s, account, openOrders, marks, submits, modifies);
    }
}
