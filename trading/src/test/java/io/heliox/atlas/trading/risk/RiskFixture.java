package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.account.Account;
import io.heliox.atlas.trading.account.Fill;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.Side;
import io.heliox.atlas.trading.order.TradingState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.heliox.atlas.trading.TestInstruments.WEDNESDAY_MORNING;

/** A scope's working state for tests: account, open orders, marks, rate windows, all changeable. */
final class RiskFixture {

    Account account = Account.withCash("USD", new BigDecimal("1000000"));
    final OpenOrders open = new OpenOrders();
    final Map<InstrumentId, BigDecimal> marks = new HashMap<>();
    final RateWindow submits;
    final RateWindow modifies;
    Instant now = WEDNESDAY_MORNING;
    TradingState state = TradingState.ACTIVE;

    RiskFixture(RiskLimits limits) {
        submits = RateWindow.of(limits.submitRate());
        modifies = RateWindow.of(limits.modifyRate());
    }

    RiskContext context() {
        return new RiskContext(now, state, account, open, marks, submits, modifies);
    }

    /** Books a fill of {@code quantity} at {@code price}, no fee. */
    void fill(InstrumentId id, Side side, String quantity, String price) {
        account = account.apply(new Fill("f", id, side, new BigDecimal(quantity), new BigDecimal(price),
                BigDecimal.ZERO, "USD", now));
    }
}
