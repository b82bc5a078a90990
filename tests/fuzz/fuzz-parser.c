/* fuzz-parser.c: libFuzzer target for the report parser
 *
 * Any bytes at all: the parser must neither crash, nor hang, nor leak,
 * and must return a report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <stdlib.h>

#include "tr-report-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The parser takes NUL-terminated UTF-8: make the bytes so first. */
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  if (report == NULL)
    abort ();
  return 0;
}
