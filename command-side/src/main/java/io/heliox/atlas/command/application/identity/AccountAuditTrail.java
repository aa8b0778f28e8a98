package io.heliox.atlas.command.application.identity;

import io.heliox.atlas.api.identity.RecordApiKeyIssuedCommand;
import io.heliox.atlas.api.identity.RecordApiKeyRevokedCommand;
import io.heliox.atlas.api.identity.RecordRateLimitSetCommand;
import io.heliox.atlas.api.identity.RecordUserCreatedCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Instant;
import java.util.UUID;

/**
 * Records the facts about accounts as events of the {@code UserAccount} aggregate, so the audit
 * trail answers "who issued or revoked which key, when" without a secret ever entering the event
 * store. Called inside the transaction that changes the tables, so the fact and the change commit
 * together or not at all.
 */
public class AccountAuditTrail {

    private final CommandGateway commands;

    public AccountAuditTrail(CommandGateway commands) {
        this.commands = commands;
    }

    void userCreated(Principal user, Instant at) {
        commands.sendAndWait(new RecordUserCreatedCommand(user.userId(), user.username(), user.systemAdmin(), at));
    }

    void keyIssued(UUID userId, ApiKeyInfo key, String rotatedFrom) {
        commands.sendAndWait(new RecordApiKeyIssuedCommand(userId, key.id(), key.name(), key.expiresAt(), rotatedFrom,
                key.createdAt()));
    }

    void keyRevoked(UUID userId, String keyId, Instant at) {
        commands.sendAndWait(new RecordApiKeyRevokedCommand(userId, keyId, at));
    }

    void rateLimitSet(UUID userId, Integer perMinute, Instant at) {
        commands.sendAndWait(new RecordRateLimitSetCommand(userId, perMinute, at));
    }
}
