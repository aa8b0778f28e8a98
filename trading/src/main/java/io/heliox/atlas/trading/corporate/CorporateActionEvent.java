package io.heliox.atlas.trading.corporate;

import java.time.Instant;

/**
 * What a corporate action did, or is about to do, as a fact with what changed in it: a later
 * aggregate records these as its own events. Each carries the action's id and the instant it is due.
 */
public sealed interface CorporateActionEvent
        permits CorporateActionWarning, SplitApplied, CashInLieu, OrderAdjusted, OrderCancelled, DividendEntitled,
        DividendPaid {

    String actionId();

    Instant at();
}
