/* bench-search.c: how fast the library search is, next to grep
 *
 * Builds a library of synthetic reports (and the same text as one file per
 * report), then times tr_report_store_search() and `grep -rlF` on the same
 * queries in the same run, and checks that both find the same reports.
 * Then the whole command, `trip-reports search`, a new process each time
 * as a script would run it, against grep started the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tr-report-store.h"
#include "tr-bench-spawn.h"
#include "tr-bench-text.h"
#include "tr-bench-stats.h"

#define DEFAULT_SEED 20261121
#define SEARCH_LIMIT 20
/* Reports generated (apart from the library) to see which words are
 * common and which are rare, so the queries cover both. */
#define N_SAMPLE_REPORTS 200

typedef enum {
  QUERY_LONG,
  QUERY_TWO_CHARS,
  QUERY_ONE_CHAR,
  QUERY_TWO_WORDS,
  N_QUERY_CLASSES
} QueryClass;

static const char * const class_names[N_QUERY_CLASSES] = {
  [QUERY_LONG]      = "3+ characters",
  [QUERY_TWO_CHARS] = "2 characters",
  [QUERY_ONE_CHAR]  = "1 character",
  [QUERY_TWO_WORDS] = "two words",
};

typedef struct {
  QueryClass klass;
  char *text;       /* what the store is asked */
  char *grep_word;  /* what grep is asked: the first word */
  guint sample_df;  /* reports of the sample that contain it */
  double ours_ms;
  double ours_cpu_ms;      /* the processor time of that search */
  double grep_ms;
  double command_ms;       /* the whole `trip-reports search` */
  double command_grep_ms;  /* grep, started the same way */
  int hits;         /* with no limit */
  int grep_files;   /* files holding every word */
} Query;

static void
query_free (Query *query)
{
  g_free (query->text);
  g_free (query->grep_word);
  g_free (query);
}

static char *opt_reports = NULL;
static int opt_chars = 6000;
static int opt_queries = 100;
static char *opt_dir = NULL;
static gint64 opt_seed = DEFAULT_SEED;
static gboolean opt_reuse = FALSE;
static gboolean opt_keep = FALSE;
static gboolean opt_verbose = FALSE;
static gboolean opt_no_command = FALSE;
static char *opt_binary = NULL;

static const GOptionEntry entries[] = {
  { "reports", 0, 0, G_OPTION_ARG_STRING, &opt_reports, "Reports in the library (default 10000); sizes apart by commas (1000,10000,100000) grow one library, measured at each", "N[,N…]" },
  { "chars", 0, 0, G_OPTION_ARG_INT, &opt_chars, "Characters per report (default 6000)", "N" },
  { "queries", 0, 0, G_OPTION_ARG_INT, &opt_queries, "Queries to time (default 100)", "N" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Folder for the library and the text files (default: a new temporary folder)", "PATH" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "Seed of the text generator (default 20261121)", "N" },
  { "reuse", 0, 0, G_OPTION_ARG_NONE, &opt_reuse, "Use the library already in --dir instead of building one (grown when smaller than --reports)", NULL },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the temporary folder", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Print every query", NULL },
  { "no-command", 0, 0, G_OPTION_ARG_NONE, &opt_no_command, "Do not time the whole trip-reports search command", NULL },
  { "binary", 0, 0, G_OPTION_ARG_FILENAME, &opt_binary, "trip-reports (default: $TR_BINARY, else the build tree's)", "PATH" },
  { NULL }
};

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* ---- the library ---------------------------------------------------- */

static char *
text_file_path (const char *files_dir,
                guint       i)
{
  g_autofree char *name = g_strdup_printf ("%06u.txt", i);

  return g_build_filename (files_dir, name, NULL);
}

/* This process's processor time so far, in µs: on a shared machine, what
 * the work cost apart from the wait for a processor. */
static gint64
cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

/* Reports saved in one transaction: the way `trip-reports new` saves JSON
 * lines, and an archive is imported. */
#define BUILD_BATCH 1000

/* Grows the library from @from reports to @to, in the generator's order:
 * the first @from reports are made again, not saved, so that a library
 * grown in steps holds what one built at once would. */
static gboolean
build_library (const char   *db_path,
               const char   *files_dir,
               guint         from,
               guint         to,
               GError      **error)
{
  g_autoptr(TrBenchText) gen = tr_bench_text_new ((guint32) opt_seed);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 start = g_get_monotonic_time ();
  gint64 save_us = 0, save_cpu_us = 0, write_us = 0, generate_us = 0;

  if (g_mkdir_with_parents (files_dir, 0755) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot create %s: %s", files_dir, g_strerror (saved_errno));
      return FALSE;
    }

  store = tr_report_store_open (db_path, error);
  if (store == NULL)
    return FALSE;

  for (guint i = 0; i < to; i++)
    {
      g_autoptr(TrReport) report = NULL;
      g_autofree char *text = NULL;
      g_autofree char *path = NULL;
      gint64 t = g_get_monotonic_time ();

      report = tr_bench_text_make_report (gen, opt_chars);
      if (i < from)
        continue;
      text = tr_bench_text_get_report_text (report);
      generate_us += g_get_monotonic_time () - t;

      t = g_get_monotonic_time ();
      path = text_file_path (files_dir, i);
      if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_NONE, 0644, error))
        return FALSE;
      write_us += g_get_monotonic_time () - t;

      /* The reports and their search index entries, a batch a transaction. */
      g_ptr_array_add (batch, g_steal_pointer (&report));
      if (batch->len == BUILD_BATCH || i + 1 == to)
        {
          gint64 cpu = cpu_us ();

          t = g_get_monotonic_time ();
          if (!tr_report_store_save_batch (store, batch, NULL, error))
            return FALSE;
          save_us += g_get_monotonic_time () - t;
          save_cpu_us += cpu_us () - cpu;
          g_ptr_array_set_size (batch, 0);
        }

      if ((i + 1) % 10000 == 0 && i + 1 < to)
        g_printerr ("  built %u of %u reports (%.0f s)\n", i + 1, to, elapsed_ms (start) / 1000.0);
    }

  g_print ("Built reports %u to %u in %.1f s: saving and indexing %.1f s (%.2f ms per report, "
           "%.2f ms of processor time; batches of %d), generating text %.1f s, writing text files %.1f s\n",
           from + 1, to, elapsed_ms (start) / 1000.0, save_us / 1e6, save_us / 1000.0 / (to - from),
           save_cpu_us / 1000.0 / (to - from), BUILD_BATCH, generate_us / 1e6, write_us / 1e6);
  return TRUE;
}

/* Bytes in @path, or in everything under it when it is a folder. */
static goffset
disk_usage (const char *path,
            guint      *n_files)
{
  GStatBuf st;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  goffset total = 0;

  if (g_stat (path, &st) != 0)
    return 0;
  if (!S_ISDIR (st.st_mode))
    {
      if (n_files != NULL)
        (*n_files)++;
      return st.st_size;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      total += disk_usage (child, n_files);
    }
  return total;
}

static goffset
library_size (const char *db_path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  goffset total = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      total += disk_usage (path, NULL);
    }
  return total;
}

/* What the library's pages hold, per kind, in bytes per byte of the
 * text, from SQLite's dbstat table; pages left free (by a migration that
 * dropped an index, in a file made without auto_vacuum) are counted
 * apart, since new reports fill them before the file grows. */
static void
print_space (const char *db_path,
             goffset     text_size)
{
  static const char sql[] =
    "SELECT CASE WHEN name = 'reports' THEN 'reports (the rows)'"
    "            WHEN name LIKE 'report_fts%' THEN 'search index'"
    "            WHEN name = 'reports_listed' THEN 'list index'"
    "            ELSE 'the rest' END AS part, sum (pgsize)"
    " FROM dbstat GROUP BY part ORDER BY 2 DESC";
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 used = 0, free_bytes = 0;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_print ("(no breakdown of the library's size: %s)\n", sqlite3_errmsg (db));
      sqlite3_close (db);
      return;
    }
  g_print ("%-24s %10s %14s\n", "Library, by part", "MB", "bytes / byte");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 bytes = sqlite3_column_int64 (stmt, 1);

      used += bytes;
      g_print ("%-24s %10.1f %14.2f\n", (const char *) sqlite3_column_text (stmt, 0), bytes / 1e6,
               (double) bytes / MAX (text_size, 1));
    }
  sqlite3_finalize (stmt);
  if (sqlite3_prepare_v2 (db, "SELECT (SELECT freelist_count FROM pragma_freelist_count) *"
                              " (SELECT page_size FROM pragma_page_size)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    free_bytes = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_print ("%-24s %10.1f %14.2f\n", "in use", used / 1e6, (double) used / MAX (text_size, 1));
  g_print ("%-24s %10.1f %14.2f\n", "free pages", free_bytes / 1e6, (double) free_bytes / MAX (text_size, 1));
  g_print ("Target at most 2.5 bytes per byte of text, in use: %.2f, %s\n",
           (double) used / MAX (text_size, 1), used <= 2.5 * text_size ? "MET" : "NOT MET");
}

/* GLib has no recursive delete; the folder only holds what we wrote. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else if (g_unlink (child) != 0)
        g_printerr ("Cannot remove %s: %s\n", child, g_strerror (errno));
    }
  if (g_rmdir (path) != 0)
    g_printerr ("Cannot remove %s: %s\n", path, g_strerror (errno));
}

/* ---- the queries ---------------------------------------------------- */

typedef struct {
  const char *word;
  guint df;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->df != cb->df)
    return ca->df > cb->df ? -1 : 1;
  return strcmp (ca->word, cb->word);
}

static guint
document_frequency (GPtrArray  *texts,
                    const char *word)
{
  guint df = 0;

  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), word) != NULL)
      df++;
  return df;
}

static void
add_candidate (GArray     *candidates,
               GPtrArray  *texts,
               const char *word)
{
  Candidate c = { word, document_frequency (texts, word) };

  g_array_append_val (candidates, c);
}

static gboolean
is_cjk (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* @n candidates spread evenly from the most to the least common. */
static void
pick_spread (GArray     *candidates,
             guint       n,
             QueryClass  klass,
             GPtrArray  *queries)
{
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < n && candidates->len > 0; i++)
    {
      guint index = n > 1 ? (guint) ((guint64) i * (candidates->len - 1) / (n - 1)) : candidates->len / 2;
      const Candidate *c = &g_array_index (candidates, Candidate, index);
      Query *query = g_new0 (Query, 1);

      query->klass = klass;
      query->text = g_strdup (c->word);
      query->grep_word = g_strdup (c->word);
      query->sample_df = c->df;
      g_ptr_array_add (queries, query);
    }
}

/* The queries are chosen from the generator's own vocabulary; which of
 * them are common is measured on a sample generated with another seed. */
static GPtrArray *
pick_queries (guint n_queries)
{
  g_autoptr(TrBenchText) gen = tr_bench_text_new ((guint32) opt_seed ^ 0x5bd1e995u);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) longs = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) twos = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) ones = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) chars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) opt_seed);
  GPtrArray *queries = g_ptr_array_new_with_free_func ((GDestroyNotify) query_free);
  const char * const *vocabulary = tr_bench_text_get_vocabulary (gen);
  guint per_class[N_QUERY_CLASSES];

  for (guint i = 0; i < N_SAMPLE_REPORTS; i++)
    {
      g_autoptr(TrReport) report = tr_bench_text_make_report (gen, opt_chars);
      g_ptr_array_add (texts, tr_bench_text_get_report_text (report));
    }

  for (guint i = 0; vocabulary[i] != NULL; i++)
    {
      const char *word = vocabulary[i];
      glong length = g_utf8_strlen (word, -1);

      /* A space would make it two words. */
      if (strchr (word, ' ') != NULL)
        continue;
      if (length >= 3)
        add_candidate (longs, texts, word);
      else if (length == 2)
        add_candidate (twos, texts, word);

      for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
        {
          if (is_cjk (g_utf8_get_char (p)))
            g_hash_table_add (chars, g_strndup (p, g_utf8_next_char (p) - p));
        }
    }
  {
    GHashTableIter iter;
    const char *c;

    g_hash_table_iter_init (&iter, chars);
    while (g_hash_table_iter_next (&iter, (gpointer *) &c, NULL))
      add_candidate (ones, texts, c);
  }

  for (guint k = 0; k < N_QUERY_CLASSES; k++)
    per_class[k] = n_queries / N_QUERY_CLASSES + (k < n_queries % N_QUERY_CLASSES ? 1 : 0);

  pick_spread (longs, per_class[QUERY_LONG], QUERY_LONG, queries);
  pick_spread (twos, per_class[QUERY_TWO_CHARS], QUERY_TWO_CHARS, queries);
  pick_spread (ones, per_class[QUERY_ONE_CHAR], QUERY_ONE_CHAR, queries);

  /* Two words: a first word from anywhere in the frequency range, and a
   * second one that is common enough for the pair to match something,
   * like "泰國 交通". */
  {
    g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (Candidate));
    guint first = queries->len;

    g_array_append_vals (words, longs->data, longs->len);
    g_array_append_vals (words, twos->data, twos->len);
    pick_spread (words, per_class[QUERY_TWO_WORDS], QUERY_TWO_WORDS, queries);

    /* pick_spread() sorted @words, most common first. */
    for (guint i = first; i < queries->len; i++)
      {
        Query *query = g_ptr_array_index (queries, i);
        const char *second;

        do
          second = g_array_index (words, Candidate, g_rand_int_range (rand, 0, words->len / 2)).word;
        while (strstr (second, query->grep_word) != NULL || strstr (query->grep_word, second) != NULL);

        g_free (query->text);
        query->text = g_strconcat (query->grep_word, " ", second, NULL);
        query->sample_df = 0;
        for (guint t = 0; t < texts->len; t++)
          if (strstr (g_ptr_array_index (texts, t), query->grep_word) != NULL &&
              strstr (g_ptr_array_index (texts, t), second) != NULL)
            query->sample_df++;
      }
  }

  return queries;
}

/* ---- running them --------------------------------------------------- */

/* *@cpu_ms (when asked): the processor time the search took, which on a
 * loaded machine may be far below its wall-clock time *@ms. */
static GPtrArray *
run_search (TrReportStore  *store,
            const char     *query,
            guint           limit,
            double         *ms,
            double         *cpu_ms,
            GError        **error)
{
  gint64 start_cpu = cpu_us ();
  gint64 start = g_get_monotonic_time ();
  GPtrArray *hits = tr_report_store_search (store, query, limit, error);

  *ms = elapsed_ms (start);
  if (cpu_ms != NULL)
    *cpu_ms = (cpu_us () - start_cpu) / 1000.0;
  return hits;
}

/* grep in the C locale: its fastest mode, and exact for UTF-8 text since a
 * UTF-8 byte sequence can only match at character boundaries. */
static gboolean
run_grep (const char  *word,
          const char  *files_dir,
          double      *ms,
          GStrv       *out_files,
          GError     **error)
{
  const char *argv[] = { "grep", "-rlF", "--", word, files_dir, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LC_ALL", "C", TRUE);
  g_autofree char *out = NULL;
  g_autoptr(GError) local_error = NULL;
  GSpawnFlags flags = G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL;
  gint64 start;
  int status;

  if (out_files == NULL)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, envp, flags, NULL, NULL,
                     out_files != NULL ? &out : NULL, NULL, &status, error))
    return FALSE;
  if (ms != NULL)
    *ms = elapsed_ms (start);

  /* Exit status 1 means nothing matched; 2 is a real error. */
  if (!g_spawn_check_wait_status (status, &local_error) &&
      !g_error_matches (local_error, G_SPAWN_EXIT_ERROR, 1))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "grep -rlF -- %s: ", word);
      return FALSE;
    }

  if (out_files != NULL)
    {
      g_strchomp (out);
      *out_files = out[0] != '\0' ? g_strsplit (out, "\n", -1) : g_new0 (char *, 1);
    }
  return TRUE;
}

static gboolean
time_queries (TrReportStore  *store,
              GPtrArray      *queries,
              const char     *files_dir,
              gboolean        record,
              GError        **error)
{
  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);
      g_autoptr(GPtrArray) hits = NULL;
      double ours, ours_cpu, theirs;

      hits = run_search (store, query->text, SEARCH_LIMIT, &ours, &ours_cpu, error);
      if (hits == NULL)
        return FALSE;
      if (!run_grep (query->grep_word, files_dir, &theirs, NULL, error))
        return FALSE;
      if (record)
        {
          query->ours_ms = ours;
          query->ours_cpu_ms = ours_cpu;
          query->grep_ms = theirs;
        }
    }
  return TRUE;
}

/* The whole command, as a script runs it: `trip-reports search`, which
 * loads trip-reports-search.so, a new process each time; and grep, in the
 * C locale, started the same way (tr_bench_spawn_ms()). */
static gboolean
time_commands (GPtrArray   *queries,
               const char  *binary,
               const char  *db_path,
               const char  *files_dir,
               gboolean     record,
               GError     **error)
{
  g_auto(GStrv) grep_env = g_environ_setenv (g_get_environ (), "LC_ALL", "C", TRUE);
  g_autofree char *limit = g_strdup_printf ("%d", SEARCH_LIMIT);

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);
      const char * const command_argv[] = { binary, "search", "--db", db_path, "--limit", limit, "--",
                                            query->text, NULL };
      const char * const grep_argv[] = { "grep", "-rlF", "--", query->grep_word, files_dir, NULL };
      double ours, theirs;

      if ((ours = tr_bench_spawn_ms (command_argv, NULL, 0, error)) < 0)
        return FALSE;
      /* 1: nothing matched */
      if ((theirs = tr_bench_spawn_ms (grep_argv, (const char * const *) grep_env, 1, error)) < 0)
        return FALSE;
      if (record)
        {
          query->command_ms = ours;
          query->command_grep_ms = theirs;
        }
    }
  return TRUE;
}

/* How many of @files contain every word of @words but the first, which
 * grep has already checked. */
static int
count_files_with_all (char         **files,
                      char         **words,
                      GError       **error)
{
  int n = 0;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *text = NULL;
      gboolean all = TRUE;

      if (!g_file_get_contents (files[i], &text, NULL, error))
        return -1;
      for (guint w = 1; words[w] != NULL && all; w++)
        all = strstr (text, words[w]) != NULL;
      if (all)
        n++;
    }
  return n;
}

/* Every query must find exactly the reports whose text contains all its
 * words: the files grep -l lists for the first word, less those that lack
 * one of the others. */
static gboolean
check_hits (TrReportStore  *store,
            GPtrArray      *queries,
            const char     *files_dir,
            guint          *n_mismatches,
            GError        **error)
{
  *n_mismatches = 0;

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);
      g_autoptr(GPtrArray) hits = NULL;
      g_auto(GStrv) files = NULL;
      g_auto(GStrv) words = g_strsplit (query->text, " ", -1);
      double ms;

      hits = run_search (store, query->text, 0, &ms, NULL, error);
      if (hits == NULL)
        return FALSE;
      if (!run_grep (query->grep_word, files_dir, NULL, &files, error))
        return FALSE;
      query->hits = hits->len;
      query->grep_files = count_files_with_all (files, words, error);
      if (query->grep_files < 0)
        return FALSE;

      if (query->hits != query->grep_files)
        {
          (*n_mismatches)++;
          g_print ("MISMATCH: \"%s\": the search finds %d reports, grep %d files\n",
                   query->text, query->hits, query->grep_files);
        }
    }
  return TRUE;
}

/* ---- the table ------------------------------------------------------ */

typedef struct {
  guint n;
  double ours_p50, ours_p95;
  double grep_p50, grep_p95;
  double cpu_p50, cpu_p95;  /* our searches' processor time; not for commands */
} Stats;

/* @klass N_QUERY_CLASSES: every query. With @command, the whole
 * command's times and grep's beside them. */
static Stats
compute_stats (GPtrArray  *queries,
               QueryClass  klass,
               gboolean    command)
{
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  Stats stats;

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);
      double ours_ms = command ? query->command_ms : query->ours_ms;
      double grep_ms = command ? query->command_grep_ms : query->grep_ms;

      if (klass != N_QUERY_CLASSES && query->klass != klass)
        continue;
      g_array_append_val (ours, ours_ms);
      g_array_append_val (theirs, grep_ms);
      g_array_append_val (cpu, query->ours_cpu_ms);
    }
  tr_bench_sort (ours);
  tr_bench_sort (theirs);
  tr_bench_sort (cpu);

  stats.n = ours->len;
  stats.ours_p50 = tr_bench_percentile (ours, 50);
  stats.ours_p95 = tr_bench_percentile (ours, 95);
  stats.grep_p50 = tr_bench_percentile (theirs, 50);
  stats.grep_p95 = tr_bench_percentile (theirs, 95);
  stats.cpu_p50 = tr_bench_percentile (cpu, 50);
  stats.cpu_p95 = tr_bench_percentile (cpu, 95);
  return stats;
}

static double
ratio (double theirs,
       double ours)
{
  /* The clock counts microseconds. */
  return theirs / MAX (ours, 0.001);
}

/* With @cpu, our searches' processor time after the ratios. */
static void
print_row (const char *name,
           Stats       s,
           gboolean    cpu)
{
  g_print ("%-16s %4u %9.2f %9.2f %10.2f %10.2f %9.1fx %9.1fx",
           name, s.n, s.ours_p50, s.ours_p95, s.grep_p50, s.grep_p95,
           ratio (s.grep_p50, s.ours_p50), ratio (s.grep_p95, s.ours_p95));
  if (cpu)
    g_print (" %9.2f %9.2f", s.cpu_p50, s.cpu_p95);
  g_print ("\n");
}

static void
print_query (Query *query)
{
  /* The query goes last: printf pads by bytes, not by display width. */
  g_print ("  %-13s  sample %3u/%u  hits %5d grep %5d  ours %8.2f ms (cpu %6.2f)  grep %8.2f ms  %8.1fx  "
           "command %8.2f ms  grep %8.2f ms  %8.1fx  %s\n",
           class_names[query->klass], query->sample_df, N_SAMPLE_REPORTS, query->hits, query->grep_files,
           query->ours_ms, query->ours_cpu_ms, query->grep_ms, ratio (query->grep_ms, query->ours_ms),
           query->command_ms, query->command_grep_ms, ratio (query->command_grep_ms, query->command_ms),
           query->text);
}

/* ---- main ----------------------------------------------------------- */

static gboolean
run (const char  *dir,
     guint        n_wanted,
     GError     **error)
{
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *files_dir = g_build_filename (dir, "files", NULL);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_files = 0, n_reports, n_mismatches;
  goffset text_size;
  Stats all;
  double p95_target = 5.0, ratio_target = 100.0, command_ratio_target = 20.0;
  const char *binary = opt_binary != NULL ? opt_binary
                     : g_getenv ("TR_BINARY") != NULL ? g_getenv ("TR_BINARY") : BUILD_BINARY;

  g_print ("\nbench-search: %u reports of about %d characters, seed %" G_GINT64_FORMAT ", in %s\n",
           n_wanted, opt_chars, opt_seed, dir);
  g_print ("Machine: %u processors\n", g_get_num_processors ());
  {
    g_autofree char *loadavg = NULL;

    if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
      g_print ("Load average: %s", loadavg);
  }

  if (g_file_test (db_path, G_FILE_TEST_EXISTS) && !opt_reuse)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "%s already exists: pass --reuse, or give an empty --dir", db_path);
      return FALSE;
    }
  if (g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      guint n_stored;

      store = tr_report_store_open (db_path, error);
      if (store == NULL)
        return FALSE;
      n_stored = tr_report_store_count (store, &local_error);
      g_clear_object (&store);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* The queries come from the generator: they only fit a library built
       * with the same --seed and --chars. */
      g_print ("Reusing the library in %s (%u reports)\n", dir, n_stored);
      if (n_stored < n_wanted && !build_library (db_path, files_dir, n_stored, n_wanted, error))
        return FALSE;
    }
  else if (!build_library (db_path, files_dir, 0, n_wanted, error))
    return FALSE;

  /* Open again, as the app would after a start. */
  store = tr_report_store_open (db_path, error);
  if (store == NULL)
    return FALSE;
  n_reports = tr_report_store_count (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  text_size = disk_usage (files_dir, &n_files);
  if (n_reports != n_wanted || n_files != n_wanted)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The library holds %u reports and %u text files, not %u",
                   n_reports, n_files, n_wanted);
      return FALSE;
    }
  g_print ("Size on disk: library %.1f MB, the same text as files %.1f MB\n",
           library_size (db_path) / 1e6, text_size / 1e6);
  print_space (db_path, text_size);

  queries = pick_queries (opt_queries);

  /* The first search of a library just opened: SQLite's cache is empty and
   * nothing of the index is mapped yet. The system's page cache cannot be
   * dropped from a container, so the file itself may well be in memory. */
  {
    Query *first = g_ptr_array_index (queries, 0);
    g_autoptr(GPtrArray) hits = NULL;
    double first_ms;

    g_clear_object (&store);
    store = tr_report_store_open (db_path, error);
    if (store == NULL)
      return FALSE;
    hits = run_search (store, first->text, SEARCH_LIMIT, &first_ms, NULL, error);
    if (hits == NULL)
      return FALSE;
    g_print ("First search after opening the library (\"%s\"): %.2f ms; target under 200 ms: %s\n",
             first->text, first_ms, first_ms < 200 ? "MET" : "NOT MET");
  }

  /* A first pass so that the page cache is warm for both sides. */
  if (!time_queries (store, queries, files_dir, FALSE, error))
    return FALSE;
  if (!time_queries (store, queries, files_dir, TRUE, error))
    return FALSE;
  if (!check_hits (store, queries, files_dir, &n_mismatches, error))
    return FALSE;

  /* The command as a script runs it: no other connection to the library. */
  g_clear_object (&store);
  if (!opt_no_command &&
      (!time_commands (queries, binary, db_path, files_dir, FALSE, error) ||
       !time_commands (queries, binary, db_path, files_dir, TRUE, error)))
    return FALSE;

  g_print ("\nOurs: tr_report_store_search (limit %d). grep: LC_ALL=C grep -rlF -- WORD %s\n",
           SEARCH_LIMIT, files_dir);
  g_print ("For two-word queries grep looks for the first word only: one grep pass cannot\n"
           "require both words, so this is the least work grep could do for them.\n");

  if (opt_verbose)
    {
      g_print ("\n");
      for (guint i = 0; i < queries->len; i++)
        print_query (g_ptr_array_index (queries, i));
    }

  /* On a shared machine a search waits for a processor too: what it costs
   * itself is its processor time (cpu), measured in the same runs. */
  g_print ("\n%-16s %4s %9s %9s %10s %10s %10s %10s %9s %9s\n",
           "class", "n", "ours p50", "ours p95", "grep p50", "grep p95", "ratio p50", "ratio p95",
           "cpu p50", "cpu p95");
  g_print ("%-16s %4s %9s %9s %10s %10s %10s %10s %9s %9s\n", "", "", "ms", "ms", "ms", "ms", "grep/ours", "grep/ours",
           "ms", "ms");
  for (QueryClass k = 0; k < N_QUERY_CLASSES; k++)
    {
      Stats stats = compute_stats (queries, k, FALSE);

      /* --queries below 4 leaves some classes empty. */
      if (stats.n > 0)
        print_row (class_names[k], stats, TRUE);
    }
  all = compute_stats (queries, N_QUERY_CLASSES, FALSE);
  print_row ("all", all, TRUE);

  g_print ("\nTarget p95 < %.0f ms: %.2f ms, %s (processor time p95: %.2f ms)\n", p95_target, all.ours_p95,
           all.ours_p95 < p95_target ? "MET" : "NOT MET", all.cpu_p95);
  /* A speed ratio compares typical searches: the medians. The p95 ratio
   * is printed too, as the tail matters to someone typing. */
  g_print ("Target at least %.0fx faster than grep (medians): %.1fx, %s; at p95: %.1fx\n",
           ratio_target, ratio (all.grep_p50, all.ours_p50),
           ratio (all.grep_p50, all.ours_p50) >= ratio_target ? "MET" : "NOT MET",
           ratio (all.grep_p95, all.ours_p95));

  if (!opt_no_command)
    {
      g_print ("\nThe whole command, a new process each time: %s search --db LIBRARY --limit %d -- QUERY\n"
               "(trip-reports loads trip-reports-search.so), against the same grep started the same way.\n",
               binary, SEARCH_LIMIT);
      g_print ("\n%-16s %4s %9s %9s %10s %10s %10s %10s\n",
               "class", "n", "cmd p50", "cmd p95", "grep p50", "grep p95", "ratio p50", "ratio p95");
      g_print ("%-16s %4s %9s %9s %10s %10s %10s %10s\n", "", "", "ms", "ms", "ms", "ms", "grep/cmd", "grep/cmd");
      for (QueryClass k = 0; k < N_QUERY_CLASSES; k++)
        {
          Stats stats = compute_stats (queries, k, TRUE);

          if (stats.n > 0)
            print_row (class_names[k], stats, FALSE);
        }
      all = compute_stats (queries, N_QUERY_CLASSES, TRUE);
      print_row ("all", all, FALSE);
      g_print ("\nTarget: the whole command at least %.0fx faster than grep (medians): %.1fx, %s; at p95: %.1fx\n",
               command_ratio_target, ratio (all.grep_p50, all.ours_p50),
               ratio (all.grep_p50, all.ours_p50) >= command_ratio_target ? "MET" : "NOT MET",
               ratio (all.grep_p95, all.ours_p95));
    }

  if (n_mismatches > 0)
    {
      g_print ("CORRECTNESS MISMATCH: %u of %u queries\n", n_mismatches, queries->len);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The search and grep disagree on %u queries", n_mismatches);
      return FALSE;
    }
  g_print ("CORRECTNESS ok: all %u queries find as many reports as grep (with no limit)\n",
           queries->len);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) size_texts = NULL;
  gboolean is_temporary = FALSE;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  /* What trip-reports starts, when it is the build tree's (tr-cli-commands.h). */
  g_setenv ("TR_LIBEXECDIR", BUILD_LIBEXECDIR, FALSE);
  g_option_context_set_summary (context,
                                "Times the library search, and the whole search command, against grep -rlF over the same text.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  size_texts = g_strsplit (opt_reports != NULL ? opt_reports : "10000", ",", -1);
  for (guint i = 0; size_texts[i] != NULL; i++)
    {
      guint64 size = 0;

      if (!g_ascii_string_to_unsigned (size_texts[i], 10, 1, G_MAXINT, &size, NULL) ||
          (sizes->len > 0 && size <= g_array_index (sizes, guint, sizes->len - 1)))
        {
          g_printerr ("--reports: sizes must be whole numbers, growing: not “%s”\n", opt_reports);
          return 2;
        }
      g_array_append_val (sizes, size);
    }
  if (opt_chars < 100 || opt_queries < 1 ||
      opt_seed < 0 || opt_seed > G_MAXUINT32)
    {
      g_printerr ("--queries must be at least 1, --chars at least 100, "
                  "--seed between 0 and %u\n", G_MAXUINT32);
      return 2;
    }
  if (opt_reuse && opt_dir == NULL)
    {
      g_printerr ("--reuse needs --dir\n");
      return 2;
    }

  if (opt_dir != NULL)
    {
      dir = g_strdup (opt_dir);
      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          g_printerr ("Cannot create %s: %s\n", dir, g_strerror (errno));
          return 1;
        }
    }
  else
    {
      dir = g_dir_make_tmp ("tr-bench-search-XXXXXX", &error);
      if (dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      is_temporary = TRUE;
    }

  for (guint i = 0; ok && i < sizes->len; i++)
    {
      gint64 start = g_get_monotonic_time ();

      ok = run (dir, g_array_index (sizes, guint, i), &error);
      /* The next size grows this library. */
      opt_reuse = TRUE;
      g_print ("(%u reports: %.0f s, building included)\n", g_array_index (sizes, guint, i),
               elapsed_ms (start) / 1000.0);
    }
  if (ok && is_temporary && opt_keep)
    g_print ("Kept %s\n", dir);
  fflush (stdout);
  if (!ok)
    g_printerr ("bench-search: %s\n", error->message);

  if (is_temporary && !opt_keep)
    remove_tree (dir);
  g_free (opt_dir);
  g_free (opt_reports);
  return ok ? 0 : 1;
}
