/* tr-form-dialog.c
 *
 * An imported report keeps its text as the file had it, but what the
 * import made of its title and 提要 may be wrong or missing: this dialog
 * corrects them, in the form editor of drafts, on a copy, so that Cancel
 * leaves the report as it was and a refused save changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-form-dialog.h"
#include "tr-form-editor.h"

struct _TrFormDialog {
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  TrFormEditor    *form_editor;

  TrReportStore *store;
  TrReport      *report;  /* the caller's */
  TrReport      *form;    /* ours, edited */
};

G_DEFINE_FINAL_TYPE (TrFormDialog, tr_form_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

TrReport *
tr_form_dialog_get_form (TrFormDialog *self)
{
  g_return_val_if_fail (TR_IS_FORM_DIALOG (self), NULL);
  return self->form;
}

gboolean
tr_form_dialog_save (TrFormDialog *self)
{
  g_autoptr(TrReport) corrected = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TR_IS_FORM_DIALOG (self), FALSE);

  /* The stored text, not ours: the copy was taken when the dialog opened. */
  corrected = tr_report_copy (self->report);
  tr_report_set_form_from (corrected, self->form);
  if (!tr_report_store_save (self->store, corrected, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return FALSE;
    }
  tr_report_set_form_from (self->report, self->form);
  tr_report_set_modified (self->report, tr_report_get_modified (corrected));
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tr_form_dialog_save (TR_FORM_DIALOG (widget));
}

static void
tr_form_dialog_dispose (GObject *object)
{
  TrFormDialog *self = TR_FORM_DIALOG (object);

  if (self->form_editor != NULL)
    tr_form_editor_set_report (self->form_editor, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TR_TYPE_FORM_DIALOG);
  g_clear_object (&self->form);
  g_clear_object (&self->report);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tr_form_dialog_parent_class)->dispose (object);
}

static void
tr_form_dialog_class_init (TrFormDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_form_dialog_dispose;

  /* Emitted when the corrected form is stored and given to the report. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TR_TYPE_FORM_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/TripReports/reader/tr-form-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrFormDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrFormDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrFormDialog, form_editor);
  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save", NULL);
}

static void
tr_form_dialog_init (TrFormDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TrFormDialog *
tr_form_dialog_new (GtkWindow     *parent,
                    TrReportStore *store,
                    TrReport      *report)
{
  TrFormDialog *self;
  const char *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TR_IS_REPORT_STORE (store), NULL);
  g_return_val_if_fail (TR_IS_REPORT (report), NULL);

  self = g_object_new (TR_TYPE_FORM_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->report = g_object_ref (report);
  self->form = tr_report_copy (report);
  tr_form_editor_set_report (self->form_editor, self->form);
  title = tr_report_get_text (report, TR_FIELD_TITLE);
  adw_window_title_set_subtitle (self->window_title, title[0] != '\0' ? title : _("Untitled Report"));
  return self;
}
