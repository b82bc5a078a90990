/* tr-test-files.c: what the tests that must never lose a file share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <unistd.h>

#include "tr-test-files.h"
#include "tr-test-util.h"

void
tr_test_keep_file (const char  *path,
                   uid_t        uid,
                   char       **out_contents,
                   gsize       *out_length)
{
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_chmod (path, 0644));
  if (geteuid () == 0)
    g_assert_no_errno (chown (path, uid, uid));
  g_file_get_contents (path, out_contents, out_length, &error);
  g_assert_no_error (error);
}

void
tr_test_assert_file_unchanged (const char *path,
                               const char *contents,
                               gsize       length)
{
  g_autofree char *now = NULL;
  gsize now_length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &now, &now_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (now, now_length, contents, length);
}

void
tr_test_assert_only_files (const char *dir,
                           ...)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  const char *name;
  va_list args;

  va_start (args, dir);
  while ((name = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (expected, (gpointer) name);
  va_end (args);

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_ptr_array_find_with_equal_func (expected, name, g_str_equal, NULL))
      g_error ("Unexpected file “%s” left in %s", name, dir);
}

void
tr_test_trap_in_read_only_folder (const char *dir,
                                  guint       timeout_seconds)
{
  /* The file in it stays writable: a fallback that truncates it and
   * writes in place would succeed, and lose it on any error. */
  if (geteuid () == 0)
    g_assert_no_errno (chown (dir, TR_TEST_NOBODY_ID, TR_TEST_NOBODY_ID));
  g_assert_no_errno (g_chmod (dir, 0555));
  g_test_trap_subprocess (NULL, timeout_seconds * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_assert_no_errno (g_chmod (dir, 0755));
  g_test_trap_assert_passed ();
}
