package io.heliox.atlas.web;

import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.SseRead;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (run by {@code make bench}, never by {@code make test}): wall time from
 * {@code POST /v1/runs} to the terminal SSE event, over 100 runs after 20 warm-up runs, one at a
 * time, on the embedded PostgreSQL and S3, in three kinds side by side:
 * <ul>
 *   <li>{@code mock}: Milestone 1's nodes (no model, no engine);</li>
 *   <li>{@code llm}: prompt → package with the local model, the engine's t0 (every candidate on
 *       four scenarios of 1,000 bars with a 200-path Monte Carlo) and a signed package; a fresh seed
 *       per run, so every backtest is computed (issue 8's "prompt → package", target p50 ≤ 3 s);</li>
 *   <li>{@code llm, same seed}: the same with one seed, so the engine answers from its result cache.</li>
 * </ul>
 */
@TestPropertySource(properties = "atlas.usage.snapshot-every=200") // the production default, not the tests' 5
class RunLatencyBench extends AtlasIntegrationTest {

    private static final int WARMUP = 20;
    private static final int RUNS = 100;

    /** Which kinds to measure: {@code -Datlas.bench.kinds=mock} for the mock runs alone (all three by default). */
    private static final String KINDS = System.getProperty("atlas.bench.kinds", "mock,llm,llm-same-seed");

    @Test
    void promptToTerminalEvent() {
        if (KINDS.contains("mock")) {
            measure("mock", "mock run (Milestone 1 nodes)", n -> n);
        }
        if (java.util.List.of(KINDS.split(",")).contains("llm")) {
            measure("llm", "prompt -> package (local model, engine t0, signed package), fresh seed per run", n -> 1_000_000 + n);
        }
        if (KINDS.contains("llm-same-seed")) {
            measure("llm", "prompt -> package, the same seed every run (engine result cache warm)", n -> 7L);
        }
    }

    private void measure(String mode, String label, java.util.function.LongUnaryOperator seedOf) {
        for (int i = 0; i < WARMUP; i++) {
            once(seedOf.applyAsLong(i), mode);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            millis[i] = once(seedOf.applyAsLong(WARMUP + i), mode);
        }
        Arrays.sort(millis);
        System.out.printf("%nBENCH %s, POST -> terminal SSE event, %d runs after %d warm-up (%s cores):%n",
                label, RUNS, WARMUP, Runtime.getRuntime().availableProcessors());
        System.out.printf("BENCH   p50 %.1f ms   p95 %.1f ms   min %.1f ms   max %.1f ms   (budget 3000 ms)%n%n",
                percentile(millis, 50), percentile(millis, 95), millis[0], millis[RUNS - 1]);
    }

    private double once(long n, String mode) {
        long start = System.nanoTime();
        String runId = startRun("{\"prompt\":\"Create MA crossover strategy\",\"seed\":" + n
                + ",\"options\":{\"mode\":\"" + mode + "\"}}");
        SseRead stream = api.events(runId);
        double elapsed = (System.nanoTime() - start) / 1e6;
        assertThat(stream.completed()).isTrue(); // a benchmark of broken runs would be meaningless
        return elapsed;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
