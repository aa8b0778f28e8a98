package io.heliox.atlas.trading.account;

import io.heliox.atlas.trading.order.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.d;
import static org.assertj.core.api.Assertions.assertThat;

/** The two bookings that are not fills, which corporate actions use: replacing a position, moving cash. */
class AccountBookingTest {

    private final Account holding = Account.withCash("USD", d("1000"))
            .apply(new Fill("c", AAPL.id(), Side.BUY, d("10"), d("50.00"), d("1"), "USD", Instant.EPOCH));

    @Test
    void withPositionReplacesThePositionAndMovesNoCash() {
        Position split = new Position(AAPL.id(), "USD", d("20"), d("500.00"), BigDecimal.ZERO, d("1"));
        Account after = holding.withPosition(split);
        assertThat(after.position(AAPL.id())).contains(split);
        assertThat(after.cash("USD")).isEqualByComparingTo("499");
        assertThat(after.equity("USD", Map.of(AAPL.id(), d("25")))).isEqualByComparingTo(
                holding.equity("USD", Map.of(AAPL.id(), d("50"))));
        assertThat(holding.quantity(AAPL.id())).isEqualByComparingTo("10"); // the original is untouched
    }

    @Test
    void creditAddsASignedAmountToOneCurrencyOnly() {
        Account account = new Account(Map.of("USD", d("100"), "USDT", d("5")), Map.of());
        assertThat(account.credit("USD", d("12.5")).cash("USD")).isEqualByComparingTo("112.5");
        assertThat(account.credit("USD", d("-150")).cash("USD")).isEqualByComparingTo("-50");
        assertThat(account.credit("USD", d("12.5")).cash("USDT")).isEqualByComparingTo("5");
        assertThat(account.credit("EUR", d("3")).cash("EUR")).isEqualByComparingTo("3");
        assertThat(account.cash("USD")).isEqualByComparingTo("100");
    }
}
