/* tr-window-private.h: what the files of the window share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is one class in several files, by concern: tr-window.c (the
 * template, the open report and the reference beside it, the library),
 * tr-window-actions.c (the win.* actions), tr-window-export.c,
 * tr-window-print.c,
 * tr-window-import.c, tr-window-dnd.c (PDFs dropped on the window),
 * tr-window-drafts.c (a new draft left empty goes away),
 * tr-window-state.c (size and last report, kept across runs) and
 * tr-window-close.c (closing waits for the last saves). */

#pragma once

#include "editor/tr-report-editor.h"
#include "library/tr-library-monitor.h"
#include "library/tr-library-view.h"
#include "reader/tr-report-view.h"
#include "tr-identity.h"
#include "tr-split-view.h"
#include "tr-window.h"

G_BEGIN_DECLS

struct _TrWindow
{
  AdwApplicationWindow parent_instance;

  TrReportStore *store;
  TrLibraryModel *library;
  TrLibraryMonitor *library_monitor;
  GSettings *settings;
  /* Who uses the app, as Preferences says; kept in the settings. */
  TrIdentity *identity;

  TrReport *report;        /* open in the main area */
  TrReport *reference;     /* shown beside it */
  char *last_draft_id;     /* to come back to after reading a reference */
  char *untouched_draft_id; /* made with Ctrl+N, nothing typed into it yet */
  TrReport *untouched_draft; /* what it was made as, to tell whether it was touched */

  TrReportEditor *editor;

  /* Closing: the last saves are under way, or failed and the user is
   * asked what to do; once they are done, the close goes through. */
  gboolean closing;
  gboolean close_confirmed;

  /* The printer and options of the last print, offered again. */
  GtkPrintSettings *print_settings;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  TrSplitView *split_view;
  TrLibraryView *library_view;
  AdwHeaderBar *content_header;
  GtkButton *back_button;
  AdwWindowTitle *content_title;
  GtkMenuButton *report_menu_button;
  GtkStack *content_stack;
  GtkPaned *paned;
  GtkStack *report_stack;
  TrReportView *report_view;
  GtkBox *reference_box;
  GtkLabel *reference_label;
  TrReportView *reference_view;
  AdwStatusPage *error_page;
};

/* tr-window.c */
void        _tr_window_toast                (TrWindow       *self,
                                             const char     *message);
const char *_tr_window_report_title         (TrReport       *report);
void        _tr_window_set_report           (TrWindow       *self,
                                             TrReport       *report);
void        _tr_window_set_reference        (TrWindow       *self,
                                             TrReport       *reference);
void        _tr_window_show_placeholder     (TrWindow       *self);
void        _tr_window_update_actions       (TrWindow       *self);
/* Reads the library again, off the main thread. */
void        _tr_window_reload_library       (TrWindow       *self);
/* Saves what was just typed, for what must see it; finishes at once
 * when there is no editor. */
void        _tr_window_save_async           (TrWindow            *self,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean    _tr_window_save_finish          (TrWindow            *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* tr-window-actions.c */
void        _tr_window_class_actions_init   (GtkWidgetClass *widget_class);

/* tr-window-export.c: asks where (in the last folder used, or
 * Documents), then exports. */
/* settings.export-comments, the menu's check for the ODT's comments. */
void        _tr_window_init_export          (TrWindow       *self);
void        _tr_window_choose_export_file   (TrWindow       *self,
                                             TrExportFormat  format,
                                             gboolean        review_form);
void        _tr_window_choose_export_for_review_file (TrWindow *self);
GFile      *_tr_window_get_export_folder    (TrWindow       *self);
/* @report's 頁數 becomes @n_pages, the pages of its PDF, and is saved. */
void        _tr_window_keep_page_count      (TrWindow       *self,
                                             TrReport       *report,
                                             guint           n_pages);
/* After the library changed elsewhere: the 頁數 the command line gave
 * the open report. */
void        _tr_window_follow_page_count    (TrWindow       *self);
/* Opens @uri in the app the system chooses. */
void        _tr_window_open_file            (TrWindow       *self,
                                             const char     *uri);

/* tr-window-print.c: the print dialog, once the pages are laid out. */
void        _tr_window_print                (TrWindow       *self,
                                             gboolean        review_form);

/* tr-window-import.c: asks for PDFs (or a folder of them), then imports. */
void        _tr_window_choose_import_files  (TrWindow       *self,
                                             gboolean        folder);

/* tr-window-dnd.c */
void        _tr_window_dnd_init             (TrWindow       *self);

/* tr-window-drafts.c: the draft just made is deleted again when it is
 * left untouched (TRUE when it was). */
void        _tr_window_note_new_draft       (TrWindow       *self,
                                             TrReport       *report);
void        _tr_window_note_draft_touched   (TrWindow       *self);
gboolean    _tr_window_discard_untouched_draft (TrWindow    *self);

/* tr-window-state.c */
void        _tr_window_restore_state        (TrWindow       *self);
void        _tr_window_store_state          (TrWindow       *self);

/* tr-window-close.c: FALSE while the last saves run or failed; the
 * window is closed again once they are done. */
gboolean    _tr_window_ready_to_close       (TrWindow       *self);

/* For the UI tests: the report open in the main area and the one beside
 * it (or NULL), the editor and the library pane. */
TrReport   *tr_window_get_report            (TrWindow       *self);
TrReport   *tr_window_get_reference         (TrWindow       *self);
GtkWidget  *tr_window_get_editor            (TrWindow       *self);
GtkWidget  *tr_window_get_library_view      (TrWindow       *self);

G_END_DECLS
