/* tr-parser-joiner.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parser-joiner.h"

#include <math.h>
#include <string.h>

#include "tr-parser-headings.h"
#include "tr-numerals.h"
#include "tr-parser-text.h"

/* A gap this much larger than the usual leading is a blank line. */
#define PARAGRAPH_GAP_RATIO 1.45

static gboolean
is_bullet (gunichar c)
{
  return c != 0 && g_utf8_strchr ("●•◆◇■□▪▫○◎★☆※➢►▶✓✔❖◼◻", -1, c) != NULL;
}

/* 照片1：, 圖 2、, 表三 , Figure 4. */
static gboolean
starts_caption (const char *text)
{
  static const char * const words[] = {
    "照片", "相片", "圖片", "圖", "表", "Figure", "Fig.", "Table", "Photo", NULL
  };

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (text, words[i]))
      {
        const char *p = tr_parser_skip_spaces (text + strlen (words[i]));
        const char *start = p;

        while (*p != '\0' && (g_unichar_digit_value (g_utf8_get_char (p)) >= 0 ||
                              tr_numeral_is_chinese (g_utf8_get_char (p))))
          p = g_utf8_next_char (p);
        if (p == start)
          continue;
        /* 圖一、 or 照片 1：, or the number then a space: not 表示 nor 圖書. */
        return *p == '\0' || g_utf8_strchr ("：:、.．-－ 　", -1, g_utf8_get_char (p)) != NULL;
      }
  return FALSE;
}

gboolean
tr_parser_starts_item (const char *text)
{
  gunichar first;

  g_return_val_if_fail (text != NULL, FALSE);

  text = tr_parser_skip_spaces (text);
  first = g_utf8_get_char (text);
  if (is_bullet (first))
    return TRUE;
  /* "- item", "* item": a dash or star then a space. */
  if ((first == '-' || first == '*' || first == 0x2013 || first == 0x2014) &&
      tr_parser_is_space (g_utf8_get_char (g_utf8_next_char (text))))
    return TRUE;
  return tr_parser_read_heading_number (text, NULL, NULL) != TR_HEADING_NUMBER_NONE ||
         starts_caption (text);
}

/* The width @next's first word would take at the end of @line: a Latin
 * word up to its space, or a single CJK character. */
static double
first_word_width (const TrParserLine *next)
{
  glong n_chars = g_utf8_strlen (next->text, -1), word_chars = 0;

  for (const char *p = next->text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (word_chars > 0 && (c >= 0x80 || tr_parser_is_space (c)))
        break;
      word_chars++;
      if (c >= 0x80)
        break;
    }
  return (next->right - next->left) * word_chars / MAX (n_chars, 1);
}

gboolean
tr_parser_lines_continue (TrParserDocument   *document,
                          const TrParserLine *line,
                          const TrParserLine *next)
{
  double font = MAX (line->font_size, 1.0);
  double indent, word;
  gunichar last, first;

  g_return_val_if_fail (document != NULL && line != NULL && next != NULL, FALSE);

  if (tr_parser_starts_item (next->text))
    return FALSE;

  if (line->page == next->page && line->placed && next->placed)
    {
      double gap = next->y - line->y;

      /* Side by side (table cells) or back up the page (a new column). */
      if (gap < 0.5 * line->height)
        return FALSE;
      if (document->leading > 0 && gap > document->leading * PARAGRAPH_GAP_RATIO)
        return FALSE;
    }

  if (fabs (line->font_size - next->font_size) > 1.0 || line->bold != next->bold)
    return FALSE;

  /* A first-line indent opens a paragraph, but the lines after a list
   * item's first line hang under its text. */
  indent = next->left - line->left;
  if (indent > 0.9 * font && !tr_parser_starts_item (line->text))
    return FALSE;

  if (tr_parser_ends_sentence (line->text))
    {
      gboolean full = line->right >= document->right_margin - 0.5 * font;

      /* Where paragraphs are indented, a full line may end a sentence
       * without ending the paragraph. */
      if (!(document->indented_paragraphs && full && indent < 0.5 * font))
        return FALSE;
    }

  /* Would the next word have fitted? Then the line was ended on purpose. */
  last = tr_parser_last_char (line->text);
  first = g_utf8_get_char (next->text);
  word = first_word_width (next);
  /* Between Latin words the break also took a space: about one average
   * character of the next line. */
  if (last < 0x80 && first < 0x80)
    word += (next->right - next->left) / MAX (g_utf8_strlen (next->text, -1), 1);
  if (line->right + word < document->right_margin + 0.3 * font)
    return FALSE;

  return TRUE;
}

gboolean
tr_parser_lines_adjacent (TrParserDocument   *document,
                          const TrParserLine *line,
                          const TrParserLine *next)
{
  double gap = next->y - line->y;

  g_return_val_if_fail (document != NULL && line != NULL && next != NULL, FALSE);

  if (line->page != next->page || fabs (line->font_size - next->font_size) > 1.0)
    return FALSE;
  if (line->placed && next->placed &&
      (gap < 0.5 * line->height || (document->leading > 0 && gap > document->leading * PARAGRAPH_GAP_RATIO)))
    return FALSE;
  return TRUE;
}
