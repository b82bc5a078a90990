/* test-snippet.c: the words around a search hit
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-report-info.h"
#include "tr-snippet.h"

/* The snippet with its markers shown as [ and ]. */
static char *
build (const char * const *texts,
       guint               n_texts,
       const char * const *words,
       guint               width)
{
  g_autofree char *snippet = tr_snippet_build (texts, n_texts, words, width);
  GString *shown;

  if (snippet == NULL)
    return NULL;
  g_assert_true (g_utf8_validate (snippet, -1, NULL));
  shown = g_string_new (snippet);
  g_string_replace (shown, TR_SNIPPET_MATCH_START, "[", 0);
  g_string_replace (shown, TR_SNIPPET_MATCH_END, "]", 0);
  return g_string_free (shown, FALSE);
}

static void
test_first_text_wins (void)
{
  const char *texts[] = { "摘要沒有那個詞。", "本次考察重點在於社會住宅政策。", "附錄也有住宅。" };
  const char *words[] = { "住宅", NULL };
  g_autofree char *snippet = build (texts, G_N_ELEMENTS (texts), words, 40);

  g_assert_cmpstr (snippet, ==, "本次考察重點在於社會[住宅]政策。");
}

static void
test_every_word_marked (void)
{
  const char *texts[] = { "住宅政策與住宅補貼，政策研擬中。" };
  const char *words[] = { "政策", "住宅", NULL };
  g_autofree char *snippet = build (texts, 1, words, 40);

  g_assert_cmpstr (snippet, ==, "[住宅][政策]與[住宅]補貼，[政策]研擬中。");
}

static void
test_longest_word_centres (void)
{
  const char *texts[] = { "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥，住宅政策。" };
  const char *words[] = { "甲", "住宅政策", NULL };
  g_autofree char *snippet = build (texts, 1, words, 8);

  /* Two characters before the hit (a quarter of the width), cut after. */
  g_assert_cmpstr (snippet, ==, "…亥，[住宅政策]。");
}

static void
test_cut_marks (void)
{
  const char *texts[] = { "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸" };
  const char *words[] = { "甲", NULL };
  g_autofree char *snippet = build (texts, 1, words, 8);

  g_assert_cmpstr (snippet, ==, "…九十[甲]乙丙丁戊己…");
}

static void
test_case (void)
{
  const char *texts[] = { "參加 APEC 會議，並拜會 Apec 秘書處。" };
  const char *lower[] = { "apec", NULL };
  const char *upper[] = { "APEC", NULL };
  g_autofree char *from_lower = build (texts, 1, lower, 40);
  g_autofree char *from_upper = build (texts, 1, upper, 40);

  g_assert_cmpstr (from_lower, ==, "參加 [APEC] 會議，並拜會 [Apec] 秘書處。");
  g_assert_cmpstr (from_upper, ==, from_lower);

  /* Beyond ASCII too. */
  {
    const char *german[] = { "Bericht ÜBER Straßen" };
    const char *word[] = { "über", NULL };
    g_autofree char *snippet = build (german, 1, word, 40);

    g_assert_cmpstr (snippet, ==, "Bericht [ÜBER] Straßen");
  }
}

static void
test_no_hit (void)
{
  const char *texts[] = { "沒有", NULL, "" };
  const char *words[] = { "住宅", NULL };
  const char *none[] = { NULL };
  const char *empty[] = { "", NULL };

  g_assert_null (tr_snippet_build (texts, G_N_ELEMENTS (texts), words, 40));
  g_assert_null (tr_snippet_build (texts, G_N_ELEMENTS (texts), none, 40));
  g_assert_null (tr_snippet_build (texts, G_N_ELEMENTS (texts), empty, 40));
}

/* A bad byte shows as a replacement character and hides nothing around it;
 * a text cut inside a character, or a bad word, finds nothing. */
static void
test_invalid_utf8 (void)
{
  const char *texts[] = { "前文住宅\xff住宅後文", "\xe4\xbd", "ABC\xe4" };
  const char *words[] = { "住宅", NULL };
  const char *after[] = { "後文", NULL };
  const char *latin[] = { "abc", NULL };
  const char *bad_word[] = { "\xff", NULL };
  g_autofree char *snippet = build (texts, 1, words, 40);
  g_autofree char *after_bad = build (texts, 1, after, 40);
  g_autofree char *before_cut = build (texts + 1, 2, latin, 40);

  g_assert_cmpstr (snippet, ==, "前文[住宅]\uFFFD[住宅]後文");
  g_assert_cmpstr (after_bad, ==, "前文住宅\uFFFD住宅[後文]");
  g_assert_cmpstr (before_cut, ==, "[ABC]\uFFFD");
  g_assert_null (tr_snippet_build (texts + 1, 1, words, 40));
  g_assert_null (tr_snippet_build (texts, G_N_ELEMENTS (texts), bad_word, 40));
}

/* Only the text near the hit is read closely: a hit deep in a long text
 * comes with the same context as a short one. */
static void
test_long_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *words[] = { "住宅", NULL };
  const char *texts[1];
  g_autofree char *snippet = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "甲乙丙丁戊");
  g_string_append (text, "社會住宅政策");
  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "己庚辛壬癸");
  texts[0] = text->str;
  snippet = build (texts, 1, words, 12);
  g_assert_cmpstr (snippet, ==, "…戊社會[住宅]政策己庚辛壬癸…");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/snippet/first-text-wins", test_first_text_wins);
  g_test_add_func ("/snippet/every-word-marked", test_every_word_marked);
  g_test_add_func ("/snippet/longest-word-centres", test_longest_word_centres);
  g_test_add_func ("/snippet/cut-marks", test_cut_marks);
  g_test_add_func ("/snippet/case", test_case);
  g_test_add_func ("/snippet/no-hit", test_no_hit);
  g_test_add_func ("/snippet/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/snippet/long-text", test_long_text);
  return g_test_run ();
}
