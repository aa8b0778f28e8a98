package io.heliox.atlas.trading.corporate;

import io.heliox.atlas.trading.calendar.TradingCalendar;
import io.heliox.atlas.trading.calendar.TradingCalendars;
import io.heliox.atlas.trading.instrument.AssetClass;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.instrument.Instruments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The announced corporate actions on a market's calendar, and what is due between two instants. Each
 * action has fixed moments, all derived from its dates and the trading calendar:
 * <ol>
 *   <li><b>warning</b>: the open of the trading day {@code leadTradingDays} trading days before the
 *       effective date (1 = the last session before it), skipping weekends and holidays;</li>
 *   <li><b>settlement</b>: the close of the last trading day before the effective date, when a split
 *       converts positions and orders and a dividend's entitlement is read from the position;</li>
 *   <li><b>payment</b> (dividends): the start of the pay date in the calendar's zone.</li>
 * </ol>
 *
 * <p>{@link #advance} is pure: the books in, the books and events out for every moment in
 * {@code (from, to]}, in time order (at one instant: warnings, then settlements, then payments, each in
 * the order the actions were given). A caller that advances over consecutive intervals therefore sees
 * each event once, and must advance up to a fill's time before booking the fill, so that the books read
 * at a settlement are the books at that instant: a share bought on the ex-date is then not entitled.
 */
public final class CorporateActionSchedule {

    private static final int LONGEST_CLOSURE_DAYS = 30;

    private final List<CorporateAction> actions;
    private final TradingCalendar calendar;
    private final ZoneId zone;
    private final int leadTradingDays;
    private final List<Moment> moments;

    /**
     * @param leadTradingDays how many trading days before the effective date the warning comes; at least 1,
     *                        so that it precedes the settlement at the close before the effective date
     */
    public CorporateActionSchedule(List<CorporateAction> actions, TradingCalendar calendar, ZoneId zone,
                                   int leadTradingDays) {
        if (leadTradingDays < 1) {
            throw new IllegalArgumentException("a warning needs at least one trading day of lead, was " + leadTradingDays);
        }
        Set<String> ids = new HashSet<>();
        for (CorporateAction action : actions) {
            if (!ids.add(action.id())) {
                throw new IllegalArgumentException("corporate action id " + action.id() + " appears twice");
            }
        }
        this.actions = List.copyOf(actions);
        this.calendar = calendar;
        this.zone = zone;
        this.leadTradingDays = leadTradingDays;
        List<Moment> all = new ArrayList<>();
        for (int i = 0; i < this.actions.size(); i++) {
            CorporateAction action = this.actions.get(i);
            all.add(new Moment(warningAt(action), Kind.WARNING, i, action));
            all.add(new Moment(settlesAt(action), Kind.SETTLEMENT, i, action));
            if (action instanceof CashDividend dividend) {
                all.add(new Moment(paysAt(dividend), Kind.PAYMENT, i, action));
            }
        }
        all.sort(Comparator.comparing(Moment::at).thenComparing(Moment::kind).thenComparingInt(Moment::index));
        this.moments = List.copyOf(all);
    }

    /** US equities: the NYSE calendar in New York time. */
    public static CorporateActionSchedule usEquities(List<CorporateAction> actions, int leadTradingDays) {
        return new CorporateActionSchedule(actions, TradingCalendars.forAssetClass(AssetClass.EQUITY),
                TradingCalendars.NEW_YORK, leadTradingDays);
    }

    public List<CorporateAction> actions() {
        return actions;
    }

    /** The open of the trading day {@code leadTradingDays} trading days before the action's effective date. */
    public Instant warningAt(CorporateAction action) {
        LocalDate day = action.effectiveDate();
        for (int i = 0; i < leadTradingDays; i++) {
            day = previousTradingDay(day);
        }
        return calendar.nextOpen(day.atStartOfDay(zone).toInstant());
    }

    /** The close of the last trading day before the action's effective date. */
    public Instant settlesAt(CorporateAction action) {
        LocalDate eve = previousTradingDay(action.effectiveDate());
        return calendar.nextClose(eve.atStartOfDay(zone).toInstant()).orElseThrow(() ->
                new IllegalStateException("a market that never closes has no close before " + action.effectiveDate()));
    }

    /** The start of the dividend's pay date, in the calendar's zone: cash moves on that date, open or not. */
    public Instant paysAt(CashDividend dividend) {
        return dividend.payDate().atStartOfDay(zone).toInstant();
    }

    /**
     * The books after every moment in {@code (from, to]}, with the events in order.
     *
     * @param instruments     the terms (lot, tick) of every instrument an action splits
     * @param referencePrices the close before each split, per instrument; needed for a split of a held position
     */
    public CorporateOutcome advance(CorporateBooks books, Instant from, Instant to, Instruments instruments,
                                    Map<InstrumentId, BigDecimal> referencePrices) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("advance goes forward: from " + from + " to " + to);
        }
        List<CorporateActionEvent> events = new ArrayList<>();
        CorporateBooks current = books;
        for (Moment moment : moments) {
            if (!moment.at().isAfter(from) || moment.at().isAfter(to)) {
                continue;
            }
            CorporateOutcome outcome = switch (moment.kind()) {
                case WARNING -> new CorporateOutcome(current, List.of(new CorporateActionWarning(moment.action().id(),
                        moment.at(), moment.action(), moment.action().effectiveDate(), settlesAt(moment.action()))));
                case SETTLEMENT -> settle(moment, current, instruments, referencePrices);
                case PAYMENT -> Dividends.pay((CashDividend) moment.action(), current, moment.at());
            };
            current = outcome.books();
            events.addAll(outcome.events());
        }
        return new CorporateOutcome(current, events);
    }

    private static CorporateOutcome settle(Moment moment, CorporateBooks books, Instruments instruments,
                                           Map<InstrumentId, BigDecimal> referencePrices) {
        if (moment.action() instanceof Split split) {
            return Splits.apply(split, instruments.find(split.instrumentId()).orElseThrow(() ->
                            new IllegalArgumentException("no instrument " + split.instrumentId() + " for split " + split.id())),
                    books, referencePrices.get(split.instrumentId()), moment.at());
        }
        return Dividends.entitle((CashDividend) moment.action(), books, moment.at());
    }

    private LocalDate previousTradingDay(LocalDate date) {
        LocalDate day = date.minusDays(1);
        for (int i = 0; i < LONGEST_CLOSURE_DAYS; i++, day = day.minusDays(1)) {
            if (isTradingDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("no trading day in the " + LONGEST_CLOSURE_DAYS + " days before " + date);
    }

    private boolean isTradingDay(LocalDate date) {
        Instant open = calendar.nextOpen(date.atStartOfDay(zone).toInstant());
        return LocalDate.ofInstant(open, zone).equals(date);
    }

    private enum Kind { WARNING, SETTLEMENT, PAYMENT }

    private record Moment(Instant at, Kind kind, int index, CorporateAction action) {
    }
}
