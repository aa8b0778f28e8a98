package io.heliox.atlas.llm;

/**
 * A source of completions: a remote provider (through langchain4j) or the in-process local model.
 * Fails with {@link LlmFailure}, whose kind tells the router whether another try may help.
 */
public interface LlmProvider {

    /** The provider's name in config and logs: {@code local}, {@code openai}, {@code anthropic}, {@code ollama}. */
    String name();

    LlmReply complete(LlmCall call);
}
