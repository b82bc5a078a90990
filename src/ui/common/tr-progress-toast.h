/* tr-progress-toast.h: a toast that shows how far a long task has come,
 * with a Cancel button
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TR_TYPE_PROGRESS_TOAST (tr_progress_toast_get_type ())
G_DECLARE_FINAL_TYPE (TrProgressToast, tr_progress_toast, TR, PROGRESS_TOAST, GObject)

/* A task that takes longer than a moment gets a toast in @overlay: @title,
 * a progress bar and a Cancel button that cancels @cancellable (may be
 * NULL: no button), as closing the toast does. A task that ends sooner
 * never shows one. */
TrProgressToast *tr_progress_toast_new          (AdwToastOverlay *overlay,
                                                 const char      *title,
                                                 GCancellable    *cancellable);
/* From 0 to 1. */
void             tr_progress_toast_set_fraction (TrProgressToast *self,
                                                 double           fraction);
double           tr_progress_toast_get_fraction (TrProgressToast *self);
/* The task is over: the toast goes, or is never shown. */
void             tr_progress_toast_finish       (TrProgressToast *self);
/* The toast while it is shown, else NULL: for the tests. */
AdwToast        *tr_progress_toast_get_toast    (TrProgressToast *self);

G_END_DECLS
