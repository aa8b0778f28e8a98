package io.heliox.atlas.trading.risk;

import io.heliox.atlas.trading.order.TradingState;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KillSwitchesTest {

    private static final Instant T = Instant.parse("2026-03-04T15:00:00Z");
    private static final SessionRef S1 = new SessionRef("acct-1", "s1");
    private static final SessionRef S2 = new SessionRef("acct-1", "s2");
    private static final SessionRef OTHER = new SessionRef("acct-2", "s3");

    private KillSwitches switches = KillSwitches.none();

    private void engage(KillScope scope) {
        switches.decide(new EngageKillSwitch(scope, "bob", "", T)).ifPresent(e -> switches = switches.apply(e));
    }

    private void release(KillScope scope) {
        switches.decide(new ReleaseKillSwitch(scope, "alice", "checked", T)).ifPresent(e -> switches = switches.apply(e));
    }

    @Test
    void aSessionSwitchHaltsThatSessionOnly() {
        engage(KillScope.session("s1"));
        assertThat(switches.effectiveState(S1, TradingState.ACTIVE)).isEqualTo(TradingState.HALTED);
        assertThat(switches.effectiveState(S2, TradingState.REDUCING)).isEqualTo(TradingState.REDUCING);
    }

    @Test
    void anAccountSwitchHaltsEverySessionOfTheAccount() {
        engage(KillScope.account("acct-1"));
        assertThat(switches.effectiveState(S1, TradingState.ACTIVE)).isEqualTo(TradingState.HALTED);
        assertThat(switches.effectiveState(S2, TradingState.ACTIVE)).isEqualTo(TradingState.HALTED);
        assertThat(switches.effectiveState(OTHER, TradingState.ACTIVE)).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void theGlobalSwitchHaltsEverySession_andReleasingOneScopeLeavesTheOthers() {
        engage(KillScope.GLOBAL);
        engage(KillScope.session("s1"));
        assertThat(switches.effectiveState(OTHER, TradingState.ACTIVE)).isEqualTo(TradingState.HALTED);
        release(KillScope.GLOBAL);
        assertThat(switches.effectiveState(OTHER, TradingState.ACTIVE)).isEqualTo(TradingState.ACTIVE);
        assertThat(switches.effectiveState(S1, TradingState.ACTIVE)).isEqualTo(TradingState.HALTED);
        assertThat(switches.halting(S1)).extracting(KillSwitchEngaged::scope).containsExactly(KillScope.session("s1"));
    }

    @Test
    void theOwnStateIsKeptWhenItIsTheMostRestrictive() {
        assertThat(switches.effectiveState(S1, TradingState.HALTED)).isEqualTo(TradingState.HALTED);
        release(KillScope.session("s1"));
        assertThat(switches.effectiveState(S1, TradingState.HALTED)).isEqualTo(TradingState.HALTED);
    }

    @Test
    void engageAndReleaseAreIdempotent() {
        EngageKillSwitch engage = new EngageKillSwitch(KillScope.account("acct-1"), "bob", "runaway", T);
        KillSwitchEngaged engaged = switches.decide(engage).orElseThrow();
        switches = switches.apply(engaged);
        assertThat(switches.decide(engage)).isEmpty();
        assertThat(switches.apply(engaged)).isEqualTo(switches);
        ReleaseKillSwitch release = new ReleaseKillSwitch(KillScope.account("acct-1"), "alice", "fixed", T);
        switches = switches.apply(switches.decide(release).orElseThrow());
        assertThat(switches.decide(release)).isEmpty();
        assertThat(switches).isEqualTo(KillSwitches.none());
    }

    @Test
    void reEnablingNamesAPrincipalAndAReason() {
        assertThatThrownBy(() -> new ReleaseKillSwitch(KillScope.GLOBAL, "alice", "  ", T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReleaseKillSwitch(KillScope.GLOBAL, "", "fixed", T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngageKillSwitch(KillScope.GLOBAL, " ", "", T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KillScope(KillScope.Level.ACCOUNT, "*")).isInstanceOf(IllegalArgumentException.class);
    }
}
