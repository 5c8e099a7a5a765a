#!/usr/bin/env bash
# A 1,000-document batch within a 512 MB heap (issue 4): born-digital extracts, default workers, then its
# JSON Lines and Excel exports; prints the time and the highest heap in use (sampled every 20 ms).
#   bench/ocr-batch-1000.sh [N=1000]
source "$(dirname "${BASH_SOURCE[0]}")/ocr-common.sh"
OCR_BENCH_JAVA_OPTS="-Xmx512m" ocr_bench batch "$CORPUS" "${1:-1000}"
