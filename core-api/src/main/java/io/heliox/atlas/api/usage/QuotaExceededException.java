package io.heliox.atlas.api.usage;

/**
 * A request would take its workspace over a quota: answered 429 with a problem+json naming the
 * quota, its limit and what is used; a run whose model call would go over fails with
 * {@code quota.model_tokens_exceeded}.
 */
public class QuotaExceededException extends RuntimeException {

    private final Quota quota;
    private final long limit;
    private final long used;
    private final long requested;

    public QuotaExceededException(Quota quota, long limit, long used, long requested) {
        super("the workspace's quota " + quota.wireName() + " (" + quota.description() + ") is " + limit + "; " + used
                + " used, " + requested + " more asked for");
        this.quota = quota;
        this.limit = limit;
        this.used = used;
        this.requested = requested;
    }

    public Quota quota() {
        return quota;
    }

    public long limit() {
        return limit;
    }

    public long used() {
        return used;
    }

    public long requested() {
        return requested;
    }
}
