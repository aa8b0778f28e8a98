package io.heliox.atlas.command.application.identity;

import java.time.Instant;

/**
 * An API key as its owner sees it in a list: everything but the secret.
 *
 * @param expiresAt  null: never
 * @param lastUsedAt to the minute; null: never used
 * @param revokedAt  null: in force
 */
public record ApiKeyInfo(String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                         Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
