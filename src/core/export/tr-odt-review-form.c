/* tr-odt-review-form.c
 *
 * 附件二 of 行政院及所屬各機關出國報告綜合處理要點 as an ODT: the header
 * of the report, the ten items with the traveller's and the agency's 是/否,
 * the reasons of 退回補正, the ways of 公開發表, the remarks and the three
 * signatures, sized to fit one A4 page. It shares styles.xml and meta.xml
 * with the report's export; its own table styles are automatic styles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-date.h"
#include "tr-odt-package.h"
#include "tr-odt-private.h"
#include "tr-odt-review-form.h"

#define CHECKED   "☑"
#define UNCHECKED "☐"

/* The item table: the item, then 是 and 否 for each column of ticks. */
static const struct {
  const char *name;
  const char *width;
} item_columns[] = {
  { "TrReviewItems.A", "9.6cm" },
  { "TrReviewItems.B", "1.6cm" },
  { "TrReviewItems.C", "1.6cm" },
  { "TrReviewItems.D", "1.6cm" },
  { "TrReviewItems.E", "1.6cm" },
};

/* The header table: label, value, label, value; the long values (title,
 * unit, period) span the three columns after their label. */
static const struct {
  const char *name;
  const char *width;
} header_columns[] = {
  { "TrReviewHeader.A", "2.8cm" },
  { "TrReviewHeader.B", "5.2cm" },
  { "TrReviewHeader.C", "2.8cm" },
  { "TrReviewHeader.D", "5.2cm" },
};

static void
write_table_style (TrOdtXml   *xml,
                   const char *name)
{
  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", name);
  tr_odt_xml_attr (xml, "style:family", "table");
  tr_odt_xml_empty (xml, "style:table-properties",
                    "style:width", "16cm",
                    "table:align", "margins",
                    "fo:margin-bottom", "0.25cm",
                    "table:border-model", "collapsing",
                    NULL);
  tr_odt_xml_end (xml);
}

static void
write_column_style (TrOdtXml   *xml,
                    const char *name,
                    const char *width)
{
  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", name);
  tr_odt_xml_attr (xml, "style:family", "table-column");
  tr_odt_xml_empty (xml, "style:table-column-properties", "style:column-width", width, NULL);
  tr_odt_xml_end (xml);
}

/* Both the Latin and the CJK size, as styles.xml does. */
static void
write_paragraph_style (TrOdtXml   *xml,
                       const char *name,
                       const char *align,
                       const char *size,
                       gboolean    bold,
                       const char *master_page)
{
  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", name);
  tr_odt_xml_attr (xml, "style:family", "paragraph");
  tr_odt_xml_attr (xml, "style:parent-style-name", "Standard");
  if (master_page != NULL)
    tr_odt_xml_attr (xml, "style:master-page-name", master_page);
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "fo:text-align", align,
                    "fo:line-height", "105%",
                    "fo:margin-top", "0cm",
                    "fo:margin-bottom", master_page != NULL ? "0.3cm" : "0cm",
                    NULL);
  tr_odt_xml_start (xml, "style:text-properties");
  tr_odt_xml_attr (xml, "fo:font-size", size);
  tr_odt_xml_attr (xml, "style:font-size-asian", size);
  tr_odt_xml_attr (xml, "style:font-size-complex", size);
  if (bold)
    {
      tr_odt_xml_attr (xml, "fo:font-weight", "bold");
      tr_odt_xml_attr (xml, "style:font-weight-asian", "bold");
      tr_odt_xml_attr (xml, "style:font-weight-complex", "bold");
    }
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);
}

static void
write_automatic_styles (TrOdtXml *xml)
{
  tr_odt_xml_start (xml, "office:automatic-styles");

  write_table_style (xml, "TrReviewHeader");
  write_table_style (xml, "TrReviewItems");
  write_table_style (xml, "TrReviewSignatures");
  for (guint i = 0; i < G_N_ELEMENTS (header_columns); i++)
    write_column_style (xml, header_columns[i].name, header_columns[i].width);
  for (guint i = 0; i < G_N_ELEMENTS (item_columns); i++)
    write_column_style (xml, item_columns[i].name, item_columns[i].width);
  write_column_style (xml, "TrReviewSignatures.A", "5.33cm");

  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", "TrReviewCell");
  tr_odt_xml_attr (xml, "style:family", "table-cell");
  tr_odt_xml_empty (xml, "style:table-cell-properties",
                    "fo:padding", "0.08cm",
                    "fo:border", "0.5pt solid #000000",
                    "style:vertical-align", "middle",
                    NULL);
  tr_odt_xml_end (xml);

  /* Room for a signature under the role. */
  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", "TrReviewSignatureRow");
  tr_odt_xml_attr (xml, "style:family", "table-row");
  tr_odt_xml_empty (xml, "style:table-row-properties", "style:min-row-height", "1.4cm", NULL);
  tr_odt_xml_end (xml);

  /* The title starts the page style without a page number: the form is
   * one page on its own. */
  write_paragraph_style (xml, "TrReviewTitle", "center", "16pt", TRUE, "TrCover");
  write_paragraph_style (xml, "TrReviewLabel", "center", "11pt", FALSE, NULL);
  write_paragraph_style (xml, "TrReviewText", "start", "11pt", FALSE, NULL);
  /* Item 2, the longest, on one line. */
  write_paragraph_style (xml, "TrReviewItem", "start", "10.5pt", FALSE, NULL);
  write_paragraph_style (xml, "TrReviewColumn", "center", "10pt", FALSE, NULL);
  write_paragraph_style (xml, "TrReviewTick", "center", "12pt", FALSE, NULL);
  write_paragraph_style (xml, "TrReviewOption", "start", "10pt", FALSE, NULL);

  tr_odt_xml_end (xml);
}

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

static void
write_cell (TrOdtXml   *xml,
            const char *style,
            const char *text,
            guint       columns)
{
  tr_odt_xml_start_cell (xml, "TrReviewCell", columns, 1);
  write_paragraph (xml, style, text);
  tr_odt_xml_end_cell (xml, columns);
}

static void
start_table (TrOdtXml   *xml,
             const char *name,
             const char *style)
{
  tr_odt_xml_start (xml, "table:table");
  tr_odt_xml_attr (xml, "table:name", name);
  tr_odt_xml_attr (xml, "table:style-name", style);
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
write_header (TrOdtXml *xml,
              TrReport *report)
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

  period = start[0] != '\0' || end[0] != '\0' ? g_strdup_printf ("%s至%s", start, end) : g_strdup ("");
  /* 服務單位: the agency, then the travellers' units. */
  unit = units[0] != '\0' ? g_strdup_printf ("%s %s", tr_report_get_text (report, TR_FIELD_AGENCY), units)
                          : g_strdup (tr_report_get_text (report, TR_FIELD_AGENCY));
  g_strstrip (unit);
  category_text = category_other[0] != '\0' ? g_strdup_printf ("%s（%s）", category, category_other)
                                            : g_strdup (category);

  start_table (xml, "審核表資料", "TrReviewHeader");
  for (guint i = 0; i < G_N_ELEMENTS (header_columns); i++)
    tr_odt_xml_empty (xml, "table:table-column", "table:style-name", header_columns[i].name, NULL);

  tr_odt_xml_start (xml, "table:table-row");
  write_cell (xml, "TrReviewLabel", "報告名稱", 1);
  write_cell (xml, "TrReviewText", tr_report_get_text (report, TR_FIELD_TITLE), 3);
  tr_odt_xml_end (xml);

  tr_odt_xml_start (xml, "table:table-row");
  write_cell (xml, "TrReviewLabel", "出國人姓名", 1);
  write_cell (xml, "TrReviewText", names, 1);
  write_cell (xml, "TrReviewLabel", "職稱", 1);
  write_cell (xml, "TrReviewText", titles, 1);
  tr_odt_xml_end (xml);

  tr_odt_xml_start (xml, "table:table-row");
  write_cell (xml, "TrReviewLabel", "服務單位", 1);
  write_cell (xml, "TrReviewText", unit, 3);
  tr_odt_xml_end (xml);

  tr_odt_xml_start (xml, "table:table-row");
  write_cell (xml, "TrReviewLabel", "出國期間", 1);
  write_cell (xml, "TrReviewText", period, 3);
  tr_odt_xml_end (xml);

  tr_odt_xml_start (xml, "table:table-row");
  write_cell (xml, "TrReviewLabel", "出國類別", 1);
  write_cell (xml, "TrReviewText", category_text, 1);
  write_cell (xml, "TrReviewLabel", "報告繳交日期", 1);
  write_cell (xml, "TrReviewText", report_date, 1);
  tr_odt_xml_end (xml);

  tr_odt_xml_end (xml);
}

/* Options with their boxes, @per_line on each line: the form must stay
 * one page. */
static void
write_options (TrOdtXml          *xml,
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
      write_paragraph (xml, "TrReviewOption", line->str);
    }
}

static void
write_item_row (TrOdtXml     *xml,
                TrReview     *review,
                TrReviewItem  item)
{
  g_autofree char *label = g_strdup_printf ("%u. %s", item + 1, tr_review_item_get_text (item));

  tr_odt_xml_start (xml, "table:table-row");
  tr_odt_xml_start_cell (xml, "TrReviewCell", 1, 1);
  write_paragraph (xml, "TrReviewItem", label);
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
        write_options (xml, texts, checked, TR_N_RETURN_REASONS, 2);
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
        write_options (xml, texts, checked, TR_N_PUBLICATIONS, 2);
      }
      break;
    case TR_REVIEW_ITEM_OTHER:
      {
        g_auto(GStrv) lines = g_strsplit (tr_review_get_remarks (review), "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          if (lines[i][0] != '\0')
            write_paragraph (xml, "TrReviewOption", lines[i]);
      }
      break;
    default:
      break;
    }
  tr_odt_xml_end_cell (xml, 1);

  for (guint column = 0; column < TR_N_REVIEW_COLUMNS; column++)
    {
      TrReviewAnswer answer = tr_review_get_answer (review, item, column);

      write_cell (xml, "TrReviewTick", answer == TR_REVIEW_ANSWER_YES ? CHECKED : UNCHECKED, 1);
      write_cell (xml, "TrReviewTick", answer == TR_REVIEW_ANSWER_NO ? CHECKED : UNCHECKED, 1);
    }
  tr_odt_xml_end (xml);
}

static void
write_items (TrOdtXml *xml,
             TrReview *review)
{
  start_table (xml, "審核項目", "TrReviewItems");
  for (guint i = 0; i < G_N_ELEMENTS (item_columns); i++)
    tr_odt_xml_empty (xml, "table:table-column", "table:style-name", item_columns[i].name, NULL);

  tr_odt_xml_start (xml, "table:table-header-rows");
  tr_odt_xml_start (xml, "table:table-row");
  tr_odt_xml_start_cell (xml, "TrReviewCell", 1, 2);
  write_paragraph (xml, "TrReviewLabel", "審核項目");
  tr_odt_xml_end_cell (xml, 1);
  write_cell (xml, "TrReviewColumn", "出國人員自我檢核", 2);
  write_cell (xml, "TrReviewColumn", "計畫主辦機關審核", 2);
  tr_odt_xml_end (xml);
  tr_odt_xml_start (xml, "table:table-row");
  tr_odt_xml_empty (xml, "table:covered-table-cell", NULL);
  for (guint column = 0; column < TR_N_REVIEW_COLUMNS; column++)
    {
      write_cell (xml, "TrReviewLabel", "是", 1);
      write_cell (xml, "TrReviewLabel", "否", 1);
    }
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);

  for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
    write_item_row (xml, review, item);

  tr_odt_xml_end (xml);
}

static void
write_signatures (TrOdtXml *xml,
                  TrReview *review)
{
  start_table (xml, "簽章", "TrReviewSignatures");
  tr_odt_xml_empty (xml, "table:table-column",
                    "table:style-name", "TrReviewSignatures.A",
                    "table:number-columns-repeated", "3",
                    NULL);
  tr_odt_xml_start (xml, "table:table-row");
  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    write_cell (xml, "TrReviewLabel", tr_review_signature_get_text (i), 1);
  tr_odt_xml_end (xml);
  tr_odt_xml_start (xml, "table:table-row");
  tr_odt_xml_attr (xml, "table:style-name", "TrReviewSignatureRow");
  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    write_cell (xml, "TrReviewLabel", tr_review_get_signature (review, i), 1);
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);
}

GBytes *
tr_odt_build_review_form_content (TrReport  *report,
                                  TrReview  *review,
                                  GError   **error)
{
  TrOdtXml xml;

  tr_odt_xml_init (&xml);
  tr_odt_xml_start_root (&xml, "office:document-content",
                         TR_ODT_NS_OFFICE | TR_ODT_NS_STYLE | TR_ODT_NS_TEXT |
                         TR_ODT_NS_TABLE | TR_ODT_NS_FO);
  write_automatic_styles (&xml);
  tr_odt_xml_start (&xml, "office:body");
  tr_odt_xml_start (&xml, "office:text");
  write_paragraph (&xml, "TrReviewTitle", "出國報告審核表");
  write_header (&xml, report);
  write_items (&xml, review);
  write_signatures (&xml, review);
  tr_odt_xml_end (&xml);
  tr_odt_xml_end (&xml);
  tr_odt_xml_end (&xml);
  return tr_odt_xml_finish (&xml, "content.xml", error);
}

GBytes *
tr_odt_review_form_to_bytes (TrReport  *report,
                             TrReview  *review,
                             GError   **error)
{
  GBytes *content;

  g_return_val_if_fail (TR_IS_REPORT (report), NULL);
  g_return_val_if_fail (TR_IS_REVIEW (review), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  content = tr_odt_build_review_form_content (report, review, error);
  if (content == NULL)
    return NULL;
  return tr_odt_package_build (report, content, error);
}

gboolean
tr_odt_review_form_to_file (TrReport      *report,
                            TrReview      *review,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GBytes) package = NULL;

  g_return_val_if_fail (TR_IS_REPORT (report), FALSE);
  g_return_val_if_fail (TR_IS_REVIEW (review), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  package = tr_odt_review_form_to_bytes (report, review, error);
  if (package == NULL)
    return FALSE;
  return tr_odt_package_write (package, file, cancellable, error);
}

/* TrReport and TrReview are not thread-safe: the thread works on copies. */
typedef struct {
  TrReport *snapshot;
  TrReview *review;
} ExportData;

static void
export_data_free (gpointer user_data)
{
  ExportData *data = user_data;

  g_clear_object (&data->snapshot);
  g_clear_object (&data->review);
  g_free (data);
}

static GBytes *
build_snapshot (gpointer   user_data,
                GError   **error)
{
  ExportData *data = user_data;

  return tr_odt_review_form_to_bytes (data->snapshot, data->review, error);
}

void
tr_odt_review_form_export_async (TrReport            *report,
                                 TrReview            *review,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  ExportData *data;

  g_return_if_fail (TR_IS_REPORT (report));
  g_return_if_fail (TR_IS_REVIEW (review));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ExportData, 1);
  data->snapshot = tr_report_copy (report);
  data->review = tr_review_copy (review);
  tr_odt_package_write_async (build_snapshot, data, export_data_free, file,
                              tr_odt_review_form_export_async, cancellable, callback, user_data);
}

gboolean
tr_odt_review_form_export_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, tr_odt_review_form_export_async), FALSE);

  return tr_odt_package_write_finish (result, error);
}

char *
tr_odt_review_form_suggest_name (TrReport *report)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (TR_IS_REPORT (report), NULL);

  stem = tr_odt_package_name_stem (report);
  return g_strconcat (stem, "-審核表.odt", NULL);
}
