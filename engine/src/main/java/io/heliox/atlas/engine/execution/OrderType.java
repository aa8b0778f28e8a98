package io.heliox.atlas.engine.execution;

/**
 * How an order meets the bar. Decisions taken at a bar's close are {@link #MARKET} orders;
 * a stop loss is a {@link #STOP}, a take profit a {@link #LIMIT}; entries may be either
 * ({@link ExecutionConfig#entryOrder()}). The price rules are in {@link FillRules}.
 */
public enum OrderType {
    MARKET,
    LIMIT,
    STOP;

    /** The code the trade log stores for this type. */
    public byte code() {
        return (byte) ordinal();
    }

    public static OrderType of(byte code) {
        return values()[code];
    }

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
