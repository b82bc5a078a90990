/* tr-library-monitor.c
 *
 * A commit by another process writes the library's write-ahead log (or,
 * when it checkpoints, the file itself): a file monitor on the folder
 * sees that, and the store's data version, which only other connections
 * change, tells such a commit from our own autosaves. The version is read
 * off the main thread: the store may be busy with a long save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-library-monitor.h"

/* File events come in bursts (a commit writes the log several times). */
#define SETTLE_MS 100

struct _TrLibraryMonitor
{
  GObject parent_instance;

  TrReportStore *store;
  GFileMonitor *monitor;
  char *file_name;
  char *log_name;
  gint64 data_version;
  guint settle_id;
  gboolean checking;
  gboolean check_again;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (TrLibraryMonitor, tr_library_monitor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_check (TrLibraryMonitor *self);

static void
read_version (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TrLibraryMonitor *self = source;
  GError *error = NULL;
  gint64 version;

  if (!tr_report_store_get_data_version (self->store, &version, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, version);
}

static void
version_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  TrLibraryMonitor *self = TR_LIBRARY_MONITOR (source);
  g_autoptr(GError) error = NULL;
  gint64 version = g_task_propagate_int (G_TASK (result), &error);

  self->checking = FALSE;
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Library changes not checked: %s", error->message);
      return;
    }

  if (version != self->data_version)
    {
      self->data_version = version;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  if (self->check_again)
    start_check (self);
}

static void
start_check (TrLibraryMonitor *self)
{
  g_autoptr(GTask) task = NULL;

  /* One at a time; events during a check ask for one more. */
  self->check_again = self->checking;
  if (self->checking)
    return;
  self->checking = TRUE;
  task = g_task_new (self, self->cancellable, version_read, NULL);
  g_task_set_source_tag (task, start_check);
  g_task_run_in_thread (task, read_version);
}

static gboolean
settled (gpointer user_data)
{
  TrLibraryMonitor *self = user_data;

  self->settle_id = 0;
  start_check (self);
  return G_SOURCE_REMOVE;
}

static void
file_changed (GFileMonitor      *monitor,
              GFile             *file,
              GFile             *other_file,
              GFileMonitorEvent  event,
              TrLibraryMonitor  *self)
{
  g_autofree char *name = g_file_get_basename (file);

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      (g_strcmp0 (name, self->file_name) != 0 && g_strcmp0 (name, self->log_name) != 0))
    return;
  if (self->settle_id == 0)
    self->settle_id = g_timeout_add (SETTLE_MS, settled, self);
}

static void
tr_library_monitor_dispose (GObject *object)
{
  TrLibraryMonitor *self = TR_LIBRARY_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  G_OBJECT_CLASS (tr_library_monitor_parent_class)->dispose (object);
}

static void
tr_library_monitor_finalize (GObject *object)
{
  TrLibraryMonitor *self = TR_LIBRARY_MONITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_free (self->file_name);
  g_free (self->log_name);

  G_OBJECT_CLASS (tr_library_monitor_parent_class)->finalize (object);
}

static void
tr_library_monitor_class_init (TrLibraryMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tr_library_monitor_dispose;
  object_class->finalize = tr_library_monitor_finalize;

  /* Another process changed the library: time to read it again. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tr_library_monitor_init (TrLibraryMonitor *self)
{
  self->cancellable = g_cancellable_new ();
}

TrLibraryMonitor *
tr_library_monitor_new (TrReportStore *store)
{
  g_autoptr(TrLibraryMonitor) self = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TR_IS_REPORT_STORE (store), NULL);

  self = g_object_new (TR_TYPE_LIBRARY_MONITOR, NULL);
  self->store = g_object_ref (store);
  file = g_file_new_for_path (tr_report_store_get_path (store));
  folder = g_file_get_parent (file);
  self->file_name = g_file_get_basename (file);
  self->log_name = g_strconcat (self->file_name, "-wal", NULL);

  /* Before watching: what happened until now is in what the window reads. */
  if (!tr_report_store_get_data_version (store, &self->data_version, &error))
    g_debug ("Library changes not followed: %s", error->message);
  else if ((self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_NONE, NULL, &error)) == NULL)
    g_debug ("Library changes not followed: %s", error->message);
  else
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (file_changed), self, 0);

  return g_steal_pointer (&self);
}
