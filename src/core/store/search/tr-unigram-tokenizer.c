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

/* A character of the text, as the index has it. */
typedef struct {
  int      end;         /* where the next one starts */
  int      n_folded;
  char     folded[6];
  gboolean pairable;    /* may start or end an indexed pair */
} Char;

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

/* Reads the character at @pos into @c, folded: spaces and line breaks all
 * fold to one space, so that a word never matches across a line break
 * (the same substring semantics as the trigram index), and letters to
 * lower case. FALSE when the bytes there are not valid UTF-8. */
static gboolean
read_char (Fts5Tokenizer *tokenizer,
           const char    *text,
           int            n_text,
           int            pos,
           Char          *c)
{
  gunichar raw = g_utf8_get_char_validated (text + pos, n_text - pos);
  gboolean space;

  if (raw == (gunichar) -1 || raw == (gunichar) -2)
    return FALSE;
  c->end = g_utf8_next_char (text + pos) - text;
  if (c->end > n_text)
    return FALSE;
  /* Han characters, most of a report, have no case and are no space:
   * their own fold, without looking them up. */
  if (raw >= 0x3400 && raw <= 0x9FFF)
    {
      memcpy (c->folded, text + pos, 3);
      c->n_folded = 3;
      c->pairable = tokenizer != (Fts5Tokenizer *) &unigrams_only;
      return TRUE;
    }
  space = g_unichar_isspace (raw);
  c->n_folded = g_unichar_to_utf8 (space ? ' ' : g_unichar_tolower (raw), c->folded);
  if (tokenizer == (Fts5Tokenizer *) &with_word_bigrams)
    c->pairable = !space && !is_punctuation (raw);
  else
    c->pairable = tokenizer == (Fts5Tokenizer *) &with_bigrams && !space;
  return TRUE;
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
  gboolean query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  gboolean bigrams = tokenizer != (Fts5Tokenizer *) &unigrams_only;
  /* Each character is read once: as the second of a pair, it is kept for
   * its own turn. */
  Char current, next;
  gboolean have_next = FALSE;
  int pos = 0;

  if (bigrams && query)
    {
      Char first, second;
      char pair[12];

      if (n_text > 0 && read_char (tokenizer, text, n_text, 0, &first) && first.end < n_text &&
          read_char (tokenizer, text, n_text, first.end, &second) && second.end == n_text &&
          first.pairable && second.pairable)
        {
          memcpy (pair, first.folded, first.n_folded);
          memcpy (pair + first.n_folded, second.folded, second.n_folded);
          return emit (context, 0, pair, first.n_folded + second.n_folded, 0, second.end);
        }
    }

  while (pos < n_text)
    {
      int rc;

      if (have_next)
        current = next;
      else if (!read_char (tokenizer, text, n_text, pos, &current))
        {
          /* Invalid UTF-8 is not indexed, but must not stop the rest. */
          pos++;
          continue;
        }
      have_next = FALSE;
      rc = emit (context, 0, current.folded, current.n_folded, pos, current.end);
      if (rc != SQLITE_OK)
        return rc;

      if (bigrams && !query && current.end < n_text &&
          (have_next = read_char (tokenizer, text, n_text, current.end, &next)) &&
          current.pairable && next.pairable)
        {
          char pair[12];

          memcpy (pair, current.folded, current.n_folded);
          memcpy (pair + current.n_folded, next.folded, next.n_folded);
          rc = emit (context, FTS5_TOKEN_COLOCATED, pair, current.n_folded + next.n_folded, pos, next.end);
          if (rc != SQLITE_OK)
            return rc;
        }
      pos = current.end;
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
