/* test-import.h: what the files of test-import share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

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

typedef struct {
  double recall;     /* of the expected characters, those found, in order */
  double precision;  /* of the characters found, those expected */
} Accuracy;

/* Bad input, read in this process ------------------------------------------- */

typedef struct {
  const char *name;
  TrError     code;
  const char *words;  /* the message must say this */
} BadFile;

extern char *test_dir;
extern char *lo_profile_dir;
char *test_path (const char *name);
const char * const *worker_argv (void);
const char *fake_worker (void);
char *mark_for_fake_worker (const char *path,
                            const char *how);
void append_paragraphs (GString    *out,
                        GRand      *rand,
                        guint       n_chars,
                        const char *item_format);
TrTraveller *new_traveller (const char *name,
                            const char *unit,
                            const char *title,
                            const char *phone);
TrReport *make_report (guint32  seed,
                       guint    scale,
                       gboolean combined);
char *make_pdf (TrReport                *report,
                const TrPdfReportLayout *layout,
                const char              *name);
char *make_small_pdf (const char *name,
                      guint32     seed);
GBytes *read_bytes (const char *path);
void write_bytes (const char *path,
                  const void *data,
                  gsize       length);
gboolean have_program (const char *name);
void run_tool (const char * const *argv);
char *encrypt_pdf (const char *path,
                   const char *name);
TrReport *import_path (const char  *path,
                       const char  *password,
                       GError     **error);
TrReport *import_ok (const char *path);
GArray *normalise (const char *text);
guint lcs_length (GArray *a,
                  GArray *b);
guint common_length (GArray *a,
                     GArray *b);
Accuracy compare_text (const char *expected,
                       const char *found);
void check_text (const char *what,
                 const char *part,
                 const char *expected,
                 const char *found);
void check_sections (const char *what,
                     TrReport   *expected,
                     TrReport   *found);
void check_appendix (const char *what,
                     TrReport   *expected,
                     TrReport   *found);
GPtrArray *read_lines (const char  *path,
                       const char  *password,
                       guint       *out_n_pages,
                       GError     **error);
char *make_truncated (void);
char *make_corrupt (void);
char *make_garbage (void);
char *make_empty (void);
char *make_no_pages (void);
char *make_scan (void);
char *make_too_many_pages (void);
void assert_error (const GError *error,
                   TrError       code,
                   const char   *words);

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

void add_reader_tests (void);
void add_worker_tests (void);
void add_style_tests (void);
void add_libreoffice_tests (void);
void add_cli_tests (void);
void add_duplicate_tests (void);
void add_photos_tests (void);
void add_batch_tests (void);
void add_served_tests (void);
