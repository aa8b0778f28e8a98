package io.heliox.atlas.web;

import io.heliox.atlas.query.run.RunProjection;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read models are disposable: resetting the runs projection and replaying the event store
 * rebuilds exactly the rows it had (no drift between the log and what the API lists).
 */
class ProjectionRebuildTest extends AtlasIntegrationTest {

    private static final String SNAPSHOT = """
            select id, status, prompt, seed, last_seq, current_phase, error_phase, error_code, error_message,
                   created_at, finished_at
            from runs where status in ('COMPLETED', 'FAILED') order by id""";

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void rebuildingTheRunsReadModelFromTheEventStoreGivesTheSameRows() {
        for (int i = 0; i < 5; i++) {
            api.events(startRun("{\"prompt\":\"rebuild " + i + "\"" + (i == 3 ? ",\"options\":{\"failAt\":\"synth\"}" : "") + "}"));
        }
        await(Duration.ofSeconds(20), "projection of the finished runs", () ->
                jdbc.queryForObject("select count(*) from runs where prompt like 'rebuild %' and status in ('COMPLETED','FAILED')",
                        Long.class) == 5);
        List<Map<String, Object>> before = jdbc.queryForList(SNAPSHOT);

        TrackingEventProcessor processor = processing
                .eventProcessor(RunProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        // A replay stays flagged as one until an event past its reset position arrives; what
        // counts is having processed everything up to that position.
        int[] fewestRows = {Integer.MAX_VALUE};
        await(Duration.ofSeconds(60), "the replay to reach its reset position", () -> {
            fewestRows[0] = Math.min(fewestRows[0], jdbc.queryForList(SNAPSHOT).size());
            return !processor.processingStatus().isEmpty() && processor.processingStatus().values().stream()
                    .allMatch(s -> s.isCaughtUp() && (!s.isReplaying()
                            || s.getCurrentPosition().orElse(-1) >= s.getResetPosition().orElse(Long.MAX_VALUE)));
        });
        assertThat(fewestRows[0]).as("the reset really emptied the read model").isLessThan(before.size());

        assertThat(jdbc.queryForList(SNAPSHOT)).isEqualTo(before);
    }
}
