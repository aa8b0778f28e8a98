package io.heliox.atlas.trading.account;

import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.instrument.Instruments;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Cash by currency and positions by instrument, as an immutable value: {@link #apply(Fill)} returns
 * the account after the fill, so an account is changed by fills and by nothing else (a rejected order
 * has no way to reach it), and any earlier state can be kept for comparison or replay. The one
 * exception is what a corporate action does to the books without a trade (a split's new share count,
 * a dividend's cash): {@link #withPosition} and {@link #credit}, which the {@code corporate} package
 * calls with the amounts its events record.
 *
 * <p><b>One booking for every instrument.</b> A fill moves its whole notional through cash: {@code cash
 * −= signedQty × price + fee}, the engine's booking. For a fully funded instrument that is the
 * purchase itself. For a margined one (margin rate below 1) it is the same cash-settled model: buying on
 * margin takes cash below zero (the borrowed part) and a short sale adds its proceeds, and the margin
 * rate only decides {@link #marginUsed}. The alternative, where cash moves only by realised P&amp;L (a
 * futures account's variation margin), gives the same equity at every mark and differs only in how
 * the cash line reads; one model keeps {@code equity = cash + Σ quantity × mark} a single formula and
 * the books reconcilable fill by fill. Financing (swap, funding) is not booked yet.
 *
 * <p><b>One currency at a time.</b> Every amount of an instrument is in its quote currency; cash is kept
 * per currency and equity and margin are asked for per currency. There is no conversion between
 * currencies yet: an account trading EURUSD and BTCUSDT has a USD book and a USDT book.
 */
public record Account(Map<String, BigDecimal> cash, Map<InstrumentId, Position> positions) {

    public Account {
        cash = Map.copyOf(cash);
        positions = Map.copyOf(positions);
    }

    /** An account holding {@code amount} of {@code currency} and nothing else. */
    public static Account withCash(String currency, BigDecimal amount) {
        return new Account(Map.of(currency, amount), Map.of());
    }

    /** Cash held in {@code currency}; 0 when none. */
    public BigDecimal cash(String currency) {
        return cash.getOrDefault(currency, BigDecimal.ZERO);
    }

    /** The position in an instrument, flat ones included (they keep their realised P&amp;L); empty if never traded. */
    public Optional<Position> position(InstrumentId instrumentId) {
        return Optional.ofNullable(positions.get(instrumentId));
    }

    /** The signed net quantity held in an instrument; 0 when never traded. */
    public BigDecimal quantity(InstrumentId instrumentId) {
        Position position = positions.get(instrumentId);
        return position == null ? BigDecimal.ZERO : position.quantity();
    }

    /** The account after {@code fill}: its cash moves by the fill's {@link Fill#cashOut()}, its position by the fill. */
    public Account apply(Fill fill) {
        Position before = positions.getOrDefault(fill.instrumentId(), Position.flat(fill.instrumentId(), fill.currency()));
        Position after = before.apply(fill);
        Map<String, BigDecimal> newCash = new LinkedHashMap<>(cash);
        newCash.put(fill.currency(), cash(fill.currency()).subtract(fill.cashOut()));
        Map<InstrumentId, Position> newPositions = new LinkedHashMap<>(positions);
        newPositions.put(fill.instrumentId(), after);
        return new Account(newCash, newPositions);
    }

    /**
     * The account with {@code position} in place of the one it held in that instrument: for a booking that
     * is not a fill (a split converts the quantity and keeps the basis). The caller answers for the
     * position being what the books should say; no cash moves.
     */
    public Account withPosition(Position position) {
        Map<InstrumentId, Position> newPositions = new LinkedHashMap<>(positions);
        newPositions.put(position.instrumentId(), position);
        return new Account(cash, newPositions);
    }

    /** The account with {@code amount} (signed: negative is a debit) added to its cash in {@code currency}. */
    public Account credit(String currency, BigDecimal amount) {
        Map<String, BigDecimal> newCash = new LinkedHashMap<>(cash);
        newCash.put(currency, cash(currency).add(amount));
        return new Account(newCash, positions);
    }

    /**
     * Cash in {@code currency} plus the marked value of every open position quoted in it. Every open
     * position in the currency needs a mark: a missing one is an error, not a silent zero.
     */
    public BigDecimal equity(String currency, Map<InstrumentId, BigDecimal> marks) {
        BigDecimal equity = cash(currency);
        for (Position position : positions.values()) {
            if (position.currency().equals(currency) && !position.isFlat()) {
                equity = equity.add(position.marketValue(mark(marks, position.instrumentId())));
            }
        }
        return equity;
    }

    /** Margin the open positions quoted in {@code currency} hold: Σ |quantity| × mark × margin rate. */
    public BigDecimal marginUsed(String currency, Map<InstrumentId, BigDecimal> marks, Instruments instruments) {
        BigDecimal used = BigDecimal.ZERO;
        for (Position position : positions.values()) {
            if (position.currency().equals(currency) && !position.isFlat()) {
                Instrument instrument = instruments.find(position.instrumentId()).orElseThrow(() ->
                        new IllegalArgumentException("no instrument " + position.instrumentId() + " for its margin rate"));
                used = used.add(position.quantity().abs()
                        .multiply(mark(marks, position.instrumentId()))
                        .multiply(instrument.marginRate()));
            }
        }
        return used;
    }

    /** Equity not held as margin, in {@code currency}: equity − margin used (negative when under-margined). */
    public BigDecimal marginAvailable(String currency, Map<InstrumentId, BigDecimal> marks, Instruments instruments) {
        return equity(currency, marks).subtract(marginUsed(currency, marks, instruments));
    }

    private static BigDecimal mark(Map<InstrumentId, BigDecimal> marks, InstrumentId id) {
        BigDecimal mark = marks.get(id);
        if (mark == null) {
            throw new IllegalArgumentException("no mark price for the open position in " + id);
        }
        return mark;
    }
}
