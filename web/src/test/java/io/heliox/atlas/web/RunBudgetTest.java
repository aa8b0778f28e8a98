package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.SseRead;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budgets of a real run: a budget snapshot on every event, the run_llm_calls view matching the
 * calls the events record, and a token budget too small for
 * the synth ending the run with an error naming the budget.
 */
class RunBudgetTest extends AtlasIntegrationTest {

    @Test
    void everyEventCarriesTheBudgetAndTheUsageRowsMatchTheCalls() {
        String runId = startRun("{\"prompt\":\"Create MA crossover strategy\",\"seed\":11}");
        List<SseRead.Event> events = api.events(runId).events();
        int candidates = events.get(5).json().at("/payload/candidates").size();
        assertThat(events.size()).as("llm-mode run: checkpoints as statuses, a t0 status per candidate")
                .isEqualTo(8 + candidates);
        long previous = 0;
        long recorded = 0;
        for (SseRead.Event event : events) {
            JsonNode budget = event.json().get("budget");
            assertThat(budget).as("budget on %s", event.json()).isNotNull();
            assertThat(budget.get("tokensLimit").asLong()).isEqualTo(10_000);
            assertThat(budget.get("tokensUsed").asLong()).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(10_000);
            previous = budget.get("tokensUsed").asLong();
            recorded += event.json().at("/payload/llm/usage/total").asLong(0);
        }
        assertThat(previous).as("a normal run's tokens").isEqualTo(recorded).isPositive();
        awaitRows(runId, 2);
        assertThat(jdbc.queryForObject("select sum(prompt_tokens + completion_tokens) from run_llm_calls where run_id = ?::uuid",
                Long.class, runId)).isEqualTo(recorded);
        assertThat(jdbc.queryForList("select phase from run_llm_calls where run_id = ?::uuid order by seq, call_index",
                String.class, runId)).containsExactly("architect", "synth");
        assertThat(jdbc.queryForObject("select sum(prompt_tokens) + sum(completion_tokens) from run_llm_calls"
                + " where run_id = ?::uuid and seq <= (select max(seq) from run_events where run_id = ?::uuid)",
                Long.class, runId, runId)).as("the last event's budget").isEqualTo(previous);
    }

    @Test
    void aTokenBudgetTooSmallForTheSynthEndsTheRunNamingTheBudget() {
        String runId = startRun("{\"prompt\":\"Create MA crossover strategy\",\"seed\":12,\"options\":{\"tokensLimit\":600}}");
        List<SseRead.Event> events = api.events(runId).events();
        assertThat(events).extracting(e -> e.json().get("phase").asText() + "." + e.type())
                .containsExactly("architect.status", "architect.status", "architect.artifact", "synth.status", "synth.error");
        JsonNode error = events.get(4).json();
        assertThat(error.at("/payload/code").asText()).isEqualTo("budget.tokens_exceeded");
        assertThat(error.at("/payload/message").asText()).contains("TOKENS_LIMIT").contains("600");
        assertThat(error.at("/budget/tokensUsed").asLong()).isLessThanOrEqualTo(600);
        await(Duration.ofSeconds(20), "the run failed", () -> "FAILED".equals(api.get("/v1/runs/" + runId).json().get("status").asText()));
        awaitRows(runId, 1);
        assertThat(jdbc.queryForObject("select count(*) from run_llm_calls where run_id = ?::uuid and phase = 'synth'",
                Long.class, runId)).as("the synth was refused before calling").isZero();
    }

    private void awaitRows(String runId, int rows) {
        await(Duration.ofSeconds(20), rows + " run_llm_calls rows", () -> rows == jdbc.queryForObject(
                "select count(*) from run_llm_calls where run_id = ?::uuid", Long.class, runId));
    }
}
