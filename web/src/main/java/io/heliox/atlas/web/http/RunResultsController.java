package io.heliox.atlas.web.http;

import io.heliox.atlas.web.caller.Caller;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.application.RunResultsService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One t0 result of a run in full ({@code backtest-detail}): the equity curve, the fills and the
 * Monte Carlo band, which the t0 event only references (20 curves of 1,000 bars would make it
 * heavy).
 */
@RestController
public class RunResultsController {

    private final RunResultsService results;

    public RunResultsController(RunResultsService results) {
        this.results = results;
    }

    @GetMapping(path = "/v1/runs/{id}/results/{candidateId}/{scenarioId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode detail(@PathVariable String id, @PathVariable String candidateId, @PathVariable String scenarioId,
                             Caller caller) {
        RunResultsService.ResultDetail detail = results.detail(Params.runId(id), candidateId, scenarioId, caller.scope());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("candidateId", detail.candidateId());
        body.put("scenarioId", detail.scenarioId());
        body.put("signature", detail.signature());
        body.set("periodsPerYear", detail.periodsPerYear());
        body.set("metrics", detail.metrics());
        body.set("equity", detail.equity());
        body.set("trades", detail.trades());
        body.set("band", detail.band());
        return body;
    }
}
