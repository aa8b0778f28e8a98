package io.heliox.atlas.engine.backtest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An equity curve as a NumPy {@code .npy} file (format 1.0, little-endian float64, shape (n,)),
 * so a quant can {@code np.load("equity.npy")} it, and the doubles travel bit for bit.
 */
public final class EquityNpy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private EquityNpy() {
    }

    public static byte[] write(double[] values) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + values.length + ",), }";
        // magic (8) + header length (2) + header, padded with spaces and ending in \n to a multiple of 64
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 2 + header.length() + 8 * values.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : values) {
            out.putDouble(v);
        }
        return out.array();
    }

    /** Reads what {@link #write} wrote (1-D little-endian float64 only). */
    public static double[] read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte b : MAGIC) {
            if (in.get() != b) {
                throw new IllegalArgumentException("not an .npy 1.0 file");
            }
        }
        int headerLength = Short.toUnsignedInt(in.getShort());
        String header = new String(bytes, in.position(), headerLength, StandardCharsets.US_ASCII);
        if (!header.contains("'descr': '<f8'") || !header.contains("'fortran_order': False")) {
            throw new IllegalArgumentException("not a little-endian float64 vector: " + header.trim());
        }
        in.position(in.position() + headerLength);
        double[] values = new double[in.remaining() / 8];
        in.asDoubleBuffer().get(values);
        return values;
    }
}
