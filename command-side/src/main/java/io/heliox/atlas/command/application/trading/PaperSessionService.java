package io.heliox.atlas.command.application.trading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heliox.atlas.api.NotFoundException;
import io.heliox.atlas.api.RunId;
import io.heliox.atlas.api.portfolio.PortfolioItemSavedEvent;
import io.heliox.atlas.api.trading.ChangeSessionRiskLimitsCommand;
import io.heliox.atlas.api.trading.EngageSessionKillSwitchCommand;
import io.heliox.atlas.api.trading.EngageTradingKillSwitchCommand;
import io.heliox.atlas.api.trading.ReleaseTradingKillSwitchCommand;
import io.heliox.atlas.command.trading.KillSwitchFanOut;
import io.heliox.atlas.command.trading.TradingKillSwitch;
import org.springframework.jdbc.core.JdbcTemplate;
import io.heliox.atlas.api.trading.ReleaseSessionKillSwitchCommand;
import io.heliox.atlas.api.trading.StartPaperSessionCommand;
import io.heliox.atlas.api.trading.StopPaperSessionCommand;
import io.heliox.atlas.api.workspace.Scope;
import io.heliox.atlas.command.application.PackageService;
import io.heliox.atlas.command.trading.PaperSessionSettings;
import io.heliox.atlas.kernel.CanonicalJson;
import io.heliox.atlas.packaging.HspVerifier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Deploys portfolio items onto paper accounts and controls the sessions: what the paper-session
 * endpoints call. A deployment verifies the item's signed package first, so the strategy that trades
 * is exactly the one its package signs; the settings are the request's, checked
 * ({@link PaperSessionSettings}) before anything is recorded.
 */
public class PaperSessionService {

    /** A deployment refused for the item's package: missing, or not verifying. */
    public static final class PackageRefused extends RuntimeException {
        private final String code;

        PackageRefused(String code, String message) {
            super(message);
            this.code = code;
        }

        /** {@code package-missing} or {@code package-invalid}. */
        public String code() {
            return code;
        }
    }

    /** Bad settings: the JSON pointer into the request and what is wrong there. */
    public static final class BadSettings extends RuntimeException {
        private final String pointer;

        BadSettings(String pointer, String message) {
            super(message);
            this.pointer = pointer;
        }

        /** A settings error whose message starts with its pointer ({@code /risk/maxPosition: ...}); else {@code otherwise}. */
        static BadSettings of(IllegalArgumentException e, String otherwise) {
            String message = e.getMessage() == null ? "bad settings" : e.getMessage();
            int colon = message.indexOf(':');
            String pointer = message.startsWith("/") && colon > 0 ? message.substring(0, colon) : otherwise;
            return new BadSettings(pointer.equals("/") ? "" : pointer, message);
        }

        public String pointer() {
            return pointer;
        }
    }

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final PackageService packages;
    private final KillSwitchFanOut killSwitches;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PaperSessionService(CommandGateway commands, EventStore eventStore, PackageService packages,
                               KillSwitchFanOut killSwitches, JdbcTemplate jdbc, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.packages = packages;
        this.killSwitches = killSwitches;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Starts a session from a {@code paper-session-request} body (already schema-checked), in
     * {@code workspace} (the caller's: a system administrator's scope is every workspace).
     *
     * @return the new session's id
     * @throws NotFoundException  when no portfolio item of this scope has the id
     * @throws PackageRefused     when the item has no package, or its package does not verify
     * @throws BadSettings        when a setting is wrong in a way the schema cannot say (the scenario)
     */
    public UUID deploy(JsonNode request, Scope scope, UUID workspace, String principal) {
        UUID itemId = UUID.fromString(request.get("portfolioItemId").asText());
        PortfolioItemSavedEvent item = item(itemId, scope);
        verifyPackage(item, scope);
        UUID session = UUID.randomUUID();
        ObjectNode settings = request.deepCopy();
        settings.remove("portfolioItemId");
        settings.set("strategy", item.strategy());
        if (!settings.has("accountId")) {
            settings.put("accountId", "paper-" + session.toString().substring(0, 8));
        }
        if (!settings.has("instrument")) {
            settings.putObject("instrument").put("symbol", "SYNTH").put("venue", "PAPER").put("assetClass", "crypto")
                    .put("tickSize", "0.01").put("lotSize", "0.0001").put("currency", "USD");
        }
        if (!settings.has("barEveryMs")) {
            settings.put("barEveryMs", 100);
        }
        settings.put("portfolioItemId", itemId.toString());
        try {
            PaperSessionSettings.parse(settings);
        } catch (IllegalArgumentException e) {
            throw BadSettings.of(e, "");
        }
        commands.sendAndWait(new StartPaperSessionCommand(session, settings, principal, clock.instant()));
        // A switch engaged over its account (or everything) halts it from its first bar. Read after the
        // start committed: a switch engaged meanwhile either sees this session in its fan-out or is seen here.
        killSwitches.applyEngaged(session, workspace, settings.get("accountId").asText());
        return session;
    }

    public void kill(UUID session, String principal, String reason) {
        commands.sendAndWait(new EngageSessionKillSwitchCommand(session, principal, reason == null ? "" : reason,
                clock.instant()));
    }

    /** @throws BadSettings ("/reason") without a reason: releasing is an audited decision */
    public void release(UUID session, String principal, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadSettings("/reason", "releasing a kill switch is an audited decision: give a reason");
        }
        commands.sendAndWait(new ReleaseSessionKillSwitchCommand(session, principal, reason, clock.instant()));
    }

    /**
     * Replaces the session's risk limits with the {@code risk} document (as in the settings: absent
     * limits are off). Limits equal to those in force record nothing.
     *
     * @throws BadSettings    without a reason, or for a bad limit (its pointer under {@code /risk})
     * @throws SessionStopped when the session has stopped
     */
    public void changeRiskLimits(UUID session, JsonNode risk, String principal, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadSettings("/reason", "changing risk limits is an audited decision: give a reason");
        }
        try {
            commands.sendAndWait(new ChangeSessionRiskLimitsCommand(session, risk, principal, reason, clock.instant()));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException bad) {
                    throw BadSettings.of(bad, "/risk");
                }
                if (cause instanceof IllegalStateException stopped) {
                    throw new SessionStopped(stopped.getMessage());
                }
            }
            throw e;
        }
    }

    /** The session has stopped: what it was asked applies to running sessions only. */
    public static final class SessionStopped extends RuntimeException {
        public SessionStopped(String message) {
            super(message);
        }
    }

    /**
     * Engages the kill switch over {@code accountId}'s sessions in {@code workspace}, or the global
     * one ({@code accountId} null; the caller checked it is a system administrator). Every running
     * session under it halts before this returns; engaging it again changes nothing.
     */
    public void engageKillSwitch(UUID workspace, String accountId, String principal, String reason) {
        Instant at = clock.instant();
        String why = reason == null ? "" : reason;
        commands.sendAndWait(new EngageTradingKillSwitchCommand(switchId(workspace, accountId),
                accountId == null ? "global" : "account", accountId, principal, why, at));
        // every time, even when it was engaged already: a fan-out cut short before is completed now
        killSwitches.fanOut(workspace, accountId, true, principal, why, at);
    }

    /**
     * Releases an account's or the global kill switch; its sessions trade again unless another switch
     * (their own, the other scope's) still holds them.
     *
     * @throws BadSettings ("/reason") without a reason: releasing is an audited decision
     */
    public void releaseKillSwitch(UUID workspace, String accountId, String principal, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadSettings("/reason", "releasing a kill switch is an audited decision: give a reason");
        }
        UUID id = switchId(workspace, accountId);
        Boolean engaged = jdbc.query("select engaged from trading_kill_switches where id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, id);
        if (Boolean.TRUE.equals(engaged)) { // one never engaged does not exist: nothing to release
            Instant at = clock.instant();
            commands.sendAndWait(new ReleaseTradingKillSwitchCommand(id, accountId == null ? "global" : "account",
                    accountId, principal, reason, at));
            killSwitches.fanOut(workspace, accountId, false, principal, reason, at);
        }
    }

    private static UUID switchId(UUID workspace, String accountId) {
        return accountId == null ? TradingKillSwitch.globalId() : TradingKillSwitch.accountId(workspace, accountId);
    }

    public void stop(UUID session, String principal, String reason) {
        commands.sendAndWait(new StopPaperSessionCommand(session, principal, reason == null ? "" : reason,
                clock.instant()));
    }

    private PortfolioItemSavedEvent item(UUID itemId, Scope scope) {
        DomainEventStream stream = eventStore.readEvents(itemId.toString(), 0);
        if (!stream.hasNext()) {
            throw new NotFoundException("no portfolio item " + itemId);
        }
        DomainEventMessage<?> first = stream.next();
        if (!(first.getPayload() instanceof PortfolioItemSavedEvent saved) || !scope.admits(first)) {
            throw new NotFoundException("no portfolio item " + itemId);
        }
        return saved;
    }

    /**
     * The run's package of the item's strategy verifies, and its signed {@code strategy.json} (the DSL
     * as canonical JSON) is exactly the item's strategy.
     */
    private void verifyPackage(PortfolioItemSavedEvent item, Scope scope) {
        JsonNode ref = item.packageRef();
        if (ref == null || ref.isNull() || item.runId() == null) {
            throw new PackageRefused("package-missing", "portfolio item " + item.itemId() + " has no signed package: "
                    + "only a strategy saved from a run that ranked it can be deployed");
        }
        byte[] bytes = packages.runPackage(RunId.of(item.runId().toString()), item.strategy().path("id").asText(), scope)
                .bytes();
        HspVerifier.Verification verification = packages.verify(bytes);
        String contentHash = CanonicalJson.sha256(item.strategy());
        if (!verification.valid()) {
            throw new PackageRefused("package-invalid", "the package of portfolio item " + item.itemId()
                    + " does not verify: " + verification.problems());
        }
        String signed = null;
        for (JsonNode file : verification.manifest().path("files")) {
            if ("strategy.json".equals(file.path("path").asText())) {
                signed = file.path("sha256").asText();
            }
        }
        if (!contentHash.equals(signed)) {
            throw new PackageRefused("package-invalid", "the package of portfolio item " + item.itemId()
                    + " signs another strategy than the item's");
        }
    }
}
