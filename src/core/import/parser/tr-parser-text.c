/* tr-parser-text.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parser-text.h"

#include <string.h>

gboolean
tr_parser_is_cjk_letter (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return TRUE;
    default:
      /* Full-width digits and letters. */
      return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
             (c >= 0xFF41 && c <= 0xFF5A);
    }
}

gboolean
tr_parser_is_cjk (gunichar c)
{
  return tr_parser_is_cjk_letter (c) ||
         (c >= 0x3000 && c <= 0x303F) ||  /* CJK symbols and punctuation */
         (c >= 0xFE30 && c <= 0xFE4F) ||  /* compatibility forms */
         (c >= 0xFF00 && c <= 0xFFEF);    /* half- and full-width forms */
}

gboolean
tr_parser_is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  /* g_unichar_isspace misses U+00A0 and U+FEFF, both met in PDF text. */
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0xFEFF || c == 0x200B;
}

const char *
tr_parser_skip_spaces (const char *text)
{
  while (*text != '\0' && tr_parser_is_space (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  return text;
}

char *
tr_parser_trim (const char *text)
{
  const char *start = tr_parser_skip_spaces (text);
  const char *end = start;

  for (const char *p = start; *p != '\0'; p = g_utf8_next_char (p))
    if (!tr_parser_is_space (g_utf8_get_char (p)))
      end = g_utf8_next_char (p);
  return g_strndup (start, end - start);
}

char *
tr_parser_compact (const char *text)
{
  GString *compact = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!tr_parser_is_space (c))
        g_string_append_unichar (compact, c);
    }
  return g_string_free (compact, FALSE);
}

gboolean
tr_parser_match_spaced (const char  *text,
                        const char  *word,
                        const char **out_end)
{
  const char *p = text;

  /* Valid UTF-8 both: characters are equal when their bytes are. */
  for (const char *w = word; *w != '\0';)
    {
      gsize length = g_utf8_next_char (w) - w;

      if (w != word)
        p = tr_parser_skip_spaces (p);
      /* The NUL at the end of @text differs from any byte of @word. */
      for (gsize i = 0; i < length; i++)
        if (p[i] != w[i])
          return FALSE;
      p += length;
      w += length;
    }
  *out_end = p;
  return TRUE;
}

/* Whether the letter at @p stands alone: whitespace or the text's edge on
 * both sides. */
static gboolean
is_lone_letter (const char *text,
                const char *p)
{
  const char *next = g_utf8_next_char (p);

  return tr_parser_is_cjk_letter (g_utf8_get_char (p)) &&
         (p == text || tr_parser_is_space (g_utf8_get_char (g_utf8_find_prev_char (text, p)))) &&
         (*next == '\0' || tr_parser_is_space (g_utf8_get_char (next)));
}

char *
tr_parser_join_spaced_letters (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0';)
    {
      const char *after = g_utf8_next_char (p);

      g_string_append_len (out, p, after - p);
      if (is_lone_letter (text, p))
        {
          const char *q = after;
          gboolean tab = FALSE;

          for (; *q != '\0' && tr_parser_is_space (g_utf8_get_char (q)); q = g_utf8_next_char (q))
            tab |= *q == '\t';
          if (q != after && !tab && *q != '\0' && is_lone_letter (text, q))
            after = q;
        }
      p = after;
    }
  return g_string_free (out, FALSE);
}

GStrv
tr_parser_split (const char *text,
                 const char *separators)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  const char *start = NULL;
  GStrv parts;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean separator = c == 0 || tr_parser_is_space (c) ||
                           (separators != NULL && g_utf8_strchr (separators, -1, c) != NULL);

      if (separator && start != NULL)
        {
          g_autofree char *part = g_strndup (start, p - start);

          g_strv_builder_add (builder, part);
          start = NULL;
        }
      else if (!separator && start == NULL)
        start = p;
      if (c == 0)
        break;
    }
  parts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return parts;
}

gunichar
tr_parser_last_char (const char *text)
{
  gunichar last = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!tr_parser_is_space (c))
        last = c;
    }
  return last;
}

static gboolean
is_closing (gunichar c)
{
  return c != 0 && g_utf8_strchr ("」』）)”’\"'》〉】］]｝}", -1, c) != NULL;
}

/* "Mr." and "e.g." do not end sentences; "cities." does. */
static gboolean
latin_full_stop_ends_sentence (const char *text,
                               const char *stop)
{
  static const char * const abbreviations[] = {
    "etc", "e.g", "i.e", "vs", "fig", "vol", "pp", "approx", "no", "mr", "mrs",
    "ms", "dr", "st", "prof", "inc", "co", "jr", "sr", NULL
  };
  const char *word = stop;
  g_autofree char *lower = NULL;

  while (word > text && (g_ascii_isalpha (word[-1]) || word[-1] == '.'))
    word--;
  if (word == stop || !g_ascii_islower (stop[-1]))
    return FALSE;

  lower = g_ascii_strdown (word, stop - word);
  return !g_strv_contains (abbreviations, lower);
}

gboolean
tr_parser_ends_sentence (const char *text)
{
  const char *last = text + strlen (text);
  gunichar c = 0;

  /* The last character that is neither a space nor a closing mark, looked
   * for from the end: this runs on every line of a report. */
  do
    {
      last = g_utf8_find_prev_char (text, last);
      if (last == NULL)
        return FALSE;
      c = g_utf8_get_char (last);
    }
  while (tr_parser_is_space (c) || is_closing (c));

  switch (c)
    {
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF1B: /* ； */
    case 0xFF1A: /* ： */
    case 0xFF0E: /* ． */
    case '!':
    case '?':
    case ';':
    case ':':
      return TRUE;
    case '.':
      return latin_full_stop_ends_sentence (text, last);
    default:
      return FALSE;
    }
}

static gboolean
is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum (c);
}

/* Whether a line ending in @a continued by a line starting with @b had a
 * space at the break. */
static gboolean
needs_space (gunichar before_a,
             gunichar a,
             gunichar b)
{
  if (a < 0x80 && b < 0x80)
    {
      /* "Asia-" "Pacific": a hyphenated compound, not two words. */
      if (a == '-' && g_ascii_isalpha (before_a) && g_ascii_isalpha (b))
        return FALSE;
      return strchr ("([{/", a) == NULL && strchr (")]},.;:!?%/", b) == NULL;
    }
  /* "1989" "年" and "APEC" "會員體" read better apart; "。" "APEC" does not. */
  if (is_ascii_alnum (a) || is_ascii_alnum (b))
    return g_unichar_isalnum (a) && g_unichar_isalnum (b);
  /* Latin letters with accents behave like ASCII ones. */
  return g_unichar_isalpha (a) && g_unichar_isalpha (b) &&
         !tr_parser_is_cjk (a) && !tr_parser_is_cjk (b);
}

void
tr_parser_append_continuation (GString    *paragraph,
                               const char *next)
{
  const char *last;
  gunichar a, before_a = 0;

  g_return_if_fail (paragraph != NULL && next != NULL);

  if (*next == '\0')
    return;
  if (paragraph->len == 0)
    {
      g_string_append (paragraph, next);
      return;
    }

  last = g_utf8_find_prev_char (paragraph->str, paragraph->str + paragraph->len);
  a = g_utf8_get_char (last);
  if (last > paragraph->str)
    before_a = g_utf8_get_char (g_utf8_find_prev_char (paragraph->str, last));

  if (needs_space (before_a, a, g_utf8_get_char (next)))
    g_string_append_c (paragraph, ' ');
  g_string_append (paragraph, next);
}
