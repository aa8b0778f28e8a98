package io.heliox.atlas.command.application.identity;

/** A request about users or keys that cannot be granted; {@link Reason} says which answer it deserves. */
public class IdentityException extends RuntimeException {

    public enum Reason { INVALID, NOT_FOUND, CONFLICT, THROTTLED }

    private final Reason reason;
    private final long retryAfterSeconds;

    public IdentityException(Reason reason, String message) {
        this(reason, message, 0);
    }

    public IdentityException(Reason reason, String message, long retryAfterSeconds) {
        super(message);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#THROTTLED}: when to try again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
