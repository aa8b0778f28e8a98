package io.heliox.atlas.llm.remote;

import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import io.heliox.atlas.llm.LlmCall;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The three remote providers as langchain4j clients, configured the same way (NOTES.md): the JDK
 * HTTP client forced to HTTP/1.1 (its h2c upgrade breaks some local servers), connect and read
 * timeouts, no client-side retries (the router retries, on 429/5xx/timeouts only).
 */
public final class RemoteModels {

    private RemoteModels() {
    }

    public static RemoteProvider openAi(String baseUrl, String apiKey, String model, Duration connect, Duration read) {
        OpenAiChatModel client = OpenAiChatModel.builder()
                .baseUrl(baseUrl).apiKey(apiKey).modelName(model)
                .httpClientBuilder(http(connect, read)).timeout(read).maxRetries(0)
                .build();
        return new RemoteProvider("openai", client, call -> OpenAiChatRequestParameters.builder()
                .modelName(call.modelId()).temperature(call.temperature()).maxOutputTokens(call.maxTokens())
                .stopSequences(call.stop().isEmpty() ? null : call.stop())
                .seed(call.seed() == null ? null : (int) (call.seed() & Integer.MAX_VALUE))
                .build());
    }

    public static RemoteProvider anthropic(String baseUrl, String apiKey, String model, Duration connect, Duration read) {
        AnthropicChatModel client = AnthropicChatModel.builder()
                .baseUrl(baseUrl).apiKey(apiKey).modelName(model).maxTokens(4_000)
                .httpClientBuilder(http(connect, read)).timeout(read).maxRetries(0)
                .build();
        return new RemoteProvider("anthropic", client, RemoteModels::common);
    }

    public static RemoteProvider ollama(String baseUrl, String model, Duration connect, Duration read) {
        OllamaChatModel client = OllamaChatModel.builder()
                .baseUrl(baseUrl).modelName(model)
                .httpClientBuilder(http(connect, read)).timeout(read).maxRetries(0)
                .build();
        return new RemoteProvider("ollama", client, RemoteModels::common);
    }

    /** Parameters every provider takes (Anthropic and Ollama take no seed through this interface). */
    private static ChatRequestParameters common(LlmCall call) {
        return ChatRequestParameters.builder()
                .modelName(call.modelId()).temperature(call.temperature()).maxOutputTokens(call.maxTokens())
                .stopSequences(call.stop().isEmpty() ? null : call.stop())
                .build();
    }

    private static JdkHttpClientBuilder http(Duration connect, Duration read) {
        return new JdkHttpClientBuilder()
                .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                .connectTimeout(connect)
                .readTimeout(read);
    }
}
