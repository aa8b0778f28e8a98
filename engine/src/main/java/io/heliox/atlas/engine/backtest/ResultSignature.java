package io.heliox.atlas.engine.backtest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.engine.execution.ExecutionConfig;
import io.heliox.atlas.kernel.CanonicalJson;

/**
 * The identity of a backtest result: SHA-256 of the canonical JSON (RFC 8785) of everything that
 * determines its bytes — the strategy's IR hash, the market's content hash, every execution term,
 * the Monte Carlo and walk-forward settings, P, and {@link Backtest#ENGINE_VERSION}. Two requests
 * with the same signature get the same result, so it is the cache key.
 */
public final class ResultSignature {

    private ResultSignature() {
    }

    public static String of(String irHash, String scenarioHash, double periodsPerYear, BacktestSpec spec) {
        return CanonicalJson.sha256(describe(irHash, scenarioHash, periodsPerYear, spec));
    }

    /** The signed content, readable (also written into metrics.json as {@code signed}). */
    public static ObjectNode describe(String irHash, String scenarioHash, double periodsPerYear, BacktestSpec spec) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ExecutionConfig c = spec.execution();
        ObjectNode root = f.objectNode();
        root.put("engine_ver", Backtest.ENGINE_VERSION);
        root.put("ir_hash", irHash);
        root.put("scenario_hash", scenarioHash);
        root.put("periods_per_year", periodsPerYear);
        ObjectNode exec = root.putObject("execution");
        exec.put("initial_cash", c.initialCash());
        exec.put("fees_bps", c.feeBps());
        exec.put("slippage_bps", c.slippageBps());
        exec.put("slippage_k_vol", c.slippageKVol());
        exec.put("vol_window", c.volWindow());
        exec.put("bar_delay", c.barDelay());
        exec.put("max_margin", c.maxMargin());
        exec.put("entry_order", c.entryOrder().jsonName());
        exec.put("entry_offset_bps", c.entryOffsetBps());
        exec.put("entry_valid_bars", c.entryValidBars());
        exec.put("atr_period", c.atrPeriod());
        if (spec.monteCarlo() != null) {
            ObjectNode mc = root.putObject("monte_carlo");
            mc.put("paths", spec.monteCarlo().paths());
            mc.put("block_length", spec.monteCarlo().blockLength());
            mc.put("seed", spec.monteCarlo().seed());
        }
        if (spec.walkForwardFolds() > 0) {
            root.put("walk_forward_folds", spec.walkForwardFolds());
        }
        return root;
    }
}
