/* fake-import-worker.c: stands in for trip-reports-import-worker when a
 * test needs a worker that crashes or takes its time
 *
 * Run as `fake-import-worker PATH` (the command line the importer gives
 * the program named by TR_IMPORT_WORKER). It crashes (abort()) when a file
 * PATH.crash exists; while a file PATH.hold exists it waits, forever if it
 * never goes; then it becomes the real worker of the build tree
 * (REAL_IMPORT_WORKER). It has no timer of its own: only the importer's
 * limits, or its parent's death, end the wait.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <unistd.h>

int
main (int   argc,
      char *argv[])
{
  g_autofree char *crash = NULL;
  g_autofree char *hold = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s PATH\n", argv[0]);
      return 2;
    }

  crash = g_strconcat (argv[1], ".crash", NULL);
  if (g_file_test (crash, G_FILE_TEST_EXISTS))
    abort ();

  hold = g_strconcat (argv[1], ".hold", NULL);
  while (g_file_test (hold, G_FILE_TEST_EXISTS))
    g_usleep (20 * 1000);

  execl (REAL_IMPORT_WORKER, REAL_IMPORT_WORKER, argv[1], (char *) NULL);
  g_printerr ("cannot run %s: %s\n", REAL_IMPORT_WORKER, g_strerror (errno));
  return 127;
}
