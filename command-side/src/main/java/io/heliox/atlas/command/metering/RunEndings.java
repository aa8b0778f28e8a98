package io.heliox.atlas.command.metering;

import io.heliox.atlas.api.RunId;
import org.axonframework.eventhandling.EventMessage;

/**
 * Told when a run has ended (failed, cancelled, timed out, or packaged), in the unit of work that
 * handles its last event, so what the run held (its slot among its workspace's runs in flight) is
 * given back in the same transaction as the worker's progress: once, after a crash too.
 */
@FunctionalInterface
public interface RunEndings {

    /** @param lastEvent the run's terminal event; its metadata names the run's workspace */
    void ended(RunId runId, EventMessage<?> lastEvent);
}
