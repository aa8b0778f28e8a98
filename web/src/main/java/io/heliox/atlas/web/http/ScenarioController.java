package io.heliox.atlas.web.http;

import io.heliox.atlas.web.caller.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.command.application.scenario.ScenarioDatasets;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.contracts.Violation;
import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.scenario.ScenarioSpec;
import io.heliox.atlas.engine.scenario.ScenarioSpecException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.regex.Pattern;

/** Synthetic markets: generate (or fetch by content hash) a scenario's dataset, read its manifest and bars. */
@RestController
public class ScenarioController {

    private static final Pattern SCENARIO_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    private static final int MAX_BARS_PER_PAGE = 5_000;

    private final ScenarioDatasets datasets;
    private final RequestBodies bodies;

    public ScenarioController(ScenarioDatasets datasets, RequestBodies bodies) {
        this.datasets = datasets;
        this.bodies = bodies;
    }

    @PostMapping(path = "/api/v1/scenarios", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> generate(HttpServletRequest request, Caller caller) {
        RunController.requireWorkspace(caller);
        JsonNode body = bodies.read(request, ContractSchemas.SCENARIO_DSL);
        ScenarioSpec spec;
        try {
            spec = ScenarioSpec.parse(body);
        } catch (ScenarioSpecException e) {
            // rules only the engine checks (alpha + beta < 1, transition rows summing to 1, ...)
            throw ApiProblem.invalidBody(e.problems().stream()
                    .map(p -> new Violation(p.pointer(), p.message(), "engine")).toList());
        }
        ScenarioDatasets.Stored stored;
        try {
            stored = datasets.generateOrFetch(spec, caller.workspaceId());
        } catch (ScenarioSpecException e) {
            // found while generating: e.g. a drift that drives the price out of its representable range
            throw ApiProblem.invalidBody(e.problems().stream()
                    .map(p -> new Violation(p.pointer(), p.message(), "engine")).toList());
        }
        ObjectNode manifest = stored.manifest().toTree();
        return stored.generated()
                ? ResponseEntity.created(URI.create("/api/v1/scenarios/" + spec.id())).body(manifest)
                : ResponseEntity.ok(manifest);
    }

    @GetMapping(path = "/api/v1/scenarios/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode manifest(@PathVariable String id, Caller caller) {
        return latest(id, caller).manifest().toTree();
    }

    /** Bars as columns, a page at a time (for charts): {@code ?from=0&limit=500}, at most 5,000 per page. */
    @GetMapping(path = "/api/v1/scenarios/{id}/bars", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode bars(@PathVariable String id, @RequestParam(required = false) String from,
                           @RequestParam(required = false) String limit, Caller caller) {
        long first = from == null ? 0 : Params.longValue("/query/from", from);
        if (first < 0) {
            throw ApiProblem.invalidParameter("/query/from", "from must be >= 0");
        }
        int size = Params.limit(limit, 500, MAX_BARS_PER_PAGE);
        ScenarioDatasets.Stored stored = latest(id, caller);
        Bars bars = datasets.bars(stored).orElseThrow(() -> new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE,
                "dataset-missing", "Dataset missing", "the dataset of " + id + " is indexed but not in object storage",
                java.util.List.of()));
        int start = (int) Math.min(first, bars.size());
        int end = Math.min(bars.size(), start + size);
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.put("scenarioId", stored.manifest().scenarioId());
        page.put("scenarioHash", stored.manifest().scenarioHash());
        page.put("from", start);
        page.put("total", bars.size());
        ArrayNode time = page.putArray("time");
        ArrayNode open = page.putArray("open");
        ArrayNode high = page.putArray("high");
        ArrayNode low = page.putArray("low");
        ArrayNode close = page.putArray("close");
        ArrayNode volume = page.putArray("volume");
        for (int i = start; i < end; i++) {
            time.add(bars.time()[i]);
            open.add(bars.open()[i]);
            high.add(bars.high()[i]);
            low.add(bars.low()[i]);
            close.add(bars.close()[i]);
            volume.add(bars.volume()[i]);
        }
        return page;
    }

    private ScenarioDatasets.Stored latest(String id, Caller caller) {
        if (!SCENARIO_ID.matcher(id).matches()) {
            throw ApiProblem.invalidParameter("/path/id", "a scenario id is lower-case letters, digits, _ and -");
        }
        return datasets.latest(id, caller.scope()).orElseThrow(() -> ApiProblem.notFound("no scenario " + id));
    }
}
