/* tr-fidelity.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-fidelity-grid.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "tr-fidelity-private.h"
#include "tr-photo.h"

#define PHOTO_PIXELS 160

/* The corpus ------------------------------------------------------------------ */

#define NO_CHROMIUM (1u << TR_FIDELITY_CHROMIUM)
#define NO_PANDOC   (1u << TR_FIDELITY_PANDOC)
/* A flat ODT only LibreOffice opens. */
#define ONLY_LIBREOFFICE (NO_CHROMIUM | NO_PANDOC)

static const TrFidelityCase cases[] = {
  { "cover-kind-above", 101, TR_FIDELITY_COVER_KIND_ABOVE, FALSE, FALSE, TR_FIDELITY_HEADINGS_NUMBERED },
  { "cover-kind-below", 102, TR_FIDELITY_COVER_KIND_BELOW, FALSE, FALSE, TR_FIDELITY_HEADINGS_CHAPTERS },
  { "cover-bare", 103, TR_FIDELITY_COVER_BARE, FALSE, FALSE, TR_FIDELITY_HEADINGS_NUMBERED },
  { "running-header", 104, TR_FIDELITY_COVER_NONE, TRUE, FALSE, TR_FIDELITY_HEADINGS_NUMBERED,
    .skip_producers = NO_PANDOC },
  { "form-grid", 105, TR_FIDELITY_COVER_KIND_ABOVE, FALSE, TRUE, TR_FIDELITY_HEADINGS_NUMBERED },
  { "roman-gloss", 106, TR_FIDELITY_COVER_KIND_ABOVE, FALSE, FALSE, TR_FIDELITY_HEADINGS_ROMAN_GLOSS },
  { "chapter-above", 107, TR_FIDELITY_COVER_KIND_BELOW, FALSE, FALSE, TR_FIDELITY_HEADINGS_CHAPTER_ABOVE },
  { "spaced", 108, TR_FIDELITY_COVER_BARE, FALSE, FALSE, TR_FIDELITY_HEADINGS_SPACED },
  { "spaced-half", 109, TR_FIDELITY_COVER_KIND_ABOVE, FALSE, FALSE, TR_FIDELITY_HEADINGS_SPACED_HALF },
  { "columns", 110, TR_FIDELITY_COVER_KIND_ABOVE, FALSE, FALSE, TR_FIDELITY_HEADINGS_NUMBERED,
    .columns = TRUE },
  { "photo-grid", 111, TR_FIDELITY_COVER_KIND_BELOW, FALSE, FALSE, TR_FIDELITY_HEADINGS_NUMBERED,
    .photo_grid = TRUE },
  { "footnotes", 112, TR_FIDELITY_COVER_KIND_ABOVE, FALSE, FALSE, TR_FIDELITY_HEADINGS_NUMBERED,
    .footnotes = TRUE, .skip_producers = NO_CHROMIUM },
  { "scanned-page", 113, TR_FIDELITY_COVER_KIND_ABOVE, FALSE, FALSE, TR_FIDELITY_HEADINGS_CHAPTERS,
    .scanned_page = TRUE },
  { "tables-ruled", 114, TR_FIDELITY_COVER_KIND_ABOVE, FALSE, FALSE, TR_FIDELITY_HEADINGS_NUMBERED,
    .tables = TR_FIDELITY_TABLES_RULED },
  { "tables-unruled", 115, TR_FIDELITY_COVER_BARE, FALSE, FALSE, TR_FIDELITY_HEADINGS_CHAPTERS,
    .tables = TR_FIDELITY_TABLES_UNRULED },
  { "grid-spaced", 116, TR_FIDELITY_COVER_KIND_ABOVE, FALSE, TRUE, TR_FIDELITY_HEADINGS_NUMBERED,
    .grid = TR_FIDELITY_GRID_SPACED, .skip_producers = ONLY_LIBREOFFICE },
  { "grid-letter-spaced", 117, TR_FIDELITY_COVER_KIND_BELOW, FALSE, TRUE, TR_FIDELITY_HEADINGS_NUMBERED,
    .grid = TR_FIDELITY_GRID_LETTER_SPACED, .skip_producers = ONLY_LIBREOFFICE },
  { "grid-page-split", 118, TR_FIDELITY_COVER_BARE, FALSE, TRUE, TR_FIDELITY_HEADINGS_NUMBERED,
    .grid = TR_FIDELITY_GRID_PAGE_SPLIT, .skip_producers = ONLY_LIBREOFFICE },
  { "grid-long-summary", 119, TR_FIDELITY_COVER_KIND_ABOVE, FALSE, TRUE, TR_FIDELITY_HEADINGS_NUMBERED,
    .grid = TR_FIDELITY_GRID_LONG_SUMMARY, .skip_producers = ONLY_LIBREOFFICE },
  /* Other agencies' words and dates, other footers; LibreOffice prints
   * the cases with a running header or footer from a Writer document. */
  { "cover-other-western", 120, TR_FIDELITY_COVER_KIND_ABOVE, FALSE, FALSE, TR_FIDELITY_HEADINGS_LOWER,
    .other_labels = TRUE, .dates = TR_FIDELITY_DATES_WESTERN, .page_numbers = TR_FIDELITY_PAGE_NUMBERS_DI_YE },
  { "cover-other-dotted", 121, TR_FIDELITY_COVER_BARE, FALSE, FALSE, TR_FIDELITY_HEADINGS_SYNONYMS,
    .other_labels = TRUE, .dates = TR_FIDELITY_DATES_ROC_DOTTED, .page_numbers = TR_FIDELITY_PAGE_NUMBERS_DASHED },
  { "header-page-of", 122, TR_FIDELITY_COVER_KIND_BELOW, TRUE, FALSE, TR_FIDELITY_HEADINGS_ROMAN_GLOSS,
    .page_numbers = TR_FIDELITY_PAGE_NUMBERS_OF_TOTAL, .tables = TR_FIDELITY_TABLES_RULED },
  { "header-chapters", 123, TR_FIDELITY_COVER_NONE, TRUE, FALSE, TR_FIDELITY_HEADINGS_CHAPTER_ABOVE,
    .page_numbers = TR_FIDELITY_PAGE_NUMBERS_DI_YE, .skip_producers = NO_PANDOC },
  { "form-other-western", 124, TR_FIDELITY_COVER_KIND_BELOW, FALSE, TRUE, TR_FIDELITY_HEADINGS_SPACED,
    .other_labels = TRUE, .dates = TR_FIDELITY_DATES_WESTERN },
  { "form-other-roc", 125, TR_FIDELITY_COVER_NONE, FALSE, TRUE, TR_FIDELITY_HEADINGS_SYNONYMS,
    .other_labels = TRUE, .dates = TR_FIDELITY_DATES_ROC },
  { "form-dotted-lower", 126, TR_FIDELITY_COVER_KIND_ABOVE, FALSE, TRUE, TR_FIDELITY_HEADINGS_LOWER,
    .dates = TR_FIDELITY_DATES_ROC_DOTTED },
};

const TrFidelityCase *
tr_fidelity_get_cases (guint *out_n_cases)
{
  *out_n_cases = G_N_ELEMENTS (cases);
  return cases;
}

const char *
tr_fidelity_producer_name (TrFidelityProducer producer)
{
  static const char * const names[] = { "chromium", "libreoffice", "pandoc+lo" };

  g_return_val_if_fail (producer < TR_FIDELITY_N_PRODUCERS, "?");
  return names[producer];
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

gboolean
tr_fidelity_producer_available (TrFidelityProducer producer)
{
  switch (producer)
    {
    case TR_FIDELITY_CHROMIUM:
      return have_program ("chromium");
    case TR_FIDELITY_LIBREOFFICE:
      return have_program ("soffice");
    case TR_FIDELITY_PANDOC:
      return have_program ("soffice") && have_program ("pandoc");
    case TR_FIDELITY_N_PRODUCERS:
    default:
      return FALSE;
    }
}

/* The words of a report --------------------------------------------------------- */

typedef TrFidelityTrip Trip;

static const Trip trips[] = {
  { "臺中市政府組團赴新加坡|參加「2016世界城市峰會」|出國報告", "臺中市政府", "秘書處", "股長 陳文政", "陳文政", "股長",
    "新加坡", "105年7月9日至105年7月11日", "2016-07-09", "2016-07-11", "105年9月7日", "2016-09-07", "開會" },
  { "赴日本東京考察|智慧交通與公共運輸整合|出國報告", "交通部", "路政司", "科長 林怡君", "林怡君", "科長",
    "日本", "107年3月12日至107年3月16日", "2018-03-12", "2018-03-16", "107年5月30日", "2018-05-30", "考察" },
  { "參加亞太經濟合作|城鎮化議題主席之友會議", "內政部營建署", "國民住宅組", "技正 黃志明", "黃志明", "技正",
    "智利", "108年2月25日至108年3月2日", "2019-02-25", "2019-03-02", "108年4月18日", "2019-04-18", "開會" },
  { "赴荷蘭研習|水資源管理與防洪韌性規劃", "經濟部水利署", "水利規劃試驗所", "副工程司 張家豪", "張家豪", "副工程司",
    "荷蘭", "106年10月2日至106年10月13日", "2017-10-02", "2017-10-13", "106年12月20日", "2017-12-20", "研究" },
  { "新北市政府參加亞太城市峰會|暨市長論壇出國報告", "新北市政府", "研究發展考核委員會", "專員 吳佩珊", "吳佩珊", "專員",
    "韓國", "106年9月10日至106年9月13日", "2017-09-10", "2017-09-13", "106年11月2日", "2017-11-02", "其他" },
};

/* Clauses of prose, none opening with a heading's words. */
static const char * const clauses[] = {
  "本團拜會當地市政府交通局瞭解其公共運輸票證整合之做法", "與會代表就城市韌性與氣候調適交換意見",
  "主辦單位安排參觀污水處理廠及再生水示範場域", "該市以開放資料平臺公開即時車流與停車資訊",
  "講者說明社會住宅興辦與租金補貼之財務機制", "雙方同意持續推動城市間之技術交流與人員互訪",
  "OECD專家指出數位轉型需兼顧資料治理與隱私保護", "現場展示以感測器監測河川水位之預警系統",
  "當地官員強調公私協力對於都市更新之重要性", "會議期間並與各國代表建立聯繫管道",
  "the smart mobility pilot covers three districts", "透過BIM技術整合設計施工與維護管理資訊",
  "本市可參考其經驗檢討現行補助制度", "參訪行程緊湊但收穫豐碩",
};

static void
append_paragraph (GString *out,
                  GRand   *rand,
                  guint    n_clauses)
{
  for (guint c = 0; c < n_clauses; c++)
    g_string_append_printf (out, "%s%s", clauses[g_rand_int_range (rand, 0, G_N_ELEMENTS (clauses))],
                            c + 1 < n_clauses ? "，" : "。");
}

/* Paragraphs of a section, one per line. */
static char *
make_section (GRand *rand,
              guint  n_paragraphs,
              gboolean items)
{
  static const char * const numerals[] = { "一", "二", "三", "四", "五", "六" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_paragraphs; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (items)
        g_string_append_printf (text, "%s、", numerals[i % G_N_ELEMENTS (numerals)]);
      append_paragraph (text, rand, g_rand_int_range (rand, 4, 10));
    }
  return g_string_free (text, FALSE);
}

static const Trip *
trip_of (const TrFidelityCase *fcase)
{
  return &trips[fcase->seed % G_N_ELEMENTS (trips)];
}

static char *
title_of (const Trip *trip)
{
  g_auto(GStrv) parts = g_strsplit (trip->title, "|", -1);

  return g_strjoinv ("", parts);
}

/* @iso (2016-07-09) as the case writes a date. */
static char *
format_date (const char      *iso,
             TrFidelityDates  dates)
{
  guint year = 0, month = 0, day = 0;

  if (sscanf (iso, "%u-%u-%u", &year, &month, &day) != 3)
    g_return_val_if_reached (g_strdup (iso));
  switch (dates)
    {
    case TR_FIDELITY_DATES_ROC_DOTTED:
      return g_strdup_printf ("%u.%02u.%02u", year - 1911, month, day);
    case TR_FIDELITY_DATES_WESTERN:
      return g_strdup_printf ("%u/%02u/%02u", year, month, day);
    case TR_FIDELITY_DATES_ROC:
    default:
      return g_strdup_printf ("%u年%u月%u日", year - 1911, month, day);
    }
}

static char *
format_period (const Trip      *trip,
               TrFidelityDates  dates)
{
  g_autofree char *start = NULL, *end = NULL;

  if (dates == TR_FIDELITY_DATES_ROC)
    return g_strdup (trip->period);
  start = format_date (trip->start, dates);
  end = format_date (trip->end, dates);
  return g_strdup_printf (dates == TR_FIDELITY_DATES_WESTERN ? "%s - %s" : "%s～%s", start, end);
}

static char *
format_report_date (const Trip      *trip,
                    TrFidelityDates  dates)
{
  return dates == TR_FIDELITY_DATES_ROC ? g_strdup (trip->report_date) : format_date (trip->report_date_iso, dates);
}

GStrv
tr_fidelity_cover_fields (const TrFidelityCase *fcase)
{
  const Trip *trip = trip_of (fcase);
  g_autofree char *period = format_period (trip, fcase->dates);
  g_autofree char *report_date = format_report_date (trip, fcase->dates);
  GPtrArray *lines = g_ptr_array_new ();

  if (fcase->other_labels)
    {
      g_ptr_array_add (lines, g_strconcat ("機關名稱：", trip->agency, NULL));
      g_ptr_array_add (lines, g_strconcat ("單　　位：", trip->unit, NULL));
      g_ptr_array_add (lines, g_strconcat ("姓　　名：", trip->name, NULL));
      g_ptr_array_add (lines, g_strconcat ("職　　稱：", trip->job_title, NULL));
      g_ptr_array_add (lines, g_strconcat ("出國國家：", trip->destination, NULL));
      g_ptr_array_add (lines, g_strconcat ("出國日期：", period, NULL));
    }
  else
    {
      g_ptr_array_add (lines, g_strconcat ("服務機關：", trip->agency, NULL));
      g_ptr_array_add (lines, g_strconcat ("單　　位：", trip->unit, NULL));
      g_ptr_array_add (lines, g_strconcat ("職稱姓名：", trip->person, NULL));
      g_ptr_array_add (lines, g_strconcat ("派赴國家/地區：", trip->destination, NULL));
      g_ptr_array_add (lines, g_strconcat ("出國期間：", period, NULL));
    }
  g_ptr_array_add (lines, g_strconcat ("報告日期：", report_date, NULL));
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (lines, FALSE);
}

gboolean
tr_fidelity_writer_document (const TrFidelityCase *fcase)
{
  return fcase->tables != TR_FIDELITY_TABLES_NONE || fcase->title_in_header ||
         fcase->page_numbers != TR_FIDELITY_PAGE_NUMBERS_PLAIN;
}

void
tr_fidelity_page_furniture (const TrFidelityCase *fcase,
                            char                **out_header,
                            const char          **out_before,
                            const char          **out_after,
                            gboolean             *out_of_total)
{
  *out_header = fcase->title_in_header ? title_of (trip_of (fcase)) : NULL;
  *out_of_total = fcase->page_numbers == TR_FIDELITY_PAGE_NUMBERS_OF_TOTAL;
  switch (fcase->page_numbers)
    {
    case TR_FIDELITY_PAGE_NUMBERS_DI_YE:
      *out_before = "第 ";
      *out_after = " 頁";
      break;
    case TR_FIDELITY_PAGE_NUMBERS_DASHED:
      *out_before = "- ";
      *out_after = " -";
      break;
    case TR_FIDELITY_PAGE_NUMBERS_OF_TOTAL:
      *out_before = "";
      *out_after = "/";
      break;
    case TR_FIDELITY_PAGE_NUMBERS_PLAIN:
    default:
      *out_before = "";
      *out_after = "";
      break;
    }
}

/* The photo grid case's captions, two photos to a row. */
const char * const tr_fidelity_photo_captions[TR_FIDELITY_N_PHOTO_CAPTIONS] = {
  "照片1：本團與主辦城市市長及各國代表於開幕典禮會場合影留念",
  "照片2：參訪污水處理廠再生水示範場域，由廠長說明處理流程及水質監測方式",
  "照片3：拜會當地市政府交通局",
  "照片4：於市長論壇圓桌會議中分享本市推動智慧城市及公共運輸整合之經驗",
};

/* Tables ------------------------------------------------------------------------ */

static const char * const places[] = { "新加坡", "濱海灣", "榜鵝新鎮", "裕廊東", "市政廳", "樟宜機場" };
static const char * const people[][3] = {
  { "陳文政", "臺中市政府秘書處", "股長" }, { "林怡君", "交通部路政司", "科長" },
  { "黃志明", "內政部營建署", "技正" }, { "張家豪", "經濟部水利署", "副工程司" },
};

static TrTable *
table_of (const char * const *cells,
          guint               n_rows,
          guint               n_columns,
          const char         *caption)
{
  TrTable *table = tr_table_new (n_rows, n_columns);

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      tr_table_set_cell (table, r, c, cells[r * n_columns + c]);
  tr_table_set_has_header (table, TRUE);
  tr_table_set_caption (table, caption);
  return table;
}

/* A schedule long enough to go over two pages, its last column of one
 * to three clauses (wrapping in its cell), a place left empty. */
static TrTable *
make_schedule (GRand *rand)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint n_rows = 28;

  g_ptr_array_add (cells, g_strdup ("日期"));
  g_ptr_array_add (cells, g_strdup ("地點"));
  g_ptr_array_add (cells, g_strdup ("行程內容"));
  for (guint r = 1; r < n_rows; r++)
    {
      g_autoptr(GString) content = g_string_new (NULL);

      g_ptr_array_add (cells, g_strdup_printf ("7月%u日%s", 9 + (r - 1) / 3, (r - 1) % 3 == 0 ? "上午" : (r - 1) % 3 == 1 ? "下午" : "晚上"));
      const char *place = places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))];

      /* Evenings have no place of their own: an empty cell. */
      g_ptr_array_add (cells, g_strdup ((r - 1) % 3 == 2 ? "" : place));
      append_paragraph (content, rand, g_rand_int_range (rand, 1, 4));
      g_ptr_array_add (cells, g_string_free (g_steal_pointer (&content), FALSE));
    }
  return table_of ((const char * const *) cells->pdata, n_rows, 3, "參訪行程");
}

static TrTable *
make_delegation (void)
{
  const char *cells[(G_N_ELEMENTS (people) + 1) * 3] = { "姓名", "機關", "職稱" };

  for (guint r = 0; r < G_N_ELEMENTS (people); r++)
    for (guint c = 0; c < 3; c++)
      cells[(r + 1) * 3 + c] = people[r][c];
  return table_of (cells, G_N_ELEMENTS (people) + 1, 3, "出國人員名單");
}

static TrTable *
make_figures (GRand *rand)
{
  static const char * const items[] = { "公車運量（萬人次）", "捷運運量（萬人次）", "共享單車租借（萬次）", "停車位（席）" };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (cells, g_strdup ("項目"));
  g_ptr_array_add (cells, g_strdup ("2016年"));
  g_ptr_array_add (cells, g_strdup ("2017年"));
  g_ptr_array_add (cells, g_strdup ("成長率"));
  for (guint r = 0; r < G_N_ELEMENTS (items); r++)
    {
      guint before = g_rand_int_range (rand, 1000, 9000), after = before + g_rand_int_range (rand, 10, 900);

      g_ptr_array_add (cells, g_strdup (items[r]));
      g_ptr_array_add (cells, g_strdup_printf ("%u", before));
      g_ptr_array_add (cells, g_strdup_printf ("%u", after));
      g_ptr_array_add (cells, g_strdup_printf ("%.1f%%", 100.0 * (after - before) / before));
    }
  return table_of ((const char * const *) cells->pdata, G_N_ELEMENTS (items) + 1, 4, NULL);
}

/* Section @section's text with @table after its paragraph @after. */
static void
set_section_with_table (TrReport  *report,
                        TrSection  section,
                        const char *text,
                        guint      after,
                        TrTable   *table)
{
  TrBody *body = tr_report_get_body (report, TR_FIELD_FROM_SECTION (section));
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  tr_body_set_text (body, "");
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      tr_body_append_text (body, paragraphs[i]);
      if (i + 1 == after)
        tr_body_append_table (body, table);
    }
  g_object_unref (table);
}

static const char footnote_text[] = "資料來源：該市交通局2016年公共運輸年報，第12頁。";

const char *
tr_fidelity_footnote_text (void)
{
  return footnote_text;
}

TrReport *
tr_fidelity_expected (const TrFidelityCase *fcase)
{
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(GRand) rand = g_rand_new_with_seed (fcase->seed);
  const Trip *trip = trip_of (fcase);
  g_autofree char *title = title_of (trip);
  g_autoptr(TrTraveller) traveller = tr_traveller_new ();
  guint long_sections = fcase->columns ? 3 : 6;

  tr_report_set_text (report, TR_FIELD_TITLE, title);
  tr_report_set_text (report, TR_FIELD_AGENCY, trip->agency);
  tr_report_set_text (report, TR_FIELD_DESTINATION, trip->destination);
  tr_report_set_text (report, TR_FIELD_PERIOD_START, trip->start);
  tr_report_set_text (report, TR_FIELD_PERIOD_END, trip->end);
  tr_report_set_text (report, TR_FIELD_REPORT_DATE, trip->report_date_iso);
  tr_report_set_text (report, TR_FIELD_CATEGORY, trip->category);
  tr_traveller_set (traveller, TR_TRAVELLER_NAME, trip->name);
  tr_traveller_set (traveller, TR_TRAVELLER_AGENCY, trip->agency);
  tr_traveller_set (traveller, TR_TRAVELLER_UNIT, trip->unit);
  tr_traveller_set (traveller, TR_TRAVELLER_TITLE, trip->job_title);
  g_list_store_append (tr_report_get_travellers (report), traveller);

  if (fcase->form)
    {
      g_autoptr(GString) summary = g_string_new (NULL);
      const char * const keywords[] = { "智慧城市", "公共運輸", "城市韌性", NULL };

      tr_report_set_text (report, TR_FIELD_CONTACT, trip->name);
      tr_report_set_text (report, TR_FIELD_PHONE, "04-2228-9111");
      tr_traveller_set (traveller, TR_TRAVELLER_PHONE, "04-2228-9111#11410");
      tr_report_set_keywords (report, keywords);
      append_paragraph (summary, rand, 9);
      append_paragraph (summary, rand, 8);
      /* Paragraphs enough to fill the page, or to run over it. */
      for (guint i = 0; i < (fcase->grid == TR_FIDELITY_GRID_PAGE_SPLIT ? 5 : fcase->grid == TR_FIDELITY_GRID_LONG_SUMMARY ? 2 : 0); i++)
        {
          g_string_append_c (summary, '\n');
          append_paragraph (summary, rand, g_rand_int_range (rand, 7, 12));
        }
      tr_report_set_text (report, TR_FIELD_SUMMARY, summary->str);
    }

  {
    g_autofree char *purpose = make_section (rand, fcase->columns ? 2 : 3, FALSE);
    g_autofree char *process = make_section (rand, long_sections, fcase->columns ? FALSE : TRUE);
    g_autofree char *observations = make_section (rand, long_sections - 1, FALSE);
    g_autofree char *recommendations = make_section (rand, 3, TRUE);

    tr_report_set_section (report, TR_SECTION_PURPOSE, purpose);
    if (fcase->footnotes)
      {
        /* The note goes to the end of its section. */
        g_autofree char *with_note = g_strconcat (process, "\n", footnote_text, NULL);

        tr_report_set_section (report, TR_SECTION_PROCESS, with_note);
      }
    else
      tr_report_set_section (report, TR_SECTION_PROCESS, process);
    tr_report_set_section (report, TR_SECTION_OBSERVATIONS, observations);
    tr_report_set_section (report, TR_SECTION_RECOMMENDATIONS, recommendations);
    if (fcase->tables != TR_FIDELITY_TABLES_NONE)
      {
        set_section_with_table (report, TR_SECTION_PURPOSE, purpose, 1, make_delegation ());
        set_section_with_table (report, TR_SECTION_PROCESS, process, 1, make_schedule (rand));
        set_section_with_table (report, TR_SECTION_OBSERVATIONS, observations, 2, make_figures (rand));
      }
  }
  return report;
}

/* The web page ------------------------------------------------------------------- */

static const char * const section_words[] = { "目的", "過程", "心得", "建議", "附錄" };
static const char * const section_glosses[] = { "Purpose", "Process", "Reflections", "Recommendations", "Appendix" };
static const char * const section_synonyms[] = { "出國目的", "參訪過程", "心得", "建議事項", "附錄" };
static const char * const upper_numerals[] = { "壹", "貳", "參", "肆", "伍" };
static const char * const chapter_numerals[] = { "一", "二", "三", "四", "五" };
static const char * const roman_numerals[] = { "I", "II", "III", "IV", "V" };

/* Each character of @word apart: 目　　的, or 目 的. */
static char *
spaced (const char *word,
        const char *space)
{
  GString *out = g_string_new (NULL);

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (p != word)
        g_string_append (out, space);
      g_string_append_unichar (out, g_utf8_get_char (p));
    }
  return g_string_free (out, FALSE);
}

/* The heading of part @index (0–3 the sections, 4 the appendix), as HTML. */
static char *
heading_html (const TrFidelityCase *fcase,
              guint                 index)
{
  const char *word = section_words[index];

  switch (fcase->headings)
    {
    case TR_FIDELITY_HEADINGS_NUMBERED:
      return g_strdup_printf ("%s、%s", upper_numerals[index], word);
    case TR_FIDELITY_HEADINGS_CHAPTERS:
      return g_strdup_printf ("第%s章 %s", chapter_numerals[index], word);
    case TR_FIDELITY_HEADINGS_CHAPTER_ABOVE:
      return g_strdup_printf ("第%s章<br>%s", chapter_numerals[index], word);
    case TR_FIDELITY_HEADINGS_ROMAN_GLOSS:
      return g_strdup_printf ("%s. %s %s", roman_numerals[index], word, section_glosses[index]);
    case TR_FIDELITY_HEADINGS_SPACED:
      return spaced (word, strlen (word) <= 6 ? "\u3000\u3000" : "\u3000");
    case TR_FIDELITY_HEADINGS_SPACED_HALF:
      return spaced (word, " ");
    case TR_FIDELITY_HEADINGS_LOWER:
      return g_strdup_printf ("%s、%s", chapter_numerals[index], word);
    case TR_FIDELITY_HEADINGS_SYNONYMS:
      return g_strdup_printf ("%s、%s", upper_numerals[index], section_synonyms[index]);
    default:
      g_return_val_if_reached (NULL);
    }
}

const TrFidelityTrip *
tr_fidelity_trip_of (const TrFidelityCase *fcase)
{
  return trip_of (fcase);
}

char *
tr_fidelity_heading_text (const TrFidelityCase *fcase,
                          guint                 index)
{
  g_autofree char *html = heading_html (fcase, index);
  g_auto(GStrv) lines = g_strsplit (html, "<br>", -1);

  return g_strjoinv ("\n", lines);
}

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (html, escaped);
}

static void
append_paragraphs_html (GString    *html,
                        const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append (html, "<p>");
      append_escaped (html, lines[i]);
      g_string_append (html, "</p>\n");
    }
}

/* Table @table, numbered @number when it has a caption. */
static void
append_table_html (GString  *html,
                   TrTable  *table,
                   gboolean  ruled,
                   guint    *number)
{
  guint n_columns = tr_table_get_n_columns (table);

  if (tr_table_get_caption (table)[0] != '\0')
    {
      g_string_append_printf (html, "<p class=\"caption\">表%u：", ++*number);
      append_escaped (html, tr_table_get_caption (table));
      g_string_append (html, "</p>\n");
    }
  /* Attributes as well as CSS: LibreOffice's HTML import reads those. */
  g_string_append_printf (html, "<table class=\"data\" width=\"100%%\" cellpadding=\"5\" cellspacing=\"0\" border=\"%d\">\n",
                          ruled ? 1 : 0);
  for (guint r = 0; r < tr_table_get_n_rows (table); r++)
    {
      gboolean header = r == 0 && tr_table_get_has_header (table);

      g_string_append (html, header ? "<thead><tr>" : "<tr>");
      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append (html, header ? "<th>" : "<td>");
          append_escaped (html, tr_table_get_cell (table, r, c));
          g_string_append (html, header ? "</th>" : "</td>");
        }
      g_string_append (html, header ? "</tr></thead><tbody>\n" : "</tr>\n");
    }
  g_string_append (html, "</tbody></table>\n");
}

/* A section's paragraphs and tables. */
static void
append_body_html (GString *html,
                  TrBody  *body,
                  gboolean ruled,
                  guint   *number)
{
  for (guint i = 0; i <= tr_body_get_n_tables (body); i++)
    {
      if (tr_body_get_text_run (body, i)[0] != '\0')
        append_paragraphs_html (html, tr_body_get_text_run (body, i));
      if (i < tr_body_get_n_tables (body))
        append_table_html (html, tr_body_get_table (body, i), ruled, number);
    }
}

static void
append_cover (GString              *html,
              const TrFidelityCase *fcase,
              TrFidelityProducer    producer,
              const Trip           *trip)
{
  g_auto(GStrv) title_lines = g_strsplit (trip->title, "|", -1);

  g_string_append (html, "<div class=\"cover\">\n");
  if (fcase->cover == TR_FIDELITY_COVER_KIND_ABOVE)
    g_string_append_printf (html, "<p class=\"kind\">出國報告（出國類別：%s）</p>\n", trip->category);
  g_string_append (html, "<p class=\"title\">");
  for (guint i = 0; title_lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (html, "<br>\n");
      append_escaped (html, title_lines[i]);
    }
  g_string_append (html, "</p>\n");
  if (fcase->cover == TR_FIDELITY_COVER_KIND_BELOW)
    g_string_append (html, "<p class=\"kind\">出國報告</p>\n");
  {
    g_auto(GStrv) fields = tr_fidelity_cover_fields (fcase);

    for (guint i = 0; fields[i] != NULL; i++)
      {
        g_string_append (html, "<p class=\"field\">");
        append_escaped (html, fields[i]);
        g_string_append (html, "</p>\n");
      }
    g_string_append (html, "</div>\n");
  }
  (void) producer;
}

/* The 提要 form as a grid: each label in a cell of its own, vertically
 * centred beside a value of several lines. With other labels, the rows
 * in another order, labels spaced out, and 單位 and 職稱 apart. */
static void
append_form (GString              *html,
             const TrFidelityCase *fcase,
             TrReport             *expected,
             const Trip           *trip)
{
  const char * const *keywords = tr_report_get_keywords (expected);
  g_autofree char *keyword_list = g_strjoinv ("、", (char **) keywords);
  g_autofree char *title = title_of (trip);
  g_autofree char *period = format_period (trip, fcase->dates);
  g_autofree char *report_date = format_report_date (trip, fcase->dates);
  g_autofree char *category = g_strdup_printf ("☐考察 ☐進修 ☐研究 ☐實習 ☐視察 ☐訪問 %s開會 ☐談判 %s其他",
                                               g_str_equal (trip->category, "開會") ? "☑" : "☐",
                                               g_str_equal (trip->category, "其他") ? "☑" : "☐");
  const char *phone = tr_report_get_text (expected, TR_FIELD_PHONE);

  g_string_append (html, "<h2 class=\"form-title\">公務出國或赴大陸地區報告提要</h2>\n<table class=\"form\">\n");
  if (fcase->other_labels)
    {
      g_string_append_printf (html, "<tr><td class=\"label\">報告名稱</td><td colspan=\"5\">%s</td></tr>\n", title);
      g_string_append_printf (html, "<tr><td class=\"label\">主辦機關</td><td colspan=\"5\">%s</td></tr>\n", trip->agency);
      g_string_append_printf (html, "<tr><td class=\"label\">聯　絡　人</td><td colspan=\"2\">%s</td>"
                                    "<td class=\"label\">電　　話</td><td colspan=\"2\">%s</td></tr>\n", trip->name, phone);
      g_string_append_printf (html, "<tr><td class=\"label\">出國類別</td><td colspan=\"5\">%s</td></tr>\n", category);
      g_string_append_printf (html,
                              "<tr class=\"people\"><td class=\"label\" rowspan=\"2\">出國人員</td><td>姓　名</td><td>服務機關</td>"
                              "<td>單　位</td><td>職　稱</td><td>電　話</td></tr>\n"
                              "<tr class=\"people\"><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>04-2228-9111#11410</td></tr>\n",
                              trip->name, trip->agency, trip->unit, trip->job_title);
      g_string_append_printf (html, "<tr><td class=\"label\">報告日期</td><td colspan=\"5\">%s</td></tr>\n", report_date);
      g_string_append_printf (html, "<tr><td class=\"label\">出國日期</td><td colspan=\"3\">%s</td>"
                                    "<td class=\"label\">出國國家</td><td>%s</td></tr>\n", period, trip->destination);
      g_string_append (html, "<tr><td class=\"label\">頁　　數</td><td colspan=\"2\">18</td>"
                             "<td class=\"label\">含附件</td><td colspan=\"2\">☐是 ☑否</td></tr>\n");
      g_string_append_printf (html, "<tr><td class=\"label\">關鍵字</td><td colspan=\"5\">%s</td></tr>\n", keyword_list);
      g_string_append (html, "<tr><td class=\"label\">內容摘要</td><td colspan=\"5\">");
    }
  else
    {
      g_string_append_printf (html, "<tr><td class=\"label\">出國報告名稱</td><td colspan=\"4\">%s</td></tr>\n", title);
      g_string_append (html, "<tr><td class=\"label\">頁數</td><td>18</td><td class=\"label\">含附件</td><td colspan=\"2\">☐是 ☑否</td></tr>\n");
      g_string_append_printf (html, "<tr><td class=\"label\">出國計畫主辦機關</td><td colspan=\"4\">%s</td></tr>\n", trip->agency);
      g_string_append_printf (html, "<tr><td class=\"label\">聯絡人</td><td>%s</td><td class=\"label\">電話</td><td colspan=\"2\">%s</td></tr>\n",
                              trip->name, phone);
      g_string_append_printf (html,
                              "<tr><td class=\"label\" rowspan=\"2\">出國人員</td><td>姓名</td><td>服務機關</td><td>單位／職稱</td><td class=\"label\">電話</td></tr>\n"
                              "<tr><td>%s</td><td>%s</td><td>%s／%s</td><td>04-2228-9111#11410</td></tr>\n",
                              trip->name, trip->agency, trip->unit, trip->job_title);
      g_string_append_printf (html, "<tr><td class=\"label\">出國類別</td><td colspan=\"4\">%s</td></tr>\n", category);
      g_string_append_printf (html, "<tr><td class=\"label\">出國期間</td><td colspan=\"2\">%s</td><td class=\"label\">出國地區</td><td>%s</td></tr>\n",
                              period, trip->destination);
      g_string_append_printf (html, "<tr><td class=\"label\">報告日期</td><td colspan=\"4\">%s</td></tr>\n", report_date);
      g_string_append (html, "<tr><td class=\"label\">分類號/目</td><td colspan=\"4\">H0/綜合規劃</td></tr>\n");
      g_string_append_printf (html, "<tr><td class=\"label\">關鍵詞</td><td colspan=\"4\">%s</td></tr>\n", keyword_list);
      g_string_append (html, "<tr><td class=\"label\">內容摘要</td><td colspan=\"4\">");
    }
  append_escaped (html, tr_report_get_text (expected, TR_FIELD_SUMMARY));
  g_string_append (html, "</td></tr>\n</table>\n");
}

static void
append_heading (GString              *html,
                const TrFidelityCase *fcase,
                guint                 index,
                gboolean              new_page)
{
  g_autofree char *heading = heading_html (fcase, index);

  g_string_append_printf (html, "<h1%s>%s</h1>\n", new_page ? " class=\"new-page\"" : "", heading);
}

static void
append_photo_grid (GString    *html,
                   const char *photo)
{
  g_string_append (html, "<table class=\"photos\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (tr_fidelity_photo_captions); i += 2)
    {
      g_string_append (html, "<tr>");
      for (guint j = i; j < i + 2; j++)
        g_string_append_printf (html, "<td><img src=\"%s\" width=\"200\" height=\"150\"><br>%s</td>",
                                photo, tr_fidelity_photo_captions[j]);
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</table>\n");
}

/* A picture: a photo, or a page of a scan (grey bars for lines of text). */
static gboolean
write_picture (const char  *path,
               gboolean     scan,
               GError     **error)
{
  int width = scan ? 420 : PHOTO_PIXELS, height = scan ? 594 : PHOTO_PIXELS * 3 / 4;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_set_source_rgb (cr, scan ? 0.97 : 0.3, scan ? 0.96 : 0.5, scan ? 0.93 : 0.7);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  if (scan)
    for (int y = 40; y < height - 40; y += 14)
      cairo_rectangle (cr, 40, y, width - 80 - (y % 5) * 12, 6);
  else
    cairo_arc (cr, width / 2.0, height / 2.0, height / 4.0, 0, 6.3);
  cairo_fill (cr);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write %s: %s", path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static char *
make_html (const TrFidelityCase *fcase,
           TrFidelityProducer    producer,
           TrReport             *expected)
{
  const Trip *trip = trip_of (fcase);
  GString *html = g_string_new (NULL);
  g_autofree char *title = title_of (trip);
  gboolean cover_page = fcase->cover != TR_FIDELITY_COVER_NONE || fcase->form;
  guint n_tables = 0;

  g_string_append (html, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<style>\n");
  g_string_append (html,
                   "@page { size: A4; margin: 2.5cm 2.2cm;");
  if (fcase->title_in_header)
    g_string_append_printf (html, " @top-center { content: \"%s\"; font-size: 9pt; font-family: 'Noto Sans CJK TC' }", title);
  {
    g_autofree char *header = NULL;
    const char *before, *after;
    gboolean of_total;

    tr_fidelity_page_furniture (fcase, &header, &before, &after, &of_total);
    g_string_append_printf (html, " @bottom-center { content: \"%s\" counter(page) \"%s\"%s; font-size: 9pt } }\n",
                            before, after, of_total ? " counter(pages)" : "");
  }
  g_string_append (html,
                   ""
                   "body { font-family: 'Noto Serif CJK TC'; font-size: 12pt; line-height: 1.5 }\n"
                   "p { margin: 0 0 0.3em 0; text-indent: 2em; text-align: justify }\n"
                   "h1 { font-family: 'Noto Sans CJK TC'; font-size: 16pt; font-weight: bold; margin: 0.8em 0 0.4em 0 }\n"
                   "h1.new-page { break-before: page; page-break-before: always }\n"
                   "h2 { font-family: 'Noto Sans CJK TC'; font-size: 16pt; text-align: center }\n"
                   ".cover { text-align: center; break-after: page; page-break-after: always }\n"
                   ".cover p { text-indent: 0; text-align: center }\n"
                   ".cover .kind { font-size: 20pt; margin: 2em 0 }\n"
                   ".cover .title { font-size: 26pt; font-weight: bold; margin: 2em 0 4em 0 }\n"
                   ".cover .field { font-size: 14pt; margin: 0.4em 0 }\n"
                   ".columns { column-count: 2; column-gap: 2em }\n"
                   ".column-break { break-before: column }\n"
                   "table { border-collapse: collapse; width: 100% }\n"
                   "table.form td { border: 1px solid black; vertical-align: middle; padding: 4pt; font-size: 12pt }\n"
                   "table.form td.label { white-space: nowrap; width: 8em }\n"
                   /* Cells as wide as their words: a reader cannot tell
                    * apart two narrow cells that wrap side by side. */
                   "table.form tr.people td { white-space: nowrap }\n"
                   "table.photos td { text-align: center; vertical-align: top; width: 50%; padding: 6pt; font-size: 10pt }\n"
                   "table.data { margin: 0.5em 0 }\n"
                   "table.data th, table.data td { vertical-align: top; text-align: left; font-size: 11pt; padding: 3pt 6pt }\n"
                   "table.data th { font-family: 'Noto Sans CJK TC'; font-weight: bold }\n"
                   "p.caption { text-indent: 0; text-align: center }\n"
                   ".scan { break-before: page; page-break-before: always; break-after: page; page-break-after: always; text-align: center }\n"
                   );
  if (fcase->tables == TR_FIDELITY_TABLES_RULED)
    g_string_append (html, "table.data th, table.data td { border: 1px solid black }\n");
  g_string_append (html, "</style></head><body>\n");

  if (fcase->cover != TR_FIDELITY_COVER_NONE)
    append_cover (html, fcase, producer, trip);
  if (fcase->form)
    append_form (html, fcase, expected, trip);

  if (fcase->columns)
    {
      /* Two sections side by side: their headings at the same height. */
      for (guint pair = 0; pair < 2; pair++)
        {
          g_string_append_printf (html, "<div class=\"columns\"%s>\n",
                                  pair == 0 && cover_page ? " style=\"break-before: page; page-break-before: always\"" : "");
          for (guint s = 2 * pair; s < 2 * pair + 2; s++)
            {
              if (s % 2 == 1)
                g_string_append (html, "<div class=\"column-break\"></div>\n");
              append_heading (html, fcase, s, FALSE);
              append_paragraphs_html (html, tr_report_get_section (expected, s));
            }
          g_string_append (html, "</div>\n");
        }
    }
  else
    for (guint s = 0; s < TR_N_SECTIONS; s++)
      {
        const char *text = tr_report_get_section (expected, s);

        append_heading (html, fcase, s, s == 0 && cover_page);
        if (fcase->footnotes && s == TR_SECTION_PROCESS)
          {
            g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
            guint n = g_strv_length (lines);

            /* The note is marked in the paragraph that a page break cuts. */
            for (guint i = 0; i + 1 < n; i++)
              {
                g_string_append (html, "<p>");
                append_escaped (html, lines[i]);
                if (i == 1)
                  g_string_append (html, "<a class=\"sdfootnoteanc\" name=\"sdfootnote1anc\" href=\"#sdfootnote1sym\"><sup>1</sup></a>");
                g_string_append (html, "</p>\n");
              }
          }
        else if (tr_body_get_n_tables (tr_report_get_body (expected, TR_FIELD_FROM_SECTION (s))) > 0)
          append_body_html (html, tr_report_get_body (expected, TR_FIELD_FROM_SECTION (s)),
                            fcase->tables == TR_FIDELITY_TABLES_RULED, &n_tables);
        else
          append_paragraphs_html (html, text);
        if (fcase->scanned_page && s == TR_SECTION_PROCESS)
          g_string_append (html, "<div class=\"scan\"><img src=\"scan.png\" style=\"width: 15cm; height: 21.2cm\"></div>\n");
      }

  append_heading (html, fcase, 4, fcase->photo_grid);
  if (fcase->photo_grid)
    append_photo_grid (html, "photo.png");
  else
    g_string_append (html, "<p>附件一：會議議程</p>\n");

  if (fcase->footnotes)
    {
      g_string_append (html, "<div id=\"sdfootnote1\"><p class=\"sdfootnote\"><a class=\"sdfootnotesym\" "
                             "name=\"sdfootnote1sym\" href=\"#sdfootnote1anc\">1</a>");
      append_escaped (html, footnote_text);
      g_string_append (html, "</p></div>\n");
    }
  g_string_append (html, "</body></html>\n");
  return g_string_free (html, FALSE);
}

/* Producers ------------------------------------------------------------------------ */

static gboolean
run (const char * const  *argv,
     const char          *cwd,
     GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *err = NULL;

  g_subprocess_launcher_set_cwd (launcher, cwd);
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, error))
    return FALSE;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed: %s", argv[0], err);
      return FALSE;
    }
  return TRUE;
}

static char *
libreoffice_to_pdf (const char  *dir,
                    const char  *input,
                    const char  *pdf_name,
                    GError     **error)
{
  g_autofree char *profile_dir = g_build_filename (dir, "lo-profile", NULL);
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", profile_dir, NULL);
  g_autofree char *base = g_path_get_basename (input);
  g_autofree char *made = NULL;
  char *pdf = g_build_filename (dir, pdf_name, NULL);
  const char *argv[] = { "soffice", profile, "--headless", "--norestore", "--convert-to", "pdf",
                         "--outdir", dir, input, NULL };

  if (!run (argv, dir, error))
    {
      g_free (pdf);
      return NULL;
    }
  *strrchr (base, '.') = '\0';
  made = g_strconcat (dir, G_DIR_SEPARATOR_S, base, ".pdf", NULL);
  if (g_rename (made, pdf) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "LibreOffice made no PDF of %s", input);
      g_free (pdf);
      return NULL;
    }
  return pdf;
}

char *
tr_fidelity_make_pdf (const TrFidelityCase *fcase,
                      TrFidelityProducer    producer,
                      const char           *dir,
                      GError              **error)
{
  g_autoptr(TrReport) expected = tr_fidelity_expected (fcase);
  g_autofree char *html = make_html (fcase, producer, expected);
  g_autofree char *stem = g_strdup_printf ("%s-%s", fcase->name, tr_fidelity_producer_name (producer));
  g_autofree char *html_name = g_strconcat (stem, ".html", NULL);
  g_autofree char *html_path = g_build_filename (dir, html_name, NULL);
  g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *photo = g_build_filename (dir, "photo.png", NULL);
  g_autofree char *scan = g_build_filename (dir, "scan.png", NULL);

  if (!write_picture (photo, FALSE, error) || !write_picture (scan, TRUE, error) ||
      !g_file_set_contents (html_path, html, -1, error))
    return NULL;

  if (fcase->form && fcase->grid != TR_FIDELITY_GRID_HTML)
    {
      const Trip *trip = trip_of (fcase);
      const TrFidelityGridWords words = { trip->title, trip->agency, trip->unit, trip->person, trip->name,
                                     trip->job_title, trip->destination, trip->period, trip->report_date,
                                     trip->category };
      g_autofree char *fodt = tr_fidelity_make_grid_fodt (fcase, &words, expected);
      g_autofree char *fodt_name = g_strconcat (stem, ".fodt", NULL);
      g_autofree char *fodt_path = g_build_filename (dir, fodt_name, NULL);

      g_return_val_if_fail (producer == TR_FIDELITY_LIBREOFFICE, NULL);
      if (!g_file_set_contents (fodt_path, fodt, -1, error))
        return NULL;
      return libreoffice_to_pdf (dir, fodt_path, pdf_name, error);
    }

  switch (producer)
    {
    case TR_FIDELITY_CHROMIUM:
      {
        g_autofree char *pdf = g_build_filename (dir, pdf_name, NULL);
        g_autofree char *print = g_strconcat ("--print-to-pdf=", pdf, NULL);
        g_autofree char *uri = g_filename_to_uri (html_path, NULL, error);
        g_autofree char *user_dir = g_build_filename (dir, "chromium-profile", NULL);
        g_autofree char *user = g_strconcat ("--user-data-dir=", user_dir, NULL);
        const char *argv[] = { "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                               "--no-pdf-header-footer", user, print, uri, NULL };

        if (uri == NULL || !run (argv, dir, error))
          return NULL;
        if (!g_file_test (pdf, G_FILE_TEST_IS_REGULAR))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Chromium made no PDF of %s", html_path);
            return NULL;
          }
        return g_steal_pointer (&pdf);
      }

    case TR_FIDELITY_LIBREOFFICE:
      /* Tables as a Writer user makes them, not as its HTML import does;
       * and running headers and footers, which that import has not. */
      if (tr_fidelity_writer_document (fcase))
        {
          g_autofree char *fodt = tr_fidelity_make_fodt (fcase, expected);
          g_autofree char *fodt_name = g_strconcat (stem, ".fodt", NULL);
          g_autofree char *fodt_path = g_build_filename (dir, fodt_name, NULL);

          if (!g_file_set_contents (fodt_path, fodt, -1, error))
            return NULL;
          return libreoffice_to_pdf (dir, fodt_path, pdf_name, error);
        }
      return libreoffice_to_pdf (dir, html_path, pdf_name, error);

    case TR_FIDELITY_PANDOC:
      {
        g_autofree char *docx_name = g_strconcat (stem, ".docx", NULL);
        g_autofree char *docx = g_build_filename (dir, docx_name, NULL);
        g_autofree char *markdown_name = g_strconcat (stem, ".md", NULL);
        g_autofree char *markdown_path = g_build_filename (dir, markdown_name, NULL);
        /* Pandoc's HTML reader makes no notes of a page's footnotes. */
        gboolean markdown = fcase->tables != TR_FIDELITY_TABLES_NONE || fcase->footnotes;
        const char *argv[] = { "pandoc", "-f", markdown ? "markdown" : "html", "-t", "docx", "-o", docx,
                               markdown ? markdown_path : html_path, NULL };

        /* Tables as pandoc's writers make them: pipe tables; notes as
         * Markdown's [^1]. */
        if (markdown)
          {
            g_autofree char *text = tr_fidelity_make_markdown (fcase, expected);

            if (!g_file_set_contents (markdown_path, text, -1, error))
              return NULL;
          }

        if (!run (argv, dir, error))
          return NULL;
        return libreoffice_to_pdf (dir, docx, pdf_name, error);
      }

    case TR_FIDELITY_N_PRODUCERS:
    default:
      g_return_val_if_reached (NULL);
    }
}
