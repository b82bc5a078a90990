/* tr-report-store.c
 *
 * The library is one SQLite file. Reports are rows of `reports`; travellers
 * and the original PDF of imported reports live in their own tables so that
 * listing the library never reads long texts or blobs.
 *
 * Search uses one FTS5 index over external content (a view that flattens
 * each report into title / fields / summary / body / appendix, photo
 * captions included): `report_fts_short`, with our tokenizer of single
 * characters and character pairs, answers words of any length as
 * substrings. It is kept in step with the reports inside the transaction
 * of each save, a long report chunk by chunk (tr-report-store-index.c);
 * search/tr-search.c queries it, and
 * tr-report-store-review.c keeps the review forms and comments. The tables
 * and their migrations are in tr-report-store-schema.c.
 *
 * A section or the appendix with tables keeps its plain text, cells
 * included, in its column, which is all the index and snippets read; its
 * tables are in `bodies`, in the JSON form. One without tables is stored
 * as it always was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "tr-error.h"
#include "tr-library-path.h"
#include "tr-report-json.h"
#include "tr-report-store.h"
#include "tr-report-store-private.h"
#include "tr-report-store-schema.h"
#include "tr-unigram-tokenizer.h"
#include "tr-warning.h"

/* Long enough to ride out an autosave of another window, short enough that a
 * stuck lock is reported while the user still remembers what they did. */
#define BUSY_TIMEOUT_MS 3000
/* A command's turn may come after dozens of others started by the same
 * script: SQLite's busy handler is not first come, first served. */
#define PATIENT_BUSY_TIMEOUT_MS 30000
/* Other processes may be creating or upgrading the same library at this
 * moment (a script starting many commands at once, or the window and a
 * command): each holds it while its upgrade runs, which can take seconds
 * on a large library. Opening waits for them rather than fail. */
#define UPGRADE_BUSY_TIMEOUT_MS 30000

G_DEFINE_FINAL_TYPE (TrReportStore, tr_report_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Statements over every TrField column, built once from the field table so
 * that a new field is one line there. */
static char *insert_report_sql;
static char *update_report_sql;
static char *select_report_sql;

#define REPORT_FIRST_FIELD_PARAM 6
#define SELECT_FIRST_FIELD_COLUMN 5

static TrError
error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return TR_ERROR_DB_LOCKED;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return TR_ERROR_DB_READ_ONLY;
    case SQLITE_FULL:
      return TR_ERROR_DB_FULL;
    case SQLITE_NOTADB:
      return TR_ERROR_DB_NOT_DATABASE;
    case SQLITE_CORRUPT:
      return TR_ERROR_DB_CORRUPT;
    case SQLITE_CANTOPEN:
      return TR_ERROR_DB_CANT_OPEN;
    default:
      return TR_ERROR_FAILED;
    }
}

static const char *
describe_error_code (TrError code)
{
  switch (code)
    {
    case TR_ERROR_DB_LOCKED:
      return _("the library is in use by another program; close it and try again");
    case TR_ERROR_DB_READ_ONLY:
      return _("the library file or its folder is read-only; check their permissions");
    case TR_ERROR_DB_FULL:
      return _("the disk is full; free some space and try again");
    case TR_ERROR_DB_NOT_DATABASE:
      return _("the file is not a Trip Reports library");
    case TR_ERROR_DB_CORRUPT:
      return _("the library file is damaged; restore it from a backup");
    case TR_ERROR_DB_CANT_OPEN:
      return _("the file cannot be opened or created");
    default:
      return NULL;
    }
}

/* @what says what failed ("Could not save the report"); the message adds why. */
gboolean
tr_store_set_sqlite_error (GError     **error,
                           sqlite3     *db,
                           int          rc,
                           const char  *what)
{
  TrError code = error_code_from_sqlite (rc);
  const char *why = describe_error_code (code);
  const char *file = db != NULL ? sqlite3_db_filename (db, "main") : NULL;

  /* Which file, as SQLite resolved it: its permissions are to be checked. */
  if (code == TR_ERROR_DB_READ_ONLY && file != NULL && file[0] != '\0')
    g_set_error (error, TR_ERROR, code,
                 _("%s: the library “%s” is read-only; check the permissions of the file and its folder"),
                 what, file);
  else if (code == TR_ERROR_DB_CANT_OPEN && db != NULL && sqlite3_system_errno (db) != 0)
    g_set_error (error, TR_ERROR, code, "%s: %s (%s)", what, why, g_strerror (sqlite3_system_errno (db)));
  else if (why != NULL)
    g_set_error (error, TR_ERROR, code, "%s: %s", what, why);
  else
    g_set_error (error, TR_ERROR, code, "%s: %s", what,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
tr_store_exec_sql (TrReportStore  *self,
                   const char     *sql,
                   const char     *what,
                   GError        **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return tr_store_set_sqlite_error (error, self->db, rc, what);
  return TRUE;
}

TrStatement *
tr_store_prepare (TrReportStore  *self,
                  const char     *sql,
                  const char     *what,
                  GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      tr_store_set_sqlite_error (error, self->db, rc, what);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

void
tr_store_bind_text (TrStatement *stmt,
                    int          index,
                    const char  *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

const char *
tr_store_column_text (TrStatement *stmt,
                      int          index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  return text != NULL ? text : "";
}

/* Times are stored in UTC with microseconds, in a fixed-width form that sorts
 * as text. */
char *
tr_store_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

GDateTime *
tr_store_parse_time (const char *text)
{
  GDateTime *time = g_date_time_new_from_iso8601 (text, NULL);

  /* A damaged value must not make the report unreadable. */
  return time != NULL ? time : g_date_time_new_from_unix_utc (0);
}

static char *
strv_to_json (const char * const *strv)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  json_node_set_array (node, array);
  return json_to_string (node, FALSE);
}

static GStrv
strv_from_json (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *element = json_array_get_string_element (array, i);

          if (element != NULL)
            g_strv_builder_add (builder, element);
        }
    }
  return g_strv_builder_end (builder);
}

/* The bodies that have tables, for the `bodies` column: their fields'
 * columns hold only their plain text. "" when none has. */
static char *
bodies_to_json (TrReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean any = FALSE;

  json_builder_begin_object (builder);
  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      TrBody *body;

      if (!tr_field_holds_tables (f))
        continue;
      body = tr_report_get_body (report, f);
      if (tr_body_get_n_tables (body) == 0)
        continue;
      json_builder_set_member_name (builder, tr_field_get_key (f));
      json_builder_add_value (builder, tr_body_to_json_node (body));
      any = TRUE;
    }
  json_builder_end_object (builder);
  if (!any)
    return g_strdup ("");
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Puts the tables back into the bodies of @report, whose texts are read.
 * A damaged value must not make the report unreadable, nor lose its text:
 * a body whose tables cannot be read keeps its plain text, cells included,
 * and the report says so among its warnings. */
static void
load_bodies (TrReport   *report,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  if (text[0] == '\0')
    return;
  node = json_from_string (text, &error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_debug ("Tables of report %s unreadable: %s", tr_report_get_id (report),
               error != NULL ? error->message : "not a JSON object");
      g_autofree char *warning = tr_warning_new (TR_WARNING_TABLES_UNREADABLE, NULL);

      tr_report_add_warning (report, warning);
      return;
    }

  object = json_node_get_object (node);
  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      const char *key = tr_field_get_key (f);
      g_autoptr(TrBody) body = NULL;
      JsonNode *member;

      if (!tr_field_holds_tables (f) || (member = json_object_get_member (object, key)) == NULL)
        continue;
      body = tr_body_new_from_json_node (member, key, &error);
      if (body == NULL)
        {
          g_autofree char *warning = NULL;

          g_debug ("Tables of report %s unreadable: %s", tr_report_get_id (report), error->message);
          g_clear_error (&error);
          warning = tr_warning_new (TR_WARNING_FIELD_TABLES_UNREADABLE, key, NULL);
          tr_report_add_warning (report, warning);
          continue;
        }
      tr_body_replace (tr_report_get_body (report, f), body);
    }
}

static void
tr_report_store_finalize (GObject *object)
{
  TrReportStore *self = TR_REPORT_STORE (object);

  /* Pending saves hold a reference to the store, so the pool is idle here. */
  if (self->save_pool != NULL)
    g_thread_pool_free (self->save_pool, FALSE, TRUE);
  g_clear_pointer (&self->search, tr_search_free);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  tr_store_checkpointer_free (self->checkpointer, self->db);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (tr_report_store_parent_class)->finalize (object);
}

static void
tr_report_store_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TrReportStore *self = TR_REPORT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
build_report_sql (void)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) placeholders = g_string_new (NULL);
  g_autoptr(GString) assignments = g_string_new (NULL);
  const int extra = REPORT_FIRST_FIELD_PARAM + TR_N_FIELDS;

  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      const char *key = tr_field_get_key (f);

      g_string_append_printf (columns, ", %s", key);
      g_string_append_printf (placeholders, ", ?%u", f + REPORT_FIRST_FIELD_PARAM);
      g_string_append_printf (assignments, ", %s = ?%u", key, f + REPORT_FIRST_FIELD_PARAM);
    }

  /* ?1..?5 are id, kind, created, modified and num; the fields follow, then
   * warnings, has_attachments, pages and bodies. */
  insert_report_sql =
    g_strdup_printf ("INSERT INTO reports (id, kind, created, modified%s,"
                     " warnings, has_attachments, pages, bodies)"
                     " VALUES (?1, ?2, ?3, ?4%s, ?%d, ?%d, ?%d, ?%d)",
                     columns->str, placeholders->str, extra, extra + 1, extra + 2, extra + 3);
  update_report_sql =
    g_strdup_printf ("UPDATE reports SET kind = ?2, modified = ?4%s,"
                     " warnings = ?%d, has_attachments = ?%d, pages = ?%d, bodies = ?%d"
                     " WHERE num = ?5",
                     assignments->str, extra, extra + 1, extra + 2, extra + 3);
  /* Columns: num, kind, created, modified, id, the fields, warnings,
   * has_attachments, pages, source filename, source sha256, bodies. */
  select_report_sql =
    g_strdup_printf ("SELECT r.num, r.kind, r.created, r.modified, r.id%s,"
                     " r.warnings, r.has_attachments, r.pages,"
                     " s.filename, s.sha256, r.bodies"
                     " FROM reports r LEFT JOIN sources s ON s.report_num = r.num"
                     " WHERE r.id = ?1",
                     columns->str);
}

static void
tr_report_store_class_init (TrReportStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tr_report_store_finalize;
  object_class->get_property = tr_report_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  build_report_sql ();
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
tr_report_store_init (TrReportStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  g_mutex_init (&self->lock);
}

char *
tr_report_store_get_default_path (void)
{
  return tr_search_get_default_library_path ();
}

/* Refuses what tr_library_path_classify() found at @path unless it is a
 * library file, or nothing yet (a new library). */
static gboolean
check_library_path (const char         *path,
                    TrLibraryPathKind   kind,
                    int                 stat_errno,
                    const char         *what,
                    GError            **error)
{
  switch (kind)
    {
    case TR_LIBRARY_PATH_FILE:
    case TR_LIBRARY_PATH_MISSING:
      return TRUE;
    case TR_LIBRARY_PATH_EMPTY:
      g_set_error (error, TR_ERROR, TR_ERROR_DB_CANT_OPEN,
                   _("%s: the path is empty; give the path of a library file"), what);
      break;
    case TR_LIBRARY_PATH_IN_MEMORY:
      g_set_error (error, TR_ERROR, TR_ERROR_DB_CANT_OPEN,
                   _("%s: SQLite keeps names that begin with “:” for databases in memory, which are lost at exit; for a file of that name, write “./%s”"),
                   what, path);
      break;
    case TR_LIBRARY_PATH_URI:
      g_set_error (error, TR_ERROR, TR_ERROR_DB_CANT_OPEN,
                   _("%s: a name that begins with “file:” is a SQLite URI, not a file path; for a file of that name, write “./%s”"),
                   what, path);
      break;
    case TR_LIBRARY_PATH_FOLDER:
      g_set_error (error, TR_ERROR, TR_ERROR_DB_CANT_OPEN,
                   _("%s: it is a folder, not a library file"), what);
      break;
    case TR_LIBRARY_PATH_SPECIAL:
      g_set_error (error, TR_ERROR, TR_ERROR_DB_CANT_OPEN,
                   _("%s: it is not a regular file but a device, a pipe or a socket"), what);
      break;
    case TR_LIBRARY_PATH_UNREADABLE:
    default:
      g_set_error (error, TR_ERROR, TR_ERROR_DB_CANT_OPEN, "%s: %s", what, g_strerror (stat_errno));
      break;
    }
  return FALSE;
}

/* Reading a library in WAL mode needs its “-wal” and “-shm” files, which
 * SQLite makes beside it (beside the real file, for a link): in a folder
 * that cannot be written, even reading fails, with an error that speaks of
 * writing. */
static void
explain_unwritable_folder (TrReportStore  *self,
                           const char     *what,
                           GError        **error)
{
  g_autofree char *folder = g_path_get_dirname (sqlite3_db_filename (self->db, "main"));

  if (error == NULL || *error == NULL ||
      !((*error)->domain == TR_ERROR &&
        ((*error)->code == TR_ERROR_DB_READ_ONLY || (*error)->code == TR_ERROR_DB_CANT_OPEN)) ||
      g_access (folder, W_OK) == 0)
    return;

  g_clear_error (error);
  g_set_error (error, TR_ERROR, TR_ERROR_DB_READ_ONLY,
               _("%s: its folder “%s” cannot be written to, and even reading a library needs a few working files beside it; make the folder writable, or copy the library to a folder you can write to"),
               what, folder);
}

static TrReportStore *
open_store (const char              *path,
            TrReportStoreOpenFlags   flags,
            GCancellable            *cancellable,
            GError                 **error)
{
  g_autoptr(TrReportStore) self = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *what = NULL;
  TrLibraryPathKind kind;
  int stat_errno = 0;
  gboolean read_only;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TR_TYPE_REPORT_STORE, NULL);
  self->path = g_strdup (path);
  self->lock_wait_ms = (flags & TR_REPORT_STORE_OPEN_PATIENT) ? PATIENT_BUSY_TIMEOUT_MS : BUSY_TIMEOUT_MS;
  what = g_strdup_printf (_("Could not open the library “%s”"), path);

  /* A name SQLite reads otherwise than as a file is refused before its
   * "folder" (say "file:/tmp") is made; what stands at the path, after a
   * failure to make its folder, which says more. Making the folder changes
   * neither: the path itself is not made there. */
  kind = tr_library_path_classify (path, &stat_errno);
  if ((kind == TR_LIBRARY_PATH_EMPTY || kind == TR_LIBRARY_PATH_IN_MEMORY || kind == TR_LIBRARY_PATH_URI) &&
      !check_library_path (path, kind, stat_errno, what, error))
    return NULL;

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TR_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ? TR_ERROR_DB_READ_ONLY
                                                                 : TR_ERROR_DB_CANT_OPEN,
                   "%s: %s", what, g_strerror (saved_errno));
      return NULL;
    }
  if (!check_library_path (path, kind, stat_errno, what, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      tr_store_set_sqlite_error (error, self->db, rc, what);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, self->lock_wait_ms);

  /* Look before touching: switching to WAL writes to the file, and a file
   * this build cannot read must be left as it was. */
  if (!tr_store_schema_check (self, &version, error))
    {
      explain_unwritable_folder (self, what, error);
      return NULL;
    }

  /* A file we may not write (SQLite then opens it read-only) is read as it
   * is; its saves fail, saying why. It cannot be upgraded, though. */
  read_only = sqlite3_db_readonly (self->db, "main") == 1;
  if (read_only && version != TR_REPORT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_DB_READ_ONLY,
                   _("%s: it is read-only, and this version of Trip Reports must first update it; check the permissions of the file and its folder"),
                   what);
      return NULL;
    }

  rc = tr_unigram_tokenizer_register (self->db);
  if (rc == SQLITE_OK)
    rc = tr_store_schema_register_functions (self->db);
  if (rc != SQLITE_OK)
    {
      tr_store_set_sqlite_error (error, self->db, rc, what);
      return NULL;
    }

  /* A new library gives the pages of deleted reports back to the disk
   * (tr_report_store_delete()). Only possible before its first table, and
   * before the switch to WAL, which writes the file's first page. Both
   * take the write lock, which the processes making one new library at
   * once take in turn: they wait as long as for the upgrade. */
  if (version == 0 && !read_only)
    {
      sqlite3_busy_timeout (self->db, UPGRADE_BUSY_TIMEOUT_MS);
      if (!tr_store_exec_sql (self, "PRAGMA auto_vacuum = INCREMENTAL", what, error))
        return NULL;
    }

  /* Reads through a memory map halve the time of a search, which reads a
   * few hundred scattered pages: no copy into SQLite's cache, no system
   * call per page. Writes still go through write(). A read-only file keeps
   * its journal mode: switching it is a write. */
  if ((!read_only && !tr_store_exec_sql (self, "PRAGMA journal_mode = WAL", what, error)) ||
      !tr_store_exec_sql (self,
                          "PRAGMA synchronous = NORMAL;"
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA mmap_size = 1073741824;",
                          what, error))
    return NULL;
  sqlite3_busy_timeout (self->db, self->lock_wait_ms);
  if (!read_only)
    self->checkpointer = tr_store_checkpointer_new (self->db);

  if (version < TR_REPORT_STORE_SCHEMA_VERSION)
    {
      gboolean upgraded;

      sqlite3_busy_timeout (self->db, UPGRADE_BUSY_TIMEOUT_MS);
      upgraded = tr_store_schema_upgrade (self, cancellable, error);
      sqlite3_busy_timeout (self->db, self->lock_wait_ms);
      if (!upgraded)
        return NULL;
    }

  /* Reports saved just before a crash, a kill or a full disk get their
   * index entries now; a library that cannot be written still opens. */
  if (!read_only)
    {
      g_autoptr(GError) index_error = NULL;

      if (!tr_store_update_index_locked (self, &index_error))
        g_debug ("Search index not updated: %s", index_error->message);
    }

  return g_steal_pointer (&self);
}

TrReportStore *
tr_report_store_open (const char  *path,
                      GError     **error)
{
  return open_store (path, TR_REPORT_STORE_OPEN_NONE, NULL, error);
}

TrReportStore *
tr_report_store_open_full (const char              *path,
                           TrReportStoreOpenFlags   flags,
                           GError                 **error)
{
  return open_store (path, flags, NULL, error);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  TrReportStore *store = open_store (task_data, TR_REPORT_STORE_OPEN_NONE, cancellable, &error);

  if (store != NULL)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
tr_report_store_open_async (const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tr_report_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  /* The upgrade looks at the cancellable itself, and rolls back. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, open_in_thread);
}

TrReportStore *
tr_report_store_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tr_report_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
tr_report_store_get_path (TrReportStore *self)
{
  g_return_val_if_fail (TR_IS_REPORT_STORE (self), NULL);
  return self->path;
}

/* The report's row number, 0 when it is not stored. */
gboolean
tr_store_find_num (TrReportStore  *self,
                   const char     *id,
                   gint64         *out_num,
                   const char     *what,
                   GError        **error)
{
  g_autoptr(TrStatement) stmt = tr_store_prepare (self, "SELECT num FROM reports WHERE id = ?1", what, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  tr_store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_num = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out_num = 0;
  else
    return tr_store_set_sqlite_error (error, self->db, rc, what);
  return TRUE;
}

gboolean
tr_store_step_done (TrReportStore  *self,
                    TrStatement    *stmt,
                    const char     *what,
                    GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return tr_store_set_sqlite_error (error, self->db, rc, what);
  return TRUE;
}

/* Adds @num's index entries, or with @remove takes them out. */
static gboolean
update_search_index (TrReportStore  *self,
                     gint64          num,
                     gboolean        remove,
                     const char     *what,
                     GError        **error)
{
  g_autoptr(TrStoreSearchText) text = tr_store_read_search_text (self, num, what, error);

  if (text == NULL)
    return FALSE;
  return tr_store_replace_index (self, num, remove ? text : NULL, remove ? NULL : text, what, error);
}

static gboolean
is_pending (TrReportStore  *self,
            gint64          num,
            gboolean       *out_pending,
            const char     *what,
            GError        **error)
{
  g_autoptr(TrStatement) stmt =
    tr_store_prepare (self, "SELECT 1 FROM index_pending WHERE report_num = ?1", what, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, num);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tr_store_set_sqlite_error (error, self->db, rc, what);
  *out_pending = rc == SQLITE_ROW;
  return TRUE;
}

/* Takes @num off index_pending and adds its index entries; nothing when a
 * delete took it off meanwhile. */
static gboolean
index_pending_report (TrReportStore  *self,
                      gint64          num,
                      const char     *what,
                      GError        **error)
{
  g_autoptr(TrStatement) done =
    tr_store_prepare (self, "DELETE FROM index_pending WHERE report_num = ?1", what, error);

  if (done == NULL)
    return FALSE;
  sqlite3_bind_int64 (done, 1, num);
  if (!tr_store_step_done (self, done, what, error))
    return FALSE;
  return sqlite3_changes (self->db) == 0 || update_search_index (self, num, FALSE, what, error);
}

gboolean
tr_store_update_index_locked (TrReportStore  *self,
                              GError        **error)
{
  const char *what = _("Could not update the search index");
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  {
    g_autoptr(TrStatement) stmt =
      tr_store_prepare (self, "SELECT report_num FROM index_pending ORDER BY report_num", what, error);

    if (stmt == NULL)
      return FALSE;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 num = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (pending, num);
      }
    if (rc != SQLITE_DONE)
      return tr_store_set_sqlite_error (error, self->db, rc, what);
  }

  /* One report a transaction: a long batch does not hold the file for
   * longer than one report takes. */
  for (guint i = 0; i < pending->len; i++)
    {
      if (!tr_store_exec_sql (self, "BEGIN IMMEDIATE", what, error))
        return FALSE;
      if (!index_pending_report (self, g_array_index (pending, gint64, i), what, error) ||
          !tr_store_exec_sql (self, "COMMIT", what, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
tr_report_store_update_index (TrReportStore  *self,
                              GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  return tr_store_update_index_locked (self, error);
}

static gboolean
write_report_row (TrReportStore  *self,
                  TrReport       *report,
                  GDateTime      *now,
                  gint64         *num,
                  const char     *what,
                  GError        **error)
{
  g_autoptr(TrStatement) stmt = NULL;
  g_autofree char *created = tr_store_format_time (tr_report_get_created (report));
  g_autofree char *modified = tr_store_format_time (now);
  g_autofree char *warnings = strv_to_json (tr_report_get_warnings (report));
  g_autofree char *bodies = bodies_to_json (report);
  const int extra = REPORT_FIRST_FIELD_PARAM + TR_N_FIELDS;

  stmt = tr_store_prepare (self, *num == 0 ? insert_report_sql : update_report_sql, what, error);
  if (stmt == NULL)
    return FALSE;

  tr_store_bind_text (stmt, 1, tr_report_get_id (report));
  tr_store_bind_text (stmt, 2, tr_report_kind_to_string (tr_report_get_kind (report)));
  tr_store_bind_text (stmt, 3, created);
  tr_store_bind_text (stmt, 4, modified);
  sqlite3_bind_int64 (stmt, 5, *num);
  for (guint f = 0; f < TR_N_FIELDS; f++)
    tr_store_bind_text (stmt, f + REPORT_FIRST_FIELD_PARAM, tr_report_get_text (report, f));
  tr_store_bind_text (stmt, extra, warnings);
  sqlite3_bind_int (stmt, extra + 1, tr_report_get_has_attachments (report));
  sqlite3_bind_int64 (stmt, extra + 2, tr_report_get_pages (report));
  tr_store_bind_text (stmt, extra + 3, bodies);

  if (!tr_store_step_done (self, stmt, what, error))
    return FALSE;
  if (*num == 0)
    *num = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
write_travellers (TrReportStore  *self,
                  TrReport       *report,
                  gint64          num,
                  const char     *what,
                  GError        **error)
{
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  g_autoptr(TrStatement) clear = tr_store_prepare (self, "DELETE FROM travellers WHERE report_num = ?1",
                                                   what, error);

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, num);
  if (!tr_store_step_done (self, clear, what, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);
      g_autoptr(TrStatement) insert =
        tr_store_prepare (self,
                          "INSERT INTO travellers (report_num, position, name, agency, unit, title, phone)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                          what, error);

      G_STATIC_ASSERT (TR_TRAVELLER_N_FIELDS == 5);

      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, num);
      sqlite3_bind_int (insert, 2, i);
      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        tr_store_bind_text (insert, f + 3, tr_traveller_get (traveller, f));
      if (!tr_store_step_done (self, insert, what, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_keywords (TrReportStore  *self,
                TrReport       *report,
                gint64          num,
                const char     *what,
                GError        **error)
{
  const char * const *keywords = tr_report_get_keywords (report);
  g_autoptr(TrStatement) clear = tr_store_prepare (self, "DELETE FROM keywords WHERE report_num = ?1",
                                                   what, error);

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, num);
  if (!tr_store_step_done (self, clear, what, error))
    return FALSE;

  for (guint i = 0; keywords[i] != NULL; i++)
    {
      g_autoptr(TrStatement) insert =
        tr_store_prepare (self, "INSERT INTO keywords (report_num, position, keyword) VALUES (?1, ?2, ?3)",
                          what, error);

      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, num);
      sqlite3_bind_int (insert, 2, i);
      tr_store_bind_text (insert, 3, keywords[i]);
      if (!tr_store_step_done (self, insert, what, error))
        return FALSE;
    }
  return TRUE;
}

/* Photos stored as parts of the report's original file (see
 * write_photos()) get bytes of their own before that file goes, or is
 * replaced by another than the one of @sha256. */
static gboolean
detach_photos (TrReportStore  *self,
               gint64          num,
               const char     *sha256,
               const char     *what,
               GError        **error)
{
  g_autoptr(TrStatement) stmt =
    tr_store_prepare (self,
                      "UPDATE photos SET"
                      " data = substr ((SELECT ifnull (s.contents, s.data) FROM sources s WHERE s.report_num = ?1),"
                      "                source_offset + 1, source_length),"
                      " source_offset = NULL, source_length = NULL"
                      " WHERE report_num = ?1 AND source_offset IS NOT NULL"
                      " AND EXISTS (SELECT 1 FROM sources s WHERE s.report_num = ?1 AND s.sha256 IS NOT ?2)",
                      what, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, num);
  if (sha256 != NULL)
    tr_store_bind_text (stmt, 2, sha256);
  else
    sqlite3_bind_null (stmt, 2);
  return tr_store_step_done (self, stmt, what, error);
}

/* Writes @data into the zeros the contents of report @num's original file
 * were stored as. */
static gboolean
write_contents (TrReportStore  *self,
                gint64          num,
                GBytes         *data,
                const char     *what,
                GError        **error)
{
  sqlite3_blob *blob = NULL;
  int rc;

  if (g_bytes_get_size (data) > G_MAXINT)
    return tr_store_set_sqlite_error (error, self->db, SQLITE_TOOBIG, what);
  /* sources.report_num is its rowid. */
  rc = sqlite3_blob_open (self->db, "main", "sources", "contents", num, 1, &blob);
  if (rc == SQLITE_OK)
    rc = sqlite3_blob_write (blob, g_bytes_get_data (data, NULL), (int) g_bytes_get_size (data), 0);
  if (rc != SQLITE_OK)
    tr_store_set_sqlite_error (error, self->db, rc, what);
  sqlite3_blob_close (blob);
  return rc == SQLITE_OK;
}

static gboolean
write_source (TrReportStore  *self,
              TrReport       *report,
              gint64          num,
              const char     *what,
              GError        **error)
{
  const char *sha256 = tr_report_get_source_sha256 (report);
  GBytes *data = tr_report_get_source_data (report);
  g_autofree char *text_sha256 = NULL;
  g_autoptr(TrStatement) stmt = NULL;

  if ((sha256 == NULL || data != NULL) && !detach_photos (self, num, sha256, what, error))
    return FALSE;
  if (sha256 == NULL)
    {
      stmt = tr_store_prepare (self, "DELETE FROM sources WHERE report_num = ?1", what, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, num);
      return tr_store_step_done (self, stmt, what, error);
    }

  /* A report loaded from the store does not carry the bytes: keep them.
   * Bytes it carries go to contents, the row's last column, as zeros
   * first, then written in place: SQLite would otherwise copy the whole
   * file into a new record before writing its pages (see schema 12). */
  stmt = tr_store_prepare (self,
                           "INSERT INTO sources (report_num, filename, sha256, text_sha256, contents) VALUES (?1, ?2, ?3, ?5, ?4)"
                           " ON CONFLICT (report_num) DO UPDATE SET filename = excluded.filename,"
                           " sha256 = excluded.sha256, text_sha256 = excluded.text_sha256,"
                           " data = CASE WHEN excluded.contents IS NULL THEN sources.data END,"
                           " contents = ifnull (excluded.contents, sources.contents)",
                           what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, num);
  tr_store_bind_text (stmt, 2, tr_report_get_source_filename (report));
  tr_store_bind_text (stmt, 3, sha256);
  text_sha256 = tr_report_dup_text_fingerprint (report);
  if (text_sha256 != NULL)
    tr_store_bind_text (stmt, 5, text_sha256);
  else
    sqlite3_bind_null (stmt, 5);
  if (data != NULL)
    sqlite3_bind_zeroblob64 (stmt, 4, g_bytes_get_size (data));
  else
    sqlite3_bind_null (stmt, 4);
  if (!tr_store_step_done (self, stmt, what, error))
    return FALSE;
  return data == NULL || g_bytes_get_size (data) == 0 || write_contents (self, num, data, what, error);
}

/* The bytes of the original file that a save of @report writes, if any. */
static GBytes *
get_stored_source (TrReport *report)
{
  return tr_report_get_source_sha256 (report) != NULL ? tr_report_get_source_data (report) : NULL;
}

/* Where @photo is in @source, when it is a part of it: a photo that an
 * import took as it is from the file (tr-importer.c) holds those very
 * bytes, not a copy, so the memory tells; nothing is compared. */
static gboolean
find_in_source (GBytes *source,
                GBytes *photo,
                gsize  *out_offset)
{
  gsize source_size, photo_size;
  guintptr start, at;

  if (source == NULL)
    return FALSE;
  start = (guintptr) g_bytes_get_data (source, &source_size);
  at = (guintptr) g_bytes_get_data (photo, &photo_size);
  if (start == 0 || at == 0 || photo_size == 0 || at < start || at - start > source_size ||
      photo_size > source_size - (at - start))
    return FALSE;
  *out_offset = at - start;
  return TRUE;
}

/* Autosave runs every few hundred milliseconds while typing: a photo already
 * stored only gets its caption and position updated, and its bytes are
 * written once, when it is new. A photo that is a part of the original
 * file saved with it is written as where it is there: an imported
 * report's photos would otherwise take as much room again. */
static gboolean
write_photos (TrReportStore  *self,
              TrReport       *report,
              gint64          num,
              const char     *what,
              GError        **error)
{
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (report));
  guint n_photos = g_list_model_get_n_items (photos);
  GBytes *source = get_stored_source (report);
  g_autoptr(JsonBuilder) ids = json_builder_new ();
  g_autoptr(JsonNode) ids_node = NULL;
  g_autofree char *ids_json = NULL;
  g_autoptr(TrStatement) clear = NULL;

  json_builder_begin_array (ids);
  for (guint i = 0; i < n_photos; i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);

      json_builder_add_string_value (ids, tr_photo_get_id (photo));
    }
  json_builder_end_array (ids);
  ids_node = json_builder_get_root (ids);
  ids_json = json_to_string (ids_node, FALSE);

  clear = tr_store_prepare (self,
                            "DELETE FROM photos WHERE report_num = ?1"
                            " AND id NOT IN (SELECT value FROM json_each (?2))",
                            what, error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, num);
  tr_store_bind_text (clear, 2, ids_json);
  if (!tr_store_step_done (self, clear, what, error))
    return FALSE;

  for (guint i = 0; i < n_photos; i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);
      g_autoptr(TrStatement) update =
        tr_store_prepare (self,
                          "UPDATE photos SET position = ?3, caption = ?4 WHERE report_num = ?1 AND id = ?2",
                          what, error);
      g_autoptr(TrStatement) insert = NULL;
      GBytes *data;
      gsize offset;

      if (update == NULL)
        return FALSE;
      sqlite3_bind_int64 (update, 1, num);
      tr_store_bind_text (update, 2, tr_photo_get_id (photo));
      sqlite3_bind_int (update, 3, i);
      tr_store_bind_text (update, 4, tr_photo_get_caption (photo));
      if (!tr_store_step_done (self, update, what, error))
        return FALSE;
      if (sqlite3_changes (self->db) > 0)
        continue;

      insert = tr_store_prepare (self,
                                 "INSERT INTO photos (report_num, id, position, caption, mime_type, width, height,"
                                 " data, source_offset, source_length) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                 what, error);
      if (insert == NULL)
        return FALSE;
      data = tr_photo_get_data (photo);
      sqlite3_bind_int64 (insert, 1, num);
      tr_store_bind_text (insert, 2, tr_photo_get_id (photo));
      sqlite3_bind_int (insert, 3, i);
      tr_store_bind_text (insert, 4, tr_photo_get_caption (photo));
      tr_store_bind_text (insert, 5, tr_photo_get_mime_type (photo));
      sqlite3_bind_int64 (insert, 6, tr_photo_get_width (photo));
      sqlite3_bind_int64 (insert, 7, tr_photo_get_height (photo));
      if (find_in_source (source, data, &offset))
        {
          sqlite3_bind_zeroblob (insert, 8, 0);
          sqlite3_bind_int64 (insert, 9, (gint64) offset);
          sqlite3_bind_int64 (insert, 10, (gint64) g_bytes_get_size (data));
        }
      else
        sqlite3_bind_blob64 (insert, 8, g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                             SQLITE_STATIC);
      if (!tr_store_step_done (self, insert, what, error))
        return FALSE;
    }
  return TRUE;
}

static TrReport *load_locked (TrReportStore  *self,
                              const char     *id,
                              const char     *what,
                              GError        **error);

/* A report in review or approved is what was handed in: the store turns
 * away a save that would change it, whichever window, program or bug
 * asked. Its 頁數 may still follow the real page count of an export. */
static gboolean
check_not_locked (TrReportStore  *self,
                  TrReport       *report,
                  gint64          num,
                  const char     *what,
                  GError        **error)
{
  g_autoptr(TrReport) stored = NULL;
  TrReviewStatus status;

  if (!tr_store_read_status_locked (self, num, &status, what, error))
    return FALSE;
  if (status != TR_REVIEW_STATUS_SUBMITTED && status != TR_REVIEW_STATUS_APPROVED)
    return TRUE;

  stored = load_locked (self, tr_report_get_id (report), what, error);
  if (stored == NULL)
    return FALSE;
  tr_report_set_pages (stored, tr_report_get_pages (report));
  if (tr_report_content_equal (stored, report))
    return TRUE;

  g_set_error (error, TR_ERROR, TR_ERROR_REPORT_LOCKED, "%s: %s", what,
               status == TR_REVIEW_STATUS_SUBMITTED
               ? _("it is submitted for review and cannot be changed")
               : _("it is approved and cannot be changed"));
  return FALSE;
}

static gboolean
mark_pending (TrReportStore  *self,
              gint64          num,
              const char     *what,
              GError        **error)
{
  g_autoptr(TrStatement) stmt =
    tr_store_prepare (self, "INSERT INTO index_pending (report_num) VALUES (?1)", what, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, num);
  return tr_store_step_done (self, stmt, what, error);
}

/* Writes @report inside the caller's transaction. With @index_now, a new
 * report gets its index entries at once rather than waiting on
 * index_pending: a batch of them costs less in one transaction than one
 * by one. */
static gboolean
save_locked (TrReportStore  *self,
             TrReport       *report,
             GDateTime      *now,
             gboolean        index_now,
             const char     *what,
             GError        **error)
{
  g_autoptr(TrStoreSearchText) old_text = NULL;
  g_autoptr(TrStoreSearchText) new_text = NULL;
  gboolean pending = FALSE;
  gboolean is_new;
  gint64 num = 0;

  if (!tr_store_find_num (self, tr_report_get_id (report), &num, what, error) ||
      (num != 0 && !check_not_locked (self, report, num, what, error)) ||
      (num != 0 && !is_pending (self, num, &pending, what, error)))
    return FALSE;
  is_new = num == 0;
  /* An indexed report's entries are replaced in the same transaction, for
   * which the index must be told the text it had; a new one's are added
   * after the save returns (tr_report_store_update_index()), and one
   * still waiting goes on waiting. */
  if (!is_new && !pending)
    {
      old_text = tr_store_read_search_text (self, num, what, error);
      if (old_text == NULL)
        return FALSE;
    }
  if (!write_report_row (self, report, now, &num, what, error) ||
      !write_travellers (self, report, num, what, error) ||
      !write_keywords (self, report, num, what, error) ||
      !write_source (self, report, num, what, error) ||
      !write_photos (self, report, num, what, error))
    return FALSE;
  if (is_new)
    return index_now ? update_search_index (self, num, FALSE, what, error)
                     : mark_pending (self, num, what, error);
  if (pending)
    return TRUE;
  new_text = tr_store_read_search_text (self, num, what, error);
  return new_text != NULL && tr_store_replace_index (self, num, old_text, new_text, what, error);
}

/* A transaction keeps every page it writes in SQLite's cache until its
 * commit, and when the cache is full writes one page at a time to the
 * WAL, far slower than all of them at once at the commit: a 9 MB PDF with
 * 7 MB of photos took 25 ms more to save that way, of about 100. A save
 * of more than the cache holds has a cache as large for its transaction,
 * up to a limit; SQLite's own size (2000 KiB) comes back after it. */
#define DEFAULT_CACHE_KIB 2000
#define MAX_SAVE_CACHE_KIB (64 * 1024)

/* The bytes of @report's original file and photos, which a save may write. */
static guint64
blob_bytes (TrReport *report)
{
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (report));
  GBytes *source = get_stored_source (report);
  guint64 bytes = source != NULL ? g_bytes_get_size (source) : 0;

  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);
      gsize offset;

      if (!find_in_source (source, tr_photo_get_data (photo), &offset))
        bytes += g_bytes_get_size (tr_photo_get_data (photo));
    }
  return bytes;
}

/* The cache a save of @bytes of blobs takes, or 0 when the usual one is
 * enough: the pages' headers and the tables' own pages besides. */
static guint64
save_cache_kib (guint64 bytes)
{
  guint64 kib = bytes / 1024 + bytes / 8192 + DEFAULT_CACHE_KIB;

  return kib > 2 * DEFAULT_CACHE_KIB ? MIN (kib, MAX_SAVE_CACHE_KIB) : 0;
}

static void
grow_cache (TrReportStore *self,
            guint64        bytes)
{
  guint64 kib = save_cache_kib (bytes);
  g_autofree char *sql = NULL;

  if (kib == 0)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = -%" G_GUINT64_FORMAT, kib);
  /* A cache left as it was only makes the save slower. */
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

static void
shrink_cache (TrReportStore *self,
              guint64        bytes)
{
  if (save_cache_kib (bytes) == 0)
    return;
  sqlite3_exec (self->db, "PRAGMA cache_size = -" G_STRINGIFY (DEFAULT_CACHE_KIB), NULL, NULL, NULL);
  sqlite3_db_release_memory (self->db);
}

gboolean
tr_report_store_save (TrReportStore  *self,
                      TrReport       *report,
                      GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not save the report");
  g_autoptr(GDateTime) now = NULL;
  guint64 bytes;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);
  g_return_val_if_fail (TR_IS_REPORT (report), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);

  if (!tr_store_exec_sql (self, "BEGIN IMMEDIATE", what, error))
    return FALSE;
  bytes = blob_bytes (report);
  grow_cache (self, bytes);
  now = g_date_time_new_now_utc ();
  if (!save_locked (self, report, now, FALSE, what, error) ||
      !tr_store_exec_sql (self, "COMMIT", what, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      shrink_cache (self, bytes);
      return FALSE;
    }
  shrink_cache (self, bytes);

  /* Outside the lock: a handler of notify::modified may call the store. A
   * failed save leaves the report's time alone. */
  g_clear_pointer (&locker, g_mutex_locker_free);
  tr_report_set_modified (report, now);
  return TRUE;
}

gboolean
tr_report_store_save_batch (TrReportStore  *self,
                            GPtrArray      *reports,
                            guint          *out_failed,
                            GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not save the report");
  g_autoptr(GDateTime) now = NULL;
  guint64 bytes = 0;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);
  g_return_val_if_fail (reports != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_failed != NULL)
    *out_failed = reports->len;
  locker = g_mutex_locker_new (&self->lock);

  if (!tr_store_exec_sql (self, "BEGIN IMMEDIATE", what, error))
    return FALSE;
  for (guint i = 0; i < reports->len; i++)
    bytes += blob_bytes (g_ptr_array_index (reports, i));
  grow_cache (self, bytes);
  now = g_date_time_new_now_utc ();
  for (guint i = 0; i < reports->len; i++)
    if (!save_locked (self, g_ptr_array_index (reports, i), now, TRUE, what, error))
      {
        if (out_failed != NULL)
          *out_failed = i;
        goto rollback;
      }
  if (!tr_store_exec_sql (self, "COMMIT", what, error))
    goto rollback;
  shrink_cache (self, bytes);

  g_clear_pointer (&locker, g_mutex_locker_free);
  for (guint i = 0; i < reports->len; i++)
    tr_report_set_modified (g_ptr_array_index (reports, i), now);
  return TRUE;

rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  shrink_cache (self, bytes);
  return FALSE;
}

typedef struct {
  TrReport *report;    /* the caller's, touched only in the caller's thread */
  TrReport *snapshot;  /* ours, written in the worker */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->report);
  g_clear_object (&data->snapshot);
  g_free (data);
}

static void
save_in_worker (gpointer task_pointer,
                gpointer user_data)
{
  g_autoptr(GTask) task = task_pointer;
  TrReportStore *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!tr_report_store_save (self, data->snapshot, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);

  /* A new report becomes searchable now, after its save was reported; a
   * failure here is retried by the next search. */
  if (!tr_report_store_update_index (self, &error))
    {
      g_debug ("Search index not updated yet: %s", error->message);
      g_clear_error (&error);
    }
}

void
tr_report_store_save_async (TrReportStore       *self,
                            TrReport            *report,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (TR_IS_REPORT_STORE (self));
  g_return_if_fail (TR_IS_REPORT (report));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tr_report_store_save_async);
  data = g_new0 (SaveData, 1);
  data->report = g_object_ref (report);
  data->snapshot = tr_report_copy (report);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  if (self->save_pool == NULL)
    self->save_pool = g_thread_pool_new (save_in_worker, NULL, 1, FALSE, NULL);
  g_thread_pool_push (self->save_pool, g_steal_pointer (&task), NULL);
}

gboolean
tr_report_store_save_finish (TrReportStore  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  SaveData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tr_report_store_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  tr_report_set_modified (data->report, tr_report_get_modified (data->snapshot));
  return TRUE;
}

static gboolean
load_travellers (TrReportStore  *self,
                 TrReport       *report,
                 gint64          num,
                 const char     *what,
                 GError        **error)
{
  g_autoptr(TrStatement) stmt =
    tr_store_prepare (self,
                      "SELECT name, agency, unit, title, phone FROM travellers"
                      " WHERE report_num = ?1 ORDER BY position",
                      what, error);
  GListStore *travellers = tr_report_get_travellers (report);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, num);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TrTraveller) traveller = tr_traveller_new ();

      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        tr_traveller_set (traveller, f, tr_store_column_text (stmt, f));
      g_list_store_append (travellers, traveller);
    }
  if (rc != SQLITE_DONE)
    return tr_store_set_sqlite_error (error, self->db, rc, what);
  return TRUE;
}

static gboolean
load_keywords (TrReportStore  *self,
               TrReport       *report,
               gint64          num,
               const char     *what,
               GError        **error)
{
  g_autoptr(TrStatement) stmt =
    tr_store_prepare (self, "SELECT keyword FROM keywords WHERE report_num = ?1 ORDER BY position",
                      what, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keywords = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, num);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, tr_store_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return tr_store_set_sqlite_error (error, self->db, rc, what);

  keywords = g_strv_builder_end (builder);
  tr_report_set_keywords (report, (const char * const *) keywords);
  return TRUE;
}

/* @length bytes at @offset of report @num's original file, for a photo
 * stored as a part of it: read from the file's row as a blob, which
 * reads only the pages that hold them; @source keeps it open for the next
 * photo. */
static GBytes *
read_source_part (TrReportStore  *self,
                  gint64          num,
                  sqlite3_blob  **source,
                  gint64          offset,
                  gint64          length,
                  const char     *what,
                  GError        **error)
{
  g_autofree guint8 *bytes = NULL;
  int rc;

  if (*source == NULL)
    {
      /* sources.report_num is its rowid; the bytes are in one of two
       * columns (see schema 12). */
      rc = sqlite3_blob_open (self->db, "main", "sources", "contents", num, 0, source);
      if (rc == SQLITE_ERROR)
        rc = sqlite3_blob_open (self->db, "main", "sources", "data", num, 0, source);
      if (rc != SQLITE_OK)
        {
          /* *source is NULL again. */
          tr_store_set_sqlite_error (error, self->db, rc, what);
          return NULL;
        }
    }
  if (offset < 0 || length <= 0 || length > TR_PHOTO_MAX_SIZE || offset > sqlite3_blob_bytes (*source) ||
      length > sqlite3_blob_bytes (*source) - offset)
    {
      tr_store_set_sqlite_error (error, NULL, SQLITE_CORRUPT, what);
      return NULL;
    }
  bytes = g_malloc ((gsize) length);
  rc = sqlite3_blob_read (*source, bytes, (int) length, (int) offset);
  if (rc != SQLITE_OK)
    {
      tr_store_set_sqlite_error (error, self->db, rc, what);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&bytes), (gsize) length);
}

static gboolean
load_photos (TrReportStore  *self,
             TrReport       *report,
             gint64          num,
             const char     *what,
             GError        **error)
{
  g_autoptr(TrStatement) stmt =
    tr_store_prepare (self,
                      "SELECT id, mime_type, width, height, caption, data, source_offset, source_length FROM photos"
                      " WHERE report_num = ?1 ORDER BY position",
                      what, error);
  GListStore *photos = tr_report_get_photos (report);
  sqlite3_blob *source = NULL;
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, num);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) data = NULL;
      g_autoptr(TrPhoto) photo = NULL;

      if (sqlite3_column_type (stmt, 6) == SQLITE_NULL)
        data = g_bytes_new (sqlite3_column_blob (stmt, 5), sqlite3_column_bytes (stmt, 5));
      else if ((data = read_source_part (self, num, &source, sqlite3_column_int64 (stmt, 6),
                                         sqlite3_column_int64 (stmt, 7), what, error)) == NULL)
        {
          ok = FALSE;
          break;
        }
      photo =
        tr_photo_new_full (tr_store_column_text (stmt, 0), data, tr_store_column_text (stmt, 1),
                           (guint) CLAMP (sqlite3_column_int64 (stmt, 2), 0, G_MAXUINT),
                           (guint) CLAMP (sqlite3_column_int64 (stmt, 3), 0, G_MAXUINT),
                           tr_store_column_text (stmt, 4));

      g_list_store_append (photos, photo);
    }
  if (source != NULL)
    sqlite3_blob_close (source);
  if (!ok)
    return FALSE;
  if (rc != SQLITE_DONE)
    return tr_store_set_sqlite_error (error, self->db, rc, what);
  return TRUE;
}

void
tr_store_set_not_found (GError     **error,
                        const char  *id)
{
  g_set_error (error, TR_ERROR, TR_ERROR_NOT_FOUND, _("No report with ID “%s”"), id);
}

gboolean
tr_store_find_existing_num (TrReportStore  *self,
                            const char     *id,
                            gint64         *out_num,
                            const char     *what,
                            GError        **error)
{
  if (!tr_store_find_num (self, id, out_num, what, error))
    return FALSE;
  if (*out_num == 0)
    {
      tr_store_set_not_found (error, id);
      return FALSE;
    }
  return TRUE;
}

static TrReport *
load_locked (TrReportStore  *self,
             const char     *id,
             const char     *what,
             GError        **error)
{
  g_autoptr(TrStatement) stmt = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_auto(GStrv) warnings = NULL;
  TrReportKind kind = TR_REPORT_KIND_DRAFT;
  const int extra = SELECT_FIRST_FIELD_COLUMN + TR_N_FIELDS;
  gint64 num;
  int rc;

  stmt = tr_store_prepare (self, select_report_sql, what, error);
  if (stmt == NULL)
    return NULL;
  tr_store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      tr_store_set_not_found (error, id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      tr_store_set_sqlite_error (error, self->db, rc, what);
      return NULL;
    }

  num = sqlite3_column_int64 (stmt, 0);
  tr_report_kind_from_string (tr_store_column_text (stmt, 1), &kind);
  created = tr_store_parse_time (tr_store_column_text (stmt, 2));
  modified = tr_store_parse_time (tr_store_column_text (stmt, 3));
  report = tr_report_new_full (id, kind, created, modified);

  for (guint f = 0; f < TR_N_FIELDS; f++)
    tr_report_set_text (report, f, tr_store_column_text (stmt, SELECT_FIRST_FIELD_COLUMN + f));
  warnings = strv_from_json (tr_store_column_text (stmt, extra));
  tr_report_set_warnings (report, (const char * const *) warnings);
  tr_report_set_has_attachments (report, sqlite3_column_int (stmt, extra + 1));
  tr_report_set_pages (report, (guint) CLAMP (sqlite3_column_int64 (stmt, extra + 2), 0, G_MAXUINT));
  if (sqlite3_column_type (stmt, extra + 4) != SQLITE_NULL)
    tr_report_set_source_info (report, tr_store_column_text (stmt, extra + 3), tr_store_column_text (stmt, extra + 4));
  load_bodies (report, tr_store_column_text (stmt, extra + 5));

  if (!load_travellers (self, report, num, what, error) ||
      !load_keywords (self, report, num, what, error) ||
      !load_photos (self, report, num, what, error))
    return NULL;

  return g_steal_pointer (&report);
}

TrReport *
tr_report_store_load (TrReportStore  *self,
                      const char     *id,
                      GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  return load_locked (self, id, _("Could not read the report"), error);
}

GBytes *
tr_report_store_load_source_data (TrReportStore  *self,
                                  const char     *id,
                                  GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not read the original file of the report");
  g_autoptr(TrStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);

  stmt = tr_store_prepare (self,
                           "SELECT ifnull (s.contents, s.data) FROM reports r JOIN sources s ON s.report_num = r.num"
                           " WHERE r.id = ?1 AND ifnull (s.contents, s.data) IS NOT NULL",
                           what, error);
  if (stmt == NULL)
    return NULL;
  tr_store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      tr_store_set_not_found (error, id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      tr_store_set_sqlite_error (error, self->db, rc, what);
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/* Deleting a report frees its row at once, but only adds to the search
 * index a note of what to leave out: FTS5 drops those words when it
 * merges the index's segments, which means rewriting it. So each
 * deletion does a share of that merge, sized so that the whole index is
 * merged about once for every tenth of the library deleted: what it keeps
 * of deleted reports stays small, at a cost per deletion (some ten
 * reports' worth of pages) that does not grow with the library. Then the
 * free pages go back to the disk (a no-op in libraries made before
 * auto_vacuum). */
static gboolean
give_space_back (TrReportStore  *self,
                 GError        **error)
{
  const char *what = _("Could not give the space of the deleted report back");
  g_autofree char *merge = NULL;
  gint64 n_pages = 0, n_reports = 0;
  gint64 share;

  {
    g_autoptr(TrStatement) stmt =
      tr_store_prepare (self, "SELECT (SELECT page_count FROM pragma_page_count), (SELECT count(*) FROM reports)",
                        what, error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    rc = sqlite3_step (stmt);
    if (rc != SQLITE_ROW)
      return tr_store_set_sqlite_error (error, self->db, rc, what);
    n_pages = sqlite3_column_int64 (stmt, 0);
    n_reports = sqlite3_column_int64 (stmt, 1);
  }
  share = CLAMP (n_pages * 10 / MAX (n_reports, 1), 16, 4096);
  merge = g_strdup_printf ("BEGIN IMMEDIATE;"
                           "INSERT INTO report_fts_short (report_fts_short, rank) VALUES ('merge', -%" G_GINT64_FORMAT ");"
                           "COMMIT",
                           share);
  if (!tr_store_exec_sql (self, merge, what, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return tr_store_exec_sql (self, "PRAGMA incremental_vacuum", what, error);
}

gboolean
tr_report_store_delete (TrReportStore  *self,
                        const char     *id,
                        GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not delete the report");
  g_autoptr(TrStatement) stmt = NULL;
  gboolean pending = FALSE;
  gint64 num = 0;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);

  if (!tr_store_exec_sql (self, "BEGIN IMMEDIATE", what, error))
    return FALSE;
  if (!tr_store_find_existing_num (self, id, &num, what, error))
    goto rollback;
  if (!is_pending (self, num, &pending, what, error) ||
      (!pending && !update_search_index (self, num, TRUE, what, error)))
    goto rollback;
  stmt = tr_store_prepare (self, "DELETE FROM reports WHERE num = ?1", what, error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, num);
  if (!tr_store_step_done (self, stmt, what, error) || !tr_store_exec_sql (self, "COMMIT", what, error))
    goto rollback;

  /* The report is gone whatever happens to its space. */
  {
    g_autoptr(GError) space_error = NULL;

    if (!give_space_back (self, &space_error))
      g_debug ("Space of the deleted report not given back: %s", space_error->message);
  }
  return TRUE;

rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
tr_report_store_set_pages (TrReportStore  *self,
                           const char     *id,
                           guint           pages,
                           GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not save the report");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *modified = tr_store_format_time (now);
  g_autoptr(TrStatement) stmt = NULL;
  gint64 num = 0;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);

  if (!tr_store_exec_sql (self, "BEGIN IMMEDIATE", what, error))
    return FALSE;
  if (!tr_store_find_existing_num (self, id, &num, what, error))
    goto rollback;
  stmt = tr_store_prepare (self, "UPDATE reports SET pages = ?2, modified = ?3 WHERE num = ?1", what, error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, num);
  sqlite3_bind_int64 (stmt, 2, pages);
  tr_store_bind_text (stmt, 3, modified);
  if (!tr_store_step_done (self, stmt, what, error) || !tr_store_exec_sql (self, "COMMIT", what, error))
    goto rollback;
  return TRUE;

rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

guint
tr_report_store_count (TrReportStore  *self,
                       GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not read the library");
  g_autoptr(TrStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), 0);

  locker = g_mutex_locker_new (&self->lock);

  stmt = tr_store_prepare (self, "SELECT count(*) FROM reports", what, error);
  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tr_store_set_sqlite_error (error, self->db, rc, what);
      return 0;
    }
  return (guint) sqlite3_column_int64 (stmt, 0);
}

/* Columns 0–7 of every query that makes TrReportInfo rows. */

static TrReportInfo *
info_new (const char *id,
          const char *kind_text,
          const char *title,
          const char *period_start,
          const char *period_end,
          const char *destination,
          const char *modified_text,
          const char *status_text)
{
  g_autoptr(GDateTime) modified = tr_store_parse_time (modified_text);
  TrReportKind kind = TR_REPORT_KIND_DRAFT;
  TrReviewStatus status = TR_REVIEW_STATUS_DRAFT;
  TrReportInfo *info;

  tr_report_kind_from_string (kind_text, &kind);
  tr_review_status_from_string (status_text, &status);
  info = tr_report_info_new (id, kind, title, period_start, period_end, destination, modified);
  tr_report_info_set_status (info, status);
  return info;
}

TrReportInfo *
tr_store_info_from_row (TrStatement *stmt)
{
  return info_new (tr_store_column_text (stmt, 0), tr_store_column_text (stmt, 1),
                   tr_store_column_text (stmt, 2), tr_store_column_text (stmt, 3),
                   tr_store_column_text (stmt, 4), tr_store_column_text (stmt, 5),
                   tr_store_column_text (stmt, 6), tr_store_column_text (stmt, 7));
}

gboolean
tr_store_foreach_info_row (TrReportStore     *self,
                           TrStatement       *stmt,
                           TrReportInfoFunc   func,
                           gpointer           user_data,
                           const char        *what,
                           GError           **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TrReportInfo) info = tr_store_info_from_row (stmt);

      if (!func (info, user_data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return tr_store_set_sqlite_error (error, self->db, rc, what);
  return TRUE;
}

gboolean
tr_store_add_info (TrReportInfo  *info,
                   gpointer       user_data,
                   GError       **error)
{
  g_ptr_array_add (user_data, g_object_ref (info));
  return TRUE;
}

gboolean
tr_report_store_foreach (TrReportStore     *self,
                         TrReportInfoFunc   func,
                         gpointer           user_data,
                         GError           **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not read the library");
  g_autoptr(TrStatement) stmt = NULL;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);

  stmt = tr_store_prepare (self,
                           "SELECT " TR_STORE_INFO_COLUMNS " FROM reports r ORDER BY r.modified DESC, r.num DESC",
                           what, error);
  if (stmt == NULL)
    return FALSE;
  return tr_store_foreach_info_row (self, stmt, func, user_data, what, error);
}

GPtrArray *
tr_report_store_list (TrReportStore  *self,
                      GError        **error)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), NULL);

  if (!tr_report_store_foreach (self, tr_store_add_info, infos, error))
    return NULL;
  return g_steal_pointer (&infos);
}

/* Search ------------------------------------------------------------------ */

static TrReportInfo *
info_from_hit (const TrSearchHit *hit)
{
  TrReportInfo *info = info_new (hit->id, hit->kind, hit->title, hit->period_start, hit->period_end,
                                 hit->destination, hit->modified, hit->status);

  tr_report_info_set_snippet (info, hit->snippet);
  return info;
}

/* The search itself is tr-search.c's, on this connection: the command
 * line's `search` runs the same without the store. */
GPtrArray *
tr_report_store_search (TrReportStore  *self,
                        const char     *query,
                        guint           limit,
                        GError        **error)
{
  const char *what = _("Could not search the library");
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GPtrArray *infos;
  int rc = SQLITE_OK;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                           _("The search text is not valid UTF-8"));
      return NULL;
    }

  locker = g_mutex_locker_new (&self->lock);

  /* Reports saved since the last search are found too. Should the file not
   * be writable, the search goes on without them rather than failing. */
  {
    g_autoptr(GError) index_error = NULL;

    if (!tr_store_update_index_locked (self, &index_error))
      g_debug ("Searching without the newest reports: %s", index_error->message);
  }

  /* One read transaction: the matches and the rows read for them come from
   * the same state of the file, and its locks are taken once rather than
   * for each of the few dozen statements. */
  if (!tr_store_exec_sql (self, "BEGIN", what, error))
    return NULL;
  if (self->search == NULL)
    self->search = tr_search_new (self->db);
  hits = tr_search_run (self->search, query, limit, &rc);
  if (hits == NULL)
    tr_store_set_sqlite_error (error, self->db, rc, what);
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (hits == NULL)
    return NULL;

  infos = g_ptr_array_new_full (hits->len, g_object_unref);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (infos, info_from_hit (g_ptr_array_index (hits, i)));
  return infos;
}

char *
tr_report_store_find_by_source_sha256 (TrReportStore  *self,
                                       const char     *sha256,
                                       GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not read the library");
  g_autoptr(TrStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);

  stmt = tr_store_prepare (self,
                           "SELECT r.id FROM sources s JOIN reports r ON r.num = s.report_num"
                           " WHERE s.sha256 = ?1 ORDER BY r.num LIMIT 1",
                           what, error);
  if (stmt == NULL)
    return NULL;
  tr_store_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (tr_store_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    tr_store_set_sqlite_error (error, self->db, rc, what);
  return NULL;
}

char *
tr_report_store_find_duplicate (TrReportStore    *self,
                                TrReport         *report,
                                TrDuplicateKind  *out_kind,
                                GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not read the library");
  g_autofree char *text_sha256 = NULL;
  g_autoptr(TrStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), NULL);
  g_return_val_if_fail (TR_IS_REPORT (report), NULL);

  if (out_kind != NULL)
    *out_kind = TR_DUPLICATE_NONE;
  text_sha256 = tr_report_dup_text_fingerprint (report);

  locker = g_mutex_locker_new (&self->lock);

  /* The same file first: it says more than the same text. */
  stmt = tr_store_prepare (self,
                           "SELECT r.id, s.sha256 = ?1 AS same_file"
                           " FROM sources s JOIN reports r ON r.num = s.report_num"
                           " WHERE (s.sha256 = ?1 OR s.text_sha256 = ?2) AND r.id != ?3"
                           " ORDER BY same_file DESC, r.num LIMIT 1",
                           what, error);
  if (stmt == NULL)
    return NULL;
  if (tr_report_get_source_sha256 (report) != NULL)
    tr_store_bind_text (stmt, 1, tr_report_get_source_sha256 (report));
  else
    sqlite3_bind_null (stmt, 1);
  if (text_sha256 != NULL)
    tr_store_bind_text (stmt, 2, text_sha256);
  else
    sqlite3_bind_null (stmt, 2);
  tr_store_bind_text (stmt, 3, tr_report_get_id (report));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (out_kind != NULL)
        *out_kind = sqlite3_column_int (stmt, 1) ? TR_DUPLICATE_SAME_FILE : TR_DUPLICATE_SAME_TEXT;
      return g_strdup (tr_store_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    tr_store_set_sqlite_error (error, self->db, rc, what);
  return NULL;
}

gboolean
tr_report_store_get_data_version (TrReportStore  *self,
                                  gint64         *out_version,
                                  GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not read the library");
  g_autoptr(TrStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);
  g_return_val_if_fail (out_version != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);

  stmt = tr_store_prepare (self, "PRAGMA data_version", what, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return tr_store_set_sqlite_error (error, self->db, rc, what);
  *out_version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
tr_store_save_report_locked (TrReportStore  *self,
                             TrReport       *report,
                             GDateTime      *now,
                             GError        **error)
{
  return save_locked (self, report, now, FALSE, _("Could not save the report"), error);
}

gboolean
tr_report_store_unmap (TrReportStore  *self,
                       GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  return tr_store_exec_sql (self, "PRAGMA mmap_size = 0", _("Could not read the library"), error);
}
