package io.heliox.atlas.command.worker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.PhaseEventType;
import io.heliox.atlas.api.artifact.Blueprint;
import io.heliox.atlas.api.artifact.Candidate;
import io.heliox.atlas.api.artifact.PackArtifact;
import io.heliox.atlas.api.artifact.StoredObject;
import io.heliox.atlas.api.artifact.T0Artifact;
import io.heliox.atlas.api.artifact.T0Artifact.Cell;
import io.heliox.atlas.api.artifact.T0Artifact.Scenario;
import io.heliox.atlas.api.run.Checkpoint;
import io.heliox.atlas.api.run.RunLinks;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.command.orch.T0Evaluation;
import io.heliox.atlas.command.pack.RunPackages;
import io.heliox.atlas.command.metering.BacktestMeter;
import io.heliox.atlas.command.storage.ObjectStore;
import io.heliox.atlas.kernel.CanonicalJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The t0 and pack phases of an {@code llm}-mode run, on the real engine and packager:
 *
 * <pre>
 * t0:   candidate #1 … #k (each on every scenario of the blueprint; its results are the
 *       checkpoint's state) → artifact (per-candidate, per-scenario results, ranking)
 * pack: artifact (the best candidate's signed HSP package, stored and linked)
 * </pre>
 *
 * A worker that restarts goes on with the next candidate; a candidate cut off half-way is run
 * again, and its finished scenarios come back from the engine's result cache, so a crash costs
 * little and changes nothing (every backtest is deterministic and signed).
 */
public final class EnginePhaseNodes implements PhaseNode {

    static final String T0_CANDIDATE = "t0.candidate";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final T0Evaluation t0;
    private final RunPackages packages;
    private final ObjectStore store;
    private final RunLinks links;

    private final BacktestMeter meter;

    /** @param meter where the bars each t0 step simulated are metered (cached results simulate none) */
    public EnginePhaseNodes(T0Evaluation t0, RunPackages packages, ObjectStore store, RunLinks links,
                            BacktestMeter meter) {
        this.meter = meter;
        this.t0 = t0;
        this.packages = packages;
        this.store = store;
        this.links = links;
    }

    @Override
    public Step next(RunState history, Instant now) {
        return switch (history.phase()) {
            case T0 -> t0(history);
            case PACK -> pack(history, now);
            default -> throw new IllegalStateException("the engine runs t0 and pack, not " + history.phase().wireName());
        };
    }

    private Step t0(RunState history) {
        Blueprint blueprint = history.blueprint();
        List<Candidate> candidates = history.candidates();
        List<Scenario> scenarios = T0Evaluation.scenarios(blueprint, history.seed());
        List<Checkpoint> done = history.checkpoints();
        if (done.size() < candidates.size()) {
            int n = done.size() + 1;
            Candidate candidate = candidates.get(n - 1);
            List<Cell> cells = t0.evaluate(candidate, scenarios, history.seed(),
                    (candidateId, scenarioId) -> links.result(history.runId(), candidateId, scenarioId));
            meter.record(history.runId(), history.runId() + "#" + history.lastSeq(), simulatedBars(scenarios, cells));
            ObjectNode state = JSON.objectNode();
            ArrayNode results = state.putArray("results");
            cells.forEach(c -> results.add(c.toJson()));
            return LlmPhaseNodes.checkpoint(summary(n, candidates.size(), candidate, cells),
                    (double) n / (candidates.size() + 1), T0_CANDIDATE, n, state, null);
        }
        List<Cell> cells = new ArrayList<>();
        done.forEach(c -> c.state().path("results").forEach(r -> cells.add(Cell.of(r))));
        T0Artifact artifact = new T0Artifact(scenarios, T0Evaluation.terms(history.seed()), cells,
                T0Evaluation.rank(blueprint, cells), T0Evaluation.scoring(blueprint), null);
        // The results as data, without what belongs to this run (its cache hits, its links): the
        // same prompt and seed store the same document.
        StoredObject stored = LlmPhaseNodes.storeRunObject(store, history, "t0.json",
                CanonicalJson.bytes(artifact.document().toJson()), "application/json");
        return new Step(PhaseEventType.ARTIFACT, artifact.withStored(stored).toJson());
    }

    private static long simulatedBars(List<Scenario> scenarios, List<Cell> cells) {
        return cells.stream().filter(cell -> !cell.cached())
                .mapToLong(cell -> scenarios.stream().filter(s -> s.id().equals(cell.scenarioId()))
                        .mapToLong(s -> s.bars() == null ? 0 : s.bars()).findFirst().orElse(0))
                .sum();
    }

    /** "candidate 2/5 ma-cross-10-30: worst Sharpe -0.41 (trend-down), worst drawdown 7.3 %, 4 scenarios, 1 from cache" */
    private static String summary(int n, int of, Candidate candidate, List<Cell> cells) {
        Cell worst = cells.stream().min(Comparator.comparingDouble(Cell::sharpe)).orElseThrow();
        double worstMdd = cells.stream().mapToDouble(Cell::maxDrawdown).max().orElse(0);
        long cached = cells.stream().filter(Cell::cached).count();
        return String.format(Locale.ROOT, "candidate %d/%d %s: worst Sharpe %.2f (%s), worst drawdown %.1f %%, "
                        + "%d scenarios, %d from cache", n, of, candidate.id(), worst.sharpe(),
                worst.scenarioId(), worstMdd * 100, cells.size(), cached);
    }

    private Step pack(RunState history, Instant now) {
        RunPackages.Packed packed = packages.packBest(history, now);
        return new Step(PhaseEventType.ARTIFACT,
                new PackArtifact(packed.manifest(), packed.downloadUrl(), packed.stored()).toJson());
    }
}
