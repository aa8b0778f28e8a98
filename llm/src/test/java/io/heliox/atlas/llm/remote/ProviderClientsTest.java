package io.heliox.atlas.llm.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.llm.LlmCall;
import io.heliox.atlas.llm.LlmFailure;
import io.heliox.atlas.llm.LlmReply;
import io.heliox.atlas.llm.LlmRouter;
import io.heliox.atlas.llm.local.LocalModel;
import io.heliox.atlas.llm.output.OutputPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provider clients against loopback fakes of their HTTP APIs (no test touches the network):
 * success, finish_reason length, 401, 429 then success, 5xx, timeout, a garbled body; fallback
 * when the primary fails; the breaker opening and then not calling at all.
 */
class ProviderClientsTest {

    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration READ = Duration.ofMillis(800);
    /** Production's policy with short waits: 3 attempts, breaker over 4 calls at 50 %. */
    private static final LlmRouter.Resilience FAST = new LlmRouter.Resilience(3, Duration.ofMillis(10), 2.0, 10, 4, 50f,
            Duration.ofMinutes(5));
    private static final String BLUEPRINT = "{\"universe\":[\"XAUUSD\"],\"timeframe\":\"1h\",\"features\":[\"SMA\"],"
            + "\"constraints\":{\"risk_bp\":50,\"max_drawdown_pct\":20}}";

    private FakeLlmServer primary;
    private FakeLlmServer secondary;

    @BeforeEach
    void start() throws Exception {
        primary = new FakeLlmServer();
        secondary = new FakeLlmServer();
    }

    @AfterEach
    void stop() {
        primary.close();
        secondary.close();
    }

    private RemoteProvider openAi() {
        return RemoteModels.openAi(primary.url("/v1"), "sk-test-key-000000000000", "gpt-4o-mini", CONNECT, READ);
    }

    private static LlmCall call() {
        return new LlmCall("auto", "architect@1#" + "0".repeat(64), "system text", "user text", 0.2, 500, 42L, List.of());
    }

    private LlmRouter router(RemoteProvider... remotes) {
        return new LlmRouter(java.util.Arrays.stream(remotes)
                .map(p -> new LlmRouter.Route(p, p.name().equals("openai") ? "gpt-4o-mini" : "claude-3-5-haiku-latest", Set.of("*")))
                .toList(), new LocalModel(), FAST);
    }

    @Test
    void successIsNormalizedAndTheRequestCarriesNoTools() throws Exception {
        primary.then(200, FakeLlmServer.openAi(BLUEPRINT, "stop"));
        LlmReply reply = openAi().complete(call().withModel("gpt-4o-mini"));
        assertThat(reply.content()).isEqualTo(BLUEPRINT);
        assertThat(reply.finishReason()).isEqualTo(LlmReply.FinishReason.STOP);
        assertThat(reply.usage()).isEqualTo(new LlmReply.Usage(120, 30));
        assertThat(reply.modelId()).isEqualTo("gpt-4o-mini");
        var sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(primary.requests().get(0).body());
        assertThat(primary.requests().get(0).path()).endsWith("/chat/completions");
        assertThat(sent.get("seed").asInt()).isEqualTo(42);
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(500);
        assertThat(sent.at("/messages/0/content").asText()).isEqualTo("system text");
        assertThat(sent.at("/messages/1/content").asText()).isEqualTo("user text");
        assertThat(sent.has("tools")).isFalse();
    }

    @Test
    void lengthIsReportedAndTheTruncatedJsonIsRepairedLocally() {
        String cut = BLUEPRINT.substring(0, BLUEPRINT.length() - 2); // cut at max_tokens: closing braces missing
        primary.then(200, FakeLlmServer.openAi(cut, "length"));
        LlmReply reply = openAi().complete(call().withModel("gpt-4o-mini"));
        assertThat(reply.finishReason()).isEqualTo(LlmReply.FinishReason.LENGTH);
        OutputPipeline.Outcome outcome = new OutputPipeline(new ContractSchemas())
                .read(reply.content(), ContractSchemas.BLUEPRINT, null, null);
        assertThat(outcome.stage()).isEqualTo(OutputPipeline.Stage.LOCAL_REPAIR);
        assertThat(outcome.document().at("/constraints/max_drawdown_pct").asInt()).isEqualTo(20);
    }

    @Test
    void unauthorizedIsAnAuthFailureAndIsNotRetried() {
        primary.then(401, "{\"error\":{\"message\":\"Incorrect API key\",\"type\":\"invalid_request_error\"}}");
        assertThatThrownBy(() -> openAi().complete(call().withModel("gpt-4o-mini")))
                .isInstanceOfSatisfying(LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(LlmFailure.Kind.AUTH));
        LlmReply viaRouter = router(openAi()).complete(call());
        assertThat(viaRouter.modelId()).as("fell back to local").isEqualTo(LocalModel.MODEL_ID);
        assertThat(primary.requests()).as("one direct call + one routed call, no retry on 401").hasSize(2);
    }

    @Test
    void rateLimitedThenSuccessIsRetriedWithBackoff() {
        primary.then(429, "{\"error\":{\"message\":\"Rate limit reached\"}}").then(200, FakeLlmServer.openAi(BLUEPRINT, "stop"));
        LlmReply reply = router(openAi()).complete(call());
        assertThat(reply.modelId()).isEqualTo("gpt-4o-mini");
        assertThat(primary.requests()).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedThenTheFallbackProviderAnswers() {
        primary.then(500, "{\"error\":{\"message\":\"boom\"}}");
        secondary.then(200, FakeLlmServer.anthropic(BLUEPRINT));
        RemoteProvider anthropic = RemoteModels.anthropic(secondary.url("/v1/"), "sk-ant-test-000000000", "claude-3-5-haiku-latest",
                CONNECT, READ);
        LlmReply reply = router(openAi(), anthropic).complete(call());
        assertThat(reply.content()).isEqualTo(BLUEPRINT);
        assertThat(reply.modelId()).isEqualTo("claude-3-5-haiku-latest");
        assertThat(reply.usage()).isEqualTo(new LlmReply.Usage(100, 20));
        assertThat(primary.requests()).as("3 attempts on the primary").hasSize(3);
        assertThat(secondary.requests()).hasSize(1);
        assertThat(secondary.requests().get(0).path()).endsWith("/messages");
    }

    @Test
    void aTimeoutIsClassifiedAndRetried() {
        primary.thenSlow(3_000, FakeLlmServer.openAi(BLUEPRINT, "stop"));
        assertThatThrownBy(() -> openAi().complete(call().withModel("gpt-4o-mini")))
                .isInstanceOfSatisfying(LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(LlmFailure.Kind.TIMEOUT));
    }

    @Test
    void aGarbledBodyIsMalformedAndTheLocalModelAnswers() {
        primary.then(200, "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"trunc");
        assertThatThrownBy(() -> openAi().complete(call().withModel("gpt-4o-mini")))
                .isInstanceOfSatisfying(LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(LlmFailure.Kind.MALFORMED));
        assertThat(router(openAi()).complete(call()).modelId()).isEqualTo(LocalModel.MODEL_ID);
    }

    @Test
    void theBreakerOpensAndThenStopsCallingTheProvider() {
        primary.then(401, "{\"error\":{\"message\":\"Incorrect API key\"}}");
        LlmRouter router = router(openAi());
        for (int i = 0; i < 4; i++) {
            assertThat(router.complete(call()).modelId()).isEqualTo(LocalModel.MODEL_ID);
        }
        assertThat(router.breakerState("openai")).isEqualTo(CircuitBreaker.State.OPEN);
        int before = primary.requests().size();
        for (int i = 0; i < 5; i++) {
            assertThat(router.complete(call()).modelId()).isEqualTo(LocalModel.MODEL_ID);
        }
        assertThat(primary.requests()).as("an open breaker calls nobody").hasSize(before);
    }

    @Test
    void ollamaAnswersThroughItsOwnApi() {
        primary.then(200, FakeLlmServer.ollama(BLUEPRINT));
        LlmReply reply = RemoteModels.ollama(primary.url(""), "llama3.1", CONNECT, READ).complete(call().withModel("llama3.1"));
        assertThat(reply.content()).isEqualTo(BLUEPRINT);
        assertThat(reply.usage()).isEqualTo(new LlmReply.Usage(90, 10));
        assertThat(primary.requests().get(0).path()).isEqualTo("/api/chat");
    }

    @Test
    void aRemoteAnswerIsReplayedForTheSameTemplateModelPromptAndSeed() {
        primary.then(200, FakeLlmServer.openAi(BLUEPRINT, "stop"));
        java.util.Map<String, LlmReply> store = new java.util.concurrent.ConcurrentHashMap<>();
        io.heliox.atlas.llm.ReplayCache cache = new io.heliox.atlas.llm.ReplayCache() {
            @Override
            public java.util.Optional<LlmReply> find(String key) {
                return java.util.Optional.ofNullable(store.get(key));
            }

            @Override
            public void save(String key, LlmReply reply) {
                store.put(key, reply);
            }
        };
        LlmRouter router = new LlmRouter(List.of(new LlmRouter.Route(openAi(), "gpt-4o-mini", Set.of("*"))),
                new LocalModel(), FAST, cache);
        LlmReply first = router.complete(call());
        LlmReply again = router.complete(call());
        assertThat(again).isEqualTo(first);
        assertThat(primary.requests()).as("the second answer came from the replay cache").hasSize(1);
        LlmCall otherSeed = new LlmCall("auto", call().template(), "system text", "user text", 0.2, 500, 43L, List.of());
        router.complete(otherSeed);
        assertThat(primary.requests()).hasSize(2);
    }

    @Test
    void aModelOutsideTheAllowlistIsRefusedAtConfiguration() {
        assertThatThrownBy(() -> new LlmRouter.Route(openAi(), "gpt-5-ultra", Set.of("gpt-4o-mini")))
                .hasMessageContaining("not in the openai allowlist");
    }
}
