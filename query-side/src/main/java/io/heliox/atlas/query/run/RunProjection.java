package io.heliox.atlas.query.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.run.Checkpoint;
import io.heliox.atlas.api.run.PhaseArtifactProducedEvent;
import io.heliox.atlas.api.run.PhaseFailedEvent;
import io.heliox.atlas.api.run.PhaseStatusReportedEvent;
import io.heliox.atlas.api.run.RunCreatedEvent;
import io.heliox.atlas.api.run.RunState;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;

/**
 * Projects runs into the {@code runs}, {@code checkpoints} (phase artifacts), {@code run_checkpoints}
 * (sub-steps), {@code run_budget} and {@code run_llm_calls} read models.
 * Every write is idempotent (guarded by seq), because a tracking processor may redeliver after a
 * crash; the token and these rows commit in one transaction.
 */
@ProcessingGroup(RunProjection.PROCESSING_GROUP)
public class RunProjection {

    public static final String PROCESSING_GROUP = "runs-projection";

    private final JdbcTemplate jdbc;

    public RunProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RunCreatedEvent event) {
        jdbc.update("""
                insert into runs (id, status, prompt, seed, last_seq, current_phase, created_at)
                values (?, 'PENDING', ?, ?, 0, 'architect', ?) on conflict (id) do nothing""",
                event.runId().value(), event.prompt(), event.seed(), Timestamp.from(event.ts()));
        jdbc.update("""
                insert into run_budget (run_id, tokens_limit, tokens_used, time_ms_limit, updated_at)
                values (?, ?, 0, ?, ?) on conflict (run_id) do nothing""",
                event.runId().value(), event.options().tokensLimit(), event.options().timeMsLimit(),
                Timestamp.from(event.ts()));
    }

    @EventHandler
    void on(PhaseStatusReportedEvent event, @SequenceNumber long seq) {
        jdbc.update("update runs set status = 'RUNNING', last_seq = ?, current_phase = ? where id = ? and last_seq < ?",
                seq, event.phase().wireName(), event.runId().value(), seq);
        Checkpoint checkpoint = Checkpoint.of(event.payload());
        if (checkpoint != null) {
            jdbc.update("""
                    insert into run_checkpoints (run_id, step, n, phase, seq, state, created_at)
                    values (?, ?, ?, ?, ?, ?::jsonb, ?) on conflict do nothing""",
                    event.runId().value(), checkpoint.step(), checkpoint.n(), event.phase().wireName(), seq,
                    json(checkpoint.state()), Timestamp.from(event.ts()));
        }
        recordLlmCalls(event.runId().value(), event.phase().wireName(), seq, event.payload(), event.ts());
    }

    @EventHandler
    void on(PhaseArtifactProducedEvent event, @SequenceNumber long seq) {
        boolean done = event.terminal();
        Phase current = RunState.currentPhaseAfter(event);
        jdbc.update("""
                update runs set status = ?, last_seq = ?, current_phase = ?, finished_at = ?
                where id = ? and last_seq < ?""",
                RunState.statusAfter(event).name(), seq, current == null ? null : current.wireName(),
                done ? Timestamp.from(event.ts()) : null,
                event.runId().value(), seq);
        jdbc.update("""
                insert into checkpoints (run_id, phase, seq, artifact, created_at) values (?, ?, ?, ?::jsonb, ?)
                on conflict (run_id, phase) do update set seq = excluded.seq, artifact = excluded.artifact,
                  created_at = excluded.created_at where checkpoints.seq < excluded.seq""",
                event.runId().value(), event.phase().wireName(), seq, json(event.payload()), Timestamp.from(event.ts()));
        recordLlmCalls(event.runId().value(), event.phase().wireName(), seq, event.payload(), event.ts());
    }

    @EventHandler
    void on(PhaseFailedEvent event, @SequenceNumber long seq) {
        jdbc.update("""
                update runs set status = 'FAILED', last_seq = ?, current_phase = ?, error_phase = ?, error_code = ?,
                  error_message = ?, finished_at = ? where id = ? and last_seq < ?""",
                seq, event.phase().wireName(), event.phase().wireName(), event.payload().path("code").asText(),
                event.payload().path("message").asText(), Timestamp.from(event.ts()), event.runId().value(), seq);
        recordLlmCalls(event.runId().value(), event.phase().wireName(), seq, event.payload(), event.ts());
    }

    /** One run_llm_calls row per call in the payload's llm trace; run_budget.tokens_used re-summed (idempotent). */
    private void recordLlmCalls(java.util.UUID runId, String phase, long seq, JsonNode payload, java.time.Instant at) {
        JsonNode calls = payload.path("llm").path("calls");
        if (!calls.isArray() || calls.isEmpty()) {
            return;
        }
        for (int i = 0; i < calls.size(); i++) {
            JsonNode c = calls.get(i);
            jdbc.update("""
                    insert into run_llm_calls (run_id, seq, call_index, phase, template, model, prompt_tokens,
                      completion_tokens, latency_ms, finish, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict do nothing""",
                    runId, seq, i, phase, c.path("template").asText(), c.path("model").asText(),
                    c.path("prompt_tokens").asInt(), c.path("completion_tokens").asInt(), c.path("latency_ms").asLong(),
                    c.path("finish").asText(), Timestamp.from(at));
        }
        jdbc.update("""
                update run_budget set tokens_used = (select coalesce(sum(prompt_tokens + completion_tokens), 0)
                  from run_llm_calls where run_id = ?), updated_at = ? where run_id = ?""",
                runId, Timestamp.from(at), runId);
    }

    @ResetHandler
    void reset() {
        // A replay rebuilds these tables from the event store.
        jdbc.update("delete from checkpoints");
        jdbc.update("delete from run_llm_calls");
        jdbc.update("delete from run_checkpoints");
        jdbc.update("delete from run_budget");
        jdbc.update("delete from runs");
    }

    private static String json(JsonNode node) {
        return node.toString();
    }
}
