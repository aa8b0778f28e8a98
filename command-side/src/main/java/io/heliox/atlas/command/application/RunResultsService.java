package io.heliox.atlas.command.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.NotFoundException;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.api.artifact.Candidate;
import io.heliox.atlas.api.artifact.T0Artifact;
import io.heliox.atlas.api.artifact.T0Artifact.Cell;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.command.application.backtest.EngineBacktests;
import io.heliox.atlas.command.orch.T0Evaluation;
import io.heliox.atlas.command.run.RunStates;
import io.heliox.atlas.engine.backtest.EquityNpy;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One backtest of a run in full: a candidate on a scenario with its equity curve, its fills and the
 * Monte Carlo band (the t0 artifact holds only the metrics, to keep events light). The result is
 * asked of the engine again with the run's own inputs, so it comes from the result cache, and a
 * result whose files were lost in a crash is recomputed to the same bytes. Mock-mode results carry
 * their curve inline and are read from the event.
 */
public class RunResultsService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * @param signature null for a mock-mode result
     * @param equity    points {@code {t, v}}: account value v after bar t
     * @param band      the Monte Carlo p5/p50/p95 band in account currency, or JSON null
     */
    public record ResultDetail(String candidateId, String scenarioId, String signature, JsonNode periodsPerYear,
                               JsonNode metrics, JsonNode equity, JsonNode trades, JsonNode band) {
    }

    private final EventStore eventStore;
    private final EngineBacktests engine;

    public RunResultsService(EventStore eventStore, EngineBacktests engine) {
        this.eventStore = eventStore;
        this.engine = engine;
    }

    /** @throws NotFoundException for an unknown run, a run before its t0 artifact, or a cell the run does not have */
    public ResultDetail detail(RunId runId, String candidateId, String scenarioId, Scope scope) {
        RunState run = RunStates.find(eventStore, runId, scope).orElseThrow(() -> new NotFoundException("no run " + runId));
        T0Artifact t0 = run.t0().orElseThrow(() -> new NotFoundException(
                "run " + runId + " has no backtests yet (its t0 phase has not finished)"));
        Cell cell = t0.result(candidateId, scenarioId)
                .orElseThrow(() -> new NotFoundException("run " + runId + " has no result for candidate "
                        + candidateId + " on scenario " + scenarioId));
        JsonNode periodsPerYear = cell.periodsPerYearJson();
        if (cell.inline()) { // mock mode: everything is in the event
            return new ResultDetail(candidateId, scenarioId, null, periodsPerYear, cell.metrics(), cell.equity(),
                    cell.trades(), NODES.nullNode());
        }
        Candidate candidate = Candidate.find(run.candidates(), candidateId).orElseThrow();
        ObjectNode scenario = t0.scenario(scenarioId).orElseThrow().spec();
        EngineBacktests.Outcome outcome = engine.run(EngineBacktests.Tier.QUICK, candidate.dsl(),
                new EngineBacktests.Inline(scenario), T0Evaluation.spec(run.seed()));
        return new ResultDetail(candidateId, scenarioId, outcome.result().signature(), periodsPerYear,
                cell.metrics(), equity(EquityNpy.read(outcome.result().equityNpy())),
                trades(outcome.result().tradesJsonl()), band(outcome.result().metricsJson(), t0.terms().initialCash()));
    }

    private static ArrayNode equity(double[] values) {
        ArrayNode points = NODES.arrayNode();
        for (int t = 0; t < values.length; t++) {
            points.addObject().put("t", t).put("v", values[t]);
        }
        return points;
    }

    /** The engine's trades.jsonl as an array, one fill per line. */
    private static ArrayNode trades(byte[] jsonl) {
        ArrayNode fills = NODES.arrayNode();
        for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                fills.add(read(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return fills;
    }

    /** The Monte Carlo band in account currency (the engine states it as growth of 1). */
    private static JsonNode band(byte[] metricsJson, double initialCash) {
        JsonNode band = read(metricsJson).path("monte_carlo").path("band");
        if (band.isMissingNode()) {
            return NODES.nullNode();
        }
        ObjectNode out = NODES.objectNode();
        out.set("bars", band.path("bars"));
        for (String p : new String[]{"p5", "p50", "p95"}) {
            ArrayNode values = out.putArray(p);
            band.path(p).forEach(v -> values.add(v.asDouble() * initialCash));
        }
        return out;
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored engine file is JSON", e);
        }
    }
}
