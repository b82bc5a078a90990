/* tr-text.c: text from outside (PDFs, JSON) made safe to keep and print
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-text.h"

char *
tr_text_clean (const char *text,
               gboolean    keep_line_breaks)
{
  g_autofree char *valid = NULL;
  GString *clean;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  clean = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t')
        g_string_append_c (clean, '\t');
      else if (keep_line_breaks && (c == '\n' || c == '\r'))
        {
          /* CR LF and a lone CR are line breaks as well. */
          if (c == '\r' && p[1] == '\n')
            p++;
          g_string_append_c (clean, '\n');
        }
      else if (g_unichar_iscntrl (c) || c == 0xFFFD)
        {
          if (clean->len > 0 && clean->str[clean->len - 1] != ' ')
            g_string_append_c (clean, ' ');
        }
      else
        g_string_append_unichar (clean, c);
    }
  return g_string_free (clean, FALSE);
}
