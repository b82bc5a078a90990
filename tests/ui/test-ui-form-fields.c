/* test-ui-form-fields.c: the 提要 form in a real window under Xvfb: dates
 * picked with the mouse (clicks sent through the X server, XTest) and the
 * phone number's hint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <locale.h>

#include "common/tr-date-row.h"
#include "editor/tr-form-editor-private.h"
#include "editor/tr-report-editor-private.h"
#include "library/tr-library-view-private.h"
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

  fixture->store = open_test_library ("tr-ui-date-XXXXXX", &fixture->dir, &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_test_library (fixture->window, &fixture->store, &fixture->dir, &fixture->path);
}

/* The label of day @day of the month shown. */
static gboolean
is_day_label (GtkWidget     *widget,
              gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "day-number") &&
         !gtk_widget_has_css_class (widget, "other-month") &&
         g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text);
}

static GtkWidget *
find_day_label (GtkWidget *widget,
                guint      day)
{
  g_autofree char *text = g_strdup_printf ("%u", day);

  return find_matching (widget, is_day_label, text);
}

/* A click in the middle of @widget, as the X server delivers one. */
static void
click (GtkWidget *widget)
{
  Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  GtkNative *native = gtk_widget_get_native (widget);
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (native));
  graphene_point_t point;
  double dx, dy;
  int root_x, root_y;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  XTranslateCoordinates (display, xid, DefaultRootWindow (display), (int) (point.x + dx), (int) (point.y + dy),
                         &root_x, &root_y, &child);
  XTestFakeMotionEvent (display, -1, root_x, root_y, CurrentTime);
  XSync (display, False);
  wait_ms (100);
  XTestFakeButtonEvent (display, 1, True, CurrentTime);
  XTestFakeButtonEvent (display, 1, False, CurrentTime);
  XSync (display, False);
  wait_ms (300);
}

static gboolean
row_in_view (Fixture   *fixture,
             GtkWidget *widget)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (fixture->window), &bounds))
    return FALSE;
  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (fixture->window));
}

static TrDateRow *
open_date_row (Fixture    *fixture,
               const char *key)
{
  TrFormEditor *form = TR_FORM_EDITOR (tr_report_editor_get_form_editor (TR_REPORT_EDITOR (tr_window_get_editor (fixture->window))));
  TrDateRow *row = TR_DATE_ROW (tr_form_editor_get_row (form, key));
  GtkMenuButton *button = GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON));

  /* In view: a popover points at its row, and one pointing outside the
   * window has no monitor to go on. */
  gtk_widget_grab_focus (GTK_WIDGET (row));
  wait_until (row_in_view (fixture, GTK_WIDGET (button)), 5000);
  wait_ms (100);
  gtk_menu_button_popup (button);
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (tr_date_row_get_calendar (row))), 3000);
  wait_ms (200);
  return row;
}

static void
open_new_draft (Fixture *fixture)
{
  fixture->window = show_window (fixture->store, NULL, 1200, 760);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-report", NULL);
  wait_ms (300);
}

/* No date yet: the calendar shows today selected, and a click on today
 * sets it, as a click on any other day does. */
static void
test_click_today (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  TrDateRow *row;
  GtkWidget *label;

  open_new_draft (fixture);
  row = open_date_row (fixture, "report_date");
  g_assert_cmpstr (tr_date_row_get_date (row), ==, "");
  label = find_day_label (GTK_WIDGET (tr_date_row_get_calendar (row)), g_date_time_get_day_of_month (now));
  g_assert_nonnull (label);
  click (label);
  wait_until (g_str_equal (tr_date_row_get_date (row), today), 2000);
  g_assert_cmpstr (tr_report_get_text (tr_window_get_report (fixture->window), TR_FIELD_REPORT_DATE), ==, today);
  /* The popover closes on a choice. */
  wait_until (!gtk_widget_get_mapped (GTK_WIDGET (tr_date_row_get_calendar (row))), 2000);
}

/* The return date's calendar opens on the month of the departure, and a
 * day there is the return. */
static void
test_return_opens_on_departure (Fixture       *fixture,
                                gconstpointer  data)
{
  TrFormEditor *form;
  TrDateRow *row;
  g_autoptr(GDateTime) shown = NULL;

  open_new_draft (fixture);
  form = TR_FORM_EDITOR (tr_report_editor_get_form_editor (TR_REPORT_EDITOR (tr_window_get_editor (fixture->window))));
  tr_date_row_set_date (TR_DATE_ROW (tr_form_editor_get_row (form, "period_start")), "2023-03-10");

  row = open_date_row (fixture, "period_end");
  shown = gtk_calendar_get_date (tr_date_row_get_calendar (row));
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2023);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
  /* Still unset until a day is picked: the 10th, the departure's. */
  g_assert_cmpstr (tr_date_row_get_date (row), ==, "");
  click (find_day_label (GTK_WIDGET (tr_date_row_get_calendar (row)), 10));
  wait_until (g_str_equal (tr_date_row_get_date (row), "2023-03-10"), 2000);
}

static GtkWidget *
form_row (Fixture    *fixture,
          const char *key)
{
  TrFormEditor *form = TR_FORM_EDITOR (tr_report_editor_get_form_editor (TR_REPORT_EDITOR (tr_window_get_editor (fixture->window))));

  return tr_form_editor_get_row (form, key);
}

/* A number that is not Taiwanese gets a hint once the focus leaves the
 * row, and is saved all the same; a good one clears the hint as it is
 * typed. */
static void
test_phone_hint (Fixture       *fixture,
                 gconstpointer  data)
{
  TrFormEditor *form;
  GtkWidget *phone;
  GtkWidget *warning;
  g_autoptr(TrReport) stored = NULL;
  g_autoptr(GError) error = NULL;

  open_new_draft (fixture);
  form = TR_FORM_EDITOR (tr_report_editor_get_form_editor (TR_REPORT_EDITOR (tr_window_get_editor (fixture->window))));
  phone = form_row (fixture, "phone");
  warning = tr_form_editor_get_phone_warning (form);
  g_assert_false (gtk_widget_get_visible (warning));

  /* Half typed: no hint yet. */
  gtk_widget_grab_focus (phone);
  gtk_editable_set_text (GTK_EDITABLE (phone), "04-2228");
  g_assert_false (gtk_widget_get_visible (warning));
  /* Left that way: a hint. */
  gtk_widget_grab_focus (form_row (fixture, "destination"));
  wait_ms (50);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_true (gtk_widget_has_css_class (phone, "warning"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (warning), ==,
                   "Too few digits for a Taiwanese number, such as 02-2345-6789 or 0912-345-678");

  /* Saved as typed. */
  wait_until (tr_report_editor_get_save_state (TR_REPORT_EDITOR (tr_window_get_editor (fixture->window))) == TR_SAVE_STATE_SAVED, 5000);
  stored = tr_report_store_load (fixture->store, tr_report_get_id (tr_window_get_report (fixture->window)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_PHONE), ==, "04-2228");

  /* Finished: the hint goes while typing. */
  gtk_widget_grab_focus (phone);
  gtk_editable_set_text (GTK_EDITABLE (phone), "04-22289111#6302");
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_false (gtk_widget_has_css_class (phone, "warning"));

  /* A report opened with a bad number shows the hint at once. */
  {
    g_autoptr(TrReport) other = tr_report_new (TR_REPORT_KIND_DRAFT);

    tr_report_set_text (other, TR_FIELD_PHONE, "請洽總機");
    g_assert_true (tr_report_store_save (fixture->store, other, &error));
    g_assert_no_error (error);
    g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (other)));
  }
  wait_ms (50);
  g_assert_true (gtk_widget_get_visible (warning));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  gdk_set_allowed_backends ("x11");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/form/date-click-today", Fixture, NULL, fixture_set_up,
              test_click_today, fixture_tear_down);
  g_test_add ("/ui/form/date-return-opens-on-departure", Fixture, NULL, fixture_set_up,
              test_return_opens_on_departure, fixture_tear_down);
  g_test_add ("/ui/form/phone-hint", Fixture, NULL, fixture_set_up,
              test_phone_hint, fixture_tear_down);
  return g_test_run ();
}
