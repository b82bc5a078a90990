/* tr-find-bar.h: find and replace across the texts of a report
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TR_TYPE_FIND_BAR (tr_find_bar_get_type ())
G_DECLARE_FINAL_TYPE (TrFindBar, tr_find_bar, TR, FIND_BAR, GtkWidget)

GtkWidget *tr_find_bar_new                (void);

/* The places searched, in the order matches are stepped through: a text
 * view (its whole buffer) or a one-line editable. */
void       tr_find_bar_add_text_view      (TrFindBar   *self,
                                           GtkTextView *text_view);
void       tr_find_bar_add_editable       (TrFindBar   *self,
                                           GtkEditable *editable);
/* Forgets every place, for the list to be made again (a table added to a
 * section brings texts); an open bar searches the new list. */
void       tr_find_bar_clear_places       (TrFindBar   *self);

/* Shows the bar, with the replace row when @replace, the search entry
 * focused and filled with the selection of the focused text, if any. */
void       tr_find_bar_open               (TrFindBar   *self,
                                           gboolean     replace);
/* Shows the bar searching for @text, and its first match, without taking
 * the focus. */
void       tr_find_bar_show_matches       (TrFindBar   *self,
                                           const char  *text);
void       tr_find_bar_close              (TrFindBar   *self);
gboolean   tr_find_bar_is_open            (TrFindBar   *self);

guint      tr_find_bar_get_n_matches      (TrFindBar   *self);
/* The match shown, from 1; 0 when there is none. */
guint      tr_find_bar_get_current_match  (TrFindBar   *self);

G_END_DECLS
