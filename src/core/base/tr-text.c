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

/* Characters that fold alone, and what they fold to; -1 for any other.
 * NFKC and case folding change them without looking at their neighbours,
 * and no neighbour changes with them: their combining class is 0, they
 * (and what they decompose to) are never the second of a composition, and
 * CJK ideographs and these punctuation marks are never the first. So text
 * may be cut before any of them, and one followed by another such
 * character (or the end) needs no Unicode tables: most of a report. */
static gint32
fold_alone (gunichar c)
{
  if (c < 0x80)
    return g_ascii_tolower ((char) c);
  /* Full-width ASCII: NFKC makes it the ASCII it is a wide form of. */
  if (c >= 0xFF01 && c <= 0xFF5E)
    return g_ascii_tolower ((char) (c - 0xFEE0));
  if (c == 0x3000)
    return ' ';
  /* 、。〃 and the brackets 〈〉《》「」『』【】; CJK Unified Ideographs. */
  if ((c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x4E00 && c <= 0x9FFF))
    return (gint32) c;
  return -1;
}

/* Appends to @kept the folded characters of @text that are not white space
 * or invisible; returns how many. */
static gsize
keep_folded (GString    *kept,
             const char *text,
             gssize      length)
{
  g_autofree char *folded = g_utf8_casefold (text, length);
  /* Case folding may undo NFKC, so NFKC comes last. */
  g_autofree char *normalized = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  gsize n_chars = 0;

  for (const char *p = normalized; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT || c == 0xFFFC || c == 0xFFFD)
        continue;
      g_string_append_unichar (kept, c);
      n_chars++;
    }
  return n_chars;
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
      const char *run = NULL;  /* characters that fold with their neighbours */
      const char *p;

      if (texts[i] == NULL || texts[i][0] == '\0')
        continue;
      valid = g_utf8_make_valid (texts[i], -1);

      g_string_truncate (kept, 0);
      for (p = valid; *p != '\0';)
        {
          const char *next = g_utf8_next_char (p);
          gint32 folded = fold_alone (g_utf8_get_char (p));

          /* Alone only when what follows may be cut from it too. */
          if (folded < 0 || (*next != '\0' && fold_alone (g_utf8_get_char (next)) < 0))
            {
              if (run == NULL)
                run = p;
              p = next;
              continue;
            }
          if (run != NULL)
            n_chars += keep_folded (kept, run, p - run);
          run = NULL;
          if (!g_unichar_isspace ((gunichar) folded))
            {
              g_string_append_unichar (kept, (gunichar) folded);
              n_chars++;
            }
          p = next;
        }
      if (run != NULL)
        n_chars += keep_folded (kept, run, p - run);
      g_checksum_update (checksum, (const guchar *) kept->str, kept->len);
    }

  if (n_chars < TR_TEXT_FINGERPRINT_MIN_CHARS)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}
