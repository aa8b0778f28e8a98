package io.heliox.atlas.llm.settings;

import io.heliox.atlas.llm.LlmProvider;
import io.heliox.atlas.llm.LlmRouter;
import io.heliox.atlas.llm.ReplayCache;
import io.heliox.atlas.llm.local.LocalModel;
import io.heliox.atlas.llm.remote.RemoteModels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which models a node may call, from the environment (README, "Configuration"). A remote provider
 * exists only when switched on: {@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code OLLAMA_HOST}.
 * {@code ATLAS_LLM_PREFERRED} picks the first (default: the order openai, anthropic, ollama); the
 * others follow as fallbacks, and the local model is always last. {@code ATLAS_LLM_ALLOWLIST_<P>}
 * (comma-separated, {@code *} for any) bounds the models a provider may be asked for.
 */
public final class LlmSettings {

    private static final List<String> ORDER = List.of("openai", "anthropic", "ollama");
    private static final Map<String, String> DEFAULT_MODEL = Map.of(
            "openai", "gpt-4o-mini", "anthropic", "claude-3-5-haiku-latest", "ollama", "llama3.1");
    private static final Map<String, String> DEFAULT_ALLOWLIST = Map.of(
            "openai", "gpt-4o-mini,gpt-4o,gpt-4.1-mini,gpt-4.1",
            "anthropic", "claude-3-5-haiku-latest,claude-3-5-sonnet-latest,claude-sonnet-4-0",
            "ollama", "*");

    private LlmSettings() {
    }

    /** The router for this environment; with nothing switched on it is the local model alone. */
    public static LlmRouter router(Map<String, String> env, LlmRouter.Resilience resilience) {
        return router(env, resilience, ReplayCache.NONE);
    }

    /** With remote answers recorded in (and replayed from) {@code replay}; ATLAS_LLM_REPLAY=off disables it. */
    public static LlmRouter router(Map<String, String> env, LlmRouter.Resilience resilience, ReplayCache replay) {
        Duration connect = Duration.ofMillis(Long.parseLong(env.getOrDefault("ATLAS_LLM_CONNECT_TIMEOUT_MS", "10000")));
        Duration read = Duration.ofMillis(Long.parseLong(env.getOrDefault("ATLAS_LLM_READ_TIMEOUT_MS", "60000")));
        List<LlmRouter.Route> routes = new ArrayList<>();
        for (String provider : order(env)) {
            String model = env.getOrDefault("ATLAS_" + upper(provider) + "_MODEL", DEFAULT_MODEL.get(provider));
            Set<String> allowlist = new LinkedHashSet<>(Arrays.asList(env.getOrDefault(
                    "ATLAS_LLM_ALLOWLIST_" + upper(provider), DEFAULT_ALLOWLIST.get(provider)).split("\\s*,\\s*")));
            LlmProvider client = switch (provider) {
                case "openai" -> RemoteModels.openAi(env.getOrDefault("OPENAI_BASE_URL", "https://api.openai.com/v1"),
                        env.get("OPENAI_API_KEY"), model, connect, read);
                case "anthropic" -> RemoteModels.anthropic(env.getOrDefault("ANTHROPIC_BASE_URL", "https://api.anthropic.com/v1"),
                        env.get("ANTHROPIC_API_KEY"), model, connect, read);
                default -> RemoteModels.ollama(env.get("OLLAMA_HOST"), model, connect, read);
            };
            routes.add(new LlmRouter.Route(client, model, allowlist));
        }
        boolean replaying = !"off".equalsIgnoreCase(env.getOrDefault("ATLAS_LLM_REPLAY", "on"));
        return new LlmRouter(routes, new LocalModel(), resilience, replaying ? replay : ReplayCache.NONE);
    }

    /** The switched-on providers, preferred first. */
    static List<String> order(Map<String, String> env) {
        List<String> on = new ArrayList<>();
        for (String provider : ORDER) {
            String key = provider.equals("ollama") ? "OLLAMA_HOST" : upper(provider) + "_API_KEY";
            if (env.get(key) != null && !env.get(key).isBlank()) {
                on.add(provider);
            }
        }
        String preferred = env.getOrDefault("ATLAS_LLM_PREFERRED", "").trim().toLowerCase(Locale.ROOT);
        if (!preferred.isEmpty() && !preferred.equals(LocalModel.NAME)) {
            if (!on.remove(preferred)) {
                throw new IllegalStateException("ATLAS_LLM_PREFERRED=" + preferred + " but that provider is not switched on ("
                        + (preferred.equals("ollama") ? "OLLAMA_HOST" : upper(preferred) + "_API_KEY") + " is empty)");
            }
            on.add(0, preferred);
        }
        if (preferred.equals(LocalModel.NAME)) {
            on.clear(); // local explicitly preferred: remote providers stay off
        }
        return on;
    }

    private static String upper(String provider) {
        return provider.toUpperCase(Locale.ROOT);
    }
}
