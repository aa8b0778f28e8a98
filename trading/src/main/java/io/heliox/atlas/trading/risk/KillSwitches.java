package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.order.TradingState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which kill switches are on, as an immutable value and a pure state machine: a command is decided
 * into at most one event ({@link #decide(EngageKillSwitch)}, {@link #decide(ReleaseKillSwitch)}), and
 * the events applied in order ({@link #apply}) rebuild the same switches, so the switches survive a
 * restart as the events that set them.
 *
 * <p>Engage and release are idempotent: engaging a switch that is on, or releasing one that is off,
 * decides no event, so a button pressed twice or a retried request changes nothing twice. A switch
 * halts every session under its scope; releasing one scope does not release another that also covers
 * a session (a session released while its account is killed stays HALTED).
 *
 * @param engaged the switches that are on, by scope, with the event that turned each on
 */
public record KillSwitches(Map<KillScope, KillSwitchEngaged> engaged) {

    public KillSwitches {
        engaged = Map.copyOf(engaged);
    }

    public static KillSwitches none() {
        return new KillSwitches(Map.of());
    }

    /** The event an engage command causes: none when the switch is already on. */
    public Optional<KillSwitchEngaged> decide(EngageKillSwitch command) {
        if (engaged.containsKey(command.scope())) {
            return Optional.empty();
        }
        return Optional.of(new KillSwitchEngaged(command.scope(), command.principal(), command.reason(), command.at()));
    }

    /** The event a release command causes: none when the switch is off. */
    public Optional<KillSwitchReleased> decide(ReleaseKillSwitch command) {
        if (!engaged.containsKey(command.scope())) {
            return Optional.empty();
        }
        return Optional.of(new KillSwitchReleased(command.scope(), command.principal(), command.reason(), command.at()));
    }

    public KillSwitches apply(KillSwitchEngaged event) {
        Map<KillScope, KillSwitchEngaged> next = new HashMap<>(engaged);
        next.putIfAbsent(event.scope(), event);
        return new KillSwitches(next);
    }

    public KillSwitches apply(KillSwitchReleased event) {
        Map<KillScope, KillSwitchEngaged> next = new HashMap<>(engaged);
        next.remove(event.scope());
        return new KillSwitches(next);
    }

    public boolean isEngaged(KillScope scope) {
        return engaged.containsKey(scope);
    }

    /** The switches that halt this session, widest scope first; empty when none does. */
    public List<KillSwitchEngaged> halting(SessionRef session) {
        List<KillSwitchEngaged> halting = new ArrayList<>();
        for (KillScope scope : session.enclosingScopes()) {
            KillSwitchEngaged on = engaged.get(scope);
            if (on != null) {
                halting.add(on);
            }
        }
        return halting;
    }

    /** The session's effective state: HALTED under any engaged switch, else its own state. */
    public TradingState effectiveState(SessionRef session, TradingState own) {
        for (KillScope scope : session.enclosingScopes()) {
            if (engaged.containsKey(scope)) {
                return TradingState.HALTED;
            }
        }
        return own;
    }
}
