/* tr-section-editor.c
 *
 * The heading is a label outside the text buffer, so no key, paste or undo
 * in the text can ever rename or remove it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-section-editor.h"
#include "tr-widget-util.h"

typedef struct
{
  GtkLabel *heading_label;
  GtkTextView *text_view;
  GtkLabel *count_label;
  char *heading;
} TrSectionEditorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (TrSectionEditor, tr_section_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HEADING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
tr_section_editor_real_format_count (TrSectionEditor *self)
{
  int count = gtk_text_buffer_get_char_count (tr_section_editor_get_buffer (self));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d character", "%d characters", count),
                          count);
}

static void
update_count (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);
  g_autofree char *count = TR_SECTION_EDITOR_GET_CLASS (self)->format_count (self);

  gtk_label_set_text (priv->count_label, count);
}

static void
on_buffer_changed (GtkTextBuffer   *buffer,
                   TrSectionEditor *self)
{
  update_count (self);
  if (TR_SECTION_EDITOR_GET_CLASS (self)->text_changed != NULL)
    TR_SECTION_EDITOR_GET_CLASS (self)->text_changed (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
tr_section_editor_dispose (GObject *object)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (TR_SECTION_EDITOR (object));

  /* Not gtk_widget_dispose_template(): in GTK 4.8 it looks for the template
   * on the instance's class, which a subclass does not have. */
  tr_widget_unparent_children (GTK_WIDGET (object));
  priv->heading_label = NULL;
  priv->text_view = NULL;
  priv->count_label = NULL;

  G_OBJECT_CLASS (tr_section_editor_parent_class)->dispose (object);
}

static void
tr_section_editor_finalize (GObject *object)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (TR_SECTION_EDITOR (object));

  g_free (priv->heading);

  G_OBJECT_CLASS (tr_section_editor_parent_class)->finalize (object);
}

static void
tr_section_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrSectionEditor *self = TR_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, tr_section_editor_get_heading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_section_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TrSectionEditor *self = TR_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      tr_section_editor_set_heading (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_section_editor_class_init (TrSectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_section_editor_dispose;
  object_class->finalize = tr_section_editor_finalize;
  object_class->get_property = tr_section_editor_get_property;
  object_class->set_property = tr_section_editor_set_property;
  klass->format_count = tr_section_editor_real_format_count;

  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted on every change of the text, by typing, pasting or undo. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/TripReports/editor/tr-section-editor.ui");
  gtk_widget_class_bind_template_child_private (widget_class, TrSectionEditor, heading_label);
  gtk_widget_class_bind_template_child_private (widget_class, TrSectionEditor, text_view);
  gtk_widget_class_bind_template_child_private (widget_class, TrSectionEditor, count_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
tr_section_editor_init (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  g_signal_connect_object (gtk_text_view_get_buffer (priv->text_view), "changed",
                           G_CALLBACK (on_buffer_changed), self, 0);
  update_count (self);
}

const char *
tr_section_editor_get_heading (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  g_return_val_if_fail (TR_IS_SECTION_EDITOR (self), NULL);
  return priv->heading;
}

void
tr_section_editor_set_heading (TrSectionEditor *self,
                               const char      *heading)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  g_return_if_fail (TR_IS_SECTION_EDITOR (self));

  if (g_strcmp0 (priv->heading, heading) == 0)
    return;
  g_free (priv->heading);
  priv->heading = g_strdup (heading);
  gtk_label_set_text (priv->heading_label, heading != NULL ? heading : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading != NULL ? heading : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
}

char *
tr_section_editor_dup_text (TrSectionEditor *self)
{
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (self);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
tr_section_editor_set_text (TrSectionEditor *self,
                            const char      *text)
{
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (self);

  /* Loading a report is not something to undo. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

GtkTextView *
tr_section_editor_get_text_view (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  g_return_val_if_fail (TR_IS_SECTION_EDITOR (self), NULL);
  return priv->text_view;
}

GtkTextBuffer *
tr_section_editor_get_buffer (TrSectionEditor *self)
{
  return gtk_text_view_get_buffer (tr_section_editor_get_text_view (self));
}

GtkLabel *
tr_section_editor_get_count_label (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  g_return_val_if_fail (TR_IS_SECTION_EDITOR (self), NULL);
  return priv->count_label;
}

void
tr_section_editor_focus_at (TrSectionEditor *self,
                            gssize           offset)
{
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (self);
  GtkTextView *text_view = tr_section_editor_get_text_view (self);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (offset > 0)
    {
      g_autofree char *text = tr_section_editor_dup_text (self);

      if ((gsize) offset <= strlen (text))
        gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                            g_utf8_pointer_to_offset (text, text + offset));
    }
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  gtk_text_view_scroll_to_iter (text_view, &iter, 0.1, FALSE, 0, 0);
}
