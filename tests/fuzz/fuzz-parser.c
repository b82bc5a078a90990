/* fuzz-parser.c: libFuzzer target for the report parser
 *
 * Any bytes at all: the parser must neither crash, nor hang, nor leak,
 * and must return a report. The input's first lines then stand for photo
 * captions to take out of the appendix, as PDF import does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <stdlib.h>

#include "tr-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The parser takes NUL-terminated UTF-8: make the bytes so first. */
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  g_autoptr(TrParsedReport) report = tr_parser_parse_text (text);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) captions = g_ptr_array_new ();
  g_autofree char *appendix = NULL;

  if (report == NULL)
    abort ();
  /* As many as a report has photos, at most. */
  for (guint i = 0; lines[i] != NULL && i < 100; i++)
    g_ptr_array_add (captions, lines[i]);
  g_ptr_array_add (captions, NULL);
  tr_parser_remove_caption_lines (tr_parsed_report_get_text (report, TR_FIELD_APPENDIX),
                                  (const char * const *) captions->pdata, &appendix);
  return 0;
}
