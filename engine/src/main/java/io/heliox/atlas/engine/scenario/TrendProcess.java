package io.heliox.atlas.engine.scenario;

/**
 * Geometric Brownian motion with dt = one bar: log return = μ − σ²/2 + σ·z, so that the expected
 * simple return per bar is μ (the DSL's drift) whatever the volatility.
 * Draws per bar: one normal.
 */
final class TrendProcess implements PriceProcess {

    /** Every family but mean_revert starts here; a level, not a currency. */
    static final double START_PRICE = 100.0;

    private final double logDrift;
    private final double sigma;
    private final double scale;

    TrendProcess(TrendParams params) {
        double mu = params.drift() * FamilyParams.BPS;
        this.sigma = params.sigma() * FamilyParams.BPS;
        this.logDrift = mu - sigma * sigma / 2;
        this.scale = StrictMath.sqrt(logDrift * logDrift + sigma * sigma);
    }

    @Override
    public double startPrice() {
        return START_PRICE;
    }

    @Override
    public void simulate(PricePath path, RandomStream price) {
        for (int t = 0; t < path.capacity(); t++) {
            path.append(0, logDrift + sigma * price.normal(), sigma, scale);
        }
    }
}
