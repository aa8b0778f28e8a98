package io.heliox.atlas.engine.indicators;

/** {@code lag(x, k)}: {@code x[t−k]}, NaN for the first k bars; {@code lag(x, 0)} is x itself (copied). */
public final class Lag {

    private Lag() {
    }

    public static double[] of(double[] x, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("a negative shift would read the future: " + k);
        }
        double[] out = NanFreeRuns.nans(x.length);
        if (k < x.length) {
            System.arraycopy(x, 0, out, k, x.length - k);
        }
        return out;
    }
}
