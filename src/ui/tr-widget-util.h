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

/* Binds two properties both ways and keeps the binding in @bindings (a
 * GPtrArray owning GBinding references), for tr_unbind_all(): editors
 * that switch from one report to another drop all their bindings at once. */
static inline void
tr_bind_both_ways (GPtrArray  *bindings,
                   gpointer    source,
                   const char *source_property,
                   gpointer    target,
                   const char *target_property)
{
  GBinding *binding = g_object_bind_property (source, source_property, target, target_property,
                                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_ptr_array_add (bindings, g_object_ref (binding));
}

static inline void
tr_unbind_all (GPtrArray *bindings)
{
  for (guint i = 0; i < bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (bindings, i));
  g_ptr_array_set_size (bindings, 0);
}

G_END_DECLS
