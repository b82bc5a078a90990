/* tr-cli-import.c: import, from PDF files
 *
 * The program trip-reports-import. Of the core it links the store and the
 * importer, which starts a worker per file: poppler is the worker's alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-cli.h"
#include "tr-error.h"
#include "tr-importer.h"
#include "tr-report-json.h"

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
  char        *text;      /* with --dry-run: the report, as printed */
  GError      *error;
  gboolean     done;
};

struct _ImportBatch {
  TrReportStore *store;        /* NULL with --dry-run */
  const char    *password;
  GStrv          worker_argv;
  ImportItem    *items;
  guint          n_items;
  guint          n_started;
  guint          n_finished;   /* reported, in the order given */
  guint          n_running;
  guint          max_running;
  guint          n_failed;
  gboolean       json;
};

/* The ID of the report already imported from @sha256, or NULL. */
static char *
find_duplicate (ImportBatch  *batch,
                const char   *sha256,
                GError      **error)
{
  if (batch->store == NULL || sha256 == NULL)
    return NULL;
  return tr_report_store_find_by_source_sha256 (batch->store, sha256, error);
}

static GError *
new_duplicate_error (const char *id)
{
  return g_error_new (TR_ERROR, TR_ERROR_DUPLICATE, _("already in the library as ID %s"), id);
}

static void
import_next (ImportBatch *batch);

/* Saves (unless --dry-run) a report just read, and keeps what will be
 * printed of it; the report itself, with its PDF, goes. */
static void
keep_report (ImportBatch *batch,
             ImportItem  *item,
             TrReport    *report)
{
  if (batch->store != NULL)
    {
      g_autofree char *existing = find_duplicate (batch, tr_report_get_source_sha256 (report), &item->error);

      /* Imported meanwhile, by another process. */
      if (existing != NULL)
        item->error = new_duplicate_error (existing);
      if (item->error != NULL || !tr_report_store_save (batch->store, report, &item->error))
        return;
      item->id = g_strdup (tr_report_get_id (report));
    }

  if (batch->json)
    item->json = tr_report_to_json_node (report);
  else if (batch->store == NULL)
    item->text = format_report (report);
}

/* Prints one file's outcome. */
static void
report_item (ImportBatch *batch,
             ImportItem  *item)
{
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
}

static void
on_file_imported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ImportItem *item = user_data;
  ImportBatch *batch = item->batch;
  g_autoptr(TrReport) report = tr_import_file_finish (result, &item->error);

  if (report != NULL)
    keep_report (batch, item, report);
  item->done = TRUE;
  batch->n_running--;
  import_next (batch);
  finish_ready_items (batch);
}

/* Refuses a file already in the library, or earlier in the batch, before
 * reading it: importing a folder again must not parse it all again. What
 * cannot be imported at all (a folder, a device, a file too large) is
 * refused here too, before a byte of it is read. */
static gboolean
check_not_imported (ImportBatch *batch,
                    ImportItem  *item)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *existing = NULL;

  if (batch->store == NULL)
    return TRUE;
  data = tr_import_read_file (item->file, NULL, &item->error);
  if (data == NULL)
    return FALSE;
  item->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  for (ImportItem *earlier = batch->items; earlier < item; earlier++)
    if (g_strcmp0 (earlier->sha256, item->sha256) == 0)
      {
        item->same_as = earlier;
        return FALSE;
      }
  existing = find_duplicate (batch, item->sha256, &item->error);
  if (existing != NULL)
    item->error = new_duplicate_error (existing);
  return item->error == NULL;
}

/* Starts files until every processor has one. */
static void
import_next (ImportBatch *batch)
{
  while (batch->n_running < batch->max_running && batch->n_started < batch->n_items)
    {
      ImportItem *item = &batch->items[batch->n_started++];

      if (!check_not_imported (batch, item))
        {
          item->done = TRUE;
          continue;
        }

      batch->n_running++;
      tr_import_file_async (item->file, batch->password, (const char * const *) batch->worker_argv,
                            NULL, NULL, NULL, NULL, on_file_imported, item);
    }
}

static int
run_import (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_auto(GStrv) worker_argv = NULL;
  g_autofree ImportItem *items = NULL;
  g_autofree char *password = NULL;
  gboolean dry_run = FALSE;
  ImportBatch batch = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Read the files and show what was found, without saving"), NULL },
    /* Bytes, not the locale's text: a password may be anything. */
    { "password", 0, 0, G_OPTION_ARG_FILENAME, &password,
      N_("Open password-protected PDFs with PASSWORD"), N_("PASSWORD") },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (cli, entries, &status))
    return status;
  if (!dry_run && (store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;

  worker_argv = tr_import_get_worker_argv ();
  batch.n_items = g_strv_length (cli->args);
  items = g_new0 (ImportItem, batch.n_items);
  for (guint i = 0; i < batch.n_items; i++)
    {
      items[i].batch = &batch;
      items[i].name = cli->args[i];
      items[i].file = g_file_new_for_commandline_arg (cli->args[i]);
    }

  batch.store = store;
  batch.password = password;
  batch.worker_argv = worker_argv;
  batch.items = items;
  batch.max_running = MAX (g_get_num_processors (), 1);
  batch.json = cli->json;

  /* Each worker is a process: the main loop only waits for their output. */
  import_next (&batch);
  finish_ready_items (&batch);
  while (batch.n_finished < batch.n_items)
    g_main_context_iteration (NULL, TRUE);

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
  return batch.n_failed > 0 ? TR_CLI_EXIT_FAILED : TR_CLI_EXIT_OK;
}

/* The program ------------------------------------------------------------- */

static const TrCliRunner runners[] = {
  { "import", run_import },
};

int
main (int   argc,
      char *argv[])
{
  return tr_cli_main (argc, argv, runners, G_N_ELEMENTS (runners));
}
