/* test-store-checkpoint.c: a save does not wait for the log to be copied
 * back into the library
 *
 * The library is opened through a VFS that passes everything to SQLite's
 * own and counts the times files are synced to the disk: in WAL mode with
 * synchronous = NORMAL, a commit writes the log without syncing, and a
 * checkpoint, which copies the log into the library, syncs the log, then
 * the library. On the thread that saves, only the library's syncs count:
 * the commit that starts the log again from its beginning syncs the log's
 * 32-byte header, whichever thread copied it. On the others, any sync is
 * a checkpoint at work. The saves of a batch of imported PDFs, megabytes
 * each, must leave every checkpoint to another thread, and the log must
 * still be copied back, and started again, so that it does not grow with
 * the batch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "tr-report-store.h"
#include "tr-test-util.h"

#define SOURCE_BYTES (1024 * 1024)

static sqlite3_vfs watching_vfs;
static sqlite3_vfs *real_vfs;
static sqlite3_io_methods watching_methods;
static GThread *saving_thread;
static gint syncs_on_saving_thread;
static gint syncs_elsewhere;

typedef struct {
  sqlite3_file base;
  sqlite3_file *real;   /* SQLite's own, right after this struct */
  gboolean is_library;  /* the database file, not its log */
} WatchedFile;

static int
watched_sync (sqlite3_file *file,
              int           flags)
{
  WatchedFile *watched = (WatchedFile *) file;

  if (g_thread_self () != g_atomic_pointer_get (&saving_thread))
    g_atomic_int_inc (&syncs_elsewhere);
  else if (watched->is_library)
    g_atomic_int_inc (&syncs_on_saving_thread);
  return watched->real->pMethods->xSync (watched->real, flags);
}

/* The other methods pass through to the real file. */
#define PASS(name, signature, args) \
  static int watched_##name signature { return ((WatchedFile *) file)->real->pMethods->x##name args; }
PASS (Close, (sqlite3_file *file), (((WatchedFile *) file)->real))
PASS (Read, (sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset),
      (((WatchedFile *) file)->real, buffer, amount, offset))
PASS (Write, (sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset),
      (((WatchedFile *) file)->real, buffer, amount, offset))
PASS (Truncate, (sqlite3_file *file, sqlite3_int64 size), (((WatchedFile *) file)->real, size))
PASS (FileSize, (sqlite3_file *file, sqlite3_int64 *size), (((WatchedFile *) file)->real, size))
PASS (Lock, (sqlite3_file *file, int lock), (((WatchedFile *) file)->real, lock))
PASS (Unlock, (sqlite3_file *file, int lock), (((WatchedFile *) file)->real, lock))
PASS (CheckReservedLock, (sqlite3_file *file, int *out), (((WatchedFile *) file)->real, out))
PASS (FileControl, (sqlite3_file *file, int op, void *arg), (((WatchedFile *) file)->real, op, arg))
PASS (SectorSize, (sqlite3_file *file), (((WatchedFile *) file)->real))
PASS (DeviceCharacteristics, (sqlite3_file *file), (((WatchedFile *) file)->real))
PASS (ShmMap, (sqlite3_file *file, int region, int size, int extend, void volatile **out),
      (((WatchedFile *) file)->real, region, size, extend, out))
PASS (ShmLock, (sqlite3_file *file, int offset, int n, int flags), (((WatchedFile *) file)->real, offset, n, flags))
PASS (ShmUnmap, (sqlite3_file *file, int delete), (((WatchedFile *) file)->real, delete))
PASS (Fetch, (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out),
      (((WatchedFile *) file)->real, offset, amount, out))
PASS (Unfetch, (sqlite3_file *file, sqlite3_int64 offset, void *page), (((WatchedFile *) file)->real, offset, page))

static void
watched_shm_barrier (sqlite3_file *file)
{
  ((WatchedFile *) file)->real->pMethods->xShmBarrier (((WatchedFile *) file)->real);
}

static int
watching_open (sqlite3_vfs  *vfs,
               const char   *name,
               sqlite3_file *file,
               int           flags,
               int          *out_flags)
{
  WatchedFile *watched = (WatchedFile *) file;
  int rc;

  watched->real = (sqlite3_file *) (watched + 1);
  watched->is_library = (flags & SQLITE_OPEN_MAIN_DB) != 0;
  rc = real_vfs->xOpen (real_vfs, name, watched->real, flags, out_flags);
  /* SQLite closes what it opened only when it has methods. */
  watched->base.pMethods = watched->real->pMethods != NULL ? &watching_methods : NULL;
  return rc;
}

static void
watch_syncs (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  /* Methods of version 3 (mmap included), as the unix VFS's. */
  g_assert_cmpint (real_vfs->iVersion, >=, 3);

  watching_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = watched_Close,
    .xRead = watched_Read,
    .xWrite = watched_Write,
    .xTruncate = watched_Truncate,
    .xSync = watched_sync,
    .xFileSize = watched_FileSize,
    .xLock = watched_Lock,
    .xUnlock = watched_Unlock,
    .xCheckReservedLock = watched_CheckReservedLock,
    .xFileControl = watched_FileControl,
    .xSectorSize = watched_SectorSize,
    .xDeviceCharacteristics = watched_DeviceCharacteristics,
    .xShmMap = watched_ShmMap,
    .xShmLock = watched_ShmLock,
    .xShmBarrier = watched_shm_barrier,
    .xShmUnmap = watched_ShmUnmap,
    .xFetch = watched_Fetch,
    .xUnfetch = watched_Unfetch,
  };
  watching_vfs = *real_vfs;
  watching_vfs.zName = "tr-test-watching";
  watching_vfs.szOsFile = (int) sizeof (WatchedFile) + real_vfs->szOsFile;
  watching_vfs.xOpen = watching_open;
  g_assert_cmpint (sqlite3_vfs_register (&watching_vfs, 1), ==, SQLITE_OK);
}

static GBytes *
random_pdf (GRand *rand)
{
  g_autofree guint32 *words = g_new (guint32, SOURCE_BYTES / 4);

  for (gsize i = 0; i < SOURCE_BYTES / 4; i++)
    words[i] = g_rand_int (rand);
  memcpy (words, "%PDF-1.7\n", 9);
  return g_bytes_new_take (g_steal_pointer (&words), SOURCE_BYTES);
}

static goffset
file_size (const char *path)
{
  GStatBuf info;

  return g_stat (path, &info) == 0 ? info.st_size : 0;
}

/* Saves @n_saves imported reports of a megabyte each, as fast as it can,
 * counting the syncs from the first save on; gives the largest size the
 * log had after a save. */
static goffset
save_imported_reports (TrReportStore *store,
                       const char    *wal_path,
                       guint          n_saves,
                       GPtrArray     *ids)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  goffset largest_log = 0;

  g_atomic_pointer_set (&saving_thread, g_thread_self ());
  g_atomic_int_set (&syncs_on_saving_thread, 0);
  g_atomic_int_set (&syncs_elsewhere, 0);
  for (guint i = 0; i < n_saves; i++)
    {
      g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_IMPORTED);
      g_autoptr(GBytes) pdf = random_pdf (rand);
      g_autofree char *title = g_strdup_printf ("第 %u 份匯入的報告", i);
      g_autoptr(GError) error = NULL;

      tr_report_set_text (report, TR_FIELD_TITLE, title);
      tr_report_set_source (report, "old.pdf", pdf);
      g_assert_true (tr_report_store_save (store, report, &error));
      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup (tr_report_get_id (report)));
      largest_log = MAX (largest_log, file_size (wal_path));
    }
  return largest_log;
}

/* Closes @store, which waits for the thread, and checks that every report
 * saved is there, with its PDF, and the log gone. */
static void
check_saved (TrReportStore **store,
             const char     *db_path,
             const char     *wal_path,
             GPtrArray      *ids)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (store);
  g_atomic_pointer_set (&saving_thread, NULL);
  g_assert_false (g_file_test (wal_path, G_FILE_TEST_EXISTS));
  *store = tr_report_store_open (db_path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(TrReport) loaded = tr_report_store_load (*store, g_ptr_array_index (ids, i), &error);
      g_autoptr(GBytes) source = NULL;

      g_assert_no_error (error);
      source = tr_report_store_load_source_data (*store, g_ptr_array_index (ids, i), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (source), ==, SOURCE_BYTES);
    }
  g_clear_object (store);
}

/* 12 MB through the log, which a checkpoint copies back every 4 MB: none
 * on the thread that saves (which would copy only past 16 MB). */
static void
test_saves_leave_syncs_to_a_thread (TrTestLibraryDir *fixture,
                                    gconstpointer     data)
{
  g_autofree char *wal_path = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  store = tr_report_store_open (fixture->db_path, &error);
  g_assert_no_error (error);

  save_imported_reports (store, wal_path, 12, ids);
  g_assert_cmpint (g_atomic_int_get (&syncs_on_saving_thread), ==, 0);
  for (guint waited_ms = 0; g_atomic_int_get (&syncs_elsewhere) == 0 && waited_ms < 30000; waited_ms += 10)
    g_usleep (10000);
  g_assert_cmpint (g_atomic_int_get (&syncs_elsewhere), >, 0);

  check_saved (&store, fixture->db_path, wal_path, ids);
}

/* Saves back to back leave the thread no moment between two commits to
 * find the log all copied, which is when it starts again: past 16 MB a
 * save waits for the thread, then copies the rest. 120 MB go through the
 * log, which stays within a save of that however slow the thread is. */
static void
test_log_stays_bounded (TrTestLibraryDir *fixture,
                        gconstpointer     data)
{
  g_autofree char *wal_path = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  goffset largest_log;

  store = tr_report_store_open (fixture->db_path, &error);
  g_assert_no_error (error);

  largest_log = save_imported_reports (store, wal_path, 120, ids);
  g_test_message ("The log reached %" G_GOFFSET_FORMAT " bytes", largest_log);
  g_assert_cmpint (largest_log, <, (goffset) 20 * 1024 * 1024);

  check_saved (&store, fixture->db_path, wal_path, ids);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  watch_syncs ();
  g_test_add ("/store-checkpoint/saves-leave-syncs-to-a-thread", TrTestLibraryDir, NULL,
              tr_test_library_dir_set_up, test_saves_leave_syncs_to_a_thread, tr_test_library_dir_tear_down);
  g_test_add ("/store-checkpoint/log-stays-bounded", TrTestLibraryDir, NULL,
              tr_test_library_dir_set_up, test_log_stays_bounded, tr_test_library_dir_tear_down);
  return g_test_run ();
}
