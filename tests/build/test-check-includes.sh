#!/bin/sh
# build-aux/check-includes.py, which fails the build of a library that
# includes a header of a package it does not depend on, on two fixtures:
# one it must pass, one it must refuse line by line.
#
# Usage: test-check-includes.sh CHECKER FIXTURES
set -eu

checker=$1
fixtures=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

fail () {
  echo "FAIL: $*" >&2
  exit 1
}

# Through gio-2.0, a library may include GLib's and GObject's headers too.
"$checker" "$out/allowed.h" "$out/allowed.d" "$fixtures/allowed" gio-2.0 sqlite3 \
  || fail "the allowed fixture was refused"
[ -s "$out/allowed.h" ] || fail "no stamp header for the allowed fixture"
grep -q "tr-fine.c" "$out/allowed.d" || fail "the depfile does not list the sources"

status=0
"$checker" "$out/forbidden.h" "$out/forbidden.d" "$fixtures/forbidden" glib-2.0 \
  2> "$out/errors" || status=$?
cat "$out/errors"
[ "$status" -eq 1 ] || fail "the forbidden fixture gave status $status, not 1"
[ ! -e "$out/forbidden.h" ] || fail "a stamp header was written for the forbidden fixture"

expect () {
  grep -F -q -- "$1" "$out/errors" || fail "no error: $1"
}
expect "tr-bad.c:4: error: sqlite3.h is a header of sqlite3, which this library does not depend on"
expect "tr-bad.c:5: error: zip.h is a header of libzip"
expect "tr-bad.c:6: error: \"../allowed/tr-fine.h\" reaches into another folder"
expect "tr-bad.c:7: error: json-glib/json-glib.h is a header of json-glib-1.0"
expect "tr-bad.c:8: error: unknown/header.h is a header of no package"
expect "tr-bad.c:10: error: a computed #include cannot be checked"
[ "$(wc -l < "$out/errors")" -eq 6 ] || fail "other errors than the six expected"
echo "ok"
