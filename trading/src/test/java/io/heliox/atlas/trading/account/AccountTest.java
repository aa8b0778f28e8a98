package io.heliox.atlas.trading.account;

import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.order.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.ALL;
import static io.heliox.atlas.trading.TestInstruments.BTCUSDT;
import static io.heliox.atlas.trading.TestInstruments.EURUSD;
import static io.heliox.atlas.trading.TestInstruments.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountTest {

    private static Fill fill(Instrument instrument, Side side, String qty, String price, String fee) {
        return new Fill("c", instrument.id(), side, d(qty), d(price), d(fee), instrument.quoteCurrency(), Instant.EPOCH);
    }

    @Test
    void aBuyMovesItsNotionalAndFeeOutOfCash() {
        Account account = Account.withCash("USD", d("10000")).apply(fill(AAPL, Side.BUY, "10", "150.00", "1"));
        assertThat(account.cash("USD")).isEqualByComparingTo("8499");
        assertThat(account.quantity(AAPL.id())).isEqualByComparingTo("10");
        Map<io.heliox.atlas.trading.instrument.InstrumentId, BigDecimal> marks = Map.of(AAPL.id(), d("155"));
        assertThat(account.equity("USD", marks)).isEqualByComparingTo("10049");
        assertThat(account.marginUsed("USD", marks, ALL)).isEqualByComparingTo("775"); // 10 × 155 × 0.5
        assertThat(account.marginAvailable("USD", marks, ALL)).isEqualByComparingTo("9274");
    }

    @Test
    void aShortSaleOnMarginAddsItsProceedsAndHoldsMarginOnTheMark() {
        Account account = Account.withCash("USD", d("10000"))
                .apply(fill(EURUSD, Side.SELL, "100000", "1.08000", "2"));
        assertThat(account.cash("USD")).isEqualByComparingTo("117998");
        var marks = Map.of(EURUSD.id(), d("1.09000"));
        assertThat(account.equity("USD", marks)).isEqualByComparingTo("8998"); // −1,000 on the move, −2 fee
        assertThat(account.marginUsed("USD", marks, ALL)).isEqualByComparingTo("2180"); // 100,000 × 1.09 × 0.02
        assertThat(account.marginAvailable("USD", marks, ALL)).isEqualByComparingTo("6818");
    }

    @Test
    void aMarginBuyBorrowsCash() {
        Account account = Account.withCash("USD", d("1000")).apply(fill(EURUSD, Side.BUY, "10000", "1.10000", "0"));
        assertThat(account.cash("USD")).isEqualByComparingTo("-10000");
        assertThat(account.equity("USD", Map.of(EURUSD.id(), d("1.10000")))).isEqualByComparingTo("1000");
    }

    @Test
    void currenciesAreSeparateBooks() {
        Account account = new Account(Map.of("USD", d("1000"), "USDT", d("500")), Map.of())
                .apply(fill(BTCUSDT, Side.BUY, "0.001", "60000.00", "0.06"));
        assertThat(account.cash("USD")).isEqualByComparingTo("1000");
        assertThat(account.cash("USDT")).isEqualByComparingTo("439.94");
        assertThat(account.equity("USD", Map.of())).isEqualByComparingTo("1000");
        assertThat(account.equity("USDT", Map.of(BTCUSDT.id(), d("61000")))).isEqualByComparingTo("500.94");
        assertThat(account.cash("EUR")).isZero();
    }

    @Test
    void anOpenPositionNeedsAMarkAndAFlatOneDoesNot() {
        Account open = Account.withCash("USD", d("1000")).apply(fill(AAPL, Side.BUY, "1", "100.00", "0"));
        assertThatThrownBy(() -> open.equity("USD", Map.of())).hasMessageContaining("AAPL.XNAS");
        Account closed = open.apply(fill(AAPL, Side.SELL, "1", "101.00", "0"));
        assertThat(closed.equity("USD", Map.of())).isEqualByComparingTo("1001");
        assertThat(closed.position(AAPL.id())).get().extracting(Position::realised)
                .satisfies(r -> assertThat(r).isEqualByComparingTo("1"));
    }

    @Test
    void applyingAFillLeavesTheAccountItWasAppliedToAsItWas() {
        Account before = Account.withCash("USD", d("1000"));
        Account after = before.apply(fill(AAPL, Side.BUY, "1", "100.00", "0"));
        assertThat(before).isEqualTo(Account.withCash("USD", d("1000")));
        assertThat(before.position(AAPL.id())).isEmpty();
        assertThat(after).isNotEqualTo(before);
        assertThatThrownBy(() -> after.cash().put("USD", BigDecimal.TEN))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
