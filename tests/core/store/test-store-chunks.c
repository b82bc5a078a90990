/* test-store-chunks.c: long reports indexed in chunks (tr-report-store-index.c)
 *
 * A report of more than some fifteen pages is indexed as groups of
 * paragraphs, so that an autosave indexes again only what it changed.
 * Searching must not tell: a query finds exactly the reports whose text
 * holds all its words (in one chunk or in several), with the same
 * snippets, and the index holds exactly the text of the reports after
 * every kind of save, after a delete, and after the migration that made
 * the chunks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tr-bench-text.h"
#include "tr-report-store.h"
#include "tr-snippet.h"
#include "tr-test-util.h"
#include "tr-unigram-tokenizer.h"

/* The report a chunk row belongs to, as the store numbers them. */
#define CHUNK_NUM_SQL "((id - (1 << 52)) >> 16)"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-store-chunks-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (tr_unigram_tokenizer_register (db), ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The rows of @sql, each row's columns joined by " | ", rows by "\n". */
static char *
raw_rows (const char *path,
          const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  GString *rows = g_string_new (NULL);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (rows, "%s%s", i > 0 ? " | " : "",
                                (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (rows, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (rows, FALSE);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  g_autofree char *rows = raw_rows (path, sql);

  return g_ascii_strtoll (rows, NULL, 10);
}

/* FTS5 compares what it holds with the text the reports have now. */
static void
assert_index_exact (const char *path)
{
  sqlite3 *db = raw_open (path);

  raw_exec (db, "INSERT INTO report_fts_short (report_fts_short, rank) VALUES ('integrity-check', 1)");
  sqlite3_close (db);
}

static gint64
chunk_count (const char *path,
             const char *id)
{
  char *sql = sqlite3_mprintf ("SELECT count(*) FROM report_chunks"
                               " WHERE " CHUNK_NUM_SQL " = (SELECT num FROM reports WHERE id = %Q)",
                               id);
  gint64 count = raw_int (path, sql);

  sqlite3_free (sql);
  return count;
}

static void
save (TrReportStore *store,
      TrReport      *report)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);
  g_assert_true (tr_report_store_update_index (store, &error));
  g_assert_no_error (error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* @query finds exactly the reports whose text holds all its words, read
 * from the text itself, each with a snippet that shows one of them. */
static void
assert_search_exact (TrReportStore *store,
                     const char    *path,
                     const char    *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = tr_report_store_search (store, query, 0, &error);
  g_autoptr(GPtrArray) limited = NULL;
  g_auto(GStrv) words = g_strsplit (query, " ", -1);
  g_autoptr(GString) sql = g_string_new ("SELECT r.id FROM report_search_content c JOIN reports r ON r.num = c.num WHERE 1");
  g_autoptr(GString) actual = g_string_new (NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  for (guint w = 0; words[w] != NULL; w++)
    {
      char *quoted = sqlite3_mprintf ("%Q", words[w]);

      g_string_append_printf (sql, " AND instr (lower (c.title || char (10) || c.fields || char (10) || c.summary"
                                   " || char (10) || c.body || char (10) || c.appendix), lower (%s)) > 0", quoted);
      sqlite3_free (quoted);
    }
  g_string_append (sql, " ORDER BY r.id");
  expected = raw_rows (path, sql->str);

  for (guint i = 0; i < hits->len; i++)
    {
      g_autofree char *snippet = tr_report_info_format_snippet (hits->pdata[i], "[", "]");
      gboolean marked = FALSE;

      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *mark = g_strdup_printf ("[%s]", words[w]);

          marked |= strstr (snippet, mark) != NULL;
        }
      if (!marked)
        g_error ("%s: the snippet “%s” shows none of the words", query, snippet);
      g_ptr_array_add (found, (gpointer) tr_report_info_get_id (hits->pdata[i]));
    }
  g_ptr_array_sort (found, compare_strings);
  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (actual, "%s\n", (const char *) found->pdata[i]);
  g_test_message ("%s: %u hits", query, hits->len);
  g_assert_cmpstr (actual->str, ==, expected);

  /* A screenful: the best of them. */
  limited = tr_report_store_search (store, query, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limited->len, ==, MIN (hits->len, 5));
}

/* A word of @n_chars characters of @text, from near @offset: no space,
 * line break or punctuation in it, so that it is a word one would type. */
static char *
word_at (const char *text,
         gsize       offset,
         guint       n_chars)
{
  const char *p = g_utf8_find_next_char (text + MIN (offset, strlen (text) - 1), NULL);

  for (; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *end = p;
      guint n = 0;

      for (; *end != '\0' && n < n_chars; end = g_utf8_next_char (end), n++)
        {
          gunichar c = g_utf8_get_char (end);

          if (!g_unichar_isalnum (c))
            break;
        }
      if (n == n_chars)
        return g_strndup (p, end - p);
    }
  return NULL;
}

/* A library of short reports and a few long ones. */
static GPtrArray *
make_library (TrReportStore *store,
              guint          n_short,
              guint          n_long)
{
  g_autoptr(TrBenchText) gen = tr_bench_text_new (20261203);
  GPtrArray *reports = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_short + n_long; i++)
    {
      gboolean is_long = i % ((n_short + n_long) / n_long) == 1;
      TrReport *report = tr_bench_text_make_report (gen, is_long ? 40000 : 3000);

      save (store, report);
      g_ptr_array_add (reports, report);
    }
  return reports;
}

static void
test_search_exact (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) reports = NULL;
  guint n_chunked = 0;

  g_assert_no_error (error);
  reports = make_library (store, 24, 3);
  assert_index_exact (fixture->path);

  for (guint r = 0; r < reports->len; r++)
    {
      TrReport *report = reports->pdata[r];
      g_autofree char *text = tr_bench_text_get_report_text (report);
      gsize length = strlen (text);
      gint64 chunks = chunk_count (fixture->path, tr_report_get_id (report));

      if (length < 48 * 1024)
        {
          g_assert_cmpint (chunks, ==, 0);
          continue;
        }
      g_assert_cmpint (chunks, >, 5);
      n_chunked++;

      /* Words from all over the long report, alone and two by two: the
       * first from its beginning, the second from its end, in other
       * chunks. */
      for (guint n_chars = 1; n_chars <= 5; n_chars++)
        for (guint at = 1; at < 8; at++)
          {
            g_autofree char *word = word_at (text, length * at / 8, n_chars);
            g_autofree char *last = word_at (text, length - length / (at + 2), n_chars + 1);
            g_autofree char *both = NULL;

            g_assert_nonnull (word);
            g_assert_nonnull (last);
            assert_search_exact (store, fixture->path, word);
            both = g_strdup_printf ("%s %s", word, last);
            assert_search_exact (store, fixture->path, both);
          }
    }
  g_assert_cmpuint (n_chunked, ==, 3);

  /* Words with punctuation marks in them, whose pairs the index leaves
   * out: found through their characters. */
  {
    g_autofree char *text = tr_bench_text_get_report_text (reports->pdata[1]);
    const char * const marks[] = { "，", "。", "、", "（", "：" };

    for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
      {
        const char *at = strstr (text + strlen (text) / 3, marks[m]);
        const char *before, *after;
        g_autofree char *two = NULL;
        g_autofree char *three = NULL;
        g_autofree char *four = NULL;

        if (at == NULL || at == text)
          continue;
        before = g_utf8_find_prev_char (text, at);
        after = g_utf8_next_char (at);
        two = g_strndup (before, after - before);
        three = g_strndup (before, g_utf8_next_char (after) - before);
        four = g_strndup (at, g_utf8_next_char (g_utf8_next_char (g_utf8_next_char (after))) - at);
        if (strchr (three, '\n') == NULL)
          assert_search_exact (store, fixture->path, three);
        if (strchr (two, '\n') == NULL)
          assert_search_exact (store, fixture->path, two);
        if (strchr (four, '\n') == NULL)
          assert_search_exact (store, fixture->path, four);
        assert_search_exact (store, fixture->path, marks[m]);
      }
    assert_search_exact (store, fixture->path, "2024年");
  }

  /* A word of a long report next to one that only a short one has. */
  {
    g_autofree char *text = tr_bench_text_get_report_text (reports->pdata[0]);
    g_autofree char *in_short = word_at (text, strlen (text) / 2, 6);
    g_autofree char *long_text = tr_bench_text_get_report_text (reports->pdata[1]);
    g_autofree char *in_long = word_at (long_text, strlen (long_text) / 3, 4);
    g_autofree char *query = g_strdup_printf ("%s %s", in_long, in_short);

    assert_search_exact (store, fixture->path, query);
    assert_search_exact (store, fixture->path, "沒有這個詞 的");
  }
}

/* Each chunk's rowid and text, as the index reads them. */
static GPtrArray *
index_rows (const char *path)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id, coalesce (title, fields, summary, body, appendix)"
                                       " FROM report_index_content WHERE id IN (SELECT id FROM report_chunks)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup_printf ("%" G_GINT64_FORMAT " %s", (gint64) sqlite3_column_int64 (stmt, 0),
                                            (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

/* The middle paragraph of @text, with @marker written into it. */
static char *
edit_middle (const char *text,
             const char *marker)
{
  const char *middle = strchr (text + strlen (text) / 2, '\n');

  g_assert_nonnull (middle);
  return g_strdup_printf ("%.*s%s%s", (int) (middle - text), text, marker, middle);
}

static void
test_autosave (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) reports = NULL;
  TrReport *draft;
  const char *id;
  g_autofree char *process = NULL;
  g_autoptr(GPtrArray) before = NULL;
  const char * const markers[] = { "甲乙丙丁戊", "子丑寅卯辰", "ABCDEF" };

  g_assert_no_error (error);
  reports = make_library (store, 6, 2);
  draft = reports->pdata[1];
  id = tr_report_get_id (draft);
  process = g_strdup (tr_report_get_section (draft, TR_SECTION_PROCESS));
  before = index_rows (fixture->path);
  g_assert_cmpint (chunk_count (fixture->path, id), >, 5);

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      g_autofree char *changed = edit_middle (process, markers[i]);
      g_autoptr(GPtrArray) after = NULL;
      guint kept;

      tr_report_set_section (draft, TR_SECTION_PROCESS, changed);
      save (store, draft);
      assert_index_exact (fixture->path);
      assert_search_exact (store, fixture->path, markers[i]);
      if (i > 0)
        assert_search_exact (store, fixture->path, markers[i - 1]);

      /* One paragraph changed: one chunk, or two where it moved where
       * they end; the others keep their rows and their text. */
      after = index_rows (fixture->path);
      kept = 0;
      for (guint r = 0; r < after->len; r++)
        kept += g_ptr_array_find_with_equal_func (before, after->pdata[r], g_str_equal, NULL);
      g_test_message ("%u of %u chunks kept", kept, after->len);
      g_assert_cmpuint (kept, <, after->len);
      g_assert_cmpuint (kept + 2, >=, after->len);
      g_clear_pointer (&before, g_ptr_array_unref);
      before = g_steal_pointer (&after);
    }

  /* The marker is not in the other reports; only the long one moves. */
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(DISTINCT " CHUNK_NUM_SQL ") FROM report_chunks"), ==, 2);
}

/* A report that grows past the limit is chunked; one that shrinks well
 * under it is one row again, and deleting it leaves nothing. */
static void
test_grow_shrink_delete (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->path, &error);
  g_autoptr(TrBenchText) gen = tr_bench_text_new (7);
  g_autoptr(TrReport) report = tr_bench_text_make_report (gen, 2000);
  g_autoptr(TrReport) other = tr_bench_text_make_report (gen, 2000);
  g_autoptr(TrReport) long_one = tr_bench_text_make_report (gen, 60000);
  const char *process = tr_report_get_section (long_one, TR_SECTION_PROCESS);
  const char *id = tr_report_get_id (report);
  struct {
    gsize bytes;
    gboolean chunked;
  } steps[] = {
    { 4000, FALSE },
    { 80000, TRUE },
    { 30000, TRUE },   /* still long enough for its chunks */
    { 60000, TRUE },
    { 12000, FALSE },
  };

  g_assert_no_error (error);
  save (store, other);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      const char *end = g_utf8_find_prev_char (process, process + MIN (steps[i].bytes, strlen (process)));
      g_autofree char *text = g_strndup (process, end - process);
      g_autofree char *marker = g_strdup_printf ("第%u版", i);
      g_autofree char *with_marker = g_strconcat (marker, text, "結語終了", NULL);

      tr_report_set_section (report, TR_SECTION_PROCESS, with_marker);
      save (store, report);
      assert_index_exact (fixture->path);
      g_test_message ("%" G_GSIZE_FORMAT " bytes: %" G_GINT64_FORMAT " chunks", steps[i].bytes,
                      chunk_count (fixture->path, id));
      g_assert_cmpint (chunk_count (fixture->path, id) > 0, ==, steps[i].chunked);
      assert_search_exact (store, fixture->path, marker);
      assert_search_exact (store, fixture->path, "結語終了");
      assert_search_exact (store, fixture->path, "第0版");
    }

  g_assert_true (tr_report_store_save (store, long_one, &error) &&
                 tr_report_store_update_index (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (chunk_count (fixture->path, tr_report_get_id (long_one)), >, 0);
  for (guint i = 0; i < 2; i++)
    {
      TrReport *gone = i == 0 ? report : long_one;

      g_assert_true (tr_report_store_delete (store, tr_report_get_id (gone), &error));
      g_assert_no_error (error);
      assert_index_exact (fixture->path);
    }
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM report_chunks"), ==, 0);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM report_fts_short_docsize"), ==, 1);
  assert_search_exact (store, fixture->path, "結語終了");
}

/* A long report where a word is everywhere ranks above a short one that
 * mentions it once, though it was saved first and its hits are spread
 * over chunks. */
static void
test_ranking (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->path, &error);
  g_autoptr(TrBenchText) gen = tr_bench_text_new (11);
  g_autoptr(TrReport) often = tr_bench_text_make_report (gen, 40000);
  g_autoptr(TrReport) once = tr_bench_text_make_report (gen, 3000);
  g_autoptr(GString) process = g_string_new (NULL);
  g_auto(GStrv) paragraphs = g_strsplit (tr_report_get_section (often, TR_SECTION_PROCESS), "\n", -1);

  g_assert_no_error (error);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    g_string_append_printf (process, "%s%s颱風豪雨來襲。", i > 0 ? "\n" : "", paragraphs[i]);
  tr_report_set_section (often, TR_SECTION_PROCESS, process->str);
  g_string_printf (process, "%s颱風豪雨來襲。", tr_report_get_section (once, TR_SECTION_PROCESS));
  tr_report_set_section (once, TR_SECTION_PROCESS, process->str);
  save (store, often);
  g_usleep (1000);
  save (store, once);
  g_assert_cmpint (chunk_count (fixture->path, tr_report_get_id (often)), >, 1);
  g_assert_cmpint (chunk_count (fixture->path, tr_report_get_id (once)), ==, 0);

  for (guint limit = 0; limit <= 20; limit += 20)
    for (guint q = 0; q < 3; q++)
      {
        const char *query = (const char *[]) { "颱風豪雨", "颱風", "豪雨 來襲" }[q];
        g_autoptr(GPtrArray) hits = tr_report_store_search (store, query, limit, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (hits->len, ==, 2);
        g_assert_cmpstr (tr_report_info_get_id (hits->pdata[0]), ==, tr_report_get_id (often));
        g_assert_cmpstr (tr_report_info_get_id (hits->pdata[1]), ==, tr_report_get_id (once));
      }
}

/* Every search of @queries as the store answers it now, snippets included. */
static char *
describe_searches (TrReportStore       *store,
                   const char * const  *queries)
{
  GString *out = g_string_new (NULL);

  for (guint q = 0; queries[q] != NULL; q++)
    for (guint limit = 0; limit <= 5; limit += 5)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) hits = tr_report_store_search (store, queries[q], limit, &error);

        g_assert_no_error (error);
        g_string_append_printf (out, "%s (%u):\n", queries[q], limit);
        for (guint i = 0; i < hits->len; i++)
          g_string_append_printf (out, "  %s %s\n", tr_report_info_get_id (hits->pdata[i]),
                                  tr_report_info_get_snippet (hits->pdata[i]));
      }
  return g_string_free (out, FALSE);
}

/* Words of one to four characters from each of @reports, and two-word
 * queries: NULL-terminated, for describe_searches (). */
static GPtrArray *
queries_for (GPtrArray *reports)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < reports->len; r++)
    {
      g_autofree char *text = tr_bench_text_get_report_text (reports->pdata[r]);

      for (guint n_chars = 1; n_chars <= 4; n_chars++)
        g_ptr_array_add (queries, word_at (text, strlen (text) * n_chars / 5, n_chars));
      g_ptr_array_add (queries, g_strdup_printf ("%s %s", (char *) queries->pdata[queries->len - 1],
                                                 (char *) queries->pdata[queries->len - 3]));
    }
  g_ptr_array_add (queries, NULL);
  return queries;
}

/* A library of schema 9, with long reports indexed whole and one saved
 * just before a crash, not indexed yet: the migration chunks the long
 * ones and indexes everything, and searches find what they found. */
static void
test_migrate_v9 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *pending_id = NULL;
  char *undo;
  sqlite3 *db;

  g_assert_no_error (error);
  reports = make_library (store, 12, 3);
  queries = queries_for (reports);
  before = describe_searches (store, (const char * const *) queries->pdata);
  g_clear_object (&store);

  /* Undo what the migration 9 → 10 did: one index row a report, over
   * report_search_content. A long report waits for its index entries. */
  db = raw_open (fixture->path);
  pending_id = g_strdup (tr_report_get_id (reports->pdata[11]));
  undo = sqlite3_mprintf ("BEGIN;"
                "DROP TABLE report_fts_short;"
                "DROP VIEW report_index_content;"
                "DROP TABLE report_chunks;"
                "CREATE VIRTUAL TABLE report_fts_short USING fts5 ("
                "  title, fields, summary, body, appendix,"
                "  content = 'report_search_content', content_rowid = 'num',"
                "  tokenize = '" TR_UNIGRAM_TOKENIZER_NAME " bigrams');"
                "INSERT INTO report_fts_short (report_fts_short, rank) VALUES ('rank', 'bm25(10.0, 3.0, 4.0, 1.0, 1.0)');"
                "INSERT INTO report_fts_short (report_fts_short) VALUES ('rebuild');"
                "INSERT INTO report_fts_short (report_fts_short, rowid, title, fields, summary, body, appendix)"
                " SELECT 'delete', num, title, fields, summary, body, appendix"
                " FROM report_search_content WHERE num = (SELECT num FROM reports WHERE id = %Q);"
                "INSERT INTO index_pending (report_num) SELECT num FROM reports WHERE id = %Q;"
                /* and 11 → 12: photos all hold their bytes. */
                "ALTER TABLE photos DROP COLUMN source_length;"
                "ALTER TABLE photos DROP COLUMN source_offset;"
                "ALTER TABLE sources DROP COLUMN contents;"
                "PRAGMA user_version = 9;"
                "COMMIT", pending_id, pending_id);
  raw_exec (db, undo);
  sqlite3_free (undo);
  raw_exec (db, "INSERT INTO report_fts_short (report_fts_short) VALUES ('integrity-check')");
  sqlite3_close (db);

  store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chunk_count (fixture->path, pending_id), >, 0);
  g_assert_cmpint (raw_int (fixture->path, "PRAGMA user_version"), ==, TR_REPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM index_pending"), ==, 0);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(DISTINCT " CHUNK_NUM_SQL ") FROM report_chunks"), ==, 3);
  assert_index_exact (fixture->path);
  after = describe_searches (store, (const char * const *) queries->pdata);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (strstr (after, pending_id) != NULL);

  /* The chunks the migration made are those a save makes. */
  {
    g_autofree char *other_path = g_build_filename (fixture->dir, "saved.db", NULL);
    g_autoptr(TrReportStore) other = tr_report_store_open (other_path, &error);
    g_autofree char *made = raw_rows (fixture->path, "SELECT id, col, start, length FROM report_chunks ORDER BY id");
    g_autofree char *saved = NULL;

    g_assert_no_error (error);
    for (guint r = 0; r < reports->len; r++)
      save (other, reports->pdata[r]);
    saved = raw_rows (other_path, "SELECT id, col, start, length FROM report_chunks ORDER BY id");
    g_assert_cmpstr (made, ==, saved);
  }
}

/* The bytes of the search index's pages. */
#define INDEX_BYTES_SQL "SELECT sum (pgsize) FROM dbstat WHERE name LIKE 'report_fts_short%'"

/* A library of schema 10, its index with the body in its fourth column,
 * and a report saved just before a crash, not indexed yet: the migration
 * puts the body first, which makes the index smaller, and every search
 * finds the same reports in the same order, with the same snippets. */
static void
test_migrate_v10 (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *pending_id = NULL;
  g_autofree char *columns = NULL;
  gint64 v10_bytes, v11_bytes;
  char *undo;
  sqlite3 *db;

  g_assert_no_error (error);
  reports = make_library (store, 12, 3);
  queries = queries_for (reports);
  before = describe_searches (store, (const char * const *) queries->pdata);
  g_clear_object (&store);

  /* The index as schema 10 made it; a short report waits for its entries. */
  db = raw_open (fixture->path);
  pending_id = g_strdup (tr_report_get_id (reports->pdata[0]));
  raw_exec (db, "BEGIN;"
                "DROP TABLE report_fts_short;"
                "CREATE VIRTUAL TABLE report_fts_short USING fts5 ("
                "  title, fields, summary, body, appendix,"
                "  content = 'report_index_content', content_rowid = 'id',"
                "  tokenize = '" TR_UNIGRAM_TOKENIZER_NAME " word_bigrams');"
                "INSERT INTO report_fts_short (report_fts_short, rank) VALUES ('rank', 'bm25(10.0, 3.0, 4.0, 1.0, 1.0)');"
                "INSERT INTO report_fts_short (report_fts_short) VALUES ('rebuild');"
                "INSERT INTO report_fts_short (report_fts_short) VALUES ('optimize');"
                "COMMIT");
  v10_bytes = raw_int (fixture->path, INDEX_BYTES_SQL);
  undo = sqlite3_mprintf ("BEGIN;"
                "INSERT INTO report_fts_short (report_fts_short, rowid, title, fields, summary, body, appendix)"
                " SELECT 'delete', id, title, fields, summary, body, appendix"
                " FROM report_index_content WHERE id = (SELECT num FROM reports WHERE id = %Q);"
                "INSERT INTO index_pending (report_num) SELECT num FROM reports WHERE id = %Q;"
                /* and 11 → 12: photos all hold their bytes. */
                "ALTER TABLE photos DROP COLUMN source_length;"
                "ALTER TABLE photos DROP COLUMN source_offset;"
                "ALTER TABLE sources DROP COLUMN contents;"
                "PRAGMA user_version = 10;"
                "COMMIT", pending_id, pending_id);
  raw_exec (db, undo);
  sqlite3_free (undo);
  sqlite3_close (db);

  store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (fixture->path, "PRAGMA user_version"), ==, TR_REPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM index_pending"), ==, 0);
  /* The pages of the old index went back to the disk. */
  g_assert_cmpint (raw_int (fixture->path, "PRAGMA freelist_count"), ==, 0);
  columns = raw_rows (fixture->path, "SELECT name FROM pragma_table_info ('report_fts_short')");
  g_assert_cmpstr (columns, ==, "body\ntitle\nfields\nsummary\nappendix\n");
  assert_index_exact (fixture->path);
  after = describe_searches (store, (const char * const *) queries->pdata);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (strstr (after, pending_id) != NULL);

  /* Both indexes in one segment, so that only their encoding differs. */
  g_clear_object (&store);
  db = raw_open (fixture->path);
  raw_exec (db, "INSERT INTO report_fts_short (report_fts_short) VALUES ('optimize')");
  sqlite3_close (db);
  v11_bytes = raw_int (fixture->path, INDEX_BYTES_SQL);
  g_test_message ("search index: %" G_GINT64_FORMAT " bytes with schema 10, %" G_GINT64_FORMAT " now",
                  v10_bytes, v11_bytes);
  g_assert_cmpint (v11_bytes * 100, <, v10_bytes * 92);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/chunks/search-exact", Fixture, NULL, fixture_set_up, test_search_exact, fixture_tear_down);
  g_test_add ("/store/chunks/autosave", Fixture, NULL, fixture_set_up, test_autosave, fixture_tear_down);
  g_test_add ("/store/chunks/grow-shrink-delete", Fixture, NULL, fixture_set_up, test_grow_shrink_delete,
              fixture_tear_down);
  g_test_add ("/store/chunks/ranking", Fixture, NULL, fixture_set_up, test_ranking, fixture_tear_down);
  g_test_add ("/store/chunks/migrate-v9", Fixture, NULL, fixture_set_up, test_migrate_v9, fixture_tear_down);
  g_test_add ("/store/chunks/migrate-v10", Fixture, NULL, fixture_set_up, test_migrate_v10, fixture_tear_down);
  return g_test_run ();
}
