package io.heliox.atlas.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.contracts.ContractSchemas;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The engine reads what the contract's schema accepts and refuses what it refuses, with pointers. */
class ScenarioSpecTest {

    private static final ContractSchemas CONTRACTS = new ContractSchemas();

    @TestFactory
    Stream<DynamicTest> everyValidContractFixtureParses() {
        return ScenarioDocs.contractFixtures("valid").entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            JsonNode doc = e.getValue();
            assertThat(CONTRACTS.validate("scenario-dsl", doc)).isEmpty();
            ScenarioSpec spec = ScenarioSpec.parse(doc);
            assertThat(spec.id()).isEqualTo(doc.get("id").asText());
            assertThat(spec.family().dslName()).isEqualTo(doc.get("family").asText());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidContractFixtureIsRefusedByTheEngineToo() {
        return ScenarioDocs.contractFixtures("invalid").entrySet().stream().map(f -> DynamicTest.dynamicTest(f.getKey(), () -> {
            JsonNode doc = f.getValue();
            assertThat(CONTRACTS.validate("scenario-dsl", doc)).isNotEmpty();
            ScenarioSpecException e = catchThrowableOfType(() -> ScenarioSpec.parse(doc), ScenarioSpecException.class);
            assertThat(e).as("engine must refuse %s", f.getKey()).isNotNull();
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.pointer()).matches("^(/.*)?$"));
        }));
    }

    @Test
    void rulesOnlyTheEngineChecksAreReportedWithPointers() {
        ObjectNode garch = ScenarioDocs.document("vol_cluster", "{\"omega\":10,\"alpha\":0.2,\"beta\":0.8,\"mu\":0}", 500, 1);
        assertThat(CONTRACTS.validate("scenario-dsl", garch)).as("the schema cannot see alpha + beta").isEmpty();
        assertThatThrownBy(() -> ScenarioSpec.parse(garch)).isInstanceOf(ScenarioSpecException.class)
                .hasMessageContaining("/params/beta: alpha + beta must be < 1");

        ObjectNode explosive = ScenarioDocs.document("vol_cluster", "{\"omega\":900000,\"alpha\":0.1,\"beta\":0.8,\"mu\":0}", 500, 1);
        assertThatThrownBy(() -> ScenarioSpec.parse(explosive)).hasMessageContaining("/params/omega: long-run volatility");

        ObjectNode regimes = ScenarioDocs.fixture("regime-switch");
        ((com.fasterxml.jackson.databind.node.ArrayNode) regimes.at("/params/transition/1")).set(0, 0.5);
        assertThat(CONTRACTS.validate("scenario-dsl", regimes)).isEmpty();
        assertThatThrownBy(() -> ScenarioSpec.parse(regimes)).hasMessageContaining("/params/transition/1: row must sum to 1");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        JsonNode doc = ScenarioDocs.parse("""
                {"id":"Bad","version":"0.2","timeframe":"2h","duration_bars":10,"seed":-1,"family":"trend",
                 "params":{"drift":500,"sigmaa":1},"volume_model":"poisson","colour":"red"}""");
        ScenarioSpecException e = catchThrowableOfType(() -> ScenarioSpec.parse(doc), ScenarioSpecException.class);
        assertThat(e.problems()).extracting(ScenarioSpecException.Problem::pointer).contains(
                "/id", "/version", "/timeframe", "/duration_bars", "/seed", "/volume_model", "/colour",
                "/params/drift", "/params/sigma", "/params/sigmaa");
    }

    @Test
    void textIsParsedStrictly() {
        assertThatThrownBy(() -> ScenarioSpec.parse("{\"id\":\"a\",\"id\":\"b\"}"))
                .isInstanceOf(ScenarioSpecException.class).hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> ScenarioSpec.parse("[]")).hasMessageContaining("must be an object");
    }

    @Test
    void wholeNumbersMaySpellThemselvesAsDecimals() {
        ObjectNode doc = ScenarioDocs.fixture("trend-up-mid");
        doc.set("duration_bars", ScenarioDocs.parse("5e3"));
        doc.set("seed", ScenarioDocs.parse("42.0"));
        ScenarioSpec spec = ScenarioSpec.parse(doc);
        assertThat(spec.durationBars()).isEqualTo(5000);
        assertThat(spec.seed()).isEqualTo(42);
        assertThat(spec.scenarioHash()).isEqualTo(ScenarioDocs.spec("trend-up-mid").scenarioHash());
    }

    @Test
    void scenarioHashIgnoresKeyOrderWhitespaceAndNumberSpelling() {
        String base = """
                {"id":"h","version":"0.1","timeframe":"1h","duration_bars":1000,"seed":3,"family":"trend",
                 "params":{"drift":1,"sigma":20},"volume_model":"const"}""";
        String respelt = """
                {
                  "volume_model" : "const",
                  "params" : { "sigma" : 2.0e1, "drift" : 1.0 },
                  "family":"trend", "seed":3, "duration_bars":1e3, "timeframe":"1h", "version":"0.1", "id":"h"
                }""";
        String hash = ScenarioSpec.parse(base).scenarioHash();
        assertThat(ScenarioSpec.parse(respelt).scenarioHash()).isEqualTo(hash);
        assertThat(hash).matches("^[0-9a-f]{64}$");

        for (String changed : new String[]{
                base.replace("\"seed\":3", "\"seed\":4"),
                base.replace("\"sigma\":20", "\"sigma\":20.000000001"),
                base.replace("\"drift\":1", "\"drift\":-1"),
                base.replace("\"1h\"", "\"4h\""),
                base.replace("\"const\"", "\"lognormal\""),
                base.replace("\"id\":\"h\"", "\"id\":\"g\""),
                base.replace("1000", "1001")}) {
            assertThat(ScenarioSpec.parse(changed).scenarioHash()).as(changed).isNotEqualTo(hash);
        }
    }

}
