package io.heliox.atlas.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.kernel.CanonicalJson;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HspWriterTest {

    private static final PackageSigningKeys KEYS = HspFixtures.newKeys();

    @Test
    void roundTripKeepsManifestFieldsAndFiles() {
        PackageContent content = HspFixtures.realisticContent();
        HspWriter.Written written = HspWriter.write(content, KEYS);

        HspVerifier.Verification verification = HspFixtures.verifier(KEYS).verify(written.bytes());
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.keyId()).isEqualTo(KEYS.keyId());
        assertThat(verification.manifest()).isEqualTo(written.manifest());
        content.manifestFields().properties().forEach(field ->
                assertThat(verification.manifest().get(field.getKey())).isEqualTo(field.getValue()));
        assertThat(written.sha256()).isEqualTo(CanonicalJson.sha256(written.bytes()));

        HspVerifier.Unpacked unpacked = HspVerifier.unpack(written.bytes(), HspFixtures.MAX_UNPACKED);
        assertThat(unpacked.manifest()).isEqualTo(written.manifest());
        assertThat(unpacked.files().keySet()).containsExactly(
                "strategy.json", "ir.json", "scenarios.json", "metrics.json", "blueprint.json");
        for (PackageFile file : content.files()) {
            assertThat(unpacked.files().get(file.path())).isEqualTo(file.bytes());
        }
    }

    @Test
    void theManifestListsFilesInOrderWithHashesAndIsSigned() {
        PackageContent content = HspFixtures.realisticContent();
        ObjectNode manifest = HspWriter.write(content, KEYS).manifest();

        assertThat(manifest.get("format").textValue()).isEqualTo("hsp/1");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < content.files().size(); i++) {
            JsonNode entry = manifest.get("files").get(i);
            PackageFile file = content.files().get(i);
            paths.add(entry.get("path").textValue());
            assertThat(entry.get("sha256").textValue()).isEqualTo(CanonicalJson.sha256(file.bytes()));
            assertThat(entry.get("bytes").longValue()).isEqualTo(file.bytes().length);
        }
        assertThat(paths).containsExactly("strategy.json", "ir.json", "scenarios.json", "metrics.json", "blueprint.json");
        assertThat(manifest.get("contentHash").textValue()).isEqualTo(CanonicalJson.sha256(manifest.get("files")));

        JsonNode signature = manifest.get("signature");
        assertThat(signature.get("alg").textValue()).isEqualTo("Ed25519");
        assertThat(signature.get("publicKeyId").textValue()).isEqualTo(KEYS.keyId());
        ObjectNode unsigned = manifest.deepCopy();
        unsigned.remove("signature");
        assertThat(PackageSigningKeys.verify(KEYS.publicKeyBase64(), CanonicalJson.bytes(unsigned),
                Base64.getDecoder().decode(signature.get("value").textValue()))).isTrue();
    }

    @Test
    void sameInputAndKeyGiveByteIdenticalPackages() {
        HspWriter.Written first = HspWriter.write(HspFixtures.realisticContent(), KEYS);
        HspWriter.Written second = HspWriter.write(HspFixtures.realisticContent(), KEYS);
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(second.sha256()).isEqualTo(first.sha256());
    }

    @Test
    void contentHashDependsOnlyOnTheFiles() {
        PackageContent content = HspFixtures.realisticContent();
        ObjectNode otherFields = HspFixtures.manifestFields().put("createdAt", "2027-01-01T00:00:00Z").put("rank", 3);
        HspWriter.Written a = HspWriter.write(content, KEYS);
        HspWriter.Written b = HspWriter.write(new PackageContent(otherFields, content.files()), HspFixtures.newKeys());
        assertThat(b.sha256()).isNotEqualTo(a.sha256());
        assertThat(b.manifest().get("contentHash")).isEqualTo(a.manifest().get("contentHash"));
    }

    @Test
    void theTarIsDeterministicAndManifestFirst() throws Exception {
        HspWriter.Written written = HspWriter.write(HspFixtures.realisticContent(), KEYS);
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(HspFixtures.tarOf(written.bytes())))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                names.add(entry.getName());
                assertThat(entry.getLastModifiedTime().toMillis()).isZero();
                assertThat(entry.getLongUserId()).isZero();
                assertThat(entry.getLongGroupId()).isZero();
                assertThat(entry.getUserName()).isEmpty();
                assertThat(entry.getGroupName()).isEmpty();
                assertThat(entry.getMode()).isEqualTo(0100644);
                if (names.size() == 1) {
                    assertThat(tar.readAllBytes()).isEqualTo(CanonicalJson.bytes(written.manifest()));
                }
            }
        }
        assertThat(names).containsExactly("manifest.json", "strategy.json", "ir.json", "scenarios.json",
                "metrics.json", "blueprint.json");
    }

    @Test
    void longPathsUsePaxHeadersAndStayDeterministic() {
        String longPath = "reports/" + "a".repeat(120) + "/" + "b".repeat(120) + ".json";
        assertThat(longPath.length()).isLessThanOrEqualTo(HspPackage.MAX_PATH_LENGTH);
        PackageContent content = new PackageContent(HspFixtures.manifestFields(),
                List.of(new PackageFile(longPath, "{}".getBytes(StandardCharsets.UTF_8))));
        HspWriter.Written written = HspWriter.write(content, KEYS);
        assertThat(HspWriter.write(content, KEYS).bytes()).isEqualTo(written.bytes());
        assertThat(HspFixtures.verifier(KEYS).verify(written.bytes()).valid()).isTrue();
        assertThat(HspVerifier.unpack(written.bytes(), HspFixtures.MAX_UNPACKED).files()).containsOnlyKeys(longPath);
    }

    @Test
    void standardZstdAndTarToolsReadThePackage() throws Exception {
        // An independent reader of the format (not a skip: a missing tool is a machine to fix).
        assertThat(onPath("zstd") && onPath("tar")).as("zstd and tar on PATH (Debian: apt-get install zstd tar)").isTrue();
        Path file = Files.createTempFile("pkg", ".hsp");
        try {
            Files.write(file, HspWriter.write(HspFixtures.realisticContent(), KEYS).bytes());
            Process process = new ProcessBuilder("sh", "-c", "zstd -q -d -c \"$0\" | tar tf -", file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(out).isZero();
            assertThat(out.lines()).containsExactly("manifest.json", "strategy.json", "ir.json", "scenarios.json",
                    "metrics.json", "blueprint.json");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void writingTakesMilliseconds() {
        PackageContent content = HspFixtures.realisticContent();
        for (int i = 0; i < 20; i++) {
            HspWriter.write(content, KEYS); // warm-up
        }
        int rounds = 50;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            HspWriter.write(content, KEYS);
        }
        double millis = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf("HSP write: %.2f ms per package of %d bytes%n", millis,
                HspWriter.write(content, KEYS).bytes().length);
        assertThat(millis).isLessThan(100);
    }

    @Test
    void badFilesAndReservedMembersAreRefused() {
        byte[] b = {1};
        for (String path : List.of("", "/abs", "a//b", ".hidden", "a/.b", "a/../b", "..", "a/", "sp ace",
                "uni\u00e9", "back\\slash", "x".repeat(256), "manifest.json", "a\n")) {
            assertThatThrownBy(() -> new PackageFile(path, b)).as(path).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new PackageFile("a/b-c_d.e/f.json", b).path()).isEqualTo("a/b-c_d.e/f.json");
        assertThatThrownBy(() -> new PackageContent(HspFixtures.manifestFields(),
                List.of(new PackageFile("a.json", b), new PackageFile("a.json", b))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        for (String reserved : PackageContent.RESERVED) {
            ObjectNode fields = HspFixtures.manifestFields().put(reserved, "x");
            assertThatThrownBy(() -> new PackageContent(fields, List.of()))
                    .as(reserved).isInstanceOf(IllegalArgumentException.class);
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("huge", Long.MAX_VALUE);
        assertThatThrownBy(() -> HspWriter.write(new PackageContent(fields, List.of()), KEYS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inputsAreCopied() {
        byte[] bytes = {1, 2, 3};
        PackageFile file = new PackageFile("a.bin", bytes);
        bytes[0] = 9;
        file.bytes()[1] = 9;
        assertThat(file.bytes()).containsExactly(1, 2, 3);
        ObjectNode fields = HspFixtures.manifestFields();
        PackageContent content = new PackageContent(fields, List.of(file));
        fields.put("packageId", "changed");
        assertThat(content.manifestFields().get("packageId").textValue()).isEqualTo("pkg-7f3a");
        assertThat(Map.of("a", file)).containsValue(new PackageFile("a.bin", new byte[]{1, 2, 3}));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
