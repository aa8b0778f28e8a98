package io.heliox.atlas.engine.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.engine.dsl.support.Docs;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixtures with their expected verdicts, through the full pipeline (contract schema in front):
 * the engine's own (dsl/fixtures: trend, mean-revert, breakout, volatility, overfit trap and
 * invalid cases, each with the exact errors expected) and every strategy-dsl fixture of the
 * contract.
 */
class FixtureVerdictTest {

    /** Contract fixtures that conform to the schema but that the static checks refuse, and why. */
    private static final Map<String, String> CONTRACT_VALID_BUT_UNSAFE = Map.of(
            "minimal.json", "NO_SIZING"); // the schema keeps sizing optional; the engine does not trade without it

    private final StrategyValidator validator = new StrategyValidator(Docs.CONTRACT_GATE, CheckOptions.DEFAULTS);

    @TestFactory
    Stream<DynamicTest> engineFixtures() throws Exception {
        List<Path> files = list("dsl/fixtures");
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode fixture = Docs.JSON.readTree(Files.readAllBytes(file));
            Validation v = validator.validate(fixture.get("strategy"));
            JsonNode expect = fixture.get("expect");
            if (expect.path("valid").asBoolean(false)) {
                assertThat(v.errors()).isEmpty();
                assertThat(v.irHash()).matches("[0-9a-f]{64}");
                assertThat(Docs.CONTRACT_GATE.check(v.normalized())).as("normal form conforms").isEmpty();
                return;
            }
            List<String> expected = new ArrayList<>();
            expect.get("errors").forEach(e -> expected.add(e.get("code").asText() + "/" + e.get("subCode").asText() + " "
                    + new Loc(e.get("path").asText(), e.get("offset").asInt(), e.get("length").asInt())));
            assertThat(v.valid()).isFalse();
            assertThat(v.irHash()).isNull();
            assertThat(v.errors()).extracting(e -> e.code() + "/" + e.subCode() + " " + e.loc()).containsExactlyElementsOf(expected);
        }));
    }

    @TestFactory
    Stream<DynamicTest> contractFixturesKeepTheirVerdicts() throws Exception {
        Stream<DynamicTest> valid = list("contracts/fixtures/valid/strategy-dsl").stream()
                .map(file -> DynamicTest.dynamicTest("valid/" + file.getFileName(), () -> {
                    Validation v = validator.validate(Docs.JSON.readTree(Files.readAllBytes(file)));
                    String unsafe = CONTRACT_VALID_BUT_UNSAFE.get(file.getFileName().toString());
                    if (unsafe == null) {
                        assertThat(v.errors()).isEmpty();
                    } else {
                        assertThat(v.errors()).extracting(e -> e.subCode().name()).containsExactly(unsafe);
                    }
                }));
        Stream<DynamicTest> invalid = list("contracts/fixtures/invalid/strategy-dsl").stream()
                .map(file -> DynamicTest.dynamicTest("invalid/" + file.getFileName(), () -> {
                    Validation v = validator.validate(Docs.JSON.readTree(Files.readAllBytes(file)));
                    assertThat(v.valid()).isFalse();
                    assertThat(v.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.code()).isEqualTo(ErrorCode.DSL_SCHEMA_INVALID));
                }));
        return Stream.concat(valid, invalid);
    }

    private static List<Path> list(String resourceDir) throws IOException, URISyntaxException {
        java.net.URI uri = FixtureVerdictTest.class.getClassLoader().getResource(resourceDir).toURI();
        if (uri.getScheme().equals("jar")) { // the contract fixtures come from the contracts jar
            try {
                java.nio.file.FileSystems.newFileSystem(uri, Map.of());
            } catch (java.nio.file.FileSystemAlreadyExistsException alreadyOpen) {
                // opened by an earlier call: Path.of finds it
            }
        }
        Path dir = Path.of(uri);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
