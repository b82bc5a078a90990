/* tr-parser-headings.c
 *
 * The vocabulary is that of ../shared/domain.md ("Heading variants met in
 * real reports"), with the close variants people write for the same thing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parser-headings.h"

#include <string.h>

#include "tr-numbering.h"
#include "tr-numerals.h"
#include "tr-parser-text.h"

/* A prefix match ("附件一：議程") may carry this much more text. */
#define MAX_HEADING_TAIL_CHARS 12
/* An English gloss after the words ("I. 目的 Purpose") may be this long. */
#define MAX_GLOSS_CHARS 40

typedef struct {
  const char    *word;
  TrHeadingKind  kind;
  TrSection      section;
} Word;

#define PURPOSE(w)         { w, TR_HEADING_SECTION, TR_SECTION_PURPOSE }
#define PROCESS(w)         { w, TR_HEADING_SECTION, TR_SECTION_PROCESS }
#define OBSERVATIONS(w)    { w, TR_HEADING_SECTION, TR_SECTION_OBSERVATIONS }
#define RECOMMENDATIONS(w) { w, TR_HEADING_SECTION, TR_SECTION_RECOMMENDATIONS }
#define OTHER(w, kind)     { w, kind, 0 }

static const Word vocabulary[] = {
  PURPOSE ("目的"), PURPOSE ("出國目的"), PURPOSE ("會議目的"), PURPOSE ("計畫目的"),
  PURPOSE ("前言"), PURPOSE ("緣起"), PURPOSE ("緣起與目的"), PURPOSE ("背景與目的"),
  PURPOSE ("目的與背景"), PURPOSE ("背景及目的"), PURPOSE ("目的及背景"), PURPOSE ("緣起及目的"),
  PURPOSE ("緣由與目的"), PURPOSE ("前言與目的"), PURPOSE ("研習目的"), PURPOSE ("考察目的"),
  PURPOSE ("參訪目的"), PURPOSE ("訪問目的"), PURPOSE ("計畫緣起"), PURPOSE ("緣由"),
  PURPOSE ("出國緣由"), PURPOSE ("出國緣起"), PURPOSE ("實習目的"), PURPOSE ("進修目的"),
  PURPOSE ("任務目的"), PURPOSE ("出國計畫目的"),

  PROCESS ("過程"), PROCESS ("經過"), PROCESS ("行程"), PROCESS ("出國行程"), PROCESS ("行程紀要"),
  PROCESS ("考察過程"), PROCESS ("參訪過程"), PROCESS ("參訪紀要"), PROCESS ("會議過程"),
  PROCESS ("會議紀要"), PROCESS ("會議內容"), PROCESS ("會議議程"), PROCESS ("議程內容及時程"),
  PROCESS ("研習過程"), PROCESS ("課程內容"), PROCESS ("工作紀要"), PROCESS ("出國經過"),
  PROCESS ("訪問過程"), PROCESS ("考察行程"), PROCESS ("參訪行程"), PROCESS ("行程及內容"),
  PROCESS ("行程與內容"), PROCESS ("研習內容"), PROCESS ("考察內容"), PROCESS ("參訪內容"),
  PROCESS ("會議經過"), PROCESS ("實習過程"), PROCESS ("進修過程"), PROCESS ("行程紀實"),
  PROCESS ("參訪紀實"), PROCESS ("考察紀要"), PROCESS ("研習紀要"), PROCESS ("訪問紀要"),
  PROCESS ("議程"), PROCESS ("行程安排"), PROCESS ("行程概要"), PROCESS ("會議情形"),
  PROCESS ("活動紀要"), PROCESS ("過程紀要"), PROCESS ("議程及內容"), PROCESS ("考察經過"),
  PROCESS ("參訪經過"), PROCESS ("訪問經過"), PROCESS ("過程及內容"), PROCESS ("出國過程"),
  PROCESS ("出國行程及內容"),

  OBSERVATIONS ("心得"), OBSERVATIONS ("觀察與心得"), OBSERVATIONS ("感想"), OBSERVATIONS ("檢討"),
  OBSERVATIONS ("研習心得"), OBSERVATIONS ("考察心得"), OBSERVATIONS ("參訪心得"),
  OBSERVATIONS ("會議心得"), OBSERVATIONS ("心得感想"), OBSERVATIONS ("心得與感想"),
  OBSERVATIONS ("心得及感想"), OBSERVATIONS ("觀察心得"), OBSERVATIONS ("學習心得"),
  OBSERVATIONS ("出國心得"), OBSERVATIONS ("實習心得"), OBSERVATIONS ("進修心得"),
  OBSERVATIONS ("觀察及心得"), OBSERVATIONS ("心得與檢討"),

  RECOMMENDATIONS ("建議"), RECOMMENDATIONS ("建議事項"), RECOMMENDATIONS ("具體建議"),
  RECOMMENDATIONS ("政策建議"), RECOMMENDATIONS ("改進建議"), RECOMMENDATIONS ("建議與改進"),
  RECOMMENDATIONS ("未來建議"), RECOMMENDATIONS ("後續建議"), RECOMMENDATIONS ("具體建議事項"),

  OTHER ("摘要", TR_HEADING_SUMMARY), OTHER ("內容摘要", TR_HEADING_SUMMARY),
  OTHER ("報告摘要", TR_HEADING_SUMMARY), OTHER ("中文摘要", TR_HEADING_SUMMARY),

  OTHER ("提要", TR_HEADING_FORM),

  OTHER ("目次", TR_HEADING_TOC), OTHER ("目錄", TR_HEADING_TOC), OTHER ("目錄表", TR_HEADING_TOC),
  OTHER ("內容目次", TR_HEADING_TOC),

  OTHER ("出國人員名單", TR_HEADING_FRONT), OTHER ("出國人員", TR_HEADING_FRONT),
  OTHER ("團員名單", TR_HEADING_FRONT), OTHER ("出國成員", TR_HEADING_FRONT),
  OTHER ("成員名單", TR_HEADING_FRONT), OTHER ("人員名單", TR_HEADING_FRONT),
  OTHER ("出國人員名冊", TR_HEADING_FRONT),

  OTHER ("附錄", TR_HEADING_BACK), OTHER ("附件", TR_HEADING_BACK), OTHER ("照片", TR_HEADING_BACK),
  OTHER ("活動照片", TR_HEADING_BACK), OTHER ("出訪紀錄照片與圖片", TR_HEADING_BACK),
  OTHER ("參考資料", TR_HEADING_BACK), OTHER ("附圖", TR_HEADING_BACK), OTHER ("附表", TR_HEADING_BACK),
  OTHER ("參考文獻", TR_HEADING_BACK), OTHER ("相關照片", TR_HEADING_BACK),
  OTHER ("活動剪影", TR_HEADING_BACK), OTHER ("附錄資料", TR_HEADING_BACK),
  OTHER ("附件資料", TR_HEADING_BACK), OTHER ("相關資料", TR_HEADING_BACK),
  OTHER ("會議照片", TR_HEADING_BACK), OTHER ("參訪照片", TR_HEADING_BACK),
  OTHER ("照片集錦", TR_HEADING_BACK), OTHER ("相關附件", TR_HEADING_BACK),
};

/* 結論 and 結語 mean 心得 inside 結論與建議; elsewhere they are only headings. */
static const char * const conclusion_words[] = { "結論", "結語", NULL };

/* 心得與建議 and its many spellings: an observations word, a conjunction,
 * a recommendations word. */
static const char * const combined_first[] = {
  "觀察與心得", "研習心得", "考察心得", "參訪心得", "會議心得", "心得", "結論", "檢討", "感想", NULL
};
static const char * const combined_joins[] = { "與", "及", "和", "暨", "、", "並", "/", "／", NULL };
static const char * const combined_second[] = {
  "具體建議", "建議事項", "改進建議", "建議", NULL
};

/* @p is past any spaces already. */
static gboolean
match_word (const char  *p,
            const char  *word,
            const char **out_end)
{
  return tr_parser_match_spaced (p, word, out_end);
}

static gboolean
match_any (const char          *p,
           const char * const  *words,
           const char         **out_end)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (match_word (p, words[i], out_end))
      return TRUE;
  return FALSE;
}

static gboolean
match_combined (const char  *p,
                const char **out_end)
{
  return match_any (p, combined_first, &p) &&
         match_any (tr_parser_skip_spaces (p), combined_joins, &p) &&
         match_any (tr_parser_skip_spaces (p), combined_second, out_end);
}

static gboolean
skip_one_of (const char **p,
             const char  *characters)
{
  gunichar c = g_utf8_get_char (*p);

  if (c == 0 || g_utf8_strchr (characters, -1, c) == NULL)
    return FALSE;
  *p = g_utf8_next_char (*p);
  return TRUE;
}

/* "Purpose", "Recommendations", "Observations & Findings": the heading's
 * words again, in English, as bilingual reports set them. */
static gboolean
is_english_gloss (const char *text)
{
  gboolean letter = FALSE;

  if (strlen (text) > MAX_GLOSS_CHARS || !g_ascii_isalpha (*text))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalpha (*p))
        letter = TRUE;
      else if (strchr (" &-'/", *p) == NULL)
        return FALSE;
    }
  return letter;
}

/* Reads the numeral run at @p (Arabic or Chinese digits); NULL if none. */
static const char *
read_numeral (const char *p,
              gboolean  (*accept) (gunichar c),
              guint      *out_value)
{
  const char *start = p;

  while (*p != '\0' && accept (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (p == start || !tr_numeral_parse (start, p - start, out_value))
    return NULL;
  return p;
}

static gboolean
is_numeral_char (gunichar c)
{
  return g_unichar_digit_value (c) >= 0 || tr_numeral_is_chinese (c);
}

static gboolean
is_ascii_roman (gunichar c)
{
  return c != 0 && strchr ("IVXLC", c) != NULL;
}

static gboolean
is_unicode_roman (gunichar c)
{
  return (c >= 0x2160 && c <= 0x216B) || (c >= 0x2170 && c <= 0x217B);
}

#define HEADING_MARKS "、．.：:"

TrHeadingNumber
tr_parser_read_heading_number (const char  *text,
                               guint       *out_value,
                               const char **out_rest)
{
  const char *p = tr_parser_skip_spaces (text), *q;
  TrHeadingNumber number = TR_HEADING_NUMBER_NONE;
  TrNumberingLevel level;
  gsize prefix_length;
  guint value = 0;

  /* 第一章, 第二篇, 第三部分, 第一節 */
  if (g_str_has_prefix (p, "第") && (q = read_numeral (p + strlen ("第"), is_numeral_char, &value)) != NULL)
    {
      const char *end = NULL;

      if (g_str_has_prefix (q, "章") || g_str_has_prefix (q, "篇") || g_str_has_prefix (q, "部"))
        {
          number = TR_HEADING_NUMBER_CHAPTER;
          end = g_utf8_next_char (q);
          if (g_str_has_prefix (end, "分"))
            end = g_utf8_next_char (end);
        }
      else if (g_str_has_prefix (q, "節"))
        {
          number = TR_HEADING_NUMBER_SUBSECTION;
          end = g_utf8_next_char (q);
        }
      if (end != NULL)
        {
          skip_one_of (&end, HEADING_MARKS);
          p = end;
          goto done;
        }
    }

  /* 壹、 and 拾貳、: financial numerals then a mark or a space. */
  if ((q = read_numeral (p, tr_numeral_is_capital, &value)) != NULL &&
      (skip_one_of (&q, HEADING_MARKS) || (tr_parser_is_space (g_utf8_get_char (q)))))
    {
      number = TR_HEADING_NUMBER_CAPITAL;
      p = q;
      goto done;
    }

  /* Ⅰ、 II. */
  if (is_unicode_roman (g_utf8_get_char (p)))
    {
      q = g_utf8_next_char (p);
      if ((skip_one_of (&q, HEADING_MARKS) || tr_parser_is_space (g_utf8_get_char (q))) &&
          tr_numeral_parse (p, g_utf8_next_char (p) - p, &value))
        {
          number = TR_HEADING_NUMBER_ROMAN;
          p = q;
          goto done;
        }
    }
  for (q = p; is_ascii_roman ((guchar) *q); q++)
    ;
  if (q > p && q - p <= 6)
    {
      const char *run_end = q;

      if (skip_one_of (&q, "、．.") && tr_numeral_parse (p, run_end - p, &value))
        {
          number = TR_HEADING_NUMBER_ROMAN;
          p = q;
          goto done;
        }
    }

  /* The levels inside sections: 一、 （一） 1. (1) */
  level = tr_numbering_get_level (p, &prefix_length);
  if (level != TR_NUMBERING_NONE)
    {
      const char *end = p + prefix_length;

      value = 0;
      for (q = p; q < end; q = g_utf8_next_char (q))
        if (is_numeral_char (g_utf8_get_char (q)))
          {
            const char *run = q;

            while (q < end && is_numeral_char (g_utf8_get_char (q)))
              q = g_utf8_next_char (q);
            tr_numeral_parse (run, q - run, &value);
            break;
          }
      switch (level)
        {
        case TR_NUMBERING_CHINESE:
          number = TR_HEADING_NUMBER_CHINESE;
          break;
        case TR_NUMBERING_ARABIC:
          number = TR_HEADING_NUMBER_ARABIC;
          break;
        case TR_NUMBERING_PARENTHESIZED_CHINESE:
        case TR_NUMBERING_PARENTHESIZED_ARABIC:
        case TR_NUMBERING_NONE:
        default:
          number = TR_HEADING_NUMBER_PARENTHESIZED;
          break;
        }
      p = end;
    }

done:
  if (number == TR_HEADING_NUMBER_NONE)
    value = 0;
  if (out_value != NULL)
    *out_value = value;
  if (out_rest != NULL)
    *out_rest = tr_parser_skip_spaces (p);
  return number;
}

/* The heading words after the numbering, and what follows them. */
static gboolean
match_words (const char *p,
             TrHeading  *heading)
{
  const Word *best = NULL;
  const char *best_end = NULL, *end, *after;
  gsize best_length = 0;
  gboolean combined = FALSE, conclusion = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    if (match_word (p, vocabulary[i].word, &end) && strlen (vocabulary[i].word) > best_length)
      {
        best = &vocabulary[i];
        best_length = strlen (best->word);
        best_end = end;
      }
  if (match_combined (p, &end) && (best == NULL || end > best_end))
    {
      combined = TRUE;
      best_end = end;
    }
  if (best == NULL && !combined && match_any (p, conclusion_words, &end))
    {
      conclusion = TRUE;
      best_end = end;
    }
  if (best == NULL && !combined && !conclusion)
    return FALSE;

  if (combined)
    heading->kind = TR_HEADING_COMBINED;
  else if (conclusion)
    {
      heading->kind = TR_HEADING_SECTION;
      heading->section = TR_SECTION_OBSERVATIONS;
      heading->conclusion = TRUE;
    }
  else
    {
      heading->kind = best->kind;
      heading->section = best->section;
    }

  /* "目的", "目的：", "目的：text on the same line" */
  after = tr_parser_skip_spaces (best_end);
  if (skip_one_of (&after, "：:"))
    {
      after = tr_parser_skip_spaces (after);
      heading->exact = TRUE;
      heading->rest = *after != '\0' ? after : NULL;
      return TRUE;
    }
  skip_one_of (&after, "、．.");
  after = tr_parser_skip_spaces (after);
  if (*after == '\0' || is_english_gloss (after))
    {
      heading->exact = TRUE;
      return TRUE;
    }

  /* More words after the heading's: a heading still if they are few
   * ("附件一", "照片集") and do not read as a sentence. */
  if (g_utf8_strlen (after, -1) > MAX_HEADING_TAIL_CHARS ||
      strpbrk (after, ",;") != NULL || strstr (after, "，") != NULL || strstr (after, "。") != NULL ||
      strstr (after, "；") != NULL ||
      (heading->kind != TR_HEADING_BACK && (strchr (after, ':') != NULL || strstr (after, "：") != NULL)))
    {
      heading->kind = TR_HEADING_NONE;
      return FALSE;
    }
  heading->exact = FALSE;
  return TRUE;
}

gboolean
tr_parser_is_toc_title (const char *compact)
{
  static const char * const titles[] = { "目次", "目錄", "目錄表", "內容目次", "目次表", NULL };

  g_return_val_if_fail (compact != NULL, FALSE);

  return g_strv_contains (titles, compact) ||
         g_ascii_strcasecmp (compact, "contents") == 0 ||
         g_ascii_strcasecmp (compact, "tableofcontents") == 0;
}

/* "公務出國或赴大陸地區報告提要": the title of the form ends in 提要. */
static gboolean
is_form_title (const char *text)
{
  g_autofree char *compact = tr_parser_compact (text);

  return g_str_has_suffix (compact, "提要") && g_utf8_strlen (compact, -1) <= 40 &&
         (g_str_equal (compact, "提要") || strstr (compact, "報告") != NULL);
}

gboolean
tr_parser_match_heading (const char *text,
                         TrHeading  *out_heading)
{
  TrHeading heading = { 0 };
  const char *rest;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_heading != NULL, FALSE);

  heading.number = tr_parser_read_heading_number (text, &heading.number_value, &rest);

  if (is_form_title (rest))
    {
      heading.kind = TR_HEADING_FORM;
      heading.exact = TRUE;
    }
  else
    match_words (rest, &heading);

  *out_heading = heading;
  return heading.kind != TR_HEADING_NONE;
}
