package io.heliox.atlas.trading.live;

import io.heliox.atlas.trading.marketdata.Bar;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The runner's contract with a feed (bars in order, warm-up) and the seam to a venue (decisions → orders). */
class StrategyRunnerTest {

    private static final InstrumentId EURUSD = new InstrumentId("EURUSD", "paper");
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    static StrategyRunner crossOfThree() {
        return StrategyRunner.of(Candidates.JSON.valueToTree(Map.of(
                "id", "cross-3", "name", "close over ma 3", "version", "0.1", "timeframe", "1h", "params", Map.of(),
                "rules", List.of(Map.of("if", "crossover(close, ma(close,3))", "then", "buy"),
                        Map.of("if", "crossunder(close, ma(close,3))", "then", "sell")),
                "sizing", Map.of("mode", "fraction", "value", 1))));
    }

    static Bar bar(int hour, double close) {
        return new Bar(T0.plusSeconds(3600L * hour), close, close, close, close, 1000);
    }

    @Test
    void decisionsAreNumberedWarmAfterTheWarmUpAndSayWhatTheStrategyWants() {
        StrategyRunner runner = crossOfThree();
        double[] closes = {10, 9, 8, 7, 9, 6};
        List<Decision> decisions = new ArrayList<>();
        for (int t = 0; t < closes.length; t++) {
            decisions.add(runner.onBar(bar(t, closes[t])));
        }
        assertThat(decisions).extracting(Decision::bar, Decision::signal, Decision::warm).containsExactly(
                tuple(0L, Signal.NONE, false), tuple(1L, Signal.NONE, false), tuple(2L, Signal.NONE, false),
                tuple(3L, Signal.NONE, true), tuple(4L, Signal.BUY, true), tuple(5L, Signal.SELL, true));
        assertThat(decisions.get(4).target()).contains(Exposure.LONG);
        assertThat(decisions.get(5).target()).contains(Exposure.SHORT);
        assertThat(decisions.get(0).target()).isEmpty();
        assertThat(runner.barsSeen()).isEqualTo(6);
    }

    @Test
    void aRepeatedOrEarlierBarIsRefusedAndChangesNothing() {
        StrategyRunner runner = crossOfThree();
        runner.onBar(bar(0, 10));
        runner.onBar(bar(1, 9));
        assertThatThrownBy(() -> runner.onBar(bar(1, 9))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time order");
        assertThatThrownBy(() -> runner.onBar(bar(0, 9))).isInstanceOf(IllegalArgumentException.class);
        assertThat(runner.barsSeen()).isEqualTo(2);
    }

    @Test
    void anInvalidDocumentIsRefusedWithItsErrors() {
        assertThatThrownBy(() -> StrategyRunner.of(Candidates.JSON.valueToTree(Map.of("id", "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid strategy");
    }

    @Test
    void aReversalIsAReduceOnlyExitThenAnEntryAsTheEngineFillsIt() {
        Decision sell = new Decision(5, T0, Signal.SELL, true);
        List<OrderRequest> orders = sell.orders(EURUSD, new BigDecimal("1500"), new BigDecimal("1200"), "s1-5");
        assertThat(orders).extracting(OrderRequest::clientOrderId, OrderRequest::side, OrderRequest::type,
                        OrderRequest::quantity, OrderRequest::reduceOnly, OrderRequest::timeInForce)
                .containsExactly(
                        tuple("s1-5-exit", Side.SELL, OrderType.MARKET, new BigDecimal("1500"), true, TimeInForce.IOC),
                        tuple("s1-5-entry", Side.SELL, OrderType.MARKET, new BigDecimal("1200"), false, TimeInForce.IOC));
    }

    @Test
    void ordersOnlyWhenTheTargetDiffersFromThePosition() {
        Decision buy = new Decision(1, T0, Signal.BUY, true);
        assertThat(buy.orders(EURUSD, new BigDecimal("3"), BigDecimal.ONE, "a")).isEmpty(); // already long
        assertThat(buy.orders(EURUSD, BigDecimal.ZERO, new BigDecimal("2"), "a"))
                .extracting(OrderRequest::side, OrderRequest::quantity).containsExactly(tuple(Side.BUY, new BigDecimal("2")));
        Decision close = new Decision(2, T0, Signal.CLOSE, true);
        assertThat(close.orders(EURUSD, BigDecimal.ZERO, null, "b")).isEmpty(); // flat already
        assertThat(close.orders(EURUSD, new BigDecimal("-4"), null, "b"))
                .extracting(OrderRequest::side, OrderRequest::quantity, OrderRequest::reduceOnly)
                .containsExactly(tuple(Side.BUY, new BigDecimal("4"), true));
        for (Signal noChange : new Signal[]{Signal.NONE, Signal.HOLD}) {
            assertThat(new Decision(3, T0, noChange, true).orders(EURUSD, new BigDecimal("4"), BigDecimal.ONE, "c"))
                    .isEmpty();
        }
        assertThatThrownBy(() -> buy.orders(EURUSD, BigDecimal.ZERO, BigDecimal.ZERO, "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySignalIsItsEngineCodeAndItsDslWord() {
        for (Signal s : Signal.values()) {
            assertThat(Signal.of(s.barAction())).isEqualTo(s);
            assertThat(s.dslName()).isEqualTo(s.name().toLowerCase(Locale.ROOT));
        }
    }
}
