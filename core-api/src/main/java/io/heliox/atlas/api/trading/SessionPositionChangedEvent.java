package io.heliox.atlas.api.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The session's position changed on bar {@code bar} (fills were booked): the position and the cash as
 * the paper venue's account now holds them, exact. Recorded after the fills that caused it.
 *
 * @param instrument   {@code SYMBOL.VENUE}
 * @param quantity     signed net quantity (&gt; 0 long, &lt; 0 short, 0 flat)
 * @param averagePrice average entry price of the open quantity; 0 when flat
 * @param realised     P&amp;L of the quantity closed so far, before fees
 * @param fees         every fee paid on the instrument's fills
 * @param cash         the account's cash in the instrument's quote currency
 */
public record SessionPositionChangedEvent(UUID sessionId, int bar, String instrument, BigDecimal quantity,
                                          BigDecimal averagePrice, BigDecimal realised, BigDecimal fees,
                                          BigDecimal cash, Instant at) {
}
