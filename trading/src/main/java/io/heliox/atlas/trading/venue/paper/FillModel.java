package io.heliox.atlas.trading.venue.paper;

/**
 * How the paper venue fills orders from bars: exactly as the backtest engine does
 * ({@link EngineRules}, for parity), or with the costs a real market would charge ({@link RealisticBars}).
 */
public sealed interface FillModel permits EngineRules, RealisticBars {
}
