package io.heliox.atlas.trading.marketdata;

import io.heliox.atlas.engine.scenario.Bars;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import io.heliox.atlas.engine.scenario.ScenarioSpec;
import io.heliox.atlas.trading.instrument.InstrumentId;
import io.heliox.atlas.trading.marketdata.Bar;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A paper session's market: a scenario's bars for one instrument, replayed as {@link BarClosed}
 * messages at a chosen {@link ReplaySpeed}, through the {@link MarketDataPort} a venue's price
 * stream will implement, so the session cannot tell a replay from a venue.
 *
 * <p><b>Times.</b> Bar {@code i} opens at {@code firstOpen + i × period} and its message's time is
 * its close, {@code firstOpen + (i + 1) × period}. The prices are the {@link Bars} columns at
 * {@code i}, unchanged (doubles, as the backtest had them).
 *
 * <p><b>Pacing.</b> A replay starts at the open of its first bar, at subscription; each bar is
 * delivered when it closes, one {@link ReplaySpeed#wallPerBar wall time per bar} after the one
 * before (the first one after subscription: nothing arrives at once). All waiting goes through the
 * {@link Pacer}: drift-free, as each due time is counted from the start of the wait, and under a
 * {@link ManualPacer} deterministic and instant.
 *
 * <p><b>Heartbeats.</b> While it waits for a bar, a replay sends a {@link Heartbeat} for its
 * instrument every {@link #heartbeatGap() max(wall time per bar ÷ 10, 1 s)} of wall time, before the
 * bar is due: in real time with hour bars one every 6 minutes, with minute bars every 6 s; at a bar
 * every 100 ms none at all (the bars themselves show the feed is alive). Each is stamped with the
 * market time it stands for, the wait's share of the period: the heartbeat half-way through the wait
 * for bar {@code i} is at {@code open(i) + period / 2}. So a consumer watching its feed in wall time
 * hears from it at least every second or so, and one watching it in market time
 * ({@link StalenessGuard}) sees it alive between bars, while the prices' age still grows.
 *
 * <p><b>Resuming.</b> {@link #resumingAt(int) resumingAt(k)} replays bars {@code k..n-1} only: a
 * session that had taken bars {@code 0..k-1} before a restart gets none of them twice. The
 * subscription's {@link BarReplay#nextBar()} is the {@code k} to resume at.
 *
 * <p><b>The end.</b> After the last bar a replay ends: its {@link BarReplay#finished()} completes
 * with {@link ReplayEnd#END_OF_SERIES} (with {@link ReplayEnd#CLOSED} after a close). No message
 * says so: the listener hears bars and heartbeats only, as it will from a venue, which never ends.
 *
 * <p>The feed holds its settings only (immutable); every {@link #subscribe} is a replay of its own.
 */
public final class BarReplayFeed implements MarketDataPort {

    /** The least wall time between two heartbeats. */
    public static final Duration MIN_HEARTBEAT_GAP = Duration.ofSeconds(1);

    private final InstrumentId instrumentId;
    private final Bars bars;
    private final Instant firstOpen;
    private final Duration period;
    private final int firstBar;
    private final ReplaySpeed speed;
    private final Pacer pacer;

    /**
     * Replays every bar, from bar 0.
     *
     * @param firstOpen when bar 0 opened
     * @param period    every bar's length; positive
     */
    public BarReplayFeed(InstrumentId instrumentId, Bars bars, Instant firstOpen, Duration period,
                         ReplaySpeed speed, Pacer pacer) {
        this(instrumentId, bars, firstOpen, period, 0, speed, pacer);
    }

    private BarReplayFeed(InstrumentId instrumentId, Bars bars, Instant firstOpen, Duration period, int firstBar,
                          ReplaySpeed speed, Pacer pacer) {
        this.instrumentId = Objects.requireNonNull(instrumentId, "instrumentId");
        this.bars = Objects.requireNonNull(bars, "bars");
        this.firstOpen = Objects.requireNonNull(firstOpen, "firstOpen");
        this.period = Objects.requireNonNull(period, "period");
        this.speed = Objects.requireNonNull(speed, "speed");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a bar's period must be positive, was " + period);
        }
        if (firstBar < 0 || firstBar > bars.size()) {
            throw new IllegalArgumentException("bar " + firstBar + " is not in a series of " + bars.size()
                    + " (resume at 0.." + bars.size() + ")");
        }
        this.firstBar = firstBar;
    }

    /**
     * A scenario's bars at the scenario's times: bar 0 opens when the {@link Bars} say (the
     * generator's {@link ScenarioGenerator#EPOCH_MILLIS}), each lasts the spec's timeframe.
     */
    public static BarReplayFeed ofScenario(InstrumentId instrumentId, ScenarioSpec spec, Bars bars, ReplaySpeed speed,
                                           Pacer pacer) {
        long firstOpen = bars.size() > 0 ? bars.time()[0] : ScenarioGenerator.EPOCH_MILLIS;
        return new BarReplayFeed(instrumentId, bars, Instant.ofEpochMilli(firstOpen),
                Duration.ofMillis(spec.timeframe().millis()), speed, pacer);
    }

    /** The same replay, starting at bar {@code nextBar} ({@code 0..size()}; {@code size()} replays nothing). */
    public BarReplayFeed resumingAt(int nextBar) {
        return new BarReplayFeed(instrumentId, bars, firstOpen, period, nextBar, speed, pacer);
    }

    public InstrumentId instrumentId() {
        return instrumentId;
    }

    /** The bar a replay starts at. */
    public int firstBar() {
        return firstBar;
    }

    /** How many bars the series has (from bar 0, whatever the first bar replayed). */
    public int size() {
        return bars.size();
    }

    public Duration period() {
        return period;
    }

    public ReplaySpeed speed() {
        return speed;
    }

    /** Bar {@code index} as a message: what a replay delivers when it closes. */
    public BarClosed message(int index) {
        Objects.checkIndex(index, bars.size());
        Bar bar = new Bar(openTime(index), bars.open()[index], bars.high()[index], bars.low()[index],
                bars.close()[index], bars.volume()[index]);
        return new BarClosed(instrumentId, bar, period);
    }

    /** When bar {@code index} opens ({@code index = size()}: when the last one closes). */
    public Instant openTime(int index) {
        return firstOpen.plus(period.multipliedBy(index));
    }

    /** The wall time between bars. */
    public Duration wallPerBar() {
        return speed.wallPerBar(period);
    }

    /** The wall time between heartbeats: max(wall time per bar ÷ 10, {@link #MIN_HEARTBEAT_GAP}). */
    public Duration heartbeatGap() {
        Duration tenth = wallPerBar().dividedBy(10);
        return tenth.compareTo(MIN_HEARTBEAT_GAP) > 0 ? tenth : MIN_HEARTBEAT_GAP;
    }

    /** How many heartbeats a replay sends while waiting for one bar: each gap that ends before the bar is due. */
    public int heartbeatsPerBar() {
        long wall = wallPerBar().toNanos();
        long gap = heartbeatGap().toNanos();
        return gap >= wall ? 0 : (int) ((wall - 1) / gap);
    }

    /**
     * The {@code beat}-th heartbeat (from 1) while waiting for bar {@code bar}: stamped at the wait's
     * share of the period, {@code open(bar) + period × beat × gap ÷ wall time per bar} (to the
     * nanosecond, rounded down), so it lies after bar {@code bar - 1} closed and before bar {@code bar} does.
     */
    Heartbeat heartbeat(int bar, int beat) {
        BigInteger offset = BigInteger.valueOf(period.toNanos())
                .multiply(BigInteger.valueOf(heartbeatGap().toNanos()).multiply(BigInteger.valueOf(beat)))
                .divide(BigInteger.valueOf(wallPerBar().toNanos()));
        return new Heartbeat(instrumentId, openTime(bar).plusNanos(offset.longValueExact()));
    }

    /**
     * Starts a replay for the feed's one instrument.
     *
     * @throws IllegalArgumentException when {@code instruments} is empty or names another instrument
     */
    @Override
    public BarReplay subscribe(Set<InstrumentId> instruments, MarketDataListener listener) {
        Objects.requireNonNull(instruments, "instruments");
        Objects.requireNonNull(listener, "listener");
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("subscribe to at least one instrument");
        }
        for (InstrumentId id : instruments) {
            if (!instrumentId.equals(id)) {
                throw new IllegalArgumentException("this feed replays " + instrumentId + " only, not " + id);
            }
        }
        BarReplay replay = new BarReplay(this, pacer, listener);
        replay.start();
        return replay;
    }
}
