package io.heliox.atlas.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.engine.scenario.SpecReader.Range;

import java.util.Set;

/**
 * shock_mix: a driftless diffusion with Bernoulli jumps that arrive as opening gaps.
 *
 * @param pJump     probability of a jump on a bar, in [0, 1]
 * @param jumpMu    mean jump of log price, bps, in [-5000, 5000]
 * @param jumpSigma standard deviation of a jump, bps, in [0, 5000]
 * @param sigma     diffusion volatility, bps per square root of a bar, in (0, 1000]
 */
public record ShockMixParams(double pJump, double jumpMu, double jumpSigma, double sigma) implements FamilyParams {

    static final Range PROBABILITY = Range.closed(0, 1);
    static final Range JUMP_MU = Range.closed(-5000, 5000);
    static final Range JUMP_SIGMA = Range.closed(0, 5000);

    static ShockMixParams read(SpecReader reader, JsonNode params, String pointer) {
        reader.onlyFields(params, pointer, Set.of("p_jump", "jump_mu", "jump_sigma", "sigma"));
        double pJump = reader.number(params, pointer, "p_jump", PROBABILITY);
        double jumpMu = reader.number(params, pointer, "jump_mu", JUMP_MU);
        double jumpSigma = reader.number(params, pointer, "jump_sigma", JUMP_SIGMA);
        double sigma = reader.number(params, pointer, "sigma", TrendParams.SIGMA);
        return reader.hasProblems() ? null : new ShockMixParams(pJump, jumpMu, jumpSigma, sigma);
    }

    @Override
    public Family family() {
        return Family.SHOCK_MIX;
    }

    @Override
    public PriceProcess process() {
        return new ShockMixProcess(this);
    }
}
