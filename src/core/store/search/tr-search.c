/* tr-search.c: full-text search of the library, in Chinese and Latin text
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <sqlite3.h>
#include <string.h>

#include "tr-search.h"
#include "tr-snippet.h"
#include "tr-unigram-tokenizer.h"

/* Past this many matches, ranking them all with bm25 costs more than a
 * search as you type can afford, and says little: a word found in most of
 * the library singles no report out. Such results come newest first. */
#define RANKED_MATCHES_MAX 200

/* The width of a snippet, in characters. */
#define SNIPPET_WIDTH 40

/* One index answers every word: one or two characters are one token of
 * it, longer words phrases of the character pairs they are made of. The
 * two kinds of words are still asked apart, so that the long words, which
 * single reports out, rank them as before.
 *
 * A long report is indexed in chunks (tr-report-store-index.c), whose
 * rowids come after those of all the others: its words may be in
 * different chunks, so it is looked for word by word (collect_chunked ())
 * and its hits merged with the others'. */
typedef enum {
  SEARCH_LONG,   /* every word has 3 characters or more: phrases of pairs */
  SEARCH_SHORT,  /* every word has 1 or 2: one token each */
  SEARCH_MIXED,  /* both: the long words lead, the short words filter */
} SearchKind;

/* These statements ask for the reports indexed whole, a row each (rowid
 * the report's number); those indexed in chunks are found apart
 * (collect_chunked ()). */
#define WHOLE " AND rowid < " TR_STORE_CHUNK_ROWID_BASE_SQL

/* Newest first, stopping at ?3 matches. */
static const char * const newest_sql[] = {
  [SEARCH_LONG] =
    "SELECT rowid FROM report_fts_short WHERE report_fts_short MATCH ?1" WHOLE " ORDER BY rowid DESC LIMIT ?3",
  [SEARCH_SHORT] =
    "SELECT rowid FROM report_fts_short WHERE report_fts_short MATCH ?2" WHOLE " ORDER BY rowid DESC LIMIT ?3",
  /* Both kinds in one query: FTS5 skips through the lists with their
   * doclist indexes, where stepping a statement for each kind side by
   * side read every match of the commoner word down to the last kept. */
  [SEARCH_MIXED] =
    "SELECT rowid FROM report_fts_short WHERE report_fts_short MATCH ?1 || ' AND ' || ?2" WHOLE
    " ORDER BY rowid DESC LIMIT ?3",
};

/* The unary + keeps SQLite from handing the rowid list to FTS5, which would
 * run the MATCH again for every row (seconds). */
static const char * const ranked_sql[] = {
  [SEARCH_LONG] =
    "SELECT rowid, rank FROM report_fts_short WHERE report_fts_short MATCH ?1" WHOLE " ORDER BY rank LIMIT ?3",
  [SEARCH_SHORT] =
    "SELECT rowid, rank FROM report_fts_short WHERE report_fts_short MATCH ?2" WHOLE " ORDER BY rank LIMIT ?3",
  [SEARCH_MIXED] =
    "SELECT rowid, rank FROM report_fts_short WHERE report_fts_short MATCH ?1" WHOLE
    " AND +rowid IN (SELECT rowid FROM report_fts_short WHERE report_fts_short MATCH ?2)"
    " ORDER BY rank LIMIT ?3",
};

/* Ranks the matches of a mixed query already found, listed in ?4. */
static const char * const ranked_listed_sql =
  "SELECT rowid, rank FROM report_fts_short WHERE report_fts_short MATCH ?1" WHOLE
  " AND +rowid IN (SELECT value FROM json_each (?4))"
  " ORDER BY rank LIMIT ?3";

/* The chunks holding one word (?1) of the reports indexed in chunks,
 * newest report first. */
static const char * const chunks_sql =
  "SELECT rowid, rank FROM report_fts_short WHERE report_fts_short MATCH ?1"
  " AND rowid >= " TR_STORE_CHUNK_ROWID_BASE_SQL " ORDER BY rowid DESC";

/* A report found, with its bm25 score when ranked (lower is better). */
typedef struct {
  gint64 num;
  double score;
} Hit;

struct _TrSearch
{
  sqlite3 *db;
  /* SQL text → prepared statement, reused by every search. */
  GHashTable *statements;
};

typedef sqlite3_stmt Statement;

static void
statement_release (Statement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Statement, statement_release)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

TrSearch *
tr_search_new (sqlite3 *db)
{
  TrSearch *self = g_new0 (TrSearch, 1);

  self->db = db;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  return self;
}

void
tr_search_free (TrSearch *self)
{
  g_hash_table_unref (self->statements);
  g_free (self);
}

void
tr_search_hit_free (TrSearchHit *hit)
{
  g_free (hit->id);
  g_free (hit->kind);
  g_free (hit->title);
  g_free (hit->period_start);
  g_free (hit->period_end);
  g_free (hit->destination);
  g_free (hit->modified);
  g_free (hit->status);
  g_free (hit->snippet);
  g_free (hit);
}

char *
tr_search_get_default_library_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "trip-reports", "library.db", NULL);
}

/* Sets *@out_rc (when asked) to @rc, an SQLite error; returns FALSE. */
static gboolean
fail (int *out_rc,
      int  rc)
{
  if (out_rc != NULL)
    *out_rc = rc;
  return FALSE;
}

/* A cached prepared statement for @sql, which must be a string constant.
 * Reset when its g_autoptr goes. */
static Statement *
prepare (TrSearch   *self,
         const char *sql,
         int        *out_rc)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      fail (out_rc, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static void
bind_text (Statement  *stmt,
           int         index,
           const char *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

/* Never NULL: "" for NULL. */
static const char *
column_text (Statement *stmt,
             int        index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  return text != NULL ? text : "";
}

/* @length bytes of @text as an FTS5 string ("…", quotes doubled), so that
 * whatever the user types is text, never query syntax. */
static void
append_fts_string (GString    *match,
                   const char *text,
                   gssize      length)
{
  g_string_append_c (match, '"');
  for (const char *p = text; p < text + length; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
}

/* A word of one or two characters is one string, which the tokenizer
 * makes one token. A longer one is a phrase ("AB" + "BC" + "CD": FTS5's
 * + asks for them at consecutive positions) of the pairs the index holds
 * at the position of their first character: exactly where the word is
 * written. The index has no pair with a space in it (the tokenizer folds
 * every kind of space to one; the usual ones separate words already, a
 * rarer one may be inside a word) or a punctuation mark: there the first
 * character stands alone. */
static void
append_fts_phrase (GString    *match,
                   const char *word)
{
  const char *p;

  if (match->len > 0)
    g_string_append (match, " AND ");
  if (g_utf8_strlen (word, -1) < 3)
    {
      append_fts_string (match, word, strlen (word));
      return;
    }

  for (p = word; *g_utf8_next_char (p) != '\0'; p = g_utf8_next_char (p))
    {
      const char *second = g_utf8_next_char (p);
      const char *after = g_utf8_next_char (second);

      if (p != word)
        g_string_append (match, " + ");
      if (tr_unigram_tokenizer_indexes_pair (g_utf8_get_char (p), g_utf8_get_char (second)))
        append_fts_string (match, p, after - p);
      else
        append_fts_string (match, p, second - p);
    }
  /* The last character, when no pair holds it. */
  {
    const char *before_last = g_utf8_find_prev_char (word, p);

    if (!tr_unigram_tokenizer_indexes_pair (g_utf8_get_char (before_last), g_utf8_get_char (p)))
      {
        g_string_append (match, " + ");
        append_fts_string (match, p, strlen (p));
      }
  }
}

/* Appends to @hits the first @limit matches of @sql (-1: all of them),
 * with their rank when @sql gives it. */
static gboolean
collect_rowids (TrSearch       *self,
                const char     *sql,
                const char     *long_match,
                const char     *short_match,
                gint64          limit,
                GArray         *hits,
                int            *out_rc)
{
  g_autoptr(Statement) stmt = prepare (self, sql, out_rc);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, long_match);
  bind_text (stmt, 2, short_match);
  sqlite3_bind_int64 (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Hit hit = { sqlite3_column_int64 (stmt, 0), 0 };

      if (sqlite3_column_count (stmt) > 1)
        hit.score = sqlite3_column_double (stmt, 1);
      g_array_append_val (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      fail (out_rc, rc);
      return FALSE;
    }
  return TRUE;
}

/* Replaces @hits, every match of a mixed query, by the best @limit. */
static gboolean
rank_listed_rowids (TrSearch       *self,
                    const char     *long_match,
                    guint           limit,
                    GArray         *hits,
                    int            *out_rc)
{
  g_autoptr(GString) listed = g_string_new ("[");

  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (listed, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (hits, Hit, i).num);
  g_string_append_c (listed, ']');
  g_array_set_size (hits, 0);

  {
    g_autoptr(Statement) stmt = prepare (self, ranked_listed_sql, out_rc);
    int rc;

    if (stmt == NULL)
      return FALSE;
    bind_text (stmt, 1, long_match);
    sqlite3_bind_int64 (stmt, 3, limit);
    bind_text (stmt, 4, listed->str);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        Hit hit = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };

        g_array_append_val (hits, hit);
      }
    if (rc != SQLITE_DONE)
      {
        fail (out_rc, rc);
        return FALSE;
      }
  }
  return TRUE;
}

typedef struct {
  sqlite3_stmt *stmt;
  int rc;
  gint64 num;  /* of the chunk the statement is on */
} ChunkCursor;

static void
chunk_cursor_step (ChunkCursor *cursor)
{
  cursor->rc = sqlite3_step (cursor->stmt);
  if (cursor->rc == SQLITE_ROW)
    cursor->num = (sqlite3_column_int64 (cursor->stmt, 0) - TR_STORE_CHUNK_ROWID_BASE) >> TR_STORE_CHUNK_SEQ_BITS;
}

static gboolean
any_chunked (TrSearch       *self,
             gboolean       *out_any,
             int            *out_rc)
{
  g_autoptr(Statement) stmt =
    prepare (self, "SELECT EXISTS (SELECT 1 FROM report_chunks)", out_rc);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return fail (out_rc, rc);
  *out_any = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Every report indexed in chunks that holds each of @word_matches, in any
 * of its chunks, newest first. Its score adds up, for each of the first
 * @n_ranking words, the best rank among its chunks: what bm25 makes of a
 * report's row adds up its words the same way. There are few such
 * reports (only long ones are chunked): the statements, one a word, are
 * walked side by side to the end. */
static gboolean
collect_chunked (TrSearch       *self,
                 GPtrArray      *word_matches,
                 guint           n_ranking,
                 GArray         *hits,
                 int            *out_rc)
{
  g_autofree ChunkCursor *cursors = g_new0 (ChunkCursor, word_matches->len);
  gboolean any = FALSE;
  gboolean ok = FALSE;
  guint n = word_matches->len;

  if (!any_chunked (self, &any, out_rc))
    return FALSE;
  if (!any)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      int rc = sqlite3_prepare_v2 (self->db, chunks_sql, -1, &cursors[i].stmt, NULL);

      if (rc != SQLITE_OK)
        {
          fail (out_rc, rc);
          goto out;
        }
      sqlite3_bind_text (cursors[i].stmt, 1, word_matches->pdata[i], -1, SQLITE_STATIC);
      chunk_cursor_step (&cursors[i]);
    }

  for (;;)
    {
      gint64 oldest = G_MAXINT64;
      gboolean all_there = TRUE;
      gboolean done = FALSE;

      for (guint i = 0; i < n; i++)
        if (cursors[i].rc != SQLITE_ROW)
          done = TRUE;
        else
          oldest = MIN (oldest, cursors[i].num);
      if (done)
        break;

      /* Every word past the newer reports some other word is not in. */
      for (guint i = 0; i < n && !done; i++)
        {
          while (cursors[i].rc == SQLITE_ROW && cursors[i].num > oldest)
            chunk_cursor_step (&cursors[i]);
          if (cursors[i].rc != SQLITE_ROW)
            done = TRUE;
          else if (cursors[i].num != oldest)
            all_there = FALSE;
        }
      if (done || !all_there)
        continue;

      {
        Hit hit = { oldest, 0 };

        for (guint i = 0; i < n; i++)
          {
            double best = G_MAXDOUBLE;

            for (; cursors[i].rc == SQLITE_ROW && cursors[i].num == oldest; chunk_cursor_step (&cursors[i]))
              best = MIN (best, sqlite3_column_double (cursors[i].stmt, 1));
            if (i < n_ranking)
              hit.score += best;
          }
        g_array_append_val (hits, hit);
      }
    }

  ok = TRUE;
  for (guint i = 0; i < n && ok; i++)
    if (cursors[i].rc != SQLITE_ROW && cursors[i].rc != SQLITE_DONE)
      ok = fail (out_rc, cursors[i].rc);

out:
  for (guint i = 0; i < n; i++)
    sqlite3_finalize (cursors[i].stmt);
  return ok;
}

static gint
compare_hits_by_score (gconstpointer a,
                       gconstpointer b)
{
  const Hit *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return x->num > y->num ? -1 : x->num < y->num;
}

/* @hits, then @more, in order: newest first, or with @by_score best first
 * (both already sorted so). */
static void
merge_hits (GArray     *hits,
            GArray     *more,
            gboolean    by_score)
{
  g_autoptr(GArray) merged = NULL;
  guint i = 0, j = 0;

  if (more->len == 0)
    return;
  merged = g_array_sized_new (FALSE, FALSE, sizeof (Hit), hits->len + more->len);
  while (i < hits->len || j < more->len)
    {
      const Hit *a = i < hits->len ? &g_array_index (hits, Hit, i) : NULL;
      const Hit *b = j < more->len ? &g_array_index (more, Hit, j) : NULL;
      gboolean take_a = b == NULL ||
                        (a != NULL && (by_score ? compare_hits_by_score (a, b) <= 0 : a->num > b->num));

      g_array_append_vals (merged, take_a ? a : b, 1);
      if (take_a)
        i++;
      else
        j++;
    }
  g_array_set_size (hits, 0);
  g_array_append_vals (hits, merged->data, merged->len);
}

/* FTS5's own snippet, for the rare hit whose words tr_snippet_build() does
 * not find as written (the tokenizers fold more than case). */
static char *
fts_snippet (TrSearch      *self,
             SearchKind     kind,
             const char    *long_match,
             const char    *short_match,
             const char    *any_match,
             gint64         num)
{
  const char *sql =
    "SELECT snippet (report_fts_short, -1, char (2), char (3), '…', 40) FROM report_fts_short"
    " WHERE report_fts_short MATCH ?1 AND rowid BETWEEN ?2 AND ?3 LIMIT 1";
  g_autoptr(Statement) stmt = prepare (self, sql, NULL);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, kind == SEARCH_SHORT ? short_match : long_match);
  sqlite3_bind_int64 (stmt, 2, num);
  sqlite3_bind_int64 (stmt, 3, num);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      /* A report indexed in chunks: the first chunk holding a word. */
      sqlite3_reset (stmt);
      bind_text (stmt, 1, any_match);
      sqlite3_bind_int64 (stmt, 2, TR_STORE_CHUNK_ROWID (num, 0));
      sqlite3_bind_int64 (stmt, 3, TR_STORE_CHUNK_ROWID (num, TR_STORE_CHUNKS_MAX - 1));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return NULL;
    }
  return g_strdup (column_text (stmt, 0));
}

/* The snippet from the columns of the one row @sql gives for @rowid, the
 * first column holding a word winning. */
static char *
snippet_from_row (TrSearch           *self,
                  const char         *sql,
                  gint64              rowid,
                  const char * const *words)
{
  g_autoptr(Statement) stmt = prepare (self, sql, NULL);
  const char *texts[8];
  guint n_texts;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rowid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  n_texts = MIN ((guint) sqlite3_column_count (stmt), G_N_ELEMENTS (texts));
  for (guint i = 0; i < n_texts; i++)
    texts[i] = column_text (stmt, i);
  return tr_snippet_build (texts, n_texts, words, SNIPPET_WIDTH);
}

/* The snippet comes from the text a reader would look at first: the
 * summary, then the body, then the rest. */
static TrSearchHit *
load_hit (TrSearch            *self,
          gint64               rowid,
          const char * const  *words,
          SearchKind           kind,
          const char          *long_match,
          const char          *short_match,
          const char          *any_match,
          int                 *out_rc)
{
  g_autoptr(Statement) stmt = NULL;
  g_autofree char *snippet = NULL;
  const char *summary;
  TrSearchHit *hit;
  int rc;

  stmt = prepare (self, "SELECT " TR_SEARCH_REPORT_COLUMNS ", r.summary FROM reports r WHERE r.num = ?1",
                  out_rc);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rowid);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      /* The index and the table are written in one transaction. */
      fail (out_rc, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
      return NULL;
    }

  hit = g_new0 (TrSearchHit, 1);
  hit->id = g_strdup (column_text (stmt, 0));
  hit->kind = g_strdup (column_text (stmt, 1));
  hit->title = g_strdup (column_text (stmt, 2));
  hit->period_start = g_strdup (column_text (stmt, 3));
  hit->period_end = g_strdup (column_text (stmt, 4));
  hit->destination = g_strdup (column_text (stmt, 5));
  hit->modified = g_strdup (column_text (stmt, 6));
  hit->status = g_strdup (column_text (stmt, 7));
  summary = column_text (stmt, 8);
  snippet = tr_snippet_build (&summary, 1, words, SNIPPET_WIDTH);
  sqlite3_reset (stmt);
  /* The body, the appendix and the text an import could not place: read
   * only now, as these columns are what makes a row long. */
  if (snippet == NULL)
    snippet = snippet_from_row (self,
                                "SELECT purpose, process, observations, recommendations,"
                                " appendix, unclassified FROM reports WHERE num = ?1",
                                rowid, words);
  /* The fields and the appendix as the index sees them (travellers,
   * keywords and photo captions included), for a hit found nowhere else. */
  if (snippet == NULL)
    snippet = snippet_from_row (self,
                                "SELECT fields, appendix, title FROM report_search_content WHERE num = ?1",
                                rowid, words);
  if (snippet == NULL)
    snippet = fts_snippet (self, kind, long_match, short_match, any_match, rowid);
  hit->snippet = g_steal_pointer (&snippet);
  return hit;
}

static GPtrArray *
run_search (TrSearch    *self,
            const char  *query,
            guint        limit,
            int         *out_rc)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_search_hit_free);
  g_autoptr(GString) long_match = g_string_new (NULL);
  g_autoptr(GString) short_match = g_string_new (NULL);
  g_autoptr(GString) any_match = g_string_new (NULL);
  g_autoptr(GString) spaced = NULL;
  g_autoptr(GPtrArray) word_matches = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_autoptr(GArray) chunked = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_auto(GStrv) words = NULL;
  guint n_long = 0;
  SearchKind kind;

  /* The ideographic space is a word separator too; g_strsplit_set() splits
   * on bytes, so it is turned into a plain space first. */
  spaced = g_string_new (query);
  g_string_replace (spaced, "\u3000", " ", 0);
  words = g_strsplit_set (spaced->str, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      glong length = g_utf8_strlen (words[i], -1);
      GString *one;

      if (length == 0)
        continue;
      append_fts_phrase (length >= 3 ? long_match : short_match, words[i]);

      /* Each word on its own too, the long ones first: they rank. */
      one = g_string_new (NULL);
      append_fts_phrase (one, words[i]);
      if (any_match->len > 0)
        g_string_append (any_match, " OR ");
      g_string_append (any_match, one->str);
      if (length >= 3)
        g_ptr_array_insert (word_matches, n_long++, g_string_free (one, FALSE));
      else
        g_ptr_array_add (word_matches, g_string_free (one, FALSE));
    }

  if (long_match->len == 0 && short_match->len == 0)
    return g_steal_pointer (&hits);
  if (long_match->len > 0)
    kind = short_match->len > 0 ? SEARCH_MIXED : SEARCH_LONG;
  else
    kind = SEARCH_SHORT;

  if (!collect_chunked (self, word_matches, n_long > 0 ? n_long : word_matches->len, chunked, out_rc))
    return NULL;

  /* Asked for more than a screenful: rank them all, however long it takes. */
  if (limit == 0 || limit > RANKED_MATCHES_MAX)
    {
      if (!collect_rowids (self, ranked_sql[kind], long_match->str, short_match->str,
                           limit > 0 ? (gint64) limit : -1, found, out_rc))
        return NULL;
      g_array_sort (chunked, compare_hits_by_score);
      merge_hits (found, chunked, TRUE);
    }
  else
    {
      /* Finding one match more than can be ranked stops early however
       * common the words are. */
      if (!collect_rowids (self, newest_sql[kind], long_match->str, short_match->str,
                           RANKED_MATCHES_MAX + 1, found, out_rc))
        return NULL;
      if (found->len + chunked->len > RANKED_MATCHES_MAX)
        {
          merge_hits (found, chunked, FALSE);
          g_array_set_size (found, limit);
        }
      else
        {
          if (kind == SEARCH_MIXED)
            {
              if (found->len > 0 && !rank_listed_rowids (self, long_match->str, limit, found, out_rc))
                return NULL;
            }
          else
            {
              g_array_set_size (found, 0);
              if (!collect_rowids (self, ranked_sql[kind], long_match->str, short_match->str,
                                   limit, found, out_rc))
                return NULL;
            }
          g_array_sort (chunked, compare_hits_by_score);
          merge_hits (found, chunked, TRUE);
        }
    }
  if (limit > 0 && found->len > limit)
    g_array_set_size (found, limit);

  for (guint i = 0; i < found->len; i++)
    {
      TrSearchHit *hit = load_hit (self, g_array_index (found, Hit, i).num,
                                   (const char * const *) words, kind,
                                   long_match->str, short_match->str, any_match->str, out_rc);

      if (hit == NULL)
        return NULL;
      g_ptr_array_add (hits, hit);
    }
  return g_steal_pointer (&hits);
}

GPtrArray *
tr_search_run (TrSearch   *self,
               const char *query,
               guint       limit,
               int        *out_rc)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return run_search (self, query, limit, out_rc);
}
