/* tr-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-application.h"
#include "tr-report-store.h"

G_BEGIN_DECLS

#define TR_TYPE_WINDOW (tr_window_get_type ())
G_DECLARE_FINAL_TYPE (TrWindow, tr_window, TR, WINDOW, AdwApplicationWindow)

/* @store is NULL when it could not be opened; @store_error then says why. */
TrWindow *tr_window_new (TrApplication *application,
                         TrReportStore *store,
                         const GError  *store_error);

G_END_DECLS
