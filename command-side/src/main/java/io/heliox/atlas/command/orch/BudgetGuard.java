package io.heliox.atlas.command.orch;

import io.heliox.atlas.command.metering.TokenMeter;
import io.heliox.atlas.llm.LlmReply;

import java.time.Clock;
import java.time.Instant;

/**
 * The run's budgets around every model call: before a call, the time left and
 * the tokens left must cover the prompt and a minimal answer (the answer's max_tokens is capped to
 * what is left); after it, the tokens it used are added, and going over the limit ends the step.
 * Either way the failure is a {@link NodeFailed} whose code names the budget
 * ({@code budget.tokens_exceeded}, {@code budget.time_exceeded}), which ends the run.
 */
public final class BudgetGuard {

    /** The smallest answer worth asking for: below it a call cannot produce a document. */
    static final int MIN_COMPLETION_TOKENS = 64;

    private final long tokensLimit;
    private long tokensUsed;
    private final Instant deadline;
    private final long timeMsLimit;
    private final Clock clock;
    private final TokenMeter meter;

    public BudgetGuard(long tokensLimit, long tokensUsed, Instant deadline, long timeMsLimit, Clock clock) {
        this(tokensLimit, tokensUsed, deadline, timeMsLimit, clock, TokenMeter.NONE);
    }

    /** @param meter the workspace's tokens of the day, asked after the run's own budget */
    public BudgetGuard(long tokensLimit, long tokensUsed, Instant deadline, long timeMsLimit, Clock clock,
                       TokenMeter meter) {
        this.meter = meter;
        this.tokensLimit = tokensLimit;
        this.tokensUsed = tokensUsed;
        this.deadline = deadline;
        this.timeMsLimit = timeMsLimit;
        this.clock = clock;
    }

    /** No limits and no meter: for tests and tools outside any workspace. */
    public static BudgetGuard unlimited() {
        return new BudgetGuard(Long.MAX_VALUE, 0, Instant.MAX, Long.MAX_VALUE, Clock.systemUTC());
    }

    TokenMeter meter() {
        return meter;
    }

    /** The max_tokens this call may have; throws when the budget cannot cover the call at all. */
    int admit(String node, int promptTokens, int maxTokens) {
        if (!clock.instant().isBefore(deadline)) {
            throw new NodeFailed("budget.time_exceeded", node + " cannot call a model: the run used its " + timeMsLimit
                    + " ms (TIME_MS_LIMIT)", false);
        }
        long left = tokensLimit - tokensUsed;
        if (left < (long) promptTokens + MIN_COMPLETION_TOKENS) {
            throw new NodeFailed("budget.tokens_exceeded", node + " needs about " + promptTokens + " tokens for its prompt and "
                    + MIN_COMPLETION_TOKENS + " for an answer; " + Math.max(0, left) + " of the run's " + tokensLimit
                    + " (TOKENS_LIMIT) are left", false);
        }
        return (int) Math.min(maxTokens, left - promptTokens);
    }

    /** Counts a call's tokens; throws when they took the run over its limit. */
    void spend(String node, LlmReply.Usage usage) {
        tokensUsed += usage.total();
        if (tokensUsed > tokensLimit) {
            throw new NodeFailed("budget.tokens_exceeded", node + " took the run to " + tokensUsed + " tokens, over its "
                    + tokensLimit + " (TOKENS_LIMIT)", false);
        }
    }

    public long tokensUsed() {
        return tokensUsed;
    }
}
