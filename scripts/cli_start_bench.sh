#!/usr/bin/env bash
# Benchmark: cold start of `rustpunt rol`, `rustpunt stap` and `rustpunt kaart zoek` (each a new process),
# against a reference in the same run (`python -c 'import yaml'`, a bare interpreter start), interleaved,
# N rounds (default 7). Prints per command the median wall time, its ratio to the reference and the median
# processor time (user + system), which depends less on how busy the machine is.
#   scripts/cli_start_bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
out=$(mktemp)
trap 'rm -f "$out" "$out.t"' EXIT
measure() {  # measure NAME COMMAND...: one line "NAME wall cpu"
  local name=$1; shift
  if ! /usr/bin/time -f "%e %U %S" -o "$out.t" "$@" > /dev/null 2>&1; then
    echo "Mislukt: $*" >&2; exit 1
  fi
  awk -v n="$name" '{ printf "%s %s %.2f\n", n, $1, $2 + $3 }' "$out.t" >> "$out"
}
for _ in $(seq "$rounds"); do
  measure referentie .venv/bin/python -c 'import yaml'
  measure rol .venv/bin/rustpunt rol "Jij moet nu eens luisteren, ik regel het wel voor je."
  measure stap .venv/bin/rustpunt stap "Ik hoor hoe boos je bent."
  measure kaart .venv/bin/rustpunt kaart zoek "hulp bij schulden in Utrecht"
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ref=$(awk '$1 == "referentie" { print $2 }' "$out" | median)
echo "koude start, mediaan van $rounds (belasting: $(cut -d' ' -f1-3 /proc/loadavg))"
for name in referentie rol stap kaart; do
  wall=$(awk -v n="$name" '$1 == n { print $2 }' "$out" | median)
  cpu=$(awk -v n="$name" '$1 == n { print $3 }' "$out" | median)
  awk -v n="$name" -v w="$wall" -v c="$cpu" -v r="$ref" \
    'BEGIN { printf "  %-11s %5.2f s wand (%4.1fx de referentie), %5.2f s processortijd\n", n, w, w / r, c }'
done
