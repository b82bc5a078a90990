/* fuzz-replay.c: runs the fuzz target over a corpus without libFuzzer
 *
 * Usage: fuzz-parser-replay DIRECTORY-OR-FILE...
 * Every file is given to LLVMFuzzerTestOneInput once; a crash fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static gboolean
replay_file (const char  *path,
             GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  return TRUE;
}

static gboolean
replay (const char  *path,
        guint       *n_files,
        GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      (*n_files)++;
      return replay_file (path, error);
    }

  if ((dir = g_dir_open (path, 0, error)) == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      (*n_files)++;
      if (!replay_file (g_ptr_array_index (names, i), error))
        return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint n_files = 0;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s DIRECTORY-OR-FILE...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!replay (argv[i], &n_files, &error))
        {
          fprintf (stderr, "%s: %s\n", argv[i], error->message);
          return 1;
        }
    }
  /* An empty corpus would make this test pass without testing anything. */
  if (n_files == 0)
    {
      fprintf (stderr, "No corpus files in the arguments\n");
      return 1;
    }
  printf ("Replayed %u files\n", n_files);
  return 0;
}
