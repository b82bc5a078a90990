/* tr-text.c: text from outside (PDFs, JSON) made safe to keep and print
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-sha256.h"
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

/* Han characters, most of a report's text, are their own case fold and
 * NFKC form, neither space nor format, and start no composition and end
 * none: the text normalizes around them as it does between them. The
 * compatibility ideographs (U+F900 on), which NFKC changes, are not here. */
static inline gboolean
is_plain_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* Appends what the fingerprint keeps of @text[0, @length), which is valid
 * UTF-8: folded and normalized, without white space and format characters. */
static void
keep_folded (GString    *kept,
             const char *text,
             gssize      length,
             gsize      *n_chars)
{
  g_autofree char *folded = g_utf8_casefold (text, length);
  g_autofree char *normalized = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);

  if (normalized == NULL)
    return;
  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT || c == 0xFFFC || c == 0xFFFD)
        continue;
      g_string_append_unichar (kept, c);
      (*n_chars)++;
    }
}

char *
tr_text_fingerprint (const char * const *texts,
                     gsize               n_texts)
{
  g_autoptr(GString) kept = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  gsize n_chars = 0;

  for (gsize i = 0; i < n_texts; i++)
    {
      g_autofree char *copy = NULL;
      const char *text = texts[i];
      const char *other = NULL;  /* where the text since the last Han character starts */

      if (text == NULL || text[0] == '\0')
        continue;
      if (!g_utf8_validate (text, -1, NULL))
        text = copy = g_utf8_make_valid (text, -1);
      /* Han characters are kept as they are; the text between them is
       * folded and normalized a piece at a time. */
      for (const char *p = text; ; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c != 0 && !is_plain_han (c))
            {
              if (other == NULL)
                other = p;
              continue;
            }
          if (other != NULL)
            {
              keep_folded (kept, other, p - other, &n_chars);
              other = NULL;
            }
          if (c == 0)
            break;
          g_string_append_len (kept, p, 3);
          n_chars++;
        }
    }

  if (n_chars < TR_TEXT_FINGERPRINT_MIN_CHARS)
    return NULL;
  /* One digest of all the texts, as of each in turn. */
  bytes = g_string_free_to_bytes (g_steal_pointer (&kept));
  return tr_sha256_for_bytes (bytes);
}
