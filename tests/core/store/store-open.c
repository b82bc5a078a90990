/* store-open.c: opening a library: paths, folders, files that are not one, read-only
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-store.h"

/* ---- opening ------------------------------------------------------------ */

static void
test_default_path (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *old_value = g_strdup (g_getenv ("XDG_DATA_HOME"));

  if (g_test_subprocess ())
    {
      /* A fresh process: nothing has read XDG_DATA_HOME before this. */
      g_autofree char *path = tr_report_store_get_default_path ();
      g_autofree char *expected = g_build_filename (g_getenv ("XDG_DATA_HOME"),
                                                    "trip-reports", "library.db", NULL);
      g_autofree char *folder = g_path_get_dirname (expected);
      g_autoptr(TrReportStore) store = NULL;
      g_autoptr(TrReport) report = new_report ("預設位置", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (path, ==, expected);
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
      store = tr_report_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      save (store, report);
      return;
    }

  dir = make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (old_value != NULL)
    g_setenv ("XDG_DATA_HOME", old_value, TRUE);
  else
    g_unsetenv ("XDG_DATA_HOME");
  g_test_trap_assert_passed ();

  db_path = g_build_filename (dir, "trip-reports", "library.db", NULL);
  g_assert_true (g_file_test (db_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (raw_user_version (db_path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReportStore) store = tr_report_store_open (db_path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (tr_report_store_count (store, &error), ==, 1);
  }
  tr_test_remove_tree (dir);
}

static void
test_open_creates_folders (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "a", "b c", "圖書館", "library.db", NULL);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) report = new_report ("深層", NULL);
  g_autoptr(GError) error = NULL;

  store = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  save (store, report);
  g_clear_object (&store);

  store = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  assert_stored (store, report);
}

static void
test_open_folder_is_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "plain-file", NULL);
  g_autofree char *path = g_build_filename (file, "library.db", NULL);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  store = tr_report_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TR_ERROR, TR_ERROR_DB_CANT_OPEN);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_open_empty_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TrReport) report = new_report ("空檔案", "從空檔案開始");
  g_autoptr(GError) error = NULL;

  /* A file of zero bytes (say, made by touch) is an empty database. */
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  save (fixture->store, report);
  assert_stored (fixture->store, report);
  g_assert_cmpint (raw_user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
}

static void
check_not_database (Fixture    *fixture,
                    const char *contents,
                    gsize       length)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  FileSnapshot before = { 0 };

  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
  snapshot_file (fixture->path, &before);
  g_usleep (20000);

  store = tr_report_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, TR_ERROR, TR_ERROR_DB_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, fixture->path));

  assert_file_unchanged (fixture->path, &before);
  assert_only_file (fixture->dir, "library.db");
}

static void
test_not_database_random (Fixture       *fixture,
                          gconstpointer  data)
{
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_test_rand_int_range (0, 256);
  check_not_database (fixture, (const char *) bytes, sizeof bytes);
}

static void
test_not_database_text (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "這不是資料庫，只是一個文字檔。This is a text file, not a database.\n");
  check_not_database (fixture, text->str, text->len);
}

static void
test_not_database_other_program (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  FileSnapshot before = { 0 };
  sqlite3 *db;

  /* A real SQLite file, but someone else's: refused, not "migrated". */
  db = raw_open (fixture->path);
  raw_exec (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                "INSERT INTO notes (text) VALUES ('購物清單');");
  sqlite3_close (db);
  snapshot_file (fixture->path, &before);
  g_usleep (20000);

  store = tr_report_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, TR_ERROR, TR_ERROR_DB_NOT_DATABASE);
  assert_file_unchanged (fixture->path, &before);
  assert_only_file (fixture->dir, "library.db");
}

static gboolean
is_damage_error (const GError *error)
{
  return error != NULL && error->domain == TR_ERROR &&
         (error->code == TR_ERROR_DB_CORRUPT || error->code == TR_ERROR_DB_NOT_DATABASE) &&
         error->message != NULL && error->message[0] != '\0';
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length, page_size = 4096, n_pages;
  guint n_damage_errors = 0;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("報告 %u", i);
      g_autoptr(GString) body = g_string_new (NULL);
      g_autoptr(TrReport) report = NULL;

      for (guint j = 0; j < 30; j++)
        g_string_append_printf (body, "第%u段：考察社會住宅政策與都市更新。", j);
      report = new_report (title, body->str);
      add_traveller (report, "王小明", "科長");
      save (fixture->store, report);
      g_ptr_array_add (ids, g_strdup (tr_report_get_id (report)));
    }
  g_clear_object (&fixture->store);

  /* Keep the header page, overwrite the middle third with garbage. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpmem (contents, 16, "SQLite format 3", 16);
  page_size = ((guint8) contents[16] << 8) | (guint8) contents[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = length / page_size;
  g_assert_cmpuint (n_pages, >, 30);
  for (gsize p = n_pages / 3; p < 2 * n_pages / 3; p++)
    for (gsize i = 0; i < page_size; i++)
      contents[p * page_size + i] = (char) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  /* Open, then use every read and write path. None may crash; each failure
   * must say the file is damaged; and the damage must show somewhere. */
  fixture->store = tr_report_store_open (fixture->path, &error);
  if (fixture->store == NULL)
    {
      g_test_message ("open: %s", error->message);
      g_assert_true (is_damage_error (error));
      return;
    }

  {
    guint count = tr_report_store_count (fixture->store, &error);
    if (error != NULL)
      {
        g_test_message ("count: %s", error->message);
        g_assert_true (is_damage_error (error));
        n_damage_errors++;
        g_clear_error (&error);
      }
    else
      g_assert_cmpuint (count, <=, 300);
  }
  {
    g_autoptr(GPtrArray) list = tr_report_store_list (fixture->store, &error);
    if (error != NULL)
      {
        g_test_message ("list: %s", error->message);
        g_assert_null (list);
        g_assert_true (is_damage_error (error));
        n_damage_errors++;
        g_clear_error (&error);
      }
  }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(TrReport) report = tr_report_store_load (fixture->store, ids->pdata[i], &error);
      if (error != NULL)
        {
          /* A row may be gone with its page: NOT_FOUND is honest too. */
          if (!g_error_matches (error, TR_ERROR, TR_ERROR_NOT_FOUND))
            {
              g_assert_true (is_damage_error (error));
              n_damage_errors++;
            }
          g_clear_error (&error);
        }
    }
  {
    static const char * const queries[] = { "住", "住宅", "社會住宅", "報告 1", NULL };

    for (guint i = 0; queries[i] != NULL; i++)
      {
        g_autoptr(GPtrArray) hits = tr_report_store_search (fixture->store, queries[i], 0, &error);
        if (error != NULL)
          {
            g_test_message ("search: %s", error->message);
            g_assert_true (is_damage_error (error));
            n_damage_errors++;
            g_clear_error (&error);
          }
      }
  }
  {
    g_autoptr(TrReport) report = new_report ("損壞後儲存", "內容");
    if (!tr_report_store_save (fixture->store, report, &error))
      {
        g_test_message ("save: %s", error->message);
        g_assert_true (is_damage_error (error));
        n_damage_errors++;
        g_clear_error (&error);
      }
  }
  g_assert_cmpuint (n_damage_errors, >, 0);
}

/* Runs @check as the user "nobody" when we are root, for whom permissions
 * do not apply. */
static gboolean
drop_root (void)
{
  if (geteuid () != 0)
    return TRUE;
  if (!tr_test_become_nobody ())
    {
      g_printerr ("cannot become nobody: %s\n", g_strerror (errno));
      return FALSE;
    }
  /* A changed UID makes the process non-dumpable, which would stop
   * LeakSanitizer from inspecting it at exit. */
  prctl (PR_SET_DUMPABLE, 1, 0, 0, 0);
  return geteuid () == TR_TEST_NOBODY_ID && access ("/", W_OK) != 0;
}

/* Makes a library with one report, indexed, and returns its ID. */
static char *
make_library (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);
  g_autoptr(TrReport) report = new_report ("唯讀", "唯讀的圖書館");

  g_assert_no_error (error);
  save (store, report);
  g_assert_true (tr_report_store_update_index (store, &error));
  g_assert_no_error (error);
  return g_strdup (tr_report_get_id (report));
}

/* A write to a read-only library fails, saying so and naming it. */
static void
assert_read_only_error (GError     *error,
                        const char *path)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", path);

  g_assert_error (error, TR_ERROR, TR_ERROR_DB_READ_ONLY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, quoted));
  g_assert_nonnull (strstr (error->message, "read-only"));
}

/* The library file is read-only (its folder is not): it opens, everything
 * reads, and each write fails, saying why. */
static void
test_read_only_file (void)
{
  const char *dir = g_getenv ("TR_TEST_RO_DIR");
  const char *id = g_getenv ("TR_TEST_RO_ID");

  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (dir, "library.db", NULL);
      g_autoptr(TrReportStore) store = NULL;
      g_autoptr(TrReport) report = NULL;
      g_autoptr(TrReport) other = new_report ("新報告", "不能寫入");
      g_autoptr(TrReview) review = NULL;
      g_autoptr(GPtrArray) list = NULL;
      g_autoptr(GError) error = NULL;
      FileSnapshot before = { 0 };

      g_assert_true (drop_root ());
      g_assert_cmpint (access (path, R_OK), ==, 0);
      g_assert_cmpint (access (path, W_OK), !=, 0);
      snapshot_file (path, &before);

      store = tr_report_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tr_report_store_count (store, &error), ==, 1);
      g_assert_no_error (error);
      list = tr_report_store_list (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, 1);
      report = load (store, id);
      g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_TITLE), ==, "唯讀");
      assert_hits (store, "圖書館", id, NULL);
      review = tr_report_store_load_review (store, id, &error);
      g_assert_no_error (error);

      tr_report_set_text (report, TR_FIELD_TITLE, "改不了");
      g_assert_false (tr_report_store_save (store, report, &error));
      assert_read_only_error (error, path);
      g_clear_error (&error);
      g_assert_false (tr_report_store_save (store, other, &error));
      assert_read_only_error (error, path);
      g_clear_error (&error);
      g_assert_false (tr_report_store_delete (store, id, &error));
      assert_read_only_error (error, path);
      g_clear_error (&error);
      g_assert_false (tr_report_store_set_status (store, id, TR_REVIEW_STATUS_SUBMITTED, &error));
      assert_read_only_error (error, path);
      g_clear_error (&error);

      g_clear_object (&store);
      assert_file_unchanged (path, &before);
      return;
    }

  {
    g_autofree char *tmp = make_tmp_dir ();
    g_autofree char *path = g_build_filename (tmp, "library.db", NULL);
    g_autofree char *id = make_library (path);

    g_assert_cmpint (g_chmod (path, 0444), ==, 0);
    if (geteuid () == 0)
      {
        /* A file of root's in a folder where nobody may create files. */
        g_assert_cmpint (chown (tmp, TR_TEST_NOBODY_ID, TR_TEST_NOBODY_ID), ==, 0);
        g_assert_cmpint (g_chmod (tmp, 0755), ==, 0);
      }
    g_setenv ("TR_TEST_RO_DIR", tmp, TRUE);
    g_setenv ("TR_TEST_RO_ID", id, TRUE);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_unsetenv ("TR_TEST_RO_DIR");
    g_unsetenv ("TR_TEST_RO_ID");
    g_test_trap_assert_passed ();

    /* Nothing was lost: writable again, it opens with its report. */
    g_assert_cmpint (g_chmod (path, 0644), ==, 0);
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);
      g_autoptr(TrReport) report = NULL;

      g_assert_no_error (error);
      report = load (store, id);
    }
    tr_test_remove_tree (tmp);
  }
}

/* The file is writable but its folder is not, so SQLite cannot make its
 * WAL and shared-memory files, which even reading needs. */
static void
test_read_only_folder (void)
{
  const char *dir = g_getenv ("TR_TEST_RO_DIR");

  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (dir, "library.db", NULL);
      g_autofree char *new_path = g_build_filename (dir, "new.db", NULL);
      g_autoptr(TrReportStore) store = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (drop_root ());
      g_assert_cmpint (access (path, W_OK), ==, 0);
      g_assert_cmpint (access (dir, W_OK), !=, 0);

      /* Refused at open: SQLite cannot make the files it needs beside
       * the library even to read it. The message says so, naming the
       * folder. */
      store = tr_report_store_open (path, &error);
      g_assert_null (store);
      g_assert_error (error, TR_ERROR, TR_ERROR_DB_READ_ONLY);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      {
        g_autofree char *quoted_dir = g_strdup_printf ("folder “%s”", dir);

        g_assert_nonnull (strstr (error->message, quoted_dir));
      }
      g_clear_error (&error);

      /* A new library cannot be created there either. */
      store = tr_report_store_open (new_path, &error);
      g_assert_null (store);
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, TR_ERROR, TR_ERROR_DB_READ_ONLY) ||
                     g_error_matches (error, TR_ERROR, TR_ERROR_DB_CANT_OPEN));
      g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
      return;
    }

  {
    g_autofree char *tmp = make_tmp_dir ();
    g_autofree char *path = g_build_filename (tmp, "library.db", NULL);
    g_autofree char *id = make_library (path);

    if (geteuid () == 0)
      {
        g_assert_cmpint (chown (path, TR_TEST_NOBODY_ID, TR_TEST_NOBODY_ID), ==, 0);
        g_assert_cmpint (g_chmod (tmp, 0755), ==, 0);
      }
    else
      g_assert_cmpint (g_chmod (tmp, 0555), ==, 0);
    g_setenv ("TR_TEST_RO_DIR", tmp, TRUE);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_unsetenv ("TR_TEST_RO_DIR");
    g_test_trap_assert_passed ();

    g_assert_cmpint (g_chmod (tmp, 0700), ==, 0);
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (tr_report_store_count (store, &error), ==, 1);
    }
    tr_test_remove_tree (tmp);
  }
}

void
add_open_tests (void)
{
  g_test_add_func ("/store/open/default-path", test_default_path);
  ADD_NO_STORE ("/store/open/creates-folders", test_open_creates_folders);
  ADD_NO_STORE ("/store/open/folder-is-file", test_open_folder_is_file);
  ADD_NO_STORE ("/store/open/empty-file", test_open_empty_file);
  ADD_NO_STORE ("/store/open/not-database/random", test_not_database_random);
  ADD_NO_STORE ("/store/open/not-database/text", test_not_database_text);
  ADD_NO_STORE ("/store/open/not-database/other-program", test_not_database_other_program);
  ADD ("/store/open/corrupt", test_corrupt);
  g_test_add_func ("/store/open/read-only-file", test_read_only_file);
  g_test_add_func ("/store/open/read-only-folder", test_read_only_folder);
}
