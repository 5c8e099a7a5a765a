#!/usr/bin/env bash
# Born-digital Kbis extracts per second (issue 4): N copies of the corpus's born-digital PDFs read by one
# processor, then as one batch with the default workers (one per core, database included).
#   bench/ocr-born-digital.sh [N=500]      (JAVA_HOME: a JDK 25; the corpus in ../shared/corpus/kbis or $CORPUS)
source "$(dirname "${BASH_SOURCE[0]}")/ocr-common.sh"
ocr_bench born-digital "$CORPUS" "${1:-500}"
