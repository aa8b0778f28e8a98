package io.heliox.atlas.trading.calendar;

import java.util.Objects;

/**
 * A market's state at one instant and, in words, why: "regular session", "pre-market",
 * "after-hours", or what keeps it closed ("weekend", "daily break", "overnight", a holiday's name
 * such as "Christmas Day", an extra closure's reason).
 */
public record MarketStatus(Session session, String reason) {

    public MarketStatus {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(reason, "reason");
    }

    static MarketStatus open(String reason) {
        return new MarketStatus(Session.OPEN, reason);
    }

    static MarketStatus closed(String reason) {
        return new MarketStatus(Session.CLOSED, reason);
    }

    public boolean isOpen() {
        return session == Session.OPEN;
    }
}
