package io.heliox.atlas.trading.instrument;

import java.util.Objects;

/**
 * Which instrument: a symbol on a venue ({@code EURUSD.OANDA}, {@code BTCUSDT.BINANCE}). The venue
 * is part of the id because the same symbol on two venues is two instruments: tick, lot, minimum
 * notional and hours are the venue's, not the symbol's.
 */
public record InstrumentId(String symbol, String venue) {

    public InstrumentId {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venue, "venue");
        if (symbol.isBlank() || venue.isBlank() || symbol.contains(".") || venue.contains(".")) {
            throw new IllegalArgumentException("symbol and venue must be non-blank and contain no '.': "
                    + symbol + "." + venue);
        }
    }

    /** Parses {@code SYMBOL.VENUE}, the form {@link #toString()} writes. */
    public static InstrumentId parse(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("not SYMBOL.VENUE: " + text);
        }
        return new InstrumentId(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return symbol + "." + venue;
    }
}
