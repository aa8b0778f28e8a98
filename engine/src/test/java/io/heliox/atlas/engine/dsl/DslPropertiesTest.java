package io.heliox.atlas.engine.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.engine.dsl.ir.CanonicalIr;
import io.heliox.atlas.engine.dsl.ir.Lowering;
import io.heliox.atlas.engine.dsl.ir.Simplifier;
import io.heliox.atlas.engine.dsl.support.Docs;
import io.heliox.atlas.engine.dsl.support.StrategyGen;
import io.heliox.atlas.engine.dsl.syntax.Expr;
import io.heliox.atlas.engine.dsl.syntax.Parser;
import io.heliox.atlas.engine.dsl.syntax.Printer;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the parser, the printer and the hash, on generated input (roadmap 2.2.2 / 2.2.3 DoDs). */
class DslPropertiesTest {

    private static final String TEMPLATE = """
            {"id":"p","name":"P","version":"0.1","timeframe":"1h",
             "rules":[{"if":"close > 1","then":"buy"},{"if":"close < 1","then":"close"}],
             "params":{"fast":20,"slow":50},"sizing":{"mode":"fraction","value":0.5},"risk":{"stop_loss_bps":150}}""";

    private final StrategyValidator validator = new StrategyValidator();

    @Property(tries = 1500)
    void tokenSoupNeverCrashesAndEveryErrorIsClassifiedAndInsideTheInput(@ForAll("soup") String condition) {
        ObjectNode doc = (ObjectNode) Docs.parse(TEMPLATE);
        ((ObjectNode) doc.at("/rules/0")).put("if", condition);
        Validation v = validator.validate(doc);
        assertThat(v.valid()).isEqualTo(v.errors().isEmpty());
        for (DslError e : v.errors()) {
            assertThat(e.subCode().code()).isEqualTo(e.code());
            assertThat(e.message()).isNotBlank();
            assertThat(e.hint()).isNotBlank();
            if (e.loc().path().equals("/rules/0/if")) {
                assertThat(e.loc().offset()).isBetween(0, condition.length());
                assertThat(e.loc().offset() + e.loc().length()).isLessThanOrEqualTo(condition.length());
            }
        }
    }

    @Provide
    Arbitrary<String> soup() {
        Arbitrary<String> tokens = Arbitraries.longs().map(seed -> new StrategyGen(seed).tokenSoup(20));
        Arbitrary<String> chars = Arbitraries.strings().withChars("()$,.+-*/<>=!&|[] abcdelorstwx0123456789_\t")
                .ofMaxLength(60);
        return Arbitraries.oneOf(tokens, chars, Arbitraries.strings().ofMaxLength(40));
    }

    @Property(tries = 1000)
    void printedTreesParseBackToTheSameIr(@ForAll long seed) {
        Expr tree = new StrategyGen(seed).condition(4);
        String text = Printer.print(tree);
        Expr reparsed = Parser.parse(text);
        Map<String, Double> params = Map.of("w", (double) StrategyGen.PARAM_WINDOW);
        assertThat(CanonicalIr.json(Simplifier.simplify(Lowering.lower(reparsed, params))))
                .as(text)
                .isEqualTo(CanonicalIr.json(Simplifier.simplify(Lowering.lower(tree, params))));
        assertThat(Printer.print(reparsed)).as("printing is a fixed point").isEqualTo(text);
    }

    @Property(tries = 300)
    void generatedStrategiesHashAlikeWhateverTheKeyOrder(@ForAll long seed) {
        StrategyGen gen = new StrategyGen(seed);
        ObjectNode doc = gen.strategy();
        Validation v = validator.validate(doc);
        JsonNode shuffled = gen.shuffleKeys(doc);
        Validation w = validator.validate(Docs.parse(shuffled.toPrettyString()));
        assertThat(w.valid()).isEqualTo(v.valid());
        assertThat(w.irHash()).isEqualTo(v.irHash());
        assertThat(w.errors()).isEqualTo(v.errors());
    }
}
