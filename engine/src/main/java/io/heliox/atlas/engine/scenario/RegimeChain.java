package io.heliox.atlas.engine.scenario;

/**
 * The Markov chain of regime_switch: the next regime is the first column j whose cumulative row
 * probability exceeds a uniform draw u. Rows are cumulated once, left to right, so the same u
 * always picks the same regime.
 */
final class RegimeChain {

    private final double[][] cumulative;

    RegimeChain(double[][] transition) {
        cumulative = new double[transition.length][];
        for (int i = 0; i < transition.length; i++) {
            cumulative[i] = new double[transition[i].length];
            double sum = 0;
            for (int j = 0; j < transition[i].length; j++) {
                sum += transition[i][j];
                cumulative[i][j] = sum;
            }
        }
    }

    int next(int current, double u) {
        double[] row = cumulative[current];
        for (int j = 0; j < row.length - 1; j++) {
            if (u < row[j]) {
                return j;
            }
        }
        // The last column takes the rest, also when rounding leaves the row sum a hair below 1.
        return row.length - 1;
    }
}
