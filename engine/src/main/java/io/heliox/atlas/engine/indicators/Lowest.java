package io.heliox.atlas.engine.indicators;

/** {@code lowest(x, n)}: min of the last n bars, current included; first value at bar n−1. */
public final class Lowest {

    private Lowest() {
    }

    public static double[] of(double[] x, int n) {
        return SlidingExtreme.of(x, n, false);
    }
}
