package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.account.Position;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cash dividend in two steps, pure functions of the books: {@link #entitle} at the close before the
 * ex-date reads the position and records what it is owed or owes; {@link #pay} on the pay date moves that
 * into cash, whatever the position is by then. Amounts are exact products, no rounding: a dividend moves
 * equity by exactly {@code quantity × amount per share} (less the withholding on a long).
 *
 * <p>The dividend is cash only: it does not touch the position's cost basis or realised P&amp;L, which
 * stay the trading result, so a dividend shows as income beside it rather than inside it.
 */
public final class Dividends {

    private Dividends() {
    }

    /**
     * The entitlement of the position held now (the close before the ex-date), added to the books' pending
     * dividends; no event and no change for a flat or never-held position.
     */
    public static CorporateOutcome entitle(CashDividend dividend, CorporateBooks books, Instant at) {
        Optional<Position> held = books.account().position(dividend.instrumentId()).filter(p -> !p.isFlat());
        if (held.isEmpty()) {
            return new CorporateOutcome(books, List.of());
        }
        Position position = held.get();
        BigDecimal gross = position.quantity().multiply(dividend.amountPerShare());
        // a short pays the lender the full dividend: withholding is a tax on income received, not on a payment
        BigDecimal withholding = gross.signum() > 0 ? gross.multiply(books.withholdingRate()) : BigDecimal.ZERO;
        DividendEntitled entitled = new DividendEntitled(dividend.id(), at, dividend.instrumentId(),
                position.quantity(), dividend.amountPerShare(), gross, withholding, gross.subtract(withholding),
                position.currency(), dividend.payDate());
        List<DividendEntitled> pending = new ArrayList<>(books.pendingDividends());
        pending.add(entitled);
        return new CorporateOutcome(books.withPendingDividends(pending), List.of(entitled));
    }

    /** Pays every pending entitlement of {@code dividend}: its net moves into cash and it leaves the pending list. */
    public static CorporateOutcome pay(CashDividend dividend, CorporateBooks books, Instant at) {
        List<DividendEntitled> stillPending = new ArrayList<>();
        List<CorporateActionEvent> events = new ArrayList<>();
        var account = books.account();
        for (DividendEntitled entitled : books.pendingDividends()) {
            if (!entitled.actionId().equals(dividend.id())) {
                stillPending.add(entitled);
                continue;
            }
            account = account.credit(entitled.currency(), entitled.net());
            events.add(new DividendPaid(dividend.id(), at, entitled.instrumentId(), entitled.net(), entitled.currency()));
        }
        return new CorporateOutcome(books.withAccount(account).withPendingDividends(stillPending), events);
    }
}
