/* tr-split-view.c
 *
 * libadwaita 1.4 replaced AdwLeaflet with AdwNavigationSplitView, which
 * collapses at a breakpoint and whose header bars show the back button
 * and place the window buttons by themselves. The Flatpak runs the
 * former, Debian 12 has only the latter: this is the only place that
 * knows which one is at hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* The newer APIs in this file are behind GTK_CHECK_VERSION or
 * ADW_CHECK_VERSION: the MAX_ALLOWED pins of meson.build, which make the
 * headers flag any other newer call, are lifted here. */
#undef GDK_VERSION_MAX_ALLOWED
#undef ADW_VERSION_MAX_ALLOWED

#include "tr-split-view.h"

/* The library needs 320 px; the content beside it as much again and
 * some, or the two fight for the width. */
#define SIDEBAR_MIN_WIDTH 320
#define SIDEBAR_MAX_WIDTH 400
#define COLLAPSE_CONDITION "max-width: 720sp"

struct _TrSplitView
{
  GtkWidget parent_instance;

  GtkWidget *sidebar;
  GtkWidget *content;
  /* Set once each, from the template. */
  char *sidebar_title;
  char *content_title;

#if ADW_CHECK_VERSION (1, 4, 0)
  AdwNavigationSplitView *split_view;
#else
  AdwLeaflet *leaflet;
  AdwHeaderBar *sidebar_header;
  AdwHeaderBar *content_header;
  GtkWidget *back_button;
#endif
};

G_DEFINE_FINAL_TYPE (TrSplitView, tr_split_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIDEBAR,
  PROP_SIDEBAR_TITLE,
  PROP_CONTENT,
  PROP_CONTENT_TITLE,
  PROP_COLLAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
collapsed_changed (TrSplitView *self)
{
#if !ADW_CHECK_VERSION (1, 4, 0)
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  if (self->content_header != NULL)
    {
      gtk_widget_set_visible (self->back_button, folded);
      adw_header_bar_set_show_end_title_buttons (self->sidebar_header, folded);
      adw_header_bar_set_show_start_title_buttons (self->content_header, folded);
    }
#endif
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSED]);
}

#if ADW_CHECK_VERSION (1, 4, 0)

static void
build (TrSplitView *self)
{
  GtkWidget *bin = adw_breakpoint_bin_new ();
  AdwBreakpoint *breakpoint = adw_breakpoint_new (adw_breakpoint_condition_parse (COLLAPSE_CONDITION));
  GValue collapsed = G_VALUE_INIT;

  self->split_view = ADW_NAVIGATION_SPLIT_VIEW (adw_navigation_split_view_new ());
  adw_navigation_split_view_set_min_sidebar_width (self->split_view, SIDEBAR_MIN_WIDTH);
  adw_navigation_split_view_set_max_sidebar_width (self->split_view, SIDEBAR_MAX_WIDTH);
  g_signal_connect_object (self->split_view, "notify::collapsed", G_CALLBACK (collapsed_changed), self,
                           G_CONNECT_SWAPPED);

  g_value_init (&collapsed, G_TYPE_BOOLEAN);
  g_value_set_boolean (&collapsed, TRUE);
  adw_breakpoint_add_setter (breakpoint, G_OBJECT (self->split_view), "collapsed", &collapsed);
  g_value_unset (&collapsed);

  /* With a breakpoint the bin has no minimum size of its own: the
   * window's (360 × 294) is the smallest the layout must fit. */
  gtk_widget_set_size_request (bin, 360, 294);
  adw_breakpoint_bin_set_child (ADW_BREAKPOINT_BIN (bin), GTK_WIDGET (self->split_view));
  adw_breakpoint_bin_add_breakpoint (ADW_BREAKPOINT_BIN (bin), breakpoint);
  gtk_widget_set_parent (bin, GTK_WIDGET (self));
}

static void
add_sidebar (TrSplitView *self)
{
  adw_navigation_split_view_set_sidebar (self->split_view,
                                         adw_navigation_page_new (self->sidebar, self->sidebar_title));
}

static void
add_content (TrSplitView *self)
{
  adw_navigation_split_view_set_content (self->split_view,
                                         adw_navigation_page_new (self->content, self->content_title));
}

static void
update_titles (TrSplitView *self)
{
  AdwNavigationPage *sidebar = adw_navigation_split_view_get_sidebar (self->split_view);
  AdwNavigationPage *content = adw_navigation_split_view_get_content (self->split_view);

  if (sidebar != NULL)
    adw_navigation_page_set_title (sidebar, self->sidebar_title);
  if (content != NULL)
    adw_navigation_page_set_title (content, self->content_title);
}

gboolean
tr_split_view_get_collapsed (TrSplitView *self)
{
  g_return_val_if_fail (TR_IS_SPLIT_VIEW (self), FALSE);
  return adw_navigation_split_view_get_collapsed (self->split_view);
}

void
tr_split_view_show_sidebar (TrSplitView *self)
{
  g_return_if_fail (TR_IS_SPLIT_VIEW (self));
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
}

void
tr_split_view_show_content (TrSplitView *self)
{
  g_return_if_fail (TR_IS_SPLIT_VIEW (self));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

void
tr_split_view_set_header_bars (TrSplitView  *self,
                               AdwHeaderBar *sidebar_header,
                               AdwHeaderBar *content_header,
                               GtkWidget    *back_button)
{
  g_return_if_fail (TR_IS_SPLIT_VIEW (self));

  /* The content's header bar has a back button of its own here. */
  gtk_widget_set_visible (back_button, FALSE);
}

#else

static void
build (TrSplitView *self)
{
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  adw_leaflet_set_can_unfold (self->leaflet, TRUE);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, separator), FALSE);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (collapsed_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_parent (GTK_WIDGET (self->leaflet), GTK_WIDGET (self));
}

/* Before the separator, */
static void
add_sidebar (TrSplitView *self)
{
  adw_leaflet_prepend (self->leaflet, self->sidebar);
}

/* and after it. */
static void
add_content (TrSplitView *self)
{
  adw_leaflet_append (self->leaflet, self->content);
}

/* A leaflet's pages have no titles. */
static void
update_titles (TrSplitView *self)
{
}

gboolean
tr_split_view_get_collapsed (TrSplitView *self)
{
  g_return_val_if_fail (TR_IS_SPLIT_VIEW (self), FALSE);
  return adw_leaflet_get_folded (self->leaflet);
}

void
tr_split_view_show_sidebar (TrSplitView *self)
{
  g_return_if_fail (TR_IS_SPLIT_VIEW (self));
  if (self->sidebar != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

void
tr_split_view_show_content (TrSplitView *self)
{
  g_return_if_fail (TR_IS_SPLIT_VIEW (self));
  if (self->content != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

void
tr_split_view_set_header_bars (TrSplitView  *self,
                               AdwHeaderBar *sidebar_header,
                               AdwHeaderBar *content_header,
                               GtkWidget    *back_button)
{
  g_return_if_fail (TR_IS_SPLIT_VIEW (self));
  g_return_if_fail (ADW_IS_HEADER_BAR (sidebar_header));
  g_return_if_fail (ADW_IS_HEADER_BAR (content_header));
  g_return_if_fail (GTK_IS_WIDGET (back_button));

  /* Descendants of ours: they live as long as we do. */
  self->sidebar_header = sidebar_header;
  self->content_header = content_header;
  self->back_button = back_button;
  collapsed_changed (self);
}

#endif

static void
tr_split_view_dispose (GObject *object)
{
  TrSplitView *self = TR_SPLIT_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  /* They were children of the leaflet or split view just unparented. */
  self->sidebar = NULL;
  self->content = NULL;

  G_OBJECT_CLASS (tr_split_view_parent_class)->dispose (object);
}

static void
tr_split_view_finalize (GObject *object)
{
  TrSplitView *self = TR_SPLIT_VIEW (object);

  g_free (self->sidebar_title);
  g_free (self->content_title);

  G_OBJECT_CLASS (tr_split_view_parent_class)->finalize (object);
}

static void
tr_split_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TrSplitView *self = TR_SPLIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      g_value_set_object (value, self->sidebar);
      break;
    case PROP_SIDEBAR_TITLE:
      g_value_set_string (value, self->sidebar_title);
      break;
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_CONTENT_TITLE:
      g_value_set_string (value, self->content_title);
      break;
    case PROP_COLLAPSED:
      g_value_set_boolean (value, tr_split_view_get_collapsed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_split_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TrSplitView *self = TR_SPLIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      g_return_if_fail (self->sidebar == NULL);
      self->sidebar = g_value_get_object (value);
      if (self->sidebar != NULL)
        add_sidebar (self);
      break;
    case PROP_SIDEBAR_TITLE:
      g_free (self->sidebar_title);
      self->sidebar_title = g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
      update_titles (self);
      break;
    case PROP_CONTENT:
      g_return_if_fail (self->content == NULL);
      self->content = g_value_get_object (value);
      if (self->content != NULL)
        add_content (self);
      break;
    case PROP_CONTENT_TITLE:
      g_free (self->content_title);
      self->content_title = g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
      update_titles (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_split_view_class_init (TrSplitViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_split_view_dispose;
  object_class->finalize = tr_split_view_finalize;
  object_class->get_property = tr_split_view_get_property;
  object_class->set_property = tr_split_view_set_property;

  properties[PROP_SIDEBAR] =
    g_param_spec_object ("sidebar", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDEBAR_TITLE] =
    g_param_spec_string ("sidebar-title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT_TITLE] =
    g_param_spec_string ("content-title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tr_split_view_init (TrSplitView *self)
{
  /* A navigation page must have a title, if only an empty one. */
  self->sidebar_title = g_strdup ("");
  self->content_title = g_strdup ("");
  build (self);
}
