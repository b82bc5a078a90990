/* test-unigram-tokenizer.c: the tokens of the short-query index
 *
 * The index on disk and the queries of every later version must agree on
 * each token: these tests hold the tokenizer to its rules, written here
 * plainly, character by character, on every Unicode character and on
 * random text with invalid UTF-8 in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>
#include <string.h>

#include "tr-unigram-tokenizer.h"

typedef struct {
  sqlite3 *db;
  fts5_tokenizer api;
  void *user_data;
} Fixture;

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  g_assert_nonnull (api);
  return api;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fts5_api *api;

  g_assert_cmpint (sqlite3_open (":memory:", &fixture->db), ==, SQLITE_OK);
  g_assert_cmpint (tr_unigram_tokenizer_register (fixture->db), ==, SQLITE_OK);
  api = get_fts5_api (fixture->db);
  g_assert_cmpint (api->xFindTokenizer (api, TR_UNIGRAM_TOKENIZER_NAME, &fixture->user_data, &fixture->api), ==,
                   SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sqlite3_close (fixture->db);
}

static int
append_token (void       *context,
              int         flags,
              const char *token,
              int         n_token,
              int         start,
              int         end)
{
  GString *out = context;

  g_string_append_printf (out, "%s%d-%d:", flags & FTS5_TOKEN_COLOCATED ? "+" : "", start, end);
  g_string_append_len (out, token, n_token);
  g_string_append_c (out, '\n');
  return SQLITE_OK;
}

/* What the tokenizer made with @args of @text, one token a line. */
static char *
tokenize (Fixture    *fixture,
          const char *args,
          int         flags,
          const char *text,
          int         n_text)
{
  const char *argv[] = { args };
  Fts5Tokenizer *tokenizer = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (fixture->api.xCreate (fixture->user_data, argv, args != NULL ? 1 : 0, &tokenizer), ==,
                   SQLITE_OK);
  g_assert_cmpint (fixture->api.xTokenize (tokenizer, out, flags, text, n_text, append_token), ==, SQLITE_OK);
  fixture->api.xDelete (tokenizer);
  return g_string_free (out, FALSE);
}

/* The rules ---------------------------------------------------------------- */

/* A character as the index has it: a space for any white space, letters in
 * lower case; 0 bytes when @text has no valid character at @pos. */
static int
expected_char (const char *text,
               int         n_text,
               int         pos,
               char        folded[6],
               gunichar   *raw)
{
  gunichar c = g_utf8_get_char_validated (text + pos, n_text - pos);

  if (c == (gunichar) -1 || c == (gunichar) -2 || pos + g_unichar_to_utf8 (c, NULL) > n_text)
    return 0;
  *raw = c;
  return g_unichar_to_utf8 (g_unichar_isspace (c) ? ' ' : g_unichar_tolower (c), folded);
}

static gboolean
expected_pair (const char *args,
               gunichar    first,
               gunichar    second)
{
  if (args == NULL)
    return FALSE;
  if (strcmp (args, "word_bigrams") == 0)
    return tr_unigram_tokenizer_indexes_pair (first, second);
  return !g_unichar_isspace (first) && !g_unichar_isspace (second);
}

static char *
expected_tokens (const char *args,
                 int         flags,
                 const char *text,
                 int         n_text)
{
  GString *out = g_string_new (NULL);
  gboolean query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  int pos = 0;

  /* A query of two characters asks for their pair, when it is indexed. */
  if (args != NULL && query)
    {
      char first[6], second[6], pair[12];
      gunichar a, b;
      int n_first = expected_char (text, n_text, 0, first, &a);
      int after_first = n_first > 0 ? (int) (g_utf8_next_char (text) - text) : 0;
      int n_second = n_first > 0 && after_first < n_text ? expected_char (text, n_text, after_first, second, &b) : 0;

      if (n_second > 0 && after_first + g_unichar_to_utf8 (b, NULL) == n_text && expected_pair (args, a, b))
        {
          memcpy (pair, first, n_first);
          memcpy (pair + n_first, second, n_second);
          append_token (out, 0, pair, n_first + n_second, 0, n_text);
          return g_string_free (out, FALSE);
        }
    }

  while (pos < n_text)
    {
      char folded[6], next_folded[6], pair[12];
      gunichar c, next_c;
      int n_folded = expected_char (text, n_text, pos, folded, &c);
      int next, n_next;

      if (n_folded == 0)
        {
          pos++;
          continue;
        }
      next = pos + g_unichar_to_utf8 (c, NULL);
      append_token (out, 0, folded, n_folded, pos, next);
      if (args != NULL && !query && next < n_text &&
          (n_next = expected_char (text, n_text, next, next_folded, &next_c)) > 0 &&
          expected_pair (args, c, next_c))
        {
          memcpy (pair, folded, n_folded);
          memcpy (pair + n_folded, next_folded, n_next);
          append_token (out, FTS5_TOKEN_COLOCATED, pair, n_folded + n_next, pos,
                        next + g_unichar_to_utf8 (next_c, NULL));
        }
      pos = next;
    }
  return g_string_free (out, FALSE);
}

static const char *const kinds[] = { NULL, "bigrams", "word_bigrams" };
static const int modes[] = { FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_QUERY };

static void
check_text (Fixture    *fixture,
            const char *text,
            int         n_text)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
      {
        int flags = modes[m];
        g_autofree char *got = tokenize (fixture, kinds[k], flags, text, n_text);
        g_autofree char *expected = expected_tokens (kinds[k], flags, text, n_text);

        if (g_strcmp0 (got, expected) != 0)
          {
            g_autofree char *escaped = g_strescape (text, NULL);

            g_test_message ("tokenizer %s, flags %d, text \"%s\"", kinds[k] != NULL ? kinds[k] : "(unigrams)", flags,
                            escaped);
            g_assert_cmpstr (got, ==, expected);
          }
      }
}

/* Every character of Unicode, in runs of a few hundred: each next to its
 * neighbours, and alone, where a query of one or two characters would be. */
static void
test_every_character (Fixture       *fixture,
                      gconstpointer  data)
{
  GString *run = g_string_new (NULL);

  for (gunichar c = 1; c <= 0x10FFFF; c++)
    {
      char single[6];

      if (c >= 0xD800 && c <= 0xDFFF)
        continue;
      g_string_append_unichar (run, c);
      if (c % 509 == 0)
        {
          g_string_append_unichar (run, ' ');
          g_string_append_unichar (run, 0x5B57);  /* 字 */
        }
      if (run->len >= 1500 || c == 0x10FFFF)
        {
          check_text (fixture, run->str, (int) run->len);
          g_string_truncate (run, 0);
        }
      /* Alone and in a query's pair, now and then: each code point
       * alone would take minutes. */
      if (c % 97 == 0 || c < 0x3000 || (c >= 0x3400 && c <= 0x3500) || (c >= 0x9F00 && c <= 0xA100))
        {
          char pair[12];
          int n = g_unichar_to_utf8 (c, single);

          check_text (fixture, single, n);
          memcpy (pair, single, n);
          memcpy (pair + n, "字", 3);
          check_text (fixture, pair, n + 3);
        }
    }
  g_string_free (run, TRUE);
}

/* Random text as reports hold it (Han, ASCII, full-width punctuation,
 * spaces and line breaks), with bytes that are no UTF-8 and characters cut
 * short by the end of the text. */
static void
test_random_text (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char *const pieces[] = {
    "出", "國", "報", "告", "目", "的", "，", "。", "、", "「", "」", "（", "）", " ", "\n", "\t", "\r\n",
    "A", "b", "Z", "9", ".", "-", "É", "ß", "İ", "Ω", "\u3000", "\u00a0", "\u2028", "ｆ", "Ｆ", "𠀀", "🙂",
    "\xff", "\xe4\xb8", "\xc3", "\x80", "\xed\xa0\x80",
  };

  for (int i = 0; i < 3000; i++)
    {
      GString *text = g_string_new (NULL);
      int length = g_test_rand_int_range (0, 40);

      for (int j = 0; j < length; j++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      check_text (fixture, text->str, (int) text->len);
      /* Cut anywhere, in the middle of a character too. */
      if (text->len > 0)
        check_text (fixture, text->str, g_test_rand_int_range (0, (int) text->len));
      g_string_free (text, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/unigram-tokenizer/every-character", Fixture, NULL, fixture_set_up, test_every_character,
              fixture_tear_down);
  g_test_add ("/unigram-tokenizer/random-text", Fixture, NULL, fixture_set_up, test_random_text,
              fixture_tear_down);
  return g_test_run ();
}
