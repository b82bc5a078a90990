/* tr-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "tr-application.h"
#include "tr-help.h"
#include "tr-library-upgrade-window.h"
#include "tr-report-store.h"
#include "tr-window.h"

struct _TrApplication
{
  AdwApplication parent_instance;

  char *db_path;
  TrReportStore *store;
  GError *store_error;
  GSettings *settings;

  /* While a library an earlier version wrote is being upgraded: the
   * window that says so, and what was asked of the app meanwhile. */
  GCancellable *upgrade_cancellable;
  GtkWindow *upgrade_window;
  GPtrArray *waiting_requests;
};

/* An activation, files to open, or a command line, put off until the
 * library is open. */
typedef struct
{
  GListModel *files;
  GApplicationCommandLine *command_line;
} TrStartRequest;

static void
tr_start_request_free (TrStartRequest *request)
{
  g_clear_object (&request->files);
  g_clear_object (&request->command_line);
  g_free (request);
}

G_DEFINE_FINAL_TYPE (TrApplication, tr_application, ADW_TYPE_APPLICATION)

/* Reports are written in Traditional Chinese whatever language the desktop
 * speaks. Pango lays Han characters out in the locale's language when it
 * has them (zh_TW, but also ja or zh_CN) and otherwise in the first of
 * PANGO_LANGUAGE's that has: in an English desktop, without zh-tw there,
 * fontconfig's first face with Han characters, often a Japanese one or a
 * brush face. Put first in the list, before Pango reads it. */
void
tr_application_prefer_report_language (void)
{
  const char *preferred = g_getenv ("PANGO_LANGUAGE");
  g_autofree char *languages = NULL;

  if (preferred == NULL || *preferred == '\0')
    languages = g_strdup ("zh-tw");
  else if (g_str_has_prefix (preferred, "zh-tw"))
    return;
  else
    languages = g_strconcat ("zh-tw:", preferred, NULL);
  g_setenv ("PANGO_LANGUAGE", languages, TRUE);
}

/* The window paints into buffers of megabytes, made anew for each frame.
 * glibc maps one larger than any it has freed before from the kernel,
 * and each of its pages costs a fault when first painted: a report's
 * first frame paid some 300 of them, 3 ms of a 9 ms frame on our
 * machines, and so did other frames whenever the heap had been trimmed
 * below the buffer's size. Such buffers are taken from the heap and
 * what is freed is kept for the next frames, as glibc's own adjustment
 * would settle once it had seen a 32 MB buffer freed. */
void
tr_application_tune_memory (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
}

static void
tr_application_finalize (GObject *object)
{
  TrApplication *self = TR_APPLICATION (object);

  g_free (self->db_path);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_object (&self->settings);
  g_clear_object (&self->upgrade_cancellable);
  g_clear_pointer (&self->waiting_requests, g_ptr_array_unref);

  G_OBJECT_CLASS (tr_application_parent_class)->finalize (object);
}

/* In the process just started, before it knows whether another one runs
 * the app already. */
static int
tr_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  TrApplication *self = TR_APPLICATION (application);

  /* Another library is another app: it opens in a window of its own
   * rather than in the one of the default library. */
  if (g_variant_dict_lookup (options, "db", "^ay", &self->db_path))
    g_application_set_flags (application, g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static void handle_request (TrApplication  *self,
                            TrStartRequest *request);

static void
library_opened (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TrApplication) self = user_data;
  gboolean closed = g_cancellable_is_cancelled (self->upgrade_cancellable);
  g_autoptr(GPtrArray) requests = g_steal_pointer (&self->waiting_requests);

  self->store = tr_report_store_open_finish (result, &self->store_error);
  g_clear_object (&self->upgrade_cancellable);

  /* Closed while upgrading: the app ends without a window. Otherwise the
   * main window takes over (showing the error in place if the upgrade
   * failed) before the upgrade's goes, so the app never has none. */
  if (!closed)
    for (guint i = 0; i < requests->len; i++)
      handle_request (self, requests->pdata[i]);
  if (self->upgrade_window != NULL)
    gtk_window_destroy (g_steal_pointer (&self->upgrade_window));
  g_application_release (G_APPLICATION (self));
}

static gboolean
upgrade_window_close_request (GtkWindow     *window,
                              TrApplication *self)
{
  g_cancellable_cancel (self->upgrade_cancellable);
  self->upgrade_window = NULL;
  return FALSE;
}

static void
tr_application_startup (GApplication *application)
{
  TrApplication *self = TR_APPLICATION (application);
  g_autofree char *path = NULL;
  gint64 n_reports = 0;

  G_APPLICATION_CLASS (tr_application_parent_class)->startup (application);

  /* The window shows the error in place: a library that cannot be opened is
   * something to explain, not a reason to vanish. An upgrade, which can
   * take minutes, runs in a thread behind a window of its own. */
  path = self->db_path != NULL ? g_strdup (self->db_path) : tr_report_store_get_default_path ();
  if (tr_report_store_needs_upgrade (path, &n_reports))
    {
      self->upgrade_cancellable = g_cancellable_new ();
      self->waiting_requests = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_start_request_free);
      self->upgrade_window = GTK_WINDOW (tr_library_upgrade_window_new (GTK_APPLICATION (self), n_reports));
      g_signal_connect (self->upgrade_window, "close-request",
                        G_CALLBACK (upgrade_window_close_request), self);
      g_application_hold (application);
      tr_report_store_open_async (path, self->upgrade_cancellable, library_opened, g_object_ref (self));
    }
  else
    self->store = tr_report_store_open (path, &self->store_error);

  /* Run from a build tree without an installed schema, the app still works;
   * it only forgets its window size. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema =
      source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

    if (schema != NULL)
      self->settings = g_settings_new (APP_ID);
  }
}

static TrWindow *
ensure_window (TrApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* The active window may be a dialog of the main one. */
  while (window != NULL && !TR_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  if (window == NULL)
    window = GTK_WINDOW (tr_window_new (GTK_APPLICATION (self), self->store, self->store_error,
                                        self->settings));
  return TR_WINDOW (window);
}

/* `trip-reports [--open ID] [--reference ID] [FILE.pdf…]`, in the first
 * process, or sent to it by a later one: that one then ends, and the
 * window that was there comes to the front with what it was given. */
static void
handle_command_line (TrApplication           *self,
                     GApplicationCommandLine *command_line)
{
  TrWindow *window = ensure_window (self);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_auto(GStrv) arguments = g_application_command_line_get_arguments (command_line, NULL);
  const char *open_id = NULL;
  const char *reference_id = NULL;

  /* The options were taken out; what is left after the program's name
   * are files, relative to where the command was typed. */
  for (guint i = 1; arguments[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, arguments[i]);

      g_list_store_append (files, file);
    }

  gtk_window_present (GTK_WINDOW (window));
  if (g_variant_dict_lookup (options, "reference", "&s", &reference_id))
    tr_window_show_reference (window, reference_id);
  if (g_variant_dict_lookup (options, "open", "&s", &open_id))
    tr_window_open_report (window, open_id);
  if (g_list_model_get_n_items (G_LIST_MODEL (files)) > 0)
    tr_window_import (window, G_LIST_MODEL (files));
}

/* "Open With" in a file manager imports; a plain activation shows the
 * window. */
static void
handle_request (TrApplication  *self,
                TrStartRequest *request)
{
  TrWindow *window;

  if (request->command_line != NULL)
    {
      handle_command_line (self, request->command_line);
      return;
    }
  window = ensure_window (self);
  gtk_window_present (GTK_WINDOW (window));
  if (request->files != NULL)
    tr_window_import (window, request->files);
}

/* Until the library is open there is no main window to give a request
 * to: it waits (a later launch that passed it waits too, for its command
 * line object), and the upgrade's window comes to the front. */
static void
take_request (TrApplication  *self,
              TrStartRequest *request)
{
  if (self->upgrade_cancellable == NULL)
    {
      handle_request (self, request);
      tr_start_request_free (request);
      return;
    }
  g_ptr_array_add (self->waiting_requests, request);
  if (self->upgrade_window != NULL)
    gtk_window_present (self->upgrade_window);
}

static void
tr_application_activate (GApplication *application)
{
  take_request (TR_APPLICATION (application), g_new0 (TrStartRequest, 1));
}

static void
tr_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  TrStartRequest *request = g_new0 (TrStartRequest, 1);
  GListStore *list = g_list_store_new (G_TYPE_FILE);

  for (int i = 0; i < n_files; i++)
    g_list_store_append (list, files[i]);
  request->files = G_LIST_MODEL (list);
  take_request (TR_APPLICATION (application), request);
}

static int
tr_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  TrStartRequest *request = g_new0 (TrStartRequest, 1);

  request->command_line = g_object_ref (command_line);
  take_request (TR_APPLICATION (application), request);
  return 0;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (application));

  /* As their close buttons do: a window with saves under way goes once
   * they are done, one whose save failed asks first. The app ends with
   * its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  static const char *developers[] = { "Trip Reports developers", NULL };
  /* libadwaita 1.5 draws it as a dialog inside the window. */
#if ADW_CHECK_VERSION (1, 5, 0)
  GObject *about = G_OBJECT (adw_about_dialog_new ());
#else
  GObject *about = G_OBJECT (adw_about_window_new ());
#endif

  g_object_set (about,
                "application-name", _("Trip Reports"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "developer-name", "Trip Reports developers",
                "developers", developers,
                "license-type", GTK_LICENSE_GPL_3_0,
                "translator-credits", _("translator-credits"),
                NULL);
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (about), GTK_WIDGET (window));
#else
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_present (GTK_WINDOW (about));
#endif
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  tr_help_show (gtk_application_get_active_window (GTK_APPLICATION (user_data)), NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
  { .name = "help", .activate = help_activated },
};

static void
tr_application_class_init (TrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tr_application_finalize;
  app_class->handle_local_options = tr_application_handle_local_options;
  app_class->startup = tr_application_startup;
  app_class->activate = tr_application_activate;
  app_class->open = tr_application_open;
  app_class->command_line = tr_application_command_line;
}

static void
tr_application_init (TrApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *help_accels[] = { "F1", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);

  g_application_add_main_option (G_APPLICATION (self), "db", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Use the library at PATH instead of the default one"),
                                 _("PATH"));
  g_application_add_main_option (G_APPLICATION (self), "open", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_STRING,
                                 _("Open the report with this ID"),
                                 _("ID"));
  g_application_add_main_option (G_APPLICATION (self), "reference", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_STRING,
                                 _("Show the report with this ID beside the open one"),
                                 _("ID"));
}

TrApplication *
tr_application_new (void)
{
  /* One process: a second launch hands its command line (files to
   * import, a report to open) to the first and ends. Without a session
   * bus each launch runs alone, as GApplication does then. */
  return g_object_new (TR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/TripReports",
                       NULL);
}
