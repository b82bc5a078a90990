/* bench-typing.c: keystroke latency in a 300-page section, the first
 * keystrokes included, against a plain GtkTextView holding one page
 *
 * Keys are typed through the X server (XTest), as a keyboard would, from
 * the moment the report is opened, before its first frame; each key's
 * latency runs from the key sent to the end of the first frame painted
 * after the text changed (GdkFrameClock::after-paint). The same typing in
 * a plain GtkTextView in a GtkScrolledWindow, holding one page, is the
 * reference: the ratio says what the long section costs. The editor has
 * shown a one-page report just before, so that what its widgets cost the
 * first time they are shown is not counted. A section of 300 pages is
 * in its buffer as soon as it is opened; one longer than the editor puts
 * in at once (TR_SECTION_EDITOR_LOAD_AT_ONCE, some 580 pages, --pages)
 * comes in in pieces, unless --whole puts it in its buffer in one go
 * right after opening; with --settle MS the first key waits for
 * GTK to have laid the text out; with --cell the keys go into a cell of
 * an itinerary of 40 rows at the top of the section, the long text after
 * it, and, the report opened again, into the start of that text: the
 * cell's keys are judged against the text's of the same run. With
 * --reference-pages N, the plain view holds N pages, for comparison
 * with a GtkTextView left to lay a long text out by itself.
 *
 * A second reference is the same text in a plain GtkTextView, typed into
 * at the same place (its start, or its end with --at-end) as soon as it
 * is in the buffer, or --settle MS later: what GTK itself does with the
 * section the editor shows (not with --cell, whose keys go into a table).
 *
 * Under Xvfb a plain view's key already takes 9 to 17 ms, almost none of
 * it its own: the X server, the frame clock's wait for the next frame and
 * the machine's load. Beside each key's latency are printed the CPU time
 * of this process from the key sent to its frame painted, and its latency
 * less the wait for the frame clock's turn (a frame begins no sooner than
 * a refresh interval after the one before; while GTK lays a long text
 * out, the frames it asks for come at that pace, and a key waits its
 * turn however little it costs). The summary judges the editor against
 * the plain view's keys of the same run, and by that latency less the
 * frame's turn: what the key costs, what it waited for to be read, and
 * how late its frame began and ended.
 *
 * Run under X: xvfb-run -a -s "-screen 0 1280x800x24" bench-typing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#include <locale.h>

#include "editor/tr-body-blocks.h"
#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "editor/tr-table-editor.h"
#include "tr-bench-stats.h"
#include "tr-application.h"
#include "tr-bench-text.h"
#include "tr-test-util.h"
#include "tr-test-widgets.h"
#include "tr-window-private.h"

static int pages = 300;
static int keys = 40;
static int interval_ms = 25;
static int runs = 3;
static gboolean whole = FALSE;
static gboolean at_end = FALSE;
static gboolean phases = FALSE;
static int settle_ms = 0;
static gboolean in_cell = FALSE;
static int reference_pages = 1;

#define CELL_ROWS 40

typedef struct {
  GtkTextBuffer *buffer;
  gint64 sent;
  gboolean changed;
  gint64 painted;
  /* The same in the main thread's CPU time: what the key cost us, whatever
   * else the machine was running. */
  gint64 cpu_sent;
  gint64 cpu_painted;
  /* Where the time went (--phases): the frame clock's update (tick
   * callbacks), layout and paint phases until the key is painted, and
   * when the current phase began. */
  gint64 update_us;
  gint64 layout_us;
  gint64 paint_us;
  gint64 phase_start;
  /* Times the window was measured again for the key (--phases): a resize
   * queued anywhere in it, which on X11 also asks the server for the
   * screen's work area. */
  guint window_sized;
  /* CPU spent in the main loop's dispatches until the key is painted, by
   * the priority of the sources dispatched (--phases). */
  GHashTable *by_priority;
  gboolean painted_in_dispatch;
  /* When the key changed the text, when the frame that painted it began,
   * and the frame time of the frame before it (of the last one so far):
   * the frame clock starts a frame no sooner than a refresh interval after
   * that, and what the key waits for that turn it would wait in any view,
   * the plain one too. */
  gint64 handled;
  gint64 frame_started;
  gint64 previous_frame;
  gint64 last_frame;
} Key;

static void
buffer_changed (GtkTextBuffer *buffer,
                Key           *key)
{
  if (!key->changed)
    {
      key->handled = g_get_monotonic_time ();
      key->previous_frame = key->last_frame;
    }
  key->changed = TRUE;
}

static void
after_paint (GdkFrameClock *clock,
             Key           *key)
{
  if (key->changed && key->painted == 0)
    {
      key->painted = g_get_monotonic_time ();
      key->cpu_painted = tr_test_thread_cpu_time ();
      key->painted_in_dispatch = TRUE;
    }
}

/* Each phase's handlers run after GDK's own: a phase's time runs from the
 * end of the one before it in the same frame. */
static void
frame_begin (GdkFrameClock *clock,
             Key           *key)
{
  key->phase_start = tr_test_thread_cpu_time ();
  if (key->changed && key->frame_started == 0)
    key->frame_started = g_get_monotonic_time ();
  /* What the frame clock paces the next frame from. */
  key->last_frame = gdk_frame_clock_get_frame_time (clock);
}

static void
update_end (GdkFrameClock *clock,
            Key           *key)
{
  if (key->painted == 0)
    key->update_us += tr_test_thread_cpu_time () - key->phase_start;
  key->phase_start = tr_test_thread_cpu_time ();
}

static void
layout_end (GdkFrameClock *clock,
            Key           *key)
{
  if (key->painted == 0)
    key->layout_us += tr_test_thread_cpu_time () - key->phase_start;
  key->phase_start = tr_test_thread_cpu_time ();
}

static void
paint_end (GdkFrameClock *clock,
           Key           *key)
{
  if (key->painted == 0)
    key->paint_us += tr_test_thread_cpu_time () - key->phase_start;
  key->phase_start = tr_test_thread_cpu_time ();
}

static void
window_compute_size (GdkToplevel     *toplevel,
                     GdkToplevelSize *size,
                     Key             *key)
{
  if (key->painted == 0)
    key->window_sized++;
}

/* One main loop iteration, as g_main_context_iteration() does it, timing
 * what is dispatched by the sources' priority for --phases: GTK lays a
 * long text out from an idle of its own (GTK_TEXT_VIEW_PRIORITY_VALIDATE),
 * whatever keys come meanwhile. */
static void
iterate (Key     *key,
         gboolean may_block)
{
  GMainContext *context = g_main_context_default ();
  g_autofree GPollFD *fds = NULL;
  int priority, timeout, n_fds, allocated = 0;
  gint64 start;

  if (!phases)
    {
      g_main_context_iteration (context, may_block);
      return;
    }
  g_main_context_acquire (context);
  g_main_context_prepare (context, &priority);
  while ((n_fds = g_main_context_query (context, priority, &timeout, fds, allocated)) > allocated)
    {
      allocated = n_fds;
      g_free (fds);
      fds = g_new (GPollFD, allocated);
    }
  g_poll (fds, n_fds, may_block ? timeout : 0);
  if (g_main_context_check (context, priority, fds, n_fds))
    {
      start = tr_test_thread_cpu_time ();
      g_main_context_dispatch (context);
      /* The dispatch that painted the key counts too. */
      if (key->painted == 0 || key->painted_in_dispatch)
        {
          gpointer spent = g_hash_table_lookup (key->by_priority, GINT_TO_POINTER (priority));

          g_hash_table_insert (key->by_priority, GINT_TO_POINTER (priority),
                               GINT_TO_POINTER (GPOINTER_TO_INT (spent) + (int) (tr_test_thread_cpu_time () - start)));
        }
      key->painted_in_dispatch = FALSE;
    }
  g_main_context_release (context);
}

static void
send_key (Display *display,
          KeyCode  keycode)
{
  XTestFakeKeyEvent (display, keycode, True, CurrentTime);
  XTestFakeKeyEvent (display, keycode, False, CurrentTime);
  XFlush (display);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return GPOINTER_TO_INT (a) - GPOINTER_TO_INT (b);
}

/* Types @keys keys into @view, the first one at once, and returns each
 * one's latency in milliseconds; @cpu gets the CPU time each one cost,
 * @own its latency less its wait for the frame clock's turn. */
static GArray *
type_keys (GtkWidget   *window,
           GtkTextView *view,
           GArray      *cpu,
           GArray      *own)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  /* GTK 4.18 deprecates its X11 backend; XTest is what this measures through. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));
  G_GNUC_END_IGNORE_DEPRECATIONS
  GdkFrameClock *clock = gdk_surface_get_frame_clock (surface);
  KeyCode keycode = XKeysymToKeycode (display, XK_a);
  GArray *latencies = g_array_new (FALSE, FALSE, sizeof (double));
  Key key = { .buffer = gtk_text_view_get_buffer (view) };
  g_autoptr(GHashTable) by_priority = g_hash_table_new (NULL, NULL);
  gulong changed_id, paint_id, size_id;
  gulong phase_ids[4];

  gtk_widget_grab_focus (GTK_WIDGET (view));
  changed_id = g_signal_connect (key.buffer, "changed", G_CALLBACK (buffer_changed), &key);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &key);
  phase_ids[0] = g_signal_connect (clock, "before-paint", G_CALLBACK (frame_begin), &key);
  phase_ids[1] = g_signal_connect_after (clock, "update", G_CALLBACK (update_end), &key);
  phase_ids[2] = g_signal_connect_after (clock, "layout", G_CALLBACK (layout_end), &key);
  phase_ids[3] = g_signal_connect_after (clock, "paint", G_CALLBACK (paint_end), &key);
  size_id = g_signal_connect (surface, "compute-size", G_CALLBACK (window_compute_size), &key);

  for (int i = 0; i < keys; i++)
    {
      gint64 deadline;
      double ms, cpu_ms, own_ms;
      gboolean detailed;
      gint64 interval = 0, turn, waited;

      key.changed = FALSE;
      key.frame_started = 0;
      key.painted = 0;
      key.update_us = key.layout_us = key.paint_us = 0;
      key.window_sized = 0;
      key.by_priority = by_priority;
      g_hash_table_remove_all (by_priority);
      key.sent = g_get_monotonic_time ();
      key.cpu_sent = tr_test_thread_cpu_time ();
      send_key (display, keycode);
      deadline = key.sent + 5 * G_USEC_PER_SEC;
      while (key.painted == 0 && g_get_monotonic_time () < deadline)
        iterate (&key, TRUE);
      if (key.painted == 0)
        g_error ("Key %d never reached the screen", i + 1);
      ms = (key.painted - key.sent) / 1000.0;
      cpu_ms = (key.cpu_painted - key.cpu_sent) / 1000.0;
      g_array_append_val (latencies, ms);
      g_array_append_val (cpu, cpu_ms);
      /* The key handled, its frame waits until a refresh interval after
       * the one before began (no wait when the frame before began long
       * ago, nor for the first key); what starts it later than that
       * (GTK laying text out from an idle that was running then) and the
       * frame itself are the key's own. */
      gdk_frame_clock_get_refresh_info (clock, key.handled, &interval, NULL);
      turn = key.previous_frame != 0 ? key.previous_frame + interval : 0;
      waited = MAX (0, MIN (key.frame_started, turn) - key.handled);
      own_ms = ms - waited / 1000.0;
      g_array_append_val (own, own_ms);
      /* The first keys, and any other whose own time is over the target. */
      detailed = phases && (i < 5 || own_ms >= 16.0);
      if (detailed)
        g_print ("  key %d: %.1f ms, CPU %.1f ms: update %.1f, layout %.1f, paint %.1f, outside frames (events, idles) %.1f; "
                 "window measured %u times\n",
                 i + 1, ms, cpu_ms, key.update_us / 1000.0, key.layout_us / 1000.0, key.paint_us / 1000.0,
                 cpu_ms - (key.update_us + key.layout_us + key.paint_us) / 1000.0, key.window_sized);
      if (detailed)
        {
          g_autoptr(GList) priorities = g_list_sort (g_hash_table_get_keys (by_priority), compare_ints);

          g_print ("    CPU by main loop priority:");
          for (GList *l = priorities; l != NULL; l = l->next)
            {
              int priority = GPOINTER_TO_INT (l->data);
              double ms = GPOINTER_TO_INT (g_hash_table_lookup (by_priority, l->data)) / 1000.0;

              if (priority == G_MAXINT)
                g_print (", ready after polling %.1f ms", ms);
              else if (priority == GTK_TEXT_VIEW_PRIORITY_VALIDATE)
                g_print (", %d (GTK laying text out) %.1f ms", priority, ms);
              else
                g_print ("%s %d: %.1f ms", l == priorities ? "" : ",", priority, ms);
            }
          g_print ("\n");
        }
      /* A fast typist. */
      deadline = key.sent + interval_ms * 1000;
      while (g_get_monotonic_time () < deadline)
        iterate (&key, FALSE);
    }

  g_signal_handler_disconnect (key.buffer, changed_id);
  g_signal_handler_disconnect (clock, paint_id);
  g_signal_handler_disconnect (surface, size_id);
  for (guint i = 0; i < G_N_ELEMENTS (phase_ids); i++)
    g_signal_handler_disconnect (clock, phase_ids[i]);
  return latencies;
}

/* About 600 characters a page, in paragraphs of a line or two. */
static char *
make_text (TrBenchText *generator,
           int          n_pages)
{
  const TrBenchTextParams params = {
    .shape = TR_BENCH_TEXT_PAGES,
    .n_pages = n_pages,
    .lines_per_page = 10,
    .chars_per_line = 60,
  };

  return tr_bench_text_make_text (generator, &params);
}

static void
print_row (const char *name,
           GArray     *latencies)
{
  GArray *sorted = g_array_copy (latencies);
  GString *first = g_string_new (NULL);

  for (guint i = 0; i < MIN (5, latencies->len); i++)
    g_string_append_printf (first, "%s%.1f", i > 0 ? " " : "", g_array_index (latencies, double, i));
  tr_bench_sort (sorted);
  g_print ("%-34s first keys %-28s p50 %6.1f  p95 %6.1f  max %6.1f ms\n", name, first->str,
           tr_bench_percentile (sorted, 50), tr_bench_percentile (sorted, 95),
           g_array_index (sorted, double, sorted->len - 1));
  g_string_free (first, TRUE);
  g_array_unref (sorted);
}

/* One kind of typing over all runs: each key's latency, the CPU time it
 * cost and its latency less the frame's turn, and the same of each run's
 * first key. */
typedef struct {
  GArray *keys;
  GArray *cpu;
  GArray *own;
  GArray *first;
  GArray *first_cpu;
  GArray *first_own;
} Series;

static void
series_init (Series *series)
{
  GArray **arrays[] = { &series->keys, &series->cpu, &series->own,
                        &series->first, &series->first_cpu, &series->first_own };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    *arrays[i] = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->keys, g_array_unref);
  g_clear_pointer (&series->cpu, g_array_unref);
  g_clear_pointer (&series->own, g_array_unref);
  g_clear_pointer (&series->first, g_array_unref);
  g_clear_pointer (&series->first_cpu, g_array_unref);
  g_clear_pointer (&series->first_own, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Series, series_clear)

static void
print_rows (const char *name,
            GArray     *typed,
            GArray     *cpu,
            GArray     *own)
{
  print_row (name, typed);
  print_row ("  CPU of it", cpu);
  print_row ("  less the frame's turn", own);
}

/* Prints one run's keys under @name and adds them to @series. */
static void
add_run (Series     *series,
         const char *name,
         GArray     *typed,
         GArray     *cpu,
         GArray     *own)
{
  print_rows (name, typed, cpu, own);
  g_array_append_vals (series->keys, typed->data, typed->len);
  g_array_append_vals (series->cpu, cpu->data, cpu->len);
  g_array_append_vals (series->own, own->data, own->len);
  g_array_append_val (series->first, g_array_index (typed, double, 0));
  g_array_append_val (series->first_cpu, g_array_index (cpu, double, 0));
  g_array_append_val (series->first_own, g_array_index (own, double, 0));
}

static void
wait_frames (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* The window gets the keyboard, as the one a user types in has: under
 * Xvfb, with no window manager, no window has it until given. A window
 * made active is styled and drawn anew whole (it leaves its backdrop
 * state), which is no key's cost. */
static void
activate_window (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  XSetInputFocus (gdk_x11_display_get_xdisplay (gtk_widget_get_display (window)), gdk_x11_surface_get_xid (surface),
                  RevertToParent, CurrentTime);
  G_GNUC_END_IGNORE_DEPRECATIONS
  while (!gtk_window_is_active (GTK_WINDOW (window)))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The window never got the keyboard");
      g_main_context_iteration (NULL, FALSE);
    }
  wait_frames (100);
}

/* The face the section lays its Han characters out in, which the
 * locale and the fonts installed decide, and the cost of laying them out
 * with it: said once, after the first run's keys. */
static void
print_face_once (GtkWidget *view)
{
  static gboolean printed;
  g_autofree char *family = NULL;

  if (printed)
    return;
  printed = TRUE;
  family = face_of (gtk_widget_get_pango_context (view), "出國報告");
  g_print ("(the section lays Han characters out in %s, in the locale %s)\n", family, setlocale (LC_CTYPE, NULL));
}

/* An itinerary of CELL_ROWS rows, its header first. */
static TrTable *
make_itinerary (void)
{
  TrTable *table = tr_table_new (CELL_ROWS, 3);

  tr_table_set_cell (table, 0, 0, "日期");
  tr_table_set_cell (table, 0, 1, "地點");
  tr_table_set_cell (table, 0, 2, "行程內容");
  for (guint r = 1; r < CELL_ROWS; r++)
    {
      g_autofree char *date = g_strdup_printf ("7月%u日", r);

      tr_table_set_cell (table, r, 0, date);
      tr_table_set_cell (table, r, 1, r % 2 ? "塔林" : "塔爾圖");
      tr_table_set_cell (table, r, 2, "拜會數位部，參訪資料交換平台與數位身分服務中心");
    }
  tr_table_set_has_header (table, TRUE);
  tr_table_set_caption (table, "參訪行程");
  return table;
}

/* Our editor: the report opened, and typed into at once. Another report
 * is open before, as when one goes from a report to the next: the first
 * showing of the editor's widgets is not what is measured. With --cell,
 * @cell says whether the keys go into the table's cell or, to judge
 * them against, into the text right after the table. */
static GArray *
run_editor (TrReportStore *store,
            const char    *before_id,
            const char    *id,
            gboolean       cell,
            GArray        *cpu,
            GArray        *own)
{
  TrWindow *window = tr_window_new (NULL, store, NULL, NULL);
  TrSectionEditor *editor;
  GArray *latencies;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  wait_frames (300);
  activate_window (GTK_WIDGET (window));
  tr_window_open_report (window, before_id);
  wait_frames (500);

  tr_window_open_report (window, id);
  editor = TR_SECTION_EDITOR (tr_report_editor_get_text_editor (TR_REPORT_EDITOR (tr_window_get_editor (window)),
                                                                TR_FIELD_PROCESS));
  if (whole)
    tr_section_editor_finish_loading (editor);
  tr_section_editor_focus_at (editor, -1);
  /* Writing on at the end of the section, as Ctrl+End does. */
  if (at_end)
    g_signal_emit_by_name (tr_section_editor_get_text_view (editor), "move-cursor",
                           GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  wait_frames (settle_ms);
  if (in_cell && cell)
    {
      GtkWidget *table = find_descendant (GTK_WIDGET (editor), TR_TYPE_TABLE_EDITOR);

      /* The last column of the middle row: a cell of some text. */
      if (table == NULL || !tr_table_editor_focus_cell (TR_TABLE_EDITOR (table), CELL_ROWS / 2, 2))
        g_error ("No table to type in");
      latencies = type_keys (GTK_WIDGET (window), tr_table_editor_get_cell_view (TR_TABLE_EDITOR (table), CELL_ROWS / 2, 2),
                             cpu, own);
    }
  else if (in_cell)
    {
      GtkWidget *blocks = find_descendant (GTK_WIDGET (editor), TR_TYPE_BODY_BLOCKS);
      GtkTextView *after;
      GtkTextIter start;

      if (blocks == NULL || tr_body_blocks_get_n_tables (TR_BODY_BLOCKS (blocks)) != 1)
        g_error ("No table in the section");
      /* The start of the long text, under the table. */
      after = tr_body_blocks_get_run_view (TR_BODY_BLOCKS (blocks), 1);
      gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (after), &start);
      gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (after), &start);
      latencies = type_keys (GTK_WIDGET (window), after, cpu, own);
    }
  else
    latencies = type_keys (GTK_WIDGET (window), tr_section_editor_get_text_view (editor), cpu, own);
  print_face_once (GTK_WIDGET (tr_section_editor_get_text_view (editor)));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (100);
  return latencies;
}

/* A reference: a plain text view holding @text. With @like_ours, it is
 * typed into where the editor's keys go (its start, or its end with
 * --at-end), --settle MS after the text is in; otherwise where setting
 * the text leaves the cursor, at once. */
static GArray *
run_reference (const char *text,
               gboolean    like_ours,
               GArray     *cpu,
               GArray     *own)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GArray *latencies;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  wait_frames (300);
  activate_window (window);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  if (like_ours)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      GtkTextIter place;

      if (at_end)
        gtk_text_buffer_get_end_iter (buffer, &place);
      else
        gtk_text_buffer_get_start_iter (buffer, &place);
      gtk_text_buffer_place_cursor (buffer, &place);
      wait_frames (settle_ms);
    }
  latencies = type_keys (window, GTK_TEXT_VIEW (view), cpu, own);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (100);
  return latencies;
}

static double
percentile_of (GArray *latencies,
                        double  p)
{
  GArray *sorted = g_array_copy (latencies);
  double value;

  tr_bench_sort (sorted);
  value = tr_bench_percentile (sorted, p);
  g_array_unref (sorted);
  return value;
}

static double
maximum (GArray *latencies)
{
  double value = 0;

  for (guint i = 0; i < latencies->len; i++)
    value = MAX (value, g_array_index (latencies, double, i));
  return value;
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "pages", 0, 0, G_OPTION_ARG_INT, &pages, "Pages in the section (300)", "N" },
    { "keys", 0, 0, G_OPTION_ARG_INT, &keys, "Keys typed a run (40)", "N" },
    { "interval", 0, 0, G_OPTION_ARG_INT, &interval_ms, "Milliseconds between keys (25)", "MS" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each (3)", "N" },
    { "whole", 0, 0, G_OPTION_ARG_NONE, &whole, "Put a section too long to load at once in its buffer in one go", NULL },
    { "at-end", 0, 0, G_OPTION_ARG_NONE, &at_end, "Type at the end of the section (Ctrl+End first)", NULL },
    { "settle", 0, 0, G_OPTION_ARG_INT, &settle_ms, "Milliseconds between opening and the first key (0)", "MS" },
    { "phases", 0, 0, G_OPTION_ARG_NONE, &phases, "Where the time goes, for the first keys and any other over 16 ms: layout, paint, the rest", NULL },
    { "reference-pages", 0, 0, G_OPTION_ARG_INT, &reference_pages, "Pages in the plain view (1)", "N" },
    { "cell", 0, 0, G_OPTION_ARG_NONE, &in_cell, "Type in a cell of a 40-row table at the top of the section", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— keystroke latency in a long section");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  g_autoptr(TrBenchText) generator = NULL;
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrReport) before = tr_report_new (TR_REPORT_KIND_DRAFT);
  /* The editor's keys, with --cell those typed in the text after the
   * table too, and the plain views'. */
  g_auto(Series) ours = { NULL };
  g_auto(Series) text_after = { NULL };
  g_auto(Series) reference = { NULL };
  g_auto(Series) same = { NULL };

  series_init (&ours);
  series_init (&text_after);
  series_init (&reference);
  series_init (&same);
  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* As the window's main() does. */
  tr_application_tune_memory ();
  tr_application_prefer_report_language ();
  gdk_set_allowed_backends ("x11");
  gtk_init ();
  adw_init ();
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_printerr ("bench-typing needs an X server (run it under xvfb-run)\n");
      return 2;
    }

  dir = g_dir_make_tmp ("tr-bench-typing-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "library.db", NULL);
  store = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  generator = tr_bench_text_new (20261203);
  text = make_text (generator, pages);
  page = make_text (generator, reference_pages);
  tr_report_set_text (report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位政府出國報告");
  tr_report_set_section (report, TR_SECTION_PROCESS, text);
  if (in_cell)
    {
      g_autoptr(TrTable) table = make_itinerary ();

      tr_body_insert_table (tr_report_get_body (report, TR_FIELD_PROCESS), 0, 0, table);
    }
  if (!tr_report_store_save (store, report, &error))
    g_error ("%s", error->message);
  tr_report_set_text (before, TR_FIELD_TITLE, "赴日本考察智慧交通出國報告");
  tr_report_set_section (before, TR_SECTION_PROCESS, page);
  if (!tr_report_store_save (store, before, &error))
    g_error ("%s", error->message);

  g_print ("%d keys a run, one every %d ms from the moment the report opens; %d pages (%ld characters)%s%s%s\n",
           keys, interval_ms, pages, g_utf8_strlen (text, -1), whole ? ", put in the buffer in one go" : "",
           at_end ? ", typed at its end" : "", in_cell ? ", typed in a cell of a 40-row table above it" : "");
  for (int run = 0; run < runs; run++)
    {
      g_autofree char *name = g_strdup_printf (in_cell ? "run %d: editor, a cell" : "run %d: editor, %d pages",
                                               run + 1, pages);
      g_autofree char *reference_name = g_strdup_printf ("run %d: GtkTextView, %d page%s", run + 1, reference_pages,
                                                         reference_pages == 1 ? "" : "s");
      g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) keys_typed = run_editor (store, tr_report_get_id (before), tr_report_get_id (report),
                                                 TRUE, cpu, own);
      g_autoptr(GArray) reference_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) reference_own = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) reference_keys = NULL;

      add_run (&ours, name, keys_typed, cpu, own);
      if (in_cell)
        {
          g_autoptr(GArray) text_cpu = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) text_own = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) text_keys = run_editor (store, tr_report_get_id (before), tr_report_get_id (report),
                                                    FALSE, text_cpu, text_own);
          g_autofree char *text_name = g_strdup_printf ("run %d: editor, the text after it", run + 1);

          add_run (&text_after, text_name, text_keys, text_cpu, text_own);
        }
      reference_keys = run_reference (page, FALSE, reference_cpu, reference_own);
      add_run (&reference, reference_name, reference_keys, reference_cpu, reference_own);
      if (!in_cell)
        {
          g_autoptr(GArray) same_cpu = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) same_own = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) same_keys = run_reference (text, TRUE, same_cpu, same_own);
          g_autofree char *same_name = g_strdup_printf ("run %d: GtkTextView, the same text", run + 1);

          add_run (&same, same_name, same_keys, same_cpu, same_own);
        }
    }
  print_rows (in_cell ? "all runs: editor, a cell" : "all runs: editor", ours.keys, ours.cpu, ours.own);
  if (in_cell)
    print_rows ("all runs: editor, the text after it", text_after.keys, text_after.cpu, text_after.own);
  {
    g_autofree char *reference_name = g_strdup_printf ("all runs: GtkTextView, %d page%s", reference_pages,
                                                       reference_pages == 1 ? "" : "s");

    print_rows (reference_name, reference.keys, reference.cpu, reference.own);
  }
  if (!in_cell)
    print_rows ("all runs: GtkTextView, the same text", same.keys, same.cpu, same.own);

  /* A key's latency is what this process spends on it, plus what it waits
   * for: the X server, the frame clock's next frame (up to a refresh
   * interval), and the other programs on the machine. The plain view pays
   * the same waits for next to no work of its own: its keys are the
   * floor, and ours are judged against them, and without the wait for
   * the frame's turn. The CPU from the key sent to its frame painted
   * counts what GTK laid out meanwhile, while the frame waited its turn
   * anyway: said, not judged. */
  g_print ("\ntarget: every key under 16 ms, the first included, judged against the plain view typed on\n"
           "the same X server in the same run (its keys cost it about %.1f ms of CPU; the rest of\n"
           "their %.1f ms median is the X server, the frame clock and the machine's load):\n",
           percentile_of (reference.cpu, 50), percentile_of (reference.keys, 50));
  g_print ("  first key:  editor's slowest %.1f ms, plain view's slowest first key %.1f ms, its slowest key %.1f ms: %s\n",
           maximum (ours.first), maximum (reference.first), maximum (reference.keys),
           maximum (ours.first) <= maximum (reference.keys) ? "within the plain view's keys"
                                                            : "SLOWER than any key of the plain view");
  g_print ("  p95:        editor %.1f ms, plain view %.1f ms: %+.1f ms, ratio %.2f: %s\n",
           percentile_of (ours.keys, 95), percentile_of (reference.keys, 95),
           percentile_of (ours.keys, 95) - percentile_of (reference.keys, 95),
           percentile_of (ours.keys, 95) / MAX (percentile_of (reference.keys, 95), 0.001),
           percentile_of (ours.keys, 95) <= maximum (reference.keys) ? "within the plain view's keys"
                                                                     : "SLOWER than any key of the plain view");
  g_print ("  less the frame's turn: editor p50 %.1f, p95 %.1f, max %.1f ms; plain view p50 %.1f, p95 %.1f, max %.1f ms: %s\n",
           percentile_of (ours.own, 50), percentile_of (ours.own, 95), maximum (ours.own),
           percentile_of (reference.own, 50), percentile_of (reference.own, 95),
           maximum (reference.own),
           maximum (ours.own) < 16 ? "every key under 16 ms" : "NOT every key under 16 ms");
  g_print ("  CPU a key:  editor first %.1f ms (slowest), p50 %.1f, p95 %.1f, max %.1f ms; plain view p50 %.1f, p95 %.1f ms\n"
           "              (with what GTK laid out while the key's frame waited its turn)\n",
           maximum (ours.first_cpu), percentile_of (ours.cpu, 50),
           percentile_of (ours.cpu, 95), maximum (ours.cpu), percentile_of (reference.cpu, 50),
           percentile_of (reference.cpu, 95));

  /* The same keys in GTK's own view of the same text: the editor's
   * first and slowest keys are to be no slower than GTK's own with the
   * text the editor shows. The p95 of either is a few milliseconds, where
   * what the editor does at each key (counters, the save state, following
   * the cursor) shows: said, not judged. */
  if (!in_cell)
    {
      gboolean first_ok = maximum (ours.first_own) <= maximum (same.first_own);
      gboolean slowest_ok = maximum (ours.own) <= maximum (same.own);

      g_print ("\ntarget: the first and the slowest key no slower than in a plain GtkTextView holding the\n"
               "same text, typed into at the same place as soon (less the frame's turn):\n");
      g_print ("  first key:  editor slowest %.1f ms, plain view slowest %.1f ms: %s\n",
               maximum (ours.first_own), maximum (same.first_own), first_ok ? "no slower" : "SLOWER");
      g_print ("  slowest:    editor %.1f ms, plain view %.1f ms, ratio %.2f: %s\n", maximum (ours.own),
               maximum (same.own), maximum (ours.own) / MAX (maximum (same.own), 0.001),
               slowest_ok ? "no slower" : "SLOWER");
      g_print ("  p95:        editor %.1f ms, plain view %.1f ms, ratio %.2f (said, not judged)\n",
               percentile_of (ours.own, 95), percentile_of (same.own, 95),
               percentile_of (ours.own, 95) / MAX (percentile_of (same.own, 95), 0.001));
    }

  /* Both in the same section, opened the same way and typed into at once:
   * what the cell costs beyond the text is the table's. The first keys
   * are the median over the runs, which a loaded machine bends less than
   * the slowest. */
  if (in_cell)
    {
      double cell_p50 = percentile_of (ours.cpu, 50), text_p50 = percentile_of (text_after.cpu, 50);
      double cell_p95 = percentile_of (ours.cpu, 95), text_p95 = percentile_of (text_after.cpu, 95);
      double cell_first = percentile_of (ours.first_cpu, 50), text_first = percentile_of (text_after.first_cpu, 50);

      g_print ("\ntarget: keys in a cell cost within 1.2 times the CPU of keys in the text of the same section,\n"
               "and the first key in a cell no more than the first in the text:\n");
      g_print ("  CPU a key:  cell p50 %.1f, p95 %.1f ms; text p50 %.1f, p95 %.1f ms: ratios %.2f, %.2f: %s\n",
               cell_p50, cell_p95, text_p50, text_p95, cell_p50 / MAX (text_p50, 0.001),
               cell_p95 / MAX (text_p95, 0.001),
               cell_p50 <= 1.2 * text_p50 && cell_p95 <= 1.2 * text_p95 ? "within" : "SLOWER");
      g_print ("  first key:  cell CPU %.1f ms (latency %.1f), text CPU %.1f ms (latency %.1f), medians of the runs: %s\n",
               cell_first, percentile_of (ours.first, 50), text_first, percentile_of (text_after.first, 50),
               cell_first <= text_first ? "no slower" : "SLOWER");
    }

  g_clear_object (&store);
  tr_test_remove_tree (dir);
  return 0;
}

