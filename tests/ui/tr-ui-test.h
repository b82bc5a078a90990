/* tr-ui-test.h: what the window's tests share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <string.h>

#include "library/tr-library-view-private.h"
#include "tr-report-store.h"
#include "tr-test-util.h"
#include "tr-test-widgets.h"
#include "tr-window-private.h"

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

/* Runs the main loop for @ms milliseconds. */
static inline void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
}

/* Drops the test's reference to *@object_ptr (a GObject **, the store) and
 * waits until the last one goes: a save's worker may hold the store a
 * moment longer. A connection left open on a removed file would share its
 * locks with the next test's file if that one got the same inode. */
static inline void
release_and_wait (gpointer object_ptr)
{
  GObject **object = object_ptr;
  GObject *watched = *object;

  if (watched == NULL)
    return;
  g_object_add_weak_pointer (watched, (gpointer *) &watched);
  g_clear_object (object);
  wait_until (watched == NULL, 10000);
}

/* With TR_TEST_SCREENSHOTS=FOLDER, saves @widget as drawn now to
 * FOLDER/@name (PNG), to look at; does nothing otherwise. */
static inline void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *folder = g_getenv ("TR_TEST_SCREENSHOTS");
  gint64 settled = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
  int width, height;
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (folder == NULL)
    return;
  /* Laid out and drawn as a person would see it. */
  while (g_get_monotonic_time () < settled)
    g_main_context_iteration (NULL, FALSE);
  wait_until (gtk_widget_get_width (widget) > 0, 2000);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (folder, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* The first button labelled @label at or below @widget. */
static inline gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static inline GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  return find_matching (widget, is_button_labelled, label);
}

/* The first GtkLabel at or below @widget showing @text, or, with
 * @prefix, text that begins with it. */
typedef struct {
  const char *text;
  gboolean prefix;
} LabelText;

static inline gboolean
is_label_showing (GtkWidget     *widget,
                  gconstpointer  data)
{
  const LabelText *wanted = data;

  return GTK_IS_LABEL (widget) &&
         (wanted->prefix ? g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), wanted->text)
                         : g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), wanted->text) == 0);
}

static inline GtkWidget *
find_label_showing (GtkWidget  *widget,
                    const char *text,
                    gboolean    prefix)
{
  return find_matching (widget, is_label_showing, &(LabelText) { text, prefix });
}

/* A widget of @type in a shown window, or NULL: a dialog is a window of
 * its own (libadwaita 1.2) or drawn inside its parent (1.5). */
static inline GtkWidget *
find_shown (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *found;

      if (gtk_widget_get_visible (window) && (found = find_descendant (window, type)) != NULL)
        return found;
    }
  return NULL;
}

/* The report @id as another process would read it from the library at
 * @path: what was saved, not what the window holds. */
static inline TrReport *
load_independently (const char *path,
                    const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) other = tr_report_store_open (path, &error);
  TrReport *report;

  g_assert_no_error (error);
  report = tr_report_store_load (other, id, &error);
  g_assert_no_error (error);
  return report;
}

/* A main window on @store, @width × @height, shown, its library listed. */
static inline TrWindow *
show_window (TrReportStore *store,
             GSettings     *settings,
             int            width,
             int            height)
{
  TrWindow *window = tr_window_new (NULL, store, NULL, settings);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  wait_until (tr_library_model_is_loaded (tr_library_view_get_model (TR_LIBRARY_VIEW (tr_window_get_library_view (window)))), 5000);
  return window;
}

/* @report saved to @store and opened in a new main window, 1200 × 760,
 * shown: the window. */
static inline TrWindow *
show_saved_report (TrReportStore *store,
                   TrReport      *report)
{
  g_autoptr(GError) error = NULL;
  TrWindow *window;

  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);
  window = show_window (store, NULL, 1200, 760);
  g_assert_true (tr_window_open_report (window, tr_report_get_id (report)));
  return window;
}

/* The first widget named @name (gtk_widget_set_name) at or below @widget. */
static inline gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static inline GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  return find_matching (widget, is_named, name);
}

/* @text typed into @view at its cursor, as an input method commits it. */
static inline void
type_keys (GtkTextView *view,
           const char  *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_signal_emit_by_name (view, "insert-at-cursor", text);
  g_main_context_iteration (NULL, FALSE);
}

/* Whether a section's counter shows @count, written as it writes it. */
static inline gboolean
label_shows (GtkInscription *counter,
             guint           count)
{
  g_autofree char *number = g_strdup_printf ("%'u", count);

  return strstr (gtk_inscription_get_text (counter), number) != NULL;
}

/* A library in a new folder of the test's own, named after @name_template
 * as g_dir_make_tmp() names it. */
static inline TrReportStore *
open_test_library (const char  *name_template,
                   char       **out_dir,
                   char       **out_path)
{
  g_autoptr(GError) error = NULL;
  TrReportStore *store;

  *out_dir = g_dir_make_tmp (name_template, &error);
  g_assert_no_error (error);
  *out_path = g_build_filename (*out_dir, "library.db", NULL);
  store = tr_report_store_open (*out_path, &error);
  g_assert_no_error (error);
  return store;
}

/* Closes @window (a GtkWindow) when there is one, lets the library go
 * (see release_and_wait()) and removes the folder open_test_library()
 * made. */
static inline void
close_test_library (gpointer         window,
                    TrReportStore  **store,
                    char           **dir,
                    char           **path)
{
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  release_and_wait (store);
  tr_test_remove_tree (*dir);
  g_clear_pointer (path, g_free);
  g_clear_pointer (dir, g_free);
}
