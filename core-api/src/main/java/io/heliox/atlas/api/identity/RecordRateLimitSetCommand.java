package io.heliox.atlas.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The user's own rate limit was set (null: the installation's default). */
public record RecordRateLimitSetCommand(@TargetAggregateIdentifier UUID userId, Integer perMinute, Instant at) implements AccountCommand {
}
