/* tr-ui-test.h: what the window's tests share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

/* Runs the main loop until @condition holds, failing the test after
 * @timeout_ms. */
#define wait_until(condition, timeout_ms)                                      \
  G_STMT_START {                                                               \
    gint64 _end = g_get_monotonic_time () + (timeout_ms) * G_TIME_SPAN_MILLISECOND; \
    while (!(condition) && g_get_monotonic_time () < _end)                     \
      {                                                                        \
        g_main_context_iteration (NULL, FALSE);                                \
        g_usleep (2000);                                                       \
      }                                                                        \
    g_assert_true (condition);                                                 \
  } G_STMT_END

/* The first widget of @type at or below @widget, depth first. */
static inline GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}
