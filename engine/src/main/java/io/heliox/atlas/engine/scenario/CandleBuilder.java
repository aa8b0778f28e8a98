package io.heliox.atlas.engine.scenario;

/**
 * Turns a log-price path into OHLCV bars.
 *
 * <ul>
 *   <li>open = previous close, exactly (the same double), except on a gap bar;
 *       close = exp(log close).</li>
 *   <li>Wicks: high = max(open, close) · exp(w⁺), low = min(open, close) · exp(−w⁻), with
 *       w = 0.5 · σ_bar · |z| from the envelope stream (two normals per bar, up first). The
 *       envelope therefore always contains open and close, and a calmer bar has shorter wicks.</li>
 *   <li>Volume from the volume stream ({@link VolumeModel}; lognormal draws one normal per bar).</li>
 * </ul>
 */
final class CandleBuilder {

    static final double WICK_SIGMAS = 0.5;

    private CandleBuilder() {
    }

    static Bars build(PricePath path, long firstTime, long barMillis, VolumeModel volumeModel,
                      RandomStream envelope, RandomStream volumeStream) {
        int n = path.size();
        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        double previousLogClose = StrictMath.log(path.startPrice());
        double previousClose = StrictMath.exp(previousLogClose);
        for (int t = 0; t < n; t++) {
            time[t] = firstTime + t * barMillis;
            double logOpen = path.logOpen(t);
            open[t] = logOpen == previousLogClose ? previousClose : StrictMath.exp(logOpen);
            close[t] = StrictMath.exp(path.logClose(t));
            double sigma = path.rangeSigma(t);
            double up = WICK_SIGMAS * sigma * Math.abs(envelope.normal());
            double down = WICK_SIGMAS * sigma * Math.abs(envelope.normal());
            double top = Math.max(open[t], close[t]);
            double bottom = Math.min(open[t], close[t]);
            // max/min guard the last bit: the envelope must contain the body whatever exp rounds to.
            high[t] = Math.max(top, top * StrictMath.exp(up));
            low[t] = Math.min(bottom, bottom * StrictMath.exp(-down));
            volume[t] = switch (volumeModel) {
                case CONST -> VolumeModel.MEAN_VOLUME;
                case LOGNORMAL -> VolumeModel.MEAN_VOLUME * StrictMath.exp(
                        VolumeModel.LOG_SIGMA * volumeStream.normal() - VolumeModel.LOG_SIGMA * VolumeModel.LOG_SIGMA / 2);
            };
            previousLogClose = path.logClose(t);
            previousClose = close[t];
        }
        return new Bars(time, open, high, low, close, volume, path.clippedMoves());
    }
}
