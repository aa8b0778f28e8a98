package io.heliox.atlas.api;

/** Lifecycle of a run as the read model and the API show it. */
public enum RunStatus {
    PENDING, RUNNING, FAILED, COMPLETED;

    public boolean isTerminal() {
        return this == FAILED || this == COMPLETED;
    }
}
