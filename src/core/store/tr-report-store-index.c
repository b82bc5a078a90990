/* tr-report-store-index.c: keeping the search index in step with the reports
 *
 * Most reports are a few pages: each is one row of report_fts_short, its
 * rowid the report's number, as the index always had it. A save deletes
 * that row (FTS5 is told the old text) and adds it again; for a report of
 * some ten pages that is a few milliseconds.
 *
 * A long draft — two or three hundred pages — would cost a hundred times
 * more at every autosave, though one sentence changed. Its text is indexed
 * in chunks instead: groups of paragraphs of one column, each a row of its
 * own (rowid TR_STORE_CHUNK_ROWID (num, seq)), listed with their place in
 * the text in report_chunks. A save splits the new text the same way and
 * compares it with the chunks stored: only those whose text changed are
 * indexed again; one that only moved gets its new offset.
 *
 * A chunk ends after a paragraph whose content says so (its hash), once
 * the chunk is long enough: where the chunks of a text end does not depend
 * on what comes before them, so that typing in one paragraph leaves the
 * others' chunks as they were. They end at line breaks, which no word
 * found by search crosses (the tokenizer makes them spaces; words have
 * none).
 *
 * Chunks are only for long reports: each row costs the index an entry for
 * every character and pair in it, and the rowids of chunks are far apart,
 * so that the whole library in chunks would be a third larger.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tr-report-store-private.h"
#include "tr-report-store-schema.h"

/* Bytes of indexed text past which a report is indexed in chunks, and
 * under which a chunked one goes back to one row: apart, so that a report
 * typed around the limit is not indexed whole again at every save. */
#define CHUNKED_ABOVE (48 * 1024)
#define WHOLE_BELOW (24 * 1024)

/* A chunk holds at least this many bytes, unless its column is shorter,
 * then ends after one paragraph in CHUNK_END_ONE_IN, or at CHUNK_MAX. */
#define CHUNK_MIN (8 * 1024)
#define CHUNK_MAX (32 * 1024)
#define CHUNK_END_ONE_IN 4

/* The columns of report_search_content, in order; report_fts_short has
 * them in another (schema 11), and is written by their names. */
#define N_COLUMNS 5

struct _TrStoreSearchText {
  char *columns[N_COLUMNS];
  gsize lengths[N_COLUMNS];
};
typedef struct _TrStoreSearchText SearchText;

typedef struct {
  gint64 rowid;   /* 0 while it has none */
  int column;
  gsize start;
  gsize length;
} Chunk;

void
tr_store_search_text_free (TrStoreSearchText *text)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (text->columns[i]);
  g_free (text);
}

static gsize
search_text_length (const SearchText *text)
{
  gsize total = 0;

  for (guint i = 0; i < N_COLUMNS; i++)
    total += text->lengths[i];
  return total;
}

TrStoreSearchText *
tr_store_read_search_text (TrReportStore  *self,
                           gint64          num,
                           const char     *what,
                           GError        **error)
{
  g_autoptr(TrStatement) stmt =
    tr_store_prepare (self,
                      "SELECT title, fields, summary, body, appendix FROM report_search_content WHERE num = ?1",
                      what, error);
  TrStoreSearchText *text;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, num);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tr_store_set_sqlite_error (error, self->db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, what);
      return NULL;
    }

  text = g_new0 (TrStoreSearchText, 1);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      const char *column = tr_store_column_text (stmt, i);

      /* All of it, should it hold a NUL: FTS5 must be told the very text. */
      text->lengths[i] = sqlite3_column_bytes (stmt, i);
      text->columns[i] = g_malloc (text->lengths[i] + 1);
      memcpy (text->columns[i], column, text->lengths[i]);
      text->columns[i][text->lengths[i]] = '\0';
    }
  return text;
}

/* FNV-1a: the same on every machine and in every version, as the chunks
 * of the texts already stored depend on it. */
static guint32
paragraph_hash (const char *text,
                gsize       length)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar) text[i]) * 16777619u;
  return hash;
}

/* Appends to @chunks those of @column, @length bytes of @text. */
static void
split_column (const char *text,
              gsize       length,
              int         column,
              GArray     *chunks)
{
  gsize start = 0;
  gsize p = 0;

  while (p < length)
    {
      const char *newline = memchr (text + p, '\n', length - p);
      gsize end = newline != NULL ? (gsize) (newline - text) : length;
      gsize size = end - start;

      if (newline == NULL)
        break;
      /* Past some 500 MB of text, the rest of each column is one chunk:
       * there are only so many rowids. */
      if (chunks->len + N_COLUMNS < TR_STORE_CHUNKS_MAX &&
          (size >= CHUNK_MAX ||
           (size >= CHUNK_MIN && paragraph_hash (text + p, end - p) % CHUNK_END_ONE_IN == 0)))
        {
          Chunk chunk = { 0, column, start, size };

          g_array_append_val (chunks, chunk);
          start = end + 1;
        }
      p = end + 1;
    }
  if (start < length)
    {
      Chunk chunk = { 0, column, start, length - start };

      g_array_append_val (chunks, chunk);
    }
}

static GArray *
split_text (const SearchText *text)
{
  GArray *chunks = g_array_new (FALSE, FALSE, sizeof (Chunk));

  for (int i = 0; i < N_COLUMNS; i++)
    split_column (text->columns[i], text->lengths[i], i, chunks);
  return chunks;
}

/* The migration to chunks: a JSON array of [column, start, length] for the
 * texts of report_search_content, empty for a report indexed whole. */
void
tr_store_search_chunks_function (sqlite3_context  *context,
                                 int               n_values,
                                 sqlite3_value   **values)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GArray) chunks = NULL;
  SearchText text = { 0 };

  if (n_values != N_COLUMNS)
    {
      sqlite3_result_error (context, "wrong number of arguments", -1);
      return;
    }
  for (int i = 0; i < N_COLUMNS; i++)
    {
      const char *column = (const char *) sqlite3_value_text (values[i]);

      text.columns[i] = (char *) (column != NULL ? column : "");
      text.lengths[i] = column != NULL ? sqlite3_value_bytes (values[i]) : 0;
    }
  if (search_text_length (&text) > CHUNKED_ABOVE)
    {
      chunks = split_text (&text);
      for (guint i = 0; i < chunks->len; i++)
        {
          const Chunk *chunk = &g_array_index (chunks, Chunk, i);

          g_string_append_printf (json, "%s[%d,%" G_GSIZE_FORMAT ",%" G_GSIZE_FORMAT "]",
                                  i > 0 ? "," : "", chunk->column, chunk->start, chunk->length);
        }
    }
  g_string_append_c (json, ']');
  sqlite3_result_text (context, g_string_free (g_steal_pointer (&json), FALSE), -1, g_free);
}

static gboolean
read_chunks (TrReportStore  *self,
             gint64          num,
             GArray         *chunks,
             const char     *what,
             GError        **error)
{
  g_autoptr(TrStatement) stmt =
    tr_store_prepare (self,
                      "SELECT id, col, start, length FROM report_chunks WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
                      what, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, TR_STORE_CHUNK_ROWID (num, 0));
  sqlite3_bind_int64 (stmt, 2, TR_STORE_CHUNK_ROWID (num, TR_STORE_CHUNKS_MAX - 1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Chunk chunk = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
        sqlite3_column_int64 (stmt, 3),
      };

      g_array_append_val (chunks, chunk);
    }
  if (rc != SQLITE_DONE)
    return tr_store_set_sqlite_error (error, self->db, rc, what);
  return TRUE;
}

/* Adds a row to the index, or with @remove tells FTS5 to take out the one
 * it added with these very texts. */
static gboolean
write_index_row (TrReportStore       *self,
                 gboolean             remove,
                 gint64               rowid,
                 const char * const  *texts,
                 const gsize         *lengths,
                 const char          *what,
                 GError             **error)
{
  g_autoptr(TrStatement) stmt =
    tr_store_prepare (self,
                      remove
                      ? "INSERT INTO report_fts_short (report_fts_short, rowid, title, fields, summary, body, appendix)"
                        " VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6)"
                      : "INSERT INTO report_fts_short (rowid, title, fields, summary, body, appendix)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                      what, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  for (int i = 0; i < N_COLUMNS; i++)
    if (texts[i] != NULL)
      sqlite3_bind_text64 (stmt, i + 2, texts[i], lengths[i], SQLITE_STATIC, SQLITE_UTF8);
  return tr_store_step_done (self, stmt, what, error);
}

static gboolean
write_whole (TrReportStore     *self,
             gboolean           remove,
             gint64             num,
             const SearchText  *text,
             const char        *what,
             GError           **error)
{
  return write_index_row (self, remove, num, (const char * const *) text->columns, text->lengths,
                          what, error);
}

/* A chunk's row has its text in its column and NULL in the others, the
 * way report_index_content gives it back. */
static gboolean
write_chunk (TrReportStore     *self,
             gboolean           remove,
             const Chunk       *chunk,
             const SearchText  *text,
             const char        *what,
             GError           **error)
{
  const char *texts[N_COLUMNS] = { NULL };
  gsize lengths[N_COLUMNS] = { 0 };

  texts[chunk->column] = text->columns[chunk->column] + chunk->start;
  lengths[chunk->column] = chunk->length;
  return write_index_row (self, remove, chunk->rowid, texts, lengths, what, error);
}

static gboolean
exec_chunk_sql (TrReportStore  *self,
                const char     *sql,
                const Chunk    *chunk,
                const char     *what,
                GError        **error)
{
  g_autoptr(TrStatement) stmt = tr_store_prepare (self, sql, what, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, chunk->rowid);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    {
      sqlite3_bind_int (stmt, 2, chunk->column);
      sqlite3_bind_int64 (stmt, 3, chunk->start);
      sqlite3_bind_int64 (stmt, 4, chunk->length);
    }
  return tr_store_step_done (self, stmt, what, error);
}

static gboolean
chunk_text_equal (const Chunk      *a,
                  const SearchText *a_text,
                  const Chunk      *b,
                  const SearchText *b_text)
{
  return a->column == b->column && a->length == b->length &&
         memcmp (a_text->columns[a->column] + a->start, b_text->columns[b->column] + b->start,
                 a->length) == 0;
}

static gint
compare_chunks_in_text (gconstpointer a,
                        gconstpointer b)
{
  const Chunk *x = a, *y = b;

  if (x->column != y->column)
    return x->column - y->column;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* The indexes in @chunks of those of each hash of their text. */
static GHashTable *
hash_chunks (GArray           *chunks,
             const SearchText *text)
{
  GHashTable *by_hash = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_slist_free);

  for (guint i = chunks->len; i-- > 0;)
    {
      const Chunk *chunk = &g_array_index (chunks, Chunk, i);
      gpointer key = GUINT_TO_POINTER (paragraph_hash (text->columns[chunk->column] + chunk->start,
                                                       chunk->length));
      GSList *same = g_hash_table_lookup (by_hash, key);

      g_hash_table_steal (by_hash, key);
      g_hash_table_insert (by_hash, key, g_slist_prepend (same, GUINT_TO_POINTER (i)));
    }
  return by_hash;
}

/* Replaces the chunks @stored of @old_text by those of @new_text (NULL:
 * none), indexing again only the chunks whose text is not already there. */
static gboolean
replace_chunks (TrReportStore     *self,
                gint64             num,
                GArray            *stored,
                const SearchText  *old_text,
                const SearchText  *new_text,
                const char        *what,
                GError           **error)
{
  g_autoptr(GArray) fresh = NULL;
  g_autoptr(GHashTable) by_hash = NULL;
  g_autofree gboolean *seq_used = g_new0 (gboolean, TR_STORE_CHUNKS_MAX);
  guint next_seq = 0;
  guint expected = 0;

  fresh = new_text != NULL ? split_text (new_text) : g_array_new (FALSE, FALSE, sizeof (Chunk));
  g_array_sort (stored, compare_chunks_in_text);

  /* Stored chunks whose text is still there keep their row; the others go
   * first, so that their rowids may serve the new ones. */
  for (guint i = 0; i < stored->len; i++)
    {
      const Chunk *old = &g_array_index (stored, Chunk, i);
      Chunk *match = NULL;

      /* What the index holds must be the text it was given. */
      if (old->column < 0 || old->column >= N_COLUMNS ||
          old->start + old->length > old_text->lengths[old->column])
        return tr_store_set_sqlite_error (error, self->db, SQLITE_CORRUPT, what);

      /* Most chunks are where they were, in the same order: the next one
       * is compared first, and the others looked up by their hash. */
      if (expected < fresh->len && g_array_index (fresh, Chunk, expected).rowid == 0 &&
          chunk_text_equal (&g_array_index (fresh, Chunk, expected), new_text, old, old_text))
        match = &g_array_index (fresh, Chunk, expected);
      else if (fresh->len > 0)
        {
          GSList *same;

          if (by_hash == NULL)
            by_hash = hash_chunks (fresh, new_text);
          same = g_hash_table_lookup (by_hash,
                                      GUINT_TO_POINTER (paragraph_hash (old_text->columns[old->column] + old->start,
                                                                        old->length)));
          for (GSList *l = same; l != NULL && match == NULL; l = l->next)
            {
              Chunk *candidate = &g_array_index (fresh, Chunk, GPOINTER_TO_UINT (l->data));

              if (candidate->rowid == 0 && chunk_text_equal (candidate, new_text, old, old_text))
                match = candidate;
            }
        }
      if (match != NULL)
        expected = match - &g_array_index (fresh, Chunk, 0) + 1;

      if (match != NULL)
        {
          match->rowid = old->rowid;
          seq_used[old->rowid - TR_STORE_CHUNK_ROWID (num, 0)] = TRUE;
          if (match->start != old->start &&
              !exec_chunk_sql (self, "UPDATE report_chunks SET col = ?2, start = ?3, length = ?4 WHERE id = ?1",
                               match, what, error))
            return FALSE;
        }
      else if (!write_chunk (self, TRUE, old, old_text, what, error) ||
               !exec_chunk_sql (self, "DELETE FROM report_chunks WHERE id = ?1",
                                old, what, error))
        return FALSE;
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      Chunk *chunk = &g_array_index (fresh, Chunk, i);

      if (chunk->rowid != 0)
        continue;
      while (seq_used[next_seq])
        next_seq++;
      seq_used[next_seq] = TRUE;
      chunk->rowid = TR_STORE_CHUNK_ROWID (num, next_seq);
      if (!exec_chunk_sql (self,
                           "INSERT INTO report_chunks (id, col, start, length) VALUES (?1, ?2, ?3, ?4)",
                           chunk, what, error) ||
          !write_chunk (self, FALSE, chunk, new_text, what, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
tr_store_replace_index (TrReportStore            *self,
                        gint64                    num,
                        const TrStoreSearchText  *old_text,
                        const TrStoreSearchText  *new_text,
                        const char               *what,
                        GError                  **error)
{
  g_autoptr(GArray) stored = g_array_new (FALSE, FALSE, sizeof (Chunk));
  gboolean old_chunked, new_chunked;

  if (old_text != NULL && !read_chunks (self, num, stored, what, error))
    return FALSE;
  old_chunked = stored->len > 0;
  if (new_text == NULL)
    new_chunked = FALSE;
  else
    {
      gsize length = search_text_length (new_text);

      new_chunked = length > CHUNKED_ABOVE || (old_chunked && length >= WHOLE_BELOW);
    }

  if (old_text != NULL && !old_chunked && !write_whole (self, TRUE, num, old_text, what, error))
    return FALSE;
  if ((old_chunked || new_chunked) &&
      !replace_chunks (self, num, stored, old_text,
                       new_chunked ? new_text : NULL, what, error))
    return FALSE;
  if (new_text != NULL && !new_chunked && !write_whole (self, FALSE, num, new_text, what, error))
    return FALSE;
  return TRUE;
}
