/* ui-app.c: the application: a crash, one instance, no session bus, closing
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-ui.h"

static void
test_crash_after_typing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, TR_REPORT_KIND_DRAFT, "當機測試", "目的");
  const char *text = "這段心得在程式被強制結束前輸入。";
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autoptr(TrReport) after = NULL;
  g_autoptr(TrReportStore) reopened = NULL;

  /* The store of this process must not hold the file while the child writes. */
  release_and_wait (&fixture->store);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            test_program, "--crash-child", fixture->path, id, text, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "typed");

  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  kill (atoi (g_subprocess_get_identifier (child)), SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (child));

  /* Restart: the app reads the same file and finds the text. */
  reopened = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  after = tr_report_store_load (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_get_section (after, TR_SECTION_OBSERVATIONS), ==, text);

  fixture->store = g_steal_pointer (&reopened);
  {
    TrWindow *window = open_window (fixture);
    g_autofree char *shown = NULL;

    g_assert_true (tr_window_open_report (window, id));
    shown = tr_section_editor_dup_text (text_editor (fixture, TR_FIELD_OBSERVATIONS));
    g_assert_cmpstr (shown, ==, text);
  }
}

/* Closing with saves under way --------------------------------------------- */

/* Another process that writes the library: the sqlite3 shell, in the
 * middle of a write transaction (begun once the library's own writers
 * let it), for as long as its input stays open.
 * The window's saves wait for it past the store's busy timeout, then
 * fail. */
static GSubprocess *
hold_write_lock (const char *path)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *shell = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                                         &error, "sqlite3", "-bail", "-cmd", ".timeout 30000",
                                         "-cmd", "BEGIN IMMEDIATE;", path, NULL);
  sqlite3 *db = NULL;
  int rc = SQLITE_OK;

  g_assert_no_error (error);
  /* Held once a writer of our own is turned away. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < 3000 && rc != SQLITE_BUSY; i++)
    {
      rc = sqlite3_exec (db, "BEGIN IMMEDIATE; ROLLBACK;", NULL, NULL, NULL);
      if (rc != SQLITE_BUSY)
        g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
  sqlite3_close (db);
  g_assert_cmpint (rc, ==, SQLITE_BUSY);
  return shell;
}

static void
release_write_lock (GSubprocess *shell)
{
  g_autoptr(GError) error = NULL;

  /* End of input: the shell quits, its transaction rolled back. */
  g_output_stream_close (g_subprocess_get_stdin_pipe (shell), NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (shell, NULL, &error);
  g_assert_no_error (error);
}

static void
window_destroyed (GtkWidget *window,
                  gboolean  *destroyed)
{
  *destroyed = TRUE;
}

static void
press_response (GtkWidget  *alert,
                const char *label)
{
  GtkWidget *button = find_button (alert, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_until (find_shown (TR_TYPE_ALERT) == NULL, 2000);
}

/* A save that fails as the window closes: the window stays and asks.
 * Cancel keeps it open, with what was typed; Retry, once the library can
 * be written again, saves and closes. */
static void
test_close_save_fails_retry (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, TR_REPORT_KIND_DRAFT, "關閉測試", "目的");
  const char *typed = "關閉視窗前最後輸入的心得。";
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(TrReport) stored = NULL;
  TrWindow *window = open_window (fixture);
  gboolean destroyed = FALSE;
  GtkWidget *alert;

  g_assert_true (tr_window_open_report (window, id));
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed), &destroyed);
  shell = hold_write_lock (fixture->path);
  type_into (text_editor (fixture, TR_FIELD_OBSERVATIONS), typed);

  /* The close waits for the save, which fails: the window asks. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (destroyed);
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 30000);
  g_assert_false (destroyed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_nonnull (find_button (alert, _("_Retry")));
  g_assert_nonnull (find_button (alert, _("_Discard Changes")));

  /* Cancel: the window stays, the text with it. */
  press_response (alert, _("_Cancel"));
  wait_ms (100);
  g_assert_false (destroyed);
  {
    g_autofree char *shown = tr_section_editor_dup_text (text_editor (fixture, TR_FIELD_OBSERVATIONS));

    g_assert_cmpstr (shown, ==, typed);
  }

  /* Closing again, still locked out: asked again. */
  gtk_window_close (GTK_WINDOW (window));
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 30000);
  g_assert_false (destroyed);

  /* The other writer is done: Retry saves, and the window goes. */
  release_write_lock (shell);
  press_response (alert, _("_Retry"));
  wait_until (destroyed, 30000);
  fixture->window = NULL;
  stored = load_independently (fixture->path, id);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_OBSERVATIONS), ==, typed);
}

/* Discard: the window goes without what could not be saved. */
static void
test_close_save_fails_discard (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, TR_REPORT_KIND_DRAFT, "捨棄測試", "目的");
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(TrReport) stored = NULL;
  TrWindow *window = open_window (fixture);
  gboolean destroyed = FALSE;
  GtkWidget *alert;

  g_assert_true (tr_window_open_report (window, id));
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed), &destroyed);
  shell = hold_write_lock (fixture->path);
  type_into (text_editor (fixture, TR_FIELD_OBSERVATIONS), "不要的內容");

  gtk_window_close (GTK_WINDOW (window));
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 30000);
  press_response (alert, _("_Discard Changes"));
  wait_until (destroyed, 2000);
  fixture->window = NULL;

  release_write_lock (shell);
  stored = load_independently (fixture->path, id);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_OBSERVATIONS), ==, "");
}

/* Nothing failed: the close waits for the last keystrokes to be saved,
 * then goes through by itself. */
static void
test_close_waits_for_save (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, TR_REPORT_KIND_DRAFT, "等待儲存", "目的");
  const char *typed = "按下關閉前剛打的字。";
  g_autoptr(TrReport) stored = NULL;
  TrWindow *window = open_window (fixture);
  gboolean destroyed = FALSE;

  g_assert_true (tr_window_open_report (window, id));
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed), &destroyed);
  type_into (text_editor (fixture, TR_FIELD_OBSERVATIONS), typed);
  g_assert_cmpint (tr_report_editor_get_save_state (get_editor (fixture)), ==, TR_SAVE_STATE_UNSAVED);

  gtk_window_close (GTK_WINDOW (window));
  wait_until (destroyed, 10000);
  fixture->window = NULL;
  g_assert_null (find_shown (TR_TYPE_ALERT));
  stored = load_independently (fixture->path, id);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_OBSERVATIONS), ==, typed);
}

/* Typed while the closing save runs (held up by another writer, for less
 * than the store's busy timeout): saved as well before the window goes. */
static void
test_close_typing_meanwhile (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, TR_REPORT_KIND_DRAFT, "關閉時仍在輸入", "目的");
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(TrReport) stored = NULL;
  TrWindow *window = open_window (fixture);
  TrSectionEditor *editor;
  gboolean destroyed = FALSE;

  g_assert_true (tr_window_open_report (window, id));
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed), &destroyed);
  editor = text_editor (fixture, TR_FIELD_OBSERVATIONS);
  type_into (editor, "第一句。");
  shell = hold_write_lock (fixture->path);

  gtk_window_close (GTK_WINDOW (window));
  type_into (editor, "第二句。");
  g_assert_false (destroyed);
  release_write_lock (shell);

  wait_until (destroyed, 30000);
  fixture->window = NULL;
  g_assert_null (find_shown (TR_TYPE_ALERT));
  stored = load_independently (fixture->path, id);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_OBSERVATIONS), ==, "第一句。第二句。");
}

/* One app, one window ---------------------------------------------------- */

static TrWindow *
find_app_window (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (TR_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
launch_ended (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *ended = user_data;

  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL));
  *ended = TRUE;
}

/* The real binary, as a desktop launches it: no --db, the default library. */
static GSubprocess *
launch_app (const char *first_argument,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *launch;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TR_BINARY"));
  va_start (args, first_argument);
  for (const char *argument = first_argument; argument != NULL; argument = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) argument);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  launch = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  return launch;
}

/* Runs in a process of its own (g_test_trap_subprocess()), with
 * XDG_DATA_HOME and the session bus that the test set up: this process
 * is the app, started first; later launches of the real binary hand it
 * their command lines. */
static void
run_single_instance_child (void)
{
  g_autoptr(TrApplication) app = tr_application_new ();
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tr_report_store_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *pdf = g_build_filename (dir, "第二次啟動.pdf", NULL);
  g_autofree char *id = NULL;
  g_autoptr(TrReport) stored = NULL;
  TrWindow *window;
  gboolean ended = FALSE;

  store = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);

    tr_report_set_text (report, TR_FIELD_TITLE, "從命令列開啟");
    g_assert_true (tr_report_store_save (store, report, &error));
    id = g_strdup (tr_report_get_id (report));
  }
  make_pdf (pdf, pdf_report);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  g_application_activate (G_APPLICATION (app));
  window = find_app_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);

  /* A second launch with a PDF: imported here, and it ends at once. */
  {
    g_autoptr(GSubprocess) launch = launch_app (pdf, NULL);

    g_subprocess_wait_async (launch, NULL, launch_ended, &ended);
    wait_until (ended, 30000);
    g_assert_true (g_subprocess_get_successful (launch));
    wait_until (find_shown (TR_TYPE_IMPORT_DIALOG) != NULL, 10000);
    g_assert_true (find_app_window (GTK_APPLICATION (app)) == window);
    gtk_window_destroy (GTK_WINDOW (find_shown (TR_TYPE_IMPORT_DIALOG)));
  }

  /* Another with --open: the report opens in the window there was. */
  {
    g_autoptr(GSubprocess) launch = launch_app ("--open", id, NULL);

    ended = FALSE;
    g_subprocess_wait_async (launch, NULL, launch_ended, &ended);
    wait_until (ended, 30000);
    g_assert_true (g_subprocess_get_successful (launch));
    wait_until (tr_window_get_report (window) != NULL, 10000);
    g_assert_cmpstr (tr_report_get_id (tr_window_get_report (window)), ==, id);
  }

  /* Quit right after typing: the app waits for the save, then its window
   * goes, and the app with it. */
  type_into (TR_SECTION_EDITOR (tr_report_editor_get_text_editor (TR_REPORT_EDITOR (tr_window_get_editor (window)),
                                                                  TR_FIELD_PURPOSE)),
             "結束前輸入");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  wait_until (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL, 10000);
  stored = tr_report_store_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PURPOSE), ==, "結束前輸入");
}

/* The X window of process @pid, if it shows one. */
static gboolean
has_x_window (GPid pid)
{
  Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  Atom pid_atom = XInternAtom (display, "_NET_WM_PID", False);
  Window root, parent, *children = NULL;
  unsigned int n_children = 0;
  gboolean found = FALSE;

  if (!XQueryTree (display, DefaultRootWindow (display), &root, &parent, &children, &n_children))
    return FALSE;
  for (unsigned int i = 0; i < n_children && !found; i++)
    {
      XWindowAttributes attributes;
      Atom type;
      int format;
      unsigned long n_items, after;
      unsigned char *data = NULL;

      if (XGetWindowAttributes (display, children[i], &attributes) && attributes.map_state == IsViewable &&
          XGetWindowProperty (display, children[i], pid_atom, 0, 1, False, XA_CARDINAL, &type, &format,
                              &n_items, &after, &data) == Success && data != NULL && n_items == 1)
        found = (GPid) *(unsigned long *) data == pid;
      if (data != NULL)
        XFree (data);
    }
  XFree (children);
  return found;
}

/* Without a session bus: each launch is an app of its own, and both work.
 * The one here still waits for its last save when it quits. */
static void
run_without_bus_child (void)
{
  g_autoptr(TrApplication) app = tr_application_new ();
  g_autoptr(GSubprocess) launch = NULL;
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tr_report_store_get_default_path ();
  g_autofree char *id = NULL;
  g_autoptr(TrReport) stored = NULL;
  TrWindow *window;
  GtkWidget *alert;

  store = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);

    g_assert_true (tr_report_store_save (store, report, &error));
    id = g_strdup (tr_report_get_id (report));
  }

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  g_application_activate (G_APPLICATION (app));
  window = find_app_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);

  /* A second launch has no app to hand over to: it shows its own window. */
  launch = launch_app ("--open", id, NULL);
  wait_until (has_x_window (atoi (g_subprocess_get_identifier (launch))), 30000);
  g_subprocess_send_signal (launch, SIGTERM);
  g_subprocess_wait (launch, NULL, NULL);

  /* Quit with a save that cannot go through: the window asks, the app
   * stays; once the library can be written, Retry saves and the app ends. */
  g_assert_true (tr_window_open_report (window, id));
  shell = hold_write_lock (path);
  type_into (TR_SECTION_EDITOR (tr_report_editor_get_text_editor (TR_REPORT_EDITOR (tr_window_get_editor (window)),
                                                                  TR_FIELD_PURPOSE)),
             "離開時鎖住");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 30000);
  g_assert_true (find_app_window (GTK_APPLICATION (app)) == window);
  release_write_lock (shell);
  press_response (alert, _("_Retry"));
  wait_until (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL, 30000);
  stored = tr_report_store_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PURPOSE), ==, "離開時鎖住");
}

/* The child runs with this test's folder as its data folder: its
 * default library is a fresh one. */
static void
trap_app_child (Fixture *fixture)
{
  g_setenv ("XDG_DATA_HOME", fixture->dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("XDG_DATA_HOME");
  g_test_trap_assert_passed ();
}

static void
test_single_instance (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autoptr(GTestDBus) bus = NULL;

  if (g_test_subprocess ())
    {
      run_single_instance_child ();
      return;
    }

  /* A session bus of the test's own; GTestDBus unsets DISPLAY. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  g_setenv ("DISPLAY", display, TRUE);
  trap_app_child (fixture);
  g_test_dbus_down (bus);
  g_setenv ("DISPLAY", display, TRUE);
}

static void
test_without_session_bus (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

  if (g_test_subprocess ())
    {
      run_without_bus_child ();
      return;
    }

  /* Nowhere to connect: as under a bare Xvfb. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
  trap_app_child (fixture);
  if (address != NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  else
    g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
}

void
add_app_tests (void)
{
  g_test_add ("/ui/crash/sigkill-after-typing", Fixture, NULL, fixture_set_up,
              test_crash_after_typing, fixture_tear_down);
  g_test_add ("/ui/app/single-instance", Fixture, NULL, fixture_set_up,
              test_single_instance, fixture_tear_down);
  g_test_add ("/ui/app/without-session-bus", Fixture, NULL, fixture_set_up,
              test_without_session_bus, fixture_tear_down);
  g_test_add ("/ui/close/waits-for-save", Fixture, NULL, fixture_set_up,
              test_close_waits_for_save, fixture_tear_down);
  g_test_add ("/ui/close/typing-meanwhile", Fixture, NULL, fixture_set_up,
              test_close_typing_meanwhile, fixture_tear_down);
  g_test_add ("/ui/close/save-fails-retry", Fixture, NULL, fixture_set_up,
              test_close_save_fails_retry, fixture_tear_down);
  g_test_add ("/ui/close/save-fails-discard", Fixture, NULL, fixture_set_up,
              test_close_save_fails_discard, fixture_tear_down);
}
