package io.heliox.atlas.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.engine.scenario.SpecReader.Range;

import java.util.Set;

/**
 * mean_revert: Ornstein–Uhlenbeck on log price around log(theta).
 *
 * @param kappa share of the distance to the mean level recovered per bar, in (0, 1]
 * @param theta mean price level and first price, in (0, 1e6]
 * @param sigma volatility of log price, bps per square root of a bar, in (0, 1000]
 */
public record MeanRevertParams(double kappa, double theta, double sigma) implements FamilyParams {

    static final Range KAPPA = Range.aboveUpTo(0, 1);
    static final Range THETA = Range.aboveUpTo(0, 1_000_000);

    static MeanRevertParams read(SpecReader reader, JsonNode params, String pointer) {
        reader.onlyFields(params, pointer, Set.of("kappa", "theta", "sigma"));
        double kappa = reader.number(params, pointer, "kappa", KAPPA);
        double theta = reader.number(params, pointer, "theta", THETA);
        double sigma = reader.number(params, pointer, "sigma", TrendParams.SIGMA);
        return reader.hasProblems() ? null : new MeanRevertParams(kappa, theta, sigma);
    }

    @Override
    public Family family() {
        return Family.MEAN_REVERT;
    }

    @Override
    public PriceProcess process() {
        return new MeanRevertProcess(this);
    }
}
