package io.heliox.atlas.command.application.backtest;

import io.heliox.atlas.engine.dsl.DslError;

import java.util.List;

/**
 * A backtest request that cannot run as written: each finding names the part of the request at
 * fault and a JSON pointer within that part (the HTTP adapter turns both into a pointer into its
 * request body). {@code dslErrors} carries the strategy's DSL error taxonomy when the strategy is
 * the reason.
 */
public class BacktestRejected extends RuntimeException {

    /** The parts of a backtest request: the strategy, an inline market, or a stored market's reference. */
    public enum Part { STRATEGY, SCENARIO, SCENARIO_REF }

    /** @param pointer a JSON pointer within {@code part} ("" for the part itself) */
    public record Finding(Part part, String pointer, String message, String keyword) {
    }

    /** What the client can do instead, for the adapter to say in its own terms (an endpoint, a field). */
    public enum Remedy { USE_THE_FULL_TIER, STORE_THE_SCENARIO_FIRST }

    private final transient List<Finding> findings;
    private final transient List<DslError> dslErrors;
    private final Remedy remedy;

    public BacktestRejected(String message, List<Finding> findings, List<DslError> dslErrors) {
        this(message, findings, dslErrors, null);
    }

    private BacktestRejected(String message, List<Finding> findings, List<DslError> dslErrors, Remedy remedy) {
        super(message);
        this.findings = List.copyOf(findings);
        this.dslErrors = List.copyOf(dslErrors);
        this.remedy = remedy;
    }

    public static BacktestRejected at(Part part, String pointer, String message) {
        return at(part, pointer, message, null);
    }

    /** @param remedy what to do instead, or null */
    public static BacktestRejected at(Part part, String pointer, String message, Remedy remedy) {
        return new BacktestRejected(message, List.of(new Finding(part, pointer, message, null)), List.of(), remedy);
    }

    /** What the client can do instead, or null. */
    public Remedy remedy() {
        return remedy;
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<DslError> dslErrors() {
        return dslErrors;
    }
}
