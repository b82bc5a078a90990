/* tr-parser-toc.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parser-toc.h"

#include <string.h>

#include "tr-parser-furniture.h"
#include "tr-parser-headings.h"
#include "tr-numerals.h"
#include "tr-parser-text.h"

/* A piece of an entry that wrapped before its leaders is no longer. */
#define MAX_WRAPPED_PIECE_CHARS 30
#define MAX_ENTRY_CHARS         80

/* How many dots a leader character stands for; 0 when it is none. */
static guint
leader_weight (gunichar c)
{
  switch (c)
    {
    case 0x2026: /* … */
    case 0x22EF: /* ⋯ */
      return 3;
    case 0x2025: /* ‥ */
      return 2;
    case '.':
    case 0xFF0E: /* ． */
    case 0x00B7: /* · */
    case 0x2027: /* ‧ */
    case 0x30FB: /* ・ */
    case 0xFF65: /* ･ */
    case 0x2219: /* ∙ */
    case 0x22C5: /* ⋅ */
    case '_':
    case '-':
    case 0x2500: /* ─ */
    case 0x2014: /* — */
    case 0x3002: /* 。 */
      return 1;
    default:
      return 0;
    }
}

static gboolean
is_page_char (gunichar c)
{
  return g_unichar_digit_value (c) >= 0 || (c < 0x80 && strchr ("ivxlcIVXLC-", c) != NULL);
}

/* The text without spaces and without the table rules some extractions
 * leave around cells. */
static char *
compact_entry (const char *text)
{
  GString *compact = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!tr_parser_is_space (c) && c != '|' && c != 0xFF5C)
        g_string_append_unichar (compact, c);
    }
  return g_string_free (compact, FALSE);
}

gboolean
tr_parser_is_toc_entry (const char *text)
{
  g_autofree char *compact = NULL;
  char *end, *title_end;
  guint dots = 0, page_chars = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_utf8_strlen (text, -1) > MAX_ENTRY_CHARS)
    return FALSE;
  compact = compact_entry (text);
  end = compact + strlen (compact);

  /* The page number: 12, iv, 2-1; leaders may also come without one when
   * the numbers sit in a column of their own. */
  while (end > compact)
    {
      char *prev = g_utf8_find_prev_char (compact, end);

      if (!is_page_char (g_utf8_get_char (prev)) || page_chars >= 8)
        break;
      end = prev;
      page_chars++;
    }
  /* "-" belongs to leaders as well as to "2-1": give it back. */
  while (page_chars > 0 && *end == '-')
    end++, page_chars--;

  title_end = end;
  while (title_end > compact)
    {
      char *prev = g_utf8_find_prev_char (compact, title_end);
      guint weight = leader_weight (g_utf8_get_char (prev));

      if (weight == 0)
        break;
      dots += weight;
      title_end = prev;
    }

  return title_end > compact && (page_chars > 0 ? dots >= 3 : dots >= 5);
}

/* "壹、目的 1" under a 目次 title: a heading, a space, a page number. */
static gboolean
is_plain_entry (const char *text)
{
  const char *number_start = NULL;
  g_autofree char *title = NULL;
  TrHeading heading;
  guint value;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_digit_value (c) >= 0)
        {
          if (number_start == NULL)
            number_start = p;
        }
      else
        number_start = NULL;
    }
  if (number_start == NULL || number_start == text ||
      !tr_parser_is_space (g_utf8_get_char (g_utf8_find_prev_char (text, number_start))) ||
      !tr_numeral_parse (number_start, -1, &value) || value > 999)
    return FALSE;

  title = g_strndup (text, number_start - text);
  return g_utf8_strlen (title, -1) <= 40 &&
         (tr_parser_match_heading (title, &heading) || heading.number != TR_HEADING_NUMBER_NONE);
}

static gboolean
is_toc_title_line (const char *text)
{
  g_autofree char *compact = compact_entry (text);

  return tr_parser_is_toc_title (compact);
}

/* "頁次", "頁碼": the head of the page-number column. */
static gboolean
is_column_head (const char *text)
{
  static const char * const heads[] = { "頁次", "頁碼", "頁數", "章節頁次", "章節頁碼", "頁", NULL };
  g_autofree char *compact = compact_entry (text);

  return g_strv_contains (heads, compact);
}

guint
tr_parser_mark_toc (TrParserDocument *document)
{
  guint marked = 0;

  for (int i = tr_parser_document_next_content (document, -1); i >= 0;
       i = tr_parser_document_next_content (document, i))
    {
      TrParserLine *line = tr_parser_document_get (document, i);
      gboolean title = is_toc_title_line (line->text);
      gboolean strong = !title && tr_parser_is_toc_entry (line->text);
      guint entries = strong ? 1 : 0, strong_entries = entries;
      int last = strong ? i : (title ? i : -1);

      if (!title && !strong)
        continue;

      for (int k = tr_parser_document_next_content (document, i); k >= 0;
           k = tr_parser_document_next_content (document, k))
        {
          const char *text = tr_parser_document_get (document, k)->text;
          int after = tr_parser_document_next_content (document, k);
          const char *next = after >= 0 ? tr_parser_document_get (document, after)->text : NULL;

          if (tr_parser_is_toc_entry (text))
            entries++, strong_entries++, last = k;
          else if ((title || strong_entries > 0) && is_plain_entry (text))
            entries++, last = k;
          else if (entries > 0 && tr_parser_is_page_number (text))
            last = k;
          else if (is_column_head (text))
            continue;
          else if (g_utf8_strlen (text, -1) <= MAX_WRAPPED_PIECE_CHARS && next != NULL &&
                   (tr_parser_is_toc_entry (next) || ((title || strong_entries > 0) && is_plain_entry (next))))
            continue;
          else
            break;
        }

      if (strong_entries >= 2 || (title && entries >= 2))
        {
          for (int k = i; k >= 0 && k <= last; k = tr_parser_document_next_content (document, k))
            {
              tr_parser_document_get (document, k)->role = TR_LINE_TOC;
              marked++;
            }
          i = last;
        }
    }
  return marked;
}
