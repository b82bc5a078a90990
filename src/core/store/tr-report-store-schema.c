/* tr-report-store-schema.c
 *
 * PRAGMA user_version holds the schema version of a library: 0 for a new,
 * empty file, N once the first N migrations ran. Opening looks at it before
 * touching anything, so that a file this build cannot read is left exactly
 * as it was; the upgrade reads it again under the write lock, since several
 * processes may open a new library at the same moment and only the first
 * may create the tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "tr-error.h"
#include "tr-report-store-schema.h"
#include "tr-text.h"
#include "tr-unigram-tokenizer.h"

/* TR_STORE_CHUNK_ROWID () in SQL. */
#define CHUNKS_MAX_SQL "(1 << " G_STRINGIFY (TR_STORE_CHUNK_SEQ_BITS) ")"
#define CHUNK_ROWID_SQL(num, seq) \
  "(" TR_STORE_CHUNK_ROWID_BASE_SQL " + (" num " << " G_STRINGIFY (TR_STORE_CHUNK_SEQ_BITS) ") + " seq ")"

/* Each entry migrates from version N (its index) to N + 1. Never edit an
 * entry once released: add a new one. */
static const char * const migrations[] = {
  /* 0 → 1: the reports, their travellers and their source files. */
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
  "CREATE INDEX sources_by_sha256 ON sources (sha256);",

  /* 1 → 2: full-text search. (json_each() must not appear in the content
   * view: FTS5 cannot rebuild from a view that nests a table-valued function.) */
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
  "    r.appendix || char (10) || r.unclassified AS appendix"
  "  FROM reports r;"
  "CREATE VIRTUAL TABLE report_fts USING fts5 ("
  "  title, fields, summary, body, appendix,"
  "  content = 'report_search_content', content_rowid = 'num', tokenize = 'trigram');"
  "CREATE VIRTUAL TABLE report_fts_short USING fts5 ("
  "  title, fields, summary, body, appendix,"
  "  content = 'report_search_content', content_rowid = 'num', tokenize = '" TR_UNIGRAM_TOKENIZER_NAME "');"
  /* A hit in the title matters more than one deep in the body. */
  "INSERT INTO report_fts (report_fts, rank) VALUES ('rank', 'bm25(10.0, 3.0, 4.0, 1.0, 1.0)');"
  "INSERT INTO report_fts_short (report_fts_short, rank) VALUES ('rank', 'bm25(10.0, 3.0, 4.0, 1.0, 1.0)');"
  "INSERT INTO report_fts (report_fts) VALUES ('rebuild');"
  "INSERT INTO report_fts_short (report_fts_short) VALUES ('rebuild');",

  /* 2 → 3: the short-query index learns character pairs, so that a
   * two-character query is one token rather than a phrase. */
  "DROP TABLE report_fts_short;"
  "CREATE VIRTUAL TABLE report_fts_short USING fts5 ("
  "  title, fields, summary, body, appendix,"
  "  content = 'report_search_content', content_rowid = 'num',"
  "  tokenize = '" TR_UNIGRAM_TOKENIZER_NAME " bigrams');"
  "INSERT INTO report_fts_short (report_fts_short, rank) VALUES ('rank', 'bm25(10.0, 3.0, 4.0, 1.0, 1.0)');"
  "INSERT INTO report_fts_short (report_fts_short) VALUES ('rebuild');",

  /* 3 → 4: the review (審核表) and status of a report, and the comments of
   * its reviewers. Their own tables: the editor's autosave rewrites the
   * report row many times a minute and must never touch them. A report
   * without a review row is a draft. `answers` holds one character per
   * item and column (item-major, the traveller's column first):
   * '-' unset, 'Y' 是, 'N' 否. */
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
  "CREATE INDEX comments_by_report ON comments (report_num, section, start_offset);",

  /* 4 → 5: the photos of the appendix, with their original bytes. The ID
   * lets a save tell a photo already stored (its bytes stay put; only its
   * caption and position are written) from a new one. */
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
  /* Captions are searchable, with the appendix they belong to. */
  "DROP VIEW report_search_content;"
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
  /* In order, so that a save removes from the index exactly what it added. */
  "    ifnull ((SELECT group_concat (c.caption, char (10))"
  "             FROM (SELECT p.caption FROM photos p WHERE p.report_num = r.num ORDER BY p.position) c), '') ||"
  "    char (10) || r.unclassified AS appendix"
  "  FROM reports r;"
  "INSERT INTO report_fts (report_fts) VALUES ('rebuild');"
  "INSERT INTO report_fts_short (report_fts_short) VALUES ('rebuild');",

  /* 5 → 6: new reports wait here for their search index entries, which
   * tr_report_store_update_index() adds after the save has returned. A
   * report with a row here has nothing in the indexes. */
  "CREATE TABLE index_pending ("
  "  report_num INTEGER PRIMARY KEY REFERENCES reports (num) ON DELETE CASCADE"
  ");",

  /* 6 → 7: tables in the sections and the appendix. `bodies` holds those
   * of the five that have tables, as a JSON object from the field's key to
   * its blocks in the JSON form (tr_body_to_json_node()); '' when none has.
   * The field's own column keeps the plain text (tr_body_get_plain_text(),
   * cells included), which is what the search index, snippets and lists
   * read: for them nothing changes, and a report without tables is stored
   * exactly as before. */
  "ALTER TABLE reports ADD COLUMN bodies TEXT NOT NULL DEFAULT '';",

  /* 7 → 8: the list of reports read from an index that holds all it shows
   * (TR_STORE_INFO_COLUMNS but the status), newest first. A report's row
   * is some 4 KB of text: listing 100,000 of them from the table read
   * 400 MB; from this index, a few MB. num, the rowid, is named so that
   * the index is in the list's order.
   * And one index for every query: words of three characters or more are
   * phrases of the character pairs report_fts_short already holds (the
   * same matches, as fast), so the trigram index, a third of the file,
   * goes. */
  "CREATE INDEX reports_listed ON reports"
  "  (modified, num, id, kind, title, period_start, period_end, destination);"
  "DROP INDEX reports_by_modified;"
  "DROP TABLE report_fts;",

  /* 8 → 9: the same report imported from a file whose bytes differ
   * (another producer's PDF, a re-save, an encrypted copy) is found by its
   * text: text_sha256 is tr_report_dup_text_fingerprint() of the report,
   * NULL when it has too little text to tell. The report's columns hold
   * the same plain text, so the fingerprint of a report imported before
   * is made from them. */
  "ALTER TABLE sources ADD COLUMN text_sha256 TEXT;"
  "UPDATE sources SET text_sha256 ="
  "  (SELECT " TR_STORE_TEXT_FINGERPRINT_FUNCTION " (r.summary, r.purpose, r.process, r.observations,"
  "     r.recommendations, r.appendix, r.unclassified)"
  "   FROM reports r WHERE r.num = sources.report_num);"
  "CREATE INDEX sources_by_text_sha256 ON sources (text_sha256) WHERE text_sha256 IS NOT NULL;",

  /* 9 → 10: a long report is indexed in chunks (groups of paragraphs of
   * one column, tr-report-store-index.c), so that an autosave indexes
   * again only the chunks it changed. report_chunks says where each is in
   * the text: its rowid in the index (TR_STORE_CHUNK_ROWID (num, seq)),
   * its column, and its first byte and length there. The index reads a
   * chunk's text through report_index_content (for snippet() and checks),
   * which holds one row for each other report, as before.
   * And the index leaves out the pairs of characters with a punctuation
   * mark, a fifth of it (tr-unigram-tokenizer.c). */
  "CREATE TABLE report_chunks ("
  "  id INTEGER PRIMARY KEY,"
  "  col INTEGER NOT NULL,"
  "  start INTEGER NOT NULL,"
  "  length INTEGER NOT NULL"
  ");"
  "CREATE VIEW report_index_content AS"
  "  SELECT s.num AS id, s.title AS title, s.fields AS fields, s.summary AS summary,"
  "    s.body AS body, s.appendix AS appendix"
  "  FROM report_search_content s"
  "  WHERE NOT EXISTS (SELECT 1 FROM report_chunks c WHERE c.id BETWEEN " CHUNK_ROWID_SQL ("s.num", "0")
  "                    AND " CHUNK_ROWID_SQL ("s.num", CHUNKS_MAX_SQL " - 1") ")"
  "  UNION ALL"
  "  SELECT id, CASE col WHEN 0 THEN text END, CASE col WHEN 1 THEN text END,"
  "    CASE col WHEN 2 THEN text END, CASE col WHEN 3 THEN text END, CASE col WHEN 4 THEN text END"
  "  FROM (SELECT c.id AS id, c.col AS col,"
  "          CAST (substr (CAST (CASE c.col WHEN 0 THEN s.title WHEN 1 THEN s.fields WHEN 2 THEN s.summary"
  "                              WHEN 3 THEN s.body ELSE s.appendix END AS BLOB),"
  "                        c.start + 1, c.length) AS TEXT) AS text"
  "        FROM report_chunks c JOIN report_search_content s"
  "          ON s.num = (c.id - " TR_STORE_CHUNK_ROWID_BASE_SQL ") >> " G_STRINGIFY (TR_STORE_CHUNK_SEQ_BITS) ");"
  "INSERT INTO report_chunks (id, col, start, length)"
  "  SELECT " CHUNK_ROWID_SQL ("s.num", "j.key") ","
  "    json_extract (j.value, '$[0]'), json_extract (j.value, '$[1]'), json_extract (j.value, '$[2]')"
  "  FROM report_search_content s,"
  "    json_each (" TR_STORE_SEARCH_CHUNKS_FUNCTION " (s.title, s.fields, s.summary, s.body, s.appendix)) j;"
  "DROP TABLE report_fts_short;"
  "CREATE VIRTUAL TABLE report_fts_short USING fts5 ("
  "  title, fields, summary, body, appendix,"
  "  content = 'report_index_content', content_rowid = 'id',"
  "  tokenize = '" TR_UNIGRAM_TOKENIZER_NAME " word_bigrams');"
  "INSERT INTO report_fts_short (report_fts_short, rank) VALUES ('rank', 'bm25(10.0, 3.0, 4.0, 1.0, 1.0)');"
  "INSERT INTO report_fts_short (report_fts_short) VALUES ('rebuild');"
  /* The rebuild indexed the reports that were waiting too, chunked or
   * whole like the others. */
  "DELETE FROM index_pending;",

  /* 10 → 11: the body first in the index. FTS5 writes the positions of a
   * word in each column after a column number, two bytes, but for the
   * first column; the body holds nearly every entry, so that those bytes
   * were a tenth of the file. Column weights follow their columns: the
   * scores, sums of the same small integers, stay exactly as they were. */
  "DROP TABLE report_fts_short;"
  "CREATE VIRTUAL TABLE report_fts_short USING fts5 ("
  "  body, title, fields, summary, appendix,"
  "  content = 'report_index_content', content_rowid = 'id',"
  "  tokenize = '" TR_UNIGRAM_TOKENIZER_NAME " word_bigrams');"
  "INSERT INTO report_fts_short (report_fts_short, rank) VALUES ('rank', 'bm25(1.0, 10.0, 3.0, 4.0, 1.0)');"
  "INSERT INTO report_fts_short (report_fts_short) VALUES ('rebuild');"
  "DELETE FROM index_pending;",

  /* 11 → 12: a photo that is a part of its report's original file (a JPEG
   * a PDF holds as it is) is stored once, in the file: its row says where
   * (source_offset, source_length: bytes of sources.data of the same
   * report) and its data is empty. An imported report with photos wrote
   * them twice, nearly doubling what its save wrote. Rows from before
   * keep their bytes.
   * And an original file is stored in sources.contents, the last column
   * of its row: SQLite copies a row's values into one record before it
   * writes its pages, unless the last is zeros (a zeroblob), which the
   * save then writes in place (sqlite3_blob_write()); that copy was a
   * third of the save of a 9 MB file. sources.data keeps the files
   * stored before, until their report is saved with its file again. */
  "ALTER TABLE photos ADD COLUMN source_offset INTEGER CHECK (source_offset >= 0);"
  "ALTER TABLE photos ADD COLUMN source_length INTEGER CHECK (source_length > 0);"
  "ALTER TABLE sources ADD COLUMN contents BLOB;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TR_REPORT_STORE_SCHEMA_VERSION);

static void
text_fingerprint_function (sqlite3_context  *context,
                           int               n_values,
                           sqlite3_value   **values)
{
  g_autofree const char **texts = g_new0 (const char *, MAX (n_values, 1));
  g_autofree char *fingerprint = NULL;

  for (int i = 0; i < n_values; i++)
    texts[i] = (const char *) sqlite3_value_text (values[i]);
  fingerprint = tr_text_fingerprint (texts, n_values);
  if (fingerprint == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, g_steal_pointer (&fingerprint), -1, g_free);
}

int
tr_store_schema_register_functions (sqlite3 *db)
{
  int rc = sqlite3_create_function_v2 (db, TR_STORE_TEXT_FINGERPRINT_FUNCTION, -1,
                                       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                       NULL, text_fingerprint_function, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (db, TR_STORE_SEARCH_CHUNKS_FUNCTION, 5,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                     NULL, tr_store_search_chunks_function, NULL, NULL, NULL);
  return rc;
}

gboolean
tr_store_schema_check (TrReportStore  *self,
                       int            *out_version,
                       GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = 0;
  int n_objects = 0;
  int rc;

  /* One statement, so one snapshot of the file: another process may
   * create the tables between two. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT (SELECT user_version FROM pragma_user_version),"
                           " (SELECT count(*) FROM sqlite_schema)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      version = sqlite3_column_int (stmt, 0);
      n_objects = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      g_autofree char *what = g_strdup_printf (_("Could not open the library “%s”"), self->path);
      return tr_store_set_sqlite_error (error, self->db, rc, what);
    }

  if (version > TR_REPORT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_DB_NEWER_SCHEMA,
                   _("Could not open the library “%s”: it was written by a newer version of Trip Reports; update the app"),
                   self->path);
      return FALSE;
    }
  if (version < 0)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_DB_NOT_DATABASE,
                   _("Could not open the library “%s”: its schema version, %d, is not one Trip Reports ever wrote; another program changed the file, or it is damaged"),
                   self->path, version);
      return FALSE;
    }
  /* Tables but no version: some other program's database. */
  if (version == 0 && n_objects > 0)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_DB_NOT_DATABASE,
                   _("Could not open the library “%s”: it is a database of another program"),
                   self->path);
      return FALSE;
    }

  *out_version = version;
  return TRUE;
}

/* SQLite's progress handler: a non-zero return interrupts the statement. */
static int
upgrade_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

gboolean
tr_store_schema_upgrade (TrReportStore  *self,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autofree char *what = g_strdup_printf (_("Could not update the library “%s” to this version"),
                                           self->path);
  int version = 0;

  /* Rebuilding an index of a large library takes minutes, in statements
   * that would not return to us before the end. */
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 10000, upgrade_cancelled, cancellable);

  /* One transaction: an interrupted upgrade leaves the file as it was, and
   * the next start begins it again. */
  if (!tr_store_exec_sql (self, "BEGIN IMMEDIATE", what, error))
    goto rollback;
  if (!tr_store_schema_check (self, &version, error))
    goto rollback;
  if (version < TR_REPORT_STORE_SCHEMA_VERSION)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d",
                                                      TR_REPORT_STORE_SCHEMA_VERSION);

      for (int step = version; step < TR_REPORT_STORE_SCHEMA_VERSION; step++)
        if (!tr_store_exec_sql (self, migrations[step], what, error))
          goto rollback;
      if (!tr_store_exec_sql (self, set_version, what, error))
        goto rollback;
    }
  if (!tr_store_exec_sql (self, "COMMIT", what, error))
    goto rollback;

  /* A migration that built an index again left the old one's pages free:
   * the disk gets them back (a library made before auto_vacuum keeps
   * them for new reports). The upgrade is done whatever happens here. */
  if (version < TR_REPORT_STORE_SCHEMA_VERSION &&
      sqlite3_exec (self->db, "PRAGMA incremental_vacuum", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("The free pages of %s stay in the file: %s", self->path, sqlite3_errmsg (self->db));
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  return TRUE;

rollback:
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  /* The error SQLite gave is an interruption: say what the caller did. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (error);
      g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  return FALSE;
}

gboolean
tr_report_store_needs_upgrade (const char *path,
                               gint64     *out_n_reports)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean needs_upgrade = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  if (out_n_reports != NULL)
    *out_n_reports = 0;
  /* Read-only and without creating: looking must change nothing. */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT user_version FROM pragma_user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      int version = sqlite3_column_int (stmt, 0);

      needs_upgrade = version > 0 && version < TR_REPORT_STORE_SCHEMA_VERSION;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (needs_upgrade && out_n_reports != NULL &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM reports", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    *out_n_reports = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return needs_upgrade;
}
