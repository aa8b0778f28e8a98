package io.heliox.atlas.command.orch;

import io.heliox.atlas.llm.LlmReply;
import io.heliox.atlas.llm.local.LocalModel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The budget guard around every model call: admit, cap, spend, refuse, with codes naming the budget. */
class BudgetGuardTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void anAnswerIsCappedToWhatIsLeftAndSpendingPastTheLimitFails() {
        BudgetGuard guard = new BudgetGuard(1_000, 200, NOW.plusSeconds(60), 60_000, CLOCK);
        assertThat(guard.admit("synth", 300, 4_000)).isEqualTo(500);
        guard.spend("synth", new LlmReply.Usage(300, 400));
        assertThat(guard.tokensUsed()).isEqualTo(900);
        assertThatThrownBy(() -> guard.spend("synth", new LlmReply.Usage(50, 60)))
                .isInstanceOfSatisfying(NodeFailed.class, f -> assertThat(f.code()).isEqualTo("budget.tokens_exceeded"));
    }

    @Test
    void aCallTheBudgetCannotCoverIsRefusedBeforeItIsMade() {
        assertThatThrownBy(() -> new BudgetGuard(1_000, 900, NOW.plusSeconds(60), 60_000, CLOCK).admit("synth", 50, 4_000))
                .isInstanceOfSatisfying(NodeFailed.class, f -> {
                    assertThat(f.code()).isEqualTo("budget.tokens_exceeded");
                    assertThat(f.getMessage()).contains("TOKENS_LIMIT", "100 of the run's 1000");
                });
        assertThatThrownBy(() -> new BudgetGuard(1_000, 0, NOW, 60_000, CLOCK).admit("architect", 10, 100))
                .isInstanceOfSatisfying(NodeFailed.class, f -> assertThat(f.code()).isEqualTo("budget.time_exceeded"));
    }

    @Test
    void theArchitectUnderATightBudgetFailsWithTheCallItPaidFor() {
        Nodes nodes = new Nodes(new LocalModel(), Map.of());
        // enough for the prompt and a cut answer (70 tokens), none left for the repair round
        var prompt = Nodes.TEMPLATES.get("architect").render(Map.of("request", "Create MA crossover strategy"));
        int promptTokens = LlmReply.Usage.estimate(prompt.system()) + LlmReply.Usage.estimate(prompt.user());
        BudgetGuard tight = new BudgetGuard(promptTokens + 70, 0, Instant.now().plusSeconds(60), 60_000, Clock.systemUTC());
        assertThatThrownBy(() -> nodes.architect.run("Create MA crossover strategy", 1, tight))
                .isInstanceOfSatisfying(NodeFailed.class, f -> {
                    assertThat(f.code()).isEqualTo("budget.tokens_exceeded");
                    assertThat(f.calls()).hasSize(1);
                });
    }
}
