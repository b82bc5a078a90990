#!/usr/bin/env python3
# Fails the build when a library of the core includes a header it may not.
#
# Usage: check-includes.py OUTPUT DEPFILE FOLDER [PACKAGE...]
#
# Every #include in the .c and .h files of FOLDER (not of its subfolders)
# must name one of:
#   - a project header, by its name alone ("tr-report.h"): the library's
#     include_directories decide which of them it sees, and the compiler
#     fails on the others;
#   - a header of the C library, POSIX or the Linux kernel (sys/, linux/);
#   - a header of one of PACKAGES, the pkg-config names of the library's
#     dependencies, or of a package they require.
# Anything else is an error that names the line. Headers such as
# <sqlite3.h> or <zip.h> sit in /usr/include, where every library would
# find them: this is what keeps a library from using a package it does not
# declare.
#
# On success it writes OUTPUT, a header the library lists among its
# sources so that it is checked before it is compiled, and DEPFILE, so
# that ninja checks again when a file of FOLDER changes.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import fnmatch
import os
import re
import sys

# The headers of each package as sources include them: a name, a pattern,
# or a folder (ending in "/") for everything under it.
PACKAGE_HEADERS = {
    'glib-2.0': ['glib.h', 'glib/', 'glib-unix.h'],
    'gobject-2.0': ['glib-object.h', 'gobject/'],
    'gio-2.0': ['gio/'],
    'gmodule-2.0': ['gmodule.h'],
    'json-glib-1.0': ['json-glib/'],
    'gdk-pixbuf-2.0': ['gdk-pixbuf/'],
    'sqlite3': ['sqlite3.h', 'sqlite3ext.h'],
    'libzip': ['zip.h', 'zipconf.h'],
    'libxml-2.0': ['libxml/'],
    'poppler-glib': ['poppler.h', 'poppler-*.h'],
    'cairo': ['cairo.h', 'cairo-*.h'],
    'fontconfig': ['fontconfig/'],
    'pango': ['pango/'],
    'gtk4': ['gtk/', 'gdk/', 'gsk/'],
    'libadwaita-1': ['adwaita.h'],
    'gio-unix-2.0': ['gio/gunix*.h', 'gio/gdesktopappinfo.h', 'gio/gfiledescriptorbased.h'],
    'libseccomp': ['seccomp.h', 'seccomp-syscalls.h'],
    'nettle': ['nettle/'],
}

# What a package's headers bring in, as its pkg-config Requires says: a
# library that depends on gio-2.0 may include <glib.h>.
REQUIRES = {
    'gobject-2.0': ['glib-2.0'],
    'gmodule-2.0': ['glib-2.0'],
    'gio-2.0': ['glib-2.0', 'gobject-2.0'],
    'json-glib-1.0': ['gio-2.0'],
    'gdk-pixbuf-2.0': ['gobject-2.0'],
    'poppler-glib': ['glib-2.0', 'gobject-2.0', 'cairo'],
    'pango': ['gobject-2.0'],
    'pangocairo': ['pango', 'cairo'],
    'pangoft2': ['pango', 'fontconfig'],
    'cairo-pdf': ['cairo'],
    'gtk4': ['gio-2.0', 'gdk-pixbuf-2.0', 'cairo', 'pango'],
    'libadwaita-1': ['gtk4'],
    'gio-unix-2.0': ['gio-2.0'],
}

# ISO C and POSIX: allowed everywhere.
SYSTEM_HEADERS = {
    'assert.h', 'complex.h', 'ctype.h', 'errno.h', 'fenv.h', 'float.h',
    'inttypes.h', 'iso646.h', 'limits.h', 'locale.h', 'math.h', 'setjmp.h',
    'signal.h', 'stdalign.h', 'stdarg.h', 'stdatomic.h', 'stdbool.h',
    'stddef.h', 'stdint.h', 'stdio.h', 'stdlib.h', 'stdnoreturn.h',
    'string.h', 'tgmath.h', 'threads.h', 'time.h', 'uchar.h', 'wchar.h',
    'wctype.h',
    'aio.h', 'arpa/inet.h', 'dirent.h', 'dlfcn.h', 'fcntl.h', 'fnmatch.h',
    'glob.h', 'grp.h', 'iconv.h', 'langinfo.h', 'libgen.h', 'netdb.h',
    'netinet/in.h', 'poll.h', 'pthread.h', 'pwd.h', 'regex.h', 'sched.h',
    'semaphore.h', 'spawn.h', 'strings.h', 'syslog.h', 'termios.h',
    'unistd.h', 'utime.h', 'wordexp.h',
    # glibc's own, used under #ifdef __GLIBC__
    'malloc.h',
}

INCLUDE = re.compile(r'^\s*#\s*include(?:_next)?\b\s*(.*)$')
PROJECT_HEADER = re.compile(r'^tr-[a-z0-9-]+\.h$')


def matches(header, pattern):
    if pattern.endswith('/'):
        return header.startswith(pattern)
    return fnmatch.fnmatchcase(header, pattern)


def owner(header):
    for package, patterns in PACKAGE_HEADERS.items():
        if any(matches(header, pattern) for pattern in patterns):
            return package
    return None


def allowed_packages(packages):
    allowed = set()
    pending = list(packages)
    while pending:
        package = pending.pop()
        if package not in allowed:
            allowed.add(package)
            pending.extend(REQUIRES.get(package, []))
    return allowed


def check_header(header, quoted, allowed, meson_build):
    """None when @header may be included, else why not."""
    if quoted and PROJECT_HEADER.match(header):
        return None
    if quoted and '/' in header:
        return f'"{header}" reaches into another folder: include project headers by name'
    if header in SYSTEM_HEADERS or header.startswith(('sys/', 'linux/')):
        return None
    package = owner(header)
    if package is None:
        return (f'{header} is a header of no package this check knows: add its package '
                f'to build-aux/check-includes.py and to the dependencies in {meson_build}')
    if package not in allowed:
        return (f'{header} is a header of {package}, which this library does not depend on '
                f'(its dependencies are in {meson_build})')
    return None


def check_file(path, allowed, meson_build):
    errors = []
    # Relative to where the build runs, as the compiler names files.
    where = os.path.relpath(path)
    with open(path, encoding='utf-8') as source:
        for number, line in enumerate(source, 1):
            match = INCLUDE.match(line)
            if match is None:
                continue
            rest = match.group(1)
            name = re.match(r'<([^>]+)>|"([^"]+)"', rest)
            if name is None:
                errors.append(f'{where}:{number}: error: a computed #include cannot be checked')
                continue
            header = name.group(1) or name.group(2)
            why = check_header(header, name.group(2) is not None, allowed, meson_build)
            if why is not None:
                errors.append(f'{where}:{number}: error: {why}')
    return errors


def escape(path):
    return path.replace(' ', '\\ ')


def main(argv):
    if len(argv) < 4:
        sys.stderr.write('usage: check-includes.py OUTPUT DEPFILE FOLDER [PACKAGE...]\n')
        return 2
    output, depfile, folder, packages = argv[1], argv[2], argv[3], argv[4:]
    allowed = allowed_packages(packages)
    meson_build = os.path.relpath(os.path.join(folder, 'meson.build'))
    files = sorted(os.path.join(folder, name) for name in os.listdir(folder)
                   if name.endswith(('.c', '.h')))

    errors = []
    for path in files:
        errors.extend(check_file(path, allowed, meson_build))
    if errors:
        sys.stderr.write('\n'.join(errors) + '\n')
        return 1

    with open(output, 'w', encoding='utf-8') as out:
        out.write(f'/* Generated by build-aux/check-includes.py: the includes of {folder} '
                  f'are those of {", ".join(sorted(allowed)) or "no package"}. */\n')
    # The folder too: ninja sees a file added to it or removed.
    targets = ' '.join(escape(path) for path in [folder] + files)
    with open(depfile, 'w', encoding='utf-8') as out:
        out.write(f'{escape(output)}: {targets}\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
