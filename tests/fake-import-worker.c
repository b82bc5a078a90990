/* fake-import-worker.c: stands in for `trip-reports import-worker` when a
 * test needs a worker that takes its time
 *
 * Run as `fake-import-worker import-worker PATH` (the command line the
 * importer gives the program named by TR_IMPORT_WORKER): while a file
 * PATH.hold exists it waits, forever if it never goes, and then becomes
 * the real worker ($TR_BINARY import-worker PATH). It has no timer of its
 * own: only the importer's limits, or its parent's death, end the wait.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib.h>
#include <string.h>
#include <unistd.h>

int
main (int   argc,
      char *argv[])
{
  g_autofree char *hold = NULL;
  const char *real_worker = g_getenv ("TR_BINARY");

  if (argc != 3 || strcmp (argv[1], "import-worker") != 0 || real_worker == NULL)
    {
      g_printerr ("usage: TR_BINARY=… %s import-worker PATH\n", argv[0]);
      return 2;
    }

  hold = g_strconcat (argv[2], ".hold", NULL);
  while (g_file_test (hold, G_FILE_TEST_EXISTS))
    g_usleep (20 * 1000);

  execl (real_worker, real_worker, "import-worker", argv[2], (char *) NULL);
  g_printerr ("cannot run %s: %s\n", real_worker, g_strerror (errno));
  return 127;
}
