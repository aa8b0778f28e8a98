package io.heliox.atlas.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PackageSigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void createdOnFirstCallAndTheSameKeyLoadedOnTheNext() throws Exception {
        Path keysDir = dir.resolve("nested/keys");
        PackageSigningKeys first = PackageSigningKeys.loadOrCreate(keysDir);
        assertThat(keysDir.resolve(PackageSigningKeys.PRIVATE_KEY_FILE)).isRegularFile();
        assertThat(keysDir.resolve(PackageSigningKeys.PUBLIC_KEY_FILE)).isRegularFile();
        assertThat(first.keyId()).matches("ed25519:[0-9a-f]{16}");

        PackageSigningKeys second = PackageSigningKeys.loadOrCreate(keysDir);
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
        byte[] data = "data".getBytes(StandardCharsets.UTF_8);
        assertThat(second.sign(data)).isEqualTo(first.sign(data)); // Ed25519 is deterministic: same private key
        assertThat(Files.readString(keysDir.resolve(PackageSigningKeys.PUBLIC_KEY_FILE)).strip())
                .isEqualTo(first.publicKeyBase64());
        try (var files = Files.list(keysDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void privateKeyIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX file system");
        PackageSigningKeys.loadOrCreate(dir);
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(PackageSigningKeys.PRIVATE_KEY_FILE)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(PackageSigningKeys.PUBLIC_KEY_FILE)))).isEqualTo("rw-r--r--");
    }

    @Test
    void aCorruptPrivateKeyIsAnErrorNamingTheFileNeverARegeneration() throws Exception {
        PackageSigningKeys.loadOrCreate(dir);
        Path privateFile = dir.resolve(PackageSigningKeys.PRIVATE_KEY_FILE);
        Files.writeString(privateFile, "bm90IGEga2V5\n"); // valid base64, not a key
        assertThatThrownBy(() -> PackageSigningKeys.loadOrCreate(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(privateFile.toString())
                .hasMessageContaining("delete it to generate a new key");
        Files.writeString(privateFile, "%%% not base64");
        assertThatThrownBy(() -> PackageSigningKeys.loadOrCreate(dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(privateFile.toString());
        assertThat(Files.readString(privateFile)).isEqualTo("%%% not base64"); // left alone
    }

    @Test
    void aCorruptOrMismatchedPublicKeyIsAnErrorNamingTheFile() throws Exception {
        PackageSigningKeys.loadOrCreate(dir);
        Path publicFile = dir.resolve(PackageSigningKeys.PUBLIC_KEY_FILE);
        String original = Files.readString(publicFile);
        Files.writeString(publicFile, "AAAA");
        assertThatThrownBy(() -> PackageSigningKeys.loadOrCreate(dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(publicFile.toString());

        Files.writeString(publicFile, HspFixtures.newKeys().publicKeyBase64());
        assertThatThrownBy(() -> PackageSigningKeys.loadOrCreate(dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a pair");

        Files.delete(publicFile);
        assertThatThrownBy(() -> PackageSigningKeys.loadOrCreate(dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(publicFile + " is missing");
        Files.writeString(publicFile, original);
        assertThat(PackageSigningKeys.loadOrCreate(dir).publicKeyBase64()).isEqualTo(original.strip());
    }

    @Test
    void aDeletedPrivateKeyGivesANewPair() throws Exception {
        String oldId = PackageSigningKeys.loadOrCreate(dir).keyId();
        Files.delete(dir.resolve(PackageSigningKeys.PRIVATE_KEY_FILE)); // as the error message advises
        assertThat(PackageSigningKeys.loadOrCreate(dir).keyId()).isNotEqualTo(oldId);
    }

    @Test
    void fourConcurrentFirstStartsAgreeOnOneKey() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path keysDir = dir.resolve("race-" + round);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> ids = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    ids.add(pool.submit(() -> {
                        start.await();
                        return PackageSigningKeys.loadOrCreate(keysDir).keyId();
                    }));
                }
                start.countDown();
                Set<String> distinct = new HashSet<>();
                for (Future<String> id : ids) {
                    distinct.add(id.get());
                }
                assertThat(distinct).hasSize(1);
                assertThat(PackageSigningKeys.loadOrCreate(keysDir).keyId()).isEqualTo(distinct.iterator().next());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void threeProcessesRacingOnAFirstStartAgreeOnOneKey() throws Exception {
        Path keysDir = dir.resolve("process-race");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    LoadOrCreateMain.class.getName(), keysDir.toString()).redirectErrorStream(true).start());
        }
        Set<String> ids = new HashSet<>();
        for (Process process : processes) {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(out).isZero();
            ids.add(out);
        }
        assertThat(ids).hasSize(1);
        assertThat(ids.iterator().next()).isEqualTo(PackageSigningKeys.loadOrCreate(keysDir).keyId());
    }

    /** A separate JVM's first start, for the race above. */
    static final class LoadOrCreateMain {
        public static void main(String[] args) {
            System.out.println(PackageSigningKeys.loadOrCreate(Path.of(args[0])).keyId());
        }
    }

    @Test
    void verifyIsFalseNeverAnExceptionForBadInput() {
        PackageSigningKeys keys = PackageSigningKeys.loadOrCreate(dir);
        byte[] data = "payload".getBytes(StandardCharsets.UTF_8);
        byte[] signature = keys.sign(data);
        assertThat(PackageSigningKeys.verify(keys.publicKeyBase64(), data, signature)).isTrue();

        byte[] flipped = signature.clone();
        flipped[10] ^= 1;
        assertThat(PackageSigningKeys.verify(keys.publicKeyBase64(), data, flipped)).isFalse();
        assertThat(PackageSigningKeys.verify(keys.publicKeyBase64(), "other".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(PackageSigningKeys.verify(HspFixtures.newKeys().publicKeyBase64(), data, signature)).isFalse();
        assertThat(PackageSigningKeys.verify("%%%", data, signature)).isFalse();
        assertThat(PackageSigningKeys.verify(Base64.getEncoder().encodeToString(new byte[44]), data, signature)).isFalse();
        assertThat(PackageSigningKeys.verify(keys.publicKeyBase64(), data, new byte[0])).isFalse();
        assertThat(PackageSigningKeys.verify(keys.publicKeyBase64(), data, new byte[200])).isFalse();
        assertThat(PackageSigningKeys.verify(null, data, signature)).isFalse();
        assertThat(PackageSigningKeys.verify(keys.publicKeyBase64(), null, signature)).isFalse();
        assertThat(PackageSigningKeys.verify(keys.publicKeyBase64(), data, null)).isFalse();
    }
}
