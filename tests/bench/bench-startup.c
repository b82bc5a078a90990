/* bench-startup.c: launch to first frame, with a big library and an empty one
 *
 * Runs the real trip-reports binary (under the current X display: use
 * xvfb-run) on an empty library and on one of 10,000 synthetic reports,
 * alternately, and watches it from outside, through the X server: the
 * time from spawning the app to the first frame of its window, and to the
 * frame in which its library pane shows the list (or, for the empty
 * library, the page that says there is nothing yet). The app is not told
 * it is being timed.
 *
 * A frame counts once the X server has its pixels: the DAMAGE extension
 * says when a window's contents change, and the window's image says
 * whether it shows anything yet. Targets: under 0.5 s, and at most 1.2×
 * the empty-library time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <poll.h>
#include <signal.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

#include "tr-bench-text.h"
#include "tr-bench-stats.h"
#include "tr-report-store.h"

/* How long a launch may take before the run is called off. */
#define LAUNCH_TIMEOUT_US (60 * G_USEC_PER_SEC)

static int n_reports = 10000;
static int n_chars = 6000;
static int n_runs = 7;
static char *binary;
static char *dir;
static char *library;
static gboolean keep;

static GOptionEntry entries[] = {
  { "reports", 0, 0, G_OPTION_ARG_INT, &n_reports, "Reports in the big library", "N" },
  { "chars", 0, 0, G_OPTION_ARG_INT, &n_chars, "Characters per report", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Launches of each library", "N" },
  { "binary", 0, 0, G_OPTION_ARG_FILENAME, &binary, "trip-reports (default: $TR_BINARY, else the build tree's)", "PATH" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Folder for the libraries (reused when present)", "DIR" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the libraries", NULL },
  { "library", 0, 0, G_OPTION_ARG_FILENAME, &library, "The big library, already built (e.g. by bench-search --keep), of --reports reports", "PATH" },
  { NULL }
};

/* Grows the library at @path to @count reports, in the generator's order
 * (those already there are made again, not saved), a batch of 1,000 a
 * transaction: a library is built once, and grown from 1,000 to 10,000
 * to 100,000. */
static void
build_library (const char *path,
               int         count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrBenchText) text = tr_bench_text_new (20261121);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 start = g_get_monotonic_time ();
  int stored;

  store = tr_report_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  stored = (int) tr_report_store_count (store, NULL);
  if (stored >= count)
    return;

  for (int i = 0; i < count; i++)
    {
      TrReport *report = tr_bench_text_make_report (text, n_chars);

      if (i < stored)
        {
          g_object_unref (report);
          continue;
        }
      g_ptr_array_add (batch, report);
      if (batch->len == 1000 || i + 1 == count)
        {
          if (!tr_report_store_save_batch (store, batch, NULL, &error))
            g_error ("%s", error->message);
          g_ptr_array_set_size (batch, 0);
        }
    }
  g_print ("built %s: reports %d to %d in %.1f s\n", path, stored + 1, count,
           (g_get_monotonic_time () - start) / 1e6);
}

/* Watching the app through the X server --------------------------------- */

static Display *display;
static int damage_event_base;
static Atom net_wm_pid;

/* A window can go away between two requests about it: nothing to report. */
static int
ignore_x_error (Display     *x_display,
                XErrorEvent *event)
{
  return 0;
}

static void
open_display (void)
{
  int damage_error_base;

  display = XOpenDisplay (NULL);
  if (display == NULL)
    g_error ("no X display (run under xvfb-run)");
  if (!XDamageQueryExtension (display, &damage_event_base, &damage_error_base))
    g_error ("the X server has no DAMAGE extension");
  net_wm_pid = XInternAtom (display, "_NET_WM_PID", False);
  XSetErrorHandler (ignore_x_error);
  /* Every top-level window, from its creation on. */
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
}

/* The process that says it owns @window, or 0. */
static GPid
window_pid (Window window)
{
  Atom type;
  int format;
  unsigned long n_items, bytes_after;
  unsigned char *data = NULL;
  GPid pid = 0;

  if (XGetWindowProperty (display, window, net_wm_pid, 0, 1, False, XA_CARDINAL, &type, &format,
                          &n_items, &bytes_after, &data) == Success &&
      data != NULL && type == XA_CARDINAL && format == 32 && n_items == 1)
    pid = (GPid) *(unsigned long *) data;
  if (data != NULL)
    XFree (data);
  return pid;
}

/* TRUE when the part of @window from (@x, @y), @width × @height, is not
 * all one colour: something was drawn there. Only what is on the screen
 * can be read back; without a window manager, the window sits at its
 * own x, y on the root window. */
static gboolean
shows_something (Window window,
                 int    x,
                 int    y,
                 int    width,
                 int    height)
{
  XWindowAttributes attributes;
  XImage *image;
  unsigned long first;
  gboolean varied = FALSE;

  if (!XGetWindowAttributes (display, window, &attributes) || attributes.map_state != IsViewable)
    return FALSE;
  width = MIN (width, MIN (attributes.width, WidthOfScreen (attributes.screen) - attributes.x) - x);
  height = MIN (height, MIN (attributes.height, HeightOfScreen (attributes.screen) - attributes.y) - y);
  if (width <= 0 || height <= 0)
    return FALSE;

  image = XGetImage (display, window, x, y, width, height, AllPlanes, ZPixmap);
  if (image == NULL)
    return FALSE;
  first = XGetPixel (image, 0, 0);
  for (int row = 0; row < height && !varied; row++)
    for (int column = 0; column < width && !varied; column++)
      varied = XGetPixel (image, column, row) != first;
  XDestroyImage (image);
  return varied;
}

/* The first frame paints the header bars along the top. */
static gboolean
first_frame_shown (Window window)
{
  return shows_something (window, 0, 0, 4096, 46);
}

/* The library pane (320 px wide, on the left) shows its rows, or the page
 * of an empty library, in the middle of its height; until the library is
 * read the pane is bare there. */
static gboolean
library_shown (Window window)
{
  XWindowAttributes attributes;

  if (!XGetWindowAttributes (display, window, &attributes))
    return FALSE;
  return shows_something (window, 16, attributes.height * 3 / 10, 288, attributes.height * 4 / 10);
}

/* The resident memory of @pid, in MB, and how much of it maps files
 * (the library's memory map among them). */
static void
read_resident (GPid    pid,
               double *out_rss,
               double *out_file)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;

  *out_rss = *out_file = 0;
  if (!g_file_get_contents (path, &status, NULL, NULL))
    return;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "VmRSS:"))
        *out_rss = g_ascii_strtod (lines[i] + strlen ("VmRSS:"), NULL) / 1024;
      else if (g_str_has_prefix (lines[i], "RssFile:"))
        *out_file = g_ascii_strtod (lines[i] + strlen ("RssFile:"), NULL) / 1024;
    }
}

/* Seconds from spawning the app to the first frame of its window on the
 * X server, and in @out_loaded to the frame with the library listed; in
 * @out_rss and @out_rss_file its resident memory a second after that. */
static double
time_launch (const char *db,
             double     *out_loaded,
             double     *out_rss,
             double     *out_rss_file)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_option = g_strconcat ("--db=", db, NULL);
  /* Damage objects of the top-level windows created since the launch. */
  g_autoptr(GHashTable) damages = g_hash_table_new (NULL, NULL);
  Window window = None;
  GPid pid;
  gint64 start, first_frame = 0, loaded = 0;

  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "x11", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  /* Under Xvfb there is no GPU: the GL renderer would run in software. */
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);

  XSync (display, True);
  start = g_get_monotonic_time ();
  app = g_subprocess_launcher_spawn (launcher, &error, binary, db_option, NULL);
  if (app == NULL)
    g_error ("%s", error->message);
  pid = atoi (g_subprocess_get_identifier (app));

  while (loaded == 0)
    {
      struct pollfd x_connection = { .fd = ConnectionNumber (display), .events = POLLIN };

      while (XPending (display) > 0 && loaded == 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == CreateNotify && !event.xcreatewindow.override_redirect)
            {
              /* Watched from its creation, so that no drawing is missed. */
              Damage damage = XDamageCreate (display, event.xcreatewindow.window, XDamageReportNonEmpty);

              g_hash_table_insert (damages, GSIZE_TO_POINTER (event.xcreatewindow.window),
                                   GSIZE_TO_POINTER (damage));
            }
          else if (event.type == DestroyNotify)
            g_hash_table_remove (damages, GSIZE_TO_POINTER (event.xdestroywindow.window));
          else if (event.type == MapNotify && window == None &&
                   g_hash_table_contains (damages, GSIZE_TO_POINTER (event.xmap.window)) &&
                   window_pid (event.xmap.window) == pid)
            window = event.xmap.window;
          else if (event.type == damage_event_base + XDamageNotify)
            {
              XDamageNotifyEvent *damage = (XDamageNotifyEvent *) &event;

              /* Reported again at the next change. */
              XDamageSubtract (display, damage->damage, None, None);
              if (damage->drawable != window)
                continue;
              if (first_frame == 0 && first_frame_shown (window))
                first_frame = g_get_monotonic_time ();
              if (first_frame != 0 && library_shown (window))
                loaded = g_get_monotonic_time ();
            }
        }
      if (loaded != 0)
        break;
      if (g_subprocess_get_identifier (app) == NULL)
        g_error ("the app ended before its library was shown");
      if (g_get_monotonic_time () - start > LAUNCH_TIMEOUT_US)
        g_error ("no %s after %d s", first_frame == 0 ? "first frame" : "library",
                 (int) (LAUNCH_TIMEOUT_US / G_USEC_PER_SEC));
      poll (&x_connection, 1, 100);
    }

  /* Whatever the list still reads after its first rows are painted. */
  if (out_rss != NULL)
    {
      g_usleep (G_USEC_PER_SEC);
      read_resident (pid, out_rss, out_rss_file);
    }
  g_subprocess_send_signal (app, SIGTERM);
  g_subprocess_wait (app, NULL, NULL);
  if (out_loaded != NULL)
    *out_loaded = (loaded - start) / 1e6;
  return (first_frame - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the launch of the window");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) empty_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_loaded = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_loaded = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_rss_file = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *empty_db = NULL;
  g_autofree char *full_db = NULL;
  double empty_median, full_median, ratio;
  gboolean made_dir = FALSE;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (binary == NULL)
    binary = g_strdup (g_getenv ("TR_BINARY") != NULL ? g_getenv ("TR_BINARY") : BUILD_BINARY);
  /* The window, when trip-reports is the build tree's (tr-cli-commands.h). */
  g_setenv ("TR_LIBEXECDIR", BUILD_LIBEXECDIR, FALSE);
  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("tr-bench-startup-XXXXXX", &error);
      made_dir = TRUE;
    }
  g_mkdir_with_parents (dir, 0700);

  open_display ();
  empty_db = g_build_filename (dir, "empty.db", NULL);
  full_db = library != NULL ? g_strdup (library)
                            : g_strdup_printf ("%s/library-%d-%d.db", dir, n_reports, n_chars);
  build_library (empty_db, 0);
  build_library (full_db, n_reports);

  /* One launch each to warm the page cache and the font cache. */
  time_launch (empty_db, NULL, NULL, NULL);
  time_launch (full_db, NULL, NULL, NULL);
  for (int i = 0; i < n_runs; i++)
    {
      double empty_filled, full_filled, empty_resident, full_resident, empty_file, full_file;
      double empty = time_launch (empty_db, &empty_filled, &empty_resident, &empty_file);
      double full = time_launch (full_db, &full_filled, &full_resident, &full_file);

      g_array_append_val (empty_rss, empty_resident);
      g_array_append_val (full_rss, full_resident);
      g_array_append_val (full_rss_file, full_file);

      g_array_append_val (empty_times, empty);
      g_array_append_val (full_times, full);
      g_array_append_val (empty_loaded, empty_filled);
      g_array_append_val (full_loaded, full_filled);
    }

  empty_median = tr_bench_median (empty_times);
  full_median = tr_bench_median (full_times);
  ratio = full_median / empty_median;
  g_print ("launch to first frame, median of %d launches each (nproc %u)\n",
           n_runs, g_get_num_processors ());
  g_print ("  empty library:          %7.1f ms\n", empty_median * 1000);
  g_print ("  %6d-report library:  %7.1f ms\n", n_reports, full_median * 1000);
  g_print ("  ratio big/empty:        %7.2f×\n", ratio);
  /* The window paints before the library is read (off the main thread);
   * this is when the list is filled in, on the screen. */
  g_print ("launch to the library listed:\n");
  g_print ("  empty library:          %7.1f ms\n", tr_bench_median (empty_loaded) * 1000);
  g_print ("  %6d-report library:  %7.1f ms\n", n_reports, tr_bench_median (full_loaded) * 1000);
  g_print ("target < 500 ms: %s; target ≤ 1.2× empty: %s\n",
           full_median < 0.5 ? "MET" : "NOT MET", ratio <= 1.2 ? "MET" : "NOT MET");
  g_print ("target: the library listed within 500 ms: %s\n",
           tr_bench_median (full_loaded) < 0.5 ? "MET" : "NOT MET");
  g_print ("resident memory of the window, 1 s after the list is shown:\n");
  g_print ("  empty library:          %7.1f MB\n", tr_bench_median (empty_rss));
  g_print ("  %6d-report library:  %7.1f MB (of which mapped files %.1f MB)\n", n_reports,
           tr_bench_median (full_rss), tr_bench_median (full_rss_file));
  g_print ("target under 300 MB: %s\n", tr_bench_median (full_rss) < 300 ? "MET" : "NOT MET");
  {
    g_autofree char *loadavg = NULL;

    if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
      g_print ("load average: %s", loadavg);
  }

  if (made_dir && !keep)
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_remove (path);
        }
      g_rmdir (dir);
    }
  return 0;
}
