/* store-migrate.c: libraries made by older schemas, and by a newer one
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-store.h"

static void
insert_v1_report (sqlite3    *db,
                  const char *id,
                  const char *title,
                  const char *process,
                  const char *traveller)
{
  char *sql;

  sql = sqlite3_mprintf ("INSERT INTO reports (id, kind, created, modified, title, agency, summary,"
                         " purpose, process, period_start, period_end, destination,"
                         " warnings, has_attachments, pages)"
                         " VALUES (%Q, 'imported', '2016-10-01T08:00:00.000000Z',"
                         " '2016-10-02T09:30:00.123456Z', %Q, '內政部營建署', '本報告摘要說明社會住宅政策。',"
                         " '考察日本社會住宅。', %Q, '2016-07-09', '2016-07-20', '日本',"
                         " '[\"摘要過短\"]', 1, 56)",
                         id, title, process);
  raw_exec (db, sql);
  sqlite3_free (sql);
  sql = sqlite3_mprintf ("INSERT INTO travellers (report_num, position, name, agency, unit, title, phone)"
                         " SELECT num, 0, %Q, '內政部', '營建署', '科長', '02-8771-2345'"
                         " FROM reports WHERE id = %Q",
                         traveller, id);
  raw_exec (db, sql);
  sqlite3_free (sql);
  sql = sqlite3_mprintf ("INSERT INTO keywords (report_num, position, keyword)"
                         " SELECT num, 0, '住宅' FROM reports WHERE id = %Q"
                         " UNION ALL SELECT num, 1, 'APEC' FROM reports WHERE id = %Q",
                         id, id);
  raw_exec (db, sql);
  sqlite3_free (sql);
}

static void
test_migrate_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *id_a = "11111111-2222-4333-8444-555555555555";
  const char *id_b = "66666666-7777-4888-9999-aaaaaaaaaaaa";
  g_autoptr(TrReport) a = NULL;
  g_autoptr(TrReport) b = NULL;
  g_autoptr(TrReport) fresh = new_report ("遷移後新增", "新的過程");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) modified = g_date_time_new_from_iso8601 ("2016-10-02T09:30:00.123456Z", NULL);
  sqlite3 *db;

  db = raw_open (fixture->path);
  raw_exec (db, "BEGIN");
  raw_exec (db, tr_test_v1_schema);
  insert_v1_report (db, id_a, "赴日本考察社會住宅政策", "拜會東京都住宅局，參觀公營住宅。", "王小明");
  insert_v1_report (db, id_b, "出席APEC會議", "泰國曼谷會議紀要：討論區域經濟整合。", "李大華");
  raw_exec (db, "INSERT INTO sources (report_num, filename, sha256, data)"
                " SELECT num, 'a.pdf', 'abc123', x'255044462d312e340a' FROM reports WHERE id = '11111111-2222-4333-8444-555555555555'");
  raw_exec (db, "PRAGMA user_version = 1");
  raw_exec (db, "COMMIT");
  sqlite3_close (db);
  g_assert_cmpint (raw_user_version (fixture->path), ==, 1);

  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  g_assert_cmpint (raw_user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 2);

  a = load (fixture->store, id_a);
  g_assert_cmpstr (tr_report_get_text (a, TR_FIELD_TITLE), ==, "赴日本考察社會住宅政策");
  g_assert_cmpstr (tr_report_get_text (a, TR_FIELD_AGENCY), ==, "內政部營建署");
  g_assert_cmpstr (tr_report_get_text (a, TR_FIELD_PERIOD_START), ==, "2016-07-09");
  g_assert_cmpstr (tr_report_get_section (a, TR_SECTION_PROCESS), ==, "拜會東京都住宅局，參觀公營住宅。");
  g_assert_cmpint (tr_report_get_kind (a), ==, TR_REPORT_KIND_IMPORTED);
  g_assert_cmpuint (tr_report_get_pages (a), ==, 56);
  g_assert_true (tr_report_get_has_attachments (a));
  g_assert_cmpstr (tr_report_get_keywords (a)[0], ==, "住宅");
  g_assert_cmpstr (tr_report_get_keywords (a)[1], ==, "APEC");
  g_assert_null (tr_report_get_keywords (a)[2]);
  g_assert_cmpstr (tr_report_get_warnings (a)[0], ==, "摘要過短");
  g_assert_cmpstr (tr_report_get_source_sha256 (a), ==, "abc123");
  g_assert_true (g_date_time_equal (tr_report_get_modified (a), modified));
  {
    g_autoptr(TrTraveller) traveller =
      g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (a)), 0);
    g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_NAME), ==, "王小明");
  }
  b = load (fixture->store, id_b);
  g_assert_cmpstr (tr_report_get_text (b, TR_FIELD_TITLE), ==, "出席APEC會議");

  /* Text written before search existed is found: 1, 2 and 3+ characters,
   * in the title, the body, the summary, the keywords and travellers. */
  assert_hits (fixture->store, "泰", id_b, NULL);
  assert_hits (fixture->store, "曼谷", id_b, NULL);
  assert_hits (fixture->store, "經濟整合", id_b, NULL);
  assert_hits (fixture->store, "住宅", id_a, id_b, NULL);  /* b has it in summary and keywords */
  assert_hits (fixture->store, "東京都", id_a, NULL);
  assert_hits (fixture->store, "日本", id_a, id_b, NULL);  /* destination is not indexed, purpose is */
  assert_hits (fixture->store, "王小明", id_a, NULL);
  assert_hits (fixture->store, "apec", id_a, id_b, NULL);
  assert_hits (fixture->store, "公營住宅", id_a, NULL);

  /* The migrated library works as any other. */
  save (fixture->store, fresh);
  tr_report_set_text (a, TR_FIELD_TITLE, "已更新");
  save (fixture->store, a);
  assert_hits (fixture->store, "已更新", id_a, NULL);
  assert_hits (fixture->store, "赴日本", NULL);
  assert_hits (fixture->store, "新的", tr_report_get_id (fresh), NULL);
  reopen (fixture);
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 3);
  g_assert_cmpint (raw_user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
}

static void
test_newer_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d",
                                             TR_REPORT_STORE_SCHEMA_VERSION + 1);
  FileSnapshot before = { 0 };
  sqlite3 *db;

  db = raw_open (fixture->path);
  raw_exec (db, tr_test_v1_schema);
  raw_exec (db, "CREATE TABLE future_things (x)");
  raw_exec (db, pragma);
  sqlite3_close (db);
  snapshot_file (fixture->path, &before);
  g_usleep (20000);  /* so that a write would show in the mtime */

  store = tr_report_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, TR_ERROR, TR_ERROR_DB_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, fixture->path));

  assert_file_unchanged (fixture->path, &before);
  assert_only_file (fixture->dir, "library.db");
  g_assert_cmpint (raw_user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION + 1);
}

/* ---- tables (schema 7) ------------------------------------------------- */

/* The fixture "a file made by schema v6", the last without tables: the
 * objects migrations 1 → 6 in src/core/store/tr-report-store-schema.c add
 * to tr_test_v1_schema, as they leave the file, copied here on purpose. A released
 * schema never changes, nor may this copy. */
const char v6_schema_after_v1[] =
  "CREATE VIEW report_search_content AS"
  "  SELECT r.num AS num,"
  "    r.title AS title,"
  "    r.agency || ' ' || r.contact || ' ' || r.phone || ' ' || r.category || ' ' ||"
  "    r.category_other || ' ' || r.destination || ' ' || r.classification || ' ' ||"
  "    ifnull ((SELECT group_concat (k.keyword, ' ') FROM keywords k WHERE k.report_num = r.num), '') || ' ' ||"
  "    ifnull ((SELECT group_concat (t.name || ' ' || t.agency || ' ' || t.unit || ' ' || t.title, ' ')"
  "             FROM travellers t WHERE t.report_num = r.num), '') AS fields,"
  "    r.summary AS summary,"
  "    r.purpose || char (10) || r.process || char (10) ||"
  "    r.observations || char (10) || r.recommendations AS body,"
  "    r.appendix || char (10) ||"
  "    ifnull ((SELECT group_concat (c.caption, char (10))"
  "             FROM (SELECT p.caption FROM photos p WHERE p.report_num = r.num ORDER BY p.position) c), '') ||"
  "    char (10) || r.unclassified AS appendix"
  "  FROM reports r;"
  "CREATE VIRTUAL TABLE report_fts USING fts5 ("
  "  title, fields, summary, body, appendix,"
  "  content = 'report_search_content', content_rowid = 'num', tokenize = 'trigram');"
  "CREATE VIRTUAL TABLE report_fts_short USING fts5 ("
  "  title, fields, summary, body, appendix,"
  "  content = 'report_search_content', content_rowid = 'num',"
  "  tokenize = 'tr_unigram bigrams');"
  "INSERT INTO report_fts (report_fts, rank) VALUES ('rank', 'bm25(10.0, 3.0, 4.0, 1.0, 1.0)');"
  "INSERT INTO report_fts_short (report_fts_short, rank) VALUES ('rank', 'bm25(10.0, 3.0, 4.0, 1.0, 1.0)');"
  "CREATE TABLE reviews ("
  "  report_num INTEGER PRIMARY KEY REFERENCES reports (num) ON DELETE CASCADE,"
  "  status TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),"
  "  status_changed TEXT NOT NULL DEFAULT '',"
  "  answers TEXT NOT NULL DEFAULT '',"
  "  return_reasons INTEGER NOT NULL DEFAULT 0,"
  "  publication INTEGER NOT NULL DEFAULT 0,"
  "  publication_other TEXT NOT NULL DEFAULT '',"
  "  remarks TEXT NOT NULL DEFAULT '',"
  "  traveller_signature TEXT NOT NULL DEFAULT '',"
  "  unit_head_signature TEXT NOT NULL DEFAULT '',"
  "  head_signature TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX reviews_by_status ON reviews (status);"
  "CREATE TABLE comments ("
  "  id INTEGER PRIMARY KEY,"
  "  report_num INTEGER NOT NULL REFERENCES reports (num) ON DELETE CASCADE,"
  "  section TEXT NOT NULL,"
  "  start_offset INTEGER NOT NULL,"
  "  end_offset INTEGER NOT NULL,"
  "  quote TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  author TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL,"
  "  resolved INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX comments_by_report ON comments (report_num, section, start_offset);"
  "CREATE TABLE photos ("
  "  num INTEGER PRIMARY KEY,"
  "  report_num INTEGER NOT NULL REFERENCES reports (num) ON DELETE CASCADE,"
  "  id TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  caption TEXT NOT NULL DEFAULT '',"
  "  mime_type TEXT NOT NULL,"
  "  width INTEGER NOT NULL,"
  "  height INTEGER NOT NULL,"
  "  data BLOB NOT NULL,"
  "  UNIQUE (report_num, id)"
  ");"
  "CREATE TABLE index_pending ("
  "  report_num INTEGER PRIMARY KEY REFERENCES reports (num) ON DELETE CASCADE"
  ");";

/* Writes @report as a v6 library holds one: each field in its column, its
 * travellers, keywords, original file and photos in their tables. */
static void
insert_v6_report (sqlite3  *db,
                  TrReport *report)
{
  g_autoptr(GString) columns = g_string_new ("id, kind, created, modified, warnings, has_attachments, pages");
  g_autoptr(GString) values = g_string_new ("?1, ?2, ?3, ?4, ?5, ?6, ?7");
  g_autofree char *created = g_date_time_format (tr_report_get_created (report), "%Y-%m-%dT%H:%M:%S.%fZ");
  g_autofree char *modified = g_date_time_format (tr_report_get_modified (report), "%Y-%m-%dT%H:%M:%S.%fZ");
  g_autoptr(JsonBuilder) warnings = json_builder_new ();
  g_autoptr(JsonNode) warnings_node = NULL;
  g_autofree char *warnings_json = NULL;
  g_autofree char *sql = NULL;
  const char * const *keywords = tr_report_get_keywords (report);
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (report));
  sqlite3_stmt *stmt;
  gint64 num;

  json_builder_begin_array (warnings);
  for (guint i = 0; tr_report_get_warnings (report)[i] != NULL; i++)
    json_builder_add_string_value (warnings, tr_report_get_warnings (report)[i]);
  json_builder_end_array (warnings);
  warnings_node = json_builder_get_root (warnings);
  warnings_json = json_to_string (warnings_node, FALSE);

  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      g_string_append_printf (columns, ", %s", tr_field_get_key (f));
      g_string_append_printf (values, ", ?%u", f + 8);
    }
  sql = g_strdup_printf ("INSERT INTO reports (%s) VALUES (%s)", columns->str, values->str);
  stmt = raw_prepare (db, sql);
  raw_bind (stmt, 1, tr_report_get_id (report));
  raw_bind (stmt, 2, tr_report_kind_to_string (tr_report_get_kind (report)));
  raw_bind (stmt, 3, created);
  raw_bind (stmt, 4, modified);
  raw_bind (stmt, 5, warnings_json);
  sqlite3_bind_int (stmt, 6, tr_report_get_has_attachments (report));
  sqlite3_bind_int (stmt, 7, tr_report_get_pages (report));
  for (guint f = 0; f < TR_N_FIELDS; f++)
    raw_bind (stmt, f + 8, tr_report_get_text (report, f));
  raw_step (stmt);
  num = sqlite3_last_insert_rowid (db);

  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);

      stmt = raw_prepare (db, "INSERT INTO travellers (report_num, position, name, agency, unit, title, phone)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      sqlite3_bind_int64 (stmt, 1, num);
      sqlite3_bind_int (stmt, 2, i);
      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        raw_bind (stmt, f + 3, tr_traveller_get (traveller, f));
      raw_step (stmt);
    }
  for (guint i = 0; keywords[i] != NULL; i++)
    {
      stmt = raw_prepare (db, "INSERT INTO keywords (report_num, position, keyword) VALUES (?1, ?2, ?3)");
      sqlite3_bind_int64 (stmt, 1, num);
      sqlite3_bind_int (stmt, 2, i);
      raw_bind (stmt, 3, keywords[i]);
      raw_step (stmt);
    }
  if (tr_report_get_source_sha256 (report) != NULL)
    {
      stmt = raw_prepare (db, "INSERT INTO sources (report_num, filename, sha256, data) VALUES (?1, ?2, ?3, x'25504446')");
      sqlite3_bind_int64 (stmt, 1, num);
      raw_bind (stmt, 2, tr_report_get_source_filename (report));
      raw_bind (stmt, 3, tr_report_get_source_sha256 (report));
      raw_step (stmt);
    }
  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);
      GBytes *data = tr_photo_get_data (photo);

      stmt = raw_prepare (db, "INSERT INTO photos (report_num, id, position, caption, mime_type, width, height, data)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
      sqlite3_bind_int64 (stmt, 1, num);
      raw_bind (stmt, 2, tr_photo_get_id (photo));
      sqlite3_bind_int (stmt, 3, i);
      raw_bind (stmt, 4, tr_photo_get_caption (photo));
      raw_bind (stmt, 5, tr_photo_get_mime_type (photo));
      sqlite3_bind_int (stmt, 6, tr_photo_get_width (photo));
      sqlite3_bind_int (stmt, 7, tr_photo_get_height (photo));
      sqlite3_bind_blob (stmt, 8, g_bytes_get_data (data, NULL), g_bytes_get_size (data), SQLITE_TRANSIENT);
      raw_step (stmt);
    }
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = raw_prepare (db, sql);
  char *text;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* A library of the schema before tables, every part of a report in it, is
 * brought to this one; every report reads as it was, is found as before,
 * and then takes tables. */
static void
test_migrate_v6 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TrReport) full = build_full_report ();
  g_autoptr(TrReport) bare = tr_report_new_full ("22222222-3333-4444-8555-666666666666", TR_REPORT_KIND_DRAFT,
                                                 tr_report_get_created (full), tr_report_get_created (full));
  g_autoptr(TrReport) json_like = new_report ("看似 JSON 的文字", "[{\"type\": \"table\", \"rows\": [[\"x\"]]}]");
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n fake", 13);
  g_autoptr(TrPhoto) photo = tr_photo_new_full ("photo-1", png, "image/png", 40, 30, "塔林市政廳");
  g_autoptr(TrPhoto) other_photo = tr_photo_new_full ("photo-2", png, "image/png", 40, 30, "");
  g_autoptr(TrTable) schedule = new_schedule ("拜會資訊系統局\n參觀X-Road機房");
  g_autoptr(TrTable) people = tr_table_new (1, 2);
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  TrReport *originals[3];
  TrBody *process;
  sqlite3 *db;

  tr_report_set_text (bare, TR_FIELD_TITLE, "僅有標題的草稿");
  /* A section that already holds U+FFFC or tabs is text, nothing else. */
  tr_report_set_section (full, TR_SECTION_OBSERVATIONS, "心得\t第一欄\t第二欄\n物件 \xef\xbf\xbc 取代字元");
  g_list_store_append (tr_report_get_photos (full), photo);
  g_list_store_append (tr_report_get_photos (full), other_photo);
  originals[0] = full;
  originals[1] = json_like;
  originals[2] = bare;

  /* The file as v6 left it: two reports indexed, one still waiting for
   * its index entries, a review and a comment. */
  db = raw_open (fixture->path);
  g_assert_cmpint (tr_unigram_tokenizer_register (db), ==, SQLITE_OK);
  raw_exec (db, "BEGIN");
  raw_exec (db, tr_test_v1_schema);
  raw_exec (db, v6_schema_after_v1);
  insert_v6_report (db, full);
  insert_v6_report (db, json_like);
  raw_exec (db, "INSERT INTO report_fts (report_fts) VALUES ('rebuild');"
                "INSERT INTO report_fts_short (report_fts_short) VALUES ('rebuild')");
  insert_v6_report (db, bare);
  raw_exec (db, "INSERT INTO index_pending (report_num) SELECT num FROM reports WHERE title = '僅有標題的草稿'");
  raw_exec (db, "INSERT INTO reviews (report_num, status, status_changed)"
                " SELECT num, 'returned', '2016-10-03T08:00:00.000000Z' FROM reports WHERE title LIKE 'title：%'");
  raw_exec (db, "INSERT INTO comments (report_num, section, start_offset, end_offset, quote, body, created)"
                " SELECT num, 'process', 0, 7, 'process', '請補充行程表', '2016-10-03T08:00:00.000000Z'"
                " FROM reports WHERE title LIKE 'title：%'");
  raw_exec (db, "PRAGMA user_version = 6");
  raw_exec (db, "COMMIT");
  sqlite3_close (db);
  g_assert_cmpint (raw_user_version (fixture->path), ==, 6);

  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (TR_REPORT_STORE_SCHEMA_VERSION, >=, 7);

  /* Every report unchanged, to its times; none has a table. */
  for (guint i = 0; i < G_N_ELEMENTS (originals); i++)
    {
      g_autoptr(TrReport) loaded = load (fixture->store, tr_report_get_id (originals[i]));

      g_assert_true (tr_report_content_equal (originals[i], loaded));
      g_assert_true (g_date_time_equal (tr_report_get_created (loaded), tr_report_get_created (originals[i])));
      g_assert_true (g_date_time_equal (tr_report_get_modified (loaded), tr_report_get_modified (originals[i])));
      for (guint f = 0; f < TR_N_FIELDS; f++)
        if (tr_field_holds_tables (f))
          g_assert_cmpuint (tr_body_get_n_tables (tr_report_get_body (loaded, f)), ==, 0);
    }
  {
    g_autoptr(TrReview) review = tr_report_store_load_review (fixture->store, tr_report_get_id (full), &error);

    g_assert_no_error (error);
    g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_RETURNED);
  }
  comments = tr_report_store_list_comments (fixture->store, tr_report_get_id (full), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_cmpstr (tr_comment_get_body (comments->pdata[0]), ==, "請補充行程表");

  /* Found as before, the waiting one too, and the index is exact. */
  assert_hits (fixture->store, "塔林市政廳", tr_report_get_id (full), NULL);
  assert_hits (fixture->store, "取代字元", tr_report_get_id (full), NULL);
  assert_hits (fixture->store, "看似", tr_report_get_id (json_like), NULL);
  assert_hits (fixture->store, "僅有標題", tr_report_get_id (bare), NULL);
  assert_index_matches_reports (fixture->path);

  /* Tables now: in 過程 between its text, and in the appendix. */
  tr_report_set_section (json_like, TR_SECTION_PROCESS, "行程如下：\n下表之後的文字。");
  process = tr_report_get_body (json_like, TR_FIELD_PROCESS);
  tr_body_insert_table (process, 0, 6, schedule);
  tr_table_set_cell (people, 0, 0, "王小明");
  tr_table_set_cell (people, 0, 1, "國家發展委員會資訊管理處");
  tr_body_append_table (tr_report_get_body (json_like, TR_FIELD_APPENDIX), people);
  save (fixture->store, json_like);
  assert_stored (fixture->store, json_like);
  {
    g_autofree char *bodies = raw_text (fixture->path, "SELECT bodies FROM reports WHERE title = '看似 JSON 的文字'");
    g_autofree char *process_column = raw_text (fixture->path, "SELECT process FROM reports WHERE title = '看似 JSON 的文字'");
    g_autofree char *untouched = raw_text (fixture->path, "SELECT count(*) FROM reports WHERE bodies = ''");

    g_assert_nonnull (strstr (bodies, "X-Road機房"));
    /* The column the index reads is the plain text, cells included. */
    g_assert_cmpstr (process_column, ==, tr_report_get_section (json_like, TR_SECTION_PROCESS));
    g_assert_cmpstr (untouched, ==, "2");
  }

  /* Cell text and captions are searched, in one, two and more characters,
   * and the snippet shows the cell. */
  assert_hits (fixture->store, "機房", tr_report_get_id (json_like), NULL);
  assert_hits (fixture->store, "資訊系統局", tr_report_get_id (json_like), NULL);
  assert_hits (fixture->store, "參訪行程", tr_report_get_id (json_like), NULL);
  assert_hits (fixture->store, "管理處", tr_report_get_id (json_like), NULL);
  hits = search (fixture->store, "X-Road機房", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  {
    g_autofree char *snippet = format_snippet (hits, 0);

    g_assert_nonnull (strstr (snippet, "參觀[X-Road機房]"));
  }

  /* A cell changed: the index follows. */
  tr_table_set_cell (tr_body_get_table (tr_report_get_body (json_like, TR_FIELD_PROCESS), 0), 2, 2, "拜會經濟部");
  save (fixture->store, json_like);
  assert_hits (fixture->store, "機房", NULL);
  assert_hits (fixture->store, "經濟部", tr_report_get_id (json_like), NULL);
  assert_index_matches_reports (fixture->path);

  /* On disk. */
  reopen (fixture);
  assert_stored (fixture->store, json_like);
  assert_stored (fixture->store, full);
  {
    g_autoptr(TrReport) loaded = load (fixture->store, tr_report_get_id (json_like));
    TrTable *table = tr_body_get_table (tr_report_get_body (loaded, TR_FIELD_PROCESS), 0);

    g_assert_cmpstr (tr_body_get_text_run (tr_report_get_body (loaded, TR_FIELD_PROCESS), 0), ==, "行程如下：\n");
    g_assert_cmpstr (tr_table_get_caption (table), ==, "參訪行程");
    g_assert_true (tr_table_get_has_header (table));
    g_assert_cmpuint (tr_body_get_n_tables (tr_report_get_body (loaded, TR_FIELD_APPENDIX)), ==, 1);
  }
}

/* An imported report of @title whose original file is @file and whose
 * photos are parts of it, as an import makes them. */
static TrReport *
new_imported_with_photos (const char *title,
                          GBytes     *file)
{
  g_autoptr(TrReport) report = new_report (title, "過程");
  TrReport *imported = tr_report_new_full (tr_report_get_id (report), TR_REPORT_KIND_IMPORTED,
                                           tr_report_get_created (report), tr_report_get_modified (report));

  tr_report_set_text (imported, TR_FIELD_TITLE, title);
  tr_report_set_source (imported, "photos.pdf", file);
  for (guint i = 0; i < 2; i++)
    {
      /* "\x89PNG…" at 10 and 30 of the file. */
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (file, 10 + 20 * i, 13);
      g_autofree char *id = g_strdup_printf ("photo-%u", i);
      g_autoptr(TrPhoto) photo = tr_photo_new_full (id, part, "image/png", 40, 30, "照片");

      g_list_store_append (tr_report_get_photos (imported), photo);
    }
  return imported;
}

/* A library of schema 11, whose photos all hold their bytes: they read
 * as before; an import saved after the migration stores its photos as
 * parts of its original file, once. */
static void
test_migrate_v11 (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char file_bytes[] = "%PDF-1.7 \x89PNG\r\n\x1a\n first  \x89PNG\r\n\x1a\n secnd  %%EOF";
  g_autoptr(GBytes) file = g_bytes_new_static (file_bytes, sizeof file_bytes - 1);
  g_autoptr(TrReport) before = new_imported_with_photos ("遷移前匯入", file);
  g_autoptr(TrReport) after = new_imported_with_photos ("遷移後匯入", file);
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  /* A library of schema 11 is this one without the two columns; its
   * photos were stored with their bytes. */
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  save (fixture->store, before);
  g_clear_object (&fixture->store);
  db = raw_open (fixture->path);
  raw_exec (db, "BEGIN;"
                "UPDATE photos SET data = substr ((SELECT s.contents FROM sources s WHERE s.report_num = photos.report_num),"
                "                                 source_offset + 1, source_length),"
                "  source_offset = NULL, source_length = NULL;"
                "ALTER TABLE photos DROP COLUMN source_length;"
                "ALTER TABLE photos DROP COLUMN source_offset;"
                "UPDATE sources SET data = contents;"
                "ALTER TABLE sources DROP COLUMN contents;"
                "PRAGMA user_version = 11;"
                "COMMIT");
  sqlite3_close (db);
  g_assert_cmpint (raw_user_version (fixture->path), ==, 11);
  g_assert_cmpint (raw_int (fixture->path, "SELECT sum (length (data)) FROM photos"), ==, 26);

  reopen (fixture);
  g_assert_cmpint (raw_user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (TR_REPORT_STORE_SCHEMA_VERSION, >=, 12);
  loaded = load (fixture->store, tr_report_get_id (before));
  g_assert_true (tr_report_content_equal (loaded, before));
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM photos WHERE source_offset IS NULL"), ==, 2);

  save (fixture->store, after);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM photos WHERE source_offset IS NULL"), ==, 2);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM photos WHERE length (data) = 0"
                                           " AND source_offset IN (10, 30) AND source_length = 13"), ==, 2);
  /* The new file in the new column, the old one where it was; both read. */
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM sources WHERE contents IS NOT NULL AND data IS NULL"), ==, 1);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM sources WHERE contents IS NULL AND data IS NOT NULL"), ==, 1);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GBytes) stored = tr_report_store_load_source_data (fixture->store, tr_report_get_id (i == 0 ? before : after),
                                                                    &error);

      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (stored, file));
    }
  reopen (fixture);
  g_clear_object (&loaded);
  loaded = load (fixture->store, tr_report_get_id (after));
  g_assert_true (tr_report_content_equal (loaded, after));
  g_clear_object (&loaded);
  loaded = load (fixture->store, tr_report_get_id (before));
  g_assert_true (tr_report_content_equal (loaded, before));
  assert_hits (fixture->store, "遷移前匯入", tr_report_get_id (before), NULL);
}

void
add_migrate_tests (void)
{
  ADD_NO_STORE ("/store/open/migrate-v1", test_migrate_v1);
  ADD_NO_STORE ("/store/open/migrate-v6", test_migrate_v6);
  ADD_NO_STORE ("/store/open/migrate-v11", test_migrate_v11);
  ADD_NO_STORE ("/store/open/newer-schema", test_newer_schema);
}
