/* tr-unigram-tokenizer.c
 *
 * FTS5's trigram tokenizer, which gives substring search in Chinese, cannot
 * match queries shorter than three characters, yet 心得 or 泰國 are the most
 * natural things to search for. This tokenizer makes every character a
 * token of its own, so a one-character query is a single-token
 * query and a two-character query is a two-token phrase: both answered from
 * the index, ranked with bm25, with offsets into the original text so that
 * snippet() works.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-unigram-tokenizer.h"

#include <string.h>

static int
unigram_create (void        *context,
                const char **args,
                int          n_args,
                Fts5Tokenizer **out_tokenizer)
{
  if (n_args != 0)
    return SQLITE_ERROR;
  /* Stateless: any non-NULL handle will do. */
  *out_tokenizer = (Fts5Tokenizer *) context;
  return SQLITE_OK;
}

static void
unigram_delete (Fts5Tokenizer *tokenizer)
{
}

static int
unigram_tokenize (Fts5Tokenizer *tokenizer,
                  void          *context,
                  int            flags,
                  const char    *text,
                  int            n_text,
                  int          (*emit) (void *context, int flags, const char *token,
                                          int n_token, int start, int end))
{
  int pos = 0;

  while (pos < n_text)
    {
      gunichar c = g_utf8_get_char_validated (text + pos, n_text - pos);
      char folded[6];
      int next, n_folded, rc;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Invalid UTF-8 is not indexed, but must not stop the rest. */
          pos++;
          continue;
        }
      next = g_utf8_next_char (text + pos) - text;
      if (next > n_text)
        break;

      /* Spaces and line breaks are tokens too (all as one space), so that a
       * two-character word never matches across a line break: the same
       * substring semantics as the trigram index. */
      if (g_unichar_isspace (c))
        c = ' ';
      n_folded = g_unichar_to_utf8 (g_unichar_tolower (c), folded);
      rc = emit (context, 0, folded, n_folded, pos, next);
      if (rc != SQLITE_OK)
        return rc;
      pos = next;
    }
  return SQLITE_OK;
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

int
tr_unigram_tokenizer_register (sqlite3 *db)
{
  static fts5_tokenizer tokenizer = {
    unigram_create,
    unigram_delete,
    unigram_tokenize,
  };
  fts5_api *api = get_fts5_api (db);

  if (api == NULL)
    return SQLITE_ERROR;
  return api->xCreateTokenizer (api, TR_UNIGRAM_TOKENIZER_NAME, api, &tokenizer, NULL);
}
