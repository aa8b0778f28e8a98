package io.heliox.atlas.trading.account;

import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionTest {

    private static final InstrumentId ID = AAPL.id();

    static Fill fill(Side side, String qty, String price) {
        return fill(side, qty, price, "0");
    }

    static Fill fill(Side side, String qty, String price, String fee) {
        return new Fill("c", ID, side, d(qty), d(price), d(fee), "USD", Instant.EPOCH);
    }

    private static Position after(Fill... fills) {
        Position position = Position.flat(ID, "USD");
        for (Fill fill : fills) {
            position = position.apply(fill);
        }
        return position;
    }

    @Test
    void aFlatPositionHasNothing() {
        Position flat = Position.flat(ID, "USD");
        assertThat(flat.isFlat()).isTrue();
        assertThat(flat.averagePrice()).isZero();
        assertThat(flat.unrealised(d("123"))).isZero();
    }

    @Test
    void increaseAveragesTheEntryAndRealisesNothing() {
        Position p = after(fill(Side.BUY, "10", "100"), fill(Side.BUY, "10", "110"));
        assertThat(p.quantity()).isEqualByComparingTo("20");
        assertThat(p.costBasis()).isEqualByComparingTo("2100");
        assertThat(p.averagePrice()).isEqualByComparingTo("105");
        assertThat(p.realised()).isZero();
        assertThat(p.unrealised(d("112"))).isEqualByComparingTo("140");
    }

    @Test
    void increaseShort() {
        Position p = after(fill(Side.SELL, "10", "100"), fill(Side.SELL, "10", "110"));
        assertThat(p.quantity()).isEqualByComparingTo("-20");
        assertThat(p.averagePrice()).isEqualByComparingTo("105");
        assertThat(p.unrealised(d("100"))).isEqualByComparingTo("100");
    }

    @Test
    void partialReduceRealisesTheClosedPartAndKeepsTheAverage() {
        Position p = after(fill(Side.BUY, "10", "100"), fill(Side.BUY, "10", "110"), fill(Side.SELL, "5", "120"));
        assertThat(p.quantity()).isEqualByComparingTo("15");
        assertThat(p.realised()).isEqualByComparingTo("75"); // 5 × (120 − 105)
        assertThat(p.averagePrice()).isEqualByComparingTo("105");
        assertThat(p.unrealised(d("120"))).isEqualByComparingTo("225");
    }

    @Test
    void partialReduceOfAShort() {
        Position p = after(fill(Side.SELL, "10", "100"), fill(Side.BUY, "4", "90"));
        assertThat(p.quantity()).isEqualByComparingTo("-6");
        assertThat(p.realised()).isEqualByComparingTo("40");
        assertThat(p.averagePrice()).isEqualByComparingTo("100");
    }

    @Test
    void fullCloseLeavesNoBasisAndKeepsTheRealised() {
        Position p = after(fill(Side.BUY, "10", "100"), fill(Side.BUY, "10", "110"), fill(Side.SELL, "5", "120"),
                fill(Side.SELL, "15", "100"));
        assertThat(p.isFlat()).isTrue();
        assertThat(p.costBasis()).isZero();
        assertThat(p.realised()).isEqualByComparingTo("0"); // +75, then 15 × (100 − 105)
        assertThat(p.unrealised(d("999"))).isZero();
    }

    @Test
    void flipFromLongToShortClosesAtTheFillAndOpensTheRest() {
        Position p = after(fill(Side.BUY, "10", "100"), fill(Side.SELL, "15", "110"));
        assertThat(p.realised()).isEqualByComparingTo("100");
        assertThat(p.quantity()).isEqualByComparingTo("-5");
        assertThat(p.averagePrice()).isEqualByComparingTo("110");
        assertThat(p.costBasis()).isEqualByComparingTo("-550");
        assertThat(p.unrealised(d("100"))).isEqualByComparingTo("50");
    }

    @Test
    void flipFromShortToLong() {
        Position p = after(fill(Side.SELL, "10", "100"), fill(Side.BUY, "15", "90"));
        assertThat(p.realised()).isEqualByComparingTo("100");
        assertThat(p.quantity()).isEqualByComparingTo("5");
        assertThat(p.averagePrice()).isEqualByComparingTo("90");
    }

    @Test
    void feesAreSummedApartFromTheRealised() {
        Position p = after(fill(Side.BUY, "10", "100", "1.50"), fill(Side.SELL, "10", "101", "1.25"),
                fill(Side.BUY, "1", "100", "-0.10"));
        assertThat(p.realised()).isEqualByComparingTo("10");
        assertThat(p.fees()).isEqualByComparingTo("2.65");
        assertThat(p.quantity()).isEqualByComparingTo("1");
    }

    @Test
    void anAverageThatIsNoFiniteDecimalStillBalancesExactly() {
        Position p = after(fill(Side.BUY, "1", "100"), fill(Side.BUY, "1", "100"), fill(Side.BUY, "1", "101"));
        assertThat(p.averagePrice()).isEqualByComparingTo("100.3333333333333333333333333333333");
        Position reduced = p.apply(fill(Side.SELL, "1", "101"));
        // realised + unrealised equals what the fills paid and received plus the marked value, to the last digit
        BigDecimal mark = d("102");
        BigDecimal flows = d("-100").add(d("-100")).add(d("-101")).add(d("101"));
        assertThat(reduced.realised().add(reduced.unrealised(mark)))
                .isEqualByComparingTo(flows.add(reduced.quantity().multiply(mark)));
        assertThat(reduced.averagePrice().subtract(d("100.333333333333333333333333333333")).abs())
                .isLessThan(d("1e-30"));
        Position closed = reduced.apply(fill(Side.SELL, "2", "99"));
        assertThat(closed.costBasis()).isZero();
        assertThat(closed.realised()).isEqualByComparingTo("-2"); // (101 + 99 + 99) − 301, exactly
    }

    @Test
    void refusesAFillOfAnotherInstrumentOrCurrency() {
        Position p = Position.flat(ID, "USD");
        assertThatThrownBy(() -> p.apply(new Fill("c", InstrumentId.parse("MSFT.XNAS"), Side.BUY, d("1"), d("1"),
                d("0"), "USD", Instant.EPOCH))).hasMessageContaining("MSFT.XNAS");
        assertThatThrownBy(() -> p.apply(new Fill("c", ID, Side.BUY, d("1"), d("1"), d("0"), "EUR", Instant.EPOCH)))
                .hasMessageContaining("EUR");
    }

    @Test
    void aFillIsATrade() {
        assertThatThrownBy(() -> fill(Side.BUY, "0", "100")).hasMessageContaining("quantity");
        assertThatThrownBy(() -> fill(Side.BUY, "1", "-100")).hasMessageContaining("price");
        assertThat(fill(Side.SELL, "3", "10", "1").cashOut()).isEqualByComparingTo("-29");
    }
}
