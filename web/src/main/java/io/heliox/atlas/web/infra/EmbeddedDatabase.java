package io.heliox.atlas.web.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The local-first database: a real PostgreSQL 17 server (zonky's binaries from Maven Central)
 * whose data directory lives under the project's {@code var/} and survives restarts.
 *
 * <p>A node killed with SIGKILL leaves its postgres child running and holding the data directory.
 * Before starting, a server still recorded in {@code postmaster.pid} is asked to stop (SIGTERM:
 * PostgreSQL's smart shutdown; its clients died with the JVM), then killed if it does not, so a
 * restart after a crash always gets the same data back.
 *
 * <p>That is only safe when no live ATLAS owns the directory, so each instance holds an OS file
 * lock ({@code atlas.lock}) for its whole life. The OS releases it when the process dies, even by
 * SIGKILL; a second instance on the same directory fails at once with a clear message instead of
 * stopping the first one's database.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final FileChannel lockChannel;
    private final FileLock ownership;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, FileChannel lockChannel, FileLock ownership) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.lockChannel = lockChannel;
        this.ownership = ownership;
    }

    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dataDirectory);
            lockChannel = FileChannel.open(dataDirectory.resolveSibling(dataDirectory.getFileName() + ".atlas.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock ownership;
            try {
                ownership = lockChannel.tryLock(); // null: another process holds it
            } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
                ownership = null; // this JVM holds it already (e.g. two contexts in one test run)
            }
            if (ownership == null) {
                throw new IllegalStateException("another ATLAS is running on " + dataDirectory
                        + "; stop it first, or give this one its own ATLAS_DATA_DIR");
            }
            stopOrphan(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Spring stops the server when the DataSource closes, after the event processors;
                    // zonky's own shutdown hook would race them and cut their connections.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedDatabase(postgres, dataDirectory, lockChannel, ownership);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lockChannel);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, (IOException) e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    private static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(EmbeddedDatabase::isPostgres);
        if (orphan.isEmpty()) {
            return; // stale pid file: postgres itself recovers from it
        }
        ProcessHandle process = orphan.get();
        log.warn("a PostgreSQL (pid {}) from an earlier run still holds {}; stopping it", process.pid(), dataDirectory);
        process.destroy();
        try {
            process.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception timeout) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("postgres")).orElse(true);
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            ownership.release();
            lockChannel.close();
        }
    }
}
