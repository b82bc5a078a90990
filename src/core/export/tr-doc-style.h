/* tr-doc-style.h: the look of every kind of paragraph, for every format
 *
 * The ODT writer turns these into the named styles of styles.xml and the
 * PDF renderer sets its text with them: one table, so that the two
 * formats cannot drift apart. Lengths are in points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TR_DOC_PT_PER_CM (72.0 / 2.54)
#define TR_DOC_CM(cm) ((cm) * TR_DOC_PT_PER_CM)

/* The body size: the indents of the numbered levels are multiples of it,
 * so that 一、 or （一） hangs exactly in front of its text. */
#define TR_DOC_EM 14.0

/* A4 portrait, the text 2.5 cm from the top and the bottom; the page
 * number sits in the bottom margin, 0.4 cm under the text, on a line at
 * least 0.6 cm high. The text is a whole number of body ems wide, on a
 * character grid as CJK typesetting has it (and Word's document grid): the
 * most that 2.5 cm side margins leave room for, 32 ideographs (15.8 cm),
 * the rest going to the side margins. A line of full-width text then
 * fills the measure exactly, and justifying it moves nothing. */
#define TR_DOC_PAGE_WIDTH     TR_DOC_CM (21.0)
#define TR_DOC_PAGE_HEIGHT    TR_DOC_CM (29.7)
#define TR_DOC_MARGIN         TR_DOC_CM (2.5)
#define TR_DOC_TEXT_EMS       32
#define TR_DOC_TEXT_WIDTH     (TR_DOC_TEXT_EMS * TR_DOC_EM)
#define TR_DOC_MARGIN_SIDE    ((TR_DOC_PAGE_WIDTH - TR_DOC_TEXT_WIDTH) / 2)
#define TR_DOC_FOOTER_GAP     TR_DOC_CM (0.4)
#define TR_DOC_FOOTER_HEIGHT  TR_DOC_CM (0.6)

typedef enum {
  TR_DOC_STYLE_BODY,
  /* A numbered line of each level (一、 （一） 1. (1)), and the plain
   * paragraphs under it, which line up with its text. */
  TR_DOC_STYLE_ITEM_1,
  TR_DOC_STYLE_ITEM_2,
  TR_DOC_STYLE_ITEM_3,
  TR_DOC_STYLE_ITEM_4,
  TR_DOC_STYLE_TEXT_1,
  TR_DOC_STYLE_TEXT_2,
  TR_DOC_STYLE_TEXT_3,
  TR_DOC_STYLE_TEXT_4,
  TR_DOC_STYLE_HEADING,         /* 壹、目的 */
  TR_DOC_STYLE_COVER_CATEGORY,  /* 出國報告（出國類別：考察） */
  TR_DOC_STYLE_COVER_TITLE,
  TR_DOC_STYLE_COVER_INFO,      /* 服務機關：… */
  TR_DOC_STYLE_FORM_TITLE,      /* 公務出國或赴大陸地區報告提要 */
  TR_DOC_STYLE_FORM_LABEL,
  TR_DOC_STYLE_FORM_TEXT,
  TR_DOC_STYLE_PART_TITLE,      /* 摘要 */
  TR_DOC_STYLE_CONTENTS_TITLE,  /* 目次 */
  TR_DOC_STYLE_CONTENTS_ENTRY,
  TR_DOC_STYLE_PHOTO,           /* the paragraph a photo stands in */
  TR_DOC_STYLE_PHOTO_CAPTION,   /* 照片 1：… */
  TR_DOC_STYLE_TABLE_CAPTION,   /* 表 1：… */
  TR_DOC_STYLE_TABLE_HEADER,
  TR_DOC_STYLE_TABLE_TEXT,
  TR_DOC_STYLE_FOOTER,          /* the page number */
  TR_DOC_STYLE_REVIEW_TITLE,    /* 出國報告審核表 */
  TR_DOC_STYLE_REVIEW_LABEL,
  TR_DOC_STYLE_REVIEW_TEXT,
  TR_DOC_STYLE_REVIEW_ITEM,
  TR_DOC_STYLE_REVIEW_COLUMN,
  TR_DOC_STYLE_REVIEW_TICK,
  TR_DOC_STYLE_REVIEW_OPTION,
  TR_DOC_N_STYLES
} TrDocStyle;

typedef enum {
  TR_DOC_ALIGN_START,
  TR_DOC_ALIGN_CENTER,
  TR_DOC_ALIGN_JUSTIFY,
} TrDocAlign;

/* Where a paragraph of the style puts the page around it. */
typedef enum {
  TR_DOC_BREAK_NONE,
  TR_DOC_BREAK_PAGE,         /* starts a new page */
  TR_DOC_BREAK_COVER_PAGE,   /* starts a page without a page number */
  TR_DOC_BREAK_NUMBERED_PAGE,/* starts a page with one, after such pages */
} TrDocBreak;

typedef struct {
  double      size;
  gboolean    bold;
  TrDocAlign  align;
  /* The distance between lines as a share of the font's line height:
   * 1.5 is “1.5 lines”; 0 leaves the font's own. */
  double      line_height;
  double      margin_left;
  /* The first line's indent from margin_left; negative hangs it. */
  double      text_indent;
  double      space_before;
  double      space_after;
  gboolean    keep_with_next;
  TrDocBreak  break_before;
} TrDocStyleInfo;

const TrDocStyleInfo *tr_doc_style_get_info (TrDocStyle style);

/* The styles of a numbered line of @level (1 to 4) and of the paragraphs
 * under it; level 0 gives the plain body style for both. */
TrDocStyle  tr_doc_style_for_level          (guint      level,
                                             gboolean   item);
/* For a style of the levels: its level (1 to 4); 0 for every other style. */
guint       tr_doc_style_get_level          (TrDocStyle style);

G_END_DECLS
