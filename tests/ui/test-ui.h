/* test-ui.h: what the files of test-ui share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/Xatom.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <zip.h>

#include "tr-completeness.h"
#include "tr-text-block.h"
#include "common/tr-alert.h"
#include "common/tr-date-row.h"
#include "common/tr-preferences-dialog.h"
#include "common/tr-traveller-list-private.h"
#include "common/tr-traveller-row.h"
#include "editor/tr-body-blocks.h"
#include "editor/tr-form-editor-private.h"
#include "editor/tr-photo-grid-private.h"
#include "editor/tr-photo-row-private.h"
#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "import/tr-import-dialog-private.h"
#include "import/tr-import-item.h"
#include "import/tr-import-review-private.h"
#include "library/tr-library-view-private.h"
#include "reader/tr-report-view.h"
#include "review/tr-comments-panel-private.h"
#include "review/tr-review-bar.h"
#include "review/tr-review-form.h"
#include "tr-problem.h"
#include "tr-report-json.h"
#include "tr-test-util.h"
#include "tr-application.h"
#include "tr-window-private.h"
#include "tr-ui-test.h"

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
  TrWindow *window;
} Fixture;

void fixture_set_up (Fixture       *fixture,
                     gconstpointer  data);
void fixture_tear_down (Fixture       *fixture,
                        gconstpointer  data);
TrWindow *open_window (Fixture *fixture);
TrReportEditor *get_editor (Fixture *fixture);
TrSectionEditor *text_editor (Fixture *fixture,
                              TrField  field);
void type_into (TrSectionEditor *editor,
                const char      *text);
void type_into_row (GtkWidget  *row,
                    const char *text);
char *store_report (Fixture      *fixture,
                    TrReportKind  kind,
                    const char   *title,
                    const char   *purpose);
void make_pdf (const char *path,
               const char *text);
extern const char *pdf_report;
extern char *test_program;

static const struct {
  TrField field;
  const char *text;
} typed_texts[] = {
  { TR_FIELD_SUMMARY, "本次考察東京都智慧交通系統。" },
  { TR_FIELD_PURPOSE, "一、了解東京都交通管理經驗。\n二、建立交流管道。" },
  { TR_FIELD_PROCESS, "一、第一天\n（一）拜會東京都廳\n1. 聽取簡報" },
  { TR_FIELD_OBSERVATIONS, "東京重視公共運輸 (MaaS)。" },
  { TR_FIELD_RECOMMENDATIONS, "一、推動公車動態資訊整合。" },
  { TR_FIELD_APPENDIX, "照片 1：拜會東京都廳" },
};

void add_draft_tests (void);
void add_library_tests (void);
void add_import_tests (void);
void add_import_duplicate_tests (void);
void add_import_progress_tests (void);
void add_review_tests (void);
void add_app_tests (void);
