/* test-ui-details.c: small things a new user trips over, in a real window
 * under Xvfb: the travellers' move buttons, the password of a PDF, the
 * outline's names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <locale.h>

#include "common/tr-traveller-list-private.h"
#include "common/tr-traveller-row.h"
#include "editor/tr-form-editor-private.h"
#include "editor/tr-report-editor-private.h"
#include "import/tr-import-dialog-private.h"
#include "import/tr-import-item.h"
#include "library/tr-library-view-private.h"
#include "tr-pdf-maker.h"
#include "tr-test-util.h"
#include "tr-window-private.h"
#include "tr-ui-test.h"

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
  TrWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = open_test_library ("tr-ui-details-XXXXXX", &fixture->dir, &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_test_library (fixture->window, &fixture->store, &fixture->dir, &fixture->path);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = show_window (fixture->store, NULL, 1200, 760);
}

/* The buttons of a traveller row, by their tooltip. */
static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *widget,
                          const char *tooltip)
{
  return find_matching (widget, is_button_with_tooltip, tooltip);
}

static void
assert_can_move (TrTravellerList *list,
                 guint            index,
                 gboolean         up,
                 gboolean         down)
{
  GtkWidget *row = tr_traveller_list_get_row (list, index);

  g_assert_cmpint (gtk_widget_is_sensitive (find_button_with_tooltip (row, "Move Up")), ==, up);
  g_assert_cmpint (gtk_widget_is_sensitive (find_button_with_tooltip (row, "Move Down")), ==, down);
}

/* The first traveller cannot go up nor the last down, and their buttons
 * say so; moving one changes which. The move arrows are not the chevron
 * that opens the row. */
static void
test_traveller_move_buttons (Fixture       *fixture,
                             gconstpointer  data)
{
  TrTravellerList *list;
  GtkWidget *up;

  open_window (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-report", NULL);
  list = TR_TRAVELLER_LIST (tr_form_editor_get_traveller_list (TR_FORM_EDITOR (tr_report_editor_get_form_editor (TR_REPORT_EDITOR (tr_window_get_editor (fixture->window))))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "travellers.add", NULL));
  assert_can_move (list, 0, FALSE, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "travellers.add", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "travellers.add", NULL));
  assert_can_move (list, 0, FALSE, TRUE);
  assert_can_move (list, 1, TRUE, TRUE);
  assert_can_move (list, 2, TRUE, FALSE);

  /* The last moved up: still the first and last rows that cannot. */
  g_signal_emit_by_name (find_button_with_tooltip (tr_traveller_list_get_row (list, 2), "Move Up"), "clicked");
  assert_can_move (list, 0, FALSE, TRUE);
  assert_can_move (list, 2, TRUE, FALSE);
  /* One removed: two left. */
  g_signal_emit_by_name (find_button_with_tooltip (tr_traveller_list_get_row (list, 2), "Remove Traveller"), "clicked");
  assert_can_move (list, 1, TRUE, FALSE);

  up = find_descendant (find_button_with_tooltip (tr_traveller_list_get_row (list, 1), "Move Up"), GTK_TYPE_IMAGE);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (up)), ==, "tr-move-up-symbolic");
  /* Shipped with the app, not looked for in the icon theme. */
  g_assert_true (g_resources_get_info ("/org/example/TripReports/icons/scalable/actions/tr-move-up-symbolic.svg",
                                       0, NULL, NULL, NULL));
  g_assert_true (g_resources_get_info ("/org/example/TripReports/icons/scalable/actions/tr-move-down-symbolic.svg",
                                       0, NULL, NULL, NULL));
}

/* A PDF with a password: the entry says what it wants, and Enter in it
 * unlocks as the button does. */
static void
test_password_enter (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *plain = g_build_filename (fixture->dir, "plain.pdf", NULL);
  g_autofree char *locked = g_build_filename (fixture->dir, "有密碼的報告.pdf", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) locked_file = g_file_new_for_path (locked);
  g_autoptr(TrImportItem) item = NULL;
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (plain);
  g_autoptr(GError) error = NULL;
  const char *qpdf[] = { "qpdf", "--encrypt", "公務", "owner-secret", "256", "--", plain, locked, NULL };
  int status = 0;
  TrImportDialog *dialog;
  GtkWidget *entry;
  g_autofree char *placeholder = NULL;

  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_HEADING, "壹、目的");
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_BODY, "了解新加坡推動宜居城市之政策與經驗。");
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_HEADING, "貳、過程");
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_BODY, "七月九日抵達新加坡，出席世界城市峰會開幕式。");
  g_assert_true (tr_pdf_maker_finish (maker, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) qpdf, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_list_store_append (files, locked_file);

  open_window (fixture);
  dialog = TR_IMPORT_DIALOG (tr_window_import (fixture->window, G_LIST_MODEL (files)));
  wait_until (tr_import_dialog_is_idle (dialog), 60000);
  item = g_list_model_get_item (tr_import_dialog_get_items (dialog), 0);
  g_assert_cmpint (tr_import_item_get_state (item), ==, TR_IMPORT_NEEDS_PASSWORD);

  entry = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_PASSWORD_ENTRY);
  g_assert_nonnull (entry);
  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Password");
  gtk_editable_set_text (GTK_EDITABLE (entry), "公務");
  /* What Enter in the entry does. */
  g_signal_emit_by_name (entry, "activate");
  wait_until (tr_import_item_get_state (item) != TR_IMPORT_NEEDS_PASSWORD, 60000);
  wait_until (tr_import_dialog_is_idle (dialog), 60000);
  g_assert_cmpint (tr_import_item_get_state (item), ==, TR_IMPORT_READY);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Labels reading @text inside a list box (the outline, not the page). */
static guint
count_list_labels (GtkWidget  *widget,
                   const char *text)
{
  guint count = 0;

  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text) &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX) != NULL)
    count++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_list_labels (child, text);
  return count;
}

/* The outline names the parts of the report as the report does, the
 * photos too: 附錄 then 照片, not "Photos" in the UI's language. */
static void
test_outline_photos (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *editor;

  open_window (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-report", NULL);
  editor = tr_window_get_editor (fixture->window);
  g_assert_cmpuint (count_list_labels (editor, "附錄"), ==, 1);
  g_assert_cmpuint (count_list_labels (editor, "照片"), ==, 1);
  g_assert_cmpuint (count_list_labels (editor, "Photos"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/details/traveller-move-buttons", Fixture, NULL, fixture_set_up,
              test_traveller_move_buttons, fixture_tear_down);
  g_test_add ("/ui/details/password-enter", Fixture, NULL, fixture_set_up,
              test_password_enter, fixture_tear_down);
  g_test_add ("/ui/details/outline-photos", Fixture, NULL, fixture_set_up,
              test_outline_photos, fixture_tear_down);
  return g_test_run ();
}
