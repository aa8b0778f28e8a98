package io.heliox.atlas.engine.indicators;

/** {@code highest(x, n)}: max of the last n bars, current included; first value at bar n−1. */
public final class Highest {

    private Highest() {
    }

    public static double[] of(double[] x, int n) {
        return SlidingExtreme.of(x, n, true);
    }
}
