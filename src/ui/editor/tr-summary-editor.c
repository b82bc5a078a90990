/* tr-summary-editor.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-completeness.h"
#include "tr-summary-editor.h"

struct _TrSummaryEditor
{
  TrSectionEditor parent_instance;
};

G_DEFINE_FINAL_TYPE (TrSummaryEditor, tr_summary_editor, TR_TYPE_SECTION_EDITOR)

static char *
tr_summary_editor_format_count (TrSectionEditor *editor)
{
  /* A summary is a few hundred characters: copying it is cheap. */
  g_autofree char *text = tr_section_editor_dup_text (editor);
  guint count = tr_count_chinese_characters (text);
  GtkWidget *label = GTK_WIDGET (tr_section_editor_get_count_label (editor));
  gboolean in_range = count >= TR_SUMMARY_MIN_CHARACTERS && count <= TR_SUMMARY_MAX_CHARACTERS;

  /* The marker: red outside the range, green inside it. */
  if (in_range)
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "success");
    }
  else
    {
      gtk_widget_remove_css_class (label, "success");
      gtk_widget_add_css_class (label, "error");
    }

  /* TRANSLATORS: the live count of the summary; the range is the rule */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u Chinese character (%u–%u)",
                                       "%u Chinese characters (%u–%u)", count),
                          count, TR_SUMMARY_MIN_CHARACTERS, TR_SUMMARY_MAX_CHARACTERS);
}

static void
tr_summary_editor_class_init (TrSummaryEditorClass *klass)
{
  TrSectionEditorClass *section_class = TR_SECTION_EDITOR_CLASS (klass);

  section_class->format_count = tr_summary_editor_format_count;
}

static void
tr_summary_editor_init (TrSummaryEditor *self)
{
  g_autofree char *tooltip = NULL;

  tr_section_editor_set_heading (TR_SECTION_EDITOR (self), "摘要");
  gtk_widget_set_name (GTK_WIDGET (self), "summary");
  tooltip = g_strdup_printf (_("Only Chinese characters count; the summary needs %u to %u"),
                             TR_SUMMARY_MIN_CHARACTERS, TR_SUMMARY_MAX_CHARACTERS);
  gtk_widget_set_tooltip_text (GTK_WIDGET (tr_section_editor_get_count_label (TR_SECTION_EDITOR (self))),
                               tooltip);
}

GtkWidget *
tr_summary_editor_new (void)
{
  return g_object_new (TR_TYPE_SUMMARY_EDITOR, NULL);
}
