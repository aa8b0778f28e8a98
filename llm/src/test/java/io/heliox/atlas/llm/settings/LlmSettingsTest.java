package io.heliox.atlas.llm.settings;

import io.heliox.atlas.llm.LlmRouter;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which providers the environment switches on, in which order (README, "Configuration"). */
class LlmSettingsTest {

    @Test
    void nothingSwitchedOnMeansTheLocalModelAlone() {
        assertThat(LlmSettings.router(Map.of(), LlmRouter.Resilience.DEFAULTS).order()).containsExactly("local");
    }

    @Test
    void keysSwitchProvidersOnAndThePreferredOneGoesFirst() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-x-000000000000000000", "OLLAMA_HOST", "http://127.0.0.1:1",
                "ATLAS_LLM_PREFERRED", "ollama", "ATLAS_OLLAMA_MODEL", "qwen2.5");
        assertThat(LlmSettings.router(env, LlmRouter.Resilience.DEFAULTS).order())
                .containsExactly("ollama:qwen2.5", "openai:gpt-4o-mini", "local");
        assertThat(LlmSettings.order(Map.of("OPENAI_API_KEY", "k", "ATLAS_LLM_PREFERRED", "local"))).isEmpty();
    }

    @Test
    void misconfigurationFailsAtStartWithTheReason() {
        assertThatThrownBy(() -> LlmSettings.order(Map.of("ATLAS_LLM_PREFERRED", "anthropic")))
                .hasMessageContaining("ANTHROPIC_API_KEY is empty");
        assertThatThrownBy(() -> LlmSettings.router(Map.of("OPENAI_API_KEY", "k", "ATLAS_OPENAI_MODEL", "gpt-9",
                "ATLAS_LLM_ALLOWLIST_OPENAI", "gpt-4o-mini"), LlmRouter.Resilience.DEFAULTS))
                .hasMessageContaining("gpt-9 is not in the openai allowlist");
    }
}
