package fr.novaevo.workstation.ocr.supervision;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/** What the process uses: heap and CPU. The JVM's own figures in the application; set by hand in tests. */
public interface ProcessMetrics {

    /** The heap the application holds: what was still in use after the JVM's last collection. */
    long heapUsedBytes();

    /** Process CPU over the last moments, in percent of the whole machine (all cores = 100); empty if unknown. */
    OptionalDouble cpuPercent();

    static ProcessMetrics jvm() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        return new ProcessMetrics() {
            @Override
            public long heapUsedBytes() {
                // The heap in use at any moment counts garbage not yet collected: with a large maximum heap it
                // climbs past the memory alert's threshold during a batch of scans and falls at the next
                // collection. What survived the last collection is what the application really holds.
                long afterLastGc = -1;
                long lastEnd = -1;
                for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                    if (gc instanceof com.sun.management.GarbageCollectorMXBean sun && sun.getLastGcInfo() != null
                            && sun.getLastGcInfo().getEndTime() > lastEnd) {
                        lastEnd = sun.getLastGcInfo().getEndTime();
                        afterLastGc = used(sun.getLastGcInfo().getMemoryUsageAfterGc());
                    }
                }
                return afterLastGc >= 0 ? afterLastGc : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            }

            private long used(Map<String, MemoryUsage> pools) {
                return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                        .mapToLong(e -> e.getValue().getUsed()).sum();
            }

            @Override
            public OptionalDouble cpuPercent() {
                // com.sun.management gives the process's load; a JVM without it (or before its first
                // measure, when it answers a negative value) tells nothing rather than 0 %
                if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                    double load = sun.getProcessCpuLoad();
                    return load < 0 ? OptionalDouble.empty() : OptionalDouble.of(load * 100.0);
                }
                return OptionalDouble.empty();
            }
        };
    }
}
