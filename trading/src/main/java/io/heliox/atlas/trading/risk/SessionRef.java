package io.heliox.atlas.trading.risk;

import java.util.List;
import java.util.Objects;

/** A trading session and the account it trades: what places it under its kill switches. */
public record SessionRef(String accountId, String sessionId) {

    public SessionRef {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /** The scopes whose kill switch halts this session, widest first. */
    public List<KillScope> enclosingScopes() {
        return List.of(KillScope.GLOBAL, KillScope.account(accountId), KillScope.session(sessionId));
    }
}
