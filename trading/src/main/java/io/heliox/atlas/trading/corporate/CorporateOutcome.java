package io.heliox.atlas.trading.corporate;

import java.util.List;

/** The books after corporate actions and what the actions did to them, in the order they did it. */
public record CorporateOutcome(CorporateBooks books, List<CorporateActionEvent> events) {

    public CorporateOutcome {
        events = List.copyOf(events);
    }
}
