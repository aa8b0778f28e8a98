package io.heliox.atlas.engine.dsl.ir;

import io.heliox.atlas.engine.dsl.Action;

import java.util.List;

/**
 * What a backtest executes: the semantics level, the bar size, the rules in order (order is
 * meaning: the first rule that holds decides the bar), sizing and risk. Identity fields (id,
 * name, metadata) and parameter names are not part of it, so renaming a strategy or a parameter
 * keeps its hash and its cached backtests.
 */
public record IrStrategy(String semantics, String timeframe, List<Rule> rules, Sizing sizing, Risk risk) {

    public IrStrategy {
        rules = List.copyOf(rules);
    }

    public record Rule(IrNode when, Action action) {
    }

    public record Sizing(String mode, double value) {
    }

    /** Absent fields are null and are left out of the canonical form. */
    public record Risk(Double stopLossBps, Double takeProfitBps, Double stopLossAtr, Double takeProfitAtr,
                       Integer cooldownBars, Integer maxBarsHeld) {
    }
}
