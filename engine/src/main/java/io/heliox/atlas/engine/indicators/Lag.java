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

    /** {@code lag(x, k)} bar by bar: a ring of the last k inputs. */
    public static Indicator.Step stream(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("a negative shift would read the future: " + k);
        }
        if (k == 0) {
            return in -> in.series(0);
        }
        double[] window = new double[k];
        return new Indicator.Step() {
            private boolean full;
            private int slot;

            @Override
            public double next(Indicator.BarInputs in) {
                double out = full ? window[slot] : Double.NaN;
                window[slot] = in.series(0);
                slot = slot + 1 == k ? 0 : slot + 1;
                full |= slot == 0;
                return out;
            }
        };
    }
}
