package io.heliox.atlas.command.application.billing;

import io.heliox.atlas.api.usage.Meter;
import io.heliox.atlas.api.usage.SetBillingCustomerCommand;
import io.heliox.atlas.kernel.CanonicalJson;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.heliox.atlas.api.usage.UsageCommand.usageId;

/**
 * Pushes the usage ledger's closed days to the billing provider: each row of {@code usage_ledger}
 * of a day that ended (UTC, with a few minutes' grace for clocks) in a workspace billed to a
 * customer becomes one {@link MeterEvent}, sent once. A line is claimed in {@code billing_pushes}
 * before it is sent, so two pushers (two nodes, a manual push during the scheduled one) never send
 * it at once; it is sent under an identifier derived from the line, so a retry after a lost answer
 * is billed once by the provider too. A line the provider refuses for good is kept as
 * {@code rejected} with its reason; one that failed otherwise is tried again by the next push.
 */
public class BillingExport {

    /** How long after midnight a day counts as closed: clocks of the nodes may be this far apart. */
    static final Duration GRACE = Duration.ofMinutes(5);
    /** A line claimed this long ago and still "sending" belongs to a pusher that died: claim it again. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(BillingExport.class);

    /** What a push did; {@code pending} lines wait for a later push (failed, or claimed by another pusher). */
    public record PushReport(int sent, int rejected, int failed, int pending) {
    }

    /** One row of the ledger to bill. */
    private record Line(UUID workspace, LocalDate day, Meter meter, String provider, String model, long quantity,
                        String customer) {
    }

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Optional<BillingProvider> provider;
    private final Clock clock;

    /** @param provider empty when no billing provider is configured (ATLAS_BILLING_PROVIDER=none) */
    public BillingExport(JdbcTemplate jdbc, CommandGateway commands, Optional<BillingProvider> provider, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.provider = provider;
        this.clock = clock;
    }

    public Optional<String> providerName() {
        return provider.map(BillingProvider::name);
    }

    /** Bills the workspace's usage to {@code customerId} from now on (null: to nobody); an event of its ledger. */
    public void setCustomer(UUID workspace, String customerId) {
        commands.sendAndWait(new SetBillingCustomerCommand(usageId(workspace), workspace, customerId, clock.instant()));
    }

    public Optional<String> customer(UUID workspace) {
        return jdbc.queryForList("select billing_customer from workspace_usage where workspace_id = ?", String.class,
                workspace).stream().filter(c -> c != null).findFirst();
    }

    /** The workspace's pushed lines by status ({@code sent}, {@code rejected}, {@code failed}, {@code sending}). */
    public Map<String, Long> lines(UUID workspace) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("select status, count(*) from billing_pushes where workspace_id = ? group by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, workspace);
        return counts;
    }

    /** Sends every closed day's line not sent yet; empty report when no provider is configured. */
    public PushReport pushClosedDays() {
        if (provider.isEmpty()) {
            return new PushReport(0, 0, 0, 0);
        }
        LocalDate firstOpenDay = LocalDate.ofInstant(clock.instant().minus(GRACE), ZoneOffset.UTC);
        int sent = 0;
        int rejected = 0;
        int failed = 0;
        int pending = 0;
        // keyset paging in the lines' order: a line that fails stays behind this push, the next one retries it
        Line after = null;
        List<Line> lines;
        do {
            lines = open(firstOpenDay, after);
            for (Line line : lines) {
                String identifier = identifier(line);
                if (!claim(line, identifier)) {
                    pending++;
                    continue;
                }
                switch (send(line, identifier)) {
                    case "sent" -> sent++;
                    case "rejected" -> rejected++;
                    default -> failed++;
                }
            }
            after = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        } while (lines.size() == BATCH);
        if (sent + rejected + failed > 0) {
            log.info("billing push to {}: {} sent, {} rejected, {} failed, {} pending", provider.get().name(), sent,
                    rejected, failed, pending);
        }
        return new PushReport(sent, rejected, failed, pending);
    }

    /** The closed days' lines not sent yet, in their order, after {@code after} (null: from the first). */
    private List<Line> open(LocalDate firstOpenDay, Line after) {
        String sql = """
                select l.workspace_id, l.day, l.meter, l.provider, l.model, l.quantity, u.billing_customer
                from usage_ledger l join workspace_usage u on u.workspace_id = l.workspace_id
                where u.billing_customer is not null and l.day < ? and l.quantity > 0
                  and not exists (select 1 from billing_pushes p where p.workspace_id = l.workspace_id and p.day = l.day
                                  and p.meter = l.meter and p.provider = l.provider and p.model = l.model
                                  and p.status in ('sent', 'rejected'))
                """ + (after == null ? "" : "  and (l.day, l.workspace_id, l.meter, l.provider, l.model) > (?, ?, ?, ?, ?)\n")
                + "order by l.day, l.workspace_id, l.meter, l.provider, l.model limit ?";
        Object[] args = after == null ? new Object[] {Date.valueOf(firstOpenDay), BATCH}
                : new Object[] {Date.valueOf(firstOpenDay), Date.valueOf(after.day()), after.workspace(),
                        after.meter().wireName(), after.provider(), after.model(), BATCH};
        return jdbc.query(sql, (rs, i) -> new Line((UUID) rs.getObject(1), rs.getDate(2).toLocalDate(),
                Meter.fromWire(rs.getString(3)).orElseThrow(), rs.getString(4), rs.getString(5), rs.getLong(6),
                rs.getString(7)), args);
    }

    /** Takes the line for this pusher: new, failed before, or claimed by a pusher that died. */
    private boolean claim(Line line, String identifier) {
        Instant now = clock.instant();
        return !jdbc.queryForList("""
                insert into billing_pushes (workspace_id, day, meter, provider, model, identifier, quantity, status, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'sending', ?)
                on conflict (workspace_id, day, meter, provider, model) do update
                  set status = 'sending', attempts = billing_pushes.attempts + 1, updated_at = excluded.updated_at
                  where billing_pushes.status = 'failed'
                     or (billing_pushes.status = 'sending' and billing_pushes.updated_at < ?)
                returning identifier""", String.class,
                line.workspace(), Date.valueOf(line.day()), line.meter().wireName(), line.provider(), line.model(),
                identifier, line.quantity(), Timestamp.from(now), Timestamp.from(now.minus(STALE_CLAIM))).isEmpty();
    }

    private String send(Line line, String identifier) {
        String status;
        String error = null;
        try {
            provider.get().send(event(line, identifier));
            status = "sent";
        } catch (BillingProvider.BillingFailure e) {
            status = e.retryable() ? "failed" : "rejected";
            error = e.getMessage();
            log.warn("billing line {} ({} {} of {} on {}) {}: {}", identifier, line.quantity(), line.meter().wireName(),
                    line.workspace(), line.day(), status, e.getMessage());
        }
        jdbc.update("update billing_pushes set status = ?, last_error = ?, updated_at = ? where identifier = ?",
                status, error, Timestamp.from(clock.instant()), identifier);
        return status;
    }

    static MeterEvent event(Line line, String identifier) {
        Map<String, String> dimensions = line.meter() == Meter.MODEL_TOKENS
                ? Map.of("model_provider", line.provider(), "model", line.model()) : Map.of();
        Instant endOfDay = line.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
        return new MeterEvent(identifier, eventName(line.meter()), line.customer(), line.quantity(), endOfDay, dimensions);
    }

    /** {@code atlas_model_tokens}: the meter's name as a Stripe event name. */
    static String eventName(Meter meter) {
        return "atlas_" + meter.wireName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** The same line, whoever pushes it and however often: a hash of what names it. */
    private static String identifier(Line line) {
        String name = String.join("|", line.workspace().toString(), line.day().toString(), line.meter().wireName(),
                line.provider(), line.model());
        return "atlas-" + CanonicalJson.sha256(name.getBytes(StandardCharsets.UTF_8)).substring(0, 40);
    }
}
