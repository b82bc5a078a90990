/* tr-parser-furniture.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parser-furniture.h"

#include <math.h>
#include <string.h>

#include "tr-parser-joiner.h"
#include "tr-numerals.h"
#include "tr-parser-text.h"

/* How far from the top or bottom of its page a line may be and still be a
 * header or footer: in lines (reading order), or in part of the height. */
#define EDGE_LINES         2
#define PAGE_NUMBER_LINES  2
#define EDGE_FRACTION      0.1
#define TOP_RANK_FRACTION  0.12
#define MAX_HEADER_CHARS   100
/* Numbers a header may hold: "第 3 頁，共 20 頁" has two. */
#define MAX_HEADER_NUMBERS 4
/* A table's row, as the reader gives it: cells apart by tabs. */
#define MIN_TABLE_CELLS    2

static gboolean
is_dash (gunichar c)
{
  return c != 0 && g_utf8_strchr ("-–—―‒－~～_·•", -1, c) != NULL;
}

/* Skips a number (Arabic or Chinese); NULL when there is none. */
static const char *
skip_number (const char *p,
             gboolean    chinese_too)
{
  const char *start = p;
  guint value;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_digit_value (c) < 0 && !(chinese_too && tr_numeral_is_chinese (c)))
        break;
      p = g_utf8_next_char (p);
    }
  if (p == start || p - start > 12 || !tr_numeral_parse (start, p - start, &value))
    return NULL;
  return p;
}

static gboolean
skip_literal (const char **p,
              const char  *literal)
{
  if (!g_str_has_prefix (*p, literal))
    return FALSE;
  *p += strlen (literal);
  return TRUE;
}

static gboolean
skip_literal_ascii_case (const char **p,
                         const char  *literal)
{
  gsize length = strlen (literal);

  if (g_ascii_strncasecmp (*p, literal, length) != 0)
    return FALSE;
  *p += length;
  return TRUE;
}

static gboolean
is_lower_roman (const char *text)
{
  gsize length = strlen (text);

  return length > 0 && length <= 6 && strspn (text, "ivxl") == length;
}

/* 第1頁, 第一頁, 第1頁，共20頁, 第1頁/共20頁. */
static gboolean
is_chinese_page_number (const char *p)
{
  if (!skip_literal (&p, "第") || (p = skip_number (p, TRUE)) == NULL || !skip_literal (&p, "頁"))
    return FALSE;
  if (*p == '\0')
    return TRUE;
  (void) (skip_literal (&p, "，") || skip_literal (&p, ",") || skip_literal (&p, "/") ||
          skip_literal (&p, "／") || skip_literal (&p, "、"));
  return skip_literal (&p, "共") && (p = skip_number (p, TRUE)) != NULL &&
         skip_literal (&p, "頁") && *p == '\0';
}

/* Page 1, Page 1 of 20, p. 1, P.1, 頁1, 1/20. */
static gboolean
is_latin_page_number (const char *p)
{
  const char *start = p;

  if (skip_literal_ascii_case (&p, "page") || skip_literal_ascii_case (&p, "p.") ||
      skip_literal (&p, "頁"))
    {
      if ((p = skip_number (p, FALSE)) == NULL)
        return FALSE;
      if (*p == '\0')
        return TRUE;
      if (!skip_literal_ascii_case (&p, "of") && !skip_literal (&p, "/"))
        return FALSE;
      return (p = skip_number (p, FALSE)) != NULL && *p == '\0';
    }

  /* Three digits at most: a year alone on a line is not a page number. */
  if ((p = skip_number (p, FALSE)) == NULL || p - start > 3)
    return FALSE;
  if (*p == '\0')
    return TRUE;
  /* 1/20, and 2-1 for chapter 2, page 1. */
  if (!skip_literal (&p, "/") && !skip_literal (&p, "／") && !skip_literal (&p, "-"))
    return FALSE;
  return (p = skip_number (p, FALSE)) != NULL && *p == '\0';
}

gboolean
tr_parser_is_page_number (const char *text)
{
  g_autofree char *compact = NULL;
  char *start, *end;
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);

  compact = tr_parser_compact (text);
  length = strlen (compact);
  if (length == 0 || length > 40)
    return FALSE;

  /* Dashes around the number: - 1 -, —1—, ~1~. */
  start = compact;
  while (*start != '\0' && is_dash (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = compact + length;
  while (end > start)
    {
      char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !is_dash (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  *end = '\0';
  if (*start == '\0')
    return FALSE;

  return is_chinese_page_number (start) || is_latin_page_number (start) || is_lower_roman (start);
}

/* The text of a header or footer with its numbers blanked, so that
 * "報告 第 3 頁" on page 3 and "報告 第 4 頁" on page 4 are the same. */
static char *
header_key (const TrParserLine *line,
            char                edge)
{
  GString *key = g_string_new (NULL);
  gboolean in_number = FALSE;

  g_string_append_c (key, edge);
  for (const char *p = line->text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (tr_parser_is_space (c))
        continue;
      if (g_unichar_digit_value (c) >= 0)
        {
          if (!in_number)
            g_string_append_c (key, '#');
          in_number = TRUE;
          continue;
        }
      in_number = FALSE;
      g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/* By rank in reading order, or by position where the page has one; a
 * line well down the page is no header whatever its rank. Not so at the
 * bottom: pages of text made into lines end wherever their text does. */
static gboolean
near_top (const TrParserLine *line,
          guint               lines)
{
  return (line->rank < lines && (!line->placed || line->y < line->page_height * TOP_RANK_FRACTION)) ||
         (line->placed && line->y + line->height < line->page_height * EDGE_FRACTION);
}

static gboolean
near_bottom (const TrParserLine *line,
             guint               lines)
{
  return line->rank_from_end < lines ||
         (line->placed && line->y > line->page_height * (1 - EDGE_FRACTION));
}

/* The numbers in @text, in order; how many there were (maybe more than
 * @max_numbers, of which only the first are stored). */
static guint
header_numbers (const char *text,
                gint64     *numbers,
                guint       max_numbers)
{
  guint n = 0;

  for (const char *p = text; *p != '\0';)
    {
      gint64 value = 0;

      if (g_unichar_digit_value (g_utf8_get_char (p)) < 0)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      for (; *p != '\0' && g_unichar_digit_value (g_utf8_get_char (p)) >= 0; p = g_utf8_next_char (p))
        value = MIN (value * 10 + g_unichar_digit_value (g_utf8_get_char (p)), G_MAXINT32);
      if (n < max_numbers)
        numbers[n] = value;
      n++;
    }
  return n;
}

/* The lines with the same blanked text at the same edge. Each number in
 * them must stay the same (a year, a total of pages) or follow the page
 * (a page number): dates at the top of several pages are text. */
typedef struct {
  guint    pages;
  guint    last_page;
  guint    n_numbers;
  gint64   values[MAX_HEADER_NUMBERS];
  gint64   offsets[MAX_HEADER_NUMBERS];
  gboolean same_value[MAX_HEADER_NUMBERS];
  gboolean same_offset[MAX_HEADER_NUMBERS];
} Repeats;

static void
count_repeat (GHashTable         *repeats,
              const TrParserLine *line,
              char                edge)
{
  char *key = header_key (line, edge);
  Repeats *entry = g_hash_table_lookup (repeats, key);
  gint64 numbers[MAX_HEADER_NUMBERS];
  guint n_numbers = header_numbers (line->text, numbers, MAX_HEADER_NUMBERS);

  if (entry == NULL)
    {
      entry = g_new0 (Repeats, 1);
      entry->last_page = G_MAXUINT;
      entry->n_numbers = MIN (n_numbers, MAX_HEADER_NUMBERS);
      for (guint i = 0; i < entry->n_numbers; i++)
        {
          entry->values[i] = numbers[i];
          entry->offsets[i] = numbers[i] - line->page;
          entry->same_value[i] = entry->same_offset[i] = TRUE;
        }
      g_hash_table_insert (repeats, key, entry);
    }
  else
    {
      g_free (key);
      for (guint i = 0; i < entry->n_numbers; i++)
        {
          entry->same_value[i] &= numbers[i] == entry->values[i];
          entry->same_offset[i] &= numbers[i] - line->page == entry->offsets[i];
        }
    }

  if (entry->last_page != line->page)
    {
      entry->pages++;
      entry->last_page = line->page;
    }
}

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
repeats_enough (GHashTable         *repeats,
                const TrParserLine *line,
                char                edge,
                guint               needed)
{
  g_autofree char *key = header_key (line, edge);
  Repeats *entry = g_hash_table_lookup (repeats, key);

  /* A header says something: a lone "。" or "）" on several pages does not. */
  if (entry == NULL || entry->pages < needed || !has_letter (line->text))
    return FALSE;
  for (guint i = 0; i < entry->n_numbers; i++)
    if (!entry->same_value[i] && !entry->same_offset[i])
      return FALSE;
  return TRUE;
}

static guint
count_cells (const char *text)
{
  guint n = 1;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\t';
  return n;
}

/* The rows that head a table: a row of cells that a row of as many
 * cells follows on its page; each with the first page it is on. */
static GHashTable *
find_table_headers (TrParserDocument *document)
{
  GHashTable *headers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i + 1 < document->lines->len; i++)
    {
      const TrParserLine *line = tr_parser_document_get (document, i);
      const TrParserLine *next = tr_parser_document_get (document, i + 1);
      guint n_cells = count_cells (line->text);

      if (n_cells >= MIN_TABLE_CELLS && next->page == line->page && count_cells (next->text) == n_cells &&
          !g_str_equal (next->text, line->text) && !g_hash_table_contains (headers, line->text))
        g_hash_table_insert (headers, line->text, GUINT_TO_POINTER (line->page));
    }
  return headers;
}

/* A table row at the top of a page that repeats, cell for cell, the row
 * heading a table on an earlier page: the header row of a table that
 * goes on, repeated as word processors do. */
static gboolean
is_repeated_table_header (GHashTable         *headers,
                          const TrParserLine *line)
{
  gpointer first_page;

  return count_cells (line->text) >= MIN_TABLE_CELLS && near_top (line, EDGE_LINES) &&
         g_hash_table_lookup_extended (headers, line->text, NULL, &first_page) &&
         GPOINTER_TO_UINT (first_page) < line->page;
}

guint
tr_parser_mark_furniture (TrParserDocument *document)
{
  g_autoptr(GHashTable) repeats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) table_headers = find_table_headers (document);
  guint pages_with_text = 0, last_page = G_MAXUINT, needed, needed_numbered, marked = 0;

  for (guint i = 0; i < document->lines->len; i++)
    {
      TrParserLine *line = tr_parser_document_get (document, i);

      if (line->page != last_page)
        pages_with_text++, last_page = line->page;
      if (g_utf8_strlen (line->text, -1) > MAX_HEADER_CHARS)
        continue;
      if (near_top (line, EDGE_LINES))
        count_repeat (repeats, line, 'T');
      if (near_bottom (line, EDGE_LINES))
        count_repeat (repeats, line, 'B');
    }

  /* "Many pages": every page of a very short document, three or half of a
   * short one, a quarter of a long one. */
  if (pages_with_text <= 3)
    needed = pages_with_text;
  else
    needed = MAX (3, MIN ((guint) ceil (pages_with_text * 0.5), (guint) ceil (pages_with_text * 0.25)));
  /* A numbered line ("一、交流座談") opening several pages is more likely a
   * heading used twice than a header: it must be on half of them. */
  needed_numbered = MAX (needed, (guint) ceil (pages_with_text * 0.5));

  for (guint i = 0; i < document->lines->len; i++)
    {
      TrParserLine *line = tr_parser_document_get (document, i);
      gboolean furniture = FALSE;

      if ((near_top (line, PAGE_NUMBER_LINES) || near_bottom (line, PAGE_NUMBER_LINES)) &&
          tr_parser_is_page_number (line->text))
        furniture = TRUE;
      else if (pages_with_text >= 2 && g_utf8_strlen (line->text, -1) <= MAX_HEADER_CHARS)
        {
          guint line_needed = tr_parser_starts_item (line->text) ? needed_numbered : needed;

          furniture = (near_top (line, EDGE_LINES) && repeats_enough (repeats, line, 'T', line_needed)) ||
                      (near_bottom (line, EDGE_LINES) && repeats_enough (repeats, line, 'B', line_needed)) ||
                      is_repeated_table_header (table_headers, line);
        }

      if (furniture)
        {
          line->role = TR_LINE_FURNITURE;
          marked++;
        }
    }
  return marked;
}
