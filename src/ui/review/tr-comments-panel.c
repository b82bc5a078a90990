/* tr-comments-panel.c
 *
 * Open comments first, in the order of the report; resolved ones after,
 * dimmed, so that what is left to do is at the top.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-date.h"
#include "tr-comments-panel.h"
#include "tr-comments-panel-private.h"
#include "tr-widget-util.h"

struct _TrCommentsPanel
{
  GtkWidget parent_instance;

  GtkLabel *heading;
  GtkListBox *list;
  GtkLabel *placeholder;
};

G_DEFINE_FINAL_TYPE (TrCommentsPanel, tr_comments_panel, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  RESOLVE,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static TrComment *
row_comment (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "tr-comment") : NULL;
}

static void
resolve_clicked (GtkButton       *button,
                 TrCommentsPanel *self)
{
  g_autoptr(TrComment) comment = g_object_ref (row_comment (GTK_WIDGET (button)));

  g_signal_emit (self, signals[RESOLVE], 0, comment, !tr_comment_get_resolved (comment));
}

static void
delete_clicked (GtkButton       *button,
                TrCommentsPanel *self)
{
  g_autoptr(TrComment) comment = g_object_ref (row_comment (GTK_WIDGET (button)));

  g_signal_emit (self, signals[DELETE], 0, comment);
}

static void
row_activated (GtkListBox      *list,
               GtkListBoxRow   *row,
               TrCommentsPanel *self)
{
  TrComment *comment = g_object_get_data (G_OBJECT (row), "tr-comment");

  if (comment != NULL)
    g_signal_emit (self, signals[ACTIVATE], 0, comment);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_row (TrCommentsPanel *self,
            TrComment       *comment)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *quote_label;
  GtkWidget *resolve;
  GtkWidget *delete;
  g_autoptr(GDateTime) local = g_date_time_to_local (tr_comment_get_created (comment));
  g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *minguo = tr_date_format_minguo (iso);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  /* The Minguo date, as everywhere else in the window. */
  g_autofree char *date = g_strdup_printf ("%s %s", minguo != NULL ? minguo : iso, time);
  /* The passage as the report quotes: 「…」, with the section it is in. */
  g_autofree char *quote = g_strdup_printf ("%s ·「%s」",
                                            tr_section_get_heading (tr_comment_get_section (comment)),
                                            tr_comment_get_quote (comment));
  g_autofree char *byline = NULL;
  gboolean resolved = tr_comment_get_resolved (comment);

  if (tr_comment_get_author (comment)[0] != '\0')
    /* TRANSLATORS: who wrote a comment, and when: “王小明 · 113年8月15日 10:30” */
    byline = g_strdup_printf (_("%s · %s"), tr_comment_get_author (comment), date);
  else
    byline = g_strdup (date);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  quote_label = new_label (quote, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (quote_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (quote_label), 2);
  gtk_box_append (GTK_BOX (box), quote_label);
  gtk_box_append (GTK_BOX (box), new_label (tr_comment_get_body (comment), NULL));
  gtk_box_append (GTK_BOX (box), new_label (byline, "caption"));

  resolve = gtk_button_new_with_mnemonic (resolved ? _("_Reopen") : _("_Resolve"));
  gtk_widget_add_css_class (resolve, "flat");
  gtk_widget_set_name (resolve, "resolve");
  g_signal_connect_object (resolve, "clicked", G_CALLBACK (resolve_clicked), self, 0);
  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_name (delete, "delete");
  gtk_widget_set_tooltip_text (delete, _("Delete Comment"));
  g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_clicked), self, 0);
  gtk_box_append (GTK_BOX (buttons), resolve);
  gtk_box_append (GTK_BOX (buttons), delete);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), buttons);

  if (resolved)
    gtk_widget_add_css_class (box, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "tr-comment", g_object_ref (comment), g_object_unref);
  return row;
}

void
tr_comments_panel_set_comments (TrCommentsPanel *self,
                                GPtrArray       *comments)
{
  GtkWidget *child;
  guint n_open = 0;

  g_return_if_fail (TR_IS_COMMENTS_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (int pass = 0; pass < 2 && comments != NULL; pass++)
    for (guint i = 0; i < comments->len; i++)
      {
        TrComment *comment = comments->pdata[i];

        if (tr_comment_get_resolved (comment) != (pass == 1))
          continue;
        n_open += pass == 0;
        gtk_list_box_append (self->list, create_row (self, comment));
      }

  if (n_open == 0)
    gtk_label_set_text (self->heading, _("Comments"));
  else
    {
      g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Open Comment",
                                                               "%u Open Comments", n_open),
                                                  n_open);
      gtk_label_set_text (self->heading, heading);
    }
}

GtkListBox *
tr_comments_panel_get_list (TrCommentsPanel *self)
{
  g_return_val_if_fail (TR_IS_COMMENTS_PANEL (self), NULL);
  return self->list;
}

static void
tr_comments_panel_dispose (GObject *object)
{
  tr_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (tr_comments_panel_parent_class)->dispose (object);
}

static void
tr_comments_panel_class_init (TrCommentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_comments_panel_dispose;

  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, TR_TYPE_COMMENT);
  signals[RESOLVE] = g_signal_new ("resolve", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, TR_TYPE_COMMENT,
                                   G_TYPE_BOOLEAN);
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TR_TYPE_COMMENT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comments-panel");
}

static void
tr_comments_panel_init (TrCommentsPanel *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->heading = GTK_LABEL (new_label (_("Comments"), "heading"));
  gtk_widget_set_margin_start (GTK_WIDGET (self->heading), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self->heading), 12);
  gtk_widget_set_parent (GTK_WIDGET (self->heading), GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "comment_list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  self->placeholder = GTK_LABEL (new_label (_("Select text in a section and press Ctrl+Alt+C to comment on it"),
                                            "dim-label"));
  gtk_widget_set_margin_start (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->placeholder), 12);
  gtk_list_box_set_placeholder (self->list, GTK_WIDGET (self->placeholder));
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated), self, 0);
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));
}

GtkWidget *
tr_comments_panel_new (void)
{
  return g_object_new (TR_TYPE_COMMENTS_PANEL, NULL);
}
