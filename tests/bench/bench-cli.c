/* bench-cli.c: how fast `trip-reports` starts, next to a GLib program
 *
 * Runs `trip-reports --version` and hello-glib (a program that links GLib
 * alone, sets the locale and prints a line) alternately, a new process
 * each time, and prints the medians, the 95th percentiles and their ratio.
 * Target: at most twice the GLib program. The whole `search` command is
 * timed by bench-search, against grep.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "tr-bench-spawn.h"
#include "tr-bench-stats.h"

static int opt_runs = 200;
static char *opt_binary = NULL;
static char *opt_hello = NULL;

static const GOptionEntry entries[] = {
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Runs of each program (default 200)", "N" },
  { "binary", 0, 0, G_OPTION_ARG_FILENAME, &opt_binary, "trip-reports (default: $TR_BINARY, else the build tree's)", "PATH" },
  { "hello", 0, 0, G_OPTION_ARG_FILENAME, &opt_hello, "The GLib program (default: the build tree's hello-glib)", "PATH" },
  { NULL }
};

static void
print_row (const char *name,
           GArray     *sorted)
{
  g_print ("%-14s %8.2f %8.2f\n", name, tr_bench_percentile (sorted, 50), tr_bench_percentile (sorted, 95));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hello = g_array_new (FALSE, FALSE, sizeof (double));
  const char *binary;
  const char *hello_path;
  double ratio_p50, ratio_p95, target = 2.0;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Times `trip-reports --version` against a GLib hello program.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_runs < 1)
    {
      g_printerr ("--runs must be at least 1\n");
      return 2;
    }

  binary = opt_binary != NULL ? opt_binary : g_getenv ("TR_BINARY") != NULL ? g_getenv ("TR_BINARY") : BUILD_BINARY;
  hello_path = opt_hello != NULL ? opt_hello : BUILD_HELLO;
  /* What trip-reports starts, when it is the build tree's (tr-cli-commands.h). */
  g_setenv ("TR_LIBEXECDIR", BUILD_LIBEXECDIR, FALSE);

  g_print ("bench-cli: %d runs of each, alternately, a new process each time\n", opt_runs);
  g_print ("Machine: %u processors\n", g_get_num_processors ());
  g_print ("Ours:  %s --version\n", binary);
  g_print ("GLib:  %s (links GLib alone, sets the locale, prints a line)\n\n", hello_path);

  for (int i = 0; i < opt_runs; i++)
    {
      const char * const ours_argv[] = { binary, "--version", NULL };
      const char * const hello_argv[] = { hello_path, NULL };
      double ms;

      if ((ms = tr_bench_spawn_ms (ours_argv, NULL, 0, &error)) < 0)
        break;
      g_array_append_val (ours, ms);
      if ((ms = tr_bench_spawn_ms (hello_argv, NULL, 0, &error)) < 0)
        break;
      g_array_append_val (hello, ms);
    }
  if (error != NULL)
    {
      g_printerr ("bench-cli: %s\n", error->message);
      return 1;
    }

  tr_bench_sort (ours);
  tr_bench_sort (hello);
  g_print ("%-14s %8s %8s\n", "program", "p50 ms", "p95 ms");
  print_row ("trip-reports", ours);
  print_row ("hello-glib", hello);
  ratio_p50 = tr_bench_percentile (ours, 50) / MAX (tr_bench_percentile (hello, 50), 0.001);
  ratio_p95 = tr_bench_percentile (ours, 95) / MAX (tr_bench_percentile (hello, 95), 0.001);
  g_print ("\nTarget at most %.0fx the GLib program (medians): %.2fx, %s; at p95: %.2fx\n",
           target, ratio_p50, ratio_p50 <= target ? "MET" : "NOT MET", ratio_p95);
  return 0;
}
