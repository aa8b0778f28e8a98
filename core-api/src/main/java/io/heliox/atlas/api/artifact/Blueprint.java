package io.heliox.atlas.api.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

import static io.heliox.atlas.api.artifact.JsonFields.bool;
import static io.heliox.atlas.api.artifact.JsonFields.integer;
import static io.heliox.atlas.api.artifact.JsonFields.number;
import static io.heliox.atlas.api.artifact.JsonFields.putStrings;
import static io.heliox.atlas.api.artifact.JsonFields.requiredText;
import static io.heliox.atlas.api.artifact.JsonFields.strings;
import static io.heliox.atlas.api.artifact.JsonFields.text;

/**
 * What the architect phase makes of a trader's prompt (contract {@code blueprint}): the
 * instruments, the bar timeframe, the indicator families, the risk constraints and the scenario
 * families to test on. Optional members are null when the document leaves them out.
 *
 * <p>The architect artifact records the model's document as the model wrote it (after the
 * guardrails), so its member order is the model's; this record is how the product reads it, and
 * {@link #toJson()} writes the contract's order.
 *
 * @param direction long, short or both; null when the model left it out (read as long)
 * @param scenarios scenario families (trend, mean_revert, vol_cluster, shock_mix, regime_switch)
 */
public record Blueprint(List<String> universe, String timeframe, List<String> features, Constraints constraints,
                        String direction, List<String> scenarios, String notes) {

    /** Risk limits every candidate must respect. */
    public record Constraints(int riskBp, Double maxDrawdownPct, Boolean longOnly, Integer maxPositions) {

        static Constraints of(JsonNode json) {
            return new Constraints(json.path("risk_bp").asInt(), number(json, "max_drawdown_pct"),
                    bool(json, "long_only"), integer(json, "max_positions"));
        }

        ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("risk_bp", riskBp);
            if (maxDrawdownPct != null) {
                node.put("max_drawdown_pct", maxDrawdownPct);
            }
            if (longOnly != null) {
                node.put("long_only", longOnly);
            }
            if (maxPositions != null) {
                node.put("max_positions", maxPositions);
            }
            return node;
        }
    }

    public static Blueprint of(JsonNode json) {
        return new Blueprint(strings(json, "universe"), requiredText(json, "timeframe"), strings(json, "features"),
                Constraints.of(json.path("constraints")), text(json, "direction"), strings(json, "scenarios"),
                text(json, "notes"));
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        putStrings(node, "universe", universe);
        node.put("timeframe", timeframe);
        putStrings(node, "features", features);
        node.set("constraints", constraints.toJson());
        if (direction != null) {
            node.put("direction", direction);
        }
        putStrings(node, "scenarios", scenarios);
        if (notes != null) {
            node.put("notes", notes);
        }
        return node;
    }

    /** Whether the candidates may go short: not long only, and a direction other than long. */
    public boolean shortsAllowed() {
        return !Boolean.TRUE.equals(constraints.longOnly()) && direction != null && !direction.equals("long");
    }

    /** Whether the trader asked to be tested on this scenario family. */
    public boolean asksFor(String scenarioFamily) {
        return scenarios != null && scenarios.contains(scenarioFamily);
    }

    /** The drawdown limit as a fraction (0.2 = 20 %), or {@code otherwise} when the blueprint sets none. */
    public double maxDrawdownLimit(double otherwise) {
        return constraints.maxDrawdownPct() == null ? otherwise : constraints.maxDrawdownPct() / 100.0;
    }
}
