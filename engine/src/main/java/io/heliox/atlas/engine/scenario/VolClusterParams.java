package io.heliox.atlas.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.engine.scenario.SpecReader.Range;

import java.util.Set;

/**
 * vol_cluster: GARCH(1,1) log returns.
 *
 * @param omega variance floor per bar, bps², in (0, 1e6]
 * @param alpha weight of the last squared shock, in [0, 1)
 * @param beta  weight of the last variance, in [0, 1); alpha + beta &lt; 1
 * @param mu    mean log return per bar, bps, in [-100, 100]
 */
public record VolClusterParams(double omega, double alpha, double beta, double mu) implements FamilyParams {

    static final Range OMEGA = Range.aboveUpTo(0, 1_000_000);
    static final Range WEIGHT = Range.fromBelow(0, 1);
    static final Range MU = Range.closed(-100, 100);
    /** Above this long-run volatility (10% a bar) a path is noise that leaves any price range. */
    static final double MAX_LONG_RUN_SIGMA_BPS = 1000;

    static VolClusterParams read(SpecReader reader, JsonNode params, String pointer) {
        reader.onlyFields(params, pointer, Set.of("omega", "alpha", "beta", "mu"));
        double omega = reader.number(params, pointer, "omega", OMEGA);
        double alpha = reader.number(params, pointer, "alpha", WEIGHT);
        double beta = reader.number(params, pointer, "beta", WEIGHT);
        double mu = reader.number(params, pointer, "mu", MU);
        if (reader.hasProblems()) {
            return null;
        }
        // Only a stationary GARCH has a finite long-run variance to start from and return to.
        if (!(alpha + beta < 1)) {
            reader.problem(pointer + "/beta", "alpha + beta must be < 1 (stationary variance), was "
                    + CanonicalNumber.of(alpha + beta));
            return null;
        }
        VolClusterParams p = new VolClusterParams(omega, alpha, beta, mu);
        if (p.longRunSigma() > MAX_LONG_RUN_SIGMA_BPS) {
            reader.problem(pointer + "/omega", "long-run volatility sqrt(omega / (1 - alpha - beta)) must be at most "
                    + CanonicalNumber.of(MAX_LONG_RUN_SIGMA_BPS) + " bps, was " + CanonicalNumber.of(p.longRunSigma()));
            return null;
        }
        return p;
    }

    /** sqrt(omega / (1 − alpha − beta)), bps: the volatility the variance reverts to. */
    public double longRunSigma() {
        return StrictMath.sqrt(omega / (1 - alpha - beta));
    }

    @Override
    public Family family() {
        return Family.VOL_CLUSTER;
    }

    @Override
    public PriceProcess process() {
        return new VolClusterProcess(this);
    }
}
