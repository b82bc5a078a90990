/* tr-parser-values.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parser-values.h"

#include <string.h>

#include "tr-date.h"
#include "tr-parser-text.h"

/* Dates sit at the start of a value; a longer prefix is never one. */
#define MAX_DATE_CHARS 40

static const char * const categories[] = {
  "考察", "進修", "研究", "實習", "視察", "訪問", "開會", "談判", NULL
};
#define CATEGORY_OTHER "其他"

#define OPENING_BRACKETS "(（[［「"
#define CLOSING_BRACKETS ")）]］」"

static int
bracket_balance (const char *start,
                 const char *end)
{
  int balance = 0;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_utf8_strchr (OPENING_BRACKETS, -1, c) != NULL)
        balance++;
      else if (g_utf8_strchr (CLOSING_BRACKETS, -1, c) != NULL)
        balance--;
    }
  return balance;
}

static gboolean
is_one_of (gunichar    c,
           const char *characters)
{
  return c != 0 && g_utf8_strchr (characters, -1, c) != NULL;
}

/* TRUE when the bracket opening at @start closes at @last: "(a(b)c)", not
 * "(a)b(c)". */
static gboolean
encloses (const char *start,
          const char *last)
{
  int depth = 1;

  for (const char *p = g_utf8_next_char (start); p < last; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_one_of (c, OPENING_BRACKETS))
        depth++;
      else if (is_one_of (c, CLOSING_BRACKETS) && --depth == 0)
        return FALSE;
    }
  return depth == 1;
}

char *
tr_parser_clean_value (const char *text)
{
  static const char *edges = "：:、，,;；_＿";
  g_autofree char *trimmed = tr_parser_trim (text);
  char *start = trimmed, *end = trimmed + strlen (trimmed);
  gboolean changed = TRUE;

  while (changed && start < end)
    {
      char *last = g_utf8_find_prev_char (start, end);
      gunichar first_char = g_utf8_get_char (start), last_char = g_utf8_get_char (last);

      changed = TRUE;
      /* "(擔任裁判)": brackets around the whole value. */
      if (last > start && is_one_of (first_char, OPENING_BRACKETS) && is_one_of (last_char, CLOSING_BRACKETS) &&
          encloses (start, last))
        {
          start = g_utf8_next_char (start);
          end = last;
        }
      else if (is_one_of (first_char, edges) || tr_parser_is_space (first_char) ||
               (is_one_of (first_char, OPENING_BRACKETS) && bracket_balance (start, end) > 0))
        start = g_utf8_next_char (start);
      else if (is_one_of (last_char, edges) || tr_parser_is_space (last_char) ||
               (is_one_of (last_char, CLOSING_BRACKETS) && bracket_balance (start, end) < 0))
        end = last;
      else
        changed = FALSE;
    }
  return g_strndup (start, end - start);
}

gboolean
tr_parser_is_filler (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!tr_parser_is_space (c) && !g_unichar_ispunct (c) && c != '_')
        return FALSE;
    }
  return TRUE;
}

/* Boxes */

typedef struct {
  gboolean  ticked;
  char     *label;
} Option;

static void
clear_option (gpointer data)
{
  g_free (((Option *) data)->label);
}

/* The length of the box at @p, or 0 when there is none. */
static gsize
read_box (const char *p,
          gboolean   *out_ticked)
{
  static const char * const ticked[] = {
    "■", "☑", "☒", "✔", "✓", "▣", "◼", "⊠", "√", "✅", "[x]", "[X]", "[v]", "[V]", "[✓]", "[ˇ]",
    "［ｘ］", "［Ｘ］", "［ｖ］", "［Ｖ］", NULL
  };
  static const char * const empty[] = {
    "□", "☐", "◻", "▢", "❏", "[ ]", "[]", "[　]", "［　］", "［ ］", "［］", NULL
  };

  for (guint i = 0; ticked[i] != NULL; i++)
    if (g_str_has_prefix (p, ticked[i]))
      {
        *out_ticked = TRUE;
        return strlen (ticked[i]);
      }
  for (guint i = 0; empty[i] != NULL; i++)
    if (g_str_has_prefix (p, empty[i]))
      {
        *out_ticked = FALSE;
        return strlen (empty[i]);
      }
  if (g_ascii_strncasecmp (p, "<input", 6) == 0)
    {
      const char *close = strchr (p, '>');

      if (close != NULL && close - p < 200)
        {
          g_autofree char *tag = g_strndup (p, close - p);

          *out_ticked = strstr (tag, "checked") != NULL;
          return close + 1 - p;
        }
    }
  return 0;
}

gboolean
tr_parser_starts_with_box (const char *text)
{
  gboolean ticked;

  return read_box (text, &ticked) > 0;
}

/* Splits @value at its boxes into options; NULL when it has none. */
static GArray *
read_options (const char  *value,
              char       **out_lead)
{
  GArray *options = g_array_new (FALSE, TRUE, sizeof (Option));
  const char *label_start = NULL, *p = value;
  gboolean ticked = FALSE;

  g_array_set_clear_func (options, clear_option);
  *out_lead = NULL;
  while (TRUE)
    {
      gboolean box_ticked = FALSE;
      gsize box = *p != '\0' ? read_box (p, &box_ticked) : 0;

      if (*p != '\0' && box == 0)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (label_start == NULL)
        {
          g_autofree char *lead = g_strndup (value, p - value);

          *out_lead = tr_parser_clean_value (lead);
        }
      else
        {
          g_autofree char *label = g_strndup (label_start, p - label_start);
          Option option = { ticked, tr_parser_clean_value (label) };

          g_array_append_val (options, option);
        }
      if (*p == '\0')
        break;
      label_start = p + box;
      ticked = box_ticked;
      p += box;
    }

  if (options->len == 0)
    {
      g_array_unref (options);
      return NULL;
    }
  return options;
}

/* Categories */

static void
set_category (char       **out_category,
              char       **out_other,
              const char  *category,
              const char  *other)
{
  g_free (*out_category);
  *out_category = g_strdup (category);
  g_free (*out_other);
  *out_other = other != NULL && *other != '\0' ? g_strdup (other) : NULL;
}

/* One category written out: 開會, 其他(出席國際會議), 其他：洽展, or a
 * kind from another list (國際會議), which counts as 其他. */
static gboolean
read_category_text (const char  *text,
                    char       **out_category,
                    char       **out_other)
{
  g_autofree char *clean = tr_parser_clean_value (text);

  if (*clean == '\0')
    return TRUE;
  if (g_strv_contains (categories, clean))
    {
      set_category (out_category, out_other, clean, NULL);
      return TRUE;
    }
  if (g_str_has_prefix (clean, CATEGORY_OTHER))
    {
      g_autofree char *other = tr_parser_clean_value (clean + strlen (CATEGORY_OTHER));

      set_category (out_category, out_other, CATEGORY_OTHER, other);
      return TRUE;
    }
  for (guint i = 0; categories[i] != NULL; i++)
    if (g_str_has_prefix (clean, categories[i]))
      {
        /* 開會（國際會議）: the category, and a note for the caller to keep. */
        set_category (out_category, out_other, categories[i], NULL);
        return FALSE;
      }
  set_category (out_category, out_other, CATEGORY_OTHER, clean);
  return TRUE;
}

gboolean
tr_parser_read_category (const char  *value,
                         char       **out_category,
                         char       **out_other)
{
  g_autoptr(GArray) options = NULL;
  g_autofree char *lead = NULL;
  const Option *first = NULL, *second = NULL;
  guint n_ticked = 0;

  *out_category = *out_other = NULL;
  if ((options = read_options (value, &lead)) == NULL)
    return read_category_text (value, out_category, out_other);

  for (guint i = 0; i < options->len; i++)
    {
      const Option *option = &g_array_index (options, Option, i);

      if (!option->ticked)
        continue;
      if (n_ticked == 0)
        first = option;
      else if (n_ticked == 1)
        second = option;
      n_ticked++;
    }

  /* "其他 ☑國際會議 ☐業務接洽": the text before the boxes names the list. */
  if (first == NULL || (*lead != '\0' && !g_strv_contains (categories, first->label)))
    {
      gboolean complete = read_category_text (lead, out_category, out_other);

      if (first != NULL && *out_category != NULL && g_str_equal (*out_category, CATEGORY_OTHER) && *out_other == NULL)
        set_category (out_category, out_other, CATEGORY_OTHER, first->label);
      return complete && n_ticked <= 1;
    }

  if (g_strv_contains (categories, first->label))
    set_category (out_category, out_other, first->label, NULL);
  else if (g_str_has_prefix (first->label, CATEGORY_OTHER))
    {
      g_autofree char *other = tr_parser_clean_value (first->label + strlen (CATEGORY_OTHER));

      /* ■其他 ■國際會議: the second box says which. */
      set_category (out_category, out_other, CATEGORY_OTHER,
                    *other == '\0' && second != NULL ? second->label : other);
      return n_ticked <= 2;
    }
  else
    set_category (out_category, out_other, CATEGORY_OTHER, first->label);
  return n_ticked == 1;
}

gboolean
tr_parser_read_yes_no (const char *value,
                       gboolean   *out_known,
                       gboolean   *out_yes)
{
  g_autoptr(GArray) options = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *clean = NULL;

  *out_known = *out_yes = FALSE;
  if ((options = read_options (value, &lead)) != NULL)
    {
      for (guint i = 0; i < options->len; i++)
        {
          const Option *option = &g_array_index (options, Option, i);

          if (option->ticked)
            {
              *out_known = TRUE;
              *out_yes = g_str_has_prefix (option->label, "是") || g_str_has_prefix (option->label, "有");
              break;
            }
        }
      return *lead == '\0';
    }

  clean = tr_parser_clean_value (value);
  if (g_str_equal (clean, "是") || g_str_equal (clean, "有"))
    *out_known = *out_yes = TRUE;
  else if (g_str_equal (clean, "否") || g_str_equal (clean, "無"))
    *out_known = TRUE;
  return *out_known || *clean == '\0';
}

gboolean
tr_parser_read_pages (const char *value,
                      guint      *out_pages)
{
  g_autofree char *clean = tr_parser_clean_value (value);
  const char *p = clean;
  guint pages = 0;

  *out_pages = 0;
  while (g_ascii_isdigit (*p) && pages < 100000)
    pages = pages * 10 + (*p++ - '0');
  if (p == clean || pages == 0 || pages >= 100000)
    return *clean == '\0';
  *out_pages = pages;
  p = tr_parser_skip_spaces (p);
  return *p == '\0' || g_str_equal (p, "頁");
}

/* Dates */

/* The date at the start of @text, as ISO, and where it ends. */
static char *
read_date (const char  *text,
           const char **out_end)
{
  const char *ends[MAX_DATE_CHARS];
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < MAX_DATE_CHARS;)
    {
      p = g_utf8_next_char (p);
      ends[n++] = p;
    }
  for (guint i = n; i > 0; i--)
    {
      g_autofree char *prefix = g_strndup (text, ends[i - 1] - text);
      char *iso = tr_date_parse_any (prefix);

      if (iso != NULL)
        {
          *out_end = ends[i - 1];
          return iso;
        }
    }
  return NULL;
}

/* (星期六), （六）, (週六) after a date. */
static const char *
skip_weekday (const char *p)
{
  const char *q = tr_parser_skip_spaces (p);
  const char *open = q;

  if (!g_str_has_prefix (q, "(") && !g_str_has_prefix (q, "（"))
    return p;
  q = g_utf8_next_char (q);
  for (guint n = 0; n < 4 && *q != '\0'; n++)
    {
      gunichar c = g_utf8_get_char (q);

      if (c == ')' || c == 0xFF09)
        return q == g_utf8_next_char (open) ? p : g_utf8_next_char (q);
      if (!is_one_of (c, "星期週周一二三四五六日天"))
        return p;
      q = g_utf8_next_char (q);
    }
  return p;
}

static gboolean
skip_word (const char **p,
           const char  *word)
{
  const char *q = tr_parser_skip_spaces (*p);

  if (!g_str_has_prefix (q, word))
    return FALSE;
  *p = q + strlen (word);
  return TRUE;
}

/* "105年" and "105年7月" of a start date, to complete an end date written
 * without them: 105年7月9日至11日. */
static char *
date_head (const char *text,
           guint       parts)
{
  const char *p = tr_parser_skip_spaces (text);

  (void) (skip_word (&p, "中華民國") || skip_word (&p, "民國") || skip_word (&p, "西元"));
  for (guint part = 0; part < parts; part++)
    {
      while (*p != '\0' && !is_one_of (g_utf8_get_char (p), "年月./-．／－"))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        return NULL;
      p = g_utf8_next_char (p);
    }
  return g_strndup (text, p - text);
}

gboolean
tr_parser_read_period (const char  *value,
                       char       **out_start,
                       char       **out_end)
{
  static const char * const separators[] = { "至", "到", "～", "~", "〜", "－", "-", "–", "—", "迄", NULL };
  const char *p = tr_parser_skip_spaces (value), *start_text, *date_end;
  gboolean separated = FALSE;

  *out_start = *out_end = NULL;
  (void) (skip_word (&p, "自") || skip_word (&p, "從"));
  start_text = p;
  if ((*out_start = read_date (p, &date_end)) == NULL)
    return FALSE;
  p = skip_weekday (date_end);
  skip_word (&p, "起");
  for (guint i = 0; separators[i] != NULL && !separated; i++)
    separated = skip_word (&p, separators[i]);
  p = tr_parser_skip_spaces (p);

  if (!separated)
    {
      /* One day. */
      *out_end = g_strdup (*out_start);
      skip_word (&p, "止");
      return tr_parser_is_filler (p);
    }

  *out_end = read_date (p, &date_end);
  for (guint parts = 1; *out_end == NULL && parts <= 2; parts++)
    {
      g_autofree char *head = date_head (start_text, parts);
      g_autofree char *completed = head != NULL ? g_strconcat (head, p, NULL) : NULL;
      const char *completed_end;

      if (completed != NULL && (*out_end = read_date (completed, &completed_end)) != NULL)
        date_end = p + (completed_end - completed - strlen (head));
    }
  if (*out_end == NULL)
    return FALSE;
  p = skip_weekday (date_end);
  skip_word (&p, "止");
  return tr_parser_is_filler (p);
}

gboolean
tr_parser_read_date_value (const char  *value,
                           char       **out_date)
{
  const char *date_end;

  if ((*out_date = read_date (tr_parser_skip_spaces (value), &date_end)) == NULL)
    return FALSE;
  /* "（填寫一級機關首長核定日）" and the like stay as text. */
  return tr_parser_is_filler (skip_weekday (date_end));
}

GStrv
tr_parser_split_list (const char *value)
{
  g_auto(GStrv) items = tr_parser_split (value, "、，,;；/／");
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv result;

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = tr_parser_clean_value (items[i]);

      if (*item != '\0')
        g_strv_builder_add (builder, item);
    }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}
