/* test-cli.h: what the files of test-cli share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#define _GNU_SOURCE  /* wcwidth(), the C library's measure of a character */
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <zip.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "tr-test-util.h"


#define EXIT_OK     0
#define EXIT_FAILED 1
#define EXIT_USAGE  2

typedef struct {
  char *dir;       /* the test's own folder */
  char *db_path;   /* dir/library.db */
  char *xdg_data;  /* dir/xdg-data, where the default library would go */
} Fixture;

/* One run of the binary (tr-test-util.h). */
typedef TrTestRun Result;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, tr_test_run_clear)

#define run(fixture, ...) \
  run_full ((fixture), NULL, NULL, (const char * const []) { __VA_ARGS__, NULL })
#define run_with_input(fixture, input, ...) \
  run_full ((fixture), (input), NULL, (const char * const []) { __VA_ARGS__, NULL })

#define ADD(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

void fixture_set_up (Fixture       *fixture,
                     gconstpointer  data);
void fixture_tear_down (Fixture       *fixture,
                        gconstpointer  data);
void become_nobody (gpointer user_data);
Result run_full_as (Fixture            *fixture,
                    gboolean            as_nobody,
                    const char         *input,
                    const char * const *env_changes,
                    const char * const *argv);
Result run_full (Fixture            *fixture,
                 const char         *input,
                 const char * const *env_changes,
                 const char * const *argv);
guint count_lines (const char *text);
void assert_failure (const Result *result);
void assert_usage_error (const Result *result);
void assert_success (const Result *result);
void write_file (const char *path,
                 const char *contents,
                 gssize      length);
char *new_report (Fixture    *fixture,
                  const char *json);
JsonNode *parse_json (const char *text);
const char *member_string (JsonObject *object,
                           const char *name);

/* A report with Chinese text in every part, as a script would write it.
 * The id, kind and times must be ignored by "new". */
static const char report_json[] =
  "{\n"
  "  \"id\": \"0b7c3a52-5f1e-4d55-9a3e-2f1d7c1c9a10\",\n"
  "  \"kind\": \"imported\",\n"
  "  \"created\": \"2016-10-01T09:00:00+08:00\",\n"
  "  \"modified\": \"2016-10-02T09:00:00+08:00\",\n"
  "  \"fields\": {\n"
  "    \"title\": \"赴愛沙尼亞考察數位治理及電子化政府\",\n"
  "    \"agency\": \"國家發展委員會\",\n"
  "    \"contact\": \"王小明\",\n"
  "    \"phone\": \"02-2316-5300\",\n"
  "    \"category\": \"考察\",\n"
  "    \"category_other\": \"\",\n"
  "    \"period_start\": \"2016-07-09\",\n"
  "    \"period_end\": \"2016-07-11\",\n"
  "    \"destination\": \"愛沙尼亞\",\n"
  "    \"report_date\": \"2016-10-01\",\n"
  "    \"classification\": \"H0/H0\",\n"
  "    \"travellers\": [\n"
  "      { \"name\": \"王小明\", \"agency\": \"國家發展委員會\", \"unit\": \"資訊管理處\",\n"
  "        \"title\": \"科長\", \"phone\": \"02-2316-5301\" },\n"
  "      { \"name\": \"陳美玲\", \"agency\": \"國家發展委員會\", \"unit\": \"法制協調中心\",\n"
  "        \"title\": \"專員\", \"phone\": \"\" }\n"
  "    ],\n"
  "    \"keywords\": [\"數位治理\", \"電子化政府\", \"X-Road\"],\n"
  "    \"has_attachments\": true,\n"
  "    \"pages\": 42\n"
  "  },\n"
  "  \"summary\": \"本次考察愛沙尼亞數位治理經驗，參訪電子化政府相關機關。\",\n"
  "  \"sections\": {\n"
  "    \"purpose\": \"瞭解愛沙尼亞推動數位身分證及資料交換平臺之經驗。\",\n"
  "    \"process\": \"7月9日抵達塔林，參訪e-Estonia展示中心。\\n7月10日拜會資訊系統局。\",\n"
  "    \"observations\": \"愛沙尼亞以X-Road串接各機關資料庫，值得借鏡。\",\n"
  "    \"recommendations\": \"一、建議研議資料交換平臺。\\n二、建議推動數位身分識別。\"\n"
  "  },\n"
  "  \"appendix\": \"照片1：參訪e-Estonia展示中心\",\n"
  "  \"unclassified\": \"\",\n"
  "  \"warnings\": [\"摘要少於200字\"],\n"
  "  \"source\": { \"filename\": \"report.pdf\", \"sha256\": \"abc\" }\n"
  "}\n";

/* A second report about something else, with a Latin word in it. */
static const char other_json[] =
  "{ \"fields\": { \"title\": \"出席國際港埠協會年會\", \"period_start\": \"2017-05-01\","
  "  \"period_end\": \"2017-05-05\", \"destination\": \"荷蘭\" },"
  "  \"sections\": { \"purpose\": \"出席IAPH年會，討論Blockchain於港口物流之應用。\","
  "                  \"process\": \"會議議程\", \"observations\": \"心得\","
  "                  \"recommendations\": \"無\" } }";

void add_help_tests (void);
void add_report_tests (void);
void add_show_tests (void);
void add_db_tests (void);
void add_warning_tests (void);
void add_batch_tests (void);
