package io.heliox.atlas.trading.live;

import io.heliox.atlas.trading.marketdata.Bar;
import com.fasterxml.jackson.databind.JsonNode;
import io.heliox.atlas.engine.dsl.ir.IrStrategy;
import io.heliox.atlas.engine.dsl.validation.StrategyValidator;
import io.heliox.atlas.engine.dsl.validation.Validation;
import io.heliox.atlas.engine.signals.BarEvaluator;

import java.time.Instant;
import java.util.Objects;

/**
 * A strategy run live: {@link #onBar} takes each closed bar in time order and returns the
 * strategy's {@link Decision} for it, the one the batch engine takes at that bar (its
 * {@code SignalEvaluator}), with the same warm-up, because the evaluation is the engine's own
 * ({@link BarEvaluator}): there is one semantics, not a second implementation to keep in step.
 * Deterministic: the same bars give the same decisions; no clock, no randomness.
 *
 * <p>Not thread-safe: one runner per (strategy, instrument) session, fed by one thread.
 */
public final class StrategyRunner {

    private final IrStrategy strategy;
    private final BarEvaluator evaluator;
    private Instant lastOpen;

    /** For a strategy already validated (e.g. from a verified package): its IR. */
    public StrategyRunner(IrStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.evaluator = new BarEvaluator(strategy);
    }

    /**
     * For a StrategyDSL document: validated as a backtest validates it.
     *
     * @throws IllegalArgumentException listing the document's errors when it is not valid
     */
    public static StrategyRunner of(JsonNode document) {
        Validation v = new StrategyValidator().validate(document);
        if (!v.valid()) {
            throw new IllegalArgumentException("not a valid strategy: " + v.errors());
        }
        return new StrategyRunner(v.ir());
    }

    public IrStrategy strategy() {
        return strategy;
    }

    /** Bars before every indicator of the strategy has a value. */
    public int warmUpBars() {
        return evaluator.warmUpBars();
    }

    /** Bars taken so far: the number the next decision gets. */
    public long barsSeen() {
        return evaluator.barsSeen();
    }

    /**
     * The decision at this bar's close.
     *
     * @throws IllegalArgumentException when the bar does not open after the previous one: a repeated
     *                                  or out-of-order bar would shift every indicator's window, so it is
     *                                  refused rather than evaluated (the feed's replay logic must drop it)
     */
    public Decision onBar(Bar bar) {
        Objects.requireNonNull(bar, "bar");
        if (lastOpen != null && !bar.openTime().isAfter(lastOpen)) {
            throw new IllegalArgumentException("bars must come in time order: " + bar.openTime()
                    + " does not follow " + lastOpen);
        }
        lastOpen = bar.openTime();
        long index = evaluator.barsSeen();
        byte action = evaluator.next(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
        return new Decision(index, bar.openTime(), Signal.of(action), index >= evaluator.warmUpBars());
    }
}
