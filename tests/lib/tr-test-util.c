/* tr-test-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tr-test-util.h"

void
tr_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          tr_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

void
tr_test_library_dir_set_up (TrTestLibraryDir *fixture,
                            gconstpointer     data)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", program);
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "library.db", NULL);
}

void
tr_test_library_dir_tear_down (TrTestLibraryDir *fixture,
                               gconstpointer     data)
{
  tr_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

GBytes *
tr_test_damage_jpeg_segments (GBytes *jpeg,
                              guint8  marker,
                              gsize   delta,
                              guint8  value)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);
  g_autofree guint8 *copy = g_memdup2 (data, size);
  guint n_damaged = 0;

  /* The segments up to the first scan's, each FF, marker, length. */
  for (gsize i = 2; i + 4 < size && copy[i] == 0xFF; i += 2 + ((gsize) copy[i + 2] << 8 | copy[i + 3]))
    {
      if (copy[i + 1] == marker && i + delta < size)
        {
          copy[i + delta] = value;
          n_damaged++;
        }
      if (copy[i + 1] == 0xDA)
        break;
    }
  g_assert_cmpuint (n_damaged, >, 0);
  return g_bytes_new (copy, size);
}

GArray *
tr_test_find_children (GPid        parent,
                       const char *word)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (GPid));
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *stat_path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *cmdline_path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *stat = NULL;
      g_autofree char *cmdline = NULL;
      gsize cmdline_length;
      const char *after_name;
      char state;
      int ppid;

      if (!g_ascii_isdigit (name[0]) ||
          !g_file_get_contents (stat_path, &stat, NULL, NULL) ||
          !g_file_get_contents (cmdline_path, &cmdline, &cmdline_length, NULL))
        continue;
      /* "pid (comm) state ppid …"; comm may hold spaces and parentheses. */
      after_name = strrchr (stat, ')');
      if (after_name == NULL || sscanf (after_name + 1, " %c %d", &state, &ppid) != 2 ||
          ppid != parent || state == 'Z')
        continue;
      for (gsize i = 0; i + 1 < cmdline_length; i++)
        if (cmdline[i] == '\0')
          cmdline[i] = ' ';
      if (strstr (cmdline, word) != NULL)
        {
          GPid pid = (GPid) g_ascii_strtoll (name, NULL, 10);

          g_array_append_val (pids, pid);
        }
    }
  return pids;
}

GArray *
tr_test_find_import_readers (GPid        command,
                             const char *word)
{
  GArray *readers = tr_test_find_children (command, word);
  g_autoptr(GArray) servers = tr_test_find_children (command, "--serve");

  for (guint i = 0; i < servers->len; i++)
    {
      g_autoptr(GArray) forked = tr_test_find_children (g_array_index (servers, GPid, i), word);

      g_array_append_vals (readers, forked->data, forked->len);
    }
  return readers;
}

void
tr_test_run_clear (TrTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

GSubprocess *
tr_test_spawn_binary (const TrTestRunOptions *options,
                      const char * const     *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) full_argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg_data = g_build_filename (options->dir, "xdg-data", NULL);
  g_autofree char *input_path = NULL;
  const char *binary = g_getenv ("TR_BINARY");
  GSubprocess *process;

  g_assert_nonnull (binary);

  /* The input comes from a file, not a pipe: a program that does not read
   * it (after a usage error, say) may end before a pipe was written. */
  launcher = g_subprocess_launcher_new ((options->input == NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : 0) |
                                        (options->stdout_path == NULL ? G_SUBPROCESS_FLAGS_STDOUT_PIPE : 0) |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (options->input != NULL)
    {
      int fd = g_file_open_tmp ("tr-test-input-XXXXXX", &input_path, &error);

      g_assert_no_error (error);
      close (fd);
      g_assert_true (g_file_set_contents (input_path, options->input, -1, NULL));
      g_subprocess_launcher_set_stdin_file_path (launcher, input_path);
    }
  if (options->stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, options->stdout_path);
  g_subprocess_launcher_set_cwd (launcher, options->dir);
  /* Never the user's own library, and never a display. */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg_data, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (options->child_setup != NULL)
    g_subprocess_launcher_set_child_setup (launcher, options->child_setup, NULL, NULL);
  for (guint i = 0; options->env_changes != NULL && options->env_changes[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (options->env_changes[i], "=", 2);

      if (parts[1] != NULL)
        g_subprocess_launcher_setenv (launcher, parts[0], parts[1], TRUE);
      else
        g_subprocess_launcher_unsetenv (launcher, parts[0]);
    }

  g_ptr_array_add (full_argv, (gpointer) binary);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (full_argv, (gpointer) argv[i]);
  g_ptr_array_add (full_argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) full_argv->pdata, &error);
  g_assert_no_error (error);
  if (input_path != NULL)
    g_unlink (input_path);
  return process;
}

/* All of @stream, as UTF-8 text. */
static char *
read_text (GInputStream *stream)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  char *text;

  g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (memory, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (memory, NULL, &error));
  g_assert_no_error (error);
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (memory));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return text;
}

TrTestRun
tr_test_wait_binary (GSubprocess *process)
{
  GOutputStream *input = g_subprocess_get_stdin_pipe (process);
  g_autoptr(GError) error = NULL;
  TrTestRun run = { 0 };

  if (input != NULL && g_output_stream_is_closed (input))
    {
      GInputStream *out = g_subprocess_get_stdout_pipe (process);

      /* The test gave the input and closed it, which communicate() would
       * do. Read one pipe after the other: the command line writes a few
       * lines, which cannot fill the other's while it waits. */
      run.out = out != NULL ? read_text (out) : NULL;
      run.err = read_text (g_subprocess_get_stderr_pipe (process));
      g_subprocess_wait (process, NULL, &error);
    }
  else
    {
      /* An input pipe the test has not closed is closed now. */
      g_subprocess_communicate_utf8 (process, NULL, NULL, &run.out, &run.err, &error);
    }
  g_assert_no_error (error);
  if (run.out == NULL)
    run.out = g_strdup ("");

  if (!g_subprocess_get_if_exited (process))
    g_error ("%s died of signal %d; stderr: %s", g_getenv ("TR_BINARY"),
             g_subprocess_get_term_sig (process), run.err);
  run.status = g_subprocess_get_exit_status (process);
  return run;
}

TrTestRun
tr_test_run_binary_full (const TrTestRunOptions *options,
                         const char * const     *argv)
{
  g_autoptr(GSubprocess) process = tr_test_spawn_binary (options, argv);

  return tr_test_wait_binary (process);
}

TrTestRun
tr_test_run_binary (const char         *dir,
                    const char         *input,
                    const char * const *argv)
{
  TrTestRunOptions options = { .dir = dir, .input = input };

  return tr_test_run_binary_full (&options, argv);
}

const char *
tr_test_find_libreoffice (void)
{
  const char *names[] = { "soffice", "libreoffice" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_find_program_in_path (names[i]);

      if (path != NULL)
        return names[i];
    }
  return NULL;
}

char *
tr_test_convert_with_libreoffice (const char *profile_dir,
                                  const char *path,
                                  const char *format,
                                  const char *out_dir)
{
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", profile_dir, NULL);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;
  g_autofree char *standard_output = NULL;
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  const char *soffice = tr_test_find_libreoffice ();
  const char *argv[] = { soffice, profile, "--headless", "--norestore", "--convert-to", format,
                         "--outdir", out_dir, path, NULL };
  char *dot = strrchr (base, '.');
  char *converted;
  int status;

  g_assert_nonnull (soffice);
  g_assert_no_errno (g_mkdir_with_parents (out_dir, 0755));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &standard_output, &standard_error, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s --convert-to %s %s failed:\n%s%s", soffice, format, path, standard_output, standard_error);

  if (dot != NULL)
    *dot = '\0';
  name = g_strconcat (base, ".", format, NULL);
  converted = g_build_filename (out_dir, name, NULL);
  if (!g_file_test (converted, G_FILE_TEST_IS_REGULAR))
    g_error ("LibreOffice made no %s of %s", format, path);
  return converted;
}

gboolean
tr_test_become_nobody (void)
{
  return setgroups (0, NULL) == 0 && setgid (TR_TEST_NOBODY_ID) == 0 && setuid (TR_TEST_NOBODY_ID) == 0;
}

gint64
tr_test_thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}
