package io.heliox.atlas.web.http.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.application.backtest.BacktestResult;
import io.heliox.atlas.command.application.backtest.EngineBacktests;
import io.heliox.atlas.engine.backtest.BacktestJson;
import io.heliox.atlas.engine.backtest.EquityNpy;
import io.heliox.atlas.kernel.SizedLru;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The answer body, built only from a stored result's three files (engine-backtest-response.schema.json).
 * Building a 50k-bar answer takes longer than finding the result, so the cached answers' bytes
 * are kept too (bounded by bytes; answers are immutable per signature, so never stale).
 */
@Component
class EngineResponses {

    /** 64 MB: ~60 answers of 50k bars. */
    private final SizedLru<byte[]> cachedAnswers = new SizedLru<>(64L << 20, answer -> answer.length);

    byte[] write(EngineBacktests.Tier tier, BacktestResult result) {
        String key = tier.id() + "/" + result.signature();
        byte[] cachedAnswer = cachedAnswers.get(key).orElseGet(() -> {
            byte[] answer = build(tier, result);
            cachedAnswers.put(key, answer); // built once, on the miss: the next request is a pure lookup
            return answer;
        });
        return result.fromCache() ? cachedAnswer : asComputed(cachedAnswer);
    }

    private static final byte[] CACHED = "\"used_cache\":true".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMPUTED = "\"used_cache\":false".getBytes(StandardCharsets.UTF_8);

    /** The same answer with {@code used_cache: false}; the member is near the start (see {@link #build}). */
    private static byte[] asComputed(byte[] answer) {
        for (int at = 0; at + CACHED.length <= Math.min(answer.length, 256); at++) {
            if (Arrays.equals(answer, at, at + CACHED.length, CACHED, 0, CACHED.length)) {
                byte[] out = new byte[answer.length + 1];
                System.arraycopy(answer, 0, out, 0, at);
                System.arraycopy(COMPUTED, 0, out, at, COMPUTED.length);
                System.arraycopy(answer, at + CACHED.length, out, at + COMPUTED.length, answer.length - at - CACHED.length);
                return out;
            }
        }
        throw new IllegalStateException("an answer without used_cache near its start");
    }

    /**
     * Streams the answer: the report's members, then the equity as one array of numbers and each
     * stored trade line as it is (each is one JSON object written by {@link BacktestJson#MAPPER},
     * so re-parsing it would give back the same bytes). Building a tree of 50,000 number nodes
     * and parsing every trade line again took most of a 50k-bar answer's time (measured, p50
     * ≈ 17 ms of a full-tier request's 66). {@code EngineResponsesTest} pins the bytes to the tree-built
     * answer.
     */
    static byte[] build(EngineBacktests.Tier tier, BacktestResult result) {
        try {
            ObjectNode report = (ObjectNode) BacktestJson.MAPPER.readTree(result.metricsJson());
            report.remove("signature"); // it is cache_key
            double[] equity = EquityNpy.read(result.equityNpy());
            ByteArrayOutputStream out = new ByteArrayOutputStream(
                    result.metricsJson().length + result.tradesJsonl().length + 24 * equity.length + 256);
            try (JsonGenerator json = BacktestJson.MAPPER.createGenerator(out)) {
                json.writeStartObject();
                json.writeStringField("cache_key", result.signature());
                json.writeBooleanField("used_cache", true); // asComputed flips it for the request that computed the result
                json.writeStringField("tier", tier.id());
                for (Map.Entry<String, JsonNode> member : report.properties()) {
                    json.writeFieldName(member.getKey());
                    json.writeTree(member.getValue());
                }
                json.writeFieldName("equity");
                json.writeArray(equity, 0, equity.length);
                json.writeArrayFieldStart("trades");
                String lines = new String(result.tradesJsonl(), StandardCharsets.UTF_8);
                for (String line : lines.split("\n")) {
                    if (!line.isEmpty()) {
                        json.writeRawValue(line);
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a stored result is not readable", e);
        }
    }
}
