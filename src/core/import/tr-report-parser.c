/* tr-report-parser.c
 *
 * The parser knows nothing of TrReport, so that it builds and is fuzzed
 * with GLib alone; its result becomes a report here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-report-parser.h"
#include "tr-parser.h"

static TrReport *
report_from_parsed (TrParsedReport *parsed)
{
  TrReport *report = tr_report_new (TR_REPORT_KIND_IMPORTED);

  for (guint i = 0; i < TR_N_FIELDS; i++)
    {
      if (parsed->bodies[i] != NULL && tr_field_holds_tables (i))
        tr_body_replace (tr_report_get_body (report, i), parsed->bodies[i]);
      else
        tr_report_set_text (report, i, parsed->texts[i]);
    }
  g_list_store_splice (tr_report_get_travellers (report), 0, 0,
                       parsed->travellers->pdata, parsed->travellers->len);
  tr_report_set_keywords (report, (const char * const *) parsed->keywords->pdata);
  tr_report_set_warnings (report, (const char * const *) parsed->warnings->pdata);
  tr_report_set_has_attachments (report, parsed->has_attachments);
  tr_report_set_pages (report, parsed->pages);
  return report;
}

TrReport *
tr_report_parse_lines (GPtrArray *lines,
                       guint      n_pages)
{
  return tr_report_parse_lines_full (lines, n_pages, NULL);
}

TrReport *
tr_report_parse_lines_full (GPtrArray *lines,
                            guint      n_pages,
                            guint     *out_appendix_page)
{
  g_autoptr(TrParsedReport) parsed = tr_parser_parse_lines (lines, n_pages);

  if (out_appendix_page != NULL)
    *out_appendix_page = parsed->appendix_page;
  return report_from_parsed (parsed);
}

TrReport *
tr_report_parse_text (const char *text)
{
  g_autoptr(TrParsedReport) parsed = tr_parser_parse_text (text);

  return report_from_parsed (parsed);
}

/* The appendix's text runs are read as one text, so that a caption line
 * goes only when it is the one line of the whole appendix that reads so;
 * its tables stay where they are. What is left is matched back to the
 * runs line by line: a line that went read like no other. */
guint
tr_report_remove_caption_lines (TrReport           *report,
                                const char * const *caption_lines)
{
  TrBody *body;
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *kept = NULL;
  g_auto(GStrv) kept_lines = NULL;
  guint n_removed, n_runs, k = 0;

  g_return_val_if_fail (TR_IS_REPORT (report), 0);

  body = tr_report_get_body (report, TR_FIELD_APPENDIX);
  n_runs = tr_body_get_n_tables (body) + 1;
  for (guint i = 0; i < n_runs; i++)
    {
      const char *run = tr_body_get_text_run (body, i);

      if (*run == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, '\n');
      g_string_append (joined, run);
    }
  n_removed = tr_parser_remove_caption_lines (joined->str, caption_lines, &kept);
  if (kept == NULL)
    return n_removed;

  kept_lines = g_strsplit (kept, "\n", -1);
  for (guint i = 0; i < n_runs; i++)
    {
      g_auto(GStrv) lines = g_strsplit (tr_body_get_text_run (body, i), "\n", -1);
      g_autoptr(GPtrArray) left = g_ptr_array_new ();
      guint n_lines = g_strv_length (lines);

      for (guint l = 0; l < n_lines; l++)
        if (kept_lines[k] != NULL && g_str_equal (kept_lines[k], lines[l]))
          g_ptr_array_add (left, kept_lines[k++]);
      if (left->len < n_lines)
        {
          g_autofree char *text = NULL;

          g_ptr_array_add (left, NULL);
          text = g_strjoinv ("\n", (char **) left->pdata);
          tr_body_set_text_run (body, i, text);
        }
    }
  return n_removed;
}
