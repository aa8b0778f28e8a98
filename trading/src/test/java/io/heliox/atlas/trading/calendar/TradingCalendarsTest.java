package io.heliox.atlas.trading.calendar;

import io.heliox.atlas.trading.instrument.AssetClass;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TradingCalendarsTest {

    @Test
    void eachAssetClassHasItsCalendar() {
        assertThat(TradingCalendars.forAssetClass(AssetClass.FX)).isInstanceOf(FxCalendar.class);
        assertThat(TradingCalendars.forAssetClass(AssetClass.CRYPTO)).isInstanceOf(CryptoCalendar.class);
        assertThat(TradingCalendars.forAssetClass(AssetClass.EQUITY)).isInstanceOf(UsEquityCalendar.class);
        assertThat(TradingCalendars.forAssetClass(AssetClass.METAL)).isInstanceOf(MetalsCalendar.class);
        // shared, not built per call
        assertThat(TradingCalendars.forAssetClass(AssetClass.EQUITY))
                .isSameAs(TradingCalendars.forAssetClass(AssetClass.EQUITY));
    }
}
