/* bench-import-fidelity.c: how much of a report import gets right, per PDF producer
 *
 * Makes the corpus of tests/fidelity (reports written here, laid out as
 * web pages and printed by Chromium, opened by LibreOffice, or made a
 * DOCX by pandoc and printed by LibreOffice), imports each PDF with the
 * real worker, and prints per case and per producer: whether the title was
 * found, the recall of the cover and form fields, and the F1 of the four
 * sections and the summary (character bigrams). Not a timing: run it after
 * a change to the import to see that nothing got worse.
 *
 *   bench-import-fidelity [--case NAME] [--producer NAME] [--worker PATH] [--dir D --keep]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "tr-bench-stats.h"
#include "tr-fidelity.h"
#include "tr-importer.h"
#include "tr-pdf-reader.h"

static char *opt_case = NULL;
static char *opt_producer = NULL;
static char *opt_worker = NULL;
static char *opt_dir = NULL;
static gboolean opt_keep = FALSE;
static gboolean opt_verbose = FALSE;
static char *opt_lines = NULL;

static const GOptionEntry entries[] = {
  { "case", 0, 0, G_OPTION_ARG_STRING, &opt_case, "Only this case", "NAME" },
  { "producer", 0, 0, G_OPTION_ARG_STRING, &opt_producer, "Only this producer (chromium, libreoffice, pandoc+lo)", "NAME" },
  { "worker", 0, 0, G_OPTION_ARG_FILENAME, &opt_worker, "The import worker (default: $TR_IMPORT_WORKER, else the build tree's)", "PATH" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Folder for the files (default: a new temporary folder)", "PATH" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the folder", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Print what was read of each case", NULL },
  { "lines", 0, 0, G_OPTION_ARG_FILENAME, &opt_lines, "Only print the lines the PDF reader gives of a PDF", "PDF" },
  { NULL }
};

typedef struct {
  guint  n_reports;
  guint  n_titles;
  guint  n_fields;
  guint  n_fields_found;
  double f1_sum;
  guint  n_tables;
  guint  n_tables_found;
  guint  n_cells;
  guint  n_cells_right;
  guint  n_false_tables;
} Totals;

static void
add_totals (Totals                *totals,
            const TrFidelityScore *score)
{
  totals->n_reports++;
  totals->n_titles += score->title_found;
  totals->n_fields += score->n_fields;
  totals->n_fields_found += score->n_fields_found;
  totals->f1_sum += score->section_f1;
  totals->n_tables += score->n_tables;
  totals->n_tables_found += score->n_tables_found;
  totals->n_cells += score->n_cells;
  totals->n_cells_right += score->n_cells_right;
  totals->n_false_tables += score->n_false_tables;
}

static void
print_totals (const char   *name,
              const Totals *totals)
{
  if (totals->n_reports == 0)
    return;
  g_print ("%-12s %3u reports  title found %5.1f%%  field recall %5.1f%%  section F1 %.3f\n", name,
           totals->n_reports, 100.0 * totals->n_titles / totals->n_reports,
           totals->n_fields > 0 ? 100.0 * totals->n_fields_found / totals->n_fields : 100.0,
           totals->f1_sum / totals->n_reports);
  if (totals->n_tables > 0)
    g_print ("%-12s %3u tables   found %5.1f%%  cells right %5.1f%% (%u of %u)\n", "", totals->n_tables,
             100.0 * totals->n_tables_found / totals->n_tables, 100.0 * totals->n_cells_right / totals->n_cells,
             totals->n_cells_right, totals->n_cells);
  g_print ("%-12s %3u tables found where none was written\n", "", totals->n_false_tables);
}

static void
print_report (TrReport *report)
{
  static const TrField fields[] = {
    TR_FIELD_TITLE, TR_FIELD_AGENCY, TR_FIELD_DESTINATION, TR_FIELD_PERIOD_START, TR_FIELD_PERIOD_END,
    TR_FIELD_REPORT_DATE,
  };
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_print ("      %s: %s\n", tr_field_get_key (fields[i]), tr_report_get_text (report, fields[i]));
  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) t = g_list_model_get_item (travellers, i);

      g_print ("      traveller: %s / %s / %s / %s\n", tr_traveller_get (t, TR_TRAVELLER_NAME),
               tr_traveller_get (t, TR_TRAVELLER_AGENCY), tr_traveller_get (t, TR_TRAVELLER_UNIT),
               tr_traveller_get (t, TR_TRAVELLER_TITLE));
    }
  for (const char * const *w = tr_report_get_warnings (report); *w != NULL; w++)
    g_print ("      warning: %s\n", *w);
  for (TrField f = 0; f < TR_N_FIELDS; f++)
    {
      TrBody *body = tr_field_holds_tables (f) ? tr_report_get_body (report, f) : NULL;

      for (guint t = 0; body != NULL && t < tr_body_get_n_tables (body); t++)
        {
          TrTable *table = tr_body_get_table (body, t);
          g_autoptr(GString) text = g_string_new (NULL);

          tr_table_append_plain_text (table, text);
          g_print ("      table in %s, %u × %u%s:\n        ", tr_field_get_key (f), tr_table_get_n_rows (table),
                   tr_table_get_n_columns (table), tr_table_get_has_header (table) ? ", header" : "");
          for (char *p = strchr (text->str, '\n'); p != NULL; p = strchr (p + 1, '\n'))
            g_string_insert (text, p - text->str + 1, "        "), p += 8;
          g_print ("%s\n", text->str);
        }
    }
}

/* What the parser is given: to see why a case reads wrong. */
static int
print_lines (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  if (file != NULL)
    {
      data = g_mapped_file_get_bytes (file);
      lines = tr_pdf_read_lines (data, NULL, NULL, NULL, NULL, &error);
    }
  if (lines == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 1;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, i);

      g_autoptr(GString) starts = g_string_new (NULL);

      /* Where each cell starts, when the reader cut the line into cells. */
      for (guint c = 0; line->cell_x != NULL && c < line->n_cells; c++)
        g_string_append_printf (starts, "%s%.1f", c > 0 ? "," : " [", line->cell_x[c]);
      if (starts->len > 0)
        g_string_append_c (starts, ']');
      g_print ("p%-3u y%6.1f x%6.1f w%6.1f h%5.1f %5.1fpt%s %s%s\n", line->page + 1, line->y, line->x, line->width,
               line->height, line->font_size, line->bold ? "b" : " ", line->text, starts->str);
    }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— how much of a report PDF import reads right");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  gboolean is_temporary;
  const char *worker_argv[] = { NULL, NULL };
  Totals all = { 0 }, per_producer[TR_FIDELITY_N_PRODUCERS] = { { 0 } };
  const TrFidelityCase *cases;
  guint n_cases;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (opt_lines != NULL)
    return print_lines (opt_lines);

  worker_argv[0] = opt_worker != NULL ? opt_worker : g_getenv ("TR_IMPORT_WORKER");
  if (worker_argv[0] == NULL)
    worker_argv[0] = BUILD_IMPORT_WORKER;

  dir = tr_bench_make_dir (opt_dir, "bench-import-fidelity", &is_temporary);
  if (dir == NULL)
    return 1;

  cases = tr_fidelity_get_cases (&n_cases);
  g_print ("%-18s %-12s %-5s %-7s %-6s %s\n", "case", "producer", "title", "fields", "F1", "missing");
  for (TrFidelityProducer producer = 0; producer < TR_FIDELITY_N_PRODUCERS; producer++)
    {
      if (opt_producer != NULL && !g_str_equal (opt_producer, tr_fidelity_producer_name (producer)))
        continue;
      if (!tr_fidelity_producer_available (producer))
        {
          g_print ("(%s is not installed: skipped)\n", tr_fidelity_producer_name (producer));
          continue;
        }
      for (guint i = 0; i < n_cases; i++)
        {
          const TrFidelityCase *fcase = &cases[i];
          g_autoptr(GError) case_error = NULL;
          g_autofree char *pdf = NULL;
          g_autoptr(GFile) file = NULL;
          g_autoptr(TrReport) expected = NULL;
          g_autoptr(TrReport) report = NULL;
          TrFidelityScore score;

          if ((opt_case != NULL && !g_str_equal (opt_case, fcase->name)) ||
              (fcase->skip_producers & (1u << producer)))
            continue;
          pdf = tr_fidelity_make_pdf (fcase, producer, dir, &case_error);
          if (pdf == NULL)
            {
              g_print ("%-18s %-12s could not be made: %s\n", fcase->name, tr_fidelity_producer_name (producer),
                       case_error->message);
              continue;
            }
          file = g_file_new_for_path (pdf);
          report = tr_import_file (file, NULL, worker_argv, NULL, &case_error);
          if (report == NULL)
            {
              g_print ("%-18s %-12s import failed: %s\n", fcase->name, tr_fidelity_producer_name (producer),
                       case_error->message);
              continue;
            }
          expected = tr_fidelity_expected (fcase);
          tr_fidelity_score (fcase, expected, report, &score);
          g_print ("%-18s %-12s %-5s %3u/%-3u %.3f  %s\n", fcase->name, tr_fidelity_producer_name (producer),
                   score.title_found ? "yes" : "NO", score.n_fields_found, score.n_fields, score.section_f1,
                   score.missing_fields);
          if (score.n_tables > 0)
            g_print ("%-18s %-12s tables %u/%u, cells right %u/%u\n", "", "", score.n_tables_found, score.n_tables,
                     score.n_cells_right, score.n_cells);
          if (score.n_false_tables > 0)
            g_print ("%-18s %-12s %u tables where none was written\n", "", "", score.n_false_tables);
          if (opt_verbose)
            {
              g_print ("      F1: purpose %.3f, process %.3f, observations %.3f, recommendations %.3f, summary %.3f\n",
                       score.section_f1_each[0], score.section_f1_each[1], score.section_f1_each[2],
                       score.section_f1_each[3], score.summary_f1);
              print_report (report);
            }
          add_totals (&all, &score);
          add_totals (&per_producer[producer], &score);
          tr_fidelity_score_clear (&score);
        }
    }

  g_print ("\n");
  for (TrFidelityProducer producer = 0; producer < TR_FIDELITY_N_PRODUCERS; producer++)
    print_totals (tr_fidelity_producer_name (producer), &per_producer[producer]);
  print_totals ("all", &all);

  if (is_temporary && !opt_keep)
    {
      /* LibreOffice and Chromium leave profiles of many files there. */
      const char *rm[] = { "rm", "-rf", dir, NULL };

      g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }
  else
    g_print ("\nThe files are in %s\n", dir);
  return all.n_reports > 0 ? 0 : 1;
}
