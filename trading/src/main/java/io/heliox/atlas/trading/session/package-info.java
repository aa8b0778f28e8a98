/**
 * A trading session's pure core: {@link io.heliox.atlas.trading.session.StrategySession} runs a
 * strategy on a paper venue behind the risk engine and kill switches, and says what it did as
 * {@link io.heliox.atlas.trading.session.SessionEvent}s, for an aggregate to record.
 */
package io.heliox.atlas.trading.session;
