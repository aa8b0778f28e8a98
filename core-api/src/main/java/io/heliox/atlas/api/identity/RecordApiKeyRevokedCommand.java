package io.heliox.atlas.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** An API key was revoked. */
public record RecordApiKeyRevokedCommand(@TargetAggregateIdentifier UUID userId, String keyId, Instant at) implements AccountCommand {
}
