/* tr-parser-headings.h: the words and numbers of report headings
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-field.h"

G_BEGIN_DECLS

/* How a heading is numbered, from the outermost style down. */
typedef enum {
  TR_HEADING_NUMBER_NONE,
  TR_HEADING_NUMBER_CAPITAL,       /* 壹、 */
  TR_HEADING_NUMBER_CHAPTER,       /* 第一章, 第一篇, 第一部分 */
  TR_HEADING_NUMBER_ROMAN,         /* I. Ⅰ、 */
  TR_HEADING_NUMBER_CHINESE,       /* 一、 */
  TR_HEADING_NUMBER_ARABIC,        /* 1. 1、 */
  TR_HEADING_NUMBER_SUBSECTION,    /* 第一節 */
  TR_HEADING_NUMBER_PARENTHESIZED, /* （一） (1) */
  TR_HEADING_N_NUMBERS
} TrHeadingNumber;

/* What a heading's words say it opens. */
typedef enum {
  TR_HEADING_NONE,
  TR_HEADING_SECTION,   /* one of the four body sections */
  TR_HEADING_COMBINED,  /* 心得與建議: observations and recommendations together */
  TR_HEADING_SUMMARY,   /* 摘要 */
  TR_HEADING_FORM,      /* the 提要 form's title */
  TR_HEADING_TOC,       /* 目次 */
  TR_HEADING_FRONT,     /* other front matter: 出國人員名單 */
  TR_HEADING_BACK,      /* 附錄, 附件, 照片 … */
} TrHeadingKind;

typedef struct {
  TrHeadingKind   kind;
  TrSection       section;      /* for TR_HEADING_SECTION */
  gboolean        conclusion;   /* 結論, 結語: observations only inside 心得與建議 */
  TrHeadingNumber number;
  guint           number_value; /* 3 for 參、; 0 without numbering */
  /* The line is nothing but its numbering, the heading words and maybe a
   * colon with text after it (then in @rest): the heading can go without
   * losing anything. Otherwise the words only start the line ("附件一"). */
  gboolean        exact;
  const char     *rest;         /* in the matched text, or NULL */
} TrHeading;

/* The numbering at the start of @text, its value, and where the text
 * after it starts. */
TrHeadingNumber tr_parser_read_heading_number (const char *text,
                                               guint      *out_value,
                                               const char **out_rest);

/* Reads @text (one line, or a heading's two lines joined) as a heading.
 * FALSE, with @out_heading's kind TR_HEADING_NONE, when its words are not
 * those of a heading; the numbering is filled in either way. */
gboolean        tr_parser_match_heading       (const char *text,
                                               TrHeading  *out_heading);

/* TRUE when the compact text @compact names the 目次 ("目次", "目錄"). */
gboolean        tr_parser_is_toc_title        (const char *compact);

G_END_DECLS
