/* test-import.c: PDF import, from real PDFs made here to the command line
 *
 * Every PDF is made by the test: laid out with Pango and cairo
 * (tests/lib/tr-pdf-maker.c) in each heading style old reports use, or converted by
 * LibreOffice from HTML and from our own ODT export; the bad ones are
 * truncated, encrypted with qpdf, scanned (a picture and no text) or not
 * PDFs at all. They are read by the real worker ($TR_IMPORT_WORKER)
 * and the real `trip-reports import`. The recovered sections are compared
 * with what was laid out, character by character once whitespace is gone:
 * at least 98% of each section's characters must be found in it, in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "tr-error.h"
#include "tr-importer.h"
#include "tr-odt-exporter.h"
#include "tr-pdf-maker.h"
#include "tr-pdf-photos.h"
#include "tr-pdf-reader.h"
#include "tr-report-json.h"
#include "tr-report-store.h"
#include "tr-test-util.h"

#define MIN_ACCURACY 0.98
#define ENCRYPT_PASSWORD "機密-secret-2016"

#if defined(__SANITIZE_ADDRESS__)
# define ASAN_BUILD 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define ASAN_BUILD 1
# endif
#endif
#ifndef ASAN_BUILD
# define ASAN_BUILD 0
#endif

static char *test_dir;
static char *lo_profile_dir;

static char *
test_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static const char * const *
worker_argv (void)
{
  static const char *argv[] = { NULL, NULL };

  argv[0] = g_getenv ("TR_IMPORT_WORKER");
  g_assert_nonnull (argv[0]);
  return argv;
}

/* The stand-in worker (tests/lib/fake-import-worker.c): it crashes on a file
 * PATH for which PATH.crash exists, waits while PATH.hold exists, and is
 * the real worker otherwise. */
static const char *
fake_worker (void)
{
  const char *path = g_getenv ("TR_FAKE_IMPORT_WORKER");

  g_assert_nonnull (path);
  return path;
}

static const char * const *
fake_worker_argv (void)
{
  static const char *argv[] = { NULL, NULL };

  argv[0] = fake_worker ();
  return argv;
}

/* Makes the stand-in worker crash on @path (@how ".crash") or hang on it
 * (".hold") until the file returned is removed. */
static char *
mark_for_fake_worker (const char *path,
                      const char *how)
{
  char *marker = g_strconcat (path, how, NULL);

  g_assert_true (g_file_set_contents (marker, "", 0, NULL));
  return marker;
}

/* Fixtures ------------------------------------------------------------------ */

/* Clauses of report prose, Latin words among them, none starting with a
 * heading word. */
static const char * const clauses[] = {
  "市政府積極推動智慧城市與公共運輸整合", "與會者分享永續發展與氣候變遷調適之具體做法",
  "該國以長期規劃引導都市更新及社會住宅興辦", "本團實地參訪捷運場站與自行車道網絡",
  "主辦單位介紹開放資料平台與數位轉型成果", "專家學者說明減碳目標及再生能源之推動策略",
  "各城市代表討論防災韌性與社區參與機制", "我國代表說明國土規劃與地方創生之經驗",
  "OECD報告指出net zero目標需跨部門合作", "會後雙方就ESG投資與綠色金融交換意見",
  "愛沙尼亞以X-Road串接各機關資料庫，民眾僅需提供一次資料", "e-Residency計畫吸引超過十萬名外國人申請",
  "the Once-Only principle is written into Estonian law", "數位身分證（ID-card）可用於電子投票及醫療處方",
};

static void
append_paragraphs (GString    *out,
                   GRand      *rand,
                   guint       n_chars,
                   const char *item_format)
{
  static const char * const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
  gsize start = out->len;
  guint item = 0;

  /* About three bytes a character. */
  while ((out->len - start) / 3 < n_chars)
    {
      int n_clauses = g_rand_int_range (rand, 3, 9);

      if (item_format != NULL && g_rand_int_range (rand, 0, 3) == 0)
        {
          g_string_append_printf (out, item_format, numerals[item % 10]);
          item++;
        }
      for (int c = 0; c < n_clauses; c++)
        g_string_append_printf (out, "%s%s", clauses[g_rand_int_range (rand, 0, G_N_ELEMENTS (clauses))],
                                c + 1 < n_clauses ? "，" : "。\n");
    }
}

static TrTraveller *
new_traveller (const char *name,
               const char *unit,
               const char *title,
               const char *phone)
{
  TrTraveller *traveller = tr_traveller_new ();

  tr_traveller_set (traveller, TR_TRAVELLER_NAME, name);
  tr_traveller_set (traveller, TR_TRAVELLER_AGENCY, "國家發展委員會");
  tr_traveller_set (traveller, TR_TRAVELLER_UNIT, unit);
  tr_traveller_set (traveller, TR_TRAVELLER_TITLE, title);
  tr_traveller_set (traveller, TR_TRAVELLER_PHONE, phone);
  return traveller;
}

/* A complete report of about @scale × 6000 characters. With @combined, the
 * 心得 and 建議 use （一） items, as they sit under 一、心得 and 二、建議. */
static TrReport *
make_report (guint32  seed,
             guint    scale,
             gboolean combined)
{
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(TrTraveller) first = new_traveller ("王小明", "資訊管理處", "科長", "02-2316-5301");
  g_autoptr(TrTraveller) second = new_traveller ("陳美玲", "法制協調中心", "專員", "02-2316-5302");
  const char * const keywords[] = { "數位治理", "電子化政府", "X-Road", NULL };
  g_autoptr(GString) purpose = g_string_new (NULL);
  g_autoptr(GString) process = g_string_new (NULL);
  g_autoptr(GString) observations = g_string_new (NULL);
  g_autoptr(GString) recommendations = g_string_new (NULL);
  const char *item = combined ? "（%s）" : "%s、";

  tr_report_set_text (report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位治理及電子化政府出國報告");
  tr_report_set_text (report, TR_FIELD_AGENCY, "國家發展委員會");
  tr_report_set_text (report, TR_FIELD_CONTACT, "王小明");
  tr_report_set_text (report, TR_FIELD_PHONE, "02-2316-5300");
  tr_report_set_text (report, TR_FIELD_CATEGORY, "考察");
  tr_report_set_text (report, TR_FIELD_PERIOD_START, "2016-07-09");
  tr_report_set_text (report, TR_FIELD_PERIOD_END, "2016-07-15");
  tr_report_set_text (report, TR_FIELD_DESTINATION, "愛沙尼亞");
  tr_report_set_text (report, TR_FIELD_REPORT_DATE, "2016-10-01");
  tr_report_set_text (report, TR_FIELD_CLASSIFICATION, "H0/H0");
  tr_report_set_text (report, TR_FIELD_SUMMARY,
                      "本次考察愛沙尼亞數位治理經驗，參訪e-Estonia展示中心、資訊系統局（RIA）及塔林科技大學，"
                      "瞭解該國推動數位身分證、X-Road資料交換平臺及e-Residency之做法。愛沙尼亞以法律明定"
                      "「僅需提供一次」原則，各機關不得重複要求民眾提供已有之資料，並以開放原始碼及分散式架構"
                      "降低系統建置成本。建議我國研議資料交換平臺之法制基礎，推動數位身分識別，並加強資安防護。");
  g_list_store_append (tr_report_get_travellers (report), first);
  g_list_store_append (tr_report_get_travellers (report), second);
  tr_report_set_keywords (report, keywords);
  tr_report_set_has_attachments (report, TRUE);

  g_string_append (purpose,
                   "愛沙尼亞自1991年恢復獨立後，即以數位化作為國家發展之核心策略，其電子化政府"
                   "（e-Government）與數位身分證（ID-card）推動經驗舉世聞名。\n"
                   "本次考察之重點如下：\n"
                   "一、瞭解愛沙尼亞推動數位身分證及資料交換平臺X-Road之經驗。\n"
                   "二、觀摩e-Estonia展示中心及資訊系統局（Information System Authority, RIA）之運作。\n"
                   "三、建立我國與愛沙尼亞在數位治理領域之交流管道。\n");
  append_paragraphs (purpose, rand, 400 * scale, NULL);

  g_string_append (process,
                   "一、行程概要\n"
                   "本次考察自105年7月9日至7月15日，共計7日，行程如下表：\n"
                   "|日期|行程內容|\n"
                   "|7月9日|自臺北搭機經伊斯坦堡轉機前往塔林（Tallinn）|\n"
                   "|7月10日|參訪e-Estonia展示中心，聽取X-Road資料交換平臺簡報|\n"
                   "|7月11日|拜會資訊系統局（RIA），討論數位身分證之安全機制|\n"
                   "|7月12日|拜會經濟事務及通訊部，瞭解Digital Agenda 2020推動情形|\n"
                   "|7月13日|參訪塔林科技大學（TalTech）電子治理學院|\n"
                   "|7月14日至15日|返程|\n"
                   "二、參訪紀要\n"
                   "（一）e-Estonia展示中心\n");
  append_paragraphs (process, rand, 800 * scale, NULL);
  g_string_append (process, "（二）資訊系統局（RIA）\n");
  append_paragraphs (process, rand, 800 * scale, "%s、");
  g_string_append (process, "（三）塔林科技大學\n");
  append_paragraphs (process, rand, 600 * scale, NULL);

  append_paragraphs (observations, rand, 1200 * scale, combined ? "（%s）" : NULL);

  g_string_append_printf (recommendations, item, "一");
  g_string_append (recommendations, "研議建立跨機關資料交換平臺之法制基礎，明定「僅需提供一次」原則。\n");
  g_string_append_printf (recommendations, item, "二");
  g_string_append (recommendations, "推動數位身分識別，並以自然人憑證為基礎擴大線上服務。\n");
  g_string_append_printf (recommendations, item, "三");
  g_string_append (recommendations, "加強資安防護，定期辦理演練，並與愛沙尼亞NATO合作網路防禦卓越中心交流。\n");
  append_paragraphs (recommendations, rand, 300 * scale, NULL);

  tr_report_set_section (report, TR_SECTION_PURPOSE, purpose->str);
  tr_report_set_section (report, TR_SECTION_PROCESS, process->str);
  tr_report_set_section (report, TR_SECTION_OBSERVATIONS, observations->str);
  tr_report_set_section (report, TR_SECTION_RECOMMENDATIONS, recommendations->str);
  tr_report_set_text (report, TR_FIELD_APPENDIX,
                      "照片1：參訪e-Estonia展示中心\n"
                      "照片2：拜會資訊系統局（RIA）\n"
                      "照片3：與塔林科技大學Prof. Robert Krimmer座談");
  return report;
}

static char *
make_pdf (TrReport                *report,
          const TrPdfReportLayout *layout,
          const char              *name)
{
  g_autoptr(GError) error = NULL;
  char *path = test_path (name);
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);

  tr_pdf_maker_add_report (maker, report, layout);
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);
  return path;
}

/* A short, valid report PDF of its own (different bytes for each @seed). */
static char *
make_small_pdf (const char *name,
                guint32     seed)
{
  g_autoptr(TrReport) report = make_report (seed, 1, FALSE);
  TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" };

  return make_pdf (report, &layout, name);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             const void *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

/* Running tools ------------------------------------------------------------- */

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static void
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *standard_output = NULL;
  g_autofree char *standard_error = NULL;
  int status;

  g_spawn_sync (test_dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &standard_output, &standard_error, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed:\n%s%s", argv[0], standard_output, standard_error);
}

/* An encrypted copy of @path made by qpdf (AES-256, ENCRYPT_PASSWORD to
 * open), or NULL when qpdf is missing. */
static char *
encrypt_pdf (const char *path,
             const char *name)
{
  char *encrypted = test_path (name);
  const char *argv[] = { "qpdf", "--encrypt", ENCRYPT_PASSWORD, "owner-password", "256", "--",
                         path, encrypted, NULL };

  if (!have_program ("qpdf"))
    {
      g_free (encrypted);
      return NULL;
    }
  run_tool (argv);
  return encrypted;
}

/* Converts @path (an .odt or .html) to PDF with LibreOffice; NULL when it is
 * missing. */
static char *
convert_with_libreoffice (const char *path)
{
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", lo_profile_dir, NULL);
  g_autofree char *out_dir = g_strconcat (path, ".d", NULL);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *pdf_name = NULL;
  const char *soffice = have_program ("soffice") ? "soffice" : "libreoffice";
  const char *argv[] = { soffice, profile, "--headless", "--norestore", "--convert-to", "pdf",
                         "--outdir", out_dir, path, NULL };
  char *pdf;

  if (!have_program (soffice))
    return NULL;
  g_assert_no_errno (g_mkdir_with_parents (out_dir, 0755));
  run_tool (argv);
  *strrchr (base, '.') = '\0';
  pdf_name = g_strconcat (base, ".pdf", NULL);
  pdf = g_build_filename (out_dir, pdf_name, NULL);
  if (!g_file_test (pdf, G_FILE_TEST_IS_REGULAR))
    g_error ("LibreOffice made no PDF of %s", path);
  return pdf;
}

/* Importing ----------------------------------------------------------------- */

/* The parser's warning for a document with none of the four sections. */
static gboolean
warns_no_structure (TrReport *report)
{
  for (const char * const *w = tr_report_get_warnings (report); *w != NULL; w++)
    {
      g_autofree char *lower = g_utf8_strdown (*w, -1);

      if (strstr (lower, "no standard") != NULL && strstr (lower, "structure") != NULL)
        return TRUE;
    }
  return FALSE;
}

static TrReport *
import_path (const char  *path,
             const char  *password,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return tr_import_file (file, password, worker_argv (), NULL, error);
}

static TrReport *
import_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = NULL;
  gint64 start = g_get_monotonic_time ();

  report = import_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_test_message ("imported %s (%u pages) in %.2f s", path, tr_report_get_pages (report),
                  (g_get_monotonic_time () - start) / 1e6);
  for (const char * const *w = tr_report_get_warnings (report); *w != NULL; w++)
    g_test_message ("  warning: %s", *w);
  return g_steal_pointer (&report);
}

/* Accuracy -------------------------------------------------------------------- */

/* The characters of @text without whitespace and table rules. */
static GArray *
normalise (const char *text)
{
  GArray *chars = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '|')
        g_array_append_val (chars, c);
    }
  return chars;
}

typedef struct {
  double recall;     /* of the expected characters, those found, in order */
  double precision;  /* of the characters found, those expected */
} Accuracy;

/* Longest common subsequence, in two rows: sections are a few thousand
 * characters. */
static guint
lcs_length (GArray *a,
            GArray *b)
{
  g_autofree guint32 *previous = g_new0 (guint32, b->len + 1);
  g_autofree guint32 *current = g_new0 (guint32, b->len + 1);

  for (guint i = 1; i <= a->len; i++)
    {
      gunichar ca = g_array_index (a, gunichar, i - 1);
      guint32 *swap;

      for (guint j = 1; j <= b->len; j++)
        current[j] = ca == g_array_index (b, gunichar, j - 1) ? previous[j - 1] + 1
                                                              : MAX (previous[j], current[j - 1]);
      swap = previous, previous = current, current = swap;
    }
  return previous[b->len];
}

/* Characters of @a also in @b, counted as multisets: for texts too long
 * for the LCS. */
static guint
common_length (GArray *a,
               GArray *b)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint common = 0;

  for (guint i = 0; i < b->len; i++)
    {
      gpointer key = GUINT_TO_POINTER (g_array_index (b, gunichar, i));

      g_hash_table_insert (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }
  for (guint i = 0; i < a->len; i++)
    {
      gpointer key = GUINT_TO_POINTER (g_array_index (a, gunichar, i));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

      if (n > 0)
        {
          common++;
          g_hash_table_insert (counts, key, GUINT_TO_POINTER (n - 1));
        }
    }
  return common;
}

static Accuracy
compare_text (const char *expected,
              const char *found)
{
  g_autoptr(GArray) e = normalise (expected);
  g_autoptr(GArray) f = normalise (found);
  Accuracy accuracy = { 1.0, 1.0 };
  guint common;

  if (e->len == 0 && f->len == 0)
    return accuracy;
  common = (guint64) e->len * f->len <= 100000000 ? lcs_length (e, f) : common_length (e, f);
  accuracy.recall = e->len > 0 ? (double) common / e->len : 1.0;
  accuracy.precision = f->len > 0 ? (double) common / f->len : 0.0;
  return accuracy;
}

static void
check_text (const char *what,
            const char *part,
            const char *expected,
            const char *found)
{
  Accuracy accuracy = compare_text (expected, found);

  g_test_message ("%s, %s: %.2f%% of %ld characters found in it, %.2f%% of its text expected",
                  what, part, 100 * accuracy.recall, g_utf8_strlen (expected, -1), 100 * accuracy.precision);
  if (accuracy.recall < MIN_ACCURACY || accuracy.precision < MIN_ACCURACY)
    g_test_message ("expected:\n%s\nfound:\n%s", expected, found);
  g_assert_cmpfloat (accuracy.recall, >=, MIN_ACCURACY);
  g_assert_cmpfloat (accuracy.precision, >=, MIN_ACCURACY);
}

static void
check_sections (const char *what,
                TrReport   *expected,
                TrReport   *found)
{
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    check_text (what, tr_section_get_key (s),
                tr_report_get_section (expected, s), tr_report_get_section (found, s));
}

/* The appendix's text and then its photos' numbered captions, as the
 * export shows them: a caption left in the text too would be there twice. */
static void
check_appendix (const char *what,
                TrReport   *expected,
                TrReport   *found)
{
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (found));
  g_autoptr(GString) shown = g_string_new (tr_report_get_text (found, TR_FIELD_APPENDIX));

  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);

      g_string_append_printf (shown, "\n照片%u：%s", i + 1, tr_photo_get_caption (photo));
    }
  check_text (what, "appendix", tr_report_get_text (expected, TR_FIELD_APPENDIX), shown->str);
}

/* The reader ----------------------------------------------------------------- */

static GPtrArray *
read_lines (const char  *path,
            const char  *password,
            guint       *out_n_pages,
            GError     **error)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  return tr_pdf_read_lines (bytes, password, out_n_pages, NULL, NULL, error);
}

static const TrLayoutLine *
find_line (GPtrArray  *lines,
           const char *text,
           guint      *out_index)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, i);

      if (strstr (line->text, text) != NULL)
        {
          if (out_index != NULL)
            *out_index = i;
          return line;
        }
    }
  g_error ("no line with “%s”", text);
  return NULL;
}

static const TrLayoutLine *
find_exact_line (GPtrArray  *lines,
                 const char *text,
                 guint      *out_index)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, i);

      if (g_str_equal (line->text, text))
        {
          if (out_index != NULL)
            *out_index = i;
          return line;
        }
    }
  g_error ("no line “%s”", text);
  return NULL;
}

/* Lines come back in reading order, with their page, box, size and weight;
 * table cells of one row are one line, separated by tabs. */
static void
test_reader_lines (void)
{
  g_autoptr(TrReport) report = make_report (1, 1, FALSE);
  TrPdfReportLayout layout = {
    .headings = TR_PDF_HEADINGS_NUMBERED, .form = TRUE, .toc = TRUE,
    .running_header = "國家發展委員會出國報告", .footer = "- %u -",
  };
  g_autofree char *path = make_pdf (report, &layout, "reader-lines.pdf");
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  const TrLayoutLine *heading, *body, *row, *toc, *footer, *header;
  guint n_pages = 0, heading_index, body_index, second_index;

  lines = read_lines (path, NULL, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 5);

  /* Pages in order; top to bottom within a page. */
  for (guint i = 1; i < lines->len; i++)
    {
      const TrLayoutLine *a = g_ptr_array_index (lines, i - 1), *b = g_ptr_array_index (lines, i);

      g_assert_cmpuint (a->page, <=, b->page);
      if (a->page == b->page)
        g_assert_cmpfloat (a->y, <=, b->y);
      g_assert_cmpfloat_with_epsilon (b->page_width, 595.276, 0.01);
      g_assert_cmpuint (b->page, <, n_pages);
    }

  heading = find_exact_line (lines, "壹、目的", &heading_index);
  g_assert_cmpfloat_with_epsilon (heading->font_size, TR_PDF_HEADING_SIZE, 0.05);
  g_assert_true (heading->bold);
  g_assert_cmpfloat_with_epsilon (heading->x, 72.0, 1.0);

  body = find_line (lines, "愛沙尼亞自1991年恢復獨立後", &body_index);
  g_assert_cmpuint (body_index, ==, heading_index + 1);
  g_assert_cmpfloat_with_epsilon (body->font_size, TR_PDF_BODY_SIZE, 0.05);
  g_assert_false (body->bold);
  /* The first line of a paragraph is indented by two characters. */
  g_assert_cmpfloat_with_epsilon (body->x, 72.0 + 2 * TR_PDF_BODY_SIZE, 1.0);
  g_assert_cmpfloat (body->y, >, heading->y + heading->height / 2);
  g_assert_cmpfloat (body->width, >, 300);
  /* The paragraph goes on on the next line, at the margin. */
  {
    const TrLayoutLine *next = g_ptr_array_index (lines, body_index + 1);

    g_assert_cmpfloat_with_epsilon (next->x, 72.0, 1.0);
    g_assert_cmpfloat_with_epsilon (next->y - body->y, TR_PDF_BODY_SIZE * 1.5, 0.5);
  }
  find_line (lines, "二、觀摩e-Estonia展示中心", &second_index);
  g_assert_cmpuint (second_index, >, body_index);

  /* The 提要 form: label and value cells make one line. */
  row = find_line (lines, "出國計畫主辦機關", NULL);
  g_assert_cmpstr (row->text, ==, "出國計畫主辦機關\t國家發展委員會");
  g_assert_cmpfloat_with_epsilon (row->font_size, TR_PDF_TABLE_SIZE, 0.05);
  row = find_line (lines, "出國期間", NULL);
  g_assert_cmpstr (row->text, ==, "出國期間\t105年7月9日至105年7月15日\t出國地區\t愛沙尼亞");
  row = find_line (lines, "出國類別", NULL);
  g_assert_nonnull (strstr (row->text, "☑考察"));
  g_assert_nonnull (strstr (row->text, "☐進修"));
  /* A schedule row. */
  row = find_line (lines, "7月10日", NULL);
  g_assert_true (g_str_has_prefix (row->text, "7月10日\t參訪e-Estonia展示中心"));

  /* The 目次, with its dot leaders. */
  toc = find_line (lines, "貳、過程", NULL);
  g_assert_true (g_regex_match_simple ("^貳、過程 ?\\.{20,} ?[0-9]+$", toc->text, 0, 0));
  g_assert_false (toc->bold);

  /* Running header and page number. */
  header = find_line (lines, "國家發展委員會出國報告", NULL);
  g_assert_cmpfloat_with_epsilon (header->font_size, TR_PDF_HEADER_SIZE, 0.05);
  g_assert_cmpfloat (header->y, <, 40);
  footer = find_line (lines, "-1-", NULL);
  g_assert_cmpfloat (footer->y, >, 780);
  g_assert_cmpuint (footer->page, ==, 0);
}

/* Bad input, read in this process ------------------------------------------- */

typedef struct {
  const char *name;
  TrError     code;
  const char *words;  /* the message must say this */
} BadFile;

static char *
make_truncated (void)
{
  g_autofree char *good = make_small_pdf ("truncate-source.pdf", 11);
  g_autoptr(GBytes) bytes = read_bytes (good);
  char *path = test_path ("truncated.pdf");

  write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) * 6 / 10);
  return path;
}

/* A PDF header, random bytes and a trailer marker: looks whole, is not. */
static char *
make_corrupt (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  char *path = test_path ("corrupt.pdf");

  g_byte_array_append (bytes, (const guint8 *) "%PDF-1.7\n", 9);
  for (guint i = 0; i < 20000; i++)
    {
      guint8 b = (guint8) g_rand_int_range (rand, 0, 256);

      g_byte_array_append (bytes, &b, 1);
    }
  g_byte_array_append (bytes, (const guint8 *) "\n%%EOF\n", 7);
  write_bytes (path, bytes->data, bytes->len);
  return path;
}

static char *
make_garbage (void)
{
  static const char garbage[] = "PK\x03\x04 this is a zip, or something; anyway not a PDF\n";
  char *path = test_path ("garbage.pdf");

  write_bytes (path, garbage, sizeof garbage - 1);
  return path;
}

static char *
make_empty (void)
{
  char *path = test_path ("empty.pdf");

  write_bytes (path, "", 0);
  return path;
}

/* A well-formed PDF whose page tree is empty. */
static char *
make_no_pages (void)
{
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  gsize catalog, pages, xref;
  char *path = test_path ("no-pages.pdf");

  catalog = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  pages = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 3\n0000000000 65535 f \n%010zu 00000 n \n%010zu 00000 n \n"
                          "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          catalog, pages, xref);
  write_bytes (path, pdf->str, pdf->len);
  return path;
}

static char *
make_scan (void)
{
  g_autoptr(GError) error = NULL;
  char *path = test_path ("scan.pdf");

  tr_pdf_make_scan (path, 2, &error);
  g_assert_no_error (error);
  return path;
}

static char *
make_too_many_pages (void)
{
  g_autoptr(GError) error = NULL;
  char *path = test_path ("too-many-pages.pdf");

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    tr_pdf_make_numbered_pages (path, TR_PDF_MAX_PAGES + 1, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_error (const GError *error,
              TrError       code,
              const char   *words)
{
  g_assert_error (error, TR_ERROR, (int) code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

/* Each bad file, and what must be said about it. */
static const struct {
  const char *name;
  char     *(*make) (void);
  TrError     code;
  const char *words;
} bad_files[] = {
  { "empty", make_empty, TR_ERROR_PDF_EMPTY, "empty" },
  { "garbage", make_garbage, TR_ERROR_PDF_NOT_PDF, "not a PDF" },
  { "truncated", make_truncated, TR_ERROR_PDF_DAMAGED, "cut short" },
  { "corrupt", make_corrupt, TR_ERROR_PDF_DAMAGED, "damaged" },
  { "no pages", make_no_pages, TR_ERROR_PDF_EMPTY, "no pages" },
  { "scan", make_scan, TR_ERROR_PDF_NO_TEXT, "this PDF has no text; it is probably a scan" },
  { "too many pages", make_too_many_pages, TR_ERROR_PDF_TOO_LARGE, "too many pages" },
};

static void
test_reader_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = bad_files[i].make ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      guint n_pages = 12345;

      g_test_message ("%s", bad_files[i].name);
      lines = read_lines (path, NULL, &n_pages, &error);
      g_assert_null (lines);
      assert_error (error, bad_files[i].code, bad_files[i].words);
      g_assert_cmpuint (n_pages, ==, 12345);
    }
}

static void
test_reader_encrypted (void)
{
  g_autofree char *good = make_small_pdf ("encrypt-source.pdf", 12);
  g_autofree char *path = encrypt_pdf (good, "encrypted.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) plain_lines = NULL;

  if (path == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }

  lines = read_lines (path, NULL, NULL, &error);
  g_assert_null (lines);
  assert_error (error, TR_ERROR_PDF_ENCRYPTED, "password");
  g_clear_error (&error);

  lines = read_lines (path, "", NULL, &error);
  assert_error (error, TR_ERROR_PDF_ENCRYPTED, "password");
  g_clear_error (&error);

  lines = read_lines (path, "wrong", NULL, &error);
  g_assert_null (lines);
  assert_error (error, TR_ERROR_PDF_BAD_PASSWORD, "password of the PDF is wrong");
  g_clear_error (&error);

  lines = read_lines (path, ENCRYPT_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  plain_lines = read_lines (good, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, plain_lines->len);
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpstr (((TrLayoutLine *) g_ptr_array_index (lines, i))->text, ==,
                     ((TrLayoutLine *) g_ptr_array_index (plain_lines, i))->text);
}

static gboolean
stop_at_page_two (guint    page,
                  guint    n_pages,
                  gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (page, ==, ++*calls);
  return page < 2;
}

static void
test_reader_progress (void)
{
  g_autofree char *path = make_small_pdf ("progress.pdf", 13);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  guint calls = 0;

  lines = tr_pdf_read_lines (bytes, NULL, NULL, stop_at_page_two, &calls, &error);
  g_assert_null (lines);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (calls, ==, 2);
}

/* The worker ----------------------------------------------------------------- */

static void
test_worker_report (void)
{
  g_autoptr(TrReport) expected = make_report (2, 1, FALSE);
  TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" };
  g_autofree char *path = make_pdf (expected, &layout, "worker-report.pdf");
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autoptr(TrReport) report = import_ok (path);

  g_assert_cmpint (tr_report_get_kind (report), ==, TR_REPORT_KIND_IMPORTED);
  g_assert_cmpstr (tr_report_get_source_filename (report), ==, "worker-report.pdf");
  g_assert_cmpstr (tr_report_get_source_sha256 (report), ==, sha256);
  g_assert_true (g_bytes_equal (tr_report_get_source_data (report), bytes));
  g_assert_cmpuint (tr_report_get_pages (report), >=, 4);
}

/* The photos of the appendix come with the report, each with the caption
 * line under it (without its 照片 N：), through the worker's JSON. The
 * caption lines leave the appendix's text; its other lines stay, a caption
 * line without a picture among them. */
static void
test_worker_photos (void)
{
  g_autoptr(TrReport) expected = make_report (3, 1, FALSE);
  TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" };
  g_autofree char *path = test_path ("worker-photos.pdf");
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = NULL;
  GListModel *photos;
  const char *appendix;
  const char * const captions[] = {
    "參訪e-Estonia展示中心",
    "拜會資訊系統局（RIA）",
    "與塔林科技大學Prof. Robert Krimmer座談",
  };
  /* The appendix as a reader of the import should see it. */
  const char *kept =
    "附件一：會議議程及參訪行程表。\n"
    "以上照片均由出國人員拍攝。\n"
    "照片4：塔林市政廳（原檔未附圖）";

  tr_report_set_text (expected, TR_FIELD_APPENDIX,
                      "照片1：參訪e-Estonia展示中心\n"
                      "附件一：會議議程及參訪行程表。\n"
                      "照片2：拜會資訊系統局（RIA）\n"
                      "照片3：與塔林科技大學Prof. Robert Krimmer座談\n"
                      "以上照片均由出國人員拍攝。");
  tr_pdf_maker_add_report (maker, expected, &layout);
  /* Set as a caption, but with no picture above it. */
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_CAPTION, "照片4：塔林市政廳（原檔未附圖）");
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);

  report = import_ok (path);
  photos = G_LIST_MODEL (tr_report_get_photos (report));
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, G_N_ELEMENTS (captions));
  for (guint i = 0; i < G_N_ELEMENTS (captions); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);

      g_test_message ("photo %u: %u × %u, “%s”", i + 1, tr_photo_get_width (photo),
                      tr_photo_get_height (photo), tr_photo_get_caption (photo));
      g_assert_cmpstr (tr_photo_get_mime_type (photo), ==, "image/png");
      /* The maker draws 240 × 160 pt pictures from 240 × 160 pixels. */
      g_assert_cmpuint (tr_photo_get_width (photo), ==, 240);
      g_assert_cmpuint (tr_photo_get_height (photo), ==, 160);
      g_assert_cmpstr (tr_photo_get_caption (photo), ==, captions[i]);
    }
  appendix = tr_report_get_text (report, TR_FIELD_APPENDIX);
  g_test_message ("appendix: “%s”", appendix);
  /* Each caption is in its photo only: an export would show it twice. */
  for (guint i = 0; i < G_N_ELEMENTS (captions); i++)
    g_assert_null (strstr (appendix, captions[i]));
  g_assert_cmpstr (appendix, ==, kept);

  /* A report without an appendix has no photos, even with pictures elsewhere. */
  {
    g_autoptr(TrReport) plain = make_report (4, 1, FALSE);
    g_autofree char *plain_path = NULL;
    g_autoptr(TrReport) imported = NULL;

    tr_report_set_text (plain, TR_FIELD_APPENDIX, NULL);
    plain_path = make_pdf (plain, &layout, "worker-no-appendix.pdf");
    imported = import_ok (plain_path);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (imported))), ==, 0);
  }
}

static void
paint_picture (cairo_t *cr,
               double   x,
               double   y,
               int      width,
               int      height,
               double   red)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *image_cr = cairo_create (image);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, width, height);

  cairo_pattern_add_color_stop_rgb (gradient, 0, red, 0.3, 0.6);
  cairo_pattern_add_color_stop_rgb (gradient, 1, 0.9, red, 0.2);
  cairo_set_source (image_cr, gradient);
  cairo_paint (image_cr);
  cairo_pattern_destroy (gradient);
  cairo_destroy (image_cr);

  cairo_set_source_surface (cr, image, x, y);
  cairo_paint (cr);
  cairo_surface_destroy (image);
}

static void
show_text (cairo_t    *cr,
           double      x,
           double      y,
           const char *text)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK TC 10");

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Two photos side by side share one line of captions; a third stands
 * alone; a small logo is no photo. */
static void
test_reader_photos_in_a_row (void)
{
  g_autofree char *path = test_path ("photos-row.pdf");
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GArray) caption_lines = NULL;
  g_autoptr(GError) error = NULL;
  const char * const captions[] = { "左邊的照片", "右邊的照片", "單獨一張照片" };
  guint n_pages = 0, row_line, single_line;

  paint_picture (cr, 520, 30, 24, 24, 0.1);
  show_text (cr, 72, 60, "附錄");
  paint_picture (cr, 72, 100, 200, 150, 0.2);
  paint_picture (cr, 323, 100, 200, 150, 0.5);
  show_text (cr, 110, 256, "照片1：左邊的照片");
  show_text (cr, 360, 256, "照片2：右邊的照片");
  paint_picture (cr, 197, 320, 200, 260, 0.8);
  show_text (cr, 240, 586, "照片 3　單獨一張照片");
  show_text (cr, 72, 640, "以上照片均由出國人員拍攝。");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  data = read_bytes (path);
  lines = tr_pdf_read_lines (data, NULL, &n_pages, NULL, NULL, &error);
  g_assert_no_error (error);
  photos = tr_pdf_read_photos (data, NULL, 0, lines, &caption_lines, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (photos->len, ==, G_N_ELEMENTS (captions));
  for (guint i = 0; i < photos->len; i++)
    {
      TrPhoto *photo = g_ptr_array_index (photos, i);

      g_test_message ("photo %u: %u × %u, “%s”", i + 1, tr_photo_get_width (photo),
                      tr_photo_get_height (photo), tr_photo_get_caption (photo));
      g_assert_cmpstr (tr_photo_get_caption (photo), ==, captions[i]);
      g_assert_cmpuint (tr_photo_get_width (photo), ==, 200);
    }
  g_assert_cmpuint (tr_photo_get_height (g_ptr_array_index (photos, 2)), ==, 260);
  /* The two caption lines went whole into captions; the note under them
   * is no caption. */
  find_line (lines, "左邊的照片", &row_line);
  find_line (lines, "單獨一張照片", &single_line);
  g_assert_cmpuint (caption_lines->len, ==, 2);
  g_assert_cmpuint (g_array_index (caption_lines, guint, 0), ==, row_line);
  g_assert_cmpuint (g_array_index (caption_lines, guint, 1), ==, single_line);

  /* From a later page on, there are none. */
  g_clear_pointer (&photos, g_ptr_array_unref);
  photos = tr_pdf_read_photos (data, NULL, 1, lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (photos->len, ==, 0);
}

/* One picture over a line with two numbered captions: the second one's
 * picture is missing, so the line is not all the photo's caption. */
static void
test_reader_photos_missing_from_row (void)
{
  g_autofree char *path = test_path ("photos-missing-from-row.pdf");
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GArray) caption_lines = NULL;
  g_autoptr(GError) error = NULL;
  guint row_line;

  show_text (cr, 72, 60, "附錄");
  paint_picture (cr, 72, 100, 200, 150, 0.2);
  show_text (cr, 110, 256, "照片1：左邊的照片");
  show_text (cr, 360, 256, "照片2：右邊沒有照片");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  data = read_bytes (path);
  lines = tr_pdf_read_lines (data, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  find_line (lines, "照片2：右邊沒有照片", &row_line);
  g_assert_nonnull (strstr (((TrLayoutLine *) g_ptr_array_index (lines, row_line))->text, "照片1：左邊的照片"));

  photos = tr_pdf_read_photos (data, NULL, 0, lines, &caption_lines, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (photos->len, ==, 1);
  g_test_message ("caption: “%s”", tr_photo_get_caption (g_ptr_array_index (photos, 0)));
  g_assert_true (g_str_has_prefix (tr_photo_get_caption (g_ptr_array_index (photos, 0)), "左邊的照片"));
  g_assert_cmpuint (caption_lines->len, ==, 0);
}

static void
test_worker_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = bad_files[i].make ();
      g_autoptr(GError) error = NULL;
      g_autoptr(TrReport) report = NULL;

      g_test_message ("%s", bad_files[i].name);
      report = import_path (path, NULL, &error);
      g_assert_null (report);
      assert_error (error, bad_files[i].code, bad_files[i].words);
    }

  /* What the worker cannot even open. */
  {
    g_autofree char *missing = test_path ("missing.pdf");
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReport) report = import_path (missing, NULL, &error);

    g_assert_null (report);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReport) report = import_path (test_dir, NULL, &error);

    g_assert_null (report);
    assert_error (error, TR_ERROR_PDF_NOT_PDF, "folder");
  }
}

static void
test_worker_encrypted (void)
{
  g_autofree char *good = make_small_pdf ("worker-encrypt-source.pdf", 14);
  g_autofree char *path = encrypt_pdf (good, "worker-encrypted.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrReport) plain = NULL;

  if (path == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }

  report = import_path (path, NULL, &error);
  g_assert_null (report);
  assert_error (error, TR_ERROR_PDF_ENCRYPTED, "password");
  g_clear_error (&error);

  report = import_path (path, "not it", &error);
  g_assert_null (report);
  assert_error (error, TR_ERROR_PDF_BAD_PASSWORD, "wrong");
  g_clear_error (&error);

  /* The password travels through the pipe intact, Chinese and all. */
  report = import_path (path, ENCRYPT_PASSWORD, &error);
  g_assert_no_error (error);
  plain = import_ok (good);
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    g_assert_cmpstr (tr_report_get_section (report, s), ==, tr_report_get_section (plain, s));
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), ==,
                   tr_report_get_text (plain, TR_FIELD_UNCLASSIFIED));
  /* The original is what is kept: the encrypted file. */
  g_assert_cmpstr (tr_report_get_source_filename (report), ==, "worker-encrypted.pdf");
}

typedef struct {
  guint     last_page;
  guint     n_pages;
  guint     calls;
  gboolean  freed;
} Progress;

static void
on_progress (guint    page,
             guint    n_pages,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (page, ==, progress->last_page + 1);
  progress->last_page = page;
  progress->n_pages = n_pages;
  progress->calls++;
}

static void
free_progress (gpointer user_data)
{
  ((Progress *) user_data)->freed = TRUE;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_worker_progress (void)
{
  g_autofree char *path = make_small_pdf ("worker-progress.pdf", 15);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  tr_import_file_async (file, NULL, worker_argv (), on_progress, &progress, free_progress,
                        NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = tr_import_file_finish (result, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (progress.n_pages, ==, tr_report_get_pages (report));
  g_assert_cmpuint (progress.last_page, ==, progress.n_pages);
  g_assert_cmpuint (progress.calls, ==, progress.n_pages);
  g_assert_true (progress.freed);
}

/* Imports @paths at once, as a batch does, with the stand-in worker;
 * returns the results in order. */
static GPtrArray *
import_batch (const char * const *paths)
{
  GPtrArray *results = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_strv_length ((char **) paths);
  g_autofree GAsyncResult **slots = g_new0 (GAsyncResult *, n);
  gboolean done;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      tr_import_file_async (file, NULL, fake_worker_argv (), NULL, NULL, NULL, NULL,
                            store_result, &slots[i]);
    }
  do
    {
      g_main_context_iteration (NULL, TRUE);
      done = TRUE;
      for (guint i = 0; i < n; i++)
        done &= slots[i] != NULL;
    }
  while (!done);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (results, slots[i]);
  return results;
}

/* A worker that crashes costs only its own file. */
static void
test_worker_crash (void)
{
  g_autofree char *good = make_small_pdf ("crash-good.pdf", 16);
  g_autofree char *bad = make_small_pdf ("crash-trigger.pdf", 17);
  g_autofree char *good2 = make_small_pdf ("crash-good2.pdf", 18);
  g_autofree char *crash = mark_for_fake_worker (bad, ".crash");
  const char *paths[] = { good, bad, good2, NULL };
  g_autoptr(GPtrArray) results = NULL;

  results = import_batch (paths);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrReport) report = tr_import_file_finish (g_ptr_array_index (results, i), &error);

      if (i == 1)
        {
          g_assert_null (report);
          assert_error (error, TR_ERROR_IMPORT_CRASHED, "could not be read: the reader stopped unexpectedly");
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpstr (tr_report_get_source_filename (report), ==, i == 0 ? "crash-good.pdf" : "crash-good2.pdf");
        }
    }
}

/* The workers this process started and that still run. */
static GArray *
find_workers (void)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (GPid));
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  g_assert_nonnull (proc);
  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *stat_path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *cmdline_path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *stat = NULL;
      g_autofree char *cmdline = NULL;
      gsize cmdline_length;
      const char *after_name;
      char state;
      int ppid;

      if (!g_ascii_isdigit (name[0]) ||
          !g_file_get_contents (stat_path, &stat, NULL, NULL) ||
          !g_file_get_contents (cmdline_path, &cmdline, &cmdline_length, NULL))
        continue;
      /* "pid (comm) state ppid …"; comm may hold spaces and parentheses. */
      after_name = strrchr (stat, ')');
      if (after_name == NULL || sscanf (after_name + 1, " %c %d", &state, &ppid) != 2 ||
          ppid != getpid () || state == 'Z')
        continue;
      for (gsize i = 0; i + 1 < cmdline_length; i++)
        if (cmdline[i] == '\0')
          cmdline[i] = ' ';
      if (strstr (cmdline, "import-worker") != NULL)
        {
          GPid pid = (GPid) g_ascii_strtoll (name, NULL, 10);

          g_array_append_val (pids, pid);
        }
    }
  return pids;
}

static guint64
read_limit (GPid        pid,
            const char *name)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/limits", pid);
  g_autofree char *limits = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &limits, NULL, NULL));
  line = strstr (limits, name);
  g_assert_nonnull (line);
  line += strlen (name);
  while (*line == ' ')
    line++;
  if (g_str_has_prefix (line, "unlimited"))
    return G_MAXUINT64;
  return g_ascii_strtoull (line, NULL, 10);
}

static gboolean
on_cancel_timeout (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* A hung worker is killed at the time limit; its limits were set in the
 * child; cancelling kills it. */
static void
test_worker_hang (void)
{
  g_autofree char *good = make_small_pdf ("hang-good.pdf", 19);
  g_autofree char *bad = make_small_pdf ("hang-trigger.pdf", 20);
  g_autofree char *good2 = make_small_pdf ("hang-good2.pdf", 21);
  g_autofree char *hold = mark_for_fake_worker (bad, ".hold");
  const char *paths[] = { good, bad, good2, NULL };
  g_autoptr(GPtrArray) results = NULL;
  gint64 start;
  double seconds;

  /* Read here, by the parent, at each import. */
  g_setenv ("TR_IMPORT_TIMEOUT_SECONDS", "2", TRUE);
  start = g_get_monotonic_time ();
  results = import_batch (paths);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("the batch with a hung worker took %.1f s", seconds);
  g_assert_cmpfloat (seconds, >=, 1.9);
  g_assert_cmpfloat (seconds, <, 10);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrReport) report = tr_import_file_finish (g_ptr_array_index (results, i), &error);

      if (i == 1)
        {
          g_assert_null (report);
          assert_error (error, TR_ERROR_IMPORT_TIMEOUT, "could not be read: the reader took more than 2 seconds");
        }
      else
        g_assert_no_error (error);
    }

  /* Its limits, seen from outside; then Cancel. */
  g_setenv ("TR_IMPORT_TIMEOUT_SECONDS", "60", TRUE);
  {
    g_autoptr(GFile) file = g_file_new_for_path (good);
    g_autofree char *good_hold = mark_for_fake_worker (good, ".hold");
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GArray) workers = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReport) report = NULL;
    GPid pid;

    tr_import_file_async (file, NULL, fake_worker_argv (), NULL, NULL, NULL, cancellable,
                          store_result, &result);
    start = g_get_monotonic_time ();
    do
      {
        g_main_context_iteration (NULL, FALSE);
        g_clear_pointer (&workers, g_array_unref);
        workers = find_workers ();
        g_usleep (20000);
      }
    while (workers->len == 0 && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC);
    g_assert_cmpuint (workers->len, ==, 1);
    pid = g_array_index (workers, GPid, 0);

    g_assert_cmpuint (read_limit (pid, "Max cpu time"), ==, 60);
    g_assert_cmpuint (read_limit (pid, "Max core file size"), ==, 0);
    if (!ASAN_BUILD)
      g_assert_cmpuint (read_limit (pid, "Max address space"), ==, TR_IMPORT_MEMORY_LIMIT_BYTES);

    g_timeout_add (100, on_cancel_timeout, cancellable);
    start = g_get_monotonic_time ();
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    report = tr_import_file_finish (result, &error);
    g_assert_null (report);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpfloat ((g_get_monotonic_time () - start) / 1e6, <, 5);

    /* Killed, and reaped. */
    start = g_get_monotonic_time ();
    while (kill (pid, 0) == 0 && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10000);
      }
    g_assert_cmpint (kill (pid, 0), ==, -1);
    g_assert_cmpint (errno, ==, ESRCH);
    g_unlink (good_hold);
  }
  g_unlink (hold);
  g_unsetenv ("TR_IMPORT_TIMEOUT_SECONDS");
}

/* Heading styles ------------------------------------------------------------- */

typedef struct {
  const char        *name;
  TrPdfReportLayout  layout;
  gboolean           combined_items;   /* （一） items in 心得 and 建議 */
} StyleCase;

static void
check_style (gconstpointer data)
{
  const StyleCase *style = data;
  g_autoptr(TrReport) expected = make_report (g_str_hash (style->name), 2, style->combined_items);
  g_autofree char *name = g_strconcat (style->name, ".pdf", NULL);
  g_autofree char *path = make_pdf (expected, &style->layout, name);
  g_autoptr(TrReport) report = import_ok (path);

  check_sections (style->name, expected, report);
  check_appendix (style->name, expected, report);
  if (style->layout.summary_page || style->layout.form)
    check_text (style->name, "summary", tr_report_get_text (expected, TR_FIELD_SUMMARY),
                tr_report_get_text (report, TR_FIELD_SUMMARY));
  /* A report that has its four sections gets no warning that it has none. */
  g_assert_false (warns_no_structure (report));
}

static const StyleCase style_cases[] = {
  { "numbered", { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" } },
  { "chapters", { .headings = TR_PDF_HEADINGS_CHAPTERS, .toc = TRUE, .footer = "第 %u 頁",
                  .running_header = "國家發展委員會出國報告" } },
  { "bare", { .headings = TR_PDF_HEADINGS_BARE, .footer = "%u", .section_per_page = TRUE } },
  { "process-jingguo", { .headings = TR_PDF_HEADINGS_NUMBERED, .words = { NULL, "經過" },
                         .footer = "- %u -" } },
  { "process-agenda", { .headings = TR_PDF_HEADINGS_CHAPTERS,
                        .words = { "緣起與目的", "議程內容及時程", "觀察與心得", "具體建議" },
                        .footer = "%u" } },
  { "combined", { .headings = TR_PDF_HEADINGS_NUMBERED, .combined = TRUE, .footer = "- %u -" }, TRUE },
  { "combined-bare", { .headings = TR_PDF_HEADINGS_BARE, .combined = TRUE,
                       .combined_word = "心得及建議", .footer = "%u" }, TRUE },
  { "headers-footers-toc", { .headings = TR_PDF_HEADINGS_NUMBERED, .cover = TRUE, .summary_page = TRUE,
                             .toc = TRUE, .running_header = "赴愛沙尼亞考察數位治理及電子化政府出國報告",
                             .footer = "第 %u 頁" } },
  /* Headings broken over two lines (a line separator inside them). */
  { "two-line-headings", { .headings = TR_PDF_HEADINGS_NUMBERED,
                           .words = { "緣起與\u2028目的", "議程內容\u2028及時程", "觀察與\u2028心得", "具體\u2028建議" },
                           .footer = "- %u -" } },
};

/* The 提要 form: its fields, read from the table. */
static void
test_form (void)
{
  g_autoptr(TrReport) expected = make_report (3, 1, FALSE);
  TrPdfReportLayout layout = {
    .headings = TR_PDF_HEADINGS_NUMBERED, .cover = TRUE, .form = TRUE, .toc = TRUE,
    .footer = "- %u -",
  };
  g_autofree char *path = make_pdf (expected, &layout, "form.pdf");
  g_autoptr(TrReport) report = import_ok (path);
  static const TrField fields[] = {
    TR_FIELD_TITLE, TR_FIELD_AGENCY, TR_FIELD_CONTACT, TR_FIELD_PHONE, TR_FIELD_CATEGORY,
    TR_FIELD_PERIOD_START, TR_FIELD_PERIOD_END, TR_FIELD_DESTINATION, TR_FIELD_REPORT_DATE,
    TR_FIELD_CLASSIFICATION,
  };
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  const char * const *keywords = tr_report_get_keywords (report);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_test_message ("%s: “%s”", tr_field_get_key (fields[i]), tr_report_get_text (report, fields[i]));
      g_assert_cmpstr (tr_report_get_text (report, fields[i]), ==, tr_report_get_text (expected, fields[i]));
    }
  check_text ("form", "summary", tr_report_get_text (expected, TR_FIELD_SUMMARY),
              tr_report_get_text (report, TR_FIELD_SUMMARY));
  g_assert_true (tr_report_get_has_attachments (report));

  g_assert_cmpuint (g_strv_length ((char **) keywords), ==, 3);
  g_assert_cmpstr (keywords[0], ==, "數位治理");
  g_assert_cmpstr (keywords[2], ==, "X-Road");

  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) got = g_list_model_get_item (travellers, i);

      g_test_message ("traveller %u: %s / %s / %s / %s / %s", i + 1,
                      tr_traveller_get (got, TR_TRAVELLER_NAME), tr_traveller_get (got, TR_TRAVELLER_AGENCY),
                      tr_traveller_get (got, TR_TRAVELLER_UNIT), tr_traveller_get (got, TR_TRAVELLER_TITLE),
                      tr_traveller_get (got, TR_TRAVELLER_PHONE));
    }
  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TrTraveller) got = g_list_model_get_item (travellers, i);
      g_autoptr(TrTraveller) want = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (expected)), i);

      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        g_assert_cmpstr (tr_traveller_get (got, f), ==, tr_traveller_get (want, f));
    }

  check_sections ("form", expected, report);
}

/* A person the cover names and the 提要 form leaves out is still read,
 * from a real PDF's centred cover lines. */
static void
test_cover_travellers (void)
{
  g_autoptr(TrReport) expected = make_report (5, 1, FALSE);
  TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .form = TRUE, .footer = "- %u -" };
  g_autofree char *path = test_path ("cover-travellers.pdf");
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *travellers;

  tr_pdf_maker_add_space (maker, 60);
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_CENTRED, "出國報告（出國類別：考察）");
  tr_pdf_maker_add_space (maker, 40);
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_TITLE, tr_report_get_text (expected, TR_FIELD_TITLE));
  tr_pdf_maker_add_space (maker, 120);
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_CENTRED,
                         "服務機關：國家發展委員會\n"
                         "出國人員：科長 王小明、專員 陳美玲、技正 林大同\n"
                         "出國期間：105年7月9日至105年7月15日");
  tr_pdf_maker_new_page (maker);
  tr_pdf_maker_add_report (maker, expected, &layout);
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);

  report = import_ok (path);
  travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) got = g_list_model_get_item (travellers, i);

      g_test_message ("traveller %u: %s / %s / %s / %s / %s", i + 1,
                      tr_traveller_get (got, TR_TRAVELLER_NAME), tr_traveller_get (got, TR_TRAVELLER_AGENCY),
                      tr_traveller_get (got, TR_TRAVELLER_UNIT), tr_traveller_get (got, TR_TRAVELLER_TITLE),
                      tr_traveller_get (got, TR_TRAVELLER_PHONE));
    }
  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 3);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TrTraveller) got = g_list_model_get_item (travellers, i);
      g_autoptr(TrTraveller) want = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (expected)), i);

      g_assert_true (tr_traveller_equal (got, want));
    }
  {
    g_autoptr(TrTraveller) third = g_list_model_get_item (travellers, 2);

    g_assert_cmpstr (tr_traveller_get (third, TR_TRAVELLER_NAME), ==, "林大同");
    g_assert_cmpstr (tr_traveller_get (third, TR_TRAVELLER_AGENCY), ==, "國家發展委員會");
    g_assert_cmpstr (tr_traveller_get (third, TR_TRAVELLER_TITLE), ==, "技正");
  }
  check_sections ("cover-travellers", expected, report);
}

/* Body pages in two columns, between pages in one: each column is read
 * whole, the left before the right, and the single-column pages as ever. */
static void
test_two_columns (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(TrReport) expected = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autofree char *path = test_path ("two-columns.pdf");
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議" };
  static const guint lengths[] = { 500, 2200, 1400, 400 };
  guint n_pages = 0, n_column_lines = 0;

  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_TITLE, "赴愛沙尼亞考察數位治理出國報告");
  tr_pdf_maker_set_header (maker, "赴愛沙尼亞考察數位治理出國報告");
  tr_pdf_maker_set_footer (maker, "- %u -");
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      /* 過程 and 心得 in two columns, 心得 starting part way down one. */
      if (s == TR_SECTION_PROCESS)
        tr_pdf_maker_set_columns (maker, 2);
      else if (s == TR_SECTION_RECOMMENDATIONS)
        tr_pdf_maker_set_columns (maker, 1);
      append_paragraphs (text, rand, lengths[s], NULL);
      tr_report_set_section (expected, s, text->str);
      tr_pdf_maker_add_text (maker, TR_PDF_STYLE_HEADING, headings[s]);
      tr_pdf_maker_add_text (maker, TR_PDF_STYLE_BODY, text->str);
    }
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);

  /* The columns' lines stand alone: no line joins the two across the gutter. */
  lines = read_lines (path, NULL, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 4);
  for (guint i = 0; i < lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, i);

      if (line->page == 0 || line->page == n_pages - 1 || line->font_size != TR_PDF_BODY_SIZE)
        continue;
      n_column_lines++;
      g_assert_null (strchr (line->text, '\t'));
      g_assert_cmpfloat (line->width, <, line->page_width / 2);
    }
  g_assert_cmpuint (n_column_lines, >, 100);

  report = import_ok (path);
  check_sections ("two-columns", expected, report);
}

/* The start of a flat ODT (one XML file LibreOffice opens) with the
 * styles the tests use: Body and Heading paragraphs, a Columns section in
 * two columns, a Cell with borders; the body's content follows. */
static GString *
fodt_start (void)
{
  return g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
    " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n"
    "<office:automatic-styles>\n"
    "<style:style style:name=\"Columns\" style:family=\"section\"><style:section-properties>"
    "<style:columns fo:column-count=\"2\" fo:column-gap=\"0.8cm\"/></style:section-properties></style:style>\n"
    "<style:style style:name=\"Body\" style:family=\"paragraph\">"
    "<style:paragraph-properties fo:text-indent=\"24pt\" fo:text-align=\"justify\" fo:margin-bottom=\"4pt\"/>"
    "<style:text-properties fo:font-size=\"12pt\" style:font-size-asian=\"12pt\""
    " style:font-family-asian=\"'Noto Serif CJK TC'\"/></style:style>\n"
    "<style:style style:name=\"Heading\" style:family=\"paragraph\">"
    "<style:paragraph-properties fo:margin-top=\"12pt\" fo:margin-bottom=\"6pt\" fo:keep-with-next=\"always\"/>"
    "<style:text-properties fo:font-size=\"16pt\" style:font-size-asian=\"16pt\" fo:font-weight=\"bold\""
    " style:font-weight-asian=\"bold\" style:font-family-asian=\"'Noto Sans CJK TC'\"/></style:style>\n"
    "<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties"
    " fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #000000\"/></style:style>\n"
    "</office:automatic-styles>\n<office:body><office:text>\n");
}

/* Running text in a LibreOffice table of two columns: each row's cells
 * stay side by side. */
static void
test_libreoffice_two_column_table (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autofree char *fodt_path = test_path ("two-column-table.fodt");
  g_autofree char *pdf = NULL;
  g_autoptr(GString) xml = fodt_start ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0, n_lines = 0, streak = 0, longest = 0;

  g_string_append (xml, "<text:p text:style-name=\"Heading\">附錄一 建議事項辦理情形</text:p>\n"
                        "<table:table table:name=\"Table\"><table:table-column table:number-columns-repeated=\"2\"/>\n");
  for (guint i = 0; i < 10; i++)
    {
      g_string_append (xml, "<table:table-row>");
      for (guint c = 0; c < 2; c++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autofree char *escaped = NULL;

          append_paragraphs (text, rand, 40 + 15 * ((i + c) % 3), NULL);
          g_strdelimit (text->str, "\n", ' ');
          escaped = g_markup_escape_text (text->str, -1);
          g_string_append_printf (xml, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">"
                                       "<text:p>%s</text:p></table:table-cell>", escaped);
        }
      g_string_append (xml, "</table:table-row>\n");
    }
  g_string_append (xml, "</table:table>\n</office:text></office:body></office:document>\n");
  write_bytes (fodt_path, xml->str, xml->len);

  pdf = convert_with_libreoffice (fodt_path);
  if (pdf == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }
  lines = read_lines (pdf, NULL, &n_pages, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, i);

      if (line->page != 0 || line->font_size > TR_PDF_BODY_SIZE + 0.5)
        continue;
      n_lines++;
      streak = line->x > line->page_width * 0.45 ? streak + 1 : 0;
      longest = MAX (longest, streak);
    }
  g_test_message ("%u lines, at most %u of right cells in a row", n_lines, longest);
  g_assert_cmpuint (n_lines, >=, 30);
  g_assert_cmpuint (longest, <, 5);
}

/* The same from LibreOffice: a flat ODT whose 過程 and 心得 are a section
 * in two columns, as a word processor lays them out (balanced on the
 * section's last page). */
static void
test_libreoffice_two_columns (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(TrReport) expected = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autofree char *fodt_path = test_path ("two-columns.fodt");
  g_autofree char *pdf = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GString) xml = fodt_start ();
  static const char * const headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議" };
  static const guint lengths[] = { 500, 2400, 1600, 400 };

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_auto(GStrv) paragraphs = NULL;

      if (s == TR_SECTION_PROCESS)
        g_string_append (xml, "<text:section text:style-name=\"Columns\" text:name=\"Columns\">\n");
      append_paragraphs (text, rand, lengths[s], NULL);
      tr_report_set_section (expected, s, text->str);
      g_string_append_printf (xml, "<text:p text:style-name=\"Heading\">%s</text:p>\n", headings[s]);
      paragraphs = g_strsplit (text->str, "\n", -1);
      for (guint i = 0; paragraphs[i] != NULL; i++)
        if (paragraphs[i][0] != '\0')
          {
            g_autofree char *escaped = g_markup_escape_text (paragraphs[i], -1);

            g_string_append_printf (xml, "<text:p text:style-name=\"Body\">%s</text:p>\n", escaped);
          }
      if (s == TR_SECTION_OBSERVATIONS)
        g_string_append (xml, "</text:section>\n");
    }
  g_string_append (xml, "</office:text></office:body></office:document>\n");
  write_bytes (fodt_path, xml->str, xml->len);

  pdf = convert_with_libreoffice (fodt_path);
  if (pdf == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }
  report = import_ok (pdf);
  check_sections ("LibreOffice two columns", expected, report);
}

/* A table whose two columns of cells hold running text is no pair of
 * columns: each row's cells stay one line, side by side. Rows of two
 * cells, then rows with an empty cell between, the text further apart. */
static void
test_two_column_table (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autofree char *path = test_path ("two-column-table.pdf");
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  static const double two[] = { 0.45, 0.55 };
  static const double spaced[] = { 0.44, 0.12, 0.44 };
  guint n_pages = 0;

  for (guint page = 0; page < 2; page++)
    {
      if (page > 0)
        tr_pdf_maker_new_page (maker);
      tr_pdf_maker_add_text (maker, TR_PDF_STYLE_HEADING, "附錄一 建議事項辦理情形");
      for (guint i = 0; i < 8; i++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autofree char *left = NULL, *right = NULL;
          const char *cells[4];

          /* Three or four lines a cell. */
          append_paragraphs (text, rand, 150, NULL);
          g_strdelimit (text->str, "\n", ' ');
          left = g_utf8_substring (text->str, 0, 50 + 8 * (i % 3));
          right = g_utf8_substring (text->str, 60, 60 + 55 + 10 * (i % 2));
          if (page == 0)
            cells[0] = left, cells[1] = right, cells[2] = NULL;
          else
            cells[0] = left, cells[1] = "", cells[2] = right, cells[3] = NULL;
          tr_pdf_maker_add_row (maker, cells, page == 0 ? two : spaced);
        }
    }
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);

  lines = read_lines (path, NULL, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 2);
  for (guint page = 0; page < 2; page++)
    {
      guint n_lines = 0, streak = 0, longest = 0;

      for (guint i = 0; i < lines->len; i++)
        {
          const TrLayoutLine *line = g_ptr_array_index (lines, i);

          if (line->page != page || line->font_size != TR_PDF_TABLE_SIZE)
            continue;
          n_lines++;
          /* Read as two columns, the right cells' lines would come one
           * after another, all of them; beside the left cells' they come
           * a cell's at most. */
          streak = line->x > line->page_width * 0.45 ? streak + 1 : 0;
          longest = MAX (longest, streak);
        }
      g_test_message ("page %u: %u lines, at most %u of right cells in a row", page + 1, n_lines, longest);
      g_assert_cmpuint (n_lines, >=, 20);
      g_assert_cmpuint (longest, <, 5);
    }
}

/* A document that is not a trip report keeps all its text. */
static void
test_not_a_report (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = test_path ("policy-paper.pdf");
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;

  append_paragraphs (text, rand, 3000, NULL);
  tr_pdf_maker_set_footer (maker, "%u");
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_TITLE, "我國數位轉型政策白皮書");
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_BODY, text->str);
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);

  report = import_ok (path);
  g_string_prepend (text, "我國數位轉型政策白皮書\n");
  {
    g_autofree char *all = g_strconcat (tr_report_get_text (report, TR_FIELD_TITLE), "\n",
                                        tr_report_get_text (report, TR_FIELD_SUMMARY), "\n",
                                        tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), NULL);

    check_text ("policy paper", "everything", text->str, all);
  }
  g_assert_true (warns_no_structure (report));
}

/* LibreOffice ---------------------------------------------------------------- */

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (html, escaped);
}

/* The report as a web page: LibreOffice lays out HTML its own way. */
static char *
report_to_html (TrReport *report)
{
  static const char * const numerals[] = { "壹", "貳", "參", "肆", "伍" };
  GString *html = g_string_new ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                                "<style>body { font-family: 'Noto Serif CJK TC'; font-size: 12pt }"
                                " h1 { font-family: 'Noto Sans CJK TC'; font-size: 16pt; font-weight: bold }"
                                " h2 { font-family: 'Noto Sans CJK TC'; font-size: 14pt; font-weight: bold }"
                                " td { border: 1px solid black }</style></head><body>\n");

  g_string_append (html, "<h1 style=\"text-align: center\">");
  append_escaped (html, tr_report_get_text (report, TR_FIELD_TITLE));
  g_string_append (html, "</h1>\n<h1>摘要</h1>\n<p>");
  append_escaped (html, tr_report_get_text (report, TR_FIELD_SUMMARY));
  g_string_append (html, "</p>\n");
  for (guint s = 0; s <= TR_N_SECTIONS; s++)
    {
      const char *text = s < TR_N_SECTIONS ? tr_report_get_section (report, s)
                                           : tr_report_get_text (report, TR_FIELD_APPENDIX);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      gboolean in_table = FALSE;

      g_string_append_printf (html, "<h1>%s、%s</h1>\n", numerals[s],
                              s < TR_N_SECTIONS ? tr_section_get_heading (s) : "附錄");
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (lines[i][0] == '|')
            {
              g_autofree char *inner = g_strndup (lines[i] + 1, strlen (lines[i]) - 2);
              g_auto(GStrv) cells = g_strsplit (inner, "|", -1);

              if (!in_table)
                g_string_append (html, "<table>\n");
              in_table = TRUE;
              g_string_append (html, "<tr>");
              for (guint c = 0; cells[c] != NULL; c++)
                {
                  g_string_append (html, "<td>");
                  append_escaped (html, cells[c]);
                  g_string_append (html, "</td>");
                }
              g_string_append (html, "</tr>\n");
              continue;
            }
          if (in_table)
            g_string_append (html, "</table>\n");
          in_table = FALSE;
          if (lines[i][0] != '\0')
            {
              g_string_append (html, "<p>");
              append_escaped (html, lines[i]);
              g_string_append (html, "</p>\n");
            }
        }
      if (in_table)
        g_string_append (html, "</table>\n");
    }
  g_string_append (html, "</body></html>\n");
  return g_string_free (html, FALSE);
}

static void
test_libreoffice_html (void)
{
  g_autoptr(TrReport) expected = make_report (5, 2, FALSE);
  g_autofree char *html_path = test_path ("libreoffice.html");
  g_autofree char *html = report_to_html (expected);
  g_autofree char *pdf = NULL;
  g_autoptr(TrReport) report = NULL;

  write_bytes (html_path, html, strlen (html));
  pdf = convert_with_libreoffice (html_path);
  if (pdf == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }
  report = import_ok (pdf);
  check_sections ("LibreOffice HTML", expected, report);
  check_text ("LibreOffice HTML", "summary", tr_report_get_text (expected, TR_FIELD_SUMMARY),
              tr_report_get_text (report, TR_FIELD_SUMMARY));
  check_appendix ("LibreOffice HTML", expected, report);
}

/* Our own ODT export, laid out by LibreOffice, comes back as it went. */
static void
test_odt_round_trip (void)
{
  g_autoptr(TrReport) expected = make_report (6, 2, FALSE);
  g_autofree char *odt_path = test_path ("round-trip.odt");
  g_autoptr(GFile) odt = g_file_new_for_path (odt_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(TrReport) report = NULL;

  tr_odt_export_to_file (expected, odt, NULL, &error);
  g_assert_no_error (error);
  pdf = convert_with_libreoffice (odt_path);
  if (pdf == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }
  report = import_ok (pdf);

  check_sections ("ODT round trip", expected, report);
  check_text ("ODT round trip", "summary", tr_report_get_text (expected, TR_FIELD_SUMMARY),
              tr_report_get_text (report, TR_FIELD_SUMMARY));
  check_appendix ("ODT round trip", expected, report);
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_TITLE), ==,
                   tr_report_get_text (expected, TR_FIELD_TITLE));
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_PERIOD_START), ==, "2016-07-09");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_PERIOD_END), ==, "2016-07-15");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_DESTINATION), ==, "愛沙尼亞");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_CATEGORY), ==, "考察");
}

/* Size ------------------------------------------------------------------------ */

static void
test_500_pages (void)
{
  /* Scale 165 makes about 630 pages. */
  g_autoptr(TrReport) expected = make_report (8, 135, FALSE);
  TrPdfReportLayout layout = {
    .headings = TR_PDF_HEADINGS_NUMBERED, .running_header = "國家發展委員會出國報告", .footer = "- %u -",
  };
  g_autofree char *path = test_path ("500-pages.pdf");
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_pages;
  double seconds;

  tr_pdf_maker_add_report (maker, expected, &layout);
  n_pages = tr_pdf_maker_get_n_pages (maker);
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);
  g_test_message ("made %u pages in %.1f s", n_pages, (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (n_pages, >=, 500);

  start = g_get_monotonic_time ();
  report = import_path (path, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_test_message ("imported %u pages in %.2f s (%.1f ms a page)", n_pages, seconds, 1000 * seconds / n_pages);
  g_assert_cmpuint (tr_report_get_pages (report), ==, n_pages);
  check_sections ("500 pages", expected, report);
}

/* The command line --------------------------------------------------------- */

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* Runs the binary with @argv and "NAME=value" @env additions. */
static Result
run_cli (const char * const *env,
         const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) full_argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = test_path ("xdg-data");
  Result result = { 0 };

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, test_dir);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, parts[0], parts[1], TRUE);
    }
  g_ptr_array_add (full_argv, (gpointer) g_getenv ("TR_BINARY"));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (full_argv, (gpointer) argv[i]);
  g_ptr_array_add (full_argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) full_argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result.out, &result.err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result.status = g_subprocess_get_exit_status (process);
  return result;
}

#define cli(...) run_cli (NULL, (const char * const []) { __VA_ARGS__, NULL })
#define cli_env(env, ...) run_cli ((env), (const char * const []) { __VA_ARGS__, NULL })

static GStrv
output_lines (const char *text)
{
  g_autofree char *copy = g_strdup (text);

  if (g_str_has_suffix (copy, "\n"))
    copy[strlen (copy) - 1] = '\0';
  if (copy[0] == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (copy, "\n", -1);
}

static char *
fresh_db (const char *name)
{
  char *path = test_path (name);

  g_unlink (path);
  return path;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Plain output: one line per file, "ID<TAB>file", in the order given; the
 * reports are in the library with their original file. */
static void
test_cli_import (void)
{
  g_autofree char *a = make_small_pdf ("cli-a.pdf", 30);
  g_autofree char *b = make_small_pdf ("cli-b.pdf", 31);
  g_autofree char *c = make_small_pdf ("cli-c.pdf", 32);
  g_autofree char *db = fresh_db ("cli-import.db");
  g_auto(Result) result = cli ("import", "--db", db, a, b, c);
  g_auto(GStrv) lines = output_lines (result.out);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *files[] = { a, b, c };

  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  store = tr_report_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tr_report_store_count (store, NULL), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", -1);
      g_autoptr(TrReport) report = NULL;
      g_autoptr(GBytes) original = read_bytes (files[i]);
      g_autoptr(GBytes) stored = NULL;
      g_autofree char *basename = g_path_get_basename (files[i]);

      g_assert_cmpuint (g_strv_length (columns), ==, 2);
      g_assert_cmpstr (columns[1], ==, files[i]);
      report = tr_report_store_load (store, columns[0], &error);
      g_assert_no_error (error);
      g_assert_cmpint (tr_report_get_kind (report), ==, TR_REPORT_KIND_IMPORTED);
      g_assert_cmpstr (tr_report_get_source_filename (report), ==, basename);
      stored = tr_report_store_load_source_data (store, columns[0], &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (stored, original));
    }
}

/* --json: one object for one file, an array for several; --dry-run keeps
 * the library untouched. */
static void
test_cli_json (void)
{
  g_autofree char *a = make_small_pdf ("json-a.pdf", 33);
  g_autofree char *b = make_small_pdf ("json-b.pdf", 34);
  g_autofree char *db = fresh_db ("cli-json.db");
  g_autoptr(GBytes) bytes = read_bytes (a);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  {
    g_auto(Result) result = cli ("import", "--dry-run", "--json", "--db", db, a);
    g_autoptr(JsonNode) root = NULL;
    g_autoptr(TrReport) report = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (result.err, ==, "");
    g_assert_cmpint (result.status, ==, 0);
    root = parse_json (result.out);
    g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
    report = tr_report_new_from_json_node (root, &error);
    g_assert_no_error (error);
    g_assert_cmpint (tr_report_get_kind (report), ==, TR_REPORT_KIND_IMPORTED);
    g_assert_cmpstr (tr_report_get_source_filename (report), ==, "json-a.pdf");
    g_assert_cmpstr (tr_report_get_source_sha256 (report), ==, sha256);
    g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Result) result = cli ("import", "--json", "--db", db, a, b);
    g_autoptr(JsonNode) root = NULL;
    g_autoptr(TrReportStore) store = NULL;
    g_autoptr(GError) error = NULL;
    JsonArray *array;

    g_assert_cmpstr (result.err, ==, "");
    g_assert_cmpint (result.status, ==, 0);
    root = parse_json (result.out);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
    array = json_node_get_array (root);
    g_assert_cmpuint (json_array_get_length (array), ==, 2);
    store = tr_report_store_open (db, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 2; i++)
      {
        JsonObject *object = json_array_get_object_element (array, i);
        g_autoptr(TrReport) stored = tr_report_store_load (store, json_object_get_string_member (object, "id"), &error);

        g_assert_no_error (error);
        g_assert_cmpstr (tr_report_get_source_filename (stored), ==, i == 0 ? "json-a.pdf" : "json-b.pdf");
        g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "source"), "filename"),
                         ==, i == 0 ? "json-a.pdf" : "json-b.pdf");
      }
  }
  {
    g_auto(Result) result = cli ("import", "--dry-run", "--db", db, a);

    g_assert_cmpint (result.status, ==, 0);
    /* What “show” would print. */
    g_assert_nonnull (strstr (result.out, "愛沙尼亞自1991年恢復獨立後"));
  }
}

/* Each failure is one line on stderr naming the file and the reason; the
 * others are imported; the exit status is 1. */
static void
test_cli_failures (void)
{
  g_autofree char *good = make_small_pdf ("fail-good.pdf", 35);
  g_autofree char *garbage = make_garbage ();
  g_autofree char *empty = make_empty ();
  g_autofree char *scan = make_scan ();
  g_autofree char *truncated = make_truncated ();
  g_autofree char *db = fresh_db ("cli-failures.db");
  g_auto(Result) result = cli ("import", "--db", db, garbage, good, empty, scan, truncated);
  g_auto(GStrv) out = output_lines (result.out);
  g_auto(GStrv) err = output_lines (result.err);
  const char *expected[][2] = {
    { "garbage.pdf", "not a PDF" }, { "empty.pdf", "empty" },
    { "scan.pdf", "this PDF has no text; it is probably a scan" }, { "truncated.pdf", "cut short" },
  };

  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpuint (g_strv_length (out), ==, 1);
  g_assert_true (g_str_has_suffix (out[0], good));
  g_assert_cmpuint (g_strv_length (err), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", err[i]);
      g_assert_true (g_str_has_prefix (err[i], "trip-reports: "));
      g_assert_nonnull (strstr (err[i], expected[i][0]));
      g_assert_nonnull (strstr (err[i], expected[i][1]));
    }
}

static void
test_cli_duplicate (void)
{
  g_autofree char *a = make_small_pdf ("dup-a.pdf", 36);
  g_autofree char *copy = test_path ("dup-copy.pdf");
  g_autofree char *db = fresh_db ("cli-dup.db");
  g_autoptr(GBytes) bytes = read_bytes (a);
  g_autofree char *id = NULL;

  write_bytes (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  {
    g_auto(Result) result = cli ("import", "--db", db, a);

    g_assert_cmpint (result.status, ==, 0);
    id = g_strndup (result.out, strcspn (result.out, "\t"));
    g_assert_true (g_uuid_string_is_valid (id));
  }
  {
    /* The same bytes under another name: refused, naming the report. */
    g_auto(Result) result = cli ("import", "--db", db, copy);
    g_autofree char *words = g_strdup_printf ("already in the library as ID %s", id);

    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.out, ==, "");
    g_assert_nonnull (strstr (result.err, "dup-copy.pdf"));
    g_assert_nonnull (strstr (result.err, words));
  }
  {
    /* A dry run stores nothing, so it has nothing to refuse. */
    g_auto(Result) result = cli ("import", "--dry-run", "--json", "--db", db, copy);

    g_assert_cmpint (result.status, ==, 0);
  }
  {
    /* Twice in one batch: the second is the duplicate of the first. */
    g_autofree char *db2 = fresh_db ("cli-dup2.db");
    g_auto(Result) result = cli ("import", "--db", db2, a, copy);
    g_auto(GStrv) out = output_lines (result.out);

    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpuint (g_strv_length (out), ==, 1);
    g_assert_true (g_str_has_suffix (out[0], a));
    g_assert_nonnull (strstr (result.err, "dup-copy.pdf"));
    g_assert_nonnull (strstr (result.err, "already in the library as ID"));
  }
}

static void
test_cli_password (void)
{
  g_autofree char *good = make_small_pdf ("cli-encrypt-source.pdf", 37);
  g_autofree char *path = encrypt_pdf (good, "cli-encrypted.pdf");
  g_autofree char *db = fresh_db ("cli-password.db");

  if (path == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  {
    g_auto(Result) result = cli ("import", "--db", db, path);

    g_assert_cmpint (result.status, ==, 1);
    g_assert_nonnull (strstr (result.err, "protected by a password; give it with --password"));
  }
  {
    g_auto(Result) result = cli ("import", "--db", db, "--password", "nope", path);

    g_assert_cmpint (result.status, ==, 1);
    g_assert_nonnull (strstr (result.err, "password of the PDF is wrong"));
  }
  {
    g_auto(Result) result = cli ("import", "--db", db, "--password", ENCRYPT_PASSWORD, path);

    g_assert_cmpstr (result.err, ==, "");
    g_assert_cmpint (result.status, ==, 0);
  }
}

/* A crashing worker costs one file; the batch goes on. */
static void
test_cli_crash (void)
{
  g_autofree char *good = make_small_pdf ("cli-crash-good.pdf", 38);
  g_autofree char *bad = make_small_pdf ("cli-crash-trigger.pdf", 39);
  g_autofree char *good2 = make_small_pdf ("cli-crash-good2.pdf", 40);
  g_autofree char *db = fresh_db ("cli-crash.db");
  g_autofree char *crash = mark_for_fake_worker (bad, ".crash");
  g_autofree char *worker = g_strconcat ("TR_IMPORT_WORKER=", fake_worker (), NULL);
  const char *env[] = { worker, NULL };
  g_auto(Result) result = cli_env (env, "import", "--db", db, good, bad, good2);
  g_auto(GStrv) out = output_lines (result.out);
  g_auto(GStrv) err = output_lines (result.err);

  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpuint (g_strv_length (out), ==, 2);
  g_assert_true (g_str_has_suffix (out[0], good));
  g_assert_true (g_str_has_suffix (out[1], good2));
  g_assert_cmpuint (g_strv_length (err), ==, 1);
  g_assert_nonnull (strstr (err[0], "cli-crash-trigger.pdf"));
  g_assert_nonnull (strstr (err[0], "could not be read: the reader stopped unexpectedly"));
}

/* Workers run side by side: two that hang for the time limit take about
 * the limit, not twice it. */
static void
test_cli_parallel (void)
{
  g_autofree char *a = make_small_pdf ("parallel-a.pdf", 41);
  g_autofree char *b = make_small_pdf ("parallel-b.pdf", 42);
  g_autofree char *db = fresh_db ("cli-parallel.db");
  g_autofree char *a_hold = mark_for_fake_worker (a, ".hold");
  g_autofree char *b_hold = mark_for_fake_worker (b, ".hold");
  g_autofree char *worker = g_strconcat ("TR_IMPORT_WORKER=", fake_worker (), NULL);
  const char *env[] = { worker, "TR_IMPORT_TIMEOUT_SECONDS=3", NULL };
  gint64 start;
  double seconds;

  if (g_get_num_processors () < 2)
    {
      g_test_skip ("one processor: one worker at a time");
      return;
    }

  start = g_get_monotonic_time ();
  {
    g_auto(Result) result = cli_env (env, "import", "--db", db, a, b);
    g_auto(GStrv) err = output_lines (result.err);

    seconds = (g_get_monotonic_time () - start) / 1e6;
    g_test_message ("two hung workers took %.1f s", seconds);
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpuint (g_strv_length (err), ==, 2);
    g_assert_nonnull (strstr (err[0], "parallel-a.pdf"));
    g_assert_nonnull (strstr (err[1], "parallel-b.pdf"));
    g_assert_nonnull (strstr (err[1], "took more than 3 seconds"));
  }
  g_assert_cmpfloat (seconds, <, 5.5);
}

static void
test_cli_help (void)
{
  g_auto(Result) overall = cli ("help");
  g_auto(Result) import = cli ("help", "import");
  g_auto(Result) usage = cli ("import");

  g_assert_cmpint (overall.status, ==, 0);
  g_assert_nonnull (strstr (overall.out, "  import "));
  g_assert_null (strstr (overall.out, "import-worker"));
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "--dry-run"));
  g_assert_nonnull (strstr (import.out, "--password"));
  g_assert_nonnull (strstr (import.out, "--json"));
  g_assert_cmpint (usage.status, ==, 2);
}

/* Set-up ------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  test_dir = g_dir_make_tmp ("test-import-XXXXXX", &error);
  g_assert_no_error (error);
  lo_profile_dir = g_build_filename (test_dir, "libreoffice-profile", NULL);

  g_test_add_func ("/import/reader/lines", test_reader_lines);
  g_test_add_func ("/import/reader/bad-input", test_reader_bad_input);
  g_test_add_func ("/import/reader/encrypted", test_reader_encrypted);
  g_test_add_func ("/import/reader/progress", test_reader_progress);
  g_test_add_func ("/import/worker/report", test_worker_report);
  g_test_add_func ("/import/worker/photos", test_worker_photos);
  g_test_add_func ("/import/reader/photos-in-a-row", test_reader_photos_in_a_row);
  g_test_add_func ("/import/reader/photos-missing-from-row", test_reader_photos_missing_from_row);
  g_test_add_func ("/import/worker/bad-input", test_worker_bad_input);
  g_test_add_func ("/import/worker/encrypted", test_worker_encrypted);
  g_test_add_func ("/import/worker/progress", test_worker_progress);
  g_test_add_func ("/import/worker/crash", test_worker_crash);
  g_test_add_func ("/import/worker/hang", test_worker_hang);
  for (guint i = 0; i < G_N_ELEMENTS (style_cases); i++)
    {
      g_autofree char *name = g_strconcat ("/import/style/", style_cases[i].name, NULL);

      g_test_add_data_func (name, &style_cases[i], check_style);
    }
  g_test_add_func ("/import/style/form", test_form);
  g_test_add_func ("/import/style/cover-travellers", test_cover_travellers);
  g_test_add_func ("/import/style/two-columns", test_two_columns);
  g_test_add_func ("/import/style/two-column-table", test_two_column_table);
  g_test_add_func ("/import/style/not-a-report", test_not_a_report);
  g_test_add_func ("/import/libreoffice/html", test_libreoffice_html);
  g_test_add_func ("/import/libreoffice/two-columns", test_libreoffice_two_columns);
  g_test_add_func ("/import/libreoffice/two-column-table", test_libreoffice_two_column_table);
  g_test_add_func ("/import/libreoffice/odt-round-trip", test_odt_round_trip);
  g_test_add_func ("/import/size/500-pages", test_500_pages);
  g_test_add_func ("/import/cli/import", test_cli_import);
  g_test_add_func ("/import/cli/json", test_cli_json);
  g_test_add_func ("/import/cli/failures", test_cli_failures);
  g_test_add_func ("/import/cli/duplicate", test_cli_duplicate);
  g_test_add_func ("/import/cli/password", test_cli_password);
  g_test_add_func ("/import/cli/crash", test_cli_crash);
  g_test_add_func ("/import/cli/parallel", test_cli_parallel);
  g_test_add_func ("/import/cli/help", test_cli_help);

  status = g_test_run ();

  if (g_getenv ("TR_KEEP_TEST_DIR") == NULL)
    tr_test_remove_tree (test_dir);
  else
    g_printerr ("# kept %s\n", test_dir);
  g_free (test_dir);
  g_free (lo_profile_dir);
  return status;
}
