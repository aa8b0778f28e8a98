/**
 * The paper venue: trading on paper behind the same {@code ExecutionPort} as a real venue, in market
 * time, with latency, fees, stale-price refusals and DAY expiry.
 *
 * <p><b>Slippage.</b> Two regimes, per instrument:
 * <ul>
 *   <li><b>Bars</b> (no depth): the {@code FillModel} says what a fill costs: the backtest's own rules
 *       ({@code EngineRules}), or the next open plus half the spread, square-root impact of the size
 *       against the bar's volume, seeded noise and a cap on the share of the bar's volume
 *       ({@code RealisticBars}).</li>
 *   <li><b>Book mode</b> (from the instrument's first {@code DepthUpdate}): the L2 book is the venue.
 *       A taker walks the levels, a fill per level at its price, and its slippage is exactly the depth
 *       it eats; what is left closes with a reason or rests by its time in force; resting orders fill
 *       as makers, at their limit, when depth or trades come through them. What we take stays gone
 *       until the feed's next update of that level replaces it.</li>
 * </ul>
 * {@code PaperVenue}'s class comment has the rules in full.
 */
package io.heliox.atlas.trading.venue.paper;
