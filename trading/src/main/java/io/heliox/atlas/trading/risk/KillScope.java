package io.heliox.atlas.trading.risk;

import java.util.Objects;

/**
 * What a kill switch halts: every session ({@link Level#GLOBAL}), every session of one account, or one
 * session. Scopes nest global ⊃ account ⊃ session, so a session is halted by any of the three.
 *
 * @param id the account's or the session's id; {@code *} for the global scope
 */
public record KillScope(Level level, String id) {

    public enum Level { GLOBAL, ACCOUNT, SESSION }

    public static final KillScope GLOBAL = new KillScope(Level.GLOBAL, "*");

    public KillScope {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || (level == Level.GLOBAL) != id.equals("*")) {
            throw new IllegalArgumentException("the global scope's id is *, every other scope names its id: "
                    + level + " " + id);
        }
    }

    public static KillScope account(String accountId) {
        return new KillScope(Level.ACCOUNT, accountId);
    }

    public static KillScope session(String sessionId) {
        return new KillScope(Level.SESSION, sessionId);
    }
}
