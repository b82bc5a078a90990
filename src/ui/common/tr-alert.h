/* tr-alert.h: a short question over a window, with a few answers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The alert's type, for finding one: its "response" signal (with the
 * answer's ID) is the same in both. */
#if ADW_CHECK_VERSION (1, 5, 0)
# define TR_TYPE_ALERT ADW_TYPE_ALERT_DIALOG
#else
# define TR_TYPE_ALERT ADW_TYPE_MESSAGE_DIALOG
#endif

GtkWidget *tr_alert_new                  (const char            *heading,
                                          const char            *body);
void       tr_alert_add_response         (GtkWidget             *alert,
                                          const char            *id,
                                          const char            *label,
                                          AdwResponseAppearance  appearance);
/* The answer Enter gives, and the one Escape gives. */
void       tr_alert_set_default_response (GtkWidget             *alert,
                                          const char            *id);
void       tr_alert_set_close_response   (GtkWidget             *alert,
                                          const char            *id);
void       tr_alert_set_response_enabled (GtkWidget             *alert,
                                          const char            *id,
                                          gboolean               enabled);
gboolean   tr_alert_get_response_enabled (GtkWidget             *alert,
                                          const char            *id);
/* A widget under the body, such as an entry; it takes the focus. */
void       tr_alert_set_extra_child      (GtkWidget             *alert,
                                          GtkWidget             *child);
GtkWidget *tr_alert_get_extra_child      (GtkWidget             *alert);
/* Shows @alert over the window @parent is in, modal. */
void       tr_alert_present              (GtkWidget             *alert,
                                          GtkWidget             *parent);

G_END_DECLS
