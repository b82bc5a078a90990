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

/* Starts a save of pending changes now and waits for every save in flight:
 * for closing the window and quitting. */
gboolean     tr_report_editor_save_and_wait    (TrReportEditor *self,
                                                GError        **error);

/* Moves the focus to a TrField key, "travellers" or "keywords", and, for
 * texts, to the byte @offset in it (-1 for the start). */
void         tr_report_editor_focus_target     (TrReportEditor *self,
                                                const char     *target,
                                                gssize          offset);

GListModel  *tr_report_editor_get_problems     (TrReportEditor *self);

/* The parts, for tests and for the window. */
GtkWidget   *tr_report_editor_get_form_editor  (TrReportEditor *self);
/* The editor of a long text (summary, a section, the appendix), or NULL. */
/* The photos of the appendix (a TrPhotoGrid). */
GtkWidget   *tr_report_editor_get_photo_grid   (TrReportEditor *self);
GtkWidget   *tr_report_editor_get_text_editor  (TrReportEditor *self,
                                                TrField         field);

/* Review ------------------------------------------------------------------ */

/* Comments on the passage selected in a body section (the focused one, or
 * else the first with a selection) with @body, after saving the draft.
 * FALSE with @error when nothing is selected or the store fails. */
gboolean     tr_report_editor_add_comment      (TrReportEditor *self,
                                                const char     *body,
                                                GError        **error);
/* The comments shown beside the draft (TrComment), as stored. */
GPtrArray   *tr_report_editor_get_comments     (TrReportEditor *self);
GtkWidget   *tr_report_editor_get_comments_panel (TrReportEditor *self);
GtkWidget   *tr_report_editor_get_review_bar   (TrReportEditor *self);

G_END_DECLS
