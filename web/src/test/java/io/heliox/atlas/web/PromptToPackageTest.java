package io.heliox.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.web.support.Api;
import io.heliox.atlas.web.support.AtlasIntegrationTest;
import io.heliox.atlas.web.support.SseRead;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's loop on embedded services and the local model: prompt → 3–5 candidates → backtests
 * on at least four scenarios (a checkpoint per candidate) → ranking → a signed package that
 * downloads and verifies, fails verification with one byte changed, is the same content for the
 * same prompt and seed, and goes into the portfolio with the strategy.
 */
class PromptToPackageTest extends AtlasIntegrationTest {

    private static final String HSP = "application/vnd.heliox.hsp";

    @Test
    void aPromptBecomesRankedBacktestsAndAVerifiedPackage() throws Exception {
        long seed = 8_000 + System.nanoTime() % 1_000; // fresh backtests, not another test run's cache
        String body = "{\"prompt\":\"Create MA crossover strategy\",\"seed\":" + seed + "}";
        String runId = startRun(body);
        List<SseRead.Event> events = api.events(runId).events();
        assertThat(events.get(events.size() - 1).json().get("phase").asText() + "." + events.get(events.size() - 1).type())
                .isEqualTo("pack.artifact");

        JsonNode candidates = artifact(events, "synth").get("candidates");
        assertThat(candidates.size()).isBetween(3, 5);
        List<String> t0Steps = events.stream().filter(e -> e.json().get("phase").asText().equals("t0") && e.type().equals("status"))
                .map(e -> e.json().at("/payload/checkpoint/step").asText() + "#" + e.json().at("/payload/checkpoint/n").asInt())
                .toList();
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= candidates.size(); n++) {
            expected.add("t0.candidate#" + n);
        }
        assertThat(t0Steps).as("a status per candidate").containsExactlyElementsOf(expected);

        JsonNode t0 = artifact(events, "t0");
        assertThat(t0.get("scenarios").size()).isGreaterThanOrEqualTo(4);
        assertThat(t0.get("results").size()).isEqualTo(candidates.size() * t0.get("scenarios").size());
        assertThat(t0.get("ranking").size()).isEqualTo(candidates.size());
        for (JsonNode result : t0.get("results")) {
            assertThat(result.at("/metrics/sharpe").isNumber()).isTrue();
            assertThat(result.at("/monteCarlo/sharpe_p5").isNumber()).isTrue();
            assertThat(result.get("detailUrl").asText()).startsWith("/v1/runs/" + runId + "/results/");
        }
        assertThat(t0.at("/stored/key").asText()).isEqualTo("runs/" + runId + "/t0.json");

        // The detail behind one cell: the whole curve, the fills and the Monte Carlo band.
        JsonNode first = t0.get("results").get(0);
        JsonNode detail = api.get(first.get("detailUrl").asText()).json();
        assertThat(detail.get("signature").asText()).isEqualTo(first.get("signature").asText());
        assertThat(detail.get("equity").size()).isEqualTo(1_000);
        assertThat(detail.at("/band/p5").size()).isEqualTo(detail.at("/band/bars").size()).isPositive();
        assertThat(api.get("/v1/runs/" + runId + "/results/nope/trend-up").status()).isEqualTo(404);

        // The package: download, verify, tamper.
        JsonNode pack = artifact(events, "pack");
        String best = t0.at("/ranking/0/candidateId").asText();
        assertThat(pack.at("/manifest/strategyId").asText()).isEqualTo(best);
        assertThat(pack.at("/manifest/format").asText()).isEqualTo("hsp/1");
        assertThat(pack.at("/manifest/templateVersions/architect").asText()).startsWith("architect@");
        Api.BinaryResponse download = api.getBytes(pack.get("downloadUrl").asText());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith(HSP);
        assertThat(download.header("Content-Disposition")).contains("attachment").contains(".hsp");
        assertThat(download.body().length).isEqualTo(pack.at("/stored/bytes").asInt());

        JsonNode keys = api.get("/v1/keys").json();
        JsonNode verdict = api.postBytes("/v1/packages/verify", download.body(), HSP).json();
        assertThat(verdict.get("valid").asBoolean()).as("verdict %s", verdict).isTrue();
        assertThat(verdict.get("keyId").asText()).isEqualTo(keys.at("/keys/0/id").asText())
                .isEqualTo(pack.at("/manifest/signature/publicKeyId").asText());
        assertThat(verdict.at("/manifest/contentHash").asText()).isEqualTo(pack.at("/manifest/contentHash").asText());
        for (int position : new int[]{0, download.body().length / 3, download.body().length / 2, download.body().length - 1}) {
            byte[] tampered = download.body().clone();
            tampered[position] ^= 0x01;
            JsonNode bad = api.postBytes("/v1/packages/verify", tampered, HSP).json();
            assertThat(bad.get("valid").asBoolean()).as("byte %d changed", position).isFalse();
            assertThat(bad.get("problems")).isNotEmpty();
        }
        assertThat(api.postBytes("/v1/packages/verify", new byte[0], HSP).status()).isEqualTo(400);

        // Another candidate's package, on request.
        String second = t0.at("/ranking/1/candidateId").asText();
        Api.BinaryResponse other = api.getBytes("/v1/runs/" + runId + "/package?candidate=" + second);
        JsonNode otherVerdict = api.postBytes("/v1/packages/verify", other.body(), "application/octet-stream").json();
        assertThat(otherVerdict.get("valid").asBoolean()).isTrue();
        assertThat(otherVerdict.at("/manifest/strategyId").asText()).isEqualTo(second);
        assertThat(otherVerdict.at("/manifest/rank").asInt()).isEqualTo(2);
        assertThat(api.getBytes("/v1/runs/" + runId + "/package?candidate=" + second).body())
                .as("built once, then served as stored").isEqualTo(other.body());
        assertThat(api.getBytes("/v1/runs/" + runId + "/package?candidate=unknown-one").status()).isEqualTo(404);
        assertThat(api.getBytes("/v1/runs/" + runId + "/package?candidate=Bad!").status()).isEqualTo(400);

        // The same prompt and seed again: the same ranking, metrics and package content.
        String againId = startRun(body);
        List<SseRead.Event> again = api.events(againId).events();
        JsonNode t0Again = artifact(again, "t0");
        assertThat(t0Again.get("ranking")).isEqualTo(t0.get("ranking"));
        assertThat(withoutRunFields(t0Again.get("results"))).isEqualTo(withoutRunFields(t0.get("results")));
        assertThat(t0Again.at("/stored/sha256").asText()).isEqualTo(t0.at("/stored/sha256").asText());
        JsonNode packAgain = artifact(again, "pack");
        assertThat(packAgain.at("/manifest/contentHash").asText()).isEqualTo(pack.at("/manifest/contentHash").asText());
        assertThat(packAgain.at("/manifest/files")).isEqualTo(pack.at("/manifest/files"));
        assertThat(packAgain.at("/manifest/runId").asText()).isEqualTo(againId);

        // Saved from the run: the portfolio item and the strategy version keep the package.
        JsonNode bestStrategy = StreamSupport.stream(candidates.spliterator(), false)
                .filter(c -> c.get("id").asText().equals(best)).findFirst().orElseThrow();
        ObjectNode save = Api.JSON.createObjectNode();
        save.put("name", "MA crossover from " + runId.substring(0, 8));
        save.set("strategy", bestStrategy);
        save.put("runId", runId);
        Api.Response saved = api.postJson("/v1/portfolio", save.toString());
        assertThat(saved.status()).isEqualTo(201);
        JsonNode ref = saved.json().get("package");
        assertThat(ref.get("packageId").asText()).isEqualTo(pack.at("/manifest/packageId").asText());
        assertThat(ref.get("sha256").asText()).isEqualTo(pack.at("/stored/sha256").asText());
        assertThat(ref.get("url").asText()).isEqualTo(pack.get("downloadUrl").asText());
        // The strategy's own stream records the version with its package (written before the answer).
        assertThat(jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry"
                        + " where type = 'Strategy' and aggregate_identifier like ? order by sequence_number", String.class,
                        "%:" + best) // a strategy's stream is its id within its workspace
                .stream().map(row -> readJson(row).get("packageRef")))
                .as("the strategy version with its package").contains(ref);
        ObjectNode edited = bestStrategy.deepCopy();
        edited.put("name", "edited after the run");
        save.set("strategy", edited);
        JsonNode unpackaged = api.postJson("/v1/portfolio", save.toString()).json();
        assertThat(unpackaged.get("package").isNull()).as("an edited strategy has no package of its own").isTrue();
    }

    @Test
    void aMockRunsPackageIsBuiltOnRequestFromItsArtifactsAndVerifies() {
        String runId = startRun("{\"prompt\":\"Create MA crossover strategy\",\"seed\":5,\"options\":{\"mode\":\"mock\"}}");
        List<SseRead.Event> events = api.events(runId).events();
        assertThat(events).hasSize(7);
        assertThat(artifact(events, "t0").get("ranking").size()).isEqualTo(3);
        Api.BinaryResponse download = api.getBytes(artifact(events, "pack").get("downloadUrl").asText());
        assertThat(download.status()).isEqualTo(200);
        JsonNode verdict = api.postBytes("/v1/packages/verify", download.body(), HSP).json();
        assertThat(verdict.get("valid").asBoolean()).isTrue();
        assertThat(verdict.at("/manifest/engineVersion").asText()).isEqualTo("mock-0.1.0");
        assertThat(verdict.at("/manifest/strategyId").asText())
                .isEqualTo(artifact(events, "t0").at("/ranking/0/candidateId").asText());
    }

    private static JsonNode readJson(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Results without what belongs to one run (its cache hits, its links). */
    private static List<JsonNode> withoutRunFields(JsonNode results) {
        List<JsonNode> out = new ArrayList<>();
        results.forEach(r -> {
            ObjectNode copy = r.deepCopy();
            copy.remove(List.of("fromCache", "detailUrl"));
            out.add(copy);
        });
        return out;
    }

    private static JsonNode artifact(List<SseRead.Event> events, String phase) {
        return events.stream().filter(e -> e.type().equals("artifact") && e.json().get("phase").asText().equals(phase))
                .findFirst().orElseThrow(() -> new AssertionError("no " + phase + " artifact")).json().get("payload");
    }
}
