package io.heliox.atlas.packaging;

import io.heliox.atlas.kernel.CanonicalJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key pair that signs packages, kept in two base64 text files:
 * {@value #PRIVATE_KEY_FILE} (PKCS#8 DER) and {@value #PUBLIC_KEY_FILE} (X.509 SubjectPublicKeyInfo
 * DER), so an operator can read, back up or provision them with ordinary tools.
 *
 * <p>The pair is generated on first start. Each file is written to a temporary file, forced to
 * disk and moved into place atomically, public key first: a crash leaves either no private key
 * (the next start generates a pair, nothing was ever signed with the lost one) or a complete pair.
 * Creation runs under a lock (a JVM monitor plus a file lock for other processes), so when two
 * starts race the loser finds and loads the winner's pair.
 *
 * <p>An unreadable key is an error, never a reason to generate a new one: packages already signed
 * by the old key would silently stop verifying.
 */
public final class PackageSigningKeys {

    public static final String PRIVATE_KEY_FILE = "package-signing.key";
    public static final String PUBLIC_KEY_FILE = "package-signing.pub";

    /** Held only while a pair is created; a file of its own, so the key files are never locked. */
    private static final String LOCK_FILE = ".package-signing.lock";

    /** File locks are per JVM, so threads of one JVM also need a monitor. */
    private static final Object CREATION = new Object();

    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final byte[] publicKeyDer;
    private final String keyId;

    private PackageSigningKeys(PrivateKey privateKey, byte[] publicKeyDer) {
        this.privateKey = privateKey;
        this.publicKeyDer = publicKeyDer.clone();
        this.keyId = "ed25519:" + CanonicalJson.sha256(publicKeyDer).substring(0, 16);
    }

    /**
     * The pair stored in {@code dir}, generated there first if there is none.
     *
     * @throws IllegalStateException if a key file exists but cannot be read or decoded, or the two
     *                               files are not a pair; the message names the file
     * @throws UncheckedIOException  if the directory or a new key cannot be written
     */
    public static PackageSigningKeys loadOrCreate(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(privateFile)) {
            return load(privateFile, publicFile); // the usual start; also works on a read-only directory
        }
        try {
            Files.createDirectories(dir);
            synchronized (CREATION) {
                try (FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    FileLock lock = lockChannel.lock(); // released when the channel closes
                    if (lock.isValid() && !Files.exists(privateFile)) {
                        create(dir, privateFile, publicFile);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the package signing key in " + dir, e);
        }
        return load(privateFile, publicFile);
    }

    /** The key id that packages name: {@code ed25519:} and 16 hex digits of the public key's sha256. */
    public String keyId() {
        return keyId;
    }

    /** The Ed25519 signature of {@code data} (deterministic: same key and data, same signature). */
    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The public key as X.509 SubjectPublicKeyInfo DER, standard base64: what verifiers are given. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKeyDer);
    }

    /**
     * Whether {@code signature} is a valid Ed25519 signature of {@code data} by the X.509 base64
     * public key. False, never an exception, for any malformed input: callers feed it untrusted
     * bytes.
     */
    public static boolean verify(String publicKeyBase64, byte[] data, byte[] signature) {
        if (publicKeyBase64 == null || data == null || signature == null) {
            return false;
        }
        try {
            PublicKey publicKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static void create(Path dir, Path privateFile, Path publicFile) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no Ed25519", e);
        }
        publish(dir, publicFile, pair.getPublic().getEncoded(), "rw-r--r--");
        publish(dir, privateFile, pair.getPrivate().getEncoded(), "rw-------");
    }

    /** Writes base64 text to a temporary file (mode set before any key byte is written) and moves it into place. */
    private static void publish(Path dir, Path target, byte[] der, String permissions) throws IOException {
        Path temp = Files.createTempFile(dir, ".package-signing-", ".tmp");
        try {
            if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(permissions));
            }
            byte[] text = (Base64.getEncoder().encodeToString(der) + "\n").getBytes(StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(text);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static PackageSigningKeys load(Path privateFile, Path publicFile) {
        if (!Files.exists(publicFile)) {
            throw new IllegalStateException("package signing public key " + publicFile + " is missing next to "
                    + privateFile + "; restore it, or delete " + privateFile + " to generate a new key "
                    + "(packages signed by the old key will then no longer verify)");
        }
        PrivateKey privateKey;
        byte[] publicDer;
        try {
            privateKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(readBase64(privateFile)));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw unreadable(privateFile, privateFile, e);
        }
        try {
            publicDer = readBase64(publicFile);
            KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(publicDer));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw unreadable(publicFile, privateFile, e);
        }
        PackageSigningKeys keys = new PackageSigningKeys(privateKey, publicDer);
        byte[] probe = "heliox package signing key check".getBytes(StandardCharsets.US_ASCII);
        if (!verify(keys.publicKeyBase64(), probe, keys.sign(probe))) {
            throw new IllegalStateException("package signing keys " + privateFile + " and " + publicFile
                    + " are not a pair; restore the matching files, or delete " + privateFile
                    + " to generate a new key (packages signed by the old key will then no longer verify)");
        }
        return keys;
    }

    private static byte[] readBase64(Path file) throws IOException {
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }

    private static IllegalStateException unreadable(Path file, Path privateFile, Exception cause) {
        return new IllegalStateException("package signing key file " + file + " is unreadable or corrupt ("
                + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "); delete "
                + (file.equals(privateFile) ? "it" : "it and " + privateFile)
                + " to generate a new key (packages signed by the old key will then no longer verify)", cause);
    }
}
