package io.heliox.atlas.trading.instrument;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.ALL;
import static io.heliox.atlas.trading.TestInstruments.BTCUSDT;
import static io.heliox.atlas.trading.TestInstruments.EURUSD;
import static io.heliox.atlas.trading.TestInstruments.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstrumentTest {

    @Test
    void tickAndLotChecksAreExactWhereDoublesAreNot() {
        Instrument tenths = new Instrument(InstrumentId.parse("X.V"), AssetClass.CRYPTO, d("0.1"), d("0.1"),
                BigDecimal.ZERO, "USD", BigDecimal.ONE);
        assertThat(0.3 % 0.1).isNotZero(); // why BigDecimal
        assertThat(tenths.isOnTick(d("0.3"))).isTrue();
        assertThat(tenths.isLotMultiple(d("0.3"))).isTrue();
        assertThat(tenths.isOnTick(d("0.30000"))).isTrue();
        assertThat(tenths.isOnTick(d("0.31"))).isFalse();

        assertThat(EURUSD.isOnTick(d("1.08345"))).isTrue();
        assertThat(EURUSD.isOnTick(d("1.083455"))).isFalse();
        assertThat(EURUSD.isLotMultiple(d("25000"))).isTrue();
        assertThat(EURUSD.isLotMultiple(d("1500"))).isFalse();
        assertThat(BTCUSDT.isLotMultiple(d("0.00123"))).isTrue();
        assertThat(BTCUSDT.isLotMultiple(d("0.000125"))).isFalse();
    }

    @Test
    void marginedMeansAMarginRateBelowOne() {
        assertThat(EURUSD.isMargined()).isTrue();
        assertThat(AAPL.isMargined()).isTrue();
        assertThat(BTCUSDT.isMargined()).isFalse();
    }

    @Test
    void refusesTermsThatCannotBeTraded() {
        InstrumentId id = InstrumentId.parse("X.V");
        assertThatThrownBy(() -> new Instrument(id, AssetClass.FX, BigDecimal.ZERO, d("1"), d("0"), "USD", d("1")))
                .hasMessageContaining("tick size");
        assertThatThrownBy(() -> new Instrument(id, AssetClass.FX, d("0.01"), d("-1"), d("0"), "USD", d("1")))
                .hasMessageContaining("lot size");
        assertThatThrownBy(() -> new Instrument(id, AssetClass.FX, d("0.01"), d("1"), d("-5"), "USD", d("1")))
                .hasMessageContaining("minimum notional");
        assertThatThrownBy(() -> new Instrument(id, AssetClass.FX, d("0.01"), d("1"), d("0"), "USD", d("0")))
                .hasMessageContaining("margin rate");
        assertThatThrownBy(() -> new Instrument(id, AssetClass.FX, d("0.01"), d("1"), d("0"), "USD", d("1.01")))
                .hasMessageContaining("margin rate");
        assertThatThrownBy(() -> new Instrument(id, AssetClass.FX, d("0.01"), d("1"), d("0"), " ", d("1")))
                .hasMessageContaining("quote currency");
    }

    @Test
    void idsReadAndWriteSymbolDotVenue() {
        InstrumentId id = InstrumentId.parse("EURUSD.OANDA");
        assertThat(id).isEqualTo(new InstrumentId("EURUSD", "OANDA"));
        assertThat(id).hasToString("EURUSD.OANDA");
        assertThatThrownBy(() -> InstrumentId.parse("EURUSD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstrumentId("", "OANDA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRegistryFindsKnownIdsOnly() {
        assertThat(ALL.find(EURUSD.id())).contains(EURUSD);
        assertThat(ALL.find(InstrumentId.parse("EURUSD.BINANCE"))).isEmpty();
        assertThat(ALL.all()).hasSize(4);
        assertThatThrownBy(() -> Instruments.of(EURUSD, EURUSD)).hasMessageContaining("listed twice");
    }
}
