#!/usr/bin/env bash
# Scanned pages per second (issue 4): the corpus's scan-300 pages rendered once to 300 dpi grey PNG files, read
# in the same run by the tesseract command (one process over the list, OMP_THREAD_LIMIT=1) and by our engine with
# one worker, back to back, with the same thresholding (Otsu, the command's default; Sauvola, the application's
# first reading) (aim: within 10 % of the command); by our whole page reading (deskew, orientation) with one
# worker; and by our engine with two workers (aim: 1.9x one).
#   bench/ocr-scanned.sh      (needs tesseract with fra and eng data)
source "$(dirname "${BASH_SOURCE[0]}")/ocr-common.sh"
ocr_bench scanned "$CORPUS"
