package io.heliox.atlas.llm.remote;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.heliox.atlas.llm.LlmCall;
import io.heliox.atlas.llm.LlmFailure;
import io.heliox.atlas.llm.LlmProvider;
import io.heliox.atlas.llm.LlmReply;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.function.Function;

/**
 * A remote model through its langchain4j {@link ChatModel}: our {@link LlmCall} becomes a system
 * and a user message with the call's parameters (no tools, ever), the answer is normalized to an
 * {@link LlmReply}, and every way a call can fail becomes one {@link LlmFailure.Kind}, which is what
 * the router's retry and breaker decide on. The client itself never retries (maxRetries 0).
 */
public final class RemoteProvider implements LlmProvider {

    private final String name;
    private final ChatModel model;
    private final Function<LlmCall, ChatRequestParameters> parameters;

    /** @param parameters the provider's request parameters for a call (model, temperature, max tokens, stop, seed where supported) */
    public RemoteProvider(String name, ChatModel model, Function<LlmCall, ChatRequestParameters> parameters) {
        this.name = name;
        this.model = model;
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LlmReply complete(LlmCall call) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(call.system()), UserMessage.from(call.user()))
                .parameters(parameters.apply(call))
                .build();
        ChatResponse response;
        try {
            response = model.chat(request);
        } catch (RuntimeException e) {
            throw failure(e);
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null) {
            throw new LlmFailure(LlmFailure.Kind.MALFORMED, name, "the answer has no text");
        }
        String modelId = response.metadata() != null && response.metadata().modelName() != null
                ? response.metadata().modelName() : call.modelId();
        return new LlmReply(modelId, text, finish(response), usage(response, call, text), name);
    }

    private static LlmReply.FinishReason finish(ChatResponse response) {
        if (response.metadata() == null || response.metadata().finishReason() == null) {
            return LlmReply.FinishReason.OTHER;
        }
        return switch (response.metadata().finishReason()) {
            case STOP -> LlmReply.FinishReason.STOP;
            case LENGTH -> LlmReply.FinishReason.LENGTH;
            case CONTENT_FILTER -> LlmReply.FinishReason.CONTENT_FILTER;
            default -> LlmReply.FinishReason.OTHER;
        };
    }

    /** The provider's count; our estimate only where it sends none (some Ollama builds). */
    private static LlmReply.Usage usage(ChatResponse response, LlmCall call, String text) {
        TokenUsage usage = response.metadata() == null ? null : response.metadata().tokenUsage();
        int prompt = usage != null && usage.inputTokenCount() != null ? usage.inputTokenCount()
                : LlmReply.Usage.estimate(call.system()) + LlmReply.Usage.estimate(call.user());
        int completion = usage != null && usage.outputTokenCount() != null ? usage.outputTokenCount()
                : LlmReply.Usage.estimate(text);
        return new LlmReply.Usage(prompt, completion);
    }

    /** Classifies a client exception; the message never carries the request (it may hold the prompt). */
    LlmFailure failure(RuntimeException e) {
        LlmFailure.Kind kind;
        if (e instanceof AuthenticationException) {
            kind = LlmFailure.Kind.AUTH;
        } else if (e instanceof RateLimitException) {
            kind = LlmFailure.Kind.RATE_LIMITED;
        } else if (e instanceof InternalServerException) {
            kind = LlmFailure.Kind.SERVER;
        } else if (e instanceof TimeoutException || caused(e, HttpTimeoutException.class)
                || caused(e, java.net.SocketTimeoutException.class)) {
            kind = LlmFailure.Kind.TIMEOUT;
        } else if (e instanceof InvalidRequestException || e instanceof ModelNotFoundException) {
            kind = LlmFailure.Kind.BAD_REQUEST;
        } else if (e instanceof HttpException http) {
            int status = http.statusCode();
            kind = status == 401 || status == 403 ? LlmFailure.Kind.AUTH
                    : status == 429 ? LlmFailure.Kind.RATE_LIMITED
                    : status >= 500 ? LlmFailure.Kind.SERVER
                    : LlmFailure.Kind.BAD_REQUEST;
        } else if (caused(e, ConnectException.class)) {
            kind = LlmFailure.Kind.UNAVAILABLE;
        } else if (caused(e, com.fasterxml.jackson.core.JsonProcessingException.class)) {
            kind = LlmFailure.Kind.MALFORMED; // the HTTP body itself was not the provider's JSON
        } else if (caused(e, IOException.class)) {
            kind = LlmFailure.Kind.UNAVAILABLE;
        } else {
            kind = LlmFailure.Kind.MALFORMED;
        }
        return new LlmFailure(kind, name, e.getClass().getSimpleName() + " " + brief(e.getMessage()), e);
    }

    private static boolean caused(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String brief(String message) {
        if (message == null) {
            return "";
        }
        String oneLine = message.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
