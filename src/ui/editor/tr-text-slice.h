/* tr-text-slice.h: a text view as tall as its text, in the page's one
 * scroll, of which only the part in sight is laid out and drawn
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TR_TYPE_TEXT_SLICE (tr_text_slice_get_type ())
G_DECLARE_FINAL_TYPE (TrTextSlice, tr_text_slice, TR, TEXT_SLICE, GtkWidget)

GtkWidget   *tr_text_slice_new            (void);
GtkTextView *tr_text_slice_get_text_view  (TrTextSlice *self);
void         tr_text_slice_set_text_view  (TrTextSlice *self,
                                           GtkTextView *text_view);

G_END_DECLS
