package io.heliox.atlas.api;

/**
 * Per-run options chosen at start. Every field is resolved (defaults applied) before the run is
 * created, so the event records exactly what the run was allowed to do.
 *
 * @param mode            how phases are executed: {@code llm} (the default: architect and synth through the
 *                        LLM layer, the local model unless a provider is configured) or {@code mock}
 *                        (the mock nodes, for UI development and tests)
 * @param failAt          a phase that must emit an {@code error} event instead of its work (UI and tests), or null
 * @param tokensLimit     the run's LLM token budget
 * @param timeMsLimit     the run's wall-time budget; exceeding it fails the run with {@code budget.time_exceeded}
 * @param phaseTimeoutMs  how long one phase may take before it is failed with {@code phase.timeout}
 * @param mockStepDelayMs a pause before every step (0 = none); lets the UI show progress
 *                        and lets crash tests kill a run in its middle
 */
public record RunOptions(String mode, Phase failAt, long tokensLimit, long timeMsLimit, long phaseTimeoutMs,
                         long mockStepDelayMs) {

    public static final String MODE_MOCK = "mock";
    public static final String MODE_LLM = "llm";
}
