package io.heliox.atlas.engine.dsl.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.engine.dsl.Action;

import java.util.List;
import java.util.Map;

/**
 * A StrategyDSL document as read, before its conditions are parsed. {@code sizing} and
 * {@code risk} are null when absent (the static checks decide whether that is acceptable).
 */
public record StrategyDoc(String id, String name, DslVersion version, String timeframe, List<RuleDoc> rules,
                          Map<String, Double> params, Sizing sizing, Risk risk, JsonNode metadata) {

    public StrategyDoc {
        rules = List.copyOf(rules);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /** One rule: its condition text and its action. */
    public record RuleDoc(String condition, Action action) {
    }

    /** How much to commit per entry: a fraction of equity, or a fixed quantity of the instrument. */
    public record Sizing(String mode, double value) {
        public static final String FRACTION = "fraction";
        public static final String FIXED_QTY = "fixed_qty";
    }

    /** Exits and pacing; every field is optional. {@code maxBarsHeld} exists from v0.1.1 on. */
    public record Risk(Double stopLossBps, Double takeProfitBps, Double stopLossAtr, Double takeProfitAtr,
                       Double cooldownBars, Double maxBarsHeld) {

        public boolean hasStop() {
            return stopLossBps != null || stopLossAtr != null;
        }
    }
}
