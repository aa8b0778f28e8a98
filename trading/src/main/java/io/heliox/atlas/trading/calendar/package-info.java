/**
 * Market hours: when a market is open, and if not, why and until when. Orders are checked against
 * a {@link io.heliox.atlas.trading.calendar.TradingCalendar}: a market order never fills in a
 * closed market, and an order held "until open" waits for
 * {@link io.heliox.atlas.trading.calendar.TradingCalendar#nextOpen nextOpen}.
 */
package io.heliox.atlas.trading.calendar;
