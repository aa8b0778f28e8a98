package io.heliox.atlas.engine.backtest;

import io.heliox.atlas.engine.analytics.MonteCarlo;
import io.heliox.atlas.engine.execution.ExecutionConfig;

/**
 * What to run besides the plain simulation: the market's terms, and optionally a Monte Carlo
 * bootstrap and a walk-forward split. All of it is part of the result signature.
 *
 * @param monteCarlo       null for none
 * @param walkForwardFolds 0 for none, else 2..100
 */
public record BacktestSpec(ExecutionConfig execution, MonteCarloSpec monteCarlo, int walkForwardFolds) {

    public BacktestSpec {
        if (execution == null) {
            throw new IllegalArgumentException("execution is required");
        }
        if (walkForwardFolds != 0 && (walkForwardFolds < 2 || walkForwardFolds > 100)) {
            throw new IllegalArgumentException("walkForwardFolds must be 0 or in [2, 100]: " + walkForwardFolds);
        }
    }

    /** @param blockLength bars per bootstrap block; the range is 20–60 */
    public record MonteCarloSpec(int paths, int blockLength, long seed) {

        public static final int MIN_BLOCK = 20;
        public static final int MAX_BLOCK = 60;

        public MonteCarloSpec {
            if (paths < 1 || paths > MonteCarlo.MAX_PATHS) {
                throw new IllegalArgumentException("paths must be in [1, " + MonteCarlo.MAX_PATHS + "]: " + paths);
            }
            if (blockLength < MIN_BLOCK || blockLength > MAX_BLOCK) {
                throw new IllegalArgumentException("blockLength must be in [" + MIN_BLOCK + ", " + MAX_BLOCK + "]: " + blockLength);
            }
            if (seed < 0 || seed > (1L << 53) - 1) {
                throw new IllegalArgumentException("seed must be in [0, 2^53 − 1]: " + seed);
            }
        }
    }
}
