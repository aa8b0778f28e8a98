package io.heliox.atlas.contracts;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every fixture under valid/ validates against its schema; every one under invalid/ does not. */
class ContractFixturesTest {

    private final ContractSchemas schemas = new ContractSchemas();

    @TestFactory
    Stream<DynamicTest> validFixturesValidate() throws Exception {
        return fixtures("valid").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            List<Violation> violations = schemas.validate(schemaOf(file), ContractSchemas.parseStrict(Files.readAllBytes(file)));
            assertThat(violations).as("violations of %s", name(file)).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidFixturesAreRejected() throws Exception {
        return fixtures("invalid").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            List<Violation> violations = schemas.validate(schemaOf(file), ContractSchemas.parseStrict(Files.readAllBytes(file)));
            assertThat(violations).as("%s must break its schema", name(file)).isNotEmpty();
            assertThat(violations).allSatisfy(v -> assertThat(v.pointer()).matches("^(/.*)?$"));
        }));
    }

    @Test
    void everySchemaHasValidAndInvalidFixtures() throws Exception {
        try (Stream<Path> schemaFiles = Files.list(resource("contracts/schemas"))) {
            for (Path schema : schemaFiles.toList()) {
                String name = schema.getFileName().toString().replace(".schema.json", "");
                assertThat(resource("contracts/fixtures/valid/" + name)).as("valid fixtures of " + name).isDirectory();
                assertThat(resource("contracts/fixtures/invalid/" + name)).as("invalid fixtures of " + name).isDirectory();
            }
        }
    }

    @Test
    void violationsPointIntoTheDocument() {
        JsonNode body = ContractSchemas.parseStrict("{\"prompt\": 7, \"options\": {\"failAt\": \"moon\"}}".getBytes());
        List<Violation> violations = schemas.validate(ContractSchemas.START_RUN_REQUEST, body);
        assertThat(violations).extracting(Violation::pointer).contains("/prompt", "/options/failAt");
    }

    @Test
    void strictParsingRejectsWhatOrgJsonWouldAccept() {
        assertThatThrownBy(() -> ContractSchemas.parseStrict("{\"prompt\":\"a\",\"prompt\":\"b\"}".getBytes()))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> ContractSchemas.parseStrict("{\"prompt\":\"a\"} {}".getBytes()))
                .isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> ContractSchemas.parseStrict("{prompt:'a'}".getBytes()))
                .isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> ContractSchemas.parseStrict(new byte[0]))
                .isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void openApiDocumentIsValid() {
        // Building the validator parses the document and resolves every $ref; errors fail the build.
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(ContractSchemas.resourceText("contracts/openapi.yaml"))
                .build();
        assertThat(validator).isNotNull();
    }

    private static Stream<Path> fixtures(String kind) throws IOException, URISyntaxException {
        Path root = resource("contracts/fixtures/" + kind);
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(list).as(kind + " fixtures").isNotEmpty();
            return list.stream();
        }
    }

    private static String schemaOf(Path fixture) {
        return fixture.getParent().getFileName().toString();
    }

    private static String name(Path fixture) {
        return fixture.getParent().getParent().getFileName() + "/" + schemaOf(fixture) + "/" + fixture.getFileName();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ContractFixturesTest.class.getClassLoader().getResource(name).toURI());
    }
}
