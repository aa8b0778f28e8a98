package io.heliox.atlas.trading.instrument;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What can be traded and on which terms: a plain value, so two instruments with the same terms are
 * equal and an instrument can be written down, compared and shared between threads.
 *
 * <p>Prices and quantities are {@link BigDecimal} because the tick and lot checks must be exact: in
 * binary floating point 0.3 is not a multiple of 0.1 ({@code 0.3 % 0.1 == 0.09999999999999998}),
 * so a double-based check would reject good orders or accept bad ones depending on the digits.
 *
 * <p>The market's hours are not held: they follow from the asset class, through
 * {@code calendar.TradingCalendars.forAssetClass(instrument.assetClass())}, so the record stays a plain
 * value. Nor is there a {@code calendar()} shortcut here: the calendar package already depends on this
 * one (for {@link AssetClass}), and a dependency back would make the two packages a cycle, which
 * {@code LayerRulesTest} (rule 5) refuses.
 *
 * @param id            symbol and venue
 * @param assetClass    decides the trading calendar
 * @param tickSize      the smallest price step; every order price must be a whole multiple of it
 * @param lotSize       the smallest quantity step; every order quantity must be a whole multiple
 * @param minNotional   the smallest quantity × price an order may have (0 = no minimum)
 * @param quoteCurrency the currency prices, cash, fees and P&amp;L of this instrument are in
 *                      (ISO 4217 or a coin's ticker: {@code USD}, {@code USDT})
 * @param marginRate    the fraction of a position's marked value held as margin, in (0, 1]:
 *                      1 is a fully funded (cash) instrument, 0.02 is 50:1 leverage
 */
public record Instrument(InstrumentId id, AssetClass assetClass, BigDecimal tickSize, BigDecimal lotSize,
                         BigDecimal minNotional, String quoteCurrency, BigDecimal marginRate) {

    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(assetClass, "assetClass");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(lotSize, "lotSize");
        Objects.requireNonNull(minNotional, "minNotional");
        Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        Objects.requireNonNull(marginRate, "marginRate");
        if (tickSize.signum() <= 0) {
            throw new IllegalArgumentException(id + ": tick size must be positive, was " + tickSize);
        }
        if (lotSize.signum() <= 0) {
            throw new IllegalArgumentException(id + ": lot size must be positive, was " + lotSize);
        }
        if (minNotional.signum() < 0) {
            throw new IllegalArgumentException(id + ": minimum notional must not be negative, was " + minNotional);
        }
        if (quoteCurrency.isBlank()) {
            throw new IllegalArgumentException(id + ": quote currency must not be blank");
        }
        if (marginRate.signum() <= 0 || marginRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(id + ": margin rate must be in (0, 1], was " + marginRate);
        }
    }

    /** Whether {@code price} is a whole number of ticks (exact: 1.2345 on a 0.0001 tick is, 1.23455 is not). */
    public boolean isOnTick(BigDecimal price) {
        return isMultiple(price, tickSize);
    }

    /** Whether {@code quantity} is a whole number of lots. */
    public boolean isLotMultiple(BigDecimal quantity) {
        return isMultiple(quantity, lotSize);
    }

    /** Whether positions in this instrument are leveraged (margin rate below 1). */
    public boolean isMargined() {
        return marginRate.compareTo(BigDecimal.ONE) < 0;
    }

    private static boolean isMultiple(BigDecimal value, BigDecimal step) {
        return value.remainder(step).signum() == 0;
    }
}
