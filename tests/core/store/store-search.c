/* store-search.c: full-text search: short and long words, ranking, snippets, the index
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-store.h"

/* ---- search ------------------------------------------------------------- */

static void
test_search_short (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TrReport) thailand = new_report ("赴泰國考察", "在曼谷，參訪。");
  g_autoptr(TrReport) cathay = new_report ("國泰航空", "搭乘班機。");
  g_autoptr(TrReport) apart = new_report ("泰式料理", "外國朋友。");
  g_autoptr(TrReport) none = new_report ("日本", "東京。");
  const char *t = tr_report_get_id (thailand);
  const char *c = tr_report_get_id (cathay);
  const char *a = tr_report_get_id (apart);

  save (fixture->store, thailand);
  save (fixture->store, cathay);
  save (fixture->store, apart);
  save (fixture->store, none);

  /* One character: everywhere it occurs. */
  assert_hits (fixture->store, "泰", t, c, a, NULL);
  assert_hits (fixture->store, "國", t, c, a, NULL);
  assert_hits (fixture->store, "谷", t, NULL);
  /* Two characters: only where they are adjacent, in this order. */
  assert_hits (fixture->store, "泰國", t, NULL);
  assert_hits (fixture->store, "國泰", c, NULL);
  assert_hits (fixture->store, "曼谷", t, NULL);
  assert_hits (fixture->store, "東京", tr_report_get_id (none), NULL);
  assert_hits (fixture->store, "京東", NULL);
  /* Punctuation is text as well. */
  assert_hits (fixture->store, "谷，", t, NULL);
}

static void
test_search_long (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TrReport) a = new_report ("社會住宅政策考察", "推動社會住宅政策的經驗。");
  g_autoptr(TrReport) b = new_report ("住宅與政策", "住宅的政策。");
  g_autoptr(TrReport) c = new_report ("都市更新", "都市更新條例與住宅政策研究報告書。");

  save (fixture->store, a);
  save (fixture->store, b);
  save (fixture->store, c);

  assert_hits (fixture->store, "住宅政策", tr_report_get_id (a), tr_report_get_id (c), NULL);
  assert_hits (fixture->store, "社會住宅政策", tr_report_get_id (a), NULL);
  assert_hits (fixture->store, "研究報告書", tr_report_get_id (c), NULL);
  assert_hits (fixture->store, "住宅與政策", tr_report_get_id (b), NULL);
  assert_hits (fixture->store, "政策住宅", NULL);
  /* Substrings in the middle of a run of text. */
  assert_hits (fixture->store, "宅政策", tr_report_get_id (a), tr_report_get_id (c), NULL);
}

static void
test_search_mixed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TrReport) both = new_report ("APEC會議", "討論社會住宅。");
  g_autoptr(TrReport) apec = new_report ("APEC 經濟", "貿易自由化。");
  g_autoptr(TrReport) housing = new_report ("住宅", "只談住宅。");
  g_autoptr(TrReport) joined = new_report ("APEC住宅論壇", NULL);

  save (fixture->store, both);
  save (fixture->store, apec);
  save (fixture->store, housing);
  save (fixture->store, joined);

  assert_hits (fixture->store, "APEC 住宅", tr_report_get_id (both), tr_report_get_id (joined), NULL);
  assert_hits (fixture->store, "APEC住宅", tr_report_get_id (joined), NULL);
  assert_hits (fixture->store, "  APEC   住宅  ", tr_report_get_id (both), tr_report_get_id (joined), NULL);
  /* The ideographic space of Chinese input methods separates words too. */
  assert_hits (fixture->store, "APEC\u3000住宅", tr_report_get_id (both), tr_report_get_id (joined), NULL);
  assert_hits (fixture->store, "會議 APEC", tr_report_get_id (both), NULL);
}

static void
test_search_case (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TrReport) upper = new_report ("APEC Summit", "Meeting in BANGKOK.");
  g_autoptr(TrReport) lower = new_report ("about apec", "notes");
  g_autoptr(TrReport) other = new_report ("OECD", "Paris");
  const char *u = tr_report_get_id (upper);
  const char *l = tr_report_get_id (lower);

  save (fixture->store, upper);
  save (fixture->store, lower);
  save (fixture->store, other);

  assert_hits (fixture->store, "apec", u, l, NULL);
  assert_hits (fixture->store, "APEC", u, l, NULL);
  assert_hits (fixture->store, "Apec", u, l, NULL);
  assert_hits (fixture->store, "pec", u, l, NULL);      /* substring, 3 characters */
  assert_hits (fixture->store, "ap", u, l, NULL);       /* substring, 2 characters */
  assert_hits (fixture->store, "bangkok", u, NULL);
  assert_hits (fixture->store, "ngko", u, NULL);
  assert_hits (fixture->store, "summit meeting", u, NULL);
}

static void
test_search_all_words (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TrReport) both = new_report ("日本參訪", "參觀社會住宅。");
  g_autoptr(TrReport) japan = new_report ("日本參訪", "參觀博物館。");
  g_autoptr(TrReport) housing = new_report ("韓國參訪", "參觀社會住宅。");

  save (fixture->store, both);
  save (fixture->store, japan);
  save (fixture->store, housing);

  assert_hits (fixture->store, "日本 住宅", tr_report_get_id (both), NULL);
  assert_hits (fixture->store, "住宅 日本", tr_report_get_id (both), NULL);
  assert_hits (fixture->store, "日本參訪 社會住宅", tr_report_get_id (both), NULL);
  assert_hits (fixture->store, "日 宅", tr_report_get_id (both), NULL);
  assert_hits (fixture->store, "日本 住宅 美國", NULL);
  assert_hits (fixture->store, "參訪", tr_report_get_id (both), tr_report_get_id (japan),
               tr_report_get_id (housing), NULL);
}

static void
test_search_no_hit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(TrReport) report = new_report ("考察", "內容");

  /* In an empty library, then in one without a match. */
  hits = search (fixture->store, "住宅", 0);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  save (fixture->store, report);
  hits = search (fixture->store, "不存在的詞", 0);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "住", 10);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_search_many (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(TrReport) unrelated = new_report ("無關", "完全無關的內容");

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *title = g_strdup_printf ("第%u份報告", i);
      g_autoptr(TrReport) report = new_report (title, "本報告討論共同詞彙的使用。");

      save (fixture->store, report);
    }
  save (fixture->store, unrelated);

  hits = search (fixture->store, "共同詞彙", 10);
  g_assert_cmpuint (hits->len, ==, 10);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "共同", 10);
  g_assert_cmpuint (hits->len, ==, 10);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "共同詞彙", 1);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->store, "共同詞彙", 0);
  g_assert_cmpuint (hits->len, ==, 50);
  for (guint i = 0; i < hits->len; i++)
    g_hash_table_add (seen, (gpointer) tr_report_info_get_id (hits->pdata[i]));
  g_assert_cmpuint (g_hash_table_size (seen), ==, 50);
  g_assert_false (g_hash_table_contains (seen, tr_report_get_id (unrelated)));
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->store, "共", 0);
  g_assert_cmpuint (hits->len, ==, 50);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "報告 共同詞彙", 100);
  g_assert_cmpuint (hits->len, ==, 50);
}

static void
check_ranking (Fixture    *fixture,
               const char *word)
{
  g_autoptr(GString) often = g_string_new (NULL);
  g_autoptr(GString) once = g_string_new (NULL);
  g_autoptr(TrReport) a = NULL;
  g_autoptr(TrReport) b = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  /* Texts of the same length; the one with more mentions is saved first,
   * so that an order by date would put it last. */
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (often, "今日%s來襲。", word);
  g_string_append_printf (once, "今日%s來襲。", word);
  while (g_utf8_strlen (once->str, -1) < g_utf8_strlen (often->str, -1))
    g_string_append (once, "晴");

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TrReport) unrelated = new_report ("天氣紀錄", "晴時多雲。");
      save (fixture->store, unrelated);
    }

  a = new_report ("天氣紀錄甲", often->str);
  b = new_report ("天氣紀錄乙", once->str);
  save (fixture->store, a);
  g_usleep (1000);
  save (fixture->store, b);

  hits = search (fixture->store, word, 0);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (tr_report_info_get_id (hits->pdata[0]), ==, tr_report_get_id (a));
  g_assert_cmpstr (tr_report_info_get_id (hits->pdata[1]), ==, tr_report_get_id (b));
}

static void
test_search_ranking (Fixture       *fixture,
                     gconstpointer  data)
{
  check_ranking (fixture, "颱風");
}

static void
test_search_ranking_long (Fixture       *fixture,
                          gconstpointer  data)
{
  check_ranking (fixture, "颱風豪雨");
}

static void
test_search_ranking_title (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TrReport) in_title = new_report ("地震防災考察", "參訪多處設施並交換意見。");
  g_autoptr(TrReport) in_body = new_report ("日本考察報告", "參訪多處地震設施並交換。");
  g_autoptr(GPtrArray) hits = NULL;

  save (fixture->store, in_title);
  save (fixture->store, in_body);
  hits = search (fixture->store, "地震", 0);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (tr_report_info_get_id (hits->pdata[0]), ==, tr_report_get_id (in_title));
}

static void
test_search_snippet (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TrReport) report = new_report ("考察報告",
                                           "本次考察重點在於推動社會住宅政策，並參加 APEC 會議。");
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *formatted = NULL;
  const char *snippet;

  save (fixture->store, report);

  hits = search (fixture->store, "住宅", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  snippet = tr_report_info_get_snippet (hits->pdata[0]);
  g_assert_nonnull (strstr (snippet, TR_SNIPPET_MATCH_START "住宅" TR_SNIPPET_MATCH_END));
  formatted = format_snippet (hits, 0);
  g_assert_nonnull (strstr (formatted, "社會[住宅]政策"));
  g_assert_null (strchr (formatted, TR_SNIPPET_MATCH_START[0]));
  g_assert_null (strchr (formatted, TR_SNIPPET_MATCH_END[0]));
  g_clear_pointer (&formatted, g_free);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->store, "住", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  formatted = format_snippet (hits, 0);
  g_assert_nonnull (strstr (formatted, "社會[住]宅"));
  g_clear_pointer (&formatted, g_free);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->store, "住宅政策", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  formatted = format_snippet (hits, 0);
  g_assert_nonnull (strstr (formatted, "社會[住宅政策]，"));
  g_clear_pointer (&formatted, g_free);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The text keeps its own case; the match is marked where it is. */
  hits = search (fixture->store, "apec", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  formatted = format_snippet (hits, 0);
  g_assert_nonnull (strstr (formatted, "參加 [APEC] 會議"));
  g_clear_pointer (&formatted, g_free);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Markers may be dropped altogether. */
  hits = search (fixture->store, "會議", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  formatted = tr_report_info_format_snippet (hits->pdata[0], "", "");
  g_assert_nonnull (strstr (formatted, "APEC 會議"));
  g_assert_cmpstr (tr_report_info_get_title (hits->pdata[0]), ==, "考察報告");
  g_assert_cmpstr (tr_report_info_get_id (hits->pdata[0]), ==, tr_report_get_id (report));
}

/* More matches than are worth ranking: the newest come first, and a query
 * mixing short and long words finds exactly the reports that hold both. */
static void
test_search_common_words (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hits = NULL;
  const guint n_reports = 620;

  for (guint i = 0; i < n_reports; i++)
    {
      g_autofree char *title = g_strdup_printf ("第%u份報告", i);
      g_autoptr(TrReport) report =
        new_report (title, i % 6 != 0 ? "本報告討論共同詞彙與防災體系。" : "本報告討論共同詞彙。");

      save (fixture->store, report);
      g_ptr_array_add (ids, g_strdup (tr_report_get_id (report)));
    }

  hits = search (fixture->store, "共", 20);
  g_assert_cmpuint (hits->len, ==, 20);
  for (guint i = 0; i < hits->len; i++)
    {
      g_autofree char *formatted = format_snippet (hits, i);

      g_assert_cmpstr (tr_report_info_get_id (hits->pdata[i]), ==, ids->pdata[n_reports - 1 - i]);
      g_assert_nonnull (strstr (formatted, "[共]同"));
    }
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->store, "詞彙", 20);
  g_assert_cmpuint (hits->len, ==, 20);
  g_assert_cmpstr (tr_report_info_get_id (hits->pdata[0]), ==, ids->pdata[n_reports - 1]);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Short and long: five reports in six, the newest of them first. */
  hits = search (fixture->store, "詞彙 防災體系", 20);
  g_assert_cmpuint (hits->len, ==, 20);
  for (guint i = 0, expected = n_reports - 1; i < hits->len; i++)
    {
      while (expected % 6 == 0)
        expected--;
      g_assert_cmpstr (tr_report_info_get_id (hits->pdata[i]), ==, ids->pdata[expected]);
      expected--;
    }
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Asking for them all still finds them all. */
  hits = search (fixture->store, "詞彙 防災體系", 0);
  g_assert_cmpuint (hits->len, ==, n_reports - (n_reports + 5) / 6);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "共同", 600);
  g_assert_cmpuint (hits->len, ==, 600);
}

static int
pending_count (const char *path)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM index_pending", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* A new report is saved before it is indexed; whatever happens to it in
 * between, a search finds it as it is, and the indexes end up exact. */
static void
test_search_index_after_save (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TrReport) first = new_report ("先存後索引", "甲乙丙丁戊己庚辛");
  g_autoptr(TrReport) changed = new_report ("存後再改", "舊的文字壬癸");
  g_autoptr(TrReport) gone = new_report ("存後刪除", "即將刪除子丑寅卯");
  g_autoptr(GError) error = NULL;

  save (fixture->store, first);
  g_assert_cmpint (pending_count (fixture->path), ==, 1);
  assert_hits (fixture->store, "丙丁戊", tr_report_get_id (first), NULL);
  assert_hits (fixture->store, "丙", tr_report_get_id (first), NULL);
  g_assert_cmpint (pending_count (fixture->path), ==, 0);

  /* Changed while waiting: the index gets the text as it is. */
  save (fixture->store, changed);
  tr_report_set_section (changed, TR_SECTION_PROCESS, "新的文字辰巳午未");
  save (fixture->store, changed);
  g_assert_cmpint (pending_count (fixture->path), ==, 1);
  assert_hits (fixture->store, "辰巳午", tr_report_get_id (changed), NULL);
  assert_hits (fixture->store, "壬癸", NULL);

  /* Deleted while waiting: nothing to take out of the index. */
  save (fixture->store, gone);
  g_assert_true (tr_report_store_delete (fixture->store, tr_report_get_id (gone), &error));
  g_assert_no_error (error);
  g_assert_cmpint (pending_count (fixture->path), ==, 0);
  assert_hits (fixture->store, "子丑寅", NULL);

  /* Indexed reports are replaced in the save's own transaction. */
  tr_report_set_section (first, TR_SECTION_PROCESS, "申酉戌亥");
  save (fixture->store, first);
  g_assert_cmpint (pending_count (fixture->path), ==, 0);
  assert_index_matches_reports (fixture->path);

  /* update_index() on its own, and a reopened library, leave nothing behind. */
  {
    g_autoptr(TrReport) late = new_report ("最後一份", "乾坤");

    save (fixture->store, late);
    g_assert_true (tr_report_store_update_index (fixture->store, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pending_count (fixture->path), ==, 0);
    assert_index_matches_reports (fixture->path);
  }
  {
    g_autoptr(TrReport) before_close = new_report ("關閉前", "震巽");

    save (fixture->store, before_close);
    g_assert_cmpint (pending_count (fixture->path), ==, 1);
    reopen (fixture);
    g_assert_cmpint (pending_count (fixture->path), ==, 0);
    assert_index_matches_reports (fixture->path);
    assert_hits (fixture->store, "震巽", tr_report_get_id (before_close), NULL);
  }
}

static void
test_search_after_delete (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrReport) gone = new_report ("即將刪除的報告", "獨特詞彙甲乙丙");
  g_autoptr(TrReport) keep = new_report ("保留的報告", "獨特詞彙丁戊己");
  g_autoptr(GError) error = NULL;

  save (fixture->store, gone);
  save (fixture->store, keep);
  assert_hits (fixture->store, "獨特詞彙", tr_report_get_id (gone), tr_report_get_id (keep), NULL);

  g_assert_true (tr_report_store_delete (fixture->store, tr_report_get_id (gone), &error));
  g_assert_no_error (error);
  assert_hits (fixture->store, "獨特詞彙", tr_report_get_id (keep), NULL);
  assert_hits (fixture->store, "甲乙丙", NULL);
  assert_hits (fixture->store, "甲乙", NULL);
  assert_hits (fixture->store, "甲", NULL);
  assert_hits (fixture->store, "即將刪除", NULL);
  assert_hits (fixture->store, "報告", tr_report_get_id (keep), NULL);

  reopen (fixture);
  assert_hits (fixture->store, "甲", NULL);
  assert_hits (fixture->store, "丁", tr_report_get_id (keep), NULL);
}

static void
test_search_after_update (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrReport) report = new_report ("舊標題", "舊文字甲");
  g_autoptr(TrReport) other = new_report ("其他", "無關");
  const char *id = tr_report_get_id (report);

  add_traveller (report, "舊人員", "科長");
  save (fixture->store, report);
  save (fixture->store, other);
  assert_hits (fixture->store, "舊文字", id, NULL);

  tr_report_set_text (report, TR_FIELD_TITLE, "新標題");
  tr_report_set_section (report, TR_SECTION_PROCESS, "新內容乙");
  g_list_store_remove_all (tr_report_get_travellers (report));
  add_traveller (report, "新人員", "科長");
  save (fixture->store, report);

  for (guint round = 0; round < 2; round++)
    {
      static const char * const old_words[] = { "舊", "舊文", "舊文字", "舊文字甲", "舊標題", "舊人員", NULL };
      static const char * const new_words[] = { "新", "新內", "新內容", "新內容乙", "新標題", "新人員", NULL };

      for (guint i = 0; old_words[i] != NULL; i++)
        assert_hits (fixture->store, old_words[i], NULL);
      for (guint i = 0; new_words[i] != NULL; i++)
        assert_hits (fixture->store, new_words[i], id, NULL);

      /* Saving unchanged text again must not duplicate or drop entries. */
      save (fixture->store, report);
      save (fixture->store, report);
    }
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 2);
}

/* Unique tokens per place: no token is part of another. */
static const char *token_chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥鼠牛虎兔龍蛇馬羊猴雞狗豬";

static char *
token_char (guint index)
{
  const char *p = g_utf8_offset_to_pointer (token_chars, index);
  return g_strndup (p, g_utf8_next_char (p) - p);
}

typedef struct {
  char *cjk3;   /* 鑫 + two unique characters */
  char *cjk2;   /* the two unique characters */
  char *latin;  /* "Zq07x" */
} Tokens;

static void
make_tokens (guint   index,
             Tokens *tokens)
{
  g_autofree char *a = token_char (index);
  g_autofree char *b = token_char (33 - index);

  tokens->cjk2 = g_strconcat (a, b, NULL);
  tokens->cjk3 = g_strconcat ("鑫", a, b, NULL);
  tokens->latin = g_strdup_printf ("Zq%02ux", index);
}

static void
clear_tokens (Tokens *tokens)
{
  g_free (tokens->cjk2);
  g_free (tokens->cjk3);
  g_free (tokens->latin);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tokens, clear_tokens)

static void
check_found_by_tokens (TrReportStore *store,
                       const char    *what,
                       const char    *id,
                       Tokens        *tokens)
{
  const char *queries[] = { tokens->cjk3, tokens->cjk2, tokens->latin, NULL };
  g_autofree char *lower = g_ascii_strdown (tokens->latin, -1);

  for (guint q = 0; queries[q] != NULL; q++)
    {
      g_autoptr(GPtrArray) hits = search (store, queries[q], 0);

      if (hits->len != 1 || !hits_contain (hits, id))
        g_error ("text in %s: search “%s” gives %u hits, not the report", what, queries[q], hits->len);
    }
  assert_hits (store, lower, id, NULL);
}

static void
test_search_every_field (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  guint index = 0;

  /* One report per place that holds text, and nothing else in it. */
  for (guint f = 0; f < TR_N_FIELDS; f++, index++)
    {
      g_auto(Tokens) tokens = { 0 };
      g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
      g_autofree char *text = NULL;

      if (tr_field_is_date (f))
        continue;
      make_tokens (index, &tokens);
      text = g_strdup_printf ("前文%s後文 %s 以及 %s。", tokens.cjk3, tokens.latin, tokens.cjk2);
      tr_report_set_text (report, f, text);
      save (fixture->store, report);
      g_ptr_array_add (reports, g_object_ref (report));
    }
  for (guint t = 0; t < TR_TRAVELLER_N_FIELDS; t++, index++)
    {
      g_auto(Tokens) tokens = { 0 };
      g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
      g_autoptr(TrTraveller) traveller = tr_traveller_new ();
      g_autofree char *text = NULL;

      if (t == TR_TRAVELLER_PHONE)
        continue;
      make_tokens (index, &tokens);
      text = g_strdup_printf ("%s %s %s", tokens.cjk3, tokens.latin, tokens.cjk2);
      tr_traveller_set (traveller, t, text);
      /* A second traveller, so that text of several rows is indexed. */
      g_list_store_append (tr_report_get_travellers (report), tr_traveller_new ());
      g_list_store_append (tr_report_get_travellers (report), traveller);
      save (fixture->store, report);
      g_ptr_array_add (reports, g_object_ref (report));
    }
  {
    g_auto(Tokens) tokens = { 0 };
    g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);

    make_tokens (index++, &tokens);
    tr_report_set_keywords (report, (const char * const[]) { "其他", tokens.cjk3, tokens.latin, tokens.cjk2, NULL });
    save (fixture->store, report);
    g_ptr_array_add (reports, g_object_ref (report));
  }

  for (int pass = 0; pass < 2; pass++)
    {
      index = 0;
      for (guint f = 0, r = 0; f < TR_N_FIELDS; f++, index++)
        {
          g_auto(Tokens) tokens = { 0 };

          if (tr_field_is_date (f))
            continue;
          make_tokens (index, &tokens);
          check_found_by_tokens (fixture->store, tr_field_get_key (f),
                                 tr_report_get_id (reports->pdata[r++]), &tokens);
        }
      for (guint t = 0, r = TR_N_FIELDS - 3; t < TR_TRAVELLER_N_FIELDS; t++, index++)
        {
          g_auto(Tokens) tokens = { 0 };
          g_autofree char *what = g_strdup_printf ("travellers.%s", tr_traveller_field_get_key (t));

          if (t == TR_TRAVELLER_PHONE)
            continue;
          make_tokens (index, &tokens);
          check_found_by_tokens (fixture->store, what, tr_report_get_id (reports->pdata[r++]), &tokens);
        }
      {
        g_auto(Tokens) tokens = { 0 };

        make_tokens (index, &tokens);
        check_found_by_tokens (fixture->store, "keywords",
                               tr_report_get_id (reports->pdata[reports->len - 1]), &tokens);
      }
      /* Still so after a reopen. */
      reopen (fixture);
    }
}

static void
test_search_syntax (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const queries[] = {
    "\"", "\"\"", "\"\"\"", "*", "**", "AND", "OR", "NOT", "NEAR", "NEAR(a b)", "(", ")", "()",
    "-", "^", ":", "+", "{", "}", "'", ";", "--", "a:b", "title:考察", "考察*", "*考察",
    "\"考察", "考察\"", "AND OR NOT", "a AND", "OR b", "NOT 考察", "考察 NOT", "^考察",
    "'; DROP TABLE reports; --", "%", "_", "\\", "\\\"", "[", "]", "\x01", "😀",
    " ", "   ", "\t", "\n", " \t \n ", "", "\u3000",
    NULL
  };
  g_autoptr(TrReport) rd = new_report ("RESEARCH AND DEVELOPMENT", "研發與創新。");
  g_autoptr(TrReport) symbols = new_report ("符號", "他說：\"引號\" 與 C*程式 (括號) a-b x:y ^z NEAR 參訪");
  const char *s = tr_report_get_id (symbols);

  save (fixture->store, rd);
  save (fixture->store, symbols);

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) hits = search (fixture->store, queries[i], 0);
      g_assert_cmpuint (hits->len, <=, 2);
    }

  /* They are text, and found as text. */
  assert_hits (fixture->store, "AND", tr_report_get_id (rd), NULL);
  assert_hits (fixture->store, "and development", tr_report_get_id (rd), NULL);
  assert_hits (fixture->store, "NEAR", s, NULL);
  assert_hits (fixture->store, "\"引號\"", s, NULL);
  assert_hits (fixture->store, "C*", s, NULL);
  assert_hits (fixture->store, "C*程式", s, NULL);
  assert_hits (fixture->store, "(括號)", s, NULL);
  assert_hits (fixture->store, "a-b", s, NULL);
  assert_hits (fixture->store, "x:y", s, NULL);
  assert_hits (fixture->store, "^z", s, NULL);
  assert_hits (fixture->store, "參訪", s, NULL);
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 2);

  {
    g_autoptr(GPtrArray) hits = search (fixture->store, "", 0);
    g_assert_cmpuint (hits->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) hits = search (fixture->store, "   ", 0);
    g_assert_cmpuint (hits->len, ==, 0);
  }
}

/* Words whose UTF-8 holds bytes 0x80 or 0xE3, which also occur in the
 * ideographic space (E3 80 80): a byte-wise split would cut them apart. */
static void
test_search_multibyte_words (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TrReport) unified = new_report ("統一發票", "第一次會議在一樓舉行。");
  g_autoptr(TrReport) visit = new_report ("赴日本考察", "區域經濟整合。");
  g_autoptr(TrReport) bopomofo = new_report ("注音符號", "ㄅㄆㄇㄈ教學；日文かな。");
  g_autoptr(TrReport) other = new_report ("其他", "二樓。");

  save (fixture->store, unified);
  save (fixture->store, visit);
  save (fixture->store, bopomofo);
  save (fixture->store, other);

  assert_hits (fixture->store, "一", tr_report_get_id (unified), NULL);
  assert_hits (fixture->store, "統一", tr_report_get_id (unified), NULL);
  assert_hits (fixture->store, "第一次", tr_report_get_id (unified), NULL);
  assert_hits (fixture->store, "一樓", tr_report_get_id (unified), NULL);
  /* 考 is E8 80 83: 考察, the commonest trip category, is such a word. */
  assert_hits (fixture->store, "考察", tr_report_get_id (visit), NULL);
  assert_hits (fixture->store, "考", tr_report_get_id (visit), NULL);
  assert_hits (fixture->store, "日本考察", tr_report_get_id (visit), NULL);
  assert_hits (fixture->store, "區域經濟", tr_report_get_id (visit), NULL);
  assert_hits (fixture->store, "ㄅ", tr_report_get_id (bopomofo), NULL);
  assert_hits (fixture->store, "ㄅㄆㄇ", tr_report_get_id (bopomofo), NULL);
  assert_hits (fixture->store, "かな", tr_report_get_id (bopomofo), NULL);
  assert_hits (fixture->store, "樓", tr_report_get_id (unified), tr_report_get_id (other), NULL);
}

static void
test_search_invalid_utf8 (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  hits = tr_report_store_search (fixture->store, "abc\xff", 0, &error);
  g_assert_null (hits);
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
}

void
add_search_tests (void)
{
  ADD ("/store/search/short", test_search_short);
  ADD ("/store/search/long", test_search_long);
  ADD ("/store/search/mixed", test_search_mixed);
  ADD ("/store/search/case", test_search_case);
  ADD ("/store/search/all-words", test_search_all_words);
  ADD ("/store/search/no-hit", test_search_no_hit);
  ADD ("/store/search/many", test_search_many);
  ADD ("/store/search/common-words", test_search_common_words);
  ADD ("/store/search/index-after-save", test_search_index_after_save);
  ADD ("/store/search/ranking", test_search_ranking);
  ADD ("/store/search/ranking-long", test_search_ranking_long);
  ADD ("/store/search/ranking-title", test_search_ranking_title);
  ADD ("/store/search/snippet", test_search_snippet);
  ADD ("/store/search/after-delete", test_search_after_delete);
  ADD ("/store/search/after-update", test_search_after_update);
  ADD ("/store/search/every-field", test_search_every_field);
  ADD ("/store/search/syntax", test_search_syntax);
  ADD ("/store/search/multibyte-words", test_search_multibyte_words);
  ADD ("/store/search/invalid-utf8", test_search_invalid_utf8);
}
