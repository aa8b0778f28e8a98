package io.heliox.atlas.trading.calendar;

import java.time.Instant;

/** One regular session, [open, close). */
record SessionWindow(Instant open, Instant close) {

    SessionWindow {
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("a session closes after it opens: " + open + " / " + close);
        }
    }

    boolean contains(Instant t) {
        return !t.isBefore(open) && t.isBefore(close);
    }
}
