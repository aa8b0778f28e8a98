package io.heliox.atlas.command.application.identity;

import java.io.Serializable;
import java.util.UUID;

/**
 * Who is calling: the user, and the API key the call came with (null for a browser session).
 * Serializable because a browser session holds it.
 *
 * @param systemAdmin        a system administrator sees and manages everything
 * @param rateLimitPerMinute the user's own request limit, or null for the installation's default
 */
public record Principal(UUID userId, String username, boolean systemAdmin, String keyId, Integer rateLimitPerMinute)
        implements Serializable {
}
