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

char *
tr_text_fingerprint (const char * const *texts,
                     gsize               n_texts)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) kept = g_string_new (NULL);
  gsize n_chars = 0;

  for (gsize i = 0; i < n_texts; i++)
    {
      g_autofree char *valid = NULL;
      g_autofree char *folded = NULL;
      g_autofree char *normalized = NULL;

      if (texts[i] == NULL || texts[i][0] == '\0')
        continue;
      valid = g_utf8_make_valid (texts[i], -1);
      /* Case folding may undo NFKC, so NFKC comes last. */
      folded = g_utf8_casefold (valid, -1);
      normalized = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
      if (normalized == NULL)
        continue;

      g_string_truncate (kept, 0);
      for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT ||
              c == 0xFFFC || c == 0xFFFD)
            continue;
          g_string_append_unichar (kept, c);
          n_chars++;
        }
      g_checksum_update (checksum, (const guchar *) kept->str, kept->len);
    }

  if (n_chars < TR_TEXT_FINGERPRINT_MIN_CHARS)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}
