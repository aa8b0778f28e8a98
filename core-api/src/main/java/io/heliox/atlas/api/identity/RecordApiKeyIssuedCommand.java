package io.heliox.atlas.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** An API key was issued; its secret is never recorded. {@code rotatedFrom}: the key it replaces, or null. */
public record RecordApiKeyIssuedCommand(@TargetAggregateIdentifier UUID userId, String keyId, String name,
                                        Instant expiresAt, String rotatedFrom, Instant at) implements AccountCommand {
}
