/* tr-document-review.c: the filled review form (出國報告審核表) as a document
 *
 * 附件二 of 行政院及所屬各機關出國報告綜合處理要點: the header of the
 * report, the ten items with the traveller's and the agency's 是/否, the
 * reasons of 退回補正, the ways of 公開發表, the remarks and the three
 * signatures, sized to fit one A4 page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-date.h"
#include "tr-document.h"

#define CHECKED   "☑"
#define UNCHECKED "☐"

/* The item table: the item, then 是 and 否 for each column of ticks. */
static const double item_widths[] = {
  TR_DOC_CM (9.6), TR_DOC_CM (1.6), TR_DOC_CM (1.6), TR_DOC_CM (1.6), TR_DOC_CM (1.6),
};

/* The header table: label, value, label, value; the long values (title,
 * unit, period) span the three columns after their label. */
static const double header_widths[] = {
  TR_DOC_CM (2.8), TR_DOC_CM (5.2), TR_DOC_CM (2.8), TR_DOC_CM (5.2),
};

static const double signature_widths[TR_N_REVIEW_SIGNATURES] = {
  TR_DOC_TEXT_WIDTH / 3, TR_DOC_TEXT_WIDTH / 3, TR_DOC_TEXT_WIDTH / 3,
};

static TrDocTable *
new_table (TrDocTableKind  kind,
           const char     *name,
           guint           n_columns,
           const double   *widths)
{
  TrDocTable *table = tr_doc_table_new (kind, name, n_columns, widths);

  table->borders = TRUE;
  table->padding = TR_DOC_CM (0.08);
  table->space_after = TR_DOC_CM (0.25);
  return table;
}

static void
set_cell (TrDocTable *table,
          TrDocRow   *row,
          guint       column,
          guint       columns,
          TrDocStyle  style,
          const char *text)
{
  TrDocCell *cell = tr_doc_row_set_cell (table, row, column, columns, 1);

  tr_doc_cell_add_text (cell, style, text);
}

/* "105年7月9日", or the text as it is when it is not an ISO date. */
static char *
format_date (const char *iso)
{
  char *minguo = tr_date_format_minguo (iso);

  return minguo != NULL ? minguo : g_strdup (iso);
}

/* The travellers' values of @field joined with 、; with @unique, each once
 * (units, which several travellers share). */
static char *
join_travellers (TrReport          *report,
                 TrTravellerField   field,
                 gboolean           unique)
{
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_auto(GStrv) values = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);
      const char *value = tr_traveller_get (traveller, field);

      if (value[0] != '\0' && !(unique && g_ptr_array_find_with_equal_func (seen, value, g_str_equal, NULL)))
        {
          g_strv_builder_add (builder, value);
          g_ptr_array_add (seen, (gpointer) value);
        }
    }
  values = g_strv_builder_end (builder);
  return g_strjoinv ("、", values);
}

static void
add_header (TrDocument *self,
            TrReport   *report)
{
  g_autofree char *names = join_travellers (report, TR_TRAVELLER_NAME, FALSE);
  g_autofree char *titles = join_travellers (report, TR_TRAVELLER_TITLE, FALSE);
  g_autofree char *units = join_travellers (report, TR_TRAVELLER_UNIT, TRUE);
  g_autofree char *start = format_date (tr_report_get_text (report, TR_FIELD_PERIOD_START));
  g_autofree char *end = format_date (tr_report_get_text (report, TR_FIELD_PERIOD_END));
  g_autofree char *report_date = format_date (tr_report_get_text (report, TR_FIELD_REPORT_DATE));
  g_autofree char *period = NULL;
  g_autofree char *unit = NULL;
  const char *category = tr_report_get_text (report, TR_FIELD_CATEGORY);
  const char *category_other = tr_report_get_text (report, TR_FIELD_CATEGORY_OTHER);
  g_autofree char *category_text = NULL;
  TrDocTable *table = new_table (TR_DOC_TABLE_REVIEW_HEADER, "審核表資料",
                                 G_N_ELEMENTS (header_widths), header_widths);
  TrDocRow *row;

  period = start[0] != '\0' || end[0] != '\0' ? g_strdup_printf ("%s至%s", start, end) : g_strdup ("");
  /* 服務單位: the agency, then the travellers' units. */
  unit = units[0] != '\0' ? g_strdup_printf ("%s %s", tr_report_get_text (report, TR_FIELD_AGENCY), units)
                          : g_strdup (tr_report_get_text (report, TR_FIELD_AGENCY));
  g_strstrip (unit);
  category_text = category_other[0] != '\0' ? g_strdup_printf ("%s（%s）", category, category_other)
                                            : g_strdup (category);

  row = tr_doc_table_add_row (table);
  set_cell (table, row, 0, 1, TR_DOC_STYLE_REVIEW_LABEL, "報告名稱");
  set_cell (table, row, 1, 3, TR_DOC_STYLE_REVIEW_TEXT, tr_report_get_text (report, TR_FIELD_TITLE));

  row = tr_doc_table_add_row (table);
  set_cell (table, row, 0, 1, TR_DOC_STYLE_REVIEW_LABEL, "出國人姓名");
  set_cell (table, row, 1, 1, TR_DOC_STYLE_REVIEW_TEXT, names);
  set_cell (table, row, 2, 1, TR_DOC_STYLE_REVIEW_LABEL, "職稱");
  set_cell (table, row, 3, 1, TR_DOC_STYLE_REVIEW_TEXT, titles);

  row = tr_doc_table_add_row (table);
  set_cell (table, row, 0, 1, TR_DOC_STYLE_REVIEW_LABEL, "服務單位");
  set_cell (table, row, 1, 3, TR_DOC_STYLE_REVIEW_TEXT, unit);

  row = tr_doc_table_add_row (table);
  set_cell (table, row, 0, 1, TR_DOC_STYLE_REVIEW_LABEL, "出國期間");
  set_cell (table, row, 1, 3, TR_DOC_STYLE_REVIEW_TEXT, period);

  row = tr_doc_table_add_row (table);
  set_cell (table, row, 0, 1, TR_DOC_STYLE_REVIEW_LABEL, "出國類別");
  set_cell (table, row, 1, 1, TR_DOC_STYLE_REVIEW_TEXT, category_text);
  set_cell (table, row, 2, 1, TR_DOC_STYLE_REVIEW_LABEL, "報告繳交日期");
  set_cell (table, row, 3, 1, TR_DOC_STYLE_REVIEW_TEXT, report_date);

  tr_document_add_table (self, table);
}

/* Options with their boxes, @per_line on each line: the form must stay
 * one page. */
static void
add_options (TrDocCell          *cell,
             const char * const *texts,
             const gboolean     *checked,
             guint               n,
             guint               per_line)
{
  for (guint i = 0; i < n; i += per_line)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint j = i; j < MIN (i + per_line, n); j++)
        {
          if (j > i)
            g_string_append (line, "　　");
          g_string_append_printf (line, "%s %s", checked[j] ? CHECKED : UNCHECKED, texts[j]);
        }
      tr_doc_cell_add_text (cell, TR_DOC_STYLE_REVIEW_OPTION, line->str);
    }
}

static void
add_item_row (TrDocTable   *table,
              TrReview     *review,
              TrReviewItem  item)
{
  g_autofree char *label = g_strdup_printf ("%u. %s", item + 1, tr_review_item_get_text (item));
  TrDocRow *row = tr_doc_table_add_row (table);
  TrDocCell *cell = tr_doc_row_set_cell (table, row, 0, 1, 1);

  tr_doc_cell_add_text (cell, TR_DOC_STYLE_REVIEW_ITEM, label);
  switch (item)
    {
    case TR_REVIEW_ITEM_RETURN:
      {
        const char *texts[TR_N_RETURN_REASONS];
        gboolean checked[TR_N_RETURN_REASONS];

        for (guint i = 0; i < TR_N_RETURN_REASONS; i++)
          {
            texts[i] = tr_return_reason_get_text (1u << i);
            checked[i] = (tr_review_get_return_reasons (review) & (1u << i)) != 0;
          }
        add_options (cell, texts, checked, TR_N_RETURN_REASONS, 2);
      }
      break;
    case TR_REVIEW_ITEM_PUBLICATION:
      {
        const char *other = tr_review_get_publication_other (review);
        g_autofree char *other_text = other[0] != '\0'
                                      ? g_strdup_printf ("%s：%s", tr_publication_get_text (TR_PUBLICATION_OTHER), other)
                                      : g_strdup (tr_publication_get_text (TR_PUBLICATION_OTHER));
        const char *texts[TR_N_PUBLICATIONS];
        gboolean checked[TR_N_PUBLICATIONS];

        for (guint i = 0; i < TR_N_PUBLICATIONS; i++)
          {
            texts[i] = (1u << i) == TR_PUBLICATION_OTHER ? other_text : tr_publication_get_text (1u << i);
            checked[i] = (tr_review_get_publication (review) & (1u << i)) != 0;
          }
        add_options (cell, texts, checked, TR_N_PUBLICATIONS, 2);
      }
      break;
    case TR_REVIEW_ITEM_OTHER:
      {
        g_auto(GStrv) lines = g_strsplit (tr_review_get_remarks (review), "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          if (lines[i][0] != '\0')
            tr_doc_cell_add_text (cell, TR_DOC_STYLE_REVIEW_OPTION, lines[i]);
      }
      break;
    default:
      break;
    }

  for (guint column = 0; column < TR_N_REVIEW_COLUMNS; column++)
    {
      TrReviewAnswer answer = tr_review_get_answer (review, item, column);

      set_cell (table, row, 1 + 2 * column, 1, TR_DOC_STYLE_REVIEW_TICK,
                answer == TR_REVIEW_ANSWER_YES ? CHECKED : UNCHECKED);
      set_cell (table, row, 2 + 2 * column, 1, TR_DOC_STYLE_REVIEW_TICK,
                answer == TR_REVIEW_ANSWER_NO ? CHECKED : UNCHECKED);
    }
}

static void
add_items (TrDocument *self,
           TrReview   *review)
{
  TrDocTable *table = new_table (TR_DOC_TABLE_REVIEW_ITEMS, "審核項目",
                                 G_N_ELEMENTS (item_widths), item_widths);
  TrDocRow *row = tr_doc_table_add_row (table);
  TrDocCell *cell = tr_doc_row_set_cell (table, row, 0, 1, 2);

  tr_doc_cell_add_text (cell, TR_DOC_STYLE_REVIEW_LABEL, "審核項目");
  set_cell (table, row, 1, 2, TR_DOC_STYLE_REVIEW_COLUMN, "出國人員自我檢核");
  set_cell (table, row, 3, 2, TR_DOC_STYLE_REVIEW_COLUMN, "計畫主辦機關審核");
  row = tr_doc_table_add_row (table);
  for (guint column = 0; column < TR_N_REVIEW_COLUMNS; column++)
    {
      set_cell (table, row, 1 + 2 * column, 1, TR_DOC_STYLE_REVIEW_LABEL, "是");
      set_cell (table, row, 2 + 2 * column, 1, TR_DOC_STYLE_REVIEW_LABEL, "否");
    }
  table->n_header_rows = 2;

  for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
    add_item_row (table, review, item);

  tr_document_add_table (self, table);
}

static void
add_signatures (TrDocument *self,
                TrReview   *review)
{
  TrDocTable *table = new_table (TR_DOC_TABLE_REVIEW_SIGNATURES, "簽章",
                                 TR_N_REVIEW_SIGNATURES, signature_widths);
  TrDocRow *row = tr_doc_table_add_row (table);

  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    set_cell (table, row, i, 1, TR_DOC_STYLE_REVIEW_LABEL, tr_review_signature_get_text (i));
  row = tr_doc_table_add_row (table);
  /* Room for a signature under the role. */
  row->min_height = TR_DOC_CM (1.4);
  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    set_cell (table, row, i, 1, TR_DOC_STYLE_REVIEW_LABEL, tr_review_get_signature (review, i));
  tr_document_add_table (self, table);
}

TrDocument *
tr_document_new_for_review_form (TrReport *report,
                                 TrReview *review)
{
  TrDocument *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (TR_IS_REPORT (report), NULL);
  g_return_val_if_fail (TR_IS_REVIEW (review), NULL);

  self = tr_document_new ();
  tr_document_set_metadata (self, report);
  title = g_steal_pointer (&self->title);
  self->title = g_strconcat (title, title[0] != '\0' ? "：" : "", "出國報告審核表", NULL);
  g_free (self->subject);
  self->subject = g_strdup ("出國報告審核表");

  tr_document_add_review_form (self, report, review);
  return self;
}

void
tr_document_add_review_form (TrDocument *self,
                             TrReport   *report,
                             TrReview   *review)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (TR_IS_REPORT (report));
  g_return_if_fail (TR_IS_REVIEW (review));

  tr_document_add_paragraph (self, tr_doc_paragraph_new (TR_DOC_STYLE_REVIEW_TITLE, "出國報告審核表"));
  add_header (self, report);
  add_items (self, review);
  add_signatures (self, review);
}
