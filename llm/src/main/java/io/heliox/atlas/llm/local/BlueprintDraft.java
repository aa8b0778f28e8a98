package io.heliox.atlas.llm.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A blueprint (contracts' blueprint.schema.json) written from a {@link TradingIntent}: the local
 * model's architect answer, and the mock architect artifact.
 */
public final class BlueprintDraft {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BlueprintDraft() {
    }

    public static ObjectNode of(TradingIntent intent) {
        ObjectNode blueprint = JSON.objectNode();
        ArrayNode universe = blueprint.putArray("universe");
        intent.universe().forEach(universe::add);
        blueprint.put("timeframe", intent.timeframe());
        ArrayNode features = blueprint.putArray("features");
        intent.features().forEach(features::add);
        ObjectNode constraints = blueprint.putObject("constraints");
        int riskBp = intent.riskBp();
        constraints.put("risk_bp", riskBp);
        constraints.put("max_drawdown_pct", riskBp >= 100 ? 30.0 : riskBp <= 25 ? 10.0 : 20.0);
        constraints.put("long_only", intent.longOnly());
        blueprint.put("direction", intent.direction().wireName());
        ArrayNode scenarios = blueprint.putArray("scenarios");
        scenarios(intent).forEach(scenarios::add);
        if (!intent.assumptions().isEmpty()) {
            blueprint.put("notes", "Assumed: " + String.join("; ", intent.assumptions()) + ".");
        }
        return blueprint;
    }

    /**
     * Every candidate is tested where trends, ranges and volatility bursts each get a say; a
     * breakout request adds shocks, since gaps are what breakouts live and die by.
     */
    private static Set<String> scenarios(TradingIntent intent) {
        Set<String> scenarios = new LinkedHashSet<>();
        scenarios.add("trend");
        scenarios.add("mean_revert");
        scenarios.add("vol_cluster");
        if (intent.styles().contains(TradingIntent.Style.BREAKOUT)) {
            scenarios.add("shock_mix");
        }
        return scenarios;
    }
}
