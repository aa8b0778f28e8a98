package io.heliox.atlas.engine.scenario;

/**
 * Markov switching: before each bar the chain moves from the current regime (initial_regime
 * before bar 0), then the bar moves as that regime's GBM (log return μ_r − σ_r²/2 + σ_r·z).
 * Draws per bar, in order: one uniform (the transition), one normal.
 */
final class RegimeSwitchProcess implements PriceProcess {

    private final RegimeChain chain;
    private final int initial;
    private final double[] logDrift;
    private final double[] sigma;
    private final double[] scale;

    RegimeSwitchProcess(RegimeSwitchParams params) {
        this.chain = new RegimeChain(params.transition());
        this.initial = params.initialRegime().ordinal();
        int n = params.regimes().size();
        logDrift = new double[n];
        sigma = new double[n];
        scale = new double[n];
        for (int r = 0; r < n; r++) {
            RegimeSwitchParams.Regime regime = params.regimes().get(r);
            double mu = regime.drift() * FamilyParams.BPS;
            sigma[r] = regime.sigma() * FamilyParams.BPS;
            logDrift[r] = mu - sigma[r] * sigma[r] / 2;
            scale[r] = StrictMath.sqrt(logDrift[r] * logDrift[r] + sigma[r] * sigma[r]);
        }
    }

    @Override
    public double startPrice() {
        return TrendProcess.START_PRICE;
    }

    @Override
    public void simulate(PricePath path, RandomStream price) {
        int regime = initial;
        for (int t = 0; t < path.capacity(); t++) {
            regime = chain.next(regime, price.uniform());
            path.append(0, logDrift[regime] + sigma[regime] * price.normal(), sigma[regime], scale[regime]);
        }
    }
}
