/* tr-test-util.h: helpers the test programs share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The user nobody: tests run as root drop to it, for whom file
 * permissions hold. */
#define TR_TEST_NOBODY_ID 65534

/* Drops supplementary groups, then becomes group and user nobody; FALSE
 * when a call failed. Only system calls: safe between fork and exec. */
gboolean tr_test_become_nobody (void);

/* Removes @path and everything below it, not following links; folders a
 * test made read-only are made writable first. Missing paths are fine. */
void    tr_test_remove_tree    (const char *path);

/* A test's own folder with the path of a library in it: the fixture of
 * tests that run the command line on a library of their own. */
typedef struct {
  char *dir;      /* a new temporary folder, named after the test program */
  char *db_path;  /* dir/library.db, not made */
} TrTestLibraryDir;

/* For g_test_add (): makes the folder; removes it with all in it. */
void tr_test_library_dir_set_up    (TrTestLibraryDir *fixture,
                                    gconstpointer     data);
void tr_test_library_dir_tear_down (TrTestLibraryDir *fixture,
                                    gconstpointer     data);

/* A copy of @jpeg with the byte @delta after the start of each of its
 * @marker segments (FF @marker, before the first scan's data) set to
 * @value: a damaged header, table or size. Fails the test when @jpeg has
 * no such segment. */
GBytes *tr_test_damage_jpeg_segments (GBytes *jpeg,
                                      guint8  marker,
                                      gsize   delta,
                                      guint8  value);

/* The processes whose parent is @parent and whose command line has @word,
 * zombies left out (GPid). */
GArray *tr_test_find_children  (GPid        parent,
                                const char *word);

/* The processes of @command's import reading a file whose command line
 * has @word: its workers, or the readers its serving workers forked. */
GArray *tr_test_find_import_readers (GPid        command,
                                     const char *word);

/* What one run of the trip-reports binary gave. */
typedef struct {
  int   status;  /* its exit status: a crash fails the test */
  char *out;     /* standard output and error, checked to be UTF-8 */
  char *err;
} TrTestRun;

void      tr_test_run_clear  (TrTestRun          *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrTestRun, tr_test_run_clear)

/* How to run the binary, beyond its arguments. */
typedef struct {
  const char           *dir;          /* working folder; XDG_DATA_HOME is dir/xdg-data */
  const char           *input;        /* standard input, or NULL for an empty one */
  const char * const   *env_changes;  /* "NAME=value" sets, "NAME" unsets; or NULL */
  GSpawnChildSetupFunc  child_setup;  /* run between fork and exec (say, to drop
                                       * privileges), or NULL */
  const char           *stdout_path;  /* standard output goes to this file (say,
                                       * /dev/full) rather than to TrTestRun.out,
                                       * left empty; or NULL */
} TrTestRunOptions;

/* Runs $TR_BINARY with @argv (NULL-terminated, without the program) as
 * @options say, with XDG_DATA_HOME in the folder so that the user's library
 * is never touched, and no display. Its output must be UTF-8, and a crash
 * (a signal, a fatal critical) fails the test. This is the one way the
 * tests run the command line. */
TrTestRun tr_test_run_binary_full (const TrTestRunOptions *options,
                                   const char * const     *argv);

/* tr_test_run_binary_full() in two steps, for runs at the same time:
 * starts the binary and returns at once; with no @options->input, its
 * standard input is a pipe, for the test to write to and close. */
GSubprocess *tr_test_spawn_binary (const TrTestRunOptions *options,
                                   const char * const     *argv);
/* Waits for a process of tr_test_spawn_binary() to end: what it gave,
 * checked as tr_test_run_binary_full() checks it. */
TrTestRun    tr_test_wait_binary  (GSubprocess            *process);

/* The same, in @dir, @input (if not NULL) on standard input. */
TrTestRun tr_test_run_binary (const char         *dir,
                              const char         *input,
                              const char * const *argv);

/* Microseconds of CPU the calling thread has used: what a piece of work
 * cost it, whatever else the machine runs. */
gint64 tr_test_thread_cpu_time (void);

/* LibreOffice, as soffice or libreoffice, or NULL when neither is in PATH. */
const char *tr_test_find_libreoffice (void);

/* Converts @path to @format ("pdf", "odt") with LibreOffice into @out_dir
 * (made if missing), with its user profile in @profile_dir, away from
 * $HOME; the path of the new file. Fails the test when LibreOffice fails or
 * writes nothing. */
char      *tr_test_convert_with_libreoffice (const char *profile_dir,
                                             const char *path,
                                             const char *format,
                                             const char *out_dir);

G_END_DECLS
