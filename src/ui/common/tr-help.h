/* tr-help.h: the user guide, opened in the help viewer
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Opens the guide (help/ in the source tree) at @page, or at its index when
 * @page is NULL, in the desktop's help viewer. A viewer that cannot be
 * started is said in an alert over @parent. */
void tr_help_show (GtkWindow  *parent,
                   const char *page);

G_END_DECLS
