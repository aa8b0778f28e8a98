package io.heliox.atlas.command.trading;

import io.heliox.atlas.api.trading.PaperSessionStartedEvent;
import io.heliox.atlas.api.trading.PaperSessionStoppedEvent;
import io.heliox.atlas.api.trading.ProcessSessionBarCommand;
import io.heliox.atlas.api.trading.SessionBarClosedEvent;
import io.heliox.atlas.command.application.workspace.WorkspaceAccess;
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
 * The paper sessions' market-data feed: it sends each running session its next bar, one every
 * {@code barEveryMs}, as a {@link ProcessSessionBarCommand}. A session's bar closing
 * ({@link SessionBarClosedEvent}, handled in the transaction that records it) schedules the next one,
 * so a session never has two bars in flight, and a slow bar delays the ones after it instead of
 * piling them up. A command that fails is tried again after the same wait: the session takes each
 * bar once, so a resend never trades twice.
 *
 * <p>After a restart, {@link #resume} schedules every session that was running from the bar it waits
 * for ({@code paper_sessions.next_bar}).
 */
@ProcessingGroup(PaperSessionDriver.PROCESSING_GROUP)
public class PaperSessionDriver implements AutoCloseable {

    public static final String PROCESSING_GROUP = "paper-session-driver";
    private static final Logger log = LoggerFactory.getLogger(PaperSessionDriver.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "paper-session-feed");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, ScheduledFuture<?>> next = new ConcurrentHashMap<>();

    public PaperSessionDriver(CommandGateway commands, JdbcTemplate jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(PaperSessionStartedEvent event) {
        Duration every = Duration.ofMillis(event.settings().path("barEveryMs").asLong(100));
        afterCommit(() -> schedule(event.sessionId(), 0, every));
    }

    @EventHandler
    void on(SessionBarClosedEvent event) {
        Integer every = jdbc.query("select bar_every_ms from paper_sessions where id = ? and status = 'running'",
                rs -> rs.next() ? rs.getInt(1) : null, event.sessionId());
        if (every != null) {
            afterCommit(() -> schedule(event.sessionId(), event.bar() + 1, Duration.ofMillis(every)));
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

    /** Schedules the bar the session waits for, as its row says, if it still runs. */
    private void resync(UUID session) {
        jdbc.query("select next_bar, bar_every_ms from paper_sessions where id = ? and status = 'running'", rs -> {
            schedule(session, rs.getInt("next_bar"), Duration.ofMillis(rs.getInt("bar_every_ms")));
        }, session);
    }

    private void schedule(UUID session, int bar, Duration wait) {
        ScheduledFuture<?> task = timer.schedule(() -> send(session, bar, wait), wait.toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> before = next.put(session, task);
        if (before != null && before != task) {
            before.cancel(false);
        }
    }

    private void send(UUID session, int bar, Duration wait) {
        var command = GenericCommandMessage.asCommandMessage(new ProcessSessionBarCommand(session, bar, clock.instant()))
                .andMetaData(MetaData.with(WorkspaceAccess.PRINCIPAL, WorkspaceAccess.SYSTEM_PRINCIPAL));
        commands.send(command).whenComplete((result, failure) -> {
            if (failure != null) {
                // transient (a busy database) or out of step (a bar already ahead): carry on from where
                // the session's row says it is, after the same wait
                log.warn("paper session {} bar {} failed; going on from its recorded bar in {}", session, bar, wait,
                        failure);
                timer.schedule(() -> resync(session), wait.toMillis(), TimeUnit.MILLISECONDS);
            } else if (result instanceof Integer waiting && waiting == bar) {
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
