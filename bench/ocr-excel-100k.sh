#!/usr/bin/env bash
# An Excel export of 100,000 rows within a bounded heap (issue 4): generated Kbis results (9 fields, an officer,
# a reason on one row in ten) streamed through the exporter with -Xmx128m; prints the time, size and heap peak.
#   bench/ocr-excel-100k.sh [ROWS=100000]
source "$(dirname "${BASH_SOURCE[0]}")/ocr-common.sh"
OCR_BENCH_JAVA_OPTS="-Xmx128m" ocr_bench excel "${1:-100000}"
