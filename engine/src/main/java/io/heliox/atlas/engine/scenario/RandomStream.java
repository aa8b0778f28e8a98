package io.heliox.atlas.engine.scenario;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Uniform and standard normal draws from one XoShiRo256** stream.
 *
 * <p>Seeding: {@code RandomSource.XO_SHI_RO_256_SS.create(seed)}, which expands the 64-bit
 * seed into the 256-bit state with SplitMix64 (four outputs; pinned by RandomStreamTest against an
 * independent SplitMix64, so a library upgrade that seeds differently fails the build). A scenario
 * uses three streams that never overlap: price = that state, envelope = the state advanced 2^128
 * draws, volume = advanced 2·2^128 ({@code jump()}). So the volume model never changes prices, and
 * the envelope never changes closes.
 *
 * <p>Normals: Marsaglia's polar form of Box–Muller, with {@link StrictMath}. commons-rng's
 * ZigguratSampler would be faster, but its overhang test calls {@code Math.exp}, which the JVM
 * may replace by a platform intrinsic that differs from one JVM to another in the last bit; one
 * flipped accept/reject would shift the whole stream. StrictMath is fdlibm, bit for bit, on
 * every JVM, and Java 17 arithmetic is strict IEEE 754 (JEP 306).
 */
public final class RandomStream {

    private final UniformRandomProvider source;
    private double spareNormal;
    private boolean hasSpare;

    RandomStream(UniformRandomProvider source) {
        this.source = source;
    }

    /** The price, envelope and volume streams of a seed. */
    static RandomStream[] forSeed(long seed) {
        JumpableUniformRandomProvider base =
                (JumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_SS.create(seed);
        // jump() returns a copy at the current state, then moves base 2^128 draws ahead.
        RandomStream price = new RandomStream(base.jump());
        RandomStream envelope = new RandomStream(base.jump());
        RandomStream volume = new RandomStream(base);
        return new RandomStream[]{price, envelope, volume};
    }

    /** Uniform in [0, 1): the top 53 bits of the next 64-bit output, times 2^-53. */
    public double uniform() {
        return source.nextDouble();
    }

    /**
     * Standard normal. Draws u, v uniform in (−1, 1) until 0 &lt; s = u² + v² &lt; 1, then returns
     * u·f and keeps v·f for the next call, f = sqrt(−2 ln s / s).
     */
    public double normal() {
        if (hasSpare) {
            hasSpare = false;
            return spareNormal;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * source.nextDouble() - 1;
            v = 2 * source.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareNormal = v * f;
        hasSpare = true;
        return u * f;
    }
}
