package io.heliox.atlas.command.portfolio;

import io.heliox.atlas.api.portfolio.PortfolioItemConflictException;
import io.heliox.atlas.api.portfolio.PortfolioItemSavedEvent;
import io.heliox.atlas.api.portfolio.SavePortfolioItemCommand;
import io.heliox.atlas.kernel.CanonicalJson;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A strategy a trader kept. Saving is idempotent per id: same content → no-op, other content → conflict. */
@Aggregate
public class PortfolioItem {

    @AggregateIdentifier
    private UUID itemId;
    private String name;
    private String strategyHash;

    protected PortfolioItem() {
    }

    /** @return true when this call saved the item, false when the identical item was already there */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(SavePortfolioItemCommand command) {
        if (itemId != null) {
            // Compare canonical content: the stored strategy comes back from the event store with
            // other number node types (int vs long, double vs decimal) than a fresh request has.
            if (name.equals(command.name()) && strategyHash.equals(CanonicalJson.sha256(command.strategy()))) {
                return false;
            }
            throw new PortfolioItemConflictException("portfolio item " + itemId + " already exists with other content");
        }
        apply(new PortfolioItemSavedEvent(command.itemId(), command.name(), command.strategy(), command.runId(),
                Objects.requireNonNull(command.at()), command.packageRef()));
        return true;
    }

    @EventSourcingHandler
    void on(PortfolioItemSavedEvent event) {
        itemId = event.itemId();
        name = event.name();
        strategyHash = CanonicalJson.sha256(event.strategy());
    }
}
