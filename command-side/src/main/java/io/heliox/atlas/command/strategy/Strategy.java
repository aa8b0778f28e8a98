package io.heliox.atlas.command.strategy;

import io.heliox.atlas.api.strategy.RegisterStrategyVersionCommand;
import io.heliox.atlas.api.strategy.StrategyVersionPackagedEvent;
import io.heliox.atlas.api.strategy.StrategyVersionRegisteredEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A strategy and its versions, keyed by the DSL's id. A version is added only when the content
 * (its canonical hash) is new, so saving the same strategy again keeps one version; saved again
 * from a run that packaged it, a version without a package gets that package's reference.
 */
@Aggregate
public class Strategy {

    @AggregateIdentifier
    private String strategyId;
    private int latestVersion;
    private final Map<String, Integer> versionByHash = new HashMap<>();
    private final Set<Integer> packagedVersions = new HashSet<>();

    protected Strategy() {
    }

    /** @return the version number holding this content */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(RegisterStrategyVersionCommand command) {
        Integer existing = versionByHash.get(command.contentHash());
        if (existing != null) {
            if (command.packageRef() != null && !command.packageRef().isNull() && !packagedVersions.contains(existing)) {
                apply(new StrategyVersionPackagedEvent(command.strategyId(), existing, command.packageRef(), command.at()));
            }
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
        if (event.packageRef() != null && !event.packageRef().isNull()) {
            packagedVersions.add(event.version());
        }
    }

    @EventSourcingHandler
    void on(StrategyVersionPackagedEvent event) {
        packagedVersions.add(event.version());
    }
}
