/* tr-test-widgets.h: widgets found in a window's tree, and the face text is
 * laid out in, for the window's tests and the benchmarks that drive it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

/* Whether @widget is the one looked for, @data saying which. */
typedef gboolean (*TrWidgetMatch) (GtkWidget     *widget,
                                   gconstpointer  data);

/* The first widget at or below @widget, depth first, that @match takes. */
static inline GtkWidget *
find_matching (GtkWidget     *widget,
               TrWidgetMatch  match,
               gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_matching (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many widgets at or below @widget @match takes. */
static inline guint
count_matching (GtkWidget     *widget,
                TrWidgetMatch  match,
                gconstpointer  data)
{
  guint n = match (widget, data) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_matching (child, match, data);
  return n;
}

static inline gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type at or below @widget. */
static inline GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  return find_matching (widget, is_of_type, GSIZE_TO_POINTER (type));
}

/* The family of the face @context lays the first character of @text out
 * in: the locale, the language set and the fonts installed decide it. */
static inline char *
face_of (PangoContext *context,
         const char   *text)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) description = NULL;
  PangoLayoutRun *run;

  pango_layout_set_text (layout, text, -1);
  run = pango_layout_get_line_readonly (layout, 0)->runs->data;
  description = pango_font_describe (run->item->analysis.font);
  return g_strdup (pango_font_description_get_family (description));
}
