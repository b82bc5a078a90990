/* tr-document-report.c: a report in the official layout, as a document
 *
 * The official order: cover, the 提要 form, 摘要, 目次, then the body
 * (壹、目的 … 肆、建議, 伍、附錄 with the photos). Every decision about
 * what shows and how it is numbered is taken here, once, for every format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-date.h"
#include "tr-document.h"
#include "tr-numbering.h"

/* The current central list of 出國類別, in the order of the form. */
static const char * const categories[] = {
  "考察", "進修", "研究", "實習", "視察", "訪問", "開會", "談判", "其他",
};
#define CATEGORY_OTHER "其他"

/* Formal numerals, as the level-1 headings are numbered. */
static const char * const formal_numerals[] = {
  "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖", "拾",
};

/* The label, then the five of a traveller row; the widths add up to
 * 15.8 cm, within the text width. */
#define FORM_COLUMNS 6
static const double form_widths[FORM_COLUMNS] = {
  TR_DOC_CM (3.6),  /* the labels: 出國計畫主辦機關 on one line */
  TR_DOC_CM (1.9),  /* 姓名: four characters */
  TR_DOC_CM (2.8),  /* 服務機關: six characters a line */
  TR_DOC_CM (2.5),  /* 單位: 都市計劃組, five characters */
  TR_DOC_CM (1.9),  /* 職稱: 專門委員 */
  TR_DOC_CM (3.1),  /* 電話: 02-2345-6789 on one line, in a Kai face's wide digits */
};

/* Photos go two to a row, each picture within half the text width, less
 * the cell padding; the height keeps two rows and their captions on one
 * A4 page. */
#define PHOTOS_PER_ROW      2
#define PHOTO_PADDING       TR_DOC_CM (0.2)
#define PHOTO_MAX_WIDTH     (TR_DOC_TEXT_WIDTH / PHOTOS_PER_ROW - 2 * PHOTO_PADDING)
#define PHOTO_MAX_HEIGHT    TR_DOC_CM (8.0)

/* A body table's columns share the text width in proportion to their
 * longest line, in half-ideograph units (a Latin letter is one, a Chinese
 * character two), within these bounds: a column of dates or numbers keeps
 * room for two ideographs, and one of long prose does not starve the
 * others. */
#define DATA_COLUMN_MIN_UNITS  4
#define DATA_COLUMN_MAX_UNITS  40

/* Text ------------------------------------------------------------------ */

/* @line without the spaces around it (also the ideographic space people
 * indent with: the styles indent instead). */
static char *
strip_line (const char *line,
            gsize       length)
{
  const char *start = line;
  const char *end = line + length;

  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

static char *
strip (const char *text)
{
  return strip_line (text, strlen (text));
}

static gboolean
has_text (const char *text)
{
  g_autofree char *stripped = strip (text);

  return stripped[0] != '\0';
}

/* A section's text, one paragraph per line. A numbered line gets the style
 * of its level, and the plain lines after it line up with its text; blank
 * lines are dropped, the styles space the text. @valid is valid UTF-8;
 * with @sources, each paragraph says where it comes from in its section's
 * text, where @valid starts at byte @base. */
static void
add_lines (TrDocument *self,
           const char *valid,
           gboolean    sources,
           gsize       base)
{
  TrNumberingLevel level = TR_NUMBERING_NONE;
  const char *p = valid;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      gsize length = eol != NULL ? (gsize) (eol - p) : strlen (p);
      g_autofree char *line = strip_line (p, length);
      gsize line_start = p - valid;
      gsize from;
      gsize prefix_length;
      TrNumberingLevel line_level;
      TrDocParagraph *paragraph;

      p += length + (eol != NULL ? 1 : 0);
      if (line[0] == '\0')
        continue;

      /* Where the stripped line starts: after the spaces strip_line() dropped. */
      from = line_start;
      while (g_unichar_isspace (g_utf8_get_char (valid + from)))
        from = g_utf8_next_char (valid + from) - valid;

      line_level = tr_numbering_get_level (line, &prefix_length);
      if (line_level != TR_NUMBERING_NONE)
        level = line_level;
      paragraph = tr_doc_paragraph_new (tr_doc_style_for_level (level, line_level != TR_NUMBERING_NONE),
                                        NULL);
      paragraph->has_source = sources;
      paragraph->source.start = base + from;
      paragraph->source.text_start = base + from;
      paragraph->source.next = base + (p - valid);
      if (line_level == TR_NUMBERING_ARABIC || line_level == TR_NUMBERING_PARENTHESIZED_ARABIC)
        {
          /* The width of "1." or "(1)" depends on the font: a tab instead
           * of the spaces after it takes the text to the hanging indent. */
          paragraph->marker = strip_line (line, prefix_length);
          g_free (paragraph->text);
          paragraph->text = g_strdup (line + prefix_length);
          paragraph->source.text_start = base + from + prefix_length;
        }
      else
        {
          g_free (paragraph->text);
          paragraph->text = g_steal_pointer (&line);
        }
      tr_document_add_paragraph (self, paragraph);
    }
}

/* "105年7月9日", or the text as it is when it is not an ISO date. */
static char *
format_date (const char *iso)
{
  char *minguo = tr_date_format_minguo (iso);

  return minguo != NULL ? minguo : g_strdup (iso);
}

static char *
format_period (TrReport *report)
{
  g_autofree char *start = format_date (tr_report_get_text (report, TR_FIELD_PERIOD_START));
  g_autofree char *end = format_date (tr_report_get_text (report, TR_FIELD_PERIOD_END));

  if (start[0] == '\0' || end[0] == '\0')
    return g_strconcat (start, end, NULL);
  return g_strconcat (start, "至", end, NULL);
}

static gboolean
is_listed_category (const char *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_str_equal (category, categories[i]))
      return TRUE;
  return FALSE;
}

/* 其他 with its detail; a category from another list counts as 其他. */
static const char *
get_other_category (TrReport *report)
{
  const char *category = tr_report_get_text (report, TR_FIELD_CATEGORY);

  if (category[0] != '\0' && !is_listed_category (category))
    return category;
  if (g_str_equal (category, CATEGORY_OTHER))
    return tr_report_get_text (report, TR_FIELD_CATEGORY_OTHER);
  return "";
}

static gboolean
is_category (TrReport   *report,
             const char *name)
{
  const char *category = tr_report_get_text (report, TR_FIELD_CATEGORY);

  if (g_str_equal (name, CATEGORY_OTHER))
    return g_str_equal (category, CATEGORY_OTHER) ||
           (category[0] != '\0' && !is_listed_category (category));
  return g_str_equal (category, name);
}

static GPtrArray *
get_travellers (TrReport *report)
{
  GListModel *model = G_LIST_MODEL (tr_report_get_travellers (report));
  GPtrArray *travellers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (model, i);

      if (!tr_traveller_is_empty (traveller))
        g_ptr_array_add (travellers, g_steal_pointer (&traveller));
    }
  return travellers;
}

/* Cover ---------------------------------------------------------------- */

static void
add_paragraph (TrDocument *self,
               TrDocStyle  style,
               const char *text)
{
  tr_document_add_paragraph (self, tr_doc_paragraph_new (style, text));
}

static void
add_cover_line (TrDocument *self,
                const char *label,
                const char *value)
{
  g_autofree char *stripped = strip (value);
  g_autofree char *line = NULL;

  if (stripped[0] == '\0')
    return;
  line = g_strconcat (label, "：", stripped, NULL);
  add_paragraph (self, TR_DOC_STYLE_COVER_INFO, line);
}

/* 服務機關, 單位 and 職稱姓名, once for each agency and unit: travellers of
 * one unit share the lines. */
static void
add_cover_travellers (TrDocument *self,
                      TrReport   *report)
{
  g_autoptr(GPtrArray) travellers = get_travellers (report);
  const char *report_agency = tr_report_get_text (report, TR_FIELD_AGENCY);
  g_autofree gboolean *done = g_new0 (gboolean, travellers->len);

  if (travellers->len == 0)
    add_cover_line (self, "服務機關", report_agency);

  for (guint i = 0; i < travellers->len; i++)
    {
      TrTraveller *first = g_ptr_array_index (travellers, i);
      const char *agency = tr_traveller_get (first, TR_TRAVELLER_AGENCY);
      const char *unit = tr_traveller_get (first, TR_TRAVELLER_UNIT);
      g_autoptr(GString) people = g_string_new (NULL);

      if (done[i])
        continue;
      for (guint j = i; j < travellers->len; j++)
        {
          TrTraveller *traveller = g_ptr_array_index (travellers, j);
          const char *title = tr_traveller_get (traveller, TR_TRAVELLER_TITLE);
          const char *name = tr_traveller_get (traveller, TR_TRAVELLER_NAME);

          if (done[j] || !g_str_equal (agency, tr_traveller_get (traveller, TR_TRAVELLER_AGENCY)) ||
              !g_str_equal (unit, tr_traveller_get (traveller, TR_TRAVELLER_UNIT)))
            continue;
          done[j] = TRUE;
          if (people->len > 0)
            g_string_append (people, "、");
          g_string_append (people, title);
          if (title[0] != '\0' && name[0] != '\0')
            g_string_append (people, "　");
          g_string_append (people, name);
        }

      add_cover_line (self, "服務機關", agency[0] != '\0' ? agency : report_agency);
      add_cover_line (self, "單位", unit);
      add_cover_line (self, "職稱姓名", people->str);
    }
}

static void
add_cover (TrDocument *self,
           TrReport   *report)
{
  const char *category = tr_report_get_text (report, TR_FIELD_CATEGORY);
  const char *other = get_other_category (report);
  g_autofree char *kind_line = NULL;
  g_autofree char *title = strip (tr_report_get_text (report, TR_FIELD_TITLE));
  g_autofree char *period = format_period (report);
  g_autofree char *report_date = format_date (tr_report_get_text (report, TR_FIELD_REPORT_DATE));

  if (other[0] != '\0')
    kind_line = g_strdup_printf ("出國報告（出國類別：%s（%s））", CATEGORY_OTHER, other);
  else if (category[0] != '\0')
    kind_line = g_strdup_printf ("出國報告（出國類別：%s）", category);
  else
    kind_line = g_strdup ("出國報告");
  add_paragraph (self, TR_DOC_STYLE_COVER_CATEGORY, kind_line);
  add_paragraph (self, TR_DOC_STYLE_COVER_TITLE, title);

  add_cover_travellers (self, report);
  add_cover_line (self, "派赴國家/地區", tr_report_get_text (report, TR_FIELD_DESTINATION));
  add_cover_line (self, "出國期間", period);
  add_cover_line (self, "報告日期", report_date);
}

/* The 提要 form -------------------------------------------------------- */

/* A cell of one line of @text, without the spaces typed around it. */
static TrDocCell *
set_cell (TrDocTable *table,
          TrDocRow   *row,
          guint       column,
          guint       columns,
          TrDocStyle  style,
          const char *text)
{
  TrDocCell *cell = tr_doc_row_set_cell (table, row, column, columns, 1);
  g_autofree char *stripped = strip (text);

  tr_doc_cell_add_text (cell, style, stripped);
  return cell;
}

/* A row of one label and its value across the rest of the form. */
static void
add_form_row (TrDocTable *table,
              const char *label,
              const char *value)
{
  TrDocRow *row = tr_doc_table_add_row (table);

  set_cell (table, row, 0, 1, TR_DOC_STYLE_FORM_LABEL, label);
  set_cell (table, row, 1, FORM_COLUMNS - 1, TR_DOC_STYLE_FORM_TEXT, value);
}

static void
add_form_travellers (TrDocTable *table,
                     TrReport   *report)
{
  g_autoptr(GPtrArray) travellers = get_travellers (report);
  static const char * const labels[TR_TRAVELLER_N_FIELDS] = {
    [TR_TRAVELLER_NAME]   = "姓名",
    [TR_TRAVELLER_AGENCY] = "服務機關",
    [TR_TRAVELLER_UNIT]   = "單位",
    [TR_TRAVELLER_TITLE]  = "職稱",
    [TR_TRAVELLER_PHONE]  = "電話",
  };
  /* An empty row stands for none, to be filled in by hand. */
  guint n_rows = MAX (travellers->len, 1);
  TrDocRow *row = tr_doc_table_add_row (table);
  TrDocCell *cell = tr_doc_row_set_cell (table, row, 0, 1, n_rows + 1);

  tr_doc_cell_add_text (cell, TR_DOC_STYLE_FORM_LABEL, "出國人員");
  for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
    set_cell (table, row, 1 + f, 1, TR_DOC_STYLE_FORM_LABEL, labels[f]);

  for (guint i = 0; i < n_rows; i++)
    {
      TrTraveller *traveller = i < travellers->len ? g_ptr_array_index (travellers, i) : NULL;

      row = tr_doc_table_add_row (table);
      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        set_cell (table, row, 1 + f, 1, TR_DOC_STYLE_FORM_TEXT,
                  traveller != NULL ? tr_traveller_get (traveller, f) : "");
    }
}

static char *
format_categories (TrReport *report)
{
  GString *out = g_string_new (NULL);
  const char *other = get_other_category (report);

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      /* Two even lines rather than one that wraps inside a word. */
      if (i == (G_N_ELEMENTS (categories) + 1) / 2)
        g_string_append_c (out, '\n');
      else if (i > 0)
        g_string_append (out, "　");
      g_string_append (out, is_category (report, categories[i]) ? "☑" : "☐");
      g_string_append (out, categories[i]);
    }
  if (other[0] != '\0')
    g_string_append_printf (out, "（%s）", other);
  return g_string_free (out, FALSE);
}

static void
add_form (TrDocument *self,
          TrReport   *report)
{
  g_autofree char *category_text = format_categories (report);
  g_autofree char *period = format_period (report);
  g_autofree char *report_date = format_date (tr_report_get_text (report, TR_FIELD_REPORT_DATE));
  g_autofree char *keywords = g_strjoinv ("、", (char **) tr_report_get_keywords (report));
  g_auto(GStrv) summary_lines = g_strsplit (tr_report_get_text (report, TR_FIELD_SUMMARY), "\n", -1);
  gboolean attachments = tr_report_get_has_attachments (report);
  TrDocTable *table = tr_doc_table_new (TR_DOC_TABLE_FORM, "提要", FORM_COLUMNS, form_widths);
  TrDocRow *row;
  TrDocCell *cell;
  TrDocParagraph *pages;

  table->borders = TRUE;
  table->padding = TR_DOC_CM (0.1);

  add_paragraph (self, TR_DOC_STYLE_FORM_TITLE, "公務出國或赴大陸地區報告提要");

  add_form_row (table, "出國報告名稱", tr_report_get_text (report, TR_FIELD_TITLE));

  /* 頁數 is the page count of our own layout, not a number typed beside
   * it: the PDF fills in its pages; other formats the count the report
   * keeps from it, or, unknown yet, a field for the word processor. */
  row = tr_doc_table_add_row (table);
  set_cell (table, row, 0, 1, TR_DOC_STYLE_FORM_LABEL, "頁數");
  cell = tr_doc_row_set_cell (table, row, 1, 1, 1);
  {
    g_autofree char *count = tr_report_get_pages (report) > 0 ? g_strdup_printf ("%u", tr_report_get_pages (report))
                                                               : g_strdup ("");

    pages = tr_doc_cell_add_text (cell, TR_DOC_STYLE_FORM_TEXT, count);
  }
  pages->field = TR_DOC_FIELD_PAGE_COUNT;
  self->has_page_count = TRUE;
  set_cell (table, row, 2, 1, TR_DOC_STYLE_FORM_LABEL, "含附件");
  set_cell (table, row, 3, 3, TR_DOC_STYLE_FORM_TEXT, attachments ? "☑是　☐否" : "☐是　☑否");

  add_form_row (table, "出國計畫主辦機關", tr_report_get_text (report, TR_FIELD_AGENCY));

  row = tr_doc_table_add_row (table);
  set_cell (table, row, 0, 1, TR_DOC_STYLE_FORM_LABEL, "聯絡人");
  set_cell (table, row, 1, 2, TR_DOC_STYLE_FORM_TEXT, tr_report_get_text (report, TR_FIELD_CONTACT));
  set_cell (table, row, 3, 1, TR_DOC_STYLE_FORM_LABEL, "電話");
  set_cell (table, row, 4, 2, TR_DOC_STYLE_FORM_TEXT, tr_report_get_text (report, TR_FIELD_PHONE));

  add_form_travellers (table, report);
  add_form_row (table, "出國類別", category_text);
  add_form_row (table, "出國期間", period);
  add_form_row (table, "出國地區", tr_report_get_text (report, TR_FIELD_DESTINATION));
  add_form_row (table, "報告日期", report_date);
  add_form_row (table, "分類號/目", tr_report_get_text (report, TR_FIELD_CLASSIFICATION));
  add_form_row (table, "關鍵詞", keywords);

  row = tr_doc_table_add_row (table);
  set_cell (table, row, 0, 1, TR_DOC_STYLE_FORM_LABEL, "內容摘要");
  cell = tr_doc_row_set_cell (table, row, 1, FORM_COLUMNS - 1, 1);
  for (guint i = 0; summary_lines[i] != NULL; i++)
    if (has_text (summary_lines[i]))
      {
        g_autofree char *line = strip (summary_lines[i]);

        tr_doc_cell_add_text (cell, TR_DOC_STYLE_FORM_TEXT, line);
      }
  /* A cell holds at least one paragraph. */
  if (cell->paragraphs->len == 0)
    tr_doc_cell_add_text (cell, TR_DOC_STYLE_FORM_TEXT, "");

  tr_document_add_table (self, table);
}

/* 摘要, 目次 and the body ---------------------------------------------- */

static void
add_summary (TrDocument *self,
             TrReport   *report)
{
  g_autofree char *valid = g_utf8_make_valid (tr_report_get_text (report, TR_FIELD_SUMMARY), -1);

  add_paragraph (self, TR_DOC_STYLE_PART_TITLE, "摘要");
  add_lines (self, valid, FALSE, 0);
}

static TrDocHeading *
new_heading (TrReport   *report,
             const char *title,
             TrField     field,
             guint       index)
{
  TrDocHeading *heading = g_new0 (TrDocHeading, 1);

  heading->level = 1;
  heading->number = g_strdup (formal_numerals[index]);
  heading->title = g_strdup (title);
  heading->label = g_strconcat (heading->number, "、", title, NULL);
  heading->field = field;
  heading->text = g_utf8_make_valid (tr_report_get_text (report, field), -1);
  /* LibreOffice's prefix for the marks it puts on headings itself: it keeps
   * them out of the Navigator's bookmarks. */
  heading->anchor = g_strdup_printf ("__RefHeading__tr%u", index + 1);
  return heading;
}

/* A photo of @width × @height pixels at the largest size within its cell
 * that keeps its shape. */
static TrDocPhoto *
new_photo (TrPhoto *photo,
           guint    number)
{
  TrDocPhoto *doc_photo = g_new0 (TrDocPhoto, 1);
  double width = MAX (tr_photo_get_width (photo), 1);
  double height = MAX (tr_photo_get_height (photo), 1);
  double scale = MIN (PHOTO_MAX_WIDTH / width, PHOTO_MAX_HEIGHT / height);

  doc_photo->photo = g_object_ref (photo);
  doc_photo->number = number;
  doc_photo->width = width * scale;
  doc_photo->height = height * scale;
  return doc_photo;
}

/* The photos two to a row in a borderless table, each picture centred over
 * its caption 「照片 1：…」: a table keeps each caption under its own
 * picture however the pages fall, and a row moves whole to the next page. */
static void
add_photos (TrDocument *self,
            TrReport   *report)
{
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (report));
  guint n_photos = g_list_model_get_n_items (photos);
  const double widths[PHOTOS_PER_ROW] = { TR_DOC_TEXT_WIDTH / 2, TR_DOC_TEXT_WIDTH / 2 };
  TrDocTable *table;

  if (n_photos == 0)
    return;

  table = tr_doc_table_new (TR_DOC_TABLE_PHOTOS, "照片", PHOTOS_PER_ROW, widths);
  table->padding = PHOTO_PADDING;
  /* Captions of a row on one line, under pictures of any shape. */
  table->valign = TR_DOC_VALIGN_BOTTOM;
  table->space_before = TR_DOC_CM (0.3);
  for (guint i = 0; i < n_photos; i += PHOTOS_PER_ROW)
    {
      TrDocRow *row = tr_doc_table_add_row (table);

      /* A picture and its caption are not split across pages. */
      row->keep_together = TRUE;
      for (guint j = i; j < i + PHOTOS_PER_ROW; j++)
        {
          TrDocCell *cell = tr_doc_row_set_cell (table, row, j - i, 1, 1);

          if (j < n_photos)
            {
              g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, j);
              const char *caption = tr_photo_get_caption (photo);
              g_autofree char *text = caption[0] != '\0'
                                      ? g_strdup_printf ("照片 %u：%s", j + 1, caption)
                                      : g_strdup_printf ("照片 %u", j + 1);

              cell->photo = new_photo (photo, j + 1);
              tr_doc_cell_add_text (cell, TR_DOC_STYLE_PHOTO_CAPTION, text);
            }
          else
            /* An odd photo out: the row still has its two cells. */
            tr_doc_cell_add_text (cell, TR_DOC_STYLE_PHOTO_CAPTION, "");
        }
    }
  tr_document_add_table (self, table);
}

/* Tables of the body ---------------------------------------------------- */

/* How wide @text's longest line is, in half-ideograph units. */
static guint
longest_line_units (const char *text)
{
  guint longest = 0, units = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          longest = MAX (longest, units);
          units = 0;
        }
      else if (!g_unichar_iszerowidth (c))
        units += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2 : 1;
    }
  return MAX (longest, units);
}

static double *
get_column_widths (TrTable *table)
{
  guint n_columns = tr_table_get_n_columns (table);
  guint n_rows = tr_table_get_n_rows (table);
  double *widths = g_new0 (double, n_columns);
  double total = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      guint units = 0;

      for (guint r = 0; r < n_rows && units < DATA_COLUMN_MAX_UNITS; r++)
        units = MAX (units, longest_line_units (tr_table_get_cell (table, r, c)));
      widths[c] = CLAMP (units, DATA_COLUMN_MIN_UNITS, DATA_COLUMN_MAX_UNITS);
      total += widths[c];
    }
  for (guint c = 0; c < n_columns; c++)
    widths[c] *= TR_DOC_TEXT_WIDTH / total;
  return widths;
}

/* The lines of a cell, each a paragraph. With @sources, each says where
 * it is in the section's plain text, the cell starting at byte @base, for
 * the comments on the cell's text; the last line takes the tab or line
 * break after the cell, so that a passage ending with the cell ends in it. */
static void
add_cell_lines (TrDocCell  *cell,
                TrDocStyle  style,
                const char *text,
                gboolean    sources,
                gsize       base)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      gsize length = eol != NULL ? (gsize) (eol - p) : strlen (p);
      g_autofree char *line = strip_line (p, length);
      gsize from = p - text;
      TrDocParagraph *paragraph;

      p += length + (eol != NULL ? 1 : 0);
      /* Blank lines inside a cell are dropped, as in the text. */
      if (line[0] == '\0')
        continue;
      while (g_unichar_isspace (g_utf8_get_char (text + from)))
        from = g_utf8_next_char (text + from) - text;
      paragraph = tr_doc_cell_add_text (cell, style, line);
      paragraph->has_source = sources;
      paragraph->source.start = base + from;
      paragraph->source.text_start = base + from;
      paragraph->source.next = base + (p - text) + (eol != NULL ? 0 : 1);
    }
}

/* Table @index of @field, where it stands in the text: its caption
 * 「表 N：…」 above it, its header row repeated on each page it runs on,
 * each line of a cell a paragraph. With @sources, the table's plain text
 * starts at byte @base of the section's (tr_table_append_plain_text()). */
static void
add_data_table (TrDocument *self,
                TrReport   *report,
                TrField     field,
                guint       index,
                gboolean    sources,
                gsize       base,
                guint      *n_uncaptioned)
{
  TrTable *source = tr_body_get_table (tr_report_get_body (report, field), index);
  guint number = tr_report_get_table_number (report, field, index);
  guint n_columns = tr_table_get_n_columns (source);
  g_autofree double *widths = get_column_widths (source);
  g_autofree char *name = NULL;
  TrDocTable *table;

  /* Unique names: word processors list tables by them. */
  if (number > 0)
    name = g_strdup_printf ("表%u", number);
  else
    name = g_strdup_printf ("表格%u", ++*n_uncaptioned);
  table = tr_doc_table_new (TR_DOC_TABLE_DATA, name, n_columns, widths);
  table->borders = TRUE;
  table->padding = TR_DOC_CM (0.1);
  table->valign = TR_DOC_VALIGN_TOP;
  table->space_after = 6;
  table->n_header_rows = tr_table_get_has_header (source) ? 1 : 0;
  if (tr_table_get_caption (source)[0] != '\0')
    base += strlen (tr_table_get_caption (source)) + 1;
  if (number > 0)
    {
      g_autofree char *caption = g_utf8_make_valid (tr_table_get_caption (source), -1);
      g_autofree char *stripped = strip (caption);
      g_autofree char *label = g_strdup_printf ("表 %u：%s", number, stripped);

      table->caption = tr_doc_paragraph_new (TR_DOC_STYLE_TABLE_CAPTION, label);
    }

  for (guint r = 0; r < tr_table_get_n_rows (source); r++)
    {
      TrDocStyle style = r < table->n_header_rows ? TR_DOC_STYLE_TABLE_HEADER : TR_DOC_STYLE_TABLE_TEXT;
      TrDocRow *row = tr_doc_table_add_row (table);

      /* A row is read across: it moves to the next page whole. */
      row->keep_together = TRUE;
      for (guint c = 0; c < n_columns; c++)
        {
          /* Every cell spans one column and one row: no need to set it. */
          TrDocCell *cell = g_ptr_array_index (row->cells, c);
          const char *raw = tr_table_get_cell (source, r, c);
          g_autofree char *text = g_utf8_make_valid (raw, -1);

          /* A tab between cells, a line break between rows. */
          if (r > 0 || c > 0)
            base++;
          /* Invalid UTF-8 would throw the offsets off: no sources there. */
          add_cell_lines (cell, style, text, sources && g_str_equal (text, raw), base);
          base += strlen (raw);
          /* A cell holds at least one paragraph. */
          if (cell->paragraphs->len == 0)
            tr_doc_cell_add_text (cell, style, "");
        }
    }
  tr_document_add_table (self, table);
}

/* The text of a section or of the appendix with its tables where they
 * stand. The paragraphs' sources count in the section's plain text
 * (heading->text), where the tables' text sits between the runs
 * (tr_body_get_plain_text()). */
static void
add_field_body (TrDocument   *self,
                TrReport     *report,
                TrDocHeading *heading,
                guint        *n_uncaptioned)
{
  TrBody *body;
  guint n_tables;
  const char *plain = heading->text;
  gsize plain_length = strlen (plain);
  gsize offset = 0;
  gboolean sources = TRUE;

  if (!tr_field_holds_tables (heading->field) ||
      (n_tables = tr_body_get_n_tables (body = tr_report_get_body (report, heading->field))) == 0)
    {
      add_lines (self, heading->text, TRUE, 0);
      return;
    }

  for (guint i = 0; i <= n_tables; i++)
    {
      const char *run = tr_body_get_text_run (body, i);
      gsize length = strlen (run);

      if (length > 0)
        {
          g_autofree char *valid = g_utf8_make_valid (run, -1);

          if (offset > 0 && offset <= plain_length && plain[offset - 1] != '\n')
            offset++;
          /* Invalid UTF-8 in a run would throw the offsets off: the
           * paragraphs from there on go without sources (and comments). */
          sources = sources && offset + length <= plain_length &&
                    memcmp (plain + offset, valid, length) == 0;
          add_lines (self, valid, sources, offset);
          offset += length;
        }
      if (i < n_tables)
        {
          TrTable *table = tr_body_get_table (body, i);
          g_autoptr(GString) table_text = g_string_new (NULL);

          if (offset > 0 && offset <= plain_length && plain[offset - 1] != '\n')
            offset++;
          tr_table_append_plain_text (table, table_text);
          sources = sources && offset + table_text->len <= plain_length &&
                    memcmp (plain + offset, table_text->str, table_text->len) == 0;
          add_data_table (self, report, heading->field, i, sources, offset, n_uncaptioned);
          offset += table_text->len;
        }
    }
}

static void
add_body (TrDocument *self,
          TrReport   *report,
          GPtrArray  *headings)
{
  TrDocContents *contents = g_new0 (TrDocContents, 1);
  guint n_uncaptioned = 0;

  contents->title = g_strdup ("目次");
  contents->headings = g_ptr_array_ref (headings);
  tr_document_add_contents (self, contents);

  for (guint i = 0; i < headings->len; i++)
    {
      TrDocHeading *heading = g_ptr_array_index (headings, i);

      tr_document_add_heading (self, heading);
      add_field_body (self, report, heading, &n_uncaptioned);
      if (heading->field == TR_FIELD_APPENDIX)
        add_photos (self, report);
    }
}

void
tr_document_set_metadata (TrDocument *self,
                          TrReport   *report)
{
  g_autoptr(GPtrArray) travellers = get_travellers (report);
  const char *author = tr_report_get_text (report, TR_FIELD_CONTACT);

  /* The author is the first traveller, who writes the report. */
  if (travellers->len > 0)
    {
      TrTraveller *first = g_ptr_array_index (travellers, 0);

      if (tr_traveller_get (first, TR_TRAVELLER_NAME)[0] != '\0')
        author = tr_traveller_get (first, TR_TRAVELLER_NAME);
    }

  g_free (self->title);
  self->title = strip (tr_report_get_text (report, TR_FIELD_TITLE));
  g_free (self->author);
  self->author = g_strdup (author);
  g_free (self->subject);
  self->subject = g_strdup ("公務出國報告");
  g_strfreev (self->keywords);
  self->keywords = g_strdupv ((char **) tr_report_get_keywords (report));
  g_free (self->description);
  self->description = g_strdup (tr_report_get_text (report, TR_FIELD_SUMMARY));
  g_date_time_unref (self->created);
  self->created = g_date_time_ref (tr_report_get_created (report));
  g_date_time_unref (self->modified);
  self->modified = g_date_time_ref (tr_report_get_modified (report));
}

TrDocument *
tr_document_new_for_report (TrReport  *report,
                            GPtrArray *comments)
{
  TrDocument *self;
  g_autoptr(GPtrArray) headings = NULL;
  guint n = 0;

  g_return_val_if_fail (TR_IS_REPORT (report), NULL);

  self = tr_document_new ();
  tr_document_set_metadata (self, report);
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    if (!tr_comment_get_resolved (comments->pdata[i]))
      g_ptr_array_add (self->comments, g_object_ref (comments->pdata[i]));

  headings = g_ptr_array_new ();
  /* The four sections always, even empty: the review form asks for them. */
  for (guint s = 0; s < TR_N_SECTIONS; s++, n++)
    g_ptr_array_add (headings, new_heading (report, tr_section_get_heading (s),
                                            TR_FIELD_FROM_SECTION (s), n));
  if (has_text (tr_report_get_text (report, TR_FIELD_APPENDIX)) ||
      g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (report))) > 0)
    g_ptr_array_add (headings, new_heading (report, "附錄", TR_FIELD_APPENDIX, n++));
  /* Text an import could not place: shown, so that nothing is lost and
   * the author sees what to move before submitting. */
  if (has_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED)))
    g_ptr_array_add (headings, new_heading (report, "未分類內容", TR_FIELD_UNCLASSIFIED, n++));
  /* The body and the back matter each start a page. */
  for (guint i = 0; i < headings->len; i++)
    {
      TrDocHeading *heading = g_ptr_array_index (headings, i);

      heading->new_page = i == 0 || heading->field == TR_FIELD_APPENDIX;
    }

  add_cover (self, report);
  add_form (self, report);
  add_summary (self, report);
  add_body (self, report, headings);
  return self;
}
