/* tr-report-view.c
 *
 * Everything is selectable and copyable: people read old reports to borrow
 * their wording. One read-only text view holds the whole body so that a
 * selection can run across sections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-date.h"
#include "tr-report-table.h"
#include "tr-warning.h"
#include "tr-report-view.h"

struct _TrReportView
{
  GtkWidget parent_instance;

  TrReport *report;
  GtkScrolledWindow *scroller;
  GtkTextView *text_view;
  GtkTextTag *title_tag;
  GtkTextTag *heading_tag;
  GtkTextTag *label_tag;
  GtkTextTag *warning_tag;
  GtkTextTag *caption_tag;
  GtkTextTag *match_tag;
  /* Cancelled when the report changes: its thumbnails are not wanted. */
  GCancellable *cancellable;
  /* The report's tables (TrReportTable), in its text, and the width of
   * that text, which they fit in; -1 before the view is allocated. */
  GPtrArray *tables;
  int text_width;
  guint fit_tables_source;
};

/* The photos of the appendix, shown at most this big (logical pixels). */
#define PHOTO_WIDTH  360
#define PHOTO_HEIGHT 270

G_DEFINE_FINAL_TYPE (TrReportView, tr_report_view, GTK_TYPE_WIDGET)

static void
append (TrReportView *self,
        const char   *text,
        GtkTextTag   *tag)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags (buffer, &end, text, -1, tag, NULL);
  else
    gtk_text_buffer_insert (buffer, &end, text, -1);
}

static void
append_field (TrReportView *self,
              const char   *label,
              const char   *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  append (self, label, self->label_tag);
  append (self, "　", NULL);
  append (self, value, NULL);
  append (self, "\n", NULL);
}

static void
append_date_field (TrReportView *self,
                   TrField       field)
{
  g_autofree char *minguo = tr_date_format_minguo (tr_report_get_text (self->report, field));

  append_field (self, tr_field_get_label (field),
                minguo != NULL ? minguo : tr_report_get_text (self->report, field));
}

static void
append_part (TrReportView *self,
             const char   *heading,
             const char   *text)
{
  if (text[0] == '\0')
    return;
  append (self, "\n", NULL);
  append (self, heading, self->heading_tag);
  append (self, "\n", NULL);
  append (self, text, NULL);
  append (self, "\n", NULL);
}

/* A body section, or the appendix, with its tables where they stand. */
static void
append_body_part (TrReportView *self,
                  const char   *heading,
                  TrField       field)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  TrBody *body = tr_report_get_body (self->report, field);
  guint n_tables = tr_body_get_n_tables (body);

  if (n_tables == 0)
    {
      append_part (self, heading, tr_body_get_text_run (body, 0));
      return;
    }

  append (self, "\n", NULL);
  append (self, heading, self->heading_tag);
  append (self, "\n", NULL);
  for (guint i = 0; i <= n_tables; i++)
    {
      const char *run = tr_body_get_text_run (body, i);

      if (run[0] != '\0')
        {
          append (self, run, NULL);
          if (!g_str_has_suffix (run, "\n"))
            append (self, "\n", NULL);
        }
      if (i < n_tables)
        {
          GtkTextIter end;
          GtkTextChildAnchor *anchor;
          GtkWidget *table;

          gtk_text_buffer_get_end_iter (buffer, &end);
          anchor = gtk_text_buffer_create_child_anchor (buffer, &end);
          table = tr_report_table_new (tr_body_get_table (body, i),
                                       tr_report_get_table_number (self->report, field, i));
          tr_report_table_set_max_width (TR_REPORT_TABLE (table), self->text_width);
          gtk_text_view_add_child_at_anchor (self->text_view, table, anchor);
          g_ptr_array_add (self->tables, g_object_ref (table));
          append (self, "\n", NULL);
        }
    }
}

typedef struct {
  TrReportView *self;
  GtkTextMark *mark;   /* where the picture goes */
} PhotoSlot;

static void
photo_slot_free (PhotoSlot *slot)
{
  if (!gtk_text_mark_get_deleted (slot->mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (slot->mark), slot->mark);
  g_object_unref (slot->self);
  g_object_unref (slot->mark);
  g_free (slot);
}

static void
thumbnail_ready (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PhotoSlot *slot = user_data;
  /* NULL once the view and its buffer are gone. */
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (slot->mark);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = tr_photo_make_thumbnail_finish (TR_PHOTO (source), result, &error);
  if (pixbuf != NULL && buffer != NULL)
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (pixbuf);
      G_GNUC_END_IGNORE_DEPRECATIONS
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, slot->mark);
      gtk_text_buffer_insert_paintable (buffer, &iter, GDK_PAINTABLE (texture));
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("No picture for photo %s: %s", tr_photo_get_id (TR_PHOTO (source)), error->message);
  photo_slot_free (slot);
}

/* Each photo as its caption line, 照片 1：…, with the picture above it
 * once it is decoded (off the main thread). */
static void
append_photos (TrReportView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (self->report));
  guint n_photos = g_list_model_get_n_items (photos);

  if (n_photos > 0 && tr_report_get_text (self->report, TR_FIELD_APPENDIX)[0] == '\0')
    {
      append (self, "\n", NULL);
      append (self, "附錄", self->heading_tag);
      append (self, "\n", NULL);
    }
  for (guint i = 0; i < n_photos; i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);
      const char *caption = tr_photo_get_caption (photo);
      g_autofree char *line = caption[0] != '\0' ? g_strdup_printf ("照片 %u：%s", i + 1, caption)
                                                  : g_strdup_printf ("照片 %u", i + 1);
      PhotoSlot *slot = g_new0 (PhotoSlot, 1);
      GtkTextIter end;

      append (self, "\n", NULL);
      gtk_text_buffer_get_end_iter (buffer, &end);
      slot->self = g_object_ref (self);
      slot->mark = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &end, TRUE));
      append (self, "\n", NULL);
      append (self, line, self->caption_tag);
      append (self, "\n", NULL);
      tr_photo_make_thumbnail_async (photo, PHOTO_WIDTH, PHOTO_HEIGHT, self->cancellable,
                                     thumbnail_ready, slot);
    }
}

static void
rebuild (TrReportView *self)
{
  static const char * const section_numbers[TR_N_SECTIONS] = { "壹", "貳", "參", "肆" };
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  static const TrField plain_fields[] = {
    TR_FIELD_AGENCY, TR_FIELD_CONTACT, TR_FIELD_PHONE, TR_FIELD_CATEGORY,
    TR_FIELD_CATEGORY_OTHER, TR_FIELD_DESTINATION, TR_FIELD_CLASSIFICATION,
  };
  GListModel *travellers;
  g_autofree char *keywords = NULL;
  const char * const *warnings;
  const char *title;

  gtk_text_buffer_set_text (buffer, "", 0);
  g_ptr_array_set_size (self->tables, 0);
  if (self->report == NULL)
    return;

  title = tr_report_get_text (self->report, TR_FIELD_TITLE);
  append (self, title[0] != '\0' ? title : _("Untitled Report"), self->title_tag);
  append (self, "\n", NULL);

  warnings = tr_report_get_warnings (self->report);
  for (guint i = 0; warnings[i] != NULL; i++)
    {
      g_autofree char *warning = tr_warning_format (warnings[i]);

      append (self, warning, self->warning_tag);
      append (self, "\n", NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (plain_fields); i++)
    append_field (self, tr_field_get_label (plain_fields[i]),
                  tr_report_get_text (self->report, plain_fields[i]));
  append_date_field (self, TR_FIELD_PERIOD_START);
  append_date_field (self, TR_FIELD_PERIOD_END);
  append_date_field (self, TR_FIELD_REPORT_DATE);

  travellers = G_LIST_MODEL (tr_report_get_travellers (self->report));
  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);
      g_autofree char *line = g_strjoin ("　",
                                         tr_traveller_get (traveller, TR_TRAVELLER_NAME),
                                         tr_traveller_get (traveller, TR_TRAVELLER_AGENCY),
                                         tr_traveller_get (traveller, TR_TRAVELLER_UNIT),
                                         tr_traveller_get (traveller, TR_TRAVELLER_TITLE),
                                         NULL);

      append_field (self, _("Traveller"), g_strstrip (line));
    }

  keywords = g_strjoinv ("、", (char **) tr_report_get_keywords (self->report));
  append_field (self, _("Keywords"), keywords);

  append_part (self, "摘要", tr_report_get_text (self->report, TR_FIELD_SUMMARY));
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      g_autofree char *heading = g_strdup_printf ("%s、%s", section_numbers[s],
                                                  tr_section_get_heading (s));

      append_body_part (self, heading, TR_FIELD_FROM_SECTION (s));
    }
  append_body_part (self, "附錄", TR_FIELD_APPENDIX);
  append_photos (self);
  append_part (self, _("Text not placed in a section"),
               tr_report_get_text (self->report, TR_FIELD_UNCLASSIFIED));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
tr_report_view_dispose (GObject *object)
{
  TrReportView *self = TR_REPORT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->report);
  g_clear_handle_id (&self->fit_tables_source, g_source_remove);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  if (self->scroller != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->scroller));
      self->scroller = NULL;
    }

  G_OBJECT_CLASS (tr_report_view_parent_class)->dispose (object);
}

static gboolean
fit_tables (gpointer user_data)
{
  TrReportView *self = user_data;

  self->fit_tables_source = 0;
  for (guint i = 0; i < self->tables->len; i++)
    tr_report_table_set_max_width (g_ptr_array_index (self->tables, i), self->text_width);
  return G_SOURCE_REMOVE;
}

/* The tables fit in the text's width, which changes with the view's: once
 * the view is allocated, as a table that changes size while the text view
 * lays its lines out is not placed again. */
static void
tr_report_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  TrReportView *self = TR_REPORT_VIEW (widget);
  int text_width = MAX (width - gtk_text_view_get_left_margin (self->text_view) -
                        gtk_text_view_get_right_margin (self->text_view), 0);

  if (text_width != self->text_width)
    {
      self->text_width = text_width;
      if (self->tables->len > 0 && self->fit_tables_source == 0)
        self->fit_tables_source = g_idle_add (fit_tables, self);
    }
  gtk_widget_allocate (GTK_WIDGET (self->scroller), width, height, baseline, NULL);
}

static GtkSizeRequestMode
tr_report_view_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (GTK_WIDGET (TR_REPORT_VIEW (widget)->scroller));
}

static void
tr_report_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  TrReportView *self = TR_REPORT_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->scroller), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
tr_report_view_class_init (TrReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_report_view_dispose;
  /* Not a GtkBinLayout: the view follows its width (size_allocate). */
  widget_class->get_request_mode = tr_report_view_get_request_mode;
  widget_class->measure = tr_report_view_measure;
  widget_class->size_allocate = tr_report_view_size_allocate;
}

static void
tr_report_view_init (TrReportView *self)
{
  GtkTextBuffer *buffer;

  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
  self->text_width = -1;
  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_cursor_visible (self->text_view, FALSE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, 24);
  gtk_text_view_set_right_margin (self->text_view, 24);
  gtk_text_view_set_top_margin (self->text_view, 18);
  gtk_text_view_set_bottom_margin (self->text_view, 36);
  gtk_text_view_set_pixels_below_lines (self->text_view, 6);
  gtk_text_view_set_pixels_inside_wrap (self->text_view, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report text"), -1);

  buffer = gtk_text_view_get_buffer (self->text_view);
  self->title_tag = gtk_text_buffer_create_tag (buffer, "title", "scale", 1.6,
                                                "weight", PANGO_WEIGHT_BOLD,
                                                "pixels-below-lines", 12, NULL);
  self->heading_tag = gtk_text_buffer_create_tag (buffer, "heading", "scale", 1.25,
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  "pixels-above-lines", 12, NULL);
  self->label_tag = gtk_text_buffer_create_tag (buffer, "label", "weight", PANGO_WEIGHT_BOLD, NULL);
  self->caption_tag = gtk_text_buffer_create_tag (buffer, "caption", "scale", 0.9, NULL);
  self->match_tag = gtk_text_buffer_create_tag (buffer, "search-match",
                                                "background-rgba", &(GdkRGBA) { 0.98, 0.85, 0.2, 0.5 },
                                                NULL);
  self->cancellable = g_cancellable_new ();
  self->warning_tag = gtk_text_buffer_create_tag (buffer, "warning", "style", PANGO_STYLE_ITALIC,
                                                  "foreground", "#9c6e03", NULL);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  /* Not NEVER: the pane would be as wide as the widest table asks, and
   * could not be narrowed; the tables fit its width instead. */
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_EXTERNAL, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->text_view));
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));
}

GtkWidget *
tr_report_view_new (void)
{
  return g_object_new (TR_TYPE_REPORT_VIEW, NULL);
}

TrReport *
tr_report_view_get_report (TrReportView *self)
{
  g_return_val_if_fail (TR_IS_REPORT_VIEW (self), NULL);
  return self->report;
}

void
tr_report_view_set_report (TrReportView *self,
                           TrReport     *report)
{
  g_return_if_fail (TR_IS_REPORT_VIEW (self));

  if (g_set_object (&self->report, report))
    {
      g_cancellable_cancel (self->cancellable);
      g_object_unref (self->cancellable);
      self->cancellable = g_cancellable_new ();
      rebuild (self);
    }
}

guint
tr_report_view_highlight (TrReportView *self,
                          const char   *query)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end, first, title_end;
  g_autoptr(GString) spaced = NULL;
  g_auto(GStrv) words = NULL;
  gboolean found_first = FALSE;
  guint count = 0;

  g_return_val_if_fail (TR_IS_REPORT_VIEW (self), 0);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
  if (query == NULL)
    return 0;

  /* The library splits words at the ideographic space too. */
  spaced = g_string_new (query);
  g_string_replace (spaced, "　", " ", 0);
  words = g_strsplit_set (spaced->str, " \t\n", -1);
  gtk_text_buffer_get_start_iter (buffer, &title_end);
  gtk_text_iter_forward_line (&title_end);

  for (guint i = 0; words[i] != NULL; i++)
    {
      GtkTextIter from, match_start, match_end;

      if (words[i][0] == '\0')
        continue;
      gtk_text_buffer_get_start_iter (buffer, &from);
      while (gtk_text_iter_forward_search (&from, words[i],
                                           GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                           &match_start, &match_end, NULL))
        {
          gtk_text_buffer_apply_tag (buffer, self->match_tag, &match_start, &match_end);
          count++;
          /* The title is in view already: the text is what was looked for. */
          if (gtk_text_iter_compare (&match_start, &title_end) >= 0 &&
              (!found_first || gtk_text_iter_compare (&match_start, &first) < 0))
            {
              first = match_start;
              found_first = TRUE;
            }
          from = match_end;
        }
    }

  if (found_first)
    {
      GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "search-first");

      if (mark == NULL)
        mark = gtk_text_buffer_create_mark (buffer, "search-first", &first, TRUE);
      else
        gtk_text_buffer_move_mark (buffer, mark, &first);
      /* Through a mark: the view may not be laid out yet. */
      gtk_text_view_scroll_to_mark (self->text_view, mark, 0.0, TRUE, 0.0, 0.3);
    }
  return count;
}
