package io.heliox.atlas.command.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.artifact.Candidate;
import io.heliox.atlas.api.portfolio.PortfolioItemConflictException;
import io.heliox.atlas.api.portfolio.PortfolioItemSavedEvent;
import io.heliox.atlas.api.portfolio.SavePortfolioItemCommand;
import io.heliox.atlas.api.run.RunState;
import io.heliox.atlas.api.strategy.RegisterStrategyVersionCommand;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.api.NotFoundException;
import io.heliox.atlas.command.pack.RunPackages;
import io.heliox.atlas.command.run.RunStates;
import io.heliox.atlas.kernel.CanonicalJson;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeping a strategy: a portfolio item, and a version of the strategy it is. Saved from a run that
 * ranked exactly this strategy, the item and the version keep a reference to the run's signed
 * package of it (built now if the run packed another candidate). Saving the same item again is
 * idempotent; the same id with other content is a conflict.
 */
public class PortfolioService {

    /** The item as stored (on a repeat, as first stored), and whether this call created it. */
    public record Saved(PortfolioItemSavedEvent item, boolean created) {
    }

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final RunPackages packages;
    private final Clock clock;

    public PortfolioService(CommandGateway commands, EventStore eventStore, RunPackages packages, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.packages = packages;
        this.clock = clock;
    }

    /**
     * @param runId     the run the strategy came from, or null
     * @param scope     the runs the caller may name
     * @param workspace the workspace the item is kept in (the strategy's versions are counted per workspace)
     * @throws PortfolioItemConflictException when {@code itemId} is taken by other content
     * @throws NotFoundException              when {@code runId} names no run in {@code scope}
     */
    public Saved save(UUID itemId, String name, JsonNode strategy, UUID runId, Scope scope, UUID workspace) {
        Instant now = clock.instant();
        JsonNode packageRef = runId == null ? null : packageRef(RunId.of(runId.toString()), strategy, now, scope);
        boolean created = commands.sendAndWait(new SavePortfolioItemCommand(itemId, name, strategy, runId, now, packageRef));
        PortfolioItemSavedEvent saved = saved(itemId); // on a repeat, the first save's package
        commands.sendAndWait(new RegisterStrategyVersionCommand(strategyId(workspace, strategy), name, strategy,
                CanonicalJson.sha256(strategy), now, saved.packageRef()));
        return new Saved(saved, created);
    }

    /**
     * The run's signed package of this strategy, built if it was not yet: only when the run ranked
     * a candidate with exactly this content (a strategy edited after the run has no package of its
     * own). Null for a run without backtests; an unknown run, or another workspace's, is NotFoundException.
     */
    private JsonNode packageRef(RunId runId, JsonNode strategy, Instant now, Scope scope) {
        RunState run = RunStates.find(eventStore, runId, scope)
                .orElseThrow(() -> new NotFoundException("no run " + runId));
        String candidateId = strategy.path("id").asText();
        String contentHash = CanonicalJson.sha256(strategy);
        boolean ranked = run.t0().isPresent() && Candidate.find(run.candidates(), candidateId)
                .filter(c -> CanonicalJson.sha256(c.dsl()).equals(contentHash)).isPresent();
        if (!ranked) {
            return null;
        }
        RunPackages.Packed packed = packages.ensure(run, candidateId, now);
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("packageId", packed.manifest().packageId());
        ref.put("url", packed.downloadUrl());
        ref.put("sha256", packed.stored().sha256());
        ref.put("contentHash", packed.manifest().contentHash());
        return ref;
    }

    /**
     * A strategy's aggregate id: its DSL id within the workspace, so two teams' strategies that
     * happen to share an id are two strategies (versions kept before workspaces have the bare id).
     */
    static String strategyId(UUID workspace, JsonNode strategy) {
        String id = strategy.get("id").asText();
        return workspace == null ? id : workspace + ":" + id;
    }

    /** The item as stored: read from its own event, so the answer never waits for the projection. */
    private PortfolioItemSavedEvent saved(UUID id) {
        return (PortfolioItemSavedEvent) eventStore.readEvents(id.toString(), 0).next().getPayload();
    }
}
