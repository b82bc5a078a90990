/* tr-library-monitor.h: notices when another process changes the library
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-report-store.h"

G_BEGIN_DECLS

/* Emits "changed" after the command line, or another copy of the app,
 * committed a change to the store's file; never for the store's own
 * writes. */
#define TR_TYPE_LIBRARY_MONITOR (tr_library_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TrLibraryMonitor, tr_library_monitor, TR, LIBRARY_MONITOR, GObject)

TrLibraryMonitor *tr_library_monitor_new (TrReportStore *store);

G_END_DECLS
