#!/usr/bin/env bash
# Makes the screenshots of the README and the AppStream metainfo: the window
# in Traditional Chinese with Noto CJK fonts, under Xvfb, from example
# reports written for this project (build-aux/screenshots/*.json).
#
# Usage: build-aux/screenshots.sh [OUTPUT_FOLDER]   (default data/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh test
# Only the import review needs a click.
command -v xdotool >/dev/null || apt-get install -y xdotool
[ -d _build ] || meson setup _build
meson compile -C _build

out=$(realpath -m "${1:-data/screenshots}")
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

app=_build/src/trip-reports
# The window and the subcommands' programs of the build tree.
export TR_LIBEXECDIR="$PWD/_build/src"
export TR_IMPORT_WORKER="$TR_LIBEXECDIR/trip-reports-import-worker"
db=$work/library.db
new_report() { "$app" new --db "$db" --from-json "$1"; }

empty=$(echo '{}' | "$app" new --db "$db" --from-json -)
seoul=$(new_report build-aux/screenshots/seoul.json)
half=$(new_report build-aux/screenshots/singapore-draft.json)
tokyo=$(new_report build-aux/screenshots/tokyo.json)

# The window's default size; Xvfb has no window manager, so it sits at 0,0.
width=1100 height=720

# shoot NAME [--click X,Y] APP-ARGUMENTS…
shoot() {
  local name=$1 click=none; shift
  if [ "${1:-}" = --click ]; then click=$2; shift 2; fi
  xvfb-run -a -s "-screen 0 ${width}x${height}x24" bash -c '
    out=$1 click=$2; shift 2
    "$@" & pid=$!
    sleep 4
    if [ "$click" != none ]; then xdotool mousemove ${click%,*} ${click#*,} click 1; sleep 2; fi
    import -window root "$out"
    kill $pid' _ "$out/$name.png" "$click" \
    env LANGUAGE=zh_TW LANG=zh_TW.UTF-8 LC_ALL=zh_TW.UTF-8 TR_LOCALEDIR="$PWD/_build/po" \
        GSETTINGS_BACKEND=memory GTK_A11Y=none GSK_RENDERER=cairo \
        "$app" --db "$db" "$@" 2>/dev/null
  echo "$out/$name.png"
}

shoot library
shoot empty-draft --open "$empty"
shoot filled-draft --open "$tokyo"
shoot completeness --open "$half"
shoot reference --open "$half" --reference "$seoul"

# The appendix's photos: pictures made here (ImageMagick's plasma), with
# captions, added to a copy of the Tokyo report; the outline's 照片 entry
# scrolls to them.
captions=(東京都交通管制中心簡報 參訪防災體驗學習中心 與東京都都市整備局座談 "MaaS 業者展示即時轉乘資訊")
{
  sed '$d' build-aux/screenshots/tokyo.json
  printf ',\n "photos": ['
  for i in 0 1 2 3; do
    convert -size 640x480 -seed $((i + 1)) plasma:fractal -blur 0x2 "$work/photo$i.jpg"
    [ $i -gt 0 ] && printf ','
    printf '{"caption": "%s", "mime_type": "image/jpeg", "data": "' "${captions[i]}"
    base64 -w0 "$work/photo$i.jpg"
    printf '"}'
  done
  printf ']\n}\n'
} > "$work/tokyo-photos.json"
photos=$(new_report "$work/tokyo-photos.json")
shoot photos --click 862,580 --open "$photos"

# In review: a comment on a passage of 過程, shown beside the draft.
"$app" comment "$photos" --db "$db" --section process --quote "交通管制中心" \
  --text "請補充中心的值勤編組與通報流程。" --author "審核人員" >/dev/null
"$app" review "$photos" --db "$db" --status submitted >/dev/null
shoot review --click 876,270 --open "$photos"
"$app" delete "$photos" --db "$db" >/dev/null

# An old report as a PDF, laid out by LibreOffice from our own export.
"$app" export "$tokyo" --db "$db" --output "$work/東京考察報告.odt"
soffice --headless "-env:UserInstallation=file://$work/lo" --convert-to pdf \
  --outdir "$work" "$work/東京考察報告.odt" >/dev/null
"$app" delete "$tokyo" --db "$db"
shoot import "$work/東京考察報告.pdf"
# The "Review…" button of the first row of the import dialog.
shoot import-review --click 776,141 "$work/東京考察報告.pdf"
