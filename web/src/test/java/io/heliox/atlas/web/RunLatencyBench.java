package io.heliox.atlas.web;

import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.SseRead;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (run by {@code make bench}, never by {@code make test}): wall time from
 * {@code POST /v1/runs} to the terminal SSE event of a mock run, over 100 runs after 20 warm-up
 * runs, one at a time, on the embedded PostgreSQL. Prints p50/p95; the roadmap's budget is 3 s.
 */
class RunLatencyBench extends AtlasIntegrationTest {

    private static final int WARMUP = 20;
    private static final int RUNS = 100;

    @Test
    void promptToTerminalEvent() {
        for (String mode : new String[] {"mock", "llm"}) {
            for (int i = 0; i < WARMUP; i++) {
                once(i, mode);
            }
            double[] millis = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                millis[i] = once(WARMUP + i, mode);
            }
            Arrays.sort(millis);
            System.out.printf("%nBENCH %s run (t0/pack mocked), POST -> terminal SSE event, %d runs after %d warm-up (%s cores):%n",
                    mode, RUNS, WARMUP, Runtime.getRuntime().availableProcessors());
            System.out.printf("BENCH   p50 %.1f ms   p95 %.1f ms   min %.1f ms   max %.1f ms   (budget 3000 ms, aim p50 <= 300 ms)%n%n",
                    percentile(millis, 50), percentile(millis, 95), millis[0], millis[RUNS - 1]);
        }
    }

    private double once(int n, String mode) {
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
