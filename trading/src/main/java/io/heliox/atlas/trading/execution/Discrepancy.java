package io.heliox.atlas.trading.execution;

import java.util.Objects;

/**
 * One way the venue and a session's log disagree.
 *
 * @param code     stable: {@code position.mismatch}, {@code cash.mismatch}, {@code order.missing_at_venue}
 *                 (the log says it works, the venue does not have it: it filled or was cancelled unseen),
 *                 {@code order.unknown_to_session} (the venue works an order the log never sent: never
 *                 ignored, it trades with the account's money), {@code order.mismatch} (both have it, with
 *                 a different quantity, price or fill)
 * @param subject  the instrument, currency or client order id it is about
 * @param expected what the session's log says ("none" when it has nothing)
 * @param actual   what the venue says ("none" when it has nothing)
 */
public record Discrepancy(String code, String subject, String expected, String actual) {

    public Discrepancy {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }
}
