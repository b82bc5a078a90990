/* tr-library-path.h: what a library path names, before SQLite sees it
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The store opens (tr-report-store.c) and the search command reads
 * (src/cli/tr-cli-search.c) a library only at a path of a file, by the same
 * rules: this says which case @path is. */
typedef enum {
  TR_LIBRARY_PATH_FILE,         /* a regular file, a link followed */
  TR_LIBRARY_PATH_MISSING,      /* nothing there yet: a new library */
  TR_LIBRARY_PATH_EMPTY,        /* "": an unset variable in a script */
  TR_LIBRARY_PATH_IN_MEMORY,    /* ":memory:" and the like: SQLite keeps them in memory */
  TR_LIBRARY_PATH_URI,          /* "file:…", which SQLite reads as a URI */
  TR_LIBRARY_PATH_FOLDER,
  TR_LIBRARY_PATH_SPECIAL,      /* a device, a pipe or a socket */
  TR_LIBRARY_PATH_UNREADABLE,   /* stat() failed otherwise: see *out_errno */
} TrLibraryPathKind;

/* @out_errno: set for TR_LIBRARY_PATH_UNREADABLE. */
TrLibraryPathKind tr_library_path_classify (const char *path,
                                            int        *out_errno);

G_END_DECLS
