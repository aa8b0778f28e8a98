package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.account.Position;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.instrument.Instruments;
import io.heliox.atlas.trading.order.TradingState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A scope's limits with their usage at one instant: the trading state it trades in, its equity and
 * margin, and one {@link LimitUsage} per limit that is set. What the API and the UI show beside the
 * limits; never a decision (the {@link RiskEngine} decides, and this measures what it measures).
 *
 * @param at              the instant measured at (the context's)
 * @param state           the effective trading state (its own risk state and the kill switches over it)
 * @param equity          cash plus positions at the last marks; null when an open position has no mark
 * @param marginUsed      the margin the positions hold; null with {@code equity}
 * @param marginAvailable equity − margin used (negative when under-margined); null with {@code equity}
 * @param limits          in the order of the engine's checks, then monitoring's
 */
public record RiskUsage(Instant at, TradingState state, BigDecimal equity, BigDecimal marginUsed,
                        BigDecimal marginAvailable, List<LimitUsage> limits) {

    public RiskUsage {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
        limits = List.copyOf(limits);
    }

    /** The usage of one code (and scope, when the limit has parts), if that limit is set. */
    public java.util.Optional<LimitUsage> find(String code, String scope) {
        return limits.stream().filter(u -> u.code().equals(code) && Objects.equals(u.scope(), scope)).findFirst();
    }

    /**
     * Measures each set limit against the scope's state and context, as the engine would see them now.
     * What {@code used} is, per code:
     * <ul>
     *   <li>{@code risk.max_position} (per instrument): the worst absolute position, working orders
     *       counted ({@code max(|position + buys|, |position − sells|)}), the figure an order is checked by;</li>
     *   <li>{@code risk.max_gross_exposure}, {@code risk.max_net_exposure}: the same worst case valued at
     *       the last marks, over every instrument in the limits' currency;</li>
     *   <li>{@code risk.max_order_notional}, {@code risk.price_band}: null, they bound each order and
     *       nothing stands between orders;</li>
     *   <li>{@code risk.max_submit_rate}, {@code risk.max_modify_rate}: the submits (modifies) in the
     *       window that ends now;</li>
     *   <li>{@code risk.max_open_orders}: the working orders;</li>
     *   <li>{@code risk.daily_loss} (per tier): the trading day's loss, start equity − equity (negative
     *       when up); 0 when the day has rolled since the last reading, as the next one starts it at the
     *       equity then;</li>
     *   <li>{@code risk.max_drawdown}: (peak − equity) ÷ peak, the peak counting the equity now;</li>
     *   <li>{@code risk.margin_call}, {@code risk.margin_close_out}: the margin level, equity ÷ margin
     *       used; null with no margin used.</li>
     * </ul>
     * Ratios are rounded as the engine reports them ({@link RiskEngine#REPORTED}); {@code exceeded} is
     * compared exactly.
     */
    public static RiskUsage measure(RiskLimits limits, Instruments instruments, RiskState state,
                                    RiskContext context) {
        String currency = limits.currency();
        Account account = context.account();
        Map<InstrumentId, BigDecimal> marks = context.marks();
        OpenOrders open = context.openOrders();
        BigDecimal equity = null;
        BigDecimal marginUsed = null;
        if (everyPositionMarked(account, currency, marks)) {
            equity = account.equity(currency, marks);
            marginUsed = account.marginUsed(currency, marks, instruments);
        }
        List<LimitUsage> usages = new ArrayList<>();

        List<InstrumentId> capped = new ArrayList<>(limits.maxPosition().keySet());
        capped.sort(Comparator.comparing(InstrumentId::toString)); // the map has no order; a reader needs one
        for (InstrumentId id : capped) {
            BigDecimal worst = worst(account.quantity(id), open.buying(id), open.selling(id));
            usages.add(amount(RiskLimit.MAX_POSITION, id.toString(), limits.maxPosition().get(id), worst));
        }
        if (limits.maxGrossExposure() != null || limits.maxNetExposure() != null) {
            BigDecimal[] exposure = exposure(currency, instruments, account, open, marks);
            if (limits.maxGrossExposure() != null) {
                usages.add(amount(RiskLimit.MAX_GROSS_EXPOSURE, null, limits.maxGrossExposure(),
                        exposure == null ? null : exposure[0]));
            }
            if (limits.maxNetExposure() != null) {
                usages.add(amount(RiskLimit.MAX_NET_EXPOSURE, null, limits.maxNetExposure(),
                        exposure == null ? null : exposure[1]));
            }
        }
        if (limits.maxOrderNotional() != null) {
            usages.add(amount(RiskLimit.MAX_ORDER_NOTIONAL, null, limits.maxOrderNotional(), null));
        }
        if (limits.priceBandPercent() != null) {
            usages.add(amount(RiskLimit.PRICE_BAND, null, limits.priceBandPercent(), null));
        }
        rate(usages, RiskLimit.MAX_SUBMIT_RATE, context.submits(), context.now());
        rate(usages, RiskLimit.MAX_MODIFY_RATE, context.modifies(), context.now());
        if (limits.maxOpenOrders() != null) {
            usages.add(amount(RiskLimit.MAX_OPEN_ORDERS, null, BigDecimal.valueOf(limits.maxOpenOrders()),
                    BigDecimal.valueOf(open.count())));
        }
        dailyLoss(usages, limits.dailyLoss(), state, equity, context.now());
        drawdown(usages, limits.maxDrawdown(), state, equity);
        MarginLimit margin = limits.margin();
        if (margin != null) {
            usages.add(level(RiskLimit.MARGIN_CALL, margin.callLevel(), equity, marginUsed));
            usages.add(level(RiskLimit.MARGIN_CLOSE_OUT, margin.closeOutLevel(), equity, marginUsed));
        }
        return new RiskUsage(context.now(), context.state(), equity, marginUsed,
                equity == null ? null : equity.subtract(marginUsed), usages);
    }

    private static boolean everyPositionMarked(Account account, String currency, Map<InstrumentId, BigDecimal> marks) {
        for (Position position : account.positions().values()) {
            if (position.currency().equals(currency) && !position.isFlat()
                    && !marks.containsKey(position.instrumentId())) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal worst(BigDecimal position, BigDecimal buying, BigDecimal selling) {
        return position.add(buying).abs().max(position.subtract(selling).abs());
    }

    /**
     * Gross and net exposure in the worst case, as {@link RiskEngine}'s exposure check sums them with no
     * order added; null when an instrument that counts has no mark.
     */
    private static BigDecimal[] exposure(String currency, Instruments instruments, Account account, OpenOrders open,
                                         Map<InstrumentId, BigDecimal> marks) {
        Set<InstrumentId> ids = new LinkedHashSet<>(account.positions().keySet());
        ids.addAll(open.instruments());
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        BigDecimal low = BigDecimal.ZERO;
        for (InstrumentId id : ids) {
            String quoted = account.position(id).map(Position::currency)
                    .orElseGet(() -> instruments.find(id).map(Instrument::quoteCurrency).orElse(null));
            if (!currency.equals(quoted)) {
                continue; // another currency's exposure is not added to this one's (no conversion yet)
            }
            BigDecimal position = account.quantity(id);
            BigDecimal up = position.add(open.buying(id));
            BigDecimal down = position.subtract(open.selling(id));
            if (up.signum() == 0 && down.signum() == 0) {
                continue;
            }
            BigDecimal mark = marks.get(id);
            if (mark == null) {
                return null;
            }
            gross = gross.add(up.abs().max(down.abs()).multiply(mark));
            high = high.add(up.multiply(mark));
            low = low.add(down.multiply(mark));
        }
        return new BigDecimal[] {gross, high.abs().max(low.abs())};
    }

    private static void rate(List<LimitUsage> usages, RiskLimit code, RateWindow window, Instant now) {
        RateLimit limit = window.limit();
        if (limit != null) {
            BigDecimal used = BigDecimal.valueOf(window.countAt(now));
            BigDecimal count = BigDecimal.valueOf(limit.count());
            usages.add(new LimitUsage(code.code(), limit.window().toString(), count, used, used.compareTo(count) > 0));
        }
    }

    private static void dailyLoss(List<LimitUsage> usages, DailyLossLimit tiers, RiskState state, BigDecimal equity,
                                  Instant now) {
        if (tiers == null) {
            return;
        }
        BigDecimal loss = null;
        if (equity != null) {
            boolean sameDay = TradingDay.of(now).equals(state.tradingDay()) && state.dayStartEquity() != null;
            loss = sameDay ? state.dayStartEquity().subtract(equity) : BigDecimal.ZERO;
        }
        String[] names = {"warn", "reduce", "halt"};
        BigDecimal[] values = {tiers.warn(), tiers.reduce(), tiers.halt()};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) {
                usages.add(amount(RiskLimit.DAILY_LOSS, names[i], values[i], loss));
            }
        }
    }

    private static void drawdown(List<LimitUsage> usages, BigDecimal fraction, RiskState state, BigDecimal equity) {
        if (fraction == null) {
            return;
        }
        BigDecimal peak = state.peakEquity();
        if (equity != null && (peak == null || equity.compareTo(peak) > 0)) {
            peak = equity; // monitoring would set it so now
        }
        if (equity == null || peak.signum() <= 0) { // a fraction of a peak that is not positive means nothing
            usages.add(new LimitUsage(RiskLimit.MAX_DRAWDOWN.code(), null, fraction, null, false));
            return;
        }
        BigDecimal drawdown = peak.subtract(equity);
        usages.add(new LimitUsage(RiskLimit.MAX_DRAWDOWN.code(), null, fraction,
                drawdown.divide(peak, RiskEngine.REPORTED), drawdown.compareTo(peak.multiply(fraction)) > 0));
    }

    /** A margin level must stay at or above its limit: exceeded is below it. */
    private static LimitUsage level(RiskLimit code, BigDecimal limit, BigDecimal equity, BigDecimal marginUsed) {
        if (equity == null || marginUsed.signum() <= 0) {
            return new LimitUsage(code.code(), null, limit, null, false);
        }
        return new LimitUsage(code.code(), null, limit, equity.divide(marginUsed, RiskEngine.REPORTED),
                equity.compareTo(marginUsed.multiply(limit)) < 0);
    }

    /** A limit that is a largest value: exceeded past it. */
    private static LimitUsage amount(RiskLimit code, String scope, BigDecimal limit, BigDecimal used) {
        return new LimitUsage(code.code(), scope, limit, used, used != null && used.compareTo(limit) > 0);
    }
}
