package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.SseRead;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A mock run end to end on a real PostgreSQL, read over real SSE. */
class RunFlowTest extends AtlasIntegrationTest {

    /**
     * These tests pin the event flow itself (seq, SSE, replay, resume, audit) on Milestone 1's mock
     * protocol, whose 7 events are fixed; llm-mode runs are covered by OrchApiTest, RunBudgetTest and
     * the crash and egress tests.
     */
    private static final String MOCK = "{\"prompt\":\"Create MA crossover strategy\",\"options\":{\"mode\":\"mock\"}}";

    private static final List<String> SUCCESS = List.of(
            "architect.status", "architect.artifact", "synth.status", "synth.artifact",
            "t0.status", "t0.artifact", "pack.artifact");
    private final ContractSchemas contracts = new ContractSchemas();

    @Test
    void aMockRunStreamsExactlySeq1To7InPhaseOrder() {
        String runId = startRun("{\"prompt\":\"Create MA crossover strategy\",\"seed\":42,\"options\":{\"mode\":\"mock\"}}");

        SseRead stream = api.events(runId);

        assertThat(stream.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(stream.events()).extracting(e -> e.json().get("phase").asText() + "." + e.type())
                .containsExactlyElementsOf(SUCCESS);
        for (SseRead.Event event : stream.events()) {
            JsonNode data = event.json();
            assertThat(data.get("runId").asText()).isEqualTo(runId);
            assertThat(data.get("seq").asLong()).isEqualTo(event.seq());
            assertThat(data.get("type").asText()).isEqualTo(event.type());
            assertThat(contracts.validate(ContractSchemas.ORCHESTRATOR_EVENT, data)).as(event.data()).isEmpty();
        }
        Api.Response run = api.get("/v1/runs/" + runId);
        assertThat(run.json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.json().get("lastSeq").asLong()).isEqualTo(7);
        assertThat(run.json().get("seed").asLong()).isEqualTo(42);
    }

    @Test
    void theStoredEventsAreExactlyTheStreamedOnes() {
        String runId = startRun(MOCK);
        SseRead stream = api.events(runId);

        Long stored = jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and sequence_number > 0",
                Long.class, runId);
        Long viewed = jdbc.queryForObject("select count(*) from run_events where run_id = ?::uuid", Long.class, runId);
        assertThat(stream.events()).hasSize(stored.intValue());
        assertThat(viewed).isEqualTo(stored);
        List<String> viewOrder = jdbc.queryForList(
                "select phase || '.' || type from run_events where run_id = ?::uuid order by seq", String.class, runId);
        assertThat(viewOrder).containsExactlyElementsOf(SUCCESS);
    }

    @Test
    void replayingAFinishedRunIsByteIdentical() {
        String runId = startRun(MOCK);
        SseRead first = api.events(runId);
        SseRead second = api.events(runId);
        assertThat(second.events()).isEqualTo(first.events());
        assertThat(second.events()).hasSize(7);
    }

    @Test
    void resumingAfterLastEventId3YieldsExactly4To7() {
        String runId = startRun(MOCK);
        SseRead full = api.events(runId);

        SseRead byHeader = api.events(runId, "Last-Event-ID", "3");
        SseRead byQuery = api.events(runId, "?", "lastEventId=3");

        assertThat(byHeader.seqs()).containsExactly(4L, 5L, 6L, 7L);
        assertThat(byQuery.events()).isEqualTo(byHeader.events());
        assertThat(byHeader.events()).isEqualTo(full.events().subList(3, 7));
    }

    @Test
    void aStreamOpenedBeforeTheEventsFollowsTheRunLive() {
        // 250 ms per mock step: the stream is open long before most events exist.
        String runId = startRun("{\"prompt\":\"live\",\"options\":{\"mode\":\"mock\",\"mockStepDelayMs\":250}}");
        SseRead stream = api.events(runId);
        assertThat(stream.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(stream.raw()).as("heartbeats are sent while waiting").contains(":heartbeat");
    }

    @Test
    void aRequestedFailureEndsTheRunWithAnErrorEvent() {
        String runId = startRun("{\"prompt\":\"Create MA crossover strategy\",\"options\":{\"mode\":\"mock\",\"failAt\":\"t0\"}}");
        SseRead stream = api.events(runId);

        assertThat(stream.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
        SseRead.Event last = stream.events().get(4);
        assertThat(last.type()).isEqualTo("error");
        assertThat(last.json().get("phase").asText()).isEqualTo("t0");
        assertThat(last.json().at("/payload/code").asText()).isEqualTo("mock.injected_failure");

        JsonNode run = api.get("/v1/runs/" + runId).json();
        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(run.at("/summary/error/phase").asText()).isEqualTo("t0");
        assertThat(run.at("/summary/error/code").asText()).isEqualTo("mock.injected_failure");
    }

    @Test
    void aPhaseThatOverrunsItsTimeoutFailsTheRunThroughThePersistentDeadline() {
        String runId = startRun("{\"prompt\":\"slow\",\"options\":{\"mockStepDelayMs\":3000,\"phaseTimeoutMs\":1000}}");
        // The deadline lives in PostgreSQL (db-scheduler), not in memory: it survives a crash.
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'AxonDeadline'",
                Long.class)).isPositive();
        SseRead stream = api.events(runId);
        SseRead.Event last = stream.events().get(stream.events().size() - 1);
        assertThat(last.type()).isEqualTo("error");
        assertThat(last.json().at("/payload/code").asText()).isEqualTo("phase.timeout");
        assertThat(stream.seqs()).isEqualTo(LongStream.rangeClosed(1, stream.events().size()).boxed().toList());
    }

    @Test
    void fiftyConcurrentRunsAllCompleteWithGaplessSeq() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> starts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                starts.add(() -> startRun("{\"prompt\":\"concurrent run " + n + "\",\"seed\":" + n + ",\"options\":{\"mode\":\"mock\"}}"));
            }
            List<String> runIds = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(starts)) {
                runIds.add(f.get());
            }
            List<Callable<SseRead>> reads = runIds.stream().<Callable<SseRead>>map(id -> () -> api.events(id)).toList();
            for (Future<SseRead> f : pool.invokeAll(reads)) {
                assertThat(f.get().seqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            }
            for (String runId : runIds) {
                List<Long> seqs = jdbc.queryForList("""
                        select sequence_number from domain_event_entry where aggregate_identifier = ?
                        order by sequence_number""", Long.class, runId);
                assertThat(seqs).as("run %s", runId).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
            }
            await(Duration.ofSeconds(20), "the runs projection to catch up", () -> jdbc.queryForObject(
                    "select count(*) from runs where status = 'COMPLETED' and id = any(?::uuid[])", Long.class,
                    (Object) runIds.toArray(String[]::new)) == 50);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRunsListShowsRunsNewestFirstWithPaging() {
        String older = startRun("{\"prompt\":\"older\"}");
        api.events(older);
        String newer = startRun("{\"prompt\":\"newer\"}");
        api.events(newer);
        await(Duration.ofSeconds(10), "projection", () -> jdbc.queryForObject(
                "select count(*) from runs where id in (?::uuid, ?::uuid) and status = 'COMPLETED'", Long.class,
                older, newer) == 2);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get("/v1/runs?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.json().get("items").forEach(item -> seen.add(item.get("runId").asText()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().contains(older, newer);
        assertThat(seen.indexOf(newer)).isLessThan(seen.indexOf(older));
    }

    @Test
    void eachCommandAndEventCarriesWhoAndWhy() {
        Api.Response created = api.postJson("/v1/runs", "{\"prompt\":\"audited\",\"options\":{\"mode\":\"mock\"}}",
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        String traceId = created.header("X-Trace-Id");
        assertThat(traceId).as("the server's own trace id, not the client's").matches("[0-9a-f]{32}")
                .isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        String runId = created.json().get("runId").asText();
        api.events(runId);

        JsonNode audit = api.get("/v1/audit/events?aggregateId=" + runId).json();
        assertThat(audit.get("items")).hasSize(8);
        for (JsonNode item : audit.get("items")) {
            assertThat(item.get("principal").asText()).isEqualTo("admin");
            assertThat(item.get("traceId").asText()).isEqualTo(traceId);
            assertThat(item.get("clientTraceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(item.get("correlationId").asText()).isNotBlank();
        }
        assertThat(audit.at("/items/0/type").asText()).isEqualTo("RunCreatedEvent");
        JsonNode failedOnly = api.get("/v1/audit/events?type=PhaseArtifactProducedEvent&aggregateId=" + runId).json();
        assertThat(failedOnly.get("items")).hasSize(4);
    }
}
