/* tr-merge-dialog.c
 *
 * A change left neither accepted nor rejected stays what the command line
 * makes of every change: a suggestion, a comment on the author's
 * paragraph. The author's text is only replaced by a click on Accept, and
 * the store refuses even that when the paragraph changed since the file
 * was read (tr_review_merge_apply()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-merge-dialog.h"

struct _TrMergeDialog
{
  AdwWindow parent_instance;

  TrReportStore *store;
  char *id;
  TrReviewMerge *merge;

  AdwToastOverlay *toasts;
  /* Per change, in the merge's order. */
  GPtrArray *accept_buttons;
  GPtrArray *reject_buttons;
};

G_DEFINE_FINAL_TYPE (TrMergeDialog, tr_merge_dialog, ADW_TYPE_WINDOW)

enum {
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* @text with what differs from @other (between their common start and
 * end) marked: struck out in the author's, underlined in the reviewer's. */
static char *
mark_difference (const char *text,
                 const char *other,
                 gboolean    removed)
{
  glong n = g_utf8_strlen (text, -1), m = g_utf8_strlen (other, -1);
  glong prefix = 0, suffix = 0;
  const char *middle, *end;
  g_autofree char *before = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *after = NULL;

  while (prefix < n && prefix < m &&
         g_utf8_get_char (g_utf8_offset_to_pointer (text, prefix)) ==
         g_utf8_get_char (g_utf8_offset_to_pointer (other, prefix)))
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix &&
         g_utf8_get_char (g_utf8_offset_to_pointer (text, n - 1 - suffix)) ==
         g_utf8_get_char (g_utf8_offset_to_pointer (other, m - 1 - suffix)))
    suffix++;
  middle = g_utf8_offset_to_pointer (text, prefix);
  end = g_utf8_offset_to_pointer (text, n - suffix);
  before = g_markup_escape_text (text, middle - text);
  changed = g_markup_escape_text (middle, end - middle);
  after = g_markup_escape_text (end, -1);
  if (changed[0] == '\0')
    return g_strconcat (before, after, NULL);
  return g_strdup_printf (removed ? "%s<s>%s</s>%s" : "%s<u><b>%s</b></u>%s", before, changed, after);
}

static GtkWidget *
new_text_column (const char *heading,
                 const char *text,
                 const char *other,
                 gboolean    removed,
                 const char *placeholder,
                 const char *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (text != NULL ? text : placeholder);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_set_name (body, name);
  if (text == NULL)
    gtk_widget_add_css_class (body, "dim-label");
  else if (other != NULL)
    {
      g_autofree char *markup = mark_difference (text, other, removed);

      /* The text stays what gtk_label_get_text() gives. */
      gtk_label_set_markup (GTK_LABEL (body), markup);
    }
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  return box;
}

static GtkWidget *
new_change_card (TrMergeDialog           *self,
                 guint                    index,
                 const TrParagraphChange *change)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *accept = gtk_toggle_button_new_with_mnemonic (_("_Accept"));
  GtkWidget *reject = gtk_toggle_button_new_with_mnemonic (_("_Reject"));
  g_autofree char *accept_name = g_strdup_printf ("accept-%u", index);
  g_autofree char *reject_name = g_strdup_printf ("reject-%u", index);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_bottom (card, 12);
  g_object_set (card, "margin-start", 0, NULL);
  gtk_widget_set_margin_top (texts, 12);
  gtk_widget_set_margin_start (texts, 12);
  gtk_widget_set_margin_end (texts, 12);
  gtk_box_set_homogeneous (GTK_BOX (texts), TRUE);

  if (change->conflict)
    {
      GtkWidget *warning = gtk_label_new (_("You saved the report after this file was sent: the difference may be your newer text"));

      gtk_label_set_wrap (GTK_LABEL (warning), TRUE);
      gtk_label_set_xalign (GTK_LABEL (warning), 0);
      gtk_widget_add_css_class (warning, "warning");
      gtk_widget_set_margin_top (warning, 12);
      gtk_widget_set_margin_start (warning, 12);
      gtk_widget_set_margin_end (warning, 12);
      gtk_box_append (GTK_BOX (card), warning);
    }
  gtk_box_append (GTK_BOX (texts), new_text_column (_("Your Text"), change->author_text, change->reviewer_text, TRUE,
                                                    _("(no paragraph: the reviewer added one)"), "author-text"));
  gtk_box_append (GTK_BOX (texts), new_text_column (_("Reviewer's Text"), change->reviewer_text, change->author_text,
                                                    FALSE, _("(removed by the reviewer)"), "reviewer-text"));
  gtk_box_append (GTK_BOX (card), texts);

  gtk_widget_set_name (accept, accept_name);
  gtk_widget_set_name (reject, reject_name);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (reject), GTK_TOGGLE_BUTTON (accept));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (accept), change->choice == TR_MERGE_CHOICE_ACCEPT);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (reject), change->choice == TR_MERGE_CHOICE_REJECT);
  if (!tr_review_merge_can_accept (self->merge))
    gtk_widget_set_sensitive (accept, FALSE);
  gtk_widget_set_tooltip_text (accept, _("Use the reviewer's text"));
  gtk_widget_set_tooltip_text (reject, _("Keep your text and drop the suggestion"));
  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_widget_set_margin_bottom (buttons, 12);
  gtk_box_append (GTK_BOX (buttons), accept);
  gtk_box_append (GTK_BOX (buttons), reject);
  gtk_box_append (GTK_BOX (card), buttons);

  g_ptr_array_add (self->accept_buttons, accept);
  g_ptr_array_add (self->reject_buttons, reject);
  return card;
}

static void
build (TrMergeDialog *self,
       GtkBox        *content)
{
  GtkWidget *intro = gtk_label_new (NULL);
  g_autofree char *text = NULL;
  int shown_section = -1;
  GtkWidget *group = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The reviewer changed %u paragraph. Accept or reject it; "
                                       "left undecided, it stays as a suggestion in the comments.",
                                       "The reviewer changed %u paragraphs. Accept or reject each; "
                                       "those left undecided stay as suggestions in the comments.",
                                       self->merge->changes->len),
                          self->merge->changes->len);
  gtk_label_set_text (GTK_LABEL (intro), text);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (content, intro);
  if (!tr_review_merge_can_accept (self->merge))
    {
      GtkWidget *locked = gtk_label_new (_("The report is in review or approved: the reviewer's text can only be kept as suggestions"));

      gtk_label_set_wrap (GTK_LABEL (locked), TRUE);
      gtk_label_set_xalign (GTK_LABEL (locked), 0);
      gtk_widget_add_css_class (locked, "warning");
      gtk_box_append (content, locked);
    }

  for (guint i = 0; i < self->merge->changes->len; i++)
    {
      const TrParagraphChange *change = self->merge->changes->pdata[i];

      if ((int) change->section != shown_section)
        {
          group = adw_preferences_group_new ();
          /* The official heading (目的 …) is report content. */
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), tr_section_get_heading (change->section));
          gtk_box_append (content, group);
          shown_section = change->section;
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_change_card (self, i, change));
    }
}

gboolean
tr_merge_dialog_apply (TrMergeDialog  *self,
                       GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TR_IS_MERGE_DIALOG (self), FALSE);

  for (guint i = 0; i < self->merge->changes->len; i++)
    {
      TrParagraphChange *change = self->merge->changes->pdata[i];

      if (gtk_toggle_button_get_active (self->accept_buttons->pdata[i]))
        change->choice = TR_MERGE_CHOICE_ACCEPT;
      else if (gtk_toggle_button_get_active (self->reject_buttons->pdata[i]))
        change->choice = TR_MERGE_CHOICE_REJECT;
      else
        change->choice = TR_MERGE_CHOICE_SUGGEST;
    }
  if (!tr_review_merge_apply (self->merge, self->store, self->id, &local_error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (local_error->message));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_signal_emit (self, signals[MERGED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  tr_merge_dialog_apply (TR_MERGE_DIALOG (widget), NULL);
}

static void
tr_merge_dialog_dispose (GObject *object)
{
  TrMergeDialog *self = TR_MERGE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->merge, tr_review_merge_free);
  g_clear_pointer (&self->accept_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->reject_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (tr_merge_dialog_parent_class)->dispose (object);
}

static void
tr_merge_dialog_finalize (GObject *object)
{
  TrMergeDialog *self = TR_MERGE_DIALOG (object);

  g_free (self->id);

  G_OBJECT_CLASS (tr_merge_dialog_parent_class)->finalize (object);
}

static void
tr_merge_dialog_class_init (TrMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_merge_dialog_dispose;
  object_class->finalize = tr_merge_dialog_finalize;

  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "merge.apply", NULL, merge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tr_merge_dialog_init (TrMergeDialog *self)
{
  self->accept_buttons = g_ptr_array_new ();
  self->reject_buttons = g_ptr_array_new ();
}

TrMergeDialog *
tr_merge_dialog_new (GtkWindow     *parent,
                     TrReportStore *store,
                     const char    *id,
                     const char    *title,
                     TrReviewMerge *merge)
{
  TrMergeDialog *self;
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *window_title = adw_window_title_new (_("Merge Reviewed File"), title);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Merge"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  g_return_val_if_fail (TR_IS_REPORT_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (merge != NULL, NULL);

  self = g_object_new (TR_TYPE_MERGE_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       "default-width", 820,
                       "default-height", 640,
                       "title", _("Merge Reviewed File"),
                       NULL);
  self->store = g_object_ref (store);
  self->id = g_strdup (id);
  self->merge = merge;

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), window_title);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (apply), "merge.apply");
  gtk_widget_set_name (apply, "merge");
  gtk_widget_add_css_class (apply, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), apply);
  gtk_box_append (GTK_BOX (view), header);

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  build (self, GTK_BOX (content));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, scroller);
  gtk_box_append (GTK_BOX (view), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), view);
  return self;
}

TrReviewMerge *
tr_merge_dialog_get_merge (TrMergeDialog *self)
{
  g_return_val_if_fail (TR_IS_MERGE_DIALOG (self), NULL);
  return self->merge;
}
