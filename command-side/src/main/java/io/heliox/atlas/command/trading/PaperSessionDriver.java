package io.heliox.atlas.command.trading;

import io.heliox.atlas.api.trading.PaperSessionStartedEvent;
import io.heliox.atlas.api.trading.PaperSessionStoppedEvent;
import io.heliox.atlas.api.trading.ProcessSessionBarCommand;
import io.heliox.atlas.api.trading.SessionBarClosedEvent;
import io.heliox.atlas.command.application.workspace.WorkspaceAccess;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The paper sessions' market-data feed: it sends each running session its bars at the session's
 * pace, bar n falling due {@code (n + 1) × barEveryMs} after the session started (or resumed), as
 * {@link ProcessSessionBarCommand}s, like a real feed whose bars close on the clock. A bar is sent
 * once the one before it is recorded ({@link SessionBarClosedEvent}, handled in the transaction that
 * records it), so a session never has two bars in flight; a bar that falls due while the one before
 * is still being processed is sent the moment that one is recorded, and how late it was is measured
 * ({@code atlas.paper.bar.lag}): a session that keeps up has a lag near zero. A command that fails is
 * tried again from the session's recorded bar after one bar's wait: the session takes each bar once,
 * so a resend never trades twice.
 *
 * <p>{@code atlas.paper.bar.latency} times a bar from its send to its commit: the bar, the strategy's
 * decision, its orders, their fills and every event they caused, recorded with the read models.
 *
 * <p>After a restart, {@link #resume} carries on every session that was running from the bar it waits
 * for ({@code paper_sessions.next_bar}), at its pace from then: bars missed while the node was down
 * are not sent in a burst.
 */
@ProcessingGroup(PaperSessionDriver.PROCESSING_GROUP)
public class PaperSessionDriver implements AutoCloseable {

    public static final String PROCESSING_GROUP = "paper-session-driver";
    private static final Logger log = LoggerFactory.getLogger(PaperSessionDriver.class);

    /** When a session's bars fall due: bar n at {@code anchor + (n + 1) × every}, in System.nanoTime. */
    private record Pace(long anchor, long every) {
        static Pace from(int nextBar, Duration every, long now) {
            return new Pace(now - nextBar * every.toNanos(), every.toNanos());
        }

        long due(int bar) {
            return anchor + (bar + 1L) * every;
        }
    }

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Timer latency;
    private final Timer lag;
    /**
     * Sends the bars. A bar's command runs on the thread that sends it (the command bus is local), so
     * these threads ({@code atlas.paper.feed-threads}, 2 by default) bound how many bars are processed
     * at once. More did not help on a 2-core machine: there the bars are CPU-bound (make bench).
     */
    private final ScheduledExecutorService timer;
    private final Map<UUID, ScheduledFuture<?>> next = new ConcurrentHashMap<>();
    private final Map<UUID, Pace> paces = new ConcurrentHashMap<>();

    public PaperSessionDriver(CommandGateway commands, JdbcTemplate jdbc, Clock clock, MeterRegistry meters,
                              int threads) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        this.timer = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "paper-session-feed-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
        this.latency = Timer.builder("atlas.paper.bar.latency")
                .description("A paper session's bar from its send to its commit (decision, orders, fills, events)")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.lag = Timer.builder("atlas.paper.bar.lag")
                .description("How late a paper session's bar was sent after it fell due (0 while sessions keep up)")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
    }

    @EventHandler
    void on(PaperSessionStartedEvent event) {
        Duration every = Duration.ofMillis(event.settings().path("barEveryMs").asLong(100));
        afterCommit(() -> {
            paces.put(event.sessionId(), Pace.from(0, every, System.nanoTime()));
            schedule(event.sessionId(), 0);
        });
    }

    @EventHandler
    void on(SessionBarClosedEvent event) {
        if (paces.containsKey(event.sessionId())) {
            // paced here, so running (a stop removes the pace): no need to ask the row
            afterCommit(() -> schedule(event.sessionId(), event.bar() + 1));
            return;
        }
        Integer every = jdbc.query("select bar_every_ms from paper_sessions where id = ? and status = 'running'",
                rs -> rs.next() ? rs.getInt(1) : null, event.sessionId());
        if (every != null) {
            afterCommit(() -> {
                // a bar this node did not pace (sent by another node or by hand) starts a pace from here
                paces.computeIfAbsent(event.sessionId(),
                        id -> Pace.from(event.bar() + 1, Duration.ofMillis(every), System.nanoTime()));
                schedule(event.sessionId(), event.bar() + 1);
            });
        }
    }

    /** Only a recorded bar leads to the next: a rolled-back one must not have a successor in flight. */
    private static void afterCommit(Runnable task) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> task.run());
        } else {
            task.run();
        }
    }

    @EventHandler
    void on(PaperSessionStoppedEvent event) {
        paces.remove(event.sessionId());
        ScheduledFuture<?> pending = next.remove(event.sessionId());
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** Carries on every session that was running when this node stopped. */
    public void resume() {
        jdbc.query("select id from paper_sessions where status = 'running'", rs -> {
            resync((UUID) rs.getObject("id"));
        });
    }

    /** Schedules the bar the session waits for, as its row says, if it still runs, at its pace from now. */
    private void resync(UUID session) {
        jdbc.query("select next_bar, bar_every_ms from paper_sessions where id = ? and status = 'running'", rs -> {
            int bar = rs.getInt("next_bar");
            paces.put(session, Pace.from(bar, Duration.ofMillis(rs.getInt("bar_every_ms")), System.nanoTime()));
            schedule(session, bar);
        }, session);
    }

    private void schedule(UUID session, int bar) {
        Pace pace = paces.get(session);
        if (pace == null) {
            return; // stopped meanwhile
        }
        long delay = Math.max(0, pace.due(bar) - System.nanoTime());
        ScheduledFuture<?> task = timer.schedule(() -> send(session, bar, pace), delay, TimeUnit.NANOSECONDS);
        ScheduledFuture<?> before = next.put(session, task);
        if (before != null && before != task) {
            before.cancel(false);
        }
    }

    private void send(UUID session, int bar, Pace pace) {
        long sent = System.nanoTime();
        lag.record(Math.max(0, sent - pace.due(bar)), TimeUnit.NANOSECONDS);
        var command = GenericCommandMessage.asCommandMessage(new ProcessSessionBarCommand(session, bar, clock.instant()))
                .andMetaData(MetaData.with(WorkspaceAccess.PRINCIPAL, WorkspaceAccess.SYSTEM_PRINCIPAL));
        commands.send(command).whenComplete((result, failure) -> {
            if (failure != null) {
                // transient (a busy database) or out of step (a bar already ahead): carry on from where
                // the session's row says it is, after one bar's wait
                log.warn("paper session {} bar {} failed; going on from its recorded bar in {} ms", session, bar,
                        pace.every() / 1_000_000, failure);
                timer.schedule(() -> resync(session), pace.every(), TimeUnit.NANOSECONDS);
                return;
            }
            latency.record(System.nanoTime() - sent, TimeUnit.NANOSECONDS);
            if (result instanceof Integer waiting && waiting == bar) {
                // the session has this bar already (a resend) or stopped: the bar-closed event drives the rest
                next.remove(session);
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
