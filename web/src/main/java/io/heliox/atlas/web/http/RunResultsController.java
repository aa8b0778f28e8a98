package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.command.backtest.EngineBacktests;
import io.heliox.atlas.command.orch.T0Evaluation;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.command.run.RunStates;
import io.heliox.atlas.engine.backtest.EquityNpy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * One t0 result of a run in full ({@code backtest-detail}): the equity curve, the fills and the
 * Monte Carlo band, which the t0 event only references (20 curves of 1,000 bars would make it
 * heavy). The result is asked of the engine again with the run's own inputs, so it comes from
 * the result cache, and a result whose files were lost in a crash is recomputed to the same
 * bytes. Mock-mode results carry their curve inline and are served from the event.
 */
@RestController
public class RunResultsController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EventStore eventStore;
    private final EngineBacktests engine;

    public RunResultsController(EventStore eventStore, EngineBacktests engine) {
        this.eventStore = eventStore;
        this.engine = engine;
    }

    @GetMapping(path = "/v1/runs/{id}/results/{candidateId}/{scenarioId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode detail(@PathVariable String id, @PathVariable String candidateId, @PathVariable String scenarioId) {
        RunState history = RunHistories.read(eventStore, Params.runId(id));
        JsonNode t0 = history.artifacts().get(Phase.T0);
        if (t0 == null) {
            throw ApiProblem.notFound("run " + history.runId() + " has no backtests yet (its t0 phase has not finished)");
        }
        JsonNode cell = find(t0.path("results"), r -> r.path("candidateId").asText().equals(candidateId)
                && r.path("scenarioId").asText().equals(scenarioId))
                .orElseThrow(() -> ApiProblem.notFound("run " + history.runId() + " has no result for candidate "
                        + candidateId + " on scenario " + scenarioId));
        ObjectNode body = NODES.objectNode();
        body.put("candidateId", candidateId);
        body.put("scenarioId", scenarioId);
        if (cell.has("equity")) { // mock mode: everything is in the event
            body.putNull("signature");
            body.set("periodsPerYear", cell.path("periodsPerYear"));
            body.set("metrics", cell.path("metrics"));
            body.set("equity", cell.path("equity"));
            body.set("trades", cell.path("trades"));
            body.putNull("band");
            return body;
        }
        JsonNode candidate = find(history.artifact(Phase.SYNTH).path("candidates"),
                c -> c.path("id").asText().equals(candidateId)).orElseThrow();
        JsonNode scenario = find(t0.path("scenarios"), s -> s.path("id").asText().equals(scenarioId)).orElseThrow();
        EngineBacktests.Outcome outcome = engine.run(EngineBacktests.Tier.T0, candidate,
                new EngineBacktests.Inline(scenario.path("spec")), T0Evaluation.spec(history.seed()));
        double initialCash = t0.at("/terms/initialCash").asDouble();
        body.put("signature", outcome.result().signature());
        body.set("periodsPerYear", cell.path("periodsPerYear"));
        body.set("metrics", cell.path("metrics"));
        body.set("equity", equity(EquityNpy.read(outcome.result().equityNpy())));
        body.set("trades", trades(outcome.result().tradesJsonl()));
        body.set("band", band(outcome.result().metricsJson(), initialCash));
        return body;
    }

    private static Optional<JsonNode> find(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        return StreamSupport.stream(array.spliterator(), false).filter(test).findFirst();
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
