/* tr-library-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-date.h"
#include "tr-widget-util.h"
#include "tr-library-row.h"

#include <string.h>

struct _TrLibraryRow
{
  GtkWidget parent_instance;

  GtkLabel *title_label;
  GtkLabel *kind_label;
  GtkLabel *details_label;
  GtkLabel *snippet_label;
};

G_DEFINE_FINAL_TYPE (TrLibraryRow, tr_library_row, GTK_TYPE_WIDGET)

char *
tr_format_period (const char *start,
                  const char *end)
{
  g_autofree char *start_minguo = tr_date_format_minguo (start);
  g_autofree char *end_minguo = tr_date_format_minguo (end);

  if (start_minguo != NULL && end_minguo != NULL)
    return g_strdup_printf ("%s–%s", start_minguo, end_minguo);
  return g_strdup (start_minguo != NULL ? start_minguo : end_minguo);
}

static void
tr_library_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TR_TYPE_LIBRARY_ROW);
  tr_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (tr_library_row_parent_class)->dispose (object);
}

static void
tr_library_row_class_init (TrLibraryRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tr_library_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/TripReports/library/tr-library-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrLibraryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrLibraryRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, TrLibraryRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, TrLibraryRow, snippet_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
tr_library_row_init (TrLibraryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 3);
}

GtkWidget *
tr_library_row_new (void)
{
  return g_object_new (TR_TYPE_LIBRARY_ROW, NULL);
}

/* The snippet's match markers become bold; everything else is escaped. */
static char *
snippet_markup (TrReportInfo *info)
{
  const char *snippet = tr_report_info_get_snippet (info);
  GString *markup;
  gboolean in_match = FALSE;

  if (snippet == NULL)
    return NULL;

  markup = g_string_new (NULL);
  for (const char *p = snippet; *p != '\0'; )
    {
      const char *next = strpbrk (p, TR_SNIPPET_MATCH_START TR_SNIPPET_MATCH_END);
      g_autofree char *escaped = g_markup_escape_text (p, next != NULL ? next - p : -1);

      g_string_append (markup, escaped);
      if (next == NULL)
        break;
      in_match = (*next == TR_SNIPPET_MATCH_START[0]);
      g_string_append (markup, in_match ? "<b>" : "</b>");
      p = next + 1;
    }
  if (in_match)
    g_string_append (markup, "</b>");
  /* Newlines inside a snippet would waste the two lines it has. */
  g_strdelimit (markup->str, "\n\r\t", ' ');
  return g_string_free (markup, FALSE);
}

void
tr_library_row_set_info (TrLibraryRow *self,
                         TrReportInfo *info)
{
  g_autofree char *period = NULL;
  g_autofree char *details = NULL;
  g_autofree char *snippet = NULL;
  static const char * const status_classes[TR_N_REVIEW_STATUSES] = {
    "status-draft", "status-submitted", "status-returned", "status-approved",
  };
  const char *title, *destination, *badge;
  TrReviewStatus status;
  gboolean imported;

  g_return_if_fail (TR_IS_LIBRARY_ROW (self));

  if (info == NULL)
    return;

  title = tr_report_info_get_title (info);
  gtk_label_set_text (self->title_label, title[0] != '\0' ? title : _("Untitled Report"));

  imported = tr_report_info_get_kind (info) == TR_REPORT_KIND_IMPORTED;
  status = tr_report_info_get_status (info);
  /* A draft in review says where it is in the workflow instead. */
  if (imported)
    badge = _("Imported");
  else if (status == TR_REVIEW_STATUS_SUBMITTED)
    badge = C_("review status", "Submitted");
  else if (status == TR_REVIEW_STATUS_RETURNED)
    badge = C_("review status", "Returned");
  else if (status == TR_REVIEW_STATUS_APPROVED)
    badge = C_("review status", "Approved");
  else
    badge = _("Draft");
  gtk_label_set_text (self->kind_label, badge);
  if (imported)
    gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), "imported");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->kind_label), "imported");
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->kind_label), status_classes[i]);
  if (!imported)
    gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), status_classes[status]);

  period = tr_format_period (tr_report_info_get_period_start (info),
                             tr_report_info_get_period_end (info));
  destination = tr_report_info_get_destination (info);
  if (period != NULL && destination[0] != '\0')
    details = g_strdup_printf ("%s · %s", period, destination);
  else if (period != NULL || destination[0] != '\0')
    details = g_strdup (period != NULL ? period : destination);
  else
    details = g_strdup (_("No dates yet"));
  gtk_label_set_text (self->details_label, details);

  snippet = snippet_markup (info);
  gtk_label_set_markup (self->snippet_label, snippet != NULL ? snippet : "");
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), snippet != NULL);
}
