package io.heliox.atlas.query.run;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Holds this node's one {@code LISTEN atlas_events} connection and wakes the subscribers of an
 * aggregate when any node appends to it (the trigger in V4 sends {@code aggregateId:seq}).
 *
 * <p>A notification is only a wake-up: subscribers re-read the event store, so a lost or
 * duplicated notification costs a read, never an event. After the connection drops, every
 * subscriber is woken once, since notifications sent meanwhile are gone.
 */
public class EventAppendedNotifier implements AutoCloseable {

    public static final String CHANNEL = "atlas_events";
    private static final Logger log = LoggerFactory.getLogger(EventAppendedNotifier.class);

    private final DataSource dataSource;
    private final Map<String, Set<Runnable>> subscribers = new ConcurrentHashMap<>();
    private final Thread listener;
    private volatile boolean running = true;
    private volatile boolean listening;

    public EventAppendedNotifier(DataSource dataSource) {
        this.dataSource = dataSource;
        this.listener = new Thread(this::listen, "atlas-event-listener");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    /** Registers a wake-up for an aggregate; call the returned handle to unregister. */
    public Runnable subscribe(String aggregateId, Runnable wakeUp) {
        subscribers.computeIfAbsent(aggregateId, id -> new CopyOnWriteArraySet<>()).add(wakeUp);
        return () -> subscribers.computeIfPresent(aggregateId, (id, set) -> {
            set.remove(wakeUp);
            return set.isEmpty() ? null : set;
        });
    }

    public boolean isListening() {
        return listening;
    }

    private void listen() {
        long backoffMs = 100;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening = true;
                backoffMs = 100;
                wakeAll(); // anything appended while we were not listening
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        String parameter = notification.getParameter();
                        int colon = parameter.lastIndexOf(':');
                        wake(colon < 0 ? parameter : parameter.substring(0, colon));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                log.warn("event listener connection lost ({}); retrying in {} ms", e.getMessage(), backoffMs);
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 5_000);
            }
        }
    }

    private void wake(String aggregateId) {
        Set<Runnable> set = subscribers.get(aggregateId);
        if (set != null) {
            set.forEach(Runnable::run);
        }
    }

    private void wakeAll() {
        subscribers.values().forEach(set -> set.forEach(Runnable::run));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
    }
}
