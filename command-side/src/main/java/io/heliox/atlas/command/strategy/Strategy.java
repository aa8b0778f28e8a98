package io.heliox.atlas.command.strategy;

import io.heliox.atlas.api.strategy.RegisterStrategyVersionCommand;
import io.heliox.atlas.api.strategy.StrategyVersionRegisteredEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A strategy and its versions, keyed by the DSL's id. A version is added only when the content
 * (its canonical hash) is new, so saving the same strategy again keeps one version.
 */
@Aggregate
public class Strategy {

    @AggregateIdentifier
    private String strategyId;
    private int latestVersion;
    private final Map<String, Integer> versionByHash = new HashMap<>();

    protected Strategy() {
    }

    /** @return the version number holding this content */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(RegisterStrategyVersionCommand command) {
        Integer existing = versionByHash.get(command.contentHash());
        if (existing != null) {
            return existing;
        }
        apply(new StrategyVersionRegisteredEvent(command.strategyId(), latestVersion + 1, command.name(),
                command.dsl(), command.contentHash(), command.at(), command.packageRef()));
        return latestVersion;
    }

    @EventSourcingHandler
    void on(StrategyVersionRegisteredEvent event) {
        strategyId = event.strategyId();
        latestVersion = event.version();
        versionByHash.put(event.contentHash(), event.version());
    }
}
