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
 * With the argument "bigrams", each pair of adjacent characters is indexed
 * too, at the position of its first character, and a two-character query
 * asks for that one token: a phrase of two common characters otherwise
 * means comparing the positions of both in nearly every report. Longer
 * words are phrases of such pairs (tr-report-store-search.c), which is why
 * the library needs no trigram index beside this one.
 *
 * With "word_bigrams" instead, pairs with a punctuation mark in them are
 * left out: nobody searches for "，並", yet such pairs are a fifth of the
 * index. A word with a punctuation mark in it is still found, through the
 * single characters there (tr_unigram_tokenizer_indexes_pair ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-unigram-tokenizer.h"

#include <string.h>

/* The three kinds of tokenizer are three static handles. */
static char unigrams_only;
static char with_bigrams;
static char with_word_bigrams;

static int
unigram_create (void        *context,
                const char **args,
                int          n_args,
                Fts5Tokenizer **out_tokenizer)
{
  if (n_args == 0)
    *out_tokenizer = (Fts5Tokenizer *) &unigrams_only;
  else if (n_args == 1 && strcmp (args[0], "bigrams") == 0)
    *out_tokenizer = (Fts5Tokenizer *) &with_bigrams;
  else if (n_args == 1 && strcmp (args[0], "word_bigrams") == 0)
    *out_tokenizer = (Fts5Tokenizer *) &with_word_bigrams;
  else
    return SQLITE_ERROR;
  return SQLITE_OK;
}

static void
unigram_delete (Fts5Tokenizer *tokenizer)
{
}

/* The folded character at @pos, its UTF-8 in @folded; -1 when the bytes
 * there are not valid UTF-8. Spaces and line breaks all fold to one space,
 * so that a word never matches across a line break: the same substring
 * semantics as the trigram index. */
static int
fold_at (const char *text,
         int         n_text,
         int         pos,
         char        folded[6],
         int        *next,
         gunichar   *raw)
{
  gunichar c = g_utf8_get_char_validated (text + pos, n_text - pos);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    return -1;
  *raw = c;
  *next = g_utf8_next_char (text + pos) - text;
  if (*next > n_text)
    return -1;
  if (g_unichar_isspace (c))
    c = ' ';
  return g_unichar_to_utf8 (g_unichar_tolower (c), folded);
}

/* Fixed ranges rather than Unicode's categories, which change between
 * GLib versions: the index and the queries of later versions must agree
 * on which pairs it holds. */
static gboolean
is_punctuation (gunichar c)
{
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E) ||
         (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || /* dashes, quotes, … */
         (c >= 0x3001 && c <= 0x303F) ||                                   /* 、。「」《》 */
         (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6B) ||   /* vertical, small forms */
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||   /* ，：；（）！？ */
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65);
}

gboolean
tr_unigram_tokenizer_indexes_pair (gunichar first,
                                   gunichar second)
{
  return !g_unichar_isspace (first) && !g_unichar_isspace (second) &&
         !is_punctuation (first) && !is_punctuation (second);
}

/* Whether @tokenizer indexes the pair @first @second. */
static gboolean
pairs (Fts5Tokenizer *tokenizer,
       gunichar       first,
       gunichar       second)
{
  if (tokenizer == (Fts5Tokenizer *) &with_word_bigrams)
    return tr_unigram_tokenizer_indexes_pair (first, second);
  return tokenizer == (Fts5Tokenizer *) &with_bigrams &&
         !g_unichar_isspace (first) && !g_unichar_isspace (second);
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
  gboolean bigrams = tokenizer != (Fts5Tokenizer *) &unigrams_only;
  int pos = 0;

  if (bigrams && (flags & FTS5_TOKENIZE_QUERY) != 0)
    {
      char pair[12];
      int n_first, n_second, middle, end;
      gunichar first, second;

      n_first = fold_at (text, n_text, 0, pair, &middle, &first);
      if (n_first > 0 && middle < n_text)
        {
          n_second = fold_at (text, n_text, middle, pair + n_first, &end, &second);
          if (n_second > 0 && end == n_text && pairs (tokenizer, first, second))
            return emit (context, 0, pair, n_first + n_second, 0, end);
        }
    }

  while (pos < n_text)
    {
      char folded[12];
      int next, n_folded, rc;
      gunichar c;

      n_folded = fold_at (text, n_text, pos, folded, &next, &c);
      if (n_folded < 0)
        {
          /* Invalid UTF-8 is not indexed, but must not stop the rest. */
          pos++;
          continue;
        }
      rc = emit (context, 0, folded, n_folded, pos, next);
      if (rc != SQLITE_OK)
        return rc;

      if (bigrams && (flags & FTS5_TOKENIZE_QUERY) == 0 && next < n_text)
        {
          gunichar second;
          int after, n_second = fold_at (text, n_text, next, folded + n_folded, &after, &second);

          if (n_second > 0 && pairs (tokenizer, c, second))
            {
              rc = emit (context, FTS5_TOKEN_COLOCATED, folded, n_folded + n_second, pos, after);
              if (rc != SQLITE_OK)
                return rc;
            }
        }
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
  return api->xCreateTokenizer (api, TR_UNIGRAM_TOKENIZER_NAME, NULL, &tokenizer, NULL);
}
