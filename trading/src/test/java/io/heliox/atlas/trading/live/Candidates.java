package io.heliox.atlas.trading.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.llm.LlmCall;
import io.heliox.atlas.llm.LlmReply;
import io.heliox.atlas.llm.local.LocalModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The strategies the product writes, for the parity test: the mock run's candidates (copied from
 * command-side into {@code live/mock-candidates.json}, which says where from) and the local model's.
 *
 * <p>The local model's come from the model itself, through its public {@link LocalModel} (an
 * {@code LlmProvider}) asked the synth question, not from copies: an archetype added to its
 * {@code CandidateWriter} is covered without touching this test. The question asks for 8
 * candidates, the writer's maximum, one per archetype; for each direction (long, short, both) and
 * with and without the ATR feature (ATR stops instead of bps stops).
 */
public final class Candidates {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The writer's maximum per answer; each candidate is a different archetype. */
    static final int PER_ANSWER = 8;

    private Candidates() {
    }

    public static List<JsonNode> mock() {
        List<JsonNode> out = new ArrayList<>();
        resource("live/mock-candidates.json").path("candidates").forEach(out::add);
        return out;
    }

    public static List<JsonNode> localModel() {
        List<JsonNode> out = new ArrayList<>();
        LocalModel model = new LocalModel();
        long seed = 1;
        for (String direction : List.of("long", "short", "both")) {
            for (String features : List.of("[\"SMA\", \"RSI\"]", "[\"ATR\", \"DONCHIAN\"]")) {
                String blueprint = """
                        {"timeframe": "1h", "direction": "%s", "features": %s,
                         "constraints": {"risk_bp": 50, "long_only": false}}""".formatted(direction, features);
                String user = "Write " + PER_ANSWER + " candidates.\n<<<BLUEPRINT\n" + blueprint + "\nBLUEPRINT>>>";
                LlmReply reply = model.complete(new LlmCall(LocalModel.MODEL_ID, "synth@1#parity", "", user, 0,
                        100_000, seed++, null));
                try {
                    JSON.readTree(reply.content()).path("candidates").forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    public static JsonNode resource(String name) {
        try (InputStream in = Candidates.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
