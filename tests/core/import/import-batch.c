/* import-batch.c: a batch on the command line: progress on a terminal only,
 * and a batch run again skips what it imported
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-import.h"

/* Runs `trip-reports import --db @db @files…`, under a terminal of its own
 * (script(1)) when @terminal; stdout and stderr together, and the status. */
static char *
run_import (const char          *db,
            const char * const  *files,
            gboolean             terminal,
            int                 *out_status)
{
  g_autoptr(GString) command = g_string_new (NULL);
  g_autofree char *quoted_binary = g_shell_quote (g_getenv ("TR_BINARY"));
  g_autofree char *quoted_db = g_shell_quote (db);
  g_autoptr(GError) error = NULL;
  char *output = NULL;

  g_string_append_printf (command, "%s import --db %s", quoted_binary, quoted_db);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *quoted = g_shell_quote (files[i]);

      g_string_append_printf (command, " %s", quoted);
    }

  if (terminal)
    {
      const char *argv[] = { "script", "-qec", command->str, "/dev/null", NULL };

      g_spawn_sync (test_dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDIN_FROM_DEV_NULL, NULL,
                    NULL, &output, NULL, out_status, &error);
    }
  else
    {
      g_autofree char *redirected = g_strconcat (command->str, " 2>&1", NULL);
      const char *argv[] = { "sh", "-c", redirected, NULL };

      g_spawn_sync (test_dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDIN_FROM_DEV_NULL, NULL,
                    NULL, &output, NULL, out_status, &error);
    }
  g_assert_no_error (error);
  return output;
}

/* On a terminal, a batch shows how many files are done and, once one is,
 * the time left, on a line redrawn in place and cleared before each file's
 * line; piped, nothing but the files' lines. Run again, the batch imports
 * nothing twice: each file is refused by its content (a copy under another
 * name too). */
static void
test_batch_progress (void)
{
  g_autofree char *db = test_path ("batch-progress.db");
  g_autofree char *a = make_small_pdf ("batch-a.pdf", 31);
  g_autofree char *b = make_small_pdf ("batch-b.pdf", 32);
  g_autofree char *c = make_small_pdf ("batch-c.pdf", 33);
  g_autofree char *copy = test_path ("batch-a-copy.pdf");
  g_autoptr(GBytes) a_bytes = read_bytes (a);
  /* Named as from the folder they are in: the messages name them so. */
  const char *files[] = { "batch-a.pdf", "batch-b.pdf", "batch-c.pdf", NULL };
  const char *again[] = { "batch-b.pdf", "batch-a-copy.pdf", NULL };
  g_autofree char *piped = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *second = NULL;
  g_autofree char *db2 = test_path ("batch-progress-piped.db");
  int status = -1;

  if (!have_program ("script"))
    {
      g_test_skip ("script (util-linux) is not installed");
      return;
    }

  shown = run_import (db, files, TRUE, &status);
  g_test_message ("on a terminal:\n%s", shown);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (shown, "Importing: 0 of 3 files done"));
  g_assert_nonnull (strstr (shown, "of 3 files done, about "));
  g_assert_nonnull (strstr (shown, "\r\033[K"));
  /* Cleared at the end: the last thing written is a file's line. */
  g_assert_true (g_str_has_suffix (shown, "batch-c.pdf\r\n"));

  piped = run_import (db2, files, FALSE, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_null (strstr (piped, "Importing"));
  g_assert_null (strchr (piped, '\r'));

  write_bytes (copy, g_bytes_get_data (a_bytes, NULL), g_bytes_get_size (a_bytes));
  second = run_import (db, again, FALSE, &status);
  g_test_message ("again:\n%s", second);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (second, "“batch-b.pdf”: already in the library"));
  g_assert_nonnull (strstr (second, "“batch-a-copy.pdf”: already in the library"));
}

void
add_batch_tests (void)
{
  g_test_add_func ("/import/batch/progress", test_batch_progress);
}
