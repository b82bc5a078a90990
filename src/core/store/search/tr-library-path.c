/* tr-library-path.c: what a library path names, before SQLite sees it
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <errno.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "tr-library-path.h"

TrLibraryPathKind
tr_library_path_classify (const char *path,
                          int        *out_errno)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, TR_LIBRARY_PATH_EMPTY);

  /* SQLite reads these otherwise than as files: a report saved there would
   * be said saved, and be gone when the program ends. */
  if (path[0] == '\0')
    return TR_LIBRARY_PATH_EMPTY;
  if (path[0] == ':')
    return TR_LIBRARY_PATH_IN_MEMORY;
  if (g_str_has_prefix (path, "file:"))
    return TR_LIBRARY_PATH_URI;

  /* g_stat() follows a link: SQLite resolves it too, so the journal and
   * WAL sit beside the real file and every name of it takes the same locks. */
  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TR_LIBRARY_PATH_MISSING;
      if (out_errno != NULL)
        *out_errno = saved_errno;
      return TR_LIBRARY_PATH_UNREADABLE;
    }
  if (S_ISDIR (st.st_mode))
    return TR_LIBRARY_PATH_FOLDER;
  if (!S_ISREG (st.st_mode))
    return TR_LIBRARY_PATH_SPECIAL;
  return TR_LIBRARY_PATH_FILE;
}
