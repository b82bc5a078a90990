/* tr-split-view.h: a sidebar beside the content, or one of them at a time
 * when the window is narrow
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TR_TYPE_SPLIT_VIEW (tr_split_view_get_type ())
G_DECLARE_FINAL_TYPE (TrSplitView, tr_split_view, TR, SPLIT_VIEW, GtkWidget)

/* Properties, set from the template: "sidebar" and "content" (once
 * each), "sidebar-title" and "content-title" (which name the panes for
 * screen readers and the back button's tooltip). */

/* TRUE while only one of the two is shown. */
gboolean tr_split_view_get_collapsed   (TrSplitView  *self);
/* Which of the two shows while collapsed. */
void     tr_split_view_show_sidebar    (TrSplitView  *self);
void     tr_split_view_show_content    (TrSplitView  *self);
/* Keeps the header bars of the two panes right for the layout: the
 * window's buttons on the outer sides only, and @back_button (in the
 * content's header bar, going to the sidebar) while collapsed. */
void     tr_split_view_set_header_bars (TrSplitView  *self,
                                        AdwHeaderBar *sidebar_header,
                                        AdwHeaderBar *content_header,
                                        GtkWidget    *back_button);

G_END_DECLS
