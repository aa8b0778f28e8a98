/**
 * What is traded: {@link io.heliox.atlas.trading.instrument.AssetClass asset classes} and
 * {@link io.heliox.atlas.trading.instrument.Instrument instruments} with their tick, lot, minimum
 * notional, quote currency and margin rate, looked up in an
 * {@link io.heliox.atlas.trading.instrument.Instruments} registry.
 */
package io.heliox.atlas.trading.instrument;
