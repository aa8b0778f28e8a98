package io.heliox.atlas.llm;

/**
 * A call that produced no usable reply. Only {@link Kind#retryable} kinds are retried (429, 5xx,
 * timeouts); the rest go straight to the next provider or end the step.
 */
public class LlmFailure extends RuntimeException {

    public enum Kind {
        AUTH(false), RATE_LIMITED(true), SERVER(true), TIMEOUT(true), BAD_REQUEST(false), MALFORMED(false),
        UNAVAILABLE(false), UNSUPPORTED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        /** Dotted lower case, for error events ({@code llm.rate_limited}). */
        public String code() {
            return "llm." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;
    private final String provider;

    public LlmFailure(Kind kind, String provider, String message, Throwable cause) {
        super(provider + ": " + message, cause);
        this.kind = kind;
        this.provider = provider;
    }

    public LlmFailure(Kind kind, String provider, String message) {
        this(kind, provider, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public String provider() {
        return provider;
    }
}
