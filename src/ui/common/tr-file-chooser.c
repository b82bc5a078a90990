/* tr-file-chooser.c
 *
 * GTK 4.10 replaced GtkFileChooserNative with GtkFileDialog; both go
 * through the portal in the Flatpak. This is the only place that knows
 * which one the GTK at hand has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* The newer APIs in this file are behind GTK_CHECK_VERSION or
 * ADW_CHECK_VERSION: the MAX_ALLOWED pins of meson.build, which make the
 * headers flag any other newer call, are lifted here. */
#undef GDK_VERSION_MAX_ALLOWED
#undef ADW_VERSION_MAX_ALLOWED

#include "tr-file-chooser.h"

#if GTK_CHECK_VERSION (4, 10, 0)

static void
file_dialog_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  TrFileChooserAction action = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;

  switch (action)
    {
    case TR_FILE_CHOOSER_OPEN_FILES:
      files = gtk_file_dialog_open_multiple_finish (dialog, result, &error);
      break;
    case TR_FILE_CHOOSER_SELECT_FOLDER:
      file = gtk_file_dialog_select_folder_finish (dialog, result, &error);
      break;
    case TR_FILE_CHOOSER_SAVE:
    default:
      file = gtk_file_dialog_save_finish (dialog, result, &error);
      break;
    }

  if (file != NULL)
    {
      GListStore *store = g_list_store_new (G_TYPE_FILE);

      g_list_store_append (store, file);
      files = G_LIST_MODEL (store);
    }
  if (files == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&files), g_object_unref);
}

static void
choose (GtkWindow           *parent,
        TrFileChooserAction  action,
        const char          *title,
        const char          *accept_label,
        GtkFileFilter       *filter,
        GFile               *initial_folder,
        const char          *initial_name,
        GCancellable        *cancellable,
        GTask               *task)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (filter != NULL && action != TR_FILE_CHOOSER_SELECT_FOLDER)
    {
      g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

      g_list_store_append (filters, filter);
      gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    }

  switch (action)
    {
    case TR_FILE_CHOOSER_OPEN_FILES:
      gtk_file_dialog_open_multiple (dialog, parent, cancellable, file_dialog_done, task);
      break;
    case TR_FILE_CHOOSER_SELECT_FOLDER:
      gtk_file_dialog_select_folder (dialog, parent, cancellable, file_dialog_done, task);
      break;
    case TR_FILE_CHOOSER_SAVE:
    default:
      gtk_file_dialog_set_initial_folder (dialog, initial_folder);
      gtk_file_dialog_set_initial_name (dialog, initial_name);
      gtk_file_dialog_save (dialog, parent, cancellable, file_dialog_done, task);
      break;
    }
}

#else

static void
native_response (GtkNativeDialog *dialog,
                 int              response,
                 gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog)), g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Nothing was chosen");
  g_object_unref (dialog);
}

static void
choose (GtkWindow           *parent,
        TrFileChooserAction  action,
        const char          *title,
        const char          *accept_label,
        GtkFileFilter       *filter,
        GFile               *initial_folder,
        const char          *initial_name,
        GCancellable        *cancellable,
        GTask               *task)
{
  static const GtkFileChooserAction chooser_actions[] = {
    [TR_FILE_CHOOSER_OPEN_FILES] = GTK_FILE_CHOOSER_ACTION_OPEN,
    [TR_FILE_CHOOSER_SELECT_FOLDER] = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
    [TR_FILE_CHOOSER_SAVE] = GTK_FILE_CHOOSER_ACTION_SAVE,
  };
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, parent, chooser_actions[action],
                                                              accept_label, NULL);

  if (action == TR_FILE_CHOOSER_OPEN_FILES)
    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  if (action == TR_FILE_CHOOSER_SAVE && initial_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), initial_folder, NULL);
  if (action == TR_FILE_CHOOSER_SAVE && initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), initial_name);
  if (filter != NULL && action != TR_FILE_CHOOSER_SELECT_FOLDER)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* The dialog holds itself until its response. */
  g_signal_connect (dialog, "response", G_CALLBACK (native_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

#endif

void
tr_file_chooser_choose (GtkWindow           *parent,
                        TrFileChooserAction  action,
                        const char          *title,
                        const char          *accept_label,
                        GtkFileFilter       *filter,
                        const char          *initial_name,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (action <= TR_FILE_CHOOSER_SAVE);
  g_return_if_fail (filter == NULL || GTK_IS_FILE_FILTER (filter));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tr_file_chooser_choose);
  g_task_set_task_data (task, GINT_TO_POINTER (action), NULL);
  choose (parent, action, title, accept_label, filter, NULL, initial_name, cancellable, task);
}

void
tr_file_chooser_save (GtkWindow           *parent,
                      const char          *title,
                      const char          *accept_label,
                      GtkFileFilter       *filter,
                      GFile               *initial_folder,
                      const char          *initial_name,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (filter == NULL || GTK_IS_FILE_FILTER (filter));
  g_return_if_fail (initial_folder == NULL || G_IS_FILE (initial_folder));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tr_file_chooser_choose);
  g_task_set_task_data (task, GINT_TO_POINTER (TR_FILE_CHOOSER_SAVE), NULL);
  choose (parent, TR_FILE_CHOOSER_SAVE, title, accept_label, filter, initial_folder, initial_name,
          cancellable, task);
}

GListModel *
tr_file_chooser_choose_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tr_file_chooser_choose, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
