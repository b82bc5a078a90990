#!/usr/bin/env bash
# Runs every test: installs what is missing, then builds and tests _build
# (debugoptimized) and _build-sanitize (AddressSanitizer and
# UndefinedBehaviorSanitizer), both under Xvfb. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() {
  echo
  echo "==> $*"
}

# Reuses a build directory that already exists, applying the options again.
setup() {
  local dir=$1
  shift
  if [ -f "$dir/meson-private/coredata.dat" ]; then
    meson setup --reconfigure "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}

stage "Installing test dependencies"
bash build-aux/install-deps.sh test

stage "Configuring _build (debugoptimized)"
setup _build -Dbuildtype=debugoptimized

stage "Compiling _build"
meson compile -C _build

# Runs meson test (under Xvfb) and adds its counts to the totals.
passed=0
failed=0
run_suite() {
  local log
  log=$(mktemp)
  local status=0 ok bad
  xvfb-run -a -s "-screen 0 1280x800x24" meson test "$@" --print-errorlogs 2>&1 | tee "$log" || status=$?
  ok=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$log" | tail -1)
  bad=$(sed -n 's/^Fail: *\([0-9]*\).*/\1/p' "$log" | tail -1)
  passed=$((passed + ${ok:-0}))
  failed=$((failed + ${bad:-0}))
  rm -f "$log"
  if [ "$status" -ne 0 ]; then
    echo "$passed passed, $failed failed"
    exit "$status"
  fi
}

stage "Testing _build"
run_suite -C _build

stage "Configuring _build-sanitize (address, undefined)"
setup _build-sanitize -Db_sanitize=address,undefined -Db_lundef=false \
  -Dbenchmarks=false -Dbuildtype=debug

stage "Compiling _build-sanitize"
meson compile -C _build-sanitize

stage "Testing _build-sanitize"
run_suite -C _build-sanitize --setup=sanitize

stage "All tests passed"
echo "$passed passed, $failed failed"
