#!/usr/bin/env bash
# Installs the Debian 12 packages Trip Reports needs that are not installed
# yet, and nothing else.
#
# Usage: build-aux/install-deps.sh build   # to build and run the app
#        build-aux/install-deps.sh test    # to build and run every test
set -euo pipefail

# To build and run.
build_packages=(
  meson
  ninja-build
  pkg-config
  gcc
  # The import's photos are taken as stored through poppler's core (C++).
  g++
  libglib2.0-dev
  libglib2.0-dev-bin
  libjson-glib-dev
  libsqlite3-dev
  # SHA-256 of imported files with the processor's SHA instructions.
  nettle-dev
  libxml2-dev
  libzip-dev
  libpoppler-glib-dev
  libpoppler-private-dev
  libgtk-4-dev
  libadwaita-1-dev
  # bench-startup watches the window through the X server (DAMAGE).
  libx11-dev
  libxdamage-dev
  # Some window tests and bench-typing type and click through the X server
  # (XTest); meson looks for it when it configures.
  libxtst-dev
  libgdk-pixbuf-2.0-dev
  # The import worker's system call filter.
  libseccomp-dev
  libfontconfig-dev
  # WebP photos (JPEG and PNG are built into gdk-pixbuf).
  webp-pixbuf-loader
  # test-photo-check writes its PNGs with zlib (meson looks for it when it configures).
  zlib1g-dev
  # The exports' Traditional Chinese face, TW-Kai (全字庫正楷體), the free
  # equivalent of 標楷體.
  fonts-cns11643-kai
  gettext
  desktop-file-utils
  appstream
  # The user guide's translations are merged at install time.
  itstool
)

# To run the tests, on top of build_packages.
test_packages=(
  xvfb
  xauth
  # A session bus of their own for the single-instance tests (GTestDBus).
  dbus-daemon
  fonts-noto-cjk
  sqlite3
  imagemagick
  libxml2-utils
  libreoffice-writer-nogui
  poppler-utils
  qpdf
  pandoc
  # test-import-fidelity and bench-import-fidelity print web pages to PDF.
  chromium
  locales
  # check-help.sh validates the user guide.
  yelp-tools
)

usage() {
  echo "usage: $0 build|test" >&2
  exit 2
}

[ $# -eq 1 ] || usage
case "$1" in
  build) wanted=("${build_packages[@]}") ;;
  test) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
  *) usage ;;
esac

missing=()
for package in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [ "$status" != "install ok installed" ]; then
    missing+=("$package")
  fi
done

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "install-deps: not root and sudo is missing; install as root: ${missing[*]}" >&2
    exit 1
  fi
  as_root=(sudo)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#wanted[@]} $1 packages are installed"
else
  echo "install-deps: installing ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

# The tests and screenshots run the window in Traditional Chinese: gettext
# needs the zh_TW.UTF-8 locale to exist; test-ui-report-language runs it in
# English, where report text must still take a Traditional Chinese face.
if [ "$1" = test ]; then
  wanted=()
  for name in zh_TW en_US; do
    locale -a 2>/dev/null | grep -qi "^$name\.utf-\?8\$" || wanted+=("$name")
  done
  if [ ${#wanted[@]} -gt 0 ]; then
    echo "install-deps: generating the locales ${wanted[*]/%/.UTF-8}"
    for name in "${wanted[@]}"; do
      "${as_root[@]}" sed -i "s/^# *\($name.UTF-8 UTF-8\)/\1/" /etc/locale.gen
      grep -q "^$name.UTF-8 UTF-8" /etc/locale.gen ||
        echo "$name.UTF-8 UTF-8" | "${as_root[@]}" tee -a /etc/locale.gen >/dev/null
    done
    "${as_root[@]}" locale-gen
  fi
fi
