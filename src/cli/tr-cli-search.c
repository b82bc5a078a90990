/* tr-cli-search.c: search, as fast as a script can start it
 *
 * The module trip-reports-search, which links GLib and the search of the
 * store's library (src/core/store/search), not the store itself: that one
 * needs the model, and with it json-glib, GIO and gdk-pixbuf, whose
 * loading took most of a short search's time. It runs a search in the
 * usual case: a library of this version with its index up to date, and
 * plain output. Anything else — a missing, damaged or older library, one
 * written by a newer version, reports still to index, --json, --help or a
 * usage error — goes to the library's module (tr-cli-library.c), which
 * runs the whole command again as it always did: what this one prints is
 * what that one would, or nothing at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <gmodule.h>
#include <stdio.h>
#include <string.h>

#include "tr-cli-commands.h"
#include "tr-library-path.h"
#include "tr-search.h"
#include "tr-unigram-tokenizer.h"

/* As the store waits for another program's write (tr-report-store.c). */
#define BUSY_TIMEOUT_MS 3000

typedef struct {
  char *db_path;  /* --db, or NULL */
  guint64 limit;
  GStrv words;
} Request;

static void
request_clear (Request *request)
{
  g_clear_pointer (&request->db_path, g_free);
  g_clear_pointer (&request->words, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Request, request_clear)

/* The arguments after "search", when this module can run them all: parsed
 * by the same GOptionContext rules as cli_parse () (tr-cli.c) reads them.
 * FALSE for anything else, for the library's module to run, or to refuse
 * with its usage error: --json and --help, which it prints, an unknown
 * option, a bad --limit, no words, or words that are not UTF-8. */
static gboolean
parse_request (int       argc,
               char    **argv,
               Request  *request)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *limit_text = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE, help = FALSE;
  /* As cli_parse () sees them: the command's name first. */
  g_auto(GStrv) strv = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &request->db_path, NULL, NULL },
    { "limit", 0, 0, G_OPTION_ARG_STRING, &limit_text, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  if (argc < 2)
    return FALSE;
  strv = g_strdupv (argv + 1);

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse_strv (context, &strv, NULL))
    return FALSE;
  if (json || help || args == NULL)
    return FALSE;
  for (guint i = 0; args[i] != NULL; i++)
    if (!g_utf8_validate (args[i], -1, NULL))
      return FALSE;

  request->limit = TR_CLI_DEFAULT_SEARCH_LIMIT;
  if (limit_text != NULL &&
      !g_ascii_string_to_unsigned (limit_text, 10, 1, G_MAXUINT, &request->limit, NULL))
    return FALSE;
  request->words = g_steal_pointer (&args);
  return TRUE;
}

/* The library at @path, when it is a file the store would open as it is:
 * this version's schema, nothing to upgrade or create. */
static sqlite3 *
open_library (const char *path)
{
  sqlite3 *db = NULL;

  /* The store refuses the other cases, or creates the library. */
  if (tr_library_path_classify (path, NULL) != TR_LIBRARY_PATH_FILE)
    return NULL;

  /* Not created when missing; opened read-only when it cannot be written.
   * Nothing here writes to it: no journal mode or schema change. */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      tr_unigram_tokenizer_register (db) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  /* As the store reads: through a memory map. */
  sqlite3_exec (db, "PRAGMA mmap_size = 1073741824", NULL, NULL, NULL);
  return db;
}

/* Whether the library holds this version's tables, and every report in
 * its index: what tr_report_store_open () and a search make sure of first,
 * writing when they must. */
static gboolean
is_ready (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ready;

  if (sqlite3_prepare_v2 (db,
                          "SELECT (SELECT user_version FROM pragma_user_version),"
                          " EXISTS (SELECT 1 FROM index_pending)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  ready = sqlite3_step (stmt) == SQLITE_ROW &&
          sqlite3_column_int (stmt, 0) == TR_REPORT_STORE_SCHEMA_VERSION &&
          sqlite3_column_int (stmt, 1) == 0;
  sqlite3_finalize (stmt);
  return ready;
}

/* The hits of @query, in one read transaction as the store reads them;
 * NULL when the library is not ready or the search fails. */
static GPtrArray *
search_library (const char *path,
                const char *query,
                guint       limit)
{
  sqlite3 *db = open_library (path);
  GPtrArray *hits = NULL;
  int rc = SQLITE_OK;

  if (db == NULL)
    return NULL;
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
    {
      if (is_ready (db))
        {
          g_autoptr(TrSearch) search = tr_search_new (db);

          hits = tr_search_run (search, query, limit, &rc);
        }
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
    }
  sqlite3_close (db);
  return hits;
}

/* The locale and translations (tr_cli_init ()) matter only to the words
 * this module may print, “(untitled)”, and its failure to write them
 * (tr_cli_finish ()): setting them up takes longer than a search, and
 * most searches print neither. */
static void
init_once (void)
{
  static gboolean done = FALSE;

  if (!done)
    tr_cli_init ();
  done = TRUE;
}

/* As run_search () prints them (tr-cli-library.c). */
static void
append_hit (GString     *out,
            TrSearchHit *hit)
{
  g_autofree char *title = NULL;
  g_autoptr(GString) snippet = g_string_new (hit->snippet);

  if (hit->title[0] == '\0')
    init_once ();
  title = one_line (title_or_untitled (hit->title));

  g_string_replace (snippet, TR_SNIPPET_MATCH_START, SNIPPET_OPEN, 0);
  g_string_replace (snippet, TR_SNIPPET_MATCH_END, SNIPPET_CLOSE, 0);
  g_strdelimit (snippet->str, "\t\r\n", ' ');
  g_string_append_printf (out, "%s\t%s\n  %s\n", hit->id, title, snippet->str);
}

G_MODULE_EXPORT int tr_cli_group_main (int argc, char **argv);

G_MODULE_EXPORT int
tr_cli_group_main (int    argc,
                   char **argv)
{
  g_auto(Request) request = { 0 };
  g_autofree char *default_path = NULL;
  g_autofree char *query = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) out = NULL;

  if (!parse_request (argc, argv, &request))
    return tr_cli_run (TR_CLI_PROGRAM_LIBRARY, argv);

  query = g_strstrip (g_strjoinv (" ", request.words));
  if (request.db_path == NULL)
    default_path = tr_search_get_default_library_path ();
  if (query[0] == '\0' ||
      (hits = search_library (request.db_path != NULL ? request.db_path : default_path,
                              query, (guint) request.limit)) == NULL)
    return tr_cli_run (TR_CLI_PROGRAM_LIBRARY, argv);

  out = g_string_new (NULL);
  for (guint i = 0; i < hits->len; i++)
    append_hit (out, g_ptr_array_index (hits, i));
  fputs (out->str, stdout);
  return tr_cli_finish (TR_CLI_EXIT_OK);
}
