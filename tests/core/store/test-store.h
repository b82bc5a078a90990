/* test-store.h: what the files of test-store share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-test-old-library.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tr-error.h"
#include "tr-report-json.h"
#include "tr-report-store.h"
#include "tr-test-util.h"
#include "tr-unigram-tokenizer.h"
#include "tr-warning.h"

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
} Fixture;

/* The bytes, size and modification time of a file. */
typedef struct {
  char *contents;
  gsize length;
  struct timespec mtime;
} FileSnapshot;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_NO_STORE(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up_dir, func, fixture_tear_down)

char *make_tmp_dir (void);
void fixture_set_up_dir (Fixture       *fixture,
                         gconstpointer  data);
void fixture_set_up (Fixture       *fixture,
                     gconstpointer  data);
void fixture_tear_down (Fixture       *fixture,
                        gconstpointer  data);
void reopen (Fixture *fixture);
sqlite3 *raw_open (const char *path);
void raw_exec (sqlite3    *db,
               const char *sql);
int raw_user_version (const char *path);
/* The first column of the first row of @sql, run on its own connection. */
gint64 raw_int (const char *path,
                const char *sql);
TrReport *new_report (const char *title,
                      const char *process);
void save (TrReportStore *store,
           TrReport      *report);
TrReport *load (TrReportStore *store,
                const char    *id);
void assert_stored (TrReportStore *store,
                    TrReport      *report);
void add_traveller (TrReport   *report,
                    const char *name,
                    const char *title);
TrReport *build_full_report (void);
GPtrArray *search (TrReportStore *store,
                   const char    *query,
                   guint          limit);
gboolean hits_contain (GPtrArray  *hits,
                       const char *id);
void
assert_hits (TrReportStore *store,
             const char    *query,
             ...) G_GNUC_NULL_TERMINATED;
void snapshot_file (const char   *path,
                    FileSnapshot *snapshot);
void assert_file_unchanged (const char   *path,
                            FileSnapshot *before);
void assert_only_file (const char *dir,
                       const char *name);
char *format_snippet (GPtrArray *hits,
                      guint      index);
void assert_index_matches_reports (const char *path);
void raw_step (sqlite3_stmt *stmt);
sqlite3_stmt *raw_prepare (sqlite3    *db,
                           const char *sql);
void raw_bind (sqlite3_stmt *stmt,
               int           index,
               const char   *text);
TrTable *new_schedule (const char *cell);

/* Files made by older schemas (store-migrate.c, and v1 in
 * tr-test-old-library.c): copies of released migrations, never to change. */
extern const char v6_schema_after_v1[];

void add_crud_tests (void);
void add_duplicate_tests (void);
void add_open_tests (void);
void add_migrate_tests (void);
void add_upgrade_tests (void);
void add_search_tests (void);
void add_batch_tests (void);
