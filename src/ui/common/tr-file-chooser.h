/* tr-file-chooser.h: asks for files to open, a folder, or where to save,
 * through the file chooser portal when there is one
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  TR_FILE_CHOOSER_OPEN_FILES,     /* one or more existing files */
  TR_FILE_CHOOSER_SELECT_FOLDER,
  TR_FILE_CHOOSER_SAVE,
} TrFileChooserAction;

/* Shows the dialog over @parent. @filter (may be NULL) narrows the files
 * shown when opening or saving; @initial_name is the name a save
 * proposes (may be NULL). */
void        tr_file_chooser_choose (GtkWindow            *parent,
                                    TrFileChooserAction   action,
                                    const char           *title,
                                    const char           *accept_label,
                                    GtkFileFilter        *filter,
                                    const char           *initial_name,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
/* Asks where to save, in @initial_folder (may be NULL: wherever the
 * dialog likes) under @initial_name. Finish with
 * tr_file_chooser_choose_finish(). */
void        tr_file_chooser_save   (GtkWindow            *parent,
                                    const char           *title,
                                    const char           *accept_label,
                                    GtkFileFilter        *filter,
                                    GFile                *initial_folder,
                                    const char           *initial_name,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
/* The files chosen (GFile; one for a folder or a save), or NULL with
 * @error set, a user who cancelled included. */
GListModel *tr_file_chooser_choose_finish (GAsyncResult  *result,
                                           GError       **error);

G_END_DECLS
