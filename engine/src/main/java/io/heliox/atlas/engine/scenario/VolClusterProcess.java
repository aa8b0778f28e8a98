package io.heliox.atlas.engine.scenario;

/**
 * GARCH(1,1): σ²_t = ω + α·e²_{t−1} + β·σ²_{t−1}, log return r_t = μ + e_t with e_t = σ_t·z_t.
 * The variance starts at its long-run level ω / (1 − α − β), so there is no burn-in. e_{t−1} is
 * the shock actually applied (after the outlier guard), keeping the recursion consistent with the
 * bars. Draws per bar: one normal.
 */
final class VolClusterProcess implements PriceProcess {

    private final double omega;
    private final double alpha;
    private final double beta;
    private final double mu;

    VolClusterProcess(VolClusterParams params) {
        this.omega = params.omega() * FamilyParams.BPS * FamilyParams.BPS;
        this.alpha = params.alpha();
        this.beta = params.beta();
        this.mu = params.mu() * FamilyParams.BPS;
    }

    @Override
    public double startPrice() {
        return TrendProcess.START_PRICE;
    }

    @Override
    public void simulate(PricePath path, RandomStream price) {
        double variance = omega / (1 - alpha - beta);
        for (int t = 0; t < path.capacity(); t++) {
            double sigma = StrictMath.sqrt(variance);
            double scale = StrictMath.sqrt(mu * mu + variance);
            double applied = path.append(0, mu + sigma * price.normal(), sigma, scale);
            double shock = applied - mu;
            variance = omega + alpha * shock * shock + beta * variance;
        }
    }
}
