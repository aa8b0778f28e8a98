package io.heliox.atlas.engine.scenario;

/** The validated parameters of one family, in the units of the DSL (basis points). */
public sealed interface FamilyParams
        permits TrendParams, MeanRevertParams, VolClusterParams, ShockMixParams, RegimeSwitchParams {

    /** One basis point as a log-price move. */
    double BPS = 1e-4;

    Family family();

    /** The process that generates this family's log-price path. */
    PriceProcess process();
}
