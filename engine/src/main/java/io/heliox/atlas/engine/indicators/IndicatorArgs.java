package io.heliox.atlas.engine.indicators;

/**
 * One call's inputs as a kernel reads them: its arguments by position, in the order its
 * {@link Indicator#params()} declare them, and the bars' own price columns for the kernels that
 * read the bar itself (atr). The caller resolves each argument once per call, never per bar.
 */
public interface IndicatorArgs {

    /** A {@link ArgKind#SERIES} argument: one value per bar, NaN where undefined. */
    double[] series(int index);

    /** A {@link ArgKind#WINDOW} or {@link ArgKind#SHIFT} argument: a whole number of bars. */
    int bars(int index);

    /** A {@link ArgKind#FACTOR} argument. */
    double factor(int index);

    double[] high();

    double[] low();

    double[] close();
}
