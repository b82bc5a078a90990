/* test-parser.c: the structure of old reports, from their text
 *
 * A generator writes reports in the styles met in real ones (壹、 / 第一章 /
 * bare headings, 經過 or 議程內容及時程 for 過程, 心得與建議 with or without
 * sub-headings, a 目次 with dot leaders, a 提要 form with boxes, running
 * headers and page-number footers, two-line headings, mixed Latin and CJK,
 * lines broken mid-sentence), remembering what each section should hold.
 * The parser's result is compared character by character after whitespace
 * normalisation. Separate tests build laid-out lines by hand for what only
 * geometry can tell (font size, bold, right margin, header positions).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "tr-date.h"
#include "tr-parser-values.h"
#include "tr-report-parser.h"

/* Text comparison ------------------------------------------------------- */

/* Whitespace only matters between two ASCII characters ("World Cities"):
 * everywhere else a line break may have put or taken a space. Runs of
 * whitespace become one space there, and go everywhere else. */
static GArray *
normalise (const char *text)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gunichar));
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        {
          pending_space = TRUE;
          continue;
        }
      if (pending_space && out->len > 0 && c < 0x80 &&
          g_array_index (out, gunichar, out->len - 1) < 0x80)
        {
          gunichar space = ' ';

          g_array_append_val (out, space);
        }
      pending_space = FALSE;
      g_array_append_val (out, c);
    }
  return out;
}

static char *
normalised_string (const char *text)
{
  g_autoptr(GArray) chars = normalise (text);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < chars->len; i++)
    g_string_append_unichar (out, g_array_index (chars, gunichar, i));
  return g_string_free (out, FALSE);
}

/* The length of the longest common subsequence of @a and @b, by Myers'
 * O(ND) difference algorithm: fast when they are nearly the same. */
static guint
common_length (GArray *a,
               GArray *b)
{
  int n = a->len, m = b->len, max = n + m, offset = max + 1;
  g_autofree int *v = g_new0 (int, 2 * max + 3);
  const gunichar *x = (const gunichar *) a->data, *y = (const gunichar *) b->data;

  if (max == 0)
    return 0;
  for (int d = 0; d <= max; d++)
    for (int k = -d; k <= d; k += 2)
      {
        int i;

        if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
          i = v[offset + k + 1];
        else
          i = v[offset + k - 1] + 1;
        for (int j = i - k; i < n && j < m && x[i] == y[j]; i++, j++)
          ;
        v[offset + k] = i;
        if (i >= n && i - k >= m)
          return (n + m - d) / 2;
      }
  return 0;
}

typedef struct {
  double recall;     /* of the expected characters, those found in place */
  double precision;  /* of the characters found, those expected */
} Accuracy;

/* "At least 98% of each section's characters in the right section." */
static Accuracy
section_accuracy (const char *expected,
                  const char *actual)
{
  g_autoptr(GArray) e = normalise (expected);
  g_autoptr(GArray) a = normalise (actual);
  guint common = common_length (e, a);
  Accuracy accuracy;

  accuracy.recall = e->len > 0 ? (double) common / e->len : 1.0;
  accuracy.precision = a->len > 0 ? (double) common / a->len : (e->len == 0 ? 1.0 : 0.0);
  return accuracy;
}

static void
test_accuracy_metric (void)
{
  Accuracy same = section_accuracy ("一二三\n四五", "一二三四五");
  Accuracy half = section_accuracy ("一二三四", "一二");
  Accuracy extra = section_accuracy ("一二", "一二三四");
  Accuracy latin = section_accuracy ("World  Cities\nSummit", "World Cities Summit");
  Accuracy glued = section_accuracy ("World Cities", "WorldCities");

  g_assert_cmpfloat (same.recall, ==, 1.0);
  g_assert_cmpfloat (same.precision, ==, 1.0);
  g_assert_cmpfloat (half.recall, ==, 0.5);
  g_assert_cmpfloat (half.precision, ==, 1.0);
  g_assert_cmpfloat (extra.recall, ==, 1.0);
  g_assert_cmpfloat (extra.precision, ==, 0.5);
  g_assert_cmpfloat (latin.recall, ==, 1.0);
  /* A lost space between Latin words counts. */
  g_assert_cmpfloat (glued.recall, <, 1.0);
}

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
gen_line_free (gpointer data)
{
  GenLine *line = data;

  g_free (line->text);
  g_free (line);
}

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

static void
add_line (GenDoc     *doc,
          LineKind    kind,
          const char *text)
{
  GenLine *line = g_new0 (GenLine, 1);

  line->kind = kind;
  line->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (doc->lines, line);
}

static const char *
pick (GenDoc             *doc,
      const char * const *words,
      guint               n_words)
{
  return words[g_rand_int_range (doc->rand, 0, n_words)];
}

#define PICK(doc, array) pick ((doc), (array), G_N_ELEMENTS (array))

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

/* A sentence, sometimes with Latin words in it. */
static void
append_sentence (GenDoc  *doc,
                 GString *text)
{
  g_string_append (text, PICK (doc, subjects));
  g_string_append (text, PICK (doc, verbs));
  if (doc->style->latin && g_rand_int_range (doc->rand, 0, 3) == 0)
    {
      /* Spaced or not: both are met. */
      const char *space = g_rand_boolean (doc->rand) ? " " : "";

      g_string_append_printf (text, "%s%s%s", space, PICK (doc, latin_words), space);
    }
  g_string_append (text, PICK (doc, objects));
  if (doc->style->latin && g_rand_int_range (doc->rand, 0, 3) == 0)
    g_string_append_printf (text, "（%s）", PICK (doc, latin_words));
  if (g_rand_boolean (doc->rand))
    g_string_append_printf (text, "，%s", PICK (doc, tails));
  g_string_append (text, "。");
}

/* Fuzzer seeds want small documents: a sentence a paragraph. */
static gboolean small_documents;

static char *
make_paragraph (GenDoc *doc,
                guint   min_sentences,
                guint   max_sentences)
{
  GString *text = g_string_new (NULL);
  guint n = small_documents ? 1 : g_rand_int_range (doc->rand, min_sentences, max_sentences + 1);

  for (guint i = 0; i < n; i++)
    append_sentence (doc, text);
  return g_string_free (text, FALSE);
}

/* Breaks @text into lines of at most doc->width characters, as a word
 * processor would: anywhere between CJK characters, at spaces between
 * Latin words (the space goes). */
static GPtrArray *
wrap (GenDoc     *doc,
      const char *text,
      const char *first_indent)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (first_indent);
  guint columns = g_utf8_strlen (first_indent, -1);
  const char *p = text;
  guint width = doc->width;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *end = g_utf8_next_char (p);
      guint length = 1;

      /* A Latin word goes whole. */
      if (c < 0x80 && c != ' ')
        {
          while (*end != '\0' && (guchar) *end < 0x80 && *end != ' ')
            end++, length++;
        }
      if (c == ' ' && columns == 0)
        {
          p = end;
          continue;
        }
      /* Closing punctuation never opens a line: it hangs in the margin. */
      if (columns + length > width && columns > 0 && g_utf8_strchr ("。，、；：）」』？！", -1, c) != NULL)
        {
          g_string_append_len (line, p, end - p);
          columns += length;
          p = end;
          continue;
        }
      if (columns + length > width && columns > 0)
        {
          /* A ragged layout ends some lines a little early. */
          if (doc->style->ragged)
            width = doc->width - g_rand_int_range (doc->rand, 0, 4);
          /* The space before a wrapped word is the break. */
          while (line->len > 0 && line->str[line->len - 1] == ' ')
            g_string_truncate (line, line->len - 1);
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
          columns = 0;
          if (c == ' ')
            {
              p = end;
              continue;
            }
        }
      g_string_append_len (line, p, end - p);
      columns += length;
      p = end;
    }
  if (line->len > 0)
    g_ptr_array_add (lines, g_strdup (line->str));
  return lines;
}

/* A paragraph that belongs to @field. */
static void
emit_paragraph (GenDoc     *doc,
                TrField     field,
                const char *text)
{
  g_autoptr(GPtrArray) lines = wrap (doc, text, doc->style->indent ? "　　" : "");

  for (guint i = 0; i < lines->len; i++)
    add_line (doc, LINE_CONTENT, g_ptr_array_index (lines, i));
  if (doc->style->blank_lines)
    add_line (doc, LINE_BLANK, NULL);

  if (field < TR_N_FIELDS)
    {
      if (doc->expected[field]->len > 0)
        g_string_append_c (doc->expected[field], '\n');
      g_string_append (doc->expected[field], text);
    }
}

/* A short line of its own (a sub-heading, a list item, a caption). */
static void
emit_item (GenDoc     *doc,
           TrField     field,
           const char *text)
{
  g_autoptr(GPtrArray) lines = wrap (doc, text, "");

  for (guint i = 0; i < lines->len; i++)
    add_line (doc, LINE_CONTENT, g_ptr_array_index (lines, i));
  if (doc->expected[field]->len > 0)
    g_string_append_c (doc->expected[field], '\n');
  g_string_append (doc->expected[field], text);
}

static void
page_break (GenDoc *doc)
{
  add_line (doc, LINE_PAGE_BREAK, NULL);
}

static const char * const capital_numbers[] = { "壹", "貳", "參", "肆", "伍", "陸", "柒" };
static const char * const chinese_numbers[] = { "一", "二", "三", "四", "五", "六", "七" };

/* "壹、目的", "第一章 目的", "一、目的" or "目的" for the @n-th (0-based)
 * heading of the body. */
static char *
heading_text (GenDoc     *doc,
              guint       n,
              const char *words)
{
  switch (doc->style->headings)
    {
    case HEADINGS_CAPITAL:
      return g_strdup_printf ("%s、%s", capital_numbers[n], words);
    case HEADINGS_CHAPTER:
      return g_strdup_printf ("第%s章 %s", chinese_numbers[n], words);
    case HEADINGS_CHINESE:
      return g_strdup_printf ("%s、%s", chinese_numbers[n], words);
    case HEADINGS_BARE:
    default:
      return g_strdup (words);
    }
}

/* Items inside a section are one level below its heading. */
static char *
item_text (GenDoc     *doc,
           guint       n,
           const char *words)
{
  if (doc->style->headings == HEADINGS_CHINESE)
    return g_strdup_printf ("（%s）%s", chinese_numbers[n], words);
  return g_strdup_printf ("%s、%s", chinese_numbers[n], words);
}

static void
emit_heading (GenDoc     *doc,
              const char *text)
{
  glong length = g_utf8_strlen (text, -1);

  if (doc->style->indent || doc->style->blank_lines)
    add_line (doc, LINE_BLANK, NULL);
  /* A heading too long for its line: the last characters wrap. */
  if (doc->style->two_line_headings && length >= 6)
    {
      const char *split = g_utf8_offset_to_pointer (text, length - 2);
      g_autofree char *first = g_strndup (text, split - text);

      add_line (doc, LINE_STRUCTURE, first);
      add_line (doc, LINE_STRUCTURE, split);
    }
  else
    add_line (doc, LINE_STRUCTURE, text);
}

/* The 提要 form and the cover ------------------------------------------- */

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

/* A date as a report might write it, and its ISO form. */
static char *
write_date (GenDoc *doc,
            GDate  *date)
{
  guint year = g_date_get_year (date), month = g_date_get_month (date), day = g_date_get_day (date);
  static const char * const digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  switch (g_rand_int_range (doc->rand, 0, 7))
    {
    case 0:
      return g_strdup_printf ("%u.%02u.%02u", year - 1911, month, day);
    case 1:
      return g_strdup_printf ("%u/%u/%u", year - 1911, month, day);
    case 2:
      return g_strdup_printf ("%u年%u月%u日", year, month, day);
    case 3:
      return g_strdup_printf ("%u-%02u-%02u", year, month, day);
    case 4:
      {
        /* 一〇五年七月九日: digit by digit for the year, words for the rest. */
        GString *text = g_string_new (NULL);
        g_autofree char *year_digits = g_strdup_printf ("%u", year - 1911);

        for (const char *p = year_digits; *p != '\0'; p++)
          g_string_append (text, digits[*p - '0']);
        g_string_append (text, "年");
        if (month >= 10)
          g_string_append_printf (text, "十%s", month > 10 ? digits[month - 10] : "");
        else
          g_string_append (text, digits[month]);
        g_string_append (text, "月");
        if (day >= 10)
          g_string_append_printf (text, "%s十%s", day >= 20 ? digits[day / 10] : "",
                                  day % 10 != 0 ? digits[day % 10] : "");
        else
          g_string_append (text, digits[day]);
        g_string_append (text, "日");
        return g_string_free (text, FALSE);
      }
    default:
      return g_strdup_printf ("%u年%u月%u日", year - 1911, month, day);
    }
}

static char *
iso (GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
choose_form_values (GenDoc *doc)
{
  GDate start, end, report;
  guint n_travellers = g_rand_int_range (doc->rand, 1, 4);

  doc->fields[TR_FIELD_AGENCY] = g_strdup (PICK (doc, agencies));
  doc->fields[TR_FIELD_TITLE] = g_strdup_printf ("%s赴%s參加%s暨%s考察", doc->fields[TR_FIELD_AGENCY],
                                                 PICK (doc, destinations), PICK (doc, objects),
                                                 PICK (doc, objects));
  doc->fields[TR_FIELD_CONTACT] = g_strdup (PICK (doc, names));
  doc->fields[TR_FIELD_PHONE] = g_strdup_printf ("04-2228%04d", g_rand_int_range (doc->rand, 0, 10000));
  doc->fields[TR_FIELD_DESTINATION] = g_strdup (PICK (doc, destinations));
  doc->fields[TR_FIELD_CLASSIFICATION] = g_strdup_printf ("%c%d/綜合（%s）", 'A' + g_rand_int_range (doc->rand, 0, 6),
                                                          g_rand_int_range (doc->rand, 0, 10), PICK (doc, units));
  if (g_rand_int_range (doc->rand, 0, 3) == 0)
    {
      doc->fields[TR_FIELD_CATEGORY] = g_strdup ("其他");
      doc->fields[TR_FIELD_CATEGORY_OTHER] = g_strdup (PICK (doc, other_kinds));
    }
  else
    doc->fields[TR_FIELD_CATEGORY] = g_strdup (PICK (doc, categories));

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, g_rand_int_range (doc->rand, 1, 29), g_rand_int_range (doc->rand, 1, 13),
                  g_rand_int_range (doc->rand, 2005, 2024));
  end = start;
  g_date_add_days (&end, g_rand_int_range (doc->rand, 1, 12));
  report = end;
  g_date_add_days (&report, g_rand_int_range (doc->rand, 10, 80));
  doc->fields[TR_FIELD_PERIOD_START] = iso (&start);
  doc->fields[TR_FIELD_PERIOD_END] = iso (&end);
  doc->fields[TR_FIELD_REPORT_DATE] = iso (&report);

  for (guint i = 0; i < n_travellers; i++)
    {
      char **traveller = g_new0 (char *, 6);

      traveller[0] = g_strdup (names[(g_rand_int_range (doc->rand, 0, 2) + i * 2) % G_N_ELEMENTS (names)]);
      traveller[1] = g_strdup (i == 0 ? doc->fields[TR_FIELD_AGENCY] : PICK (doc, agencies));
      traveller[2] = g_strdup (PICK (doc, units));
      traveller[3] = g_strdup (PICK (doc, job_titles));
      traveller[4] = g_strdup_printf ("02-2720%04d", g_rand_int_range (doc->rand, 0, 10000));
      g_ptr_array_add (doc->travellers, traveller);
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *word = PICK (doc, keyword_pool);

      if (!g_ptr_array_find_with_equal_func (doc->keywords, word, g_str_equal, NULL))
        g_ptr_array_add (doc->keywords, g_strdup (word));
    }
  doc->has_attachments = g_rand_boolean (doc->rand);
  doc->pages = g_rand_int_range (doc->rand, 5, 60);
}

static const char * const box_styles[][2] = {
  { "■", "□" }, { "☑", "☐" }, { "[x] ", "[ ] " },
};

static void
form_line (GenDoc     *doc,
           const char *text)
{
  add_line (doc, LINE_STRUCTURE, text);
}

static void
gen_cover (GenDoc *doc)
{
  GDate start, end, report;
  const char * const *first = g_ptr_array_index (doc->travellers, 0);
  g_autofree char *category = g_strdup_printf ("出國報告（出國類別：%s）", doc->fields[TR_FIELD_CATEGORY]);
  g_autofree char *agency = g_strdup_printf ("服務機關：%s", first[1]);
  g_autofree char *person = g_strdup_printf ("姓名職稱：%s %s", first[0], first[3]);
  g_autofree char *where = g_strdup_printf ("派赴國家/地區：%s", doc->fields[TR_FIELD_DESTINATION]);
  g_autofree char *when = NULL, *start_text = NULL, *end_text = NULL, *report_text = NULL, *date = NULL;

  tr_date_parse_iso (doc->fields[TR_FIELD_PERIOD_START], &start);
  tr_date_parse_iso (doc->fields[TR_FIELD_PERIOD_END], &end);
  tr_date_parse_iso (doc->fields[TR_FIELD_REPORT_DATE], &report);
  start_text = write_date (doc, &start);
  end_text = write_date (doc, &end);
  report_text = write_date (doc, &report);
  when = g_strdup_printf ("出國期間：%s至%s", start_text, end_text);
  date = g_strdup_printf ("報告日期：%s", report_text);

  /* The category line keeps its words around the label: it stays as text. */
  add_line (doc, LINE_CONTENT, category);
  add_line (doc, LINE_CONTENT, doc->fields[TR_FIELD_TITLE]);
  g_string_append_printf (doc->expected[TR_FIELD_UNCLASSIFIED], "%s%s\n%s",
                          doc->expected[TR_FIELD_UNCLASSIFIED]->len > 0 ? "\n" : "",
                          category, doc->fields[TR_FIELD_TITLE]);
  form_line (doc, agency);
  form_line (doc, person);
  form_line (doc, where);
  form_line (doc, when);
  form_line (doc, date);
  page_break (doc);
}

static void
gen_travellers (GenDoc *doc)
{
  guint layout = g_rand_int_range (doc->rand, 0, 3);

  if (layout == 0)
    {
      /* 出國人員姓名/服務機關/單位/職稱/電話 張光瑤/臺中市政府/…, on one line
       * or one entry a line. */
      gboolean one_line = g_rand_boolean (doc->rand);
      g_autoptr(GString) line = g_string_new ("出國人員姓名/服務機關/單位/職稱/電話");

      for (guint i = 0; i < doc->travellers->len; i++)
        {
          char **t = g_ptr_array_index (doc->travellers, i);
          g_autofree char *entry = g_strdup_printf ("%s/%s/%s/%s/%s", t[0], t[1], t[2], t[3], t[4]);

          if (one_line)
            g_string_append_printf (line, " %s", entry);
          else
            {
              if (i == 0)
                form_line (doc, line->str);
              form_line (doc, entry);
            }
        }
      if (one_line)
        form_line (doc, line->str);
    }
  else if (layout == 1)
    {
      form_line (doc, "姓名 服務機關 單位 職稱 電話");
      for (guint i = 0; i < doc->travellers->len; i++)
        {
          char **t = g_ptr_array_index (doc->travellers, i);
          g_autofree char *row = g_strdup_printf ("%s %s %s %s %s", t[0], t[1], t[2], t[3], t[4]);

          form_line (doc, row);
        }
    }
  else
    {
      for (guint i = 0; i < doc->travellers->len; i++)
        {
          char **t = g_ptr_array_index (doc->travellers, i);
          g_autofree char *row = g_strdup_printf ("姓名：%s 服務機關：%s 單位：%s 職稱：%s 電話：%s",
                                                  t[0], t[1], t[2], t[3], t[4]);

          form_line (doc, row);
        }
    }
}

static void
gen_category (GenDoc *doc)
{
  const char * const *boxes = box_styles[g_rand_int_range (doc->rand, 0, G_N_ELEMENTS (box_styles))];
  g_autoptr(GString) line = g_string_new ("出國類別：");
  gboolean other = g_str_equal (doc->fields[TR_FIELD_CATEGORY], "其他");
  gboolean old_list = g_rand_boolean (doc->rand);

  if (old_list && !other && g_strv_contains ((const char * const[]) { "考察", "進修", "研究", "實習", NULL },
                                            doc->fields[TR_FIELD_CATEGORY]) == FALSE)
    old_list = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      if (old_list && i >= 4)
        break;
      g_string_append_printf (line, "%s%s ", boxes[g_str_equal (categories[i], doc->fields[TR_FIELD_CATEGORY]) ? 0 : 1],
                              categories[i]);
    }
  g_string_append_printf (line, "%s其他", boxes[other ? 0 : 1]);
  if (old_list || other)
    {
      /* The sub-boxes of 其他. */
      g_string_append (line, "：");
      for (guint i = 0; i < G_N_ELEMENTS (other_kinds); i++)
        g_string_append_printf (line, " %s%s",
                                boxes[other && g_str_equal (other_kinds[i], doc->fields[TR_FIELD_CATEGORY_OTHER]) ? 0 : 1],
                                other_kinds[i]);
    }
  form_line (doc, line->str);
}

static void
gen_form (GenDoc *doc)
{
  const char * const *boxes = box_styles[g_rand_int_range (doc->rand, 0, G_N_ELEMENTS (box_styles))];
  g_autofree char *title_line = g_strdup_printf ("出國報告名稱：%s", doc->fields[TR_FIELD_TITLE]);
  g_autoptr(GPtrArray) title_lines = wrap (doc, title_line, "");
  g_autofree char *pages = g_strdup_printf ("頁數：%u 含附件：%s是 %s否", doc->pages,
                                            boxes[doc->has_attachments ? 0 : 1], boxes[doc->has_attachments ? 1 : 0]);
  g_autofree char *agency = g_strdup_printf ("出國計畫主辦機關：%s", doc->fields[TR_FIELD_AGENCY]);
  g_autofree char *contact = g_strdup_printf ("聯絡人：%s 電話：%s", doc->fields[TR_FIELD_CONTACT],
                                              doc->fields[TR_FIELD_PHONE]);
  g_autofree char *where = g_strdup_printf ("出國地區：%s", doc->fields[TR_FIELD_DESTINATION]);
  g_autofree char *classification = g_strdup_printf ("分類號/目：%s", doc->fields[TR_FIELD_CLASSIFICATION]);
  g_autofree char *keywords = NULL, *joined_keywords = NULL;
  g_autofree char *when = NULL, *date = NULL, *start_text = NULL, *end_text = NULL, *report_text = NULL;
  GDate start, end, report;

  tr_date_parse_iso (doc->fields[TR_FIELD_PERIOD_START], &start);
  tr_date_parse_iso (doc->fields[TR_FIELD_PERIOD_END], &end);
  tr_date_parse_iso (doc->fields[TR_FIELD_REPORT_DATE], &report);
  start_text = write_date (doc, &start);
  end_text = write_date (doc, &end);
  report_text = write_date (doc, &report);
  when = g_strdup_printf ("出國期間：%s至%s", start_text, end_text);
  date = g_strdup_printf ("報告日期：%s", report_text);

  g_ptr_array_add (doc->keywords, NULL);
  joined_keywords = g_strjoinv ("、", (char **) doc->keywords->pdata);
  g_ptr_array_remove_index (doc->keywords, doc->keywords->len - 1);
  keywords = g_strdup_printf ("關鍵詞：%s", joined_keywords);

  form_line (doc, g_rand_boolean (doc->rand) ? "公務出國或赴大陸地區報告提要" : "行政院及所屬各機關出國報告提要");
  for (guint i = 0; i < title_lines->len; i++)
    form_line (doc, g_ptr_array_index (title_lines, i));
  form_line (doc, pages);
  form_line (doc, agency);
  form_line (doc, contact);
  gen_travellers (doc);
  gen_category (doc);
  form_line (doc, when);
  form_line (doc, where);
  form_line (doc, date);
  form_line (doc, classification);
  form_line (doc, keywords);

  if (doc->style->summary == SUMMARY_FORM)
    {
      g_autofree char *summary = make_paragraph (doc, 3, 6);

      form_line (doc, "內容摘要：");
      emit_paragraph (doc, TR_FIELD_SUMMARY, summary);
    }
  page_break (doc);
}

/* The body ----------------------------------------------------------------- */

static void
gen_summary_page (GenDoc *doc)
{
  guint n = g_rand_int_range (doc->rand, 1, 3);

  emit_heading (doc, g_rand_boolean (doc->rand) ? "摘要" : "摘　　要");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *paragraph = make_paragraph (doc, 2, 5);

      emit_paragraph (doc, TR_FIELD_SUMMARY, paragraph);
    }
  page_break (doc);
}

static const char * const leaders[] = { "……………………", "‧‧‧‧‧‧‧‧‧‧", "..........", ". . . . . . .", "⋯⋯⋯⋯" };

static void
toc_entry (GenDoc     *doc,
           const char *leader,
           const char *heading,
           guint       page)
{
  g_autofree char *entry = g_strdup_printf ("%s%s%u", heading, leader, page);

  add_line (doc, LINE_CONTENT, entry);
  g_string_append_printf (doc->expected[TR_FIELD_UNCLASSIFIED], "%s%s",
                          doc->expected[TR_FIELD_UNCLASSIFIED]->len > 0 ? "\n" : "", entry);
}

static const char *
combined_words (GenDoc *doc)
{
  static const char * const words[] = { "心得與建議", "心得及建議", "結論與建議" };

  return PICK (doc, words);
}

/* The headings of the body, in order: what they say, and the section. */
typedef struct {
  char     *text;
  TrField   field;
  gboolean  combined;
} BodyHeading;

static GArray *
body_headings (GenDoc *doc)
{
  GArray *headings = g_array_new (FALSE, TRUE, sizeof (BodyHeading));
  const Style *style = doc->style;
  BodyHeading heading;
  guint n = 0;

  heading = (BodyHeading) { heading_text (doc, n++, style->purpose), TR_FIELD_PURPOSE, FALSE };
  g_array_append_val (headings, heading);
  heading = (BodyHeading) { heading_text (doc, n++, style->process), TR_FIELD_PROCESS, FALSE };
  g_array_append_val (headings, heading);
  if (style->combined != COMBINED_NONE)
    {
      heading = (BodyHeading) { heading_text (doc, n++, combined_words (doc)), TR_FIELD_OBSERVATIONS, TRUE };
      g_array_append_val (headings, heading);
    }
  else
    {
      heading = (BodyHeading) { heading_text (doc, n++, style->observations), TR_FIELD_OBSERVATIONS, FALSE };
      g_array_append_val (headings, heading);
      heading = (BodyHeading) { heading_text (doc, n++, style->recommendations), TR_FIELD_RECOMMENDATIONS, FALSE };
      g_array_append_val (headings, heading);
    }
  if (style->appendix)
    {
      heading = (BodyHeading) { heading_text (doc, n++, "附錄"), TR_FIELD_APPENDIX, FALSE };
      g_array_append_val (headings, heading);
    }
  return headings;
}

static void
clear_body_heading (gpointer data)
{
  g_free (((BodyHeading *) data)->text);
}

static void
gen_toc (GenDoc *doc,
         GArray *headings)
{
  const char *leader = PICK (doc, leaders);
  guint page = 3;

  toc_entry (doc, "", g_rand_boolean (doc->rand) ? "目次" : "目　　次", 0);
  /* toc_entry wrote "目次0": the title has no page number. */
  {
    GenLine *title = g_ptr_array_index (doc->lines, doc->lines->len - 1);
    GString *expected = doc->expected[TR_FIELD_UNCLASSIFIED];

    title->text[strlen (title->text) - 1] = '\0';
    g_string_truncate (expected, expected->len - 1);
  }
  if (doc->style->summary == SUMMARY_PAGE)
    toc_entry (doc, leader, "摘要", 1);
  for (guint i = 0; i < headings->len; i++)
    {
      toc_entry (doc, leader, g_array_index (headings, BodyHeading, i).text, page);
      page += g_rand_int_range (doc->rand, 1, 5);
    }
  page_break (doc);
}

/* Two to four paragraphs, and a few numbered items. */
static void
gen_section_text (GenDoc  *doc,
                  TrField  field)
{
  guint n = small_documents ? 1 : g_rand_int_range (doc->rand, 1, 3);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *paragraph = make_paragraph (doc, 2, 6);

      emit_paragraph (doc, field, paragraph);
    }
  n = small_documents ? 1 : g_rand_int_range (doc->rand, 0, 4);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item = item_text (doc, i, PICK (doc, sub_headings));
      g_autofree char *paragraph = make_paragraph (doc, 1, 4);

      emit_item (doc, field, item);
      emit_paragraph (doc, field, paragraph);
      if (field == TR_FIELD_PROCESS && doc->style->captions && i == 0)
        {
          g_autofree char *caption = g_strdup_printf ("照片%u：%s與%s合影", i + 1, PICK (doc, subjects),
                                                      PICK (doc, subjects));

          emit_item (doc, field, caption);
        }
    }
}

static void
gen_body (GenDoc *doc,
          GArray *headings)
{
  for (guint i = 0; i < headings->len; i++)
    {
      const BodyHeading *heading = &g_array_index (headings, BodyHeading, i);

      emit_heading (doc, heading->text);
      if (heading->field == TR_FIELD_APPENDIX)
        {
          g_autofree char *caption = g_strdup_printf ("照片1：%s%s", PICK (doc, subjects), PICK (doc, verbs));

          emit_item (doc, TR_FIELD_APPENDIX, caption);
          emit_item (doc, TR_FIELD_APPENDIX, "附件一：會議議程");
          emit_paragraph (doc, TR_FIELD_APPENDIX, "上午開幕典禮及專題演講，下午分組座談。");
          continue;
        }
      if (!heading->combined)
        {
          gen_section_text (doc, heading->field);
          continue;
        }

      if (doc->style->combined == COMBINED_UNSPLIT)
        {
          gen_section_text (doc, TR_FIELD_OBSERVATIONS);
          gen_section_text (doc, TR_FIELD_OBSERVATIONS);
          continue;
        }

      /* 心得與建議, then 一、心得 and 二、建議 under it. */
      if (g_rand_boolean (doc->rand))
        {
          g_autofree char *intro = make_paragraph (doc, 1, 3);

          emit_paragraph (doc, TR_FIELD_OBSERVATIONS, intro);
        }
      {
        g_autofree char *first = item_text (doc, 0, "心得");
        g_autofree char *second = item_text (doc, 1, "建議");

        emit_heading (doc, first);
        gen_section_text (doc, TR_FIELD_OBSERVATIONS);
        emit_heading (doc, second);
        gen_section_text (doc, TR_FIELD_RECOMMENDATIONS);
      }
    }
}

static char *
page_number (FooterStyle footer,
             guint       page,
             guint       n_pages)
{
  switch (footer)
    {
    case FOOTER_PLAIN:
      return g_strdup_printf ("%u", page);
    case FOOTER_DASHES:
      return g_strdup_printf ("- %u -", page);
    case FOOTER_CHINESE:
      return g_strdup_printf ("第 %u 頁", page);
    case FOOTER_OF:
      return g_strdup_printf ("%u/%u", page, n_pages);
    case FOOTER_PAGE:
      return g_strdup_printf ("Page %u", page);
    case FOOTER_TIGHT:
      return g_strdup_printf ("-%u-", page);
    case FOOTER_TOTAL:
      return g_strdup_printf ("第%u頁，共%u頁", page, n_pages);
    case FOOTER_NONE:
    case N_FOOTERS:
    default:
      return NULL;
    }
}

/* Cuts the lines into pages, each with its header and footer. */
static void
paginate (GenDoc *doc)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GString) text = g_string_new (NULL);
  FooterStyle footer = doc->style->footer;
  GPtrArray *page = NULL;

  if (footer == N_FOOTERS)
    footer = (FooterStyle) g_rand_int_range (doc->rand, 1, N_FOOTERS);

  for (guint i = 0; i < doc->lines->len; i++)
    {
      GenLine *line = g_ptr_array_index (doc->lines, i);

      if (line->kind == LINE_PAGE_BREAK)
        {
          page = NULL;
          continue;
        }
      if (page == NULL || page->len >= doc->page_lines)
        {
          if (line->kind == LINE_BLANK)
            continue;
          page = g_ptr_array_new ();
          g_ptr_array_add (pages, page);
        }
      g_ptr_array_add (page, line);
    }

  for (guint p = 0; p < pages->len; p++)
    {
      GPtrArray *lines = g_ptr_array_index (pages, p);
      g_autofree char *number = page_number (footer, p + 1, pages->len);

      if (p > 0)
        g_string_append_c (text, '\f');
      if (doc->style->header)
        {
          g_autofree char *header = doc->style->numbered_header
                                    ? g_strdup_printf ("臺中市政府公務出國報告　第%u頁", p + 1)
                                    : g_strdup ("臺中市政府公務出國報告");

          g_string_append_printf (text, "%s\n", header);
          /* On a single page a header cannot be told from text: it stays. */
          if (pages->len == 1)
            {
              GString *unclassified = doc->expected[TR_FIELD_UNCLASSIFIED];

              g_string_prepend (unclassified, unclassified->len > 0 ? "\n" : "");
              g_string_prepend (unclassified, header);
              g_ptr_array_add (doc->content_lines, g_strdup (header));
            }
        }

      for (guint i = 0; i < lines->len; i++)
        {
          GenLine *line = g_ptr_array_index (lines, i);

          g_string_append_printf (text, doc->style->double_spaced ? "%s\n\n" : "%s\n", line->text);
          if (line->kind == LINE_CONTENT)
            g_ptr_array_add (doc->content_lines, g_strdup (line->text));
        }
      if (number != NULL)
        g_string_append_printf (text, "\n%s\n", number);
    }
  doc->text = g_string_free (g_steal_pointer (&text), FALSE);
  doc->n_pages = pages->len;
}

static GenDoc *
gen_doc_new (const Style *style,
             guint32      seed)
{
  GenDoc *doc = g_new0 (GenDoc, 1);
  g_autoptr(GArray) headings = NULL;

  doc->style = style;
  doc->rand = g_rand_new_with_seed (seed);
  doc->width = g_rand_int_range (doc->rand, 18, 42);
  doc->page_lines = g_rand_int_range (doc->rand, 22, 46);
  doc->lines = g_ptr_array_new_with_free_func (gen_line_free);
  for (guint i = 0; i < TR_N_FIELDS; i++)
    doc->expected[i] = g_string_new (NULL);
  doc->form_values = g_ptr_array_new_with_free_func (g_free);
  doc->travellers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  doc->keywords = g_ptr_array_new_with_free_func (g_free);
  doc->content_lines = g_ptr_array_new_with_free_func (g_free);

  choose_form_values (doc);
  headings = body_headings (doc);
  g_array_set_clear_func (headings, clear_body_heading);

  if (style->cover)
    gen_cover (doc);
  if (style->form)
    gen_form (doc);
  if (style->summary == SUMMARY_PAGE)
    gen_summary_page (doc);
  if (style->toc)
    gen_toc (doc, headings);
  gen_body (doc, headings);
  paginate (doc);
  return doc;
}

/* Checking a parsed report against what was generated ------------------ */

static const TrField checked_fields[] = {
  TR_FIELD_SUMMARY, TR_FIELD_PURPOSE, TR_FIELD_PROCESS, TR_FIELD_OBSERVATIONS,
  TR_FIELD_RECOMMENDATIONS, TR_FIELD_APPENDIX, TR_FIELD_UNCLASSIFIED,
};

/* Without any whitespace: how a line is looked for in the result. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Everything the report holds, fields apart. */
static char *
everything (TrReport *report)
{
  GString *all = g_string_new (NULL);
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));

  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      g_autofree char *text = squeeze (tr_report_get_text (report, f));

      g_string_append_printf (all, "%s\x01", text);
    }
  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);

      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        g_string_append_printf (all, "%s\x01", tr_traveller_get (traveller, f));
    }
  for (const char * const *k = tr_report_get_keywords (report); *k != NULL; k++)
    g_string_append_printf (all, "%s\x01", *k);
  return g_string_free (all, FALSE);
}

/* Never drop text: every line but furniture and structure is somewhere. */
static void
assert_nothing_lost (GenDoc   *doc,
                     TrReport *report)
{
  g_autofree char *all = everything (report);

  for (guint i = 0; i < doc->content_lines->len; i++)
    {
      g_autofree char *line = squeeze (g_ptr_array_index (doc->content_lines, i));

      if (strstr (all, line) == NULL)
        g_error ("Line lost: “%s”\nDocument:\n%s", (char *) g_ptr_array_index (doc->content_lines, i), doc->text);
    }
}

static gboolean
has_warning_containing (TrReport   *report,
                        const char *needle)
{
  for (const char * const *w = tr_report_get_warnings (report); *w != NULL; w++)
    if (strstr (*w, needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
dump_report (TrReport *report)
{
  for (guint f = 0; f < TR_N_FIELDS; f++)
    g_printerr ("--- %s:\n%s\n", tr_field_get_key (f), tr_report_get_text (report, f));
  for (const char * const *w = tr_report_get_warnings (report); *w != NULL; w++)
    g_printerr ("warning: %s\n", *w);
}

static void
assert_form (GenDoc   *doc,
             TrReport *report)
{
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  const TrField form_fields[] = {
    TR_FIELD_TITLE, TR_FIELD_AGENCY, TR_FIELD_CONTACT, TR_FIELD_PHONE, TR_FIELD_CATEGORY,
    TR_FIELD_CATEGORY_OTHER, TR_FIELD_PERIOD_START, TR_FIELD_PERIOD_END, TR_FIELD_DESTINATION,
    TR_FIELD_REPORT_DATE, TR_FIELD_CLASSIFICATION,
  };
  guint n_travellers = doc->style->form ? doc->travellers->len : 1;

  for (guint i = 0; i < G_N_ELEMENTS (form_fields); i++)
    {
      TrField field = form_fields[i];
      const char *expected = doc->fields[field] != NULL ? doc->fields[field] : "";

      /* Without the form, the cover says less. */
      if (!doc->style->form && (field == TR_FIELD_TITLE || field == TR_FIELD_AGENCY ||
                                field == TR_FIELD_CONTACT || field == TR_FIELD_PHONE ||
                                field == TR_FIELD_CATEGORY_OTHER || field == TR_FIELD_CLASSIFICATION))
        expected = "";
      if (g_strcmp0 (tr_report_get_text (report, field), expected) != 0)
        {
          dump_report (report);
          g_error ("%s: “%s” instead of “%s”\n%s", tr_field_get_key (field),
                   tr_report_get_text (report, field), expected, doc->text);
        }
    }

  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, n_travellers);
  for (guint i = 0; i < n_travellers; i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);
      char **t = g_ptr_array_index (doc->travellers, i);

      g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_NAME), ==, t[0]);
      g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_AGENCY), ==, t[1]);
      g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_TITLE), ==, t[3]);
      if (doc->style->form)
        {
          g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_UNIT), ==, t[2]);
          g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_PHONE), ==, t[4]);
        }
    }

  if (doc->style->form)
    {
      g_ptr_array_add (doc->keywords, NULL);
      g_assert_true (g_strv_equal (tr_report_get_keywords (report), (const char * const *) doc->keywords->pdata));
      g_ptr_array_remove_index (doc->keywords, doc->keywords->len - 1);
      g_assert_cmpint (tr_report_get_has_attachments (report), ==, doc->has_attachments);
      g_assert_cmpuint (tr_report_get_pages (report), ==, doc->pages);
    }
}

typedef struct {
  guint    n_documents;
  guint    n_exact;
  double   min_recall[TR_N_FIELDS];
  double   min_precision[TR_N_FIELDS];
  double   sum_recall[TR_N_FIELDS];
} StyleResult;

static void
check_document (GenDoc      *doc,
                TrReport    *report,
                StyleResult *result)
{
  gboolean exact = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (checked_fields); i++)
    {
      TrField field = checked_fields[i];
      const char *expected = doc->expected[field]->str;
      const char *actual = tr_report_get_text (report, field);
      Accuracy accuracy = section_accuracy (expected, actual);
      g_autofree char *e = normalised_string (expected);
      g_autofree char *a = normalised_string (actual);

      result->min_recall[field] = MIN (result->min_recall[field], accuracy.recall);
      result->min_precision[field] = MIN (result->min_precision[field], accuracy.precision);
      result->sum_recall[field] += accuracy.recall;
      if (!g_str_equal (e, a))
        {
          exact = FALSE;
          g_test_message ("%s differs:\n  expected %s\n  found    %s", tr_field_get_key (field), e, a);
        }
      if (accuracy.recall < 0.98 || accuracy.precision < 0.98)
        {
          dump_report (report);
          g_error ("%s: recall %.3f, precision %.3f\nexpected: %s\nfound:    %s\ndocument:\n%s",
                   tr_field_get_key (field), accuracy.recall, accuracy.precision, e, a, doc->text);
        }
    }
  result->n_documents++;
  result->n_exact += exact;

  assert_nothing_lost (doc, report);
  if (doc->style->form || doc->style->cover)
    assert_form (doc, report);
  g_assert_false (has_warning_containing (report, "No standard report structure"));
  g_assert_cmpint (has_warning_containing (report, "no sub-headings"), ==, doc->style->combined == COMBINED_UNSPLIT);
  g_assert_true (has_warning_containing (report, "left out") ==
                 ((doc->style->header && doc->n_pages > 1) || doc->style->footer != FOOTER_NONE));
  g_assert_cmpint (tr_report_get_kind (report), ==, TR_REPORT_KIND_IMPORTED);
}

#define DOCUMENTS_PER_STYLE 25

static void
test_style (gconstpointer data)
{
  const Style *style = data;
  StyleResult result = { 0 };
  g_autoptr(GString) summary = g_string_new (NULL);

  for (guint f = 0; f < TR_N_FIELDS; f++)
    result.min_recall[f] = result.min_precision[f] = 1.0;

  for (guint seed = 1; seed <= DOCUMENTS_PER_STYLE; seed++)
    {
      g_autoptr(GenDoc) doc = gen_doc_new (style, seed * 7919 + strlen (style->name));
      g_autoptr(TrReport) report = tr_report_parse_text (doc->text);

      check_document (doc, report, &result);
    }

  for (guint i = 0; i < G_N_ELEMENTS (checked_fields); i++)
    {
      TrField field = checked_fields[i];

      g_string_append_printf (summary, " %s %.1f%% (min %.1f%%)", tr_field_get_key (field),
                              100 * result.sum_recall[field] / result.n_documents,
                              100 * result.min_recall[field]);
    }
  g_test_message ("style %s: %u documents, %u exact;%s", style->name, result.n_documents,
                  result.n_exact, summary->str);
  /* Generated text is clean: every document comes back exactly. */
  g_assert_cmpuint (result.n_exact, ==, result.n_documents);
}

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

/* Every generated document, every style: nothing but furniture is lost. */
static void
test_never_drop_text (void)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    for (guint seed = 100; seed < 110; seed++)
      {
        g_autoptr(GenDoc) doc = gen_doc_new (&styles[i], seed);
        g_autoptr(TrReport) report = tr_report_parse_text (doc->text);
        g_autofree char *all = everything (report);
        g_autofree char *input = squeeze (doc->text);
        gsize found = 0, total = 0;

        assert_nothing_lost (doc, report);

        /* And as a count of characters: what is missing from the output is
         * no more than the furniture and the structure's own words. */
        for (guint l = 0; l < doc->content_lines->len; l++)
          {
            g_autofree char *line = squeeze (g_ptr_array_index (doc->content_lines, l));

            total += strlen (line);
            found += strstr (all, line) != NULL ? strlen (line) : 0;
          }
        g_assert_cmpuint (found, ==, total);
        g_assert_cmpuint (total, <=, strlen (input));
        n++;
      }
  g_test_message ("%u documents, no text lost", n);
}

/* Dates -------------------------------------------------------------------- */

static void
test_date_parse_any (void)
{
  static const struct {
    const char *text;
    const char *iso;
  } cases[] = {
    { "105年7月9日", "2016-07-09" },
    { "105.07.09", "2016-07-09" },
    { "105/7/9", "2016-07-09" },
    { "105-07-09", "2016-07-09" },
    { "一百零五年七月九日", "2016-07-09" },
    { "一〇五年七月九日", "2016-07-09" },
    { "一○五年十二月三十一日", "2016-12-31" },
    { "2016年7月9日", "2016-07-09" },
    { "2016-07-09", "2016-07-09" },
    { "2016/7/9", "2016-07-09" },
    { "２０１６／７／９", "2016-07-09" },
    { "１０５年７月９日", "2016-07-09" },
    { " 105 年 7 月 9 日 ", "2016-07-09" },
    { "民國105年7月9日", "2016-07-09" },
    { "中華民國一百零五年七月九日", "2016-07-09" },
    { "西元2016年7月9日", "2016-07-09" },
    { "二〇一六年七月九日", "2016-07-09" },
    { "99.1.2", "2010-01-02" },
    { "1.1.1", "1912-01-01" },
    { "105年2月29日", "2016-02-29" },
    { "105年7月9號", "2016-07-09" },
    { "一百一十年廿一月三日", NULL },
    { "105年13月1日", NULL },
    { "105年2月30日", NULL },
    { "104年2月29日", NULL },
    { "105.07.09.", NULL },
    { "105.07/09", NULL },
    { "105年7.9", NULL },
    { "0年1月1日", NULL },
    { "民國2016年7月9日", NULL },
    { "西元105年7月9日", NULL },
    { "2016-7", NULL },
    { "105年7月", NULL },
    { "10五年7月9日", NULL },
    { "IV年7月9日", NULL },
    { "105年7月9日（星期六）", NULL },
    { "十萬年1月1日", NULL },
    { "99999.1.1", NULL },
    { "", NULL },
    { "年月日", NULL },
    { "today", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = tr_date_parse_any (cases[i].text);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
  g_assert_null (tr_date_parse_any (NULL));
  g_assert_null (tr_date_parse_any ("\xff\xfe"));
}

/* Furniture and the 目次 ------------------------------------------------------ */

static void
test_page_numbers (void)
{
  /* One page each with a line of text, a page number at the bottom. */
  static const char * const numbers[] = {
    "1", "- 1 -", "-1-", "第 1 頁", "第1頁，共20頁", "第一頁", "1/20", "1 / 20", "Page 1",
    "page 1 of 20", "p. 1", "— 1 —", "～1～", "iv", "2-1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = g_strdup_printf ("頁面開始的文字。\n%s\f第二頁的文字。\n%s",
                                               numbers[i], numbers[i]);
      g_autoptr(TrReport) report = tr_report_parse_text (text);

      g_test_message ("“%s”", numbers[i]);
      assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "頁面開始的文字。\n第二頁的文字。");
      g_assert_true (has_warning_containing (report, "2 running header, footer or page-number lines were left out"));
    }

  /* Not page numbers: a year, a list item, a heading, text in the middle. */
  {
    g_autoptr(TrReport) report = tr_report_parse_text ("2016\n一、說明\n中間的 12 不是頁碼。\n12\n第一章\n1.5");

    assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED),
                     "2016\n一、說明\n中間的 12 不是頁碼。\n12\n第一章\n1.5");
  }
}

static void
test_running_headers (void)
{
  static const char * const bodies[] = { "甲", "乙", "丙", "丁", "戊", "己" };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(TrReport) report = NULL;

  /* A header with the page number inside, a footer, on six pages; the
   * footer's words once in the body are kept, and so are dates that open
   * several pages. */
  for (guint page = 1; page <= 6; page++)
    {
      if (page > 1)
        g_string_append_c (text, '\f');
      g_string_append_printf (text, "出國報告　第%u頁\n", page + 2);
      if (page == 1)
        g_string_append (text, "壹、目的\n");
      if (page == 3)
        g_string_append (text, "貳、過程\n");
      if (page == 5)
        g_string_append (text, "參、心得\n");
      if (page == 6)
        g_string_append (text, "肆、建議\n");
      if (page == 3 || page == 4)
        g_string_append_printf (text, "7月%u日\n", page * 3);
      g_string_append_printf (text, "%s頁的本文，臺中市政府機密文件。\n", bodies[page - 1]);
      if (page == 4)
        g_string_append (text, "臺中市政府機密文件\n本文繼續。\n");
      g_string_append (text, "臺中市政府機密文件\n");
    }
  report = tr_report_parse_text (text->str);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "甲頁的本文，臺中市政府機密文件。\n乙頁的本文，臺中市政府機密文件。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS),
                   "7月9日\n丙頁的本文，臺中市政府機密文件。\n7月12日\n丁頁的本文，臺中市政府機密文件。\n"
                   "臺中市政府機密文件\n本文繼續。");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "戊頁的本文，臺中市政府機密文件。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "己頁的本文，臺中市政府機密文件。");
  g_assert_true (has_warning_containing (report, "12 running header, footer or page-number lines were left out"));
}

static void
test_toc (void)
{
  static const char *text =
    "目　　次\n"
    "壹、目的……………………………1\n"
    "貳、議程內容及時\n"
    "程‧‧‧‧‧‧‧‧‧‧‧‧2\n"
    "參、心得與建議 . . . . . . . . 5\n"
    "肆、附錄.....................8\n"
    "\f"
    "壹、目的\n"
    "瞭解各國作法。\n"
    "貳、議程內容及時程\n"
    "7月9日抵達。\n"
    "參、心得與建議\n"
    "一、心得\n"
    "收穫良多。\n"
    "二、建議\n"
    "持續參與。\n"
    "肆、附錄\n"
    "照片1：合影\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE), "瞭解各國作法。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS), "7月9日抵達。");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "收穫良多。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "持續參與。");
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), "照片1：合影");
  /* The 目次 is kept, line by line, apart from the body. */
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED),
                   "目　　次\n壹、目的……………………………1\n貳、議程內容及時\n程‧‧‧‧‧‧‧‧‧‧‧‧2\n"
                   "參、心得與建議 . . . . . . . . 5\n肆、附錄.....................8");
  g_assert_true (has_warning_containing (report, "table of contents"));
}

/* A 目次 as a table, without leaders, and without a title. */
static void
test_toc_without_leaders (void)
{
  static const char *text =
    "目錄\n"
    "第一章 目的 1\n"
    "第二章 過程 2\n"
    "第三章 心得 6\n"
    "第四章 建議 7\n"
    "\f"
    "第一章 目的\n甲。\n第二章 過程\n乙。\n第三章 心得\n丙。\n第四章 建議\n丁。\n"
    "\f"
    "壹、目的........1\n貳、過程........2\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE), "甲。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS), "乙。");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "丙。");
  /* A stray 目次 after the body is no heading either. */
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "丁。");
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED),
                   "目錄\n第一章 目的 1\n第二章 過程 2\n第三章 心得 6\n第四章 建議 7\n"
                   "壹、目的........1\n貳、過程........2");
}

/* Joining lines ---------------------------------------------------------------- */

/* Exact paragraphs: CJK joined without a space, Latin words with one,
 * sentence ends and short lines end paragraphs, items stand alone. */
static void
test_join_lines (void)
{
  /* Full lines are 22 characters, as a word processor would fill them. */
  static const char *text =
    "壹、目的\n"
    "本次出國係應新加坡國家發展部邀請，出席由新加\n"
    "坡政府主辦之世界城市峰會（World\n"
    "Cities Summit, WCS），與各\n"
    "國城市代表交流都市發展經驗。\n"
    "此行亦拜會亞太經濟合作會議之Asia-\n"
    "Pacific 城市代表\n"
    "一、說明事項：\n"
    "（一）第一項說明文字很長，必須換到下一行才能\n"
    "寫完。\n"
    "（二）第二項\n"
    "短行結束段落\n"
    "新段落開始，這段的文字也相當長，必須換到下一\n"
    "行才能寫完，並在頁尾處斷開而於下一頁繼續書寫其\n"
    "\f"
    "餘的部分。\n"
    "貳、過程\n"
    "過程。\n"
    "參、心得\n"
    "心得。\n"
    "肆、建議\n"
    "建議。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "本次出國係應新加坡國家發展部邀請，出席由新加坡政府主辦之世界城市峰會（World Cities "
                   "Summit, WCS），與各國城市代表交流都市發展經驗。\n"
                   "此行亦拜會亞太經濟合作會議之Asia-Pacific 城市代表\n"
                   "一、說明事項：\n"
                   "（一）第一項說明文字很長，必須換到下一行才能寫完。\n"
                   "（二）第二項\n"
                   "短行結束段落\n"
                   "新段落開始，這段的文字也相當長，必須換到下一行才能寫完，並在頁尾處斷開而於下一頁繼續書寫其餘的部分。");
}

/* Paragraphs that open with an indent may end a sentence at the end of a
 * full line without ending the paragraph. */
static void
test_join_indented (void)
{
  static const char *text =
    "目的\n"
    "　　第一段的文字相當長，第一句話在這裡結束。\n"
    "第二句話接著寫，仍屬第一段的內容，到此為止。\n"
    "　　第二段開始了，同樣寫得很長，一直寫到行尾。\n"
    "這是第二段的最後一行。\n"
    "　　第三段的文字相當長，第一句話在這裡結束。\n"
    "第三段結束。\n"
    "過程\n"
    "　　過程。\n"
    "心得\n"
    "　　心得。\n"
    "建議\n"
    "　　建議。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "第一段的文字相當長，第一句話在這裡結束。第二句話接著寫，仍屬第一段的內容，到此為止。\n"
                   "第二段開始了，同樣寫得很長，一直寫到行尾。這是第二段的最後一行。\n"
                   "第三段的文字相當長，第一句話在這裡結束。第三段結束。");
}

/* The 提要 form ------------------------------------------------------------------ */

/* As text comes out of the form's table: no line wider than the table,
 * so long values wrap (the title, the category's boxes, the keywords). */
static const char *form_text =
  "臺中市政府公務出國或赴大陸地區報告提要\n"
  "出國報告名稱：臺中市政府組團赴新加坡參加「\n"
  "2016世界城市峰會」\n"
  "頁數：35 含附件：■是 □否\n"
  "出國計畫主辦機關：臺中市政府秘書處\n"
  "聯絡人：陳文政 電話：11410\n"
  "出國人員姓名/服務機關/單位/職稱/電話\n"
  "張光瑤/臺中市政府/府本部/副市長/1101\n"
  "陳文政/臺中市政府/秘書處/股長/11410\n"
  "出國類別：□考察 □進修 □研究 □實習\n"
  "■其他：☑國際會議 ☐業務接洽 ☐洽展\n"
  "出國期間：105年7月9日至7月11日\n"
  "出國地區：新加坡\n"
  "報告日期：105年9月7日\n"
  "分類號/目：D0/綜合（文教類）\n"
  "關鍵詞：世界城市峰會、李光耀世界城市獎，\n"
  "宜居城市;  永續發展\n"
  "內容摘要：本府應新加坡國家發展部邀請，出席世界\n"
  "城市峰會，與各國城市交流。\n"
  "\f"
  "壹、目的\n目的。\n貳、過程\n過程。\n參、心得\n心得。\n肆、建議\n建議。\n";

static void
assert_traveller (TrReport   *report,
                  guint       position,
                  const char *name,
                  const char *agency,
                  const char *unit,
                  const char *title,
                  const char *phone)
{
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, position);

  g_assert_nonnull (traveller);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_NAME), ==, name);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_AGENCY), ==, agency);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_UNIT), ==, unit);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_TITLE), ==, title);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_PHONE), ==, phone);
}

static void
test_form_fields (void)
{
  g_autoptr(TrReport) report = tr_report_parse_text (form_text);
  const char * const keywords[] = { "世界城市峰會", "李光耀世界城市獎", "宜居城市", "永續發展", NULL };

  assert_text (tr_report_get_text (report, TR_FIELD_TITLE), "臺中市政府組團赴新加坡參加「2016世界城市峰會」");
  assert_text (tr_report_get_text (report, TR_FIELD_AGENCY), "臺中市政府秘書處");
  assert_text (tr_report_get_text (report, TR_FIELD_CONTACT), "陳文政");
  assert_text (tr_report_get_text (report, TR_FIELD_PHONE), "11410");
  assert_text (tr_report_get_text (report, TR_FIELD_CATEGORY), "其他");
  assert_text (tr_report_get_text (report, TR_FIELD_CATEGORY_OTHER), "國際會議");
  assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_START), "2016-07-09");
  assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_END), "2016-07-11");
  assert_text (tr_report_get_text (report, TR_FIELD_DESTINATION), "新加坡");
  assert_text (tr_report_get_text (report, TR_FIELD_REPORT_DATE), "2016-09-07");
  assert_text (tr_report_get_text (report, TR_FIELD_CLASSIFICATION), "D0/綜合（文教類）");
  g_assert_true (g_strv_equal (tr_report_get_keywords (report), keywords));
  g_assert_true (tr_report_get_has_attachments (report));
  g_assert_cmpuint (tr_report_get_pages (report), ==, 35);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 2);
  assert_traveller (report, 0, "張光瑤", "臺中市政府", "府本部", "副市長", "1101");
  assert_traveller (report, 1, "陳文政", "臺中市政府", "秘書處", "股長", "11410");
  assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY),
                   "本府應新加坡國家發展部邀請，出席世界城市峰會，與各國城市交流。");
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "建議。");
}

/* The travellers as the rows of a table, or one labelled line each. */
static void
test_form_travellers (void)
{
  static const char *table =
    "報告提要\n"
    "出國人員名單\n"
    "編號 姓名 服務機關 單位 職稱\n"
    "1 林美華 內政部 營建署 技正\n"
    "2 王小明 內政部 國土署 專員\n"
    "目的\n甲。\n過程\n乙。\n";
  static const char *labelled =
    "姓名：林美華 服務機關：內政部 單位：營建署 職稱：技正 電話：02-1234\n"
    "姓名：王小明\n"
    "服務機關：內政部\n"
    "職稱：專員\n"
    "電話：02-5678\n"
    "出國人員：黃志偉、李大同\n"
    "目的\n甲。\n過程\n乙。\n";
  static const char *cover =
    "出國報告（出國類別：考察）\n"
    "赴德國考察再生能源\n"
    "服務機關：經濟部\n"
    "職稱姓名：科長 黃志偉\n"
    "派赴國家/地區：德國柏林\n"
    "出國期間：2019/5/1-2019/5/8\n"
    "報告日期：108年7月1日（填寫一級機關首長核定日）\n"
    "目的\n甲。\n過程\n乙。\n";

  {
    g_autoptr(TrReport) report = tr_report_parse_text (table);

    assert_traveller (report, 0, "林美華", "內政部", "營建署", "技正", "");
    assert_traveller (report, 1, "王小明", "內政部", "國土署", "專員", "");
    assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "出國人員名單");
  }
  {
    g_autoptr(TrReport) report = tr_report_parse_text (labelled);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 4);
    assert_traveller (report, 0, "林美華", "內政部", "營建署", "技正", "02-1234");
    assert_traveller (report, 1, "王小明", "內政部", "", "專員", "02-5678");
    assert_traveller (report, 2, "黃志偉", "", "", "", "");
    assert_traveller (report, 3, "李大同", "", "", "", "");
    assert_text (tr_report_get_text (report, TR_FIELD_PHONE), "");
  }
  {
    g_autoptr(TrReport) report = tr_report_parse_text (cover);

    assert_traveller (report, 0, "黃志偉", "經濟部", "", "科長", "");
    assert_text (tr_report_get_text (report, TR_FIELD_CATEGORY), "考察");
    assert_text (tr_report_get_text (report, TR_FIELD_DESTINATION), "德國柏林");
    assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_START), "2019-05-01");
    assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_END), "2019-05-08");
    assert_text (tr_report_get_text (report, TR_FIELD_REPORT_DATE), "2019-07-01");
    /* Lines with more than their fields are also kept as text. */
    assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED),
                     "出國報告（出國類別：考察）\n赴德國考察再生能源\n報告日期：108年7月1日（填寫一級機關首長核定日）");
    g_assert_true (has_warning_containing (report, "2 lines of the 提要 form"));
  }
}

/* The cover's 姓名職稱 names the form's travellers again: it fills only
 * what the form left empty and adds nobody the form does not list. */
static void
test_form_cover_travellers (void)
{
  static const char *cover =
    "出國報告（出國類別：考察）\n"
    "赴愛沙尼亞考察數位治理\n"
    "服務機關：國家發展委員會\n"
    "%s：%s\n"
    "\f";
  static const char *form =
    "公務出國或赴大陸地區報告提要\n"
    "出國報告名稱：赴愛沙尼亞考察數位治理\n"
    "%s\n"
    "出國期間：105年7月9日至7月15日\n"
    "\f"
    "壹、目的\n目的。\n貳、過程\n過程。\n參、心得\n心得。\n肆、建議\n建議。\n";
  static const struct {
    const char *label;
    const char *names;
    const char *table;
    gboolean    cover_only;  /* the cover names 林大同, the form does not */
  } cases[] = {
    { "姓名職稱", "王小明 科長、陳美玲 專員",
      "姓名 服務機關 單位 職稱 電話\n"
      "王小明 國家發展委員會 資訊管理處 科長 02-2316-5301\n"
      "陳美玲 國家發展委員會 法制協調中心 專員 02-2316-5302" },
    /* Names without a space before the title; a table without titles. */
    { "職稱姓名", "科長 王小明，專員 陳美玲",
      "姓名 服務機關 單位 電話\n"
      "王小明 國家發展委員會 資訊管理處 02-2316-5301\n"
      "陳美玲 國家發展委員會 法制協調中心 02-2316-5302" },
    { "姓名職稱", "王小明科長、陳美玲專員、林大同 技正",
      "姓名 服務機關 單位 職稱 電話\n"
      "王小明 國家發展委員會 資訊管理處 科長 02-2316-5301\n"
      "陳美玲 國家發展委員會 法制協調中心 專員 02-2316-5302", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cover_text = g_strdup_printf (cover, cases[i].label, cases[i].names);
      g_autofree char *form_part = g_strdup_printf (form, cases[i].table);
      g_autofree char *text = g_strconcat (cover_text, form_part, NULL);
      g_autoptr(TrReport) report = tr_report_parse_text (text);

      g_test_message ("%s：%s", cases[i].label, cases[i].names);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==,
                        cases[i].cover_only ? 3 : 2);
      assert_traveller (report, 0, "王小明", "國家發展委員會", "資訊管理處", "科長", "02-2316-5301");
      assert_traveller (report, 1, "陳美玲", "國家發展委員會", "法制協調中心", "專員", "02-2316-5302");
      /* Named on the cover alone: a traveller still, after the form's. */
      if (cases[i].cover_only)
        assert_traveller (report, 2, "林大同", "國家發展委員會", "", "技正", "");
      assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_START), "2016-07-09");
    }

  /* Without a form the cover's list is all there is. */
  {
    g_autofree char *text = g_strdup_printf ("%s%s", "服務機關：國家發展委員會\n姓名職稱：王小明 科長、陳美玲 專員\n",
                                             "目的\n甲。\n過程\n乙。\n");
    g_autoptr(TrReport) report = tr_report_parse_text (text);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 2);
    assert_traveller (report, 0, "王小明", "國家發展委員會", "", "科長", "");
    /* The cover's one 服務機關 is everybody's on its list. */
    assert_traveller (report, 1, "陳美玲", "國家發展委員會", "", "專員", "");
  }
}

/* The cover names people in many ways; each becomes one traveller, merged
 * with the form's by name, and a cover line that names nobody adds nobody. */
static void
test_cover_traveller_styles (void)
{
  static const char *form =
    "\f"
    "公務出國或赴大陸地區報告提要\n"
    "出國報告名稱：赴德國考察再生能源\n"
    "%s\n"
    "出國期間：108年5月1日至108年5月8日\n"
    "\f"
    "壹、目的\n目的。\n貳、過程\n過程。\n參、心得\n心得。\n肆、建議\n建議。\n";
  static const struct {
    const char *cover;
    const char *table;     /* the form's travellers, or NULL for no form */
    const char *expected;  /* name|agency|unit|title|phone; … */
  } cases[] = {
    /* Names apart by spaces; the form lists one of them. */
    { "出國人員：王小明 李大華",
      "姓名 服務機關 單位 職稱 電話\n王小明 經濟部 能源署 科長 02-2775-1234",
      "王小明|經濟部|能源署|科長|02-2775-1234;李大華||||" },
    /* 機關 職稱 姓名, two people on one line. */
    { "出國人：經濟部工業局 科長 王小明、經濟部 技正 李大華", NULL,
      "王小明|經濟部工業局||科長|;李大華|經濟部||技正|" },
    /* The same with the unit as well, and the form filling the phone. */
    { "出國人：經濟部 能源署 科長 王小明；經濟部 能源署 簡任技正 李大華",
      "姓名 服務機關 單位 職稱 電話\n李大華 經濟部 能源署 簡任技正 02-2775-5678",
      "李大華|經濟部|能源署|簡任技正|02-2775-5678;王小明|經濟部|能源署|科長|" },
    /* Column names after the label, one person a line under them. */
    { "出國人：服務機關 職稱 姓名\n內政部 科長 王小明\n內政部營建署 技正 李大華", NULL,
      "王小明|內政部||科長|;李大華|內政部營建署||技正|" },
    /* Titles and names apart by spaces only. */
    { "服務機關：國家發展委員會\n職稱姓名：科長 王小明 專員 李大華 副處長 歐陽志明", NULL,
      "王小明|國家發展委員會||科長|;李大華|國家發展委員會||專員|;歐陽志明|國家發展委員會||副處長|" },
    /* Several names under 姓名, the list going on on the next line. */
    { "姓名：王小明、李大華\n陳美玲、林大同", NULL,
      "王小明||||;李大華||||;陳美玲||||;林大同||||" },
    /* A form row that the layout garbled: the cover still names him. */
    { "出國人員：王小明、李大華",
      "姓名 服務機關 單位 職稱\n王小明 經濟部 能源署 科長\n李大華經濟部能源署 技正 02-2775 5678 分機 12",
      "王小明|經濟部|能源署|科長|;李大華||||" },
    /* Name and title run together on the cover: one person, not two. */
    { "姓名職稱：王小明科長",
      "姓名 服務機關 單位 職稱\n王小明 經濟部 能源署 科長",
      "王小明|經濟部|能源署|科長|" },
    /* Words about people that name nobody add nobody. */
    { "出國人員：本部同仁共3人",
      "姓名 服務機關 單位 職稱\n王小明 經濟部 能源署 科長",
      "王小明|經濟部|能源署|科長|" },
    { "出國人員：張光瑤副市長等5人", NULL, "張光瑤|||副市長|" },
    { "出國人員：如附件", NULL, "" },
    { "出國人員：王小明先生、李大華女士", NULL, "王小明||||;李大華||||" },
    /* One name and its title under 姓名. */
    { "服務機關：經濟部\n姓名：王小明 科長", NULL, "王小明|經濟部||科長|" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *form_part = cases[i].table != NULL ? g_strdup_printf (form, cases[i].table)
                                                          : g_strdup ("\f目的\n甲。\n過程\n乙。\n");
      g_autofree char *text = g_strconcat ("出國報告（出國類別：考察）\n赴德國考察再生能源\n",
                                           cases[i].cover, "\n", form_part, NULL);
      g_autoptr(TrReport) report = tr_report_parse_text (text);
      GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
      g_auto(GStrv) expected = g_strsplit (cases[i].expected, ";", -1);

      g_test_message ("%s", cases[i].cover);
      for (guint j = 0; j < g_list_model_get_n_items (travellers); j++)
        {
          g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, j);

          g_test_message ("  got %s|%s|%s|%s|%s", tr_traveller_get (traveller, TR_TRAVELLER_NAME),
                          tr_traveller_get (traveller, TR_TRAVELLER_AGENCY),
                          tr_traveller_get (traveller, TR_TRAVELLER_UNIT),
                          tr_traveller_get (traveller, TR_TRAVELLER_TITLE),
                          tr_traveller_get (traveller, TR_TRAVELLER_PHONE));
        }
      g_assert_cmpuint (g_list_model_get_n_items (travellers), ==,
                        cases[i].expected[0] != '\0' ? g_strv_length (expected) : 0);
      for (guint j = 0; cases[i].expected[0] != '\0' && expected[j] != NULL; j++)
        {
          g_auto(GStrv) values = g_strsplit (expected[j], "|", -1);

          g_assert_cmpuint (g_strv_length (values), ==, 5);
          assert_traveller (report, j, values[0], values[1], values[2], values[3], values[4]);
        }
    }
}

/* A form row whose name ran into the next cell is the person the cover
 * names: one traveller, with the cover's name. */
static void
test_cover_repairs_form_name (void)
{
  static const char *text =
    "出國報告（出國類別：考察）\n赴德國考察再生能源\n出國人員：王小明、李大華\n"
    "\f公務出國或赴大陸地區報告提要\n出國報告名稱：赴德國考察再生能源\n"
    "姓名 服務機關 單位 職稱 電話\n"
    "王小明經濟部 能源署 科長 02-2775-1234\n"
    "李大華 經濟部 能源署 技正 02-2775-5678\n"
    "出國期間：108年5月1日至108年5月8日\n"
    "\f壹、目的\n目的。\n貳、過程\n過程。\n參、心得\n心得。\n肆、建議\n建議。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  g_autoptr(TrTraveller) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 2);
  first = g_list_model_get_item (travellers, 0);
  g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_NAME), ==, "王小明");
  assert_traveller (report, 1, "李大華", "經濟部", "能源署", "技正", "02-2775-5678");
}

/* The form's 內容摘要 and the 摘要 page often carry the same text: it is
 * kept once, the page's; a form copy that says something else stays. */
static void
test_form_summary_copy (void)
{
  static const char *summary =
    "本次考察愛沙尼亞數位治理經驗，參訪 e-Estonia 展示中心及資訊系統局，"
    "瞭解該國推動數位身分證及 X-Road 資料交換平臺之做法。建議我國研議資料交換平臺之法制基礎。";
  static const char *layout =
    "公務出國或赴大陸地區報告提要\n"
    "出國報告名稱：赴愛沙尼亞考察數位治理\n"
    "內容摘要：%s\n"
    "\f"
    "摘要\n"
    "%s\n"
    "\f"
    "壹、目的\n目的。\n貳、過程\n過程。\n參、心得\n心得。\n肆、建議\n建議。\n";
  g_autofree char *in_cell = NULL;
  g_autofree char *start = g_utf8_substring (summary, 0, 40);
  g_autofree char *cut = g_strconcat (start, "…", NULL);
  glong length = g_utf8_strlen (summary, -1);

  /* The cell is narrower than the page: its lines break elsewhere, and a
   * Latin word loses its spaces. */
  {
    g_autoptr(GString) broken = g_string_new (NULL);
    const char *p = summary;

    for (glong i = 0; i < length; i++, p = g_utf8_next_char (p))
      {
        if (i > 0 && i % 23 == 0)
          g_string_append_c (broken, '\n');
        g_string_append_unichar (broken, g_utf8_get_char (p));
      }
    in_cell = g_string_free (g_steal_pointer (&broken), FALSE);
  }

  {
    g_autofree char *text = g_strdup_printf (layout, in_cell, summary);
    g_autoptr(TrReport) report = tr_report_parse_text (text);

    assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY), summary);
  }
  {
    g_autofree char *text = g_strdup_printf (layout, cut, summary);
    g_autoptr(TrReport) report = tr_report_parse_text (text);

    assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY), summary);
  }
  {
    g_autofree char *text = g_strdup_printf (layout, "詳如摘要頁。", summary);
    g_autoptr(TrReport) report = tr_report_parse_text (text);
    g_autofree char *both = g_strconcat ("詳如摘要頁。\n", summary, NULL);

    assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY), both);
  }
  /* Only in the form, or only on the page. */
  {
    g_autofree char *text = g_strdup_printf (layout, summary, "");
    g_autoptr(TrReport) report = tr_report_parse_text (text);

    assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY), summary);
  }
}

static void
test_form_categories (void)
{
  static const struct {
    const char *line;
    const char *category;
    const char *other;
  } cases[] = {
    { "出國類別：■考察 □進修 □研究 □實習 □其他", "考察", "" },
    { "出國類別：☐考察 ☑開會 ☐其他", "開會", "" },
    { "出國類別：[ ] 考察 [x] 訪問 [ ] 其他", "訪問", "" },
    { "出國類別：[ ]考察 [X]談判", "談判", "" },
    { "出國類別：其他 ☑國際會議 ☐業務接洽 ☐洽展", "其他", "國際會議" },
    { "出國類別：□考察 ■其他 ■洽展", "其他", "洽展" },
    { "出國類別：□考察 ■其他：參加研討會", "其他", "參加研討會" },
    { "出國類別：□考察 ■其他(擔任裁判)", "其他", "擔任裁判" },
    { "出國類別：□考察 ■國際會議", "其他", "國際會議" },
    { "出國類別：其他(出席國際會議)", "其他", "出席國際會議" },
    { "類別：其他", "其他", "" },
    { "出國類別：開會", "開會", "" },
    { "出國類別： 視察", "視察", "" },
    { "出國類別：<input type=\"checkbox\"/> 考察 <input checked=\"\" type=\"checkbox\"/> 研究", "研究", "" },
    { "出 國 類 別：■實習", "實習", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\n目的\n甲。\n過程\n乙。\n", cases[i].line);
      g_autoptr(TrReport) report = tr_report_parse_text (text);

      g_test_message ("“%s”", cases[i].line);
      assert_text (tr_report_get_text (report, TR_FIELD_CATEGORY), cases[i].category);
      assert_text (tr_report_get_text (report, TR_FIELD_CATEGORY_OTHER), cases[i].other);
    }
}

/* The readers of single values, and what they leave over. */
static void
test_form_values (void)
{
  static const struct {
    const char *value;
    const char *start;
    const char *end;
    gboolean    complete;
  } periods[] = {
    { "105年7月9日至105年7月11日", "2016-07-09", "2016-07-11", TRUE },
    { "105年7月9日至11日", "2016-07-09", "2016-07-11", TRUE },
    { "105年12月30日至1月2日", "2016-12-30", "2016-01-02", TRUE },
    { "105.7.9-7.11", "2016-07-09", "2016-07-11", TRUE },
    { "105.07.09～105.07.11", "2016-07-09", "2016-07-11", TRUE },
    { "自105年7月9日起至105年7月11日止", "2016-07-09", "2016-07-11", TRUE },
    { "105年7月9日(星期六)至105年7月11日(星期一)", "2016-07-09", "2016-07-11", TRUE },
    { "2016-07-09 - 2016-07-11", "2016-07-09", "2016-07-11", TRUE },
    { "2016/7/9–2016/7/11", "2016-07-09", "2016-07-11", TRUE },
    { "105年7月9日", "2016-07-09", "2016-07-09", TRUE },
    { "105年7月9日至105年7月11日，共3天", "2016-07-09", "2016-07-11", FALSE },
    { "105年7月9日至另定", "2016-07-09", NULL, FALSE },
    { "另定", NULL, NULL, FALSE },
  };
  static const struct {
    const char *text;
    const char *clean;
  } cleans[] = {
    { "  （擔任裁判）", "擔任裁判" },
    { "D0/綜合（文教類）", "D0/綜合（文教類）" },
    { "開會）", "開會" },
    { "：＿＿＿國際會議＿＿", "國際會議" },
    { "（文教類", "文教類" },
    { "「2016世界城市峰會」", "2016世界城市峰會" },
    { "「城市」與「鄉村」", "「城市」與「鄉村」" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *start = NULL, *end = NULL;
      gboolean complete = tr_parser_read_period (periods[i].value, &start, &end);

      g_test_message ("period “%s”", periods[i].value);
      g_assert_cmpstr (start, ==, periods[i].start);
      g_assert_cmpstr (end, ==, periods[i].end);
      g_assert_cmpint (complete, ==, periods[i].complete);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cleans); i++)
    {
      g_autofree char *clean = tr_parser_clean_value (cleans[i].text);

      g_assert_cmpstr (clean, ==, cleans[i].clean);
    }

  {
    guint pages;
    gboolean known, yes;
    g_autofree char *date = NULL;
    g_auto(GStrv) words = tr_parser_split_list (" 城市、永續，創新, ICT; 水資源／能源 ");
    const char * const expected_words[] = { "城市", "永續", "創新", "ICT", "水資源", "能源", NULL };

    g_assert_true (tr_parser_read_pages ("35 頁", &pages));
    g_assert_cmpuint (pages, ==, 35);
    g_assert_false (tr_parser_read_pages ("35（含附件10頁）", &pages));
    g_assert_cmpuint (pages, ==, 35);
    g_assert_false (tr_parser_read_pages ("不詳", &pages));
    g_assert_cmpuint (pages, ==, 0);

    g_assert_true (tr_parser_read_yes_no ("□是 ■否", &known, &yes));
    g_assert_true (known);
    g_assert_false (yes);
    g_assert_true (tr_parser_read_yes_no ("[x] 是 [ ] 否", &known, &yes));
    g_assert_true (known && yes);
    g_assert_true (tr_parser_read_yes_no ("□是 □否", &known, &yes));
    g_assert_false (known);
    g_assert_false (tr_parser_read_yes_no ("不一定", &known, &yes));

    g_assert_true (tr_parser_read_date_value ("105年9月7日（星期三）", &date));
    g_assert_cmpstr (date, ==, "2016-09-07");
    g_clear_pointer (&date, g_free);
    g_assert_false (tr_parser_read_date_value ("105年9月7日（填寫一級機關首長核定日）", &date));
    g_assert_cmpstr (date, ==, "2016-09-07");

    g_assert_true (g_strv_equal ((const char * const *) words, expected_words));
  }
}

/* Labels alone with the value on the next line, as table cells come out. */
static void
test_form_cells (void)
{
  static const char *text =
    "出國報告提要\n"
    "出國報告名稱\n"
    "赴日本考察防災體系\n"
    "含附件 □是 ■否\n"
    "出國期間\n"
    "一百零八年三月一日至三月五日\n"
    "出國地區 日本東京都\n"
    "關鍵詞\n"
    "防災, 韌性城市\n"
    "摘要\n"
    "本次考察日本防災體系。\n"
    "\f目的\n甲。\n過程\n乙。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);
  const char * const keywords[] = { "防災", "韌性城市", NULL };

  assert_text (tr_report_get_text (report, TR_FIELD_TITLE), "赴日本考察防災體系");
  g_assert_false (tr_report_get_has_attachments (report));
  assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_START), "2019-03-01");
  assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_END), "2019-03-05");
  assert_text (tr_report_get_text (report, TR_FIELD_DESTINATION), "日本東京都");
  g_assert_true (g_strv_equal (tr_report_get_keywords (report), keywords));
  assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY), "本次考察日本防災體系。");
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "");
}

/* The PDF reader puts a tab between the cells of a row: a label and its
 * value, even on a cover without colons. */
static void
test_form_tabs (void)
{
  static const char *text =
    "出國報告\n"
    "出國報告名稱\t赴日本考察防災體系\n"
    "出國期間\t108年3月1日至108年3月5日\t出國地區\t日本\n"
    "姓名\t服務機關\t單位\t職稱\n"
    "林美華\t內政部\t消防署\t技正\n"
    "目的\n甲。\n過程\n乙。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_text (report, TR_FIELD_TITLE), "赴日本考察防災體系");
  assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_START), "2019-03-01");
  assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_END), "2019-03-05");
  assert_text (tr_report_get_text (report, TR_FIELD_DESTINATION), "日本");
  assert_traveller (report, 0, "林美華", "內政部", "消防署", "技正", "");
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "出國報告");
}

/* Structure found, or not ------------------------------------------------------ */

static void
test_not_a_report (void)
{
  static const char *text =
    "我國推動淨零排放政策之研析\n"
    "壹、前言\n"
    "全球氣候變遷加劇，各國紛紛提出淨零排放目標。\n"
    "貳、國際趨勢\n"
    "歐盟於2019年提出綠色新政（European Green Deal），\n"
    "以2050年達成氣候中和為目標。\n"
    "參、我國現況\n"
    "一、能源轉型\n"
    "再生能源占比逐年提高。\n"
    "肆、結論\n"
    "應持續推動相關政策。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);
  g_autofree char *expected = normalised_string (text);
  g_autofree char *actual = normalised_string (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED));

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    assert_text (tr_report_get_section (report, s), "");
  assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY), "");
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), "");
  /* All of it, in order, headings too. */
  g_assert_cmpstr (actual, ==, expected);
  g_assert_true (has_warning_containing (report, "No standard report structure was found"));
}

static void
test_partial_structure (void)
{
  static const char *text =
    "第一章 目的\n了解日本防災。\n"
    "第二章 過程\n參訪東京消防廳。\n"
    "第三章 心得\n日本防災教育紮根於社區。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "日本防災教育紮根於社區。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "");
  g_assert_true (has_warning_containing (report, "No heading was found for these sections: Recommendations"));
  g_assert_false (has_warning_containing (report, "No standard report structure"));
}

/* Sub-headings that repeat the section words stay in their section, and
 * a caption is no appendix. */
static void
test_sub_headings (void)
{
  static const char *text =
    "壹、目的\n"
    "一、會議目的\n了解城市治理。\n"
    "二、參訪目的\n觀摩智慧城市。\n"
    "貳、過程\n"
    "一、行程\n7月9日抵達。\n"
    "照片1：代表團合影\n"
    "二、心得分享會\n與會者交流。\n"
    "參、心得\n"
    "收穫良多。\n"
    "肆、建議\n"
    "一、建議持續參與\n"
    "二、建議編列預算\n"
    "伍、其他\n"
    "附表一份。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "一、會議目的\n了解城市治理。\n二、參訪目的\n觀摩智慧城市。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS),
                   "一、行程\n7月9日抵達。\n照片1：代表團合影\n二、心得分享會\n與會者交流。");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "收穫良多。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "一、建議持續參與\n二、建議編列預算");
  /* After 建議, the next heading of the same rank opens the appendix. */
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), "伍、其他\n附表一份。");
  g_assert_null (tr_report_get_warnings (report)[0]);
}

/* Headings with their text after a colon, and headings that say more. */
static void
test_inline_headings (void)
{
  static const char *text =
    "一、目的：瞭解新加坡都市規劃之作法與經驗，作為本市\n"
    "推動相關政策之參考。\n"
    "二、過程：\n"
    "參加會議。\n"
    "三、心得與建議\n"
    "（一）心得：收穫良多。\n"
    "（二）建議：持續參與。\n"
    "附錄一：議程\n"
    "上午開幕。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "瞭解新加坡都市規劃之作法與經驗，作為本市推動相關政策之參考。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS), "參加會議。");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "收穫良多。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "持續參與。");
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), "附錄一：議程\n上午開幕。");
}

/* The lines that became photos' captions leave the appendix, each only
 * where exactly one of its lines reads the same; all else stays. */
static void
test_caption_lines (void)
{
  static const char *text =
    "壹、目的\n瞭解各國作法。\n"
    "貳、過程\n7月9日抵達。\n照片1：代表團合影\n"
    "參、心得\n收穫良多。\n"
    "肆、建議\n持續參與。\n"
    "伍、附錄\n"
    "附件一：會議議程。\n"
    "照片1：代表團合影\n"
    "照片 2：參訪　市政廳\n"
    "照片3：會場\n"
    "照片3：會場\n"
    "照片4：未附圖的照片\n"
    "照片5：閉幕式，與會代表合影留念。\n";
  const char * const captions[] = {
    "照片1：代表團合影",       /* also in 過程, which keeps it */
    "照片2：參訪 市政廳\t",   /* spaced otherwise */
    "照片3：會場",             /* twice: which one is unknown */
    "照片5：閉幕式",           /* the start of a longer line */
    "照片9：不在報告裡",
    " 　\t",
    "照片1：代表團合影",       /* already gone */
    NULL,
  };
  const char *appendix =
    "附件一：會議議程。\n照片1：代表團合影\n照片 2：參訪　市政廳\n照片3：會場\n照片3：會場\n"
    "照片4：未附圖的照片\n照片5：閉幕式，與會代表合影留念。";
  const char *kept =
    "附件一：會議議程。\n照片3：會場\n照片3：會場\n照片4：未附圖的照片\n照片5：閉幕式，與會代表合影留念。";
  g_autoptr(TrReport) report = tr_report_parse_text (text);
  const char * const none[] = { NULL };
  const char * const first[] = { "照片4：未附圖的照片", "附件一：會議議程。", NULL };

  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), appendix);

  g_assert_cmpuint (tr_report_remove_caption_lines (report, none), ==, 0);
  g_assert_cmpuint (tr_report_remove_caption_lines (report, NULL), ==, 0);
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), appendix);

  g_assert_cmpuint (tr_report_remove_caption_lines (report, captions), ==, 2);
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), kept);
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS), "7月9日抵達。\n照片1：代表團合影");

  /* Nothing more goes a second time. */
  g_assert_cmpuint (tr_report_remove_caption_lines (report, captions), ==, 0);
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), kept);

  /* The first line can go as well as one inside. */
  g_assert_cmpuint (tr_report_remove_caption_lines (report, first), ==, 2);
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX),
               "照片3：會場\n照片3：會場\n照片5：閉幕式，與會代表合影留念。");
}

/* Edge cases ------------------------------------------------------------------------- */

static void
test_empty (void)
{
  const char *inputs[] = { "", "\n\n\n", "\f\f", " 　\t\n", NULL };

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(TrReport) report = tr_report_parse_text (inputs[i]);

      for (guint f = 0; f < TR_N_FIELDS; f++)
        assert_text (tr_report_get_text (report, f), "");
      g_assert_true (has_warning_containing (report, "no text"));
    }

  {
    g_autoptr(TrReport) report = tr_report_parse_lines (NULL, 0);
    g_autoptr(GPtrArray) lines = g_ptr_array_new ();
    g_autoptr(TrReport) empty = tr_report_parse_lines (lines, 3);

    g_assert_true (has_warning_containing (report, "no text"));
    g_assert_cmpuint (tr_report_get_pages (empty), ==, 3);
  }
}

static void
test_only_furniture (void)
{
  g_autoptr(TrReport) report = tr_report_parse_text ("機密\n1\f機密\n2\f機密\n3");

  for (guint f = 0; f < TR_N_FIELDS; f++)
    assert_text (tr_report_get_text (report, f), "");
  g_assert_true (has_warning_containing (report, "no text"));
  g_assert_true (has_warning_containing (report, "6 running header, footer or page-number lines were left out"));
}

static void
test_heading_at_end (void)
{
  g_autoptr(TrReport) report = tr_report_parse_text ("壹、目的\n甲。\n貳、過程\n乙。\n參、心得\n丙。\n肆、建議");
  g_autoptr(TrReport) wrapped = tr_report_parse_text ("壹、目的\n甲。\n貳、過程\n乙。\n參、心得與");

  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "丙。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "");
  g_assert_false (has_warning_containing (report, "No heading"));
  /* A heading cut short at the very end still opens its section, and
   * stays as text since its words say more than the section's name. */
  assert_text (tr_report_get_section (wrapped, TR_SECTION_PROCESS), "乙。");
  assert_text (tr_report_get_section (wrapped, TR_SECTION_OBSERVATIONS), "參、心得與");
  g_assert_true (has_warning_containing (wrapped, "sections: Recommendations"));
}

static void
test_large_document (void)
{
  g_autoptr(GString) text = g_string_new ("壹、目的\n");
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GTimer) timer = NULL;
  const char *sections[] = { "貳、過程", "參、心得", "肆、建議" };
  double limit = 1.0;

#if defined(__SANITIZE_ADDRESS__)
  limit = 6.0;  /* AddressSanitizer slows everything down */
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
  limit = 6.0;
# endif
#endif

  for (guint i = 0; i < 5000; i++)
    {
      if (i > 0 && i % 1250 == 0)
        g_string_append_printf (text, "%s\n", sections[i / 1250 - 1]);
      if (i % 40 == 0 && i > 0)
        g_string_append_printf (text, "\n%u\f臺中市政府出國報告\n", i / 40);
      if (i % 7 == 6)
        g_string_append_printf (text, "第%u段結束。\n", i);
      else
        g_string_append_printf (text, "本府代表團與各國城市代表交流永續發展政策及智慧城市建設經驗第%u行\n", i);
    }

  timer = g_timer_new ();
  report = tr_report_parse_text (text->str);
  g_test_message ("%u lines parsed in %.3f s", 5000, g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, limit);
  g_assert_nonnull (strstr (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "第4999行"));
  g_assert_false (has_warning_containing (report, "No heading"));
}

/* Lines from a broken PDF: bytes that are not UTF-8, geometry that is not
 * numbers, lines that are NULL. */
static void
test_bad_lines (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  g_autoptr(TrReport) report = NULL;
  TrLayoutLine *line;

  line = tr_layout_line_new ("\xff\xfe目的\x80", 0);
  g_ptr_array_add (lines, line);
  line = tr_layout_line_new ("本文\x01\n內容", 0);
  line->x = NAN;
  line->y = INFINITY;
  line->width = -5;
  line->font_size = NAN;
  g_ptr_array_add (lines, line);
  g_ptr_array_add (lines, NULL);
  line = tr_layout_line_new (NULL, 7);
  g_ptr_array_add (lines, line);
  line = tr_layout_line_new ("過程", 9);
  line->x = 1e300;
  line->font_size = 1e300;
  g_ptr_array_add (lines, line);

  report = tr_report_parse_lines (lines, 2);
  g_assert_nonnull (report);
  for (guint f = 0; f < TR_N_FIELDS; f++)
    g_assert_true (g_utf8_validate (tr_report_get_text (report, f), -1, NULL));
  /* The bad bytes go, the words stay; a control character splits nothing. */
  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE), "本文 內容");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS), "");
  g_assert_cmpuint (tr_report_get_pages (report), ==, 2);
}

/* Laid-out lines ------------------------------------------------------------- */

#define LEFT   72.0
#define RIGHT 523.0

static void
add_layout (GPtrArray  *lines,
            const char *text,
            guint       page,
            double      x,
            double      y,
            double      width,
            double      size,
            gboolean    bold)
{
  TrLayoutLine *line = tr_layout_line_new (text, page);

  line->x = x;
  line->y = y;
  line->width = width;
  line->height = size;
  line->font_size = size;
  line->bold = bold;
  g_ptr_array_add (lines, line);
}

/* Body text: 12 pt, left margin to right margin, 18 pt apart. */
static double
add_body (GPtrArray  *lines,
          const char *text,
          guint       page,
          double      y,
          gboolean    full)
{
  double width = full ? RIGHT - LEFT : g_utf8_strlen (text, -1) * 12.0;

  add_layout (lines, text, page, LEFT, y, width, 12, FALSE);
  return y + 18;
}

/* Headings known only by their face: larger and bold, no numbering; bold
 * body-size sub-headings stay in their section. */
static void
test_geometry_headings (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  g_autoptr(TrReport) report = NULL;
  double y = 72;

  add_layout (lines, "赴韓國大田市參加亞太城市峰會", 0, 150, 300, 300, 20, TRUE);
  add_layout (lines, "出國報告", 0, 250, 340, 80, 20, TRUE);
  add_layout (lines, "出國目的及任務", 1, LEFT, y, 112, 16, TRUE), y += 30;
  y = add_body (lines, "本次出國參加亞太城市峰會暨市長論壇，並考察韓國大田與", 1, y, TRUE);
  y = add_body (lines, "首爾兩市之智慧城市建設。", 1, y, FALSE);
  add_layout (lines, "會議議程與參訪", 1, LEFT, y, 112, 16, TRUE), y += 30;
  add_layout (lines, "大會開幕", 1, LEFT, y, 48, 12, TRUE), y += 18;
  y = add_body (lines, "九月十日下午抵達仁川。", 1, y, FALSE);
  add_layout (lines, "照片1：大會開幕式", 1, LEFT, y, 108, 12, TRUE), y += 18;
  add_layout (lines, "心得", 1, LEFT, y, 32, 16, TRUE), y += 30;
  y = add_body (lines, "韓國城市行銷成效卓著。", 1, y, FALSE);
  add_layout (lines, "建議", 1, LEFT, y, 32, 16, TRUE), y += 30;
  /* A bold sub-heading of 建議 is no heading of the sections' rank … */
  add_layout (lines, "一、持續參與", 1, LEFT, y, 72, 12, TRUE), y += 18;
  y = add_body (lines, "持續參與國際城市組織。", 1, y, FALSE);
  /* … one set like them is, and after 建議 it opens the appendix. */
  add_layout (lines, "其他事項", 1, LEFT, y, 64, 16, TRUE), y += 30;
  y = add_body (lines, "預算另案編列。", 1, y, FALSE);
  add_layout (lines, "活動剪影", 1, LEFT, y, 64, 16, TRUE), y += 30;
  add_body (lines, "照片1：開幕典禮", 1, y, FALSE);

  report = tr_report_parse_lines (lines, 2);
  /* The cover's title, on two lines in its large face, is one line. */
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "赴韓國大田市參加亞太城市峰會出國報告");
  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "出國目的及任務\n本次出國參加亞太城市峰會暨市長論壇，並考察韓國大田與首爾兩市之智慧城市建設。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS),
                   "會議議程與參訪\n大會開幕\n九月十日下午抵達仁川。\n照片1：大會開幕式");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "韓國城市行銷成效卓著。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "一、持續參與\n持續參與國際城市組織。");
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), "其他事項\n預算另案編列。\n活動剪影\n照片1：開幕典禮");
  g_assert_cmpuint (tr_report_get_pages (report), ==, 2);
}

/* Where lines end against the right margin, and the gaps between them,
 * say where paragraphs end, punctuation or not. */
static void
test_geometry_paragraphs (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  g_autoptr(TrReport) report = NULL;
  double y = 72;

  add_layout (lines, "目的", 0, LEFT, y, 24, 12, FALSE), y += 18;
  /* Full lines carry on; a short one ends the paragraph without a stop. */
  y = add_body (lines, "第一段第一行沒有標點符號而且一直寫到右邊界為止", 0, y, TRUE);
  y = add_body (lines, "第一段第二行寫到一半", 0, y, FALSE);
  /* Latin text: the next word would not have fitted. */
  add_layout (lines, "The delegation visited the Urban Redevelopment", 0, LEFT, y, RIGHT - LEFT - 20, 12, FALSE), y += 18;
  add_layout (lines, "Authority and met its planners", 0, LEFT, y, 170, 12, FALSE), y += 18;
  /* A blank line's gap, after a full line. */
  y = add_body (lines, "第三段寫滿整行的文字但是下一段前有一行空白所以", 0, y, TRUE);
  y += 18;
  y = add_body (lines, "第四段在空白之後開始寫滿整行的文字並延續到下一", 0, y, TRUE);
  /* A first-line indent. */
  y = add_body (lines, "行", 0, y, FALSE);
  add_layout (lines, "第五段以縮排開始寫滿整行的文字並延續到下一行", 0, LEFT + 24, y, RIGHT - LEFT - 24, 12, FALSE), y += 18;
  y = add_body (lines, "結束", 0, y, FALSE);
  /* Two cells side by side on one line are not one paragraph. */
  add_layout (lines, "日期", 0, LEFT, y, 24, 12, FALSE);
  add_layout (lines, "行程", 0, 300, y, 24, 12, FALSE), y += 18;
  /* Across a page break, the paragraph carries on. */
  y = add_body (lines, "第七段寫滿了第一頁的最後一行而在第二頁繼續寫完", 0, y, TRUE);
  add_body (lines, "這一段。", 1, 72, FALSE);
  add_body (lines, "過程", 1, 90, FALSE);
  add_body (lines, "過程。", 1, 108, FALSE);
  add_body (lines, "心得", 1, 126, FALSE);
  add_body (lines, "心得。", 1, 144, FALSE);
  add_body (lines, "建議", 1, 162, FALSE);
  add_body (lines, "建議。", 1, 180, FALSE);

  report = tr_report_parse_lines (lines, 2);
  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "第一段第一行沒有標點符號而且一直寫到右邊界為止第一段第二行寫到一半\n"
                   "The delegation visited the Urban Redevelopment Authority and met its planners\n"
                   "第三段寫滿整行的文字但是下一段前有一行空白所以\n"
                   "第四段在空白之後開始寫滿整行的文字並延續到下一行\n"
                   "第五段以縮排開始寫滿整行的文字並延續到下一行結束\n"
                   "日期\n"
                   "行程\n"
                   "第七段寫滿了第一頁的最後一行而在第二頁繼續寫完這一段。");
}

/* Headers and footers told by where they sit on the page, wherever the
 * reading order put them. */
static void
test_geometry_furniture (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  g_autoptr(TrReport) report = NULL;
  const char *headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議" };

  for (guint page = 0; page < 4; page++)
    {
      g_autofree char *number = g_strdup_printf ("第 %u 頁", page + 1);
      g_autofree char *text = g_strdup_printf ("第%s頁的本文。", headings[page]);

      add_body (lines, headings[page], page, 100, FALSE);
      add_body (lines, "本文第一行寫到右邊界，並且在下一行繼續這個句子直到", page, 118, TRUE);
      /* The header comes in the middle of the reading order … */
      add_layout (lines, "臺中市政府出國報告", page, 200, 30, 120, 9, FALSE);
      add_body (lines, "結束。", page, 136, FALSE);
      /* … and the page number before the last line of text. */
      add_layout (lines, number, page, 280, 800, 40, 9, FALSE);
      add_body (lines, text, page, 154, FALSE);
    }

  report = tr_report_parse_lines (lines, 4);
  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "本文第一行寫到右邊界，並且在下一行繼續這個句子直到結束。\n第壹、目的頁的本文。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS),
                   "本文第一行寫到右邊界，並且在下一行繼續這個句子直到結束。\n第肆、建議頁的本文。");
  g_assert_true (has_warning_containing (report, "8 running header, footer or page-number lines were left out"));
}

/* Headings that wrapped onto a second line, in the heading face. */
static void
test_geometry_two_line_headings (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  g_autoptr(TrReport) report = NULL;

  add_layout (lines, "臺中市政府參加2016年", 0, 150, 300, 250, 20, TRUE);
  add_layout (lines, "世界城市峰會出國報告", 0, 150, 328, 250, 20, TRUE);
  add_layout (lines, "第一章 背景與", 1, LEFT, 72, 100, 16, TRUE);
  add_layout (lines, "目的", 1, LEFT, 96, 32, 16, TRUE);
  add_body (lines, "背景說明。", 1, 120, FALSE);
  add_layout (lines, "第二章 議程內容", 1, LEFT, 150, 120, 16, TRUE);
  add_layout (lines, "及時程", 1, LEFT, 174, 48, 16, TRUE);
  add_body (lines, "議程說明。", 1, 198, FALSE);
  add_layout (lines, "第三章 心得及建", 1, LEFT, 228, 120, 16, TRUE);
  add_layout (lines, "議", 1, LEFT, 252, 16, 16, TRUE);
  add_layout (lines, "一、心得", 1, LEFT, 276, 64, 12, TRUE);
  add_body (lines, "心得說明。", 1, 294, FALSE);
  add_layout (lines, "二、建議", 1, LEFT, 312, 64, 12, TRUE);
  add_body (lines, "建議說明。", 1, 330, FALSE);

  report = tr_report_parse_lines (lines, 2);
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "臺中市政府參加2016年世界城市峰會出國報告");
  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE), "背景說明。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS), "議程說明。");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "心得說明。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "建議說明。");
}

/* test-parser --write-corpus DIR: writes a few small documents of each
 * style as seeds for the fuzzer (tests/fuzz/corpus). */
static int
write_corpus (const char *directory)
{
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    for (guint seed = 1; seed <= 3; seed++)
      {
        g_autoptr(GenDoc) doc = NULL;
        g_autofree char *name = g_strdup_printf ("%s-%u.txt", styles[i].name, seed);
        g_autofree char *path = g_build_filename (directory, name, NULL);
        g_autoptr(GError) error = NULL;

        small_documents = TRUE;
        doc = gen_doc_new (&styles[i], seed);
        if (!g_file_set_contents (path, doc->text, -1, &error))
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
      }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  if (argc == 3 && g_str_equal (argv[1], "--write-corpus"))
    return write_corpus (argv[2]);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser/accuracy-metric", test_accuracy_metric);
  g_test_add_func ("/parser/date/parse-any", test_date_parse_any);
  g_test_add_func ("/parser/furniture/page-numbers", test_page_numbers);
  g_test_add_func ("/parser/furniture/running-headers", test_running_headers);
  g_test_add_func ("/parser/toc/leaders", test_toc);
  g_test_add_func ("/parser/toc/without-leaders", test_toc_without_leaders);
  g_test_add_func ("/parser/join/lines", test_join_lines);
  g_test_add_func ("/parser/join/indented", test_join_indented);
  g_test_add_func ("/parser/form/fields", test_form_fields);
  g_test_add_func ("/parser/form/travellers", test_form_travellers);
  g_test_add_func ("/parser/form/cover-travellers", test_form_cover_travellers);
  g_test_add_func ("/parser/form/cover-traveller-styles", test_cover_traveller_styles);
  g_test_add_func ("/parser/form/cover-repairs-form-name", test_cover_repairs_form_name);
  g_test_add_func ("/parser/form/summary-copy", test_form_summary_copy);
  g_test_add_func ("/parser/form/categories", test_form_categories);
  g_test_add_func ("/parser/form/cells", test_form_cells);
  g_test_add_func ("/parser/form/values", test_form_values);
  g_test_add_func ("/parser/form/tabs", test_form_tabs);
  g_test_add_func ("/parser/structure/not-a-report", test_not_a_report);
  g_test_add_func ("/parser/structure/partial", test_partial_structure);
  g_test_add_func ("/parser/structure/sub-headings", test_sub_headings);
  g_test_add_func ("/parser/structure/inline-headings", test_inline_headings);
  g_test_add_func ("/parser/structure/caption-lines", test_caption_lines);
  g_test_add_func ("/parser/edge/empty", test_empty);
  g_test_add_func ("/parser/edge/only-furniture", test_only_furniture);
  g_test_add_func ("/parser/edge/heading-at-end", test_heading_at_end);
  g_test_add_func ("/parser/edge/large-document", test_large_document);
  g_test_add_func ("/parser/edge/bad-lines", test_bad_lines);
  g_test_add_func ("/parser/geometry/headings", test_geometry_headings);
  g_test_add_func ("/parser/geometry/paragraphs", test_geometry_paragraphs);
  g_test_add_func ("/parser/geometry/furniture", test_geometry_furniture);
  g_test_add_func ("/parser/geometry/two-line-headings", test_geometry_two_line_headings);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *path = g_strdup_printf ("/parser/style/%s", styles[i].name);

      g_test_add_data_func (path, &styles[i], test_style);
    }
  g_test_add_func ("/parser/never-drop-text", test_never_drop_text);

  return g_test_run ();
}
