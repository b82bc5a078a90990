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

guint
tr_report_remove_caption_lines (TrReport           *report,
                                const char * const *caption_lines)
{
  g_autofree char *appendix = NULL;
  guint n_removed;

  g_return_val_if_fail (TR_IS_REPORT (report), 0);

  n_removed = tr_parser_remove_caption_lines (tr_report_get_text (report, TR_FIELD_APPENDIX),
                                              caption_lines, &appendix);
  if (appendix != NULL)
    tr_report_set_text (report, TR_FIELD_APPENDIX, appendix);
  return n_removed;
}
