package io.heliox.atlas.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.engine.scenario.SpecReader.Range;

import java.util.Set;

/**
 * trend: geometric Brownian motion.
 *
 * @param drift expected simple return per bar, bps, in [-100, 100]
 * @param sigma volatility of log price, bps per square root of a bar, in (0, 1000]
 */
public record TrendParams(double drift, double sigma) implements FamilyParams {

    static final Range DRIFT = Range.closed(-100, 100);
    static final Range SIGMA = Range.aboveUpTo(0, 1000);

    static TrendParams read(SpecReader reader, JsonNode params, String pointer) {
        reader.onlyFields(params, pointer, Set.of("drift", "sigma"));
        double drift = reader.number(params, pointer, "drift", DRIFT);
        double sigma = reader.number(params, pointer, "sigma", SIGMA);
        return reader.hasProblems() ? null : new TrendParams(drift, sigma);
    }

    @Override
    public Family family() {
        return Family.TREND;
    }

    @Override
    public PriceProcess process() {
        return new TrendProcess(this);
    }
}
