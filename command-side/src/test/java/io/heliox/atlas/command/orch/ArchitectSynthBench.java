package io.heliox.atlas.command.orch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test ({@code make bench}): the architect and the synth node on the local model,
 * each over ten varied prompts × 20 seeds after a warm-up, the whole node (guard, template, model,
 * parse, schema, DSL validation, dedupe). Prints p50 and p95 in milliseconds; the roadmap's budget
 * for one node is p95 ≤ 6 s with a remote model.
 */
class ArchitectSynthBench {

    private static final List<String> PROMPTS = List.of(
            "Create MA crossover strategy", "Mean reversion on EURUSD", "Breakout for BTC on new highs",
            "RSI oversold bounce on ETHUSDT 1h", "Bollinger band reversion on silver, daily",
            "EMA trend with ATR stops on XAUUSD", "Short the nasdaq when momentum fades",
            "Gold swing idea, long only", "Crypto momentum, 15m, high risk", "Trend idea on GBPUSD with volatility stops");

    @Test
    void architectAndSynthLatency() {
        Nodes nodes = Nodes.local();
        for (int i = 0; i < 200; i++) { // warm-up: JIT, schema and template caches
            nodes.synth.run(nodes.architect.run(PROMPTS.get(i % PROMPTS.size()), i).blueprint(), i);
        }
        int n = PROMPTS.size() * 20;
        double[] architect = new double[n];
        double[] synth = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            ObjectNode blueprint = nodes.architect.run(PROMPTS.get(i % PROMPTS.size()), 1_000 + i).blueprint();
            long t1 = System.nanoTime();
            int candidates = nodes.synth.run(blueprint, 1_000 + i).candidates().size();
            long t2 = System.nanoTime();
            assertThat(candidates).isBetween(SynthNode.MIN_CANDIDATES, SynthNode.MAX_CANDIDATES);
            architect[i] = (t1 - t0) / 1e6;
            synth[i] = (t2 - t1) / 1e6;
        }
        System.out.printf("ArchitectSynthBench (local model, %d runs): architect p50 %.2f ms p95 %.2f ms; "
                        + "synth p50 %.2f ms p95 %.2f ms%n", n, percentile(architect, 50), percentile(architect, 95),
                percentile(synth, 50), percentile(synth, 95));
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
