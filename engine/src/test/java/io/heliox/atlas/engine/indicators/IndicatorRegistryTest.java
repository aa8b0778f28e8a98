package io.heliox.atlas.engine.indicators;

import io.heliox.atlas.engine.dsl.types.FunctionSpec;
import io.heliox.atlas.engine.dsl.types.FunctionTable;
import io.heliox.atlas.engine.dsl.types.Type;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.heliox.atlas.engine.indicators.IndicatorChecks.WINDOWS;
import static io.heliox.atlas.engine.indicators.IndicatorChecks.assertFirstDefined;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry against the DSL and against the kernels: what a new row must get right without
 * anyone writing a test for it.
 */
class IndicatorRegistryTest {

    /** The arguments a call such as {@code ma(close, n)}, {@code bbands_upper(close, n, 2)} or {@code atr(n)} gives. */
    private record Args(IndicatorChecks.Walk walk, int n) implements IndicatorArgs {

        @Override
        public double[] series(int index) {
            return walk.close;
        }

        @Override
        public int bars(int index) {
            return n;
        }

        @Override
        public double factor(int index) {
            return 2;
        }

        @Override
        public double[] high() {
            return walk.high;
        }

        @Override
        public double[] low() {
            return walk.low;
        }

        @Override
        public double[] close() {
            return walk.close;
        }
    }

    @Test
    void theDslsNumberFunctionsAreExactlyTheRegistryInItsOrder() {
        List<String> dslNumberFunctions = FunctionTable.all().stream()
                .filter(f -> f.result() == Type.NUMBER).map(FunctionSpec::name).toList();
        List<String> registry = IndicatorRegistry.all().stream().map(Indicator::name).toList();
        assertThat(dslNumberFunctions).isEqualTo(registry);
        for (Indicator indicator : IndicatorRegistry.all()) {
            FunctionSpec spec = FunctionTable.lookup(indicator.name()).orElseThrow();
            assertThat(spec.params()).isEqualTo(indicator.params());
            assertThat(spec.paramNames()).isEqualTo(indicator.paramNames());
            assertThat(spec.doc()).isEqualTo(indicator.doc());
        }
    }

    @Test
    void eachRowRunsItsOwnKernel() {
        IndicatorChecks.Walk walk = new IndicatorChecks.Walk();
        double[] x = walk.close;
        Map<String, double[]> direct = Map.ofEntries(
                Map.entry("ma", Sma.of(x, 14)),
                Map.entry("ema", Ema.of(x, 14)),
                Map.entry("rsi", Rsi.of(x, 14)),
                Map.entry("atr", Atr.of(walk.high, walk.low, x, 14)),
                Map.entry("bbands_upper", BollingerBands.upper(x, 14, 2)),
                Map.entry("bbands_mid", BollingerBands.mid(x, 14)),
                Map.entry("bbands_lower", BollingerBands.lower(x, 14, 2)),
                Map.entry("slope", Slope.of(x, 14)),
                Map.entry("highest", Highest.of(x, 14)),
                Map.entry("lowest", Lowest.of(x, 14)),
                Map.entry("lag", Lag.of(x, 14)));
        assertThat(IndicatorRegistry.all()).extracting(Indicator::name).containsExactlyInAnyOrderElementsOf(direct.keySet());
        for (Indicator indicator : IndicatorRegistry.all()) {
            assertThat(indicator.compute(new Args(walk, 14))).as(indicator.name())
                    .containsExactly(direct.get(indicator.name()));
        }
    }

    /** Through the registry, so a new row's declared warm-up is checked against its kernel. */
    @Test
    void everyRowsWarmUpIsTheLookbackItDeclares() {
        IndicatorChecks.Walk walk = new IndicatorChecks.Walk();
        for (Indicator indicator : IndicatorRegistry.all()) {
            for (int n : WINDOWS) {
                assertFirstDefined(indicator.name(), n, indicator.compute(new Args(walk, n)));
            }
        }
    }
}
