/* tr-review-form.c
 *
 * The form's own wording (the items, the reasons, the ways of publication,
 * the signatures) is report content and stays in Chinese; only the
 * frame around it is translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-preferences-dialog.h"
#include "tr-review-form.h"

struct _TrReviewForm
{
  AdwPreferencesPage parent_instance;

  TrReportStore *store;
  TrReport *report;
  TrReview *review;
  gboolean loading;
  /* Which side of the form is filled in here. */
  gboolean agency_side;
};

G_DEFINE_FINAL_TYPE (TrReviewForm, tr_review_form, ADW_TYPE_PREFERENCES_PAGE)

static void
save (TrReviewForm *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  if (!tr_report_store_save_review (self->store, tr_report_get_id (self->report), self->review, &error))
    tr_preferences_dialog_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
answer_selected (GtkDropDown        *drop_down,
                 GParamSpec         *pspec,
                 TrReviewForm *self)
{
  TrReviewItem item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "tr-item"));
  TrReviewColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "tr-column"));

  tr_review_set_answer (self->review, item, column, gtk_drop_down_get_selected (drop_down));
  save (self);
}

static GtkWidget *
new_answer_drop_down (TrReviewForm *self,
                      TrReviewItem        item,
                      TrReviewColumn      column)
{
  /* The index is the TrReviewAnswer. */
  const char * const answers[] = { "—", "是", "否", NULL };
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (answers);

  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), tr_review_get_answer (self->review, item, column));
  g_object_set_data (G_OBJECT (drop_down), "tr-item", GUINT_TO_POINTER (item));
  g_object_set_data (G_OBJECT (drop_down), "tr-column", GUINT_TO_POINTER (column));
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  column == TR_REVIEW_COLUMN_SELF ? _("Traveller's self-check")
                                                                  : _("Agency's review"),
                                  -1);
  gtk_widget_set_tooltip_text (drop_down, column == TR_REVIEW_COLUMN_SELF ? _("Traveller's self-check")
                                                                          : _("Agency's review"));
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (answer_selected), self, 0);
  gtk_widget_set_sensitive (drop_down, (column == TR_REVIEW_COLUMN_AGENCY) == self->agency_side);
  return drop_down;
}

static void
flag_toggled (GtkCheckButton     *check,
              TrReviewForm *self)
{
  guint flag = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "tr-flag"));
  gboolean reason = g_object_get_data (G_OBJECT (check), "tr-reason") != NULL;
  guint flags = reason ? tr_review_get_return_reasons (self->review) : tr_review_get_publication (self->review);

  flags = gtk_check_button_get_active (check) ? flags | flag : flags & ~flag;
  if (reason)
    tr_review_set_return_reasons (self->review, flags);
  else
    tr_review_set_publication (self->review, flags);
  save (self);
}

static GtkWidget *
new_flag_row (TrReviewForm *self,
              const char         *title,
              guint               flag,
              gboolean            active,
              gboolean            reason)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_object_set_data (G_OBJECT (check), "tr-flag", GUINT_TO_POINTER (flag));
  if (reason)
    g_object_set_data (G_OBJECT (check), "tr-reason", GUINT_TO_POINTER (TRUE));
  g_signal_connect_object (check, "toggled", G_CALLBACK (flag_toggled), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
entry_changed (GtkEditable        *editable,
               TrReviewForm *self)
{
  const char *text = gtk_editable_get_text (editable);
  int which = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "tr-entry"));

  if (which < 0)
    tr_review_set_publication_other (self->review, text);
  else
    tr_review_set_signature (self->review, which, text);
  save (self);
}

static GtkWidget *
new_entry_row (TrReviewForm *self,
               const char         *title,
               const char         *text,
               int                 which)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_object_set_data (G_OBJECT (row), "tr-entry", GINT_TO_POINTER (which));
  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed), self, 0);
  return row;
}

static void
remarks_changed (GtkTextBuffer      *buffer,
                 TrReviewForm *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  tr_review_set_remarks (self->review, text);
  save (self);
}

static void
build (TrReviewForm *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (self);
  GtkWidget *items = adw_preferences_group_new ();
  GtkWidget *reasons = adw_preferences_group_new ();
  GtkWidget *publication = adw_preferences_group_new ();
  GtkWidget *remarks = adw_preferences_group_new ();
  GtkWidget *signatures = adw_preferences_group_new ();
  GtkWidget *remarks_view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkTextBuffer *buffer;

  adw_preferences_page_set_title (page, _("Review Form"));
  adw_preferences_page_set_icon_name (page, "document-edit-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (items), _("Items"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (items),
                                         self->agency_side
                                         ? _("For each item: the traveller's self-check, then the agency's review, which is yours to fill in")
                                         : _("For each item: your self-check, then the agency's review, which the reviewer fills in on the copy sent for review"));
  for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%u. %s", item + 1, tr_review_item_get_text (item));
      GtkWidget *self_answer = new_answer_drop_down (self, item, TR_REVIEW_COLUMN_SELF);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (tr_review_item_is_computed (item))
        {
          gtk_widget_set_sensitive (self_answer, FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Worked out from the report"));
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), self_answer);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_answer_drop_down (self, item, TR_REVIEW_COLUMN_AGENCY));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (items), row);
    }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (reasons), _("Reasons for Return (Item 8)"));
  for (guint i = 0; i < TR_N_RETURN_REASONS; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (reasons),
                               new_flag_row (self, tr_return_reason_get_text (1u << i), 1u << i,
                                             tr_review_get_return_reasons (self->review) & (1u << i), TRUE));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (publication), _("Publication (Item 9)"));
  for (guint i = 0; i < TR_N_PUBLICATIONS; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (publication),
                               new_flag_row (self, tr_publication_get_text (1u << i), 1u << i,
                                             tr_review_get_publication (self->review) & (1u << i), FALSE));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (publication),
                             new_entry_row (self, _("Other Way of Publication"),
                                            tr_review_get_publication_other (self->review), -1));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (remarks), _("Other Remarks (Item 10)"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (remarks_view));
  gtk_text_buffer_set_text (buffer, tr_review_get_remarks (self->review), -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (remarks_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (remarks_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (remarks_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (remarks_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (remarks_view), 8);
  gtk_widget_set_size_request (remarks_view, -1, 96);
  gtk_widget_set_name (remarks_view, "remarks");
  g_signal_connect_object (buffer, "changed", G_CALLBACK (remarks_changed), self, 0);
  gtk_frame_set_child (GTK_FRAME (frame), remarks_view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (remarks), frame);
  gtk_widget_set_sensitive (reasons, self->agency_side);
  gtk_widget_set_sensitive (publication, self->agency_side);
  gtk_widget_set_sensitive (remarks, self->agency_side);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (signatures), _("Signatures"));
  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    {
      GtkWidget *row = new_entry_row (self, tr_review_signature_get_text (i),
                                      tr_review_get_signature (self->review, i), i);

      gtk_widget_set_sensitive (row, (i != TR_REVIEW_SIGNATURE_TRAVELLER) == self->agency_side);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (signatures), row);
    }

  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (items));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (reasons));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (publication));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (remarks));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (signatures));
}

static void
tr_review_form_dispose (GObject *object)
{
  TrReviewForm *self = TR_REVIEW_FORM (object);

  g_clear_object (&self->review);
  g_clear_object (&self->report);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tr_review_form_parent_class)->dispose (object);
}

static void
tr_review_form_class_init (TrReviewFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tr_review_form_dispose;
}

static void
tr_review_form_init (TrReviewForm *self)
{
}

GtkWidget *
tr_review_form_new (TrReportStore *store,
                    TrReport      *report,
                    TrIdentity    *identity)
{
  TrReviewForm *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TR_IS_REPORT_STORE (store), NULL);
  g_return_val_if_fail (TR_IS_REPORT (report), NULL);

  self = g_object_new (TR_TYPE_REVIEW_FORM, NULL);
  self->store = g_object_ref (store);
  self->report = g_object_ref (report);
  self->review = tr_report_store_load_review (store, tr_report_get_id (report), &error);
  if (self->review == NULL)
    {
      /* Not stored yet (a new draft before its first save): a new form. */
      g_debug ("%s", error->message);
      self->review = tr_review_new ();
    }
  self->agency_side = tr_review_is_received (self->review, report);
  tr_review_prefill (self->review, report, NULL);
  if (identity != NULL && !self->agency_side)
    tr_identity_fill_review (identity, self->review);
  self->loading = TRUE;
  build (self);
  self->loading = FALSE;
  /* 核定 is final: the form is what was approved. */
  if (tr_review_get_status (self->review) == TR_REVIEW_STATUS_APPROVED)
    gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  /* The computed items as the report stands now. */
  save (self);
  return GTK_WIDGET (self);
}
