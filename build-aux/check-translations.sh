#!/usr/bin/env bash
# Fails when a translation is incomplete: extracts a fresh pot from the
# sources listed in po/POTFILES.in (into a temporary folder, leaving the
# tree untouched), merges each po/LINGUAS catalogue against it and lists
# every untranslated or fuzzy entry.
#
# Usage: build-aux/check-translations.sh [SOURCE_ROOT]
set -euo pipefail

root=${1:-"$(dirname "$0")/.."}
root=$(cd "$root" && pwd)
package=trip-reports

for tool in xgettext msgmerge msgattrib; do
  if ! command -v "$tool" >/dev/null; then
    echo "check-translations: $tool is missing (install gettext)" >&2
    exit 1
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same arguments meson's i18n.gettext(preset: 'glib') passes to xgettext.
# shellcheck disable=SC2054 # the commas belong to xgettext keyword specs
xgettext_args=(
  --from-code=UTF-8 --add-comments
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format
)

# POTFILES.in must list exactly the files that have translatable strings:
# a file left out would have its strings silently untranslated.
status=0
listed=()
while IFS= read -r line; do
  line=${line%%#*}
  line=$(echo "$line" | tr -d '[:space:]')
  [ -z "$line" ] && continue
  listed+=("$line")
  if [ ! -f "$root/$line" ]; then
    echo "po/POTFILES.in lists $line, which does not exist" >&2
    status=1
  fi
done < "$root/po/POTFILES.in"

while IFS= read -r file; do
  file=${file#"$root"/}
  found=no
  for entry in "${listed[@]}"; do
    if [ "$entry" = "$file" ]; then found=yes; break; fi
  done
  if [ "$found" = no ]; then
    echo "$file has translatable strings but po/POTFILES.in does not list it" >&2
    status=1
  fi
done < <(
  find "$root/src" "$root/data" -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
       -o -name '*.gschema.xml' \) -print
  find "$root/src" -type f \( -name '*.c' -o -name '*.ui' \) -exec \
       grep -lE '(^|[^A-Za-z0-9_])(N?C?_|g_dn?gettext|g_dpgettext2)[[:space:]]*\(|translatable="yes"' {} +
)
[ "$status" -eq 0 ] || exit 1

xgettext --package-name="$package" -f "$root/po/POTFILES.in" -D "$root" \
  -o "$tmp/$package.pot" "${xgettext_args[@]}"

# Prints a catalogue without its first paragraph, the header entry.
without_header() {
  awk 'BEGIN { RS = ""; ORS = "\n\n" } !/(^|\n)msgid ""\nmsgstr/ || NR > 1 { print }' | sed 's/^/  /'
}

langs=()
while IFS= read -r line; do
  line=${line%%#*}
  for lang in $line; do langs+=("$lang"); done
done < "$root/po/LINGUAS"

for lang in "${langs[@]}"; do
  po="$root/po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "$lang: po/$lang.po is missing" >&2
    status=1
    continue
  fi
  msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "$po" "$tmp/$package.pot"

  # msgfmt counts the entries (the header is never counted); msgattrib
  # shows the ones to fix, without the header paragraph.
  if ! stats=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$tmp/$lang.po" 2>&1) ||
     ! stats_in_file=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null "$po" 2>&1); then
    echo "$lang: msgfmt rejects po/$lang.po:" >&2
    echo "$stats" >&2
    status=1
    continue
  fi
  if [[ $stats == *untranslated* ]]; then
    echo "$lang: untranslated entries ($stats):" >&2
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" | without_header >&2
    status=1
  fi
  if [[ $stats == *fuzzy* ]]; then
    echo "$lang: entries that no longer match their source ($stats):" >&2
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$lang.po" | without_header >&2
    status=1
  elif [[ $stats_in_file == *fuzzy* ]]; then
    echo "$lang: fuzzy entries in po/$lang.po ($stats_in_file):" >&2
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | without_header >&2
    status=1
  fi
  if [ "$status" -eq 0 ]; then
    echo "$lang: $stats"
  fi
done

exit "$status"
