#!/usr/bin/env bash
# Article extraction on ../shared/datasets/wcxb-dev (QUALITY.md protocol):
# khabar, and Python trafilatura when it is installed, in the same run, scored
# by ../shared/tools/extract_eval.py (shingle F1, word F1, snippets, by page
# type, pages/s on one core). By default it scores the `khabar` binary and
# builds nothing: run `cargo build --release` first. Binaries are looked up in
# $CARGO_TARGET_DIR (default target/).
#
#   bash eval/extract.sh                 # khabar (+ trafilatura if importable)
#   KHABAR=example bash eval/extract.sh  # build and score khabar-extract's
#                                        # extract_dir example (same extractor,
#                                        # without building the rest of khabar)
#   PEER=0 bash eval/extract.sh          # khabar only
#   KEEP=DIR bash eval/extract.sh        # keep outputs and JSON summaries in DIR
#
#   SPEED_PASSES=N bash eval/extract.sh # time khabar N more times after the
#                                        # peer (default 2); the median is reported
#
# Exits non-zero when khabar falls below MIN_F1_ALL / MIN_F1_ARTICLE (shingle
# F1), below MIN_TITLE (title exact match, typographic quotes folded: see
# eval/extract_report.py) or MIN_TYPE (article-vs-not
# accuracy), or when fewer than MIN_VISIBLE_DATE of the dates read from the
# visible text alone fall on the day the page declares in machine form, or
# fewer than MIN_SHOWN_DATE of the pages whose text writes that day are dated
# on it, or, when each page is also given a fetch time 30 days after its
# declared day, fewer than MIN_FETCHED_DATE of the dates found fall on that
# day (eval/visible_dates.py). Articles are scored in the same pass as all
# pages: the per-type figures of extract_eval.py are the same averages that
# `--page-type article` computes.
set -euo pipefail
cd "$(dirname "$0")/.."

shared=${SHARED:-../shared}
target_dir=${CARGO_TARGET_DIR:-target}
khabar=${KHABAR:-$target_dir/release/khabar}
khabar_cmd="$khabar extract --batch --threads 1 {in_dir} {out_dir}"
if [ "$khabar" = example ]; then
  cargo build --release --quiet -p khabar-extract --example extract_dir
  khabar=$target_dir/release/examples/extract_dir
  khabar_cmd="$khabar --batch --threads 1 {in_dir} {out_dir}"
fi
dataset=$shared/datasets/wcxb-dev
scorer=$shared/tools/extract_eval.py
: "${MIN_F1_ALL:=0.863}" "${MIN_F1_ARTICLE:=0.958}" "${MIN_TITLE:=0.833}" "${MIN_TYPE:=0.955}"
: "${MIN_VISIBLE_DATE:=0.90}" "${MIN_SHOWN_DATE:=0.92}" "${MIN_FETCHED_DATE:=0.89}"

[ -x "$khabar" ] || { echo "eval/extract.sh: $khabar is missing: run cargo build --release first" >&2; exit 1; }
[ -d "$dataset" ] || { echo "eval/extract.sh: no $dataset: the shared data must sit beside the repository" >&2; exit 1; }

out=${KEEP:-$(mktemp -d)}
mkdir -p "$out"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$out"' EXIT

# The dataset ships as html/<id>.html.gz. Decompress it once into the output
# directory and hand the scorer that copy: given the .gz files, the scorer
# makes its own copy in $TMPDIR per run and never removes it (400 MB each).
ds=$out/dataset
rm -rf "$ds"
mkdir -p "$ds/html"
cp "$dataset/ground-truth.json" "$ds/"
for f in "$dataset"/html/*; do
  name=$(basename "$f")
  case $name in
    *.gz) gzip -dc "$f" >"$ds/html/${name%.gz}" ;;
    *) cp "$f" "$ds/html/" ;;
  esac
done

score() { # NAME BATCH_CMD
  local name=$1 cmd=$2
  local t0=$SECONDS
  python3 "$scorer" --dataset "$ds" --name "$name" --bootstrap 200 \
    --batch-cmd "$cmd" --save-outputs "$out/$name" --json-out "$out/$name.json" \
    | grep '^RESULT' || true
  echo "($name: $((SECONDS - t0)) s)"
}

score khabar "$khabar_cmd"

peers=()
if [ "${PEER:-1}" != 0 ] && python3 -c 'import trafilatura' 2>/dev/null; then
  score trafilatura "python3 $shared/tools/peer_trafilatura.py --in-dir {in_dir} --out-dir {out_dir}"
  peers+=(trafilatura)
else
  echo "(trafilatura is not installed: pip install trafilatura to compare)"
fi

# khabar's timed pass lasts a few seconds, the peer's most of a minute: one
# slow moment of a shared machine weighs on khabar's figure alone. khabar is
# timed again after the peer (SPEED_PASSES more passes, same command and
# pages) and the report gives every pass and their median.
passes=()
for i in $(seq 2 $((${SPEED_PASSES:-2} + 1))); do
  score "khabar-pass$i" "$khabar_cmd"
  passes+=("khabar-pass$i")
done

python3 eval/extract_report.py --dataset "$ds" --dir "$out" --main khabar --peers "${peers[@]}" \
  --speed-passes "${passes[@]}" \
  --min-f1-all "$MIN_F1_ALL" --min-f1-article "$MIN_F1_ARTICLE" \
  --min-title "$MIN_TITLE" --min-type "$MIN_TYPE" --scorer "$scorer"

# Dates read from the visible text alone, checked against the dates the same
# pages declare in machine form (see eval/visible_dates.py).
python3 eval/visible_dates.py --dataset "$ds" --outputs "$out/khabar" \
  --batch-cmd "$khabar_cmd" --min-same-day "$MIN_VISIBLE_DATE" --min-shown "$MIN_SHOWN_DATE" \
  --fetch-lag-days 30 --min-fetched "$MIN_FETCHED_DATE"
