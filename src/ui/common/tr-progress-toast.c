/* tr-progress-toast.c
 *
 * Exports and printing take from a blink to some seconds on a 300-page
 * report with photos. A toast that flashed by on every short export
 * would be noise: it comes only after a short delay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-progress-toast.h"

/* Long enough that a short task never shows it, short enough that a
 * long one is not mistaken for nothing happening. */
#define SHOW_DELAY_MS 300
/* libadwaita 1.2 frees a toast's show animation while it still plays when
 * the toast is dismissed within its show (up to 500 ms) and the hide
 * animation ends first: the next frame crashes. A toast is dismissed no
 * sooner than this after it was shown. */
#define MIN_SHOWN_MS 700

struct _TrProgressToast
{
  GObject parent_instance;

  AdwToastOverlay *overlay;   /* weak */
  char *title;
  GCancellable *cancellable;
  AdwToast *toast;            /* while shown */
  GtkProgressBar *bar;
  double fraction;
  guint show_id;
  gint64 shown_at;
  gboolean finished;
};

G_DEFINE_FINAL_TYPE (TrProgressToast, tr_progress_toast, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cancel_clicked (TrProgressToast *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
toast_dismissed (TrProgressToast *self)
{
  /* Closed by hand before the task ended (finishing disconnects this
   * first): the user no longer wants it, and nothing would show how far
   * it is. */
  g_clear_object (&self->toast);
  self->bar = NULL;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static gboolean
show_toast (gpointer user_data)
{
  TrProgressToast *self = user_data;
  GtkWidget *box, *label;

  self->show_id = 0;
  if (self->overlay == NULL || self->finished)
    return G_SOURCE_REMOVE;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  label = gtk_label_new (self->title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  self->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->bar), 240, -1);
  gtk_progress_bar_set_fraction (self->bar, self->fraction);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->bar));

  self->toast = adw_toast_new ("");
  adw_toast_set_custom_title (self->toast, box);
  /* Until the task ends. */
  adw_toast_set_timeout (self->toast, 0);
  adw_toast_set_priority (self->toast, ADW_TOAST_PRIORITY_HIGH);
  if (self->cancellable != NULL)
    {
      adw_toast_set_button_label (self->toast, _("Cancel"));
      g_signal_connect_object (self->toast, "button-clicked", G_CALLBACK (cancel_clicked), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->toast, "dismissed", G_CALLBACK (toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->overlay, g_object_ref (self->toast));
  self->shown_at = g_get_monotonic_time ();
  return G_SOURCE_REMOVE;
}

static void
tr_progress_toast_dispose (GObject *object)
{
  TrProgressToast *self = TR_PROGRESS_TOAST (object);

  tr_progress_toast_finish (self);
  g_clear_weak_pointer (&self->overlay);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (tr_progress_toast_parent_class)->dispose (object);
}

static void
tr_progress_toast_finalize (GObject *object)
{
  TrProgressToast *self = TR_PROGRESS_TOAST (object);

  g_free (self->title);

  G_OBJECT_CLASS (tr_progress_toast_parent_class)->finalize (object);
}

static void
tr_progress_toast_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrProgressToast *self = TR_PROGRESS_TOAST (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_progress_toast_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TrProgressToast *self = TR_PROGRESS_TOAST (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      tr_progress_toast_set_fraction (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_progress_toast_class_init (TrProgressToastClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tr_progress_toast_dispose;
  object_class->finalize = tr_progress_toast_finalize;
  object_class->get_property = tr_progress_toast_get_property;
  object_class->set_property = tr_progress_toast_set_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tr_progress_toast_init (TrProgressToast *self)
{
}

TrProgressToast *
tr_progress_toast_new (AdwToastOverlay *overlay,
                       const char      *title,
                       GCancellable    *cancellable)
{
  TrProgressToast *self;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (TR_TYPE_PROGRESS_TOAST, NULL);
  g_set_weak_pointer (&self->overlay, overlay);
  self->title = g_strdup (title);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->show_id = g_timeout_add_full (G_PRIORITY_DEFAULT, SHOW_DELAY_MS, show_toast, self, NULL);
  return self;
}

void
tr_progress_toast_set_fraction (TrProgressToast *self,
                                double           fraction)
{
  g_return_if_fail (TR_IS_PROGRESS_TOAST (self));

  fraction = CLAMP (fraction, 0, 1);
  if (fraction == self->fraction)
    return;
  self->fraction = fraction;
  if (self->bar != NULL)
    gtk_progress_bar_set_fraction (self->bar, fraction);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

double
tr_progress_toast_get_fraction (TrProgressToast *self)
{
  g_return_val_if_fail (TR_IS_PROGRESS_TOAST (self), 0);
  return self->fraction;
}

static gboolean
dismiss_later (gpointer user_data)
{
  adw_toast_dismiss (ADW_TOAST (user_data));
  return G_SOURCE_REMOVE;
}

void
tr_progress_toast_finish (TrProgressToast *self)
{
  g_return_if_fail (TR_IS_PROGRESS_TOAST (self));

  self->finished = TRUE;
  g_clear_handle_id (&self->show_id, g_source_remove);
  if (self->toast != NULL)
    {
      g_autoptr(AdwToast) toast = g_steal_pointer (&self->toast);
      gint64 shown_ms = (g_get_monotonic_time () - self->shown_at) / G_TIME_SPAN_MILLISECOND;

      g_signal_handlers_disconnect_by_data (toast, self);
      self->bar = NULL;
      if (shown_ms >= MIN_SHOWN_MS)
        adw_toast_dismiss (toast);
      else
        g_timeout_add_full (G_PRIORITY_DEFAULT, MIN_SHOWN_MS - shown_ms, dismiss_later, g_object_ref (toast),
                            g_object_unref);
    }
}

AdwToast *
tr_progress_toast_get_toast (TrProgressToast *self)
{
  g_return_val_if_fail (TR_IS_PROGRESS_TOAST (self), NULL);
  return self->toast;
}
