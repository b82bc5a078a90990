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

stage "Testing _build"
xvfb-run -a -s "-screen 0 1280x800x24" meson test -C _build --print-errorlogs

stage "Configuring _build-sanitize (address, undefined)"
setup _build-sanitize -Db_sanitize=address,undefined -Db_lundef=false \
  -Dbenchmarks=false -Dbuildtype=debug

stage "Compiling _build-sanitize"
meson compile -C _build-sanitize

stage "Testing _build-sanitize"
xvfb-run -a meson test -C _build-sanitize --setup=sanitize --print-errorlogs

stage "All tests passed"
