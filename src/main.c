/* main.c: trip-reports-window, what `trip-reports` starts without a subcommand
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <locale.h>

#include "tr-application.h"

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("TR_LOCALEDIR");

  tr_application_tune_memory ();
  setlocale (LC_ALL, "");
  /* TR_LOCALEDIR lets the build tree's translations (build/po) be used
   * before installation: for build-aux/run.sh, screenshots and tests. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  tr_application_prefer_report_language ();

  {
    g_autoptr(TrApplication) app = tr_application_new ();

    return g_application_run (G_APPLICATION (app), argc, argv);
  }
}
