/* tr-library-upgrade-window.h: shown while a library an earlier version
 * wrote is brought to this one's schema
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TR_TYPE_LIBRARY_UPGRADE_WINDOW (tr_library_upgrade_window_get_type ())
G_DECLARE_FINAL_TYPE (TrLibraryUpgradeWindow, tr_library_upgrade_window, TR, LIBRARY_UPGRADE_WINDOW,
                      AdwApplicationWindow)

TrLibraryUpgradeWindow *tr_library_upgrade_window_new (GtkApplication *application,
                                                       gint64          n_reports);
gint64                  tr_library_upgrade_window_get_n_reports (TrLibraryUpgradeWindow *self);

G_END_DECLS
