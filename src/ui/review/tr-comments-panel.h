/* tr-comments-panel.h: reviewers' comments on a draft, listed beside it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tr-comment.h"

G_BEGIN_DECLS

/* Signals (each with the TrComment): "activate" (a row was clicked: show
 * the passage), "resolve" (with the new resolved state), "delete". The
 * panel changes nothing itself: its owner stores and then calls
 * set_comments() again. */
#define TR_TYPE_COMMENTS_PANEL (tr_comments_panel_get_type ())
G_DECLARE_FINAL_TYPE (TrCommentsPanel, tr_comments_panel, TR, COMMENTS_PANEL, GtkWidget)

GtkWidget  *tr_comments_panel_new           (void);
/* @comments: TrComment, in the order to show them (NULL for none). */
void        tr_comments_panel_set_comments  (TrCommentsPanel *self,
                                             GPtrArray       *comments);

G_END_DECLS
