package io.heliox.atlas.engine.scenario;

/**
 * The log-price path a {@link PriceProcess} writes, bar by bar, with the guards every family
 * shares.
 *
 * <p>Outlier guard: a bar's close-to-close log move must stay below 25 × the bar's reference
 * scale, the root-mean-square log move the model itself expects for that bar (drift, volatility
 * and, on a jump bar, the jump). A move beyond it is CLIPPED to just under the bound (and
 * counted), not rejected: the generator is then still total, and a correct process never reaches
 * it (it needs a normal draw beyond ~24), so the clip count is a tripwire for a broken process or
 * a numerical blow-up, not a shaping of the distribution.
 *
 * <p>Range guard: prices must stay finite and in [{@link #MIN_PRICE}, {@link #MAX_PRICE}]; a
 * path that leaves the range (a strong drift over a long duration) is REJECTED with the bar it
 * left at, because clamping would silently invent a floor or a ceiling in the market.
 */
public final class PricePath {

    public static final double GUARD_SIGMAS = 25;
    public static final double MIN_PRICE = 1e-6;
    public static final double MAX_PRICE = 1e12;
    private static final double MIN_LOG = StrictMath.log(MIN_PRICE);
    private static final double MAX_LOG = StrictMath.log(MAX_PRICE);

    private final double startPrice;
    private final double[] logOpen;
    private final double[] logClose;
    private final double[] rangeSigma;
    private double last;
    private int size;
    private int clipped;

    PricePath(int capacity, double startPrice) {
        this.startPrice = startPrice;
        this.logOpen = new double[capacity];
        this.logClose = new double[capacity];
        this.rangeSigma = new double[capacity];
        this.last = StrictMath.log(startPrice);
    }

    public int capacity() {
        return logClose.length;
    }

    /** Log of the latest close (of the start price before the first bar). */
    public double lastLogClose() {
        return last;
    }

    /**
     * Appends one bar and returns the close-to-close log move actually applied (after the guard),
     * which stateful processes (OU, GARCH) must feed back into their state.
     *
     * @param gap        log move from the previous close to this bar's open (0 but for gaps)
     * @param body       log move from open to close
     * @param rangeSigma the bar's diffusion volatility (log units), which scales its wicks
     * @param scale      the model's root-mean-square close-to-close log move for this bar
     */
    public double append(double gap, double body, double rangeSigma, double scale) {
        double move = gap + body;
        if (!Double.isFinite(move) || !Double.isFinite(scale) || !(scale > 0)) {
            throw ScenarioSpecException.of("/params", "the process produced a non-finite move at bar " + size
                    + " (move " + move + ", scale " + scale + ")");
        }
        double limit = GUARD_SIGMAS * scale;
        if (Math.abs(move) >= limit) {
            double bound = Math.nextDown(limit);
            double clippedMove = Math.copySign(bound, move);
            gap = Math.max(-bound, Math.min(bound, gap));
            body = clippedMove - gap;
            move = clippedMove;
            clipped++;
        }
        double open = last + gap;
        double close = last + move;
        if (!(close >= MIN_LOG && close <= MAX_LOG && open >= MIN_LOG && open <= MAX_LOG)) {
            throw ScenarioSpecException.of("/params", "the price leaves [" + CanonicalNumber.of(MIN_PRICE) + ", "
                    + CanonicalNumber.of(MAX_PRICE) + "] at bar " + size + " (price "
                    + StrictMath.exp(close) + "); lower the drift or volatility, or shorten duration_bars");
        }
        logOpen[size] = open;
        logClose[size] = close;
        this.rangeSigma[size] = rangeSigma;
        last = close;
        size++;
        return move;
    }

    double startPrice() {
        return startPrice;
    }

    int size() {
        return size;
    }

    int clippedMoves() {
        return clipped;
    }

    double logOpen(int t) {
        return logOpen[t];
    }

    double logClose(int t) {
        return logClose[t];
    }

    double rangeSigma(int t) {
        return rangeSigma[t];
    }
}
