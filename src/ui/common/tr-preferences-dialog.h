/* tr-preferences-dialog.h: a page of rows to fill in, in a dialog over a
 * window
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The dialog's type, for finding one. */
#if ADW_CHECK_VERSION (1, 5, 0)
# define TR_TYPE_PREFERENCES_DIALOG ADW_TYPE_PREFERENCES_DIALOG
#else
# define TR_TYPE_PREFERENCES_DIALOG ADW_TYPE_PREFERENCES_WINDOW
#endif

/* The dialog around @page, titled @title. */
GtkWidget *tr_preferences_dialog_new       (const char         *title,
                                            AdwPreferencesPage *page);
/* Shows @dialog over the window @parent is in, modal. */
void       tr_preferences_dialog_present   (GtkWidget          *dialog,
                                            GtkWidget          *parent);
/* Shows @toast in the dialog that @widget is in. */
void       tr_preferences_dialog_add_toast (GtkWidget          *widget,
                                            AdwToast           *toast);
/* Closes @dialog, as its close button does. */
void       tr_preferences_dialog_close     (GtkWidget          *dialog);

G_END_DECLS
