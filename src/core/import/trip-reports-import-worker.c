/* trip-reports-import-worker: reads one PDF for an import
 *
 * The importer (tr-importer.c) starts it as `trip-reports-import-worker
 * PATH`, with resource limits and the password on stdin, and reads what it
 * found on stdout (tr-import-worker.h); for a batch, once, as
 * `trip-reports-import-worker --serve`, which forks a reader per file. A program of its own, linking the
 * import library and what that needs: no window, no SQLite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "tr-import-private.h"
#include "tr-import-worker.h"

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("TR_LOCALEDIR");

  /* Its errors reach the user through the importer: in the user's language. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc == 2 && strcmp (argv[1], TR_IMPORT_WORKER_SERVE_OPTION) == 0)
    return tr_import_worker_serve ();
  /* The path is taken as bytes: it need not be UTF-8. */
  if (argc != 2)
    {
      /* TRANSLATORS: the usage of a program that only Trip Reports starts */
      g_printerr (_("Usage: %s PATH\nReads one PDF for Trip Reports’ import; not to be run by hand.\n"),
                  "trip-reports-import-worker");
      return 2;
    }
  return tr_import_worker_main (argv[1]);
}
