#!/usr/bin/env bash
# Everything CI runs: install, knowledge check, lint, types, rasa data validate, train, pytest,
# Rasa test stories, end-to-end browser tests. Exits non-zero on any failure.
#
# After the set-up, three independent parts run at the same time, each with its own log in
# var/test-logs/: pytest, the browser tests (mostly waiting for the servers and the browser) and the
# checks (mypy, rasa data validate, Rasa test stories). Each part's output is shown as a whole when it
# is done, under its name; a failing part is named at the end, after the other parts have finished.
set -euo pipefail
cd "$(dirname "$0")/.."
umask 077
export TF_CPP_MIN_LOG_LEVEL=2 RASA_TELEMETRY_ENABLED=false
started=$(date +%s)
step_name=""
step_start=$started
timings=()
end_step() {
  if [ -n "$step_name" ]; then
    timings+=("$(printf '%5d s  %s' $(( $(date +%s) - step_start )) "$step_name")")
  fi
}
step() { end_step; step_name="$*"; step_start=$(date +%s); echo; echo "=== $* ==="; }

step "Installeren"
scripts/setup.sh
test -x .venv/bin/rasa

step "Kennis controleren"
.venv/bin/rustpunt kennis controleer

step "Lint (ruff)"
.venv/bin/ruff check bot actions tests scripts

step "Trainen (alleen als de invoer veranderd is; anders uit models/ of de modelcache)"
model=$(scripts/train.sh)
test -f "$model"
echo "Model: $model"

step "Spellingcontrole (hunspell-nl), redis-server en Chromium klaarzetten"
scripts/install_hunspell.sh
if ! command -v redis-server >/dev/null 2>&1; then
  scripts/apt_install.sh "Redis (voor de test van de gesprekssloten)" redis-server
fi
if [ -d tests/e2e ] && [ -x scripts/install_chromium.sh ]; then scripts/install_chromium.sh; fi
end_step

# --- the three parts, side by side ------------------------------------------------------------------
logs=var/test-logs
rm -rf "$logs" var/test-results
mkdir -p "$logs"

since() { echo "(na $(( $(date +%s) - ${start_of[$1]} )) s)"; }
part_checks() {
  echo "--- Types (mypy)"
  scripts/mypy.sh  # bot/ and actions/, settings in pyproject.toml; .mypy_cache seeded from a shared cache
  echo "--- Rasa-data valideren $(since checks)"
  if ! .venv/bin/rasa data validate --domain domain --data data stories --fail-on-warnings > var/validate.log 2>&1; then
    tail -n 40 var/validate.log
    return 1
  fi
  # rasa 3.6 does not fail on unused intents/responses even with --fail-on-warnings: we do.
  if grep -E "UserWarning|Story structure conflict|CONFLICT" var/validate.log; then
    echo "Rasa-data geeft waarschuwingen (zie hierboven)."
    return 1
  fi
  echo "--- Rasa-teststories $(since checks)"
  # through the start module, so the model loads as the server loads it
  if ! .venv/bin/python -m bot.rasa_server test core --stories tests/stories --model "$model" \
    --out var/test-results --fail-on-prediction-errors --no-plot > var/rasa-test.log 2>&1; then
    tail -n 40 var/rasa-test.log
    echo "Rasa-teststories mislukt; zie var/test-results/failed_test_stories.yml"
    return 1
  fi
  grep -E "Correct:" var/rasa-test.log
  echo "--- klaar $(since checks)"
}
part_pytest() { .venv/bin/pytest -m "not e2e" --durations=10; }
part_e2e() { RUSTPUNT_MODEL="$model" .venv/bin/pytest -m e2e --durations=10 -o cache_dir=.pytest_cache/e2e tests/e2e; }

declare -A title pid_of start_of
title[pytest]="Pytest (eenheden, acties, engines, spelling)"
title[e2e]="End-to-end in headless Chromium"
title[checks]="Types (mypy), Rasa-data valideren, Rasa-teststories"
parts=(pytest checks)
if [ -d tests/e2e ]; then parts=(e2e pytest checks); fi  # the longest first
echo
echo "=== Tegelijk: ${parts[*]} (logboeken in $logs/) ==="
for part in "${parts[@]}"; do
  start_of[$part]=$(date +%s)
  # (the part runs in its own subshell under 'set -e'; the outer one notes its processor time)
  ( set +e; ( set -euo pipefail; "part_$part" ); status=$?; times > "$logs/$part.cpu"; exit "$status" ) \
    > "$logs/$part.log" 2>&1 &
  pid_of[$part]=$!
done
failed=()
running=("${parts[@]}")
while [ "${#running[@]}" -gt 0 ]; do
  waiting=()
  for part in "${running[@]}"; do waiting+=("${pid_of[$part]}"); done
  status=0
  wait -n -p done_pid "${waiting[@]}" || status=$?
  still=()
  for name in "${running[@]}"; do
    if [ "${pid_of[$name]}" = "$done_pid" ]; then part=$name; else still+=("$name"); fi
  done
  running=("${still[@]}")
  took=$(( $(date +%s) - ${start_of[$part]} ))
  # processor time of the part and everything it started (bash 'times': second line, user and system)
  cpu=$(tail -n 1 "$logs/$part.cpu" | awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); t += a[1] * 60 + a[2] } printf "%d", t }')
  echo
  if [ "$status" -eq 0 ]; then
    echo "=== ${title[$part]}: geslaagd in $took s (processortijd $cpu s) ==="
  else
    echo "=== ${title[$part]}: MISLUKT na $took s (exit $status; processortijd $cpu s) ==="
    failed+=("${title[$part]}")
  fi
  cat "$logs/$part.log"
  timings+=("$(printf '%5d s  %s' "$took" "${title[$part]} (tegelijk; processortijd $cpu s)")")
done

echo
echo "=== Tijden ==="
printf '%s\n' "${timings[@]}"
printf '%5d s  %s\n' $(( $(date +%s) - started )) "totaal"
if [ "${#failed[@]}" -gt 0 ]; then
  echo
  printf 'Mislukt: %s\n' "${failed[@]}" >&2
  exit 1
fi
