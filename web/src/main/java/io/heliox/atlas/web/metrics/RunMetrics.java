package io.heliox.atlas.web.metrics;

import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.run.PhaseArtifactProducedEvent;
import io.heliox.atlas.api.run.PhaseFailedEvent;
import io.heliox.atlas.api.run.PhaseStatusReportedEvent;
import io.heliox.atlas.api.run.RunCreatedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus metrics of runs ({@code atlas_runs_*_total}) and phase latency
 * ({@code atlas_phase_latency_seconds{phase}}), from the events this node publishes (a subscribing
 * processor: counts start at zero with each process, as counters do).
 */
@Component
@ProcessingGroup(RunMetrics.PROCESSING_GROUP)
public class RunMetrics {

    public static final String PROCESSING_GROUP = "run-metrics";

    private final Counter started;
    private final Counter completed;
    private final Counter failed;
    private final Map<Phase, Timer> latency = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    /** When the current phase of each live run began; removed when the run ends. */
    private final Map<String, Instant> phaseStart = new ConcurrentHashMap<>();

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.started = Counter.builder("atlas.runs.started").description("runs started").register(registry);
        this.completed = Counter.builder("atlas.runs.completed").description("runs completed").register(registry);
        this.failed = Counter.builder("atlas.runs.failed").description("runs failed").register(registry);
    }

    @EventHandler
    void on(RunCreatedEvent event) {
        started.increment();
        phaseStart.put(event.runId().toString(), event.ts());
    }

    @EventHandler
    void on(PhaseStatusReportedEvent event) {
        phaseStart.putIfAbsent(event.runId().toString(), event.ts());
    }

    @EventHandler
    void on(PhaseArtifactProducedEvent event) {
        String run = event.runId().toString();
        Instant start = phaseStart.get(run);
        if (start != null) {
            timer(event.phase()).record(Duration.between(start, event.ts()));
        }
        if (event.terminal()) {
            phaseStart.remove(run);
            completed.increment();
        } else {
            phaseStart.put(run, event.ts()); // the next phase starts now
        }
    }

    @EventHandler
    void on(PhaseFailedEvent event) {
        phaseStart.remove(event.runId().toString());
        failed.increment();
    }

    private Timer timer(Phase phase) {
        return latency.computeIfAbsent(phase, p -> Timer.builder("atlas.phase.latency")
                .description("time from a phase's start to its artifact")
                .tag("phase", p.wireName())
                .publishPercentileHistogram()
                .register(registry));
    }
}
