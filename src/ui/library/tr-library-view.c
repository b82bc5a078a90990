/* tr-library-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-library-row.h"
#include "tr-widget-util.h"
#include "tr-library-view.h"
#include "tr-library-view-private.h"

struct _TrLibraryView
{
  GtkWidget parent_instance;

  TrLibraryModel *model;
  GtkSingleSelection *selection;
  GArray *years;
  gboolean updating_years;

  AdwHeaderBar *header_bar;
  GtkSearchEntry *search_entry;
  GtkDropDown *kind_dropdown;
  GtkDropDown *status_dropdown;
  GtkDropDown *year_dropdown;
  GtkStack *stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (TrLibraryView, tr_library_view, GTK_TYPE_WIDGET)

enum {
  REPORT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_list_item_set_child (item, tr_library_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  tr_library_row_set_info (TR_LIBRARY_ROW (gtk_list_item_get_child (item)),
                           gtk_list_item_get_item (item));
}

static void
update_stack (TrLibraryView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0 ||
      !tr_library_model_is_loaded (self->model))
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (tr_library_model_get_total (self->model) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "no-results");
}

static void
list_activated (GtkListView   *list_view,
                guint          position,
                TrLibraryView *self)
{
  g_autoptr(TrReportInfo) info = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (info != NULL)
    g_signal_emit (self, signals[REPORT_ACTIVATED], 0, tr_report_info_get_id (info));
}

static void
search_changed (GtkSearchEntry *entry,
                TrLibraryView  *self)
{
  if (self->model != NULL)
    tr_library_model_set_query (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter opens the first report found, as in a search of the shell. */
static void
search_activated (GtkSearchEntry *entry,
                  TrLibraryView  *self)
{
  if (self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  list_activated (self->list_view, 0, self);
}

/* Down goes from the search to the reports found. */
static gboolean
search_key_pressed (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    TrLibraryView         *self)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return GDK_EVENT_PROPAGATE;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return GDK_EVENT_STOP;
}

static void
kind_selected (GtkDropDown   *dropdown,
               GParamSpec    *pspec,
               TrLibraryView *self)
{
  /* Positions: all, drafts, imported. */
  static const int kinds[] = { TR_LIBRARY_ALL_KINDS, TR_REPORT_KIND_DRAFT, TR_REPORT_KIND_IMPORTED };
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->model != NULL && position < G_N_ELEMENTS (kinds))
    tr_library_model_set_kind (self->model, kinds[position]);
}

static void
status_selected (GtkDropDown   *dropdown,
                 GParamSpec    *pspec,
                 TrLibraryView *self)
{
  /* Position 0 is every status; then the TrReviewStatus values in order. */
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->model != NULL && position <= TR_N_REVIEW_STATUSES)
    tr_library_model_set_status (self->model, (int) position - 1);
}

static void
year_selected (GtkDropDown   *dropdown,
               GParamSpec    *pspec,
               TrLibraryView *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->model == NULL || self->updating_years || self->years == NULL)
    return;
  /* Position 0 is "All Years". */
  tr_library_model_set_year (self->model,
                             position == 0 || position > self->years->len
                               ? TR_LIBRARY_ALL_YEARS
                               : g_array_index (self->years, guint, position - 1));
}

static void
setup_filter_label (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      /* Its natural width too: the sidebar is as wide as it asks. */
      gtk_label_set_width_chars (GTK_LABEL (label), 3);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_filter_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  ellipsize)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (string);

  gtk_label_set_label (GTK_LABEL (label), text);
  /* The whole label, when the button shows only its start. */
  if (GPOINTER_TO_INT (ellipsize))
    gtk_widget_set_tooltip_text (label, text);
}

/* The three filters share the sidebar's width: their buttons cut a long
 * choice (退回補正, 2016 (民國105年)) short rather than widen the sidebar
 * and fold the window; their lists show it whole. */
static void
setup_filter (GtkDropDown *dropdown)
{
  for (int ellipsize = 0; ellipsize <= 1; ellipsize++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_filter_label), GINT_TO_POINTER (ellipsize));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_filter_label), GINT_TO_POINTER (ellipsize));
      if (ellipsize)
        gtk_drop_down_set_factory (dropdown, factory);
      else
        gtk_drop_down_set_list_factory (dropdown, factory);
    }
  gtk_widget_set_hexpand (GTK_WIDGET (dropdown), TRUE);
}

static void
tr_library_view_dispose (GObject *object)
{
  TrLibraryView *self = TR_LIBRARY_VIEW (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->years, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TR_TYPE_LIBRARY_VIEW);
  tr_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (tr_library_view_parent_class)->dispose (object);
}

static void
tr_library_view_class_init (TrLibraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_library_view_dispose;

  /* The user picked a report; the argument is its ID. */
  signals[REPORT_ACTIVATED] = g_signal_new ("report-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/TripReports/library/tr-library-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TrLibraryView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, TrLibraryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TrLibraryView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrLibraryView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrLibraryView, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrLibraryView, stack);
  gtk_widget_class_bind_template_child (widget_class, TrLibraryView, list_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
tr_library_view_init (TrLibraryView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  setup_filter (self->kind_dropdown);
  setup_filter (self->status_dropdown);
  setup_filter (self->year_dropdown);

  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activated), self, 0);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed), self, 0);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activated), self, 0);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_selected), self, 0);
  g_signal_connect_object (self->year_dropdown, "notify::selected", G_CALLBACK (year_selected), self, 0);
  g_signal_connect_object (self->status_dropdown, "notify::selected", G_CALLBACK (status_selected), self, 0);
}

void
tr_library_view_set_model (TrLibraryView  *self,
                           TrLibraryModel *model)
{
  g_return_if_fail (TR_IS_LIBRARY_VIEW (self));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  g_clear_object (&self->selection);

  if (model == NULL)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      return;
    }

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (model, "items-changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  update_stack (self);
  tr_library_view_update_years (self);
}

TrLibraryModel *
tr_library_view_get_model (TrLibraryView *self)
{
  g_return_val_if_fail (TR_IS_LIBRARY_VIEW (self), NULL);
  return self->model;
}

void
tr_library_view_update_years (TrLibraryView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected_year = 0, selected = 0;

  g_return_if_fail (TR_IS_LIBRARY_VIEW (self));

  if (self->model == NULL)
    return;

  if (self->years != NULL && gtk_drop_down_get_selected (self->year_dropdown) > 0 &&
      gtk_drop_down_get_selected (self->year_dropdown) <= self->years->len)
    selected_year = g_array_index (self->years, guint, gtk_drop_down_get_selected (self->year_dropdown) - 1);

  g_clear_pointer (&self->years, g_array_unref);
  self->years = tr_library_model_get_years (self->model);

  gtk_string_list_append (labels, _("All Years"));
  for (guint i = 0; i < self->years->len; i++)
    {
      guint year = g_array_index (self->years, guint, i);
      /* TRANSLATORS: a year shown both ways, e.g. "2016 (民國105年)" */
      g_autofree char *label = year > 1911 ? g_strdup_printf (_("%u (民國%u年)"), year, year - 1911)
                                           : g_strdup_printf ("%u", year);

      gtk_string_list_append (labels, label);
      if (year == selected_year)
        selected = i + 1;
    }

  self->updating_years = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->updating_years = FALSE;
  year_selected (self->year_dropdown, NULL, self);
}

void
tr_library_view_focus_search (TrLibraryView *self)
{
  g_return_if_fail (TR_IS_LIBRARY_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
tr_library_view_select (TrLibraryView *self,
                        const char    *id)
{
  guint position;

  g_return_if_fail (TR_IS_LIBRARY_VIEW (self));

  if (self->selection == NULL)
    return;
  position = id != NULL ? tr_library_model_find (self->model, id) : G_MAXUINT;
  gtk_single_selection_set_selected (self->selection,
                                     position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
}

AdwHeaderBar *
tr_library_view_get_header_bar (TrLibraryView *self)
{
  g_return_val_if_fail (TR_IS_LIBRARY_VIEW (self), NULL);
  return self->header_bar;
}

GtkSearchEntry *
tr_library_view_get_search_entry (TrLibraryView *self)
{
  g_return_val_if_fail (TR_IS_LIBRARY_VIEW (self), NULL);
  return self->search_entry;
}

GtkListView *
tr_library_view_get_list_view (TrLibraryView *self)
{
  g_return_val_if_fail (TR_IS_LIBRARY_VIEW (self), NULL);
  return self->list_view;
}

void
tr_library_view_set_status_filter (TrLibraryView *self,
                                   int            status)
{
  g_return_if_fail (TR_IS_LIBRARY_VIEW (self));
  g_return_if_fail (status >= TR_LIBRARY_ALL_STATUSES && status < TR_N_REVIEW_STATUSES);

  gtk_drop_down_set_selected (self->status_dropdown, (guint) (status + 1));
}
