package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import io.heliox.atlas.trading.order.TradingState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.ALL;
import static io.heliox.atlas.trading.TestInstruments.EURUSD;
import static io.heliox.atlas.trading.TestInstruments.d;
import static org.assertj.core.api.Assertions.assertThat;

/** Each limit's usage, worked out by hand from a small book: what the UI shows beside the limits. */
class RiskUsageTest {

    private static final RiskLimits EVERY_LIMIT = RiskLimits.unlimited("USD")
            .withMaxPosition(AAPL.id(), d("100")).withMaxPosition(EURUSD.id(), d("50000"))
            .withMaxGrossExposure(d("30000")).withMaxNetExposure(d("20000")).withMaxOrderNotional(d("5000"))
            .withRates(RateLimit.perSecond(5), RateLimit.perSecond(3)).withMaxOpenOrders(4)
            .withDailyLoss(new DailyLossLimit(d("100"), d("200"), d("300"))).withMaxDrawdown(d("0.10"))
            .withMargin(new MarginLimit(d("1.0"), d("0.5"))).withPriceBandPercent(d("5"));

    private int ids;

    private OrderRequest order(String instrument, Side side, String quantity, String limit) {
        return OrderRequest.limit("u" + ids++, "AAPL".equals(instrument) ? AAPL.id() : EURUSD.id(), side, d(quantity),
                d(limit), TimeInForce.GTC);
    }

    /**
     * 10,000 USD; bought 40 AAPL at 200 (cash 2,000), sold 10,000 EURUSD at 1.1 (cash 13,000); working:
     * AAPL buy 30 and sell 50, EURUSD buy 5,000. Marks AAPL 195, EURUSD 1.12: equity
     * 13,000 + 40 × 195 − 10,000 × 1.12 = 9,600; margin 40 × 195 × 0.5 + 10,000 × 1.12 × 0.02 = 3,900 + 224.
     */
    private RiskFixture book(RiskLimits limits) {
        RiskFixture f = new RiskFixture(limits);
        f.account = Account.withCash("USD", d("10000"));
        f.fill(AAPL.id(), Side.BUY, "40", "200");
        f.fill(EURUSD.id(), Side.SELL, "10000", "1.1");
        f.open.add(OpenOrder.of(order("AAPL", Side.BUY, "30", "199")));
        f.open.add(OpenOrder.of(order("AAPL", Side.SELL, "50", "210")));
        f.open.add(OpenOrder.of(order("EURUSD", Side.BUY, "5000", "1.09")));
        f.marks.put(AAPL.id(), d("195"));
        f.marks.put(EURUSD.id(), d("1.12"));
        return f;
    }

    private static LimitUsage usage(RiskUsage usage, String code, String scope) {
        return usage.find(code, scope).orElseThrow(() -> new AssertionError("no usage of " + code + " " + scope));
    }

    private static void assertUsage(LimitUsage usage, String limit, String used, boolean exceeded) {
        assertThat(usage.limit()).as(usage.code()).isEqualByComparingTo(limit);
        if (used == null) {
            assertThat(usage.used()).as(usage.code()).isNull();
        } else {
            assertThat(usage.used()).as(usage.code() + " " + usage.scope()).isEqualByComparingTo(used);
        }
        assertThat(usage.exceeded()).as(usage.code() + " " + usage.scope() + " exceeded").isEqualTo(exceeded);
    }

    @Test
    void everySetLimitIsMeasuredAgainstTheBookInTheEnginesTerms() {
        RiskFixture f = book(EVERY_LIMIT);
        f.submits.record(f.now.minusMillis(1500)); // out of the window that ends now
        f.submits.record(f.now.minusMillis(500));
        f.submits.record(f.now.minusMillis(200));
        f.modifies.record(f.now.minusMillis(100));
        RiskState state = new RiskState(TradingDay.of(f.now), d("9850"), d("10700"), Map.of());

        RiskUsage usage = new RiskEngine(EVERY_LIMIT, ALL).usage(state, f.context());

        assertThat(usage.at()).isEqualTo(f.now);
        assertThat(usage.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(usage.equity()).isEqualByComparingTo("9600");
        assertThat(usage.marginUsed()).isEqualByComparingTo("4124");
        assertThat(usage.marginAvailable()).isEqualByComparingTo("5476");
        assertThat(usage.limits()).extracting(LimitUsage::code).containsExactly("risk.max_position",
                "risk.max_position", "risk.max_gross_exposure", "risk.max_net_exposure", "risk.max_order_notional",
                "risk.price_band", "risk.max_submit_rate", "risk.max_modify_rate", "risk.max_open_orders",
                "risk.daily_loss", "risk.daily_loss", "risk.daily_loss", "risk.max_drawdown", "risk.margin_call",
                "risk.margin_close_out");

        // worst case: AAPL max(|40 + 30|, |40 − 50|) = 70; EURUSD max(|−10,000 + 5,000|, |−10,000|) = 10,000
        assertUsage(usage(usage, "risk.max_position", "AAPL.XNAS"), "100", "70", false);
        assertUsage(usage(usage, "risk.max_position", "EURUSD.OANDA"), "50000", "10000", false);
        // gross 70 × 195 + 10,000 × 1.12; net max(|70 × 195 − 5,000 × 1.12|, |−10 × 195 − 10,000 × 1.12|)
        assertUsage(usage(usage, "risk.max_gross_exposure", null), "30000", "24850", false);
        assertUsage(usage(usage, "risk.max_net_exposure", null), "20000", "13150", false);
        assertUsage(usage(usage, "risk.max_order_notional", null), "5000", null, false);
        assertUsage(usage(usage, "risk.price_band", null), "5", null, false);
        assertUsage(usage(usage, "risk.max_submit_rate", "PT1S"), "5", "2", false);
        assertUsage(usage(usage, "risk.max_modify_rate", "PT1S"), "3", "1", false);
        assertUsage(usage(usage, "risk.max_open_orders", null), "4", "3", false);
        // the day's loss 9,850 − 9,600 = 250: past warn and reduce, not halt
        assertUsage(usage(usage, "risk.daily_loss", "warn"), "100", "250", true);
        assertUsage(usage(usage, "risk.daily_loss", "reduce"), "200", "250", true);
        assertUsage(usage(usage, "risk.daily_loss", "halt"), "300", "250", false);
        assertUsage(usage(usage, "risk.max_drawdown", null), "0.10",
                d("1100").divide(d("10700"), MathContext.DECIMAL64).toPlainString(), true);
        String level = d("9600").divide(d("4124"), MathContext.DECIMAL64).toPlainString();
        assertUsage(usage(usage, "risk.margin_call", null), "1.0", level, false);
        assertUsage(usage(usage, "risk.margin_close_out", null), "0.5", level, false);
    }

    @Test
    void theHeadroomIsWhatTheEngineLetsAnOrderAdd() {
        RiskLimits limits = RiskLimits.unlimited("USD").withMaxPosition(AAPL.id(), d("100")); // no other to trip
        RiskFixture f = book(limits);
        RiskEngine engine = new RiskEngine(limits, ALL);
        LimitUsage position = usage(engine.usage(RiskState.initial(), f.context()), "risk.max_position", "AAPL.XNAS");
        BigDecimal headroom = position.limit().subtract(position.used());

        assertThat(engine.check(order("AAPL", Side.BUY, headroom.toPlainString(), "195"), f.context()))
                .isSameAs(Allowed.ALLOWED);
        assertThat(engine.check(order("AAPL", Side.BUY, headroom.add(BigDecimal.ONE).toPlainString(), "195"),
                f.context())).isInstanceOfSatisfying(Denied.class, d -> assertThat(d.code()).isEqualTo(position.code()));
    }

    @Test
    void limitsLoweredBelowTheBookShowAsExceeded() {
        RiskLimits tight = EVERY_LIMIT.withMaxPosition(AAPL.id(), d("60")).withMaxOpenOrders(2)
                .withMaxGrossExposure(d("20000")).withRates(RateLimit.perSecond(1), RateLimit.perSecond(3));
        RiskFixture f = book(tight);
        f.submits.record(f.now.minusMillis(500));
        RiskUsage usage = new RiskEngine(tight, ALL).usage(RiskState.initial(), f.context());

        assertUsage(usage(usage, "risk.max_position", "AAPL.XNAS"), "60", "70", true);
        assertUsage(usage(usage, "risk.max_open_orders", null), "2", "3", true);
        assertUsage(usage(usage, "risk.max_gross_exposure", null), "20000", "24850", true);
        assertUsage(usage(usage, "risk.max_submit_rate", "PT1S"), "1", "1", false); // full, not past: the next is denied
    }

    @Test
    void aNewDayANewPeakAndNoMarginStartFromNothing() {
        RiskFixture f = new RiskFixture(EVERY_LIMIT);
        f.account = Account.withCash("USD", d("10000"));
        // yesterday's reading, with a loss past every tier and a lower peak
        RiskState state = new RiskState(TradingDay.of(f.now).minusDays(1), d("20000"), d("9000"), Map.of());
        RiskUsage usage = new RiskEngine(EVERY_LIMIT, ALL).usage(state, f.context());

        assertThat(usage.equity()).isEqualByComparingTo("10000");
        assertThat(usage.marginUsed()).isEqualByComparingTo("0");
        for (String tier : List.of("warn", "reduce", "halt")) {
            assertThat(usage(usage, "risk.daily_loss", tier).used()).as("the day starts at the equity now")
                    .isEqualByComparingTo("0");
        }
        assertUsage(usage(usage, "risk.max_drawdown", null), "0.10", "0", false); // the equity now is the peak
        assertUsage(usage(usage, "risk.margin_call", null), "1.0", null, false);
        assertUsage(usage(usage, "risk.max_gross_exposure", null), "30000", "0", false);
    }

    @Test
    void aPositionWithoutAMarkHasNoEquityAndNoExposure() {
        RiskFixture f = book(EVERY_LIMIT);
        f.marks.remove(EURUSD.id());
        RiskUsage usage = new RiskEngine(EVERY_LIMIT, ALL).usage(RiskState.initial(), f.context());

        assertThat(usage.equity()).isNull();
        assertThat(usage.marginAvailable()).isNull();
        assertUsage(usage(usage, "risk.max_gross_exposure", null), "30000", null, false);
        assertUsage(usage(usage, "risk.daily_loss", "halt"), "300", null, false);
        assertUsage(usage(usage, "risk.max_position", "EURUSD.OANDA"), "50000", "10000", false); // no mark needed
    }

    @Test
    void onlyTheLimitsThatAreSetAreListed() {
        RiskLimits limits = RiskLimits.unlimited("USD").withMaxOpenOrders(10);
        RiskUsage usage = new RiskEngine(limits, ALL).usage(RiskState.initial(), book(limits).context());
        assertThat(usage.limits()).extracting(LimitUsage::code).containsExactly("risk.max_open_orders");
    }
}
