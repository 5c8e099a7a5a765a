package fr.novaevo.workstation.obd.sim;

import java.time.Duration;

/**
 * A repeating 180-second town-and-road cycle of a 1.6 L petrol car, as a pure function of the time since the
 * engine started: idle, a climb to 50 km/h, cruise, a climb to 90 km/h, cruise, braking, idle. The coolant
 * warms up over the first minutes as a real engine's does. Deterministic, so that tests can assert values.
 */
public final class DriveCycle {

    /** Length of one cycle. */
    public static final Duration PERIOD = Duration.ofSeconds(180);

    private static final double[] RPM_PER_KMH = {0, 120, 70, 48, 36, 28};

    /**
     * The state of the car at one instant.
     *
     * @param seconds       time since the engine started
     * @param speedKmh      vehicle speed
     * @param rpm           engine speed
     * @param gear          engaged gear, 0 when stopped
     * @param loadPercent   calculated engine load
     * @param throttlePercent absolute throttle position
     * @param coolantC      engine coolant temperature
     * @param intakeC       intake air temperature
     * @param mafGs         mass air flow
     * @param mapKpa        intake manifold absolute pressure
     * @param timingDeg     ignition timing advance
     * @param shortTrimPercent short term fuel trim, bank 1
     * @param longTrimPercent  long term fuel trim, bank 1
     * @param o2Volts       upstream oxygen sensor voltage, bank 1
     * @param fuelLevelPercent fuel tank level
     * @param moduleVolts   control module supply voltage
     * @param closedLoop    whether the fuel system runs in closed loop (engine warm)
     */
    public record Snapshot(double seconds, double speedKmh, double rpm, int gear, double loadPercent,
            double throttlePercent, double coolantC, double intakeC, double mafGs, double mapKpa, double timingDeg,
            double shortTrimPercent, double longTrimPercent, double o2Volts, double fuelLevelPercent,
            double moduleVolts, boolean closedLoop) {
    }

    /** Distance of one whole cycle, in km (2.1875: 7,875 km·s/h of speed over time). */
    public static final double CYCLE_KM = 7875 / 3600.0;

    /**
     * The distance driven since the engine started, in km: the speed of {@link #at} integrated over time, so
     * that an odometer read from it advances exactly as the speed says.
     */
    public double distanceKm(Duration sinceStart) {
        double t = Math.max(0, sinceStart.toNanos() / 1e9);
        long cycles = (long) (t / PERIOD.toSeconds());
        return cycles * CYCLE_KM + withinCycle(t % PERIOD.toSeconds()) / 3600;
    }

    /** km·s/h driven from the start of a cycle to {@code c} seconds into it, segment by segment. */
    private static double withinCycle(double c) {
        if (c < 15) {
            return 0;
        } else if (c < 30) {
            return 50 * (c - 15) * (c - 15) / 30;
        } else if (c < 60) {
            return 375 + 50 * (c - 30);
        } else if (c < 75) {
            return 1875 + 50 * (c - 60) + 40 * (c - 60) * (c - 60) / 30;
        } else if (c < 120) {
            return 2925 + 90 * (c - 75);
        } else if (c < 140) {
            return 6975 + 90 * (c - 120) - 90 * (c - 120) * (c - 120) / 40;
        }
        return 7875;
    }

    /** Where the car is at {@code sinceStart}; negative durations count as zero. */
    public Snapshot at(Duration sinceStart) {
        double t = Math.max(0, sinceStart.toNanos() / 1e9);
        double c = t % PERIOD.toSeconds();
        double speed;
        double throttle;
        boolean accelerating = false;
        if (c < 15) {
            speed = 0;
            throttle = 0;
        } else if (c < 30) {
            speed = 50 * (c - 15) / 15;
            throttle = 45;
            accelerating = true;
        } else if (c < 60) {
            speed = 50;
            throttle = 16;
        } else if (c < 75) {
            speed = 50 + 40 * (c - 60) / 15;
            throttle = 55;
            accelerating = true;
        } else if (c < 120) {
            speed = 90;
            throttle = 21;
        } else if (c < 140) {
            speed = 90 * (1 - (c - 120) / 20);
            throttle = 0;
        } else {
            speed = 0;
            throttle = 0;
        }
        int gear = speed < 1 ? 0 : speed < 15 ? 1 : speed < 30 ? 2 : speed < 45 ? 3 : speed < 65 ? 4 : 5;
        double ripple = Math.sin(t * 2.1) * 15;
        double rpm = gear == 0 ? 800 + ripple : Math.max(1100, speed * RPM_PER_KMH[gear]) + ripple;
        double load = gear == 0 ? 22 : accelerating ? 72 : throttle == 0 ? 12 : 34 + throttle / 2;
        double coolant = Math.min(90, 20 + 70 * (1 - Math.exp(-t / 150))) + (t > 600 ? Math.sin(t / 20) * 2 : 0);
        double intake = 25 + Math.min(10, t / 60) - speed / 30;
        double maf = rpm / 60 * 0.8 * 1.2 * load / 100;
        double map = 30 + 70 * load / 100;
        double timing = gear == 0 ? 10 : accelerating ? 18 : 28;
        boolean closedLoop = coolant >= 60 && !(throttle == 0 && gear > 0);
        double stft = closedLoop ? Math.sin(t * 1.3) * 3 : 0;
        double o2 = closedLoop ? 0.45 + 0.4 * Math.sin(t * Math.PI * 2) : 0.45;
        double fuel = Math.max(5, 62 - t / 120);
        double volts = 14.2 - (accelerating ? 0.1 : 0);
        return new Snapshot(t, speed, rpm, gear, load, gear == 0 ? 12 : throttle + 12, coolant, intake, maf, map,
                timing, stft, 2.3, o2, fuel, volts, closedLoop);
    }
}
