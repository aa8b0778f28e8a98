package io.heliox.atlas.engine.dsl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.engine.dsl.CheckOptions;
import io.heliox.atlas.engine.dsl.DslError;
import io.heliox.atlas.engine.dsl.Loc;
import io.heliox.atlas.engine.dsl.SchemaGate;
import io.heliox.atlas.engine.dsl.check.ParamBounds;
import io.heliox.atlas.engine.dsl.check.RiskChecks;
import io.heliox.atlas.engine.dsl.check.RuleSetChecks;
import io.heliox.atlas.engine.dsl.ir.CanonicalIr;
import io.heliox.atlas.engine.dsl.ir.IrNode;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.dsl.ir.Lowering;
import io.heliox.atlas.engine.dsl.ir.Simplifier;
import io.heliox.atlas.engine.dsl.read.StrategyDoc;
import io.heliox.atlas.engine.dsl.read.StrategyReader;
import io.heliox.atlas.engine.dsl.syntax.Expr;
import io.heliox.atlas.engine.dsl.syntax.ParseFailure;
import io.heliox.atlas.engine.dsl.syntax.Parser;
import io.heliox.atlas.engine.dsl.types.ExpressionChecker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The DSL's front door: schema → read → parse → check → lower → simplify → hash.
 *
 * <p>Stages that depend on an earlier one stop when it failed (no parse means no types), but
 * independent findings are all reported in one pass: every rule's parse and type errors, the
 * parameter bounds and the risk checks, so a fix loop needs as few rounds as possible. The
 * rule-set checks (contradictions, unreachable rules) need every rule's IR and run last.
 */
public final class StrategyValidator {

    private final SchemaGate schema;
    private final CheckOptions options;

    public StrategyValidator(SchemaGate schema, CheckOptions options) {
        this.schema = schema;
        this.options = options;
    }

    /** Without the contract schema in front, with default options (engine-only use and tests). */
    public StrategyValidator() {
        this(SchemaGate.NONE, CheckOptions.DEFAULTS);
    }

    public Validation validate(JsonNode document) {
        List<DslError> schemaErrors = schema.check(document);
        if (!schemaErrors.isEmpty()) {
            return Validation.invalid(schemaErrors);
        }
        StrategyReader.Result read = StrategyReader.read(document);
        if (!read.ok()) {
            return Validation.invalid(read.errors());
        }
        StrategyDoc doc = read.doc();
        List<DslError> errors = new ArrayList<>();

        Set<String> reportedParams = new HashSet<>();
        errors.addAll(ParamBounds.check(doc.params(), reportedParams));

        List<Expr> asts = new ArrayList<>();
        boolean rulesOk = true;
        for (int i = 0; i < doc.rules().size(); i++) {
            String path = "/rules/" + i + "/if";
            Expr ast = parse(doc.rules().get(i).condition(), path, errors);
            asts.add(ast);
            if (ast == null) {
                rulesOk = false;
                continue;
            }
            List<DslError> typeErrors = ExpressionChecker.check(ast, path, doc.params(), options.seriesBars(), reportedParams);
            errors.addAll(typeErrors);
            rulesOk &= typeErrors.isEmpty();
        }
        rulesOk &= reportedParams.isEmpty(); // an out-of-bounds param makes the IR meaningless

        errors.addAll(RiskChecks.check(doc, options));

        IrStrategy ir = null;
        if (rulesOk) {
            List<IrNode> conditions = asts.stream().map(ast -> Simplifier.simplify(Lowering.lower(ast, doc.params()))).toList();
            errors.addAll(RuleSetChecks.check(doc, conditions));
            ir = toIr(doc, conditions);
        }
        if (!errors.isEmpty()) {
            return Validation.invalid(errors);
        }
        return new Validation(true, List.of(), ir, CanonicalIr.hash(ir), Normalizer.normalize(document, asts));
    }

    private static Expr parse(String condition, String path, List<DslError> errors) {
        try {
            return Parser.parse(condition);
        } catch (ParseFailure failure) {
            errors.add(DslError.of(failure.subCode(), Loc.in(path, failure.span()), failure.getMessage(), failure.hint()));
            return null;
        }
    }

    private static IrStrategy toIr(StrategyDoc doc, List<IrNode> conditions) {
        List<IrStrategy.Rule> rules = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            rules.add(new IrStrategy.Rule(conditions.get(i), doc.rules().get(i).action()));
        }
        IrStrategy.Sizing sizing = doc.sizing() == null ? null : new IrStrategy.Sizing(doc.sizing().mode(), doc.sizing().value());
        StrategyDoc.Risk r = doc.risk();
        IrStrategy.Risk risk = r == null ? null : new IrStrategy.Risk(r.stopLossBps(), r.takeProfitBps(), r.stopLossAtr(),
                r.takeProfitAtr(), whole(r.cooldownBars()), whole(r.maxBarsHeld()));
        return new IrStrategy(doc.version().level(), doc.timeframe(), rules, sizing, risk);
    }

    private static Integer whole(Double value) {
        return value == null ? null : (int) Math.round(value);
    }
}
