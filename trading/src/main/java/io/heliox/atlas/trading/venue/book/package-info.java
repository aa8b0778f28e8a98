/**
 * The paper venue's order book for one instrument: the market's displayed depth per price level
 * (fed by market data, {@link io.heliox.atlas.trading.venue.book.MatchingEngine#applyDepth}) and our
 * own resting orders beside it, and the {@link io.heliox.atlas.trading.venue.book.MatchingEngine}
 * that matches market, limit, stop and stop-limit orders against it with partial fills, IOC, FOK,
 * cancels and modifies. Every order that ends without filling in full says why
 * ({@link io.heliox.atlas.trading.venue.book.Unfilled}, a {@link io.heliox.atlas.trading.venue.book.BookReason}).
 *
 * <p>Pure, deterministic and single-threaded: no clock, no randomness, no iteration over hash order,
 * so the same sequence of calls gives the same events, byte for byte. The paper venue
 * ({@code venue.paper.PaperVenue}) keeps one per instrument that has depth and adds what a venue adds
 * around it: latency, fees, stale-price refusal, reduce-only, DAY expiry and the execution reports.
 */
package io.heliox.atlas.trading.venue.book;
