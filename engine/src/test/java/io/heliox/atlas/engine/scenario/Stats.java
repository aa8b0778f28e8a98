package io.heliox.atlas.engine.scenario;

/** The few sample statistics the statistical tests need. */
final class Stats {

    private Stats() {
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** Sample standard deviation (n − 1). */
    static double std(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    static double autocorrelation(double[] x, int lag) {
        double m = mean(x);
        double num = 0;
        double den = 0;
        for (int t = 0; t < x.length; t++) {
            den += (x[t] - m) * (x[t] - m);
            if (t >= lag) {
                num += (x[t] - m) * (x[t - lag] - m);
            }
        }
        return num / den;
    }

    /** Kurtosis (not excess): 3 for a normal distribution. */
    static double kurtosis(double[] x) {
        double m = mean(x);
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = (v - m) * (v - m);
            m2 += d;
            m4 += d * d;
        }
        m2 /= x.length;
        m4 /= x.length;
        return m4 / (m2 * m2);
    }

    static double[] squares(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * x[i];
        }
        return out;
    }
}
