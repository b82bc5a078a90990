#!/usr/bin/env python3
# Fails when a program or module of Trip Reports loads a library it must
# not: what the dynamic loader maps when it starts or loads it (ldd: the
# libraries it needs, and theirs).
#
# Usage: check-programs.py FOLDER
#
# FOLDER holds the programs and modules (the build tree's src/):
#   trip-reports                GLib alone: it only chooses what to start
#                               (GModule loads the subcommand's module);
#   trip-reports-library.so, -review.so
#                               the store, without GTK, poppler, libxml2
#                               or libzip;
#   trip-reports-search.so      SQLite and GLib: the store's search, without
#                               the store's model (GObject, GIO, json-glib,
#                               gdk-pixbuf);
#   trip-reports-import.so      the store and the office library (libxml2,
#                               libzip), without GTK or poppler (it starts
#                               a worker per PDF);
#   trip-reports-export.so      the store, the export and the PDF layout
#                               (cairo, Pango), without GTK or poppler;
#   trip-reports-import-worker  poppler, without GTK or SQLite;
# and that a module exports its main() alone (tr-cli.h): the core's
# code within it binds to itself, without a symbol lookup at each load.
#   trip-reports-window         GTK: proof that the check sees libraries.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys

GTK = ['libgtk-4', 'libadwaita-1']
EXPORT = ['libxml2', 'libzip']
POPPLER = ['libpoppler']
PDF = ['libcairo', 'libpango-1.0']
CORE = ['libgobject-2.0', 'libgio-2.0', 'libjson-glib-1.0', 'libsqlite3', 'libgdk_pixbuf-2.0']

# program: (libraries it must not load, libraries it must load)
RULES = {
    'trip-reports': (GTK + EXPORT + POPPLER + PDF + CORE, ['libglib-2.0']),
    'trip-reports-library.so': (GTK + EXPORT + POPPLER + PDF, ['libsqlite3']),
    'trip-reports-review.so': (GTK + EXPORT + POPPLER + PDF, ['libsqlite3']),
    'trip-reports-search.so': (GTK + EXPORT + POPPLER + PDF + [lib for lib in CORE if lib != 'libsqlite3'],
                               ['libsqlite3', 'libglib-2.0']),
    'trip-reports-import.so': (GTK + POPPLER + PDF, ['libsqlite3', 'libxml2', 'libzip']),
    'trip-reports-export.so': (GTK + POPPLER,
                               ['libsqlite3', 'libxml2', 'libzip', 'libcairo', 'libpangocairo-1.0']),
    'trip-reports-import-worker': (GTK + EXPORT + ['libsqlite3'], ['libpoppler-glib']),
    'trip-reports-window': ([], ['libgtk-4', 'libadwaita-1']),
}

LDD_LINE = re.compile(r'^\s*(\S+)')
MODULE_EXPORTS = {'tr_cli_group_main'}


def loaded_libraries(path):
    output = subprocess.run(['ldd', path], check=True, capture_output=True, text=True).stdout
    names = set()
    for line in output.splitlines():
        match = LDD_LINE.match(line)
        if match is not None:
            # "libgtk-4.so.1" and "/lib64/ld-linux-x86-64.so.2" alike
            names.add(os.path.basename(match.group(1)).split('.so')[0])
    return names


def exported_functions(path):
    output = subprocess.run(['nm', '-D', '--defined-only', path], check=True,
                            capture_output=True, text=True).stdout
    return {line.split()[-1] for line in output.splitlines() if line.split()[1:2] == ['T']}


def main(argv):
    if len(argv) != 2:
        sys.stderr.write('usage: check-programs.py FOLDER\n')
        return 2
    folder = argv[1]
    errors = []
    for program, (forbidden, required) in sorted(RULES.items()):
        libraries = loaded_libraries(os.path.join(folder, program))
        for library in sorted(libraries.intersection(forbidden)):
            errors.append(f'{program} loads {library}, which it must not')
        for library in sorted(set(required) - libraries):
            errors.append(f'{program} does not load {library}: does the check still see libraries?')
        if program.endswith('.so'):
            exports = exported_functions(os.path.join(folder, program))
            if exports != MODULE_EXPORTS:
                errors.append(f'{program} exports {", ".join(sorted(exports))}, '
                              f'not {", ".join(sorted(MODULE_EXPORTS))} alone')
        print(f'{program}: {len(libraries)} libraries')
    if errors:
        sys.stderr.write('\n'.join(errors) + '\n')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
