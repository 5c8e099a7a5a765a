package fr.novaevo.workstation.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    @Test
    void opensAfterConsecutiveFailuresAndClosesOnSuccess() {
        CircuitBreaker breaker = new CircuitBreaker(3);
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThat(breaker.probeSucceeded()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.consecutiveFailures()).isZero();
    }

    @Test
    void aFailureWhileHalfOpenOpensAgainAndASuccessResetsTheCount() {
        CircuitBreaker breaker = new CircuitBreaker(2);
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        assertThat(breaker.state()).as("not consecutive").isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.onFailure();
        breaker.probeSucceeded();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.probeSucceeded()).isTrue();
        assertThat(breaker.probeSucceeded()).as("only one probe lets a cycle through").isFalse();
    }
}
