/* tr-cli-import.c: import, from PDF, ODT and DOCX files
 *
 * The module trip-reports-import. Of the core it links the store, the
 * importer, which reads each PDF in a process of its own (poppler is the
 * worker's alone; a batch's workers are started once per processor and
 * fork a reader per file, tr-import-workers.h), and the office library, which reads ODT and DOCX files here, in the
 * program: libxml2 and libzip, bounded, are safe to run in it. A file that
 * names a report of the library merges into it (tr-review-merge.h); our
 * own export of one it does not have is received for review, as in the
 * window (tr_office_import_receive()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "tr-cli.h"
#include "tr-error.h"
#include "tr-importer.h"
#include "tr-office-import.h"
#include "tr-report-json.h"
#include "tr-review-merge.h"
#include "tr-sha256.h"

/* import ------------------------------------------------------------------ */

typedef struct _ImportBatch ImportBatch;
typedef struct _ImportItem ImportItem;

/* One file of an import batch. Its report is saved the moment its worker
 * is done, whatever the files before it are doing; what is printed of it
 * waits for them, to keep the order given. */
struct _ImportItem {
  ImportBatch *batch;
  const char  *name;      /* as given on the command line */
  GFile       *file;
  char        *sha256;    /* of the file, with a library */
  ImportItem  *same_as;   /* an earlier file of the batch with the same bytes */
  char        *id;        /* saved as this report */
  JsonNode    *json;      /* with --json: the report */
  char        *text;      /* with --dry-run: the report, as printed; a merge: what it merged */
  GError      *error;
  gboolean     done;
  gboolean     cancelled; /* left for the next run: the batch was stopped first */
};

struct _ImportBatch {
  TrReportStore *store;        /* NULL with --dry-run */
  /* With --dry-run, the library when there is one, only read: to say what
   * a reviewed file would do to it. */
  TrReportStore *library;
  const char    *password;
  GStrv          worker_argv;
  /* A batch's workers, each reading one file after another. */
  TrImportWorkers *workers;
  ImportItem    *items;
  guint          n_items;
  guint          n_started;
  /* The order files start in: the largest first, so that the batch does
   * not end with one processor reading a long report while the others
   * wait. What is printed keeps the order given. */
  guint         *start_order;
  guint          n_finished;   /* reported, in the order given */
  guint          n_running;
  guint          max_running;
  guint          n_failed;
  guint          n_done;       /* in any order */
  guint          n_skipped;    /* of those, refused before reading: no guide to the time left */
  gboolean       json;
  gboolean       force;        /* a report whose text the library has is added too */
  gboolean       show_progress; /* a batch, on a terminal */
  gint64         start_time;
  gint64         progress_time; /* when the progress line was last drawn */
  /* Ctrl+C (SIGINT) or SIGTERM: no file is started any more, those being
   * read are dropped; what is saved stays, and the same command run again
   * skips it and imports the rest. */
  GCancellable  *cancellable;
  /* Reports read, saved and indexed one after another in a thread of their
   * own, so that a worker done meanwhile gets its next file at once. */
  GThreadPool   *saver;
  /* The library through a connection of its own, for the lookups before
   * each file: the saver's transactions do not hold them up. */
  TrReportStore *lookup;
  GMainContext  *context;       /* the one the batch runs in */
  guint          n_saving;      /* read, not saved yet */
  int            stop_signal;   /* the signal that stopped the batch, or 0 */
  guint          interrupt_id;  /* the watches of those signals, until one comes */
  guint          terminate_id;
  guint          n_cancelled;
};

/* The progress line of a batch, on stderr when it is a terminal: how many
 * files are done and, once some are, about how long the rest will take.
 * Redrawn in place; cleared before anything else is printed. */
static void
clear_progress (ImportBatch *batch)
{
  if (batch->show_progress && batch->progress_time != 0)
    fputs ("\r\033[K", stderr);
}

static void
show_progress (ImportBatch *batch)
{
  gint64 now = g_get_monotonic_time ();
  g_autofree char *line = NULL;

  if (!batch->show_progress || batch->n_done == batch->n_items)
    return;
  if (batch->n_done == batch->n_skipped)
    /* TRANSLATORS: progress of a batch import, on the terminal */
    line = g_strdup_printf (_("Importing: %u of %u files done"), batch->n_done, batch->n_items);
  else
    {
      guint64 left_s = (guint64) ((now - batch->start_time) / (batch->n_done - batch->n_skipped) *
                                  (gint64) (batch->n_items - batch->n_done) / G_USEC_PER_SEC);
      g_autofree char *left = left_s >= 3600
                              ? g_strdup_printf ("%" G_GUINT64_FORMAT ":%02u:%02u", left_s / 3600,
                                                 (guint) (left_s / 60 % 60), (guint) (left_s % 60))
                              : g_strdup_printf ("%u:%02u", (guint) (left_s / 60), (guint) (left_s % 60));

      /* TRANSLATORS: progress of a batch import; the last %s is a time left, "3:05" (minutes:seconds) */
      line = g_strdup_printf (_("Importing: %u of %u files done, about %s left"), batch->n_done,
                              batch->n_items, left);
    }
  fprintf (stderr, "\r\033[K%s", line);
  fflush (stderr);
  batch->progress_time = now;
}

/* The ID of the report already imported from @sha256, or NULL. */
static char *
find_duplicate (ImportBatch  *batch,
                const char   *sha256,
                GError      **error)
{
  if (batch->store == NULL || sha256 == NULL)
    return NULL;
  return tr_report_store_find_by_source_sha256 (batch->lookup != NULL ? batch->lookup : batch->store, sha256,
                                                error);
}

static GError *
new_duplicate_error (const char *id)
{
  return g_error_new (TR_ERROR, TR_ERROR_DUPLICATE, _("already in the library as ID %s"), id);
}

static GError *
new_same_text_error (const char *id)
{
  return g_error_new (TR_ERROR, TR_ERROR_DUPLICATE,
                      _("the same report as ID %s, imported from another file; to add it all the same, use --force"),
                      id);
}

static void
import_next (ImportBatch *batch);

/* Refuses @report, just read, when the library has it already: from the
 * same file, imported meanwhile by another process; or from another file
 * with the same text (an earlier file of this batch among them), unless
 * --force. */
static gboolean
check_not_duplicate (ImportBatch *batch,
                     ImportItem  *item,
                     TrReport    *report)
{
  TrDuplicateKind kind = TR_DUPLICATE_NONE;
  g_autofree char *existing = NULL;

  /* Our own ODT comes back from its JSON form, without a source file. */
  if (tr_report_get_source_sha256 (report) == NULL)
    return TRUE;
  existing = tr_report_store_find_duplicate (batch->store, report, &kind, &item->error);
  if (kind == TR_DUPLICATE_SAME_FILE)
    item->error = new_duplicate_error (existing);
  else if (kind == TR_DUPLICATE_SAME_TEXT && !batch->force)
    item->error = new_same_text_error (existing);
  return item->error == NULL;
}

/* Saves a report just read, and its index entries: in the saver's thread.
 * Only this thread touches @item meanwhile. */
static void
save_report (ImportBatch *batch,
             ImportItem  *item,
             TrReport    *report)
{
  g_autoptr(GError) error = NULL;

  if (!check_not_duplicate (batch, item, report) ||
      !tr_report_store_save (batch->store, report, &item->error))
    return;
  item->id = g_strdup (tr_report_get_id (report));
  /* Indexed now rather than all at the end, where it would leave the
   * other processors idle. */
  if (!tr_report_store_update_index (batch->store, &error))
    g_debug ("The search index waits: %s", error->message);
}

/* Keeps what will be printed of a report read (and saved, unless
 * --dry-run); the report itself, with its PDF, goes. */
static void
describe_report (ImportBatch *batch,
                 ImportItem  *item,
                 TrReport    *report)
{
  if (item->error != NULL)
    return;
  if (batch->json)
    item->json = tr_report_to_json_node_full (report, TR_REPORT_JSON_WORDED_WARNINGS);
  else if (batch->store == NULL)
    item->text = format_report (report);
}

/* Prints one file's outcome. */
static void
report_item (ImportBatch *batch,
             ImportItem  *item)
{
  if (item->cancelled)
    {
      batch->n_cancelled++;
      return;
    }
  clear_progress (batch);
  batch->progress_time = 0;
  /* The same bytes as an earlier file, reported by now: its outcome. */
  if (item->same_as != NULL)
    {
      if (item->same_as->id != NULL)
        item->error = new_duplicate_error (item->same_as->id);
      else if (item->same_as->error != NULL)
        item->error = g_error_copy (item->same_as->error);
    }

  if (item->error != NULL)
    {
      batch->n_failed++;
      if (g_error_matches (item->error, TR_ERROR, TR_ERROR_PDF_ENCRYPTED))
        /* TRANSLATORS: the file, then why it was refused */
        fail (_("“%s”: %s; give it with --password"), item->name, item->error->message);
      else
        fail (_("“%s”: %s"), item->name, item->error->message);
      return;
    }

  if (batch->json)
    return;  /* printed together at the end */
  else if (batch->store != NULL)
    {
      g_autofree char *name = one_line (item->name);

      g_print ("%s\t%s\n", item->id, name);
      if (item->text != NULL)
        g_print ("%s", item->text);
      g_clear_pointer (&item->text, g_free);
    }
  else
    {
      if (batch->n_items > 1)
        g_print ("%s==> %s <==\n", batch->n_finished > 0 ? "\n" : "", item->name);
      g_print ("%s", item->text);
      g_clear_pointer (&item->text, g_free);
    }
}

/* Reports every file that is done and whose predecessors are all reported. */
static void
finish_ready_items (ImportBatch *batch)
{
  while (batch->n_finished < batch->n_items && batch->items[batch->n_finished].done)
    {
      report_item (batch, &batch->items[batch->n_finished]);
      batch->n_finished++;
    }
  show_progress (batch);
}

/* A report read by its worker, on its way into the library. */
typedef struct {
  ImportItem *item;
  TrReport   *report;
} SaveJob;

static void
item_done (ImportItem *item)
{
  item->done = TRUE;
  item->batch->n_done++;
}

static gboolean
on_report_saved (gpointer user_data)
{
  SaveJob *job = user_data;
  ImportBatch *batch = job->item->batch;

  batch->n_saving--;
  describe_report (batch, job->item, job->report);
  item_done (job->item);
  g_object_unref (job->report);
  g_free (job);
  /* The saves may have held the next files back (import_next()). */
  import_next (batch);
  finish_ready_items (batch);
  return G_SOURCE_REMOVE;
}

static void
save_in_thread (gpointer data,
                gpointer user_data)
{
  SaveJob *job = data;
  ImportBatch *batch = user_data;
  g_autoptr(GSource) source = g_idle_source_new ();

  save_report (batch, job->item, job->report);
  /* Always from the batch's loop: g_main_context_invoke() would run it
   * here whenever the context is free for a moment. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, on_report_saved, job, NULL);
  g_source_attach (source, batch->context);
}

static void
on_file_imported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ImportItem *item = user_data;
  ImportBatch *batch = item->batch;
  g_autoptr(TrReport) report = tr_import_file_finish (result, &item->error);

  batch->n_running--;
  /* A worker stopped with the batch was not failed by its file, whatever
   * its end looked like (a terminal's Ctrl+C reaches it too): the file is
   * left for the next run. */
  if (item->error != NULL && g_cancellable_is_cancelled (batch->cancellable))
    {
      g_clear_error (&item->error);
      item->cancelled = TRUE;
    }
  if (report != NULL && batch->store != NULL)
    {
      SaveJob *job = g_new0 (SaveJob, 1);

      job->item = item;
      job->report = g_steal_pointer (&report);
      batch->n_saving++;
      if (batch->saver == NULL)
        batch->saver = g_thread_pool_new (save_in_thread, batch, 1, FALSE, NULL);
      g_thread_pool_push (batch->saver, job, NULL);
      import_next (batch);
      return;
    }

  item_done (item);
  import_next (batch);
  if (report != NULL)
    describe_report (batch, item, report);
  finish_ready_items (batch);
}

/* Refuses a file already in the library, or earlier in the batch, before
 * reading it: importing a folder again must not parse it all again. What
 * cannot be imported at all (a folder, a device, a file too large) is
 * refused here too, before a byte of it is read. The file's bytes, read
 * for that with a library, go to @out_data, for its import. */
static gboolean
check_not_imported (ImportBatch  *batch,
                    ImportItem   *item,
                    GBytes      **out_data)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *existing = NULL;

  if (batch->store == NULL)
    return TRUE;
  data = tr_import_read_file (item->file, NULL, &item->error);
  if (data == NULL)
    return FALSE;
  item->sha256 = tr_sha256_for_bytes (data);
  for (ImportItem *earlier = batch->items; earlier < item; earlier++)
    if (g_strcmp0 (earlier->sha256, item->sha256) == 0)
      {
        item->same_as = earlier;
        return FALSE;
      }
  existing = find_duplicate (batch, item->sha256, &item->error);
  if (existing != NULL)
    item->error = new_duplicate_error (existing);
  if (item->error != NULL)
    return FALSE;
  if (out_data != NULL)
    *out_data = g_steal_pointer (&data);
  return TRUE;
}

/* ODT and DOCX ----------------------------------------------------------- */

static gboolean
is_office_file (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  return g_str_has_suffix (lower, ".odt") || g_str_has_suffix (lower, ".docx");
}

static void
describe_change (GString                 *text,
                 const TrParagraphChange *change)
{
  g_autofree char *author = change->author_text != NULL ? one_line (change->author_text) : NULL;
  g_autofree char *reviewer = change->reviewer_text != NULL ? one_line (change->reviewer_text) : NULL;

  g_string_append_printf (text, "  %s: ", tr_section_get_heading (change->section));
  if (author == NULL)
    g_string_append (text, _("paragraph added by the reviewer"));
  else if (reviewer == NULL)
    g_string_append (text, _("paragraph removed by the reviewer"));
  else
    g_string_append (text, _("paragraph changed by the reviewer"));
  if (change->conflict)
    g_string_append_printf (text, " (%s)", _("conflict: the report was saved after this file was exported; your text is kept"));
  g_string_append_c (text, '\n');
  if (author != NULL)
    /* TRANSLATORS: the author's paragraph, kept as it is */
    g_string_append_printf (text, "    %s %s\n", _("yours:"), author);
  if (reviewer != NULL)
    /* TRANSLATORS: the reviewer's text, kept as a suggestion */
    g_string_append_printf (text, "    %s %s\n", _("theirs:"), reviewer);
}

/* Merges a file of report @id into it: the comments, the review and its
 * decision; the text only as suggestions. Nothing is written before all
 * of it is known to apply, and nothing at all unless @apply: then it only
 * says what it would merge. */
static gboolean
merge_office_file (ImportBatch     *batch,
                   TrReportStore   *store,
                   ImportItem      *item,
                   TrOfficeImport  *import,
                   TrReport        *report,
                   gboolean         apply)
{
  const char *id = tr_report_get_id (report);
  g_autoptr(TrReviewMerge) merge = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if ((merge = tr_review_merge_new_for_store (store, id, import, &item->error)) == NULL ||
      (apply && !tr_review_merge_apply (merge, store, id, &item->error)))
    return FALSE;

  item->id = g_strdup (id);
  if (apply)
    /* TRANSLATORS: what importing a reviewed file merged into its report */
    g_string_append_printf (text, _("  merged: new comments: %u (already there: %u)"),
                            merge->new_comments->len, merge->n_duplicates);
  else
    /* TRANSLATORS: what importing a reviewed file would merge into its report (import --dry-run) */
    g_string_append_printf (text, _("  would merge: new comments: %u (already there: %u)"),
                            merge->new_comments->len, merge->n_duplicates);
  if (merge->review != NULL)
    g_string_append_printf (text, _(", review form applied"));
  if (merge->status_changed)
    g_string_append_printf (text, _(", decision %s"), tr_review_status_get_label (merge->status));
  if (merge->status_changed && merge->status == TR_REVIEW_STATUS_RETURNED)
    {
      TrReturnReasons reasons = tr_review_get_return_reasons (merge->review);
      gboolean first = TRUE;

      /* The reasons are the form's words, report content. */
      for (guint i = 0; i < TR_N_RETURN_REASONS; i++)
        if (reasons & (1u << i))
          {
            g_string_append_printf (text, "%s%s", first ? "（" : "、", tr_return_reason_get_text (1u << i));
            first = FALSE;
          }
      if (!first)
        g_string_append (text, "）");
    }
  g_string_append_printf (text, _(", paragraphs changed by the reviewer: %u\n"), merge->changes->len);
  for (guint i = 0; i < merge->changes->len; i++)
    describe_change (text, merge->changes->pdata[i]);

  if (batch->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string_member (builder, "id", id);
      add_string_member (builder, apply ? "merged" : "would_merge", item->name);
      json_builder_set_member_name (builder, "comments_added");
      json_builder_add_int_value (builder, merge->new_comments->len);
      json_builder_set_member_name (builder, "comments_already_there");
      json_builder_add_int_value (builder, merge->n_duplicates);
      add_string_member (builder, "status", tr_review_status_to_string (merge->status));
      json_builder_set_member_name (builder, "changes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < merge->changes->len; i++)
        {
          const TrParagraphChange *change = merge->changes->pdata[i];

          json_builder_begin_object (builder);
          add_string_member (builder, "section", tr_section_get_key (change->section));
          json_builder_set_member_name (builder, "author_text");
          if (change->author_text != NULL)
            json_builder_add_string_value (builder, change->author_text);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "reviewer_text");
          if (change->reviewer_text != NULL)
            json_builder_add_string_value (builder, change->reviewer_text);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "conflict");
          json_builder_add_boolean_value (builder, change->conflict);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      item->json = json_builder_get_root (builder);
    }
  else
    item->text = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

/* Receives our own file of a report the library does not have, as the
 * window does (tr_office_import_receive()): kept with its file, in review
 * here, or with the decision the file already carries. */
static void
receive_office_file (ImportBatch    *batch,
                     ImportItem     *item,
                     TrOfficeImport *import)
{
  TrReport *report = tr_office_import_get_report (import);
  const char *id = tr_report_get_id (report);
  guint n_comments = tr_office_import_get_comments (import)->len;
  g_autoptr(TrReview) review = NULL;
  TrReviewStatus status;

  if (!tr_office_import_receive (import, batch->store, &item->error))
    return;
  item->id = g_strdup (id);
  /* The status as the library now has it, not as this file says. */
  if ((review = tr_report_store_load_review (batch->store, id, &item->error)) == NULL)
    return;
  status = tr_review_get_status (review);

  if (batch->json)
    {
      JsonObject *object;

      item->json = tr_report_to_json_node_full (report, TR_REPORT_JSON_WORDED_WARNINGS);
      object = json_node_get_object (item->json);
      json_object_set_boolean_member (object, "received_for_review", TRUE);
      json_object_set_string_member (object, "status", tr_review_status_to_string (status));
      json_object_set_int_member (object, "comments_added", n_comments);
    }
  else
    /* TRANSLATORS: what importing someone else's report for review did; %s is its status, 送審 */
    item->text = g_strdup_printf (_("  received for review: %s, comments: %u\n"),
                                  tr_review_status_get_label (status), n_comments);
}

/* Looks up the report @import names in the library, if there is one:
 * NULL, with no error, when it has none. */
static TrReport *
find_in_library (TrReportStore   *library,
                 TrOfficeImport  *import,
                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  TrReport *existing;

  if (library == NULL || !tr_office_import_has_identity (import))
    return NULL;
  existing = tr_report_store_load (library, tr_report_get_id (tr_office_import_get_report (import)), &local_error);
  if (existing == NULL && !g_error_matches (local_error, TR_ERROR, TR_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return existing;
}

/* --dry-run: what the file would become, saving nothing: a merge into the
 * report it names, or the report read, received for review when it is our
 * own export of one the library does not have. */
static void
dry_run_office_file (ImportBatch    *batch,
                     ImportItem     *item,
                     TrOfficeImport *import)
{
  TrReport *report = tr_office_import_get_report (import);
  g_autoptr(TrReport) existing = find_in_library (batch->library, import, &item->error);
  gboolean received = tr_office_import_is_lossless (import);

  if (item->error != NULL)
    return;
  if (existing != NULL)
    {
      merge_office_file (batch, batch->library, item, import, existing, FALSE);
      return;
    }
  if (batch->json)
    {
      item->json = tr_report_to_json_node_full (report, TR_REPORT_JSON_WORDED_WARNINGS);
      if (received)
        json_object_set_boolean_member (json_node_get_object (item->json), "would_receive_for_review", TRUE);
    }
  else
    {
      g_autofree char *printed = format_report (report);

      item->text = g_strconcat (printed, received ? _("  would be received for review\n") : "", NULL);
    }
}

/* Reads an ODT or DOCX file here, at once: a new report, a report
 * received for review, or a merge into the one it names. */
static void
import_office_file (ImportBatch *batch,
                    ImportItem  *item)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(TrOfficeImport) import = NULL;
  g_autoptr(TrReport) existing = NULL;
  g_autofree char *basename = g_file_get_basename (item->file);
  TrReport *report;
  GPtrArray *comments;

  if ((data = tr_import_read_file (item->file, NULL, &item->error)) == NULL ||
      (import = tr_office_import_new_from_bytes (data, basename, &item->error)) == NULL)
    return;
  report = tr_office_import_get_report (import);

  if (batch->store == NULL)
    {
      dry_run_office_file (batch, item, import);
      return;
    }

  existing = find_in_library (batch->store, import, &item->error);
  if (item->error != NULL)
    return;
  if (existing != NULL)
    {
      merge_office_file (batch, batch->store, item, import, existing, TRUE);
      return;
    }

  if (!check_not_imported (batch, item, NULL) || !check_not_duplicate (batch, item, report))
    return;
  /* Our own export, as it left its author: sent for review. */
  if (tr_office_import_is_lossless (import))
    {
      receive_office_file (batch, item, import);
      return;
    }
  /* Any other file, a Word report among them: a report of the library. */
  if (!tr_report_store_save (batch->store, report, &item->error))
    return;
  item->id = g_strdup (tr_report_get_id (report));
  comments = tr_office_import_get_comments (import);
  for (guint i = 0; i < comments->len; i++)
    if (!tr_report_store_add_comment (batch->store, item->id, comments->pdata[i], &item->error))
      return;
  if (tr_office_import_get_review (import) != NULL &&
      !tr_report_store_save_review (batch->store, item->id, tr_office_import_get_review (import), &item->error))
    return;
  if (batch->json)
    item->json = tr_report_to_json_node_full (report, TR_REPORT_JSON_WORDED_WARNINGS);
}

typedef struct {
  guint   index;
  goffset size;
} StartEntry;

static int
compare_sizes (gconstpointer a,
               gconstpointer b)
{
  const StartEntry *x = a, *y = b;

  if (x->size != y->size)
    return x->size > y->size ? -1 : 1;
  /* Files of the same bytes keep their order: the first is read, the
   * others are found to be the same (check_not_imported()). */
  return x->index < y->index ? -1 : x->index > y->index;
}

static guint *
new_start_order (ImportItem *items,
                 guint       n_items)
{
  g_autofree StartEntry *entries = g_new0 (StartEntry, MAX (n_items, 1));
  guint *order = g_new (guint, MAX (n_items, 1));

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *path = g_file_get_path (items[i].file);
      GStatBuf info;

      entries[i].index = i;
      /* Unknown (not a local file, not there): last. */
      if (path != NULL && g_stat (path, &info) == 0)
        entries[i].size = info.st_size;
    }
  qsort (entries, n_items, sizeof *entries, compare_sizes);
  for (guint i = 0; i < n_items; i++)
    order[i] = entries[i].index;
  return order;
}

/* Starts files until every processor has one, unless the saves fall
 * behind: the reports waiting for them hold their PDFs in memory. */
static void
import_next (ImportBatch *batch)
{
  while (batch->n_running < batch->max_running && batch->n_saving <= batch->max_running &&
         batch->n_started < batch->n_items)
    {
      ImportItem *item = &batch->items[batch->start_order[batch->n_started++]];
      g_autoptr(GBytes) data = NULL;

      if (g_cancellable_is_cancelled (batch->cancellable))
        {
          item->cancelled = TRUE;
          item_done (item);
          continue;
        }
      if (is_office_file (item->name))
        {
          import_office_file (batch, item);
          item_done (item);
          continue;
        }
      if (!check_not_imported (batch, item, &data))
        {
          item_done (item);
          batch->n_skipped++;
          continue;
        }

      batch->n_running++;
      /* Read and hashed already, with a library: not again. */
      if (batch->workers != NULL)
        tr_import_file_served_async (batch->workers, item->file, data, data != NULL ? item->sha256 : NULL,
                                     batch->password, batch->cancellable, on_file_imported, item);
      else if (data != NULL)
        tr_import_file_with_data_async (item->file, data, item->sha256, batch->password,
                                        (const char * const *) batch->worker_argv, batch->cancellable,
                                        on_file_imported, item);
      else
        tr_import_file_async (item->file, batch->password, (const char * const *) batch->worker_argv,
                              NULL, NULL, NULL, batch->cancellable, on_file_imported, item);
    }
}

/* Once either signal has come, neither is watched: a second one ends the
 * command at once. */
static void
stop_watching_signals (ImportBatch *batch)
{
  g_clear_handle_id (&batch->interrupt_id, g_source_remove);
  g_clear_handle_id (&batch->terminate_id, g_source_remove);
}

static gboolean
on_stop_signal (ImportBatch *batch,
                int          signum)
{
  batch->stop_signal = signum;
  g_cancellable_cancel (batch->cancellable);
  stop_watching_signals (batch);
  return G_SOURCE_REMOVE;
}

static gboolean
on_interrupt (gpointer user_data)
{
  ImportBatch *batch = user_data;

  batch->interrupt_id = 0;  /* removed by returning */
  return on_stop_signal (batch, SIGINT);
}

static gboolean
on_terminate (gpointer user_data)
{
  ImportBatch *batch = user_data;

  batch->terminate_id = 0;
  return on_stop_signal (batch, SIGTERM);
}

static int
run_import (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReportStore) library = NULL;
  g_autoptr(TrReportStore) lookup = NULL;
  g_auto(GStrv) worker_argv = NULL;
  g_autoptr(TrImportWorkers) workers = NULL;
  g_autofree ImportItem *items = NULL;
  g_autofree guint *start_order = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean dry_run = FALSE;
  gboolean force = FALSE;
  ImportBatch batch = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Read the files and show what was found, without saving"), NULL },
    /* Bytes, not the locale's text: a password may be anything. */
    { "password", 0, 0, G_OPTION_ARG_FILENAME, &password,
      N_("Open password-protected PDFs with PASSWORD"), N_("PASSWORD") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Import a file even when the library has a report with the same text"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (cli, entries, &status))
    return status;
  batch.n_items = g_strv_length (cli->args);
#ifdef __GLIBC__
  /* A batch reads file after file into memory: kept by malloc once freed,
   * rather than given back to the system and faulted in again for the
   * next file, which cost three times the reading itself. */
  if (batch.n_items > 1)
    {
      mallopt (M_MMAP_THRESHOLD, 64 << 20);
      mallopt (M_TRIM_THRESHOLD, 256 << 20);
    }
#endif
  worker_argv = tr_import_get_worker_argv ();
  /* Starting the reader is a good part of reading a short PDF: a batch
   * starts it once per processor, not once per file, and before it opens
   * its library and reads its first files. */
  if (batch.n_items > 1)
    {
      g_autoptr(GError) error = NULL;
      guint n_pdfs = 0;

      for (guint i = 0; cli->args[i] != NULL; i++)
        n_pdfs += !is_office_file (cli->args[i]);
      workers = tr_import_workers_new ((const char * const *) worker_argv);
      if (!tr_import_workers_start (workers, MIN (n_pdfs, MAX (g_get_num_processors (), 1)), &error))
        g_debug ("The workers start with the first files: %s", error->message);
    }
  if (!dry_run && (store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;
  /* A batch touches much of the library (lookups, the index): through a
   * map, its resident memory would grow with the file. */
  if (store != NULL && batch.n_items > 1)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) lookup_error = NULL;

      if (!tr_report_store_unmap (store, &error))
        g_debug ("The library stays mapped: %s", error->message);
      if ((lookup = tr_report_store_open (tr_report_store_get_path (store), &lookup_error)) == NULL ||
          !tr_report_store_unmap (lookup, &lookup_error))
        {
          g_debug ("Lookups go through the one connection: %s", lookup_error->message);
          g_clear_object (&lookup);
        }
    }
  /* A dry run creates no library. */
  if (dry_run)
    {
      g_autofree char *path = cli_get_store_path (cli);

      if (g_file_test (path, G_FILE_TEST_EXISTS) && (library = cli_open_store (cli)) == NULL)
        return TR_CLI_EXIT_FAILED;
    }

  items = g_new0 (ImportItem, batch.n_items);
  for (guint i = 0; i < batch.n_items; i++)
    {
      items[i].batch = &batch;
      items[i].name = cli->args[i];
      items[i].file = g_file_new_for_commandline_arg (cli->args[i]);
    }

  batch.store = store;
  batch.library = library;
  batch.lookup = lookup;
  batch.password = password;
  batch.worker_argv = worker_argv;
  batch.workers = workers;
  batch.items = items;
  batch.start_order = start_order = new_start_order (items, batch.n_items);
  batch.max_running = MAX (g_get_num_processors (), 1);
  batch.json = cli->json;
  batch.force = force;
  batch.show_progress = batch.n_items > 1 && isatty (STDERR_FILENO);
  batch.start_time = g_get_monotonic_time ();
  batch.cancellable = cancellable;
  batch.context = g_main_context_default ();
  batch.interrupt_id = g_unix_signal_add (SIGINT, on_interrupt, &batch);
  batch.terminate_id = g_unix_signal_add (SIGTERM, on_terminate, &batch);

  /* Each worker is a process: the main loop only waits for their output. */
  import_next (&batch);
  finish_ready_items (&batch);
  while (batch.n_finished < batch.n_items)
    g_main_context_iteration (NULL, TRUE);
  /* Every save has come back: its thread is idle. */
  if (batch.saver != NULL)
    g_thread_pool_free (batch.saver, FALSE, TRUE);
  clear_progress (&batch);
  stop_watching_signals (&batch);
  if (batch.n_cancelled > 0)
    /* TRANSLATORS: a batch import stopped by Ctrl+C */
    fail (ngettext ("stopped: %u file was not imported; run the same command again to import it",
                    "stopped: %u files were not imported; run the same command again to import them",
                    batch.n_cancelled),
          batch.n_cancelled);

  /* The imported reports are in; their search index entries now, so that
   * the library is searchable at once when the command returns. */
  if (store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!tr_report_store_update_index (store, &error))
        warn_index_pending (error);
    }

  /* One object for one file, an array for several. */
  if (cli->json && batch.n_items == 1 && items[0].json != NULL)
    print_json (items[0].json);
  else if (cli->json && batch.n_items > 1)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < batch.n_items; i++)
        if (items[i].json != NULL)
          json_array_add_element (array, g_steal_pointer (&items[i].json));
      json_node_set_array (root, array);
      print_json (root);
    }

  for (guint i = 0; i < batch.n_items; i++)
    {
      g_clear_object (&items[i].file);
      g_clear_pointer (&items[i].sha256, g_free);
      g_clear_pointer (&items[i].id, g_free);
      g_clear_pointer (&items[i].text, g_free);
      g_clear_pointer (&items[i].json, json_node_unref);
      g_clear_error (&items[i].error);
    }
  /* As the shell says of a command a signal stopped, unless it came too
   * late to stop anything. */
  if (batch.n_cancelled > 0)
    return 128 + batch.stop_signal;
  return batch.n_failed > 0 ? TR_CLI_EXIT_FAILED : TR_CLI_EXIT_OK;
}

/* The program ------------------------------------------------------------- */

static const TrCliRunner runners[] = {
  { "import", run_import },
};

TR_CLI_DEFINE_GROUP_MAIN (runners)
