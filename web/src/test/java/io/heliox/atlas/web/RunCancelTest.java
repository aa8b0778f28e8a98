package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.SseRead;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/runs/{id}/cancel}, end to end: the run, its SSE stream, its read model. */
class RunCancelTest extends AtlasIntegrationTest {

    private static final String SLOW = "{\"prompt\":\"Create MA crossover strategy\",\"options\":{\"mockStepDelayMs\":300}}";
    private final ContractSchemas contracts = new ContractSchemas();

    @Test
    void cancellingARunningRunEndsItWithARunCancelledErrorEvent() throws Exception {
        String runId = startRun(SLOW);
        awaitLastSeq(runId, 2);

        Api.Response cancelled = api.post("/v1/runs/" + runId + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(202);
        JsonNode run = cancelled.json();
        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(run.at("/summary/error/code").asText()).isEqualTo("run.cancelled");
        assertThat(run.at("/summary/error/message").asText()).isEqualTo("run cancelled on request");
        assertThat(run.get("finishedAt").isNull()).isFalse();

        SseRead stream = api.events(runId);
        long last = run.get("lastSeq").asLong();
        assertThat(stream.seqs()).isEqualTo(LongStream.rangeClosed(1, last).boxed().toList());
        SseRead.Event terminal = stream.events().get(stream.events().size() - 1);
        assertThat(terminal.type()).isEqualTo("error");
        assertThat(terminal.json().at("/payload/code").asText()).isEqualTo("run.cancelled");
        assertThat(terminal.json().at("/payload/retryable").asBoolean(true)).isFalse();
        assertThat(contracts.validate(ContractSchemas.ORCHESTRATOR_EVENT, terminal.json())).isEmpty();

        // the worker's step that was in flight is dropped: nothing follows the cancel
        Thread.sleep(900);
        assertThat(storedEvents(runId)).isEqualTo(last + 1);
        await(Duration.ofSeconds(10), "the runs read model to show the cancel", () -> "FAILED".equals(
                jdbc.queryForObject("select status from runs where id = ?::uuid", String.class, runId)));
    }

    @Test
    void cancellingTwiceIsIdempotent() {
        String runId = startRun(SLOW);
        JsonNode first = api.post("/v1/runs/" + runId + "/cancel", "").json();
        Api.Response second = api.post("/v1/runs/" + runId + "/cancel", "");

        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(second.json().get("lastSeq").asLong()).isEqualTo(first.get("lastSeq").asLong());
        assertThat(errorEvents(runId)).isEqualTo(1);
    }

    @Test
    void aReasonBecomesPartOfTheMessage() {
        String runId = startRun(SLOW);
        Api.Response cancelled = api.postJson("/v1/runs/" + runId + "/cancel", "{\"reason\":\"wrong symbol ✓\"}");
        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.json().at("/summary/error/message").asText())
                .isEqualTo("run cancelled on request: wrong symbol ✓");
        assertThat(api.postJson("/v1/runs/" + runId + "/cancel", "{}").status()).isEqualTo(202);
    }

    @Test
    void cancellingACompletedRunChangesNothing() {
        String runId = startRun("{\"prompt\":\"Create MA crossover strategy\"}");
        SseRead full = api.events(runId);
        assertThat(full.completed()).isTrue();

        Api.Response cancelled = api.post("/v1/runs/" + runId + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(cancelled.json().get("lastSeq").asLong()).isEqualTo(full.events().size());
        assertThat(api.events(runId).seqs()).isEqualTo(full.seqs());
    }

    @Test
    void anUnknownRunIs404AndABadIdIs400() {
        Api.Response unknown = api.post("/v1/runs/" + UUID.randomUUID() + "/cancel", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().get("content-type").get(0)).startsWith("application/problem+json");

        Api.Response bad = api.post("/v1/runs/not-a-uuid/cancel", "");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/pointer").asText()).isEqualTo("/path/id");
    }

    @Test
    void aBodyThatBreaksTheContractIsRefused() {
        String runId = startRun(SLOW);
        String path = "/v1/runs/" + runId + "/cancel";
        for (String body : List.of("{\"why\":\"x\"}", "{\"reason\":42}", "[]", "\"stop\"",
                "{\"reason\":\"" + "x".repeat(501) + "\"}")) {
            Api.Response refused = api.postJson(path, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().get("type").asText()).as(body).endsWith("/validation");
        }
        Api.Response malformed = api.postJson(path, "{\"reason\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asText()).endsWith("/malformed-json");
        assertThat(api.post(path, "stop", "Content-Type", "text/plain").status()).isEqualTo(415);
        // none of these cancelled the run
        assertThat(api.get("/v1/runs/" + runId).json().at("/summary/error").isNull()).isTrue();
        Api.Response accepted = api.postJson(path, "{\"reason\":\"" + "é".repeat(500) + "\"}");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().at("/summary/error/code").asText()).isEqualTo("run.cancelled");
        assertThat(errorEvents(runId)).isEqualTo(1);
    }

    private void awaitLastSeq(String runId, long seq) {
        await(Duration.ofSeconds(20), "run " + runId + " at seq " + seq,
                () -> api.get("/v1/runs/" + runId).json().get("lastSeq").asLong() >= seq);
    }

    private long storedEvents(String runId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, runId);
    }

    private long errorEvents(String runId) {
        return api.events(runId).events().stream().filter(e -> e.type().equals("error")).count();
    }
}
