#!/usr/bin/env bash
# OBD figures of issue 3 against the virtual vehicle over a real pty (socat) at 38400 baud, 30 ms ECU latency:
# connect-to-first-value, samples/s for 6 PIDs (multi-PID vs one PID per request), our overhead per request.
#   bench/obd-live.sh            (needs JDK 25 in JAVA_HOME and socat)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -pl core,obd -am install -DskipTests
./mvnw -q -pl obd test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "obd/target/test-classes:obd/target/classes:$(cat obd/target/bench-classpath.txt)" \
  fr.novaevo.workstation.obd.sim.SimBench
