package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.OrderRequest;
import io.heliox.atlas.trading.order.OrderType;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TimeInForce;
import io.heliox.atlas.trading.order.TradingState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.ALL;
import static io.heliox.atlas.trading.TestInstruments.BTCUSDT;
import static io.heliox.atlas.trading.TestInstruments.EURUSD;
import static io.heliox.atlas.trading.TestInstruments.XAUUSD;
import static io.heliox.atlas.trading.TestInstruments.d;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per pre-trade limit: at the limit allowed, one lot or tick past it denied, the denial's values. */
class RiskEngineCheckTest {

    private static final InstrumentId AAPL_ID = AAPL.id();
    private int ids;

    private OrderRequest buy(String quantity, String limit) {
        return OrderRequest.limit("c" + ids++, AAPL_ID, Side.BUY, d(quantity), d(limit), TimeInForce.GTC);
    }

    private OrderRequest sell(String quantity, String limit) {
        return OrderRequest.limit("c" + ids++, AAPL_ID, Side.SELL, d(quantity), d(limit), TimeInForce.GTC);
    }

    private static Denied denied(RiskCheck check) {
        assertThat(check).isInstanceOf(Denied.class);
        return (Denied) check;
    }

    private static void rest(RiskFixture f, OrderRequest order) {
        f.open.add(OpenOrder.of(order));
    }

    @Test
    void maxPositionCountsThePositionAndEveryWorkingOrderOnTheSameSide() {
        RiskLimits limits = RiskLimits.unlimited("USD").withMaxPosition(AAPL_ID, d("100"));
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        f.fill(AAPL_ID, Side.BUY, "40", "200");
        rest(f, buy("30", "199"));
        assertThat(engine.check(buy("30", "199"), f.context())).isSameAs(Allowed.ALLOWED); // 40 + 30 + 30 = 100

        OrderRequest oneOver = buy("31", "199");
        Denied denied = denied(engine.check(oneOver, f.context()));
        assertThat(denied.code()).isEqualTo("risk.max_position");
        assertThat(denied.limit()).isEqualTo(RiskLimit.MAX_POSITION);
        assertThat(denied.limitValue()).isEqualByComparingTo("100");
        assertThat(denied.observed()).isEqualByComparingTo("101");
        assertThat(denied.order()).isEqualTo(oneOver);
    }

    @Test
    void maxPositionHoldsShortSideToo_andNeverDeniesAReduction() {
        RiskLimits limits = RiskLimits.unlimited("USD").withMaxPosition(AAPL_ID, d("100"));
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        assertThat(engine.check(sell("100", "200"), f.context()).isAllowed()).isTrue();
        assertThat(denied(engine.check(sell("101", "200"), f.context())).observed()).isEqualByComparingTo("101");

        f.fill(AAPL_ID, Side.BUY, "150", "200"); // the limit was lowered below the position
        assertThat(engine.check(sell("50", "200"), f.context()).isAllowed()).isTrue();
        assertThat(engine.check(sell("300", "200"), f.context()).isAllowed()).isTrue(); // to −150: worst stays 150
        assertThat(denied(engine.check(sell("301", "200"), f.context())).observed()).isEqualByComparingTo("151");
        assertThat(engine.check(buy("1", "200"), f.context()).isAllowed()).isFalse();
    }

    @Test
    void grossExposureSumsWorstCasesAtTheMarks() {
        RiskLimits limits = RiskLimits.unlimited("USD").withMaxGrossExposure(d("30000"));
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        f.marks.put(AAPL_ID, d("200"));
        f.marks.put(XAUUSD.id(), d("2000"));
        f.fill(XAUUSD.id(), Side.SELL, "5", "2000"); // 10,000 short gold
        rest(f, buy("50", "190")); // 10,000 working
        // 10,000 + (50 + 50) × 200 = 30,000: at the limit
        assertThat(engine.check(buy("50", "190"), f.context()).isAllowed()).isTrue();
        Denied denied = denied(engine.check(buy("51", "190"), f.context()));
        assertThat(denied.code()).isEqualTo("risk.max_gross_exposure");
        assertThat(denied.limitValue()).isEqualByComparingTo("30000");
        assertThat(denied.observed()).isEqualByComparingTo("30200");
    }

    @Test
    void netExposureOffsetsLongAgainstShort() {
        RiskLimits limits = RiskLimits.unlimited("USD").withMaxNetExposure(d("10000"));
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        f.marks.put(AAPL_ID, d("200"));
        f.marks.put(XAUUSD.id(), d("2000"));
        f.fill(XAUUSD.id(), Side.SELL, "5", "2000"); // −10,000
        // +20,000 of AAPL against −10,000 of gold: net +10,000, at the limit
        assertThat(engine.check(buy("100", "200"), f.context()).isAllowed()).isTrue();
        Denied denied = denied(engine.check(buy("101", "200"), f.context()));
        assertThat(denied.code()).isEqualTo("risk.max_net_exposure");
        assertThat(denied.observed()).isEqualByComparingTo("10200");
        // selling adds to the short side: −10,000 − 0 is at the limit already, one more is past it
        assertThat(denied(engine.check(sell("1", "200"), f.context())).observed()).isEqualByComparingTo("10200");
    }

    @Test
    void orderNotionalUsesTheLimitPriceOrTheMarkForAMarketOrder() {
        RiskLimits limits = RiskLimits.unlimited("USD").withMaxOrderNotional(d("10000"));
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        assertThat(engine.check(buy("50", "200.00"), f.context()).isAllowed()).isTrue();
        Denied denied = denied(engine.check(buy("50", "200.01"), f.context())); // one tick over
        assertThat(denied.code()).isEqualTo("risk.max_order_notional");
        assertThat(denied.observed()).isEqualByComparingTo("10000.50");

        OrderRequest market = OrderRequest.market("m", AAPL_ID, Side.SELL, d("51"), TimeInForce.IOC);
        assertThat(denied(engine.check(market, f.context())).code()).isEqualTo("risk.mark_missing");
        f.marks.put(AAPL_ID, d("200"));
        assertThat(denied(engine.check(market, f.context())).observed()).isEqualByComparingTo("10200");
    }

    @Test
    void submitRateIsASlidingWindowOnTheInjectedClock() {
        RiskLimits limits = RiskLimits.unlimited("USD").withRates(RateLimit.perSecond(3), null);
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        java.time.Instant t0 = f.now;
        for (int i = 0; i < 3; i++) {
            f.now = t0.plusMillis(100L * i);
            assertThat(engine.check(buy("1", "200"), f.context()).isAllowed()).isTrue();
            f.submits.record(f.now);
        }
        f.now = t0.plusMillis(999);
        Denied denied = denied(engine.check(buy("1", "200"), f.context()));
        assertThat(denied.code()).isEqualTo("risk.max_submit_rate");
        assertThat(denied.limitValue()).isEqualByComparingTo("3");
        assertThat(denied.observed()).isEqualByComparingTo("4");
        f.now = t0.plusSeconds(1); // the first submit has left the window (now − 1 s, now]
        assertThat(engine.check(buy("1", "200"), f.context()).isAllowed()).isTrue();
    }

    @Test
    void theDefaultsAllowAHundredSubmitsAndAHundredModifiesASecond() {
        RiskLimits limits = RiskLimits.defaults("USD");
        assertThat(limits.submitRate()).isEqualTo(new RateLimit(100, Duration.ofSeconds(1)));
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        OrderRequest resting = buy("1", "190");
        rest(f, resting);
        ModifyRequest modify = new ModifyRequest(resting.clientOrderId(), d("2"), null, null);
        for (int i = 0; i < 100; i++) {
            assertThat(engine.check(buy("1", "200"), f.context()).isAllowed()).isTrue();
            assertThat(engine.checkModify(modify, f.context()).isAllowed()).isTrue();
            f.submits.record(f.now);
            f.modifies.record(f.now);
        }
        assertThat(denied(engine.check(buy("1", "200"), f.context())).code()).isEqualTo("risk.max_submit_rate");
        Denied modifyDenied = denied(engine.checkModify(modify, f.context()));
        assertThat(modifyDenied.code()).isEqualTo("risk.max_modify_rate");
        assertThat(modifyDenied.order().quantity()).isEqualByComparingTo("2");
    }

    @Test
    void openOrdersCountTheNewOne() {
        RiskLimits limits = RiskLimits.unlimited("USD").withMaxOpenOrders(2);
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        rest(f, buy("1", "190"));
        assertThat(engine.check(buy("1", "190"), f.context()).isAllowed()).isTrue();
        rest(f, buy("1", "190"));
        Denied denied = denied(engine.check(buy("1", "190"), f.context()));
        assertThat(denied.code()).isEqualTo("risk.max_open_orders");
        assertThat(denied.limitValue()).isEqualByComparingTo("2");
        assertThat(denied.observed()).isEqualByComparingTo("3");
    }

    @Test
    void priceBandIsAPercentOfTheMarkOnLimitAndStopPrices() {
        RiskLimits limits = RiskLimits.unlimited("USD").withPriceBandPercent(d("5"));
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        assertThat(denied(engine.check(buy("1", "200"), f.context())).code()).isEqualTo("risk.mark_missing");
        f.marks.put(AAPL_ID, d("200.00"));
        assertThat(engine.check(buy("1", "210.00"), f.context()).isAllowed()).isTrue();
        assertThat(engine.check(sell("1", "190.00"), f.context()).isAllowed()).isTrue();
        Denied denied = denied(engine.check(buy("1", "210.01"), f.context()));
        assertThat(denied.code()).isEqualTo("risk.price_band");
        assertThat(denied.limitValue()).isEqualByComparingTo("5");
        assertThat(denied.observed()).isEqualByComparingTo("5.005");
        OrderRequest stop = new OrderRequest("s", AAPL_ID, Side.SELL, OrderType.STOP, d("1"), null, d("189.99"),
                TimeInForce.GTC, false);
        assertThat(denied(engine.check(stop, f.context())).code()).isEqualTo("risk.price_band");
        OrderRequest market = OrderRequest.market("m", AAPL_ID, Side.SELL, d("1"), TimeInForce.IOC);
        assertThat(engine.check(market, f.context()).isAllowed()).isTrue(); // a market order names no price
    }

    @Test
    void haltedDeniesEveryOrderAndEveryModify() {
        RiskLimits limits = RiskLimits.unlimited("USD");
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        f.fill(AAPL_ID, Side.BUY, "10", "200");
        OrderRequest resting = sell("5", "210");
        rest(f, resting);
        f.state = TradingState.HALTED;
        Denied denied = denied(engine.check(sell("1", "200"), f.context())); // even a reduction
        assertThat(denied.code()).isEqualTo("risk.halted");
        assertThat(denied.limitValue()).isEqualByComparingTo("0");
        assertThat(denied(engine.checkModify(new ModifyRequest(resting.clientOrderId(), d("4"), null, null),
                f.context())).code()).isEqualTo("risk.halted");
    }

    @Test
    void reducingAllowsOnlyOrdersThatCannotTakeThePositionPastZeroWithTheWorkingOrders() {
        RiskLimits limits = RiskLimits.unlimited("USD");
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        f.fill(AAPL_ID, Side.BUY, "10", "200");
        rest(f, sell("6", "210"));
        f.state = TradingState.REDUCING;
        assertThat(engine.check(sell("4", "205"), f.context()).isAllowed()).isTrue(); // 6 + 4 = 10
        Denied denied = denied(engine.check(sell("5", "205"), f.context()));
        assertThat(denied.code()).isEqualTo("risk.reducing");
        assertThat(denied.limitValue()).isEqualByComparingTo("10");
        assertThat(denied.observed()).isEqualByComparingTo("11");
        assertThat(denied(engine.check(buy("1", "190"), f.context())).code()).isEqualTo("risk.reducing");
        f.account = io.heliox.atlas.trading.account.Account.withCash("USD", d("1000"));
        assertThat(denied(engine.check(sell("1", "190"), f.context())).code()).isEqualTo("risk.reducing"); // flat
    }

    @Test
    void aModifyIsCheckedAsTheOrderItWouldBecome() {
        RiskLimits limits = RiskLimits.unlimited("USD").withMaxPosition(AAPL_ID, d("100"));
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        OrderRequest resting = buy("60", "190");
        rest(f, resting);
        f.open.fill(resting.clientOrderId(), d("20"));
        f.fill(AAPL_ID, Side.BUY, "20", "190");
        // 20 held + 40 remaining; a new total of 100 leaves 80 to fill: 100 at worst
        assertThat(engine.checkModify(new ModifyRequest(resting.clientOrderId(), d("100"), null, null),
                f.context()).isAllowed()).isTrue();
        Denied denied = denied(engine.checkModify(new ModifyRequest(resting.clientOrderId(), d("101"), null, null),
                f.context()));
        assertThat(denied.code()).isEqualTo("risk.max_position");
        assertThat(denied.order().clientOrderId()).isEqualTo(resting.clientOrderId());
        assertThat(denied.order().limitPrice()).isEqualByComparingTo("190");
        Denied unknown = denied(engine.checkModify(new ModifyRequest("nope", d("1"), null, null), f.context()));
        assertThat(unknown.code()).isEqualTo("risk.order_unknown");
        assertThat(unknown.order()).isNull();
    }

    @Test
    void instrumentsOfAnotherCurrencyOrUnknownAreDenied() {
        RiskLimits limits = RiskLimits.unlimited("USD");
        RiskEngine engine = new RiskEngine(limits, ALL);
        RiskFixture f = new RiskFixture(limits);
        OrderRequest btc = OrderRequest.limit("b", BTCUSDT.id(), Side.BUY, d("1"), d("60000"), TimeInForce.GTC);
        assertThat(denied(engine.check(btc, f.context())).code()).isEqualTo("risk.currency_unsupported");
        OrderRequest unknown = OrderRequest.limit("u", InstrumentId.parse("NOPE.X"), Side.BUY, d("1"), d("1"),
                TimeInForce.GTC);
        assertThat(denied(engine.check(unknown, f.context())).code()).isEqualTo("risk.instrument_unknown");
        OrderRequest fx = OrderRequest.limit("e", EURUSD.id(), Side.BUY, d("1000"), d("1.1"), TimeInForce.GTC);
        assertThat(engine.check(fx, f.context()).isAllowed()).isTrue();
    }

    @Test
    void limitsRefuseNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DailyLossLimit(d("500"), d("400"), null))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MarginLimit(d("0.5"), d("1")))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RiskLimits.unlimited("USD").withMaxDrawdown(d("1")))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RiskLimits.unlimited("USD")
                .withMaxPosition(AAPL_ID, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RateLimit(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
