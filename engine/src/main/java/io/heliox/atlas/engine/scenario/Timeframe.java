package io.heliox.atlas.engine.scenario;

/** Bar size of a scenario, with its spelling in the DSL. */
public enum Timeframe {
    M1("1m", 60_000L),
    M5("5m", 300_000L),
    M15("15m", 900_000L),
    H1("1h", 3_600_000L),
    H4("4h", 14_400_000L),
    D1("1d", 86_400_000L);

    private final String dslName;
    private final long millis;

    Timeframe(String dslName, long millis) {
        this.dslName = dslName;
        this.millis = millis;
    }

    public String dslName() {
        return dslName;
    }

    /** Length of one bar in milliseconds. */
    public long millis() {
        return millis;
    }

    /**
     * P, bars per year, for annualised metrics: synthetic markets trade around the clock on
     * 260 weekdays a year (1h → 6,240; 1d → 260), the convention the backtest contract states.
     */
    public double periodsPerYear() {
        return 260.0 * 86_400_000L / millis;
    }

    /** The timeframe spelled {@code dslName}, or null. */
    public static Timeframe of(String dslName) {
        for (Timeframe t : values()) {
            if (t.dslName.equals(dslName)) {
                return t;
            }
        }
        return null;
    }
}
