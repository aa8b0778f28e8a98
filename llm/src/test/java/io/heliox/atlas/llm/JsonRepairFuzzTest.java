package io.heliox.atlas.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.llm.output.JsonRepair;
import io.heliox.atlas.llm.output.OutputPipeline;
import io.heliox.atlas.llm.output.OutputRejected;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roadmap 2.1.4's DoD: ≥ 200 fuzzed replies with minor defects → no crash and ≥ 95 % repaired to
 * a document that validates; and random damage of any size never crashes the pipeline (it ends
 * in a document or an {@link OutputRejected}, nothing else). Fixed seed: the same cases every run.
 */
class JsonRepairFuzzTest {

    private static final ContractSchemas SCHEMAS = new ContractSchemas();
    private static final OutputPipeline PIPELINE = new OutputPipeline(SCHEMAS);

    /** Valid documents as a model would send them (pretty or compact), with their schema. */
    private record Sample(String schema, String text) {
    }

    /** The defects models are known for; each keeps the content intact. */
    private static final List<BiFunction<String, SplittableRandom, String>> MINOR = List.of(
            (s, r) -> "Here is the JSON you asked for:\n" + s + "\nLet me know if you need changes.",
            (s, r) -> "```json\n" + s + "\n```",
            (s, r) -> s.replaceFirst("\\}\\s*$", ",}"),                              // trailing comma
            (s, r) -> s.replaceFirst("\\]", ",]"),
            (s, r) -> s.replace("\"", "'"),                                         // single quotes
            (s, r) -> s.replaceAll("\"([a-z_]+)\":", "$1:"),                         // unquoted keys
            (s, r) -> s.replace("true", "True").replace("false", "False"),          // Python literals
            (s, r) -> s.replaceFirst("\\{", "{ // the blueprint\n"),                // comments
            (s, r) -> s.replaceFirst("\\{", "{ /* generated */ "),
            (s, r) -> s.replaceAll("[}\\]]+\\s*$", ""),                              // cut at max_tokens after the last value
            (s, r) -> s.replaceFirst("\",\"", "\"\n\""),                             // missing comma
            (s, r) -> s.replace(",\"", ", \"").replaceFirst("\"", "\u201C").replaceFirst("\"", "\u201D"), // typographic quotes
            (s, r) -> "\uFEFF" + s,
            (s, r) -> s + "\n\nNote: all values are estimates.");

    @Test
    void twoHundredMinorDefectRepliesAreRepairedAtLeast95PercentWithoutACrash() throws IOException {
        List<Sample> samples = samples();
        SplittableRandom random = new SplittableRandom(20261124);
        int cases = 300;
        int repaired = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            Sample sample = samples.get(random.nextInt(samples.size()));
            String reply = sample.text();
            int defects = 1 + random.nextInt(2);
            for (int d = 0; d < defects; d++) {
                reply = MINOR.get(random.nextInt(MINOR.size())).apply(reply, random);
            }
            try {
                OutputPipeline.Outcome outcome = PIPELINE.read(reply, sample.schema(), null, null);
                assertThat(SCHEMAS.validate(sample.schema(), outcome.document())).isEmpty();
                repaired++;
            } catch (OutputRejected e) {
                failures.add(e.getMessage());
            }
        }
        double rate = repaired / (double) cases;
        System.out.printf("JSON repair fuzz: %d/%d minor-defect replies repaired (%.1f %%)%n", repaired, cases, rate * 100);
        assertThat(rate).as("repair rate; failures: %s", failures).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void randomDamageNeverCrashesTheReader() throws IOException {
        List<Sample> samples = samples();
        SplittableRandom random = new SplittableRandom(7);
        String junk = "{}[]\",:'\\/*#\n tfnNu0123456789.-+eE`\u201C\u201D\u0000\uFFFF";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder reply = new StringBuilder(samples.get(random.nextInt(samples.size())).text());
            int edits = 1 + random.nextInt(20);
            for (int e = 0; e < edits && !reply.isEmpty(); e++) {
                int at = random.nextInt(reply.length());
                switch (random.nextInt(3)) {
                    case 0 -> reply.deleteCharAt(at);
                    case 1 -> reply.insert(at, junk.charAt(random.nextInt(junk.length())));
                    default -> reply.setLength(at); // truncated anywhere
                }
            }
            try {
                PIPELINE.read(reply.toString(), ContractSchemas.BLUEPRINT, null, null);
            } catch (OutputRejected expected) {
                assertThat(expected.code()).startsWith("output.");
            }
        }
        // pathological inputs
        for (String reply : List.of("", " ", "[".repeat(100_000), "{\"a\":".repeat(10_000), "\"", "{'", "```", "null")) {
            try {
                PIPELINE.read(reply, ContractSchemas.BLUEPRINT, null, null);
            } catch (OutputRejected expected) {
                assertThat(expected.code()).startsWith("output.");
            }
        }
    }

    @Test
    void typicalDefectsAreFixedAsExpected() throws Exception {
        JsonNode node = JsonRepair.repair("Sure!\n```json\n{name: 'gold', ok: True, n: NaN, list: [1, 2,], /* c */ \"s\": \"a\nb\"\n```");
        assertThat(node.toString()).isEqualTo("{\"name\":\"gold\",\"ok\":true,\"n\":null,\"list\":[1,2],\"s\":\"a\\nb\"}");
        assertThat(JsonRepair.repair("{\"a\": [1, {\"b\": \"cut her").toString()).isEqualTo("{\"a\":[1,{\"b\":\"cut her\"}]}");
        assertThat(JsonRepair.repair("{\"a\": 1, \"b\":").toString()).isEqualTo("{\"a\":1}");
    }

    private static List<Sample> samples() throws IOException {
        List<Sample> out = new ArrayList<>();
        for (String name : List.of("minimal", "xauusd-ma", "crypto-mean-revert")) {
            String text = fixture("valid/blueprint/" + name + ".json");
            out.add(new Sample(ContractSchemas.BLUEPRINT, text));
            out.add(new Sample(ContractSchemas.BLUEPRINT, compact(text)));
        }
        for (String name : List.of("bbands-mean-revert", "channel-breakout", "atr-volatility-breakout")) {
            String text = fixture("valid/strategy-dsl/" + name + ".json");
            out.add(new Sample(ContractSchemas.STRATEGY_DSL, text));
            out.add(new Sample(ContractSchemas.SYNTH_CANDIDATES, "{\"candidates\": [" + text + "]}"));
        }
        return out;
    }

    private static String compact(String text) {
        return ContractSchemas.parseStrict(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String fixture(String path) throws IOException {
        try (InputStream in = JsonRepairFuzzTest.class.getClassLoader().getResourceAsStream("contracts/fixtures/" + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
