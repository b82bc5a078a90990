/* tr-import-private.h: what the importer and its worker share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sys/stat.h>

G_BEGIN_DECLS

/* Opens @path for reading if it is a regular file of at most
 * TR_IMPORT_MAX_FILE_BYTES, judged from the file opened (not the name,
 * which may change meanwhile); fills @info. Returns the descriptor, or -1
 * with @error set. */
int tr_import_open_file (const char   *path,
                         struct stat  *info,
                         GError      **error);

G_END_DECLS
