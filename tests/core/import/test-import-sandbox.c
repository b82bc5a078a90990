/* test-import-sandbox.c: the import worker's confinement, from inside
 *
 * Each test confines a subprocess of its own with the very function the
 * worker calls (tr_import_sandbox_enter()), then tries what a PDF that took
 * the worker over would try: open other files, write, create, remove,
 * connect, start a program or a process, signal its parent. What reading
 * needs must still work: a file opened before, threads, memory, reading
 * below the folders it was given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE  /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tr-import-sandbox.h"
#include "tr-test-util.h"

#define SECRET "not for the worker"

static char *test_dir;

static char *
test_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* -1 with EPERM or EACCES: refused, by the filter or by Landlock. */
static void
assert_refused (int         result,
                const char *what)
{
  int saved_errno = errno;

  g_test_message ("%s: %d (%s)", what, result, result < 0 ? g_strerror (saved_errno) : "allowed");
  g_assert_cmpint (result, ==, -1);
  g_assert_true (saved_errno == EPERM || saved_errno == EACCES);
}

static gpointer
count_in_thread (gpointer data)
{
  guint64 sum = 0;

  for (guint i = 0; i < 1000; i++)
    sum += i;
  return GSIZE_TO_POINTER ((gsize) sum);
}

/* Ends the confined subprocess: its test passed. Not through exit(): under
 * AddressSanitizer, the leak check at exit needs ptrace, which the filter
 * refuses. */
static void
pass_and_exit (void)
{
  fflush (stdout);
  fflush (stderr);
  _exit (0);
}

/* What the worker may still do, and what it may not. */
static void
test_confined (void)
{
  g_autofree char *data_dir = test_path ("poppler-data");
  g_autofree char *data_file = g_build_filename (data_dir, "cMap", NULL);
  g_autofree char *opened_before = test_path ("document.pdf");
  g_autofree char *secret = test_path ("secret.txt");
  g_autofree char *created = test_path ("created.txt");
  g_autofree char *renamed = test_path ("renamed.txt");

  if (!g_test_subprocess ())
    {
      g_assert_no_errno (g_mkdir (data_dir, 0755));
      write_file (data_file, "a CMap");
      write_file (opened_before, "%PDF-1.7 the document");
      write_file (secret, SECRET);

      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();

      /* Nothing changed outside. */
      g_assert_true (g_file_test (secret, G_FILE_TEST_IS_REGULAR));
      g_assert_false (g_file_test (created, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (renamed, G_FILE_TEST_EXISTS));
      return;
    }

  {
    const char * const readable[] = { data_dir, NULL };
    g_autoptr(GError) error = NULL;
    int document = open (opened_before, O_RDONLY | O_CLOEXEC);
    char buffer[64] = { 0 };
    gboolean limits_reading = tr_import_sandbox_can_limit_reading ();
    int fd;

    g_assert_cmpint (document, >=, 0);
    g_assert_true (tr_import_sandbox_enter (readable, &error));
    g_assert_no_error (error);

    /* What reading needs. */
    g_assert_cmpint (read (document, buffer, sizeof buffer - 1), >, 0);
    g_assert_true (g_str_has_prefix (buffer, "%PDF-1.7"));
    fd = open (data_file, O_RDONLY | O_CLOEXEC);
    g_assert_cmpint (fd, >=, 0);
    close (fd);
    {
      GThread *thread = g_thread_new ("reader", count_in_thread, NULL);

      g_assert_cmpuint (GPOINTER_TO_SIZE (g_thread_join (thread)), ==, 499500);
    }
    g_free (g_malloc (64 << 20));

    /* Other files: not even for reading, where the kernel can tell. */
    if (limits_reading)
      {
        assert_refused (open (secret, O_RDONLY | O_CLOEXEC), "reading another file");
        assert_refused (open ("/etc/passwd", O_RDONLY | O_CLOEXEC), "reading /etc/passwd");
      }
    else
      g_test_message ("no Landlock in this kernel: reading is not limited to folders");
    assert_refused (open (secret, O_WRONLY | O_CLOEXEC), "writing a file");
    assert_refused (open (secret, O_RDWR | O_CLOEXEC), "opening a file to read and write");
    assert_refused (open (secret, O_RDONLY | O_TRUNC | O_CLOEXEC), "truncating a file");
    assert_refused (open (created, O_WRONLY | O_CREAT | O_CLOEXEC, 0644), "creating a file");
    assert_refused (open (test_dir, O_WRONLY | O_TMPFILE | O_CLOEXEC, 0600), "creating a hidden file");
    assert_refused (unlink (secret), "removing a file");
    assert_refused (rename (secret, renamed), "renaming a file");
    assert_refused (mkdir (created, 0755), "making a folder");

    /* No network, no other program, no new process, no signal out. */
    assert_refused (socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), "an Internet socket");
    assert_refused (socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0), "a local socket");
    /* Were it allowed, false(1) would end this process with a failure. */
    assert_refused (execl ("/bin/false", "false", (char *) NULL), "running a program");
    {
      pid_t child = fork ();

      if (child == 0)
        _exit (0);
      if (child > 0)
        waitpid (child, NULL, 0);
      assert_refused (child, "starting a process");
    }
    /* Signal 0 only asks whether it could. */
    assert_refused (kill (getppid (), 0), "signalling the parent");
  }
  pass_and_exit ();
}

/* A refused call must not kill the process: the worker says what went
 * wrong rather than vanish. */
static void
test_refusal_is_an_error (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (tr_import_sandbox_enter (NULL, &error));
      assert_refused (socket (AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), "a socket");
      g_print ("still here\n");
      pass_and_exit ();
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*still here*");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* The subprocess of a test finds the files its parent made. */
  if (g_getenv ("TR_SANDBOX_TEST_DIR") != NULL)
    test_dir = g_strdup (g_getenv ("TR_SANDBOX_TEST_DIR"));
  else
    {
      test_dir = g_dir_make_tmp ("test-import-sandbox-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("TR_SANDBOX_TEST_DIR", test_dir, TRUE);
    }

  g_test_add_func ("/import-sandbox/confined", test_confined);
  g_test_add_func ("/import-sandbox/refusal-is-an-error", test_refusal_is_an_error);

  status = g_test_run ();

  if (!g_test_subprocess ())
    tr_test_remove_tree (test_dir);
  g_free (test_dir);
  return status;
}
