/* tr-snippet.c: the few words around a search hit
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FTS5's snippet() tokenizes every column of a hit to choose its fragment:
 * for twenty hits in reports of thousands of characters that is most of a
 * search's time. The index has already said which reports hold the words,
 * so finding the first occurrence with a substring search is enough. */

#include "tr-snippet.h"

#include <string.h>

#include "tr-report-info.h"

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

/* The bytes of @text at @p that spell the lowered @word, or 0. */
static gsize
match_at (const char *p,
          const char *end,
          const char *word)
{
  const char *t = p;

  for (const char *w = word; *w != '\0'; w = g_utf8_next_char (w))
    {
      if (t >= end || g_unichar_tolower (g_utf8_get_char (t)) != g_utf8_get_char (w))
        return 0;
      t = g_utf8_next_char (t);
    }
  return t - p;
}

static const char *
find_word (const char *text,
           const char *end,
           const char *word,
           gboolean    cased)
{
  if (!cased)
    return g_strstr_len (text, end - text, word);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
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

static char *
build_fragment (const char *text,
                const char *end,
                const char *hit,
                GPtrArray  *words,
                guint       width)
{
  GString *fragment = g_string_new (NULL);
  const char *start = hit;
  const char *p;
  guint shown = 0;

  for (guint i = 0; i < width / CONTEXT_BEFORE_DIVISOR && start > text; i++)
    start = g_utf8_prev_char (start);

  if (start > text)
    g_string_append (fragment, "…");
  for (p = start; p < end && shown < width; shown++)
    {
      gsize length = longest_match_at (p, end, words);

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
  if (p < end)
    g_string_append (fragment, "…");
  return g_string_free (fragment, FALSE);
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
      /* Stored text should be valid; whatever follows a bad byte is not
       * searched rather than misread. */
      g_utf8_validate (text, -1, &end);

      for (guint i = 0; i < lowered->len; i++)
        {
          const char *hit = find_word (text, end, lowered->pdata[i],
                                       g_array_index (cased, gboolean, i));

          if (hit != NULL)
            return build_fragment (text, end, hit, lowered, width);
        }
    }
  return NULL;
}
