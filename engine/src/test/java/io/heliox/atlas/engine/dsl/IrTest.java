package io.heliox.atlas.engine.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.engine.dsl.ir.CanonicalIr;
import io.heliox.atlas.engine.dsl.ir.IrNode;
import io.heliox.atlas.engine.dsl.ir.Lowering;
import io.heliox.atlas.engine.dsl.ir.Simplifier;
import io.heliox.atlas.engine.dsl.support.Docs;
import io.heliox.atlas.engine.dsl.syntax.Parser;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Lowering, simplification, the canonical form and the hash; the 0.1 → 0.1.x compatibility promise. */
class IrTest {

    private final StrategyValidator validator = new StrategyValidator(Docs.CONTRACT_GATE, CheckOptions.DEFAULTS);

    private static String simplified(String condition) {
        IrNode ir = Simplifier.simplify(Lowering.lower(Parser.parse(condition), Map.of("n", 20.0)));
        return CanonicalIr.json(ir);
    }

    @ParameterizedTest(name = "{0}  ==  {1}")
    @CsvSource(delimiter = '|', value = {
            "not not (close > 1)                     | close > 1",
            "close > 1 and true                      | close > 1",
            "close > 1 or false                      | close > 1",
            "false or (true and close > 1)           | close > 1",
            "close > 2 * 3 - 1                       | close > 5",
            "close > -(-(4))                         | close > 4",
            "close + 0 > ma(close, $n) * 1           | close > ma(close, 20)",
            "lag(close, 0) > 1                       | close > 1",
            "close > 1 and close > 1                 | close > 1",
            "rsi(close, 14) < 30 and close > 1       | close > 1 and rsi(close, 14) < 30",
            "(a1 and b1) and c1                      | a1 and (b1 and c1)",
            "close > 1 or 1 < 2                      | true",
            "close > 1 and not (close > 1)           | false",
            "close != close                          | false",
    })
    void simplificationKeepsMeaningAndShrinks(String written, String equivalent) {
        if (written.contains("a1")) { // associativity over three distinct comparisons
            written = written.replace("a1", "close > 1").replace("b1", "open > 1").replace("c1", "high > 1");
            equivalent = equivalent.replace("a1", "close > 1").replace("b1", "open > 1").replace("c1", "high > 1");
        }
        assertThat(simplified(written)).isEqualTo(simplified(equivalent));
    }

    @Test
    void notOfAComparisonIsNotFlippedBecauseOfNaN() {
        // On a warm-up bar ma is NaN: not (close < ma) is true there, close >= ma is false.
        assertThat(simplified("not (close < ma(close, 20))")).isNotEqualTo(simplified("close >= ma(close, 20)"));
        assertThat(simplified("close <= close")).as("false while close is NaN").isNotEqualTo(simplified("true"));
    }

    @Test
    void keyOrderWhitespaceAndSpacingDoNotChangeTheHash() {
        JsonNode a = Docs.parse("""
                {"id":"x","name":"X","version":"0.1","timeframe":"1h",
                 "rules":[{"if":"rsi(close,14) < $lo","then":"buy"},{"if":"rsi(close,14) > 70","then":"close"}],
                 "params":{"lo":30},"sizing":{"mode":"fraction","value":0.5},"risk":{"stop_loss_bps":100}}""");
        JsonNode b = Docs.parse("""
                { "risk" : { "stop_loss_bps" : 100 }, "sizing" : { "value" : 0.5, "mode" : "fraction" },
                  "params" : { "lo" : 30.0 }, "rules" : [ { "then" : "buy", "if" : "rsi( close , 14 )<$lo" },
                  { "then" : "close", "if" : "rsi(close, 14) > 70.0" } ],
                  "timeframe" : "1h", "version" : "0.1", "name" : "Renamed", "id" : "y" }""");
        Validation va = validator.validate(a);
        Validation vb = validator.validate(b);
        assertThat(va.irHash()).isNotNull().isEqualTo(vb.irHash());
        assertThat(CanonicalIr.json(va.ir())).doesNotContain(" ");
    }

    @Test
    void ruleOrderIsMeaning() {
        JsonNode a = Docs.parse("""
                {"id":"x","name":"X","version":"0.1","timeframe":"1h",
                 "rules":[{"if":"rsi(close,14) < 30","then":"buy"},{"if":"rsi(close,14) > 70","then":"close"}],
                 "params":{},"sizing":{"mode":"fraction","value":0.5},"risk":{"stop_loss_bps":100}}""");
        ObjectNode b = a.deepCopy();
        var rules = b.withArray("rules");
        JsonNode first = rules.remove(0);
        rules.add(first);
        assertThat(validator.validate(a).irHash()).isNotEqualTo(validator.validate(b).irHash());
    }

    @Test
    void parametersAreSubstitutedSoTheirNamesDoNotMatter() {
        String template = """
                {"id":"x","name":"X","version":"0.1","timeframe":"1h",
                 "rules":[{"if":"close > ma(close, %s)","then":"buy"},{"if":"close < ma(close, 20)","then":"close"}],
                 "params":%s,"sizing":{"mode":"fraction","value":0.5}}""";
        String viaParam = validator.validate(Docs.parse(template.formatted("$len", "{\"len\":20}"))).irHash();
        String viaOtherName = validator.validate(Docs.parse(template.formatted("$window", "{\"window\":20}"))).irHash();
        String literal = validator.validate(Docs.parse(template.formatted("20", "{}"))).irHash();
        assertThat(viaParam).isNotNull().isEqualTo(viaOtherName).isEqualTo(literal);
    }

    /** Versioning promise: a 0.1 document is a 0.1.N document with the same meaning and the same IR hash. */
    @Test
    void aRevisionKeepsEveryOlderDocumentValidAndItsHash() throws Exception {
        for (String name : new String[]{"sma-crossover", "rsi-mean-revert", "channel-breakout", "bbands-mean-revert",
                "atr-volatility-breakout", "overfit-trap"}) {
            JsonNode v01 = Docs.resource("contracts/fixtures/valid/strategy-dsl/" + name + ".json");
            ObjectNode v011 = v01.deepCopy();
            v011.put("version", "0.1.1");
            Validation old = validator.validate(v01);
            Validation revised = validator.validate(v011);
            assertThat(old.errors()).as(name).isEmpty();
            assertThat(revised.errors()).as(name + " as 0.1.1").isEmpty();
            assertThat(revised.irHash()).as(name).isEqualTo(old.irHash());
        }
    }

    @Test
    void aFieldOfANewerRevisionNeedsThatRevision() {
        JsonNode doc = Docs.resource("contracts/fixtures/valid/strategy-dsl/time-exit-0.1.1.json");
        assertThat(validator.validate(doc).errors()).isEmpty();
        ObjectNode downgraded = doc.deepCopy();
        downgraded.put("version", "0.1");
        assertThat(new StrategyValidator().validate(downgraded).errors()).extracting(DslError::subCode)
                .containsExactly(SubCode.FIELD_NEWER_THAN_VERSION);
    }

    @Test
    void theNormalFormIsStableAndHashesAlike() {
        JsonNode doc = Docs.resource("contracts/fixtures/valid/strategy-dsl/sma-crossover.json");
        Validation v = validator.validate(doc);
        assertThat(v.normalized().at("/rules/0/if").asText()).isEqualTo("crossover(ma(close, $fast), ma(close, $slow))");
        Validation again = validator.validate(v.normalized());
        assertThat(again.irHash()).isEqualTo(v.irHash());
        assertThat(again.normalized()).isEqualTo(v.normalized());
    }
}
