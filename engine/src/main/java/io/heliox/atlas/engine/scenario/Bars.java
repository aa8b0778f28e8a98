package io.heliox.atlas.engine.scenario;

import io.heliox.atlas.kernel.CanonicalJson;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A scenario's OHLCV bars as columns (one array per field, index = bar), the layout the
 * simulator and Parquet want; no object per bar. The arrays are shared, not copied: treat them
 * as read-only. (Record equality is therefore by reference; compare content with {@link #sha256()}.)
 *
 * @param time         bar open time, epoch milliseconds ({@link ScenarioGenerator#EPOCH_MILLIS} + i × timeframe)
 * @param clippedMoves bars whose move the outlier guard clipped (0 for a healthy process; see {@link PricePath})
 */
public record Bars(long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume,
                   int clippedMoves) {

    public Bars {
        int n = time.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("all columns must have " + n + " bars");
        }
    }

    public int size() {
        return time.length;
    }

    public double minClose() {
        double min = Double.POSITIVE_INFINITY;
        for (double c : close) {
            min = Math.min(min, c);
        }
        return min;
    }

    public double maxClose() {
        double max = Double.NEGATIVE_INFINITY;
        for (double c : close) {
            max = Math.max(max, c);
        }
        return max;
    }

    /**
     * Lower-case hex SHA-256 of the columns time, open, high, low, close, volume in that order,
     * each value as 8 big-endian bytes (long, or the IEEE-754 bits of the double): the content
     * address of the bars, independent of any file format.
     */
    public String sha256() {
        MessageDigest digest = CanonicalJson.sha256Digest();
        ByteBuffer buffer = ByteBuffer.allocate(8 * 1024);
        for (long t : time) {
            buffer = put(digest, buffer).putLong(t);
        }
        for (double[] column : new double[][]{open, high, low, close, volume}) {
            for (double v : column) {
                buffer = put(digest, buffer).putDouble(v);
            }
        }
        digest.update(buffer.flip());
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of one column, 8 big-endian bytes per value (the golden test pins the close column). */
    public static String sha256(double[] column) {
        ByteBuffer bytes = ByteBuffer.allocate(column.length * 8);
        for (double v : column) {
            bytes.putDouble(v);
        }
        return CanonicalJson.sha256(bytes.array());
    }

    private static ByteBuffer put(MessageDigest digest, ByteBuffer buffer) {
        if (buffer.remaining() < 8) {
            digest.update(buffer.flip());
            buffer.clear();
        }
        return buffer;
    }
}
