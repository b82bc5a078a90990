/* tr-comment.h: a reviewer's comment on a passage of a body section
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tr-report.h"

G_BEGIN_DECLS

#define TR_TYPE_COMMENT (tr_comment_get_type ())
G_DECLARE_FINAL_TYPE (TrComment, tr_comment, TR, COMMENT, GObject)

/* @start and @end are character (not byte) offsets in the section's text,
 * @quote the passage they covered when the comment was made. */
TrComment  *tr_comment_new           (TrSection   section,
                                      guint       start,
                                      guint       end,
                                      const char *quote,
                                      const char *body,
                                      const char *author);
TrComment  *tr_comment_copy          (TrComment  *self);

/* The store's row ID, 0 until the comment is stored. */
gint64      tr_comment_get_id        (TrComment  *self);
void        tr_comment_set_id        (TrComment  *self,
                                      gint64      id);
TrSection   tr_comment_get_section   (TrComment  *self);
guint       tr_comment_get_start     (TrComment  *self);
guint       tr_comment_get_end       (TrComment  *self);
void        tr_comment_set_range     (TrComment  *self,
                                      guint       start,
                                      guint       end);
/* Never NULL. */
const char *tr_comment_get_quote     (TrComment  *self);
void        tr_comment_set_quote     (TrComment  *self,
                                      const char *quote);
const char *tr_comment_get_body      (TrComment  *self);
const char *tr_comment_get_author    (TrComment  *self);
GDateTime  *tr_comment_get_created   (TrComment  *self);
void        tr_comment_set_created   (TrComment  *self,
                                      GDateTime  *created);
gboolean    tr_comment_get_resolved  (TrComment  *self);
void        tr_comment_set_resolved  (TrComment  *self,
                                      gboolean    resolved);

/* Where the passage is in @text (the section as it is now), in characters:
 * where it was if the quote is still there, else the occurrence of the
 * quote nearest to the old place (text was inserted or removed before it).
 * FALSE when the quote is gone; the offsets are then the old ones clamped
 * to the text. */
gboolean    tr_comment_anchor        (TrComment  *self,
                                      const char *text,
                                      guint      *out_start,
                                      guint      *out_end);

G_END_DECLS
