# Shared caches outside the checkout (policy: docs/conventions.md), sourced by setup.sh, mypy.sh and train.sh.
# Each kind has one folder: the override variable's value if set, else ${XDG_CACHE_HOME:-~/.cache}/rustpunt/<kind>.

cache_folder() {  # cache_folder KIND [OVERRIDE]: print the folder (not created)
  echo "${2:-${XDG_CACHE_HOME:-$HOME/.cache}/rustpunt/$1}"
}

cache_ready() {  # cache_ready FOLDER: create it (private) and say whether it can be written
  (umask 077 && mkdir -p "$1") 2>/dev/null && [ -w "$1" ]
}

cache_keep() {  # cache_keep N ENTRY...: remove all but the N newest of the entries (half-written ones excepted)
  local keep=$1
  shift
  ls -1dt "$@" 2>/dev/null | grep -v -E '\.(part|old)\.[0-9]+/?$' | tail -n +$(( keep + 1 )) \
    | while read -r old; do rm -rf -- "$old"; done
}
