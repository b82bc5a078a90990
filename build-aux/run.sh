#!/usr/bin/env bash
# Builds Trip Reports in _build and runs it from the build tree, without
# installing. Arguments go to the app: `build-aux/run.sh list --json`.
# Progress goes to stderr so the app's own output stays clean.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() {
  echo "==> $*" >&2
}

stage "Checking build dependencies"
bash build-aux/install-deps.sh build >&2

if [ -f _build/meson-private/coredata.dat ]; then
  stage "Reconfiguring _build"
  meson setup --reconfigure _build >&2
else
  stage "Configuring _build"
  meson setup _build >&2
fi

stage "Compiling _build"
meson compile -C _build >&2

stage "Running _build/src/trip-reports"
# The build tree's settings schema and translations, and the programs
# trip-reports starts (the window, the subcommands, the import worker),
# before any install.
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data" TR_LOCALEDIR="$PWD/_build/po"
export TR_LIBEXECDIR="$PWD/_build/src"
export TR_IMPORT_WORKER="$TR_LIBEXECDIR/trip-reports-import-worker"
exec _build/src/trip-reports "$@"
