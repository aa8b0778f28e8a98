package io.heliox.atlas.trading.account;

import io.heliox.atlas.trading.instrument.Instrument;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.order.Side;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.heliox.atlas.trading.TestInstruments.AAPL;
import static io.heliox.atlas.trading.TestInstruments.BTCUSDT;
import static io.heliox.atlas.trading.TestInstruments.EURUSD;
import static io.heliox.atlas.trading.TestInstruments.XAUUSD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The books reconcile with the fills, for random fill sequences over four instruments in two
 * currencies (increases, reductions, closes and flips in any order, fees and rebates), exactly:
 * every comparison is BigDecimal {@code compareTo}, no tolerance.
 */
class AccountPropertiesTest {

    static final List<Instrument> TRADED = List.of(AAPL, XAUUSD, EURUSD, BTCUSDT);
    static final Map<String, BigDecimal> INITIAL = Map.of("USD", new BigDecimal("100000"), "USDT", new BigDecimal("5000"));

    /** A price range per instrument, in ticks. */
    static Arbitrary<BigDecimal> price(Instrument instrument) {
        long[] range = switch (instrument.assetClass()) {
            case EQUITY -> new long[]{5_000, 30_000};            // 50.00 to 300.00
            case METAL -> new long[]{150_000, 300_000};          // 1,500.00 to 3,000.00
            case FX -> new long[]{90_000, 130_000};              // 0.90000 to 1.30000
            case CRYPTO -> new long[]{1_000_000, 10_000_000};    // 10,000.00 to 100,000.00
        };
        return Arbitraries.longs().between(range[0], range[1])
                .map(ticks -> instrument.tickSize().multiply(BigDecimal.valueOf(ticks)));
    }

    static Arbitrary<Fill> fillOf(Instrument instrument) {
        return Combinators.combine(Arbitraries.of(Side.class), Arbitraries.integers().between(1, 200), price(instrument),
                        Arbitraries.integers().between(-50, 500))
                .as((side, lots, price, feeCents) -> new Fill("c", instrument.id(), side,
                        instrument.lotSize().multiply(BigDecimal.valueOf(lots)), price,
                        BigDecimal.valueOf(feeCents, 2), instrument.quoteCurrency(), Instant.EPOCH));
    }

    @Provide
    Arbitrary<List<Fill>> fills() {
        return Arbitraries.of(TRADED).flatMap(AccountPropertiesTest::fillOf).list().ofMaxSize(80);
    }

    @Provide
    Arbitrary<Map<InstrumentId, BigDecimal>> marks() {
        return Combinators.combine(price(AAPL), price(XAUUSD), price(EURUSD), price(BTCUSDT))
                .as((a, x, e, b) -> Map.of(AAPL.id(), a, XAUUSD.id(), x, EURUSD.id(), e, BTCUSDT.id(), b));
    }

    static Account replay(List<Fill> fills) {
        Account account = new Account(INITIAL, Map.of());
        for (Fill fill : fills) {
            account = account.apply(fill);
        }
        return account;
    }

    @Property(tries = 400)
    void equityIsInitialCashPlusRealisedPlusUnrealisedLessFees(@ForAll("fills") List<Fill> fills,
                                                               @ForAll("marks") Map<InstrumentId, BigDecimal> marks) {
        Account account = replay(fills);
        for (String currency : INITIAL.keySet()) {
            BigDecimal expected = INITIAL.get(currency);
            for (Position position : account.positions().values()) {
                if (position.currency().equals(currency)) {
                    expected = expected.add(position.realised())
                            .add(position.unrealised(marks.get(position.instrumentId())))
                            .subtract(position.fees());
                }
            }
            assertThat(account.equity(currency, marks)).as(currency).isEqualByComparingTo(expected);
        }
    }

    @Property(tries = 400)
    void cashIsInitialCashLessWhatEveryFillPaid(@ForAll("fills") List<Fill> fills) {
        Account account = replay(fills);
        Map<String, BigDecimal> cash = new HashMap<>(INITIAL);
        BigDecimal feesUsd = BigDecimal.ZERO;
        for (Fill fill : fills) {
            cash.merge(fill.currency(), fill.signedQuantity().multiply(fill.price()).add(fill.fee()).negate(),
                    BigDecimal::add);
            if (fill.currency().equals("USD")) {
                feesUsd = feesUsd.add(fill.fee());
            }
        }
        for (String currency : INITIAL.keySet()) {
            assertThat(account.cash(currency)).as(currency).isEqualByComparingTo(cash.get(currency));
        }
        BigDecimal positionFeesUsd = account.positions().values().stream()
                .filter(p -> p.currency().equals("USD")).map(Position::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(positionFeesUsd).isEqualByComparingTo(feesUsd);
    }

    @Property(tries = 400)
    void theNetPositionIsTheSumOfSignedFillQuantities(@ForAll("fills") List<Fill> fills) {
        Account account = replay(fills);
        for (Instrument instrument : TRADED) {
            BigDecimal sum = fills.stream().filter(f -> f.instrumentId().equals(instrument.id()))
                    .map(Fill::signedQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(account.quantity(instrument.id())).as("%s", instrument.id()).isEqualByComparingTo(sum);
            account.position(instrument.id()).ifPresent(p -> {
                if (p.isFlat()) {
                    assertThat(p.costBasis()).isZero();
                } else {
                    assertThat(p.averagePrice().signum()).isPositive(); // basis and quantity share a sign
                }
            });
        }
    }

    @Property(tries = 200)
    void aPositionFlatAtTheEndHasRealisedExactlyWhatItsFillsNetted(@ForAll("fills") List<Fill> fills) {
        Account account = replay(fills);
        for (Position position : account.positions().values()) {
            if (position.isFlat()) {
                BigDecimal netted = fills.stream().filter(f -> f.instrumentId().equals(position.instrumentId()))
                        .map(f -> f.signedQuantity().multiply(f.price()).negate())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(position.realised()).isEqualByComparingTo(netted);
            }
        }
    }
}
