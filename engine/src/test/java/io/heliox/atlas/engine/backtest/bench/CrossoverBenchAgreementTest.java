package io.heliox.atlas.engine.backtest.bench;

import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.scenario.Bars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreement {@link CrossoverBench} checks before it measures, as a test: the DSL path, the
 * plain loop and ta4j trade the SMA(10)/SMA(30) crossover on the same bars (and the DSL and the
 * loop end with the same equity), so the bench compares identical work.
 */
class CrossoverBenchAgreementTest {

    @ParameterizedTest
    @ValueSource(ints = {1_000, 50_000})
    void theThreeImplementationsTradeOnTheSameBars(int n) {
        Bars bars = Crossover.bars(n);
        IrStrategy ir = Crossover.strategy();
        Crossover.Trades trades = Crossover.checkAgreement(ir, bars, Crossover.ta4jSeries(bars)); // throws if not

        assertThat(trades.count()).isGreaterThan(n / 200); // SMA 10/30 crosses every few dozen bars
        assertThat(trades.entries()[0]).isGreaterThanOrEqualTo(Crossover.SLOW); // nothing in warm-up
        assertThat(trades.finalEquity()).isPositive();
    }
}
