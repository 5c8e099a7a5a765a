package fr.novaevo.workstation.obd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DriveCycleTest {

    private final DriveCycle cycle = new DriveCycle();

    @Test
    void idleThenTownThenRoadThenBraking() {
        assertThat(cycle.at(Duration.ofSeconds(5)).speedKmh()).isZero();
        assertThat(cycle.at(Duration.ofSeconds(5)).gear()).isZero();
        assertThat(cycle.at(Duration.ofSeconds(22)).speedKmh()).isBetween(20.0, 30.0);
        assertThat(cycle.at(Duration.ofSeconds(45)).speedKmh()).isEqualTo(50.0);
        assertThat(cycle.at(Duration.ofSeconds(100)).speedKmh()).isEqualTo(90.0);
        assertThat(cycle.at(Duration.ofSeconds(100)).gear()).isEqualTo(5);
        assertThat(cycle.at(Duration.ofSeconds(130)).speedKmh()).isBetween(40.0, 50.0);
        assertThat(cycle.at(Duration.ofSeconds(150)).speedKmh()).isZero();
    }

    @Test
    void theCycleRepeatsAndTheEngineWarmsUp() {
        assertThat(cycle.at(Duration.ofSeconds(100 + 180)).speedKmh()).isEqualTo(90.0);
        DriveCycle.Snapshot cold = cycle.at(Duration.ZERO);
        DriveCycle.Snapshot warm = cycle.at(Duration.ofMinutes(20));
        assertThat(cold.coolantC()).isEqualTo(20.0, within(0.01));
        assertThat(cold.closedLoop()).isFalse();
        assertThat(warm.coolantC()).isBetween(85.0, 95.0);
        assertThat(cycle.at(Duration.ofSeconds(60)).coolantC()).isBetween(cold.coolantC(), warm.coolantC());
    }

    @Test
    void engineSpeedAndAirFlowFollowTheLoad() {
        DriveCycle.Snapshot idle = cycle.at(Duration.ofSeconds(5));
        DriveCycle.Snapshot climbing = cycle.at(Duration.ofSeconds(70));
        assertThat(idle.rpm()).isBetween(750.0, 850.0);
        assertThat(climbing.rpm()).isGreaterThan(1500.0);
        assertThat(climbing.mafGs()).isGreaterThan(idle.mafGs() * 3);
        assertThat(climbing.loadPercent()).isGreaterThan(idle.loadPercent());
        assertThat(cycle.at(Duration.ofSeconds(-3)).seconds()).isZero();
    }
}
