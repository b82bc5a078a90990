#!/usr/bin/env bash
# Fails when the user guide is not valid Mallard, or when a translation of
# it misses a string: validates help/C, extracts a fresh template with
# itstool, merges each language's po against it, lists what is untranslated
# or fuzzy, then builds the translated pages and validates them too.
#
# Usage: build-aux/check-help.sh [HELP_DIR]
set -euo pipefail

help=${1:-"$(dirname "$0")/../help"}
help=$(cd "$help" && pwd)

for tool in yelp-check itstool msgmerge msgattrib msgfmt; do
  if ! command -v "$tool" >/dev/null; then
    echo "check-help: $tool is missing (build-aux/install-deps.sh test installs it)" >&2
    exit 1
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$help/C"
yelp-check validate ./*.page
itstool -o "$tmp/help.pot" ./*.page

status=0
while read -r lang; do
  [ -n "$lang" ] || continue
  po="$help/$lang/$lang.po"
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$tmp/help.pot"
  missing=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid' || true)
  # msgattrib prints the header entry too when anything is listed.
  if [ "$missing" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    echo "help/$lang: untranslated or fuzzy:" >&2
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" >&2
    msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" >&2
    status=1
    continue
  fi
  mkdir -p "$tmp/$lang"
  msgfmt -o "$tmp/$lang.mo" "$tmp/$lang.po"
  itstool -m "$tmp/$lang.mo" -o "$tmp/$lang" ./*.page
  cp legal.xml "$tmp/$lang/"
  (cd "$tmp/$lang" && yelp-check validate ./*.page)
  echo "help/$lang: $(msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)"
done < "$help/LINGUAS"
exit $status
