package io.heliox.atlas.command.application.identity;

import java.io.Serializable;
import java.util.UUID;

/**
 * Who is calling: the user, and the API key the call came with (null for a browser session).
 * Serializable because a browser session holds it.
 *
 * @param systemAdmin a system administrator sees and manages everything
 */
public record Principal(UUID userId, String username, boolean systemAdmin, String keyId) implements Serializable {
}
