/* test-parser.h: what the files of test-parser share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <locale.h>
#include <math.h>
#include <string.h>

#include "tr-date.h"
#include "tr-parser-headings.h"
#include "tr-parser-values.h"
#include "tr-report-parser.h"

/* Like g_assert_cmpstr, but shows the texts as they read. */
#define assert_text(actual, expected)                                        \
  G_STMT_START {                                                             \
    const char *actual_ = (actual), *expected_ = (expected);                 \
    if (g_strcmp0 (actual_, expected_) != 0)                                 \
      g_printerr ("expected:\n%s\nfound:\n%s\n", expected_, actual_);        \
    g_assert_cmpstr (actual_, ==, expected_);                                \
  } G_STMT_END

/* The generator ----------------------------------------------------------- */

typedef enum {
  HEADINGS_CAPITAL,   /* 壹、目的 */
  HEADINGS_CHAPTER,   /* 第一章 目的 */
  HEADINGS_CHINESE,   /* 一、目的 */
  HEADINGS_BARE,      /* 目的 */
} HeadingStyle;

typedef enum {
  COMBINED_NONE,
  COMBINED_SPLIT,     /* 參、心得與建議 / 一、心得 / 二、建議 */
  COMBINED_UNSPLIT,   /* 參、心得與建議, no sub-headings */
} CombinedStyle;

typedef enum {
  SUMMARY_NONE,
  SUMMARY_PAGE,       /* a 摘要 page */
  SUMMARY_FORM,       /* 內容摘要： in the 提要 form */
} SummaryStyle;

typedef enum {
  FOOTER_NONE,
  FOOTER_PLAIN,       /* 1 */
  FOOTER_DASHES,      /* - 1 - */
  FOOTER_CHINESE,     /* 第 1 頁 */
  FOOTER_OF,          /* 1/20 */
  FOOTER_PAGE,        /* Page 1 */
  FOOTER_TIGHT,       /* -1- */
  FOOTER_TOTAL,       /* 第1頁，共20頁 */
  N_FOOTERS
} FooterStyle;

typedef struct {
  const char    *name;
  HeadingStyle   headings;
  const char    *purpose;        /* the heading words used */
  const char    *process;
  const char    *observations;
  const char    *recommendations;
  CombinedStyle  combined;
  SummaryStyle   summary;
  gboolean       form;
  gboolean       cover;
  gboolean       toc;
  gboolean       header;         /* a running header on every page */
  gboolean       numbered_header; /* … with the page number inside */
  FooterStyle    footer;         /* N_FOOTERS: a different one per document */
  gboolean       two_line_headings;
  gboolean       latin;          /* Latin words among the Chinese */
  gboolean       indent;         /* paragraphs open with a first-line indent */
  gboolean       blank_lines;    /* a blank line between paragraphs */
  gboolean       appendix;
  gboolean       captions;       /* photo captions inside 過程 */
  gboolean       double_spaced;  /* a blank line after every line, as pdftotext writes */
  gboolean       ragged;         /* lines end up to three characters short */
} Style;

typedef enum {
  LINE_CONTENT,     /* must be found in the result */
  LINE_STRUCTURE,   /* a heading or a form label the structure stands for */
  LINE_FURNITURE,   /* headers, footers, page numbers */
  LINE_BLANK,
  LINE_PAGE_BREAK,
} LineKind;

typedef struct {
  LineKind  kind;
  char     *text;
} GenLine;

typedef struct {
  const Style *style;
  GRand       *rand;
  guint        width;           /* characters per line */
  guint        page_lines;      /* lines per page */
  GPtrArray   *lines;           /* of GenLine, before pagination */
  GString     *expected[TR_N_FIELDS];
  GPtrArray   *form_values;     /* text that must turn up in some field */

  /* The 提要 fields as the generator wrote them. */
  char        *fields[TR_N_FIELDS];
  GPtrArray   *travellers;      /* of GStrv: name, agency, unit, title, phone */
  GPtrArray   *keywords;
  gboolean     has_attachments;
  guint        pages;

  char        *text;            /* the document, pages apart by form feeds */
  guint        n_pages;
  GPtrArray   *content_lines;   /* the lines of text that must not be lost */
} GenDoc;

static void
gen_doc_free (GenDoc *doc)
{
  g_rand_free (doc->rand);
  g_ptr_array_unref (doc->lines);
  for (guint i = 0; i < TR_N_FIELDS; i++)
    {
      g_string_free (doc->expected[i], TRUE);
      g_free (doc->fields[i]);
    }
  g_ptr_array_unref (doc->form_values);
  g_ptr_array_unref (doc->travellers);
  g_ptr_array_unref (doc->keywords);
  g_ptr_array_unref (doc->content_lines);
  g_free (doc->text);
  g_free (doc);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GenDoc, gen_doc_free)

#define PICK(doc, array) pick ((doc), (array), G_N_ELEMENTS (array))

/* The headings of the body, in order: what they say, and the section. */
typedef struct {
  char     *text;
  TrField   field;
  gboolean  combined;
} BodyHeading;

GArray *normalise (const char *text);
char *normalised_string (const char *text);
void gen_line_free (gpointer data);
void add_line (GenDoc     *doc,
               LineKind    kind,
               const char *text);
const char *pick (GenDoc             *doc,
                  const char * const *words,
                  guint               n_words);
void append_sentence (GenDoc  *doc,
                      GString *text);
extern gboolean small_documents;
char *make_paragraph (GenDoc *doc,
                      guint   min_sentences,
                      guint   max_sentences);
GPtrArray *wrap (GenDoc     *doc,
                 const char *text,
                 const char *first_indent);
void emit_paragraph (GenDoc     *doc,
                     TrField     field,
                     const char *text);
void emit_item (GenDoc     *doc,
                TrField     field,
                const char *text);
void page_break (GenDoc *doc);
char *heading_text (GenDoc     *doc,
                    guint       n,
                    const char *words);
char *item_text (GenDoc     *doc,
                 guint       n,
                 const char *words);
void emit_heading (GenDoc     *doc,
                   const char *text);
char *write_date (GenDoc *doc,
                  GDate  *date);
char *iso (GDate *date);
void choose_form_values (GenDoc *doc);
void form_line (GenDoc     *doc,
                const char *text);
void gen_cover (GenDoc *doc);
void gen_travellers (GenDoc *doc);
void gen_category (GenDoc *doc);
void gen_form (GenDoc *doc);
void gen_summary_page (GenDoc *doc);
void toc_entry (GenDoc     *doc,
                const char *leader,
                const char *heading,
                guint       page);
const char *combined_words (GenDoc *doc);
GArray *body_headings (GenDoc *doc);
void clear_body_heading (gpointer data);
void gen_toc (GenDoc *doc,
              GArray *headings);
void gen_section_text (GenDoc  *doc,
                       TrField  field);
void gen_body (GenDoc *doc,
               GArray *headings);
char *page_number (FooterStyle footer,
                   guint       page,
                   guint       n_pages);
void paginate (GenDoc *doc);
GenDoc *gen_doc_new (const Style *style,
                     guint32      seed);
gboolean has_warning_containing (TrReport   *report,
                                 const char *needle);

static const char * const subjects[] = {
  "本府代表團", "與會城市代表", "主辦單位", "我國代表", "各會員體", "市長", "專家學者",
  "本市", "參訪團", "研究人員", "該市政府", "大會",
};
static const char * const verbs[] = {
  "積極參與", "深入探討", "分享", "介紹", "討論", "考察", "交流", "說明", "推動", "檢視",
};
static const char * const objects[] = {
  "永續發展政策", "智慧城市建設", "城市治理經驗", "公共運輸系統", "水資源管理", "社會住宅方案",
  "防災調適策略", "數位轉型計畫", "都市更新作法", "國際合作機制", "觀光行銷策略", "長期照顧制度",
};
static const char * const tails[] = {
  "並獲得熱烈迴響", "以提升施政效率", "作為未來施政參考", "期能深化雙邊交流", "展現具體成果",
  "有助於拓展合作機會", "值得本府借鏡",
};
static const char * const latin_words[] = {
  "World Cities Summit", "Smart City", "APEC", "Asia-Pacific Economic Cooperation",
  "Livable and Sustainable Cities", "OECD", "UN-Habitat", "Hewlett Packard Enterprise",
  "Lee Kuan Yew World City Prize", "ICT", "Urban Redevelopment Authority",
};
static const char * const sub_headings[] = {
  "會議背景說明", "第一天行程", "交流座談", "城市治理", "參訪重點", "議題討論", "市政建設",
  "產業合作", "經驗分享", "國際交流",
};

static const char * const capital_numbers[] = { "壹", "貳", "參", "肆", "伍", "陸", "柒" };
static const char * const chinese_numbers[] = { "一", "二", "三", "四", "五", "六", "七" };

static const char * const agencies[] = {
  "臺中市政府", "新北市政府", "內政部", "交通部觀光署", "臺北市政府工務局", "高雄市政府",
};
static const char * const units[] = { "秘書處", "府本部", "研考會", "都市發展局", "國際事務科" };
static const char * const job_titles[] = { "副市長", "股長", "科長", "專員", "技正", "秘書" };
static const char * const names[] = { "張光瑤", "陳文政", "林美華", "王小明", "李大同", "黃志偉" };
static const char * const destinations[] = { "新加坡", "韓國大田市", "日本東京都", "美國舊金山", "德國柏林" };
static const char * const keyword_pool[] = { "城市峰會", "永續發展", "智慧城市", "國際交流", "住宅政策", "水資源" };
static const char * const categories[] = { "考察", "進修", "研究", "實習", "視察", "訪問", "開會", "談判" };
static const char * const other_kinds[] = { "國際會議", "業務接洽", "洽展", "表演", "比賽" };

static const char * const box_styles[][2] = {
  { "■", "□" }, { "☑", "☐" }, { "[x] ", "[ ] " },
};

static const char * const leaders[] = { "……………………", "‧‧‧‧‧‧‧‧‧‧", "..........", ". . . . . . .", "⋯⋯⋯⋯" };

static const Style styles[] = {
  { .name = "capital", .headings = HEADINGS_CAPITAL, .purpose = "目的", .process = "過程",
    .observations = "心得", .recommendations = "建議", .summary = SUMMARY_FORM, .form = TRUE,
    .toc = TRUE, .header = TRUE, .footer = N_FOOTERS, .appendix = TRUE },
  { .name = "chapter", .headings = HEADINGS_CHAPTER, .purpose = "目的", .process = "經過",
    .observations = "心得", .recommendations = "建議", .summary = SUMMARY_PAGE, .cover = TRUE,
    .toc = TRUE, .footer = FOOTER_CHINESE, .appendix = TRUE },
  { .name = "bare", .headings = HEADINGS_BARE, .purpose = "目的", .process = "會議議程",
    .combined = COMBINED_SPLIT, .summary = SUMMARY_PAGE, .footer = FOOTER_PLAIN, .latin = TRUE,
    .appendix = TRUE },
  { .name = "chinese", .headings = HEADINGS_CHINESE, .purpose = "緣起", .process = "議程內容及時程",
    .observations = "感想", .recommendations = "具體建議", .form = TRUE, .footer = FOOTER_DASHES,
    .blank_lines = TRUE },
  { .name = "journey", .headings = HEADINGS_CAPITAL, .purpose = "出國目的", .process = "行程",
    .observations = "觀察與心得", .recommendations = "建議事項", .footer = FOOTER_OF, .captions = TRUE },
  { .name = "agenda", .headings = HEADINGS_CAPITAL, .purpose = "背景與目的", .process = "議程內容及時程",
    .observations = "心得", .recommendations = "政策建議", .footer = FOOTER_PAGE, .header = TRUE,
    .numbered_header = TRUE },
  { .name = "combined-split", .headings = HEADINGS_CAPITAL, .purpose = "目的", .process = "過程",
    .combined = COMBINED_SPLIT, .form = TRUE, .summary = SUMMARY_FORM, .footer = FOOTER_TIGHT,
    .appendix = TRUE },
  { .name = "combined-unsplit", .headings = HEADINGS_CHAPTER, .purpose = "目的", .process = "過程",
    .combined = COMBINED_UNSPLIT, .footer = FOOTER_TOTAL, .toc = TRUE },
  { .name = "toc", .headings = HEADINGS_CAPITAL, .purpose = "計畫目的", .process = "參訪過程",
    .observations = "研習心得", .recommendations = "建議", .summary = SUMMARY_PAGE, .toc = TRUE,
    .footer = N_FOOTERS },
  { .name = "form", .headings = HEADINGS_CAPITAL, .purpose = "目的", .process = "過程",
    .observations = "心得", .recommendations = "建議", .form = TRUE, .cover = TRUE,
    .summary = SUMMARY_FORM, .footer = FOOTER_NONE },
  { .name = "headers-footers", .headings = HEADINGS_CHAPTER, .purpose = "目的", .process = "會議紀要",
    .observations = "心得", .recommendations = "建議", .header = TRUE, .footer = N_FOOTERS },
  { .name = "two-line-headings", .headings = HEADINGS_CHAPTER, .purpose = "緣起與目的",
    .process = "議程內容及時程", .observations = "觀察與心得", .recommendations = "具體建議",
    .two_line_headings = TRUE, .toc = TRUE, .footer = FOOTER_PLAIN },
  { .name = "two-line-capital", .headings = HEADINGS_CAPITAL, .purpose = "背景與目的",
    .process = "出國行程", .combined = COMBINED_SPLIT, .two_line_headings = TRUE,
    .footer = FOOTER_DASHES, .appendix = TRUE },
  { .name = "mixed-latin", .headings = HEADINGS_CAPITAL, .purpose = "目的", .process = "過程",
    .observations = "心得", .recommendations = "建議", .latin = TRUE, .indent = TRUE,
    .footer = N_FOOTERS, .form = TRUE },
  { .name = "pdftotext", .headings = HEADINGS_BARE, .purpose = "目的", .process = "會議議程",
    .combined = COMBINED_SPLIT, .summary = SUMMARY_PAGE, .double_spaced = TRUE, .blank_lines = TRUE,
    .latin = TRUE, .footer = FOOTER_PLAIN, .appendix = TRUE },
  { .name = "ragged", .headings = HEADINGS_CAPITAL, .purpose = "目的", .process = "過程",
    .observations = "心得", .recommendations = "建議", .ragged = TRUE, .latin = TRUE,
    .form = TRUE, .summary = SUMMARY_FORM, .footer = N_FOOTERS, .header = TRUE },
  { .name = "two-line-suffix", .headings = HEADINGS_CAPITAL, .purpose = "計畫目的", .process = "會議紀要",
    .observations = "心得", .recommendations = "建議事項", .two_line_headings = TRUE,
    .footer = FOOTER_TIGHT },
  { .name = "indented", .headings = HEADINGS_BARE, .purpose = "前言", .process = "考察過程",
    .observations = "心得", .recommendations = "建議", .indent = TRUE, .latin = TRUE,
    .footer = FOOTER_CHINESE, .header = TRUE },
};

void add_style_tests (void);
void add_structure_tests (void);
void add_layout_tests (void);
void add_form_tests (void);
