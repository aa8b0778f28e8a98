package io.heliox.atlas.command.application.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The first start of an installation: with no user in the database, creates the administrator
 * ({@value #USERNAME}, a system administrator) with a random password and an API key, and writes
 * them to a credentials file readable by its owner only ({@code {"username","password","apiKey"}}).
 *
 * <p>Crash-safe and safe on several nodes: the work runs under a PostgreSQL advisory lock and
 * re-checks that no user exists; the file is written (atomically) before the user is committed, and
 * a start that finds a file but no user (a crash in between) creates the user from the file, so the
 * file and the database never disagree.
 */
public class AdministratorBootstrap {

    public static final String USERNAME = "admin";
    static final String KEY_NAME = "created at first start";
    private static final long LOCK_ID = 0x61746c6173L; // "atlas"
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** What the file holds. */
    public record Credentials(String username, String password, String apiKey) {

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=<hidden>, apiKey=<hidden>]";
        }
    }

    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    public AdministratorBootstrap(IdentityService identity, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.identity = identity;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** @return the credentials written to {@code file}, or empty when the installation has users already */
    public Optional<Credentials> ensureAdministrator(Path file) {
        return transactions.execute(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, LOCK_ID);
            if (identity.anyUser()) {
                return Optional.<Credentials>empty();
            }
            Credentials credentials = read(file).orElseGet(this::generate);
            write(file, credentials);
            Principal admin = identity.createUser(credentials.username(), credentials.password(), true);
            ApiKeyToken token = ApiKeyToken.parse(credentials.apiKey()).orElseThrow(
                    () -> new IllegalStateException(file + " holds no valid apiKey; delete it to start afresh"));
            identity.issueKey(admin.userId(), KEY_NAME, null, token, null);
            return Optional.of(credentials);
        });
    }

    private Credentials generate() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return new Credentials(USERNAME, password.toString(), ApiKeyToken.generate(random).value());
    }

    static Optional<Credentials> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(file.toFile());
            return Optional.of(new Credentials(json.path("username").asText(USERNAME), json.path("password").asText(),
                    json.path("apiKey").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + "; delete it to start afresh", e);
        }
    }

    /** The rename itself is durable only once the directory is: best effort where a directory cannot be opened. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the file itself is on disk
        }
    }

    /** Owner-only from the first byte: the temporary file is created with mode 600, then moved into place. */
    static void write(Path file, Credentials credentials) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
                Files.createFile(tmp); // not a POSIX file system: the best the platform offers
            }
            ObjectNode json = JSON.createObjectNode()
                    .put("username", credentials.username())
                    .put("password", credentials.password())
                    .put("apiKey", credentials.apiKey());
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json)));
                channel.force(true); // on disk before the user is committed, which PostgreSQL makes durable
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
