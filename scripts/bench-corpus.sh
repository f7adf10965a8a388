#!/usr/bin/env bash
# Reproducible corpus benchmark: copies the fixtures into a corpus of N
# articles (default 400) and times `mtlint check` on it in several modes,
# alternating runs and printing the median of each, and the ratios.
#   scripts/bench-corpus.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400}
runs=${2:-5}
bin="${CARGO_TARGET_DIR:-target}/release/mtlint"
cargo build --release --quiet
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
files=(fixtures/*.txt ../shared/seed/article.txt)
for ((i = 0; i < n; i++)); do
  cp "${files[i % ${#files[@]}]}" "$corpus/a$i.txt"
done
bytes=$(cat "$corpus"/*.txt | wc -c)
echo "corpus: $n articles, $bytes bytes"
declare -A times flags=([packs]="--no-detectors" [all]="" [det]="--detectors-only")
for ((r = 0; r < runs; r++)); do
  for m in packs all det; do
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$bin" ${flags[$m]} check --format json "$corpus" >/dev/null || true
    end=$(date +%s.%N)
    times[$m]+="$(echo "$end - $start" | bc) "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
packs=$(echo "${times[packs]}" | median)
all=$(echo "${times[all]}" | median)
det=$(echo "${times[det]}" | median)
printf 'rule packs only : %6.3f s  (%.1f MB/s)\n' "$packs" "$(echo "$bytes / $packs / 1000000" | bc -l)"
printf 'packs+detectors : %6.3f s  (%.1f MB/s)\n' "$all" "$(echo "$bytes / $all / 1000000" | bc -l)"
printf 'detectors only  : %6.3f s  (%.1f MB/s)\n' "$det" "$(echo "$bytes / $det / 1000000" | bc -l)"
printf 'detectors cost  : x%.2f of rule packs alone\n' "$(echo "$all / $packs" | bc -l)"
