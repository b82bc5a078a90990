/* test-text-fingerprint.c: the fingerprint of a text is what NFKC and case
 * folding of the whole of it give, however much of it is folded alone
 *
 * tr_text_fingerprint() folds most characters one by one and only the rest
 * through GLib's Unicode tables; fingerprints are stored in libraries, so
 * they must stay what folding each whole text gives: the reference below,
 * the way they were first made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-text.h"

static char *
reference_fingerprint (const char * const *texts,
                       gsize               n_texts)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) kept = g_string_new (NULL);
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
      if (normalized == NULL)
        continue;

      g_string_truncate (kept, 0);
      for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT || c == 0xFFFC || c == 0xFFFD)
            continue;
          g_string_append_unichar (kept, c);
          n_chars++;
        }
      g_checksum_update (checksum, (const guchar *) kept->str, kept->len);
    }
  if (n_chars < TR_TEXT_FINGERPRINT_MIN_CHARS)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

static void
assert_same (const char * const *texts,
             gsize               n_texts)
{
  g_autofree char *expected = reference_fingerprint (texts, n_texts);
  g_autofree char *fingerprint = tr_text_fingerprint (texts, n_texts);

  if (g_strcmp0 (fingerprint, expected) != 0)
    {
      for (gsize i = 0; i < n_texts; i++)
        g_test_message ("text %" G_GSIZE_FORMAT ": %s", i, texts[i] != NULL ? texts[i] : "(null)");
    }
  g_assert_cmpstr (fingerprint, ==, expected);
}

/* Enough of one character to make a fingerprint of it. */
#define PAD "中華民國交通部觀光署出國報告書第一章目的與過程心得建議事項附錄照片與說明文件之整理彙編"

/* Every character folded alone, before, after and between characters
 * that fold with their neighbours: combining marks, which compose or
 * reorder; Hangul jamo and kana voicing marks, which compose; letters that
 * fold to several. */
static void
test_alone_in_context (void)
{
  static const gunichar neighbours[] = {
    0x0301, 0x0323, 0x0308, 0x3099, 0x309A, 0x1161, 0x11A8, 0x00DF, 0x0130, 0xFB01,
    0x2162, 0x00AD, 0x200B, 0xFEFF, 0xF900, 0x304B, 0x1100, 0x00C5, 0x212B, 0x03A3,
    0xFFFD, 0x2028, 0x00A0, 'A', 0x4E2D, 0xFF21, 0x3000,
  };
  static const struct { gunichar first, last; } ranges[] = {
    { 0x01, 0x7F }, { 0x3000, 0x3011 }, { 0xFF01, 0xFF5E }, { 0x4E00, 0x4E40 }, { 0x9FC0, 0x9FFF },
  };

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (gunichar c = ranges[r].first; c <= ranges[r].last; c++)
      for (guint n = 0; n < G_N_ELEMENTS (neighbours); n++)
        {
          char a[8] = { 0 }, b[8] = { 0 };
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;
          g_autofree char *between = NULL;

          g_unichar_to_utf8 (c, a);
          g_unichar_to_utf8 (neighbours[n], b);
          before = g_strconcat (PAD, b, a, NULL);
          after = g_strconcat (PAD, a, b, NULL);
          between = g_strconcat (PAD, a, b, a, b, b, a, a, NULL);
          assert_same ((const char *[]) { before }, 1);
          assert_same ((const char *[]) { after }, 1);
          assert_same ((const char *[]) { between }, 1);
        }
}

/* Texts drawn from all of those, as several fields, some empty. */
static void
test_random_texts (void)
{
  static const char * const pieces[] = {
    "目的", "過程", "，", "。", "、", "：", "（", "）", "「", "」", "《", "》", "　", " ", "\t", "\n",
    "Ｅ", "ｅ", "Ａ", "１", "e", "E", "\xcc\x81", "\xcc\xa3", "\xcc\x88", "か", "\xe3\x82\x99", "ハ",
    "\xe3\x82\x9a", "\xe1\x84\x80", "\xe1\x85\xa1", "\xe1\x86\xa8", "ß", "İ", "ﬁ", "Ⅻ", "\xc2\xad",
    "\xe2\x80\x8b", "豈", "Å", "Å", "Σ", "ς", "\xef\xbf\xbd", "\xff", "\x01", "①", "㍿", "ｶ", "ﾞ",
    "2026", "Taipei", "ＯＥＣＤ", "日本東京", "第一章", "壹、", "一、",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);

  for (guint round = 0; round < 3000; round++)
    {
      GString *texts[4];
      const char *strings[4];

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          guint length = g_rand_int_range (rand, 0, 4) == 0 ? 0 : (guint) g_rand_int_range (rand, 1, 60);

          texts[t] = g_string_new (NULL);
          for (guint i = 0; i < length; i++)
            g_string_append (texts[t], pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          strings[t] = texts[t]->str;
        }
      assert_same (strings, G_N_ELEMENTS (strings));
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        g_string_free (texts[t], TRUE);
    }
}

/* A report's worth of the usual text, and NULL and empty fields. */
static void
test_report_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "第%u天，拜會ＯＥＣＤ秘書處（Paris），討論「數位轉型」議題；計 %u 人出席。\n", i, i % 7);
  assert_same ((const char *[]) { NULL, "", text->str, "  ", NULL }, 5);
  assert_same ((const char *[]) { "太短", NULL }, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/fingerprint/alone-in-context", test_alone_in_context);
  g_test_add_func ("/text/fingerprint/random", test_random_texts);
  g_test_add_func ("/text/fingerprint/report", test_report_text);
  return g_test_run ();
}
