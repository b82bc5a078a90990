/* tr-odt-content.c: content.xml and meta.xml of an exported report
 *
 * The document follows the official order: cover, the 提要 form, 摘要,
 * 目次, then the body (壹、目的 … 肆、建議, 伍、附錄). Paragraphs only name
 * styles from styles.xml; the few automatic styles here are the ones ODF
 * has no other place for (a page break before a heading, table geometry).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-date.h"
#include "tr-odt-private.h"

/* The current central list of 出國類別, in the order of the form. */
static const char * const categories[] = {
  "考察", "進修", "研究", "實習", "視察", "訪問", "開會", "談判", "其他",
};
#define CATEGORY_OTHER "其他"

/* Formal numerals, as the outline style numbers the level-1 headings. */
static const char * const formal_numerals[] = {
  "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖", "拾",
};

/* The label, then the five of a traveller row; the widths add up to the
 * 16 cm between the margins. */
#define FORM_COLUMNS 6
static const struct {
  const char *name;
  const char *width;
} form_columns[FORM_COLUMNS] = {
  { "TrForm.A", "3.6cm" },  /* the labels: 出國計畫主辦機關 on one line */
  { "TrForm.B", "2.0cm" },  /* 姓名 */
  { "TrForm.C", "3.0cm" },  /* 服務機關 */
  { "TrForm.D", "2.5cm" },  /* 單位 */
  { "TrForm.E", "2.0cm" },  /* 職稱 */
  { "TrForm.F", "2.9cm" },  /* 電話: 02-2345-6789 on one line */
};

typedef struct {
  const char *title;     /* 目的 … */
  TrField     field;
  char       *bookmark;
} Heading;

typedef struct {
  TrOdtXml    xml;
  TrReport   *report;
  GPtrArray  *comments;  /* TrComment, or NULL */
  guint       n_annotations;
  Heading     headings[TR_N_SECTIONS + 2];
  guint       n_headings;
} Builder;

/* Paragraphs ----------------------------------------------------------- */

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

static gboolean
has_text (const char *text)
{
  g_autofree char *stripped = strip_line (text, strlen (text));

  return stripped[0] != '\0';
}

/* A one-line value of a field, without the spaces typed around it. */
static void
write_field (TrOdtXml   *xml,
             const char *style,
             const char *text)
{
  g_autofree char *stripped = strip_line (text, strlen (text));

  write_paragraph (xml, style, stripped);
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

  if (self->comments == NULL || field < TR_FIELD_PURPOSE || field > TR_FIELD_RECOMMENDATIONS)
    return NULL;

  marks = g_new0 (Marks, 1);
  marks->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_array_set_clear_func (marks->marks, (GDestroyNotify) mark_clear);
  for (guint i = 0; i < self->comments->len; i++)
    {
      TrComment *comment = self->comments->pdata[i];
      guint start, end;
      Mark mark = { 0 };

      if (tr_comment_get_resolved (comment) ||
          TR_FIELD_FROM_SECTION (tr_comment_get_section (comment)) != field)
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

/* A section's text, one paragraph per line. A numbered line gets the style
 * of its level, and the plain lines after it line up with its text; blank
 * lines are dropped, the paragraph styles space the text. @marks (or NULL)
 * places the annotations, by byte offsets in @text. */
static void
write_lines_marked (TrOdtXml   *xml,
                    const char *text,
                    Marks      *marks)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  TrNumberingLevel level = TR_NUMBERING_NONE;
  const char *p = valid;
  const char *style = "TrBody";

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      gsize length = eol != NULL ? (gsize) (eol - p) : strlen (p);
      g_autofree char *line = strip_line (p, length);
      gsize line_start = p - valid;
      gsize next_line = line_start + length + (eol != NULL ? 1 : 0);
      gsize from;
      TrNumberingLevel line_level;
      gsize prefix_length;

      p += length + (eol != NULL ? 1 : 0);
      if (line[0] == '\0')
        continue;

      /* Where the stripped line starts in @text: after the spaces
       * strip_line() dropped. */
      from = line_start;
      while (g_unichar_isspace (g_utf8_get_char (valid + from)))
        from = g_utf8_next_char (valid + from) - valid;

      line_level = tr_numbering_get_level (line, &prefix_length);
      if (line_level == TR_NUMBERING_NONE)
        style = tr_odt_level_style (level, FALSE);
      else
        {
          level = line_level;
          style = tr_odt_level_style (level, TRUE);
        }

      tr_odt_xml_start (xml, "text:p");
      tr_odt_xml_attr (xml, "text:style-name", style);
      if (line_level == TR_NUMBERING_ARABIC || line_level == TR_NUMBERING_PARENTHESIZED_ARABIC)
        {
          /* The width of "1." or "(1)" depends on the font: a tab instead
           * of the spaces after it takes the text to the hanging indent. */
          g_autofree char *marker = strip_line (line, prefix_length);
          gsize marker_length = strlen (marker);

          write_span (xml, marks, from, from + marker_length, marker, FALSE);
          write_span (xml, marks, from + marker_length, from + prefix_length, "\t", TRUE);
          write_span (xml, marks, from + prefix_length, from + strlen (line),
                      line + prefix_length, FALSE);
        }
      else
        write_span (xml, marks, from, from + strlen (line), line, FALSE);
      /* What ends in the spaces after the line ends with it. */
      write_marks_before (xml, marks, next_line, FALSE);
      tr_odt_xml_end (xml);
    }

  /* Marks on the blank end of a section still need a place. */
  if (marks != NULL && marks->next < marks->marks->len)
    {
      tr_odt_xml_start (xml, "text:p");
      tr_odt_xml_attr (xml, "text:style-name", style);
      write_marks_before (xml, marks, G_MAXSIZE, TRUE);
      tr_odt_xml_end (xml);
    }
}

static void
write_lines (TrOdtXml   *xml,
             const char *text)
{
  write_lines_marked (xml, text, NULL);
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
write_cover_line (TrOdtXml   *xml,
                  const char *label,
                  const char *value)
{
  g_autofree char *stripped = strip_line (value, strlen (value));
  g_autofree char *line = NULL;

  if (stripped[0] == '\0')
    return;
  line = g_strconcat (label, "：", stripped, NULL);
  write_paragraph (xml, "TrCoverInfo", line);
}

/* 服務機關, 單位 and 職稱姓名, once for each agency and unit: travellers of
 * one unit share the lines. */
static void
write_cover_travellers (Builder *self)
{
  g_autoptr(GPtrArray) travellers = get_travellers (self->report);
  const char *report_agency = tr_report_get_text (self->report, TR_FIELD_AGENCY);
  g_autofree gboolean *done = g_new0 (gboolean, travellers->len);

  if (travellers->len == 0)
    write_cover_line (&self->xml, "服務機關", report_agency);

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

      write_cover_line (&self->xml, "服務機關", agency[0] != '\0' ? agency : report_agency);
      write_cover_line (&self->xml, "單位", unit);
      write_cover_line (&self->xml, "職稱姓名", people->str);
    }
}

static void
write_cover (Builder *self)
{
  TrReport *report = self->report;
  const char *category = tr_report_get_text (report, TR_FIELD_CATEGORY);
  const char *other = get_other_category (report);
  g_autofree char *kind_line = NULL;
  g_autofree char *period = format_period (report);
  g_autofree char *report_date = format_date (tr_report_get_text (report, TR_FIELD_REPORT_DATE));

  if (other[0] != '\0')
    kind_line = g_strdup_printf ("出國報告（出國類別：%s（%s））", CATEGORY_OTHER, other);
  else if (category[0] != '\0')
    kind_line = g_strdup_printf ("出國報告（出國類別：%s）", category);
  else
    kind_line = g_strdup ("出國報告");
  write_paragraph (&self->xml, "TrCoverCategory", kind_line);
  write_field (&self->xml, "TrCoverTitle", tr_report_get_text (report, TR_FIELD_TITLE));

  write_cover_travellers (self);
  write_cover_line (&self->xml, "派赴國家/地區", tr_report_get_text (report, TR_FIELD_DESTINATION));
  write_cover_line (&self->xml, "出國期間", period);
  write_cover_line (&self->xml, "報告日期", report_date);
}

/* The 提要 form -------------------------------------------------------- */

static void
write_cell (TrOdtXml   *xml,
            const char *style,
            const char *text,
            guint       columns)
{
  tr_odt_xml_start_cell (xml, "TrFormCell", columns, 1);
  write_field (xml, style, text);
  tr_odt_xml_end_cell (xml, columns);
}

/* A row of one label and its value across the rest of the form. */
static void
write_form_row (TrOdtXml   *xml,
                const char *label,
                const char *value)
{
  tr_odt_xml_start (xml, "table:table-row");
  write_cell (xml, "TrFormLabel", label, 1);
  write_cell (xml, "TrFormText", value, FORM_COLUMNS - 1);
  tr_odt_xml_end (xml);
}

static void
write_form_travellers (Builder *self)
{
  TrOdtXml *xml = &self->xml;
  g_autoptr(GPtrArray) travellers = get_travellers (self->report);
  static const char * const labels[TR_TRAVELLER_N_FIELDS] = {
    [TR_TRAVELLER_NAME]   = "姓名",
    [TR_TRAVELLER_AGENCY] = "服務機關",
    [TR_TRAVELLER_UNIT]   = "單位",
    [TR_TRAVELLER_TITLE]  = "職稱",
    [TR_TRAVELLER_PHONE]  = "電話",
  };
  /* An empty row stands for none, to be filled in by hand. */
  guint n_rows = MAX (travellers->len, 1);

  tr_odt_xml_start (xml, "table:table-row");
  tr_odt_xml_start_cell (xml, "TrFormCell", 1, n_rows + 1);
  write_paragraph (xml, "TrFormLabel", "出國人員");
  tr_odt_xml_end_cell (xml, 1);
  for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
    write_cell (xml, "TrFormLabel", labels[f], 1);
  tr_odt_xml_end (xml);

  for (guint i = 0; i < n_rows; i++)
    {
      TrTraveller *traveller = i < travellers->len ? g_ptr_array_index (travellers, i) : NULL;

      tr_odt_xml_start (xml, "table:table-row");
      tr_odt_xml_empty (xml, "table:covered-table-cell", NULL);
      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        write_cell (xml, "TrFormText", traveller != NULL ? tr_traveller_get (traveller, f) : "", 1);
      tr_odt_xml_end (xml);
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
write_form (Builder *self)
{
  TrOdtXml *xml = &self->xml;
  TrReport *report = self->report;
  g_autofree char *category_text = format_categories (report);
  g_autofree char *period = format_period (report);
  g_autofree char *report_date = format_date (tr_report_get_text (report, TR_FIELD_REPORT_DATE));
  g_autofree char *keywords = g_strjoinv ("、", (char **) tr_report_get_keywords (report));
  g_auto(GStrv) summary_lines = g_strsplit (tr_report_get_text (report, TR_FIELD_SUMMARY), "\n", -1);
  gboolean attachments = tr_report_get_has_attachments (report);

  write_paragraph (xml, "TrFormTitle", "公務出國或赴大陸地區報告提要");

  tr_odt_xml_start (xml, "table:table");
  tr_odt_xml_attr (xml, "table:name", "提要");
  tr_odt_xml_attr (xml, "table:style-name", "TrForm");
  for (guint i = 0; i < FORM_COLUMNS; i++)
    tr_odt_xml_empty (xml, "table:table-column", "table:style-name", form_columns[i].name, NULL);

  write_form_row (xml, "出國報告名稱", tr_report_get_text (report, TR_FIELD_TITLE));

  /* 頁數 is the page count LibreOffice lays out, not a number we guess. */
  tr_odt_xml_start (xml, "table:table-row");
  write_cell (xml, "TrFormLabel", "頁數", 1);
  tr_odt_xml_start_cell (xml, "TrFormCell", 1, 1);
  tr_odt_xml_start (xml, "text:p");
  tr_odt_xml_attr (xml, "text:style-name", "TrFormText");
  tr_odt_xml_start (xml, "text:page-count");
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);
  tr_odt_xml_end_cell (xml, 1);
  write_cell (xml, "TrFormLabel", "含附件", 1);
  write_cell (xml, "TrFormText", attachments ? "☑是　☐否" : "☐是　☑否", 3);
  tr_odt_xml_end (xml);

  write_form_row (xml, "出國計畫主辦機關", tr_report_get_text (report, TR_FIELD_AGENCY));

  tr_odt_xml_start (xml, "table:table-row");
  write_cell (xml, "TrFormLabel", "聯絡人", 1);
  write_cell (xml, "TrFormText", tr_report_get_text (report, TR_FIELD_CONTACT), 2);
  write_cell (xml, "TrFormLabel", "電話", 1);
  write_cell (xml, "TrFormText", tr_report_get_text (report, TR_FIELD_PHONE), 2);
  tr_odt_xml_end (xml);

  write_form_travellers (self);
  write_form_row (xml, "出國類別", category_text);
  write_form_row (xml, "出國期間", period);
  write_form_row (xml, "出國地區", tr_report_get_text (report, TR_FIELD_DESTINATION));
  write_form_row (xml, "報告日期", report_date);
  write_form_row (xml, "分類號/目", tr_report_get_text (report, TR_FIELD_CLASSIFICATION));
  write_form_row (xml, "關鍵詞", keywords);

  tr_odt_xml_start (xml, "table:table-row");
  write_cell (xml, "TrFormLabel", "內容摘要", 1);
  tr_odt_xml_start_cell (xml, "TrFormCell", FORM_COLUMNS - 1, 1);
  for (guint i = 0; summary_lines[i] != NULL; i++)
    if (has_text (summary_lines[i]))
      write_field (xml, "TrFormText", summary_lines[i]);
  /* A cell holds at least one paragraph. */
  if (!has_text (tr_report_get_text (report, TR_FIELD_SUMMARY)))
    write_paragraph (xml, "TrFormText", "");
  tr_odt_xml_end_cell (xml, FORM_COLUMNS - 1);
  tr_odt_xml_end (xml);

  tr_odt_xml_end (xml);
}

/* 摘要, 目次 and the body ---------------------------------------------- */

static void
write_summary (Builder *self)
{
  write_paragraph (&self->xml, "TrPartTitle", "摘要");
  write_lines (&self->xml, tr_report_get_text (self->report, TR_FIELD_SUMMARY));
}

static char *
format_heading (guint       index,
                const char *title)
{
  return g_strconcat (formal_numerals[index], "、", title, NULL);
}

/* A real table of contents, so that LibreOffice can refresh it, filled in
 * as it would fill it. The page numbers are references to bookmarks on the
 * headings, which LibreOffice computes as it lays the pages out: the table
 * is right before anybody refreshes it. */
static void
write_table_of_contents (Builder *self)
{
  TrOdtXml *xml = &self->xml;

  tr_odt_xml_start (xml, "text:table-of-content");
  tr_odt_xml_attr (xml, "text:name", "目次");
  tr_odt_xml_attr (xml, "text:protected", "true");

  tr_odt_xml_start (xml, "text:table-of-content-source");
  tr_odt_xml_attr (xml, "text:outline-level", "1");
  tr_odt_xml_attr (xml, "text:use-index-marks", "false");
  tr_odt_xml_start (xml, "text:index-title-template");
  tr_odt_xml_attr (xml, "text:style-name", "Contents_20_Heading");
  tr_odt_xml_string (xml, "目次");
  tr_odt_xml_end (xml);
  tr_odt_xml_start (xml, "text:table-of-content-entry-template");
  tr_odt_xml_attr (xml, "text:outline-level", "1");
  tr_odt_xml_attr (xml, "text:style-name", "Contents_20_1");
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
  tr_odt_xml_attr (xml, "text:name", "目次_Head");
  write_paragraph (xml, "Contents_20_Heading", "目次");
  tr_odt_xml_end (xml);

  for (guint i = 0; i < self->n_headings; i++)
    {
      Heading *heading = &self->headings[i];
      g_autofree char *text = format_heading (i, heading->title);

      tr_odt_xml_start (xml, "text:p");
      tr_odt_xml_attr (xml, "text:style-name", "Contents_20_1");
      tr_odt_xml_start (xml, "text:a");
      tr_odt_xml_attr (xml, "xlink:type", "simple");
      tr_odt_xml_attr (xml, "text:style-name", "Index_20_Link");
      tr_odt_xml_attr (xml, "text:visited-style-name", "Index_20_Link");
      tr_odt_xml_attr_printf (xml, "xlink:href", "#%s", heading->bookmark);
      tr_odt_xml_odf_text (xml, text);
      tr_odt_xml_empty (xml, "text:tab", NULL);
      tr_odt_xml_start (xml, "text:bookmark-ref");
      tr_odt_xml_attr (xml, "text:reference-format", "page");
      tr_odt_xml_attr (xml, "text:ref-name", heading->bookmark);
      tr_odt_xml_end (xml);
      tr_odt_xml_end (xml);
      tr_odt_xml_end (xml);
    }

  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);
}

static void
write_body (Builder *self)
{
  TrOdtXml *xml = &self->xml;

  for (guint i = 0; i < self->n_headings; i++)
    {
      Heading *heading = &self->headings[i];
      /* The body and the back matter each start a page. */
      gboolean new_page = i == 0 || heading->field == TR_FIELD_APPENDIX;

      tr_odt_xml_start (xml, "text:h");
      tr_odt_xml_attr (xml, "text:style-name", new_page ? "TrHeadingNewPage" : "Heading_20_1");
      tr_odt_xml_attr (xml, "text:outline-level", "1");
      tr_odt_xml_empty (xml, "text:bookmark-start", "text:name", heading->bookmark, NULL);
      tr_odt_xml_odf_text (xml, heading->title);
      tr_odt_xml_empty (xml, "text:bookmark-end", "text:name", heading->bookmark, NULL);
      tr_odt_xml_end (xml);

      {
        const char *text = tr_report_get_text (self->report, heading->field);
        g_autofree char *valid = g_utf8_make_valid (text, -1);
        Marks *marks = collect_marks (self, heading->field, valid);

        write_lines_marked (xml, valid, marks);
        marks_free (marks);
      }
      if (heading->field == TR_FIELD_APPENDIX)
        tr_odt_write_photos (xml, self->report);
    }
}

static void
write_automatic_styles (TrOdtXml *xml)
{
  tr_odt_xml_start (xml, "office:automatic-styles");

  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", "TrHeadingNewPage");
  tr_odt_xml_attr (xml, "style:family", "paragraph");
  tr_odt_xml_attr (xml, "style:parent-style-name", "Heading_20_1");
  tr_odt_xml_empty (xml, "style:paragraph-properties", "fo:break-before", "page", NULL);
  tr_odt_xml_end (xml);

  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", "TrForm");
  tr_odt_xml_attr (xml, "style:family", "table");
  tr_odt_xml_empty (xml, "style:table-properties",
                    "style:width", "16cm",
                    "table:align", "margins",
                    /* Neighbouring cells share one line, not two. */
                    "table:border-model", "collapsing",
                    NULL);
  tr_odt_xml_end (xml);

  for (guint i = 0; i < FORM_COLUMNS; i++)
    {
      tr_odt_xml_start (xml, "style:style");
      tr_odt_xml_attr (xml, "style:name", form_columns[i].name);
      tr_odt_xml_attr (xml, "style:family", "table-column");
      tr_odt_xml_empty (xml, "style:table-column-properties",
                        "style:column-width", form_columns[i].width,
                        NULL);
      tr_odt_xml_end (xml);
    }

  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", "TrFormCell");
  tr_odt_xml_attr (xml, "style:family", "table-cell");
  tr_odt_xml_empty (xml, "style:table-cell-properties",
                    "fo:padding", "0.1cm",
                    "fo:border", "0.5pt solid #000000",
                    "style:vertical-align", "middle",
                    NULL);
  tr_odt_xml_end (xml);

  tr_odt_write_photo_styles (xml);

  tr_odt_xml_end (xml);
}

static void
add_heading (Builder    *self,
             const char *title,
             TrField     field)
{
  Heading *heading = &self->headings[self->n_headings];

  heading->title = title;
  heading->field = field;
  /* LibreOffice's prefix for the marks it puts on headings itself: it keeps
   * them out of the Navigator's bookmarks. */
  heading->bookmark = g_strdup_printf ("__RefHeading__tr%u", self->n_headings + 1);
  self->n_headings++;
}

GBytes *
tr_odt_build_content (TrReport   *report,
                      GPtrArray  *comments,
                      GError    **error)
{
  Builder self = { .report = report, .comments = comments };
  GBytes *bytes;

  /* The four sections always, even empty: the review form asks for them. */
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    add_heading (&self, tr_section_get_heading (s), TR_FIELD_FROM_SECTION (s));
  if (has_text (tr_report_get_text (report, TR_FIELD_APPENDIX)) || tr_odt_count_photos (report) > 0)
    add_heading (&self, "附錄", TR_FIELD_APPENDIX);
  /* Text an import could not place: shown, so that nothing is lost and
   * the author sees what to move before submitting. */
  if (has_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED)))
    add_heading (&self, "未分類內容", TR_FIELD_UNCLASSIFIED);

  tr_odt_xml_init (&self.xml);
  tr_odt_xml_start_root (&self.xml, "office:document-content",
                         TR_ODT_NS_OFFICE | TR_ODT_NS_STYLE | TR_ODT_NS_TEXT |
                         TR_ODT_NS_TABLE | TR_ODT_NS_FO | TR_ODT_NS_XLINK | TR_ODT_NS_DC |
                         TR_ODT_NS_DRAW | TR_ODT_NS_SVG);
  write_automatic_styles (&self.xml);
  tr_odt_xml_start (&self.xml, "office:body");
  tr_odt_xml_start (&self.xml, "office:text");
  write_cover (&self);
  write_form (&self);
  write_summary (&self);
  write_table_of_contents (&self);
  write_body (&self);
  tr_odt_xml_end (&self.xml);
  tr_odt_xml_end (&self.xml);
  tr_odt_xml_end (&self.xml);

  bytes = tr_odt_xml_finish (&self.xml, "content.xml", error);
  for (guint i = 0; i < self.n_headings; i++)
    g_free (self.headings[i].bookmark);
  return bytes;
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
tr_odt_build_meta (TrReport  *report,
                   GError   **error)
{
  g_autoptr(GPtrArray) travellers = get_travellers (report);
  const char * const *keywords = tr_report_get_keywords (report);
  g_autofree char *created = format_date_time (tr_report_get_created (report));
  g_autofree char *modified = format_date_time (tr_report_get_modified (report));
  const char *author = tr_report_get_text (report, TR_FIELD_CONTACT);
  g_autofree char *title = NULL;
  TrOdtXml xml;

  /* The author is the first traveller, who writes the report. */
  if (travellers->len > 0)
    {
      TrTraveller *first = g_ptr_array_index (travellers, 0);

      if (tr_traveller_get (first, TR_TRAVELLER_NAME)[0] != '\0')
        author = tr_traveller_get (first, TR_TRAVELLER_NAME);
    }

  title = strip_line (tr_report_get_text (report, TR_FIELD_TITLE),
                      strlen (tr_report_get_text (report, TR_FIELD_TITLE)));

  tr_odt_xml_init (&xml);
  tr_odt_xml_start_root (&xml, "office:document-meta",
                         TR_ODT_NS_OFFICE | TR_ODT_NS_DC | TR_ODT_NS_META);
  tr_odt_xml_start (&xml, "office:meta");
  write_meta_element (&xml, "meta:generator", "TripReports/" PACKAGE_VERSION);
  write_meta_element (&xml, "dc:title", title);
  write_meta_element (&xml, "dc:subject", "公務出國報告");
  write_meta_element (&xml, "dc:description", tr_report_get_text (report, TR_FIELD_SUMMARY));
  for (guint i = 0; keywords[i] != NULL; i++)
    write_meta_element (&xml, "meta:keyword", keywords[i]);
  write_meta_element (&xml, "meta:initial-creator", author);
  write_meta_element (&xml, "dc:creator", author);
  write_meta_element (&xml, "meta:creation-date", created);
  write_meta_element (&xml, "dc:date", modified);
  write_meta_element (&xml, "dc:language", "zh-TW");
  tr_odt_xml_end (&xml);
  tr_odt_xml_end (&xml);

  return tr_odt_xml_finish (&xml, "meta.xml", error);
}
