package io.heliox.atlas.engine.dsl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.concurrent.TimeUnit;

/**
 * Parse + check + lower + simplify + hash of a typical 5-rule strategy (the engine alone, without
 * the contract's JSON Schema in front). Run: {@code mvn -pl engine test-compile exec:exec@bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DslBench {

    static final String FIVE_RULES = """
            {"id":"bench-5","name":"Five rules","version":"0.1","timeframe":"1h",
             "rules":[
               {"if":"crossover(ma(close,$fast), ma(close,$slow)) and rsi(close,$period) < $overbought","then":"buy"},
               {"if":"close > lag(highest(high, 48), 1) and atr(14) > 1.2 * ma(atr(14), 50)","then":"buy"},
               {"if":"crossunder(ma(close,$fast), ma(close,$slow))","then":"close"},
               {"if":"close < bbands_lower(close, 20, 2) or slope(ema(close, 30), 5) < 0","then":"close"},
               {"if":"volume < 0.5 * ma(volume, 20)","then":"hold"}],
             "params":{"fast":20,"slow":50,"period":14,"overbought":70},
             "sizing":{"mode":"fraction","value":0.5},
             "risk":{"stop_loss_atr":3,"take_profit_atr":6,"cooldown_bars":2}}""";

    private JsonNode document;
    private StrategyValidator validator;

    @Setup
    public void setUp() throws Exception {
        document = new ObjectMapper().readTree(FIVE_RULES);
        validator = new StrategyValidator();
        Validation check = validator.validate(document);
        if (!check.valid()) {
            throw new IllegalStateException("the bench strategy must be valid: " + check.errors());
        }
    }

    @Benchmark
    public String validateFiveRuleStrategy() {
        return validator.validate(document).irHash();
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(DslBench.class.getSimpleName()).build()).run();
    }
}
