package io.heliox.atlas.trading.venue.paper;

import io.heliox.atlas.engine.execution.ExecutionConfig;

/**
 * The backtest engine's fill rules (engine/BACKTEST.md, "Execution"), in its own double arithmetic,
 * so that a session on the paper venue trades exactly as the backtest promised:
 * <ul>
 *   <li>a market order fills, in full, at the close of the first bar that closes at or after it may
 *       trade (with no latency: the close of the bar just seen, which the decision was taken on), at
 *       close × (1 ± slippage), the engine's slippage at that bar (constant, or growing with the
 *       recent volatility of closes);</li>
 *   <li>a limit or stop order fills on the first bar that opens after it may trade and reaches it,
 *       at the engine's {@code FillRules} price (a gap through it fills at the open); a stop pays the
 *       slippage, a limit does not;</li>
 *   <li>the fee is quantity × fill price × fee rate; there is no volume cap and no impact.</li>
 * </ul>
 */
public record EngineRules(double feeBps, double slippageBps, double slippageKVol, int volWindow) implements FillModel {

    public EngineRules {
        if (feeBps < 0 || slippageBps < 0 || slippageKVol < 0 || volWindow < 1) {
            throw new IllegalArgumentException("fees, slippage and k_vol must not be negative and the window must be "
                    + "at least 1: " + feeBps + ", " + slippageBps + ", " + slippageKVol + ", " + volWindow);
        }
    }

    /** The rules a backtest with these execution settings used. */
    public static EngineRules of(ExecutionConfig config) {
        return new EngineRules(config.feeBps(), config.slippageBps(), config.slippageKVol(), config.volWindow());
    }
}
