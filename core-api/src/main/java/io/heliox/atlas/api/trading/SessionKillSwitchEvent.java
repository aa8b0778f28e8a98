package io.heliox.atlas.api.trading;

import java.time.Instant;
import java.util.UUID;

/**
 * A kill switch over the session was engaged ({@code engaged} true) or released, by whom and why (an
 * input: replaying it halts or frees the rebuilt session at the same point).
 *
 * @param scope whose switch: {@code session} (its own; null in events recorded before scopes), or its
 *              {@code account}'s, or the {@code global} one. The session trades again only once
 *              every switch over it is released.
 */
public record SessionKillSwitchEvent(UUID sessionId, boolean engaged, String principal, String reason, Instant at,
                                     String scope) {

    /** The session's own switch. */
    public SessionKillSwitchEvent(UUID sessionId, boolean engaged, String principal, String reason, Instant at) {
        this(sessionId, engaged, principal, reason, at, "session");
    }
}
