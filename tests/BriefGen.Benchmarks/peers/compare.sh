#!/usr/bin/env bash
# BriefGen against Hugo on the same synthetic brief corpus, paired in one run, for each N given:
#
#   tests/BriefGen.Benchmarks/peers/compare.sh [N ...]        default: 30 1000 5000
#
# Publishes BriefGen as a Native AOT binary (unless BRIEFGEN names one), then for each N runs run_peers.sh
# (hyperfine, output removed before each run, one warm-up) for Hugo and BriefGen and prints one table:
# wall time, peak memory and CPU of each, and BriefGen's ratios to Hugo. Needs hugo, hyperfine, python3 and
# /usr/bin/time (install_peers.sh installs the first; Debian: apt-get install hugo hyperfine time).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(30 1000 5000)
export WORK=${WORK:-/tmp/briefgen-peers}
if [ -z "${BRIEFGEN:-}" ]; then
  BRIEFGEN=$WORK/aot/briefgen
  dotnet publish "$REPO/src/BriefGen" -c Release -r linux-x64 -p:PublishAot=true -o "$WORK/aot" -v q >&2
fi
export BRIEFGEN
rows=()
for n in "${SIZES[@]}"; do
  out=$(GENERATORS="hugo briefgen" "$HERE/run_peers.sh" "$n" 2>&1) || { echo "$out" >&2; exit 1; }
  echo "$out" | grep -v '^#' >&2
  rows+=("$(echo "$out" | awk '$1=="hugo"{h=$0} $1=="briefgen"{b=$0} END{print h "|" b}')")
done
printf '\n%-7s %12s %12s %10s %10s %12s %12s %10s\n' pages hugo_wall_s bg_wall_s wall_x cpu_x hugo_rss_MB bg_rss_MB rss_x
for row in "${rows[@]}"; do
  IFS='|' read -r h b <<<"$row"
  read -r _ n hw hr hc _ _ <<<"$h"
  read -r _ _ bw br bc _ _ <<<"$b"
  awk -v n="$n" -v hw="$hw" -v bw="$bw" -v hr="$hr" -v br="$br" -v hc="$hc" -v bc="$bc" 'BEGIN {
    printf "%-7s %12.3f %12.3f %10.2f %10.2f %12.1f %12.1f %10.2f\n", n, hw, bw, bw/hw, bc/hc, hr, br, br/hr }'
done
echo "(wall_x, cpu_x, rss_x: BriefGen / Hugo; target <= 0.5; $(nproc) cores; $(hugo version | cut -d' ' -f2))"
