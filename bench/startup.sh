#!/usr/bin/env bash
# Cold start to first window shown, measured from outside: the time from launching ./workstation until X11
# reports a visible window titled "NovaEvo". Median of N runs (default 5) under Xvfb.
#   bench/startup.sh [runs]         (needs xvfb and xdotool: apt-get install xvfb xdotool)
# Each run is a new process on an existing data folder (the usual start); the first start on an empty
# folder (database creation) is reported apart.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-5}"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY="$display"
sleep 1
data="$(mktemp -d)"
./workstation --version >/dev/null # build if stale, outside the measurement

measure() {
  local start end pid
  start=$(date +%s%N)
  ./workstation --data-dir "$data/data" --config-dir "$data/config" >/dev/null 2>&1 &
  pid=$!
  # xdotool's own --sync polls only twice a second: poll every 20 ms instead.
  until xdotool search --onlyvisible --name "NovaEvo" >/dev/null 2>&1; do sleep 0.02; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

first=$(measure)
echo "first start (creates the database): ${first} ms"
times=()
for i in $(seq "$runs"); do
  t=$(measure)
  times+=("$t")
  echo "run $i: ${t} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
echo "median of $runs: ${median} ms"
rm -rf "$data"
