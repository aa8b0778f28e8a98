package io.heliox.atlas.command.trading;

import io.heliox.atlas.api.trading.ApplyKillSwitchToSessionCommand;
import io.heliox.atlas.api.trading.ChangeSessionRiskLimitsCommand;
import io.heliox.atlas.api.trading.EngageSessionKillSwitchCommand;
import io.heliox.atlas.api.trading.PaperSessionStartedEvent;
import io.heliox.atlas.api.trading.PaperSessionStoppedEvent;
import io.heliox.atlas.api.trading.ProcessSessionBarCommand;
import io.heliox.atlas.api.trading.ReleaseSessionKillSwitchCommand;
import io.heliox.atlas.api.trading.SessionBarProcessedEvent;
import io.heliox.atlas.api.trading.SessionKillSwitchEvent;
import io.heliox.atlas.api.trading.SessionRiskLimitsChangedEvent;
import io.heliox.atlas.api.trading.StartPaperSessionCommand;
import io.heliox.atlas.api.trading.StopPaperSessionCommand;
import io.heliox.atlas.command.application.workspace.WorkspaceAccess;
import io.heliox.atlas.engine.scenario.ScenarioGenerator;
import io.heliox.atlas.trading.marketdata.BarReplayFeed;
import io.heliox.atlas.trading.marketdata.ManualPacer;
import io.heliox.atlas.trading.marketdata.ReplaySpeed;
import io.heliox.atlas.trading.risk.EngageKillSwitch;
import io.heliox.atlas.trading.risk.KillScope;
import io.heliox.atlas.trading.risk.ReleaseKillSwitch;
import io.heliox.atlas.trading.risk.SessionRef;
import io.heliox.atlas.trading.session.SessionEvent;
import io.heliox.atlas.trading.session.StrategySession;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A strategy deployed onto a paper account: the event-sourced home of a {@link StrategySession}.
 *
 * <p><b>Inputs and outputs.</b> The session's state is a pure function of its inputs, so only they
 * rebuild it: the settings ({@link PaperSessionStartedEvent}), each bar taken
 * ({@link SessionBarProcessedEvent}: the bar's number; the bars themselves follow from the scenario in
 * the settings), kill switches, risk-limit changes and the stop. Handling an input runs the session, and what it caused
 * (orders, fills, risk, the bar's equity) is recorded after it as output events for the read models;
 * on replay the inputs run the session again to the same state and the outputs are not needed (the
 * paper venue's book included: "rebuilt from the events"). A bar is taken once: a resent bar is a
 * no-op, so a feed that crashed between sending and hearing back never trades a bar twice.
 *
 * <p>Cached (a session runs thousands of bars; loading it from its events for each would run them
 * all again): {@code CommandSideConfiguration#paperSessionCache}.
 */
@Aggregate(cache = PaperSession.CACHE)
public class PaperSession {

    /** Who stops a session whose market data ended. */
    public static final String SYSTEM = WorkspaceAccess.SYSTEM_PRINCIPAL;
    public static final String CACHE = "paperSessionCache";

    @AggregateIdentifier
    private UUID sessionId;
    private transient StrategySession core;
    private transient BarReplayFeed feed;
    private transient PaperSessionSettings settings;
    private int nextBar;
    private boolean stopped;
    /** What the last input caused, for its command handler to record. */
    private transient List<SessionEvent> produced = List.of();

    protected PaperSession() {
    }

    @CommandHandler
    public PaperSession(StartPaperSessionCommand command) {
        PaperSessionSettings.parse(command.settings()); // bad settings are refused before anything is recorded
        apply(new PaperSessionStartedEvent(command.sessionId(), command.settings(), command.principal(), command.at()));
    }

    /** @return the next bar the session waits for */
    @CommandHandler
    public int handle(ProcessSessionBarCommand command) {
        if (stopped || command.bar() < nextBar) {
            return nextBar;
        }
        if (command.bar() > nextBar) {
            throw new IllegalStateException("session " + sessionId + " takes bar " + nextBar + " next, not "
                    + command.bar());
        }
        if (nextBar >= feed.size()) {
            apply(new PaperSessionStoppedEvent(sessionId, SYSTEM, "market_data.ended", command.at()));
            record(nextBar - 1, command.at());
            return nextBar;
        }
        int bar = nextBar;
        apply(new SessionBarProcessedEvent(sessionId, bar, feed.message(bar).time(), command.at()));
        record(bar, command.at());
        return nextBar;
    }

    @CommandHandler
    public void handle(EngageSessionKillSwitchCommand command) {
        apply(new SessionKillSwitchEvent(sessionId, true, command.principal(),
                command.reason() == null ? "" : command.reason(), command.at()));
        record(nextBar - 1, command.at());
    }

    @CommandHandler
    public void handle(ReleaseSessionKillSwitchCommand command) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IllegalArgumentException("releasing a kill switch is an audited decision: give a reason");
        }
        apply(new SessionKillSwitchEvent(sessionId, false, command.principal(), command.reason(), command.at()));
        record(nextBar - 1, command.at());
    }

    /** An account's or the global switch reaching this session; a stopped session has nothing to halt. */
    @CommandHandler
    public void handle(ApplyKillSwitchToSessionCommand command) {
        if (stopped) {
            return;
        }
        if (!command.scope().equals("account") && !command.scope().equals("global")) {
            throw new IllegalArgumentException("a kill switch's scope is account or global, not " + command.scope());
        }
        KillScope scope = scope(command.scope());
        boolean already = core.killSwitches().isEngaged(scope);
        if (already == command.engaged()) {
            return; // applied before (a fan-out sent twice): nothing changes, nothing is recorded
        }
        apply(new SessionKillSwitchEvent(sessionId, command.engaged(), command.principal(),
                command.reason() == null ? "" : command.reason(), command.at(), command.scope()));
        record(nextBar - 1, command.at());
    }

    /** @throws IllegalArgumentException without a reason, or for bad limits (the message starts with its pointer) */
    @CommandHandler
    public void handle(ChangeSessionRiskLimitsCommand command) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IllegalArgumentException("/reason: changing risk limits is an audited decision: give a reason");
        }
        if (stopped) {
            throw new IllegalStateException("session " + sessionId + " has stopped: its limits no longer apply");
        }
        if (PaperSessionSettings.riskLimits(command.risk(), settings.instrument()).equals(core.limits())) {
            return; // nothing changes, so nothing is recorded
        }
        apply(new SessionRiskLimitsChangedEvent(sessionId, command.risk(), command.principal(), command.reason(),
                command.at()));
        record(nextBar - 1, command.at());
    }

    @CommandHandler
    public void handle(StopPaperSessionCommand command) {
        if (!stopped) {
            apply(new PaperSessionStoppedEvent(sessionId, command.principal(),
                    command.reason() == null ? "" : command.reason(), command.at()));
            record(nextBar - 1, command.at());
        }
    }

    /** The outputs of the input just applied, as events after it. */
    private void record(int bar, Instant at) {
        List<SessionEvent> caused = produced;
        produced = List.of();
        for (Object event : SessionEventWire.events(sessionId, bar, caused, core, at)) {
            apply(event);
        }
    }

    // ---- the inputs, replayed ----------------------------------------------------------------------

    @EventSourcingHandler
    void on(PaperSessionStartedEvent event) {
        sessionId = event.sessionId();
        settings = PaperSessionSettings.parse(event.settings());
        feed = BarReplayFeed.ofScenario(settings.instrument().id(), settings.scenario(),
                ScenarioGenerator.generate(settings.scenario()), ReplaySpeed.barEvery(settings.barEvery()),
                new ManualPacer());
        core = new StrategySession(new SessionRef(settings.accountId(), sessionId.toString()), settings.instrument(),
                settings.strategy(), settings.execution(), settings.limits(), settings.venue(),
                feed.size() > 0 ? feed.openTime(0) : event.at());
    }

    @EventSourcingHandler
    void on(SessionBarProcessedEvent event) {
        produced = core.onBar(feed.message(event.bar()));
        nextBar = event.bar() + 1;
    }

    /** The scope a switch of {@code scope} ("session", "account", "global"; null: session) has over this session. */
    private KillScope scope(String scope) {
        if ("account".equals(scope)) {
            return KillScope.account(settings.accountId());
        }
        return "global".equals(scope) ? KillScope.GLOBAL : KillScope.session(sessionId.toString());
    }

    @EventSourcingHandler
    void on(SessionKillSwitchEvent event) {
        KillScope scope = scope(event.scope());
        produced = event.engaged()
                ? core.engage(new EngageKillSwitch(scope, event.principal(), event.reason(), event.at()))
                : core.release(new ReleaseKillSwitch(scope, event.principal(), event.reason(), event.at()));
    }

    /** In the session's own (market) time: a trading day is the market's, not the wall clock's. */
    @EventSourcingHandler
    void on(SessionRiskLimitsChangedEvent event) {
        produced = core.changeLimits(PaperSessionSettings.riskLimits(event.risk(), settings.instrument()),
                event.principal(), event.reason(), core.now());
    }

    @EventSourcingHandler
    void on(PaperSessionStoppedEvent event) {
        produced = core.stop(event.principal(), event.reason(), event.at());
        stopped = true;
    }
}
