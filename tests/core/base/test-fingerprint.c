/* test-fingerprint.c: the text fingerprint that tells the same report in
 * another file
 *
 * Libraries keep the fingerprints of their reports (text_sha256), made by
 * earlier versions: a faster way of making them must give the same ones.
 * The rule, written plainly here as it was first written, is held against
 * tr_text_fingerprint() on every Unicode character and on random text
 * mixing Han characters with what normalizes in their company: kana and
 * their sound marks, combining accents after a Han character or a letter,
 * full-width forms, compatibility ideographs, Hangul, invalid UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-text.h"

/* The rule: each text made valid, case-folded, then NFKC; white space,
 * format characters, U+FFFC and U+FFFD left out; the SHA-256 of it all. */
static char *
expected_fingerprint (const char * const *texts,
                      gsize               n_texts)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize n_chars = 0;

  for (gsize i = 0; i < n_texts; i++)
    {
      g_autofree char *valid = NULL;
      g_autofree char *folded = NULL;
      g_autofree char *normalized = NULL;

      if (texts[i] == NULL || texts[i][0] == '\0')
        continue;
      valid = g_utf8_make_valid (texts[i], -1);
      folded = g_utf8_casefold (valid, -1);
      normalized = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
      for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          char bytes[6];

          if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT || c == 0xFFFC || c == 0xFFFD)
            continue;
          g_checksum_update (checksum, (const guchar *) bytes, g_unichar_to_utf8 (c, bytes));
          n_chars++;
        }
    }
  if (n_chars < TR_TEXT_FINGERPRINT_MIN_CHARS)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

static void
check_texts (const char * const *texts,
             gsize               n_texts)
{
  g_autofree char *got = tr_text_fingerprint (texts, n_texts);
  g_autofree char *expected = expected_fingerprint (texts, n_texts);

  if (g_strcmp0 (got, expected) != 0)
    {
      for (gsize i = 0; i < n_texts; i++)
        {
          g_autofree char *escaped = texts[i] != NULL ? g_strescape (texts[i], NULL) : NULL;

          g_test_message ("text %" G_GSIZE_FORMAT ": \"%s\"", i, escaped != NULL ? escaped : "(null)");
        }
      g_assert_cmpstr (got, ==, expected);
    }
}

/* Every character, in runs, each run once with Han characters and their
 * neighbours around it, once with a combining mark after each. */
static void
test_every_character (void)
{
  GString *run = g_string_new (NULL);
  GString *marked = g_string_new (NULL);

  for (gunichar c = 1; c <= 0x10FFFF; c++)
    {
      if (c >= 0xD800 && c <= 0xDFFF)
        continue;
      g_string_append_unichar (run, c);
      g_string_append_unichar (marked, c);
      g_string_append_unichar (marked, c % 3 == 0 ? 0x0301 : c % 3 == 1 ? 0x3099 : 0x4E2D);  /* ◌́ ◌゙ 中 */
      if (run->len >= 600 || c == 0x10FFFF)
        {
          const char *texts[] = { "中文報告", run->str, "國", marked->str };

          check_texts (texts, G_N_ELEMENTS (texts));
          g_string_truncate (run, 0);
          g_string_truncate (marked, 0);
        }
    }
  g_string_free (run, TRUE);
  g_string_free (marked, TRUE);
}

static void
test_random_text (void)
{
  static const char *const pieces[] = {
    "出", "國", "報", "告", "目", "的", "中", "\u3400", "\u4DBF", "\u9FFF", "\u4DC0",
    "，", "。", "、", "「", "」", "（", "）", " ", "\n", "\t", "\u3000", "\u00a0", "\u200b", "\ufeff",
    "A", "b", "Z", "9", "e", "\u0301", "\u0308", "\u0323", "か", "\u3099", "\u309A", "ｶ", "\uFF9E",
    "\uF900", "\uFA30", "\u2F00", "\u3280", "가", "\u1100", "\u1161", "\u11A8", "Ⅻ", "①", "ﬁ", "ß", "İ", "Σ",
    "ς", "\uFFFC", "\uFFFD", "𠀀", "\U0002F800", "\xff", "\xe4\xb8", "\xc3", "\x80", "\xed\xa0\x80",
  };

  for (int i = 0; i < 20000; i++)
    {
      GString *a = g_string_new (NULL);
      GString *b = g_string_new (NULL);
      int length = g_test_rand_int_range (0, 80);

      for (int j = 0; j < length; j++)
        g_string_append (j % 2 && g_test_rand_bit () ? b : a, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      {
        const char *texts[] = { a->str, NULL, b->str };

        check_texts (texts, G_N_ELEMENTS (texts));
      }
      g_string_free (a, TRUE);
      g_string_free (b, TRUE);
    }
}

/* What a report says, the same however it was laid out: the point of the
 * fingerprint, on a fast path as on the slow one. */
static void
test_layout_does_not_count (void)
{
  const char *one[] = { "壹、目的\n本次出國考察愛沙尼亞數位政府之推動經驗，並拜會ＡＢＣ協會。", "心得：資料交換平台 X-Road 之架構值得參考。" };
  const char *other[] = { "壹、目的 本次出國考察愛沙尼亞數位\n政府之推動經驗，並拜會abc協會。心得：", "資料交換平台 x-road 之架構值得參考。" };
  g_autofree char *a = tr_text_fingerprint (one, G_N_ELEMENTS (one));
  g_autofree char *b = tr_text_fingerprint (other, G_N_ELEMENTS (other));

  g_assert_nonnull (a);
  g_assert_cmpstr (a, ==, b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fingerprint/every-character", test_every_character);
  g_test_add_func ("/fingerprint/random-text", test_random_text);
  g_test_add_func ("/fingerprint/layout-does-not-count", test_layout_does_not_count);
  return g_test_run ();
}
