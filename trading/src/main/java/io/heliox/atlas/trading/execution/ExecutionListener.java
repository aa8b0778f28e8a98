package io.heliox.atlas.trading.execution;

/**
 * Receives a venue's reports about our orders, one at a time, in the order the venue produced them.
 */
@FunctionalInterface
public interface ExecutionListener {

    void onReport(ExecutionReport report);
}
