#!/bin/sh
# The application's ID is the same everywhere: the launcher's name and icon,
# the metadata's id and launchable, the settings schema the window opens,
# and the window's program. A development build (-Ddevelopment=true) is
# org.example.TripReports.Devel throughout; a release build nowhere.
# usage: check-app-id.sh APP_ID DESKTOP METAINFO SCHEMA_DIR WINDOW_PROGRAM
set -eu
app_id=$1 desktop=$2 metainfo=$3 schema_dir=$4 window=$5

fail() {
  echo "not ok: $*" >&2
  exit 1
}

[ "$(basename "$desktop")" = "$app_id.desktop" ] || fail "launcher named $(basename "$desktop")"
grep -qx "Icon=$app_id" "$desktop" || fail "launcher icon is not $app_id"
grep -q "<id>$app_id</id>" "$metainfo" || fail "metainfo id is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
  fail "metainfo launchable is not $app_id.desktop"
gsettings --schemadir "$schema_dir" list-keys "$app_id" > /dev/null || fail "no settings schema $app_id"
case $app_id in
  *.Devel)
    grep -qaF "$app_id" "$window" || fail "the window's program does not hold $app_id" ;;
  *)
    if grep -qaF "$app_id.Devel" "$window"; then fail "a release build holds $app_id.Devel"; fi ;;
esac
echo "ok: $app_id"
