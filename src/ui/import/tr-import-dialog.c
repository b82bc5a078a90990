/* tr-import-dialog.c
 *
 * Each file is read by its own worker process (tr_import_file_async), one
 * per core at a time; the window stays responsive and a file that crashes
 * or hangs the reader fails alone. Nothing is saved before the user says
 * so: either after reviewing one report, or all at once. Once Save All is
 * pressed, the files still being read are saved as each one is read: a
 * slow file keeps no other one waiting, in memory, unsaved.
 *
 * ODT and DOCX files are read in a thread (tr-office-import.h): libxml2
 * and libzip, bounded, need no process of their own. A file of a report
 * the library has is merged into it at once (tr-review-merge.h): the
 * reviewer's comments, edits as suggestions, and decision; the author's
 * text is never replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-error.h"
#include "tr-import-dialog.h"
#include "tr-import-dialog-private.h"
#include "tr-import-item.h"
#include "tr-import-review.h"
#include "tr-importer.h"
#include "review/tr-merge-dialog.h"
#include "tr-office-import.h"
#include "tr-review-merge.h"

struct _TrImportDialog
{
  AdwWindow parent_instance;

  TrReportStore *store;
  GStrv worker_argv;
  GListStore *items;
  GCancellable *cancellable;
  guint running;
  guint max_running;
  gboolean save_when_read;
  TrImportItem *reviewing;
  /* Since when the files still to read are being read, and how much was
   * read then: the pace, for the time left. */
  gint64 reading_since;
  double done_then;
  guint tick_id;  /* counts the time left down between files */

  GtkButton *back_button;
  AdwWindowTitle *window_title;
  GtkButton *save_button;
  GtkButton *cancel_button;
  GtkStack *stack;
  GtkProgressBar *progress_bar;
  GtkListBox *item_list;
  TrImportReview *review;
};

G_DEFINE_FINAL_TYPE (TrImportDialog, tr_import_dialog, ADW_TYPE_WINDOW)

enum {
  REPORT_SAVED,
  OPEN_REPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_more (TrImportDialog *self);
static gboolean save_item (TrImportDialog *self,
                           TrImportItem   *item);

/* Page progress of the items being read, for the bar. */
static GQuark page_progress_quark;

static void update_progress (TrImportDialog *self);

static gboolean
on_tick (gpointer user_data)
{
  update_progress (user_data);
  return G_SOURCE_CONTINUE;
}

static void
update_progress (TrImportDialog *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint finished = 0, ready = 0;
  double done = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TrImportItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (tr_import_item_is_finished (item))
        {
          finished++;
          done += 1;
        }
      else
        done += GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (item), page_progress_quark)) / 1000.0;
      if (tr_import_item_get_state (item) == TR_IMPORT_READY)
        ready++;
    }

  gtk_progress_bar_set_fraction (self->progress_bar, n_items > 0 ? done / n_items : 1);
  if (finished == n_items)
    {
      self->reading_since = 0;
      g_clear_handle_id (&self->tick_id, g_source_remove);
    }
  else if (self->reading_since == 0)
    {
      self->reading_since = g_get_monotonic_time ();
      self->done_then = done;
      if (self->tick_id == 0)
        self->tick_id = g_timeout_add_seconds (1, on_tick, self);
    }
  if (self->reading_since != 0 && done - self->done_then > 0.01 &&
      g_get_monotonic_time () - self->reading_since >= G_USEC_PER_SEC)
    {
      double left_s = (g_get_monotonic_time () - self->reading_since) / (double) G_USEC_PER_SEC /
                      (done - self->done_then) * (n_items - done);
      guint seconds = (guint) MIN (left_s + 0.5, (double) G_MAXUINT);
      g_autofree char *left = seconds >= 3600
                              ? g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60)
                              : g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);

      /* TRANSLATORS: files read so far, of files in the batch, then the time
       * left, "3:05" (minutes:seconds) */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file read, about %s left",
                                           "%u of %u files read, about %s left", n_items),
                              finished, n_items, left);
    }
  else
    /* TRANSLATORS: files read so far, of files in the batch */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file read", "%u of %u files read",
                                         n_items),
                            finished, n_items);
  gtk_progress_bar_set_text (self->progress_bar, text);

  gtk_button_set_label (self->cancel_button, finished < n_items ? _("_Cancel") : _("_Close"));
  if (self->reviewing == NULL)
    {
      gtk_button_set_label (self->save_button, _("_Save All"));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save", ready > 0);
    }
}

static const char *
state_icon (TrImportState state)
{
  switch (state)
    {
    case TR_IMPORT_READY:
      return "document-edit-symbolic";
    case TR_IMPORT_SAVED:
      return "emblem-ok-symbolic";
    case TR_IMPORT_DUPLICATE:
      return "edit-copy-symbolic";
    case TR_IMPORT_NEEDS_PASSWORD:
      return "dialog-password-symbolic";
    case TR_IMPORT_FAILED:
      return "dialog-error-symbolic";
    case TR_IMPORT_CANCELLED:
      return "process-stop-symbolic";
    case TR_IMPORT_WAITING:
    case TR_IMPORT_READING:
    default:
      return "content-loading-symbolic";
    }
}

static void
row_button_clicked (GtkButton      *button,
                    TrImportDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  guint position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  g_autoptr(TrImportItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  const char *role = g_object_get_data (G_OBJECT (button), "tr-role");

  if (g_str_equal (role, "review"))
    tr_import_dialog_review (self, position);
  else if (g_str_equal (role, "open"))
    g_signal_emit (self, signals[OPEN_REPORT], 0, tr_import_item_get_report_id (item));
  else if (g_str_equal (role, "unlock"))
    {
      GtkWidget *entry = g_object_get_data (G_OBJECT (button), "tr-entry");

      tr_import_dialog_unlock (self, position, gtk_editable_get_text (GTK_EDITABLE (entry)));
    }
}

static GtkWidget *
row_button (TrImportDialog *self,
            const char     *label,
            const char     *role)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "tr-role", (gpointer) role);
  g_signal_connect_object (button, "clicked", G_CALLBACK (row_button_clicked), self, 0);
  return button;
}

static void
update_row (GtkWidget    *row,
            TrImportItem *item)
{
  TrImportDialog *self = g_object_get_data (G_OBJECT (row), "tr-dialog");
  GtkWidget *suffix = g_object_get_data (G_OBJECT (row), "tr-suffix");
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "tr-icon");
  TrImportState state = tr_import_item_get_state (item);
  GtkWidget *child;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tr_import_item_get_message (item));
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), state_icon (state));
  if (state == TR_IMPORT_FAILED)
    gtk_widget_add_css_class (icon, "error");

  while ((child = gtk_widget_get_first_child (suffix)) != NULL)
    gtk_box_remove (GTK_BOX (suffix), child);

  switch (state)
    {
    case TR_IMPORT_READING:
      {
        GtkWidget *spinner = gtk_spinner_new ();

        gtk_spinner_start (GTK_SPINNER (spinner));
        gtk_box_append (GTK_BOX (suffix), spinner);
      }
      break;
    case TR_IMPORT_READY:
      gtk_box_append (GTK_BOX (suffix), row_button (self, _("_Review…"), "review"));
      break;
    case TR_IMPORT_DUPLICATE:
    case TR_IMPORT_SAVED:
      gtk_box_append (GTK_BOX (suffix), row_button (self, _("_Open"), "open"));
      break;
    case TR_IMPORT_NEEDS_PASSWORD:
      {
        GtkWidget *entry = gtk_password_entry_new ();
        GtkWidget *button = row_button (self, _("_Unlock"), "unlock");

        gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
        gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
        g_object_set (entry, "placeholder-text", _("Password"), NULL);
        /* Enter unlocks, as the button does. */
        g_signal_connect_object (entry, "activate", G_CALLBACK (gtk_widget_activate), button,
                                 G_CONNECT_SWAPPED);
        g_object_set_data (G_OBJECT (button), "tr-entry", entry);
        gtk_box_append (GTK_BOX (suffix), entry);
        gtk_box_append (GTK_BOX (suffix), button);
      }
      break;
    case TR_IMPORT_WAITING:
    case TR_IMPORT_FAILED:
    case TR_IMPORT_CANCELLED:
    default:
      break;
    }
}

static void
item_changed (TrImportItem *item,
              GParamSpec   *pspec,
              GtkWidget    *row)
{
  update_row (row, item);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *name = tr_import_item_dup_name (item);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  g_object_set_data (G_OBJECT (row), "tr-dialog", user_data);
  g_object_set_data (G_OBJECT (row), "tr-icon", icon);
  g_object_set_data (G_OBJECT (row), "tr-suffix", suffix);
  g_signal_connect_object (item, "notify::state", G_CALLBACK (item_changed), row, 0);
  g_signal_connect_object (item, "notify::message", G_CALLBACK (item_changed), row, 0);
  update_row (row, item);
  return row;
}

typedef struct {
  TrImportDialog *dialog;
  TrImportItem *item;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *read = data;

  g_object_unref (read->dialog);
  g_object_unref (read->item);
  g_free (read);
}

static void
page_read (guint    page,
           guint    n_pages,
           gpointer user_data)
{
  ReadData *read = user_data;
  g_autofree char *message = NULL;

  /* TRANSLATORS: progress of reading one PDF */
  message = g_strdup_printf (_("Reading page %u of %u…"), page, n_pages);
  tr_import_item_set_state (read->item, TR_IMPORT_READING, message);
  g_object_set_qdata (G_OBJECT (read->item), page_progress_quark,
                      GUINT_TO_POINTER (n_pages > 0 ? page * 1000 / n_pages : 0));
  update_progress (read->dialog);
}

static char *
describe_found (TrReport *report)
{
  guint found = 0;
  guint n_warnings = g_strv_length ((char **) tr_report_get_warnings (report));

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    if (tr_report_get_section (report, s)[0] != '\0')
      found++;

  if (n_warnings > 0)
    /* TRANSLATORS: e.g. "3 of 4 sections found; 1 warning" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of 4 sections found; %u warning",
                                         "%u of 4 sections found; %u warnings", n_warnings),
                            found, n_warnings);
  return g_strdup_printf (_("%u of 4 sections found"), found);
}

/* Offers the report of the library that @item's report already is (the
 * same file, or the same text from another file: a re-save, another
 * program's PDF, an encrypted copy) instead of saving it again. */
static gboolean
mark_if_duplicate (TrImportDialog *self,
                   TrImportItem   *item)
{
  TrReport *report = tr_import_item_get_report (item);
  TrDuplicateKind kind = TR_DUPLICATE_NONE;
  g_autofree char *existing = NULL;
  g_autoptr(GError) error = NULL;

  /* Our own ODT comes back from its JSON form, without a source file. */
  if (tr_report_get_source_sha256 (report) == NULL)
    return FALSE;
  existing = tr_report_store_find_duplicate (self->store, report, &kind, &error);
  if (existing == NULL)
    {
      /* Saving says it better if the library cannot be read. */
      if (error != NULL)
        g_debug ("Duplicates not looked for: %s", error->message);
      return FALSE;
    }
  tr_import_item_set_report_id (item, existing);
  tr_import_item_set_state (item, TR_IMPORT_DUPLICATE,
                            kind == TR_DUPLICATE_SAME_FILE
                            ? _("This file is already in the library")
                            : _("This report is already in the library, from another file"));
  return TRUE;
}

/* A report read from its file: ready to review and save, unless the
 * library has it already. */
static void
keep_read_report (TrImportDialog *self,
                  TrImportItem   *item,
                  TrReport       *report)
{
  g_autofree char *found = describe_found (report);

  tr_import_item_set_report (item, report);
  if (!mark_if_duplicate (self, item))
    {
      tr_import_item_set_state (item, TR_IMPORT_READY, found);
      if (self->save_when_read)
        save_item (self, item);
    }
}

static void
file_read (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ReadData *read = user_data;
  TrImportDialog *self = read->dialog;
  TrImportItem *item = read->item;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;

  self->running--;
  report = tr_import_file_finish (result, &error);

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tr_import_item_set_state (item, TR_IMPORT_CANCELLED, _("Cancelled"));
      else if (g_error_matches (error, TR_ERROR, TR_ERROR_PDF_ENCRYPTED))
        tr_import_item_set_state (item, TR_IMPORT_NEEDS_PASSWORD,
                                  _("This PDF is protected by a password"));
      else if (g_error_matches (error, TR_ERROR, TR_ERROR_PDF_BAD_PASSWORD))
        tr_import_item_set_state (item, TR_IMPORT_NEEDS_PASSWORD,
                                  _("That password is not right; try again"));
      else
        tr_import_item_set_state (item, TR_IMPORT_FAILED, error->message);
    }
  else
    keep_read_report (self, item, report);

  update_progress (self);
  start_more (self);
  read_data_free (read);
}

/* ODT and DOCX ------------------------------------------------------------ */

static gboolean
is_office_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".odt") || g_str_has_suffix (lower, ".docx"));
}

static void
read_office_file (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  TrOfficeImport *import;

  if ((data = tr_import_read_file (file, cancellable, &error)) == NULL ||
      (import = tr_office_import_new_from_bytes (data, name, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, import, g_object_unref);
}

/* Says what a merge brought in. */
static void
merge_done (TrImportDialog *self,
            TrImportItem   *item,
            TrReviewMerge  *merge,
            const char     *id)
{
  g_autofree char *message = NULL;

  if (merge->status_changed)
    /* TRANSLATORS: a reviewed file merged into its report: comments, edits, the decision (退回補正, 核定) */
    message = g_strdup_printf (_("Merged: new comments: %u, suggested edits: %u; %s"),
                               tr_review_merge_count_comments (merge), merge->changes->len,
                               tr_review_status_get_label (merge->status));
  else
    /* TRANSLATORS: a reviewed file merged into its report: comments, edits */
    message = g_strdup_printf (_("Merged: new comments: %u, suggested edits: %u"),
                               tr_review_merge_count_comments (merge), merge->changes->len);
  tr_import_item_set_report_id (item, id);
  tr_import_item_set_state (item, TR_IMPORT_SAVED, message);
  g_signal_emit (self, signals[REPORT_SAVED], 0, id);
}

static void
merge_dialog_merged (TrMergeDialog *dialog,
                     TrImportItem  *item)
{
  TrImportDialog *self = TR_IMPORT_DIALOG (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  /* A copy: merge_done() sets the item's ID again. */
  g_autofree char *id = g_strdup (tr_import_item_get_report_id (item));

  merge_done (self, item, tr_merge_dialog_get_merge (dialog), id);
}

static gboolean
merge_dialog_closed (TrMergeDialog *dialog,
                     TrImportItem  *item)
{
  if (tr_import_item_get_state (item) != TR_IMPORT_SAVED)
    tr_import_item_set_state (item, TR_IMPORT_CANCELLED, _("Not merged"));
  return FALSE;
}

/* Merges a file of report @id into it, and says what came in. Paragraphs
 * the reviewer changed are shown to accept or reject first. */
static void
merge_item (TrImportDialog *self,
            TrImportItem   *item,
            TrOfficeImport *import,
            const char     *id)
{
  g_autoptr(TrReviewMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  TrMergeDialog *dialog;

  merge = tr_review_merge_new_for_store (self->store, id, import, &error);
  if (merge == NULL)
    {
      tr_import_item_set_state (item, TR_IMPORT_FAILED, error->message);
      return;
    }
  if (merge->changes->len == 0)
    {
      if (!tr_review_merge_apply (merge, self->store, id, &error))
        tr_import_item_set_state (item, TR_IMPORT_FAILED, error->message);
      else
        merge_done (self, item, merge, id);
      return;
    }

  tr_import_item_set_report_id (item, id);
  tr_import_item_set_state (item, TR_IMPORT_READING, _("The reviewer changed the text: choose what to keep"));
  dialog = tr_merge_dialog_new (GTK_WINDOW (self), self->store, id,
                                tr_report_get_text (tr_office_import_get_report (import), TR_FIELD_TITLE),
                                g_steal_pointer (&merge));
  g_signal_connect_object (dialog, "merged", G_CALLBACK (merge_dialog_merged), item, 0);
  g_signal_connect_object (dialog, "close-request", G_CALLBACK (merge_dialog_closed), item, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Someone else's report, sent for review: into the library as it came,
 * in review here. */
static void
receive_item (TrImportDialog *self,
              TrImportItem   *item,
              TrOfficeImport *import)
{
  const char *id = tr_report_get_id (tr_office_import_get_report (import));
  g_autoptr(GError) error = NULL;

  if (!tr_office_import_receive (import, self->store, &error))
    {
      tr_import_item_set_state (item, TR_IMPORT_FAILED, error->message);
      return;
    }
  tr_import_item_set_report (item, tr_office_import_get_report (import));
  tr_import_item_set_report_id (item, id);
  tr_import_item_set_state (item, TR_IMPORT_SAVED, _("Received for review"));
  g_signal_emit (self, signals[REPORT_SAVED], 0, id);
}

static void
office_file_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ReadData *read = user_data;
  TrImportDialog *self = read->dialog;
  TrImportItem *item = read->item;
  g_autoptr(TrOfficeImport) import = NULL;
  g_autoptr(TrReport) existing = NULL;
  g_autoptr(GError) error = NULL;

  self->running--;
  import = g_task_propagate_pointer (G_TASK (result), &error);
  if (import == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tr_import_item_set_state (item, TR_IMPORT_CANCELLED, _("Cancelled"));
      else
        tr_import_item_set_state (item, TR_IMPORT_FAILED, error->message);
    }
  else
    {
      TrReport *report = tr_office_import_get_report (import);

      if (tr_office_import_has_identity (import))
        existing = tr_report_store_load (self->store, tr_report_get_id (report), &error);
      if (existing != NULL)
        merge_item (self, item, import, tr_report_get_id (report));
      else if (error != NULL && !g_error_matches (error, TR_ERROR, TR_ERROR_NOT_FOUND))
        tr_import_item_set_state (item, TR_IMPORT_FAILED, error->message);
      else if (tr_office_import_is_lossless (import))
        receive_item (self, item, import);
      else
        keep_read_report (self, item, report);
    }

  update_progress (self);
  start_more (self);
  read_data_free (read);
}

static void
start_item (TrImportDialog *self,
            TrImportItem   *item)
{
  ReadData *read = g_new0 (ReadData, 1);

  read->dialog = g_object_ref (self);
  read->item = g_object_ref (item);
  self->running++;
  tr_import_item_set_state (item, TR_IMPORT_READING, _("Reading…"));
  if (is_office_file (tr_import_item_get_file (item)))
    {
      g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, office_file_read, read);

      g_task_set_source_tag (task, start_item);
      g_task_set_task_data (task, g_object_ref (tr_import_item_get_file (item)), g_object_unref);
      g_task_run_in_thread (task, read_office_file);
      return;
    }
  tr_import_file_async (tr_import_item_get_file (item), tr_import_item_get_password (item),
                        (const char * const *) self->worker_argv,
                        page_read, read, NULL,
                        self->cancellable, file_read, read);
}

static void
start_more (TrImportDialog *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n_items && self->running < self->max_running; i++)
    {
      g_autoptr(TrImportItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (tr_import_item_get_state (item) == TR_IMPORT_WAITING)
        start_item (self, item);
    }
  update_progress (self);
}

static gboolean
save_item (TrImportDialog *self,
           TrImportItem   *item)
{
  TrReport *report = tr_import_item_get_report (item);
  g_autoptr(GError) error = NULL;

  /* Another file of the batch, saved meanwhile, may have been the same. */
  if (mark_if_duplicate (self, item))
    return TRUE;
  if (!tr_report_store_save (self->store, report, &error))
    {
      tr_import_item_set_state (item, TR_IMPORT_READY, error->message);
      return FALSE;
    }
  tr_import_item_set_report_id (item, tr_report_get_id (report));
  tr_import_item_set_state (item, TR_IMPORT_SAVED, _("Saved in the library"));
  g_signal_emit (self, signals[REPORT_SAVED], 0, tr_report_get_id (report));
  return TRUE;
}

static void
show_files (TrImportDialog *self)
{
  g_clear_object (&self->reviewing);
  gtk_stack_set_visible_child_name (self->stack, "files");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  adw_window_title_set_subtitle (self->window_title, NULL);
  update_progress (self);
}

void
tr_import_dialog_review (TrImportDialog *self,
                         guint           position)
{
  g_autoptr(TrImportItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  g_autofree char *name = NULL;

  g_return_if_fail (TR_IS_IMPORT_DIALOG (self));

  if (item == NULL || tr_import_item_get_state (item) != TR_IMPORT_READY)
    return;

  g_set_object (&self->reviewing, item);
  tr_import_review_set_report (self->review, tr_import_item_get_report (item));
  name = tr_import_item_dup_name (item);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_button_set_label (self->save_button, _("_Save to Library"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save", TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "review");
}

void
tr_import_dialog_save (TrImportDialog *self)
{
  g_return_if_fail (TR_IS_IMPORT_DIALOG (self));

  if (self->reviewing != NULL)
    {
      tr_import_review_apply (self->review);
      if (save_item (self, self->reviewing))
        show_files (self);
      return;
    }

  self->save_when_read = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(TrImportItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (tr_import_item_get_state (item) == TR_IMPORT_READY)
        save_item (self, item);
    }
  update_progress (self);
}

void
tr_import_dialog_unlock (TrImportDialog *self,
                         guint           position,
                         const char     *password)
{
  g_autoptr(TrImportItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  g_return_if_fail (TR_IS_IMPORT_DIALOG (self));

  if (item == NULL || tr_import_item_get_state (item) != TR_IMPORT_NEEDS_PASSWORD)
    return;
  tr_import_item_set_password (item, password);
  tr_import_item_set_state (item, TR_IMPORT_WAITING, _("Waiting…"));
  start_more (self);
}

void
tr_import_dialog_cancel (TrImportDialog *self)
{
  g_return_if_fail (TR_IS_IMPORT_DIALOG (self));

  g_cancellable_cancel (self->cancellable);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(TrImportItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (tr_import_item_get_state (item) == TR_IMPORT_WAITING)
        tr_import_item_set_state (item, TR_IMPORT_CANCELLED, _("Cancelled"));
    }
  /* Later retries (a password) get a fresh cancellable. */
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  update_progress (self);
}

gboolean
tr_import_dialog_is_idle (TrImportDialog *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_DIALOG (self), TRUE);
  return self->running == 0;
}

static void
dialog_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrImportDialog *self = TR_IMPORT_DIALOG (widget);

  if (g_str_equal (action_name, "import.save"))
    tr_import_dialog_save (self);
  else if (g_str_equal (action_name, "import.back"))
    show_files (self);
  else if (g_str_equal (action_name, "import.cancel"))
    {
      if (self->running > 0)
        tr_import_dialog_cancel (self);
      else
        gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
tr_import_dialog_close_request (GtkWindow *window)
{
  /* Closing stops the workers; what was saved stays saved. */
  g_cancellable_cancel (TR_IMPORT_DIALOG (window)->cancellable);
  return GTK_WINDOW_CLASS (tr_import_dialog_parent_class)->close_request (window);
}

static void
tr_import_dialog_dispose (GObject *object)
{
  TrImportDialog *self = TR_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_object (&self->reviewing);
  gtk_widget_dispose_template (GTK_WIDGET (self), TR_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (tr_import_dialog_parent_class)->dispose (object);
}

static void
tr_import_dialog_finalize (GObject *object)
{
  TrImportDialog *self = TR_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->items);
  g_clear_object (&self->cancellable);
  g_strfreev (self->worker_argv);

  G_OBJECT_CLASS (tr_import_dialog_parent_class)->finalize (object);
}

static void
tr_import_dialog_class_init (TrImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tr_import_dialog_dispose;
  object_class->finalize = tr_import_dialog_finalize;
  window_class->close_request = tr_import_dialog_close_request;

  page_progress_quark = g_quark_from_static_string ("tr-import-page-progress");

  /* A report was saved in the library; the argument is its ID. */
  signals[REPORT_SAVED] = g_signal_new ("report-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The user wants to see a report of the library. */
  signals[OPEN_REPORT] = g_signal_new ("open-report", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (TR_TYPE_IMPORT_REVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/TripReports/import/tr-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, TrImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrImportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TrImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TrImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TrImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TrImportDialog, item_list);
  gtk_widget_class_bind_template_child (widget_class, TrImportDialog, review);

  gtk_widget_class_install_action (widget_class, "import.save", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, dialog_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tr_import_dialog_init (TrImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (TR_TYPE_IMPORT_ITEM);
  self->cancellable = g_cancellable_new ();
  /* Each worker keeps a core busy; more would only queue on the CPU. */
  self->max_running = MAX (1, g_get_num_processors ());
  gtk_list_box_bind_model (self->item_list, G_LIST_MODEL (self->items), create_row, self, NULL);
}

/* Folders contribute the PDFs directly inside them. */
static void
add_files (TrImportDialog *self,
           GFile          *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(TrImportItem) item = tr_import_item_new (file);

      tr_import_item_set_state (item, TR_IMPORT_WAITING, _("Waiting…"));
      g_list_store_append (self->items, item);
      return;
    }

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          (g_str_has_suffix (lower, ".pdf") || g_str_has_suffix (lower, ".odt") || g_str_has_suffix (lower, ".docx")))
        {
          g_autoptr(GFile) child = g_file_get_child (file, name);
          g_autoptr(TrImportItem) item = tr_import_item_new (child);

          tr_import_item_set_state (item, TR_IMPORT_WAITING, _("Waiting…"));
          g_list_store_append (self->items, item);
        }
      g_object_unref (info);
    }
}

TrImportDialog *
tr_import_dialog_new (GtkWindow          *parent,
                      TrReportStore      *store,
                      const char * const *worker_argv,
                      GListModel         *files)
{
  TrImportDialog *self;

  g_return_val_if_fail (TR_IS_REPORT_STORE (store), NULL);
  g_return_val_if_fail (worker_argv != NULL && worker_argv[0] != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  self = g_object_new (TR_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->worker_argv = g_strdupv ((char **) worker_argv);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      add_files (self, file);
    }
  start_more (self);
  return self;
}

GListModel *
tr_import_dialog_get_items (TrImportDialog *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->items);
}

GtkWidget *
tr_import_dialog_get_review (TrImportDialog *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_DIALOG (self), NULL);
  return GTK_WIDGET (self->review);
}
