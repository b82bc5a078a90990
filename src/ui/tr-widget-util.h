/* tr-widget-util.h: small helpers shared by the widgets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For dispose() of widgets that lay out their own children: GTK 4.8's
 * gtk_widget_dispose_template() leaves unnamed template children parented. */
static inline void
tr_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

G_END_DECLS
