/* tr-window-import.c: PDF, ODT and DOCX files into the library, through the import dialog
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "import/tr-import-dialog.h"
#include "tr-importer.h"
#include "tr-file-chooser.h"
#include "tr-window-private.h"

static void
imported_report_saved (TrWindow   *self,
                       const char *id)
{
  _tr_window_reload_library (self);
}

static void
imported_report_open (TrWindow   *self,
                      const char *id)
{
  tr_window_open_report (self, id);
}

GtkWindow *
tr_window_import (TrWindow   *self,
                  GListModel *files)
{
  g_auto(GStrv) argv = tr_import_get_worker_argv ();
  TrImportDialog *dialog;

  g_return_val_if_fail (TR_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  if (self->store == NULL || g_list_model_get_n_items (files) == 0)
    return NULL;

  dialog = tr_import_dialog_new (GTK_WINDOW (self), self->store, (const char * const *) argv, files);
  g_signal_connect_object (dialog, "report-saved", G_CALLBACK (imported_report_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "open-report", G_CALLBACK (imported_report_open), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
import_files_chosen (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TrWindow) self = user_data;
  g_autoptr(GListModel) files = tr_file_chooser_choose_finish (result, NULL);

  if (files != NULL)
    tr_window_import (self, files);
}

void
_tr_window_choose_import_files (TrWindow *self,
                                gboolean  folder)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Reports (PDF, ODT, DOCX)"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "odt");
  gtk_file_filter_add_suffix (filter, "docx");
  tr_file_chooser_choose (GTK_WINDOW (self),
                          folder ? TR_FILE_CHOOSER_SELECT_FOLDER : TR_FILE_CHOOSER_OPEN_FILES,
                          folder ? _("Import a Folder of Reports") : _("Import Reports"), _("_Import"),
                          filter, NULL, NULL, import_files_chosen, g_object_ref (self));
}
