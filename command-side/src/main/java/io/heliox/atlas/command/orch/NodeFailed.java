package io.heliox.atlas.command.orch;

/**
 * A node step that ended without a result, with a dotted code for the run's {@code error} event
 * ({@code output.invalid_json}, {@code synth.too_few_candidates}, {@code llm.rate_limited}, …).
 * The message is safe to show: it never quotes a model's reply.
 */
public class NodeFailed extends RuntimeException {

    private final String code;
    private final boolean retryable;
    private final java.util.List<LlmSession.Call> calls;

    public NodeFailed(String code, String message, boolean retryable) {
        this(code, message, retryable, java.util.List.of());
    }

    /** @param calls the model calls made before the failure: they were paid for and count against the budget */
    public NodeFailed(String code, String message, boolean retryable, java.util.List<LlmSession.Call> calls) {
        this(code, message, retryable, calls, null);
    }

    /** @param cause what refused the step (a {@link io.heliox.atlas.api.usage.QuotaExceededException}), kept for callers that answer it */
    public NodeFailed(String code, String message, boolean retryable, java.util.List<LlmSession.Call> calls,
                      Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
        this.calls = java.util.List.copyOf(calls);
    }

    /** The same failure with the calls made so far attached (when the thrower did not know them). */
    NodeFailed withCalls(java.util.List<LlmSession.Call> made) {
        return calls.isEmpty() && !made.isEmpty() ? new NodeFailed(code, getMessage(), retryable, made, getCause()) : this;
    }

    /** The same failure with {@code earlier} calls (made by previous sub-steps) before its own. */
    NodeFailed after(java.util.List<LlmSession.Call> earlier) {
        if (earlier.isEmpty()) {
            return this;
        }
        java.util.List<LlmSession.Call> all = new java.util.ArrayList<>(earlier);
        all.addAll(calls);
        return new NodeFailed(code, getMessage(), retryable, all, getCause());
    }

    public java.util.List<LlmSession.Call> calls() {
        return calls;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
