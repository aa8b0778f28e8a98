package io.heliox.atlas.engine.scenario;

/**
 * Ornstein–Uhlenbeck on log price x, discretised per bar:
 * x_t = x_{t−1} + clamp(κ·(ln θ − x_{t−1}), ±3σ) + σ·z_t, starting at x_0 = ln θ.
 * The returns it produces revert (negative lag-1 autocorrelation of about −κ/2). The clamp is the
 * specification's "avoid extreme drift": after a large excursion the pull back is at most 3σ a bar, so
 * recovery looks like a strong trend rather than a single jump. Draws per bar: one normal.
 */
final class MeanRevertProcess implements PriceProcess {

    static final double MAX_PULL_SIGMAS = 3;

    private final double kappa;
    private final double theta;
    private final double logTheta;
    private final double sigma;

    MeanRevertProcess(MeanRevertParams params) {
        this.kappa = params.kappa();
        this.theta = params.theta();
        this.logTheta = StrictMath.log(theta);
        this.sigma = params.sigma() * FamilyParams.BPS;
    }

    @Override
    public double startPrice() {
        return theta;
    }

    @Override
    public void simulate(PricePath path, RandomStream price) {
        double maxPull = MAX_PULL_SIGMAS * sigma;
        for (int t = 0; t < path.capacity(); t++) {
            double pull = kappa * (logTheta - path.lastLogClose());
            pull = Math.max(-maxPull, Math.min(maxPull, pull));
            double scale = StrictMath.sqrt(pull * pull + sigma * sigma);
            path.append(0, pull + sigma * price.normal(), sigma, scale);
        }
    }
}
