package io.heliox.atlas.engine.scenario;

/**
 * A driftless GBM (log body −σ²/2 + σ·z) where, with probability p_jump, the bar opens with a gap
 * of jump_mu + jump_sigma·z' from the previous close: the jump happens while the market is shut,
 * as real gaps do, so strategies meet it at the open, not inside a candle.
 * Draws per bar, in order: one uniform (jump or not), one normal for the jump size (jump bars
 * only), one normal for the body.
 */
final class ShockMixProcess implements PriceProcess {

    private final double pJump;
    private final double jumpMu;
    private final double jumpSigma;
    private final double sigma;
    private final double body;
    private final double quietScale;
    private final double jumpScale;

    ShockMixProcess(ShockMixParams params) {
        this.pJump = params.pJump();
        this.jumpMu = params.jumpMu() * FamilyParams.BPS;
        this.jumpSigma = params.jumpSigma() * FamilyParams.BPS;
        this.sigma = params.sigma() * FamilyParams.BPS;
        this.body = -sigma * sigma / 2;
        this.quietScale = StrictMath.sqrt(body * body + sigma * sigma);
        // The guard judges a jump bar by the jump the model asked for, not by the quiet bars.
        this.jumpScale = StrictMath.sqrt(quietScale * quietScale + jumpMu * jumpMu + jumpSigma * jumpSigma);
    }

    @Override
    public double startPrice() {
        return TrendProcess.START_PRICE;
    }

    @Override
    public void simulate(PricePath path, RandomStream price) {
        for (int t = 0; t < path.capacity(); t++) {
            boolean jump = price.uniform() < pJump;
            double gap = jump ? jumpMu + jumpSigma * price.normal() : 0;
            path.append(gap, body + sigma * price.normal(), sigma, jump ? jumpScale : quietScale);
        }
    }
}
