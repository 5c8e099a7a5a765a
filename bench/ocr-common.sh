#!/usr/bin/env bash
# Shared by bench/ocr-*.sh: builds core and ocr, writes ocr's test classpath, and defines ocr_bench MODE ARGS...
# which runs fr.novaevo.workstation.ocr.bench.OcrBench (ocr's test sources) with the JVM options in OCR_BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
CORPUS="${CORPUS:-$(cd .. && pwd)/shared/corpus/kbis}"
./mvnw -q -pl core,ocr -am install -DskipTests
./mvnw -q -pl ocr test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
ocr_bench() {
  # OMP_THREAD_LIMIT=1: one thread per Tesseract, as in the application (one engine per worker)
  OMP_THREAD_LIMIT=1 "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${OCR_BENCH_JAVA_OPTS:-} \
    -cp "ocr/target/test-classes:ocr/target/classes:$(cat ocr/target/bench-classpath.txt)" \
    fr.novaevo.workstation.ocr.bench.OcrBench "$@" 2>/dev/null | grep '^bench: '
}
