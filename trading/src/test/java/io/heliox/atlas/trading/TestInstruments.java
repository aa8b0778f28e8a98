package io.heliox.atlas.trading;

import io.heliox.atlas.trading.instrument.AssetClass;
import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.instrument.Instruments;

import java.math.BigDecimal;
import java.time.Instant;

/** Instruments with realistic terms, and instants when their markets are open or closed. */
public final class TestInstruments {

    /** 50:1 spot FX: 0.00001 tick, 1,000 lots, no minimum notional. */
    public static final Instrument EURUSD = new Instrument(InstrumentId.parse("EURUSD.OANDA"), AssetClass.FX,
            new BigDecimal("0.00001"), new BigDecimal("1000"), BigDecimal.ZERO, "USD", new BigDecimal("0.02"));
    /** Fully funded crypto: 0.01 tick, 0.00001 lot, 5 USDT minimum. */
    public static final Instrument BTCUSDT = new Instrument(InstrumentId.parse("BTCUSDT.BINANCE"), AssetClass.CRYPTO,
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"), "USDT", BigDecimal.ONE);
    /** A US stock on Reg T margin: 0.01 tick, 1 share lots, 1 USD minimum. */
    public static final Instrument AAPL = new Instrument(InstrumentId.parse("AAPL.XNAS"), AssetClass.EQUITY,
            new BigDecimal("0.01"), BigDecimal.ONE, BigDecimal.ONE, "USD", new BigDecimal("0.5"));
    /** Spot gold at 20:1: 0.01 tick, 1 ounce lots. */
    public static final Instrument XAUUSD = new Instrument(InstrumentId.parse("XAUUSD.OANDA"), AssetClass.METAL,
            new BigDecimal("0.01"), BigDecimal.ONE, BigDecimal.ZERO, "USD", new BigDecimal("0.05"));

    public static final Instruments ALL = Instruments.of(EURUSD, BTCUSDT, AAPL, XAUUSD);

    /** Wednesday 4 March 2026, 10:00 New York: FX, equities, metals and crypto all open. */
    public static final Instant WEDNESDAY_MORNING = Instant.parse("2026-03-04T15:00:00Z");
    /** Saturday 7 March 2026, 10:00 New York: only crypto is open. */
    public static final Instant SATURDAY = Instant.parse("2026-03-07T15:00:00Z");

    private TestInstruments() {
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
