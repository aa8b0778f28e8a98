package io.heliox.atlas.engine.scenario;

/**
 * One family's price process: it appends one log-price move per bar to a {@link PricePath},
 * drawing only from the scenario's price stream, in an order fixed by its documentation
 * (changing that order changes every scenario of the family: see SCENARIOS.md, "Golden hash").
 */
public interface PriceProcess {

    /** The price before the first bar (the previous close of bar 0). */
    double startPrice();

    /** Appends {@code path.capacity()} bars. */
    void simulate(PricePath path, RandomStream price);
}
