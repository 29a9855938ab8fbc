#!/usr/bin/env bash
# Fuzz the normaliser + URL extractor + phone finder for a bounded time.
#
#   fuzz/run.sh [SECONDS] [extra libFuzzer flags...]     (default 60 s)
#
# Needs the `fuzz` extra (`.venv/bin/pip install -e '.[fuzz]'`); this script installs nothing.
# Findings (crash-*, timeout-*, oom-*) go to fuzz/crashes/; new interesting inputs to the fuzz/work directory
# (both gitignored); the libFuzzer log to fuzz/last-run.log. Exit status is non-zero on a finding.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
python="${PYTHON:-.venv/bin/python}"

if ! "$python" -c "import atheris" 2>/dev/null; then
    echo "atheris is not installed: run  $python -m pip install -e '.[fuzz]'" >&2
    exit 2
fi
mkdir -p fuzz/crashes fuzz/work

# -timeout: an input that takes more than 5 s is a finding (catastrophic backtracking).
# -max_len: a few KB is enough to reach every branch; 64 KB inputs are covered by test_regex_linear.py.
"$python" fuzz/fuzz_checker.py \
    -max_total_time="$seconds" \
    -timeout=5 \
    -rss_limit_mb=2048 \
    -max_len=4096 \
    -artifact_prefix=fuzz/crashes/ \
    -print_final_stats=1 \
    "$@" \
    fuzz/work fuzz/seeds 2>&1 | tee fuzz/last-run.log
exit "${PIPESTATUS[0]}"
