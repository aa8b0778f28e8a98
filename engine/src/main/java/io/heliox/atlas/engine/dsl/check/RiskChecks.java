package io.heliox.atlas.engine.dsl.check;

import io.heliox.atlas.engine.dsl.Action;
import io.heliox.atlas.engine.dsl.CheckOptions;
import io.heliox.atlas.engine.dsl.DslError;
import io.heliox.atlas.engine.dsl.Loc;
import io.heliox.atlas.engine.dsl.SubCode;
import io.heliox.atlas.engine.dsl.ir.CanonicalIr;
import io.heliox.atlas.engine.dsl.read.StrategyDoc;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounded risk: every entry has a bounded size, and every position has a way out (a stop, a time
 * limit or an exit rule). A strategy without either can lose the whole account on one trade, and
 * that is exactly what an LLM forgets to write.
 */
public final class RiskChecks {

    private RiskChecks() {
    }

    public static List<DslError> check(StrategyDoc doc, CheckOptions options) {
        List<DslError> errors = new ArrayList<>();
        sizing(doc.sizing(), options, errors);
        exits(doc, errors);
        pacing(doc.risk(), errors);
        return errors;
    }

    private static void sizing(StrategyDoc.Sizing sizing, CheckOptions options, List<DslError> errors) {
        if (sizing == null) {
            errors.add(DslError.of(SubCode.NO_SIZING, Loc.at("/sizing"), "the strategy does not say how much to buy",
                    "add \"sizing\": {\"mode\": \"fraction\", \"value\": 0.5}"));
            return;
        }
        boolean fraction = sizing.mode().equals(StrategyDoc.Sizing.FRACTION);
        double max = fraction ? 1 : options.maxFixedQty();
        if (!(sizing.value() > 0) || sizing.value() > max) {
            errors.add(DslError.of(SubCode.SIZING_UNBOUNDED, Loc.at("/sizing/value"),
                    "sizing value " + CanonicalIr.number(sizing.value()) + " is outside (0, " + CanonicalIr.number(max) + "] for mode "
                            + sizing.mode(),
                    "set sizing.value above 0 and at most " + CanonicalIr.number(max)));
        }
    }

    private static void exits(StrategyDoc doc, List<DslError> errors) {
        StrategyDoc.Risk risk = doc.risk();
        boolean stop = risk != null && (positive(risk.stopLossBps()) || positive(risk.stopLossAtr()));
        boolean timeLimit = risk != null && positive(risk.maxBarsHeld());
        boolean closeRule = doc.rules().stream().anyMatch(r -> r.action() == Action.CLOSE);
        // Long and short entries exit each other: an always-in-the-market reversal system has an exit.
        boolean reversal = doc.rules().stream().anyMatch(r -> r.action() == Action.BUY)
                && doc.rules().stream().anyMatch(r -> r.action() == Action.SELL);
        if (!stop && !timeLimit && !closeRule && !reversal) {
            errors.add(DslError.of(SubCode.NO_EXIT, Loc.at("/risk"),
                    "a position, once open, has no way out: no stop loss, no max_bars_held and no close rule",
                    risk == null ? "add \"risk\": {\"stop_loss_bps\": 200}" : "add \"stop_loss_bps\": 200 to risk"));
        }
    }

    private static void pacing(StrategyDoc.Risk risk, List<DslError> errors) {
        if (risk == null) {
            return;
        }
        Double cooldown = risk.cooldownBars();
        if (cooldown != null && (cooldown < 1 || cooldown > 10000 || cooldown != Math.rint(cooldown))) {
            errors.add(DslError.of(SubCode.COOLDOWN_INVALID, Loc.at("/risk/cooldown_bars"),
                    "cooldown_bars is " + CanonicalIr.number(cooldown) + "; it must be a whole number of bars from 1 to 10000",
                    "set cooldown_bars to 1 or more, or remove it for no cooldown"));
        }
        Double held = risk.maxBarsHeld();
        if (held != null && (held < 1 || held > 100000 || held != Math.rint(held))) {
            errors.add(DslError.of(SubCode.HOLDING_INVALID, Loc.at("/risk/max_bars_held"),
                    "max_bars_held is " + CanonicalIr.number(held) + "; it must be a whole number of bars from 1 to 100000",
                    "set max_bars_held to 1 or more, or remove it"));
        }
    }

    private static boolean positive(Double value) {
        return value != null && value > 0;
    }
}
