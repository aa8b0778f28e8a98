package io.heliox.atlas.engine.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.engine.dsl.support.Docs;
import io.heliox.atlas.engine.dsl.support.Edit;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.heliox.atlas.engine.dsl.SubCode.*;
import static io.heliox.atlas.engine.dsl.support.Edit.remove;
import static io.heliox.atlas.engine.dsl.support.Edit.set;
import static io.heliox.atlas.engine.dsl.support.Edit.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roadmap's 50-case static-check suite (2.2.4) and its devX test (2.2.5). Each case breaks a
 * valid strategy in one way, expects exactly one error with an exact (code, sub-code, path,
 * offset, length), and carries the fix its hint suggests: at most two edits that make the
 * strategy valid again.
 */
class StaticCheckSuiteTest {

    static final String BUY = "crossover(ma(close,$fast), ma(close,$slow))";
    static final String EXIT = "crossunder(ma(close,$fast), ma(close,$slow))";
    static final String BASE = """
            {"id":"base","name":"Base","version":"0.1","timeframe":"1h",
             "rules":[{"if":"%s","then":"buy"},{"if":"%s","then":"close"}],
             "params":{"fast":20,"slow":50},
             "sizing":{"mode":"fraction","value":0.5},
             "risk":{"stop_loss_bps":150,"cooldown_bars":2}}""".formatted(BUY, EXIT);

    static final String R0 = "/rules/0/if";
    static final String R1 = "/rules/1/if";

    private final StrategyValidator validator = new StrategyValidator();

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // ---- DSL_PARSE_ERROR -----------------------------------------------------------------
        c.add(cond("unclosed call", "crossover(ma(close,$fast), ma(close,$slow)", UNCLOSED_PAREN, first("(")));
        c.add(cond("&& instead of and", "close > ma(close, 20) && close > 1", UNEXPECTED_CHARACTER, first("&&")));
        c.add(cond("=> instead of >=", "close => ma(close, 20)", UNEXPECTED_CHARACTER, first("=")));
        c.add(cond("missing right operand", "close >", UNEXPECTED_END, end()));
        c.add(cond("empty condition", "", UNEXPECTED_END, end()));
        c.add(cond("number without fraction", "close > 1.", BAD_NUMBER, first("1.")));
        c.add(cond("number with unit", "close > 14d", BAD_NUMBER, first("14d")));
        c.add(cond("extra closing paren", "close > ma(close, 20))", UNEXPECTED_TOKEN, last(")")));
        c.add(cond("chained comparison", "rsi(close, 14) < 30 < 40", UNEXPECTED_TOKEN, last("<")));
        c.add(cond("missing comma", "close > ma(close 20)", UNEXPECTED_TOKEN, first("20")));
        c.add(cond("upper-case keyword", "close > ma(close, 20) AND close > 1", UNEXPECTED_TOKEN, first("AND")));
        c.add(cond("bare dollar", "close > $", UNEXPECTED_CHARACTER, first("$")));
        c.add(cond("indexing", "close[1] > close", UNEXPECTED_CHARACTER, first("[")));
        c.add(cond("bang", "close > ma(close, 20) !", UNEXPECTED_CHARACTER, first("!")));
        c.add(cond("nesting too deep", "(".repeat(50) + "close > 1" + ")".repeat(50), TOO_DEEP,
                t -> new int[]{Parser48(), 1}));
        c.add(cond("dangling operator", "close > ma(close, 20) and", UNEXPECTED_END, end()));
        // ---- DSL_UNSUPPORTED_FUN -------------------------------------------------------------
        c.add(cond("unknown function", "vwap(close, 20) > close", UNKNOWN_FUNCTION, first("vwap")));
        c.add(cond("near-miss function", "crossover(sma(close,$fast), ma(close,$slow))", UNKNOWN_FUNCTION, first("sma")));
        c.add(cond("unknown series", "close > vwap", UNKNOWN_SERIES, first("vwap")));
        c.add(cond("series called as function", "close(1) > close", UNKNOWN_FUNCTION, first("close")));
        c.add(cond("unknown price name", "price > ma(close, 20)", UNKNOWN_SERIES, first("price")));
        c.add(cond("function used as series", "close > ema", UNKNOWN_SERIES, first("ema")));
        // ---- DSL_STATIC_FAIL: types, signatures, constants -------------------------------------
        c.add(cond("number as condition", "ma(close, 20)", TYPE_MISMATCH, whole()));
        c.add(cond("number under and", "close > 1 and ma(close, 20)", TYPE_MISMATCH, first("ma(close, 20)")));
        c.add(cond("boolean into crossover", "crossover(close > 1, ma(close, 20))", TYPE_MISMATCH, first("close > 1")));
        c.add(cond("not of a number", "not close", TYPE_MISMATCH, first("close")));
        c.add(cond("boolean in arithmetic", "(close > 1) + 1 > 0", TYPE_MISMATCH, first("close > 1")));
        c.add(cond("too few arguments", "ma(close) > 1", ARITY, first("ma(close)")));
        c.add(cond("crossover with one argument", "crossover(ma(close,$fast))", ARITY, whole()));
        c.add(cond("undefined param", "close > ma(close, $fst)", UNDEFINED_PARAM, first("$fst")));
        c.add(cond("fractional window", "close > ma(close, 20.5)", CONSTANT_ARG, first("20.5")));
        c.add(cond("zero window", "close > ma(close, 0)", CONSTANT_ARG, first("0")));
        c.add(cond("negative window", "close > ma(close, -5)", CONSTANT_ARG, first("-5")));
        c.add(cond("computed window", "close > ma(close, 10 + 10)", CONSTANT_ARG, first("10 + 10")));
        c.add(cond("zero band factor", "bbands_upper(close, 20, 0) < close", CONSTANT_ARG, within(", 0)", "0")));
        c.add(cond("negative lag", "close > lag(close, -1)", LOOKAHEAD, first("-1")));
        c.add(new Case("negative lag via param", List.of(text(R0, "close > lag(close, $back)"), set("/params/back", "-1")),
                LOOKAHEAD, R0, first("$back"), List.of(set("/params/back", "1"))));
        c.add(cond("division by literal zero", "close / 0 > 1", DIVISION_BY_ZERO, first("0")));
        c.add(cond("division by folded zero", "close / (1 - 1) > 1", DIVISION_BY_ZERO, whole()));
        c.add(cond("window longer than the series", "close > ma(close, 1500)", WINDOW_EXCEEDS_SERIES, first("ma(close, 1500)")));
        c.add(cond("nested lookback too long", "slope(ema(close, 900), 150) > 0", WINDOW_EXCEEDS_SERIES,
                first("slope(ema(close, 900), 150)")));
        // ---- DSL_PARAM_OUT_OF_RANGE --------------------------------------------------------------
        c.add(doc("fractional known window", List.of(set("/params/fast", "20.5")), PARAM_BOUNDS, "/params/fast",
                set("/params/fast", "20")));
        c.add(doc("zero known window", List.of(set("/params/slow", "0")), PARAM_BOUNDS, "/params/slow",
                set("/params/slow", "50")));
        c.add(doc("RSI level above 100", List.of(text(R0, "rsi(close, 14) < $oversold"), set("/params/oversold", "130")),
                PARAM_BOUNDS, "/params/oversold", set("/params/oversold", "30")));
        c.add(new Case("unknown-key param as window", List.of(text(R0, "close > ma(close, $span)"), set("/params/span", "0.5")),
                PARAM_ARG, R0, first("$span"), List.of(set("/params/span", "10"))));
        // ---- DSL_STATIC_FAIL: bounded risk and pacing --------------------------------------------
        c.add(doc("no sizing", List.of(remove("/sizing")), NO_SIZING, "/sizing",
                set("/sizing", "{\"mode\":\"fraction\",\"value\":0.5}")));
        c.add(doc("fraction above one", List.of(set("/sizing/value", "1.5")), SIZING_UNBOUNDED, "/sizing/value",
                set("/sizing/value", "0.5")));
        c.add(doc("huge fixed quantity", List.of(set("/sizing", "{\"mode\":\"fixed_qty\",\"value\":5000000}")),
                SIZING_UNBOUNDED, "/sizing/value", set("/sizing/value", "100")));
        c.add(doc("no exit at all", List.of(remove("/risk/stop_loss_bps"), text("/rules/1/then", "hold")), NO_EXIT, "/risk",
                set("/risk/stop_loss_bps", "200")));
        c.add(doc("no risk and no exit rule", List.of(remove("/risk"), remove("/rules/1")), NO_EXIT, "/risk",
                set("/risk", "{\"stop_loss_bps\":200}")));
        c.add(doc("zero cooldown", List.of(set("/risk/cooldown_bars", "0")), COOLDOWN_INVALID, "/risk/cooldown_bars",
                set("/risk/cooldown_bars", "1")));
        c.add(doc("fractional cooldown", List.of(set("/risk/cooldown_bars", "2.5")), COOLDOWN_INVALID, "/risk/cooldown_bars",
                set("/risk/cooldown_bars", "2")));
        c.add(doc("zero max_bars_held", List.of(text("/version", "0.1.1"), set("/risk/max_bars_held", "0")), HOLDING_INVALID,
                "/risk/max_bars_held", set("/risk/max_bars_held", "10")));
        // ---- DSL_STATIC_FAIL: the rules as a whole -----------------------------------------------
        c.add(new Case("buy and close on the same condition", List.of(text(R1, BUY)), CONTRADICTION, R1, whole(),
                List.of(text(R1, EXIT))));
        c.add(new Case("same condition, other spelling", List.of(text(R1, "crossover(ma(close, $fast), ma(close, $slow)) and true"),
                text("/rules/1/then", "sell")), CONTRADICTION, R1, whole(), List.of(text(R1, EXIT))));
        c.add(new Case("duplicate rule", List.of(set("/rules/2", "{\"if\":\"" + BUY.replace("\"", "\\\"") + "\",\"then\":\"buy\"}")),
                UNREACHABLE_RULE, "/rules/2/if", whole(), List.of(remove("/rules/2"))));
        c.add(new Case("rule after an always-true rule", List.of(text(R0, "true")), UNREACHABLE_RULE, R1, whole(),
                List.of(text(R0, BUY))));
        c.add(new Case("rule after a constant comparison", List.of(text(R0, "2 > 1 and not false")), UNREACHABLE_RULE, R1, whole(),
                List.of(text(R0, BUY))));
        c.add(new Case("exit that never fires", List.of(text(R1, "close > close")), NEVER_FIRES, R1, whole(),
                List.of(text(R1, EXIT))));
        c.add(new Case("never fires after folding", List.of(text(R1, "ma(close, 5) > ma(close, 5) + 0")), NEVER_FIRES, R1, whole(),
                List.of(text(R1, EXIT))));
        c.add(new Case("x and not x", List.of(text(R0, "close > 1 and not (close > 1)")), NEVER_FIRES, R0, whole(),
                List.of(text(R0, BUY))));
        c.add(doc("nothing ever enters", List.of(text("/rules/0/then", "hold")), NO_ENTRY, "/rules",
                text("/rules/0/then", "buy")));
        // ---- DSL_SCHEMA_INVALID (the engine's own reader, without the contract schema) -----------
        c.add(doc("rule without action", List.of(remove("/rules/0/then")), MISSING_FIELD, "/rules/0/then",
                text("/rules/0/then", "buy")));
        c.add(doc("unknown version", List.of(text("/version", "0.2")), VERSION_UNSUPPORTED, "/version", text("/version", "0.1")));
        c.add(doc("field newer than the version", List.of(set("/risk/max_bars_held", "20")), FIELD_NEWER_THAN_VERSION,
                "/risk/max_bars_held", text("/version", "0.1.1")));
        c.add(doc("unknown timeframe", List.of(text("/timeframe", "2h")), WRONG_TYPE, "/timeframe", text("/timeframe", "1h")));
        c.add(doc("param as string", List.of(text("/params/fast", "20")), WRONG_TYPE, "/params/fast", set("/params/fast", "20")));
        return c;
    }

    @Test
    void theSuiteHasAtLeastFiftyCasesCoveringEveryCode() {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
        assertThat(cases.stream().map(k -> k.subCode().code()).distinct()).containsExactlyInAnyOrder(ErrorCode.values());
    }

    @Test
    void theBaseStrategyIsValid() {
        assertThat(validator.validate(Docs.parse(BASE)).errors()).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenStrategyGetsExactlyItsError() {
        return cases().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
            JsonNode doc = broken(k);
            Validation v = validator.validate(doc);
            String conditionAtPath = doc.at(k.path()).isTextual() ? doc.at(k.path()).asText() : null;
            int[] span = conditionAtPath == null ? new int[]{0, 0} : k.where().apply(conditionAtPath);
            assertThat(v.valid()).isFalse();
            assertThat(v.errors()).extracting(e -> e.code() + "/" + e.subCode() + " " + e.loc())
                    .containsExactly(k.subCode().code() + "/" + k.subCode() + " " + new Loc(k.path(), span[0], span[1]));
            DslError error = v.errors().get(0);
            assertThat(error.message()).isNotBlank();
            assertThat(error.hint()).isNotBlank();
        }));
    }

    @TestFactory
    Stream<DynamicTest> applyingTheHintFixesItWithinTwoEdits() {
        return cases().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
            assertThat(k.fix()).hasSizeBetween(1, 2);
            JsonNode doc = broken(k);
            k.fix().forEach(edit -> edit.applyTo(doc));
            assertThat(validator.validate(doc).errors()).as("after %s", k.fix()).isEmpty();
        }));
    }

    private static JsonNode broken(Case k) {
        JsonNode doc = Docs.parse(BASE);
        k.breakage().forEach(edit -> edit.applyTo(doc));
        return doc;
    }

    /** One case: how to break the base strategy, the single error expected, and the hinted fix. */
    record Case(String name, List<Edit> breakage, SubCode subCode, String path, Function<String, int[]> where,
                List<Edit> fix) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Replaces rule 0's condition; the fix puts the original back (one edit). */
    private static Case cond(String name, String condition, SubCode subCode, Function<String, int[]> where) {
        return new Case(name, List.of(text(R0, condition)), subCode, R0, where, List.of(text(R0, BUY)));
    }

    /** A document-level error: offset 0, length 0 at {@code path}. */
    private static Case doc(String name, List<Edit> breakage, SubCode subCode, String path, Edit... fix) {
        return new Case(name, breakage, subCode, path, t -> new int[]{0, 0}, Arrays.asList(fix));
    }

    private static Function<String, int[]> first(String needle) {
        return t -> new int[]{t.indexOf(needle), needle.length()};
    }

    private static Function<String, int[]> last(String needle) {
        return t -> new int[]{t.lastIndexOf(needle), needle.length()};
    }

    private static Function<String, int[]> within(String context, String needle) {
        return t -> new int[]{t.indexOf(context) + context.indexOf(needle), needle.length()};
    }

    private static Function<String, int[]> whole() {
        return t -> new int[]{0, t.length()};
    }

    private static Function<String, int[]> end() {
        return t -> new int[]{t.length(), 0};
    }

    /** The opening parenthesis that first goes past the nesting limit. */
    private static int Parser48() {
        return io.heliox.atlas.engine.dsl.syntax.Parser.MAX_DEPTH;
    }
}
