/* tr-office-import.c: from an office file's blocks to a report
 *
 * A file of our own carries its report's JSON form (lossless) unless a
 * word processor saved it since, which keeps only its ID and revision;
 * then, as for any other file, the blocks become laid-out lines for the
 * parser of PDF import, headings set in a larger bold face so that its
 * heading rules see them as a PDF's. Sections are found once more here,
 * with the parser's own vocabulary, to place the comments and keep the
 * reviewer's paragraphs of each section for a merge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tr-error.h"
#include "tr-office-document.h"
#include "tr-office-import.h"
#include "tr-office-review-form.h"
#include "tr-parser.h"
#include "tr-parser-headings.h"
#include "tr-photo.h"
#include "tr-report-json.h"
#include "tr-review-json.h"

struct _TrOfficeImport {
  GObject    parent_instance;

  TrReport  *report;
  TrReview  *review;
  GPtrArray *comments;
  GPtrArray *paragraphs[TR_N_SECTIONS];
  GArray    *table_rows[TR_N_SECTIONS];  /* gboolean, of each of paragraphs */
  gint64     revision;
  gboolean   has_identity;
  gboolean   lossless;
  /* The file itself, kept with a report received for review. */
  char      *filename;
  GBytes    *data;
};

G_DEFINE_FINAL_TYPE (TrOfficeImport, tr_office_import, G_TYPE_OBJECT)

static void
tr_office_import_finalize (GObject *object)
{
  TrOfficeImport *self = TR_OFFICE_IMPORT (object);

  g_clear_object (&self->report);
  g_clear_object (&self->review);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->data, g_bytes_unref);
  for (guint i = 0; i < TR_N_SECTIONS; i++)
    {
      g_clear_pointer (&self->paragraphs[i], g_ptr_array_unref);
      g_clear_pointer (&self->table_rows[i], g_array_unref);
    }
  G_OBJECT_CLASS (tr_office_import_parent_class)->finalize (object);
}

static void
tr_office_import_class_init (TrOfficeImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tr_office_import_finalize;
}

static void
tr_office_import_init (TrOfficeImport *self)
{
  self->comments = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < TR_N_SECTIONS; i++)
    {
      self->paragraphs[i] = g_ptr_array_new_with_free_func (g_free);
      self->table_rows[i] = g_array_new (FALSE, FALSE, sizeof (gboolean));
    }
  self->revision = -1;
}

/* Where the body sections are ------------------------------------------- */

#define NO_SECTION ((gint) -1)

/* The section a block opens, NO_SECTION for another part of the report
 * (摘要, 附錄 …), or @current when it opens nothing. */
static gint
section_after (const TrOfficeBlock *block,
               gint                 current)
{
  TrHeading heading;

  if (block->kind != TR_OFFICE_BLOCK_HEADING && block->kind != TR_OFFICE_BLOCK_PARAGRAPH)
    return current;
  /* A heading is a line; a paragraph of body text is not one. */
  if (g_utf8_strlen (block->text, -1) > 40 || strchr (block->text, '\n') != NULL)
    return current;
  if (!tr_parser_match_heading (block->text, &heading) || !heading.exact)
    return current;
  switch (heading.kind)
    {
    case TR_HEADING_SECTION:
      return heading.section;
    case TR_HEADING_COMBINED:
      return TR_SECTION_OBSERVATIONS;
    case TR_HEADING_SUMMARY:
    case TR_HEADING_FORM:
    case TR_HEADING_TOC:
    case TR_HEADING_FRONT:
    case TR_HEADING_BACK:
      return NO_SECTION;
    case TR_HEADING_NONE:
    default:
      return current;
    }
}

/* The section of every block: -1 outside the body. The review form,
 * from block @form on (-1: none), is no part of it. */
static gint *
find_sections (TrOfficeDocument *document,
               gint              form)
{
  gint *sections = g_new (gint, MAX (document->blocks->len, 1));
  gint current = NO_SECTION;

  for (guint i = 0; i < document->blocks->len; i++)
    {
      if (form >= 0 && i >= (guint) form)
        {
          sections[i] = NO_SECTION;
          continue;
        }
      const TrOfficeBlock *block = document->blocks->pdata[i];
      gint next = section_after (block, current);

      /* The heading itself belongs to nothing. */
      sections[i] = next != current ? NO_SECTION : current;
      current = next;
    }
  return sections;
}

/* The report, from the blocks -------------------------------------------- */

#define LINE_MARGIN 72.0
#define LINE_FONT_SIZE 12.0

/* A paragraph is one line as wide as its text, as plain text import lays
 * lines out: a short line ends its paragraph, and the parser joins a line
 * to the next only where it runs to the right margin without ending a
 * sentence. */
static TrLayoutLine *
new_line (const char *text,
          double      y,
          double      font_size,
          gboolean    bold)
{
  TrLayoutLine *line = tr_layout_line_new (text, 0);

  line->x = LINE_MARGIN;
  line->y = y;
  line->height = font_size;
  line->font_size = font_size;
  line->bold = bold;
  line->width = g_utf8_strlen (text, -1) * font_size;
  line->page_width = 595.0;
  line->page_height = G_MAXFLOAT;
  return line;
}

static GPtrArray *
blocks_to_lines (TrOfficeDocument *document)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  double y = LINE_MARGIN;

  for (guint i = 0; i < document->blocks->len; i++)
    {
      const TrOfficeBlock *block = document->blocks->pdata[i];
      g_auto(GStrv) parts = NULL;
      gboolean heading = block->kind == TR_OFFICE_BLOCK_HEADING;
      double size = heading ? LINE_FONT_SIZE + MAX (8.0 - 2.0 * block->level, 2.0) : LINE_FONT_SIZE;

      if (block->kind == TR_OFFICE_BLOCK_PICTURE)
        continue;
      parts = g_strsplit (block->text, "\n", -1);
      for (guint j = 0; parts[j] != NULL; j++)
        {
          if (g_strstrip (parts[j])[0] == '\0')
            continue;
          g_ptr_array_add (lines, new_line (parts[j], y, size, heading));
          y += size * 1.5;
        }
    }
  return lines;
}

/* What tr-report-parser.c does for PDFs, which this library cannot link
 * (poppler). */
static TrReport *
report_from_parsed (TrParsedReport *parsed,
                    const char     *id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  TrReport *report = id != NULL ? tr_report_new_full (id, TR_REPORT_KIND_IMPORTED, now, now)
                                : tr_report_new (TR_REPORT_KIND_IMPORTED);

  for (guint i = 0; i < TR_N_FIELDS; i++)
    tr_report_set_text (report, i, parsed->texts[i]);
  g_list_store_splice (tr_report_get_travellers (report), 0, 0,
                       parsed->travellers->pdata, parsed->travellers->len);
  tr_report_set_keywords (report, (const char * const *) parsed->keywords->pdata);
  tr_report_set_warnings (report, (const char * const *) parsed->warnings->pdata);
  tr_report_set_has_attachments (report, parsed->has_attachments);
  tr_report_set_pages (report, parsed->pages);
  return report;
}

/* The pictures, each captioned by the short paragraph after it. */
static void
add_photos (TrReport         *report,
            TrOfficeDocument *document)
{
  GListStore *photos = tr_report_get_photos (report);
  g_autoptr(GPtrArray) captions = g_ptr_array_new ();
  g_autofree char *appendix = NULL;

  for (guint i = 0; i < document->blocks->len && g_list_model_get_n_items (G_LIST_MODEL (photos)) < TR_REPORT_MAX_PHOTOS; i++)
    {
      const TrOfficeBlock *block = document->blocks->pdata[i];
      const TrOfficeBlock *next = i + 1 < document->blocks->len ? document->blocks->pdata[i + 1] : NULL;
      g_autoptr(TrPhoto) photo = NULL;
      GBytes *data;

      if (block->kind != TR_OFFICE_BLOCK_PICTURE ||
          (data = g_hash_table_lookup (document->pictures, block->picture)) == NULL)
        continue;
      /* Not a picture we can keep (an EMF, a chart): its place is lost,
       * the text is not. */
      photo = tr_photo_new_from_bytes (data, block->picture, NULL);
      if (photo == NULL)
        continue;
      if (next != NULL && next->kind == TR_OFFICE_BLOCK_PARAGRAPH &&
          g_utf8_strlen (next->text, -1) <= 200 && next->text[0] != '\0')
        {
          tr_photo_set_caption (photo, next->text);
          g_ptr_array_add (captions, next->text);
        }
      g_list_store_append (photos, photo);
    }
  g_ptr_array_add (captions, NULL);
  if (tr_parser_remove_caption_lines (tr_report_get_text (report, TR_FIELD_APPENDIX),
                                      (const char * const *) captions->pdata, &appendix) > 0)
    tr_report_set_text (report, TR_FIELD_APPENDIX, appendix);
}

/* Table @rows (tab-separated cells) as a table, or NULL past the limits
 * of one, whose rows then stay text. */
static TrTable *
table_from_rows (GPtrArray  *rows,
                 const char *caption)
{
  guint n_columns = 1;
  TrTable *table;

  if (rows->len > TR_TABLE_MAX_ROWS)
    return NULL;
  for (guint r = 0; r < rows->len; r++)
    n_columns = MAX (n_columns, g_strv_length (rows->pdata[r]));
  if (n_columns > TR_TABLE_MAX_COLUMNS)
    return NULL;
  table = tr_table_new (rows->len, n_columns);
  for (guint r = 0; r < rows->len; r++)
    {
      GStrv cells = rows->pdata[r];

      for (guint c = 0; cells[c] != NULL; c++)
        tr_table_set_cell (table, r, c, g_strstrip (cells[c]));
    }
  /* Report tables head their columns (日期、地點、行程); a file does not
   * always say so. */
  tr_table_set_has_header (table, rows->len > 1);
  if (caption != NULL)
    {
      g_autofree char *text = tr_office_table_caption_text (caption);

      tr_table_set_caption (table, text);
    }
  return table;
}

static void
end_table (TrBody     *body,
           GPtrArray  *rows,
           char      **caption)
{
  g_autoptr(TrTable) table = NULL;

  if (rows->len == 0)
    return;
  table = table_from_rows (rows, *caption);
  if (table != NULL)
    tr_body_append_table (body, table);
  else
    {
      if (*caption != NULL)
        tr_body_append_text (body, *caption);
      for (guint r = 0; r < rows->len; r++)
        {
          g_autofree char *line = g_strjoinv ("\t", rows->pdata[r]);

          tr_body_append_text (body, line);
        }
    }
  g_clear_pointer (caption, g_free);
  g_ptr_array_set_size (rows, 0);
}

/* A Word or Writer file's tables are tables already, which the parser,
 * reading lines, would flatten: a section holding one is made from its
 * blocks, paragraphs as lines and each table's rows a table, with the
 * caption (表 N：…) just above it. */
static void
add_tables (TrReport         *report,
            TrOfficeDocument *document,
            const gint       *sections)
{
  for (guint section = 0; section < TR_N_SECTIONS; section++)
    {
      g_autoptr(TrBody) body = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *caption = NULL;
      gboolean any = FALSE;

      for (guint i = 0; i < document->blocks->len && !any; i++)
        any = sections[i] == (gint) section &&
              ((TrOfficeBlock *) document->blocks->pdata[i])->kind == TR_OFFICE_BLOCK_TABLE_ROW;
      if (!any)
        continue;

      body = tr_body_new ();
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      for (guint i = 0; i < document->blocks->len; i++)
        {
          const TrOfficeBlock *block = document->blocks->pdata[i];
          const TrOfficeBlock *next = i + 1 < document->blocks->len ? document->blocks->pdata[i + 1] : NULL;

          if (sections[i] != (gint) section || block->kind == TR_OFFICE_BLOCK_PICTURE)
            continue;
          if (block->kind == TR_OFFICE_BLOCK_TABLE_ROW)
            {
              if (block->level == 1)
                end_table (body, rows, &caption);
              g_ptr_array_add (rows, g_strsplit (block->text, "\t", -1));
              continue;
            }
          end_table (body, rows, &caption);
          if (block->text[0] == '\0')
            continue;
          if (next != NULL && next->kind == TR_OFFICE_BLOCK_TABLE_ROW && sections[i + 1] == (gint) section &&
              tr_office_is_table_caption (block->text))
            caption = g_strdup (block->text);
          else
            tr_body_append_text (body, block->text);
        }
      end_table (body, rows, &caption);
      tr_body_replace (tr_report_get_body (report, TR_FIELD_FROM_SECTION (section)), body);
    }
}

/* Our own JSON form, checked against the ID the file names. */
static TrReport *
report_from_json (TrOfficeDocument  *document,
                  GError           **error)
{
  gsize size;
  const char *data = g_bytes_get_data (document->report_json, &size);
  g_autoptr(GError) json_error = NULL;
  g_autoptr(TrReport) report = tr_report_new_from_json (data != NULL ? data : "", size, &json_error);

  if (report == NULL)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("The file names report %s but does not hold its structure: %s"),
                   document->report_id != NULL ? document->report_id : "?", json_error->message);
      return NULL;
    }
  if (document->report_id == NULL || g_strcmp0 (document->report_id, tr_report_get_id (report)) != 0)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("The file names report %s but holds the structure of report %s"),
                   document->report_id != NULL ? document->report_id : "?", tr_report_get_id (report));
      return NULL;
    }
  return g_steal_pointer (&report);
}

/* Comments --------------------------------------------------------------- */

static void
add_comments (TrOfficeImport   *self,
              TrOfficeDocument *document,
              const gint       *sections)
{
  for (guint i = 0; i < document->annotations->len; i++)
    {
      const TrOfficeAnnotation *annotation = document->annotations->pdata[i];
      const TrOfficeBlock *block;
      g_autofree char *quote = NULL;
      g_autoptr(TrComment) comment = NULL;
      const char *author;
      const char *text;
      const char *found;
      gint section;

      if (annotation->block >= document->blocks->len)
        continue;
      block = document->blocks->pdata[annotation->block];
      section = sections[annotation->block];
      /* A comment outside the body (on the 提要, the title) is on the
       * report as a whole: the first section takes it. */
      if (section == NO_SECTION)
        section = TR_SECTION_PURPOSE;

      if (annotation->end > annotation->start)
        {
          const char *start = g_utf8_offset_to_pointer (block->text, MIN (annotation->start, g_utf8_strlen (block->text, -1)));
          const char *end = g_utf8_offset_to_pointer (block->text, MIN (annotation->end, g_utf8_strlen (block->text, -1)));

          quote = g_strndup (start, end - start);
        }
      else
        quote = g_strdup (block->text);
      g_strstrip (quote);

      author = annotation->author != NULL && annotation->author[0] != '\0' ? annotation->author : _("Reviewer");
      comment = tr_comment_new (section, 0, 0, quote, annotation->text != NULL ? annotation->text : "", author);
      tr_comment_set_resolved (comment, annotation->resolved);
      if (annotation->date != NULL)
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 (annotation->date, utc);

          if (created != NULL)
            tr_comment_set_created (comment, created);
        }
      /* Its place in the report's text, where the passage is. */
      text = tr_report_get_section (self->report, section);
      if (quote[0] != '\0' && (found = strstr (text, quote)) != NULL)
        {
          guint start = g_utf8_pointer_to_offset (text, found);

          tr_comment_set_range (comment, start, start + g_utf8_strlen (quote, -1));
        }
      g_ptr_array_add (self->comments, g_steal_pointer (&comment));
    }
}

/* The file --------------------------------------------------------------- */

TrOfficeImport *
tr_office_import_new_from_bytes (GBytes      *data,
                                 const char  *filename,
                                 GError     **error)
{
  g_autoptr(TrOfficeImport) self = NULL;
  g_autoptr(TrOfficeDocument) document = NULL;
  g_autofree gint *sections = NULL;
  gint form;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = tr_office_document_read (data, error);
  if (document == NULL)
    return NULL;
  self = g_object_new (TR_TYPE_OFFICE_IMPORT, NULL);
  self->has_identity = document->report_id != NULL;
  self->revision = document->revision;
  self->filename = g_strdup (filename != NULL ? filename : "report.odt");
  self->data = g_bytes_ref (data);
  form = tr_office_review_form_find (document);
  sections = find_sections (document, form);

  if (document->report_json != NULL)
    {
      self->report = report_from_json (document, error);
      if (self->report == NULL)
        return NULL;
      self->lossless = TRUE;
    }
  else
    {
      g_autoptr(GPtrArray) lines = blocks_to_lines (document);
      g_autoptr(TrParsedReport) parsed = tr_parser_parse_lines (lines, 0);

      self->report = report_from_parsed (parsed, document->report_id);
      add_photos (self->report, document);
      add_tables (self->report, document, sections);
      if (filename != NULL)
        tr_report_set_source (self->report, filename, data);
    }

  if (document->review_json != NULL)
    {
      gsize size;
      const char *json = g_bytes_get_data (document->review_json, &size);

      self->review = tr_review_new_from_json (json != NULL ? json : "", size, error);
      if (self->review == NULL)
        return NULL;
    }
  else if (self->has_identity && form >= 0)
    /* Saved by a word processor, which kept the form and dropped our
     * JSON: the form as the reviewer ticked it. */
    self->review = tr_office_review_form_read (document, form);

  for (guint i = 0; i < document->blocks->len; i++)
    {
      const TrOfficeBlock *block = document->blocks->pdata[i];

      /* A heading inside a section (一、…) is one of its lines too, and
       * so is each row of a table, as the library's plain text has it. */
      if (sections[i] != NO_SECTION && block->text[0] != '\0' && block->kind != TR_OFFICE_BLOCK_PICTURE)
        {
          gboolean row = block->kind == TR_OFFICE_BLOCK_TABLE_ROW;

          g_ptr_array_add (self->paragraphs[sections[i]], g_strdup (block->text));
          g_array_append_val (self->table_rows[sections[i]], row);
        }
    }

  /* A file that names a report but where none of its sections are found
   * is not that report, whatever it says. */
  if (self->has_identity)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < document->blocks->len && !any; i++)
        any = section_after (document->blocks->pdata[i], NO_SECTION) != NO_SECTION;
      if (!any)
        {
          g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                       _("The file names report %s but has none of its sections"), document->report_id);
          return NULL;
        }
    }

  add_comments (self, document, sections);
  return g_steal_pointer (&self);
}

TrReport *
tr_office_import_get_report (TrOfficeImport *self)
{
  g_return_val_if_fail (TR_IS_OFFICE_IMPORT (self), NULL);
  return self->report;
}

gboolean
tr_office_import_has_identity (TrOfficeImport *self)
{
  g_return_val_if_fail (TR_IS_OFFICE_IMPORT (self), FALSE);
  return self->has_identity;
}

gint64
tr_office_import_get_revision (TrOfficeImport *self)
{
  g_return_val_if_fail (TR_IS_OFFICE_IMPORT (self), -1);
  return self->revision;
}

gboolean
tr_office_import_is_lossless (TrOfficeImport *self)
{
  g_return_val_if_fail (TR_IS_OFFICE_IMPORT (self), FALSE);
  return self->lossless;
}

TrReview *
tr_office_import_get_review (TrOfficeImport *self)
{
  g_return_val_if_fail (TR_IS_OFFICE_IMPORT (self), NULL);
  return self->review;
}

GPtrArray *
tr_office_import_get_comments (TrOfficeImport *self)
{
  g_return_val_if_fail (TR_IS_OFFICE_IMPORT (self), NULL);
  return self->comments;
}

GPtrArray *
tr_office_import_get_paragraphs (TrOfficeImport *self,
                                 TrSection       section)
{
  g_return_val_if_fail (TR_IS_OFFICE_IMPORT (self), NULL);
  g_return_val_if_fail (section < TR_N_SECTIONS, NULL);
  return self->paragraphs[section];
}

gboolean
tr_office_import_is_table_row (TrOfficeImport *self,
                               TrSection       section,
                               guint           index)
{
  g_return_val_if_fail (TR_IS_OFFICE_IMPORT (self), FALSE);
  g_return_val_if_fail (section < TR_N_SECTIONS, FALSE);
  g_return_val_if_fail (index < self->table_rows[section]->len, FALSE);
  return g_array_index (self->table_rows[section], gboolean, index);
}

gboolean
tr_office_import_receive (TrOfficeImport  *self,
                          TrReportStore   *store,
                          GError         **error)
{
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrReview) review = NULL;
  TrReviewRound round = { 0 };
  TrReviewStatus status;
  const char *id;

  g_return_val_if_fail (TR_IS_OFFICE_IMPORT (self), FALSE);
  g_return_val_if_fail (TR_IS_REPORT_STORE (store), FALSE);

  report = tr_report_copy (self->report);
  id = tr_report_get_id (report);
  /* The file stays with the report: what makes it one received, and what
   * the reviewer can open again as it came. */
  if (tr_report_get_source_filename (report) == NULL)
    tr_report_set_source (report, self->filename, self->data);
  review = self->review != NULL ? tr_review_copy (self->review) : tr_review_new ();
  status = tr_review_get_status (review);

  /* It left its author for review: a draft there is in review here, and
   * a decision the file already carries is taken the way it was made. All
   * of it or, if anything fails, nothing. */
  round.report = report;
  round.review = review;
  round.comments = self->comments;
  round.move_status = TRUE;
  round.status = status == TR_REVIEW_STATUS_RETURNED || status == TR_REVIEW_STATUS_APPROVED
                 ? status : TR_REVIEW_STATUS_SUBMITTED;
  return tr_report_store_save_review_round (store, id, &round, error);
}
