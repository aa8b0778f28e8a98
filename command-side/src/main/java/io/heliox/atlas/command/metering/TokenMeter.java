package io.heliox.atlas.command.metering;

import io.heliox.atlas.llm.LlmReply;

/**
 * Where a node's model calls are metered beyond the run: the workspace's tokens of the day. Before
 * a call, {@link #reserve} holds the most it may use (and throws
 * {@link io.heliox.atlas.api.usage.QuotaExceededException} when the day cannot cover it); after
 * it, {@link #record} books what it used. Call ids come from the meter, in call order, so a step
 * that is performed again (after a crash) reserves and records under the same ids, once.
 */
public interface TokenMeter {

    /** @return the call's id, to {@link #record} it with */
    String reserve(long tokens);

    void record(String callId, LlmReply reply);

    /** The call failed before it answered: its reservation is freed. */
    void cancel(String callId);

    /** Meters nothing: tests, and callers outside any workspace. */
    TokenMeter NONE = new TokenMeter() {
        @Override
        public String reserve(long tokens) {
            return "";
        }

        @Override
        public void record(String callId, LlmReply reply) {
        }

        @Override
        public void cancel(String callId) {
        }
    };
}
