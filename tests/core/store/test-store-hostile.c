/* test-store-hostile.c: libraries and paths that must neither crash the
 * store nor lose a report
 *
 * Files whose schema version no Trip Reports wrote, paths SQLite would not
 * keep on disk (an empty one, ":memory:", URIs), what is not a library file
 * (a folder, a device, links), many processes of the real binary creating
 * the same new library at once, and a disk that fills up between a save and
 * its search index entries: a real tmpfs of a few megabytes, mounted in a
 * mount namespace of the test's own, so that nothing outside the test sees
 * it and it goes away with the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tr-error.h"
#include "tr-pdf-maker.h"
#include "tr-report-json.h"
#include "tr-report-store.h"
#include "tr-test-util.h"

/* ---- helpers ------------------------------------------------------------ */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tr-test-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);

  if (rc != SQLITE_OK)
    g_error ("sqlite3_open_v2 (%s): %s", path, sqlite3_errstr (rc));
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

/* A library at rest, as the app leaves it, with one report: its ID. */
static char *
make_library (const char *path,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);

  g_assert_no_error (error);
  tr_report_set_text (report, TR_FIELD_TITLE, title);
  tr_report_set_section (report, TR_SECTION_PROCESS, "拜會東京都住宅局，參觀公營住宅。");
  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);
  g_assert_true (tr_report_store_update_index (store, &error));
  g_assert_no_error (error);
  return g_strdup (tr_report_get_id (report));
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_bytes_unchanged (const char *path,
                        GBytes     *before)
{
  g_autoptr(GBytes) after = read_bytes (path);

  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                   g_bytes_get_data (before, NULL), g_bytes_get_size (before));
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* The store's error for @path: what failed, the path, and why. */
static void
assert_open_refused (const char *path,
                     int         code,
                     const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);
  g_autofree char *quoted = g_strdup_printf ("“%s”", path);

  g_assert_null (store);
  g_assert_error (error, TR_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_str_has_prefix (error->message, "Could not open the library "));
  g_assert_nonnull (strstr (error->message, quoted));
  if (strstr (error->message, why) == NULL)
    g_error ("“%s” does not say “%s”", error->message, why);
}

/* One run of the binary (tr-test-util.h), in @cwd. */
typedef TrTestRun Result;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, tr_test_run_clear)

static Result
run_binary_full (const char         *cwd,
                 const char * const *argv)
{
  return tr_test_run_binary (cwd, NULL, argv);
}

#define run_binary(cwd, ...) run_binary_full ((cwd), (const char * const []) { __VA_ARGS__, NULL })

/* ---- schema versions no Trip Reports wrote ------------------------------ */

/* A negative version once made the store run migrations[-1]; then, at
 * version 0, every later open took the library for someone else's file. */
static void
test_unknown_version (void)
{
  static const int versions[] = {
    -1, -2, G_MININT32, TR_REPORT_STORE_SCHEMA_VERSION + 1, G_MAXINT32,
  };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *dir = make_tmp_dir ();
      g_autofree char *path = g_build_filename (dir, "library.db", NULL);
      g_autofree char *id = make_library (path, "未知版本");
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", versions[i]);
      g_autofree char *number = g_strdup_printf ("%d", versions[i]);
      g_autoptr(GBytes) before = NULL;
      sqlite3 *db;

      g_test_message ("user_version %d", versions[i]);
      db = raw_open (path);
      raw_exec (db, pragma);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
      before = read_bytes (path);

      /* Refused, and the same way the second time: nothing was changed. */
      for (guint attempt = 0; attempt < 2; attempt++)
        {
          if (versions[i] < 0)
            assert_open_refused (path, TR_ERROR_DB_NOT_DATABASE, number);
          else
            assert_open_refused (path, TR_ERROR_DB_NEWER_SCHEMA, "newer version");
          assert_bytes_unchanged (path, before);
          g_assert_cmpuint (count_entries (dir), ==, 1);
        }
      g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, versions[i]);
      g_assert_cmpint (raw_int (path, "SELECT count(*) FROM reports"), ==, 1);
      tr_test_remove_tree (dir);
    }
}

/* ---- paths SQLite would not keep ---------------------------------------- */

/* An unset variable in a script (--db "$LIBRARY") or ":memory:" would save
 * into a database that vanishes when the process ends: the report would be
 * reported saved, and lost. */
static void
test_not_a_file_path (void)
{
  static const char * const paths[] = {
    "", ":memory:", ":library.db", "file:library.db", "file::memory:",
    "file:library.db?mode=memory&cache=shared",
  };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *cwd = g_get_current_dir ();

  /* Relative paths land in the test's folder, which must stay empty. */
  g_assert_no_errno (g_chdir (dir));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    assert_open_refused (paths[i], TR_ERROR_DB_CANT_OPEN, paths[i][0] == '\0' ? "empty" : "./");
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* What the messages suggest works: a file of that name. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReportStore) store = tr_report_store_open ("./:memory:", &error);

    g_assert_no_error (error);
    g_assert_true (g_file_test (":memory:", G_FILE_TEST_IS_REGULAR));
  }
  g_assert_no_errno (g_chdir (cwd));
  tr_test_remove_tree (dir);
}

/* ---- what is not a library file ----------------------------------------- */

static void
test_folder (void)
{
  g_autofree char *dir = make_tmp_dir ();

  assert_open_refused (dir, TR_ERROR_DB_CANT_OPEN, "is a folder");
  g_assert_cmpuint (count_entries (dir), ==, 0);
  tr_test_remove_tree (dir);
}

/* Writes to a device would vanish (/dev/null) or land anywhere; SQLite
 * would also make /dev/null-journal, in /dev. */
static void
test_device (void)
{
  gboolean journal_existed = g_file_test ("/dev/null-journal", G_FILE_TEST_EXISTS);
  gboolean wal_existed = g_file_test ("/dev/null-wal", G_FILE_TEST_EXISTS);

  assert_open_refused ("/dev/null", TR_ERROR_DB_CANT_OPEN, "not a regular file");
  if (!journal_existed)
    g_assert_false (g_file_test ("/dev/null-journal", G_FILE_TEST_EXISTS));
  if (!wal_existed)
    g_assert_false (g_file_test ("/dev/null-wal", G_FILE_TEST_EXISTS));

  {
    g_autofree char *dir = make_tmp_dir ();
    g_autofree char *fifo = g_build_filename (dir, "library.db", NULL);

    g_assert_no_errno (mkfifo (fifo, 0600));
    assert_open_refused (fifo, TR_ERROR_DB_CANT_OPEN, "not a regular file");
    g_assert_cmpuint (count_entries (dir), ==, 1);
    tr_test_remove_tree (dir);
  }
}

/* A link is followed: a library kept on another disk or in a synchronised
 * folder behind a link is an ordinary set-up. SQLite resolves the link, so
 * its journal and WAL sit beside the real file and every name of the
 * library takes the same locks. */
static void
test_symlink (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *real_dir = g_build_filename (dir, "real", NULL);
  g_autofree char *link_dir = g_build_filename (dir, "links", NULL);
  g_autofree char *real = g_build_filename (real_dir, "library.db", NULL);
  g_autofree char *link = g_build_filename (link_dir, "library.db", NULL);
  g_autofree char *loop_a = g_build_filename (link_dir, "a.db", NULL);
  g_autofree char *loop_b = g_build_filename (link_dir, "b.db", NULL);
  g_autofree char *real_wal = g_strconcat (real, "-wal", NULL);
  g_autofree char *link_wal = g_strconcat (link, "-wal", NULL);
  g_autofree char *first = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir (real_dir, 0700));
  g_assert_no_errno (g_mkdir (link_dir, 0700));
  first = make_library (real, "真實路徑");
  g_assert_no_errno (symlink ("../real/library.db", link));

  {
    g_autoptr(TrReportStore) through_link = tr_report_store_open (link, &error);
    g_autoptr(TrReportStore) direct = NULL;
    g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
    g_autoptr(TrReport) loaded = NULL;

    g_assert_no_error (error);
    loaded = tr_report_store_load (through_link, first, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (tr_report_get_text (loaded, TR_FIELD_TITLE), ==, "真實路徑");
    g_clear_object (&loaded);
    tr_report_set_text (report, TR_FIELD_TITLE, "經由連結");
    g_assert_true (tr_report_store_save (through_link, report, &error));
    g_assert_no_error (error);

    /* One WAL, beside the real file, shared by both names. */
    g_assert_true (g_file_test (real_wal, G_FILE_TEST_IS_REGULAR));
    g_assert_false (g_file_test (link_wal, G_FILE_TEST_EXISTS));
    direct = tr_report_store_open (real, &error);
    g_assert_no_error (error);
    loaded = tr_report_store_load (direct, tr_report_get_id (report), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (tr_report_get_text (loaded, TR_FIELD_TITLE), ==, "經由連結");
  }
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpuint (count_entries (link_dir), ==, 1);

  /* A loop of links cannot be followed: said so. */
  g_assert_no_errno (symlink ("b.db", loop_a));
  g_assert_no_errno (symlink ("a.db", loop_b));
  assert_open_refused (loop_a, TR_ERROR_DB_CANT_OPEN, "symbolic links");
  tr_test_remove_tree (dir);
}

/* ---- many processes creating one library -------------------------------- */

#define N_PROCESSES 80

/* Each `new` first reads its JSON from standard input: all the processes
 * are started and waiting there before any of them touches the library,
 * then all get their input at once. */
static void
test_concurrent_first_open (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const argv[] = { "new", "--db", path, "--from-json", "-", NULL };
  /* No input given: each reads a pipe, written below. */
  const TrTestRunOptions options = { .dir = dir };
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;

  for (guint i = 0; i < N_PROCESSES; i++)
    g_ptr_array_add (processes, tr_test_spawn_binary (&options, argv));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A few dozen bytes each: the pipes take them without blocking. */
  for (guint i = 0; i < N_PROCESSES; i++)
    {
      GOutputStream *input = g_subprocess_get_stdin_pipe (processes->pdata[i]);
      g_autofree char *json = g_strdup_printf ("{ \"fields\": { \"title\": \"同時建立第%u份\" } }", i);

      g_assert_true (g_output_stream_write_all (input, json, strlen (json), NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_output_stream_close (input, NULL, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < N_PROCESSES; i++)
    {
      g_auto(Result) result = tr_test_wait_binary (processes->pdata[i]);

      if (result.status != 0)
        {
          g_test_message ("process %u: status %d: %s", i, result.status, g_strchomp (result.err));
          n_failed++;
          continue;
        }
      g_assert_cmpstr (result.err, ==, "");
      g_strchomp (result.out);
      g_assert_true (g_uuid_string_is_valid (result.out));
      g_hash_table_add (ids, g_steal_pointer (&result.out));
    }
  g_assert_cmpuint (n_failed, ==, 0);

  {
    g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);
    g_autoptr(GPtrArray) hits = NULL;
    GHashTableIter iter;
    gpointer id;

    g_assert_no_error (error);
    g_assert_cmpuint (tr_report_store_count (store, &error), ==, N_PROCESSES);
    g_hash_table_iter_init (&iter, ids);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      {
        g_autoptr(TrReport) report = tr_report_store_load (store, id, &error);

        g_assert_no_error (error);
      }
    hits = tr_report_store_search (store, "同時建立", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, N_PROCESSES);
  }
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, TR_REPORT_STORE_SCHEMA_VERSION);
  tr_test_remove_tree (dir);
}

/* ---- a command waiting its turn ----------------------------------------- */

/* Longer than a window waits (3 s) for another program's change. */
#define LOCK_HELD_US (6 * G_USEC_PER_SEC)

/* A script's command finds the library busy with another program's change
 * (here a transaction held open): it waits for it rather than fail, and
 * its report is saved once the other change is done. */
static void
test_command_waits_its_turn (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  const char * const argv[] = { "new", "--db", path, "--from-json", "-", NULL };
  const TrTestRunOptions options = { .dir = dir };
  const char *json = "{ \"fields\": { \"title\": \"輪到我了\" } }";
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = make_library (path, "先來的報告");
  sqlite3 *other = raw_open (path);
  GOutputStream *input;

  raw_exec (other, "BEGIN IMMEDIATE; UPDATE reports SET modified = modified;");
  process = tr_test_spawn_binary (&options, argv);
  input = g_subprocess_get_stdin_pipe (process);
  g_assert_true (g_output_stream_write_all (input, json, strlen (json), NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (input, NULL, &error));
  g_assert_no_error (error);

  g_usleep (LOCK_HELD_US);
  raw_exec (other, "COMMIT");
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);

  {
    g_auto(Result) result = tr_test_wait_binary (process);
    g_autoptr(TrReportStore) store = NULL;
    g_autoptr(GPtrArray) hits = NULL;

    g_assert_cmpstr (result.err, ==, "");
    g_assert_cmpint (result.status, ==, 0);
    store = tr_report_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tr_report_store_count (store, &error), ==, 2);
    hits = tr_report_store_search (store, "輪到我了", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }
  tr_test_remove_tree (dir);
}

/* ---- a disk that fills up ----------------------------------------------- */

/* The child's g_test_message() goes nowhere: its stderr reaches the log. */
#define note(...) g_printerr ("# " __VA_ARGS__)

#define DISK_SIZE (24 * 1024 * 1024)

/* How to mount a tmpfs of a given size on a folder, worked out beforehand:
 * the probe below mounts in a child forked from a process that may have
 * threads, where only system calls are safe. */
typedef struct {
  char  dir[PATH_MAX];
  char  options[64];
  char  uid_map[32];
  char  gid_map[32];
} SmallDisk;

static void
small_disk_init (SmallDisk  *disk,
                 const char *dir,
                 guint64     size)
{
  g_assert_cmpuint (g_strlcpy (disk->dir, dir, sizeof disk->dir), <, sizeof disk->dir);
  g_snprintf (disk->options, sizeof disk->options, "size=%" G_GUINT64_FORMAT ",mode=0700", size);
  g_snprintf (disk->uid_map, sizeof disk->uid_map, "0 %u 1", (unsigned) geteuid ());
  g_snprintf (disk->gid_map, sizeof disk->gid_map, "0 %u 1", (unsigned) getegid ());
}

static gboolean
write_proc_file (const char *path,
                 const char *text)
{
  int fd = open (path, O_WRONLY);
  gboolean written = fd >= 0 && write (fd, text, strlen (text)) == (ssize_t) strlen (text);

  if (fd >= 0)
    close (fd);
  return written;
}

/* Mounts the disk for this process and its children: in a mount namespace
 * of their own (and, without root, a user namespace in which we are root),
 * so that the mount goes away with them. Returns an errno. */
static int
mount_small_disk (const SmallDisk *disk)
{
  if (geteuid () != 0)
    {
      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return errno;
      /* Needed before gid_map where setgroups(2) is allowed; absent on
       * older kernels. */
      write_proc_file ("/proc/self/setgroups", "deny");
      if (!write_proc_file ("/proc/self/uid_map", disk->uid_map) ||
          !write_proc_file ("/proc/self/gid_map", disk->gid_map))
        return errno;
    }
  else if (unshare (CLONE_NEWNS) != 0)
    return errno;

  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", disk->dir, "tmpfs", MS_NOSUID | MS_NODEV, disk->options) != 0)
    return errno;
  return 0;
}

/* Root can always mount the disk (the CI runs the tests as root): there the
 * test must run. Others need unprivileged user namespaces, which a probe in
 * a child process tells. */
static gboolean
can_mount_small_disk (void)
{
  g_autofree char *dir = NULL;
  SmallDisk disk;
  pid_t pid;
  int status = 0;

  if (geteuid () == 0)
    return TRUE;
  dir = make_tmp_dir ();
  small_disk_init (&disk, dir, 1024 * 1024);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (mount_small_disk (&disk) == 0 ? 0 : 1);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  tr_test_remove_tree (dir);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static guint64
free_bytes (const char *dir)
{
  struct statvfs st;

  g_assert_no_errno (statvfs (dir, &st));
  return (guint64) st.f_bavail * st.f_frsize;
}

static void
remove_library (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

/* What opening the library, saving @report new and adding its index
 * entries each take of the disk, measured on a library at rest on it. */
typedef struct {
  guint64 open;
  guint64 save;
  guint64 index;
} Costs;

static Costs
measure_costs (const char *disk,
               TrReport   *report)
{
  g_autofree char *path = g_build_filename (disk, "calibration.db", NULL);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint64 at_rest, opened, saved, indexed;

  g_free (make_library (path, "已有的報告"));

  at_rest = free_bytes (disk);
  store = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  opened = free_bytes (disk);
  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);
  saved = free_bytes (disk);
  g_assert_true (tr_report_store_update_index (store, &error));
  g_assert_no_error (error);
  indexed = free_bytes (disk);
  g_clear_object (&store);
  remove_library (path);

  note ("disk use: open %" G_GUINT64_FORMAT ", save %" G_GUINT64_FORMAT
        ", index %" G_GUINT64_FORMAT " bytes\n",
        at_rest - opened, opened - saved, saved - indexed);
  return (Costs) { at_rest - opened, opened - saved, saved - indexed };
}

/* Fills @disk but for @room bytes. */
static char *
fill_disk (const char *disk,
           guint64     room)
{
  char *ballast = g_build_filename (disk, "ballast", NULL);
  guint64 free_now = free_bytes (disk);
  int fd;

  g_assert_cmpuint (free_now, >, room);
  fd = g_open (ballast, O_WRONLY | O_CREAT | O_EXCL, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_no_errno (posix_fallocate (fd, 0, (off_t) (free_now - room)));
  g_assert_no_errno (close (fd));
  note ("free: %" G_GUINT64_FORMAT " bytes\n", free_bytes (disk));
  return ballast;
}

/* 丁 to 龜: common characters in random order, so that nearly every one-,
 * two- and three-character sequence is new to the index, which then takes
 * several times the room of the text itself. */
static const char alphabet[] =
  "的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可"
  "她裡後小麼心多天而能好都然沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經頭面公同三已"
  "老從動兩長知民樣現分將外但身些與高意進把法此實回二理美點月明其種聲全工己話兒者向情部正名定女問力";

static void
append_random_text (GString *text,
                    GRand   *rand,
                    guint    n_chars)
{
  glong n_alphabet = g_utf8_strlen (alphabet, -1);

  for (guint i = 0; i < n_chars; i++)
    {
      const char *c = g_utf8_offset_to_pointer (alphabet, g_rand_int_range (rand, 0, n_alphabet));

      g_string_append_len (text, c, g_utf8_next_char (c) - c);
      if (i % 60 == 59)
        g_string_append (text, "。\n");
    }
}

/* A report whose search index entries take much more room than its row. */
static TrReport *
make_big_report (const char *title,
                 guint       n_chars)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GString) process = g_string_new (NULL);
  g_autoptr(GString) observations = g_string_new (NULL);
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);

  tr_report_set_text (report, TR_FIELD_TITLE, title);
  tr_report_set_text (report, TR_FIELD_AGENCY, "國家發展委員會");
  tr_report_set_text (report, TR_FIELD_SUMMARY, "本報告用於測試磁碟空間不足時之儲存。");
  /* The title again, where an import surely finds it. */
  tr_report_set_section (report, TR_SECTION_PURPOSE, title);
  append_random_text (process, rand, n_chars / 2);
  append_random_text (observations, rand, n_chars / 2);
  tr_report_set_section (report, TR_SECTION_PROCESS, process->str);
  tr_report_set_section (report, TR_SECTION_OBSERVATIONS, observations->str);
  tr_report_set_section (report, TR_SECTION_RECOMMENDATIONS, "一、預留磁碟空間。");
  return report;
}

/* The reports are saved, the command succeeds, and says on standard error
 * (one line) that the index is behind; search finds them once there is
 * room again and the library is next opened. */
static void
assert_saved_despite_full_disk (const char *disk,
                                const char *library,
                                const char *ballast,
                                const char *title,
                                Result     *result)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *id = NULL;

  note ("status %d, stdout: %s, stderr: %s", result->status, result->out, result->err);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_true (g_str_has_prefix (result->err, "trip-reports: warning: "));
  g_assert_true (g_str_has_suffix (result->err, "\n"));
  g_assert_true (strchr (result->err, '\n') == result->err + strlen (result->err) - 1);
  g_assert_nonnull (strstr (result->err, "the disk is full"));
  lines = g_strsplit (result->out, "\t", 2);
  id = g_strdup (g_strchomp (lines[0]));
  g_assert_true (g_uuid_string_is_valid (id));

  /* Saved, even with the disk still full. */
  {
    g_auto(Result) show = run_binary (disk, "show", "--db", library, id);

    g_assert_cmpint (show.status, ==, 0);
    g_assert_nonnull (strstr (show.out, title));
  }
  g_assert_cmpint (raw_int (library, "SELECT count(*) FROM index_pending"), ==, 1);

  /* Room again: the next open adds the index entries. */
  g_assert_no_errno (g_remove (ballast));
  {
    g_auto(Result) search = run_binary (disk, "search", "--db", library, title);

    g_assert_cmpint (search.status, ==, 0);
    g_assert_true (g_str_has_prefix (search.out, id));
  }
  g_assert_cmpint (raw_int (library, "SELECT count(*) FROM index_pending"), ==, 0);
}

typedef enum {
  FULL_DISK_NEW,
  FULL_DISK_IMPORT,
} FullDiskCommand;

static void
full_disk_child (FullDiskCommand  command,
                 const char      *dir)
{
  g_autofree char *disk = g_build_filename (dir, "disk", NULL);
  g_autofree char *input = NULL;
  g_autofree char *library = NULL;
  g_autofree char *ballast = NULL;
  const char *title = "磁碟已滿測試報告";
  g_autoptr(TrReport) report = make_big_report (title, 40000);
  g_autoptr(GError) error = NULL;
  g_auto(Result) result = { 0 };
  SmallDisk small_disk;
  Costs costs;
  int mount_errno;

  g_assert_no_errno (g_mkdir (disk, 0700));
  small_disk_init (&small_disk, disk, DISK_SIZE);
  mount_errno = mount_small_disk (&small_disk);
  if (mount_errno != 0)
    g_error ("cannot mount a tmpfs on %s: %s", disk, g_strerror (mount_errno));
  library = g_build_filename (disk, "library.db", NULL);
  g_free (make_library (library, "已有的報告"));

  /* The input lies outside the small disk. */
  if (command == FULL_DISK_NEW)
    {
      g_autofree char *json = tr_report_to_json (report, FALSE);

      input = g_build_filename (dir, "report.json", NULL);
      g_assert_true (g_file_set_contents (input, json, -1, &error));
    }
  else
    {
      g_autoptr(TrPdfMaker) maker = NULL;
      TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" };

      input = g_build_filename (dir, "report.pdf", NULL);
      maker = tr_pdf_maker_new (input);
      tr_pdf_maker_add_report (maker, report, &layout);
      g_assert_true (tr_pdf_maker_finish (maker, &error));
      g_assert_no_error (error);
      {
        g_autoptr(GBytes) pdf = read_bytes (input);

        tr_report_set_source (report, "report.pdf", pdf);
      }
    }
  g_assert_no_error (error);

  /* Room for the save, with the index's half to spare; not for the index.
   * (An import's save holds the PDF too, which the index does not.) */
  costs = measure_costs (disk, report);
  g_assert_cmpuint (costs.index, >, costs.save / 2);
  ballast = fill_disk (disk, costs.open + costs.save + costs.index / 2);

  if (command == FULL_DISK_NEW)
    result = run_binary (disk, "new", "--db", library, "--from-json", input);
  else
    result = run_binary (disk, "import", "--db", library, input);
  assert_saved_despite_full_disk (disk, library, ballast, title, &result);

  if (command == FULL_DISK_IMPORT)
    {
      /* It is in: importing it again is refused as a duplicate. */
      g_auto(Result) again = run_binary (disk, "import", "--db", library, input);

      g_assert_cmpint (again.status, ==, 1);
      g_assert_nonnull (strstr (again.err, "already in the library"));
    }
}

static void
test_full_disk (gconstpointer data)
{
  FullDiskCommand command = GPOINTER_TO_INT (data);
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      full_disk_child (command, g_getenv ("TR_TEST_DIR"));
      return;
    }
  if (!can_mount_small_disk ())
    {
      g_test_skip ("cannot mount a small disk: not root, and no user namespaces");
      return;
    }
  /* The mount goes with the child; the folders stay, for us to remove. */
  dir = make_tmp_dir ();
  g_setenv ("TR_TEST_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("TR_TEST_DIR");
  tr_test_remove_tree (dir);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  /* Messages with Chinese text must reach the log as UTF-8, not "?". */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-hostile/version/unknown", test_unknown_version);
  g_test_add_func ("/store-hostile/path/not-a-file-path", test_not_a_file_path);
  g_test_add_func ("/store-hostile/path/folder", test_folder);
  g_test_add_func ("/store-hostile/path/device", test_device);
  g_test_add_func ("/store-hostile/path/symlink", test_symlink);
  g_test_add_func ("/store-hostile/concurrent-first-open", test_concurrent_first_open);
  g_test_add_func ("/store-hostile/command-waits-its-turn", test_command_waits_its_turn);
  g_test_add_data_func ("/store-hostile/full-disk/new", GINT_TO_POINTER (FULL_DISK_NEW), test_full_disk);
  g_test_add_data_func ("/store-hostile/full-disk/import", GINT_TO_POINTER (FULL_DISK_IMPORT), test_full_disk);

  return g_test_run ();
}
