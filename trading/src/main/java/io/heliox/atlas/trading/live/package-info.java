/**
 * The live strategy runner: a StrategyDSL strategy fed one closed bar at a time
 * ({@link io.heliox.atlas.trading.live.StrategyRunner#onBar}) decides what the batch engine decides
 * on that bar over the whole series, with the same warm-up and the same doubles, because both run
 * the engine's one semantics (the engine's {@code BarEvaluator} and indicators' bar-by-bar forms,
 * checked bit for bit against the column kernels). Per bar the cost is the strategy's size, not
 * the history's.
 *
 * <p>The seam to a venue: a {@link io.heliox.atlas.trading.live.Decision} is the strategy's wish for
 * the bar (a {@link io.heliox.atlas.trading.live.Signal} and the {@link io.heliox.atlas.trading.live.Exposure}
 * it asks for); {@link io.heliox.atlas.trading.live.Decision#orders} turns a wish into the market
 * {@link io.heliox.atlas.trading.order.OrderRequest}s that move a position there, exit first and
 * entry second, as the engine's simulator fills a reversal. What sits between wish and order is
 * execution policy, not strategy: the engine's {@code Simulator} applies the risk exits (stop loss,
 * take profit, ATR levels), the cooldown, the time exit, the bar delay and the entry sizing; a
 * trading session does the same before it calls {@code orders} (the parity test feeds these
 * decisions to that simulator and gets the backtest's fills and equity).
 */
package io.heliox.atlas.trading.live;
