/* fuzz-report-json.c: libFuzzer target for the report's JSON form
 *
 * Any bytes at all, as `new --from-json` reads them: the reader must
 * neither crash, nor hang, nor leak, and must give a report or an error of
 * one line. A report it gives has text without control characters but tab
 * and line feed, and reads back from its own JSON to the same report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tr-report-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static gboolean
is_clean (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\t' && c != '\n' && g_unichar_iscntrl (c))
        return FALSE;
    }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrReport) again = NULL;
  g_autofree char *json = NULL;

  /* The bytes as they are: not NUL-terminated, the length says where
   * they end. */
  report = tr_report_new_from_json ((const char *) data, size, &error);
  if (report == NULL)
    {
      if (error == NULL || strchr (error->message, '\n') != NULL || !is_clean (error->message))
        abort ();
      return 0;
    }

  for (guint f = 0; f < TR_N_FIELDS; f++)
    if (!is_clean (tr_report_get_text (report, f)))
      abort ();

  json = tr_report_to_json (report, FALSE);
  again = tr_report_new_from_json (json, -1, &error);
  if (again == NULL || !tr_report_content_equal (report, again))
    abort ();
  return 0;
}
