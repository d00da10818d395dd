#!/usr/bin/env bash
# Search benchmark: N synthetic articles recombined from the real sentences of
# ../shared/datasets (read at run time), indexed with khabar-index; prints the
# build rate, index size against raw text size, and search latency p50/p99
# over a fixed query mix with facets and the day histogram on.
#
#   bash eval/search_bench.sh                  # 1,000,000 articles (a few minutes)
#   ARTICLES=200000 bash eval/search_bench.sh  # quicker
#   DIR=/tmp/ix bash eval/search_bench.sh      # keep the index there
#
# Exits non-zero when the index exceeds MAX_SIZE_PCT of the raw text or the
# mix's p50 / p99 exceed MAX_P50_MS / MAX_P99_MS (the bars of issue 7).
set -euo pipefail
cd "$(dirname "$0")/.."

shared=${SHARED:-../shared}
: "${ARTICLES:=1000000}" "${RUNS:=20}" "${MAX_SIZE_PCT:=40}" "${MAX_P50_MS:=10}" "${MAX_P99_MS:=50}"
[ -d "$shared/datasets" ] || { echo "eval/search_bench.sh: no $shared/datasets beside the repository" >&2; exit 1; }

args=(--articles "$ARTICLES" --sentences "$shared/datasets" --runs "$RUNS")
[ -n "${DIR:-}" ] && args+=(--dir "$DIR")
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cargo run -q -p khabar-index --release --example bench_index -- "${args[@]}" | tee "$out"

python3 - "$out" "$MAX_SIZE_PCT" "$MAX_P50_MS" "$MAX_P99_MS" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
size = float(re.search(r"= ([0-9.]+) %", text).group(1))
p50, p99 = map(float, re.search(r"p50 ([0-9.]+) ms, p99 ([0-9.]+) ms", text).groups())
bars = [("index size % of raw text", size, float(sys.argv[2])),
        ("search p50 ms", p50, float(sys.argv[3])),
        ("search p99 ms", p99, float(sys.argv[4]))]
bad = [f"{name} {got} > {bar}" for name, got, bar in bars if got > bar]
print("search bench:", "; ".join(bad) if bad else "all bars met")
sys.exit(1 if bad else 0)
PY
