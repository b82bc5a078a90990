/* tr-text-block.h: one paragraph of an imported report and where it goes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tr-report.h"

G_BEGIN_DECLS

#define TR_TYPE_TEXT_BLOCK (tr_text_block_get_type ())
G_DECLARE_FINAL_TYPE (TrTextBlock, tr_text_block, TR, TEXT_BLOCK, GObject)

/* The fields a block of an imported report can be moved between: the
 * 摘要, the four sections, the appendix and "unclassified". */
extern const TrField tr_text_block_fields[];
#define TR_TEXT_BLOCK_N_FIELDS 7

TrTextBlock *tr_text_block_new       (const char  *text,
                                      TrField      field);
const char  *tr_text_block_get_text  (TrTextBlock *self);
TrField      tr_text_block_get_field (TrTextBlock *self);
/* Moves the block to another field (one of tr_text_block_fields). */
void         tr_text_block_set_field (TrTextBlock *self,
                                      TrField      field);

/* The paragraphs of @report's movable fields, in reading order: 摘要,
 * sections, appendix, unclassified. */
GListStore  *tr_text_blocks_from_report (TrReport  *report);
/* Writes the blocks back: each field gets its blocks, in list order,
 * joined by newlines. */
void         tr_text_blocks_apply       (GListModel *blocks,
                                         TrReport   *report);

G_END_DECLS
