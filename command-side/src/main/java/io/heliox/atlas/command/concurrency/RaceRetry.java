package io.heliox.atlas.command.concurrency;

import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Sending a command to an aggregate that another node may append to at the same moment. The event
 * store's unique (aggregate, seq) key lets exactly one writer win; the loser gets Axon's
 * {@link ConcurrencyException} (or the unique violation under it). The loser simply tries again on
 * the aggregate as it now is, after a short random pause, so the conflict never reaches a client
 * and never leaves a gap or a duplicate.
 */
public final class RaceRetry {

    private static final int MAX_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(RaceRetry.class);

    private RaceRetry() {
    }

    /** Runs {@code work}, again while it loses a race (up to 10 attempts); other failures pass through. */
    public static <T> T retrying(String what, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!lostARace(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                log.info("{} lost a race to another writer (attempt {}: {}), retrying", what, attempt,
                        e.getClass().getSimpleName());
                backOff(attempt, what);
            }
        }
    }

    public static void retrying(String what, Runnable work) {
        retrying(what, () -> {
            work.run();
            return null;
        });
    }

    /** True for an optimistic-locking conflict: another node appended to the aggregate first. */
    public static boolean lostARace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof DuplicateKeyException) {
                return true;
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true; // unique_violation on (aggregate_identifier, sequence_number)
            }
        }
        return false;
    }

    private static void backOff(int attempt, String what) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying " + what, e);
        }
    }
}
