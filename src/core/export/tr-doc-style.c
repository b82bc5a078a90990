/* tr-doc-style.c: the look of every kind of paragraph
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-doc-style.h"

#define EM TR_DOC_EM

/* Where each level's marker starts and how wide its hanging indent is: a
 * level's marker sits under the text of the level above. 一、 and （一）
 * are exactly 2 and 3 ideographs wide; the Arabic markers vary with the
 * font (1. 1、 (1) （1）), so a tab follows them and their indent leaves
 * room for the widest. */
#define LEVEL_START_1 0
#define LEVEL_HANG_1  (2 * EM)
#define LEVEL_START_2 (2 * EM)
#define LEVEL_HANG_2  (3 * EM)
#define LEVEL_START_3 (5 * EM)
#define LEVEL_HANG_3  (2 * EM)
#define LEVEL_START_4 (7 * EM)
#define LEVEL_HANG_4  (3 * EM)

/* Body text: 14 pt, 1.5 lines, justified, the first line indented by two
 * ideographs. */
#define BODY .size = EM, .align = TR_DOC_ALIGN_JUSTIFY, .line_height = 1.5

#define ITEM(n) { BODY, .margin_left = LEVEL_START_##n + LEVEL_HANG_##n, .text_indent = -LEVEL_HANG_##n }
/* Lined up with the text of the item above, first line too. */
#define TEXT(n) { BODY, .margin_left = LEVEL_START_##n + LEVEL_HANG_##n, .text_indent = 0 }

static const TrDocStyleInfo styles[TR_DOC_N_STYLES] = {
  [TR_DOC_STYLE_BODY] = { BODY, .text_indent = 2 * EM },
  [TR_DOC_STYLE_ITEM_1] = ITEM (1),
  [TR_DOC_STYLE_ITEM_2] = ITEM (2),
  [TR_DOC_STYLE_ITEM_3] = ITEM (3),
  [TR_DOC_STYLE_ITEM_4] = ITEM (4),
  [TR_DOC_STYLE_TEXT_1] = TEXT (1),
  [TR_DOC_STYLE_TEXT_2] = TEXT (2),
  [TR_DOC_STYLE_TEXT_3] = TEXT (3),
  [TR_DOC_STYLE_TEXT_4] = TEXT (4),
  [TR_DOC_STYLE_HEADING] = {
    .size = 16, .bold = TRUE, .line_height = 1.5,
    .space_before = EM, .space_after = 6, .keep_with_next = TRUE,
  },
  /* The cover: its own page, without a page number. */
  [TR_DOC_STYLE_COVER_CATEGORY] = {
    .size = 20, .bold = TRUE, .align = TR_DOC_ALIGN_CENTER,
    .space_before = TR_DOC_CM (1), .break_before = TR_DOC_BREAK_COVER_PAGE,
  },
  [TR_DOC_STYLE_COVER_TITLE] = {
    .size = 26, .bold = TRUE, .align = TR_DOC_ALIGN_CENTER, .line_height = 1.3,
    .space_before = TR_DOC_CM (4), .space_after = TR_DOC_CM (5),
  },
  [TR_DOC_STYLE_COVER_INFO] = {
    .size = 16, .line_height = 2.0, .margin_left = TR_DOC_CM (3),
  },
  /* Back to numbered pages: this starts page 2. */
  [TR_DOC_STYLE_FORM_TITLE] = {
    .size = 16, .bold = TRUE, .align = TR_DOC_ALIGN_CENTER,
    .space_after = 12, .keep_with_next = TRUE, .break_before = TR_DOC_BREAK_NUMBERED_PAGE,
  },
  [TR_DOC_STYLE_FORM_LABEL] = { .size = 12, .align = TR_DOC_ALIGN_CENTER, .line_height = 1.2 },
  [TR_DOC_STYLE_FORM_TEXT] = { .size = 12, .line_height = 1.2 },
  /* 摘要 and 目次: each on a page of its own. */
  [TR_DOC_STYLE_PART_TITLE] = {
    .size = 18, .bold = TRUE, .align = TR_DOC_ALIGN_CENTER,
    .space_after = 12, .keep_with_next = TRUE, .break_before = TR_DOC_BREAK_PAGE,
  },
  [TR_DOC_STYLE_CONTENTS_TITLE] = {
    .size = 18, .bold = TRUE, .align = TR_DOC_ALIGN_CENTER,
    .space_after = 12, .keep_with_next = TRUE, .break_before = TR_DOC_BREAK_PAGE,
  },
  [TR_DOC_STYLE_CONTENTS_ENTRY] = { .size = EM, .line_height = 1.5 },
  [TR_DOC_STYLE_PHOTO] = {
    .size = EM, .align = TR_DOC_ALIGN_CENTER, .line_height = 1.5, .keep_with_next = TRUE,
  },
  [TR_DOC_STYLE_PHOTO_CAPTION] = {
    .size = 12, .align = TR_DOC_ALIGN_CENTER, .line_height = 1.5, .space_before = TR_DOC_CM (0.15),
  },
  /* Above its table, which it stays with. */
  [TR_DOC_STYLE_TABLE_CAPTION] = {
    .size = 12, .align = TR_DOC_ALIGN_CENTER, .line_height = 1.2,
    .space_before = 6, .space_after = 3, .keep_with_next = TRUE,
  },
  [TR_DOC_STYLE_TABLE_HEADER] = { .size = 12, .bold = TRUE, .align = TR_DOC_ALIGN_CENTER, .line_height = 1.2 },
  [TR_DOC_STYLE_TABLE_TEXT] = { .size = 12, .line_height = 1.2 },
  [TR_DOC_STYLE_FOOTER] = { .size = 12, .align = TR_DOC_ALIGN_CENTER },
  /* The review form: one page on its own, without a page number; sizes
   * that keep it on one page. */
  [TR_DOC_STYLE_REVIEW_TITLE] = {
    .size = 16, .bold = TRUE, .align = TR_DOC_ALIGN_CENTER, .line_height = 1.05,
    .space_after = TR_DOC_CM (0.3), .break_before = TR_DOC_BREAK_COVER_PAGE,
  },
  [TR_DOC_STYLE_REVIEW_LABEL] = { .size = 11, .align = TR_DOC_ALIGN_CENTER, .line_height = 1.05 },
  [TR_DOC_STYLE_REVIEW_TEXT] = { .size = 11, .line_height = 1.05 },
  /* Item 2, the longest, on one line. */
  [TR_DOC_STYLE_REVIEW_ITEM] = { .size = 10, .line_height = 1.05 },
  [TR_DOC_STYLE_REVIEW_COLUMN] = { .size = 10, .align = TR_DOC_ALIGN_CENTER, .line_height = 1.05 },
  [TR_DOC_STYLE_REVIEW_TICK] = { .size = 12, .align = TR_DOC_ALIGN_CENTER, .line_height = 1.05 },
  [TR_DOC_STYLE_REVIEW_OPTION] = { .size = 10, .line_height = 1.05 },
};

const TrDocStyleInfo *
tr_doc_style_get_info (TrDocStyle style)
{
  g_return_val_if_fail (style < TR_DOC_N_STYLES, &styles[TR_DOC_STYLE_BODY]);

  return &styles[style];
}

TrDocStyle
tr_doc_style_for_level (guint    level,
                        gboolean item)
{
  if (level < 1 || level > 4)
    return TR_DOC_STYLE_BODY;
  return (item ? TR_DOC_STYLE_ITEM_1 : TR_DOC_STYLE_TEXT_1) + (level - 1);
}

guint
tr_doc_style_get_level (TrDocStyle style)
{
  if (style >= TR_DOC_STYLE_ITEM_1 && style <= TR_DOC_STYLE_ITEM_4)
    return style - TR_DOC_STYLE_ITEM_1 + 1;
  if (style >= TR_DOC_STYLE_TEXT_1 && style <= TR_DOC_STYLE_TEXT_4)
    return style - TR_DOC_STYLE_TEXT_1 + 1;
  return 0;
}
