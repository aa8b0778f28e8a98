package io.heliox.atlas.engine.scenario;

/**
 * How a bar's volume is drawn. Volume has its own random stream, so switching the model never
 * changes the prices of a scenario.
 */
public enum VolumeModel {
    /** {@link #MEAN_VOLUME} on every bar. */
    CONST("const"),
    /** {@code MEAN_VOLUME * exp(0.5 z - 0.125)}: log-normal with mean {@link #MEAN_VOLUME}. */
    LOGNORMAL("lognormal");

    public static final double MEAN_VOLUME = 1000.0;
    static final double LOG_SIGMA = 0.5;

    private final String dslName;

    VolumeModel(String dslName) {
        this.dslName = dslName;
    }

    public String dslName() {
        return dslName;
    }

    static VolumeModel of(String dslName) {
        for (VolumeModel m : values()) {
            if (m.dslName.equals(dslName)) {
                return m;
            }
        }
        return null;
    }
}
