package io.heliox.atlas.trading.calendar;

import io.heliox.atlas.trading.instrument.AssetClass;

import java.time.ZoneId;

/** The market hours of each asset class. The calendars are immutable and shared. */
public final class TradingCalendars {

    /** The clock of every calendar here but crypto's: FX, metals and US equities keep New York time. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final TradingCalendar FX = new FxCalendar();
    private static final TradingCalendar CRYPTO = new CryptoCalendar();
    private static final TradingCalendar EQUITY = UsEquityCalendar.nyse();
    private static final TradingCalendar METAL = new MetalsCalendar();

    private TradingCalendars() {
    }

    /**
     * FX: Sunday 17:00 to Friday 17:00 New York; crypto: always; equities: the NYSE with its
     * holidays, early closes and the one-off closures since 2001; metals: CME Globex hours.
     */
    public static TradingCalendar forAssetClass(AssetClass assetClass) {
        return switch (assetClass) {
            case FX -> FX;
            case CRYPTO -> CRYPTO;
            case EQUITY -> EQUITY;
            case METAL -> METAL;
        };
    }
}
