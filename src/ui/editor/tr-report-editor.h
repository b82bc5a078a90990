/* tr-report-editor.h: the whole draft — 提要 form, 摘要, four sections,
 * appendix — with an outline, a completeness panel and autosave
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-report.h"
#include "tr-report-store.h"

G_BEGIN_DECLS

typedef enum {
  TR_SAVE_STATE_SAVED,
  TR_SAVE_STATE_UNSAVED,   /* changed, a save is scheduled */
  TR_SAVE_STATE_SAVING,
  TR_SAVE_STATE_FAILED,
} TrSaveState;

/* Quiet time after the last keystroke before a save starts. */
#define TR_AUTOSAVE_DELAY_MS 500

#define TR_TYPE_REPORT_EDITOR (tr_report_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrReportEditor, tr_report_editor, TR, REPORT_EDITOR, GtkWidget)

GtkWidget   *tr_report_editor_new              (TrReportStore  *store);

TrReport    *tr_report_editor_get_report       (TrReportEditor *self);
/* Saves what the previous report still had pending, then shows @report. */
void         tr_report_editor_set_report       (TrReportEditor *self,
                                                TrReport       *report);

TrSaveState  tr_report_editor_get_save_state   (TrReportEditor *self);
/* Why the last save failed, or NULL. */
const char  *tr_report_editor_get_save_error   (TrReportEditor *self);

/* Saves pending changes now, and finishes once no save is in flight:
 * FALSE with @error when the last one failed. For what must see the
 * report as typed (export, review form, comments) and for closing. */
void         tr_report_editor_save_async       (TrReportEditor      *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean     tr_report_editor_save_finish      (TrReportEditor      *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* Moves the focus to a TrField key, "travellers" or "keywords", and, for
 * texts, to the byte @offset in it (-1 for the start). */
void         tr_report_editor_focus_target     (TrReportEditor *self,
                                                const char     *target,
                                                gssize          offset);

/* Opens the find bar on the longest word of @query (a library search) and
 * shows its first match, the focus left where it is. */
void         tr_report_editor_show_matches     (TrReportEditor *self,
                                                const char     *query);

G_END_DECLS
