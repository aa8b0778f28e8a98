package io.heliox.atlas.command.application.identity;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Users and their API keys: who may call, checked on every request.
 *
 * <p>A key check must cost well under a millisecond, so a key's row is cached for
 * {@link #KEY_CACHE_TTL}; revoking a key drops it from this node's cache at once and from the
 * others' within that time. {@code last_used_at} is written at most once a minute per key. A
 * password check is a bcrypt comparison (tens of milliseconds, on purpose); an unknown name is
 * compared against a dummy hash so that it takes as long as a wrong password, and repeated failures
 * are throttled ({@link LoginThrottle}).
 */
public class IdentityService {

    static final Duration KEY_CACHE_TTL = Duration.ofSeconds(5);
    public static final int MAX_KEYS_PER_USER = 50;
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");
    private static final int MIN_PASSWORD_LENGTH = 12;
    private static final int MAX_PASSWORD_BYTES = 72; // bcrypt reads no further
    private static final int MAX_KEY_NAME = 100;

    private record CachedKey(Principal principal, String secretSha256, Instant expiresAt, Instant revokedAt,
                             long loadedAtNanos) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AccountAuditTrail audit;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final LoginThrottle throttle = new LoginThrottle();
    private final Map<String, CachedKey> keyCache = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastUseWritten = new ConcurrentHashMap<>();
    private final Map<String, Long> evictedAt = new ConcurrentHashMap<>();
    private final String dummyHash;

    public IdentityService(JdbcTemplate jdbc, TransactionTemplate transactions, AccountAuditTrail audit,
                           PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.passwords = passwords;
        this.clock = clock;
        this.dummyHash = passwords.encode("not a password anybody has: " + UUID.randomUUID());
    }

    // ---- authentication ------------------------------------------------------------------------

    /** The owner of {@code key} when the key is well formed, known, not revoked and not expired. */
    public Optional<Principal> authenticateKey(String key) {
        Optional<ApiKeyToken> token = ApiKeyToken.parse(key);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        CachedKey cached = cachedKey(token.get().id());
        Instant now = clock.instant();
        if (cached == null || !token.get().matches(cached.secretSha256()) || cached.revokedAt() != null
                || cached.expiresAt() != null && !now.isBefore(cached.expiresAt())) {
            return Optional.empty();
        }
        noteUse(token.get().id(), now);
        return Optional.of(cached.principal());
    }

    /** Whether the key with this id still admits its holder (not revoked, not expired); cached like every check. */
    public boolean keyInForce(String keyId) {
        CachedKey cached = cachedKey(keyId);
        Instant now = clock.instant();
        return cached != null && cached.revokedAt() == null
                && (cached.expiresAt() == null || now.isBefore(cached.expiresAt()));
    }

    /**
     * The user with this name and password.
     *
     * @throws IdentityException THROTTLED after too many failures for the name
     */
    public Optional<Principal> authenticatePassword(String username, String password) {
        String name = normalise(username); // the same name for the throttle as for the lookup
        long wait = throttle.attempt(name, clock.instant());
        if (wait > 0) {
            throw new IdentityException(IdentityException.Reason.THROTTLED,
                    "too many failed logins for this user; try again in " + wait + " s", wait);
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, username, password_hash, system_admin, rate_limit_per_minute from users where username = ?", name);
        // a user of an identity provider has no password here: compared with the dummy, it never matches
        String hash = rows.isEmpty() || rows.get(0).get("password_hash") == null ? dummyHash
                : (String) rows.get(0).get("password_hash");
        boolean matches = password != null && passwords.matches(password, hash);
        if (rows.isEmpty() || rows.get(0).get("password_hash") == null || !matches) {
            return Optional.empty(); // the attempt stays counted
        }
        throttle.succeeded(name);
        Map<String, Object> row = rows.get(0);
        return Optional.of(new Principal((UUID) row.get("id"), (String) row.get("username"),
                (Boolean) row.get("system_admin"), null, (Integer) row.get("rate_limit_per_minute")));
    }

    // ---- users -----------------------------------------------------------------------------------

    /** @throws IdentityException INVALID for a bad name or password, CONFLICT for a taken name */
    public Principal createUser(String username, String password, boolean systemAdmin) {
        String name = normalise(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new IdentityException(IdentityException.Reason.INVALID,
                    "a username is 2 to 63 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
        checkPassword(password);
        UUID id = UUID.randomUUID();
        String hash = passwords.encode(password);
        Instant now = clock.instant();
        Principal user = new Principal(id, name, systemAdmin, null, null);
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.update("insert into users (id, username, password_hash, system_admin, created_at) values (?, ?, ?, ?, ?)",
                        id, name, hash, systemAdmin, Timestamp.from(now));
                audit.userCreated(user, now);
            });
        } catch (DuplicateKeyException e) {
            throw new IdentityException(IdentityException.Reason.CONFLICT, "the username " + name + " is taken");
        }
        return user;
    }

    /**
     * The user an identity provider knows as {@code subject}, made on their first request: named
     * after {@code preferredName} when it is a valid username nobody has, else after it with a
     * number, else {@code user-<n>}. They have no password here.
     */
    public Principal externalUser(String issuer, String subject, String preferredName) {
        Optional<Principal> known = jdbc.query("""
                        select id, username, system_admin, rate_limit_per_minute from users
                        where external_issuer = ? and external_subject = ?""", IdentityService::user, issuer, subject)
                .stream().findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        String base = normalise(preferredName == null ? "" : preferredName).replaceAll("[^a-z0-9._-]", "-");
        if (base.length() > 56) {
            base = base.substring(0, 56);
        }
        if (!USERNAME.matcher(base).matches()) {
            base = "user";
        }
        Instant now = clock.instant();
        for (int n = 1; n <= 50; n++) {
            String name = n == 1 && !base.equals("user") ? base : base + "-" + n;
            UUID id = UUID.randomUUID();
            Principal user = new Principal(id, name, false, null, null);
            try {
                transactions.executeWithoutResult(status -> {
                    jdbc.update("""
                            insert into users (id, username, password_hash, system_admin, created_at, external_issuer,
                                               external_subject) values (?, ?, null, false, ?, ?, ?)""",
                            id, name, Timestamp.from(now), issuer, subject);
                    audit.userCreated(user, now);
                });
                return user;
            } catch (DuplicateKeyException e) {
                // the name is taken, or the same person's first two requests raced: look again
                Optional<Principal> raced = jdbc.query("""
                                select id, username, system_admin, rate_limit_per_minute from users
                                where external_issuer = ? and external_subject = ?""", IdentityService::user, issuer,
                        subject).stream().findFirst();
                if (raced.isPresent()) {
                    return raced.get();
                }
            }
        }
        throw new IdentityException(IdentityException.Reason.CONFLICT,
                "no free username for " + preferredName + " of " + issuer);
    }

    /**
     * Sets the user's own request limit (null: the installation's default). Keys pick it up within
     * their cache time; a browser session at its next sign-in.
     */
    public void setRateLimit(UUID userId, Integer perMinute) {
        if (perMinute != null && perMinute < 1) {
            throw new IdentityException(IdentityException.Reason.INVALID, "a rate limit is at least 1 request per minute");
        }
        transactions.executeWithoutResult(status -> {
            if (jdbc.update("update users set rate_limit_per_minute = ? where id = ?", perMinute, userId) != 1) {
                throw new IdentityException(IdentityException.Reason.NOT_FOUND, "no user " + userId);
            }
            audit.rateLimitSet(userId, perMinute, clock.instant());
        });
        keyCache.clear();
    }

    /** @throws IdentityException NOT_FOUND for an unknown name */
    public Principal user(String username) {
        return jdbc.query("select id, username, system_admin, rate_limit_per_minute from users where username = ?",
                        IdentityService::user, normalise(username)).stream().findFirst()
                .orElseThrow(() -> new IdentityException(IdentityException.Reason.NOT_FOUND, "no user " + username));
    }

    private static Principal user(ResultSet rs, int row) throws SQLException {
        return new Principal((UUID) rs.getObject("id"), rs.getString("username"), rs.getBoolean("system_admin"), null,
                (Integer) rs.getObject("rate_limit_per_minute"));
    }

    /** Every user, by name. */
    public List<Principal> users() {
        return jdbc.query("select id, username, system_admin, rate_limit_per_minute from users order by username",
                IdentityService::user);
    }

    public boolean anyUser() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from users)", Boolean.class));
    }

    // ---- keys ------------------------------------------------------------------------------------

    /**
     * A new key for {@code userId}; the returned {@link IssuedKey#key()} is its only copy.
     *
     * @param expiresAt null: never
     * @throws IdentityException INVALID for a bad name or an expiry in the past, CONFLICT past {@value #MAX_KEYS_PER_USER} keys
     */
    public IssuedKey issueKey(UUID userId, String name, Instant expiresAt) {
        return issueKey(userId, name, expiresAt, ApiKeyToken.generate(random), null);
    }

    /**
     * A new key asked for by {@code caller}: made with an API key, it expires no later than that
     * key (a leaked key must not be able to mint one that outlives it).
     */
    public IssuedKey issueKey(Principal caller, String name, Instant expiresAt) {
        return issueKey(caller.userId(), name, capped(caller, expiresAt));
    }

    /** @param rotatedFrom the key this one replaces, or null */
    IssuedKey issueKey(UUID userId, String name, Instant expiresAt, ApiKeyToken token, String rotatedFrom) {
        Instant now = clock.instant();
        if (name == null || name.isBlank() || name.length() > MAX_KEY_NAME) {
            throw new IdentityException(IdentityException.Reason.INVALID, "a key's name is 1 to " + MAX_KEY_NAME + " characters");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new IdentityException(IdentityException.Reason.INVALID, "a key's expiry must lie in the future");
        }
        Integer inForce = jdbc.queryForObject("select count(*) from api_keys where user_id = ? and revoked_at is null",
                Integer.class, userId);
        if (inForce != null && inForce >= MAX_KEYS_PER_USER) {
            throw new IdentityException(IdentityException.Reason.CONFLICT,
                    "at most " + MAX_KEYS_PER_USER + " keys may be in force per user; revoke one first");
        }
        Instant created = now.truncatedTo(ChronoUnit.MILLIS);
        ApiKeyInfo info = new ApiKeyInfo(token.id(), name.strip(), created, expiresAt, null, null);
        transactions.executeWithoutResult(status -> {
            jdbc.update("insert into api_keys (id, user_id, name, secret_sha256, created_at, expires_at) values (?, ?, ?, ?, ?, ?)",
                    token.id(), userId, info.name(), token.secretSha256(), Timestamp.from(created),
                    expiresAt == null ? null : Timestamp.from(expiresAt));
            audit.keyIssued(userId, info, rotatedFrom);
        });
        return new IssuedKey(info, token.value());
    }

    /** The user's keys, newest first, revoked ones included. */
    public List<ApiKeyInfo> keys(UUID userId) {
        return jdbc.query("select id, name, created_at, expires_at, last_used_at, revoked_at from api_keys "
                + "where user_id = ? order by created_at desc, id", IdentityService::keyInfo, userId);
    }

    /** @throws IdentityException NOT_FOUND when the user has no such key */
    public ApiKeyInfo revokeKey(UUID userId, String keyId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ApiKeyInfo revoked = transactions.execute(status -> {
            ApiKeyInfo key = key(userId, keyId);
            if (jdbc.update("update api_keys set revoked_at = ? where id = ? and user_id = ? and revoked_at is null",
                    Timestamp.from(now), keyId, userId) == 1) {
                audit.keyRevoked(userId, keyId, now);
            }
            return key(userId, key.id());
        });
        evict(keyId);
        return revoked;
    }

    /**
     * A new key with the old one's name and expiry (capped as {@link #issueKey(Principal, String, Instant)}
     * caps), and the old one revoked, in one transaction. An expired or revoked key is not rotated:
     * of two rotations at once, one wins and the other is refused.
     */
    public IssuedKey rotateKey(Principal caller, String keyId) {
        IssuedKey issued = transactions.execute(status -> {
            ApiKeyInfo old = key(caller.userId(), keyId);
            if (!old.usableAt(clock.instant())) {
                throw new IdentityException(IdentityException.Reason.CONFLICT,
                        "key " + keyId + " is revoked or expired; create a new one instead");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            int revoked = jdbc.update("update api_keys set revoked_at = ? where id = ? and user_id = ? and revoked_at is null",
                    Timestamp.from(now), keyId, caller.userId());
            if (revoked != 1) {
                throw new IdentityException(IdentityException.Reason.CONFLICT, "key " + keyId + " was rotated meanwhile");
            }
            audit.keyRevoked(caller.userId(), keyId, now);
            return issueKey(caller.userId(), old.name(), capped(caller, old.expiresAt()), ApiKeyToken.generate(random),
                    keyId);
        });
        evict(keyId); // after the commit: a request in between may have cached the row as it was
        return issued;
    }

    private Instant capped(Principal caller, Instant expiresAt) {
        if (caller.keyId() == null) {
            return expiresAt;
        }
        CachedKey callerKey = cachedKey(caller.keyId());
        Instant limit = callerKey == null ? null : callerKey.expiresAt();
        return limit == null || expiresAt != null && expiresAt.isBefore(limit) ? expiresAt : limit;
    }

    private ApiKeyInfo key(UUID userId, String keyId) {
        List<ApiKeyInfo> found = jdbc.query("select id, name, created_at, expires_at, last_used_at, revoked_at "
                + "from api_keys where id = ? and user_id = ?", IdentityService::keyInfo, keyId, userId);
        if (found.isEmpty()) {
            throw new IdentityException(IdentityException.Reason.NOT_FOUND, "no key " + keyId);
        }
        return found.get(0);
    }

    // ---- internals -------------------------------------------------------------------------------

    /** Drops a key from this node's cache, and keeps a load that was under way from putting it back. */
    private void evict(String keyId) {
        evictedAt.put(keyId, System.nanoTime());
        keyCache.remove(keyId);
    }

    private CachedKey cachedKey(String keyId) {
        CachedKey cached = keyCache.get(keyId);
        long started = System.nanoTime();
        if (cached != null && started - cached.loadedAtNanos() < KEY_CACHE_TTL.toNanos()) {
            return cached;
        }
        List<CachedKey> rows = jdbc.query("select k.id, k.secret_sha256, k.expires_at, k.revoked_at, u.id as user_id, "
                + "u.username, u.system_admin, u.rate_limit_per_minute from api_keys k join users u on u.id = k.user_id "
                + "where k.id = ?",
                (rs, i) -> new CachedKey(new Principal((UUID) rs.getObject("user_id"), rs.getString("username"),
                        rs.getBoolean("system_admin"), rs.getString("id"), (Integer) rs.getObject("rate_limit_per_minute")),
                        rs.getString("secret_sha256"),
                        instant(rs, "expires_at"), instant(rs, "revoked_at"), System.nanoTime()), keyId);
        if (rows.isEmpty()) {
            keyCache.remove(keyId);
            return null;
        }
        if (keyCache.size() > 10_000) {
            keyCache.clear();
        }
        Long evicted = evictedAt.get(keyId);
        if (evicted == null || evicted - started < 0) { // not evicted while this row was being read
            keyCache.put(keyId, rows.get(0));
        }
        return rows.get(0);
    }

    private void noteUse(String keyId, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        Instant previous = lastUseWritten.put(keyId, minute);
        if (!minute.equals(previous)) {
            jdbc.update("update api_keys set last_used_at = ? where id = ?", Timestamp.from(minute), keyId);
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IdentityException(IdentityException.Reason.INVALID,
                    "a password is at least " + MIN_PASSWORD_LENGTH + " characters and at most "
                            + MAX_PASSWORD_BYTES + " bytes");
        }
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static ApiKeyInfo keyInfo(ResultSet rs, int row) throws SQLException {
        return new ApiKeyInfo(rs.getString("id"), rs.getString("name"), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
