/* tr-section-history.h: one undo history for all the texts of a section
 * and its tables, in the order things were done
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tr-body.h"

G_BEGIN_DECLS

/* A text of the section: its first text (run 0), a text after a table
 * (run n), the cell (@row, @column) of table @index or its caption. Steps
 * name texts by place, not by widget, since a table's undo makes its
 * widgets anew. */
typedef enum {
  TR_TEXT_PLACE_RUN,
  TR_TEXT_PLACE_CELL,
  TR_TEXT_PLACE_CAPTION,
} TrTextPlaceKind;

typedef struct {
  TrTextPlaceKind kind;
  guint index;
  guint row;
  guint column;
} TrTextPlace;

/* What undo and redo do to the section: put @text at character @offset of
 * the text at @place, or take characters [@start, @end) out of it, then
 * show the place; make the section hold @body (a table's steps). */
typedef struct {
  void    (*insert)   (gpointer           user_data,
                       const TrTextPlace *place,
                       guint              offset,
                       const char        *text);
  void    (*delete)   (gpointer           user_data,
                       const TrTextPlace *place,
                       guint              start,
                       guint              end);
  /* The section as it is now, for the way back. */
  TrBody *(*dup_body) (gpointer           user_data);
  /* Takes @body. */
  void    (*restore)  (gpointer           user_data,
                       TrBody            *body);
} TrSectionHistoryFuncs;

#define TR_TYPE_SECTION_HISTORY (tr_section_history_get_type ())
G_DECLARE_FINAL_TYPE (TrSectionHistory, tr_section_history, TR, SECTION_HISTORY, GObject)

TrSectionHistory *tr_section_history_new           (const TrSectionHistoryFuncs *funcs,
                                                    gpointer                     user_data);

/* An edit of a text as it happens, before the text changes: typing,
 * deleting, pasting, replacing. Ignored while undo or redo applies one.
 * What happens between begin and end of a user action is one step; keys
 * typed one after the other in a word, one step too, as in GTK. */
void              tr_section_history_inserted      (TrSectionHistory  *self,
                                                    const TrTextPlace *place,
                                                    guint              offset,
                                                    const char        *text,
                                                    gssize             length);
void              tr_section_history_deleted       (TrSectionHistory  *self,
                                                    const TrTextPlace *place,
                                                    guint              start,
                                                    const char        *text);
void              tr_section_history_begin_user_action (TrSectionHistory *self);
void              tr_section_history_end_user_action   (TrSectionHistory *self);

/* Before a change of the tables: @body is the section before it. */
void              tr_section_history_push_body     (TrSectionHistory  *self,
                                                    TrBody            *body);

/* A report loaded: nothing to undo. */
void              tr_section_history_clear         (TrSectionHistory  *self);
/* Whether undo or redo is applying a step now. */
gboolean          tr_section_history_is_applying   (TrSectionHistory  *self);

gboolean          tr_section_history_can_undo      (TrSectionHistory  *self);
gboolean          tr_section_history_can_redo      (TrSectionHistory  *self);
gboolean          tr_section_history_undo          (TrSectionHistory  *self);
gboolean          tr_section_history_redo          (TrSectionHistory  *self);

G_END_DECLS
