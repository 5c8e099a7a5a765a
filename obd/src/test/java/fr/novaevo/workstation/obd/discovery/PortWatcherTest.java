package fr.novaevo.workstation.obd.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.novaevo.workstation.obd.discovery.SerialPortDiscovery.RawPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PortWatcherTest {

    private static final RawPort UART = new RawPort("/dev/ttyS0", "Physical Port S0", "", -1, -1, "", "");
    private static final RawPort CH340 = new RawPort("/dev/ttyUSB0", "USB-Serial Controller", "USB2.0-Serial", 0x1A86,
            0x7523, "", "QinHeng");

    @Test
    void tellsPluggingAndUnpluggingButNotWhilePaused() {
        List<RawPort> present = new CopyOnWriteArrayList<>(List.of(UART));
        List<SerialPortDiscovery.Changes> heard = new ArrayList<>();
        try (PortWatcher watcher = new PortWatcher(new SerialPortDiscovery(() -> List.copyOf(present)), heard::add)) {
            assertThat(watcher.pollNow().isEmpty()).isTrue();
            present.add(CH340);
            assertThat(watcher.pollNow().added()).extracting(SerialPortInfo::usbId).containsExactly("1A86:7523");
            watcher.pause();
            present.remove(CH340);
            assertThat(watcher.pollNow().isEmpty()).isTrue();
            watcher.resume();
            assertThat(watcher.pollNow().removed()).extracting(SerialPortInfo::path).containsExactly("/dev/ttyUSB0");
            assertThat(heard).hasSize(2);
            assertThat(watcher.ports()).extracting(SerialPortInfo::path).containsExactly("/dev/ttyS0");
        }
    }

    @Test
    void pollsOnTheGivenExecutor() throws Exception {
        List<RawPort> present = new CopyOnWriteArrayList<>(List.of(UART));
        List<SerialPortDiscovery.Changes> heard = new CopyOnWriteArrayList<>();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try (PortWatcher watcher = new PortWatcher(new SerialPortDiscovery(() -> List.copyOf(present)), heard::add)) {
            watcher.start(executor, Duration.ofMillis(5));
            present.add(CH340);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (heard.isEmpty()) {
                assertThat(System.nanoTime() - deadline).as("change heard within 10 s").isNegative();
                Thread.sleep(2);
            }
            assertThat(heard.getFirst().added()).extracting(SerialPortInfo::path).containsExactly("/dev/ttyUSB0");
        } finally {
            executor.shutdownNow();
        }
    }
}
