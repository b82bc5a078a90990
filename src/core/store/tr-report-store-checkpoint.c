/* tr-report-store-checkpoint.c: the write-ahead log copied back into the
 * library by a thread of its own
 *
 * SQLite copies its log into the file (a checkpoint) at the end of the
 * commit that takes the log past a thousand pages: on the thread that
 * committed, which then waits for the copy and for the disk to confirm it
 * twice. An import of a batch commits a PDF every few milliseconds, and
 * its main thread, which hands the next file to the worker that is free,
 * spent a tenth of the batch waiting there. Here the commit only asks; a
 * thread with a connection of its own copies the log meanwhile, without
 * taking the write lock, so the next commits do not wait for it (SQLite's
 * passive checkpoint). The log is still copied as often, and what is
 * committed is as safe: the log holds it until it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "tr-report-store-private.h"

/* SQLite's own default (wal_autocheckpoint): about 4 MB of log. */
#define CHECKPOINT_AFTER_PAGES 1000
/* The log starts again from its beginning only at a commit that finds it
 * all copied: commits that keep coming faster than the thread copies
 * could grow it without end. Past this, a commit waits for the thread,
 * then copies the rest itself. */
#define WAIT_AFTER_PAGES (4 * CHECKPOINT_AFTER_PAGES)

struct _TrStoreCheckpointer {
  char        *path;
  GThreadPool *pool;
  sqlite3     *db;         /* the thread's, opened at its first checkpoint */
  GMutex       lock;
  GCond        done;
  gboolean     busy;       /* under @lock: a checkpoint asked for, or under way */
};

static void
checkpoint (TrStoreCheckpointer *checkpointer)
{
  int rc;

  if (checkpointer->db == NULL)
    {
      rc = sqlite3_open_v2 (checkpointer->path, &checkpointer->db, SQLITE_OPEN_READWRITE, NULL);
      /* A connection finds the log at its first read; until then, a
       * checkpoint does nothing. */
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (checkpointer->db, "PRAGMA schema_version", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          g_debug ("The log waits for the next checkpoint: %s", sqlite3_errstr (rc));
          g_clear_pointer (&checkpointer->db, sqlite3_close_v2);
          return;
        }
    }

  /* Busy when another process checkpoints: its checkpoint does it. */
  rc = sqlite3_wal_checkpoint_v2 (checkpointer->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  if (rc != SQLITE_OK && rc != SQLITE_BUSY)
    g_debug ("The log waits for the next checkpoint: %s", sqlite3_errmsg (checkpointer->db));
}

static void
run_checkpoint (gpointer data,
                gpointer user_data)
{
  TrStoreCheckpointer *checkpointer = user_data;

  checkpoint (checkpointer);

  g_mutex_lock (&checkpointer->lock);
  checkpointer->busy = FALSE;
  g_cond_broadcast (&checkpointer->done);
  g_mutex_unlock (&checkpointer->lock);
}

/* Runs in the committing thread, after the commit, the store's lock held. */
static int
on_wal_commit (void       *user_data,
               sqlite3    *db,
               const char *schema,
               int         n_pages)
{
  TrStoreCheckpointer *checkpointer = user_data;

  if (n_pages < CHECKPOINT_AFTER_PAGES)
    return SQLITE_OK;
  g_mutex_lock (&checkpointer->lock);
  if (n_pages >= WAIT_AFTER_PAGES)
    {
      while (checkpointer->busy)
        g_cond_wait (&checkpointer->done, &checkpointer->lock);
      g_mutex_unlock (&checkpointer->lock);
      /* The rest, here, as SQLite would: the next commit finds the log
       * all copied and starts it again. */
      sqlite3_wal_checkpoint_v2 (db, schema, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      return SQLITE_OK;
    }
  /* One at a time: frames committed meanwhile go with the next, which
   * the next commit asks for. */
  if (!checkpointer->busy)
    {
      checkpointer->busy = TRUE;
      g_thread_pool_push (checkpointer->pool, GINT_TO_POINTER (1), NULL);
    }
  g_mutex_unlock (&checkpointer->lock);
  return SQLITE_OK;
}

TrStoreCheckpointer *
tr_store_checkpointer_new (sqlite3 *db)
{
  TrStoreCheckpointer *checkpointer = g_new0 (TrStoreCheckpointer, 1);

  checkpointer->path = g_strdup (sqlite3_db_filename (db, "main"));
  g_mutex_init (&checkpointer->lock);
  g_cond_init (&checkpointer->done);
  /* A thread of GLib's shared ones, one at a time; cannot fail. */
  checkpointer->pool = g_thread_pool_new (run_checkpoint, checkpointer, 1, FALSE, NULL);
  /* Replaces the checkpoint SQLite would run in the commit. */
  sqlite3_wal_hook (db, on_wal_commit, checkpointer);
  return checkpointer;
}

void
tr_store_checkpointer_free (TrStoreCheckpointer *checkpointer,
                            sqlite3             *db)
{
  if (checkpointer == NULL)
    return;

  /* The checkpoint of the last connection to close copies the rest. */
  sqlite3_wal_hook (db, NULL, NULL);
  g_thread_pool_free (checkpointer->pool, FALSE, TRUE);
  g_clear_pointer (&checkpointer->db, sqlite3_close_v2);
  g_mutex_clear (&checkpointer->lock);
  g_cond_clear (&checkpointer->done);
  g_free (checkpointer->path);
  g_free (checkpointer);
}
