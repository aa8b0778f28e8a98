package io.heliox.atlas.command.orch;

/**
 * A node step that ended without a result, with a dotted code for the run's {@code error} event
 * ({@code output.invalid_json}, {@code synth.too_few_candidates}, {@code llm.rate_limited}, …).
 * The message is safe to show: it never quotes a model's reply.
 */
public class NodeFailed extends RuntimeException {

    private final String code;
    private final boolean retryable;

    public NodeFailed(String code, String message, boolean retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
