package io.heliox.atlas.trading.risk;

import java.util.List;
import java.util.Objects;

/** What one monitoring step decided: its events, in order, and the state they lead to (the state before with every event applied). */
public record RiskUpdate(RiskState state, List<RiskEvent> events) {

    public RiskUpdate {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }
}
