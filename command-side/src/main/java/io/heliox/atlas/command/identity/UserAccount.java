package io.heliox.atlas.command.identity;

import io.heliox.atlas.api.identity.ApiKeyIssuedEvent;
import io.heliox.atlas.api.identity.ApiKeyRevokedEvent;
import io.heliox.atlas.api.identity.RateLimitSetEvent;
import io.heliox.atlas.api.identity.RecordApiKeyIssuedCommand;
import io.heliox.atlas.api.identity.RecordApiKeyRevokedCommand;
import io.heliox.atlas.api.identity.RecordRateLimitSetCommand;
import io.heliox.atlas.api.identity.RecordUserCreatedCommand;
import io.heliox.atlas.api.identity.UserCreatedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user's account as the audit trail knows it: the facts about it, never a secret. The users and
 * api_keys tables decide (and hold the hashes); this stream records what they decided, in the same
 * transaction. Accounts made before this stream existed start it with their first recorded fact,
 * hence every handler creates the stream if it is missing.
 */
@Aggregate
public class UserAccount {

    @AggregateIdentifier
    private UUID userId;
    private final Set<String> revokedKeys = new HashSet<>();
    private Integer rateLimit;

    protected UserAccount() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordUserCreatedCommand command) {
        if (userId == null) {
            apply(new UserCreatedEvent(command.userId(), command.username(), command.systemAdmin(), command.at()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordApiKeyIssuedCommand command) {
        apply(new ApiKeyIssuedEvent(command.userId(), command.keyId(), command.name(), command.expiresAt(),
                command.rotatedFrom(), command.at()));
    }

    /** Revoking a key twice records it once. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordApiKeyRevokedCommand command) {
        if (!revokedKeys.contains(command.keyId())) {
            apply(new ApiKeyRevokedEvent(command.userId(), command.keyId(), command.at()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordRateLimitSetCommand command) {
        if (userId == null || !Objects.equals(rateLimit, command.perMinute())) {
            apply(new RateLimitSetEvent(command.userId(), command.perMinute(), command.at()));
        }
    }

    @EventSourcingHandler
    void on(UserCreatedEvent event) {
        userId = event.userId();
    }

    @EventSourcingHandler
    void on(ApiKeyIssuedEvent event) {
        userId = event.userId();
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        userId = event.userId();
        revokedKeys.add(event.keyId());
    }

    @EventSourcingHandler
    void on(RateLimitSetEvent event) {
        userId = event.userId();
        rateLimit = event.perMinute();
    }
}
