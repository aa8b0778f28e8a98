package io.heliox.atlas.command.application.identity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void fiveAttemptsAreFreeThenEachLocksTwiceAsLongUpToFifteenMinutes() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.attempt("Admin", T0)).isZero();
        }
        assertThat(throttle.attempt("admin", T0)).as("the sixth goes ahead and locks").isZero();
        assertThat(throttle.attempt("ADMIN", T0)).isEqualTo(1);
        assertThat(throttle.attempt("admin", T0.plusSeconds(1))).isZero();
        assertThat(throttle.attempt("admin", T0.plusSeconds(1))).isEqualTo(2);
        assertThat(throttle.attempt("admin", T0.plusSeconds(3))).isZero();
        assertThat(throttle.attempt("admin", T0.plusSeconds(3))).isEqualTo(4);
        Instant later = T0.plusSeconds(7);
        for (int i = 0; i < 41; i++) { // odd: admitted (and locking) and waiting alternate, ending on admitted
            later = later.plusSeconds(throttle.attempt("admin", later));
        }
        assertThat(throttle.attempt("admin", later)).isEqualTo(LoginThrottle.MAX_LOCK.toSeconds());
        assertThat(throttle.attempt("someone-else", T0)).isZero();
    }

    @Test
    void aBurstCannotSlipInWhileTheFirstAttemptsAreBeingChecked() {
        LoginThrottle throttle = new LoginThrottle();
        int admitted = 0;
        for (int i = 0; i < 400; i++) { // 400 parallel requests, none finished yet
            if (throttle.attempt("admin", T0) == 0) {
                admitted++;
            }
        }
        assertThat(admitted).isEqualTo(LoginThrottle.FREE_FAILURES + 1);
    }

    @Test
    void aSuccessClearsTheCount() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < 5; i++) {
            throttle.attempt("trader", T0);
        }
        throttle.succeeded("trader");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.attempt("trader", T0)).isZero();
        }
    }
}
