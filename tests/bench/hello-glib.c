/* hello-glib.c: the least a GLib program does, to compare start-ups with
 *
 * bench-cli times `trip-reports --version` against it: a program that
 * links GLib alone, sets the locale and prints a line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <locale.h>

int
main (void)
{
  setlocale (LC_ALL, "");
  g_print ("Hello, world\n");
  return 0;
}
