/**
 * Risk: the limits of an account or a session ({@link io.heliox.atlas.trading.risk.RiskLimits}), the
 * pre-trade check of every order and modify ({@link io.heliox.atlas.trading.risk.RiskEngine#check},
 * Allowed or Denied with the limit, its value, the observed value, the order and a stable code such
 * as {@code risk.max_position}), monitoring of equity and margin into trading state changes
 * (ACTIVE / REDUCING / HALTED), warnings and close-outs as {@link io.heliox.atlas.trading.risk.RiskEvent}
 * records, and the kill switches per session, account and globally
 * ({@link io.heliox.atlas.trading.risk.KillSwitches}), and each set limit beside what is used of it
 * ({@link io.heliox.atlas.trading.risk.RiskUsage#measure}), for the API and the UI.
 *
 * <p>Pure and deterministic: time is the instant the caller passes, state is the records the caller
 * keeps (the open orders and recent order rates are the caller's working state, rebuilt from its
 * events), so a session aggregate can record every decision as an event and replay to the same state.
 */
package io.heliox.atlas.trading.risk;
