/* tr-test-old-library.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "tr-test-old-library.h"

const char tr_test_v1_schema[] =
  "CREATE TABLE reports ("
  "  num INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('draft', 'imported')),"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  agency TEXT NOT NULL DEFAULT '',"
  "  contact TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  category TEXT NOT NULL DEFAULT '',"
  "  category_other TEXT NOT NULL DEFAULT '',"
  "  period_start TEXT NOT NULL DEFAULT '',"
  "  period_end TEXT NOT NULL DEFAULT '',"
  "  destination TEXT NOT NULL DEFAULT '',"
  "  report_date TEXT NOT NULL DEFAULT '',"
  "  classification TEXT NOT NULL DEFAULT '',"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  purpose TEXT NOT NULL DEFAULT '',"
  "  process TEXT NOT NULL DEFAULT '',"
  "  observations TEXT NOT NULL DEFAULT '',"
  "  recommendations TEXT NOT NULL DEFAULT '',"
  "  appendix TEXT NOT NULL DEFAULT '',"
  "  unclassified TEXT NOT NULL DEFAULT '',"
  "  warnings TEXT NOT NULL DEFAULT '[]',"
  "  has_attachments INTEGER NOT NULL DEFAULT 0,"
  "  pages INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX reports_by_modified ON reports (modified);"
  "CREATE TABLE travellers ("
  "  report_num INTEGER NOT NULL REFERENCES reports (num) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  agency TEXT NOT NULL DEFAULT '',"
  "  unit TEXT NOT NULL DEFAULT '',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (report_num, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE keywords ("
  "  report_num INTEGER NOT NULL REFERENCES reports (num) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  keyword TEXT NOT NULL,"
  "  PRIMARY KEY (report_num, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE sources ("
  "  report_num INTEGER PRIMARY KEY REFERENCES reports (num) ON DELETE CASCADE,"
  "  filename TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  data BLOB"
  ");"
  "CREATE INDEX sources_by_sha256 ON sources (sha256);";

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

char *
tr_test_v1_report_id (guint n)
{
  return g_strdup_printf ("00000000-0000-4000-8000-%012u", n);
}

void
tr_test_write_v1_library (const char *path,
                          guint       n_reports,
                          guint       n_paragraphs)
{
  static const char * const sentences[] = {
    "上午拜會當地市政府資訊局，聽取智慧城市推動成果簡報。",
    "下午參訪公營住宅社區，了解租金補貼與社會照顧之整合。",
    "與會各國代表就區域經濟整合與數位貿易規則交換意見。",
    "參觀防災中心，觀摩地震預警系統及跨機關通報流程。",
    "晚間與我國駐外代表處同仁座談，交換後續合作構想。",
  };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  exec_or_die (db, "BEGIN");
  exec_or_die (db, tr_test_v1_schema);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO reports (id, kind, created, modified, title, agency,"
                                       " summary, purpose, process, period_start, period_end, destination)"
                                       " VALUES (?1, 'imported', '2016-10-01T08:00:00.000000Z',"
                                       " '2016-10-02T09:30:00.000000Z', ?2, '內政部營建署',"
                                       " '本報告摘要說明考察所見。', '考察他國制度。', ?3,"
                                       " '2016-07-09', '2016-07-20', '日本')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint n = 0; n < n_reports; n++)
    {
      g_autofree char *id = tr_test_v1_report_id (n);
      g_autofree char *title = g_strdup_printf ("舊報告 %u", n);
      g_autoptr(GString) process = g_string_new (NULL);

      /* The report's number in its text, so that no two index alike. */
      for (guint p = 0; p < n_paragraphs; p++)
        g_string_append_printf (process, "第%u天：%s%s（%u）\n", p + 1,
                                sentences[(n + p) % G_N_ELEMENTS (sentences)],
                                sentences[(n * 7 + p * 3) % G_N_ELEMENTS (sentences)], n);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, process->str, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  exec_or_die (db, "PRAGMA user_version = 1");
  exec_or_die (db, "COMMIT");
  sqlite3_close (db);
}
