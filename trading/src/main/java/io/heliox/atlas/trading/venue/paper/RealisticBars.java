package io.heliox.atlas.trading.venue.paper;

import java.util.Objects;

/**
 * Fills from bars with what trading costs in a real market, for paper sessions that must not look
 * better than live ones will. Every rule errs against the trader:
 * <ul>
 *   <li><b>When.</b> A market order fills at the open of the first bar that opens after it may trade:
 *       the open is the first price anyone could have had. Never at the close of the bar it was
 *       decided on.</li>
 *   <li><b>Price.</b> The reference (the open; for a stop, the stop or the open beyond it) plus, against
 *       the order: half the spread, the market impact {@code impact × σ × √(quantity / bar volume)}
 *       (the square-root law; σ the standard deviation of close-to-close returns over the last
 *       {@code volWindow} bars before this one, so no fill knows its own bar's close) and a seeded
 *       noise uniform in [0, {@code noiseBps}]; then rounded to the tick away from the trader.</li>
 *   <li><b>How much.</b> All our fills in a bar together take at most {@code volumeShare} of its
 *       volume, in whole lots; the rest waits for the next bar's open (GTC, DAY) or is closed
 *       ({@code ioc.unfilled}, or {@code fok.not_fillable} with nothing traded). A bar with no volume
 *       (feeds without it, such as FX mid prices) caps nothing and adds no impact.</li>
 *   <li><b>Limits.</b> A resting limit fills at its price only when the bar trades through it (a buy's
 *       low strictly below it): merely touching proves nothing about our place in the queue. A bar that
 *       opens through it fills it at the open. Limits are makers: no spread, no impact, maker fee.</li>
 * </ul>
 *
 * @param spreadBps   the full bid-ask spread, in bps of the price
 * @param impact      the square-root law's coefficient (about 0.1 to 1 in the literature)
 * @param volumeShare the largest share of a bar's volume we may trade, in (0, 1]
 * @param noiseBps    the seeded noise's width, in bps; 0 for none
 * @param seed        the noise's seed: the same seed, bars and orders give the same fills
 */
public record RealisticBars(FeeSchedule fees, double spreadBps, double impact, double volumeShare, double noiseBps,
                            int volWindow, long seed) implements FillModel {

    public RealisticBars {
        Objects.requireNonNull(fees, "fees");
        if (spreadBps < 0 || impact < 0 || noiseBps < 0 || volWindow < 1) {
            throw new IllegalArgumentException("spread, impact and noise must not be negative and the window at least 1");
        }
        if (!(volumeShare > 0 && volumeShare <= 1)) {
            throw new IllegalArgumentException("the volume share must be in (0, 1], was " + volumeShare);
        }
    }

    /** Typical settings for a liquid market: 2 bps spread, impact 0.5, at most 10 % of a bar, 1 bp of noise. */
    public static RealisticBars typical(FeeSchedule fees, long seed) {
        return new RealisticBars(fees, 2, 0.5, 0.1, 1, 20, seed);
    }
}
