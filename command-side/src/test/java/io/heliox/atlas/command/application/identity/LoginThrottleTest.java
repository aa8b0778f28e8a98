package io.heliox.atlas.command.application.identity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void fiveFailuresAreFreeThenEachLocksTwiceAsLongUpToFifteenMinutes() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("Admin", T0);
            assertThat(throttle.retryAfter("admin", T0)).isZero();
        }
        throttle.failed("admin", T0);
        assertThat(throttle.retryAfter("ADMIN", T0)).isEqualTo(1);
        throttle.failed("admin", T0);
        assertThat(throttle.retryAfter("admin", T0)).isEqualTo(2);
        throttle.failed("admin", T0);
        assertThat(throttle.retryAfter("admin", T0)).isEqualTo(4);
        assertThat(throttle.retryAfter("admin", T0.plusSeconds(4))).isZero();
        for (int i = 0; i < 40; i++) {
            throttle.failed("admin", T0);
        }
        assertThat(throttle.retryAfter("admin", T0)).isEqualTo(LoginThrottle.MAX_LOCK.toSeconds());
        assertThat(throttle.retryAfter("someone-else", T0)).isZero();
    }

    @Test
    void aSuccessClearsTheCount() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < 8; i++) {
            throttle.failed("trader", T0);
        }
        throttle.succeeded("trader");
        assertThat(throttle.retryAfter("trader", T0)).isZero();
        throttle.failed("trader", T0);
        assertThat(throttle.retryAfter("trader", T0)).isZero();
    }
}
