#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of what an adapter sends, issue 3 and decision 0028: each fuzz target of obd
# runs alone for SECONDS (default 60), then the script prints executions, speed, coverage and the result.
#   bench/fuzz-obd.sh [SECONDS]        (needs JDK 25 in JAVA_HOME; MAVEN_ARGS=-o to stay offline)
# A finding makes Jazzer write the input as crash-<sha1> next to the seeds, in
# obd/src/test/resources/.../<TestClass>Inputs/<method>/: fix the bug, keep the file, it is now a regression seed.
# The corpus Jazzer grows is kept between runs in obd/target/fuzz-corpus (mvn clean forgets it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-60}"
targets=(
  "fr.novaevo.workstation.obd.elm.AdapterAnswerFuzzTest#parseThenDecodeInEveryFormat"
  "fr.novaevo.workstation.obd.elm.AdapterAnswerFuzzTest#readEveryAnswerWhateverTheSplit"
  "fr.novaevo.workstation.obd.frames.IsoTpFuzzTest#reassembleAnyFrames"
)
logs=obd/target/fuzz-logs
kept=obd/target/fuzz-corpus
./mvnw -q -pl core install -DskipTests
mkdir -p "$logs"
# Jazzer grows its corpus in obd/.cifuzz-corpus; it lives under target/ between runs so git never sees it.
[[ -d "$kept" ]] && mv "$kept" obd/.cifuzz-corpus
trap '[[ -d obd/.cifuzz-corpus ]] && rm -rf "$kept" && mv obd/.cifuzz-corpus "$kept"' EXIT

failed=0
printf '%-60s %12s %10s %6s  %s\n' target executions exec/s cov result
for target in "${targets[@]}"; do
  log="$logs/${target##*.}.log"
  # JUnit would apply @Timeout to the whole run; Jazzer already applies it to each input (its -timeout).
  if JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" ./mvnw -pl obd test -Dtest="$target" \
      -Djunit.jupiter.execution.timeout.mode=disabled >"$log" 2>&1; then
    result="nothing found"
  else
    result="FOUND (see $log)"
    failed=1
  fi
  runs=$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
  executions=$(awk '{print $2}' <<<"$runs")
  took=$(awk '{print $5}' <<<"$runs")
  cov=$(grep -oE '(DONE|pulse|NEW|REDUCE) +cov: [0-9]+' "$log" | tail -1 | awk '{print $3}' || true)
  speed=$([[ -n "$executions" && "${took:-0}" -gt 0 ]] && echo $((executions / took)) || echo "?")
  printf '%-60s %12s %10s %6s  %s\n' "${target##*obd.}" "${executions:-?}" "$speed" "${cov:-?}" "$result"
done
exit "$failed"
