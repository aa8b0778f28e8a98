package io.heliox.atlas.api.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A candidate strategy of a run: a StrategyDSL document (contract {@code strategy-dsl}) and the
 * members the product reads from it without the engine. The document itself is the engine's
 * language (read and compiled by {@code engine.dsl}), so it travels whole: its bytes are what the
 * package's {@code strategy.json} and its {@code irHash} are made of.
 */
public record Candidate(String id, String name, String timeframe, ObjectNode dsl) {

    public static Candidate of(JsonNode json) {
        if (!(json instanceof ObjectNode dsl)) {
            throw new IllegalArgumentException("a candidate is a StrategyDSL object, not " + json.getNodeType());
        }
        return new Candidate(JsonFields.requiredText(dsl, "id"), JsonFields.text(dsl, "name"),
                JsonFields.text(dsl, "timeframe"), dsl);
    }

    /** The candidates of a synth artifact's {@code candidates} array, in their order. */
    public static List<Candidate> listOf(JsonNode candidates) {
        List<Candidate> out = new ArrayList<>(candidates.size());
        candidates.forEach(c -> out.add(of(c)));
        return List.copyOf(out);
    }

    public static ArrayNode toJson(List<Candidate> candidates) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        candidates.forEach(c -> array.add(c.toJson()));
        return array;
    }

    public static Optional<Candidate> find(List<Candidate> candidates, String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The StrategyDSL document (a copy: the record's own stays as recorded). */
    public ObjectNode toJson() {
        return dsl.deepCopy();
    }

    /** The members of the {@code risk} block, e.g. {@code stop_loss_bps}. */
    public boolean hasRisk(String member) {
        return dsl.path("risk").has(member);
    }

    /** The action ({@code then}) of each rule, in order: buy, sell, close... */
    public List<String> ruleActions() {
        List<String> actions = new ArrayList<>();
        dsl.path("rules").forEach(r -> actions.add(r.path("then").asText()));
        return actions;
    }
}
