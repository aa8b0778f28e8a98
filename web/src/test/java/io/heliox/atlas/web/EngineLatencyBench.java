package io.heliox.atlas.web;

import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.Strategies;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (run by {@code make bench}): HTTP wall time of POST /api/v1/engine/t0
 * (1,000 bars) and /t1 (50,000 bars), computed (each request a new market seed, so a new
 * signature) and answered from the cache (the same request again), medians over 30 requests
 * after 10 warm-up ones. Budgets: T0 5 s, T1 30 s; aim T1 &lt; 50 ms without Monte Carlo.
 */
@org.springframework.test.context.TestPropertySource(properties = "atlas.usage.snapshot-every=200") // the production default, not the tests' 5
class EngineLatencyBench extends AtlasIntegrationTest {

    private static final int WARMUP = 10;
    private static final int RUNS = 30;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void engineLatency() throws Exception {
        System.out.printf("%nBENCH engine over HTTP (%d cores), p50 / p95 of %d requests after %d warm-up:%n",
                Runtime.getRuntime().availableProcessors(), RUNS, WARMUP);
        report("t0", 1_000, "");
        report("t1", 50_000, "");
        report("t1", 50_000, ",\"monte_carlo\":{\"paths\":1000,\"block_length\":40,\"seed\":1},\"walk_forward\":{\"folds\":5}");
        System.out.println();
    }

    private void report(String tier, int bars, String extra) throws Exception {
        int total = WARMUP + RUNS;
        double[] computed = new double[RUNS];
        double[] cached = new double[RUNS];
        for (int i = 0; i < total; i++) {
            String body = "{\"strategy\":" + Strategies.MA_CROSS + ",\"scenario\":{\"id\":\"bench-" + tier + "\",\"version\":\"0.1\","
                    + "\"timeframe\":\"1h\",\"duration_bars\":" + bars + ",\"seed\":" + (System.nanoTime() % 1_000_000_000L)
                    + ",\"family\":\"vol_cluster\",\"params\":{\"omega\":10,\"alpha\":0.05,\"beta\":0.9,\"mu\":0},"
                    + "\"volume_model\":\"lognormal\"},\"fees_bps\":2,\"slippage_bps\":1,\"bar_delay\":1" + extra + "}";
            double miss = post(tier, body, false);
            double hit = post(tier, body, true);
            if (i >= WARMUP) {
                computed[i - WARMUP] = miss;
                cached[i - WARMUP] = hit;
            }
        }
        Arrays.sort(computed);
        Arrays.sort(cached);
        System.out.printf("BENCH   %s %6d bars%s: computed p50 %7.1f ms p95 %7.1f ms | cache hit p50 %5.1f ms p95 %5.1f ms%n",
                tier, bars, extra.isEmpty() ? "" : " + MC 1000 paths + WF 5", computed[RUNS / 2],
                computed[(int) (RUNS * 0.95)], cached[RUNS / 2], cached[(int) (RUNS * 0.95)]);
    }

    private double post(String tier, String body, boolean expectCached) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/engine/" + tier))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + api.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - started) / 1e6;
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(new String(response.body(), 0, 120, StandardCharsets.UTF_8)).contains("\"used_cache\":" + expectCached);
        if (!expectCached && Boolean.getBoolean("atlas.bench.stages")) {
            System.out.println("BENCH     stages " + response.headers().firstValue("Server-Timing").orElse(""));
        }
        return millis;
    }
}
