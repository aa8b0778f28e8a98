package io.heliox.atlas.engine.scenario;

/** The regimes of regime_switch, in the order of the transition matrix's rows and columns. */
public enum MarketRegime {
    BULL("bull"),
    BEAR("bear"),
    SIDEWAYS("sideways");

    private final String dslName;

    MarketRegime(String dslName) {
        this.dslName = dslName;
    }

    public String dslName() {
        return dslName;
    }

    static MarketRegime of(String dslName) {
        for (MarketRegime r : values()) {
            if (r.dslName.equals(dslName)) {
                return r;
            }
        }
        return null;
    }
}
