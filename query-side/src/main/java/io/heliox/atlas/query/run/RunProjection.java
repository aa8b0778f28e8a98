package io.heliox.atlas.query.run;

import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.RunStatus;
import io.heliox.atlas.api.run.PhaseError;
import io.heliox.atlas.api.run.RunCreatedEvent;
import io.heliox.atlas.api.run.RunPhaseEvent;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.api.workspace.Scope;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;

/**
 * Projects runs into the {@code runs} read model, the list {@code GET /v1/runs} pages through. A
 * row's status and phase follow {@link RunState}'s rules, event by event. Every write is idempotent
 * (guarded by seq), because a tracking processor may redeliver after a crash; the token and the row
 * commit in one transaction. (A run's checkpoints and model calls are SQL views over the event
 * store, {@code run_checkpoints} and {@code run_llm_calls}: nothing to project.)
 */
@ProcessingGroup(RunProjection.PROCESSING_GROUP)
public class RunProjection {

    public static final String PROCESSING_GROUP = "runs-projection";

    private final JdbcTemplate jdbc;

    public RunProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RunCreatedEvent event, EventMessage<?> message) {
        jdbc.update("""
                insert into runs (id, status, prompt, seed, last_seq, current_phase, created_at, workspace_id)
                values (?, 'PENDING', ?, ?, 0, 'architect', ?, ?) on conflict (id) do nothing""",
                event.runId().value(), event.prompt(), event.seed(), Timestamp.from(event.ts()),
                Scope.workspaceOf(message));
    }

    /** Any phase event: the row takes the status, phase and error the event leaves the run in. */
    @EventHandler
    void on(RunPhaseEvent event, @SequenceNumber long seq) {
        RunStatus status = RunState.statusAfter(event);
        Phase current = RunState.currentPhaseAfter(event);
        PhaseError error = status == RunStatus.FAILED ? PhaseError.of(event.payload()) : null;
        jdbc.update("""
                update runs set status = ?, last_seq = ?, current_phase = ?, error_phase = ?, error_code = ?,
                  error_message = ?, finished_at = ? where id = ? and last_seq < ?""",
                status.name(), seq, current == null ? null : current.wireName(),
                error == null ? null : event.phase().wireName(), error == null ? null : error.code(),
                error == null ? null : error.message(), status.isTerminal() ? Timestamp.from(event.ts()) : null,
                event.runId().value(), seq);
    }

    @ResetHandler
    void reset() {
        // A replay rebuilds the table from the event store.
        jdbc.update("delete from runs");
    }
}
