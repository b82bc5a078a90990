/* tr-review-bar.c
 *
 * Only the steps the workflow allows are offered, so a refused transition
 * is rare; when another window moved the report first, the store refuses
 * and the bar shows the stored status again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-alert.h"
#include "tr-completeness.h"
#include "tr-error.h"
#include "tr-review-bar.h"
#include "tr-widget-util.h"

struct _TrReviewBar
{
  GtkWidget parent_instance;

  TrReportStore *store;
  TrReport *report;
  TrReviewStatus status;
  /* A report received for review (tr_review_is_received()): the decision
   * is made here; on the author's own draft it comes back with the file. */
  gboolean received;

  GtkLabel *status_label;
  GtkLabel *hint_label;
  GtkBox *buttons;
  GtkButton *form_button;
};

G_DEFINE_FINAL_TYPE (TrReviewBar, tr_review_bar, GTK_TYPE_WIDGET)

enum {
  STATUS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The steps, in the order of their buttons; the reviewer's only on a
 * report received for review. */
static const struct {
  TrReviewStatus from;
  TrReviewStatus to;
  gboolean       reviewer;
  const char    *label;
  const char    *name;
  const char    *css_class;
} steps[] = {
  { TR_REVIEW_STATUS_DRAFT, TR_REVIEW_STATUS_SUBMITTED, FALSE, N_("_Submit for Review"), "submit", "suggested-action" },
  { TR_REVIEW_STATUS_SUBMITTED, TR_REVIEW_STATUS_RETURNED, TRUE, N_("_Return for Correction"), "return", NULL },
  { TR_REVIEW_STATUS_SUBMITTED, TR_REVIEW_STATUS_APPROVED, TRUE, N_("_Approve"), "approve", "suggested-action" },
  { TR_REVIEW_STATUS_RETURNED, TR_REVIEW_STATUS_DRAFT, FALSE, N_("_Back to Draft"), "back-to-draft", NULL },
};

const char *
tr_review_status_get_display_name (TrReviewStatus status)
{
  switch (status)
    {
    case TR_REVIEW_STATUS_DRAFT:
      return _("Draft");
    case TR_REVIEW_STATUS_SUBMITTED:
      return _("Submitted for Review");
    case TR_REVIEW_STATUS_RETURNED:
      return _("Returned for Correction");
    case TR_REVIEW_STATUS_APPROVED:
      return _("Approved");
    default:
      g_return_val_if_reached ("");
    }
}

static void update (TrReviewBar *self);

static void
take_step (TrReviewBar    *self,
           TrReviewStatus  to)
{
  g_autoptr(GError) error = NULL;

  /* In the editor, what was just typed is saved first: once submitted, the
   * report takes no more changes. */
  if (gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-review-status", "u", to))
    return;
  if (!tr_review_bar_set_status (self, to, &error))
    {
      GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

      /* The window shows it as a toast. */
      gtk_widget_activate_action (root, "win.show-message", "s", error->message);
    }
}

static void
confirm_response (GtkWidget   *alert,
                  const char  *response,
                  TrReviewBar *self)
{
  TrReviewStatus to = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (alert), "tr-status"));

  if (g_str_equal (response, "confirm"))
    take_step (self, to);
}

/* What the completeness check still finds, one line each. */
static GtkWidget *
new_problem_list (GPtrArray *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *label;

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", tr_problem_get_message (problems->pdata[i]));
  label = gtk_label_new (text->str);
  gtk_widget_set_name (label, "problems");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

/* Submitting with open problems, and approving, which is final, ask first. */
static void
step_clicked (GtkButton   *button,
              TrReviewBar *self)
{
  TrReviewStatus to = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tr-status"));
  g_autoptr(GPtrArray) problems = NULL;
  GtkWidget *alert = NULL;

  if (to == TR_REVIEW_STATUS_SUBMITTED && self->report != NULL &&
      (problems = tr_completeness_check (self->report, NULL))->len > 0)
    {
      g_autofree char *body =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The report still has %u problem:",
                                      "The report still has %u problems:", problems->len),
                         problems->len);

      alert = tr_alert_new (_("Submit With Problems?"), body);
      tr_alert_set_extra_child (alert, new_problem_list (problems));
      tr_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
      tr_alert_add_response (alert, "confirm", _("_Submit Anyway"), ADW_RESPONSE_SUGGESTED);
    }
  else if (to == TR_REVIEW_STATUS_APPROVED)
    {
      alert = tr_alert_new (_("Approve the Report?"),
                            _("Approval is final: the report and its review form cannot be changed afterwards."));
      tr_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
      tr_alert_add_response (alert, "confirm", _("_Approve"), ADW_RESPONSE_SUGGESTED);
    }
  if (alert == NULL)
    {
      take_step (self, to);
      return;
    }
  tr_alert_set_default_response (alert, "cancel");
  tr_alert_set_close_response (alert, "cancel");
  g_object_set_data (G_OBJECT (alert), "tr-status", GUINT_TO_POINTER (to));
  g_signal_connect_object (alert, "response", G_CALLBACK (confirm_response), self, 0);
  tr_alert_present (alert, GTK_WIDGET (self));
}

static void
update (TrReviewBar *self)
{
  GtkWidget *child;
  static const char * const status_classes[] = { "dim-label", "accent", "warning", "success" };

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->buttons))) != NULL)
    gtk_box_remove (self->buttons, child);

  gtk_label_set_text (self->status_label, tr_review_status_get_display_name (self->status));
  if (self->status == TR_REVIEW_STATUS_SUBMITTED)
    gtk_label_set_text (self->hint_label, _("The text cannot be changed while it is in review"));
  else if (self->status == TR_REVIEW_STATUS_APPROVED)
    gtk_label_set_text (self->hint_label, _("An approved report cannot be changed"));
  else
    gtk_label_set_text (self->hint_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label),
                          self->status == TR_REVIEW_STATUS_SUBMITTED || self->status == TR_REVIEW_STATUS_APPROVED);
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[self->status]);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GtkWidget *button;

      if (steps[i].from != self->status || steps[i].reviewer != self->received)
        continue;
      button = gtk_button_new_with_mnemonic (_(steps[i].label));
      gtk_widget_set_name (button, steps[i].name);
      if (steps[i].css_class != NULL)
        gtk_widget_add_css_class (button, steps[i].css_class);
      g_object_set_data (G_OBJECT (button), "tr-status", GUINT_TO_POINTER (steps[i].to));
      g_signal_connect_object (button, "clicked", G_CALLBACK (step_clicked), self, 0);
      gtk_box_append (self->buttons, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->buttons),
                          gtk_widget_get_first_child (GTK_WIDGET (self->buttons)) != NULL);
}

static void
load_status (TrReviewBar *self)
{
  g_autoptr(TrReview) review = NULL;
  g_autoptr(GError) error = NULL;

  self->status = TR_REVIEW_STATUS_DRAFT;
  /* A new draft is not in the store until its first save: a draft. */
  if (self->report != NULL)
    review = tr_report_store_load_review (self->store, tr_report_get_id (self->report), &error);
  self->received = review != NULL && tr_review_is_received (review, self->report);
  if (review != NULL)
    self->status = tr_review_get_status (review);
  else if (error != NULL && !g_error_matches (error, TR_ERROR, TR_ERROR_NOT_FOUND))
    g_warning ("%s", error->message);
  update (self);
}

void
tr_review_bar_set_report (TrReviewBar *self,
                          TrReport    *report)
{
  g_return_if_fail (TR_IS_REVIEW_BAR (self));

  g_set_object (&self->report, report);
  load_status (self);
}

TrReviewStatus
tr_review_bar_get_status (TrReviewBar *self)
{
  g_return_val_if_fail (TR_IS_REVIEW_BAR (self), TR_REVIEW_STATUS_DRAFT);
  return self->status;
}

gboolean
tr_review_bar_set_status (TrReviewBar     *self,
                          TrReviewStatus   status,
                          GError         **error)
{
  g_return_val_if_fail (TR_IS_REVIEW_BAR (self), FALSE);

  if (self->report == NULL)
    return TRUE;
  if (!tr_report_store_set_status (self->store, tr_report_get_id (self->report), status, error))
    {
      load_status (self);
      return FALSE;
    }
  self->status = status;
  update (self);
  g_signal_emit (self, signals[STATUS_CHANGED], 0);
  return TRUE;
}

static void
tr_review_bar_dispose (GObject *object)
{
  TrReviewBar *self = TR_REVIEW_BAR (object);

  g_clear_object (&self->report);
  g_clear_object (&self->store);
  tr_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (tr_review_bar_parent_class)->dispose (object);
}

static void
tr_review_bar_class_init (TrReviewBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_review_bar_dispose;

  signals[STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "review-bar");
}

static void
tr_review_bar_init (TrReviewBar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *heading = gtk_label_new (_("Review"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_parent (heading, GTK_WIDGET (self));

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->status_label), "review_status");
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_set_parent (GTK_WIDGET (self->status_label), GTK_WIDGET (self));

  self->hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->hint_label, 0);
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->hint_label), GTK_WIDGET (self));

  self->buttons = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_parent (GTK_WIDGET (self->buttons), GTK_WIDGET (self));

  self->form_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Review _Form…")));
  gtk_widget_set_name (GTK_WIDGET (self->form_button), "review_form");
  /* The owner opens the form, once what was typed is saved: items 1 and 2
   * are worked out from the report. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->form_button), "editor.review-form");
  gtk_widget_set_parent (GTK_WIDGET (self->form_button), GTK_WIDGET (self));

  update (self);
}

GtkWidget *
tr_review_bar_new (TrReportStore *store)
{
  TrReviewBar *self;

  g_return_val_if_fail (TR_IS_REPORT_STORE (store), NULL);

  self = g_object_new (TR_TYPE_REVIEW_BAR, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
