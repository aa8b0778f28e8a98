package io.heliox.atlas.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** A user was created (the password stays in the users table). */
public record RecordUserCreatedCommand(@TargetAggregateIdentifier UUID userId, String username, boolean systemAdmin, Instant at) implements AccountCommand {
}
