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
#include "test-import.h"

/* Set-up ------------------------------------------------------------------ */

char *test_dir;
char *lo_profile_dir;

char *
test_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

const char * const *
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
const char *
fake_worker (void)
{
  const char *path = g_getenv ("TR_FAKE_IMPORT_WORKER");

  g_assert_nonnull (path);
  return path;
}

/* Makes the stand-in worker crash on @path (@how ".crash") or hang on it
 * (".hold") until the file returned is removed. */
char *
mark_for_fake_worker (const char *path,
                      const char *how)
{
  char *marker = g_strconcat (path, how, NULL);

  g_assert_true (g_file_set_contents (marker, "", 0, NULL));
  return marker;
}

/* Fixtures ------------------------------------------------------------------ */

void
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

TrTraveller *
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
TrReport *
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

char *
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
char *
make_small_pdf (const char *name,
                guint32     seed)
{
  g_autoptr(TrReport) report = make_report (seed, 1, FALSE);
  TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" };

  return make_pdf (report, &layout, name);
}

GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
write_bytes (const char *path,
             const void *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

/* Running tools ------------------------------------------------------------- */

gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

void
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
char *
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

TrReport *
import_path (const char  *path,
             const char  *password,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return tr_import_file (file, password, worker_argv (), NULL, error);
}

TrReport *
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
GArray *
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

/* Longest common subsequence, in two rows: sections are a few thousand
 * characters. */
guint
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
guint
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

Accuracy
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

void
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

void
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
void
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

GPtrArray *
read_lines (const char  *path,
            const char  *password,
            guint       *out_n_pages,
            GError     **error)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  return tr_pdf_read_lines (bytes, password, out_n_pages, NULL, NULL, error);
}

char *
make_truncated (void)
{
  g_autofree char *good = make_small_pdf ("truncate-source.pdf", 11);
  g_autoptr(GBytes) bytes = read_bytes (good);
  char *path = test_path ("truncated.pdf");

  write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) * 6 / 10);
  return path;
}

/* A PDF header, random bytes and a trailer marker: looks whole, is not. */
char *
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

char *
make_garbage (void)
{
  static const char garbage[] = "PK\x03\x04 this is a zip, or something; anyway not a PDF\n";
  char *path = test_path ("garbage.pdf");

  write_bytes (path, garbage, sizeof garbage - 1);
  return path;
}

char *
make_empty (void)
{
  char *path = test_path ("empty.pdf");

  write_bytes (path, "", 0);
  return path;
}

/* A well-formed PDF whose page tree is empty. */
char *
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

char *
make_scan (void)
{
  g_autoptr(GError) error = NULL;
  char *path = test_path ("scan.pdf");

  tr_pdf_make_scan (path, 2, &error);
  g_assert_no_error (error);
  return path;
}

char *
make_too_many_pages (void)
{
  g_autoptr(GError) error = NULL;
  char *path = test_path ("too-many-pages.pdf");

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    tr_pdf_make_numbered_pages (path, TR_PDF_MAX_PAGES + 1, &error);
  g_assert_no_error (error);
  return path;
}

void
assert_error (const GError *error,
              TrError       code,
              const char   *words)
{
  g_assert_error (error, TR_ERROR, (int) code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

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

  add_reader_tests ();
  add_worker_tests ();
  add_style_tests ();
  add_libreoffice_tests ();
  add_cli_tests ();
  add_duplicate_tests ();
  add_photos_tests ();
  add_batch_tests ();
  add_served_tests ();

  status = g_test_run ();

  if (g_getenv ("TR_KEEP_TEST_DIR") == NULL)
    tr_test_remove_tree (test_dir);
  else
    g_printerr ("# kept %s\n", test_dir);
  g_free (test_dir);
  g_free (lo_profile_dir);
  return status;
}
