package io.heliox.atlas.command.application.identity;

import io.heliox.atlas.kernel.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * An API key as a client holds it: {@code atlas_<id>_<secret><checksum>}, e.g.
 * {@code atlas_k3v9q2m7x4bd_Xb7…} (57 characters).
 *
 * <ul>
 *   <li>the prefix says what the string is (secret scanners and people recognise it);</li>
 *   <li>{@code id}: 12 characters of base32, public: it names the key in lists and logs;</li>
 *   <li>{@code secret}: 32 characters of base62 (190 random bits), stored only as its sha256;</li>
 *   <li>{@code checksum}: 6 characters of base62, the CRC32 of everything before it, so a typo or
 *       a truncated copy is told apart from a wrong key without a database lookup.</li>
 * </ul>
 */
public record ApiKeyToken(String id, String secret) {

    public static final String PREFIX = "atlas_";
    static final int ID_LENGTH = 12;
    static final int SECRET_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern FORMAT = Pattern.compile(
            "^atlas_([a-z2-7]{" + ID_LENGTH + "})_([0-9A-Za-z]{" + SECRET_LENGTH + "})([0-9A-Za-z]{" + CHECKSUM_LENGTH + "})$");

    public static ApiKeyToken generate(SecureRandom random) {
        return new ApiKeyToken(randomString(random, BASE32, ID_LENGTH), randomString(random, BASE62, SECRET_LENGTH));
    }

    /** The key in {@code text}, or empty when it is not one of ours or its checksum is wrong. */
    public static Optional<ApiKeyToken> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches() || !checksum(PREFIX + m.group(1) + "_" + m.group(2)).equals(m.group(3))) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyToken(m.group(1), m.group(2)));
    }

    /** The whole key, as shown once to its owner. */
    public String value() {
        String body = PREFIX + id + "_" + secret;
        return body + checksum(body);
    }

    /** What is stored of the secret. */
    public String secretSha256() {
        return CanonicalJson.sha256(secret.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether this key's secret is the one whose sha256 is stored, in time independent of where they differ. */
    public boolean matches(String storedSecretSha256) {
        return MessageDigest.isEqual(secretSha256().getBytes(StandardCharsets.US_ASCII),
                storedSecretSha256.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ApiKeyToken[id=" + id + ", secret=<hidden>]";
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }

    private static String randomString(SecureRandom random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
