package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.Strategies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint, good input and bad: statuses, problem+json bodies with pointers, and (through
 * {@link Api}) every response checked against openapi.yaml.
 */
class ApiContractTest extends AtlasIntegrationTest {

    private static final String STRATEGY = Strategies.MA_CROSS;

    @Test
    void healthChecksTheDatabase() {
        Api.Response health = api.get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        assertThat(health.json().get("db").asText()).isEqualTo("up");
    }

    @Test
    void versionNamesTheBuild() {
        Api.Response version = api.get("/version");
        assertThat(version.status()).isEqualTo(200);
        assertThat(version.json().get("version").asText()).isNotBlank();
        assertThat(version.json().get("commit").asText()).isNotBlank();
    }

    @Test
    void startingARunAnswers201WithItsLocation() {
        Api.Response created = api.postJson("/v1/runs", "{\"prompt\":\"Create MA crossover strategy\"}");
        assertThat(created.status()).isEqualTo(201);
        String runId = created.json().get("runId").asText();
        assertThat(created.header("Location")).isEqualTo("/v1/runs/" + runId);
        assertThat(api.get("/v1/runs/" + runId).status()).as("visible at once").isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing prompt          | {}                                               | /prompt",
            "prompt not a string     | {\"prompt\": 7}                                  | /prompt",
            "empty prompt            | {\"prompt\": \"\"}                                | /prompt",
            "extra field             | {\"prompt\": \"p\", \"promt\": 1}                 | /promt",
            "negative seed           | {\"prompt\": \"p\", \"seed\": -1}                 | /seed",
            "unknown failAt phase    | {\"prompt\": \"p\", \"options\": {\"failAt\": \"moon\"}} | /options/failAt",
            "tiny time budget        | {\"prompt\": \"p\", \"options\": {\"timeMsLimit\": 5}}   | /options/timeMsLimit",
            "body not an object      | [1, 2]                                           | ''"})
    void invalidRunRequestsAre400WithPointers(String name, String body, String pointer) {
        Api.Response response = api.postJson("/v1/runs", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors")).isNotEmpty();
        assertThat(problem.get("errors").findValuesAsText("pointer")).contains(pointer);
        assertThat(new ContractSchemas().validate(ContractSchemas.PROBLEM, problem)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "truncated           | {\"prompt\": \"p\"",
            "duplicate key       | {\"prompt\": \"a\", \"prompt\": \"b\"}",
            "trailing data       | {\"prompt\": \"a\"} x",
            "single quotes       | {'prompt': 'a'}",
            "empty body          | ''"})
    void malformedJsonIs400(String name, String body) {
        Api.Response response = api.postJson("/v1/runs", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/type").asText()).endsWith("/malformed-json");
    }

    @Test
    void aWrongContentTypeIs415() {
        Api.Response response = api.post("/v1/runs", "prompt=hello", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().at("/errors/0/pointer").asText()).isEqualTo("/header/Content-Type");
    }

    @Test
    void anOversizedBodyIs413() {
        String huge = "{\"prompt\":\"" + "x".repeat(300_000) + "\"}";
        Api.Response response = api.postJson("/v1/runs", huge);
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void unknownAndMalformedRunIdsAre404And400() {
        assertThat(api.get("/v1/runs/" + UUID.randomUUID()).status()).isEqualTo(404);
        Api.Response bad = api.get("/v1/runs/not-a-uuid");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/pointer").asText()).isEqualTo("/path/id");
        assertThat(api.get("/v1/runs/" + UUID.randomUUID() + "/events", "Accept", "text/event-stream").status())
                .isEqualTo(404);
    }

    @Test
    void badPagingParametersAre400() {
        assertThat(api.get("/v1/runs?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/v1/runs?limit=abc").status()).isEqualTo(400);
        assertThat(api.get("/v1/runs?cursor=garbage").status()).isEqualTo(400);
        assertThat(api.get("/v1/portfolio?limit=999").status()).isEqualTo(400);
        assertThat(api.get("/v1/audit/events?after=-1").status()).isEqualTo(400);
        assertThat(api.get("/v1/audit/events?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void aBadLastEventIdIs400() {
        String runId = startRun("{\"prompt\":\"p\"}");
        Api.Response response = api.get("/v1/runs/" + runId + "/events", "Accept", "text/event-stream",
                "Last-Event-ID", "three");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/pointer").asText()).isEqualTo("/header/Last-Event-ID");
    }

    @Test
    void savingToThePortfolioIsIdempotentPerIdAndListed() {
        String id = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + id + "\",\"name\":\"MA crossover\",\"strategy\":" + STRATEGY + "}";

        Api.Response created = api.postJson("/v1/portfolio", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v1/portfolio/" + id);
        Api.Response again = api.postJson("/v1/portfolio", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(created.json());

        Api.Response conflict = api.postJson("/v1/portfolio", body.replace("MA crossover\"", "renamed\""));
        assertThat(conflict.status()).isEqualTo(409);

        await(Duration.ofSeconds(10), "the portfolio projection", () -> api.get("/v1/portfolio?limit=200").json()
                .get("items").findValuesAsText("id").contains(id));
        Long versions = jdbc.queryForObject("select count(*) from domain_event_entry where type = 'Strategy'"
                + " and aggregate_identifier like '%:ma-cross-10-40' and payload_type like '%StrategyVersionRegisteredEvent'",
                Long.class);
        assertThat(versions).as("the same strategy saved twice keeps one version").isEqualTo(1);
    }

    @Test
    void anInvalidStrategyIsRejectedWithAPointerIntoIt() {
        String body = "{\"name\":\"bad\",\"strategy\":" + STRATEGY.replace("\"then\":\"buy\"", "\"then\":\"moon\"") + "}";
        Api.Response response = api.postJson("/v1/portfolio", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("pointer")).contains("/strategy/rules/0/then");
    }

    @Test
    void aNulCharacterAnywhereIsRefusedWithAPointer() {
        // Found by ContractFuzzTest: JSON allows U+0000, PostgreSQL does not; it used to be accepted
        // and then fail every projection that stored it.
        Api.Response body = api.postJson("/v1/runs", "{\"prompt\":\"buy\\u0000gold\"}");
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.json().at("/errors/0/pointer").asText()).isEqualTo("/prompt");
        Api.Response nested = api.postJson("/v1/portfolio", "{\"name\":\"n\",\"strategy\":"
                + STRATEGY.replace("\"MA crossover 10/40\"", "\"MA\\u0000\"") + "}");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.json().at("/errors/0/pointer").asText()).isEqualTo("/strategy/name");
        Api.Response query = api.get("/v1/audit/events?principal=lo%00cal");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.json().at("/errors/0/pointer").asText()).isEqualTo("/query/principal");
    }

    @Test
    void anEncodedSlashInAnIdIsAProblemNotAnHtmlPage() {
        // Found by ContractFuzzTest: Tomcat refused %2F itself, with an HTML error page.
        Api.Response response = api.get("/v1/runs/..%2F..%2Fetc%2Fpasswd");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().at("/errors/0/pointer").asText()).isEqualTo("/path/id");
    }

    @Test
    void unknownPathsAreProblemJson404() {
        Api.Response response = api.getOutsideContract("/v1/nothing-here");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        Api.Response allowed = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/v1/runs"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()), "OPTIONS", "/v1/runs",
                "Origin", "http://localhost:5173", "Access-Control-Request-Method", "POST");
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        Api.Response denied = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/v1/runs"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()), "OPTIONS", "/v1/runs",
                "Origin", "http://evil.example", "Access-Control-Request-Method", "POST");
        assertThat(denied.status()).isEqualTo(403);
    }

    @Test
    void prometheusExposesRunMetrics() {
        api.events(startRun("{\"prompt\":\"metrics\"}"));
        Api.Response metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("atlas_runs_started_total", "atlas_runs_completed_total",
                "atlas_phase_latency_seconds_count{phase=\"architect\"");
    }

    @Test
    void everyContractFixtureRequestIsJudgedLikeItsSchema() throws Exception {
        Path fixtures = Path.of("..", "contracts", "src", "main", "resources", "contracts", "fixtures");
        Path valid = fixtures.resolve("valid/start-run-request");
        try (var files = Files.list(valid)) {
            for (Path file : files.toList()) {
                assertThat(api.postJson("/v1/runs", Files.readString(file)).status()).as(file.toString()).isEqualTo(201);
            }
        }
        Path invalid = fixtures.resolve("invalid/start-run-request");
        try (var files = Files.list(invalid)) {
            for (Path file : files.toList()) {
                assertThat(api.postJson("/v1/runs", Files.readString(file)).status()).as(file.toString()).isEqualTo(400);
            }
        }
    }
}
