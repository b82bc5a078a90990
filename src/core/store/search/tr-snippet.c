/* tr-snippet.c: the few words around a search hit
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FTS5's snippet() tokenizes every column of a hit to choose its fragment:
 * for twenty hits in reports of thousands of characters that is most of a
 * search's time. The index has already said which reports hold the words,
 * so finding the first occurrence with a substring search is enough. */

#include "tr-snippet.h"

#include <string.h>

#include "tr-snippet-marks.h"

/* The share of the width shown before the hit. */
#define CONTEXT_BEFORE_DIVISOR 4

static gboolean
has_case (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_tolower (c) != c || g_unichar_toupper (c) != c)
        return TRUE;
    }
  return FALSE;
}

/* Each character lowered on its own, the way match_at() compares them. */
static char *
lower_each (const char *word)
{
  GString *lowered = g_string_new (NULL);

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (lowered, g_unichar_tolower (g_utf8_get_char (p)));
  return g_string_free (lowered, FALSE);
}

/* The character after @p, stepping over a bad byte as over a character:
 * the text is not trusted to be valid UTF-8. */
static const char *
next_char (const char *p,
           const char *end)
{
  gunichar c = g_utf8_get_char_validated (p, end - p);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    return p + 1;
  return g_utf8_next_char (p);
}

/* The bytes of @text at @p that spell the lowered @word, or 0. */
static gsize
match_at (const char *p,
          const char *end,
          const char *word)
{
  const char *t = p;

  for (const char *w = word; *w != '\0'; w = g_utf8_next_char (w))
    {
      gunichar c;

      if (t >= end)
        return 0;
      c = g_utf8_get_char_validated (t, end - t);
      if (c == (gunichar) -1 || c == (gunichar) -2 || g_unichar_tolower (c) != g_utf8_get_char (w))
        return 0;
      t = g_utf8_next_char (t);
    }
  return t - p;
}

static gboolean
is_ascii (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* @text ends at @end with a NUL. */
static const char *
find_word (const char *text,
           const char *end,
           const char *word,
           gboolean    cased)
{
  if (!cased)
    return strstr (text, word);

  /* Latin words (OECD, GIS) are the cased ones users type: strpbrk()
   * finds where their first letter is, in either case, a block at a time. */
  if (is_ascii (word))
    {
      char first[3] = { g_ascii_tolower (word[0]), g_ascii_toupper (word[0]), '\0' };
      gsize length = strlen (word);

      for (const char *p = strpbrk (text, first); p != NULL; p = strpbrk (p + 1, first))
        if (g_ascii_strncasecmp (p, word, length) == 0)
          return p;
      return NULL;
    }

  for (const char *p = text; p < end; p = next_char (p, end))
    if (match_at (p, end, word) > 0)
      return p;
  return NULL;
}

/* The longest of @words that starts at @p, and its length in bytes. */
static gsize
longest_match_at (const char *p,
                  const char *end,
                  GPtrArray  *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      gsize length = match_at (p, end, words->pdata[i]);

      if (length > 0)
        return length;
    }
  return 0;
}

static gint
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  return (int) g_utf8_strlen (*(char **) b, -1) - (int) g_utf8_strlen (*(char **) a, -1);
}

/* The fragment around @hit in @region, which is valid UTF-8; "…" marks
 * text cut off before it (@cut_before) or after it. */
static char *
build_fragment (const char *region,
                const char *region_end,
                gboolean    cut_before,
                gboolean    cut_after,
                const char *hit,
                GPtrArray  *words,
                guint       width)
{
  GString *fragment = g_string_new (NULL);
  const char *start = hit;
  const char *p;
  guint shown = 0;

  for (guint i = 0; i < width / CONTEXT_BEFORE_DIVISOR && start > region; i++)
    start = g_utf8_prev_char (start);

  if (start > region || cut_before)
    g_string_append (fragment, "…");
  for (p = start; p < region_end && shown < width; shown++)
    {
      gsize length = longest_match_at (p, region_end, words);

      if (length > 0)
        {
          g_string_append (fragment, TR_SNIPPET_MATCH_START);
          g_string_append_len (fragment, p, length);
          g_string_append (fragment, TR_SNIPPET_MATCH_END);
          shown += g_utf8_strlen (p, length) - 1;
          p += length;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (fragment, p, next - p);
          p = next;
        }
    }
  if (p < region_end || cut_after)
    g_string_append (fragment, "…");
  return g_string_free (fragment, FALSE);
}

/* Only the few hundred bytes around a hit are made valid UTF-8 and read
 * character by character; the text itself may be long, and is only
 * scanned by strstr(). */
static char *
fragment_around (const char *text,
                 const char *end,
                 const char *hit,
                 GPtrArray  *words,
                 guint       width)
{
  /* A character takes at most four bytes. */
  gsize before = 4 * (width / CONTEXT_BEFORE_DIVISOR + 1);
  gsize after = 4 * (width + 1);
  const char *from = (gsize) (hit - text) > before ? hit - before : text;
  const char *to = (gsize) (end - hit) > after ? hit + after : end;
  g_autofree char *region = NULL;
  const char *region_hit;
  const char *region_end;

  /* Start on a character, not inside one. */
  while (from < hit && ((guchar) *from & 0xC0) == 0x80)
    from++;
  region = g_utf8_make_valid (from, to - from);
  region_end = region + strlen (region);

  /* Replacement characters may have moved it: find the hit again. */
  region_hit = NULL;
  for (const char *p = region; p < region_end && region_hit == NULL; p = g_utf8_next_char (p))
    if (longest_match_at (p, region_end, words) > 0)
      region_hit = p;
  if (region_hit == NULL)
    return NULL;

  /* The last character of the region may be a cut one: never shown, as
   * the region holds more than @width characters after the hit. */
  return build_fragment (region, region_end, from > text, to < end, region_hit, words, width);
}

char *
tr_snippet_build (const char * const *texts,
                  guint               n_texts,
                  const char * const *words,
                  guint               width)
{
  g_autoptr(GPtrArray) lowered = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) cased = g_array_new (FALSE, FALSE, sizeof (gboolean));

  g_return_val_if_fail (texts != NULL || n_texts == 0, NULL);
  g_return_val_if_fail (words != NULL, NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && g_utf8_validate (words[i], -1, NULL))
      g_ptr_array_add (lowered, lower_each (words[i]));
  if (lowered->len == 0)
    return NULL;
  g_ptr_array_sort (lowered, compare_longest_first);
  for (guint i = 0; i < lowered->len; i++)
    {
      gboolean word_cased = has_case (lowered->pdata[i]);

      g_array_append_val (cased, word_cased);
    }

  for (guint t = 0; t < n_texts; t++)
    {
      const char *text = texts[t];
      const char *end;

      if (text == NULL)
        continue;
      end = text + strlen (text);

      for (guint i = 0; i < lowered->len; i++)
        {
          const char *hit = find_word (text, end, lowered->pdata[i],
                                       g_array_index (cased, gboolean, i));

          if (hit != NULL)
            return fragment_around (text, end, hit, lowered, width);
        }
    }
  return NULL;
}
