package io.heliox.atlas.command.backtest;

import io.heliox.atlas.engine.dsl.DslError;

import java.util.List;

/**
 * A backtest request that cannot run as written: each finding points into the request body.
 * {@code dslErrors} carries the strategy's DSL error taxonomy when the strategy is the reason.
 */
public class BacktestRejected extends RuntimeException {

    public record Finding(String pointer, String message, String keyword) {
    }

    private final transient List<Finding> findings;
    private final transient List<DslError> dslErrors;

    public BacktestRejected(String message, List<Finding> findings, List<DslError> dslErrors) {
        super(message);
        this.findings = List.copyOf(findings);
        this.dslErrors = List.copyOf(dslErrors);
    }

    public static BacktestRejected at(String pointer, String message) {
        return new BacktestRejected(message, List.of(new Finding(pointer, message, null)), List.of());
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<DslError> dslErrors() {
        return dslErrors;
    }
}
