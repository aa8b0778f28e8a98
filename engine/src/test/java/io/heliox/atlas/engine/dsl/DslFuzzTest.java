package io.heliox.atlas.engine.dsl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.engine.dsl.support.Docs;
import io.heliox.atlas.engine.dsl.support.StrategyGen;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roadmap 2.2.6: generated strategies, most of them mutated, through the whole pipeline (contract
 * schema included). Zero crashes, zero unclassified errors. The size is a system property so the
 * nightly job can run far more than {@code make test}:
 * {@code mvn -pl engine test -Dtest=DslFuzzTest -Datlas.dsl.fuzz.cases=200000 [-Datlas.dsl.fuzz.seed=N]}.
 */
class DslFuzzTest {

    private final StrategyValidator validator = new StrategyValidator(Docs.CONTRACT_GATE, CheckOptions.DEFAULTS);

    @Test
    void generatedStrategiesNeverCrashTheValidatorAndEveryErrorIsClassified() {
        int cases = Integer.getInteger("atlas.dsl.fuzz.cases", 1000);
        long seed = Long.getLong("atlas.dsl.fuzz.seed", 20_260_101L);
        StrategyGen gen = new StrategyGen(seed);
        Map<ErrorCode, Integer> seen = new EnumMap<>(ErrorCode.class);
        int valid = 0;
        for (int i = 0; i < cases; i++) {
            ObjectNode doc = gen.strategy();
            int mutations = gen.random().nextInt(3);
            for (int m = 0; m < mutations; m++) {
                gen.mutate(doc);
            }
            Validation v;
            try {
                v = validator.validate(doc);
            } catch (RuntimeException crash) {
                throw new AssertionError("case " + i + " (seed " + seed + ") crashed on " + doc, crash);
            }
            assertThat(v.valid()).as("case %d", i).isEqualTo(v.errors().isEmpty());
            if (v.valid()) {
                valid++;
                assertThat(v.irHash()).matches("[0-9a-f]{64}");
            }
            for (DslError e : v.errors()) {
                assertThat(e.subCode().code()).as("case %d: %s", i, e).isEqualTo(e.code());
                assertThat(e.loc().path()).as("case %d: %s", i, e).matches("^(/.*)?$");
                assertThat(e.hint()).as("case %d: %s", i, e).isNotBlank();
                seen.merge(e.code(), 1, Integer::sum);
            }
        }
        // The generator must exercise the pipeline, not just one corner of it.
        assertThat(valid).as("valid strategies among %d", cases).isGreaterThan(cases / 20);
        assertThat(seen.keySet()).as("error codes seen").hasSizeGreaterThanOrEqualTo(4);
    }
}
