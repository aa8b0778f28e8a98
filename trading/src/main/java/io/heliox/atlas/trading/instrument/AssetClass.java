package io.heliox.atlas.trading.instrument;

/**
 * The kinds of market ATLAS trades. An asset class decides the market's hours
 * ({@code calendar.TradingCalendars.forAssetClass}); later also its contract and cost terms.
 */
public enum AssetClass {
    /** Spot currency pairs (EURUSD): a continuous week, Sunday to Friday 17:00 New York. */
    FX,
    /** Crypto-currency pairs (BTCUSDT): never closed. */
    CRYPTO,
    /** US-listed stocks and ETFs: the NYSE's regular session, pre-market and after-hours. */
    EQUITY,
    /** Precious metals quoted against a currency (XAUUSD): CME Globex hours with a daily break. */
    METAL
}
