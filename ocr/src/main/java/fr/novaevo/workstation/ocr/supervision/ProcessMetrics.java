package fr.novaevo.workstation.ocr.supervision;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.OptionalDouble;

/** What the process uses: heap and CPU. The JVM's own figures in the application; set by hand in tests. */
public interface ProcessMetrics {

    long heapUsedBytes();

    /** Process CPU over the last moments, in percent of the whole machine (all cores = 100); empty if unknown. */
    OptionalDouble cpuPercent();

    static ProcessMetrics jvm() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return new ProcessMetrics() {
            @Override
            public long heapUsedBytes() {
                return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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
