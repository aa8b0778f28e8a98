package io.heliox.atlas.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.heliox.atlas.api.Phase;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.portfolio.PortfolioItemConflictException;
import io.heliox.atlas.command.pack.RunPackages;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.command.run.RunStates;
import io.heliox.atlas.api.portfolio.PortfolioItemSavedEvent;
import io.heliox.atlas.api.portfolio.SavePortfolioItemCommand;
import io.heliox.atlas.api.strategy.RegisterStrategyVersionCommand;
import io.heliox.atlas.contracts.ContractSchemas;
import io.heliox.atlas.kernel.CanonicalJson;
import io.heliox.atlas.query.Page;
import io.heliox.atlas.query.portfolio.PortfolioItemView;
import io.heliox.atlas.query.portfolio.PortfolioList;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The portfolio: strategies a trader kept, each also registered as a Strategy version. Saved from a
 * run, a strategy keeps a reference to the run's signed package of it ({@code package}).
 */
@RestController
public class PortfolioController {

    private final CommandGateway commands;
    private final RequestBodies bodies;
    private final PortfolioList portfolio;
    private final EventStore eventStore;
    private final RunPackages packages;
    private final Clock clock;

    public PortfolioController(CommandGateway commands, RequestBodies bodies, PortfolioList portfolio,
                               EventStore eventStore, RunPackages packages, Clock clock) {
        this.packages = packages;
        this.commands = commands;
        this.bodies = bodies;
        this.portfolio = portfolio;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @PostMapping(path = "/v1/portfolio", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> save(HttpServletRequest request) {
        JsonNode body = bodies.read(request, ContractSchemas.SAVE_PORTFOLIO_ITEM_REQUEST);
        UUID id = body.hasNonNull("id") ? Params.uuid("/id", body.get("id").asText()) : UUID.randomUUID();
        UUID runId = body.hasNonNull("runId") ? Params.uuid("/runId", body.get("runId").asText()) : null;
        String name = body.get("name").asText();
        JsonNode strategy = body.get("strategy");
        Instant now = clock.instant();
        JsonNode packageRef = runId == null ? null : packageRef(RunId.of(runId.toString()), strategy, now);
        boolean created;
        try {
            created = commands.sendAndWait(new SavePortfolioItemCommand(id, name, strategy, runId, now, packageRef));
        } catch (PortfolioItemConflictException e) {
            throw ApiProblem.conflict(e.getMessage());
        }
        PortfolioItemSavedEvent saved = saved(id); // on a repeat, the first save's package
        commands.sendAndWait(new RegisterStrategyVersionCommand(strategy.get("id").asText(), name, strategy,
                CanonicalJson.sha256(strategy), now, saved.packageRef()));
        ObjectNode item = toJson(new PortfolioItemView(saved.itemId(), saved.name(), saved.strategy(), saved.runId(),
                saved.ts(), saved.packageRef()));
        return created
                ? ResponseEntity.created(URI.create("/v1/portfolio/" + id)).body(item)
                : ResponseEntity.status(HttpStatus.OK).body(item);
    }

    @GetMapping(path = "/v1/portfolio", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode list(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        Page<PortfolioItemView> page = portfolio.page(Params.limit(limit, 50, 200), Params.cursor(cursor));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var items = body.putArray("items");
        page.items().forEach(item -> items.add(toJson(item)));
        body.put("nextCursor", page.nextCursor());
        return body;
    }

    /**
     * The run's signed package of this strategy, built if it was not yet: only when the run ranked
     * a candidate with exactly this content (a strategy edited after the run has no package of its
     * own). Null for a run without backtests or an unknown run (the id is the client's word).
     */
    private JsonNode packageRef(RunId runId, JsonNode strategy, Instant now) {
        RunState history = RunStates.find(eventStore, runId).orElse(null);
        if (history == null) {
            return null;
        }
        String candidateId = strategy.path("id").asText();
        boolean ranked = history.artifacts().containsKey(Phase.T0) && java.util.stream.StreamSupport
                .stream(history.artifact(Phase.SYNTH).path("candidates").spliterator(), false)
                .anyMatch(c -> c.path("id").asText().equals(candidateId)
                        && CanonicalJson.sha256(c).equals(CanonicalJson.sha256(strategy)));
        if (!ranked) {
            return null;
        }
        RunPackages.Packed packed = packages.ensure(history, candidateId, now);
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("packageId", packed.manifest().path("packageId").asText());
        ref.put("url", packed.downloadUrl());
        ref.put("sha256", packed.stored().path("sha256").asText());
        ref.put("contentHash", packed.manifest().path("contentHash").asText());
        return ref;
    }

    /** The item as stored: read from its own event, so the answer never waits for the projection. */
    private PortfolioItemSavedEvent saved(UUID id) {
        var stream = eventStore.readEvents(id.toString(), 0);
        return (PortfolioItemSavedEvent) stream.next().getPayload();
    }

    private static ObjectNode toJson(PortfolioItemView item) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", item.id().toString());
        node.put("name", item.name());
        node.set("strategy", item.strategy());
        node.put("runId", item.runId() == null ? null : item.runId().toString());
        node.set("package", item.packageRef() == null ? NullNode.getInstance() : item.packageRef());
        node.put("createdAt", item.createdAt().toString());
        return node;
    }
}
