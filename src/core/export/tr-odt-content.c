/* tr-odt-content.c: content.xml and meta.xml of an exported document
 *
 * Walks the laid-out document (tr-document.h) in order. Paragraphs only
 * name styles from styles.xml; the automatic styles here are the ones ODF
 * has no other place for (a page break before a heading, table geometry)
 * and the review form's own paragraph styles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-odt-private.h"

typedef struct {
  TrOdtXml    xml;
  TrDocument *document;
  guint       n_annotations;
} Builder;

static void
write_paragraph (TrOdtXml   *xml,
                 const char *style,
                 const char *text)
{
  tr_odt_xml_start (xml, "text:p");
  tr_odt_xml_attr (xml, "text:style-name", style);
  tr_odt_xml_odf_text (xml, text);
  tr_odt_xml_end (xml);
}

/* Annotations ----------------------------------------------------------- */

/* Where a comment's passage starts or ends, as a byte offset in the text of
 * its section. */
typedef struct {
  gsize      offset;
  gboolean   start;
  TrComment *comment;
  char      *name;     /* NULL for a comment on an empty passage: no end */
} Mark;

typedef struct {
  GArray *marks;  /* Mark, by offset */
  guint   next;
} Marks;

static void
mark_clear (Mark *mark)
{
  g_free (mark->name);
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *x = a, *y = b;

  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  /* At one place, what ends comes before what starts. */
  return (int) x->start - (int) y->start;
}

static void
write_annotation_body (TrOdtXml   *xml,
                       TrComment  *comment)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (tr_comment_get_created (comment));
  g_autofree char *date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  g_auto(GStrv) lines = g_strsplit (tr_comment_get_body (comment), "\n", -1);

  if (tr_comment_get_author (comment)[0] != '\0')
    {
      tr_odt_xml_start (xml, "dc:creator");
      tr_odt_xml_string (xml, tr_comment_get_author (comment));
      tr_odt_xml_end (xml);
    }
  tr_odt_xml_start (xml, "dc:date");
  tr_odt_xml_string (xml, date);
  tr_odt_xml_end (xml);
  /* An annotation holds at least one paragraph. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      tr_odt_xml_start (xml, "text:p");
      tr_odt_xml_odf_text (xml, lines[i]);
      tr_odt_xml_end (xml);
    }
}

static void
write_mark (TrOdtXml   *xml,
            const Mark *mark)
{
  if (!mark->start)
    {
      tr_odt_xml_empty (xml, "office:annotation-end", "office:name", mark->name, NULL);
      return;
    }
  tr_odt_xml_start (xml, "office:annotation");
  if (mark->name != NULL)
    tr_odt_xml_attr (xml, "office:name", mark->name);
  write_annotation_body (xml, mark->comment);
  tr_odt_xml_end (xml);
}

/* Writes every mark before @offset (or at it, with @inclusive). */
static void
write_marks_before (TrOdtXml *xml,
                    Marks    *marks,
                    gsize     offset,
                    gboolean  inclusive)
{
  if (marks == NULL)
    return;
  while (marks->next < marks->marks->len)
    {
      const Mark *mark = &g_array_index (marks->marks, Mark, marks->next);

      if (mark->offset > offset || (mark->offset == offset && !inclusive))
        break;
      write_mark (xml, mark);
      marks->next++;
    }
}

/* Bytes [@from, @to) of the section, whose text there is @text (the same
 * bytes, or what replaces them: a tab for the spaces after "1."), with the
 * marks that fall inside. */
static void
write_span (TrOdtXml   *xml,
            Marks      *marks,
            gsize       from,
            gsize       to,
            const char *text,
            gboolean    replaced)
{
  gsize done = 0;

  write_marks_before (xml, marks, from, TRUE);
  if (marks != NULL && !replaced)
    {
      while (marks->next < marks->marks->len)
        {
          const Mark *mark = &g_array_index (marks->marks, Mark, marks->next);
          g_autofree char *piece = NULL;

          if (mark->offset >= to)
            break;
          piece = g_strndup (text + done, mark->offset - from - done);
          tr_odt_xml_odf_text (xml, piece);
          done = mark->offset - from;
          write_marks_before (xml, marks, mark->offset, TRUE);
        }
    }
  tr_odt_xml_odf_text (xml, text + done);
  if (replaced)
    write_marks_before (xml, marks, to, FALSE);
}

/* The marks of the comments on @field that are not resolved and whose
 * passage is still in @text; NULL when there are none. */
static Marks *
collect_marks (Builder    *self,
               TrField     field,
               const char *text)
{
  Marks *marks;

  if (self->document->comments->len == 0 || field < TR_FIELD_PURPOSE || field > TR_FIELD_RECOMMENDATIONS)
    return NULL;

  marks = g_new0 (Marks, 1);
  marks->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_array_set_clear_func (marks->marks, (GDestroyNotify) mark_clear);
  for (guint i = 0; i < self->document->comments->len; i++)
    {
      TrComment *comment = self->document->comments->pdata[i];
      guint start, end;
      Mark mark = { 0 };

      if (TR_FIELD_FROM_SECTION (tr_comment_get_section (comment)) != field)
        continue;
      /* A passage rewritten since is still worth its comment, at its old place. */
      tr_comment_anchor (comment, text, &start, &end);

      mark.offset = g_utf8_offset_to_pointer (text, start) - text;
      mark.start = TRUE;
      mark.comment = comment;
      if (end > start)
        mark.name = g_strdup_printf ("__Annotation__tr%u", ++self->n_annotations);
      g_array_append_val (marks->marks, mark);
      if (end > start)
        {
          Mark end_mark = { 0 };

          end_mark.offset = g_utf8_offset_to_pointer (text, end) - text;
          end_mark.comment = comment;
          end_mark.name = g_strdup (mark.name);
          g_array_append_val (marks->marks, end_mark);
        }
    }
  if (marks->marks->len == 0)
    {
      g_array_unref (marks->marks);
      g_free (marks);
      return NULL;
    }
  g_array_sort (marks->marks, compare_marks);
  return marks;
}

static void
marks_free (Marks *marks)
{
  if (marks == NULL)
    return;
  g_array_unref (marks->marks);
  g_free (marks);
}

/* A paragraph of the document. With @marks (or NULL), one of a section
 * whose comments' marks fall in it, placed by its source offsets. */
static void
write_doc_paragraph (TrOdtXml       *xml,
                     TrDocParagraph *paragraph,
                     Marks          *marks)
{
  const TrDocSource *source = &paragraph->source;

  tr_odt_xml_start (xml, "text:p");
  tr_odt_xml_attr (xml, "text:style-name", tr_odt_style_name (paragraph->style));
  if (paragraph->field == TR_DOC_FIELD_PAGE_COUNT && paragraph->text[0] == '\0')
    {
      /* Not counted yet: the pages the reader's word processor lays out. */
      tr_odt_xml_start (xml, "text:page-count");
      tr_odt_xml_end (xml);
    }
  else if (!paragraph->has_source)
    {
      if (paragraph->marker != NULL)
        {
          tr_odt_xml_odf_text (xml, paragraph->marker);
          tr_odt_xml_empty (xml, "text:tab", NULL);
        }
      tr_odt_xml_odf_text (xml, paragraph->text);
    }
  else if (paragraph->marker != NULL)
    {
      gsize marker_end = source->start + strlen (paragraph->marker);

      /* The tab stands for the spaces after the marker in the source. */
      write_span (xml, marks, source->start, marker_end, paragraph->marker, FALSE);
      write_span (xml, marks, marker_end, source->text_start, "\t", TRUE);
      write_span (xml, marks, source->text_start, source->text_start + strlen (paragraph->text),
                  paragraph->text, FALSE);
    }
  else
    write_span (xml, marks, source->start, source->start + strlen (paragraph->text),
                paragraph->text, FALSE);
  /* What ends in the spaces after the line ends with it. */
  if (paragraph->has_source)
    write_marks_before (xml, marks, source->next, FALSE);
  tr_odt_xml_end (xml);
}

/* Tables --------------------------------------------------------------- */

/* The names of a table's automatic styles: its own, its columns' (.A, .B
 * …), its cells' and its rows' that need one. */
static char *
table_style_name (TrDocTable *table,
                  guint       index)
{
  switch (table->kind)
    {
    case TR_DOC_TABLE_FORM:
      return g_strdup ("TrForm");
    case TR_DOC_TABLE_PHOTOS:
      return g_strdup ("TrPhotos");
    case TR_DOC_TABLE_REVIEW_HEADER:
      return g_strdup ("TrReviewHeader");
    case TR_DOC_TABLE_REVIEW_ITEMS:
      return g_strdup ("TrReviewItems");
    case TR_DOC_TABLE_REVIEW_SIGNATURES:
      return g_strdup ("TrReviewSignatures");
    case TR_DOC_TABLE_DATA:
    default:
      return g_strdup_printf ("TrTable%u", index + 1);
    }
}

static char *
column_style_name (const char *table_style,
                   guint       column)
{
  /* Spreadsheet-like names: A … Z, then AA …, as LibreOffice names them. */
  GString *name = g_string_new (table_style);
  char letters[8];
  int n = 0;

  g_string_append_c (name, '.');
  column++;
  while (column > 0 && n < (int) sizeof letters)
    {
      letters[n++] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (name, letters[--n]);
  return g_string_free (name, FALSE);
}

static const char *
valign_value (TrDocVAlign valign)
{
  switch (valign)
    {
    case TR_DOC_VALIGN_TOP:
      return "top";
    case TR_DOC_VALIGN_BOTTOM:
      return "bottom";
    case TR_DOC_VALIGN_MIDDLE:
    default:
      return "middle";
    }
}

/* Rows alike share a style, named after what it sets: a table of a
 * thousand rows kept together has one. NULL for a row that needs none. */
static char *
row_style_name (const char *table_style,
                TrDocRow   *row)
{
  if (row->min_height <= 0 && !row->keep_together)
    return NULL;
  return g_strdup_printf ("%s.Row%s%.0f", table_style, row->keep_together ? "Kept" : "",
                          MAX (row->min_height, 0) * 100);
}

static void
write_table_styles (TrOdtXml   *xml,
                    TrDocTable *table,
                    guint       index)
{
  g_autofree char *name = table_style_name (table, index);
  g_autofree char *cell = g_strconcat (name, ".Cell", NULL);
  g_autofree char *padding = tr_odt_format_length (table->padding);
  g_autoptr(GHashTable) row_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double width = 0;

  for (guint i = 0; i < table->n_columns; i++)
    width += table->column_widths[i];

  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", name);
  tr_odt_xml_attr (xml, "style:family", "table");
  tr_odt_xml_start (xml, "style:table-properties");
  {
    g_autofree char *length = tr_odt_format_length (width);

    tr_odt_xml_attr (xml, "style:width", length);
  }
  tr_odt_xml_attr (xml, "table:align", "margins");
  if (table->space_before > 0)
    {
      g_autofree char *length = tr_odt_format_length (table->space_before);

      tr_odt_xml_attr (xml, "fo:margin-top", length);
    }
  if (table->space_after > 0)
    {
      g_autofree char *length = tr_odt_format_length (table->space_after);

      tr_odt_xml_attr (xml, "fo:margin-bottom", length);
    }
  /* Neighbouring cells share one line, not two. */
  if (table->borders)
    tr_odt_xml_attr (xml, "table:border-model", "collapsing");
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *column = column_style_name (name, i);
      g_autofree char *length = tr_odt_format_length (table->column_widths[i]);

      tr_odt_xml_start (xml, "style:style");
      tr_odt_xml_attr (xml, "style:name", column);
      tr_odt_xml_attr (xml, "style:family", "table-column");
      tr_odt_xml_empty (xml, "style:table-column-properties", "style:column-width", length, NULL);
      tr_odt_xml_end (xml);
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      TrDocRow *row = g_ptr_array_index (table->rows, r);
      char *row_name = row_style_name (name, row);

      if (row_name == NULL || !g_hash_table_add (row_styles, row_name))
        continue;
      tr_odt_xml_start (xml, "style:style");
      tr_odt_xml_attr (xml, "style:name", row_name);
      tr_odt_xml_attr (xml, "style:family", "table-row");
      tr_odt_xml_start (xml, "style:table-row-properties");
      if (row->min_height > 0)
        {
          g_autofree char *length = tr_odt_format_length (row->min_height);

          tr_odt_xml_attr (xml, "style:min-row-height", length);
        }
      if (row->keep_together)
        tr_odt_xml_attr (xml, "fo:keep-together", "always");
      tr_odt_xml_end (xml);
      tr_odt_xml_end (xml);
    }

  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", cell);
  tr_odt_xml_attr (xml, "style:family", "table-cell");
  tr_odt_xml_start (xml, "style:table-cell-properties");
  tr_odt_xml_attr (xml, "fo:padding", padding);
  tr_odt_xml_attr (xml, "fo:border", table->borders ? "0.5pt solid #000000" : "none");
  tr_odt_xml_attr (xml, "style:vertical-align", valign_value (table->valign));
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);
}

static void
write_row (TrOdtXml   *xml,
           TrDocTable *table,
           guint       r,
           const char *name,
           const char *cell_style,
           Marks      *marks)
{
  TrDocRow *row = g_ptr_array_index (table->rows, r);
  g_autofree char *row_name = row_style_name (name, row);

  tr_odt_xml_start (xml, "table:table-row");
  if (row_name != NULL)
    tr_odt_xml_attr (xml, "table:style-name", row_name);
  for (guint c = 0; c < row->cells->len; c++)
    {
      TrDocCell *cell = g_ptr_array_index (row->cells, c);

      if (cell->covered)
        {
          tr_odt_xml_empty (xml, "table:covered-table-cell", NULL);
          continue;
        }
      tr_odt_xml_start_cell (xml, cell_style, cell->column_span, cell->row_span);
      if (cell->photo != NULL)
        tr_odt_write_photo (xml, cell->photo);
      for (guint i = 0; i < cell->paragraphs->len; i++)
        {
          TrDocParagraph *paragraph = g_ptr_array_index (cell->paragraphs, i);

          write_doc_paragraph (xml, paragraph, paragraph->has_source ? marks : NULL);
        }
      /* A cell holds at least one paragraph. */
      if (cell->photo == NULL && cell->paragraphs->len == 0)
        tr_odt_xml_empty (xml, "text:p", NULL);
      tr_odt_xml_end (xml);
    }
  tr_odt_xml_end (xml);
}

/* With @marks, those of the comments on the text of the cells go into
 * them, where their passages are. */
static void
write_table (TrOdtXml   *xml,
             TrDocTable *table,
             guint       index,
             Marks      *marks)
{
  g_autofree char *name = table_style_name (table, index);
  g_autofree char *cell_style = g_strconcat (name, ".Cell", NULL);

  if (table->caption != NULL)
    write_doc_paragraph (xml, table->caption, NULL);

  tr_odt_xml_start (xml, "table:table");
  tr_odt_xml_attr (xml, "table:name", table->name);
  tr_odt_xml_attr (xml, "table:style-name", name);
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *column = column_style_name (name, i);

      tr_odt_xml_empty (xml, "table:table-column", "table:style-name", column, NULL);
    }
  /* Word processors repeat these rows on each page the table runs on. */
  if (table->n_header_rows > 0)
    {
      tr_odt_xml_start (xml, "table:table-header-rows");
      for (guint r = 0; r < MIN (table->n_header_rows, table->rows->len); r++)
        write_row (xml, table, r, name, cell_style, marks);
      tr_odt_xml_end (xml);
    }
  for (guint r = table->n_header_rows; r < table->rows->len; r++)
    write_row (xml, table, r, name, cell_style, marks);
  tr_odt_xml_end (xml);
}

/* 目次 and the body ---------------------------------------------------- */

/* A real table of contents, so that LibreOffice can refresh it, filled in
 * as it would fill it. The page numbers are references to bookmarks on the
 * headings, which LibreOffice computes as it lays the pages out: the table
 * is right before anybody refreshes it. */
static void
write_contents (TrOdtXml      *xml,
                TrDocContents *contents)
{
  const char *title_style = tr_odt_style_name (TR_DOC_STYLE_CONTENTS_TITLE);
  const char *entry_style = tr_odt_style_name (TR_DOC_STYLE_CONTENTS_ENTRY);
  g_autofree char *title_name = g_strconcat (contents->title, "_Head", NULL);

  tr_odt_xml_start (xml, "text:table-of-content");
  tr_odt_xml_attr (xml, "text:name", contents->title);
  tr_odt_xml_attr (xml, "text:protected", "true");

  tr_odt_xml_start (xml, "text:table-of-content-source");
  tr_odt_xml_attr (xml, "text:outline-level", "1");
  tr_odt_xml_attr (xml, "text:use-index-marks", "false");
  tr_odt_xml_start (xml, "text:index-title-template");
  tr_odt_xml_attr (xml, "text:style-name", title_style);
  tr_odt_xml_string (xml, contents->title);
  tr_odt_xml_end (xml);
  tr_odt_xml_start (xml, "text:table-of-content-entry-template");
  tr_odt_xml_attr (xml, "text:outline-level", "1");
  tr_odt_xml_attr (xml, "text:style-name", entry_style);
  tr_odt_xml_empty (xml, "text:index-entry-link-start", "text:style-name", "Index_20_Link", NULL);
  tr_odt_xml_empty (xml, "text:index-entry-chapter", NULL);
  tr_odt_xml_empty (xml, "text:index-entry-text", NULL);
  tr_odt_xml_empty (xml, "text:index-entry-tab-stop",
                    "style:type", "right",
                    "style:leader-char", ".",
                    NULL);
  tr_odt_xml_empty (xml, "text:index-entry-page-number", NULL);
  tr_odt_xml_empty (xml, "text:index-entry-link-end", NULL);
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);

  tr_odt_xml_start (xml, "text:index-body");
  tr_odt_xml_start (xml, "text:index-title");
  tr_odt_xml_attr (xml, "text:name", title_name);
  write_paragraph (xml, title_style, contents->title);
  tr_odt_xml_end (xml);

  for (guint i = 0; i < contents->headings->len; i++)
    {
      TrDocHeading *heading = g_ptr_array_index (contents->headings, i);

      tr_odt_xml_start (xml, "text:p");
      tr_odt_xml_attr (xml, "text:style-name", entry_style);
      tr_odt_xml_start (xml, "text:a");
      tr_odt_xml_attr (xml, "xlink:type", "simple");
      tr_odt_xml_attr (xml, "text:style-name", "Index_20_Link");
      tr_odt_xml_attr (xml, "text:visited-style-name", "Index_20_Link");
      tr_odt_xml_attr_printf (xml, "xlink:href", "#%s", heading->anchor);
      tr_odt_xml_odf_text (xml, heading->label);
      tr_odt_xml_empty (xml, "text:tab", NULL);
      tr_odt_xml_start (xml, "text:bookmark-ref");
      tr_odt_xml_attr (xml, "text:reference-format", "page");
      tr_odt_xml_attr (xml, "text:ref-name", heading->anchor);
      tr_odt_xml_end (xml);
      tr_odt_xml_end (xml);
      tr_odt_xml_end (xml);
    }

  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);
}

/* The heading's words only: 壹、 comes from the outline numbering of
 * styles.xml. */
static void
write_heading (TrOdtXml     *xml,
               TrDocHeading *heading)
{
  tr_odt_xml_start (xml, "text:h");
  tr_odt_xml_attr (xml, "text:style-name",
                   heading->new_page ? "TrHeadingNewPage" : tr_odt_style_name (TR_DOC_STYLE_HEADING));
  tr_odt_xml_attr_printf (xml, "text:outline-level", "%u", heading->level);
  tr_odt_xml_empty (xml, "text:bookmark-start", "text:name", heading->anchor, NULL);
  tr_odt_xml_odf_text (xml, heading->title);
  tr_odt_xml_empty (xml, "text:bookmark-end", "text:name", heading->anchor, NULL);
  tr_odt_xml_end (xml);
}

/* Marks on the blank end of a section still need a place. */
static void
write_remaining_marks (TrOdtXml   *xml,
                       Marks      *marks,
                       TrDocStyle  style)
{
  if (marks == NULL || marks->next >= marks->marks->len)
    return;
  tr_odt_xml_start (xml, "text:p");
  tr_odt_xml_attr (xml, "text:style-name", tr_odt_style_name (style));
  write_marks_before (xml, marks, G_MAXSIZE, TRUE);
  tr_odt_xml_end (xml);
}

static void
write_body (Builder *self)
{
  TrOdtXml *xml = &self->xml;
  Marks *marks = NULL;
  TrDocStyle last_style = TR_DOC_STYLE_BODY;
  guint n_tables = 0;

  for (guint i = 0; i < self->document->blocks->len; i++)
    {
      TrDocBlock *block = g_ptr_array_index (self->document->blocks, i);

      switch (block->kind)
        {
        case TR_DOC_BLOCK_PARAGRAPH:
          write_doc_paragraph (xml, block->paragraph, block->paragraph->has_source ? marks : NULL);
          if (block->paragraph->has_source)
            last_style = block->paragraph->style;
          break;
        case TR_DOC_BLOCK_HEADING:
          write_remaining_marks (xml, marks, last_style);
          g_clear_pointer (&marks, marks_free);
          write_heading (xml, block->heading);
          marks = collect_marks (self, block->heading->field, block->heading->text);
          last_style = TR_DOC_STYLE_BODY;
          break;
        case TR_DOC_BLOCK_CONTENTS:
          write_contents (xml, block->contents);
          break;
        case TR_DOC_BLOCK_TABLE:
          write_table (xml, block->table, n_tables++, marks);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  write_remaining_marks (xml, marks, last_style);
  marks_free (marks);
}

static void
mark_used_styles (TrDocParagraph *paragraph,
                  gboolean        used[TR_DOC_N_STYLES])
{
  if (paragraph != NULL)
    used[paragraph->style] = TRUE;
}

static void
write_automatic_styles (Builder *self)
{
  TrOdtXml *xml = &self->xml;
  gboolean used[TR_DOC_N_STYLES] = { FALSE };
  gboolean new_page_heading = FALSE;
  gboolean photos = FALSE;
  guint n_tables = 0;

  for (guint i = 0; i < self->document->blocks->len; i++)
    {
      TrDocBlock *block = g_ptr_array_index (self->document->blocks, i);

      if (block->kind == TR_DOC_BLOCK_PARAGRAPH)
        mark_used_styles (block->paragraph, used);
      else if (block->kind == TR_DOC_BLOCK_HEADING)
        new_page_heading |= block->heading->new_page;
      else if (block->kind == TR_DOC_BLOCK_TABLE)
        {
          mark_used_styles (block->table->caption, used);
          for (guint r = 0; r < block->table->rows->len; r++)
            {
              TrDocRow *row = g_ptr_array_index (block->table->rows, r);

              for (guint c = 0; c < row->cells->len; c++)
                {
                  TrDocCell *cell = g_ptr_array_index (row->cells, c);

                  photos |= cell->photo != NULL;
                  for (guint p = 0; p < cell->paragraphs->len; p++)
                    mark_used_styles (g_ptr_array_index (cell->paragraphs, p), used);
                }
            }
        }
    }

  tr_odt_xml_start (xml, "office:automatic-styles");

  if (new_page_heading)
    {
      tr_odt_xml_start (xml, "style:style");
      tr_odt_xml_attr (xml, "style:name", "TrHeadingNewPage");
      tr_odt_xml_attr (xml, "style:family", "paragraph");
      tr_odt_xml_attr (xml, "style:parent-style-name", tr_odt_style_name (TR_DOC_STYLE_HEADING));
      tr_odt_xml_empty (xml, "style:paragraph-properties", "fo:break-before", "page", NULL);
      tr_odt_xml_end (xml);
    }
  tr_odt_write_automatic_paragraph_styles (xml, self->document->typeface, used);

  for (guint i = 0; i < self->document->blocks->len; i++)
    {
      TrDocBlock *block = g_ptr_array_index (self->document->blocks, i);

      if (block->kind == TR_DOC_BLOCK_TABLE)
        write_table_styles (xml, block->table, n_tables++);
    }
  if (photos)
    tr_odt_write_photo_frame_style (xml);

  tr_odt_xml_end (xml);
}

GBytes *
tr_odt_build_content (TrDocument  *document,
                      GError     **error)
{
  Builder self = { .document = document };

  tr_odt_xml_init (&self.xml);
  tr_odt_xml_start_root (&self.xml, "office:document-content",
                         TR_ODT_NS_OFFICE | TR_ODT_NS_STYLE | TR_ODT_NS_TEXT |
                         TR_ODT_NS_TABLE | TR_ODT_NS_FO | TR_ODT_NS_XLINK | TR_ODT_NS_DC |
                         TR_ODT_NS_DRAW | TR_ODT_NS_SVG);
  write_automatic_styles (&self);
  tr_odt_xml_start (&self.xml, "office:body");
  tr_odt_xml_start (&self.xml, "office:text");
  write_body (&self);
  tr_odt_xml_end (&self.xml);
  tr_odt_xml_end (&self.xml);
  tr_odt_xml_end (&self.xml);

  return tr_odt_xml_finish (&self.xml, "content.xml", error);
}

/* meta.xml ------------------------------------------------------------- */

static void
write_meta_element (TrOdtXml   *xml,
                    const char *name,
                    const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  tr_odt_xml_start (xml, name);
  tr_odt_xml_string (xml, value);
  tr_odt_xml_end (xml);
}

static char *
format_date_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date_time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

GBytes *
tr_odt_build_meta (TrDocument          *document,
                   const TrOdtExchange *exchange,
                   GError             **error)
{
  g_autofree char *created = format_date_time (document->created);
  g_autofree char *modified = format_date_time (document->modified);
  TrOdtXml xml;

  tr_odt_xml_init (&xml);
  tr_odt_xml_start_root (&xml, "office:document-meta",
                         TR_ODT_NS_OFFICE | TR_ODT_NS_DC | TR_ODT_NS_META);
  tr_odt_xml_start (&xml, "office:meta");
  write_meta_element (&xml, "meta:generator", "TripReports/" PACKAGE_VERSION);
  write_meta_element (&xml, "dc:title", document->title);
  write_meta_element (&xml, "dc:subject", document->subject);
  write_meta_element (&xml, "dc:description", document->description);
  for (guint i = 0; document->keywords[i] != NULL; i++)
    write_meta_element (&xml, "meta:keyword", document->keywords[i]);
  write_meta_element (&xml, "meta:initial-creator", document->author);
  write_meta_element (&xml, "dc:creator", document->author);
  write_meta_element (&xml, "meta:creation-date", created);
  write_meta_element (&xml, "dc:date", modified);
  write_meta_element (&xml, "dc:language", "zh-TW");
  if (exchange != NULL)
    {
      g_autofree char *revision = g_strdup_printf ("%" G_GINT64_FORMAT, exchange->revision);

      tr_odt_xml_start (&xml, "meta:user-defined");
      tr_odt_xml_attr (&xml, "meta:name", "TripReports.id");
      tr_odt_xml_string (&xml, exchange->report_id);
      tr_odt_xml_end (&xml);
      tr_odt_xml_start (&xml, "meta:user-defined");
      tr_odt_xml_attr (&xml, "meta:name", "TripReports.revision");
      tr_odt_xml_attr (&xml, "meta:value-type", "float");
      tr_odt_xml_string (&xml, revision);
      tr_odt_xml_end (&xml);
    }
  tr_odt_xml_end (&xml);
  tr_odt_xml_end (&xml);

  return tr_odt_xml_finish (&xml, "meta.xml", error);
}
